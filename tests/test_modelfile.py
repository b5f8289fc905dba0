"""Model files: the documented schema loads, every kind of mistake is named, round trips."""

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.exceptions import ModelFileError

ISSUE_EXAMPLE = '''
name = "L = -4R"
[groups]                 # label = group, in table-column order
SU3c = "SU(3)"
SU2L = "SU(2)"
Y = "U(1)"
X = "U(1)"
[symbols]                # optional, with assumptions
alpha_L = { real = true }
[fields.l3]
latex = '\\ell_L^3'
spin = "1/2"             # "1/2": Weyl fermion, "0": complex scalar
chirality = "L"          # fermions only
copies = 1
reps = { SU3c = "1", SU2L = "2", Y = "-1/2", X = "4" }
'''


def test_issue_example_loads():
    m = aa.loads_model(ISSUE_EXAMPLE)
    f = m.field("l3")
    assert (m.name, f.latex, f.chirality, f.copies) == ("L = -4R", r"\ell_L^3", "L", 1)
    assert m.charge("l3", "X") == 4 and m.charge("l3", "Y") == sp.Rational(-1, 2)
    assert m.group("SU2L").dim(f.rep("SU2L")) == 2
    assert m.symbol("alpha_L").is_real
    # one left-handed doublet: XWW trace -2*4*(1/2) = -4
    assert aa.anomaly_trace(m, "X", "SU2L", "SU2L", convention="eq4") == -4


@pytest.mark.parametrize("name", aa.builtin_models())
def test_builtin_round_trip(name):
    m = aa.load_model(name)
    text = aa.dumps_model(m)
    back = aa.loads_model(text)
    assert back == m
    assert aa.anomaly_table(back, convention="eq4") == aa.anomaly_table(m, convention="eq4")
    assert aa.loads_model(aa.dumps_model(back)) == m


def test_z2_and_symbolic_dimension_round_trip():
    m = aa.load_model("tau_l_only")
    assert m.charge("e3", "Z2tau") == 1 and m.charge("e12", "Z2tau") == 0
    assert "Z2A = '-'" in aa.dumps_model(m)
    nplet = aa.load_model("anomalon_nplet")
    rep = nplet.charge("LL", "SU2L")
    assert rep.dim == nplet.symbol("n")
    assert "SU2L = 'n'" in aa.dumps_model(nplet)


def test_substitution_returns_new_model():
    m = aa.load_model("anomalon_nplet")
    m3 = m.subs(n=3, Y_L=1)
    assert m3 is not m and m.symbol("n") in m.free_symbols
    assert m3.group("SU2L").dim(m3.charge("LL", "SU2L")) == 3
    assert m3.charge("LL", "SU2L").name == "3"
    assert "n" not in [s.name for s in m3.symbols]
    with pytest.raises(aa.ModelError, match="declares no symbol 'nn'"):
        m.subs(nn=3)


def test_latex_escaping_round_trip():
    m = aa.loads_model(ISSUE_EXAMPLE.replace("\\\\ell_L^3", "it's \\\\\"odd\""))
    assert aa.loads_model(aa.dumps_model(m)) == m


GOOD = '''
name = "toy"
[groups]
SU2L = "SU(2)"
X = "U(1)"
Z3 = "Z(3)"
[symbols]
q = { real = true }
[fields.psi]
spin = "1/2"
chirality = "L"
reps = { SU2L = "2", X = "q", Z3 = "1" }
[fields.phi]
spin = "0"
reps = { SU2L = "1", X = "1", Z3 = "2" }
'''


def test_good_toy_loads():
    m = aa.loads_model(GOOD)
    assert m.charge("phi", "Z3") == 2 and m.field("phi").is_scalar


