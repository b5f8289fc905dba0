r"""The global form of the gauge group: the part of the centre that acts trivially on all fields.

The gauge algebra fixes the gauge group only up to a quotient by a subgroup of its centre.
The centre considered here is the product of

* the centres of the simple factors (read off the congruence class of each irrep:
  SU(N): :math:`\mathbb{Z}_N` (N-ality); Sp(2N), SO(2N+1), E7: :math:`\mathbb{Z}_2`;
  SO(2N): :math:`\mathbb{Z}_4` for odd N, :math:`\mathbb{Z}_2\times\mathbb{Z}_2` for even N;
  E6: :math:`\mathbb{Z}_3`; E8, F4, G2: trivial);
* every U(1) factor, whole, in its *faithful* normalisation: its charges rescaled to coprime
  integers ``Q = c q``, so that :math:`e^{2\pi i y Q}`, :math:`y \in [0, 1)`, runs once round
  the circle;
* every gauged Z(N) factor (it is its own centre).

Only gauged factors are part of the gauge group (``getattr(factor, "gauged", True)``).  The
largest subgroup Γ acting trivially on every field (fermions and scalars) is
:math:`\{x \in (\mathbb{R}/\mathbb{Z})^n : A x \in \mathbb{Z}^m\}` for the integer matrix whose
rows are the fields' charges under the cyclic pieces, plus :math:`k\,e_i` for a centre piece
of order ``k``; it is read off the Smith form by
:func:`anomalyalgebra.lattice.integer_kernel` (``torsion=True``).  The matter allows exactly
the quotients :math:`G/\Gamma'` with :math:`\Gamma' \subseteq \Gamma`.

For the Standard Model with :math:`Q = 6Y` this gives :math:`\Gamma = \mathbb{Z}_6`, generated
by :math:`(e^{2\pi i/3}\mathbb{1}_3, -\mathbb{1}_2, e^{2\pi i Y})` (Tong, arXiv:1705.01853;
Davighi–Gripaios–Lohitsiri, arXiv:1910.11277).
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from fractions import Fraction
from math import gcd, lcm

import sympy as sp

from ..groups import SimpleFactor, U1, ZN
from ..lattice import integer_kernel

__all__ = ["GaugeQuotient", "gauge_quotient", "centre_orders", "centre_character", "u1_scale"]

#: Above this order Γ's subgroups are not listed (only counted as "every subgroup").
MAX_LISTED_ORDER = 64


def centre_orders(algebra) -> tuple:
    """Orders of the cyclic pieces of the centre of the simply connected group of ``algebra``.

    Parameters
    ----------
    algebra : LieAlgebra

    Returns
    -------
    tuple of int

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> [centre_orders(lie_algebra(g)) for g in ("SU(3)", "SO(10)", "SO(8)", "Sp(4)", "E8")]
    [(3,), (4,), (2, 2), (2,), ()]
    """
    s, n = algebra.series, algebra.rank
    if s == "A":
        return (n + 1,)
    if s in ("B", "C"):
        return (2,)
    if s == "D":
        return (4,) if n % 2 else (2, 2)
    if s == "E" and n == 6:
        return (3,)
    if s == "E" and n == 7:
        return (2,)
    return ()


def centre_character(irrep) -> tuple:
    """How the centre acts on ``irrep``: one exponent per cyclic piece of :func:`centre_orders`.

    The generator of a piece of order ``k`` acts as :math:`e^{2\\pi i c/k}`; ``c`` comes from
    the congruence class (for SO(2N), N even, the pair ``(c1, c2/2)`` of the LieART class).

    Parameters
    ----------
    irrep : Irrep

    Returns
    -------
    tuple of int

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra, parse_irrep
    >>> so10 = lie_algebra("SO(10)")
    >>> [centre_character(parse_irrep(so10, r)) for r in ("16", "10", "45")]
    [(1,), (2,), (0,)]
    """
    alg = irrep.algebra
    cc = irrep.congruence_class
    s, n = alg.series, alg.rank
    if s == "D":
        c1, c2 = cc
        return (c2 % 4,) if n % 2 else (c1 % 2, (c2 // 2) % 2)
    if not centre_orders(alg):
        return ()
    return (int(cc),)


@dataclass(frozen=True)
class GaugeQuotient:
    """The subgroup Γ of the centre acting trivially on every field.

    Attributes
    ----------
    order : int or None
        ``|Γ|`` (``None`` when Γ is not finite or cannot be computed; see ``reason``).
    invariants : tuple of int
        Γ ≅ ⊕ Z(d) for these d (Smith invariants, each dividing the next).
    generators : tuple of dict
        One element per invariant: ``{label: value}`` — for a simple factor the centre
        exponent (an int, or a tuple for SO(4k)), for a U(1) the angle α of
        :math:`e^{2\\pi i \\alpha q}` in the model's normalisation, for a Z(N) the exponent.
    quotients : tuple of dict
        The subgroups Γ' ⊆ Γ (``{"order", "generators"}``), i.e. the allowed forms G/Γ';
        empty when ``order > MAX_LISTED_ORDER`` (every subgroup is allowed all the same).
    normalisation : dict
        ``{U(1) label: c}`` with ``c q`` the coprime integer charges.
    reason : str or None
    """

    order: object
    invariants: tuple = ()
    generators: tuple = ()
    quotients: tuple = ()
    normalisation: dict = dc_field(default_factory=dict)
    reason: object = None

    def to_dict(self) -> dict:
        """The JSON form: ``{"order", "generators", "invariants", "quotients", "u1_normalisation", "reason"}``.

        Examples
        --------
        >>> GaugeQuotient(1).to_dict()["order"]
        1
        """
        def js(x):
            return {k: (str(v) if isinstance(v, (Fraction, sp.Rational)) else
                        list(v) if isinstance(v, tuple) else v) for k, v in x.items()}
        return {"order": self.order, "generators": [js(g) for g in self.generators],
                "invariants": list(self.invariants),
                "quotients": [{"order": q["order"], "generators": [js(g) for g in q["generators"]]}
                              for q in self.quotients],
                "u1_normalisation": {k: str(v) for k, v in self.normalisation.items()},
                "reason": self.reason}

    def __str__(self) -> str:
        if self.order is None:
            return f"gauge quotient: undetermined ({self.reason})"
        inv = " x ".join(f"Z({d})" for d in self.invariants) or "trivial"
        gens = "; ".join(", ".join(f"{k}: {v}" for k, v in g.items()) for g in self.generators)
        text = f"centre acting trivially on all fields: {inv} (order {self.order})"
        return text + (f", generated by {{{gens}}}" if gens else "")


def _pieces(model):
    """``[(label, kind, order or None, index of the cyclic piece)]`` for the gauged factors."""
    out = []
    for label, g in model.groups:
        if not getattr(g, "gauged", True):
            continue
        if isinstance(g, SimpleFactor):
            for i, k in enumerate(centre_orders(g.algebra)):
                out.append((label, "simple", k, i))
        elif isinstance(g, ZN):
            out.append((label, "zn", g.n, 0))
        elif isinstance(g, U1):
            out.append((label, "u1", None, 0))
    return out


def u1_scale(model, label: str):
    """``c`` such that ``c q`` are coprime integers (the faithful normalisation of a U(1)).

    Parameters
    ----------
    model : Model
    label : str
        A U(1) factor.

    Returns
    -------
    fractions.Fraction or str
        The scale, or a sentence saying why there is none (a symbolic or irrational
        charge, or no charged field).

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> u1_scale(aa.load_model("sm"), "Y")
    Fraction(6, 1)
    """
    qs = []
    for f in model.fields:
        q = sp.sympify(f.rep(label))
        if q.free_symbols:
            return (f"U(1) '{label}': charge {q} of '{f.name}' is symbolic; substitute values first"
                    " (the faithful normalisation needs the numbers)")
        if not q.is_Rational:
            return f"U(1) '{label}': charge {q} of '{f.name}' is not a rational number (no faithful U(1))"
        qs.append(Fraction(int(q.p), int(q.q)))
    nz = [q for q in qs if q]
    if not nz:
        return f"U(1) '{label}' acts trivially on every field (a whole U(1) in the kernel)"
    den = lcm(*(q.denominator for q in nz))
    num = gcd(*(int(q * den) for q in nz))
    return Fraction(den, num)


def _subgroups(elements_gen, size, add):
    """All subgroups of the finite abelian group generated by ``elements_gen`` (vectors of ``size``)."""
    def closure(gens):
        seen = {tuple([Fraction(0)] * size)}
        frontier = list(seen)
        while frontier:
            x = frontier.pop()
            for g in gens:
                y = add(x, g)
                if y not in seen:
                    seen.add(y)
                    frontier.append(y)
        return frozenset(seen)
    whole = closure(elements_gen)
    subs = {closure([])}
    frontier = list(subs)
    while frontier:
        s = frontier.pop()
        for x in whole:
            if x not in s:
                t = closure(list(s) + [x]) if len(s) < 64 else None
                if t is not None and t not in subs:
                    subs.add(t)
                    frontier.append(t)
    return sorted(subs, key=len)


def gauge_quotient(model) -> GaugeQuotient:
    """The largest subgroup Γ of the centre of the gauge group acting trivially on every field.

    Parameters
    ----------
    model : Model

    Returns
    -------
    GaugeQuotient
        ``order None`` with a ``reason`` when a U(1) charge is symbolic or irrational, a
        representation symbolic, or a whole U(1) acts trivially.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> q = gauge_quotient(aa.load_model("sm"))
    >>> q.order, q.invariants, q.generators, q.normalisation
    (6, (6,), ({'SU3c': 1, 'SU2L': 1, 'Y': 1},), {'Y': Fraction(6, 1)})
    >>> [s["order"] for s in q.quotients]
    [1, 2, 3, 6]
    """
    pieces = _pieces(model)
    normal = {}
    for label, kind, _, _ in pieces:
        if kind == "u1":
            c = u1_scale(model, label)
            if isinstance(c, str):
                return GaugeQuotient(None, reason=c)
            normal[label] = c
    if not pieces:
        return GaugeQuotient(1, normalisation=normal)
    rows = []
    for f in model.fields:
        row = []
        for label, kind, k, i in pieces:
            rep = f.rep(label)
            if kind == "simple":
                if not hasattr(rep, "labels"):
                    return GaugeQuotient(None, normalisation=normal, reason=(
                        f"field '{f.name}': symbolic representation under {label};"
                        " substitute the symbols first"))
                row.append(centre_character(rep)[i])
            elif kind == "zn":
                row.append(int(rep) % k)
            else:
                q = Fraction(int(sp.Rational(rep).p), int(sp.Rational(rep).q)) * normal[label]
                row.append(int(q))
        rows.append(row)
    for j, (_, kind, k, _) in enumerate(pieces):
        if k is not None:
            rows.append([k if i == j else 0 for i in range(len(pieces))])
    K, tors, invariants = integer_kernel(rows, len(pieces), torsion=True)
    if K:
        return GaugeQuotient(None, normalisation=normal, reason=(
            "a continuous subgroup of the centre acts trivially on every field"))
    gens = [tuple(Fraction(v, d) % 1 for v in vec) for d, vec in tors]
    inv = tuple(d for d, _ in tors)
    order = 1
    for d in inv:
        order *= d

    def add(x, y):
        return tuple((a + b) % 1 for a, b in zip(x, y))

    def mult(x, t):
        return tuple((a * t) % 1 for a in x)

    if len(gens) == 1:          # cyclic: the generator with the smallest U(1) angles
        d = inv[0]
        cands = [mult(gens[0], u) for u in range(1, d) if gcd(u, d) == 1] or [gens[0]]
        u1_first = [i for i, p in enumerate(pieces) if p[1] == "u1"] + \
            [i for i, p in enumerate(pieces) if p[1] != "u1"]
        gens = [min(cands, key=lambda x: tuple(x[i] for i in u1_first))]

    def readable(x):
        out = {}
        for (label, kind, k, i), v in zip(pieces, x):
            if kind == "u1":
                out[label] = _num((v * normal[label]) % normal[label])
            else:
                e = int(v * k)
                out[label] = e if label not in out else (
                    (out[label] if isinstance(out[label], tuple) else (out[label],)) + (e,))
        return out

    quotients = ()
    if order <= MAX_LISTED_ORDER:
        subs = _subgroups(gens, len(pieces), add)
        quotients = tuple({"order": len(s), "generators": tuple(readable(x) for x in _min_gens(s, add))}
                          for s in subs)
    return GaugeQuotient(order, inv, tuple(readable(g) for g in gens), quotients, normal)


def _num(f: Fraction):
    return f.numerator if f.denominator == 1 else f


def _min_gens(s, add):
    """A small generating set of the finite subgroup ``s`` (greedy: largest orders first)."""
    zero = tuple([Fraction(0)] * len(next(iter(s))))
    if len(s) == 1:
        return []

    def span(gens):
        seen, frontier = {zero}, [zero]
        while frontier:
            x = frontier.pop()
            for g in gens:
                y = add(x, g)
                if y not in seen:
                    seen.add(y)
                    frontier.append(y)
        return seen

    def order_of(x):
        k, y = 1, x
        while y != zero:
            y, k = add(y, x), k + 1
        return k

    gens, have = [], {zero}
    for x in sorted(s, key=lambda x: (-order_of(x), x)):
        if x not in have:
            gens.append(x)
            have = span(gens)
        if len(have) == len(s):
            break
    return gens
