"""anomalyalgebra.eft: anomaly-induced couplings and the two-body evaluator.

Every width is compared with a textbook, published or measured result that the
evaluator does not use (references in docs/eft.rst).
"""

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.breaking import gauge_mass_matrix, vacuum
from anomalyalgebra.eft import (DerivativeCurrent, Particle, PseudoscalarVV, VectorCurrent, Yukawa,
                                anomaly_couplings, from_traces, light_heavy_split, squared_amplitude,
                                two_body_width)
from anomalyalgebra.eft.lorentz import (GAMMA, GAMMA5, METRIC, P_L, dirac_bar, dirac_u, dirac_v,
                                        four_vector, levi_civita, slash)
from anomalyalgebra.exceptions import ModelError
from anomalyalgebra.model import Model, fermion, scalar

R = sp.Rational
g, gp, gX, gs = sp.symbols("g g' g_X g_s", positive=True)
mX = sp.Symbol("m_X", positive=True)


# ----------------------------------------------------------------------------- Lorentz algebra
def test_clifford_algebra_and_gamma5():
    for m in range(4):
        for n in range(4):
            anti = GAMMA[m] * GAMMA[n] + GAMMA[n] * GAMMA[m]
            assert anti == 2 * METRIC[m, n] * sp.eye(4)
        assert GAMMA[m] * GAMMA5 + GAMMA5 * GAMMA[m] == sp.zeros(4, 4)
    assert GAMMA5 * GAMMA5 == sp.eye(4)
    assert P_L * P_L == P_L


def test_spinors_solve_dirac_equation_and_complete():
    E, p, m = 5, 3, 4                                  # exact on-shell point, E^2 = p^2 + m^2
    th = sp.pi / 3
    k = four_vector(E, p * sp.sin(th), 0, p * sp.cos(th))
    on_shell = {}
    wm, wp = sp.sqrt(E - p), sp.sqrt(E + p)
    total = sp.zeros(4, 4)
    for h in (1, -1):
        u = dirac_u(h, wm, wp, th, 0)
        v = dirac_v(h, wm, wp, th, 0)
        assert sp.simplify(((slash(k) - m * sp.eye(4)) * u).subs(on_shell)) == sp.zeros(4, 1)
        assert sp.simplify(((slash(k) + m * sp.eye(4)) * v).subs(on_shell)) == sp.zeros(4, 1)
        total += u * dirac_bar(u)
    # completeness sum_h u ubar = kslash + m: a check of the spinors, not used by the evaluator
    assert sp.simplify((total - slash(k) - m * sp.eye(4)).subs(on_shell)) == sp.zeros(4, 4)


def test_levi_civita_sign_and_antisymmetry():
    a, b, c, d = (four_vector(*sp.symbols(f"{x}0:4")) for x in "abcd")
    e = levi_civita(a, b, c, d)
    assert sp.expand(e + levi_civita(b, a, c, d)) == 0
    assert sp.expand(e - levi_civita(c, d, a, b)) == 0
    unit = [four_vector(*[int(i == k) for i in range(4)]) for k in range(4)]
    assert levi_civita(*unit) == -1            # eps^{0123} = +1, eps_{0123} = -1


# ----------------------------------------------------------------------------- widths
def test_axion_to_two_photons():
    # L = (g/4) a F Ftilde = (g/2) a eps dA dA  ->  Gamma = g^2 m^3/(64 pi)
    ga, m = sp.symbols("g_agg m_a", positive=True)
    gam = Particle("gamma", 0, 1)
    G = two_body_width(PseudoscalarVV(ga / 2, identical=True), Particle("a", m, 0), gam, gam)
    assert sp.simplify(G - ga**2 * m**3 / (64 * sp.pi)) == 0


