"""Hilbert-series operator counting and the dimension at which accidental symmetries break.

Published results used here (numbers of independent real operators, an operator and its
conjugate counted separately):

* Henning, Lu, Melia, Murayama, arXiv:1512.03433 (title and Table of SM EFT counts):
  one generation 2, 84, 30, 993 and three generations 12, 3045, 1542, 44807 at
  d = 5, 6, 7, 8.  The d = 8, three-generation 44807 is also the total of the explicit
  basis of C. W. Murphy, arXiv:2005.00059.
* d = 6 split by baryon number: Grzadkowski, Iskrzyński, Misiak, Rosiek, arXiv:1008.4884
  (one generation: 59 B-conserving operators = 76 real parameters, 4 B-violating
  operators + h.c. = 8); Alonso, Jenkins, Manohar, Trott, arXiv:1312.2014 (2499 real
  B-conserving parameters for three generations); Alonso, Chang, Jenkins, Manohar,
  Shotwell, arXiv:1405.0486 (273 complex B-violating couplings = 546 real).
* Independent algorithms inside the toolkit: the four-fermion counter of
  :mod:`anomalyalgebra.operators.operator` (Lorentz x gauge x flavour with Fermi
  statistics) and the torus constant-term evaluation of the same Haar integral.
"""

import json

import pytest
from hypothesis import example, given, settings, strategies as st

import anomalyalgebra as aa
from anomalyalgebra.cli import main
from anomalyalgebra.exceptions import ModelError
from anomalyalgebra.operators import allowed_operators, hilbert_series, operator_counts, symmetry_breaking
from anomalyalgebra.operators import characters as ch, hilbert as hb, particles as pt, products as pr


def sm_with(n):
    m = aa.load_model("sm")
    for f in ("q", "u", "d", "l", "e"):
        m = m.replace_field(f, copies=n)
    return m


HLMM_NF1 = {5: 2, 6: 84, 7: 30, 8: 993}
HLMM_NF3 = {5: 12, 6: 3045, 7: 1542, 8: 44807}
BARYON = {"q": 1, "u": 1, "d": 1}


@pytest.mark.parametrize("n, published", [(1, HLMM_NF1), (3, HLMM_NF3)])
def test_sm_counts_published(n, published):
    assert operator_counts(sm_with(n), 8) == published


@pytest.mark.parametrize("n, conserving, violating", [(1, 76, 8), (3, 2499, 546)])
def test_d6_baryon_number_split(n, conserving, violating):
    hs = hilbert_series(sm_with(n), 6, gradings={"B": BARYON})
    by_b = hs.by_grade(6)
    assert by_b[(0,)] == conserving
    assert by_b[(3,)] == by_b[(-3,)] == violating // 2        # ΔB = ±1 (quark charge 1 = B 1/3)
    assert set(by_b) == {(-3,), (0,), (3,)}
    assert hs.count(6) == conserving + violating


def _particle(f):
    return f.field + ("†" if f.conjugate else "")


@pytest.mark.parametrize("n", [1, 3])
def test_four_fermion_classes_agree_with_the_four_fermion_counter(n):
    model = sm_with(n)
    hs = hilbert_series(model, 6, content=True)
    names = hs.gradings
    fermions = {p.name for p in hb.particles(model) if p.fermion}
    by_content = {}
    for grade, count in hs.by_grade(6).items():
        content = {p: k for p, k in zip(names, grade) if k}
        if set(content) <= fermions and sum(content.values()) == 4:
            by_content[tuple(sorted(content.items()))] = count
    lag = allowed_operators(model, max_dim=0, extra_dims=(6,), include_potential=False)
    terms = [t for t in lag if len(t.flavour) == 4]
    seen = set()
    for t in terms:
        mine = {}
        for f in t.operator.factors:
            mine[_particle(f)] = mine.get(_particle(f), 0) + 1
        conj = {(p[:-1] if p.endswith("†") else p + "†"): k for p, k in mine.items()}
        keys = {tuple(sorted(mine.items())), tuple(sorted(conj.items()))}
        assert sum(by_content.get(k, 0) for k in keys) == t.real_parameters, t.operator
        seen |= keys
    assert seen >= set(by_content)                   # no four-fermion class the counter misses
    assert sum(t.real_parameters for t in terms) == sum(by_content.values())


def test_torus_constant_term_agrees_with_irrep_products():
    sm1 = sm_with(1)
    assert hilbert_series(sm1, 6, method="torus").graded == hilbert_series(sm1, 6).graded
    graded = hilbert_series(sm1, 6, gradings={"B": BARYON}, method="torus")
    assert graded.by_grade(6) == {(-3,): 4, (0,): 76, (3,): 4}


