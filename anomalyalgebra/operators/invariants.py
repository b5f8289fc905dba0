"""Counting independent invariants of a product of fields, with exchange symmetry.

A product such as ``H H conj(H) conj(H)`` or ``N1 N1`` contains *identical* factors.
The number of independent couplings is not the singlet multiplicity of
``R x R x ...`` but that of the symmetrised product ``Sym^k(R ⊗ F)``, where ``F`` is
the flavour space of the ``copies`` of the field:

* bosons commute, so ``k`` identical scalar factors live in ``Sym^k``;
* two identical Weyl fermions of the same spinor type are contracted with the
  antisymmetric ``ε_{αβ}`` and anticommute, so gauge ⊗ flavour is again in ``Sym^2``
  (for one copy an SU(2) doublet cannot form ``ψψ``; for the singlet ``N`` it can).

With the Lorentz group written out (``fermionic=`` of :func:`count_invariants`), the
``k`` identical fermions live in ``Λ^k`` of Lorentz ⊗ gauge ⊗ flavour instead; this is
what four-fermion operators need (``Λ^k`` takes the sign ``(-1)^(k - len(λ))``).

The character of ``Sym^k V`` is the cycle-index sum over conjugacy classes of S_k,
``Sym^k V = Σ_λ ψ^λ(V) / z_λ`` with ``ψ^j`` the Adams operation (weights multiplied
by ``j``).  A product of such characters is a Weyl-invariant weight multiset, and its
number of singlets is ``Σ_ν m_ν ε(w)`` over the weights ``ν`` with ``w(ν+ρ) = ρ``
(Brauer–Klimyk with the trivial highest weight).  The flavour space is acted on
trivially by the gauge group, so ``ψ^j(F)`` contributes the factor ``copies``.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from functools import lru_cache
from math import factorial

from ..algebra.cartan import cartan_matrix
from ..algebra.weights import reflect_to_dominant, weight_system

__all__ = ["adams_singlets", "count_invariants", "cycle_types", "symmetrized_singlets", "trivial_multiplicity"]


@lru_cache(maxsize=None)
def cycle_types(k: int) -> tuple:
    """Cycle types of S_k with weight ``1/z_λ`` (``z_λ`` the centraliser order).

    Parameters
    ----------
    k : int
        The degree of the symmetric group.

    Returns
    -------
    tuple of (tuple of int, Fraction)
        ``((parts, 1/z_λ), ...)``, partitions in decreasing lexicographic order; the
        weights sum to 1.

    Examples
    --------
    >>> [(p, str(w)) for p, w in cycle_types(2)]
    [((2,), '1/2'), ((1, 1), '1/2')]
    """
    out = []

    def parts(n, largest):
        if n == 0:
            yield ()
            return
        for p in range(min(n, largest), 0, -1):
            for rest in parts(n - p, p):
                yield (p,) + rest

    for lam in parts(k, k):
        z = 1
        for j, mj in Counter(lam).items():
            z *= j ** mj * factorial(mj)
        out.append((lam, Fraction(1, z)))
    return tuple(out)


@lru_cache(maxsize=4096)
def _adams(alg, labels: tuple, j: int) -> tuple:
    """Weights of ψ^j(R): every weight multiplied by j."""
    return tuple((tuple(j * x for x in w), m) for w, m in weight_system(alg, labels))


def _convolve(a: dict, b: tuple) -> dict:
    out: dict = {}
    for wa, ma in a.items():
        for wb, mb in b:
            w = tuple(x + y for x, y in zip(wa, wb))
            out[w] = out.get(w, 0) + ma * mb
    return out


def trivial_multiplicity(alg, multiset: dict) -> int:
    """Singlets in a Weyl-invariant (virtual) character given by its weight multiset.

    Uses the Weyl character formula: each weight ``w`` is reflected to ``w + rho``
    dominant; it counts with the sign of the reflection when the result is ``rho``.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    multiset : dict
        ``{weight (Dynkin labels): multiplicity}``; multiplicities may be negative.

    Returns
    -------
    int
        The multiplicity of the trivial irrep.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> su2 = lie_algebra("SU(2)")
    >>> trivial_multiplicity(su2, {(2,): 1, (0,): 2, (-2,): 1})   # 2 x 2 = 3 + 1
    1
    """
    a = cartan_matrix(alg)
    rho = (1,) * alg.rank
    total = 0
    for w, m in multiset.items():
        if not m:
            continue
        v, sign = reflect_to_dominant(a, [x + 1 for x in w])
        if v == rho:
            total += sign * m
    return total


def symmetrized_singlets(alg, groups) -> int:
    """Independent invariants of ``⊗_g Sym^{k_g}(R_g)`` for one simple factor.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    groups : sequence of (labels, k)
        Dynkin labels of the representation of each *distinct* factor and how many
        identical copies of that factor appear (``k``).

    Returns
    -------
    int
        The number of independent invariants.

    Notes
    -----
    Flavour is not included here; see :func:`anomalyalgebra.operators.operator.count_couplings`.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> su2 = lie_algebra("SU(2)")
    >>> symmetrized_singlets(su2, [((1,), 2)])           # H H: Sym^2(2) = 3, no singlet
    0
    >>> symmetrized_singlets(su2, [((1,), 2), ((1,), 2)])  # (H^dag H)^2: one quartic
    1
    >>> symmetrized_singlets(su2, [((2,), 2)])           # triplet: Sym^2(3) = 5 + 1
    1
    """
    return _sym_singlets(alg, tuple((tuple(l), int(k)) for l, k in groups))


def _sym_singlets(alg, groups: tuple) -> int:
    return count_invariants([k for _, k in groups], [(alg, tuple(l for l, _ in groups))])


@lru_cache(maxsize=65536)
def adams_singlets(alg, items: tuple) -> int:
    """Singlets of the virtual character ``Π ψ^{j}(R)`` (``ψ^j`` the Adams operation).

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    items : tuple of (tuple of int, int)
        ``((labels, j), ...)``: Dynkin labels of ``R`` and the Adams degree ``j``
        (hashable: the result is cached).

    Returns
    -------
    int
        The (possibly negative) multiplicity of the trivial irrep.
    """
    ms = {(0,) * alg.rank: 1}
    for labels, j in items:
        if any(labels):
            ms = _convolve(ms, _adams(alg, labels, j))
    return trivial_multiplicity(alg, ms)


def count_invariants(ks, factors=(), copies=(), fermionic=()) -> int:
    """Independent couplings of a product with identical factors, over several simple factors.

    Parameters
    ----------
    ks : sequence of int
        Multiplicity ``k_g`` of each distinct field-factor ``g`` in the product.
    factors : sequence of (alg, labels)
        For every simple factor, its algebra and the Dynkin labels of each distinct
        field-factor (a tuple in the order of ``ks``).
    copies : sequence of int
        Flavour dimension of each distinct field-factor (default 1 each).
    fermionic : sequence of bool
        Whether each distinct field-factor anticommutes (default: none).  Its ``k``
        identical copies then live in ``Λ^k`` instead of ``Sym^k``: the cycle type
        ``λ`` enters with the sign ``(-1)^(k - len(λ))``.  Use it together with the
        two Lorentz ``SU(2)`` factors among ``factors`` (undotted ``(1,)/(0,)``, dotted
        ``(0,)/(1,)``), as :func:`anomalyalgebra.operators.operator.count_couplings` does.

    Returns
    -------
    int
        The number of independent couplings.

    Notes
    -----
    The symmetrisation acts on the full representation (all factors ⊗ flavour), so a
    cycle type is chosen once per distinct field-factor and shared by all factors.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> su2 = lie_algebra("SU(2)")
    >>> count_invariants([2], [], [2])            # N_a N_b, two copies: symmetric y_ab
    3
    >>> count_invariants([2], [(su2, ((1,),))], [3])   # l_a l_b (doublets): antisymmetric
    3
    >>> count_invariants([2], [(su2, ((1,),))], [1])   # a single doublet: no ψψ
    0

    Two identical Weyl spinors with the Lorentz factor explicit (``Λ^2``):

    >>> count_invariants([2], [(su2, ((1,),)), (su2, ((1,),))], [1], [True])  # ψψ, ψ a doublet
    0
    >>> count_invariants([2], [(su2, ((1,),))], [1], [True])   # the singlet N: N N allowed
    1
    """
    ks = [int(k) for k in ks]
    copies = list(copies) or [1] * len(ks)
    fermionic = list(fermionic) or [False] * len(ks)
    total = Fraction(0)
    choices = [cycle_types(k) for k in ks]

    def rec(i, chosen, weight):
        nonlocal total
        if i == len(ks):
            val = weight
            for g, lam in enumerate(chosen):
                val *= copies[g] ** len(lam)
            for alg, labels in factors:
                if val == 0:
                    return
                items = tuple(sorted((tuple(labels[g]), j) for g, lam in enumerate(chosen) for j in lam))
                val *= adams_singlets(alg, items)
            total += val
            return
        for lam, w in choices[i]:
            if fermionic[i] and (ks[i] - len(lam)) % 2:
                w = -w
            rec(i + 1, chosen + [lam], weight * w)

    rec(0, [], Fraction(1))
    assert total.denominator == 1, (ks, factors, copies, total)
    return int(total)
