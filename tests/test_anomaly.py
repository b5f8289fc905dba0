"""Anomaly traces derived from field content, compared with the seed paper."""

import pytest
import sympy as sp
from hypothesis import given, settings, strategies as st

import anomalyalgebra as aa
from anomalyalgebra.anomaly import anomaly_label, witten_index
from anomalyalgebra.paper import proportionality


# ------------------------------------------------------------------ Eqs. (21)-(22)
def test_eq21_eq22_from_sm_x_tau():
    m = aa.load_model("sm_x_tau")
    aL, aR = m.symbol("alpha_L"), m.symbol("alpha_R")
    assert sp.expand(aa.anomaly_trace(m, "X", "Y", "Y", convention="eq4") - (2 * aR - aL)) == 0
    assert sp.expand(aa.anomaly_trace(m, "X", "SU2L", "SU2L", convention="eq4") + aL) == 0


def test_label_order_does_not_matter():
    m = aa.load_model("anomalon_nplet")
    for a, b, c in [("X", "Y", "Y"), ("Y", "X", "X"), ("X", "SU2L", "SU2L"), ("X", "grav", "grav")]:
        values = {aa.anomaly_trace(m, *p, convention="eq4") for p in [(a, b, c), (b, c, a), (c, a, b), (a, c, b)]}
        assert len(values) == 1


# ------------------------------------------------------------------ Eqs. (23)-(27)
def test_table_I_conditions_match_paper_up_to_factor():
    m = aa.load_model("anomalon_nplet")
    aL, aR, n, YL, XLL, XLR, XN1, XN2 = (m.symbol(s) for s in
                                         ("alpha_L", "alpha_R", "n", "Y_L", "X_LL", "X_LR", "X_N1", "X_N2"))
    printed = {
        ("X", "grav", "grav"): n * (XLL - XLR) - (XN1 + XN2) + 2 * aL - aR,
        ("X", "X", "X"): n * (XLL**3 - XLR**3) - (XN1**3 + XN2**3) + 2 * aL**3 - aR**3,
        ("X", "SU2L", "SU2L"): n * (n**2 - 1) / 12 * (XLL - XLR) + aL / 2,
        ("X", "Y", "Y"): n * YL**2 * (XLL - XLR) + aL / 2 - aR,
        ("Y", "X", "X"): n * YL * (XLL**2 - XLR**2) - aL**2 + aR**2,
    }
    factors = {k: proportionality(aa.anomaly_trace(m, *k, convention="eq4"), v) for k, v in printed.items()}
    # eq4 is R - L with the anticommutator; the paper writes L - R, no factor 2
    assert factors == {("X", "grav", "grav"): -1, ("X", "X", "X"): -2, ("X", "SU2L", "SU2L"): -2,
                       ("X", "Y", "Y"): -2, ("Y", "X", "X"): -2}
    # and these are all the non-vanishing channels of Table I
    assert set(aa.anomaly_table(m, nonzero=True, convention="eq4")) == set(printed)


def test_paper_module_records_eq21_to_eq27():
    from anomalyalgebra import paper

    recs = paper.results([f"eq{i}" for i in range(21, 28)])
    assert all(r.agrees for r in recs.values())
    assert "-2 x the printed" in recs["eq25"].note
    # a wrong derivation would not agree: a perturbed expression is not proportional
    assert proportionality(recs["eq25"].derived + sp.Symbol("alpha_R"), recs["eq25"].paper) is None


# ------------------------------------------------------------------ anomaly-free models
@pytest.mark.parametrize("name", ["sm", "tau_l_only", "tau_l_minus_4r"])
def test_models_anomaly_free_in_every_channel(name):
    m = aa.load_model(name)
    table = aa.anomaly_table(m, convention="eq4")
    assert table and all(v == 0 for v in table.values())
    assert aa.is_anomaly_free(m)
    assert not aa.witten_anomaly(m, "SU2L")


