r"""Global anomalies of SU(2) and Sp(2N) factors: Witten's and the new SU(2) anomaly.

For an SU(2) factor, counting left-handed Weyl multiplets of isospin ``j`` (a
right-handed field in a pseudoreal or real representation counts the same; each
multiplet counted with its copies and its dimensions under the other simple factors):

* ``witten`` — an odd number of multiplets of isospin :math:`2r + 1/2` (dimension
  :math:`4r + 2`: 2, 6, 10, ...) makes the theory inconsistent (Witten 1982).  This is
  :func:`anomalyalgebra.anomaly.witten_anomaly` (the parity of :math:`\sum 2T(r)`), reused.
* ``new`` — an odd number of multiplets of isospin :math:`4r + 3/2` (dimension
  :math:`8r + 4`: 4, 12, 20, ...) is inconsistent when the theory is formulated without a
  choice of spin structure, on :math:`\mathrm{Spin}\times_{\mathbb{Z}_2}\mathrm{SU}(2)`
  manifolds (Wang–Wen–Witten, arXiv:1810.00844, abstract and Sec. 2).  Isospin
  :math:`4r + 7/2` (dimension 8, 16, ...) carries neither anomaly.
* ``non_spin_formulation`` — whether that formulation exists: every fermion has half-integer
  isospin and every boson integer isospin (the centre :math:`-1` of SU(2) is fermion parity).
  With a spin (or spin\ :sup:`c`) structure chosen, ``new`` is no inconsistency.

For Sp(2N), N >= 2: ``witten`` as above (:math:`\sum 2T(r)` odd), ``non_spin_formulation``
with the centre :math:`\mathbb{Z}_2` of Sp(2N) in place of that of SU(2) (congruence class 1
for fermions, 0 for bosons); ``new`` is ``None``: Wang–Wen–Witten state that an analogue
exists but this toolkit does not derive its representation rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..anomaly import has_witten_anomaly_check, witten_anomaly
from ..exceptions import AnomalyAlgebraError, ModelError
from ..groups import SimpleFactor

__all__ = ["SU2Global", "su2_global", "su2_global_all"]


@dataclass(frozen=True)
class SU2Global:
    """Witten's and the new SU(2) anomaly of one SU(2)/Sp(2N) factor.

    Attributes
    ----------
    label : str
    witten : bool or None
        An odd number of multiplets of isospin 2r + 1/2 (``None``: symbolic dimensions).
    new : bool or None
        An odd number of multiplets of isospin 4r + 3/2 (``None`` for Sp(2N), N >= 2, or
        symbolic dimensions).
    non_spin_formulation : bool or None
        Fermions all of half-integer isospin, bosons all of integer isospin.
    counts : dict
        ``{isospin (str): number of Weyl multiplets}``.
    reason : str or None
        Why a value is ``None``.
    gauged : bool
    """

    label: str
    witten: object
    new: object
    non_spin_formulation: object
    counts: dict
    reason: object = None
    gauged: bool = True

    def to_dict(self) -> dict:
        """The JSON form ``{"witten", "new", "non_spin_formulation", "reason"}``.

        Examples
        --------
        >>> SU2Global("W", False, True, True, {"3/2": 1}).to_dict()
        {'witten': False, 'new': True, 'non_spin_formulation': True, 'reason': None}
        """
        return {"witten": self.witten, "new": self.new,
                "non_spin_formulation": self.non_spin_formulation, "reason": self.reason}

    def __str__(self) -> str:
        def yn(v):
            return {True: "yes", False: "no", None: "undetermined"}[v]
        text = (f"{self.label}: Witten anomaly {yn(self.witten)}, new SU(2) anomaly {yn(self.new)}"
                f" (matters only in the non-spin formulation, which the spectrum"
                f" {'admits' if self.non_spin_formulation else 'does not admit' if self.non_spin_formulation is False else 'may admit'})")
        return text + (f"; {self.reason}" if self.reason else "")


def _int_or_none(x):
    x = sp.sympify(x)
    return int(x) if x.is_Integer else None


def su2_global(model, label: str) -> SU2Global:
    """Witten's and the new SU(2) anomaly of the factor ``label`` (SU(2) or Sp(2N)).

    Parameters
    ----------
    model : Model
    label : str

    Returns
    -------
    SU2Global

    Raises
    ------
    ModelError
        If the factor is not SU(2) or Sp(2N).

    Examples
    --------
    One isospin-3/2 Weyl multiplet: no Witten anomaly, the new one (Wang–Wen–Witten):

    >>> from anomalyalgebra.model import Model, fermion
    >>> m = Model.build("t", {"W": "SU(2)"}, [fermion("x", "L", {"W": "4"})])
    >>> r = su2_global(m, "W"); r.witten, r.new, r.non_spin_formulation
    (False, True, True)
    >>> r = su2_global(m.replace_field("x", reps={"W": "8"}), "W"); r.witten, r.new
    (False, False)
    """
    g = model.group(label)
    if not has_witten_anomaly_check(g):
        raise ModelError(f"'{label}' is {g.name}: the SU(2) global anomalies concern SU(2) and Sp(2N) factors")
    gauged = bool(getattr(g, "gauged", True))
    is_su2 = g.algebra.rank == 1
    reasons = []
    try:
        witten = witten_anomaly(model, label)
    except AnomalyAlgebraError as exc:
        witten = None
        reasons.append(str(exc))
    counts, odd_new, undetermined = {}, 0, False
    non_spin = True
    for f in model.fields:
        rep = f.rep(label)
        if not hasattr(rep, "labels"):            # symbolic SU(2) dimension
            undetermined = True
            non_spin = None if non_spin is not False else False
            continue
        odd_class = rep.congruence_class % 2 == 1    # -1 in the centre acts as -1
        if non_spin is not None and odd_class != f.is_fermion:
            non_spin = False
        if not f.is_fermion:
            continue
        weight = sp.Integer(f.copies)
        for other, r in f.reps:
            h = model.group(other)
            if other != label and isinstance(h, SimpleFactor):
                weight *= h.dim(r)
        w = _int_or_none(weight)
        if w is None:
            undetermined = True
            continue
        if is_su2:
            dim = int(rep.dim)
            key = str(sp.Rational(dim - 1, 2))
            counts[key] = counts.get(key, 0) + w
            if dim % 8 == 4:
                odd_new += w
    if undetermined:
        reasons.append("a dimension is symbolic: substitute the symbols first")
    if not is_su2:
        new = None
        reasons.append(f"{g.name}: Wang–Wen–Witten (arXiv:1810.00844) state an Sp(2N) analogue of the"
                       " new anomaly without a representation rule this toolkit derives")
    else:
        new = None if undetermined else bool(odd_new % 2)
    return SU2Global(label, witten, new, non_spin, counts, "; ".join(reasons) or None, gauged)


def su2_global_all(model) -> dict:
    """:func:`su2_global` of every SU(2) and Sp(2N) factor, in model order.

    Parameters
    ----------
    model : Model

    Returns
    -------
    dict
        ``{label: SU2Global}``.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> {k: (v.witten, v.new, v.non_spin_formulation) for k, v in su2_global_all(aa.load_model("sm")).items()}
    {'SU2L': (False, False, False)}
    """
    return {label: su2_global(model, label) for label, g in model.groups if has_witten_anomaly_check(g)}
