"""The lattice path of the engine: linear conditions removed through group sums.

A linear separable condition ``c + sum_g sum_{i in g} (a_g + b_g q_i) = 0`` depends on
the unknowns of group g only through their sum ``s_g``.  All linear conditions
together are an integer system ``B s = r`` on the vector of group sums.  The plan
built here

1. solves ``B s = r`` exactly over the integers (:func:`.lattice.integer_solutions`,
   Hermite normal form with a unimodular transform): either no integer solution
   exists -- then the problem has none -- or ``s = s0 + K t`` with ``K`` a basis of
   the integer kernel (LLL-reduced);
2. lists every lattice point with ``size_g min(values_g) <= s_g <= size_g
   max(values_g)`` (:func:`.lattice.box_points`) and keeps those whose every
   ``s_g`` is the sum of some multiset of the group (the *feasible sum vectors*);
3. enumerates each group's multisets once, sorted by their sum, so the multisets
   with a given sum are one contiguous slice;
4. puts the groups on two sides and builds each side only from the slices of its
   feasible partial sum vectors, then joins the sides on *all* condition values
   exactly as the direct path does (the linear values in the key make the pair's
   sum vector a lattice point; the non-linear values are met in the middle).

The work is cut by the distinct left partial sum vectors (sorted): a candidate's
left part has exactly one such vector, so every solution is found in exactly one
chunk.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import comb, prod

from .lattice import box_points, integer_solutions, lll_reduce
from .meet import configurations, filter_pieces, numpy_module, side_context
from .problem import Problem

__all__ = ["LatticePlan", "lattice_plan"]

#: A group with more multisets than this is not tabulated (direct path instead).
GROUP_TABLE_LIMIT = 500_000
#: "auto" avoids the lattice path when one left partial sum vector (which cannot
#: be split further) would need more side rows than this.
PART_ROWS_LIMIT = 4_000_000
#: More feasible sum vectors than this: direct path instead.
SUMS_LIMIT = 400_000
#: Target number of side rows per chunk.
CHUNK_ROWS = 400_000


@dataclass(frozen=True)
class LatticePlan:
    """What the lattice path knows about a problem (built once per process by :func:`lattice_plan`).

    Attributes
    ----------
    linear : tuple of int
        Indices of the linear conditions.
    lattice_groups : tuple of int
        The groups with a non-zero linear coefficient (the coordinates of the sum
        vectors).
    offset, kernel : tuple
        The affine lattice ``offset + kernel^T t`` of their sums (``offset`` is None
        when the linear system has no integer solution).
    sums : tuple
        The feasible sum vectors.
    left, right : tuple of int
        Group indices of the two sides.
    left_keys : tuple
        Sorted distinct left partial sum vectors.
    right_of : tuple
        For each of them, the right partial sum vectors it pairs with.
    parts : tuple of (int, int)
        Slices of ``left_keys``, one per chunk.
    rows : int
        Side rows summed over all chunks (the cost estimate used to choose the path).
    max_rows : int
        The largest number of side rows of a single left partial sum vector.
    """

    linear: tuple
    lattice_groups: tuple
    offset: tuple | None
    kernel: tuple
    sums: tuple
    left: tuple
    right: tuple
    left_keys: tuple
    right_of: tuple
    parts: tuple
    rows: int
    max_rows: int = 0


_np = numpy_module


class _GroupTable:
    """All multisets of one group, sorted by the sum of their values."""

    def __init__(self, ctx, gi: int):
        np = _np()
        g = ctx.problem.groups[gi]
        m, n = len(g.values), g.size
        idx = np.arange(m, dtype=np.int64).reshape(m, 1)
        for _ in range(n - 1):
            last = idx[:, -1]
            cnt = m - last
            parent = np.repeat(np.arange(idx.shape[0]), cnt)
            nxt = last[parent] + (np.arange(int(cnt.sum())) - np.repeat(np.cumsum(cnt) - cnt, cnt))
            idx = np.concatenate([idx[parent], nxt.reshape(-1, 1)], axis=1)
        vmax = max(abs(v) for v in g.values)
        if n * vmax < 2**62:
            sums = np.array(g.values, dtype=np.int64)[idx].sum(axis=1)
            order = np.argsort(sums, kind="stable")
            sums = sums[order]
            uniq, start, count = np.unique(sums, return_index=True, return_counts=True)
            self.bucket = {int(s): (int(a), int(c)) for s, a, c in zip(uniq, start, count)}
        else:
            pyvals = list(g.values)
            raw = [sum(pyvals[j] for j in row) for row in idx.tolist()]
            order = np.array(sorted(range(len(raw)), key=lambda r: raw[r]), dtype=np.int64)
            self.bucket = {}
            for pos, r in enumerate(order.tolist()):
                s = raw[r]
                a, c = self.bucket.get(s, (pos, 0))
                self.bucket[s] = (a, c + 1)
        self.idx = idx[order]
        self.keys = ctx.P[gi][self.idx].sum(axis=1).reshape(len(order), ctx.ncond)
        self.total = len(order)


def _is_linear(cond) -> bool:
    return all(len(t) <= 2 for t in cond.terms)


def _system(problem: Problem):
    linear = tuple(ci for ci, c in enumerate(problem.conditions) if _is_linear(c))
    lgroups = tuple(
        gi for gi in range(len(problem.groups))
        if any(len(problem.conditions[ci].terms[gi]) == 2 for ci in linear)
    )
    A, b = [], []
    for ci in linear:
        c = problem.conditions[ci]
        A.append([c.terms[g][1] if len(c.terms[g]) == 2 else 0 for g in lgroups])
        const = c.constant + sum(
            g.size * (c.terms[gi][0] if c.terms[gi] else 0) for gi, g in enumerate(problem.groups)
        )
        b.append(-const)
    return linear, lgroups, A, b


def _side_rows(sums, cols, counts, free_factor):
    """Rows of a side: sum over its distinct partial sum vectors of the slice products."""
    seen = {}
    for f in sums:
        key = tuple(f[c] for c in cols)
        if key not in seen:
            seen[key] = prod(counts[c][key[i]] for i, c in enumerate(cols))
    return sum(seen.values()) * free_factor


def _choose_sides(problem, lgroups, sums, counts):
    G = len(problem.groups)
    col_of = {g: i for i, g in enumerate(lgroups)}
    sizes = [g.multisets for g in problem.groups]

    def cost(left):
        right = [g for g in range(G) if g not in left]
        total = 0
        for side in (left, right):
            cols = [col_of[g] for g in side if g in col_of]
            free = prod(sizes[g] for g in side if g not in col_of)
            total += _side_rows(sums, cols, counts, free)
        return total

    if (2 ** (G - 1)) * max(len(sums), 1) <= 4_000_000:
        best = None
        for mask in range(2 ** (G - 1) - 1):
            # group G-1 is always on the right; mask picks the left among 0 .. G-2
            left = tuple(g for g in range(G - 1) if not (mask >> g) & 1)
            if not left:
                continue
            c = cost(left)
            if best is None or c < best[0]:
                best = (c, left)
        left = best[1]
    else:
        from math import log

        order = sorted(range(G), key=lambda g: (-log(sizes[g]), g))
        lsum = rsum = 0.0
        left = []
        for g in order:
            if lsum <= rsum:
                left.append(g)
                lsum += log(sizes[g])
            else:
                rsum += log(sizes[g])
        left = tuple(sorted(left))
    right = tuple(g for g in range(G) if g not in left)
    return left, right


@lru_cache(maxsize=4)
def lattice_plan(problem: Problem):
    """The :class:`LatticePlan` of *problem*, or a string saying why there is none.

    Parameters
    ----------
    problem : Problem
        The enumeration problem.

    Returns
    -------
    LatticePlan or str
        The plan (with empty ``sums`` when the linear system is infeasible), or the
        reason the lattice path does not apply (one group, no linear condition, a
        group or the sum vectors beyond the limits of this module).

    Examples
    --------
    >>> from anomalyalgebra.enumeration import Problem, Group, Condition
    >>> p = Problem((Group("a", 2, range(-2, 3)), Group("b", 2, range(-2, 3))),
    ...             (Condition("lin", 0, ((0, 1), (0, 2))),))
    >>> plan = lattice_plan(p)
    >>> plan.lattice_groups, len(plan.sums)       # s_a + 2 s_b = 0, |s_a|, |s_b| <= 4
    ((0, 1), 5)
    """
    groups = problem.groups
    if len(groups) < 2:
        return "one group only (the direct path splits it by sign)"
    linear, lgroups, A, b = _system(problem)
    if not linear:
        return "no linear condition"
    if not lgroups:
        return "the linear conditions do not involve the unknowns"
    for g in groups:
        if g.multisets > GROUP_TABLE_LIMIT:
            return f"group '{g.name}' has {g.multisets} multisets (limit {GROUP_TABLE_LIMIT})"
    empty = LatticePlan(linear, lgroups, None, (), (), (), (), (), (), (), 0)
    solved = integer_solutions(A, b, len(lgroups))
    if solved is None:
        return empty
    x0, K = solved
    K = lll_reduce(K) if K else []
    lo = [groups[g].size * min(groups[g].values) for g in lgroups]
    hi = [groups[g].size * max(groups[g].values) for g in lgroups]
    tables = _tables(problem)
    counts = [{s: c for s, (_, c) in tables[g].bucket.items()} for g in lgroups]
    points = box_points(x0, K, lo, hi, limit=SUMS_LIMIT, allowed=[set(c) for c in counts])
    if points is None:
        return f"more than {SUMS_LIMIT} feasible sum vectors"
    sums = tuple(points)
    if not sums:
        return LatticePlan(linear, lgroups, tuple(x0), tuple(map(tuple, K)), (), (), (), (), (),
                           (), 0)
    left, right = _choose_sides(problem, lgroups, sums, counts)
    col_of = {g: i for i, g in enumerate(lgroups)}
    lcols = [col_of[g] for g in left if g in col_of]
    rcols = [col_of[g] for g in right if g in col_of]
    lfree = prod(groups[g].multisets for g in left if g not in col_of)
    rfree = prod(groups[g].multisets for g in right if g not in col_of)
    pairs: dict = {}
    for f in sums:
        pairs.setdefault(tuple(f[c] for c in lcols), set()).add(tuple(f[c] for c in rcols))
    left_keys = tuple(sorted(pairs))
    right_of = tuple(tuple(sorted(pairs[k])) for k in left_keys)

    def nrows(key, cols):
        return prod(counts[c][key[i]] for i, c in enumerate(cols))

    parts, start, acc, rows, max_rows = [], 0, 0, 0, 0
    for i, key in enumerate(left_keys):
        r = nrows(key, lcols) * lfree + sum(nrows(k, rcols) for k in right_of[i]) * rfree
        rows += r
        max_rows = max(max_rows, r)
        if acc and acc + r > CHUNK_ROWS:
            parts.append((start, i))
            start, acc = i, 0
        acc += r
    parts.append((start, len(left_keys)))
    return LatticePlan(linear, lgroups, tuple(x0), tuple(map(tuple, K)), sums, left, right,
                       left_keys, right_of, tuple(parts), rows, max_rows)


@lru_cache(maxsize=4)
def _tables(problem: Problem):
    ctx = side_context(problem)
    return tuple(_GroupTable(ctx, gi) for gi in range(len(problem.groups)))


def _build_side(ctx, tables, side, lattice_cols, U):
    """Rows of one side: every combination of multisets whose sums are a vector of U."""
    np = _np()
    C = ctx.ncond
    keys = np.zeros((len(U), C), dtype=ctx.dtype)
    state = np.arange(len(U), dtype=np.int64)
    hist: list = []
    col = 0
    for g in side:
        tab = tables[g]
        if g in lattice_cols:
            sl = [tab.bucket[u[col]] for u in U]
            starts = np.array([a for a, _ in sl], dtype=np.int64).reshape(-1)
            counts = np.array([c for _, c in sl], dtype=np.int64).reshape(-1)
            st, cnt = starts[state], counts[state]
            col += 1
        else:
            st = np.zeros(len(state), dtype=np.int64)
            cnt = np.full(len(state), tab.total, dtype=np.int64)
        total = int(cnt.sum())
        parent = np.repeat(np.arange(len(state)), cnt)
        j = st[parent] + (np.arange(total) - np.repeat(np.cumsum(cnt) - cnt, cnt))
        keys = keys[parent] + tab.keys[j]
        hist = [h[parent] for h in hist]
        hist.append(j)
        state = state[parent]
    return keys, hist


def run_lattice_chunk(problem: Problem, chunk) -> list:
    """Solve one chunk of the lattice path (see :func:`.engine.run_chunk`)."""
    np = _np()
    plan = lattice_plan(problem)
    ctx = side_context(problem)
    tables = _tables(problem)
    lo, hi = chunk.part
    lattice = set(plan.lattice_groups)
    U_left = plan.left_keys[lo:hi]
    U_right = sorted({k for i in range(lo, hi) for k in plan.right_of[i]})
    lkeys, lhist = _build_side(ctx, tables, plan.left, lattice, U_left)
    rkeys, rhist = _build_side(ctx, tables, plan.right, lattice, U_right)

    def assemble(li, ri):
        columns = {}
        for side, hist, rows in ((plan.left, lhist, li), (plan.right, rhist, ri)):
            for g, h in zip(side, hist):
                midx = tables[g].idx[h[rows]]
                vals = ctx.values[g]
                columns[g] = [vals[midx[:, t]] for t in range(problem.groups[g].size)]
        return np.stack([c for g in range(len(problem.groups)) for c in columns[g]], axis=1)

    return filter_pieces(ctx, lkeys, rkeys, assemble)


def lattice_rows_estimate(problem: Problem) -> int | None:
    """Side rows of the lattice path, or None when it does not apply."""
    plan = lattice_plan(problem)
    return None if isinstance(plan, str) else plan.rows


def direct_rows_estimate(problem: Problem) -> int:
    """Side rows of the direct path without pruning (an upper bound on its work)."""
    total = 0
    for left, right in configurations(problem):
        for blocks in (left, right):
            total += prod(comb(b.hi - b.lo + b.size - 1, b.size) for b in blocks)
    return total
