"""Exact integer lattices: Hermite normal form, integer solutions of ``A x = b``, LLL.

Everything here works on Python integers (and :class:`fractions.Fraction` inside
LLL), so no result can overflow or be rounded.  Matrices are lists of rows.

* :func:`column_hermite_form` -- ``A U = H`` with ``U`` unimodular and ``H`` in
  column echelon (Hermite) form, by extended-gcd column operations;
* :func:`integer_solutions` -- a particular integer solution of ``A x = b`` and a
  basis of the integer kernel ``{t : A t = 0}``, or ``None`` when there is no
  integer solution;
* :func:`lll_reduce` -- an LLL-reduced basis of the same lattice (short vectors);
* :func:`box_points` -- every point of ``x0 + K Z^k`` inside a box, each once.

These are the tools the enumeration uses to remove linear conditions exactly
(see ``docs/enumeration.rst``, *Lattice path*).
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm

__all__ = [
    "column_hermite_form",
    "integer_solutions",
    "lll_reduce",
    "box_points",
    "scale_to_integers",
]


def _ints(rows, what: str) -> list:
    out = []
    for r in rows:
        row = []
        for v in r:
            if isinstance(v, bool) or not hasattr(v, "__index__"):
                raise TypeError(f"{what}: entries must be integers, got {v!r}")
            row.append(int(v.__index__()))
        out.append(row)
    return out


def _egcd(a: int, b: int):
    """(g, x, y) with x a + y b = g = gcd(a, b) >= 0."""
    x0, y0, x1, y1 = 1, 0, 0, 1
    while b:
        q, r = divmod(a, b)
        a, b = b, r
        x0, x1 = x1, x0 - q * x1
        y0, y1 = y1, y0 - q * y1
    if a < 0:
        a, x0, y0 = -a, -x0, -y0
    return a, x0, y0


def scale_to_integers(rows, rhs):
    """Scale each rational equation ``row . x = rhs`` by its denominators' lcm.

    Examples
    --------
    >>> scale_to_integers([["1/2", "1/3"]], ["1/6"])
    ([[3, 2]], [1])
    """
    out_rows, out_rhs = [], []
    for row, r in zip(rows, rhs):
        fr = [Fraction(str(v)) if not isinstance(v, (int, Fraction)) else Fraction(v) for v in row]
        fb = Fraction(str(r)) if not isinstance(r, (int, Fraction)) else Fraction(r)
        den = lcm(fb.denominator, *(v.denominator for v in fr))
        out_rows.append([int(v * den) for v in fr])
        out_rhs.append(int(fb * den))
    return out_rows, out_rhs


def column_hermite_form(A, n_cols: int | None = None):
    """Column Hermite normal form ``A U = H`` with an explicit unimodular ``U``.

    Parameters
    ----------
    A : sequence of sequences of int
        An m x n integer matrix (list of rows).
    n_cols : int, optional
        Number of columns; needed only when ``A`` has no rows.

    Returns
    -------
    H : list of list of int
        Column echelon form: the first ``r`` columns have pivots at strictly
        increasing rows (``pivots``), each pivot positive and every entry left of a
        pivot reduced to ``0 <= h < pivot``; columns ``r .. n-1`` are zero.
    U : list of list of int
        n x n integer matrix with determinant +-1 and ``A U = H``.
    pivots : list of int
        The pivot row of each of the first ``r = rank A`` columns.

    Examples
    --------
    >>> H, U, piv = column_hermite_form([[2, 4, 6]])
    >>> H, piv
    ([[2, 0, 0]], [0])
    >>> [sum(a * U[j][k] for j, a in enumerate([2, 4, 6])) for k in range(3)]
    [2, 0, 0]
    """
    M = _ints(A, "column_hermite_form")
    n = n_cols if n_cols is not None else (len(M[0]) if M else 0)
    if any(len(r) != n for r in M):
        raise ValueError("column_hermite_form: rows of different lengths")
    U = [[int(i == j) for j in range(n)] for i in range(n)]

    def combine(c1, c2, a, b, c, d):
        # (col c1, col c2) <- (a col c1 + c col c2, b col c1 + d col c2)
        for mat in (M, U):
            for row in mat:
                x, y = row[c1], row[c2]
                row[c1], row[c2] = a * x + c * y, b * x + d * y

    col = 0
    pivots = []
    for i in range(len(M)):
        if col == n:
            break
        for j in range(col + 1, n):
            b = M[i][j]
            if b == 0:
                continue
            a = M[i][col]
            g, x, y = _egcd(a, b)
            # [[x, -b/g], [y, a/g]] has determinant 1
            combine(col, j, x, -b // g, y, a // g)
        p = M[i][col]
        if p == 0:
            continue
        if p < 0:
            for mat in (M, U):
                for row in mat:
                    row[col] = -row[col]
            p = -p
        for k in range(col):
            q = M[i][k] // p
            if q:
                for mat in (M, U):
                    for row in mat:
                        row[k] -= q * row[col]
        pivots.append(i)
        col += 1
    return M, U, pivots


def integer_solutions(A, b, n_cols: int | None = None):
    """All integer solutions of ``A x = b``: ``(x0, K)`` with solutions ``x0 + K t``.

    Parameters
    ----------
    A : m x n integer matrix (list of rows); b : length-m integers.

    Returns
    -------
    (x0, K) or None
        ``x0`` is one integer solution (a list) and ``K`` a list of kernel basis
        vectors (each a list of length n); every integer solution is ``x0 + sum_j
        t_j K[j]`` for exactly one integer vector ``t``.  ``None`` when no integer
        solution exists.

    Notes
    -----
    With ``A U = H`` (:func:`column_hermite_form`) and ``x = U y``, the system is
    ``H y = b``; ``H`` is triangular on its pivots, so ``y_1 .. y_r`` follow by
    exact division (a remainder proves that no integer solution exists) and
    ``y_{r+1} .. y_n`` are free.  Because ``U`` is unimodular, ``x`` is integral
    iff ``y`` is, so the last ``n - r`` columns of ``U`` generate the whole
    integer kernel.

    Examples
    --------
    >>> integer_solutions([[2, 4]], [3]) is None          # 2x + 4y is even
    True
    >>> x0, K = integer_solutions([[2, 4]], [6])
    >>> 2 * x0[0] + 4 * x0[1], [2 * k[0] + 4 * k[1] for k in K]
    (6, [0])
    """
    A = _ints(A, "integer_solutions")
    (b,) = _ints([b], "integer_solutions")
    if len(b) != len(A):
        raise ValueError("integer_solutions: A and b have different numbers of rows")
    n = n_cols if n_cols is not None else (len(A[0]) if A else 0)
    H, U, pivots = column_hermite_form(A, n)
    r = len(pivots)
    y = [0] * n
    for k, i in enumerate(pivots):
        rest = b[i] - sum(H[i][j] * y[j] for j in range(k))
        q, rem = divmod(rest, H[i][k])
        if rem:
            return None
        y[k] = q
    for i in range(len(A)):
        if sum(H[i][j] * y[j] for j in range(r)) != b[i]:
            return None
    x0 = [sum(U[i][j] * y[j] for j in range(n)) for i in range(n)]
    K = [[U[i][j] for i in range(n)] for j in range(r, n)]
    return x0, K


def lll_reduce(basis, delta: Fraction = Fraction(3, 4)):
    """LLL-reduce linearly independent integer vectors (exact, Fractions).

    Returns a basis of the same lattice (each new vector an integer combination
    of the old ones, and conversely) whose vectors are short.  Meant for
    dimensions up to a few tens.

    Examples
    --------
    >>> lll_reduce([[1, 1, 1], [-1, 0, 2], [3, 5, 6]])
    [[0, 1, 0], [1, 0, 1], [-1, 0, 2]]
    """
    B = _ints(basis, "lll_reduce")
    k_dim = len(B)
    if k_dim == 0:
        return []
    dot = lambda u, v: sum(a * c for a, c in zip(u, v))  # noqa: E731

    def gram_schmidt():
        Bs, mu = [], [[Fraction(0)] * k_dim for _ in range(k_dim)]
        for i in range(k_dim):
            v = [Fraction(x) for x in B[i]]
            for j in range(i):
                mu[i][j] = Fraction(dot(B[i], Bs[j][0])) / Bs[j][1] if Bs[j][1] else Fraction(0)
                v = [a - mu[i][j] * c for a, c in zip(v, Bs[j][0])]
            nrm = dot(v, v)
            if nrm == 0:
                raise ValueError("lll_reduce: the vectors are linearly dependent")
            Bs.append((v, nrm))
        return Bs, mu

    Bs, mu = gram_schmidt()
    k = 1
    while k < k_dim:
        for j in range(k - 1, -1, -1):
            q = round(mu[k][j])
            if q:
                B[k] = [a - q * c for a, c in zip(B[k], B[j])]
                Bs, mu = gram_schmidt()
        if Bs[k][1] >= (delta - mu[k][k - 1] ** 2) * Bs[k - 1][1]:
            k += 1
        else:
            B[k], B[k - 1] = B[k - 1], B[k]
            Bs, mu = gram_schmidt()
            k = max(k - 1, 1)
    return B


def box_points(x0, K, lo, hi, *, limit: int | None = None, order=None, allowed=None):
    """Every point ``x = x0 + sum_j t_j K[j]`` (t integer) with ``lo <= x <= hi``.

    The basis is brought to column echelon form with respect to the coordinate
    order *order* (default: narrowest box side first); then coordinate ``p_j``
    (the j-th pivot) depends on ``t_1 .. t_j`` only and its bounds give the exact
    integer range of ``t_j``.  Coordinates that become fixed are checked as soon as
    they are, so only partial points that still satisfy every fixed coordinate are
    extended.  Every lattice point in the box is returned exactly once.

    Parameters
    ----------
    x0 : sequence of int
        A point of the affine lattice.
    K : sequence of sequences of int
        Linearly independent generators of the lattice directions.
    lo, hi : sequences of int
        The box.
    limit : int, optional
        Stop and return ``None`` once more than *limit* partial points are alive.
    order : sequence of int, optional
        Coordinate order for the echelon form.
    allowed : sequence of (set of int or None), optional
        Per coordinate, the only values it may take (besides the box); a pivot
        coordinate with few allowed values is then stepped through them instead
        of through its whole range.

    Returns
    -------
    list of tuple of int, sorted, or None (limit exceeded)

    Examples
    --------
    >>> box_points([0, 0], [[1, 1]], [-1, -2], [2, 2])       # the diagonal
    [(-1, -1), (0, 0), (1, 1), (2, 2)]
    >>> box_points([1, 0], [[2, 0], [0, 3]], [0, -3], [4, 3])
    [(1, -3), (1, 0), (1, 3), (3, -3), (3, 0), (3, 3)]
    """
    (x0,) = _ints([x0], "box_points")
    K = _ints(K, "box_points")
    (lo,) = _ints([lo], "box_points")
    (hi,) = _ints([hi], "box_points")
    n = len(x0)
    if allowed is None:
        allowed = [None] * n
    allowed = [None if a is None else frozenset(int(v) for v in a) for a in allowed]
    if len(allowed) != n:
        raise ValueError("box_points: one allowed set (or None) per coordinate")
    width = [
        hi[i] - lo[i] + 1 if allowed[i] is None else min(hi[i] - lo[i] + 1, len(allowed[i]))
        for i in range(n)
    ]
    if order is None:
        order = sorted(range(n), key=lambda i: (width[i], i))
    order = list(order)
    if sorted(order) != list(range(n)):
        raise ValueError("box_points: order must be a permutation of the coordinates")
    if any(l > h for l, h in zip(lo, hi)):
        return []
    k = len(K)
    # rows of the permuted n x k generator matrix
    G = [[K[j][order[i]] for j in range(k)] for i in range(n)]
    E, _, pivots = column_hermite_form(G, k)
    if len(pivots) != k:
        raise ValueError("box_points: the generators are linearly dependent")
    base = [x0[order[i]] for i in range(n)]
    blo = [lo[order[i]] for i in range(n)]
    bhi = [hi[order[i]] for i in range(n)]
    ball = [allowed[order[i]] for i in range(n)]
    sorted_allowed = [None if a is None else sorted(a) for a in ball]

    def fits(i, x):
        return blo[i] <= x <= bhi[i] and (ball[i] is None or x in ball[i])

    # rows fixed before any t: 0 .. pivots[0]-1 (or all rows if k == 0)
    first = pivots[0] if k else n
    if any(not fits(i, base[i]) for i in range(first)):
        return []
    states = [()]
    for j in range(k):
        p = pivots[j]
        stop = pivots[j + 1] if j + 1 < k else n
        piv = E[p][j]
        nxt = []
        for t in states:
            v = base[p] + sum(E[p][a] * t[a] for a in range(j))
            tmin = -((v - blo[p]) // piv)  # ceil((blo - v) / piv)
            tmax = (bhi[p] - v) // piv
            if tmax < tmin:
                continue
            if sorted_allowed[p] is not None and len(sorted_allowed[p]) < tmax - tmin + 1:
                steps = [(a - v) // piv for a in sorted_allowed[p] if (a - v) % piv == 0]
                steps = [tj for tj in steps if tmin <= tj <= tmax]
            else:
                if limit is not None and len(nxt) + tmax - tmin + 1 > 2 * limit:
                    return None
                steps = range(tmin, tmax + 1)
            for tj in steps:
                tt = t + (tj,)
                if not fits(p, v + piv * tj):
                    continue
                ok = True
                for i in range(p + 1, stop):
                    x = base[i] + sum(E[i][a] * tt[a] for a in range(j + 1))
                    if not fits(i, x):
                        ok = False
                        break
                if ok:
                    nxt.append(tt)
            if limit is not None and len(nxt) > limit:
                return None
        states = nxt
    out = []
    inv = [0] * n
    for i, o in enumerate(order):
        inv[o] = i
    for t in states:
        xs = [base[i] + sum(E[i][a] * t[a] for a in range(k)) for i in range(n)]
        out.append(tuple(xs[inv[o]] for o in range(n)))
    out.sort()
    return out
