"""WZ coefficients (Eq. 8), the WZ Lagrangian (Eq. 6) and Goldstone operators (Eqs. 11, 18)."""

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.wz import WZ_SYMBOLS, wz_coefficients, wz_lagrangian

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
    # the W term carries g^2 (every W comes with g), not the printed g'^2
    w_term = L.coeff(s["g"] ** 2)
    assert w_term != 0 and w_term.has(s["W"]) and not w_term.has(s["B"])
    assert not L.coeff(s["g'"] ** 2).has(s["W"])
    tex = sp.latex(L)
    assert r"\varepsilon_{\alpha \mu \nu \beta}" in tex and r"\partial_{\beta}" in tex
    assert "24 \\pi^{2}" in tex
