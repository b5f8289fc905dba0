"""The exact-lattice layer (``anomalyalgebra.lattice``) against independent references.

References used here and nowhere in the library: lattice membership by
back-substitution in an echelon basis, brute force over boxes, exact Fraction
Gram-Schmidt for the LLL conditions, sympy's ``Matrix.rank``, and python-flint's
``fmpz_mat.hnf`` as a second Hermite-form algorithm.
"""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction

import pytest
from _reference import brute_box, fraction_det, in_echelon_lattice, matmul, random_int_matrix
import sympy as sp
from sympy.matrices.normalforms import hermite_normal_form

from anomalyalgebra.lattice import (
    column_hermite_form,
    flint_available,
    hermite_rows,
    int_det,
    integer_kernel,
    integer_solutions,
    lll_reduce,
    rational_rank,
    smith_normal_form,
)


def random_matrix(rng, m, n, entries=(0, 0, 0, 1, -1, 2, -3)):
    return [[rng.choice(entries) for _ in range(n)] for _ in range(m)]


def in_basis_lattice(v, S):
    """Is v an integer combination of the (independent) columns of the sympy matrix S?"""
    sol, params = S.gauss_jordan_solve(sp.Matrix(v))
    assert params.shape[0] == 0
    return all(x.is_integer for x in sol)


def is_row_hnf(H):
    last = -1
    for i, row in enumerate(H):
        c = next((j for j, x in enumerate(row) if x), None)
        if c is None or c <= last or row[c] <= 0:
            return False
        if any(not (0 <= H[k][c] < row[c]) for k in range(i)):
            return False
        last = c
    return True


@pytest.mark.parametrize("seed", range(12))
def test_hermite_rows_is_the_hnf_of_the_same_lattice(seed):
    rng = random.Random(seed)
    m, n = rng.randint(1, 6), rng.randint(1, 6)
    A = random_matrix(rng, m, n)
    H = hermite_rows(A, backend="python")
    assert is_row_hnf(H)
    assert all(in_echelon_lattice(a, H) for a in A)          # lattice(A) within lattice(H)
    # the same lattice as sympy's (independent) Hermite form of A^T, whose columns are
    # a basis of the row lattice of A: integer coordinates both ways
    if any(any(r) for r in A):
        S = hermite_normal_form(sp.Matrix(A).T)
        assert all(in_basis_lattice(h, S) for h in H)
        assert all(in_echelon_lattice(list(S[:, j]), H) for j in range(S.cols))
    assert len(H) == sp.Matrix(A).rank()


@pytest.mark.skipif(not flint_available(), reason="python-flint not installed")
@pytest.mark.parametrize("shape", [(3, 5), (8, 4), (40, 12), (120, 30)])
def test_hermite_backends_identical(shape):
    rng = random.Random(sum(shape))
    A = random_matrix(rng, *shape)
    assert hermite_rows(A, backend="python") == hermite_rows(A, backend="flint")


def test_hermite_rejects_unknown_backend():
    with pytest.raises(ValueError, match="backend"):
        hermite_rows([[1]], backend="gmp")


@pytest.mark.parametrize("seed", range(10))
def test_integer_solutions_against_brute_force(seed):
    rng = random.Random(100 + seed)
    m, n = rng.randint(1, 3), rng.randint(2, 4)
    A = random_matrix(rng, m, n, entries=(0, 1, -1, 2, 3, -2))
    b = [rng.randint(-3, 3) for _ in range(m)]
    brute = brute_box(A, b, [-3] * n, [3] * n)
    got = integer_solutions(A, b)
    if got is None:
        assert brute == []
        if n <= 3:       # a proof of infeasibility holds on a larger box too
            assert brute_box(A, b, [-6] * n, [6] * n) == []
        return
    x0, K = got
    assert all(sum(a * v for a, v in zip(row, x0)) == bi for row, bi in zip(A, b))
    assert K == integer_kernel(A)
    assert len(K) == n - sp.Matrix(A).rank()
    for k in K:
        assert all(sum(a * v for a, v in zip(row, k)) == 0 for row in A)
    # every solution in the box is x0 + (integer combination of K): K is saturated
    for x in brute:
        assert in_echelon_lattice([xi - yi for xi, yi in zip(x, x0)], K)


def test_kernel_of_index_three_sublattice():
    # s_a - s_b - 3 s_c = 0: the kernel is not the rational kernel scaled by a denominator
    K = integer_kernel([[1, -1, -3]])
    assert K == hermite_rows(K)
    assert in_echelon_lattice([1, 1, 0], K) and in_echelon_lattice([3, 0, 1], K)
    assert not in_echelon_lattice([1, 0, 0], K)


