"""The seed paper's X-boson numbers (Sections II–IV), derived end to end.

Every record here runs the library's chain on a built-in model file:

* the anomaly traces of the *light* fermions come from the model and its vacuum
  (:func:`anomalyalgebra.eft.anomaly_couplings` with the light/heavy split of
  :func:`anomalyalgebra.eft.light_heavy_split`): ``tau_l_only`` (Table III) and
  ``tau_l_minus_4r`` (Table IV); the τ-lepton EFT ``sm_x_tau`` for the charge plane;
* the ξZγ coupling is projected on the mass eigenstates of the model's own
  gauge-boson mass matrix, and ``Γ(Z → γX)`` comes out of the two-body evaluator
  (:func:`anomalyalgebra.eft.zgamma_width`);
* the b → s coupling, the χ² of Fig. 1 and its fits are the library's
  (:mod:`anomalyalgebra.pheno`), with the measured constants of the sourced
  parameter set.

Printed values are read from ``printed.toml``: as the "paper" side of a
comparison, or as the point at which the paper evaluates something (``inputs =
"printed point"``).  Records that evaluate a *printed formula* (Eq. 13 with
``g'⁴``, Eq. 19) have ``inputs = "printed"``: they show where the printed numbers
come from, not a derivation.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from ..breaking import gauge_mass_matrix
from ..eft import EFT_SYMBOLS, M_Z, anomaly_couplings, from_traces, zgamma_coupling, zgamma_width
from ..modelfile import load_model
from ..pheno.fit import best_fit_along, delta_chi2_threshold, global_minimum, light_traces
from ..pheno.observables import (
    br_Z_to_gamma_X_model,
    ckm_loop_sum,
    g_S,
    multiplet_decay_rate,
    radiative_splitting_unit,
    sm_inputs,
)
from ._common import paper_parameters
from . import printed
from ._common import VEVS, model_vacuum, proportionality, record

__all__ = [
    "KEYS", "records", "light_couplings", "dominant_singlet_vev", "gS_fit", "gS_fit_printed_eq13", "eq18", "eq19",
    "eq36_norm", "eq37_norm", "eq38_unit", "eq43", "eq58", "eq58_printed_formula", "eq59", "vX",
    "fig1_L4R_best_fit", "fig1_Lonly_best_fit", "fig1_lines", "fig1_data", "fig1", "chi2_min",
]

_SQ2 = sp.sqrt(2)
_V = VEVS
#: Highest operator dimension for the light/heavy split.  Table IV: 5, so that the
#: Majorana masses of the singlets (Eq. 60 and d = 5 terms) count; Table III: 4, where
#: every field of the table except the tau already pairs up (its d = 5 terms with the
#: doublet E have two SU(2) contractions, which the mass-matrix code refuses).
_SPLIT_DIM = {"tau_l_only": 4, "tau_l_minus_4r": 5}
#: The singlet whose VEV dominates m_X (Eq. 35; Eq. 59 with V_1 >> V_5).
_DOMINANT = {"tau_l_only": ("S", "v_X", ()), "tau_l_minus_4r": ("S1", "V_1", ("V_5",))}


def _point(name):
    return printed.number("point." + name)


@lru_cache(maxsize=4)
def light_couplings(model_name: str):
    """The anomaly-induced couplings of a UV model of Section IV, light/heavy split from its vacuum.

    Examples
    --------
    >>> c = light_couplings("tau_l_minus_4r")
    >>> c.heavy, c.trace("SU2L", "SU2L"), c.trace("Y", "Y")
    (('LL', 'LR', 'N1', 'N2', 'EL', 'ER'), -4, -6)
    """
    vac = model_vacuum(model_name)
    return anomaly_couplings(vac.model, "X", vacuum=vac, max_dim=_SPLIT_DIM[model_name])


def _traces(model_name):
    return light_traces(light_couplings(model_name))


def dominant_singlet_vev(model_name, m_X, g_X):
    """The dominant singlet VEV at (m_X, g_X) from the model's X mass (other singlet VEVs -> 0)."""
    sol = _dominant_singlet_vev(model_name)
    return sol.subs({EFT_SYMBOLS["m_X"]: m_X, EFT_SYMBOLS["g_X"]: g_X}), sol


