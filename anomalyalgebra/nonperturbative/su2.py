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
  :math:`4r + 7/2` (dimension 8, 16, ...) carries neither anomaly.  The toolkit does not
  state this rule but derives it: :func:`cp2_zero_mode_pairs` counts the zero-mode pairs of
  a multiplet on :math:`\mathbb{CP}^2` in the minimal Spin ×_Z2 SU(2) background from its
  weights (spin\ :sup:`c` indices :math:`((2m)^2 - 1)/8`), :math:`\binom{k+2}{3}` for isospin
  :math:`k + 1/2`, odd exactly for isospin :math:`4r + 3/2`; ``new`` is the parity of the
  total.
* ``non_spin_formulation`` — whether that formulation exists: every fermion has half-integer
  isospin and every boson integer isospin (the centre :math:`-1` of SU(2) is fermion parity).
  With a spin (or spin\ :sup:`c`) structure chosen, ``new`` is no inconsistency.

For Sp(2N), N >= 2: ``witten`` as above (:math:`\sum 2T(r)` odd), ``non_spin_formulation``
with the centre :math:`\mathbb{Z}_2` of Sp(2N) in place of that of SU(2) (congruence class 1
for fermions, 0 for bosons).  Wang–Wen–Witten state that the new anomaly has an Sp(2N)
analogue; its complete representation rule is not evaluated here.  What is derived is a
**restriction argument**: an SU(2) subgroup that contains the centre of Sp(2N) is given by a
partition of 2N into even parts (the dimensions of the SU(2) irreps into which the
fundamental branches, all of half-integer isospin; :func:`centre_su2_embeddings`).  On it,
odd-class fermions carry half-integer isospin only, so the restricted theory is a
:math:`\mathrm{Spin}\times_{\mathbb{Z}_2}\mathrm{SU}(2)` theory, and the Sp(2N) theory
restricted to such backgrounds is that theory.  An anomaly cannot disappear when the
backgrounds are restricted, so if the restricted spectrum (:func:`su2_branching`) has an
odd number of multiplets of isospin :math:`4r + 3/2`, the Sp(2N) theory is anomalous in its
non-spin formulation.  On spin manifolds the only global anomaly of Sp(2N) is Witten's
(:math:`\Omega_5^{\mathrm{Spin}}(B\mathrm{Sp}(2N)) = \mathbb{Z}_2`, as for SU(2)), so when
``witten`` is ``False`` this anomaly is not Witten's: ``new`` is ``True`` and ``detected_by``
names the subgroup.  When ``witten`` is ``True`` the theory is inconsistent anyway and the
argument cannot separate a new anomaly from Witten's (which subgroups see an odd count depends
on the choice of subgroup, unlike for SU(2)): ``new`` is ``None`` and the reason names the
subgroup.  If no such subgroup detects it, ``new`` is ``None`` too (never ``False``): the
subgroups do not see every background of Sp(2N), and the complete Sp(2N) rule is not
evaluated.  Examples: a Weyl fermion in the 6 and one in the 14' of Sp(6) (the 14' has
isospins 9/2 and 3/2 on the principal SU(2)); one Weyl fermion in the 220 of Sp(10).

