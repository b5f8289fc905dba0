"""The seed paper's X-boson records (anomalyalgebra.paper.pheno), derived end to end.

Every derived number here is checked against something the derivation does not use:
the printed value (with the stated tolerance or the printed digits), an independent
closed form, or a second route through the library.
"""

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra import pheno
from anomalyalgebra.eft import EFT_SYMBOLS, M_Z, from_traces, zgamma_width
from anomalyalgebra.paper import pheno as pn
from anomalyalgebra.paper import printed

R = sp.Rational


@pytest.fixture(scope="module")
def recs():
    return pn.records()


def test_light_traces_of_the_uv_models_come_from_their_vacua():
    c4 = pn.light_couplings("tau_l_minus_4r")
    assert c4.heavy == ("LL", "LR", "N1", "N2", "EL", "ER")
    assert (c4.trace("SU2L", "SU2L"), c4.trace("Y", "Y")) == (-4, -6)
    c1 = pn.light_couplings("tau_l_only")
    assert {"LL", "LR", "EL", "ER"} <= set(c1.heavy)
    assert (c1.trace("SU2L", "SU2L"), c1.trace("Y", "Y")) == (-1, -1)
    # the heavy fields restore the traces: A_light + A_heavy = 0 in both channels
    assert c4.trace("SU2L", "SU2L") + dict(c4.heavy_traces)[("SU2L", "SU2L")] == 0
    assert pn.fig1_lines() == {"L-only": (-1, -1), "L=-4R": (-4, -6)}


def test_eq18_coupling_is_the_general_projection(recs):
    r = recs["eq18"]
    g, gp, gX = EFT_SYMBOLS["g"], EFT_SYMBOLS["g'"], EFT_SYMBOLS["g_X"]
    c2, s2 = g**2 / (g**2 + gp**2), gp**2 / (g**2 + gp**2)
    hand = gX * g * gp * 2 * (c2 * (-4) - s2 * (-6)) / (16 * sp.pi**2)
    assert sp.simplify(r.derived - hand) == 0
    assert not r.agrees and r.inputs == "derived"
    assert "derived/printed = 1" in r.note        # vector currents reduce to the print


def test_eq19_width_is_one_sixteenth_of_the_print_for_vector_currents(recs):
    r = recs["eq19"]
    assert not r.agrees and "1/16" in r.note
    a = sp.Symbol("a")
    names = {"g_X": EFT_SYMBOLS["g_X"], "g": EFT_SYMBOLS["g"], "gp": EFT_SYMBOLS["g'"],
             "m_X": EFT_SYMBOLS["m_X"], "m_Z": M_Z, "A_XWW": a, "A_XYY": -a, "pi": sp.pi}
    printed19 = printed.expression("eq19", names)
    derived = zgamma_width(from_traces({("SU2L", "SU2L"): a, ("Y", "Y"): -a}), goldstone_mass=0)
    assert sp.simplify(derived / printed19) == R(1, 16)
    # the closed form of the L = -4R model: C^2 m_Z^3 (1 - x)^3/(96 pi m_X^2), C from eq18
    C = recs["eq18"].derived
    mX = EFT_SYMBOLS["m_X"]
    assert sp.simplify(r.derived - C**2 * M_Z**3 * (1 - mX**2 / M_Z**2) ** 3 / (96 * sp.pi * mX**2)) == 0


def test_eq58_end_to_end_and_against_the_trace_route(recs):
    r = recs["eq58"]
    assert r.inputs == "printed point" and not r.agrees
    assert float(r.derived) == pytest.approx(9.969e-8, rel=1e-3)
    # the same number from the bare traces through the library's trace route
    via_traces = pheno.br_Z_to_gamma_X(-4, -6, printed.number("point.g_X_L4R"), printed.number("point.m_X"))
    assert float(r.derived) == pytest.approx(float(via_traces), rel=1e-12)
    # below the L3 bound, as the paper concludes
    assert float(r.derived) < float(pheno.default_parameters().value("BR_Zgamma_limit"))