@pytest.mark.parametrize("seed", range(60))
def test_column_hermite_form_is_unimodular_and_echelon(seed):
    rng = random.Random(seed)
    m, n = rng.randint(1, 4), rng.randint(1, 5)
    A = random_int_matrix(rng, m, n, big=seed % 10 == 0)
    H, U, piv = column_hermite_form(A)
    assert matmul(A, U) == H
    assert abs(fraction_det(U)) == 1
    assert len(piv) == sp.Matrix(A).rank()
    for k, i in enumerate(piv):
        assert H[i][k] > 0
        assert all(H[r][k] == 0 for r in range(i))           # echelon
        assert all(0 <= H[i][j] < H[i][k] for j in range(k))  # reduced
    assert all(H[r][k] == 0 for r in range(m) for k in range(len(piv), n))


@pytest.mark.skipif(not flint_available(), reason="python-flint not installed")
@pytest.mark.parametrize("seed", range(20))
def test_column_hermite_form_is_flints_hnf_transposed(seed):
    # the transform-carrying elimination against a second algorithm (flint's HNF of A^T)
    import flint

    rng = random.Random(500 + seed)
    A = random_int_matrix(rng, rng.randint(1, 6), rng.randint(1, 8), big=seed % 5 == 0)
    H, _, piv = column_hermite_form(A)
    ref = [[int(x) for x in row] for row in flint.fmpz_mat([list(c) for c in zip(*A)]).hnf().tolist()]
    assert [list(c) for c in zip(*H)] == ref
    assert piv == [next(j for j, x in enumerate(row) if x) for row in ref if any(row)]


def test_column_hermite_form_without_rows():
    H, U, piv = column_hermite_form([], 3)
    assert (H, piv) == ([], []) and U == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    with pytest.raises(ValueError, match="different lengths"):
        column_hermite_form([[1, 2], [3]])


@pytest.mark.parametrize("n", [1, 2, 4, 7])
def test_int_det_against_fraction_elimination(n):
    rng = random.Random(n)
    M = random_matrix(rng, n, n, entries=tuple(range(-5, 6)))
    assert int_det(M) == fraction_det(M)


def test_int_det_rejects_non_square():
    with pytest.raises(ValueError, match="square"):
        int_det([[1, 2]])


def test_rational_rank_against_sympy():
    rng = random.Random(3)
    for _ in range(10):
        A = random_matrix(rng, rng.randint(1, 5), rng.randint(1, 5))
        assert rational_rank(A) == sp.Matrix(A).rank()
    assert rational_rank([[Fraction(1, 2), 1], [1, 2]]) == 1


def gram_schmidt(B):
    Bs, mu = [], [[Fraction(0)] * len(B) for _ in B]
    for i, b in enumerate(B):
        v = [Fraction(x) for x in b]
        for j in range(i):
            mu[i][j] = sum(Fraction(x) * y for x, y in zip(b, Bs[j])) / sum(y * y for y in Bs[j])
            v = [a - mu[i][j] * c for a, c in zip(v, Bs[j])]
        Bs.append(v)
    return Bs, mu


@pytest.mark.parametrize("seed", range(8))
def test_lll_is_reduced_and_spans_the_same_lattice(seed):
    rng = random.Random(seed)
    k, n = rng.randint(1, 4), 5
    while True:
        B = random_matrix(rng, k, n, entries=tuple(range(-20, 21)))
        if sp.Matrix(B).rank() == k:
            break
    R = lll_reduce(B)
    assert hermite_rows(R) == hermite_rows(B)                 # same lattice
    Bs, mu = gram_schmidt(R)
    norm = [sum(x * x for x in v) for v in Bs]
    for i in range(k):
        assert all(abs(mu[i][j]) <= Fraction(1, 2) for j in range(i))   # size reduced
    for i in range(1, k):
        assert norm[i] >= (Fraction(3, 4) - mu[i][i - 1] ** 2) * norm[i - 1]   # Lovász


def test_lll_gives_short_vectors_of_the_same_lattice():
    B = [[1, 0, 0, 1000], [0, 1, 0, 999], [0, 0, 1, 1001]]
    R = lll_reduce(B)
    # b1 - b2 and b3 - b1 have length^2 3; the volume (~1732) forces one long vector
    assert sorted(sum(x * x for x in v) for v in R)[:2] == [3, 3]
    assert hermite_rows(R) == hermite_rows(B)


def test_lll_rejects_dependent_vectors():
    with pytest.raises(ValueError, match="dependent"):
        lll_reduce([[1, 2], [2, 4]])


def test_smith_invariants_match_sympy():
    from sympy.matrices.normalforms import smith_normal_form as sympy_snf

    rng = random.Random(11)
    for _ in range(6):
        A = random_matrix(rng, 3, 4, entries=tuple(range(-6, 7)))
        D, U, V = smith_normal_form(A)
        ours = sorted(abs(D[i][i]) for i in range(3) if D[i][i])
        S = sympy_snf(sp.Matrix(A), domain=sp.ZZ)
        ref = sorted(abs(int(S[i, i])) for i in range(3) if S[i, i])
        assert ours == ref


