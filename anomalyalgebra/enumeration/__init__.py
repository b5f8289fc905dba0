"""Exhaustive enumeration of integer charges (issue 7).

The engine works on an abstract :class:`Problem` (integer unknowns in finite sets,
separable polynomial conditions, extra equations) and is used for

* :func:`chiral_singlet_charges` -- anomaly-free charges of N SM-singlet fermions;
* :func:`enumerate_charges` -- unknown U(1)' charges of a model (when the model
  layer is available).

Linear conditions can be removed exactly first through the integer lattice of
group sums (:func:`integer_solutions`, Hermite normal form); :func:`choose_method`
says which path a problem takes.

numpy is needed (extra ``numeric``); results are exact Python integers.
"""

from .io import OperatorFilter, filter_solutions, read_solutions, write_solutions
from .engine import Block, Chunk, choose_method, plan_chunks, run_chunk, uses_int64
from .lattice import box_points, column_hermite_form, integer_solutions, lll_reduce
from .parallel import count_solutions, enumerate_problem, iter_solutions, run_batch
from .problem import Condition, Group, Polynomial, Problem, symmetric_range
from .charges import ChargeProblem, charge_problem, enumerate_charges, operator_charge, unknowns_label
from .singlets import chiral_singlet_charges, singlet_problem

__all__ = [
    "Problem",
    "Group",
    "Condition",
    "Polynomial",
    "symmetric_range",
    "Block",
    "Chunk",
    "plan_chunks",
    "run_chunk",
    "choose_method",
    "column_hermite_form",
    "integer_solutions",
    "lll_reduce",
    "box_points",
    "run_batch",
    "uses_int64",
    "iter_solutions",
    "enumerate_problem",
    "count_solutions",
    "singlet_problem",
    "chiral_singlet_charges",
    "write_solutions",
    "read_solutions",
    "filter_solutions",
    "OperatorFilter",
    "ChargeProblem",
    "charge_problem",
    "enumerate_charges",
    "operator_charge",
    "unknowns_label",
]