def test_z_to_photon_alp_bauer_neubert_thamm():
    # arXiv:1708.00443: L = (2 e^2/(s_w c_w)) C_gZ (a/Lambda) F Ztilde; F Ztilde = 2 eps dA dZ
    e, sw, cw, C, Lam, mZ, ma = sp.symbols("e s_w c_w C_gZ Lambda m_Z m_a", positive=True)
    c = 2 * e**2 / (sw * cw) * C / Lam * 2
    G = two_body_width(PseudoscalarVV(c), Particle("Z", mZ, 1), Particle("gamma", 0, 1), Particle("a", ma, 0))
    alpha = e**2 / (4 * sp.pi)
    bnt = 8 * sp.pi * alpha * alpha * mZ**3 * C**2 * (1 - ma**2 / mZ**2) ** 3 / (3 * sw**2 * cw**2 * Lam**2)
    assert sp.simplify(G - bnt) == 0


def test_z_to_fermion_pair_with_mass():
    # Gamma = N_c G_F m_Z^3/(6 sqrt2 pi) beta [g_V^2 (1 + 2mu) + g_A^2 (1 - 4mu)], mu = m_f^2/m_Z^2
    mZ, mf, cw = sp.symbols("m_Z m_f c_W", positive=True)
    gV, gA = sp.symbols("g_V g_A", real=True)
    vert = VectorCurrent.vector_axial(g / (2 * cw) * gV, g / (2 * cw) * gA)
    f = Particle("f", mf, R(1, 2))
    G = two_body_width(vert, Particle("Z", mZ, 1), f, f, identical=False, multiplicity=3)
    GF = sp.sqrt(2) * g**2 / (8 * cw**2 * mZ**2)          # G_F/sqrt2 = g^2/(8 m_W^2), m_W = c_W m_Z
    mu = mf**2 / mZ**2
    ref = 3 * GF * mZ**3 / (6 * sp.sqrt(2) * sp.pi) * sp.sqrt(1 - 4 * mu) * (gV**2 * (1 + 2 * mu) + gA**2 * (1 - 4 * mu))
    assert sp.simplify(G - ref) == 0


def test_w_to_lepton_neutrino():
    mW = sp.Symbol("m_W", positive=True)
    G = two_body_width(VectorCurrent(g / sp.sqrt(2), 0), Particle("W", mW, 1), Particle("l", 0, R(1, 2)),
                       Particle("nu", 0, R(1, 2)))
    GF = sp.sqrt(2) * g**2 / (8 * mW**2)
    assert sp.simplify(G - GF * mW**3 / (6 * sp.sqrt(2) * sp.pi)) == 0


def _t_to_bW(mt, mW):
    return two_body_width(VectorCurrent(g / sp.sqrt(2), 0), Particle("t", mt, R(1, 2)),
                          Particle("b", 0, R(1, 2)), Particle("W", mW, 1))


def test_top_to_bottom_w():
    mt, mW = sp.symbols("m_t m_W", positive=True)
    x = mW**2 / mt**2
    GF = sp.sqrt(2) * g**2 / (8 * mW**2)
    ref = GF * mt**3 / (8 * sp.sqrt(2) * sp.pi) * (1 - x) ** 2 * (1 + 2 * x)
    assert sp.simplify(_t_to_bW(mt, mW) - ref) == 0


def test_higgs_to_fermions():
    mH, mf, v = sp.symbols("m_H m_f v", positive=True)
    f = Particle("f", mf, R(1, 2))
    G = two_body_width(Yukawa(-mf / v), Particle("H", mH, 0), f, f, identical=False, multiplicity=3)
    GF = 1 / (sp.sqrt(2) * v**2)
    beta = sp.sqrt(1 - 4 * mf**2 / mH**2)
    assert sp.simplify(G - 3 * GF * mf**2 * mH * beta**3 / (4 * sp.sqrt(2) * sp.pi)) == 0


def test_pseudoscalar_yukawa_has_beta_not_beta_cubed():
    mA, mf = sp.symbols("m_A m_f", positive=True)
    f = Particle("f", mf, R(1, 2))
    G = two_body_width(Yukawa(0, 1), Particle("A", mA, 0), f, f, identical=False)
    assert sp.simplify(G - mA * sp.sqrt(1 - 4 * mf**2 / mA**2) / (8 * sp.pi)) == 0