@lru_cache(maxsize=4)
def _dominant_singlet_vev(model_name):
    field, vev, others = _DOMINANT[model_name]
    vac = model_vacuum(model_name)
    gX = EFT_SYMBOLS["g_X"]
    M2 = gauge_mass_matrix(vac, {"X": gX}).mass_squared("X").subs({_V[o]: 0 for o in others})
    sols = [s for s in sp.solve(sp.Eq(M2, EFT_SYMBOLS["m_X"] ** 2), _V[vev]) if s.is_positive]
    if len(sols) != 1:
        raise ValueError(f"{model_name}: m_X does not fix {vev} uniquely: {sols}")
    return sols[0]


def _rec(key, derived, note, inputs):
    """A numeric record against the printed number: it agrees when the derived value lies in
    the interval the printed digits stand for (no tolerance is chosen here)."""
    d = sp.Float(sp.N(derived, 15), 15)
    x = printed.number(key)
    paper = int(x) if x.is_Integer else float(x)
    lo, hi = printed.interval(key)
    ok = bool(lo <= d <= hi)
    note += f" [agrees if within the printed digits, {float(lo):.4g} to {float(hi):.4g}]"
    return record(key, d, paper, note, ok, inputs)


# ---------------------------------------------------------------- Eqs. (13)-(16): the b -> s X fit
def _g_from_gS(A_XWW, params, **kw):
    P = paper_parameters() if params is None else params
    per_unit = sp.Abs(g_S(A_XWW, 1, P.value("m_X"), P, **kw))
    return (P.value("gS_fit") / per_unit).evalf(20)


def gS_fit(params=None):
    """α_L g_X of the L-only model from ``|g_S| = 1.6e-8`` (Eqs. 13, 15, 16); paper 0.018.

    ``A_XWW`` is the light-fermion trace of ``tau_l_only`` (α_L = 1 there, so the fit
    gives ``α_L g_X``); ``|g_S|`` and ``m_X`` are the measured inputs of Bolton et al.
    in the parameter set.

    Examples
    --------
    >>> r = gS_fit()
    >>> round(float(r.derived), 4), r.paper, r.agrees, r.inputs
    (0.0152, 0.018, False, 'derived')
    """
    P = paper_parameters() if params is None else params
    a_ww, _ = _traces("tau_l_only")
    d = _g_from_gS(a_ww, P)
    alt = P.replace(alpha_em_mZ_inv=P.value("alpha_em_0_inv"), m_t=P.value("m_t_msbar"))
    d_alt = _g_from_gS(a_ww, alt)
    lo, hi = printed.interval("gS_fit")
    note = (
        f"A_XWW = {a_ww} from tau_l_only (light fields after the vacuum's split), Eq. (13) with"
        " g^4 (the W loop couples through g; the printed g'^4 is erratum E1). Inputs: MS-bar"
        " alpha(m_Z) and s_W^2(m_Z), i.e. the couplings at the scale of the W loop, pole m_t,"
        " m_b(m_b), PDG 2024 CKM. The paper does not give its inputs; the coupling scales as"
        " g^-4 and with F(m_t^2/m_W^2): with alpha(0) and m_t(m_t) (parameter m_t_msbar) one gets"
        f" {float(d_alt):.5f}, at the edge of the printed digits [{float(lo)}, {float(hi)}]: the"
        " paper's 0.018 is close to what those inputs give. The default is 16% lower; the"
        " difference is a choice of scheme, O(alpha) corrections that the leading-order formula"
        " does not fix, not an error of either value"
    )
    return _rec("gS_fit", d, note, "derived")


