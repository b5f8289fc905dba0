"""Tensor-product decomposition and invariant counting (Brauer-Klimyk / Racah-Speiser).

``V(lambda) x V(mu) = sum_{nu in weights(mu)} mult(nu) sign(w) V(w(lambda+nu+rho) - rho)``
where ``w`` brings ``lambda + nu + rho`` into the dominant chamber; terms on a wall
vanish.  The weights of the smaller factor are used.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..exceptions import GroupError, UnknownRepresentationError
from .cartan import cartan_matrix
from .irrep import Irrep
from .naming import _name_info
from .weights import irrep_conjugate, irrep_dim, reflect_to_dominant, weight_system

__all__ = ["tensor_product", "singlet_multiplicity"]


def _check(irreps) -> None:
    if not irreps:
        raise UnknownRepresentationError("tensor product of no irreps; give at least one Irrep")
    for r in irreps:
        if not isinstance(r, Irrep):
            raise UnknownRepresentationError(
                f"{r!r} is not an Irrep (symbolic SU(2) irreps must be substituted first)"
            )
    alg = irreps[0].algebra
    for r in irreps[1:]:
        if r.algebra != alg:
            raise GroupError(f"cannot multiply irreps of different algebras: {alg.name} and {r.algebra.name}")


@lru_cache(maxsize=8192)
def _product2(alg, l1: tuple, l2: tuple) -> tuple:
    """Decomposition of two irreps as a sorted tuple ``((labels, mult), ...)``."""
    if irrep_dim(alg, l1) < irrep_dim(alg, l2):
        l1, l2 = l2, l1
    a = cartan_matrix(alg)
    shift = tuple(x + 1 for x in l1)
    acc = Counter()
    for w, m in weight_system(alg, l2):
        dom, sign = reflect_to_dominant(a, [s + x for s, x in zip(shift, w)])
        if min(dom) <= 0:
            continue
        acc[tuple(x - 1 for x in dom)] += sign * m
    out = tuple(sorted((lab, m) for lab, m in acc.items() if m))
    assert all(m > 0 for _, m in out)
    return out


def _product_labels(alg, labels: tuple) -> dict:
    """Multiplicities (labels -> int) of an ordered tuple of Dynkin labels."""
    ordered = sorted(labels, key=lambda lab: irrep_dim(alg, lab))
    current = {ordered[0]: 1}
    for lab in ordered[1:]:
        nxt = Counter()
        for x, m in current.items():
            for y, k in _product2(alg, *sorted((x, lab))):
                nxt[y] += m * k
        current = nxt
    return dict(current)


def tensor_product(*irreps: Irrep) -> dict:
    """Decompose a tensor product of irreps into irreps.

    Parameters
    ----------
    *irreps : Irrep
        One or more irreps of the same algebra.

    Returns
    -------
    dict
        ``{Irrep: multiplicity}``, ordered by dimension then name order.

    Raises
    ------
    GroupError
        If the irreps belong to different algebras.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> su3 = lie_algebra("SU(3)")
    >>> {str(r): m for r, m in tensor_product(su3.irrep("8"), su3.irrep("8")).items()}
    {'1': 1, '8': 2, '10': 1, '10bar': 1, '27': 1}
    """
    _check(irreps)
    alg = irreps[0].algebra
    res = _product_labels(alg, tuple(r.labels for r in irreps))
    items = [(Irrep(alg, lab), m) for lab, m in res.items()]
    def key(item):
        r = item[0]
        d = irrep_dim(alg, r.labels)
        e = _name_info(alg, d).get(r.labels) if d <= 10**6 else None
        return (d,) + ((e[0], int(e[1])) if e else (99, 0)) + (tuple(-x for x in r.labels),)

    return dict(sorted(items, key=key))


@lru_cache(maxsize=65536)
def _singlets(alg, labels: tuple) -> int:
    n = len(labels)
    if n == 1:
        return int(not any(labels[0]))
    if n == 2:
        return int(irrep_conjugate(alg, labels[0]) == labels[1])
    if n == 3:
        # multiplicity of conj(c) in a x b, using the smaller weight system
        a, b, c = sorted(labels, key=lambda lab: irrep_dim(alg, lab))
        target = irrep_conjugate(alg, c)
        return dict(_product2(alg, *sorted((a, b)))).get(target, 0)
    half = n // 2
    left = _product_labels(alg, labels[:half])
    right = _product_labels(alg, labels[half:])
    return sum(m * right.get(irrep_conjugate(alg, x), 0) for x, m in left.items())


def singlet_multiplicity(*irreps: Irrep) -> int:
    """Number of independent invariants in ``irreps[0] x irreps[1] x ...``.

    Computed as ``sum_X mult(X in first half) mult(conj X in second half)``,
    cached on the sorted tuple of Dynkin labels (the product is commutative).

    Parameters
    ----------
    *irreps : Irrep
        At least one irrep, all of the same algebra.

    Returns
    -------
    int
        The multiplicity of the trivial irrep in the product.

    Raises
    ------
    UnknownRepresentationError
        If no irrep is given, or an argument is not an :class:`Irrep` (symbolic SU(2)
        irreps must be substituted first).
    GroupError
        If the irreps belong to different algebras.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> su3 = lie_algebra("SU(3)")
    >>> singlet_multiplicity(*[su3.irrep("8")] * 3)
    2
    >>> e6 = lie_algebra("E6")
    >>> singlet_multiplicity(*[e6.irrep("27")] * 3)
    1
    """
    _check(irreps)
    alg = irreps[0].algebra
    labels = tuple(sorted((r.labels for r in irreps), key=lambda lab: (irrep_dim(alg, lab), lab)))
    return _singlets(alg, labels)
