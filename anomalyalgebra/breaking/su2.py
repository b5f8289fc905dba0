"""SU(2) spin matrices and invariant tensors in the component basis.

The one implementation of the SU(2) singlets of the breaking code: the Dirac masses
use :func:`invariant_tensor`, the Majorana masses (repeated fields) the symmetrised
:func:`symmetric_invariant`; both are the null space of the total ``J+`` on the
weight-zero states (``_singlet_space``).

The basis of a spin-j irrep is ``|j, m>`` with m = j, j-1, ..., -j (descending),
the Condon-Shortley phase convention.  A conjugated factor (``bar(F)``, ``conj(F)``)
transforms with the generators ``-J^*``: ``J3 -> -J3``, ``J+ -> -J-``, ``J- -> -J+``.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

import sympy as sp

from ..exceptions import ModelError

__all__ = ["spin_matrices", "invariant_tensor", "symmetric_invariant"]


@lru_cache(maxsize=None)
def spin_matrices(j) -> tuple:
    """``(J3, J+, J-)`` for spin ``j``, exact, in the descending basis ``m = j, ..., -j``.

    Parameters
    ----------
    j : int, str or sympy.Rational
        The spin, a non-negative half-integer (converted with ``sympy.Rational``).

    Returns
    -------
    tuple of sympy.ImmutableMatrix
        ``(J3, J+, J-)``, each ``(2j+1) x (2j+1)``, Condon–Shortley phases
        (``J+`` has the non-negative entries ``sqrt((j-m)(j+m+1))``).

    Examples
    --------
    >>> J3, Jp, Jm = spin_matrices(sp.Rational(1, 2))
    >>> J3, Jp
    (Matrix([
    [1/2,    0],
    [  0, -1/2]]), Matrix([
    [0, 1],
    [0, 0]]))
    """
    j = sp.Rational(j)
    n = int(2 * j) + 1
    ms = [j - k for k in range(n)]
    J3 = sp.diag(*ms) if n > 1 else sp.zeros(1, 1)
    Jp = sp.zeros(n, n)
    for k in range(1, n):
        m = ms[k]
        Jp[k - 1, k] = sp.sqrt((j - m) * (j + m + 1))
    return sp.ImmutableMatrix(J3), sp.ImmutableMatrix(Jp), sp.ImmutableMatrix(Jp.T)


def _singlet_space(spins: tuple, conjugated: tuple, classes: tuple) -> tuple:
    """The weight-zero states of a product and the singlets among them, symmetrised over ``classes``.

    A singlet is a weight-zero vector annihilated by the total ``J+``; factors with
    equal ``classes`` entries are identical, so a coefficient depends only on the
    orbit of its index under their exchanges (an index with the positions of a class
    sorted is the orbit's representative, and the lexicographically smallest member).

    Returns ``(basis, column, null)``: the weight-zero indices ``k`` in lexicographic
    order, ``column[k]`` the orbit (column) of ``k``, and a basis of the null space
    of ``J+`` on the orbit coefficients (sympy column vectors).
    """
    spins = tuple(sp.Rational(s) for s in spins)
    dims = [int(2 * s) + 1 for s in spins]
    mats = []
    for s, conj in zip(spins, conjugated):
        J3, Jp, Jm = spin_matrices(s)
        mats.append((-J3, -Jm) if conj else (J3, Jp))
    groups: dict = {}
    for pos, c in enumerate(classes):
        groups.setdefault(c, []).append(pos)

    def canon(k):
        k = list(k)
        for pos in groups.values():
            for p, v in zip(pos, sorted(k[p] for p in pos)):
                k[p] = v
        return tuple(k)

    basis = [k for k in product(*[range(d) for d in dims])
             if sum(mats[i][0][k[i], k[i]] for i in range(len(k))) == 0]
    orbits = sorted({canon(k) for k in basis})
    index = {o: a for a, o in enumerate(orbits)}
    column = {k: index[canon(k)] for k in basis}
    if not orbits:
        return basis, column, []
    # J+ total maps weight 0 to weight 1; a singlet is annihilated by it.
    rows: dict = {}
    for k in basis:
        a = column[k]
        for i in range(len(k)):
            jp = mats[i][1]
            for r in range(dims[i]):
                c = jp[r, k[i]]
                if c != 0:
                    t = k[:i] + (r,) + k[i + 1:]
                    rows.setdefault(t, {})
                    rows[t][a] = rows[t].get(a, 0) + c
    A = sp.zeros(max(len(rows), 1), len(orbits))
    for r, (_, entries) in enumerate(sorted(rows.items())):
        for a, c in entries.items():
            A[r, a] = c
    return basis, column, A.nullspace()


def _normalised(basis, column, vec) -> dict:
    """``{k: coefficient}`` of a singlet, scaled so that its first non-zero coefficient is 1."""
    first = next(vec[column[k]] for k in basis if vec[column[k]] != 0)
    out = {}
    for k in basis:
        v = sp.radsimp(vec[column[k]] / first)
        if v != 0:
            out[k] = sp.simplify(v)
    return out


@lru_cache(maxsize=None)
def invariant_tensor(spins: tuple, conjugated: tuple) -> dict:
    """The SU(2) singlet in a tensor product, as ``{(k1, k2, ...): coefficient}``.

    ``k_i`` indexes the basis of factor ``i`` (0 for m = j).  The tensor is
    normalised so that its first non-zero coefficient (lexicographic in the ``k``)
    is 1; e.g. the contraction ``bar(l) H`` is ``sum_m conj(l_m) H_m`` and
    ``bar(q) conj(H)`` is the epsilon tensor with ``(+1/2, -1/2) -> 1``.

    Parameters
    ----------
    spins : tuple
        The spin of each factor (half-integers).
    conjugated : tuple of bool
        Whether each factor enters conjugated (generators ``-J^*``).

    Returns
    -------
    dict
        ``{(k1, k2, ...): coefficient}`` with the non-zero exact coefficients.

    Raises
    ------
    ModelError
        When the product contains no singlet or more than one (the contraction would
        be ambiguous).

    Examples
    --------
    >>> h = sp.Rational(1, 2)
    >>> invariant_tensor((h, h), (True, False))
    {(0, 0): 1, (1, 1): 1}
    >>> invariant_tensor((h, h), (True, True))
    {(0, 1): 1, (1, 0): -1}
    """
    spins = tuple(sp.Rational(s) for s in spins)
    basis, column, null = _singlet_space(spins, conjugated, tuple(range(len(spins))))
    if not basis:
        raise ModelError(f"SU(2): the product of spins {list(spins)} contains no singlet")
    if len(null) != 1:
        raise ModelError(
            f"SU(2): the product of spins {list(spins)} contains {len(null)} singlets;"
            " the contraction is ambiguous"
        )
    return _normalised(basis, column, null[0])


@lru_cache(maxsize=None)
def symmetric_invariant(spins: tuple, conjugated: tuple, classes: tuple) -> dict:
    """The SU(2) singlet of a product, symmetric under exchanges of factors with the same
    ``classes`` entry, as ``{(k1, ...): coefficient}``; first coefficient 1.

    The contraction of an operator that repeats a field (e.g. the Weinberg operator
    ``l l H H``): the same tensor as :func:`invariant_tensor`, restricted to the
    coefficients that are symmetric under the exchange of identical factors.

    Parameters
    ----------
    spins : tuple
        The spin of each factor.
    conjugated : tuple of bool
        Whether each factor enters conjugated.
    classes : tuple
        Factors with equal entries are identical and the tensor is symmetrised over
        them (all different: :func:`invariant_tensor`, with its errors).

    Returns
    -------
    dict
        ``{(k1, ...): coefficient}``; empty when there is no symmetric singlet.

    Raises
    ------
    ModelError
        When there are several symmetric singlets (the contraction is ambiguous).

    Examples
    --------
    >>> h = sp.Rational(1, 2)
    >>> symmetric_invariant((h, h), (False, False), ("l", "l"))    # epsilon is antisymmetric
    {}
    >>> symmetric_invariant((h, h, h, h), (False, False, False, False), ("l", "l", "H", "H"))
    {(0, 0, 1, 1): 1, (0, 1, 0, 1): -1/2, (0, 1, 1, 0): -1/2, (1, 0, 0, 1): -1/2, (1, 0, 1, 0): -1/2, (1, 1, 0, 0): 1}
    """
    if len(set(classes)) == len(classes):
        return invariant_tensor(spins, conjugated)
    spins = tuple(sp.Rational(s) for s in spins)
    basis, column, null = _singlet_space(spins, conjugated, classes)
    if not null:
        return {}
    if len(null) > 1:
        raise ModelError(f"SU(2): {len(null)} symmetric singlets in spins {list(spins)}; ambiguous")
    return _normalised(basis, column, null[0])
