"""X-boson observables of the seed paper as closed-form sympy expressions.

Every function takes the model inputs (anomaly traces, ``g_X``, ``m_X``, Yukawas ...)
as numbers *or* sympy symbols, and the Standard-Model inputs from a
:class:`~anomalyalgebra.pheno.parameters.Parameters` set (default:
:func:`~anomalyalgebra.pheno.parameters.default_parameters`).  The result is an
exact sympy expression (rationals, ``pi``, ``log``, radicals); nothing is rounded
until you call ``evalf``/``N`` or turn it into a function with
:func:`~anomalyalgebra.pheno.numeric.numeric`.

Pass ``params=SYMBOLIC`` to keep the Standard-Model inputs as sympy symbols
(``g``, ``g'``, ``m_b`` ...), e.g. to print the formula.

Conventions follow the paper: anomaly traces as in Eq. (4) (for the τ EFT,
``A_XWW = -alpha_L`` and ``A_XYY = 2 alpha_R - alpha_L``, Eqs. 21-22), and
``D = ∂ + i g_X 𝒳 X``.  Deviations from the printed formulas are listed in
``docs/errata_pheno.rst`` and in each docstring.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from .parameters import Parameters, default_parameters
from .inputs import SYMBOLIC, sm_inputs
from .multiplets import multiplet_decay_rate, radiative_splitting, radiative_splitting_unit

__all__ = [
    "SYMBOLIC",
    "sm_inputs",
    "loop_function",
    "ckm_matrix",
    "ckm_loop_sum",
    "xi_ww_coupling",
    "g_xi_dd",
    "g_S",
    "g_P",
    "zgamma_anomaly",
    "gamma_Z_to_gamma_X",
    "br_Z_to_gamma_X",
    "gamma_Z_to_gamma_X_model",
    "br_Z_to_gamma_X_model",
    "multiplet_decay_rate",
    "radiative_splitting_unit",
    "radiative_splitting",
]


_QUARK_MASS = {"u": "m_u", "c": "m_c", "t": "m_t"}
_DOWN_INDEX = {"d": 0, "s": 1, "b": 2}
_UP_INDEX = {"u": 0, "c": 1, "t": 2}


def loop_function(x):
    """Loop function of Eq. (14) of the seed paper, ``F(x) = x(1 + x(ln x - 1))/(1-x)^2``.

    Exact at the removable points: ``F(0) = 0`` and ``F(1) = 1/2`` (the limit; the
    printed form is 0/0 there).  It is the Inami-Lim-type function of
    Izaguirre-Lin-Shuve (arXiv:1611.09355) for a W loop with an internal up-type quark
    of mass ``m = sqrt(x) m_W``.

    Parameters
    ----------
    x : sympy expression or number
        ``m_q^2 / m_W^2``.

    Returns
    -------
    sympy.Expr
        ``F(x)`` for a number, a ``Piecewise`` covering 0 and 1 for a symbolic ``x``.

    Examples
    --------
    >>> import sympy as sp
    >>> x = sp.Symbol("x", positive=True)
    >>> sp.limit(x*(1 + x*(sp.log(x) - 1))/(1 - x)**2, x, 1)
    1/2
    >>> loop_function(1), loop_function(0)
    (1/2, 0)
    >>> round(float(loop_function(sp.Rational(17257, 100)**2 / sp.Rational(803692, 10000)**2)), 4)
    1.2152
    """
    x = sp.sympify(x)
    body = x * (1 + x * (sp.log(x) - 1)) / (1 - x) ** 2
    if x.is_number:
        if x == 1:
            return sp.Rational(1, 2)
        if x == 0:
            return sp.Integer(0)
        return body
    return sp.Piecewise((sp.Integer(0), sp.Eq(x, 0)), (sp.Rational(1, 2), sp.Eq(x, 1)), (body, True))


def ckm_matrix(params=None) -> sp.Matrix:
    """The CKM matrix from the Wolfenstein parameters (λ, A, ρ̄, η̄), exactly unitary.

    Uses the PDG definition (CKM review): ``s12 = λ``, ``s23 = A λ^2`` and
    ``s13 e^{iδ} = A λ^3 (ρ̄ + iη̄) sqrt(1 - A²λ⁴) / (sqrt(1 - λ²) [1 - A²λ⁴(ρ̄ + iη̄)])``
    in the standard parametrisation.

    Parameters
    ----------
    params : Parameters, optional
        Reads ``wolfenstein_lambda``, ``wolfenstein_A``, ``wolfenstein_rhobar``,
        ``wolfenstein_etabar`` (default :func:`~anomalyalgebra.pheno.default_parameters`).

    Returns
    -------
    sympy.Matrix
        3 x 3, exact; rows (u, c, t), columns (d, s, b).

    Examples
    --------
    >>> V = ckm_matrix()
    >>> [round(abs(complex(V[2, k])), 5) for k in range(3)]
    [0.00858, 0.0411, 0.99912]
    >>> import sympy as sp
    >>> M = (V * V.H).evalf(30)
    >>> max(abs(complex(M[i, j] - int(i == j))) for i in range(3) for j in range(3)) < 1e-25
    True
    """
    P = default_parameters() if params is None else params
    lam, A = P.value("wolfenstein_lambda"), P.value("wolfenstein_A")
    rb, eb = P.value("wolfenstein_rhobar"), P.value("wolfenstein_etabar")
    I = sp.I
    s12, s23 = lam, A * lam**2
    z = A * lam**3 * (rb + I * eb) * sp.sqrt(1 - A**2 * lam**4) / (
        sp.sqrt(1 - lam**2) * (1 - A**2 * lam**4 * (rb + I * eb))
    )
    s13 = sp.Abs(z)
    phase = z / s13  # e^{i delta}
    c12, c23, c13 = sp.sqrt(1 - s12**2), sp.sqrt(1 - s23**2), sp.sqrt(1 - s13**2)
    em = sp.conjugate(phase)
    return sp.Matrix([
        [c12 * c13, s12 * c13, s13 * em],
        [-s12 * c23 - c12 * s23 * s13 * phase, c12 * c23 - s12 * s23 * s13 * phase, s23 * c13],
        [s12 * s23 - c12 * c23 * s13 * phase, -c12 * s23 - s12 * c23 * s13 * phase, c23 * c13],
    ])


def ckm_loop_sum(i="b", j="s", params=None, *, up=("u", "c", "t")):
    """``Σ_α V_{αi} V*_{αj} F(m_α²/m_W²)`` of Eq. (13) of the seed paper.

    Parameters
    ----------
    i, j : {"d", "s", "b"}
        Down-type flavours of Eq. (12): the operator is ``d̄_j γ^μ P_L d_i``;
        ``b → s`` is ``i="b", j="s"``.
    params : Parameters or SYMBOLIC
        With ``SYMBOLIC`` the CKM elements are symbols ``V_tb`` ... and the
        masses ``m_t`` ...
    up : tuple of str
        The internal up-type quarks to keep (default all three).

    Returns
    -------
    sympy.Expr
        The (complex) sum.

    Raises
    ------
    KeyError
        For an unknown flavour.

    Examples
    --------
    >>> s = ckm_loop_sum("b", "s")
    >>> z = complex(s.evalf())
    >>> round(abs(z), 5)
    0.04989
    >>> e = ckm_loop_sum("b", "s", SYMBOLIC, up=("t",))
    >>> sorted(s.name for s in e.free_symbols)
    ['V_tb', 'V_ts', 'm_W', 'm_t']
    """
    sm = sm_inputs(params)
    if params is SYMBOLIC:
        def V(a, d):
            return sp.Symbol(f"V_{a}{d}")
    else:
        M = ckm_matrix(params)

        def V(a, d):
            return M[_UP_INDEX[a], _DOWN_INDEX[d]]
    total = sp.Integer(0)
    for a in up:
        x = sm[_QUARK_MASS[a]] ** 2 / sm["m_W"] ** 2
        total += V(a, i) * sp.conjugate(V(a, j)) * loop_function(x)
    return total


def _weak_trace(A_XWW, weak="SU2L"):
    """``A_XWW`` from a number/expression, an AnomalyCouplings or a Model (all fermions light)."""
    from ..eft import AnomalyCouplings, anomaly_couplings

    if isinstance(A_XWW, AnomalyCouplings):
        return A_XWW.trace(A_XWW.weak, A_XWW.weak)
    if hasattr(A_XWW, "fields") and hasattr(A_XWW, "groups"):
        ac = anomaly_couplings(A_XWW)
        return ac.trace(ac.weak, ac.weak)
    return sp.sympify(A_XWW)


def _sm_couplings(params, with_m_Z=False):
    """``{g: value, g': value}`` substitution for the eft symbols (the same key ``g'``),
    and ``M_Z: value`` with ``with_m_Z``."""
    from ..eft import EFT_SYMBOLS, M_Z

    sm = sm_inputs(params)
    sub = {EFT_SYMBOLS["g"]: sm["g"], EFT_SYMBOLS["g'"]: sm["g'"]}
    if with_m_Z:
        sub[M_Z] = sm["m_Z"]
    return sub


def xi_ww_coupling(A_XWW, g_X, params=None):
    """``C_WW`` of the Goldstone operator ``(ξ/m_X) C_WW ε^{μνρσ} ∂_μ W^a_ν ∂_ρ W^a_σ``.

    Read from :func:`~anomalyalgebra.eft.from_traces` (the covariant anomaly of the light
    fermions, ``C_WW = g_X g² A_XWW/(16π²)``): the SU(2) coupling ``g`` comes with
    every ``W``, which is why Eq. (13) of the seed paper needs ``g⁴`` and not the
    printed ``g'⁴`` (erratum E1).

    Parameters
    ----------
    A_XWW : number, sympy expression, AnomalyCouplings or Model
        The trace ``A_XWW`` of the light fermions, or what to read it from.
    g_X : number or sympy expression
        The U(1)_X gauge coupling.
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.

    Returns
    -------
    sympy.Expr
        ``C_WW`` (dimensionless).

    Examples
    --------
    >>> import sympy as sp
    >>> a = sp.Symbol("a")
    >>> xi_ww_coupling(a, 1, SYMBOLIC)
    a*g**2/(16*pi**2)
    """
    from ..eft import EFT_SYMBOLS, from_traces

    A = _weak_trace(A_XWW)
    c = from_traces({("SU2L", "SU2L"): A}).coefficient("SU2L", "SU2L")
    sub = {EFT_SYMBOLS["g_X"]: g_X}
    if params is SYMBOLIC:
        sub[EFT_SYMBOLS["g"]] = sm_inputs(SYMBOLIC)["g"]
    else:
        sub.update(_sm_couplings(params))
    return c.subs(sub)


def g_xi_dd(A_XWW, g_X, i="b", j="s", params=None):
    """Goldstone-quark coupling ``g_{ξ d_i d_j}`` of Eq. (13) of the seed paper.

    The W loop of Izaguirre-Lin-Shuve (arXiv:1611.09355) turns the ξWW̃ operator into
    ``g_{ξ d_i d_j} d̄_j γ^μ P_L d_i ∂_μ ξ / m_X`` (Eq. 12) with
    ``g_{ξ d_i d_j} = -3 g² C_WW/(16π²) · Σ_α V_{αi} V*_{αj} F(m_α²/m_W²)``, where ``C_WW``
    is the derived coupling of :func:`xi_ww_coupling` (``g_X g² A_XWW/(16π²)``).  The
    result is ``-3 g_X g⁴ A_XWW/(4π)⁴ Σ ...``: ``g⁴``, where the paper prints ``g'⁴``;
    the paper's own L-only best fit (Eq. 36) follows only with ``g⁴`` (erratum E1).

    Parameters
    ----------
    A_XWW : number, sympy expression, AnomalyCouplings or Model
        The SM anomaly trace ``A_XWW`` (``-alpha_L`` in the τ models, Eq. 22), or the
        couplings/model it is read from.
    g_X : number or sympy expression
        The U(1)_X gauge coupling.
    i, j : str
        Flavours as in :func:`ckm_loop_sum`.
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.

    Returns
    -------
    sympy.Expr
        The dimensionless (complex) coupling.

    Examples
    --------
    >>> import sympy as sp
    >>> aL, gX = sp.symbols("alpha_L g_X", positive=True)
    >>> sorted(s.name for s in g_xi_dd(-aL, gX, params=SYMBOLIC).free_symbols)
    ['V_cb', 'V_cs', 'V_tb', 'V_ts', 'V_ub', 'V_us', 'alpha_L', 'g', 'g_X', 'm_W', 'm_c', 'm_t', 'm_u']
    >>> z = complex(g_xi_dd(-1, sp.Rational(1, 100)).evalf())
    >>> f"{abs(z):.3e}"
    '1.083e-08'
    """
    sm = sm_inputs(params)
    loop = -3 * sm["g"] ** 2 / (16 * sp.pi**2)
    return loop * xi_ww_coupling(A_XWW, g_X, params) * ckm_loop_sum(i, j, params)


def g_S(A_XWW, g_X, m_X, params=None):
    """Scalar coupling of Bolton et al. (arXiv:2403.13887), Eq. (15) of the seed paper.

    ``g_S = -(m_b - m_s)/2 · g_{ξ s b} / m_X``.  ``m_b``, ``m_s`` are the MS-bar
    masses of the parameter set (``m_b(m_b)``, ``m_s(2 GeV)``).

    Parameters
    ----------
    A_XWW, g_X
        As in :func:`g_xi_dd`.
    m_X : number or sympy expression
        X mass in GeV.
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.

    Returns
    -------
    sympy.Expr
        ``g_S`` (dimensionless, complex).

    Examples
    --------
    >>> z = complex(g_S(-1, sp.Rational(1, 100), 2).evalf())
    >>> f"{abs(z):.3e}"
    '1.107e-08'
    """
    sm = sm_inputs(params)
    return -(sm["m_b"] - sm["m_s"]) / 2 * g_xi_dd(A_XWW, g_X, "b", "s", params) / m_X


def g_P(A_XWW, g_X, m_X, params=None):
    """Pseudoscalar coupling, Eq. (15) of the seed paper: ``(m_b + m_s)/2 · g_{ξsb}/m_X``.

    Parameters
    ----------
    A_XWW, g_X
        As in :func:`g_xi_dd`.
    m_X : number or sympy expression
        X mass in GeV.
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.

    Returns
    -------
    sympy.Expr
        ``g_P`` (dimensionless, complex).

    Examples
    --------
    >>> r = g_P(-1, 1, 1) / g_S(-1, 1, 1)
    >>> round(float(sp.simplify(r)), 4)
    -1.0457
    """
    sm = sm_inputs(params)
    return (sm["m_b"] + sm["m_s"]) / 2 * g_xi_dd(A_XWW, g_X, "b", "s", params) / m_X


@lru_cache(maxsize=1)
def _traces_projected():
    """Couplings of two symbolic light traces projected on the electroweak vacuum, once:
    the projection (eigenvectors of the gauge-boson mass matrix) does not depend on the
    traces, which enter linearly."""
    from ..eft import from_traces
    from ..eft.widths import electroweak_vacuum

    A, B = sp.symbols("A_XWW A_XYY", real=True)
    return A, B, from_traces({("SU2L", "SU2L"): A, ("Y", "Y"): B}).broken(electroweak_vacuum())


@lru_cache(maxsize=4)
def _traces_width(goldstone_mass):
    from ..eft import zgamma_width

    A, B, broken = _traces_projected()
    return zgamma_width(broken, goldstone_mass=goldstone_mass)


def _traces_sub(A_XWW, A_XYY) -> dict:
    A, B, _ = _traces_projected()
    return {A: sp.sympify(A_XWW), B: sp.sympify(A_XYY)}


def zgamma_anomaly(A_XWW, A_XYY, params=None):
    """The anomaly combination ``K`` of the ξZγ coupling, ``C_ZA = g_X g g' K/(16π²)``.

    Derived (:func:`~anomalyalgebra.eft.zgamma_coupling`): the Goldstone couplings
    ``g² A_XWW W³W̃³ + g'² A_XYY B B̃`` rotated to the (Z, γ) mass eigenstates of the
    electroweak gauge-boson mass matrix give ``K = 2 (c_W² A_XWW - s_W² A_XYY)``, which
    equals the printed ``A_XWW - A_XYY`` of Eqs. (18)-(19) exactly when
    ``A_XWW + A_XYY = 0`` (vector currents, Dror-Lasenby-Pospelov) and differs for
    chiral currents (erratum E4).

    Parameters
    ----------
    A_XWW, A_XYY : number or sympy expression
        Traces of the light fermions (Eq. 4).
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.

    Returns
    -------
    sympy.Expr
        ``K``, linear in the traces.

    Examples
    --------
    >>> round(float(zgamma_anomaly(-1, -1)), 4)     # L-only, alpha_L = 1
    -1.0748
    >>> import sympy as sp
    >>> a = sp.Symbol("a")
    >>> sp.simplify(zgamma_anomaly(a, -a, SYMBOLIC) - 2*a)
    0
    """
    from ..eft import EFT_SYMBOLS, zgamma_coupling

    C = zgamma_coupling(_traces_projected()[2]).subs(_traces_sub(A_XWW, A_XYY))
    g, gp = EFT_SYMBOLS["g"], EFT_SYMBOLS["g'"]
    K = sp.factor(C * 16 * sp.pi**2 / (EFT_SYMBOLS["g_X"] * g * gp))
    if params is SYMBOLIC:
        return sp.simplify(K.subs(_sm_couplings(params)))
    return K.subs(_sm_couplings(params))


def gamma_Z_to_gamma_X(A_XWW, A_XYY, g_X, m_X, params=None, *, goldstone_mass=None):
    """``Γ(Z → γX)`` from the traces, derived end to end (no typed prefactor).

    The ξZγ coupling of :func:`zgamma_anomaly` in the two-body evaluator
    (:func:`~anomalyalgebra.eft.zgamma_width`):
    ``Γ = g_X² g² g'² K² m_Z³ (1 - m_X²/m_Z²)³/(24576 π⁵ m_X²)``.  This is 1/16 of the
    printed Eq. (19) at the same ``K`` (erratum E5); see ``docs/eft.rst``.

    Parameters
    ----------
    A_XWW, A_XYY : numbers or sympy expressions
        Traces of the light fermions (Eq. 4).
    g_X : number or sympy expression
        The U(1)_X gauge coupling.
    m_X : number or sympy expression
        X mass in GeV.
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.
    goldstone_mass : optional
        Mass of the Goldstone in the phase space (default ``m_X``; 0 drops the
        ``(1 - m_X²/m_Z²)³``).

    Returns
    -------
    sympy.Expr
        The width in GeV.

    Examples
    --------
    >>> G = gamma_Z_to_gamma_X(-4, -6, sp.Rational(1, 100), 2)
    >>> f"{float(G):.4e}"
    '1.5551e-06'
    """
    W = _traces_width(None if goldstone_mass is None else sp.sympify(goldstone_mass))
    return _zgamma_from(W.subs(_traces_sub(A_XWW, A_XYY)), g_X, m_X, params)


def _zgamma_from(W, g_X, m_X, params):
    """A closed-form width evaluated on the SM inputs of ``params`` and at (g_X, m_X)."""
    from ..eft import EFT_SYMBOLS

    sub = {EFT_SYMBOLS["m_X"]: m_X, **_sm_couplings(params, with_m_Z=True)}
    W = W.subs(sub)
    gx = [s for s in W.free_symbols if s.name == "g_X"]
    return W.subs({s: g_X for s in gx})


def gamma_Z_to_gamma_X_model(source, g_X, m_X, params=None, *, vacuum=None, goldstone_mass=None):
    """``Γ(Z → γX)`` of a model, derived end to end.

    Parameters
    ----------
    source : Model, AnomalyCouplings or BrokenCouplings
        With a Model every fermion is light unless ``vacuum`` fixes the split
        (:func:`~anomalyalgebra.eft.light_heavy_split`).
    g_X : number or sympy expression
        The U(1)_X gauge coupling.
    m_X : number or sympy expression
        X mass in GeV.
    params : Parameters or SYMBOLIC, optional
        Standard-Model inputs (default :func:`~anomalyalgebra.pheno.default_parameters`);
        ``SYMBOLIC`` keeps them as symbols.
    vacuum : breaking.Vacuum, optional
        Whose mass eigenstates are the Z and the photon (default: the couplings'
        vacuum, else the minimal electroweak vacuum).
    goldstone_mass : optional
        As in :func:`gamma_Z_to_gamma_X`.

    Returns
    -------
    sympy.Expr
        The width in GeV.

    Raises
    ------
    ModelError
        As :func:`~anomalyalgebra.eft.zgamma_coupling`.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("sm_x_tau").subs(alpha_L=4, alpha_R=-1)
    >>> G = gamma_Z_to_gamma_X_model(m, sp.Rational(1, 100), 2)
    >>> f"{float(G):.4e}"
    '1.5551e-06'
    """
    from ..eft import zgamma_width

    W = zgamma_width(source, vacuum=vacuum, goldstone_mass=goldstone_mass)
    return _zgamma_from(W, g_X, m_X, params)


def br_Z_to_gamma_X(A_XWW, A_XYY, g_X, m_X, params=None, *, goldstone_mass=None):
    """``B(Z → γX) = Γ(Z → γX)/Γ_Z`` with :func:`gamma_Z_to_gamma_X` and the PDG ``Γ_Z``.

    Parameters
    ----------
    A_XWW, A_XYY, g_X, m_X, params, goldstone_mass
        As in :func:`gamma_Z_to_gamma_X`.

    Returns
    -------
    sympy.Expr
        The branching ratio.

    Examples
    --------
    >>> B = br_Z_to_gamma_X(-4, -6, sp.Rational(1, 100), 2)
    >>> f"{float(B):.3e}"
    '6.232e-07'
    """
    sm = sm_inputs(params)
    return gamma_Z_to_gamma_X(A_XWW, A_XYY, g_X, m_X, params, goldstone_mass=goldstone_mass) / sm["Gamma_Z"]


def br_Z_to_gamma_X_model(source, g_X, m_X, params=None, *, vacuum=None, goldstone_mass=None):
    """``B(Z → γX)`` of a model (:func:`gamma_Z_to_gamma_X_model` over ``Γ_Z``).

    Parameters
    ----------
    source, g_X, m_X, params, vacuum, goldstone_mass
        As in :func:`gamma_Z_to_gamma_X_model`.

    Returns
    -------
    sympy.Expr
        The branching ratio.

    Raises
    ------
    ModelError
        As :func:`~anomalyalgebra.eft.zgamma_coupling`.
    """
    sm = sm_inputs(params)
    return gamma_Z_to_gamma_X_model(source, g_X, m_X, params, vacuum=vacuum,
                                    goldstone_mass=goldstone_mass) / sm["Gamma_Z"]