def gS_fit_printed_eq13(params=None):
    """α_L g_X from Eq. (13) *as printed* (``g'⁴``), read from ``printed.toml``; about 0.17.

    Examples
    --------
    >>> r = gS_fit_printed_eq13()
    >>> round(float(r.derived), 2), r.agrees, r.inputs
    (0.17, False, 'printed')
    """
    P = paper_parameters() if params is None else params
    sm = sm_inputs(P)
    a_ww, _ = _traces("tau_l_only")
    names = {"g_X": sp.Symbol("g_X"), "gp": sp.Symbol("gp"), "A_XWW": sp.Symbol("A_XWW"),
             "S": sp.Symbol("S"), "pi": sp.pi}
    eq13 = printed.expression("eq13", names)
    g_xi = eq13.subs({names["gp"]: sm["g'"], names["A_XWW"]: a_ww, names["g_X"]: 1,
                      names["S"]: ckm_loop_sum("b", "s", P)})
    gS_unit = sp.Abs((sm["m_b"] - sm["m_s"]) / 2 * g_xi / P.value("m_X"))
    d = (P.value("gS_fit") / gS_unit).evalf(20)
    derived_ratio = sp.N(_g_from_gS(a_ww, P) / d, 6)
    return _rec("gS_fit_printed_eq13", d,
                "the printed Eq. (13) (g'^4) with the same inputs as gS_fit: it misses the printed"
                f" best fit by (g/g')^4 = {float(derived_ratio) ** -1:.2f}; the derived g^4 form"
                " (record gS_fit) is the one that reproduces it (erratum E1)", "printed")


# ---------------------------------------------------------------- Eqs. (18)-(19), (58): Z -> gamma X
def _printed_names():
    s = EFT_SYMBOLS
    return {"g_X": s["g_X"], "g": s["g"], "gp": s["g'"], "m_X": s["m_X"], "m_Z": M_Z,
            "A_XWW": sp.Symbol("A_XWW"), "A_XYY": sp.Symbol("A_XYY"), "pi": sp.pi}


def _printed_formula(key, a_ww, a_yy):
    names = _printed_names()
    return printed.expression(key, names).subs({names["A_XWW"]: a_ww, names["A_XYY"]: a_yy})


@lru_cache(maxsize=1)
def _l4r_broken():
    vac = model_vacuum("tau_l_minus_4r")
    return light_couplings("tau_l_minus_4r").broken(vac)


def eq18():
    """The ξZγ coupling of the L = -4R model, derived, against the printed Eq. (18).

    Examples
    --------
    >>> r = eq18()
    >>> r.derived
    -g*g'*g_X*(2*g**2 - 3*g'**2)/(4*pi**2*(g**2 + g'**2))
    >>> r.agrees, r.inputs
    (False, 'derived')
    """
    a_ww, a_yy = _traces("tau_l_minus_4r")
    derived = sp.factor(zgamma_coupling(_l4r_broken()))
    paper = _printed_formula("eq18", a_ww, a_yy)
    a = sp.Symbol("a")
    vec = proportionality(zgamma_coupling(from_traces({("SU2L", "SU2L"): a, ("Y", "Y"): -a})),
                          _printed_formula("eq18", a, -a))
    c = proportionality(derived, paper)
    note = (
        f"C_ZA, coefficient of (xi/m_X) eps d Z d A: light traces (A_XWW, A_XYY) = ({a_ww}, {a_yy})"
        " of tau_l_minus_4r, Goldstone couplings g_i g_j A/(16 pi^2) (covariant anomaly),"
        " rotated to the Z and photon eigenvectors of the model's gauge-boson mass matrix."
        " It is g_X g g' 2(c_W^2 A_XWW - s_W^2 A_XYY)/(16 pi^2); the printed"
        " g_X g g'(A_XWW - A_XYY)/(16 pi^2) is "
        + ("equal" if c == 1 else "not proportional to it" if c is None else f"{c} times it")
        + f" for this chiral current (A_XWW + A_XYY = {a_ww + a_yy}). For a vector current"
        f" (A_XYY = -A_XWW) derived/printed = {vec}: the printed form is the vector-current"
        " special case (erratum E4)"
    )
    return record("eq18", derived, paper, note, c == 1, "derived")