def test_printed_formulas_reproduce_the_printed_numbers(recs):
    assert recs["eq58_printed_formula"].agrees and recs["eq58_printed_formula"].inputs == "printed"
    # derived / printed-formula = (1/16) (K_general/K_printed)^2 (1 - x)^3
    ratio = float(recs["eq58"].derived / recs["eq58_printed_formula"].derived)
    assert ratio == pytest.approx(0.1776, rel=2e-3)
    assert not recs["gS_fit_printed_eq13"].agrees
    assert float(recs["gS_fit_printed_eq13"].derived) == pytest.approx(0.1677, rel=1e-3)


#: records that reproduce the printed number to its printed digits
AGREE = ["eq36_norm", "eq43", "eq59"]
#: records that do not, each for a reason its note gives (scheme, rounding, erratum)
DISAGREE = ["vX", "eq58", "eq18", "eq19", "gS_fit_printed_eq13", "gS_fit", "fig1_Lonly_best_fit",
            "fig1_L4R_best_fit", "eq37_norm", "eq38_unit"]


@pytest.mark.parametrize("key", AGREE)
def test_records_within_printed_digits(recs, key):
    r = recs[key]
    lo, hi = printed.interval(key)
    assert r.agrees and lo <= r.derived <= hi, (key, r.derived, r.paper, r.note)


@pytest.mark.parametrize("key", DISAGREE)
def test_documented_disagreements(recs, key):
    assert not recs[key].agrees and recs[key].note


def test_disagreements_are_small_where_the_note_says_scheme_or_rounding(recs):
    expected = {"gS_fit": -0.157, "fig1_Lonly_best_fit": -0.158, "fig1_L4R_best_fit": -0.097,
                "eq37_norm": 0.0088, "eq38_unit": 0.0083, "vX": 0.071}
    for key, rd in expected.items():
        assert recs[key].rel_diff == pytest.approx(rd, abs=2e-3), key


def test_gS_fit_scheme_dependence():
    from anomalyalgebra.paper._common import paper_parameters

    P = paper_parameters()        # the measured inputs plus the paper's m_X
    alt = P.replace(alpha_em_mZ_inv=P.value("alpha_em_0_inv"), m_t=P.value("m_t_msbar"))
    base, other = float(pn.gS_fit().derived), float(pn.gS_fit(alt).derived)
    assert other == pytest.approx(0.018, rel=0.03)   # these inputs come close to the printed 0.018
    # g_S is proportional to g^4 alpha-wise: alpha(m_Z)/alpha(0) squared explains most of it
    assert other / base == pytest.approx((137.036 / 127.93) ** 2, rel=0.08)


def test_fits_on_the_model_lines(recs):
    lonly, l4r = recs["fig1_Lonly_best_fit"], recs["fig1_L4R_best_fit"]
    # g_X on L = -4R is alpha_L = 4 times smaller than alpha_L g_X on L-only, up to the Z pull
    assert float(l4r.derived) * 4 == pytest.approx(float(lonly.derived), rel=0.01)
    assert float(recs["gS_fit"].derived) == pytest.approx(float(lonly.derived), rel=0.01)


def test_table2_zgamma_rows():
    from anomalyalgebra.paper.solutions import table2_zgamma

    r = table2_zgamma(rows=[(2, 5), (4, 3), (sp.oo, 2)])
    assert set(r.derived) == {(2, 5), (4, 3), (sp.oo, 2)}
    # with the derived rate every printed row is within 1 sigma: the printed discard of
    # m = 2 is not reproduced
    assert all(v[2] for v in r.derived.values())
    assert r.paper == {(2, 5): False, (4, 3): True, (sp.oo, 2): True}
    assert not r.agrees and "(2, 5)" in r.note
    # the Delta chi^2 falls as the Z -> gamma X combination shrinks towards m -> 2
    assert r.derived[(2, 5)][1] < r.derived[(4, 3)][1] < r.derived[(sp.oo, 2)][1]
