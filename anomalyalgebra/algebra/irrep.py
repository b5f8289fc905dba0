"""Irreducible representations of simple Lie algebras, labelled by Dynkin labels.

:class:`Irrep` is a thin frozen record ``(algebra, labels)``; the physics lives in
cached module functions (:func:`irrep_dim`, :func:`irrep_index`, ...), so each
quantity is computed once per irrep.

Normalisations (long roots have length squared 2):

* quadratic Casimir ``C2(R) = (lambda, lambda + 2 rho)/2``, so ``C2(adj) = h^vee``;
* Dynkin index ``T(R) = dim(R) C2(R) / dim(G)``, so ``T(fund SU(N)) = 1/2`` and
  ``T(adj) = h^vee`` (LieART/Slansky quote ``l = 2 T``);
* cubic anomaly ``A(R)`` with ``A(fund SU(N)) = 1``; zero for all algebras other
  than SU(N), N >= 3.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy

from ..exceptions import UnknownRepresentationError
from .cartan import (
    LieAlgebra,
    _positive_roots_omega,
    _two_rho_coroot,
    cartan_matrix,
    inner,
    inner_scaled,
    _int_form,
    _root_halflengths,
    positive_roots,
)

__all__ = [
    "Irrep",
    "irrep_dim",
    "irrep_casimir",
    "irrep_index",
    "irrep_anomaly",
    "irrep_conjugate",
    "irrep_reality",
    "congruence_class",
    "dominant_weights",
    "weight_system",
]

#: Irreps above this dimension are refused by :func:`weight_system` unless forced.
MAX_WEIGHT_SYSTEM_DIM = 2_000_000


@dataclass(frozen=True)
class Irrep:
    """An irrep of a simple Lie algebra, given by the Dynkin labels of its highest weight.

    Build it with :func:`~anomalyalgebra.algebra.parse_irrep` or
    :meth:`LieAlgebra.irrep` from a name; the constructor takes the labels.

    Parameters
    ----------
    algebra : LieAlgebra
    labels : tuple of int
        Non-negative Dynkin labels, one per simple root.

    Raises
    ------
    UnknownRepresentationError
        If the labels are not ``rank`` non-negative integers.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> r = lie_algebra("SU(3)").irrep("6")
    >>> r
    Irrep('SU(3)', '6')
    >>> r.labels, r.dim, r.index, r.casimir, r.anomaly, r.reality
    ((2, 0), 6, 5/2, 10/3, 7, 'complex')
    >>> r.conjugate.name, r.conjugate.anomaly
    ('6bar', -7)
    """

    algebra: LieAlgebra
    labels: tuple

    def __post_init__(self):
        alg, lab = self.algebra, self.labels
        if not isinstance(alg, LieAlgebra):
            raise UnknownRepresentationError(f"{alg!r} is not a LieAlgebra")
        try:
            lab = tuple(lab)
        except TypeError:
            raise UnknownRepresentationError(f"{alg.name}: Dynkin labels {lab!r} are not a sequence") from None
        bad = [x for x in lab if isinstance(x, bool) or not isinstance(x, (int, sympy.Integer)) or x < 0]
        if len(lab) != alg.rank or bad:
            raise UnknownRepresentationError(
                f"{alg.name}: Dynkin label {lab!r} is not an irrep; expected {alg.rank} non-negative integers"
            )
        object.__setattr__(self, "labels", tuple(int(x) for x in lab))

    # -------------------------------------------------------------- display
    @property
    def name(self) -> str:
        """Conventional (LieART) name, e.g. ``'3bar'``, ``"15'"``, ``'8_v'``.

        Falls back to the Dynkin label string ``'(1,0,2)'`` when the dimension
        cannot be named unambiguously.
        """
        from .naming import irrep_name

        return irrep_name(self)

    @property
    def label_string(self) -> str:
        """Dynkin labels as ``'(1,0)'``."""
        return "(" + ",".join(map(str, self.labels)) + ")"

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"Irrep({self.algebra.name!r}, {self.name!r})"

    def _sympystr(self, printer=None) -> str:
        return self.name

    def _latex(self, printer=None) -> str:
        from .naming import irrep_latex

        return irrep_latex(self)

    def _repr_latex_(self) -> str:
        return "$" + self._latex() + "$"

    # -------------------------------------------------------------- physics
    @property
    def dim(self) -> sympy.Integer:
        """Dimension (Weyl dimension formula)."""
        return _sym(irrep_dim, self.algebra, self.labels)

    @property
    def casimir(self) -> sympy.Rational:
        """Quadratic Casimir ``C2``, normalised so that ``C2(adj)`` is the dual Coxeter number."""
        return _sym(irrep_casimir, self.algebra, self.labels)

    @property
    def index(self) -> sympy.Rational:
        """Dynkin index ``T = dim C2 / dim G`` (``T(fund SU(N)) = 1/2``, ``T(adj) = h^vee``)."""
        return _sym(irrep_index, self.algebra, self.labels)

    @property
    def anomaly(self) -> sympy.Integer:
        """Cubic anomaly coefficient, ``A(fund SU(N)) = 1``; 0 unless SU(N>=3) and complex."""
        return _sym(irrep_anomaly, self.algebra, self.labels)

    @property
    def conjugate(self) -> "Irrep":
        """The complex-conjugate irrep ``-w0(lambda)``."""
        return Irrep(self.algebra, irrep_conjugate(self.algebra, self.labels))

    @property
    def reality(self) -> str:
        """``'real'``, ``'pseudoreal'`` or ``'complex'``."""
        return irrep_reality(self.algebra, self.labels)

    @property
    def is_trivial(self) -> bool:
        return not any(self.labels)

    @property
    def congruence_class(self):
        """Congruence class (N-ality for SU(N)); a pair of ints for SO(2n) (LieART convention)."""
        return congruence_class(self.algebra, self.labels)

    def dominant_weights(self) -> tuple:
        """Dominant weights with multiplicities ``((weight, mult), ...)`` (Freudenthal)."""
        return dominant_weights(self.algebra, self.labels)

    def weights(self) -> tuple:
        """All weights with multiplicities ``((weight, mult), ...)`` in the Dynkin basis.

        Examples
        --------
        >>> from anomalyalgebra.algebra import lie_algebra
        >>> lie_algebra("SU(3)").irrep("3").weights()
        (((1, 0), 1), ((-1, 1), 1), ((0, -1), 1))
        >>> sum(m for _, m in lie_algebra("E8").adjoint.weights())
        248
        """
        return weight_system(self.algebra, self.labels)


def _as_rational(x: Fraction) -> sympy.Rational:
    return sympy.Rational(x.numerator, x.denominator)


@lru_cache(maxsize=None)
def _sym(func, alg, labels):
    """sympy ``Integer``/``Rational`` of a cached exact quantity (cached too)."""
    x = func(alg, labels)
    return sympy.Integer(x) if isinstance(x, int) else _as_rational(x)


# ---------------------------------------------------------------------------
# cached functions of (algebra, labels)
# ---------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _dim_weights(alg: LieAlgebra) -> tuple:
    """Scaled root-length weights ``D_i`` (ints) and positive roots for the Weyl formula."""
    d = _root_halflengths(alg)
    den = 1
    for x in d:
        den = den * x.denominator // _g(den, x.denominator)
    dd = tuple(int(x * den) for x in d)
    roots = positive_roots(alg)
    rho_prod = 1
    rows = []
    for c in roots:
        coeff = tuple(ci * di for ci, di in zip(c, dd))
        rows.append(coeff)
        rho_prod *= sum(coeff)
    return tuple(rows), rho_prod


def _g(a, b):
    while b:
        a, b = b, a % b
    return a


@lru_cache(maxsize=None)
def irrep_dim(alg: LieAlgebra, labels: tuple) -> int:
    """Weyl dimension formula ``prod_{alpha>0} (lambda+rho, alpha)/(rho, alpha)``.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    labels : tuple of int
        Dynkin labels of the highest weight (validated by :class:`Irrep`, not here).

    Returns
    -------
    int
        The dimension.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> irrep_dim(lie_algebra("SU(3)"), (1, 1))
    8
    """
    rows, rho_prod = _dim_weights(alg)
    shifted = [x + 1 for x in labels]
    num = 1
    for coeff in rows:
        num *= sum(c * s for c, s in zip(coeff, shifted))
    q, r = divmod(num, rho_prod)
    assert r == 0
    return q


@lru_cache(maxsize=None)
def irrep_casimir(alg: LieAlgebra, labels: tuple) -> Fraction:
    """Quadratic Casimir ``C2 = (lambda, lambda + 2 rho)/2`` (long roots of length squared 2).

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    labels : tuple of int
        Dynkin labels of the highest weight (validated by :class:`Irrep`, not here).

    Returns
    -------
    Fraction
        ``C2(R)``; ``C2(adj) = h^vee``.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> irrep_casimir(lie_algebra("SU(3)"), (1, 1))
    Fraction(3, 1)
    """
    two = tuple(x + 2 for x in labels)
    return inner(alg, labels, two) / 2


@lru_cache(maxsize=None)
def irrep_index(alg: LieAlgebra, labels: tuple) -> Fraction:
    """Dynkin index ``T = dim(R) C2(R) / dim(G)``.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    labels : tuple of int
        Dynkin labels of the highest weight (validated by :class:`Irrep`, not here).

    Returns
    -------
    Fraction
        ``T(R)``, with ``T(fund SU(N)) = 1/2`` (LieART/Slansky quote ``l = 2 T``).

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> irrep_index(lie_algebra("SU(3)"), (1, 0))
    Fraction(1, 2)
    """
    dimg = alg.rank + 2 * len(positive_roots(alg))
    return irrep_casimir(alg, labels) * irrep_dim(alg, labels) / dimg


def _su_traceless_p3(labels) -> int:
    """``sum_k y_k^3`` for the traceless orthogonal coordinates (times N) of ``labels``."""
    n = len(labels) + 1
    x = [0] * n
    acc = 0
    for k in range(n - 2, -1, -1):
        acc += labels[k]
        x[k] = acc
    s = sum(x)
    return sum((n * xk - s) ** 3 for xk in x)


@lru_cache(maxsize=None)
def irrep_anomaly(alg: LieAlgebra, labels: tuple) -> int:
    """Cubic anomaly coefficient ``A(R)`` normalised to ``A(fund SU(N)) = 1``.

    For SU(N) the cubic Casimir is, by the Harish-Chandra isomorphism, proportional
    to the odd invariant ``p3(lambda + rho)`` (sum of cubes of the traceless
    orthogonal coordinates of ``lambda + rho``), so
    ``A(R) = dim(R) p3(lambda+rho) / (N p3(omega_1 + rho))``.  The tests check this
    against the weight sum ``sum_mu mult(mu) (mu.h)^3`` (Okubo's definition).

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    labels : tuple of int
        Dynkin labels of the highest weight (validated by :class:`Irrep`, not here).

    Returns
    -------
    int
        ``A(R)``; 0 for every algebra other than SU(N), N >= 3.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> irrep_anomaly(lie_algebra("SU(3)"), (2, 0))      # the 6
    7
    """
    if alg.series != "A" or alg.rank < 2:
        return 0
    rho = (1,) * alg.rank
    num = irrep_dim(alg, labels) * _su_traceless_p3(tuple(x + 1 for x in labels))
    fund = (1,) + (0,) * (alg.rank - 1)
    den = (alg.rank + 1) * _su_traceless_p3(tuple(x + r for x, r in zip(fund, rho)))
    q, r = divmod(num, den)
    assert r == 0, (labels, num, den)
    return q


def _reflect_to_dominant(a, w):
    """Dominant Weyl conjugate of ``w`` (list of ints, modified) and the parity of the reflections."""
    w = list(w)
    n = len(w)
    sign = 1
    while True:
        for i in range(n):
            if w[i] < 0:
                c = w[i]
                row = a[i]
                for j in range(n):
                    w[j] -= c * row[j]
                sign = -sign
                break
        else:
            return tuple(w), sign


@lru_cache(maxsize=None)
def irrep_conjugate(alg: LieAlgebra, labels: tuple) -> tuple:
    """Dynkin labels of the conjugate irrep, ``-w0(lambda)`` = dominant conjugate of ``-lambda``.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    labels : tuple of int
        Dynkin labels of the highest weight (validated by :class:`Irrep`, not here).

    Returns
    -------
    tuple of int
        The conjugate's labels.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> irrep_conjugate(lie_algebra("SU(3)"), (2, 0))
    (0, 2)
    """
    w, _ = _reflect_to_dominant(cartan_matrix(alg), [-x for x in labels])
    return w


@lru_cache(maxsize=None)
def irrep_reality(alg: LieAlgebra, labels: tuple) -> str:
    """Reality of an irrep: ``'complex'`` unless self-conjugate; then real or pseudoreal
    from the parity of ``<lambda, 2 rho^vee>``.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    labels : tuple of int
        Dynkin labels of the highest weight (validated by :class:`Irrep`, not here).

    Returns
    -------
    str
        ``"complex"``, ``"real"`` or ``"pseudoreal"``.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> irrep_reality(lie_algebra("SU(2)"), (1,))
    'pseudoreal'
    """
    if irrep_conjugate(alg, labels) != labels:
        return "complex"
    k = _two_rho_coroot(alg)
    return "pseudoreal" if sum(a * b for a, b in zip(k, labels)) % 2 else "real"


@lru_cache(maxsize=None)
def congruence_class(alg: LieAlgebra, labels: tuple):
    """Congruence class of an irrep (LieART conventions, see :mod:`.cartan` numbering).

    SU(N): N-ality ``sum_k k a_k mod N``; SO(2n+1): ``a_n mod 2``; Sp(2n):
    ``a_1 + a_3 + ... mod 2``; SO(2n): the pair ``(a_{n-1}+a_n mod 2,
    2(a_1+a_3+...) + (n-2) a_{n-1} + n a_n mod 4)``; E6: ``a1-a2+a4-a5 mod 3``;
    E7: ``a4+a6+a7 mod 2``; E8, F4, G2: 0.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    labels : tuple of int
        Dynkin labels of the highest weight (validated by :class:`Irrep`, not here).

    Returns
    -------
    int or tuple of int
        The class (a pair for SO(2n)).

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> congruence_class(lie_algebra("SU(3)"), (1, 0)), congruence_class(lie_algebra("SU(3)"), (1, 1))
    (1, 0)
    """
    a, s, n = labels, alg.series, alg.rank
    if s == "A":
        return sum((k + 1) * x for k, x in enumerate(a)) % (n + 1)
    if s == "B":
        return a[-1] % 2
    if s == "C":
        return sum(a[0::2]) % 2
    if s == "D":
        return ((a[-2] + a[-1]) % 2, (2 * sum(a[: n - 2][0::2]) + (n - 2) * a[-2] + n * a[-1]) % 4)
    if s == "E" and n == 6:
        return (a[0] - a[1] + a[3] - a[4]) % 3
    if s == "E" and n == 7:
        return (a[3] + a[5] + a[6]) % 2
    return 0


@lru_cache(maxsize=None)
def dominant_weights(alg: LieAlgebra, labels: tuple) -> tuple:
    """Dominant weights of the irrep with their multiplicities (Freudenthal's formula).

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    labels : tuple of int
        Dynkin labels of the highest weight (validated by :class:`Irrep`, not here).

    Returns
    -------
    tuple of (tuple of int, int)
        ``((weight, mult), ...)`` ordered by depth below the highest weight.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> dominant_weights(lie_algebra("SU(3)"), (1, 1))      # the 8: two zero weights
    (((1, 1), 1), ((0, 0), 2))
    """
    a = cartan_matrix(alg)
    n = alg.rank
    roots_w = _positive_roots_omega(alg)
    heights = [sum(c) for c in positive_roots(alg)]
    lam = tuple(labels)
    depth = {lam: 0}
    layer = [lam]
    while layer:  # every dominant weight below lambda is reached staying dominant
        new = []
        for mu in layer:
            for r, h in zip(roots_w, heights):
                nu = tuple(m - x for m, x in zip(mu, r))
                if min(nu) >= 0 and nu not in depth:
                    depth[nu] = depth[mu] + h
                    new.append(nu)
        layer = new
    order = sorted(depth, key=lambda w: (depth[w], tuple(-x for x in w)))
    rho = (1,) * n
    lr = tuple(x + 1 for x in lam)
    top = inner_scaled(alg, lr, lr)
    _, scale = _int_form(alg)
    # (x, alpha) for a positive root alpha = sum_i c_i x_i d_i ; scaled by `scale`
    d = _root_halflengths(alg)
    dsc = [int(x * scale) for x in d]
    root_coeffs = [tuple(ci * di for ci, di in zip(c, dsc)) for c in positive_roots(alg)]
    mult = {lam: 1}
    dom_cache = {}
    for mu in order[1:]:
        total = 0
        for r, rc in zip(roots_w, root_coeffs):
            k = 1
            while True:
                nu = tuple(m + k * x for m, x in zip(mu, r))
                dom = dom_cache.get(nu)
                if dom is None:
                    dom = _reflect_to_dominant(a, nu)[0]
                    dom_cache[nu] = dom
                m_nu = mult.get(dom)
                if m_nu is None:
                    if dom in depth:  # not yet computed cannot happen (higher weights first)
                        raise AssertionError("Freudenthal ordering error")
                    break
                total += m_nu * sum(c * x for c, x in zip(rc, nu))
                k += 1
        mr = tuple(x + y for x, y in zip(mu, rho))
        den = top - inner_scaled(alg, mr, mr)
        q, rem = divmod(2 * total, den)
        assert rem == 0 and q > 0, (labels, mu)
        mult[mu] = q
    return tuple((w, mult[w]) for w in order)


def _orbit(a, w):
    """Weyl orbit of a dominant weight ``w`` (reflect only on positive labels)."""
    seen = {w}
    stack = [w]
    n = len(w)
    while stack:
        v = stack.pop()
        for i in range(n):
            c = v[i]
            if c > 0:
                row = a[i]
                u = tuple(v[j] - c * row[j] for j in range(n))
                if u not in seen:
                    seen.add(u)
                    stack.append(u)
    return seen


@lru_cache(maxsize=512)
def weight_system(alg: LieAlgebra, labels: tuple, force: bool = False) -> tuple:
    """All weights with multiplicities, highest first.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    labels : tuple of int
        Dynkin labels of the highest weight (validated by :class:`Irrep`, not here).
    force : bool, optional
        Compute even above :data:`MAX_WEIGHT_SYSTEM_DIM`.

    Returns
    -------
    tuple of (tuple of int, int)
        ``((weight, mult), ...)`` in Dynkin-label coordinates, by depth below the
        highest weight, then reverse-lexicographic.

    Raises
    ------
    UnknownRepresentationError
        If the irrep is larger than :data:`MAX_WEIGHT_SYSTEM_DIM` and ``force`` is false.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> weight_system(lie_algebra("SU(3)"), (1, 0))
    (((1, 0), 1), ((-1, 1), 1), ((0, -1), 1))
    """
    if not force and irrep_dim(alg, labels) > MAX_WEIGHT_SYSTEM_DIM:
        raise UnknownRepresentationError(
            f"{alg.name}: irrep {labels} has dimension {irrep_dim(alg, labels)}, above the weight-system "
            f"limit {MAX_WEIGHT_SYSTEM_DIM}; pass force=True to weight_system to compute it anyway"
        )
    a = cartan_matrix(alg)
    hw = tuple(labels)
    out = []
    for w, m in dominant_weights(alg, labels):
        out.extend((v, m) for v in _orbit(a, w))
    # sort by depth (level below the highest weight), then reverse-lex, for determinism
    inv_cols = _depth_functional(alg)
    out.sort(key=lambda vm: (sum(c * (h - x) for c, h, x in zip(inv_cols, hw, vm[0])), tuple(-x for x in vm[0])))
    return tuple(out)


@lru_cache(maxsize=None)
def _depth_functional(alg: LieAlgebra) -> tuple:
    """Row sums of the inverse Cartan matrix: ``height(lambda - mu)`` is linear in ``lambda - mu``."""
    from .cartan import _inverse_cartan

    inv = _inverse_cartan(alg)
    return tuple(sum(inv[i][j] for j in range(alg.rank)) for i in range(alg.rank))