def toy():
    """SU(2) x U(1) x Z(3) with a doublet scalar, a triplet fermion and Z_3 charges."""
    return aa.Model.build("toy", {"W": "SU(2)", "X": "U(1)", "Z": "Z(3)"}, [
        aa.scalar("phi", {"W": "2", "X": "1/2", "Z": "1"}),
        aa.fermion("psi", "L", {"W": "3", "X": "0", "Z": "1"}, copies=2),
        aa.fermion("chi", "R", {"W": "1", "X": "1", "Z": "2"}),
    ])


def test_torus_and_irreps_agree_on_u1_and_zn_factors():
    m = toy()
    a = hilbert_series(m, 7, method="irreps")
    b = hilbert_series(m, 7, method="torus")
    assert a.graded == b.graded and sum(a.counts.values()) > 0
    # Z_3 really is imposed: dropping it admits more operators
    free = aa.Model.build("toy", {"W": "SU(2)", "X": "U(1)"}, [
        aa.scalar("phi", {"W": "2", "X": "1/2"}), aa.fermion("psi", "L", {"W": "3", "X": "0"}, copies=2),
        aa.fermion("chi", "R", {"W": "1", "X": "1"})])
    assert all(operator_counts(free, 7)[d] >= a.count(d) for d in (5, 6, 7))
    assert operator_counts(free, 7) != a.counts


def two_u1_model(qa, qb, n_psi=2):
    """SU(2) x U(1)_A x U(1)_B with fractional charges, so both U(1)s are rescaled."""
    return aa.Model.build("two_u1", {"W": "SU(2)", "A": "U(1)", "B": "U(1)"}, [
        aa.scalar("phi", {"W": "2", "A": qa[0], "B": qb[0]}),
        aa.fermion("psi", "L", {"W": "2", "A": qa[1], "B": qb[1]}, copies=n_psi),
        aa.fermion("chi", "R", {"W": "1", "A": qa[2], "B": qb[2]}),
    ])


#: psi neutral, phi charged: psi_1 D psi_2 is a gauge-singlet vector of dimension 4, which 1/P
#: subtracts at d = 5, although no single particle can cancel the charge of the rest
NEUTRAL_PSI = (("1/2", "0", "1"), ("1", "0", "0"))


@pytest.mark.parametrize("qa, qb, max_dim", [(("1/2", "-1/2", "1"), ("-2/3", "1/3", "0"), 6),
                                             (("1/7", "3", "-1/7"), ("0", "0", "5/2"), 6),
                                             NEUTRAL_PSI + (5,)])
def test_torus_and_irreps_agree_with_two_u1_and_gradings(qa, qb, max_dim):
    """Two U(1)s (packed together, negative charges), copy gradings and field content."""
    m = two_u1_model(qa, qb)
    kw = dict(gradings={"P": {"psi_1": 1, "chi": -1}}, content=True)
    a = hilbert_series(m, max_dim, **kw)
    assert a.graded == hilbert_series(m, max_dim, method="torus", **kw).graded and a.count(max_dim) > 0


class _Everything:
    def __contains__(self, item):
        return True


_charge = st.sampled_from(["0", "1", "-1", "1/2", "-1/2", "1/3", "-2/3", "2", "-3/2"])


@settings(max_examples=15, deadline=None)
@given(qa=st.tuples(_charge, _charge, _charge), qb=st.tuples(_charge, _charge, _charge),
       n_psi=st.integers(1, 3), max_dim=st.sampled_from([5, 6, 7]))
@example(qa=NEUTRAL_PSI[0], qb=NEUTRAL_PSI[1], n_psi=2, max_dim=5)
def test_dropping_partial_products_that_cannot_be_neutral_changes_nothing(qa, qb, n_psi, max_dim):
    """The irrep products skip partial products whose U(1) charges no rest can cancel;
    without that pruning (every charge viable) the graded counts are the same."""
    m = two_u1_model(qa, qb, n_psi)
    kw = dict(gradings={"P": {"psi_1": 1, "chi": -1}}, content=True)
    pruned = hilbert_series(m, max_dim, **kw)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pr, "viable_of", lambda reach, dims2, top: [_Everything()] * (top + 1))
        full = hilbert_series(m, max_dim, **kw)
    assert pruned.graded == full.graded