def eq19():
    """Γ(Z → γX) of the L = -4R model in closed form, derived, against the printed Eq. (19).

    Examples
    --------
    >>> r = eq19()
    >>> r.agrees, r.inputs
    (False, 'derived')
    >>> "1/16" in r.note
    True
    """
    a_ww, a_yy = _traces("tau_l_minus_4r")
    derived = zgamma_width(_l4r_broken())
    paper = _printed_formula("eq19", a_ww, a_yy)
    a = sp.Symbol("a")
    vec = proportionality(zgamma_width(from_traces({("SU2L", "SU2L"): a, ("Y", "Y"): -a}),
                                       goldstone_mass=0),
                          _printed_formula("eq19", a, -a))
    note = (
        "the eq18 coupling in the two-body evaluator (helicity sums, phase space; the"
        " Goldstone keeps m_X in the phase space, (1 - m_X^2/m_Z^2)^3). For a vector current, at"
        f" leading order in m_X/m_Z, derived/printed = {vec}: the printed 1/(1536 pi^5) is 16"
        " times the width of the printed Eq. (18) operator (erratum E5; the evaluator is"
        " checked against a -> gamma gamma, Z -> gamma a of Bauer-Neubert-Thamm and the"
        " Goldstone-equivalence limit, docs/eft.rst). For this chiral model the anomaly"
        " combination also differs (eq18)"
    )
    return record("eq19", derived, paper, note, vec == 1, "derived")


def _br_l4r(params):
    P = paper_parameters() if params is None else params
    return br_Z_to_gamma_X_model(_l4r_broken(), _point("g_X_L4R"), _point("m_X"), P)


def eq58(params=None):
    """B(Z → γX) of the L = -4R model at the printed best fit (2.1 GeV, 0.0042); paper 5.6e-7.

    Examples
    --------
    >>> r = eq58()
    >>> f"{float(r.derived):.3e}", r.agrees, r.inputs
    ('9.969e-08', False, 'printed point')
    """
    P = paper_parameters() if params is None else params
    d = _br_l4r(P)
    limit = P.value("BR_Zgamma_limit")
    return _rec("eq58", d,
                "Gamma(Z -> gamma X) of tau_l_minus_4r end to end (eq18 coupling, eq19 width) over the"
                f" PDG Gamma_Z, at the printed (m_X, g_X). {float(d) / float(printed.number('eq58')):.3f}"
                " of the printed value: the printed number follows from the printed Eq. (19) (record"
                " eq58_printed_formula), which is 16 times the width of the Eq. (18) operator"
                " (erratum E5) and uses the vector-current combination A_XWW - A_XYY (erratum E4,"
                f" a factor {float(_general_over_printed_K(P)) ** 2:.2f} in the rate here)."
                f" The derived value is {float(limit / d):.0f} times below the L3 bound"
                f" {float(limit):.0e}: the paper's conclusion (compatible with L3, testable at"
                " FCC-ee) holds, with a smaller rate", "printed point")


def _general_over_printed_K(P):
    a_ww, a_yy = _traces("tau_l_minus_4r")
    sm = sm_inputs(P)
    s = EFT_SYMBOLS
    C = zgamma_coupling(_l4r_broken())
    K = C * 16 * sp.pi**2 / (s["g_X"] * s["g"] * s["g'"])
    return sp.N(K.subs({s["g"]: sm["g"], s["g'"]: sm["g'"]}) / (a_ww - a_yy), 15)


