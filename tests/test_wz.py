"""WZ coefficients (Eq. 8), the WZ Lagrangian (Eq. 6) and Goldstone operators (Eqs. 11, 18)."""

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.wz import WZ_SYMBOLS, goldstone_operators, wz_coefficients, wz_lagrangian

HEAVY_4R = ["LL", "LR", "N1", "N2", "EL", "ER", "S1", "S5"]


def test_sm_x_tau_coefficients():
    m = aa.load_model("sm_x_tau")
    aL, aR = m.symbol("alpha_L"), m.symbol("alpha_R")
    c = wz_coefficients(m)
    assert c.C_WW == aL and sp.expand(c.C_BB - (aL - 2 * aR)) == 0
    assert c.heavy == () and c.matches_heavy is None


def test_l_minus_4r_heavy_anomalons():
    m = aa.load_model("tau_l_minus_4r")
    by_heavy = wz_coefficients(m, heavy=HEAVY_4R)
    by_light = wz_coefficients(m, light=[n for n in (f.name for f in m.fields) if n not in HEAVY_4R])
    assert by_heavy == by_light
    # alpha_L = 4, alpha_R = -1 (Table IV): C_WW = alpha_L, C_BB = alpha_L - 2 alpha_R
    assert (by_heavy.C_WW, by_heavy.C_BB) == (4, 6)
    assert (by_heavy.A_WW_heavy, by_heavy.A_YY_heavy) == (4, 6)      # C = +A^heavy
    assert by_heavy.matches_heavy is True


def test_anomalon_nplet_consistency_on_solution():
    from anomalyalgebra.paper.solutions import anomalon_solutions

    m, _, sols = anomalon_solutions()
    heavy = ["LL", "LR", "N1", "N2", "S"]
    for sol in sols:
        c = wz_coefficients(sol.substitute(m), heavy=heavy)
        assert c.matches_heavy is True
    c = wz_coefficients(m, heavy=heavy)            # unsolved charges: C != A^heavy in general
    assert c.matches_heavy is False


def test_errors():
    m = aa.load_model("sm_x_tau")
    with pytest.raises(aa.ModelError):
        wz_coefficients(m, light=["q"], heavy=["u"])
    with pytest.raises(aa.ModelError):
        wz_coefficients(m, heavy=["nonexistent"])


def test_lagrangian_eq6_and_erratum():
    c = wz_coefficients(aa.load_model("sm_x_tau"))
    s = WZ_SYMBOLS
    L = wz_lagrangian(c)
    printed = wz_lagrangian(c, as_printed=True)
    assert L != printed
    # the W term carries g^2 (derived) versus the printed g'^2
    assert L.coeff(s["g"]**2) != 0 and printed.coeff(s["g"]**2) == 0
    tex = sp.latex(L)
    assert r"\varepsilon_{\alpha \mu \nu \beta}" in tex and r"\partial_{\beta}" in tex
    assert "24 \\pi^{2}" in tex


def test_goldstone_operators():
    m = aa.load_model("sm_x_tau")
    aL, aR = m.symbol("alpha_L"), m.symbol("alpha_R")
    ops = goldstone_operators(wz_coefficients(m))
    s = WZ_SYMBOLS
    coeff11 = ops["eq11"].coeff(s["g"]**2)
    assert coeff11.has(aL) and coeff11.coeff(aL) != 0
    # Eq. (18) as printed: A_XWW - A_XYY = -alpha_L - (2 alpha_R - alpha_L) = -2 alpha_R,
    # which vanishes for the L-only current ...
    printed = goldstone_operators(wz_coefficients(m), as_printed=True)
    assert sp.simplify(printed["eq18"].subs(aR, 0)) == 0
    # ... while the (Z, gamma) projection does not: 2(c^2 A_WW - s^2 A_YY) = -2 (c^2 - s^2) alpha_L
    g, gp = s["g"], s["gp"]
    at_L_only = sp.simplify(ops["eq18"].subs(aR, 0) / (ops["eq18"].subs({aR: 0, aL: 1})))
    assert at_L_only == aL
    coeff = sp.simplify(ops["eq18"].subs({aR: 0, aL: 1}) / printed["eq18"].subs({aR: 1, aL: 0}))
    assert sp.simplify(coeff - (g**2 - gp**2) / (g**2 + gp**2)) == 0
    # vector current (A_WW = -A_YY): the two forms agree
    vec = sp.simplify(ops["eq18"].subs(aR, aL) - printed["eq18"].subs(aR, aL))
    assert vec == 0
    assert sp.latex(ops["eq18"]).count(r"\partial") == 2