def test_goldstone_equivalence_top_decay():
    # t -> b W longitudinal at m_W -> 0 (fixed m_t) equals t -> b G+ with the Yukawa sqrt2 m_t/v
    mt, v, mW = sp.symbols("m_t v m_W", positive=True)
    G_W = _t_to_bW(mt, mW).subs(g, 2 * mW / v)             # m_W = g v/2 fixed ratio
    G_G = two_body_width(Yukawa.chiral(0, sp.sqrt(2) * mt / v), Particle("t", mt, R(1, 2)),
                         Particle("b", 0, R(1, 2)), Particle("G", 0, 0))
    assert sp.simplify(sp.limit(G_W, mW, 0) - G_G) == 0


def test_goldstone_equivalence_chiral_current():
    # F -> f X through g_X X fbar gamma (qL PL + qR PR) F, m_X -> 0 at fixed r = g_X/m_X,
    # against F -> f xi through (g_X/m_X) d xi fbar gamma (qL PL + qR PR) F
    mf, d, r = sp.symbols("m_f delta r", positive=True)
    mF = mf + d                                            # above threshold
    qL, qR = sp.symbols("q_L q_R", real=True)
    F, f = Particle("F", mF, R(1, 2)), Particle("f", mf, R(1, 2))
    G_X = two_body_width(VectorCurrent(gX * qL, gX * qR), F, f, Particle("X", mX, 1)).subs(gX, r * mX)
    G_xi = two_body_width(DerivativeCurrent(r * qL, r * qR), F, f, Particle("xi", 0, 0))
    assert sp.simplify(sp.limit(G_X, mX, 0) - G_xi) == 0
    assert sp.simplify(G_xi) != 0


def test_squared_amplitude_rejects_bad_processes():
    with pytest.raises(ModelError):
        squared_amplitude(Yukawa(1), Particle("H", 1, 0), Particle("g", 0, 1), Particle("g", 0, 1))
    with pytest.raises(ModelError):
        Particle("x", 1, 2)
    with pytest.raises(ModelError):
        two_body_width(Yukawa(1), Particle("H", 0, 0), Particle("f", 0, R(1, 2)), Particle("f", 0, R(1, 2)))


# ----------------------------------------------------------------------------- couplings
def _dirac_axial(Q):
    return Model.build("axial", {"Q": "U(1)", "X": "U(1)"},
                       [fermion("psiL", "L", {"Q": Q, "X": "-1"}), fermion("psiR", "R", {"Q": Q, "X": "1"})])


def test_abj_anomaly_normalisation():
    # d j5 = e^2 Q^2/(16 pi^2) eps F F (Peskin-Schroeder 19.59 with eps^{0123} = +1);
    # eps F F = 4 eps dA dA, and L = (g_X/m_X) xi d j  ->  C_QQ = g_X e^2 Q^2/(4 pi^2)
    e = sp.Symbol("e", positive=True)
    for Q in ("1", "2/3", "-1/3"):
        ac = anomaly_couplings(_dirac_axial(Q), "X", couplings={"Q": e})
        q = sp.Rational(Q)
        assert ac.coefficient("Q", "Q") == gX * 4 * (e**2 * q**2 / (16 * sp.pi**2))