def eq58_printed_formula(params=None):
    """The printed Eq. (19) at the printed best fit of the L = -4R model (where 5.6e-7 comes from).

    Examples
    --------
    >>> r = eq58_printed_formula()
    >>> f"{float(r.derived):.3e}", r.agrees, r.inputs
    ('5.613e-07', True, 'printed')
    """
    P = paper_parameters() if params is None else params
    sm = sm_inputs(P)
    a_ww, a_yy = _traces("tau_l_minus_4r")
    s = EFT_SYMBOLS
    G = _printed_formula("eq19", a_ww, a_yy).subs({
        s["g"]: sm["g"], s["g'"]: sm["g'"], M_Z: sm["m_Z"], s["g_X"]: _point("g_X_L4R"),
        s["m_X"]: _point("m_X")})
    return _rec("eq58_printed_formula", G / sm["Gamma_Z"],
                f"Eq. (19) as printed with the model's traces ({a_ww}, {a_yy}), g and g' from MS-bar"
                " alpha(m_Z) and s_W^2 and the PDG Gamma_Z: the printed 5.6e-7 follows from the printed"
                " formula, which the derivation corrects (eq19, eq58)", "printed")


# ---------------------------------------------------------------- Fig. 1 and Table II
def fig1_lines() -> dict:
    """The model lines of Fig. 1 as trace directions ``(A_XWW, A_XYY)`` of each UV model.

    Examples
    --------
    >>> fig1_lines()
    {'L-only': (-1, -1), 'L=-4R': (-4, -6)}
    """
    return {"L-only": _traces("tau_l_only"), "L=-4R": _traces("tau_l_minus_4r")}


def fig1_data(*, n=301, **options):
    """The numbers of Fig. 1 (:class:`anomalyalgebra.paper.figure.Fig1Data`): the trace plane and
    the (α_L g_X, α_R g_X) plane of ``sm_x_tau``, with the light-trace directions of
    ``tau_l_only`` and ``tau_l_minus_4r`` (:func:`fig1_lines`) and their best fits."""
    from .figure import fig1_data as data

    return data(model=load_model("sm_x_tau"), lines=fig1_lines(), n=n, **options)


def fig1(path=None, *, n=301, formats=("png", "pdf"), **options):
    """Fig. 1 of the paper: :func:`fig1_data` drawn by :func:`anomalyalgebra.paper.figure.draw_fig1`.

    Returns ``(figure, written files)``.
    """
    from .figure import require_matplotlib, draw_fig1

    require_matplotlib()
    return draw_fig1(fig1_data(n=n, **options), path, formats=formats)


@lru_cache(maxsize=1)
def _default_chi2_min():
    return global_minimum(params=paper_parameters())[2]


def chi2_min(params=None):
    """The global minimum of the Fig. 1 χ² (cached for the default parameters)."""
    return _default_chi2_min() if params is None else global_minimum(params=params)[2]


def fig1_L4R_best_fit(params=None):
    """Best-fit g_X along the L = -4R direction of Fig. 1; paper 0.0042.

    Examples
    --------
    >>> r = fig1_L4R_best_fit()
    >>> round(float(r.derived), 5), r.agrees, r.inputs
    (0.00379, False, 'derived')
    """
    P = paper_parameters() if params is None else params
    a_ww, a_yy = _traces("tau_l_minus_4r")
    g, chi2 = best_fit_along(a_ww, a_yy, params=P)
    g_alt, _ = best_fit_along(a_ww, a_yy, params=P.replace(alpha_em_mZ_inv=P.value("alpha_em_0_inv"),
                                                          m_t=P.value("m_t_msbar")))
    dchi2 = chi2 - chi2_min(params)
    note = (
        f"chi^2 of Fig. 1 (assumptions of anomalyalgebra.pheno.fit) along the direction of the light"
        f" traces ({a_ww}, {a_yy}) of tau_l_minus_4r, with the derived Z -> gamma X width;"
        f" chi^2_min = {float(chi2):.3f}, Delta chi^2 to the global minimum {float(dchi2):.3f}"
        f" (1 sigma for 2 dof: {float(delta_chi2_threshold(1)):.2f}). With alpha(0) and m_t(m_t), the"
        f" inputs that reproduce the printed L-only fit (gS_fit), g_X = {float(g_alt):.5f}: the"
        " remaining difference to the paper is the g_S normalisation, not the Z -> gamma X rate"
    )
    return _rec("fig1_L4R_best_fit", g, note, "derived")


