"""Running the chunks of an enumeration, locally or on any ``concurrent.futures.Executor``.

Results are always yielded in chunk order, and each chunk's solutions are sorted,
so the output does not depend on the executor, the number of workers or the batch
size.  A dask.distributed cluster is used through ``client.get_executor()``.
"""

from __future__ import annotations

from collections import deque

from ..progress import ProgressLine
from .engine import plan_chunks, run_chunk
from .problem import Problem

__all__ = ["iter_solutions", "enumerate_problem", "count_solutions", "run_batch"]


def run_batch(problem: Problem, chunks) -> list:
    """Solve several chunks in one task (the unit sent to an executor).

    Parameters
    ----------
    problem : Problem
        The problem.
    chunks : iterable of Chunk
        Chunks of :func:`~anomalyalgebra.enumeration.plan_chunks`.

    Returns
    -------
    list of tuple
        The solutions of the chunks, chunk after chunk, each chunk's sorted.
    """
    out = []
    for chunk in chunks:
        out.extend(run_chunk(problem, chunk))
    return out


def iter_solutions(problem: Problem, *, executor=None, batch_size: int | None = None,
                   max_pending: int = 64, progress=False, desc: str = "enumerating",
                   method: str = "auto"):
    """Yield every solution of *problem*, chunk by chunk, in a fixed order.

    Parameters
    ----------
    problem : Problem
        What to enumerate.
    executor : concurrent.futures.Executor, optional
        Anything with ``submit(fn, *args)`` returning a future (a
        ``ProcessPoolExecutor``, ``ThreadPoolExecutor``, or a dask
        ``Client.get_executor()``).  ``None`` runs in this process.
    batch_size : int, optional
        Chunks per submitted task (default: ``len(chunks) // 256``, at least 1).
    max_pending : int
        Tasks in flight at once, which bounds the memory held for out-of-order results.
    progress : bool
        Show a progress line on stderr (:class:`~anomalyalgebra.progress.ProgressLine`:
        tqdm if installed, otherwise one self-overwriting line), tasks done and
        solutions found.
    desc : str
        Label of the progress line.
    method : {"auto", "direct", "lattice"}
        Engine path (see :func:`~anomalyalgebra.enumeration.choose_method`); the
        solutions are the same, their order may differ between paths.

    Yields
    ------
    tuple of tuple of int
        One sorted tuple per group.

    Raises
    ------
    ValueError
        For an unknown ``method``, or ``"lattice"`` when that path does not apply.
    MissingDependencyError
        If numpy is not installed.

    Examples
    --------
    >>> from anomalyalgebra.enumeration import Problem, Group, Condition
    >>> p = Problem((Group("z", 3, range(-2, 3)),), (Condition("sum", 0, ((0, 1),)),),
    ...             sign_reduce=True)
    >>> list(iter_solutions(p))
    [((0, 0, 0),), ((-2, 0, 2),), ((-2, 1, 1),), ((-1, 0, 1),)]
    """
    chunks = plan_chunks(problem, method)
    if batch_size is None:
        batch_size = max(1, len(chunks) // 256)
    batches = [chunks[i:i + batch_size] for i in range(0, len(chunks), batch_size)]
    bar = ProgressLine(desc, len(batches), enabled=progress, min_interval=0.5, unit="tasks")
    found = 0
    try:
        if executor is None:
            for batch in batches:
                sols = run_batch(problem, batch)
                found += len(sols)
                bar.update(1, solutions=found)
                yield from sols
            return
        pending: deque = deque()
        it = iter(batches)
        for batch in it:
            pending.append(executor.submit(run_batch, problem, batch))
            if len(pending) >= max_pending:
                break
        while pending:
            sols = pending.popleft().result()
            nxt = next(it, None)
            if nxt is not None:
                pending.append(executor.submit(run_batch, problem, nxt))
            found += len(sols)
            bar.update(1, solutions=found)
            yield from sols
    finally:
        bar.close()


def enumerate_problem(problem: Problem, **kwargs) -> list:
    """All solutions as a list (same order as :func:`iter_solutions`).

    Parameters
    ----------
    problem : Problem
        What to enumerate.
    **kwargs
        Passed to :func:`iter_solutions` (``executor``, ``batch_size``, ``method`` ...).

    Returns
    -------
    list of tuple of tuple of int
        Every solution.

    Examples
    --------
    >>> from anomalyalgebra.enumeration import Problem, Group, Condition
    >>> p = Problem((Group("z", 2, (-1, 0, 1)),), (Condition("s", 0, ((0, 1),)),))
    >>> enumerate_problem(p)
    [((0, 0),), ((-1, 1),)]
    """
    return list(iter_solutions(problem, **kwargs))


def count_solutions(problem: Problem, **kwargs) -> int:
    """Number of solutions, without keeping them.

    Parameters
    ----------
    problem : Problem
        What to enumerate.
    **kwargs
        Passed to :func:`iter_solutions`.

    Returns
    -------
    int
        The number of solutions.
    """
    return sum(1 for _ in iter_solutions(problem, **kwargs))