def test_pi0_to_two_photons_against_measurement():
    # axial isospin as the "current": u (X_R = +1/2, X_L = -1/2), d opposite, N_c = 3;
    # Goldstone pi0 with g_X/m_X -> 1/f, f = f_pi/sqrt2 (f_pi = 130.2 MeV convention of the
    # parameter set).  PDG 2024: Gamma(pi0 -> gamma gamma) = 7.80 eV (tau = 8.43e-17 s, B = 98.82 %).
    from anomalyalgebra.pheno import default_parameters

    m = Model.build("quarks", {"SU3c": "SU(3)", "Q": "U(1)", "X": "U(1)"}, [
        fermion("uL", "L", {"SU3c": "3", "Q": "2/3", "X": "-1/2"}),
        fermion("uR", "R", {"SU3c": "3", "Q": "2/3", "X": "1/2"}),
        fermion("dL", "L", {"SU3c": "3", "Q": "-1/3", "X": "1/2"}),
        fermion("dR", "R", {"SU3c": "3", "Q": "-1/3", "X": "-1/2"})])
    e = sp.Symbol("e", positive=True)
    ac = anomaly_couplings(m, "X", couplings={"Q": e})
    P = default_parameters()
    f = P.value("f_pi") / sp.sqrt(2)
    c = (ac.coefficient("Q", "Q") / gX) / f                # (g_X/m_X) -> 1/f
    m_pi0 = R(1349768, 10**7)                               # PDG 2024, GeV
    G = two_body_width(PseudoscalarVV(c, identical=True), Particle("pi0", m_pi0, 0),
                       Particle("gamma", 0, 1), Particle("gamma", 0, 1))
    G = G.subs(e, sp.sqrt(4 * sp.pi / P.value("alpha_em_0_inv")))
    assert float(G) * 1e9 == pytest.approx(7.80, rel=0.03)
    assert ac.coefficient("SU3c", "SU3c") == 0              # no X G G for a flavour-axial current


def test_vector_current_zgamma_reduces_to_difference_of_traces():
    v = sp.Symbol("v", positive=True)
    aL = sp.Symbol("alpha_L", real=True)
    m = aa.load_model("sm_x_tau")
    vac = vacuum(m, {"H": v / sp.sqrt(2)})
    vec = anomaly_couplings(m.subs(alpha_R=aL))             # alpha_R = alpha_L: vector current
    assert sp.simplify(vec.trace("SU2L", "SU2L") + vec.trace("Y", "Y")) == 0
    b = vec.broken(vac)
    A_WW, A_YY = vec.trace("SU2L", "SU2L"), vec.trace("Y", "Y")
    pref = gX / (16 * sp.pi**2)
    assert sp.simplify(b.coefficient("Z", "A") - pref * g * gp * (A_WW - A_YY)) == 0
    e2 = g**2 * gp**2 / (g**2 + gp**2)
    assert sp.simplify(b.coefficient("A", "A")) == 0         # A_WW + A_YY = 0
    chiral = anomaly_couplings(m)                            # L-only and general alpha_R
    bc = chiral.broken(vac)
    A_WW, A_YY = chiral.trace("SU2L", "SU2L"), chiral.trace("Y", "Y")
    assert sp.simplify(bc.coefficient("Z", "A") - pref * g * gp * (A_WW - A_YY)) != 0
    assert sp.simplify(bc.coefficient("A", "A") - pref * e2 * (A_WW + A_YY)) == 0
    assert sp.simplify(bc.coefficient("W+", "W-") - 2 * pref * g**2 * A_WW) == 0
    # c_W^2 = g^2/(g^2 + g'^2) comes out of the eigenvectors
    R_ = sp.Matrix(bc.rotation)
    z = dict((nm, k) for k, (nm, _) in enumerate(bc.states))["Z"]
    assert sp.simplify(R_[z, 0] ** 2 - g**2 / (g**2 + gp**2)) == 0


def test_zz_coupling_from_rotation_matches_direct_projection():
    # second route: substitute W3 = c Z + s A, B = -s Z + c A into the unbroken form by hand
    v = sp.Symbol("v", positive=True)
    m = aa.load_model("sm_x_tau")
    ac = anomaly_couplings(m)
    b = ac.broken(vacuum(m, {"H": v / sp.sqrt(2)}))
    c, s = g / sp.sqrt(g**2 + gp**2), gp / sp.sqrt(g**2 + gp**2)
    Z, A = sp.symbols("Z A")
    form = ac.coefficient("SU2L", "SU2L") * (c * Z + s * A) ** 2 + ac.coefficient("Y", "Y") * (-s * Z + c * A) ** 2
    poly = sp.Poly(sp.expand(form), Z, A)
    assert sp.simplify(poly.coeff_monomial(Z**2) - b.coefficient("Z", "Z")) == 0
    assert sp.simplify(poly.coeff_monomial(Z * A) - b.coefficient("Z", "A")) == 0