def fig1_Lonly_best_fit(params=None):
    """Best-fit α_L g_X along the L-only direction of Fig. 1; paper 0.018 (Eq. 36).

    Examples
    --------
    >>> r = fig1_Lonly_best_fit()
    >>> round(float(r.derived), 4), r.inputs
    (0.0151, 'derived')
    """
    P = paper_parameters() if params is None else params
    a_ww, a_yy = _traces("tau_l_only")
    g, chi2 = best_fit_along(a_ww, a_yy, params=P)
    dchi2 = chi2 - chi2_min(params)
    g_alone = _g_from_gS(a_ww, P)          # the g_S term alone: record gS_fit
    shift = 100 * (float(g) / float(g_alone) - 1)
    note = (
        f"along the light traces ({a_ww}, {a_yy}) of tau_l_only (alpha_L = 1): chi^2_min ="
        f" {float(chi2):.3f}, Delta chi^2 to the global minimum {float(dchi2):.3f}, inside the 1 sigma"
        " region as the paper says. The Z -> gamma X rate does not vanish on this line (the"
        " printed A_XWW - A_XYY = 0 would make it vanish; erratum E4) but is far below the L3"
        f" bound: it moves the minimum by {shift:+.2f} % from the g_S term alone (gS_fit,"
        f" {float(g_alone):.5f}; same inputs and scheme remark)"
    )
    return _rec("fig1_Lonly_best_fit", g, note, "derived")


# ---------------------------------------------------------------- masses and bounds
def vX(params=None):
    """v_X of the L = -4R model at the printed best fit (Section IV B); paper ≈ 467 GeV.

    Examples
    --------
    >>> r = vX()
    >>> r.derived, r.paper, r.agrees
    (500.000000000000, 467, False)
    """
    value, expr = dominant_singlet_vev("tau_l_minus_4r", _point("m_X"), _point("g_X_L4R"))
    return _rec("vX", value,
                f"V_1 = {expr} from the X mass of tau_l_minus_4r's gauge mass matrix (X_S1 from Table IV,"
                " V_5 -> 0 as Eq. 59 assumes) at the printed (m_X, g_X): 500 GeV, the value Eq. (59)"
                " itself uses; 467 GeV = 2.1/0.0045 corresponds to alpha_L g_X = 0.018 (the L-only fit)"
                " with alpha_L = 4 (erratum E6)", "printed point")


def _mass_bound(model_name, bound_key, g_X):
    """y_max v/√2 with the printed (quoted) Yukawa bound and the derived singlet VEV."""
    value, expr = dominant_singlet_vev(model_name, _point("m_X"), g_X)
    y_max = printed.expression("point." + bound_key, {"pi": sp.pi})
    return y_max / _SQ2 * value, expr


def eq36_norm(params=None):
    """m_X/(X_S g_X) of the L-only model at (2.1 GeV, α_L g_X = 0.018): the '120 GeV' of Eq. (36).

    Examples
    --------
    >>> r = eq36_norm()
    >>> round(float(r.derived), 1), r.paper, r.inputs
    (116.7, 120, 'printed point')
    """
    value, expr = dominant_singlet_vev("tau_l_only", _point("m_X"), _point("alpha_L_g_X_Lonly"))
    return _rec("eq36_norm", value,
                f"v_X = {expr} from tau_l_only's X mass (X_S = 1 = alpha_L) at the printed point:"
                " 2.1/0.018 = 116.7 GeV, printed rounded to 120 GeV", "printed point")


def eq43(params=None):
    """m_𝓛 ≤ y_max v_X/√2 for the L-only doublet at the printed point (Eq. 43); paper 290 GeV.

    Examples
    --------
    >>> r = eq43()
    >>> round(float(r.derived), 1), r.paper, r.agrees
    (292.4, 290, True)
    """
    d, _ = _mass_bound("tau_l_only", "y_max_doublet", _point("alpha_L_g_X_Lonly"))
    return _rec("eq43", d,
                "y <= sqrt(4 pi) (Allwicher et al.) with the unrounded v_X = 116.7 GeV; with the"
                " printed 120 GeV it would be 301 GeV", "printed point")