def test_viable_u1_charges_of_the_l_minus_4r_model():
    """Which U(1) charges a partial product of the L = -4R model may carry at each dimension
    to still end in a neutral operator of dimension 5 (1/P shifts included)."""
    m = aa.load_model("tau_l_minus_4r")
    lay = pt.layout(m)
    parts = hb.particles(m)
    upk = ch.Packer(len(lay.u1), 100)
    gpk = ch.Packer(0, 1)
    pieces = pr.make_pieces(parts, lay, 10, gpk, upk)
    viable = pr.viable_of(pr.reach_of(pieces, 10), {10}, 10)
    assert viable[9] == set()                      # no particle has dimension 1/2
    assert viable[10] == {0}                       # d = 5 with nothing left: neutral only
    h, h_conj = (upk.pack([p.gauge[i - 2] for i in lay.u1]) for p in parts if p.name in ("H", "H†"))
    assert {-h, -h_conj, 0} <= viable[8]           # one more scalar, or a derivative pair
    assert viable[8] < viable[6]


@pytest.mark.parametrize("group, fermion, boson", [("G2", "7", "7"), ("Sp(4)", "4", "5")])
def test_other_simple_factors(group, fermion, boson):
    m = aa.Model.build("t", {"G": group}, [aa.fermion("psi", "L", {"G": fermion}), aa.scalar("h", {"G": boson})])
    a = hilbert_series(m, 6)
    assert a.graded == hilbert_series(m, 6, method="torus").graded and a.count(6) > 0


def test_so10_spinor_pair_needs_a_ten():
    """psi psi (Lorentz antisymmetric) is gauge symmetric: 16 x 16 ⊃ 10 + 126, which no pair of
    10s (1 + 54 or 1 + 45 + 54) cancels, so no (psi psi h h)-type operator at d = 5."""
    m = aa.Model.build("so10", {"G": "SO(10)"}, [aa.fermion("psi", "L", {"G": "16"}),
                                                  aa.scalar("h", {"G": "10"})])
    assert hilbert_series(m, 5).count(5) == 0


@pytest.mark.parametrize("name", [p.name for p in hb.particles(sm_with(1))])
def test_one_wrong_character_breaks_the_published_counts(name, monkeypatch):
    """Doubling the first descendants of any single particle changes the d <= 7 counts."""
    original = ch.single_character

    def wrong(p, lay, max_dim2, pk):
        ch = original(p, lay, max_dim2, pk)
        if p.name == name:
            for key, m in list(ch.items()):
                if key[0] == p.dim2 + 2:
                    ch[key] += m
        return ch

    monkeypatch.setattr(ch, "single_character", wrong)       # both places that use it
    monkeypatch.setattr(pr, "single_character", wrong)
    assert operator_counts(sm_with(1), 7) != {d: HLMM_NF1[d] for d in (5, 6, 7)}


#: Warsaw basis, arXiv:1008.4884 Table 2 (one generation), in real parameters: a hermitian
#: operator and its CP-odd partner (X^3, X^2 H^2) are the two chiral halves F_L and F_R.
WARSAW_BOSONIC_AND_CURRENTS = {
    "SU3c_L^3": 1, "SU3c_R^3": 1, "SU2L_L^3": 1, "SU2L_R^3": 1,           # O_G, O_G~, O_W, O_W~
    "H^3 H†^3": 1,                                                          # O_H
    "D^2 H^2 H†^2": 2,                                                      # O_H□, O_HD
    "H H† SU3c_L^2": 1, "H H† SU3c_R^2": 1, "H H† SU2L_L^2": 1, "H H† SU2L_R^2": 1,
    "H H† Y_L^2": 1, "H H† Y_R^2": 1, "H H† SU2L_L Y_L": 1, "H H† SU2L_R Y_R": 1,
    "D l l† H H†": 2, "D q q† H H†": 2,                                     # O_Hl(1,3), O_Hq(1,3)
    "D e e† H H†": 1, "D u u† H H†": 1, "D d d† H H†": 1,                   # O_He, O_Hu, O_Hd
    "D u† d H^2": 1, "D u d† H†^2": 1,                                      # O_Hud + h.c.
}


def test_warsaw_classes_with_derivatives():
    from anomalyalgebra.operators.hilbert import content_text

    m = sm_with(1)
    hs = hilbert_series(m, 6, content=True)
    got = {content_text(m, 6, {p: k for p, k in zip(hs.gradings, g) if k}): n for g, n in hs.by_grade(6).items()}
    for text, n in WARSAW_BOSONIC_AND_CURRENTS.items():
        assert got.get(text) == n, text
    assert "D^2 H H† Y_L" not in got and "Y_L^3" not in got           # removed by EOM / vanishing
    # psi^2 X H: 8 complex dipole operators
    dipoles = {t: n for t, n in got.items() if "H" in t and "D" not in t.split()
               and any(x in t for x in ("SU3c", "SU2L", "Y_")) and t.split()[0] not in ("H",)}
    assert sum(dipoles.values()) == 16


