"""The χ² of Fig. 1 of the seed paper: B → K(*)X (Eqs. 16-17) and Z → γX (Eq. 20).

The paper does not say how the limits enter its χ²; the assumptions made here
(all can be changed by keyword) are:

* ``|g_S|`` (Eq. 16) enters as a Gaussian, ``((|g_S| - 1.6e-8)/0.2e-8)²``.
* An upper limit ``L`` at confidence level ``CL`` on a quantity ``q ≥ 0`` enters as a
  Gaussian centred at zero whose ``χ²`` equals the one-degree-of-freedom quantile at
  ``CL`` when ``q = L``: ``χ²_q = Δχ²₁(CL) (q/L)²`` (``Δχ²₁(0.95) = 3.84``).
* By default only ``|g_S|`` and ``B(Z → γX)`` enter (``include_gP=False``): a fit
  with ``|g_S|`` at its measured value leaves no room for a ``|g_P|`` pull (``|g_P|/|g_S| = (m_b+m_s)/(m_b-m_s) ≈ 1.05``).
* ``m_X`` is fixed and given by the caller (it is a choice, not one of the measured
  inputs of ``anomalyalgebra/data/parameters.toml``); the 1σ/2σ/3σ regions
  are ``Δχ² = χ² - χ²_min`` below the two-degree-of-freedom quantiles of
  :func:`delta_chi2_threshold` (2.30, 6.18, 11.83), with ``χ²_min`` the global
  minimum of the plane.
* ``B(Z → γX)`` is the derived width of :func:`~anomalyalgebra.pheno.br_Z_to_gamma_X`
  (ξZγ coupling from the electroweak mass eigenstates, width from the two-body
  evaluator of :mod:`anomalyalgebra.eft`); the printed Eq. (19) is not available here
  (it is data of the paper application).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import mpmath
import sympy as sp

from ..exceptions import ModelError
from .observables import br_Z_to_gamma_X, g_P, g_S
from .parameters import default_parameters

__all__ = [
    "delta_chi2_threshold",
    "sigma_to_cl",
    "chi2_expression",
    "chi2_function",
    "chi2_charges_function",
    "Chi2Inputs",
    "chi2_inputs",
    "light_traces",
    "best_fit_along",
    "global_minimum",
]


def sigma_to_cl(n_sigma) -> mpmath.mpf:
    """Two-sided Gaussian coverage of ``n_sigma``: ``erf(n/√2)`` (0.6827, 0.9545, 0.9973).

    Parameters
    ----------
    n_sigma : number
        Number of standard deviations.

    Returns
    -------
    mpmath.mpf
        The confidence level, at the current mpmath precision.

    Examples
    --------
    >>> mpmath.nstr(sigma_to_cl(1), 6)
    '0.682689'
    """
    return mpmath.erf(mpmath.mpf(n_sigma) / mpmath.sqrt(2))


def delta_chi2_threshold(n_sigma=None, dof=2, *, cl=None) -> mpmath.mpf:
    """Δχ² quantile for ``dof`` degrees of freedom at ``n_sigma`` (or at ``cl``).

    Solves ``P(dof/2, x/2) = CL`` (regularised lower incomplete gamma) with mpmath;
    for ``dof = 2`` this is ``-2 ln(1 - CL)`` in closed form.

    Parameters
    ----------
    n_sigma : number, optional
        Gaussian significance, converted with :func:`sigma_to_cl`.
    dof : int, optional
        Degrees of freedom (default 2).
    cl : number, optional
        Confidence level, instead of ``n_sigma``.

    Returns
    -------
    mpmath.mpf
        The quantile.

    Raises
    ------
    ValueError
        Unless exactly one of ``n_sigma`` and ``cl`` is given.

    Examples
    --------
    >>> [mpmath.nstr(delta_chi2_threshold(k), 5) for k in (1, 2, 3)]
    ['2.2957', '6.1801', '11.829']
    >>> mpmath.nstr(delta_chi2_threshold(cl=0.95, dof=1), 5)
    '3.8415'
    """
    if (n_sigma is None) == (cl is None):
        raise ValueError("give exactly one of n_sigma or cl")
    target = sigma_to_cl(n_sigma) if cl is None else mpmath.mpf(cl)
    if dof == 2:
        return -2 * mpmath.log(1 - target)
    k = mpmath.mpf(dof) / 2

    def cdf(x):
        return mpmath.gammainc(k, 0, x / 2, regularized=True) - target

    return mpmath.findroot(cdf, (mpmath.mpf("1e-12"), mpmath.mpf(10 * dof + 100)), solver="illinois")


@dataclass(frozen=True)
class Chi2Inputs:
    """The experimental inputs of the χ² (built by :func:`chi2_inputs` from a parameter set).

    Attributes
    ----------
    gS, gS_sigma : sympy.Expr
        Measured ``|g_S|`` (Eq. 16 of the seed paper) and its uncertainty.
    gP_limit, gP_cl : sympy.Expr
        Upper limit on ``|g_P|`` (Eq. 17) and its confidence level.
    br_limit, br_cl : sympy.Expr
        Upper limit on ``B(Z → γX)`` (Eq. 20) and its confidence level.
    """

    gS: sp.Expr
    gS_sigma: sp.Expr
    gP_limit: sp.Expr
    gP_cl: sp.Expr
    br_limit: sp.Expr
    br_cl: sp.Expr


def chi2_inputs(params=None) -> Chi2Inputs:
    """The χ² inputs of Eqs. (16), (17), (20) from ``params`` (Bolton et al. 2024; L3 1997).

    Parameters
    ----------
    params : Parameters, optional
        The parameter set (default :func:`~anomalyalgebra.pheno.default_parameters`);
        reads ``gS_fit``, ``gP_limit`` and ``BR_Zgamma_limit``.

    Returns
    -------
    Chi2Inputs
        The values; the confidence levels are 90 % (``g_P``) and 95 % (Z → γX).

    Raises
    ------
    KeyError
        If the parameter set lacks one of the names.

    Examples
    --------
    >>> chi2_inputs().br_cl
    19/20
    """
    P = default_parameters() if params is None else params
    return Chi2Inputs(P.value("gS_fit"), P["gS_fit"].uncertainty, P.value("gP_limit"),
                      sp.Rational(90, 100), P.value("BR_Zgamma_limit"), sp.Rational(95, 100))


def _limit_weight(limit, cl, dof=1):
    """χ² = w q² with w = Δχ²_dof(CL)/L² (limit as a zero-centred Gaussian)."""
    d = sp.Float(delta_chi2_threshold(cl=float(cl), dof=dof), 30)
    return d / limit**2


def _x_mass(m_X, params):
    """``m_X`` exactly, or the parameter ``m_X`` of ``params``; a clear error without either."""
    if m_X is not None:
        return sp.nsimplify(m_X)
    if "m_X" in params:
        return params.value("m_X")
    raise ModelError("m_X: give the X mass in GeV (it is a choice of the model, not a measured input;"
                     " or pass params holding a parameter m_X)")


def chi2_expression(a, b, m_X, params=None, *, include_gP=False, limit_dof=1, gS_scale=1):
    """χ² as a sympy expression of ``a = A_XWW g_X`` and ``b = A_XYY g_X``.

    ``g_S ∝ A_XWW g_X`` and ``B(Z → γX) ∝ (g_X K(A_XWW, A_XYY))²`` are homogeneous, so
    the χ² depends on the traces only through these products (left panel of Fig. 1).

    Parameters
    ----------
    a, b : sympy expressions or numbers
        ``A_XWW g_X`` and ``A_XYY g_X``.
    m_X : number
        Fixed X mass in GeV.
    params : Parameters, optional
        Measured inputs (default :func:`~anomalyalgebra.pheno.default_parameters`).
    include_gP : bool
        Add the ``|g_P|`` limit of Eq. (17) (default False, see module notes).
    limit_dof : int
        A limit ``L`` enters as ``Δχ²_{limit_dof}(CL) (q/L)²``; 1 (default) or 2.
    gS_scale : number
        Multiplies the predicted ``|g_S|`` and ``|g_P|`` (e.g. to emulate another
        normalisation of Eq. 13; 1 by default).

    Returns
    -------
    sympy.Expr
        The χ² (dimensionless).

    Examples
    --------
    >>> a, b = sp.symbols("a b", real=True)
    >>> e = chi2_expression(a, b, sp.Rational(21, 10))
    >>> sorted(s.name for s in e.free_symbols)
    ['a', 'b']
    """
    P = default_parameters() if params is None else params
    inp = chi2_inputs(P)
    gs = gS_scale * sp.Abs(g_S(a, 1, m_X, P))
    chi2 = ((gs - inp.gS) / inp.gS_sigma) ** 2
    br = br_Z_to_gamma_X(a, b, 1, m_X, P)
    chi2 += _limit_weight(inp.br_limit, inp.br_cl, limit_dof) * br**2
    if include_gP:
        gp = gS_scale * sp.Abs(g_P(a, 1, m_X, P))
        chi2 += _limit_weight(inp.gP_limit, inp.gP_cl, limit_dof) * gp**2
    return chi2


def chi2_function(m_X=None, params=None, *, modules="numpy", **options):
    """Lambdified χ²(a, b) at fixed ``m_X``, ``a = A_XWW g_X``, ``b = A_XYY g_X``.

    Parameters
    ----------
    m_X : number, optional
        X mass in GeV (a choice of the model, not a measured input: required unless
        ``params`` holds a parameter ``m_X``).
    params : Parameters, optional
        Measured inputs.
    modules : str, optional
        ``"numpy"`` (default, with the fast power printer) or any module spec of
        :func:`sympy.lambdify`.
    **options
        Those of :func:`chi2_expression`.

    Returns
    -------
    callable
        ``f(a, b)``, vectorised for numpy; ``f.expr`` holds the expression.

    Raises
    ------
    MissingDependencyError
        For ``modules="numpy"`` without numpy.

    Examples
    --------
    >>> f = chi2_function("2.1")                     # m_X = 2.1 GeV
    >>> round(float(f(-0.01515, -0.01515)), 3)     # L-only (A_XWW = A_XYY) near its best fit
    0.067
    """
    from .numeric import _evaluate_constants, lambdify_numpy, require_numpy

    if modules == "numpy":
        require_numpy()
    P = default_parameters() if params is None else params
    m_X = _x_mass(m_X, P)
    a, b, chi2 = _chi2_ab(m_X, P, tuple(sorted(options.items())))
    expr = _evaluate_constants(chi2, 30)
    f = lambdify_numpy((a, b), expr) if modules == "numpy" else sp.lambdify((a, b), expr, modules=modules)
    f.expr = expr
    return f


def light_traces(source, current="X", weak="SU2L", hypercharge="Y"):
    """``(A_XWW, A_XYY)`` of the light fermions of a model (Eq. 4), as a pair of expressions.

    Parameters
    ----------
    source : Model or AnomalyCouplings
        A model (every fermion light) or couplings with their light/heavy split.
    current : str, optional
        Label of the light vector's U(1) (used for a model).
    weak, hypercharge : str, optional
        Labels of SU(2)_L and U(1)_Y (used for a model).

    Returns
    -------
    tuple of sympy.Expr
        The expanded traces.

    Raises
    ------
    ModelError
        If ``current`` is not a U(1) of the model.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> light_traces(aa.load_model("sm_x_tau"))
    (-alpha_L, -alpha_L + 2*alpha_R)
    """
    from ..eft import AnomalyCouplings, anomaly_couplings

    ac = source if isinstance(source, AnomalyCouplings) else anomaly_couplings(
        source, current, weak=weak, hypercharge=hypercharge)
    return sp.expand(ac.trace(ac.weak, ac.weak)), sp.expand(ac.trace(ac.hypercharge, ac.hypercharge))


def chi2_charges_function(model, charges=None, m_X=None, params=None, *, current="X", **kw):
    """χ² in the plane of two U(1) charges of ``model`` times ``g_X``.

    The traces of a model are linear in its charges, so ``A_XWW g_X`` and
    ``A_XYY g_X`` at charges ``(x, y)`` are the traces at ``(x g_X, y g_X)``; the map is
    read off :func:`light_traces` (for the τ-lepton EFT ``sm_x_tau`` it is
    Eqs. 21-22 of the seed paper: the right panel of its Fig. 1).

    Parameters
    ----------
    model : Model
        Every fermion is light; its traces must be linear in ``charges``.
    charges : pair of str, optional
        Names of the two charge symbols (default: the model's two symbols, in
        declaration order).
    m_X : number, optional
        X mass in GeV (a choice of the model, not a measured input: required unless
        ``params`` holds a parameter ``m_X``).
    params : Parameters, optional
        Measured inputs.
    current : str, optional
        Label of the light vector's U(1) (default ``"X"``).
    **kw
        Passed to :func:`chi2_function`.

    Returns
    -------
    callable
        ``f(x g_X, y g_X)``; ``f.traces`` holds the two traces, ``f.expr`` the χ² in
        ``(a, b)``.

    Raises
    ------
    ModelError
        If the model does not have exactly two charge symbols (or two are not
        named), or its traces are not linear and homogeneous in them.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> f = chi2_charges_function(aa.load_model("sm_x_tau"), m_X="2.1")
    >>> g = chi2_function("2.1")
    >>> abs(float(f(0.016, -0.004)) - float(g(-0.016, 2*(-0.004) - 0.016))) < 1e-12
    True
    """
    names = charges or tuple(s.name for s in model.symbols)
    if len(names) != 2:
        raise ModelError(f"chi2_charges_function needs two charge symbols, {model.name!r} has {list(names)}")
    x, y = (model.symbol(n) for n in names)
    a_ww, a_yy = light_traces(model, current)
    for t in (a_ww, a_yy):
        if not sp.Poly(t, x, y).is_linear or t.subs({x: 0, y: 0}) != 0 or \
                t.free_symbols - {x, y}:
            raise ModelError(f"the traces of {model.name!r} are not linear in {names}: {t}")
    f = chi2_function(m_X, params, **kw)
    # linear and homogeneous (checked above): the traces are c_x x + c_y y
    cw = [(float(t.coeff(x)), float(t.coeff(y))) for t in (a_ww, a_yy)]

    def chi2_charges(xg, yg):
        return f(cw[0][0] * xg + cw[0][1] * yg, cw[1][0] * xg + cw[1][1] * yg)

    chi2_charges.expr = f.expr
    chi2_charges.traces = (a_ww, a_yy)
    return chi2_charges


def best_fit_along(A_XWW, A_XYY, m_X=None, params=None, **options):
    """Minimise the χ² along the ray ``(A_XWW g_X, A_XYY g_X)``, ``g_X > 0``.

    A model fixes the direction (its light traces, :func:`light_traces`); the fit
    gives its coupling.  Along the ray the χ² is a polynomial in ``g_X`` (``g_S`` is
    linear, ``B(Z → γX)`` quadratic in it), so the stationary points are the real
    roots of its derivative.

    Parameters
    ----------
    A_XWW, A_XYY : number or sympy expression
        The direction (numeric traces, converted with ``nsimplify``).
    m_X : number, optional
        X mass in GeV (a choice of the model, not a measured input: required unless
        ``params`` holds a parameter ``m_X``).
    params : Parameters, optional
        Measured inputs.
    **options
        Those of :func:`chi2_expression`.

    Returns
    -------
    tuple of mpmath.mpf
        ``(g_X, χ²_min)``.

    Raises
    ------
    ValueError
        If both traces vanish.

    Examples
    --------
    >>> g, chi2 = best_fit_along(-1, -1, "2.1")      # A_XWW = A_XYY = -1, m_X = 2.1 GeV
    >>> mpmath.nstr(g, 4), mpmath.nstr(chi2, 3)
    ('0.01515', '0.0668')
    """
    P = default_parameters() if params is None else params
    m_X = _x_mass(m_X, P)
    A_XWW, A_XYY = sp.nsimplify(A_XWW), sp.nsimplify(A_XYY)
    if A_XWW == 0 and A_XYY == 0:
        raise ValueError("both traces vanish: the chi^2 does not depend on g_X")
    c = sp.Symbol("c", positive=True)
    a, b, chi2 = _chi2_ab(m_X, P, tuple(sorted(options.items())))
    expr = sp.expand(_abs_positive(chi2.subs({a: A_XWW * c, b: A_XYY * c}).evalf(40), c))
    poly = sp.Poly(expr, c)
    dpoly = poly.diff(c)
    roots = [r for r in sp.Poly(dpoly.as_expr().evalf(40), c).nroots(n=30, maxsteps=200)
             if r.is_real and r > 0]
    best = min(roots, key=lambda r: poly.eval(r))
    return mpmath.mpf(str(best)), mpmath.mpf(str(poly.eval(best)))


@lru_cache(maxsize=16)
def _chi2_ab(m_X, params, options):
    """The exact χ² of :func:`chi2_expression` in two real symbols ``(a, b)`` (cached: the fits
    along many directions share it; exact, so that a direction with ``K = 0`` keeps no
    rounding residue of the Z → γX term)."""
    a, b = sp.symbols("a b", real=True)
    return a, b, chi2_expression(a, b, m_X, params, **dict(options))


def global_minimum(m_X=None, params=None, **options):
    """The smallest χ² of the trace plane.

    In :func:`chi2_expression` the B → KX terms depend on ``a = A_XWW g_X`` only and the
    Z → γX term on the ξZγ combination ``K(a, b)`` only, which is linear in
    ``(a, b)`` (:func:`~anomalyalgebra.pheno.zgamma_anomaly`).  For every ``a`` the
    minimum over ``b`` is therefore on the line ``K = 0`` (``b = β a``), and the global
    minimum is :func:`best_fit_along` that line.

    Parameters
    ----------
    m_X : number, optional
        X mass in GeV (a choice of the model, not a measured input: required unless
        ``params`` holds a parameter ``m_X``).
    params : Parameters, optional
        Measured inputs.
    **options
        Those of :func:`chi2_expression`.

    Returns
    -------
    tuple of mpmath.mpf
        ``(A_XWW g_X, A_XYY g_X, χ²_min)``.

    Raises
    ------
    ValueError
        If ``K`` does not depend on ``A_XYY``.

    Examples
    --------
    >>> a, b, chi2 = global_minimum("2.1")
    >>> float(chi2) < 1e-20, mpmath.nstr(b / a, 4)
    (True, '3.324')
    """
    from .observables import zgamma_anomaly

    P = default_parameters() if params is None else params
    bb = sp.Symbol("b")
    K = sp.expand(zgamma_anomaly(1, bb, P))
    slope = K.coeff(bb, 1)
    if slope == 0:
        raise ValueError("the Z -> gamma X combination does not depend on A_XYY")
    beta = sp.nsimplify(-K.coeff(bb, 0) / slope, rational=True) if K.is_number is False else 0
    g, chi2 = best_fit_along(1, beta, m_X, P, **options)
    return g, g * mpmath.mpf(str(sp.N(beta, 30))), chi2


def _abs_positive(expr, c):
    """Replace Abs(k*c) by |k|*c for positive c (sympy keeps Abs of complex constants)."""
    return expr.replace(lambda e: isinstance(e, sp.Abs), lambda e: sp.Abs(e.args[0] / c) * c)
