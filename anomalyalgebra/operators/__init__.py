"""Operators built from a model's fields: invariance, enumeration, graphs, symmetries.

Examples
--------
>>> import anomalyalgebra as aa
>>> from anomalyalgebra.operators import allowed_operators, accidental_symmetries
>>> sm = aa.load_model("sm")
>>> accidental_symmetries(sm, extra_dims=(5,)).group()   # the Weinberg operator
'U(1)_{q,u,d} × Z2_{l,e}'
"""

from .operator import Condition, FieldFactor, Operator, count_couplings, parse_operator
from .lagrangian import Lagrangian, Term, allowed_operators, uncoloured_fields, uncolored_fields
from .accidental import (
    AccidentalSymmetries,
    Symmetry,
    accidental_symmetries,
    drop_groups,
    gauge_remnant,
    goldstone_bosons,
)
from .graph import draw, mass_blocks, mass_graph, model_graph, to_dot
from .smith import hermite_rows, smith_normal_form
from .hilbert import HilbertSeries, hilbert_series, operator_counts
from .violation import SymmetryBreakingReport, SymmetryViolation, symmetry_breaking
from .instantons import SymmetryReport, U1Generator, exact_symmetries, instanton_rows

__all__ = [
    "AccidentalSymmetries", "Condition", "FieldFactor", "Lagrangian", "Operator", "Symmetry", "Term",
    "accidental_symmetries", "allowed_operators", "count_couplings", "draw", "drop_groups",
    "gauge_remnant", "goldstone_bosons", "hermite_rows", "mass_blocks", "mass_graph", "model_graph",
    "parse_operator", "smith_normal_form", "to_dot", "uncoloured_fields", "uncolored_fields",
    "HilbertSeries", "hilbert_series", "operator_counts",
    "SymmetryBreakingReport", "SymmetryViolation", "symmetry_breaking",
    "SymmetryReport", "U1Generator", "exact_symmetries", "instanton_rows",
]
