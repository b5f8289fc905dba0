"""Meet-in-the-middle enumeration of a :class:`~.problem.Problem`.

Algorithm (see ``docs/enumeration.rst`` for the completeness argument):

1. Every group is enumerated as a multiset (non-decreasing tuple of indices into
   its sorted value set), which removes the permutation symmetry exactly.
2. The groups are distributed over two *sides*.  A group that dominates the search
   space is cut by sign: its negative members go to the left side, its
   non-negative members to the right, and a *configuration* fixes how many are
   negative.  Every multiset has exactly one such decomposition.
3. Each side is enumerated breadth first, one member at a time, with numpy.  After
   every step the partial key vector (the value of each separable condition) is
   checked against the interval that the rest of the side plus the other side can
   still reach; states that cannot meet are dropped.  This is an exact relaxation
   (it never removes a completable state).
4. The two tables are joined on ``key_left + key_right + constant == 0`` by sorting
   an exact mixed-radix integer code of the key vector (or a Python dict when the
   code would not fit in 63 bits).
5. Candidates are filtered by the vector-like, primitivity, sign-representative and
   extra (non-separable) conditions.

Arithmetic is int64 only when a bound computed with Python integers proves that no
intermediate value can exceed 2**62; otherwise numpy object arrays holding Python
integers are used (slower, still exact).

The work is cut into :class:`Chunk` records: one per configuration and per value
of the first unknown of the right side.  The chunk list depends on the problem
only, so results are identical however the chunks are distributed.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import lru_cache
from math import comb, gcd

from .problem import Problem

__all__ = ["Block", "Chunk", "plan_chunks", "run_chunk", "choose_method", "uses_int64",
           "INT64_LIMIT", "METHODS"]

#: Accepted values of ``method``: "auto" (see :func:`choose_method`), "direct" (the
#: meet in the middle on all conditions) and "lattice" (linear conditions removed
#: through the integer lattice of group sums first, :mod:`.linear`).
METHODS = ("auto", "direct", "lattice")

#: Bound below which int64 arithmetic is used (leaves a factor 2 of headroom).
INT64_LIMIT = 2**62

#: A configuration whose right side has more (unpruned) points than this is cut
#: into one chunk per value of its first unknown.
SPLIT_ROWS = 200_000
# joined candidates assembled and filtered at once (memory: rows x unknowns x 8 bytes
# for the candidates, a few times that for the filter's temporaries)
JOIN_ROWS = 1 << 18


def _np():
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
    """An upper bound on |value| of any partial key, target or join code component."""
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
def _log_multisets(nvals: int, size: int) -> float:
    from math import lgamma

    if size == 0:
        return 0.0
    if nvals == 0:
        return float("-inf")
    return lgamma(nvals + size) - lgamma(size + 1) - lgamma(nvals)


def _configurations(problem: Problem):
    """Yield (left_blocks, right_blocks) covering every point exactly once."""
    groups = problem.groups
    logs = [_log_multisets(len(g.values), g.size) for g in groups]
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


def choose_method(problem: Problem) -> str:
    """The path ``method="auto"`` takes for *problem*: ``"lattice"`` or ``"direct"``.

    The lattice path is taken when it applies (at least two groups, at least one
    linear condition, every group's multisets and the feasible group-sum vectors
    within the limits of :mod:`.linear`), no single left partial sum vector needs
    more than ``PART_ROWS_LIMIT`` rows (chunks cannot be smaller than that), and
    the rows it builds -- computed exactly from the feasible sum vectors -- are
    fewer than the rows of the direct path's sides before pruning.  An infeasible
    linear system (no integer solution, or no feasible sum vector) always takes the
    lattice path, which then has no chunk at all.

    Parameters
    ----------
    problem : Problem
        The problem.

    Returns
    -------
    str
        ``"lattice"`` or ``"direct"``.

    Examples
    --------
    >>> from anomalyalgebra.enumeration import singlet_problem
    >>> choose_method(singlet_problem(8, 10))      # one group: split by sign instead
    'direct'
    """
    from .linear import PART_ROWS_LIMIT, direct_rows_estimate, lattice_plan

    plan = lattice_plan(problem)
    if isinstance(plan, str):
        return "direct"
    if not plan.sums:
        return "lattice"
    if plan.max_rows <= PART_ROWS_LIMIT and plan.rows < direct_rows_estimate(problem):
        return "lattice"
    return "direct"


def plan_chunks(problem: Problem, method: str = "auto") -> list:
    """The list of :class:`Chunk` records whose results together are the answer.

    Parameters
    ----------
    problem : Problem
        The problem.
    method : {"auto", "direct", "lattice"}
        Which path to use; "auto" follows :func:`choose_method`.

    Returns
    -------
    list of Chunk
        Ordered by :attr:`Chunk.index`; empty when the lattice path proves there is
        no solution.

    Raises
    ------
    ValueError
        For an unknown ``method``, or ``"lattice"`` when that path does not apply.

    Examples
    --------
    >>> from anomalyalgebra.enumeration import Problem, Group, Condition
    >>> p = Problem((Group("z", 2, (-1, 0, 1)),), (Condition("s", 0, ((0, 1),)),))
    >>> len(plan_chunks(p)) > 0
    True
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    if method == "auto":
        method = choose_method(problem)
    if method == "lattice":
        from .linear import lattice_plan

        plan = lattice_plan(problem)
        if isinstance(plan, str):
            raise ValueError(f"the lattice path does not apply: {plan}")
        groups = problem.groups
        whole = lambda gi: Block(gi, 0, len(groups[gi].values), groups[gi].size)  # noqa: E731
        left = tuple(whole(g) for g in plan.left)
        right = tuple(whole(g) for g in plan.right)
        if not plan.sums:
            return []
        return [Chunk(i, left, right, None, part) for i, part in enumerate(plan.parts)]
    chunks = []
    for left, right in _configurations(problem):
        size = 1
        for b in right:
            size *= comb(b.hi - b.lo + b.size - 1, b.size)
        if right and size > SPLIT_ROWS:
            first = right[0]
            for j in range(first.hi - first.lo):
                chunks.append(Chunk(len(chunks), left, right, j))
        else:
            chunks.append(Chunk(len(chunks), left, right, None))
    return chunks