def test_weinberg_operator_is_counted_in_real_parameters():
    """3 x 4 / 2 = 6 complex symmetric couplings: 6 with ΔL = 2 and 6 conjugates."""
    hs = hilbert_series(aa.load_model("sm"), 5, gradings={"L": {"l": 1, "e": 1}})
    assert hs.by_grade(5) == {(2,): 6, (-2,): 6}


def test_bad_input():
    sm = aa.load_model("sm")
    with pytest.raises(ModelError, match="max_dim"):
        hilbert_series(sm, 4)
    with pytest.raises(ModelError, match="method"):
        hilbert_series(sm, 5, method="residues")
    with pytest.raises(ModelError, match="no field or copy 'nu'"):
        hilbert_series(sm, 5, gradings={"L": {"nu": 1}})
    with pytest.raises(ModelError, match="must be an integer"):
        hilbert_series(sm, 5, gradings={"L": {"l": 0.5}})
    with pytest.raises(ModelError, match="field 'l3', group 'X'.*symbolic"):
        hilbert_series(aa.load_model("sm_x_tau"), 5)


def test_symbolic_su2_dimension_is_refused():
    import sympy as sp

    n = sp.Symbol("n", real=True)
    model = aa.Model.build("nplet", {"W": "SU(2)", "X": "U(1)"},
                           [aa.fermion("psi", "L", {"W": "n", "X": "1"})], symbols=[n])
    with pytest.raises(ModelError, match="field 'psi', group 'W': the SU.2. irrep has a symbolic dimension"):
        hilbert_series(model, 5)


def test_json_shape():
    data = json.loads(hilbert_series(aa.load_model("sm"), 6, gradings={"B": BARYON}).to_json())
    assert data["counts"] == {"5": 12, "6": 3045}
    assert {"dim": 6, "grade": [3], "count": 273} in data["graded"]


# ----------------------------------------------------------------- accidental symmetries
def test_sm_lepton_and_baryon_number_breaking():
    rep = symmetry_breaking(aa.load_model("sm"), max_dim=6)
    b = rep.violation("U(1)_{q,u,d}")
    assert (b.dim, b.count) == (6, 546)
    assert {c for c, q, n in b.contents if q > 0} == {"q u d l", "q^2 u e", "q^3 l", "u^2 d e"}
    assert dict(((c, q), n) for c, q, n in b.contents)[("q^3 l", 3)] == 57       # arXiv:1405.0486
    for i in (1, 2, 3):
        v = rep.violation(f"U(1)_{{l_{i},e_{i}}}")
        # Weinberg operator: l_i l_i (charge 2, 1 complex), l_i l_j (charge 1, 2 complex)
        assert v.dim == 5 and v.count == 6
        assert set(v.contents) == {("l^2 H^2", 2, 1), ("l†^2 H†^2", -2, 1), ("l^2 H^2", 1, 2),
                                   ("l†^2 H†^2", -1, 2)}


def test_l_minus_4r_tau_and_anomalon_number_break_at_d5():
    model = aa.load_model("tau_l_minus_4r")
    rep = symmetry_breaking(model, max_dim=5)
    tau = rep.violation("U(1)_{l3,e3,N2,EL,ER}")
    anomalon = rep.violation("U(1)_{LL,LR}")
    assert tau.dim == anomalon.dim == 5
    assert ("l3 H† LL S1†", 1, 1) in anomalon.contents and ("l3 H† LL S1†", 1, 1) in tau.contents
    assert all(v.dim == 5 for v in rep.violations if v.symmetry != "U(1)_{q,u,d}")
    assert rep.violation("U(1)_{q,u,d}").dim is None          # baryon number survives d = 5


# ----------------------------------------------------------------- command line
def test_cli_count_json(capsys):
    assert main(["operators", "sm", "--count", "--max-dim", "7", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"] == {"5": 12, "6": 3045, "7": 1542}


def test_cli_breaking_and_errors(capsys):
    assert main(["operators", "sm", "--breaking", "--max-dim", "6"]) == 0
    out = capsys.readouterr().out
    assert "U(1)_{q,u,d}: first broken at d = 6 by 546 real operators" in out
    assert main(["operators", "sm", "--count", "--max-dim", "4"]) == 2
    assert "--max-dim must be between 5 and 12" in capsys.readouterr().err
    assert main(["operators", "sm_x_tau", "--count"]) == 2
    assert "symbolic" in capsys.readouterr().err


def test_cli_content(capsys):
    assert main(["operators", "sm", "--count", "--content", "--max-dim", "5", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted((r["content"], r["count"]) for r in data["graded"]) == [("l^2 H^2", 6), ("l†^2 H†^2", 6)]
    with pytest.raises(ModelError, match="content=True"):
        hilbert_series(aa.load_model("sm"), 5).by_content(5)