def test_light_heavy_split_from_vacuum_matches_wz():
    v, V1, V5 = sp.symbols("v V_1 V_5", positive=True)
    m = aa.load_model("tau_l_minus_4r")
    vac = vacuum(m, {"H": v / sp.sqrt(2), "S1": V1 / sp.sqrt(2), "S5": V5 / sp.sqrt(2)})
    split = light_heavy_split(vac)
    assert set(split.heavy) == {"LL", "LR", "N1", "N2", "EL", "ER"}     # the anomalons of Table IV
    assert set(light_heavy_split(vac, max_dim=4).heavy) == {"LL", "LR", "EL", "ER"}
    ac = anomaly_couplings(m, vacuum=vac)
    # the full model is anomaly free, so in every channel the heavy traces cancel the light ones
    assert aa.is_anomaly_free(m)
    for (pair, a), (pair2, h) in zip(ac.traces, ac.heavy_traces):
        assert pair == pair2 and a + h == 0, pair
    assert ac.trace("SU2L", "SU2L") == -4 and ac.trace("Y", "Y") == -6
    # the heavy fields carry the opposite traces (full model anomaly free in these channels)
    assert dict(ac.heavy_traces)[("SU2L", "SU2L")] == 4
    assert ac.wz.C_WW == 4 and ac.wz.matches_heavy
    b = ac.broken()
    assert {nm for nm, _ in b.states} == {"A", "Z", "X"}
    assert sp.simplify(dict(b.states)["X"] - gauge_mass_matrix(vac).mass_squared("X")) == 0


def test_x_z_mass_mixing_is_included():
    # H carries X charge: the Z and X mix; the photon stays massless and the (A, A) coupling
    # is unchanged (Q unbroken), while the Z-photon coupling picks up the mixing angle
    m = aa.load_model("sm_x_tau").subs(alpha_L=1, alpha_R=0)
    m = m.replace_field("H", reps=tuple((k, ("1" if k == "X" else r)) for k, r in m.field("H").reps))
    m = Model.build(m.name, m.groups, m.fields + (scalar("S", {"SU3c": "1", "SU2L": "1", "Y": "0", "X": "1"}),))
    # exact rational inputs keep the 3x3 eigenproblem fast (symbolic mixing angles are slow)
    cpl = {"SU2L": R(13, 20), "Y": R(7, 20), "X": R(1, 10)}
    vac = vacuum(m, {"H": R(246) / sp.sqrt(2), "S": R(500) / sp.sqrt(2)})
    ac = anomaly_couplings(m, couplings=cpl)
    b = ac.broken(gauge_mass_matrix(vac, cpl))
    names = [nm for nm, _ in b.states]
    assert set(names) == {"A", "Z", "X"}
    R_ = sp.Matrix(b.rotation)
    assert max(abs(float(x)) for x in (R_ * R_.T - sp.eye(3)).evalf(30)) < 1e-20
    assert R_[names.index("A"), 2] == 0                        # the photon has no X component
    assert abs(float(R_[names.index("Z"), 2])) > 1e-3          # the Z has one
    M2 = sp.Matrix(gauge_mass_matrix(vac, cpl).neutral)
    for k, (nm, m2) in enumerate(b.states):                   # rows are eigenvectors
        res = (M2 * R_[k, :].T - m2 * R_[k, :].T).evalf(30)
        assert max(abs(float(x)) for x in res) < 1e-15, nm
    # the photon-photon coupling is e^2 (A_WW + A_YY) g_X/(16 pi^2) with or without mixing,
    # the Z-photon one is not the unmixed value
    e2 = cpl["SU2L"] ** 2 * cpl["Y"] ** 2 / (cpl["SU2L"] ** 2 + cpl["Y"] ** 2)
    ref = cpl["X"] * e2 * (ac.trace("SU2L", "SU2L") + ac.trace("Y", "Y")) / (16 * sp.pi**2)
    assert sp.simplify(b.coefficient("A", "A") - ref) == 0
    G = gauge_mass_matrix(vac, cpl)
    ix = G.basis.index("X")
    M0 = sp.Matrix(G.matrix)
    for k in range(len(G.basis)):
        if k != ix:
            M0[k, ix] = M0[ix, k] = 0                          # switch the X-Z mixing off
    b0 = ac.broken(type(G)(G.basis, sp.ImmutableMatrix(M0), G.couplings))
    assert abs(float(b0.coefficient("Z", "A") - b.coefficient("Z", "A"))) > 1e-6


