"""Weights and invariants of irreps as cached functions of ``(algebra, Dynkin labels)``.

The mathematics under :class:`~anomalyalgebra.algebra.irrep.Irrep`: dimension (Weyl),
quadratic Casimir, Dynkin index, cubic anomaly, conjugate, reality, congruence class and
the weight system (Freudenthal).  Nothing here builds an :class:`Irrep`; the functions
take the algebra record and a tuple of labels and return python ints / Fractions.

Normalisations (long roots have length squared 2):

* quadratic Casimir ``C2(R) = (lambda, lambda + 2 rho)/2``, so ``C2(adj) = h^vee``;
* Dynkin index ``T(R) = dim(R) C2(R) / dim(G)``, so ``T(fund SU(N)) = 1/2`` and
  ``T(adj) = h^vee`` (LieART/Slansky quote ``l = 2 T``);
* cubic anomaly ``A(R)`` with ``A(fund SU(N)) = 1``; zero for all algebras other
  than SU(N), N >= 3.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from math import lcm

from ..exceptions import UnknownRepresentationError
from .cartan import (
    CartanType,
    _inverse_cartan,
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
    "irrep_dim",
    "irrep_casimir",
    "irrep_index",
    "irrep_anomaly",
    "irrep_conjugate",
    "irrep_reality",
    "congruence_class",
    "dominant_weights",
    "weight_system",
    "reflect_to_dominant",
    "depth_functional",
]

#: Irreps above this dimension are refused by :func:`weight_system` unless forced.
MAX_WEIGHT_SYSTEM_DIM = 2_000_000

# ---------------------------------------------------------------------------
# cached functions of (algebra, labels)
# ---------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _dim_weights(alg: CartanType) -> tuple:
    """Scaled root-length weights ``D_i`` (ints) and positive roots for the Weyl formula."""
    d = _root_halflengths(alg)
    den = 1
    for x in d:
        den = lcm(den, x.denominator)
    dd = tuple(int(x * den) for x in d)
    roots = positive_roots(alg)
    rho_prod = 1
    rows = []
    for c in roots:
        coeff = tuple(ci * di for ci, di in zip(c, dd))
        rows.append(coeff)
        rho_prod *= sum(coeff)
    return tuple(rows), rho_prod


@lru_cache(maxsize=None)
def irrep_dim(alg: CartanType, labels: tuple) -> int:
    """Weyl dimension formula ``prod_{alpha>0} (lambda+rho, alpha)/(rho, alpha)``.

    Parameters
    ----------
    alg : CartanType
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
def irrep_casimir(alg: CartanType, labels: tuple) -> Fraction:
    """Quadratic Casimir ``C2 = (lambda, lambda + 2 rho)/2`` (long roots of length squared 2).

    Parameters
    ----------
    alg : CartanType
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
def irrep_index(alg: CartanType, labels: tuple) -> Fraction:
    """Dynkin index ``T = dim(R) C2(R) / dim(G)``.

    Parameters
    ----------
    alg : CartanType
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
def irrep_anomaly(alg: CartanType, labels: tuple) -> int:
    """Cubic anomaly coefficient ``A(R)`` normalised to ``A(fund SU(N)) = 1``.

    For SU(N) the cubic Casimir is, by the Harish-Chandra isomorphism, proportional
    to the odd invariant ``p3(lambda + rho)`` (sum of cubes of the traceless
    orthogonal coordinates of ``lambda + rho``), so
    ``A(R) = dim(R) p3(lambda+rho) / (N p3(omega_1 + rho))``.  The tests check this
    against the weight sum ``sum_mu mult(mu) (mu.h)^3`` (Okubo's definition).

    Parameters
    ----------
    alg : CartanType
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


def reflect_to_dominant(a, w):
    """Dominant Weyl conjugate of a weight and the parity of the reflections used.

    Parameters
    ----------
    a : sequence of sequence of int
        The Cartan matrix (row ``i`` = Dynkin labels of the simple root ``alpha_i``).
    w : sequence of int
        A weight in the Dynkin basis (not modified).

    Returns
    -------
    tuple
        ``(dominant weight, sign)`` with ``sign = (-1)**(number of simple reflections)``.

    Examples
    --------
    >>> reflect_to_dominant(((2, -1), (-1, 2)), (-1, 1))      # one reflection, s_1
    ((1, 0), -1)
    """
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
def irrep_conjugate(alg: CartanType, labels: tuple) -> tuple:
    """Dynkin labels of the conjugate irrep, ``-w0(lambda)`` = dominant conjugate of ``-lambda``.

    Parameters
    ----------
    alg : CartanType
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
    w, _ = reflect_to_dominant(cartan_matrix(alg), [-x for x in labels])
    return w


@lru_cache(maxsize=None)
def irrep_reality(alg: CartanType, labels: tuple) -> str:
    """Reality of an irrep: ``'complex'`` unless self-conjugate; then real or pseudoreal
    from the parity of ``<lambda, 2 rho^vee>``.

    Parameters
    ----------
    alg : CartanType
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
def congruence_class(alg: CartanType, labels: tuple):
    """Congruence class of an irrep (LieART conventions, see :mod:`.cartan` numbering).

    SU(N): N-ality ``sum_k k a_k mod N``; SO(2n+1): ``a_n mod 2``; Sp(2n):
    ``a_1 + a_3 + ... mod 2``; SO(2n): the pair ``(a_{n-1}+a_n mod 2,
    2(a_1+a_3+...) + (n-2) a_{n-1} + n a_n mod 4)``; E6: ``a1-a2+a4-a5 mod 3``;
    E7: ``a4+a6+a7 mod 2``; E8, F4, G2: 0.

    Parameters
    ----------
    alg : CartanType
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
def dominant_weights(alg: CartanType, labels: tuple) -> tuple:
    """Dominant weights of the irrep with their multiplicities (Freudenthal's formula).

    Parameters
    ----------
    alg : CartanType
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
                    dom = reflect_to_dominant(a, nu)[0]
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
def weight_system(alg: CartanType, labels: tuple, force: bool = False) -> tuple:
    """All weights with multiplicities, highest first.

    Parameters
    ----------
    alg : CartanType
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
    inv_cols = depth_functional(alg)
    out.sort(key=lambda vm: (sum(c * (h - x) for c, h, x in zip(inv_cols, hw, vm[0])), tuple(-x for x in vm[0])))
    return tuple(out)


@lru_cache(maxsize=None)
def depth_functional(alg: CartanType) -> tuple:
    """Row sums of the inverse Cartan matrix: ``height(lambda - mu)`` is linear in ``lambda - mu``.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.

    Returns
    -------
    tuple of Fraction
        One coefficient per Dynkin label.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> depth_functional(lie_algebra("SU(2)"))
    (Fraction(1, 2),)
    """
    inv = _inverse_cartan(alg)
    return tuple(sum(inv[i][j] for j in range(alg.rank)) for i in range(alg.rank))