The branching projects the weights of the Sp(2N) irrep (the package's weight system,
:meth:`~anomalyalgebra.algebra.Irrep.weights`) onto the Cartan generator :math:`T_3` of the
subgroup, fixed by its eigenvalues on the fundamental, and reads the SU(2) irreps off the
multiset of :math:`T_3` values (highest first).
"""

from __future__ import annotations

import operator
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import sympy as sp
from sympy.utilities.iterables import partitions

from ..algebra import lie_algebra
from ..anomaly import has_witten_anomaly_check, witten_anomaly
from ..exceptions import AnomalyAlgebraError, GroupError, ModelError
from ..groups import SimpleFactor
from ..limits import current_limits

__all__ = ["SU2Global", "su2_global", "su2_global_all", "cp2_zero_mode_pairs", "centre_su2_embeddings", "su2_branching",
           "su2_embedding_index", "MAX_RESTRICTION_WORK"]

#: Work bound of the restriction argument for one Sp(2N) factor: over the subgroups examined,
#: N times the summed dimensions of the distinct fermion irreps (weights projected, each a dot
#: product of length N).  Beyond it the remaining subgroups are not examined and ``new`` stays
#: ``None`` with that reason (no hang).
MAX_RESTRICTION_WORK = 2_000_000


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
        ``{isospin (str): number of Weyl multiplets}``; for Sp(2N) those of the restricted
        spectrum on the subgroup ``detected_by`` (empty when none detects).
    reason : str or None
        Why a value is ``None``; for Sp(2N) also how ``new`` was decided.
    gauged : bool
    detected_by : tuple of int or None
        Sp(2N) only: the SU(2) subgroup on which the new anomaly is seen, as the dimensions
        of the SU(2) irreps into which the fundamental branches (e.g. ``(4,)`` for Sp(4)).
    rank : int
        Rank of the factor (1 for SU(2), N for Sp(2N)).
    """

    label: str
    witten: object
    new: object
    non_spin_formulation: object
    counts: dict
    reason: object = None
    gauged: bool = True
    detected_by: object = None
    rank: int = 1

    def to_dict(self) -> dict:
        """The JSON form ``{"witten", "new", "non_spin_formulation", "reason"}``, for Sp(2N)
        factors with ``"detected_by"`` (a list of SU(2) dimensions, or ``None``).

        Examples
        --------
        >>> SU2Global("W", False, True, True, {"3/2": 1}).to_dict()
        {'witten': False, 'new': True, 'non_spin_formulation': True, 'reason': None}
        >>> SU2Global("S", True, True, True, {"3/2": 1}, detected_by=(4,), rank=2).to_dict()["detected_by"]
        [4]
        """
        out = {"witten": self.witten, "new": self.new,
               "non_spin_formulation": self.non_spin_formulation, "reason": self.reason}
        if self.rank > 1:
            out["detected_by"] = None if self.detected_by is None else list(self.detected_by)
        return out

    def __str__(self) -> str:
        def yn(v):
            return {True: "yes", False: "no", None: "undetermined"}[v]
        text = (f"{self.label}: Witten anomaly {yn(self.witten)}, new SU(2) anomaly {yn(self.new)}"
                f" (matters only in the non-spin formulation, which the spectrum"
                f" {'admits' if self.non_spin_formulation else 'does not admit' if self.non_spin_formulation is False else 'may admit'})")
        return text + (f"; {self.reason}" if self.reason else "")


def _parts_text(rank: int, parts) -> str:
    return f"{2 * rank} -> " + " + ".join(str(d) for d in parts)


def _sp_algebra(alg):
    """The rank N of an Sp(2N) (or SU(2) = Sp(2)) algebra; GroupError for any other."""
    if alg.series == "C" or (alg.series == "A" and alg.rank == 1):
        return alg.rank
    raise GroupError(f"{alg.name} is not Sp(2N) or SU(2): the SU(2) subgroups here are those of Sp(2N)")


def _check_parts(alg, parts) -> tuple:
    n = _sp_algebra(alg)
    try:
        parts = tuple(sorted((operator.index(d) for d in parts), reverse=True))
    except (TypeError, ValueError):
        raise GroupError(f"{alg.name}: the SU(2) subgroup must be given as a list of positive"
                         f" integers (dimensions of SU(2) irreps), not {parts!r}") from None
    if not parts or min(parts) < 1 or sum(parts) != 2 * n:
        raise GroupError(f"{alg.name}: the SU(2) dimensions {list(parts)} must be positive and add up to"
                         f" {2 * n}, the dimension of the fundamental")
    odd = Counter(d for d in parts if d % 2)
    bad = sorted(d for d, k in odd.items() if k % 2)
    if bad:
        raise GroupError(f"{alg.name}: {list(parts)} is no SU(2) subgroup of {alg.name}: an SU(2)"
                         f" irrep of odd dimension ({bad[0]}) is orthogonal and must occur an even"
                         " number of times in the symplectic fundamental")
    return parts