def eq59(params=None):
    """m_𝓛 ≤ y_max V_1/√2 for the L = -4R triplet at the printed point (Eq. 59); paper 1.0 TeV.

    Examples
    --------
    >>> r = eq59()
    >>> round(float(r.derived)), r.paper, r.agrees
    (1023, 1000, True)
    """
    d, _ = _mass_bound("tau_l_minus_4r", "y_max_triplet", _point("g_X_L4R"))
    return _rec("eq59", d, "y <= sqrt(8 pi/3) (Allwicher et al.), V_1 from the model's X mass; the"
                " paper quotes 2 digits (1.0 TeV)", "printed point")


def eq37_norm(params=None):
    """The 7.5×10⁻¹² s of Eq. (37): ħ over the pion-emission rate at Δm = 500 MeV.

    Examples
    --------
    >>> r = eq37_norm()
    >>> f"{float(r.derived):.3e}", r.agrees
    ('7.566e-12', False)
    """
    P = paper_parameters() if params is None else params
    G = multiplet_decay_rate(sp.Rational(1, 2), sp.Rational(1, 2), -1, _point("eq37_delta_m"),
                             P, phase_space=False)  # (j+I)(j-I+1) = 1
    d = P.value("hbar") / G
    return _rec("eq37_norm", d,
                "Delta m >> m_pi limit of the pion-emission rate with the parameter set's f_pi and"
                " |V_ud|, at the printed normalisation Delta m = 500 MeV: 0.9 % above the printed"
                " value, outside its two digits; the rate scales as (f_pi |V_ud|)^2, so the printed"
                " 7.5e-12 s corresponds to f_pi |V_ud| 0.4 % above the PDG 2024 values", "printed point")


def eq38_unit(params=None):
    """Δ = α₂ m_W sin²(θ_W/2) vs the 166 MeV of Eq. (38) (Cirelli–Fornengo–Strumia).

    Examples
    --------
    >>> r = eq38_unit()
    >>> round(float(r.derived), 4), r.paper, r.agrees
    (0.1674, 0.166, False)
    """
    d = radiative_splitting_unit(params)
    return _rec("eq38_unit", d,
                "one-loop asymptotic formula with alpha_2 = alpha(m_Z)/s_W^2 gives 167.4 MeV, outside"
                " the printed digits; Cirelli-Fornengo-Strumia quote (166 +- 1) MeV with higher orders"
                " (the parameter Delta_rad), which is what the paper prints",
                "derived")


_FUNCS = {
    "gS_fit": gS_fit,
    "gS_fit_printed_eq13": gS_fit_printed_eq13,
    "eq18": lambda params=None: eq18(),
    "eq19": lambda params=None: eq19(),
    "eq36_norm": eq36_norm,
    "eq37_norm": eq37_norm,
    "eq38_unit": eq38_unit,
    "eq43": eq43,
    "vX": vX,
    "eq58": eq58,
    "eq58_printed_formula": eq58_printed_formula,
    "fig1_L4R_best_fit": fig1_L4R_best_fit,
    "fig1_Lonly_best_fit": fig1_Lonly_best_fit,
    "eq59": eq59,
}

#: Keys of :func:`records`, in paper order.
KEYS = tuple(_FUNCS)


def records(params=None, which=None) -> dict:
    """All (or ``which``) X-boson records, keyed as in :data:`KEYS`.

    Examples
    --------
    >>> r = records(which=["eq43", "eq59"])
    >>> sorted(r), all(x.agrees for x in r.values())
    (['eq43', 'eq59'], True)
    """
    keys = KEYS if which is None else tuple(which)
    unknown = [k for k in keys if k not in _FUNCS]
    if unknown:
        raise KeyError(f"unknown key(s) {unknown}; known: {list(KEYS)}")
    return {k: _FUNCS[k](params) for k in keys}
