"""anomalyalgebra: exact anomaly bookkeeping for particle-physics model building.

Declare gauge factors and chiral fields (from Python or from a TOML model file) and
derive every anomaly trace exactly.  The default convention is the field's standard
one (sum over left-handed Weyl fermions, T(fundamental) = 1/2); the right-minus-left
convention ``"eq4"`` is available by name (:mod:`anomalyalgebra.anomaly`).

As in networkx, the models are plain data and the physics is in functions over them.

Examples
--------
>>> import anomalyalgebra as aa
>>> m = aa.load_model("sm_x_tau")
>>> aa.anomaly_trace(m, "X", "SU2L", "SU2L")
alpha_L/2
>>> aa.anomaly_trace(m, "X", "SU2L", "SU2L", convention="eq4")
-alpha_L
"""

from .exceptions import (
    AmbiguousRepresentationError,
    AnomalyAlgebraError,
    ExpressionError,
    GroupError,
    InconsistentChargesError,
    MissingDependencyError,
    ModelError,
    ModelFileError,
    NoSolutionError,
    UnknownRepresentationError,
)
from .algebra import lie_algebra, parse_irrep, su2_irrep, singlet_multiplicity, tensor_product
from .groups import SimpleFactor, U1, ZN, parse_group
from .model import GRAVITY, Field, Model, fermion, scalar
from .modelfile import builtin_models, dumps_model, loads_model
from .formats import load_model
from .anomaly import anomaly_table, anomaly_trace, is_anomaly_free, witten_anomaly
from .expr import parse_expression
from .enumeration import chiral_singlet_charges, enumerate_charges

__version__ = "0.1.0"

__all__ = [
    "AmbiguousRepresentationError",
    "AnomalyAlgebraError",
    "ExpressionError",
    "Field",
    "GRAVITY",
    "GroupError",
    "InconsistentChargesError",
    "MissingDependencyError",
    "Model",
    "ModelError",
    "ModelFileError",
    "NoSolutionError",
    "SimpleFactor",
    "U1",
    "UnknownRepresentationError",
    "ZN",
    "anomaly_table",
    "anomaly_trace",
    "builtin_models",
    "chiral_singlet_charges",
    "enumerate_charges",
    "dumps_model",
    "fermion",
    "is_anomaly_free",
    "lie_algebra",
    "load_model",
    "loads_model",
    "parse_expression",
    "parse_group",
    "parse_irrep",
    "scalar",
    "singlet_multiplicity",
    "su2_irrep",
    "tensor_product",
    "witten_anomaly",
    "__version__",
]
