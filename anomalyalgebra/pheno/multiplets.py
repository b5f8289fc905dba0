"""Heavy electroweak multiplets: the radiative mass splitting and the decay rate of a
charged component to its neighbour and a pion, as closed-form sympy expressions.

Inputs and conventions are those of :mod:`anomalyalgebra.pheno.observables`: the
Standard-Model inputs come from a :class:`~anomalyalgebra.pheno.parameters.Parameters`
set (default: :func:`~anomalyalgebra.pheno.parameters.default_parameters`), or stay
symbols with ``params=SYMBOLIC``.
"""

from __future__ import annotations

import sympy as sp

from .inputs import SYMBOLIC, sm_inputs
from .parameters import default_parameters

__all__ = ["multiplet_decay_rate", "radiative_splitting_unit", "radiative_splitting"]


def multiplet_decay_rate(j, I, sign, delta_m, params=None, *, phase_space=True):
    """``Γ(𝓛_I → 𝓛_{I±1} π^∓)`` for a heavy EW multiplet (Eq. 37 of the seed paper).

    ``Γ = (j ∓ I)(j ± I + 1) · G_F² |V_ud|² f_π² Δm³ / π · sqrt(1 - m_π²/Δm²)``,
    valid for ``m_𝓛 ≫ Δm``.  For the Y = 0 triplet (j = 1, I = ±1 → 0) the
    prefactor is 2 and this is the familiar wino rate ``2 G_F² V_ud² f_π² Δm³/π``
    (Cirelli-Fornengo-Strumia hep-ph/0512090; Di Luzio-Gröber-Kamenik-Nardecchia
    arXiv:1504.00359).  With ``phase_space=False`` the square root is dropped
    (``Δm ≫ m_π``), which is the limit Eq. (37) is written in; at Δm = 500 MeV the
    prefactor is then ``1/(7.55×10⁻¹² s)``, the paper's ``7.5×10⁻¹² s``.

    Parameters
    ----------
    j : int or Rational
        Isospin of the multiplet (n = 2j + 1).
    I : int or Rational
        T³ eigenvalue of the decaying component.
    sign : {+1, -1}
        Upper (+1: ``I → I+1``, emits π⁻) or lower (-1: ``I → I-1``, emits π⁺) sign.
    delta_m : number or expression
        Mass difference in GeV.
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.
    phase_space : bool, optional
        Keep the factor ``sqrt(1 - m_π²/Δm²)`` (default True).

    Returns
    -------
    sympy expression
        Width in GeV (divide ``hbar`` by it for the lifetime).

    Examples
    --------
    >>> P = default_parameters()
    >>> G = multiplet_decay_rate(1, 1, -1, sp.Rational(1644, 10000))
    >>> round(float(P.value("hbar") / G) * 1e10, 3)   # wino: ~0.2 ns
    2.014
    """
    sm = sm_inputs(params)
    j, I = sp.sympify(j), sp.sympify(I)
    factor = (j - sign * I) * (j + sign * I + 1)
    rate = factor * sm["G_F"] ** 2 * sm["V_ud"] ** 2 * sm["f_pi"] ** 2 * delta_m**3 / sp.pi
    if phase_space:
        rate *= sp.sqrt(1 - sm["m_pi"] ** 2 / delta_m**2)
    return rate


def radiative_splitting_unit(params=None):
    """``Δ = α₂ m_W sin²(θ_W/2)``, the one-loop splitting unit of Eq. (38) (≈ 166 MeV).

    Cirelli-Fornengo-Strumia (hep-ph/0512090) quote (166 ± 1) MeV; with the default
    inputs (α₂ = α(m_Z)/s_W²) the formula gives 167.4 MeV.

    Parameters
    ----------
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.

    Returns
    -------
    sympy.Expr
        ``Δ`` in GeV.

    Examples
    --------
    >>> round(float(radiative_splitting_unit()) * 1000, 1)
    167.4
    """
    sm = sm_inputs(params)
    alpha2 = sm["g"] ** 2 / (4 * sp.pi)
    cw = sp.sqrt(sm["c2w"])
    return alpha2 * sm["m_W"] * (1 - cw) / 2   # sin²(θ/2) = (1 - cos θ)/2


def radiative_splitting(Q, Y, params=None, *, delta=None):
    """Eq. (38): ``m_{Q+1} - m_Q ≈ Δ (1 + 2Q + 2Y/cos θ_W)``.

    Parameters
    ----------
    Q : number
        Electric charge of the lighter state of the pair.
    Y : number
        Hypercharge of the multiplet (``Q = T³ + Y``).
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.
    delta : number, optional
        The splitting unit; default :func:`radiative_splitting_unit` of ``params``
        (pass e.g. the parameter ``Delta_rad`` to use a quoted value instead).

    Returns
    -------
    sympy.Expr
        The splitting in the unit of ``delta`` (GeV by default).

    Examples
    --------
    >>> round(float(radiative_splitting(0, 0)) * 1000, 1)     # Y = 0 triplet
    167.4
    >>> d = radiative_splitting(-1, -1)              # Y = -1 triplet: Q=-1 minus Q=0 ...
    >>> float(d) < 0                                 # ... negative: the neutral state is lightest
    True
    """
    if delta is None:
        delta = radiative_splitting_unit(params)
    return delta * (1 + 2 * sp.sympify(Q) + 2 * sp.sympify(Y) / sp.sqrt(_c2w(params)))


def _c2w(params):
    """``sm_inputs(params)["c2w"]`` without the rest of :func:`sm_inputs` (a scan asks
    for :func:`radiative_splitting` at many points)."""
    if params is SYMBOLIC:
        return sm_inputs(params)["c2w"]
    P = default_parameters() if params is None else params
    return 1 - P.value("sin2_theta_W")