def test_from_traces_and_errors():
    ac = from_traces({("SU2L", "SU2L"): -4, ("Y", "Y"): -6})
    assert ac.coefficient("SU2L", "SU2L") == -4 * gX * g**2 / (16 * sp.pi**2)
    with pytest.raises(ModelError):
        from_traces({("SU2L", "Y"): 1})
    m = aa.load_model("sm_x_tau")
    with pytest.raises(ModelError):
        anomaly_couplings(m, "SU2L")
    with pytest.raises(ModelError):
        anomaly_couplings(m, light=["q"], heavy=["u"])
    with pytest.raises(ModelError):
        anomaly_couplings(m).broken()
    f = ac.lambdify(("Y", "Y"), ["g'", "g_X"], modules="mpmath")
    assert float(f(1, 1)) == pytest.approx(-6 / (16 * 3.141592653589793**2))
    assert "C_{" in ac._repr_latex_()


def test_lagrangian_and_latex():
    ac = anomaly_couplings(aa.load_model("sm_x_tau"))
    L = ac.lagrangian()
    assert isinstance(L, sp.Expr) and L.has(sp.LeviCivita)
    assert sp.Symbol("xi") in L.free_symbols
    tex = sp.latex(L)
    assert r"\partial" in tex and "g_{X}" in tex
    v = sp.Symbol("v", positive=True)
    b = ac.broken(vacuum(aa.load_model("sm_x_tau"), {"H": v / sp.sqrt(2)}))
    assert b._repr_latex_().startswith("$C_{") and "Z" in b._repr_latex_()
    Lb = b.lagrangian()
    assert sp.latex(Lb).count(r"\partial") >= 2 and Lb.has(sp.LeviCivita)
    vac = vacuum(aa.load_model("tau_l_minus_4r"), {"H": v / sp.sqrt(2), "S1": 1, "S5": 1})
    assert "LL" in light_heavy_split(vac)._repr_latex_()



def test_gluon_pair_from_coloured_chiral_charges():
    # X on u_R only (3 generations): A_XGG = 3 * X_u * Tr{T^A, T^B}/delta = 3 * 1 * 1
    m = aa.load_model("sm_x_tau").subs(alpha_L=0, alpha_R=0)
    m = Model.build("u-philic", m.groups, [
        f if f.name != "u" else f.__class__(f.name, f.spin, f.chirality,
                                            tuple((k, ("1" if k == "X" else r)) for k, r in f.reps),
                                            f.copies, f.latex)
        for f in m.fields])
    ac = anomaly_couplings(m)
    assert ac.trace("SU3c", "SU3c") == 3
    assert ac.coefficient("SU3c", "SU3c") == gX * gs**2 * 3 / (16 * sp.pi**2)
    b = ac.broken(vacuum(m, {"H": sp.Symbol("v", positive=True) / sp.sqrt(2)}))
    assert b.coefficient("G", "G") == ac.coefficient("SU3c", "SU3c")


@pytest.mark.parametrize("y,x", [("1/2", "3"), ("-1", "-2/5"), ("0", "7")])
def test_vector_like_pair_adds_no_coupling(y, x):
    # a vector-like pair (same representations, both chiralities) contributes nothing
    m = aa.load_model("sm_x_tau")
    extra = [fermion(n, c, {"SU3c": "3", "SU2L": "2", "Y": y, "X": x}) for n, c in (("VL", "L"), ("VR", "R"))]
    m2 = Model.build("with VL pair", m.groups, m.fields + tuple(extra), symbols=m.symbols)
    assert anomaly_couplings(m2).coefficients == anomaly_couplings(m).coefficients