# ----------------------------------------------------------------------------------
# one side, breadth first
# ----------------------------------------------------------------------------------
class _Ctx:
    """Per-problem numeric tables (built once per process, see _context)."""

    def __init__(self, problem: Problem):
        np = _np()
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
        """P restricted to the block plus suffix minima/maxima (exact, Python ints)."""
        key = (block.group, block.lo, block.hi)
        if key not in self._tables:
            self._tables[key] = self._block_tables(block)
        return self._tables[key]

    def _block_tables(self, block: Block):
        np = _np()
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
        """Exact (min, max) per condition of a side's key over all its points."""
        lo = [0] * self.ncond
        hi = [0] * self.ncond
        for b in blocks:
            _, smin, smax = self.block_tables(b)
            for c in range(self.ncond):
                lo[c] += b.size * smin[0][c]
                hi[c] += b.size * smax[0][c]
        return lo, hi


@lru_cache(maxsize=8)
def _context(problem: Problem) -> _Ctx:
    return _Ctx(problem)


def _enumerate_side(ctx: _Ctx, blocks, target_lo, target_hi, first=None):
    """All points of a side whose key can still lie in [target_lo, target_hi].

    Returns ``(keys, idx)``: keys of shape (rows, ncond) and one index array per
    member (value index within the member's block).
    """
    np = _np()
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
def _left_side(problem: Problem, left: tuple, right: tuple):
    ctx = _context(problem)
    rlo, rhi = ctx.side_range(right)
    const = [c.constant for c in problem.conditions]
    tlo = [-const[c] - rhi[c] for c in range(ctx.ncond)]
    thi = [-const[c] - rlo[c] for c in range(ctx.ncond)]
    return _enumerate_side(ctx, left, tlo, thi)


