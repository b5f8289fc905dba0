"""SU(2) spin matrices and invariant tensors in the component basis.

The basis of a spin-j irrep is ``|j, m>`` with m = j, j-1, ..., -j (descending),
the Condon-Shortley phase convention.  A conjugated factor (``bar(F)``, ``conj(F)``)
transforms with the generators ``-J^*``: ``J3 -> -J3``, ``J+ -> -J-``, ``J- -> -J+``.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

import sympy as sp

from ..exceptions import ModelError

__all__ = ["spin_matrices", "invariant_tensor"]


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
    dims = [int(2 * s) + 1 for s in spins]
    mats = []
    for s, conj in zip(spins, conjugated):
        J3, Jp, Jm = spin_matrices(s)
        mats.append((-J3, -Jm) if conj else (J3, Jp))
    basis = [k for k in product(*[range(d) for d in dims])
             if sum(mats[i][0][k[i], k[i]] for i in range(len(k))) == 0]
    if not basis:
        raise ModelError(f"SU(2): the product of spins {list(spins)} contains no singlet")
    index = {k: a for a, k in enumerate(basis)}
    # J+ total maps weight 0 to weight 1; a singlet is annihilated by it.
    rows: dict = {}
    for a, k in enumerate(basis):
        for i in range(len(k)):
            col = mats[i][1][:, k[i]]
            for r in range(dims[i]):
                c = col[r]
                if c != 0:
                    target = k[:i] + (r,) + k[i + 1:]
                    rows.setdefault(target, {})[a] = rows.setdefault(target, {}).get(a, 0) + c
    A = sp.zeros(max(len(rows), 1), len(basis))
    for r, (_, entries) in enumerate(sorted(rows.items())):
        for a, c in entries.items():
            A[r, a] = c
    null = A.nullspace()
    if len(null) != 1:
        raise ModelError(
            f"SU(2): the product of spins {list(spins)} contains {len(null)} singlets;"
            " the contraction is ambiguous"
        )
    vec = null[0]
    first = next(x for x in vec if x != 0)
    vec = (vec / first).applyfunc(sp.radsimp)
    return {basis[a]: sp.simplify(vec[a]) for a in range(len(basis)) if vec[a] != 0}
