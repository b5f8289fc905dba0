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

from math import comb

from .linear import PART_ROWS_LIMIT, direct_rows_estimate, lattice_plan, run_lattice_chunk
from .meet import (INT64_LIMIT, Block, Chunk, configurations, enumerate_side, filter_pieces, left_side,
                   log_multisets, numpy_module, side_context, uses_int64)
from .problem import Problem

__all__ = ["Block", "Chunk", "plan_chunks", "run_chunk", "choose_method", "uses_int64",
           "INT64_LIMIT", "METHODS"]

#: Accepted values of ``method``: "auto" (see :func:`choose_method`), "direct" (the
#: meet in the middle on all conditions) and "lattice" (linear conditions removed
#: through the integer lattice of group sums first, :mod:`.linear`).
METHODS = ("auto", "direct", "lattice")


#: A configuration whose right side has more (unpruned) points than this is cut
#: into one chunk per value of its first unknown.
SPLIT_ROWS = 200_000


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
    for left, right in configurations(problem):
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
        return run_lattice_chunk(problem, chunk)
    np = numpy_module()
    ctx = side_context(problem)
    lkeys, lhist = left_side(problem, chunk.left, chunk.right)
    if lkeys.shape[0] == 0:
        return []
    C = ctx.ncond
    const = [c.constant for c in problem.conditions]
    lo = [int(lkeys[:, c].min()) for c in range(C)]
    hi = [int(lkeys[:, c].max()) for c in range(C)]
    tlo = [-const[c] - hi[c] for c in range(C)]
    thi = [-const[c] - lo[c] for c in range(C)]
    rkeys, rhist = enumerate_side(ctx, chunk.right, tlo, thi, first=chunk.first)

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

    return filter_pieces(ctx, lkeys, rkeys, assemble)


def estimate_log_cost(problem: Problem) -> float:
    """Natural log of the search space after the permutation reduction."""
    return sum(log_multisets(len(g.values), g.size) for g in problem.groups)

