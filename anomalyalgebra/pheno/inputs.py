"""The Standard-Model inputs of the observables: exact numbers from a parameter set, or
symbols (:data:`SYMBOLIC`).

:func:`sm_inputs` derives ``g``, ``g'``, ``e`` and the weak mixing from the parameter
file (:mod:`anomalyalgebra.pheno.parameters`) and passes the masses and constants on.
"""

from __future__ import annotations

import sympy as sp

from .parameters import default_parameters

__all__ = ["SYMBOLIC", "sm_inputs"]


class _Symbolic:
    """Marker: keep Standard-Model inputs as sympy symbols."""

    def __repr__(self):
        return "SYMBOLIC"


#: Pass as ``params`` to keep the Standard-Model inputs symbolic.
SYMBOLIC = _Symbolic()


def sm_inputs(params=None) -> dict:
    """The Standard-Model quantities the observables use, exact or symbolic.

    ``g`` and ``g'`` are fixed by ``1/alpha_em_mZ_inv`` and ``sin2_theta_W``:
    ``g^2 = 4 pi alpha / s_W^2``, ``g'^2 = 4 pi alpha / c_W^2``.

    Parameters
    ----------
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.

    Returns
    -------
    dict
        ``g``, ``g'``, ``e``, ``s2w``, ``c2w``, ``m_Z``, ``Gamma_Z``, ``m_W``,
        ``m_b``, ``m_s``, ``m_u``, ``m_c``, ``m_t``, ``G_F``, ``V_ud``, ``f_pi``, ``m_pi``,
        ``hbar``, ``v``, ``m_tau`` (GeV-based units of the parameter file), as exact
        sympy numbers or positive symbols.

    Raises
    ------
    UnknownParameterError
        If the parameter set lacks one of the names.

    Examples
    --------
    >>> d = sm_inputs()
    >>> round(float(d["g"]), 4), round(float(d["g'"]), 4)
    (0.6517, 0.3575)
    >>> sm_inputs(SYMBOLIC)["g'"]
    g'
    """
    if params is SYMBOLIC:
        names = ["g", "g'", "m_Z", "Gamma_Z", "m_W", "m_b", "m_s", "m_u", "m_c", "m_t",
                 "G_F", "V_ud", "f_pi", "m_pi", "hbar", "v", "m_tau"]
        out = {n: sp.Symbol(n, positive=True) for n in names}
        s2w = sp.Symbol("s_W2", positive=True)
        out["s2w"], out["c2w"] = s2w, 1 - s2w
        out["e"] = out["g"] * out["g'"] / sp.sqrt(out["g"] ** 2 + out["g'"] ** 2)
        return out
    P = default_parameters() if params is None else params
    alpha = 1 / P.value("alpha_em_mZ_inv")
    s2w = P.value("sin2_theta_W")
    out = {
        "s2w": s2w,
        "c2w": 1 - s2w,
        "g": sp.sqrt(4 * sp.pi * alpha / s2w),
        "g'": sp.sqrt(4 * sp.pi * alpha / (1 - s2w)),
        "e": sp.sqrt(4 * sp.pi * alpha),
    }
    for n in ["m_Z", "Gamma_Z", "m_W", "m_b", "m_s", "m_u", "m_c", "m_t", "G_F", "V_ud",
              "f_pi", "m_pi", "hbar", "v", "m_tau"]:
        out[n] = P.value(n)
    return out
