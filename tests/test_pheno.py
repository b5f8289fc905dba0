"""Tests of anomalyalgebra.pheno: formulas, numerics, the paper's numbers, Fig. 1."""

import math

import mpmath
import pytest
import sympy as sp

from anomalyalgebra import pheno
from anomalyalgebra.exceptions import MissingDependencyError, ModelError
import anomalyalgebra as aa

#: The X mass of the fits below (GeV): a choice, passed explicitly (the library has no default).
M_X = "2.1"

R = sp.Rational
MX = R(21, 10)


# ---------------------------------------------------------------- public API
def test_public_api_is_pinned():
    assert set(pheno.__all__) >= {
        "default_parameters", "Parameters", "g_S", "g_P", "g_xi_dd", "loop_function",
        "br_Z_to_gamma_X", "gamma_Z_to_gamma_X", "chi2_function",
        "delta_chi2_threshold", "numeric",
    }
    # the paper's vocabulary lives in anomalyalgebra.paper (issue 20)
    assert not {"PaperRecord", "plot_fig1", "fig1_data", "draw_fig1", "Fig1Data"} & set(pheno.__all__)
    for name in pheno.__all__:
        assert hasattr(pheno, name), name


# ---------------------------------------------------------------- parameters
def test_every_parameter_has_unit_source_year():
    P = pheno.default_parameters()
    assert len(P) >= 20
    for p in P:
        assert p.unit and p.source and 1990 < p.year < 2100, p.name
        assert isinstance(p.value, sp.Rational), p.name


def test_parameters_frozen_and_replace():
    P = pheno.default_parameters()
    Q = P.replace(m_t=163)
    assert P.value("m_t") == R(17257, 100) and Q.value("m_t") == 163
    assert Q["m_t"].source == "user override"
    with pytest.raises(Exception):
        P.items = ()
    with pytest.raises(pheno.UnknownParameterError):
        P.replace(m_top=1)
    with pytest.raises(KeyError):
        P["nonsense"]


def test_override_changes_observable():
    P = pheno.default_parameters()
    b1 = float(pheno.br_Z_to_gamma_X(-4, -6, R(42, 10000), MX, P))
    b2 = float(pheno.br_Z_to_gamma_X(-4, -6, R(42, 10000), MX, P.replace(Gamma_Z=5)))
    assert b2 == pytest.approx(b1 * 2.4955 / 5, rel=1e-12)


def test_particle_package_optional_source():
    pytest.importorskip("particle", reason="optional 'particle' package not installed")
    P = pheno.particle_parameters()
    assert P["m_Z"].source.startswith("particle")
    # PDG editions agree on m_Z to 1e-4
    assert float(P.value("m_Z")) == pytest.approx(91.188, rel=1e-4)
    assert P.value("wolfenstein_A") == pheno.default_parameters().value("wolfenstein_A")


# ---------------------------------------------------------------- loop function
def test_loop_function_limits_and_continuity():
    x = sp.Symbol("x", positive=True)
    body = x * (1 + x * (sp.log(x) - 1)) / (1 - x) ** 2
    assert sp.limit(body, x, 1) == R(1, 2)
    assert sp.limit(body, x, 0) == 0
    assert sp.limit(body / x, x, 0) == 1          # F(x) ~ x for small x (GIM)
    mpmath.mp.dps = 40
    f = sp.lambdify(x, body, "mpmath")
    for eps in ("1e-5", "-1e-5"):
        assert abs(f(1 + mpmath.mpf(eps)) - mpmath.mpf(1) / 2) < 1e-5
    mpmath.mp.dps = 15
    np = pytest.importorskip("numpy")
    g = pheno.numeric(pheno.loop_function, ["x"])
    with np.errstate(all="ignore"):  # Piecewise evaluates the 0/0 branch too
        vals = g(np.array([0.0, 1e-3, 0.999, 1.0, 1.001, 4.6]))
    assert vals[0] == 0 and vals[3] == 0.5
    assert abs(vals[2] - 0.5) < 1e-3 and abs(vals[4] - 0.5) < 1e-3


def test_ckm_unitary_and_pdg_magnitudes():
    V = pheno.ckm_matrix()
    M = (V * V.H).evalf(30)
    for i in range(3):
        for j in range(3):
            assert abs(complex(M[i, j]) - (i == j)) < 1e-25
    # PDG 2024 global-fit magnitudes (CKM review): |V_ts| = 0.0411, |V_tb| = 0.99912
    assert abs(complex(V[2, 1])) == pytest.approx(0.0411, abs=2e-4)
    assert abs(complex(V[2, 2])) == pytest.approx(0.9991, abs=2e-4)


