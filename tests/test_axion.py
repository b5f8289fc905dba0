"""Axion couplings N, E, E/N, N_DW derived from model files (tests/data/axion/) and compared
with printed tables (tests/data/axion/published.toml, with their sources)."""

import tomllib
from pathlib import Path

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.exceptions import ModelError, ModelFileError
from anomalyalgebra.global_symmetries import axion_couplings, electric_charges_squared
from anomalyalgebra.model import fermion
from anomalyalgebra.operators import allowed_operators

DATA = Path(__file__).parent / "data" / "axion"
PUBLISHED = tomllib.loads((DATA / "published.toml").read_text())
KSVZ = [k for k in PUBLISHED["ksvz"] if k.startswith("R")]


def _rep_of(model):
    q = model.field("QL")
    return "({},{},{})".format(*(model.group(k).rep_text(r) for k, r in q.reps[:3]))


@pytest.mark.parametrize("name", KSVZ)
def test_ksvz_table_of_di_luzio_mescia_nardi(name):
    """Table I of arXiv:1610.07593 (source in published.toml): E/N of each preferred R_Q."""
    row = PUBLISHED["ksvz"][name]
    model = aa.load_model(DATA / f"ksvz_{name.lower()}.toml")
    assert _rep_of(model) == row["rep"]
    ax = axion_couplings(model, "PQ")
    assert ax.E_over_N["SU3c"] == sp.Rational(row["E_over_N"])
    # N = T(r_3) d(r_2) with T(3) = 1/2 (half of the instanton vertex 2N of the check report)
    q = model.field("QL")
    c, w = q.rep("SU3c"), q.rep("SU2L")
    assert ax.N["SU3c"] == c.index * w.dim
    # the mass term sigma Q_L^dag Q_R is allowed by every symmetry (PQ included)
    names = [sorted(t.operator.field_names()) for t in allowed_operators(model).terms]
    assert ["QL", "QR", "sigma"] in names


def test_ksvz_minimal_domain_wall_number_is_one():
    ax = axion_couplings(aa.load_model(DATA / "ksvz_r1.toml"), "PQ")
    assert ax.domain_wall == {"SU3c": PUBLISHED["ksvz_minimal"]["N_DW"]}


@pytest.mark.parametrize("name, key", [("dfsz_1", "DFSZ_I"), ("dfsz_2", "DFSZ_II")])
def test_dfsz(name, key):
    row = PUBLISHED["dfsz"][key]
    model = aa.load_model(DATA / f"{name}.toml")
    # the model file's charges allow the DFSZ terms: the three Yukawas and Hu^dag Hd phi^2
    terms = {tuple(sorted(t.operator.field_names())) for t in allowed_operators(model).terms}
    lepton_higgs = "Hd" if key == "DFSZ_I" else "Hu"
    for need in [("Hu", "q", "u"), ("Hd", "d", "q"), tuple(sorted((lepton_higgs, "e", "l"))),
                 ("Hd", "Hu", "phi", "phi")]:
        assert need in terms, need
    ax = axion_couplings(model, "PQ")
    assert ax.E_over_N["SU3c"] == sp.Rational(row["E_over_N"])
    assert ax.domain_wall["SU3c"] == row["N_DW"]
    # N = -3 with these charges: 3 generations of u^c, d^c (LH charges -1, -1) times T = 1/2
    assert ax.N["SU3c"] == -3
    assert not aa.anomaly_trace(aa.load_model(DATA / f"{name}.toml"), "Y", "Y", "Y", convention="left")