# ----------------------------------------------------------------------------------
# join
# ----------------------------------------------------------------------------------
def _join_pieces(ctx: _Ctx, lkeys, rkeys, max_rows: int | None = None):
    """Index pairs (li, ri) with lkeys[li] + rkeys[ri] + const == 0 (exact), in
    consecutive pieces of about ``max_rows`` pairs.

    The callers assemble and filter the candidates piece by piece, so memory is
    bounded by ``max_rows`` (default ``JOIN_ROWS``) candidates, not by the whole join.
    A right row with more matches than ``max_rows`` is one piece on its own.
    """
    np = _np()
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


def _filter(ctx: _Ctx, sol):
    np = _np()
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


# ----------------------------------------------------------------------------------
# one chunk
# ----------------------------------------------------------------------------------
def run_chunk(problem: Problem, chunk: Chunk) -> list:
    """Solve one chunk.

    Pure function of its arguments, so it can run in any process.

    Parameters
    ----------
    problem : Problem
        The problem.
    chunk : Chunk
        One chunk of :func:`plan_chunks` for the same problem.

    Returns
    -------
    list of tuple of tuple of int
        The chunk's solutions as tuples of per-group sorted tuples, sorted by the
        flattened tuple.

    Raises
    ------
    MissingDependencyError
        If numpy is not installed.
    """
    if chunk.part is not None:
        from .linear import run_lattice_chunk

        return run_lattice_chunk(problem, chunk)
    np = _np()
    ctx = _context(problem)
    lkeys, lhist = _left_side(problem, chunk.left, chunk.right)
    if lkeys.shape[0] == 0:
        return []
    C = ctx.ncond
    const = [c.constant for c in problem.conditions]
    lo = [int(lkeys[:, c].min()) for c in range(C)]
    hi = [int(lkeys[:, c].max()) for c in range(C)]
    tlo = [-const[c] - hi[c] for c in range(C)]
    thi = [-const[c] - lo[c] for c in range(C)]
    rkeys, rhist = _enumerate_side(ctx, chunk.right, tlo, thi, first=chunk.first)

    def assemble(li, ri):
        """The flattened candidates of the pairs (li, ri), group by group, each sorted."""
        columns: dict = {gi: [] for gi in range(len(problem.groups))}
        for blocks, hist, rows in ((chunk.left, lhist, li), (chunk.right, rhist, ri)):
            m = 0
            for b in blocks:
                vals = ctx.values[b.group][b.lo:b.hi]
                cols = [vals[hist[m + t][rows]] for t in range(b.size)]
                columns[b.group].append((b.lo, cols))
                m += b.size
        ordered = []
        for gi in range(len(problem.groups)):
            for _, cols in sorted(columns[gi], key=lambda x: x[0]):
                ordered.extend(cols)
        return np.stack(ordered, axis=1)

    return _filter_pieces(ctx, lkeys, rkeys, assemble)


def _filter_pieces(ctx: _Ctx, lkeys, rkeys, assemble) -> list:
    """Join, assemble and filter piece by piece (bounded memory), then finish."""
    np = _np()
    kept = [_filter(ctx, assemble(li, ri)) for li, ri in _join_pieces(ctx, lkeys, rkeys)
            if li.shape[0]]
    kept = [k for k in kept if k.shape[0]]
    if not kept:
        return []
    return _finish(ctx, kept[0] if len(kept) == 1 else np.concatenate(kept))


def _finish(ctx: _Ctx, sol) -> list:
    """Sort filtered joined candidates, convert them to tuples of per-group tuples."""
    np = _np()
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


def estimate_log_cost(problem: Problem) -> float:
    """Natural log of the search space after the permutation reduction."""
    return sum(_log_multisets(len(g.values), g.size) for g in problem.groups)