# ---------------------------------------------------------------- closed form vs numerics
def test_closed_form_numpy_mpmath_agree():
    np = pytest.importorskip("numpy")
    gx, mx = 0.0042, 2.1
    exact = pheno.br_Z_to_gamma_X(-4, -6, R(42, 10000), MX).evalf(40)
    fn = pheno.numeric(pheno.br_Z_to_gamma_X, ["A_XWW", "A_XYY", "g_X", "m_X"])
    mpmath.mp.dps = 40
    fm = pheno.numeric(pheno.br_Z_to_gamma_X, ["A_XWW", "A_XYY", "g_X", "m_X"], modules="mpmath", dps=45)
    vm = fm(mpmath.mpf(-4), mpmath.mpf(-6), mpmath.mpf("0.0042"), mpmath.mpf("2.1"))
    close = abs(vm - mpmath.mpf(str(exact))) / vm < 1e-35
    mpmath.mp.dps = 15
    assert close
    assert float(fn(-4.0, -6.0, gx, mx)) == pytest.approx(float(exact), rel=1e-13)
    gs = pheno.numeric(pheno.g_S, ["A_XWW", "g_X", "m_X"], real=True)
    ex = abs(complex(pheno.g_S(-1, R(18, 1000), MX).evalf(30)))
    assert float(gs(-1.0, 0.018, 2.1)) == pytest.approx(ex, rel=1e-13)
    arr = gs(np.array([-1.0, -2.0]), 0.018, 2.1)
    assert arr[1] == pytest.approx(2 * arr[0], rel=1e-14)


def test_gS_gP_ratio_is_mass_ratio():
    r = sp.nsimplify(pheno.g_P(-1, 1, 1) / pheno.g_S(-1, 1, 1))
    P = pheno.default_parameters()
    mb, ms = P.value("m_b"), P.value("m_s")
    assert sp.simplify(r + (mb + ms) / (mb - ms)) == 0


def test_zgamma_anomaly_vector_and_chiral():
    # vector current (A_XWW + A_XYY = 0): the derived combination is A_XWW - A_XYY
    # (Dror-Lasenby-Pospelov, arXiv:1705.06726)
    a = sp.Symbol("a")
    assert sp.simplify(pheno.zgamma_anomaly(a, -a, pheno.SYMBOLIC) - 2 * a) == 0
    assert sp.simplify(pheno.zgamma_anomaly(a, -a) - 2 * a) == 0
    # chiral L-only current (A_XWW = A_XYY = -1): by hand, W3 = c Z + s A, B = -s Z + c A gives
    # 2 (c^2 A_XWW - s^2 A_XYY) = -2 (1 - 2 s^2), not the printed A_XWW - A_XYY = 0
    s2 = pheno.default_parameters().float("sin2_theta_W")
    general = float(pheno.zgamma_anomaly(-1, -1))
    assert general == pytest.approx(-2 * (1 - 2 * s2), rel=1e-12)


def test_derived_zgamma_width_is_one_sixteenth_of_printed_eq19():
    # the printed Eq. (19) is used here only as the comparison
    gX, mX = sp.symbols("g_X m_X", positive=True)
    a, b = sp.symbols("a b", real=True)
    S = pheno.sm_inputs(pheno.SYMBOLIC)
    derived = pheno.gamma_Z_to_gamma_X(a, b, gX, mX, pheno.SYMBOLIC, goldstone_mass=0)
    K = pheno.zgamma_anomaly(a, b, pheno.SYMBOLIC)
    printed = gX**2 * S["g"] ** 2 * S["g'"] ** 2 / (1536 * sp.pi**5) * K**2 * S["m_Z"] ** 3 / mX**2
    assert sp.simplify(derived / printed) == R(1, 16)
    # vector current: the printed combination A_XWW - A_XYY itself, same ratio
    vec = pheno.gamma_Z_to_gamma_X(a, -a, gX, mX, pheno.SYMBOLIC, goldstone_mass=0)
    printed_vec = gX**2 * S["g"] ** 2 * S["g'"] ** 2 / (1536 * sp.pi**5) * (2 * a) ** 2 * S["m_Z"] ** 3 / mX**2
    assert sp.simplify(vec / printed_vec) == R(1, 16)
    # where the 16 comes from: the printed rate is that of the Eq. (18) coefficient put in front
    # of xi eps^{mnrs} Z_{mn} F_{rs} = 4 xi eps dZ dA (field strengths instead of derivatives)
    from anomalyalgebra.eft import Particle, PseudoscalarVV, two_body_width

    C = gX * S["g"] * S["g'"] * K / (16 * sp.pi**2)
    G4 = two_body_width(PseudoscalarVV(4 * C / mX), Particle("Z", S["m_Z"], 1), Particle("A", 0, 1),
                        Particle("xi", 0, 0))
    assert sp.simplify(G4 - printed) == 0
    # with the Goldstone mass in the phase space: (1 - m_X^2/m_Z^2)^3 on top
    full = pheno.gamma_Z_to_gamma_X(a, b, gX, mX, pheno.SYMBOLIC)
    assert sp.simplify(full / derived - (1 - mX**2 / S["m_Z"] ** 2) ** 3) == 0


