"""The two sides of the meet in the middle and their join (see :mod:`.engine`).

The per-problem context (value tables, key bounds, int64 or exact arithmetic), the
breadth-first enumeration of one side with pruning, the join of two sides on their
key vectors and the filters applied to the joined candidates.  Both paths of
:mod:`.engine` (direct) and :mod:`.linear` (lattice) build on it.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import lru_cache
from math import gcd

from .problem import Problem

__all__ = ["Block", "Chunk", "uses_int64", "INT64_LIMIT", "JOIN_ROWS"]


#: Bound below which int64 arithmetic is used (leaves a factor 2 of headroom).
INT64_LIMIT = 2**62


# joined candidates assembled and filtered at once (memory: rows x unknowns x 8 bytes
# for the candidates, a few times that for the filter's temporaries)
JOIN_ROWS = 1 << 18


def numpy_module():
    try:
        import numpy
    except ImportError as exc:  # pragma: no cover - numpy is in the test extra
        from ..exceptions import MissingDependencyError

        raise MissingDependencyError(
            "integer enumeration needs numpy: pip install anomalyalgebra[numeric]"
        ) from exc
    return numpy


@dataclass(frozen=True)
class Block:
    """``size`` members of group ``group`` with values ``values[lo:hi]`` of that group.

    Parameters
    ----------
    group : int
        Index of the group in the problem.
    lo, hi : int
        Slice of the group's sorted value tuple.
    size : int
        Number of members taken from that slice.
    """

    group: int
    lo: int
    hi: int
    size: int


@dataclass(frozen=True)
class Chunk:
    """An independent piece of work.

    ``left`` and ``right`` are tuples of :class:`Block`; ``first`` fixes the value
    index of the first member of the right side (``None``: the right side is empty
    and nothing is fixed).  ``index`` orders the chunks.  ``part`` is ``None`` for
    the direct path; for the lattice path (:mod:`.linear`) it is the slice
    ``(lo, hi)`` of the plan's sorted left partial sum vectors handled by the chunk.

    Parameters
    ----------
    index : int
        Position in the chunk list.
    left, right : tuple of Block
        The two sides of the meet in the middle.
    first : int or None
        Fixed value index of the first right-side member.
    part : tuple of (int, int) or None, optional
        Slice handled by a lattice-path chunk.
    """

    index: int
    left: tuple
    right: tuple
    first: int | None
    part: tuple | None = None


# ----------------------------------------------------------------------------------
# exactness
# ----------------------------------------------------------------------------------
def _member_table(problem: Problem):
    """Per condition, group and value index: the exact contribution (Python ints)."""
    return tuple(
        tuple(tuple(c.member_value(gi, v) for v in g.values) for gi, g in enumerate(problem.groups))
        for c in problem.conditions
    )


def key_bound(problem: Problem) -> int:
    """An upper bound on ``|value|`` of any partial key, target or join code component.

    Parameters
    ----------
    problem : Problem
        The problem.

    Returns
    -------
    int
        ``max_c (|constant_c| + Σ_g size_g max_v |p_{c,g}(v)|)``, exact.
    """
    table = _member_table(problem)
    bound = 0
    for ci, cond in enumerate(problem.conditions):
        b = abs(cond.constant)
        for gi, g in enumerate(problem.groups):
            b += g.size * max(abs(x) for x in table[ci][gi])
        bound = max(bound, b)
    return bound


def uses_int64(problem: Problem) -> bool:
    """True if all engine arithmetic provably fits in int64 (else object arrays are used).

    The check is done with Python integers: every partial key and target is at most
    ``2 * key_bound`` in magnitude and every value at most ``max |q|``; both must
    stay below :data:`INT64_LIMIT`.

    Parameters
    ----------
    problem : Problem
        The problem.

    Returns
    -------
    bool
        Whether the int64 path is exact.

    Examples
    --------
    >>> from anomalyalgebra.enumeration import Problem, Group, Condition
    >>> cube = lambda vals: Problem((Group("z", 4, vals),), (Condition("c", 0, ((0, 0, 0, 1),)),))
    >>> uses_int64(cube(range(-10, 11)))
    True
    >>> uses_int64(cube((-2**21, 2**21)))
    False
    """
    vmax = max(abs(v) for g in problem.groups for v in g.values)
    return 4 * key_bound(problem) < INT64_LIMIT and vmax < INT64_LIMIT


# ----------------------------------------------------------------------------------
# planning
# ----------------------------------------------------------------------------------
def log_multisets(nvals: int, size: int) -> float:
    """Natural log of the number of multisets of ``size`` values out of ``nvals``.

    Parameters
    ----------
    nvals : int
        Number of allowed values.
    size : int
        Number of members.

    Returns
    -------
    float
        ``log C(nvals + size - 1, size)`` (0 for size 0, ``-inf`` for no value).

    Examples
    --------
    >>> round(log_multisets(3, 2), 6) == round(__import__("math").log(6), 6)
    True
    """
    from math import lgamma

    if size == 0:
        return 0.0
    if nvals == 0:
        return float("-inf")
    return lgamma(nvals + size) - lgamma(size + 1) - lgamma(nvals)


def configurations(problem: Problem):
    """Yield ``(left_blocks, right_blocks)`` covering every point exactly once.

    The groups are distributed over two sides of balanced size; a group that dominates
    the search space is cut by sign (its negative members on the left, the others on
    the right), one configuration per number of negative members.

    Parameters
    ----------
    problem : Problem
        The problem.

    Yields
    ------
    tuple of (tuple of Block, tuple of Block)
        The two sides of one configuration.
    """
    groups = problem.groups
    logs = [log_multisets(len(g.values), g.size) for g in groups]
    total = sum(logs)
    order = sorted(range(len(groups)), key=lambda i: (-logs[i], i))
    split = order[0] if (logs[order[0]] > total - logs[order[0]] and groups[order[0]].size > 1) else None
    left, right, lsize, rsize = [], [], 0.0, 0.0
    if split is not None:
        lsize = rsize = logs[split] / 2
    for gi in order:
        if gi == split:
            continue
        if lsize <= rsize:
            left.append(gi)
            lsize += logs[gi]
        else:
            right.append(gi)
            rsize += logs[gi]
    whole = lambda gi: Block(gi, 0, len(groups[gi].values), groups[gi].size)  # noqa: E731
    base_left = tuple(whole(gi) for gi in sorted(left))
    base_right = tuple(whole(gi) for gi in sorted(right))
    if split is None:
        yield base_left, base_right
        return
    g = groups[split]
    nneg = sum(1 for v in g.values if v < 0)
    nval = len(g.values)
    single = len(groups) == 1
    for a in range(g.size + 1):
        b = g.size - a
        if (a and nneg == 0) or (b and nneg == nval):
            continue
        if problem.sign_reduce and single and a > b:
            # the negative of such a point has fewer negative members and is the
            # representative kept by _canonical_mask; skip the whole configuration
            continue
        lb = (Block(split, 0, nneg, a),) if a else ()
        rb = (Block(split, nneg, nval, b),) if b else ()
        yield base_left + lb, rb + base_right


# ----------------------------------------------------------------------------------
# one side, breadth first
# ----------------------------------------------------------------------------------
class SideContext:
    """Per-problem numeric tables (built once per process, see :func:`side_context`).

    Parameters
    ----------
    problem : Problem
        The problem; its member values per condition and group are tabulated as numpy
        arrays (int64 when :func:`uses_int64` proves it exact, Python ints otherwise).

    Raises
    ------
    MissingDependencyError
        If numpy is not installed.
    """

    def __init__(self, problem: Problem):
        np = numpy_module()
        self.problem = problem
        self.int64 = uses_int64(problem)
        self.dtype = np.int64 if self.int64 else object
        self.ncond = len(problem.conditions)
        table = _member_table(problem)
        # P[g] has shape (len(values), ncond)
        self.P = []
        self.values = []
        for gi, g in enumerate(problem.groups):
            rows = [[table[ci][gi][j] for ci in range(self.ncond)] for j in range(len(g.values))]
            self.P.append(np.array(rows, dtype=self.dtype).reshape(len(g.values), self.ncond))
            self.values.append(np.array(g.values, dtype=self.dtype))
        self.const = np.array([c.constant for c in problem.conditions], dtype=self.dtype)
        self._tables: dict = {}

    def block_tables(self, block: Block):
        """``P`` restricted to the block plus suffix minima/maxima (exact).

        Parameters
        ----------
        block : Block
            The block.

        Returns
        -------
        tuple of numpy.ndarray
            ``(P, suffix_min, suffix_max)``, each of shape (values in the block, conditions);
            cached per block.
        """
        key = (block.group, block.lo, block.hi)
        if key not in self._tables:
            self._tables[key] = self._block_tables(block)
        return self._tables[key]

    def _block_tables(self, block: Block):
        np = numpy_module()
        P = self.P[block.group][block.lo:block.hi]
        rows = [list(map(int, r)) if self.int64 else list(r) for r in P]
        n = len(rows)
        smin = [None] * n
        smax = [None] * n
        cur_min = cur_max = None
        for j in range(n - 1, -1, -1):
            r = rows[j]
            cur_min = list(r) if cur_min is None else [min(a, b) for a, b in zip(cur_min, r)]
            cur_max = list(r) if cur_max is None else [max(a, b) for a, b in zip(cur_max, r)]
            smin[j], smax[j] = cur_min, cur_max
        to = lambda x: np.array(x, dtype=self.dtype).reshape(n, self.ncond)  # noqa: E731
        return P, to(smin), to(smax)

    def side_range(self, blocks):
        """Exact (min, max) per condition of a side's key over all its points.

        Parameters
        ----------
        blocks : iterable of Block
            The side.

        Returns
        -------
        tuple of (list, list)
            ``(lo, hi)``, one entry per condition.
        """
        lo = [0] * self.ncond
        hi = [0] * self.ncond
        for b in blocks:
            _, smin, smax = self.block_tables(b)
            for c in range(self.ncond):
                lo[c] += b.size * smin[0][c]
                hi[c] += b.size * smax[0][c]
        return lo, hi


@lru_cache(maxsize=8)
def side_context(problem: Problem) -> SideContext:
    """The :class:`SideContext` of a problem (cached, a few per process).

    Parameters
    ----------
    problem : Problem
        The problem.

    Returns
    -------
    SideContext
        Its tables.
    """
    return SideContext(problem)


def enumerate_side(ctx: SideContext, blocks, target_lo, target_hi, first=None):
    """All points of a side whose key can still lie in ``[target_lo, target_hi]``.

    Breadth first, one member at a time; after each step the states whose key cannot
    reach the target interval with the rest of the side are dropped (an exact
    relaxation).

    Parameters
    ----------
    ctx : SideContext
        The problem's tables.
    blocks : tuple of Block
        The side.
    target_lo, target_hi : sequence
        Bounds per condition of the key the side must be able to reach.
    first : int, optional
        Fix the value index of the first member of the first block.

    Returns
    -------
    tuple
        ``(keys, idx)``: keys of shape (rows, conditions) and one index array per member
        (value index within the member's block).
    """
    np = numpy_module()
    dtype = ctx.dtype
    C = ctx.ncond
    keys = np.zeros((1, C), dtype=dtype)
    hist: list = []
    tlo = np.array(target_lo, dtype=dtype).reshape(1, C)
    thi = np.array(target_hi, dtype=dtype).reshape(1, C)
    tabs = [ctx.block_tables(b) for b in blocks]
    # exact min / max of all blocks after block k
    rest_min, rest_max = [], []
    for k in range(len(blocks)):
        lo, hi = ctx.side_range(blocks[k + 1:])
        rest_min.append(np.array(lo, dtype=dtype).reshape(1, C))
        rest_max.append(np.array(hi, dtype=dtype).reshape(1, C))
    last = np.zeros(1, dtype=np.int64)
    for k, block in enumerate(blocks):
        P, smin, smax = tabs[k]
        nv = block.hi - block.lo
        for t in range(block.size):
            nstate = keys.shape[0]
            if nstate == 0:
                break
            lower = np.zeros(nstate, dtype=np.int64) if t == 0 else last
            if first is not None and k == 0 and t == 0:
                counts = np.ones(nstate, dtype=np.int64)
                lower = np.full(nstate, first, dtype=np.int64)
            else:
                counts = nv - lower
            total = int(counts.sum())
            parent = np.repeat(np.arange(nstate), counts)
            starts = np.cumsum(counts) - counts
            j = lower[parent] + (np.arange(total) - np.repeat(starts, counts))
            newkeys = keys[parent] + P[j]
            r = block.size - t - 1
            if C:
                lo_reach = newkeys + r * smin[j] + rest_min[k]
                hi_reach = newkeys + r * smax[j] + rest_max[k]
                ok = np.all(lo_reach <= thi, axis=1) & np.all(hi_reach >= tlo, axis=1)
                ok = np.asarray(ok, dtype=bool)
                parent, j, newkeys = parent[ok], j[ok], newkeys[ok]
            hist = [h[parent] for h in hist]
            hist.append(j)
            keys = newkeys
            last = j
    if keys.shape[0] == 0:
        hist = [np.zeros(0, dtype=np.int64) for b in blocks for _ in range(b.size)]
    return keys, hist


@lru_cache(maxsize=4)
def left_side(problem: Problem, left: tuple, right: tuple):
    """The enumerated left side of a configuration, targeted at what the right side can
    reach (cached: the chunks of one configuration share it).

    Parameters
    ----------
    problem : Problem
        The problem.
    left, right : tuple of Block
        The two sides.

    Returns
    -------
    tuple
        ``(keys, idx)`` as :func:`enumerate_side`.
    """
    ctx = side_context(problem)
    rlo, rhi = ctx.side_range(right)
    const = [c.constant for c in problem.conditions]
    tlo = [-const[c] - rhi[c] for c in range(ctx.ncond)]
    thi = [-const[c] - rlo[c] for c in range(ctx.ncond)]
    return enumerate_side(ctx, left, tlo, thi)


# ----------------------------------------------------------------------------------
# join
# ----------------------------------------------------------------------------------
def join_pieces(ctx: SideContext, lkeys, rkeys, max_rows: int | None = None):
    """Index pairs ``(li, ri)`` with ``lkeys[li] + rkeys[ri] + const == 0`` (exact), in
    consecutive pieces of about ``max_rows`` pairs.

    The callers assemble and filter the candidates piece by piece, so memory is
    bounded by ``max_rows`` candidates, not by the whole join.  A right row with more
    matches than ``max_rows`` is one piece on its own.

    Parameters
    ----------
    ctx : SideContext
        The problem's tables.
    lkeys, rkeys : numpy.ndarray
        Keys of the two sides, shape (rows, conditions).
    max_rows : int, optional
        Pairs per piece (default :data:`JOIN_ROWS`).

    Yields
    ------
    tuple of numpy.ndarray
        ``(li, ri)`` index arrays of one piece.
    """
    np = numpy_module()
    if max_rows is None:
        max_rows = JOIN_ROWS
    nl, nr = lkeys.shape[0], rkeys.shape[0]
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    if nl == 0 or nr == 0:
        yield empty
        return
    C = ctx.ncond
    if C == 0:
        step = max(1, max_rows // nl)
        for a in range(0, nr, step):
            b = min(nr, a + step)
            yield np.tile(np.arange(nl), b - a), np.repeat(np.arange(a, b), nl)
        return
    target = -ctx.const.reshape(1, C) - rkeys
    lo = [lkeys[:, c].min() for c in range(C)]
    hi = [lkeys[:, c].max() for c in range(C)]
    widths = [int(h) - int(l) + 1 for l, h in zip(lo, hi)]
    span = 1
    for w in widths:
        span *= w
    if ctx.int64 and span < INT64_LIMIT:
        lo_a = np.array(lo, dtype=np.int64).reshape(1, C)
        hi_a = np.array(hi, dtype=np.int64).reshape(1, C)
        strides = []
        s = 1
        for w in reversed(widths):
            strides.append(s)
            s *= w
        strides = np.array(strides[::-1], dtype=np.int64)
        inside = np.all((target >= lo_a) & (target <= hi_a), axis=1)
        rsel = np.nonzero(inside)[0]
        rcode = ((target[rsel] - lo_a) * strides).sum(axis=1)
        lcode = ((lkeys - lo_a) * strides).sum(axis=1)
        order = np.argsort(lcode, kind="stable")
        sl = lcode[order]
        start = np.searchsorted(sl, rcode, side="left")
        stop = np.searchsorted(sl, rcode, side="right")
        hit = np.nonzero(stop > start)[0]
        rsel, start, cnt = rsel[hit], start[hit], (stop - start)[hit]
        if rsel.shape[0] == 0:
            yield empty
            return
        # cut the right rows where the running number of pairs passes a multiple of max_rows
        ends = np.cumsum(cnt)
        cuts = np.searchsorted(ends, np.arange(max_rows, int(ends[-1]), max_rows), side="left") + 1
        bounds = [0] + sorted(set(int(c) for c in cuts if 0 < c < rsel.shape[0])) + [rsel.shape[0]]
        for a, b in zip(bounds, bounds[1:]):
            c = cnt[a:b]
            total = int(c.sum())
            ri = np.repeat(rsel[a:b], c)
            offs = np.arange(total) - np.repeat(np.cumsum(c) - c, c)
            li = order[np.repeat(start[a:b], c) + offs]
            yield li, ri
        return
    # exact fallback: Python dictionary on tuples of Python ints
    table: dict = {}
    for i in range(nl):
        table.setdefault(tuple(int(x) for x in lkeys[i]), []).append(i)
    li, ri = [], []
    for r in range(nr):
        hit = table.get(tuple(int(x) for x in target[r]))
        if hit:
            li.extend(hit)
            ri.extend([r] * len(hit))
    yield np.array(li, dtype=np.int64), np.array(ri, dtype=np.int64)


# ----------------------------------------------------------------------------------
# filters
# ----------------------------------------------------------------------------------
def _lex_ge(np, A, B):
    """Row-wise lexicographic A >= B."""
    if A.shape[1] == 0:
        return np.ones(A.shape[0], dtype=bool)
    diff = np.asarray(A != B, dtype=bool)
    anyd = diff.any(axis=1)
    first = diff.argmax(axis=1)
    rows = np.arange(A.shape[0])
    a = A[rows, first]
    b = B[rows, first]
    return np.asarray(~anyd | (a > b), dtype=bool)


def _canonical_mask(np, problem: Problem, sol):
    """Keep a point if it is the representative of {point, -point}.

    The representative has fewer negative than positive values; on a tie it is
    the one whose flattened tuple (groups in order, each sorted) is larger.
    """
    neg = np.empty_like(sol)
    pos = 0
    for g in problem.groups:
        block = sol[:, pos:pos + g.size]
        neg[:, pos:pos + g.size] = -block[:, ::-1]
        pos += g.size
    nneg = np.asarray(sol < 0, dtype=bool).sum(axis=1)
    npos = np.asarray(sol > 0, dtype=bool).sum(axis=1)
    return (nneg < npos) | ((nneg == npos) & _lex_ge(np, sol, neg))


def _filter(ctx: SideContext, sol):
    np = numpy_module()
    problem = ctx.problem
    if sol.shape[0] == 0:
        return sol
    keep = np.ones(sol.shape[0], dtype=bool)
    offs = problem.offsets
    for g, h, s in problem.vectorlike:
        A = sol[:, offs[g]:offs[g] + problem.groups[g].size]
        if g == h and s == -1:
            # columns of a group are sorted: equal members are neighbours
            keep &= ~np.asarray(A[:, 1:] == A[:, :-1], dtype=bool).any(axis=1)
        elif g == h and ctx.int64 and max(abs(v) for v in problem.groups[g].values) < 62:
            # bit |v| set for positive / negative members; a pair q, -q shares a bit
            bits = np.left_shift(np.int64(1), np.abs(A))
            pos = np.bitwise_or.reduce(np.where(A > 0, bits, 0), axis=1)
            neg = np.bitwise_or.reduce(np.where(A < 0, bits, 0), axis=1)
            zeros = (A == 0).sum(axis=1)
            keep &= ((pos & neg) == 0) & (zeros < 2)
        else:
            for i in range(problem.groups[g].size):
                for j in range(problem.groups[h].size):
                    a, b = offs[g] + i, offs[h] + j
                    if a == b or (g == h and j < i):
                        continue
                    keep &= np.asarray(sol[:, a] + s * sol[:, b] != 0, dtype=bool)
    sol = sol[keep]
    if problem.sign_reduce and sol.shape[0]:
        sol = sol[_canonical_mask(np, problem, sol)]
    if problem.primitive and sol.shape[0]:
        if ctx.int64:
            g = np.gcd.reduce(np.abs(sol), axis=1)
        else:
            g = np.array([gcd(*map(int, row)) for row in sol], dtype=object)
        sol = sol[np.asarray(g == 1, dtype=bool)]
    if problem.extra and sol.shape[0]:
        ok = [all(p.evaluate([int(x) for x in row]) == 0 for p in problem.extra) for row in sol]
        sol = sol[np.array(ok, dtype=bool)]
    return sol


def filter_pieces(ctx: SideContext, lkeys, rkeys, assemble) -> list:
    """Join, assemble and filter piece by piece (bounded memory), then sort.

    Parameters
    ----------
    ctx : SideContext
        The problem's tables.
    lkeys, rkeys : numpy.ndarray
        Keys of the two sides.
    assemble : callable
        ``assemble(li, ri)`` -> the flattened candidates of those index pairs.

    Returns
    -------
    list of tuple of tuple of int
        The solutions, sorted, as tuples of per-group tuples.
    """
    np = numpy_module()
    kept = [_filter(ctx, assemble(li, ri)) for li, ri in join_pieces(ctx, lkeys, rkeys)
            if li.shape[0]]
    kept = [k for k in kept if k.shape[0]]
    if not kept:
        return []
    return _finish(ctx, kept[0] if len(kept) == 1 else np.concatenate(kept))


def _finish(ctx: SideContext, sol) -> list:
    """Sort filtered joined candidates, convert them to tuples of per-group tuples."""
    np = numpy_module()
    problem = ctx.problem
    if sol.shape[0] == 0:
        return []
    order = np.lexsort(sol.T[::-1]) if ctx.int64 else sorted(
        range(sol.shape[0]), key=lambda r: tuple(int(x) for x in sol[r])
    )
    sol = sol[order]
    bounds = [(off, off + g.size) for off, g in zip(problem.offsets, problem.groups)]
    # tolist() gives Python ints for int64 and object arrays alike.  Millions of
    # small tuples trigger the cyclic garbage collector over and over (about half
    # of the time); none of them can be part of a cycle, so it is paused here.
    paused = gc.isenabled()
    gc.disable()
    try:
        parts = [map(tuple, np.ascontiguousarray(sol[:, a:b]).tolist()) for a, b in bounds]
        return list(zip(*parts))
    finally:
        if paused:
            gc.enable()
