"""Smith and Hermite normal forms over the integers (Python ints, exact, self-checking).

Why not sympy?  ``sympy.matrices.normalforms.smith_normal_decomp`` has a reported
defect (sympy issue 29139: the returned transforms are not always unimodular), and
the accidental-symmetry code needs the transforms, not only the invariants: the
columns of ``V`` are the symmetry generators.  The implementation here is the
textbook elimination (pivot on the smallest entry, Euclid on rows and columns,
then fix the divisibility chain), and :func:`smith_normal_form` verifies its own
result — ``U A V == D``, ``|det U| == |det V| == 1`` (fraction-free Bareiss), ``D``
diagonal with ``d_i | d_{i+1}`` — before returning, raising ``ArithmeticError`` if any
check fails.
"""

from __future__ import annotations

from math import gcd

__all__ = ["smith_normal_form", "hermite_rows", "int_det", "check_smith"]


def _identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]


def _matmul(a, b):
    if not a or not b:
        return [[0] * (len(b[0]) if b else 0) for _ in a]
    bt = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]


def int_det(m) -> int:
    """Determinant of a square integer matrix (Bareiss fraction-free elimination).

    Examples
    --------
    >>> int_det([[2, 1], [7, 4]])
    1
    """
    n = len(m)
    if n == 0:
        return 1
    a = [list(map(int, r)) for r in m]
    sign, prev = 1, 1
    for k in range(n - 1):
        if a[k][k] == 0:
            for i in range(k + 1, n):
                if a[i][k]:
                    a[k], a[i] = a[i], a[k]
                    sign = -sign
                    break
            else:
                return 0
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // prev
        prev = a[k][k]
    return sign * a[n - 1][n - 1]


def smith_normal_form(a):
    """Smith normal form ``D = U A V`` of an integer matrix, with unimodular ``U``, ``V``.

    Parameters
    ----------
    a : list of lists of int (m × n)

    Returns
    -------
    (D, U, V) : lists of lists of int
        ``D`` is m × n diagonal with non-negative ``d_1 | d_2 | ...``.

    Examples
    --------
    >>> D, U, V = smith_normal_form([[2, 4, 4], [-6, 6, 12], [10, -4, -16]])
    >>> [D[i][i] for i in range(3)]
    [2, 6, 12]
    >>> D, U, V = smith_normal_form([[1, 1]])   # kernel generator: last column of V
    >>> D, [row[1] for row in V]
    ([[1, 0]], [-1, 1])
    """
    m = len(a)
    n = len(a[0]) if m else 0
    A = [list(map(int, r)) for r in a]
    U = _identity(m)
    V = _identity(n)

    def swap_rows(i, j):
        A[i], A[j] = A[j], A[i]
        U[i], U[j] = U[j], U[i]

    def swap_cols(i, j):
        for r in A:
            r[i], r[j] = r[j], r[i]
        for r in V:
            r[i], r[j] = r[j], r[i]

    def add_row(dst, src, c):      # row_dst += c * row_src
        if c:
            A[dst] = [x + c * y for x, y in zip(A[dst], A[src])]
            U[dst] = [x + c * y for x, y in zip(U[dst], U[src])]

    def add_col(dst, src, c):      # col_dst += c * col_src
        if c:
            for r in A:
                r[dst] += c * r[src]
            for r in V:
                r[dst] += c * r[src]

    t = 0
    while t < min(m, n):
        # pivot: smallest non-zero |entry| in the remaining block
        best = None
        for i in range(t, m):
            for j in range(t, n):
                if A[i][j] and (best is None or abs(A[i][j]) < best[0]):
                    best = (abs(A[i][j]), i, j)
        if best is None:
            break
        _, i, j = best
        swap_rows(t, i)
        swap_cols(t, j)
        while True:
            done = True
            for i in range(t + 1, m):
                if A[i][t]:
                    add_row(i, t, -(A[i][t] // A[t][t]))
                    if A[i][t]:
                        done = False
                        swap_rows(t, i)
            for j in range(t + 1, n):
                if A[t][j]:
                    add_col(j, t, -(A[t][j] // A[t][t]))
                    if A[t][j]:
                        done = False
                        swap_cols(t, j)
            if done:
                # divisibility: every remaining entry divisible by the pivot
                bad = None
                for i in range(t + 1, m):
                    for j in range(t + 1, n):
                        if A[i][j] % A[t][t]:
                            bad = i
                            break
                    if bad is not None:
                        break
                if bad is None:
                    break
                add_row(t, bad, 1)
        if A[t][t] < 0:
            A[t] = [-x for x in A[t]]
            U[t] = [-x for x in U[t]]
        t += 1
    check_smith(a, A, U, V)
    return A, U, V


def check_smith(a, D, U, V) -> None:
    """Raise ``ArithmeticError`` unless ``D = U a V`` is a valid Smith decomposition.

    Examples
    --------
    >>> check_smith([[2]], [[4]], [[1]], [[2]])
    Traceback (most recent call last):
    ...
    ArithmeticError: Smith normal form: V is not unimodular (det 2)
    """
    m = len(a)
    n = len(a[0]) if m else 0
    if m and n and _matmul(_matmul(U, a), V) != D:
        raise ArithmeticError("Smith normal form: U A V != D")
    for name, M in (("U", U), ("V", V)):
        d = int_det(M)
        if abs(d) != 1:
            raise ArithmeticError(f"Smith normal form: {name} is not unimodular (det {d})")
    diag = []
    for i in range(m):
        for j in range(n):
            if i != j and D[i][j]:
                raise ArithmeticError("Smith normal form: D is not diagonal")
    diag = [D[i][i] for i in range(min(m, n))]
    if any(x < 0 for x in diag):
        raise ArithmeticError("Smith normal form: negative invariant")
    nz = [x for x in diag if x]
    if diag[:len(nz)] != nz or any(b % a_ for a_, b in zip(nz, nz[1:])):
        raise ArithmeticError("Smith normal form: invariants do not form a divisibility chain")


def hermite_rows(rows):
    """Row-style Hermite normal form of a lattice basis (rows), zero rows dropped.

    Pivots are positive, entries above a pivot reduced into ``[0, pivot)``.  The
    result is a canonical basis of the same lattice; for a lattice that is a direct
    sum over disjoint sets of columns it returns generators with disjoint supports.

    Examples
    --------
    >>> hermite_rows([[1, 1, 0, 0], [1, 1, 1, 1], [0, 0, 2, 2]])
    [[1, 1, 0, 0], [0, 0, 1, 1]]
    """
    A = [list(map(int, r)) for r in rows]
    if not A:
        return []
    n = len(A[0])
    r = 0
    for c in range(n):
        # gcd-combine column c among rows r..end
        while True:
            nz = [i for i in range(r, len(A)) if A[i][c]]
            if not nz:
                break
            p = min(nz, key=lambda i: abs(A[i][c]))
            A[r], A[p] = A[p], A[r]
            if A[r][c] < 0:
                A[r] = [-x for x in A[r]]
            again = False
            for i in range(r + 1, len(A)):
                if A[i][c]:
                    q = A[i][c] // A[r][c]
                    A[i] = [x - q * y for x, y in zip(A[i], A[r])]
                    if A[i][c]:
                        again = True
            if not again:
                break
        if r < len(A) and A[r][c]:
            for i in range(r):
                q = A[i][c] // A[r][c]
                if q:
                    A[i] = [x - q * y for x, y in zip(A[i], A[r])]
            r += 1
        if r == len(A):
            break
    return [row for row in A[:r] if any(row)]


def _gcd_list(xs):
    g = 0
    for x in xs:
        g = gcd(g, int(x))
    return g