def test_model_route_equals_trace_route():
    import anomalyalgebra as aa

    m = aa.load_model("sm_x_tau").subs(alpha_L=4, alpha_R=-1)
    g1 = pheno.gamma_Z_to_gamma_X_model(m, R(42, 10000), MX)
    g2 = pheno.gamma_Z_to_gamma_X(-4, -6, R(42, 10000), MX)
    assert sp.simplify(g1 - g2) == 0
    assert pheno.g_xi_dd(m, 1) == pheno.g_xi_dd(-4, 1)
    # Table IV model with its own vacuum and the light/heavy split found from it
    from anomalyalgebra.breaking import vacuum
    from anomalyalgebra.eft import anomaly_couplings

    v, V1, V5 = sp.symbols("v V_1 V_5", positive=True)
    m4 = aa.load_model("tau_l_minus_4r")
    ac = anomaly_couplings(m4, vacuum=vacuum(m4, {"H": v / sp.sqrt(2), "S1": V1 / sp.sqrt(2),
                                                  "S5": V5 / sp.sqrt(2)}))
    g3 = pheno.gamma_Z_to_gamma_X_model(ac, R(42, 10000), MX)
    assert sp.simplify(g3 - g2) == 0


# ---------------------------------------------------------------- Eqs. 37-38
def test_eq38_triplet_splitting_166_MeV():
    # Cirelli-Fornengo-Strumia: Y = 0 triplet, M_+ - M_0 = (166 +- 1) MeV
    assert float(pheno.radiative_splitting(0, 0)) == pytest.approx(0.166, rel=0.015)
    assert pheno.radiative_splitting(0, 0, delta=R(166, 1000)) == R(166, 1000)
    # charge-2 minus charge-1 for a Y = 0 quintuplet: 3 Delta
    assert pheno.radiative_splitting(1, 0, delta=R(166, 1000)) == 3 * R(166, 1000)
    # the asymptotic one-loop formula alpha_2 m_W sin^2(theta_W/2) gives 166 +- 1.5 MeV
    assert float(pheno.radiative_splitting_unit()) == pytest.approx(0.166, rel=0.015)
    # L = -4R triplet, Y = -1 (Table II): neutral state lightest
    assert float(pheno.radiative_splitting(-1, -1)) < 0


def test_eq37_wino_lifetime_and_normalisation():
    P = pheno.default_parameters()
    # wino (Y=0 triplet) with the two-loop splitting 164.4 MeV: tau ~ 0.2 ns (c tau ~ 6 cm)
    G = pheno.multiplet_decay_rate(1, 1, -1, R(1644, 10000))
    tau = float(P.value("hbar") / G)
    assert 1.8e-10 < tau < 2.2e-10
    # symmetric in the two directions: I -> I-1 from +j equals I -> I+1 from -j
    assert pheno.multiplet_decay_rate(1, 1, -1, R(1, 2)) == pheno.multiplet_decay_rate(1, -1, 1, R(1, 2))
    # the topmost state cannot go up
    assert pheno.multiplet_decay_rate(1, 1, 1, R(1, 2)) == 0


# ---------------------------------------------------------------- chi2 of Fig. 1
def test_delta_chi2_thresholds():
    want = {1: 2.29575, 2: 6.18007, 3: 11.8290}
    for k, v in want.items():
        assert float(pheno.delta_chi2_threshold(k)) == pytest.approx(v, rel=1e-4)
        # closed form vs the general incomplete-gamma root
        assert float(pheno.delta_chi2_threshold(cl=pheno.sigma_to_cl(k), dof=2)) == pytest.approx(v, rel=1e-4)
    assert float(pheno.delta_chi2_threshold(cl=0.95, dof=1)) == pytest.approx(3.841459, rel=1e-6)
    assert float(pheno.delta_chi2_threshold(1, dof=1)) == pytest.approx(1.0, rel=1e-10)
    with pytest.raises(ValueError):
        pheno.delta_chi2_threshold()