def centre_su2_embeddings(rank: int) -> tuple:
    """The SU(2) subgroups of Sp(2N) that contain its centre, up to conjugation.

    They are the partitions of 2N into even parts: the fundamental branches into SU(2) irreps
    of even dimension (half-integer isospin), so that the element -1 of SU(2) acts as the
    centre :math:`-1` of Sp(2N).  Ordered from the principal subgroup ``(2N,)`` to the
    diagonal one ``(2, ..., 2)``.

    Parameters
    ----------
    rank : int
        N >= 1.

    Returns
    -------
    tuple of tuple of int
        Each a non-increasing tuple of even dimensions adding up to 2N.

    Raises
    ------
    GroupError
        If ``rank`` is not a positive integer within the group-rank limit.

    Examples
    --------
    >>> centre_su2_embeddings(3)
    ((6,), (4, 2), (2, 2, 2))
    """
    if isinstance(rank, bool) or not isinstance(rank, int) or not 1 <= rank <= current_limits().max_group_rank:
        raise GroupError(f"rank {rank!r}: expected an integer N with 1 <= N <="
                         f" {current_limits().max_group_rank} (max_group_rank)")
    return _embeddings(rank)


@lru_cache(maxsize=None)
def _embeddings(rank: int) -> tuple:
    out = [tuple(sorted((2 * k for k, m in p.items() for _ in range(m)), reverse=True))
           for p in partitions(rank)]
    return tuple(sorted(out, reverse=True))


