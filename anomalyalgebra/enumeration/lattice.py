"""Lattice points in a box, for the lattice path of the enumeration.

The lattice algebra itself (Hermite form, integer solutions of ``A x = b``, LLL)
is the package's one exact-lattice layer, :mod:`anomalyalgebra.lattice`; its
functions are re-exported here for the enumeration's users.

* :func:`box_points` -- every point of ``x0 + K Z^k`` inside a box, each once;
* :func:`scale_to_integers` -- rational equations to integer ones.

See ``docs/enumeration.rst``, *Lattice path*.
"""

from __future__ import annotations

from fractions import Fraction
from math import lcm

from ..lattice import _ints, column_hermite_form, integer_solutions, lll_reduce

__all__ = [
    "column_hermite_form",
    "integer_solutions",
    "lll_reduce",
    "box_points",
    "scale_to_integers",
]


def scale_to_integers(rows, rhs):
    """Scale each rational equation ``row . x = rhs`` by its denominators' lcm.

    Parameters
    ----------
    rows : sequence of sequence
        Coefficient rows; entries are ints, ``Fraction`` or anything whose ``str``
        ``fractions.Fraction`` parses (``"1/2"``, sympy rationals).
    rhs : sequence
        Right-hand sides, one per row, same kinds of entries.

    Returns
    -------
    tuple of (list of list of int, list of int)
        The integer rows and right-hand sides.

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