def test_chi2_minimum_along_model_directions():
    pytest.importorskip("numpy")
    import numpy as np
    eft = aa.load_model("sm_x_tau")
    f = pheno.chi2_charges_function(eft, m_X=M_X)
    assert f.traces == (-eft.symbol("alpha_L"), -eft.symbol("alpha_L") + 2 * eft.symbol("alpha_R"))
    # L-only (alpha_R = 0) and L = -4R (alpha_R = -alpha_L/4) directions, from the EFT's traces
    lines = {}
    for r in (0, R(-1, 4)):
        a_ww, a_yy = pheno.light_traces(eft.subs(alpha_L=1, alpha_R=r))
        lines[r] = pheno.best_fit_along(a_ww, a_yy, M_X)
    for r, (c, chi) in lines.items():
        c = float(c)
        cs = np.linspace(0.8 * c, 1.2 * c, 2001)
        vals = f(cs, float(r) * cs)
        assert abs(cs[np.argmin(vals)] - c) < 2e-4 * c
        assert float(f(c, float(r) * c)) == pytest.approx(float(chi), abs=1e-9)
    (c0, chi0), (c1, chi1) = lines[0], lines[R(-1, 4)]
    # without the Z term the minimum is |g_S| = 1.6e-8 exactly; the Z term pulls it only
    # slightly; per alpha_L the xi-Z-photon combination is larger on the L-only line
    # (|2(-c^2 + s^2)| = 1.07) than on L = -4R (|2(-c^2 + 3/2 s^2)| = 0.84)
    gs_only = float(pheno.chi2_inputs().gS / abs(complex(pheno.g_S(-1, 1, MX).evalf(30))))
    assert float(c0) < gs_only and float(c0) == pytest.approx(gs_only, rel=0.01)
    assert float(c0) < float(c1) < gs_only
    assert abs(float(pheno.zgamma_anomaly(-1, -1))) > abs(float(pheno.zgamma_anomaly(-1, -R(3, 2))))
    assert float(chi0) < 0.1
    # a direction scales out: (2a, 2b) gives half the coupling and the same chi^2
    c2, chi2 = pheno.best_fit_along(-2, -2, M_X)
    assert float(c2) == pytest.approx(float(c0) / 2, rel=1e-12)
    assert float(chi2) == pytest.approx(float(chi0), rel=1e-9)


def test_the_x_mass_is_not_a_library_default():
    """m_X is a choice of the model (the paper's is paper data): without it, a clear error."""
    assert "m_X" not in pheno.default_parameters()
    with pytest.raises(ModelError, match="m_X: give the X mass"):
        pheno.best_fit_along(-1, -1)
    from anomalyalgebra.paper._common import paper_parameters

    assert paper_parameters().value("m_X") == sp.Rational(21, 10)
    assert pheno.best_fit_along(-1, -1, params=paper_parameters()) == pheno.best_fit_along(-1, -1, M_X)


def test_global_minimum_is_on_the_line_K_zero():
    a, b, chi2 = pheno.global_minimum(M_X)
    assert float(chi2) < 1e-20
    assert abs(float(pheno.zgamma_anomaly(a, b))) < 1e-20
    # any other direction is worse
    for d in ((-1, -1), (-4, -6), (1, 0), (0.3, 2)):
        assert pheno.best_fit_along(*d, M_X)[1] > chi2
    with pytest.raises(ValueError):
        pheno.best_fit_along(0, 0, M_X)


def test_chi2_charges_function_refuses_bad_models():
    from anomalyalgebra.exceptions import ModelError
    with pytest.raises(ModelError, match="two charge symbols"):
        pheno.chi2_charges_function(aa.load_model("anomalon_nplet"), m_X=M_X)


def test_chi2_options_change_result():
    base = pheno.best_fit_along(-4, -6, M_X)[0]
    assert pheno.best_fit_along(-4, -6, M_X, include_gP=True)[0] != base
    assert pheno.best_fit_along(-4, -6, M_X, limit_dof=2)[0] < base


# ---------------------------------------------------------------- Fig. 1
def test_plot_fig1_writes_files(tmp_path):
    pytest.importorskip("matplotlib", reason="matplotlib missing: pip install anomalyalgebra[plot]")
    from anomalyalgebra.paper import figure

    fig, files = figure.plot_fig1(tmp_path / "fig1", n=41, model=aa.load_model("sm_x_tau"),
                                 lines={"A": (-1, -1), "B": (-4, -6)})
    assert sorted(p.rsplit("/", 1)[-1] for p in files) == ["fig1.pdf", "fig1.png"]
    for p in files:
        with open(p, "rb") as fh:
            head = fh.read(8)
        assert head.startswith(b"\x89PNG") or head.startswith(b"%PDF")
    assert len(fig.axes) == 2


def test_plot_without_matplotlib_names_extra(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake(name, *a, **k):
        if name.startswith("matplotlib"):
            raise ImportError("no matplotlib")
        return real_import(name, *a, **k)

    from anomalyalgebra.paper import figure

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(MissingDependencyError, match=r"anomalyalgebra\[plot\]"):
        figure.plot_fig1(None)