@lru_cache(maxsize=None)
def _projection(alg, parts: tuple) -> tuple:
    """Integers ``c`` with ``2 T3(mu) = c . mu`` for weights ``mu`` in Dynkin labels."""
    values = sorted((d - 1 - 2 * k for d in parts for k in range(d)), reverse=True)
    positive = [v for v in values if v > 0]
    positive += [0] * ((len(values) - 2 * len(positive)) // 2)
    # any assignment of the T3 values to the chosen weights is conjugate under the Weyl group
    return tuple(sum(a * b for a, b in zip(row, positive)) for row in _fundamental_inverse(alg))


@lru_cache(maxsize=None)
def _fundamental_inverse(alg) -> tuple:
    """Inverse of the matrix of one weight of each pair +-w of the fundamental (an integer matrix)."""
    chosen = []
    for w, _ in alg.fundamental.weights():
        if tuple(-x for x in w) not in chosen:
            chosen.append(w)
    inv = sp.Matrix(chosen).inv()
    assert all(x.is_Integer for x in inv), (alg, inv)
    return tuple(tuple(int(x) for x in inv.row(i)) for i in range(inv.rows))


def _peel(two_t3: Counter) -> dict:
    """SU(2) irreps ``{2j: multiplicity}`` of a multiset of 2 T3 values (highest first)."""
    out = {}
    for k in sorted((k for k in two_t3 if k >= 0), reverse=True):
        m = two_t3[k] - two_t3.get(k + 2, 0)
        if m < 0:
            raise AssertionError("not the T3 values of an SU(2) representation: an internal error")
        if m:
            out[k] = m
    return out


def su2_branching(irrep, parts) -> dict:
    """Branch an irrep of Sp(2N) to the SU(2) subgroup under which the fundamental is ``parts``.

    Parameters
    ----------
    irrep : Irrep
        An irrep of Sp(2N) (or SU(2)).
    parts : sequence of int
        Dimensions of the SU(2) irreps into which the fundamental 2N branches: they add up to
        2N, odd dimensions an even number of times (e.g. ``(4,)``, ``(2, 2)``, ``(2, 1, 1)``
        for Sp(4)).

    Returns
    -------
    dict
        ``{isospin (sympy.Rational): multiplicity}``, highest isospin first.

    Raises
    ------
    GroupError
        If the irrep is not of Sp(2N) or ``parts`` is no SU(2) subgroup of it.

    Examples
    --------
    The 4 of Sp(4) on the principal and on the diagonal SU(2); the 14' of Sp(6) on the
    principal one:

    >>> from anomalyalgebra.algebra import lie_algebra
    >>> sp4 = lie_algebra("Sp(4)")
    >>> su2_branching(sp4.irrep("4"), (4,)), su2_branching(sp4.irrep("4"), (2, 2))
    ({3/2: 1}, {1/2: 2})
    >>> su2_branching(lie_algebra("Sp(6)").irrep("14'"), (6,))
    {9/2: 1, 3/2: 1}
    """
    alg = irrep.algebra
    c = _projection(alg, _check_parts(alg, parts))
    return {sp.Rational(k, 2): m for k, m in _branch(alg, irrep.labels, c).items()}


@lru_cache(maxsize=4096)
def _branch(alg, labels, c) -> dict:
    two_t3 = Counter()
    for w, m in alg.irrep(labels).weights():
        two_t3[sum(a * b for a, b in zip(c, w))] += m
    return _peel(two_t3)


def su2_embedding_index(algebra, parts):
    """Embedding index of the SU(2) subgroup ``parts`` of Sp(2N): ``T_SU(2)(2N) / T_Sp(2N)(2N)``.

    For every irrep R of Sp(2N), the Dynkin indices of its SU(2) pieces add up to this index
    times ``T(R)``.

    Parameters
    ----------
    algebra : LieAlgebra
        Sp(2N) (or SU(2)).
    parts : sequence of int
        As in :func:`su2_branching`.

    Returns
    -------
    sympy.Integer

    Raises
    ------
    GroupError
        If ``parts`` is no SU(2) subgroup of ``algebra``.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> [su2_embedding_index(lie_algebra("Sp(4)"), p) for p in ((4,), (2, 2), (2, 1, 1))]
    [10, 2, 1]
    """
    parts = _check_parts(algebra, parts)
    su2 = lie_algebra("SU(2)")
    return sum((su2.irrep(str(d)).index for d in parts), sp.Integer(0)) / algebra.fundamental.index


def cp2_zero_mode_pairs(two_j: int) -> int:
    r"""Zero-mode pairs of an isospin-``j`` Weyl fermion on :math:`\mathbb{CP}^2` in the minimal
    :math:`\mathrm{Spin}\times_{\mathbb{Z}_2}\mathrm{SU}(2)` background.

    :math:`\mathbb{CP}^2` is not spin; an SO(3) bundle with :math:`w_2 = w_2(\mathbb{CP}^2)`
    makes half-integer isospin well defined.  Take the one whose weight-``m`` component is the
    (formal) line bundle :math:`\mathcal{O}(2m)^{1/2}\otimes K^{-1/2}`: each component is a
    spin\ :sup:`c` Dirac operator with determinant line of degree :math:`c = 2m` (odd), of
    index :math:`(c^2 - \sigma)/8 = ((2m)^2 - 1)/8` (Atiyah–Singer).  The index of the
    multiplet is the sum over its weights; it is even because the weights ``m`` and ``-m``
    contribute equally in this reducible background (pseudoreality alone would not do: an
    isospin-1/2 fermion has index 1 in one instanton on :math:`S^4`).  With
    :math:`j = k + 1/2` half of it, the number of pairs, is :math:`\binom{k+2}{3}`,
    odd exactly when :math:`k \equiv 1 \pmod 4` (Lucas's theorem), i.e. :math:`j = 4r + 3/2`:
    the rule of Wang–Wen–Witten (arXiv:1810.00844) for the new SU(2) anomaly, which this
    toolkit derives here from the weights instead of stating it (the tests compare the two
    for every isospin up to 201/2).

    Parameters
    ----------
    two_j : int
        Twice the isospin, odd.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        If ``two_j`` is not a positive odd integer.

    Examples
    --------
    >>> [cp2_zero_mode_pairs(d) for d in (1, 3, 5, 7, 9, 11)]
    [0, 1, 4, 10, 20, 35]
    """
    if two_j < 1 or two_j % 2 == 0:
        raise ValueError(f"cp2_zero_mode_pairs: twice the isospin must be a positive odd integer, got {two_j}")
    index = sum(sp.Rational(c * c - 1, 8) for c in range(-two_j, two_j + 1, 2))
    return int(index / 2)


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

    Sp(6) with a Weyl fermion in the 6 and one in the 14': no Witten anomaly (2T = 1 + 5),
    the new one, seen on the principal SU(2) (6 -> isospin 5/2, 14' -> 9/2 + 3/2):

    >>> s = Model.build("s", {"S": "Sp(6)"}, [fermion("a", "L", {"S": "6"}),
    ...                                       fermion("b", "L", {"S": "14'"})])
    >>> r = su2_global(s, "S"); r.witten, r.new, r.detected_by, r.counts
    (False, True, (6,), {'9/2': 1, '5/2': 1, '3/2': 1})
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
    sp_reps, even_fermion = Counter(), None
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
        if not odd_class and even_fermion is None:
            even_fermion = f.name
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
            if dim % 2 == 0:                      # half-integer isospin
                odd_new += w * cp2_zero_mode_pairs(dim - 1)
        else:
            sp_reps[rep.labels] += w
    if undetermined:
        reasons.append("a dimension is symbolic: substitute the symbols first")
    detected = None
    if is_su2:
        new = None if undetermined else bool(odd_new % 2)
    elif undetermined:
        new = None
    elif even_fermion is not None:
        new = None
        reasons.append(f"{g.name}: the fermion '{even_fermion}' is even under the centre of {g.name}, so no"
                       " SU(2) subgroup containing the centre gives a Spin x_Z2 SU(2) theory; the new"
                       " anomaly of Sp(2N) (Wang–Wen–Witten, arXiv:1810.00844) is not evaluated")
    else:
        new, detected, counts, why = _sp_new(g.algebra, sp_reps, witten)
        reasons.append(f"{g.name}: {why}")
    return SU2Global(label, witten, new, non_spin, counts, "; ".join(reasons) or None, gauged,
                     detected, g.algebra.rank)


def _sp_new(alg, reps: Counter, witten) -> tuple:
    """``(new, detected_by, counts, reason)`` of the restriction argument for Sp(2N)."""
    n = alg.rank
    reps = {labels: w for labels, w in reps.items() if w}
    embeddings = centre_su2_embeddings(n)
    per_subgroup = n * sum(int(alg.irrep(labels).dim) for labels in reps)
    checked = 0
    for parts in embeddings:
        if per_subgroup * (checked + 1) > MAX_RESTRICTION_WORK:
            break
        c = _projection(alg, parts)
        total = Counter()
        for labels, w in reps.items():
            for k, m in _branch(alg, labels, c).items():
                total[k] += w * m
        checked += 1
        if sum(m * cp2_zero_mode_pairs(k) for k, m in total.items() if k % 2) % 2:   # 4r + 3/2
            seen = (f"on the SU(2) subgroup with {_parts_text(n, parts)}, which contains the centre, the"
                    " spectrum has an odd number of Weyl multiplets of isospin 4r + 3/2 (Wang–Wen–Witten,"
                    " arXiv:1810.00844)")
            if witten is False:
                counts = {str(sp.Rational(k, 2)): m for k, m in sorted(total.items(), reverse=True) if m}
                return True, parts, counts, (
                    f"new anomaly derived by restriction: {seen}; Witten's anomaly is absent, so this"
                    " anomaly vanishes on spin manifolds and is not Witten's")
            return None, None, {}, (
                f"{seen}, so the theory is anomalous on non-spin backgrounds too; but Witten's anomaly"
                " is present, and for Sp(2N) this argument does not separate a new anomaly from it")
    why = ("no SU(2) subgroup containing the centre detects the new anomaly"
           f" ({checked} of {len(embeddings)} such subgroups examined")
    if checked < len(embeddings):
        why += f"; the rest exceed the work bound MAX_RESTRICTION_WORK = {MAX_RESTRICTION_WORK}"
    why += "); the complete Sp(2N) rule (Wang–Wen–Witten, arXiv:1810.00844) is not evaluated"
    return None, None, {}, why


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