def gcd_of_maximal_minors(A):
    """gcd of the r x r minors of A (r = rank): the product of its Smith invariants."""
    r = sp.Matrix(A).rank()
    g = 0
    for rows in itertools.combinations(range(len(A)), r):
        for cols in itertools.combinations(range(len(A[0])), r):
            g = math.gcd(g, int(fraction_det([[A[i][j] for j in cols] for i in rows])))
    return g


@pytest.mark.parametrize("seed", range(25))
def test_integer_kernel_torsion_against_minors_and_sympy(seed):
    from sympy.matrices.normalforms import smith_normal_form as sympy_snf

    rng = random.Random(300 + seed)
    m, n = rng.randint(1, 4), rng.randint(1, 5)
    A = random_matrix(rng, m, n, entries=(0, 0, 1, -1, 2, 3, -4, 6))
    K, torsion, inv = integer_kernel(A, torsion=True)
    assert K == integer_kernel(A)                      # one kernel, with or without torsion
    if not any(any(r) for r in A):
        assert (torsion, inv) == ([], [])
        return
    S = sympy_snf(sp.Matrix(A), domain=sp.ZZ)
    assert inv == sorted(abs(int(S[i, i])) for i in range(min(S.shape)) if S[i, i])
    assert math.prod(inv) == gcd_of_maximal_minors(A)
    assert [d for d, _ in torsion] == [d for d in inv if d > 1]
    # the generators v/d: A v/d integral, and every non-zero combination sum c_i v_i/d_i
    # (0 <= c_i < d_i) lies outside Z^n + ker(A), i.e. A theta is not in A Z^n (sympy's
    # column Hermite form as the lattice basis): the Z_{d_i} are independent, and with
    # prod d_i = the order of the whole torsion they generate it
    for d, v in torsion:
        assert all(sum(a * x for a, x in zip(row, v)) % d == 0 for row in A)
    S = hermite_normal_form(sp.Matrix(A))
    for cs in itertools.product(*(range(d) for d, _ in torsion)):
        if not any(cs):
            continue
        theta = [sum(Fraction(c, d) * v[j] for c, (d, v) in zip(cs, torsion)) for j in range(n)]
        At = [sum(a * t for a, t in zip(row, theta)) for row in A]
        assert all(x.denominator == 1 for x in At)
        assert not in_basis_lattice([int(x) for x in At], S)


def test_integer_kernel_torsion_example():
    # 2 θ1 + 4 θ2 in Z: U(1) along (2, -1) and a Z_2 generated by (1/2, 0)
    K, torsion, inv = integer_kernel([[2, 4]], torsion=True)
    assert K == [[2, -1]] and inv == [2]
    ((d, v),) = torsion
    assert d == 2 and (v[0] + 2 * v[1]) % 2 == 1     # not a kernel direction
    assert integer_kernel([], 2, torsion=True) == ([[1, 0], [0, 1]], [], [])


def _determinantal_divisors(A, k_max):
    """gcd of the k x k minors of A, k = 1..k_max (exact Fractions, independent of sympy's SNF)."""
    m, n = len(A), len(A[0])
    out = []
    for k in range(1, k_max + 1):
        g = 0
        for rows in itertools.combinations(range(m), k):
            for cols in itertools.combinations(range(n), k):
                g = math.gcd(g, int(fraction_det([[A[i][j] for j in cols] for i in rows])))
        out.append(g)
    return out


@pytest.mark.parametrize("seed,digits,rank", [(2, 3, 4), (2, 20, 3), (3, 60, 4)])
def test_smith_form_of_dense_matrices_with_large_entries(seed, digits, rank):
    """The invariants are the quotients of the determinantal divisors; the run is quick.
    (The elimination used before let the entries of U, V grow to millions of bits on the
    first of these matrices and did not finish.)"""
    rng = random.Random(seed)
    A = [[rng.randint(-10**digits, 10**digits) for _ in range(6)] for _ in range(4)]
    if rank < 4:
        A[3] = [2 * a + 4 * b for a, b in zip(A[0], A[1])]
    D, U, V = smith_normal_form(A)                              # verified inside (check_smith)
    dd = _determinantal_divisors(A, rank)
    expected = [dd[0]] + [dd[k] // dd[k - 1] for k in range(1, rank)] + [0] * (4 - rank)
    assert [D[i][i] for i in range(4)] == expected


@pytest.mark.parametrize("A,diag", [
    ([[2, 0], [0, 3]], [1, 6]),                  # diagonal, but no divisibility chain
    ([[4, 0, 0], [0, 6, 0], [0, 0, 10]], [2, 2, 60]),
    ([[0, 0], [0, -4]], [4, 0]),                 # the non-zero entry moved first, positive
    ([[0, 0, 0]], [0]),
])
def test_smith_form_diagonal_inputs(A, diag):
    D, U, V = smith_normal_form(A)               # verified inside (check_smith)
    assert [D[i][i] for i in range(len(diag))] == diag
