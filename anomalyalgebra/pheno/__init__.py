"""X-boson phenomenology of the seed paper (Di Luzio, Nardecchia, Toni).

Closed-form sympy observables (Eqs. 13-19, 35-38, 42-45, 59), one documented and
overridable parameter set and the χ² of the (α_L g_X, α_R g_X) plane.  The paper's
numbers, its Fig. 1 and its parameter choices are the application package's
(:mod:`anomalyalgebra.paper`: ``paper.pheno``, ``paper.figure``).

Examples
--------
>>> from anomalyalgebra import pheno
>>> B = pheno.br_Z_to_gamma_X(-4, -6, pheno.sp.Rational(1, 100), 2)
>>> f"{float(B):.2e}"
'6.23e-07'
"""

import sympy as sp

from .parameters import (
    PARTICLE_PDG_IDS,
    Parameter,
    Parameters,
    UnknownParameterError,
    default_parameters,
    particle_parameters,
)
from .observables import (
    SYMBOLIC,
    br_Z_to_gamma_X,
    br_Z_to_gamma_X_model,
    ckm_loop_sum,
    ckm_matrix,
    g_P,
    g_S,
    g_xi_dd,
    gamma_Z_to_gamma_X,
    gamma_Z_to_gamma_X_model,
    loop_function,
    multiplet_decay_rate,
    radiative_splitting,
    radiative_splitting_unit,
    sm_inputs,
    xi_ww_coupling,
    zgamma_anomaly,
)
from .numeric import numeric
from .fit import (
    best_fit_along,
    chi2_charges_function,
    chi2_expression,
    chi2_function,
    chi2_inputs,
    delta_chi2_threshold,
    global_minimum,
    light_traces,
    sigma_to_cl,
)

__all__ = [
    "Parameter", "Parameters", "UnknownParameterError", "default_parameters",
    "particle_parameters", "PARTICLE_PDG_IDS",
    "SYMBOLIC", "sm_inputs", "loop_function", "ckm_matrix", "ckm_loop_sum", "g_xi_dd",
    "g_S", "g_P", "zgamma_anomaly", "gamma_Z_to_gamma_X", "br_Z_to_gamma_X",
    "xi_ww_coupling", "gamma_Z_to_gamma_X_model", "br_Z_to_gamma_X_model",
    "multiplet_decay_rate", "radiative_splitting_unit",
    "radiative_splitting",
    "numeric",
    "delta_chi2_threshold", "sigma_to_cl", "chi2_expression", "chi2_function",
    "chi2_charges_function", "chi2_inputs", "light_traces", "best_fit_along", "global_minimum",
]
