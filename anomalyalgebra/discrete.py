"""Discrete anomalies: the Ibáñez–Ross conditions for Z_N symmetries.

For a Z_N acting on left-handed Weyl fermions with charges ``q_i`` (mod N) —
right-handed fields enter through their conjugates, charge ``-q`` — the anomaly-free
conditions (L. E. Ibáñez and G. G. Ross, Phys. Lett. B 260 (1991) 291; normalisation
as in T. Araki et al., Nucl. Phys. B 805 (2008) 124) are

* ``Z_N × G²`` for a simple gauge factor G:  ``Σ_i q_i · 2T(r_i) · d_i ≡ 0 (mod N)``,
  with ``2T(fund of SU(M)) = 1`` and ``d_i`` the multiplicity from the other factors
  and the copies;
* ``Z_N × gravity²``:  ``Σ_i q_i · dim_i ≡ 0 (mod N)``.

Ibáñez and Ross allow, for even N, the relaxed ``mod N/2`` in the gravitational
condition (heavy Majorana fermions of charge N/2 can contribute N/2), reported here
as ``relaxed``.  The Z_N × U(1)² and cubic conditions depend on the normalisation of
the charges of heavy fields and are not constraints (same paper); not computed.

A symmetry that violates ``Z_N × G²`` for a non-abelian G is broken by G instantons
(for G = SU(2)_L: by the electroweak 't Hooft vertex); it cannot be a gauged
(discrete gauge) symmetry.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .exceptions import ModelError
from .groups import SimpleFactor, ZN

__all__ = ["DiscreteAnomaly", "ibanez_ross", "discrete_anomalies"]


@dataclass(frozen=True)
class DiscreteAnomaly:
    """One Ibáñez–Ross condition: ``value ≡ 0 (mod modulus)``.

    Attributes
    ----------
    symmetry : str
        Name of the Z_N symmetry.
    channel : str
        Label of the simple factor G of ``Z_N × G²``, or ``"grav"``.
    value : int or sympy.Expr
        ``Σ_i q_i · 2T(r_i) · d_i`` (or ``Σ_i q_i · dim_i`` for gravity), not reduced.
    modulus : int
        ``N``.
    free : bool or None
        The verdict (``None`` if the value is symbolic).
    relaxed : bool or None
        The verdict with the even-N gravitational relaxation (same as ``free``
        otherwise).
    """

    symmetry: str
    channel: str
    value: object
    modulus: int
    free: object
    relaxed: object

    @property
    def residue(self):
        """``value`` reduced to ``0..modulus-1`` when it is an integer, else ``value`` unchanged.

        Examples
        --------
        >>> DiscreteAnomaly("Z", "grav", -1, 2, False, False).residue
        1
        """
        v = sp.sympify(self.value)
        return int(v) % self.modulus if v.is_Integer else self.value

    def __str__(self) -> str:
        v = "anomaly free" if self.free else ("ANOMALOUS" if self.free is False else "undecided")
        extra = ""
        if self.channel == "grav" and self.relaxed != self.free:
            extra = f" (free mod {self.modulus // 2}: Ibáñez–Ross relaxation)"
        return f"Z{self.modulus}[{self.symmetry}] x {self.channel}^2: {self.residue} mod {self.modulus} -> {v}{extra}"


def _verdict(value, n):
    v = sp.sympify(value)
    if v.is_Integer:
        return int(v) % n == 0
    return None


def _charge_per_field(model, charges: dict, n: int) -> dict:
    """``{field name: (sum of the copies' charges, some copy charged)}`` of ``charges``.

    Later entries win: a field entry sets every copy, a copy entry ``"name_k"`` the
    k-th; copy numbers outside ``1..copies`` count for nothing.  Summed without a loop
    over the copies (a field may have very many).
    """
    whole, single = {}, {}
    for key, q in charges.items():
        if key in model._index:
            whole[key] = int(q)
            single[key] = {}
        else:
            base, _, idx = key.rpartition("_")
            if not base or base not in model._index or not idx.isdigit():
                raise ModelError(f"Z_{n} charge given for '{key}': not a field or copy of {model.name}")
            single.setdefault(base, {})[int(idx) - 1] = int(q)
    out = {}
    for name, given in single.items():
        copies = model.field(name).copies
        given = [q for a, q in given.items() if 0 <= a < copies]
        q0, rest = whole.get(name, 0), copies - len(given)
        out[name] = (q0 * rest + sum(given), bool(q0 and rest) or any(given))
    return out


def ibanez_ross(model, charges: dict, n: int, name: str = "Z") -> tuple:
    """Ibáñez–Ross conditions of a Z_n with ``charges`` ``{field or phase: q}``.

    Parameters
    ----------
    model : Model
        The model (its simple factors and fermions).
    charges : dict
        ``{field or copy: q}``; a key may name a field (all copies) or one copy
        ``"l12_2"`` (as the phases of
        :func:`anomalyalgebra.operators.accidental_symmetries`).  Fields not listed
        have charge 0; later entries win.
    n : int
        The order N of the symmetry.
    name : str, optional
        Name of the symmetry in the records (default ``"Z"``).

    Returns
    -------
    tuple of DiscreteAnomaly
        One condition per simple factor of the model, then gravity.

    Raises
    ------
    ModelError
        If a key is neither a field nor a copy ``"<field>_<k>"`` of the model.

    Examples
    --------
    Lepton parity of the SM + Weinberg operator is broken by SU(2)_L instantons
    (three odd doublets), but not gravitationally anomalous once relaxed:

    >>> import anomalyalgebra as aa
    >>> sm = aa.load_model("sm")
    >>> for a in ibanez_ross(sm, {"l": 1, "e": 1}, 2, "L"): print(a)
    Z2[L] x SU3c^2: 0 mod 2 -> anomaly free
    Z2[L] x SU2L^2: 1 mod 2 -> ANOMALOUS
    Z2[L] x grav^2: 1 mod 2 -> ANOMALOUS (free mod 1: Ibáñez–Ross relaxation)
    """
    per_field = _charge_per_field(model, charges, n)
    out = []
    for label, g in list(model.groups) + [("grav", None)]:
        if g is not None and not isinstance(g, SimpleFactor):
            continue
        total = sp.Integer(0)
        for f in model.fermions:
            q, charged = per_field.get(f.name, (0, False))
            if not charged:
                continue
            sgn = 1 if f.chirality == "L" else -1
            mult = sp.Integer(1)
            for lab2, g2 in model.groups:
                if isinstance(g2, SimpleFactor) and lab2 != label:
                    mult *= g2.dim(f.rep(lab2))
            if g is None:
                weight = mult
            else:
                weight = 2 * g.index(f.rep(label)) * mult
            total += sgn * q * weight
        total = sp.expand(total)
        free = _verdict(total, n)
        relaxed = free
        if g is None and n % 2 == 0 and free is False:
            relaxed = _verdict(total, n // 2) if n > 2 else True
        out.append(DiscreteAnomaly(name, label, int(total) if total.is_Integer else total, n, free, relaxed))
    return tuple(out)


def discrete_anomalies(model, labels=None) -> dict:
    """Ibáñez–Ross conditions for every Z_N factor of the model (or those in ``labels``).

    Parameters
    ----------
    model : Model
        The model; the charges are those of its Z_N factors.
    labels : iterable of str, optional
        Restrict to these Z_N labels.

    Returns
    -------
    dict
        ``{label: tuple of DiscreteAnomaly}`` (see :func:`ibanez_ross`).

    Examples
    --------
    The Z_2 factors of Table III of the seed paper: Z_2^A is anomaly free (it acts on a
    vector-like pair), Z_2^τ is not: three Z_2^τ-odd doublets (ℓ_L^3, 𝓔_L, 𝓔_R).

    >>> import anomalyalgebra as aa
    >>> res = discrete_anomalies(aa.load_model("tau_l_only"))
    >>> [(a.channel, a.value % 2, a.free) for a in res["Z2A"]]
    [('SU3c', 0, True), ('SU2L', 0, True), ('grav', 0, True)]
    >>> [(a.channel, a.value % 2, a.free) for a in res["Z2tau"]]
    [('SU3c', 0, True), ('SU2L', 1, False), ('grav', 1, False)]
    """
    out = {}
    for label, g in model.groups:
        if not isinstance(g, ZN) or (labels is not None and label not in labels):
            continue
        charges = {f.name: int(f.rep(label)) for f in model.fields if int(f.rep(label))}
        out[label] = ibanez_ross(model, charges, g.n, label)
    return out
