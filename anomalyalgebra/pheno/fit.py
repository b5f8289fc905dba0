"""The χ² of Fig. 1 of the seed paper: B → K(*)X (Eqs. 16-17) and Z → γX (Eq. 20).

The paper does not say how the limits enter its χ²; the assumptions made here
(all can be changed by keyword) are:

* ``|g_S|`` (Eq. 16) enters as a Gaussian, ``((|g_S| - 1.6e-8)/0.2e-8)²``.
* An upper limit ``L`` at confidence level ``CL`` on a quantity ``q ≥ 0`` enters as a
  Gaussian centred at zero whose ``χ²`` equals the one-degree-of-freedom quantile at
  ``CL`` when ``q = L``: ``χ²_q = Δχ²₁(CL) (q/L)²`` (``Δχ²₁(0.95) = 3.84``).
* By default only ``|g_S|`` and ``B(Z → γX)`` enter (``include_gP=False``): the
  paper's L-only best fit (``α_L g_X = 0.018``) is ``|g_S| = 1.6e-8`` exactly, which
  leaves no room for a ``|g_P|`` pull (``|g_P|/|g_S| = (m_b+m_s)/(m_b-m_s) ≈ 1.05``).
* ``m_X`` is fixed (default 2.1 GeV, the parameter ``m_X``); the 1σ/2σ/3σ regions
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

import mpmath
import sympy as sp

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
    "MODEL_LINES",
    "best_fit_on_line",
]


def sigma_to_cl(n_sigma) -> mpmath.mpf:
    """Two-sided Gaussian coverage of ``n_sigma``: ``erf(n/√2)`` (0.6827, 0.9545, 0.9973).

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
    """The experimental inputs of the χ² (defaults from the parameter set)."""

    gS: sp.Expr
    gS_sigma: sp.Expr
    gP_limit: sp.Expr
    gP_cl: sp.Expr
    br_limit: sp.Expr
    br_cl: sp.Expr


def chi2_inputs(params=None) -> Chi2Inputs:
    """Eq. (16), (17), (20) inputs from ``params`` (Bolton et al. 2024; L3 1997).

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
    include_gP : bool
        Add the ``|g_P|`` limit of Eq. (17) (default False, see module notes).
    limit_dof : int
        A limit ``L`` enters as ``Δχ²_{limit_dof}(CL) (q/L)²``; 1 (default) or 2.
    gS_scale : number
        Multiplies the predicted ``|g_S|`` and ``|g_P|`` (e.g. to emulate another
        normalisation of Eq. 13; 1 by default).

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

    ``options`` are those of :func:`chi2_expression`; ``m_X`` defaults to the
    parameter ``m_X`` (2.1 GeV).

    Examples
    --------
    >>> f = chi2_function()
    >>> round(float(f(-0.01515, -0.01515)), 3)     # L-only (A_XWW = A_XYY) near its best fit
    0.067
    """
    from .numeric import _evaluate_constants, lambdify_numpy, require_numpy

    if modules == "numpy":
        require_numpy()
    P = default_parameters() if params is None else params
    m_X = P.value("m_X") if m_X is None else sp.nsimplify(m_X)
    a, b = sp.symbols("a b", real=True)
    expr = _evaluate_constants(chi2_expression(a, b, m_X, P, **options), 30)
    f = lambdify_numpy((a, b), expr) if modules == "numpy" else sp.lambdify((a, b), expr, modules=modules)
    f.expr = expr
    return f


def chi2_charges_function(m_X=None, params=None, **kw):
    """χ² in the (α_L g_X, α_R g_X) plane (right panel of Fig. 1), via Eqs. (21)-(22).

    ``A_XWW g_X = -α_L g_X`` and ``A_XYY g_X = (2α_R - α_L) g_X``.

    Examples
    --------
    >>> f = chi2_charges_function()
    >>> g = chi2_function()
    >>> abs(float(f(0.016, -0.004)) - float(g(-0.016, 2*(-0.004) - 0.016))) < 1e-12
    True
    """
    f = chi2_function(m_X, params, **kw)

    def chi2_charges(aLgX, aRgX):
        return f(-aLgX, 2 * aRgX - aLgX)

    chi2_charges.expr = f.expr
    return chi2_charges


#: Model lines of Fig. 1 (right panel) as α_R/α_L, with the paper's charges.
MODEL_LINES = {
    "L-only": {"alpha_R_over_alpha_L": sp.Integer(0), "alpha_L": 1, "alpha_R": 0},
    "L=-4R": {"alpha_R_over_alpha_L": sp.Rational(-1, 4), "alpha_L": 4, "alpha_R": -1},
}


def best_fit_on_line(ratio, m_X=None, params=None, **options):
    """Minimise the χ² along ``α_R = ratio · α_L`` (a model line of Fig. 1).

    Returns ``(α_L g_X, χ²_min)`` as mpmath numbers; ``options`` are those of
    :func:`chi2_expression`.  Along a line the χ² is a
    polynomial in ``c = α_L g_X`` (for ``c > 0``), so the stationary points are
    the real roots of its derivative.

    Examples
    --------
    >>> c, chi2 = best_fit_on_line(0)                # L-only
    >>> mpmath.nstr(c, 4), mpmath.nstr(chi2, 3)
    ('0.01515', '0.0668')
    >>> c, chi2 = best_fit_on_line(sp.Rational(-1, 4))   # L = -4R
    >>> mpmath.nstr(c / 4, 3)                         # g_X at alpha_L = 4
    '0.00379'
    """
    P = default_parameters() if params is None else params
    m_X = P.value("m_X") if m_X is None else sp.nsimplify(m_X)
    c = sp.Symbol("c", positive=True)
    ratio = sp.nsimplify(ratio)
    a, b = -c, (2 * ratio - 1) * c
    expr = chi2_expression(a, b, m_X, P, **options)
    expr = sp.expand(_abs_positive(expr.evalf(40), c))
    poly = sp.Poly(expr, c)
    dpoly = poly.diff(c)
    roots = [r for r in sp.Poly(dpoly.as_expr().evalf(40), c).nroots(n=30, maxsteps=200)
             if r.is_real and r > 0]
    best = min(roots, key=lambda r: poly.eval(r))
    return mpmath.mpf(str(best)), mpmath.mpf(str(poly.eval(best)))


def _abs_positive(expr, c):
    """Replace Abs(k*c) by |k|*c for positive c (sympy keeps Abs of complex constants)."""
    return expr.replace(lambda e: isinstance(e, sp.Abs), lambda e: sp.Abs(e.args[0] / c) * c)