@pytest.mark.parametrize("name, removed, channel, value", [
    ("sm", "e", ("Y", "Y", "Y"), 6),           # 3 generations x 2 x (-1)^3, R sign
    ("sm", "u", ("SU3c", "SU3c", "SU3c"), -3),
    ("sm", "q", ("Y", "SU2L", "SU2L"), sp.Rational(3, 2)),
    ("tau_l_only", "LR", ("X", "grav", "grav"), -2),
    ("tau_l_only", "l3", ("X", "SU2L", "SU2L"), 1),
    ("tau_l_minus_4r", "N2", ("X", "grav", "grav"), -4),
    ("tau_l_minus_4r", "LL", ("X", "SU2L", "SU2L"), -12),
    ("tau_l_minus_4r", "e3", ("X", "Y", "Y"), 2),
])
def test_removing_a_field_opens_a_named_channel(name, removed, channel, value):
    m = aa.load_model(name).without(removed)
    assert aa.anomaly_trace(m, *channel, convention="eq4") == value
    assert not aa.is_anomaly_free(m)


def test_sm_yyy_fails_when_e_removed_with_exact_value():
    # e_R: 3 copies, Y=-1, right-handed: removing it removes +3*2*(-1) = -6
    assert aa.anomaly_trace(aa.load_model("sm").without("e"), "Y", "Y", "Y", convention="eq4") == 6


def test_witten_anomaly_counts_every_irrep():
    sm = aa.load_model("sm")
    assert witten_index(sm, "SU2L") == 12
    # one extra doublet: anomalous; one extra quadruplet (j = 3/2, 2T = 10): not
    assert aa.witten_anomaly(sm.with_fields(aa.fermion("x", "L", {"SU3c": "1", "SU2L": "2", "Y": "0"})), "SU2L")
    assert not aa.witten_anomaly(sm.with_fields(aa.fermion("x", "L", {"SU3c": "1", "SU2L": "4", "Y": "0"})), "SU2L")
    # j = 5/2 (sextet, 2T = 35) is anomalous
    assert aa.witten_anomaly(sm.with_fields(aa.fermion("x", "R", {"SU3c": "1", "SU2L": "6", "Y": "0"})), "SU2L")
    # a doublet that is a colour triplet counts three times
    assert aa.witten_anomaly(sm.with_fields(aa.fermion("x", "L", {"SU3c": "3", "SU2L": "2", "Y": "0"})), "SU2L")
    with pytest.raises(aa.ModelError, match="Witten"):
        aa.witten_anomaly(sm, "SU3c")
    with pytest.raises(aa.ModelError, match="substitute"):
        aa.witten_anomaly(aa.load_model("anomalon_nplet"), "SU2L")
    assert aa.witten_anomaly(aa.load_model("anomalon_nplet").subs(n=3), "SU2L") is False
    assert aa.witten_anomaly(aa.load_model("anomalon_nplet").subs(n=2), "SU2L") is False  # LL + LR: two doublets


def test_sp4_witten():
    m = aa.Model.build("sp", {"G": "Sp(4)"}, [aa.fermion("a", "L", {"G": "4"})])
    assert aa.witten_anomaly(m, "G")
    m2 = m.with_fields(aa.fermion("b", "L", {"G": "5"}))
    assert aa.witten_anomaly(m2, "G")   # the 5 of Sp(4) is real: 2T(5) = 2 is even
    assert not aa.witten_anomaly(m.with_fields(aa.fermion("b", "R", {"G": "4"})), "G")


def test_su5_gut_generation_is_anomaly_free():
    m = aa.Model.build("su5", {"G": "SU(5)"}, [aa.fermion("F", "L", {"G": "5bar"}),
                                              aa.fermion("T", "L", {"G": "10"})])
    assert aa.anomaly_trace(m, "G", "G", "G", convention="eq4") == 0
    assert aa.anomaly_trace(m.without("F"), "G", "G", "G", convention="eq4") == -1    # A(10) = N - 4 = 1, left-handed
    so10 = aa.Model.build("so10", {"G": "SO(10)"}, [aa.fermion("F", "L", {"G": "16"})])
    assert aa.anomaly_table(so10, convention="eq4") == {}                          # SO(10) has no cubic Casimir


