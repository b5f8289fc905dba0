"""Independent reference implementations shared by tests (not part of the package)."""

from fractions import Fraction


def fraction_det(M):
    """Exact determinant by Gaussian elimination over Fractions (a reference for the tests)."""
    M = [[Fraction(x) for x in row] for row in M]
    n, d = len(M), Fraction(1)
    for c in range(n):
        p = next((r for r in range(c, n) if M[r][c]), None)
        if p is None:
            return 0
        if p != c:
            M[c], M[p] = M[p], M[c]
            d = -d
        d *= M[c][c]
        for r in range(c + 1, n):
            f = M[r][c] / M[c][c]
            M[r] = [x - f * y for x, y in zip(M[r], M[c])]
    return d


def matmul(A, B):
    """Integer matrix product (lists of rows)."""
    return [[sum(a * b for a, b in zip(row, col)) for col in zip(*B)] for row in A]


def brute_box(A, b, lo, hi):
    """Every integer x with lo <= x <= hi and A x = b, sorted (itertools over the box)."""
    import itertools

    return sorted(
        x for x in itertools.product(*(range(l, h + 1) for l, h in zip(lo, hi)))
        if all(sum(a * v for a, v in zip(row, x)) == r for row, r in zip(A, b))
    )


def in_echelon_lattice(v, E):
    """Is v an integer combination of the rows of the echelon basis E (back-substitution)?"""
    v = list(v)
    for row in E:
        c = next(j for j, x in enumerate(row) if x)
        q, r = divmod(v[c], row[c])
        if r:
            return False
        v = [a - q * b for a, b in zip(v, row)]
    return not any(v)


def preferred(t, neg):
    """Representative of {t, -t}: fewer negative entries, then lexicographically larger."""
    a = sum(x < 0 for x in t)
    b = sum(x > 0 for x in t)
    return a < b or (a == b and t >= neg)


def brute_problem(problem):
    """Every solution of an enumeration ``Problem`` by itertools over the group multisets."""
    import itertools
    from math import gcd

    groups = problem.groups
    starts, pos = [], 0
    for g in groups:
        starts.append(pos)
        pos += g.size
    per_group = [list(itertools.combinations_with_replacement(g.values, g.size)) for g in groups]
    found = set()
    for point in itertools.product(*per_group):
        flat = [q for part in point for q in part]
        if any(cond.constant + sum(sum(c * q**k for k, c in enumerate(cond.terms[gi]))
                                   for gi, part in enumerate(point) for q in part)
               for cond in problem.conditions):
            continue
        if any(sum(coeff * _monomial(flat, mono) for coeff, mono in poly.terms)
               for poly in problem.extra):
            continue
        if any(a != b and flat[a] + s * flat[b] == 0
               for g, h, s in problem.vectorlike
               for a in range(starts[g], starts[g] + groups[g].size)
               for b in range(starts[h], starts[h] + groups[h].size)):
            continue
        if problem.primitive and gcd(*flat) != 1:
            continue
        if problem.sign_reduce:
            neg = tuple(q for part in point for q in sorted(-x for x in part))
            if not preferred(tuple(flat), neg):
                continue
        found.add(point)
    return found


def _monomial(flat, mono):
    out = 1
    for var, exp in mono:
        out *= flat[var] ** exp
    return out


def random_int_matrix(rng, m, n, big=False):
    """A random m x n integer matrix, often with a dependent row or a common row factor."""
    A = [[rng.randint(-4, 4) for _ in range(n)] for _ in range(m)]
    if rng.random() < 0.3 and m > 1:  # a dependent row
        A[-1] = [2 * a - c for a, c in zip(A[0], A[1 % m])]
    if rng.random() < 0.3:  # common factors in a row
        f = rng.choice([2, 3, 6])
        A[0] = [f * a for a in A[0]]
    if big:
        A = [[a * 10**20 + rng.randint(-3, 3) for a in row] for row in A]
    return A