def test_normalisations_are_pinned():
    # one LH Weyl quark triplet of PQ charge 1 and a neutral partner: N = T(3) = 1/2 (not 1),
    # E = 3 colours x Q^2 (not 1 x Q^2), a right-handed field enters with -q.
    base = {"SU3c": "SU(3)", "SU2L": "SU(2)", "Y": "U(1)", "PQ": aa.parse_group("U(1)", gauged=False)}
    m = aa.Model.build("t", base, [fermion("QL", "L", {"SU3c": "3", "SU2L": "1", "Y": "2/3", "PQ": "1"}),
                                   fermion("QR", "R", {"SU3c": "3", "SU2L": "1", "Y": "2/3", "PQ": "0"})],
                       electric_charge="T3(SU2L) + Y")
    ax = axion_couplings(m, "PQ")
    assert (ax.N["SU3c"], ax.E) == (sp.Rational(1, 2), sp.Rational(4, 3))
    flipped = aa.Model.build("t", base, [
        fermion("QL", "L", {"SU3c": "3", "SU2L": "1", "Y": "2/3", "PQ": "0"}),
        fermion("QR", "R", {"SU3c": "3", "SU2L": "1", "Y": "2/3", "PQ": "1"})],
        electric_charge="T3(SU2L) + Y")
    ax2 = axion_couplings(flipped, "PQ")
    assert (ax2.N["SU3c"], ax2.E, ax2.E_over_N["SU3c"]) == (-sp.Rational(1, 2), -sp.Rational(4, 3),
                                                             sp.Rational(8, 3))
    # Q^2 over the states of a doublet: T3 = +-1/2 from the SU(2) weights
    d = aa.Model.build("t", base, [fermion("Q", "L", {"SU3c": "3", "SU2L": "2", "Y": "1/6", "PQ": "1"})],
                       electric_charge="T3(SU2L) + Y")
    assert electric_charges_squared(d, "Q") == 3 * (sp.Rational(4, 9) + sp.Rational(1, 9))
    # an SU(2) triplet has T3 = 1, 0, -1
    t = aa.Model.build("t", base, [fermion("Q", "L", {"SU3c": "1", "SU2L": "3", "Y": "0", "PQ": "1"})],
                       electric_charge="T3(SU2L) + Y")
    assert electric_charges_squared(t, "Q") == 2


def test_no_electric_charge_no_e_and_two_su3_are_keyed():
    groups = {"A": "SU(3)", "B": "SU(3)", "PQ": aa.parse_group("U(1)", gauged=False)}
    m = aa.Model.build("t", groups, [fermion("x", "L", {"A": "3", "B": "1", "PQ": "1"}),
                                     fermion("y", "L", {"A": "1", "B": "8", "PQ": "1"}),
                                     fermion("xc", "L", {"A": "3bar", "B": "1", "PQ": "0"})])
    ax = axion_couplings(m, "PQ")
    assert ax.E is None and ax.N == {"A": sp.Rational(1, 2), "B": 3}
    assert ax.to_dict() == {"N": {"A": "1/2", "B": "3"}, "E": None, "E_over_N": {"A": None, "B": None},
                            "N_DW": {"A": "1", "B": "6"}}
    with pytest.raises(ModelError, match="electric_charge"):
        electric_charges_squared(m, "x")


def test_sm_declares_its_electric_charge():
    sm = aa.load_model("sm")
    assert sm.electric_charge == (("SU2L", 1), ("Y", 1))
    # e^c: Q^2 = 1; l: 0 + 1; q: 3 x (4/9 + 1/9)
    assert [electric_charges_squared(sm, f) for f in ("e", "l", "q")] == [1, 1, sp.Rational(5, 3)]
    from anomalyalgebra.operators import drop_groups

    assert drop_groups(sm, "Y").electric_charge == ()          # Q without Y means nothing
    assert drop_groups(sm, "SU3c").electric_charge == sm.electric_charge


@pytest.mark.parametrize("text, words", [
    ('"T3(SU2L) + Z"', "unknown label 'Z'"),
    ('"T3(SU3c) + Y"', "T3 of 'SU3c', which is SU(3), not SU(2)"),
    ('"T3(Y)"', "T3 of 'Y', which is U(1), not SU(2)"),
    ('"SU2L + Y"', "write T3(SU2L)"),
    ('"T3(SU2L) * Y"', "not a linear combination"),
    ('"Y^2"', "not a linear combination"),
    ('"Y + 1"', "not a linear combination"),
    ('"PQ + Y"', "global factor"),
    ('3', "non-empty string"),
    ('"__import__(1)"', "unknown label '__import__'"),
])
def test_bad_electric_charge_is_refused_naming_the_key(text, words, tmp_path):
    src = (DATA / "ksvz_r1.toml").read_text().replace('electric_charge = "T3(SU2L) + Y"',
                                                      f"electric_charge = {text}")
    with pytest.raises(ModelFileError) as info:
        aa.loads_model(src)
    assert info.value.key == "electric_charge" and words in str(info.value)
    path = tmp_path / "bad.toml"
    path.write_text(src)
    from anomalyalgebra.cli import main

    assert main(["check", str(path)]) == 2


def test_electric_charge_round_trip():
    m = aa.load_model(DATA / "dfsz_1.toml").with_electric_charge("2*T3(SU2L) - Y/3")
    text = aa.dumps_model(m)
    assert "electric_charge = '2*T3(SU2L) - Y/3'" in text
    assert aa.loads_model(text) == m and aa.dumps_model(aa.loads_model(text)) == text