def test_grav_and_zn_errors():
    m = aa.load_model("tau_l_only")
    with pytest.raises(aa.ModelError, match="discrete"):
        aa.anomaly_trace(m, "Z2A", "X", "X", convention="eq4")
    with pytest.raises(aa.ModelError, match="gravity"):
        aa.anomaly_trace(m, "grav", "X", "X", convention="eq4")
    with pytest.raises(aa.ModelError, match="no group labelled 'W'"):
        aa.anomaly_trace(m, "W", "X", "X", convention="eq4")
    assert aa.anomaly_trace(m, "SU2L", "grav", "grav", convention="eq4") == 0
    assert aa.anomaly_trace(m, "SU3c", "SU2L", "X", convention="eq4") == 0


def test_conventions_relation():
    m = aa.load_model("anomalon_nplet")
    eq4 = aa.anomaly_table(m, convention="eq4")
    left = aa.anomaly_table(m, convention="left")
    for k in eq4:
        f = sp.Rational(-1, 2) if "grav" not in k and k[0] in ("X", "Y") and k != ("SU3c",) * 3 else -1
        assert sp.expand(left[k] - f * eq4[k]) == 0
    # left convention of the SM-only tau EFT: sum over LH of Y^2 X
    aL, aR = m.symbol("alpha_L"), m.symbol("alpha_R")
    sm = aa.load_model("sm_x_tau")
    assert sp.expand(aa.anomaly_trace(sm, "X", "Y", "Y", convention="left") - (aL / 2 - aR)) == 0
    with pytest.raises(aa.ModelError, match="convention"):
        aa.anomaly_trace(sm, "X", "Y", "Y", convention="right")


def test_mixed_three_distinct_u1():
    m = aa.Model.build("t", {"A": "U(1)", "B": "U(1)", "C": "U(1)"},
                       [aa.fermion("f", "R", {"A": "1", "B": "2", "C": "3"}, copies=2)])
    assert aa.anomaly_trace(m, "C", "A", "B", convention="eq4") == 2 * 2 * 6
    assert anomaly_label(m, ("A", "B", "B")) == "B^2 x A"


# ------------------------------------------------------------------ properties
charges = st.fractions(min_value=-5, max_value=5, max_denominator=6).map(
    lambda f: sp.Rational(f.numerator, f.denominator))
su2 = st.sampled_from(["1", "2", "3", "4"])
CONJ = {"3": "3bar", "3bar": "3", "6": "6bar", "6bar": "6"}
su3 = st.sampled_from(["1", "3", "3bar", "6", "6bar", "8"])
field_spec = st.tuples(st.sampled_from("LR"), su3, su2, charges, charges, st.integers(1, 3))


def _model(specs):
    fields = [aa.fermion(f"f{i}", c, {"C": s3, "W": s2, "Y": y, "X": x}, copies=k)
              for i, (c, s3, s2, y, x, k) in enumerate(specs)]
    return aa.Model.build("random", {"C": "SU(3)", "W": "SU(2)", "Y": "U(1)", "X": "U(1)"}, fields)


@settings(max_examples=40, deadline=None)
@given(st.lists(field_spec, min_size=1, max_size=6), field_spec)
def test_vector_like_pair_adds_nothing(specs, pair):
    m = _model(specs)
    c, s3, s2, y, x, k = pair
    vl = m.with_fields(aa.fermion("vL", "L", {"C": s3, "W": s2, "Y": y, "X": x}, copies=k),
                       aa.fermion("vR", "R", {"C": s3, "W": s2, "Y": y, "X": x}, copies=k))
    assert aa.anomaly_table(vl, convention="eq4") == aa.anomaly_table(m, convention="eq4")
    # the same pair with one chirality flipped is a charge-conjugate pair: also nothing
    conj = m.with_fields(aa.fermion("a", "L", {"C": s3, "W": s2, "Y": y, "X": x}),
                         aa.fermion("b", "L", {"C": CONJ.get(s3, s3), "W": s2,
                                               "Y": -y, "X": -x}))
    assert aa.anomaly_table(conj, convention="eq4") == aa.anomaly_table(m, convention="eq4")