@pytest.mark.parametrize("old, new, field, key, fragment", [
    ('name = "toy"', 'name = ""', None, "name", "non-empty string 'name'"),
    ('name = "toy"', 'name = "toy"\ncolour = 1', None, "colour", "unknown top-level key"),
    ('X = "U(1)"', 'X = "U(2)"', None, "groups.X", "SU(2) x U(1)"),
    ('Z3 = "Z(3)"', 'Z3 = "Z(1)"', None, "groups.Z3", "N >= 2"),
    ('SU2L = "SU(2)"\nX', 'SU2L = "SU(1)"\nX', None, "groups.SU2L", "SU(1)"),
    ('q = { real = true }', 'q = { real = "yes" }', None, "symbols.q.real", "true or false"),
    ('q = { real = true }', 'q = { colour = true }', None, "symbols.q.colour", "unknown option"),
    ('q = { real = true }', 'q = { positive = true, negative = true }', None, "symbols.q", "inconsistent"),
    ('spin = "1/2"', 'spin = "1"', "psi", "spin", "spin must be"),
    ('chirality = "L"', 'chirality = "left"', "psi", "chirality", "chirality"),
    ('spin = "0"', 'spin = "0"\nchirality = "L"', "phi", "chirality", "scalar has no chirality"),
    ('chirality = "L"', 'chirality = "L"\ncopies = 0', "psi", "copies", "positive integer"),
    ('chirality = "L"', 'chirality = "L"\nmass = 3', "psi", "mass", "unknown key"),
    ('X = "q", Z3 = "1"', 'X = "q", Z3 = "1", W = "1"', "psi", "reps.W", "unknown group label"),
    ('X = "q", Z3 = "1"', 'Z3 = "1"', "psi", "reps.X", "no representation given"),
    ('X = "q"', 'X = "p"', "psi", "reps.X", "undeclared symbol 'p'"),
    ('X = "q"', 'X = 0.5', "psi", "reps.X", "floating-point"),
    ('X = "q"', 'X = "q +"', "psi", "reps.X", "expected a number"),
    ('SU2L = "2", X', 'SU2L = "7\'", X', "psi", "reps.SU2L", "7'"),
    ('SU2L = "2", X', 'SU2L = "(1,0)", X', "psi", "reps.SU2L", "(1,0)"),
    ('SU2L = "2", X', 'SU2L = "m", X', "psi", "reps.SU2L", "'m'"),
    ('Z3 = "1" }\n[fields.phi]', 'Z3 = "1/2" }\n[fields.phi]', "psi", "reps.Z3", "integer"),
    ('[fields.phi]', '[fields."bad name"]', "bad name", None, "identifier"),
])
def test_each_mistake_is_named(old, new, field, key, fragment):
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    with pytest.raises(ModelFileError) as info:
        aa.loads_model(text, path="toy.toml")
    err = info.value
    msg = str(err)
    assert msg.startswith("toy.toml"), msg
    assert fragment in msg, msg
    assert err.field == field
    if key is not None:
        assert err.key == key, msg
        assert f"key '{key}'" in msg


def test_not_toml_and_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="not valid TOML"):
        aa.loads_model("name = ", path="x.toml")
    with pytest.raises(ModelFileError, match="no such model file"):
        aa.load_model(tmp_path / "missing.toml")
    p = tmp_path / "m.toml"
    p.write_text(GOOD)
    assert aa.load_model(p).name == "toy"
    assert aa.load_model(str(p)).name == "toy"


def test_python_api_builds_same_model_as_file():
    q = sp.Symbol("q", real=True)
    m = aa.Model.build("toy", {"SU2L": "SU(2)", "X": "U(1)", "Z3": "Z(3)"}, [
        aa.fermion("psi", "L", {"SU2L": "2", "X": "q", "Z3": "1"}),
        aa.scalar("phi", {"SU2L": "1", "X": 1, "Z3": 2}),
    ], symbols=[q])
    assert m == aa.loads_model(GOOD)


def test_model_is_immutable_and_hashable():
    m = aa.load_model("sm")
    with pytest.raises(Exception):
        m.name = "other"
    assert hash(m) == hash(aa.load_model("sm"))
    assert {m, aa.load_model("sm")} == {m}


def test_python_api_refuses_floats_and_reads_text_safely():
    from fractions import Fraction

    with pytest.raises(aa.ModelError, match="floating-point"):
        aa.Model.build("t", {"X": "U(1)"}, [aa.fermion("a", "L", {"X": 0.5})])
    m = aa.Model.build("t", {"X": "U(1)"}, [aa.fermion("a", "L", {"X": Fraction(1, 3)})])
    assert m.charge("a", "X") == sp.Rational(1, 3)
    nplet = aa.load_model("anomalon_nplet")
    # strings given to subs go through the model-file parser: symbols must be declared
    assert nplet.subs(alpha_R="-alpha_L/4").charge("e3", "X") == -nplet.symbol("alpha_L") / 4
    with pytest.raises(aa.ExpressionError, match="unexpected character"):
        nplet.subs(alpha_R="__import__('os')")
