"""Constraint systems, closed-form solutions with branch conditions, and parameter scans.

See ``docs/solving.rst``.  The vocabulary:

* :class:`ConstraintSystem` — anomaly conditions, operator invariance and equations on
  a model; :meth:`ConstraintSystem.solve` returns every branch as a :class:`Solution`.
* :func:`scan` — evaluate branches exactly over grids of integers/rationals/∞ with
  predicates (:class:`RationalValues`, :class:`NeutralLightest`), optionally on any
  :class:`concurrent.futures.Executor`.
"""

from .algebraic import minimal_conflict, solve_polynomial_system
from .predicates import NeutralLightest, RationalValues, lightest_charge, multiplet_charges, split_masses
from .scan import INFINITY, ScanResult, ScanRow, integers, rationals, scan
from .system import Constraint, ConstraintSystem, Solution

__all__ = [
    "Constraint",
    "ConstraintSystem",
    "INFINITY",
    "NeutralLightest",
    "RationalValues",
    "ScanResult",
    "ScanRow",
    "Solution",
    "integers",
    "lightest_charge",
    "minimal_conflict",
    "multiplet_charges",
    "rationals",
    "scan",
    "solve_polynomial_system",
    "split_masses",
]
