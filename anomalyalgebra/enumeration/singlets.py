"""Anomaly-free charges of N Standard-Model-singlet Weyl fermions.

With all fermions written left-handed and only singlets charged under the new
U(1), the anomaly conditions are the gravitational one, ``sum_i q_i = 0``, and the
cubic one, ``sum_i q_i**3 = 0`` (Costa, Dobrescu and Fox, arXiv:1905.13729).
"""

from __future__ import annotations

from .parallel import iter_solutions
from .problem import Condition, Group, Problem, symmetric_range

__all__ = ["singlet_problem", "chiral_singlet_charges"]


def singlet_problem(n_fields: int, q_max: int, *, chiral: bool = True,
                    primitive: bool = True, nonzero: bool = True) -> Problem:
    """The :class:`Problem` behind :func:`chiral_singlet_charges`.

    Parameters
    ----------
    n_fields : int
        Number of singlet Weyl fermions (>= 1).
    q_max : int
        Bound on ``|q_i|``.
    chiral : bool, optional
        Exclude pairs ``q_i = -q_j`` (default True).
    primitive : bool, optional
        Keep only gcd-1 solutions (default True).
    nonzero : bool, optional
        Exclude the charge 0 (default True).

    Returns
    -------
    Problem
        One group of ``n_fields`` members and the conditions ``Σq = 0``,
        ``Σq³ = 0``, sign-reduced.

    Raises
    ------
    ValueError
        If ``n_fields < 1``.

    Examples
    --------
    >>> p = singlet_problem(5, 10)
    >>> p.is_solution([(-8, -7, 1, 5, 9)])
    True
    """
    if n_fields < 1:
        raise ValueError(f"n_fields must be >= 1, got {n_fields}")
    group = Group("q", n_fields, symmetric_range(q_max, nonzero=nonzero))
    conditions = (
        Condition("grav^2 U(1)", 0, ((0, 1),)),
        Condition("U(1)^3", 0, ((0, 0, 0, 1),)),
    )
    return Problem(
        (group,),
        conditions,
        vectorlike=((0, 0, 1),) if chiral else (),
        primitive=primitive,
        sign_reduce=True,
    )


def chiral_singlet_charges(n_fields: int, q_max: int, *, chiral: bool = True,
                           primitive: bool = True, executor=None, progress=False,
                           batch_size: int | None = None):
    """Yield every anomaly-free charge assignment of *n_fields* singlet Weyl fermions.

    A solution has ``|q_i| <= q_max``, non-zero charges, ``sum q = sum q**3 = 0``,
    no pair ``q_i = -q_j`` (*chiral*) and gcd 1 (*primitive*).  Each solution is
    yielded once as a sorted tuple; a set and its negative count once, and the
    tuple given is the one with fewer negative charges (on a tie, the
    lexicographically larger one).  The order of the output is fixed (it does not
    depend on *executor*).

    Parameters
    ----------
    n_fields, q_max : int
        Number of fermions and bound on the absolute value of the charges.
    chiral, primitive : bool
        Drop vector-like pairs / non-primitive solutions (both default True).
    executor : concurrent.futures.Executor, optional
        Where to run the chunks (see :func:`iter_solutions`).
    progress : bool
        Show a progress bar.
    batch_size : int, optional
        Chunks per submitted task (see :func:`iter_solutions`).

    Yields
    ------
    tuple of int
        The sorted charges of one solution.

    Raises
    ------
    ValueError
        If ``n_fields < 1`` (raised when the generator is first advanced).

    Examples
    --------
    The smallest chiral set of five charges (Costa, Dobrescu and Fox, 2019):

    >>> list(chiral_singlet_charges(5, 9))
    [(-8, -7, 1, 5, 9)]
    >>> next(iter(chiral_singlet_charges(5, 8)), None) is None
    True
    """
    problem = singlet_problem(n_fields, q_max, chiral=chiral, primitive=primitive)
    for (sol,) in iter_solutions(problem, executor=executor, progress=progress,
                                 batch_size=batch_size, desc=f"N={n_fields}, q_max={q_max}"):
        yield sol
