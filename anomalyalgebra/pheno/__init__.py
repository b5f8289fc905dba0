"""X-boson phenomenology of the seed paper (Di Luzio, Nardecchia, Toni).

Closed-form sympy observables (Eqs. 13-19, 35-38, 42-45, 59), one documented and
overridable parameter set, the χ² of Fig. 1 and its plot.  The paper's numbers are
records of the application package :mod:`anomalyalgebra.paper` (module ``paper.pheno``).

Examples
--------
>>> from anomalyalgebra import pheno
>>> B = pheno.br_Z_to_gamma_X(-4, -6, pheno.sp.Rational(42, 10000), pheno.sp.Rational(21, 10))
>>> f"{float(B):.2e}"
'1.60e-06'
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
    anomalon_mass,
    anomalon_mass_bound,
    anomalon_mass_from_fit,
    br_Z_to_gamma_X,
    ckm_loop_sum,
    ckm_matrix,
    g_P,
    g_S,
    g_xi_dd,
    gamma_Z_to_gamma_X,
    loop_function,
    m_X_from_vev,
    m_X_from_vevs,
    multiplet_decay_rate,
    multiplet_decay_rate_paper,
    radiative_splitting,
    radiative_splitting_unit,
    sm_inputs,
    tau_mass_froggatt_nielsen,
    v_X_from_m_X,
    yukawa_unitarity_bound,
    zgamma_anomaly,
)
from .numeric import numeric
from .fit import (
    MODEL_LINES,
    best_fit_on_line,
    chi2_charges_function,
    chi2_expression,
    chi2_function,
    chi2_inputs,
    delta_chi2_threshold,
    sigma_to_cl,
)
from .plot import plot_fig1
from .records import PaperRecord

__all__ = [
    "Parameter", "Parameters", "UnknownParameterError", "default_parameters",
    "particle_parameters", "PARTICLE_PDG_IDS",
    "SYMBOLIC", "sm_inputs", "loop_function", "ckm_matrix", "ckm_loop_sum", "g_xi_dd",
    "g_S", "g_P", "zgamma_anomaly", "gamma_Z_to_gamma_X", "br_Z_to_gamma_X",
    "m_X_from_vev", "m_X_from_vevs", "v_X_from_m_X", "anomalon_mass",
    "anomalon_mass_from_fit", "yukawa_unitarity_bound", "anomalon_mass_bound",
    "multiplet_decay_rate", "multiplet_decay_rate_paper", "radiative_splitting_unit",
    "radiative_splitting", "tau_mass_froggatt_nielsen",
    "numeric",
    "delta_chi2_threshold", "sigma_to_cl", "chi2_expression", "chi2_function",
    "chi2_charges_function", "chi2_inputs", "MODEL_LINES", "best_fit_on_line",
    "plot_fig1", "PaperRecord",
]