@settings(max_examples=40, deadline=None)
@given(st.lists(field_spec, min_size=1, max_size=6))
def test_conjugating_every_field_flips_every_trace(specs):
    m = _model(specs)
    flipped = _model([(c, CONJ.get(s3, s3), s2, -y, -x, k)
                      for c, s3, s2, y, x, k in specs])
    a, b = aa.anomaly_table(m, convention="eq4"), aa.anomaly_table(flipped, convention="eq4")
    assert set(a) == set(b)
    for key in a:
        assert b[key] == -a[key], key


@settings(max_examples=40, deadline=None)
@given(st.lists(field_spec, min_size=1, max_size=6), st.integers(-4, 4).filter(bool))
def test_scaling_a_u1_scales_traces(specs, k):
    m = _model(specs)
    scaled = _model([(c, s3, s2, y, k * x, n) for c, s3, s2, y, x, n in specs])
    a, b = aa.anomaly_table(m, convention="eq4"), aa.anomaly_table(scaled, convention="eq4")
    for key in a:
        assert b[key] == k ** key.count("X") * a[key], key


def test_symbolic_n_trace():
    m = aa.load_model("anomalon_nplet")
    n, XLL, XLR, aL = (m.symbol(s) for s in ("n", "X_LL", "X_LR", "alpha_L"))
    expected = -2 * n * (n**2 - 1) / 12 * (XLL - XLR) - aL
    assert sp.expand(aa.anomaly_trace(m, "X", "SU2L", "SU2L", convention="eq4") - expected) == 0
    # substituting n = 3 agrees with the symbolic result at n = 3
    assert sp.expand(aa.anomaly_trace(m.subs(n=3), "X", "SU2L", "SU2L", convention="eq4") - expected.subs(n, 3)) == 0


def test_default_convention_is_left_handed_weyl_sum():
    """The default is the textbook convention: sum over LH Weyl fermions, T(fund) = 1/2."""
    from anomalyalgebra.anomaly import DEFAULT_CONVENTION

    assert DEFAULT_CONVENTION == "left"
    # one left-handed SU(2) doublet of hypercharge 1/6 in a colour triplet (the quark doublet q)
    m = aa.Model.build("q", {"SU3c": "SU(3)", "SU2L": "SU(2)", "Y": "U(1)"},
                       [aa.fermion("q", "L", {"SU3c": "3", "SU2L": "2", "Y": "1/6"})])
    assert aa.anomaly_trace(m, "Y", "SU2L", "SU2L") == sp.Rational(3, 2) * sp.Rational(1, 6)   # 3 T(2) Y
    assert aa.anomaly_trace(m, "Y", "SU3c", "SU3c") == 2 * sp.Rational(1, 2) * sp.Rational(1, 6)
    assert aa.anomaly_trace(m, "Y", "Y", "Y") == 6 * sp.Rational(1, 6) ** 3
    assert aa.anomaly_trace(m, "SU3c", "SU3c", "SU3c") == 2                                  # A(3) = 1
    # a right-handed field counts as its conjugate: the e_R of the SM gives -(-1)^3 = +1
    e = aa.Model.build("e", {"Y": "U(1)"}, [aa.fermion("e", "R", {"Y": "-1"})])
    assert aa.anomaly_trace(e, "Y", "Y", "Y") == 1 and aa.anomaly_trace(e, "Y", "grav", "grav") == 1
    # the relation to eq4 (right minus left, anticommutator): -2x for U(1) channels, -1x otherwise
    t1 = aa.load_model("anomalon_nplet")
    for key, value in aa.anomaly_table(t1).items():
        factor = -1 if (key.count("grav") == 2 or len(set(key)) == 1 and key[0].startswith("SU")) else -2
        assert sp.expand(aa.anomaly_trace(t1, *key, convention="eq4") - factor * value) == 0, key
    assert all(sp.expand(v) == 0 for v in aa.anomaly_table(aa.load_model("sm")).values())
