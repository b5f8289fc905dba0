"""Every bad input is a clear typed error, never a hang or a traceback (issue 12).

One test per item found on main, the exit codes of every command, and the limits.
The inputs that used to hang now fail in the parser before any arithmetic; the
tests pin the error type and what the message names (file, field, key, limit).
"""

import json
import shutil
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra import cli
from anomalyalgebra.cli import main
from anomalyalgebra.exceptions import (ExpressionError, LimitError, ModelError, ModelFileError,
                                       UsageError)
from anomalyalgebra.limits import DEFAULT_LIMITS, Limits, current_limits, using_limits

ROOT = Path(__file__).resolve().parents[1]

TEMPLATE = """name = "t"
[groups]
{groups}
[symbols]
{symbols}
[fields.psi]
spin = "1/2"
chirality = "R"
reps = {{ {reps} }}
"""


def model_text(charge='"1"', groups='X = "U(1)"', symbols="a = { real = true }", reps=None):
    return TEMPLATE.format(groups=groups, symbols=symbols, reps=reps or f"X = {charge}")


# ------------------------------------------------------------------ the charges that hung
@pytest.mark.parametrize("charge, limit", [
    ('"2**2**2**2**100"', "max_exponent"),
    ('"2^2^2^2^2^2"', "max_exponent"),
    ('"10**10**10"', "max_exponent"),
    ('"2^100000"', "max_exponent"),
    ('"(7^60)^2"', "max_integer_digits"),
    ('"' + "(" * 10000 + "1" + ")" * 10000 + '"', "max_expression_length"),
    ('"' + "-" * 100000 + '1"', "max_expression_length"),
    ('"' + "(" * 60 + "1" + ")" * 60 + '"', "max_nesting_depth"),
    ('"' + "-" * 60 + '1"', "max_nesting_depth"),
    ('"1e999999999"', "max_integer_digits"),
    ('"(a+1)^64*(a+2)^64"', "max_expanded_terms"),
])
def test_charges_that_hung_are_limit_errors_naming_file_field_key(charge, limit):
    with pytest.raises(ModelFileError) as info:
        aa.loads_model(model_text(charge), path="m.toml")
    msg = str(info.value)
    assert msg.startswith("m.toml, field 'psi', key 'reps.X': ")
    assert f"limit {limit}" in msg and "using_limits" in msg
    assert len(msg) < 400   # the text is shortened, not echoed whole


def test_limits_are_settable_and_restored():
    with pytest.raises(LimitError):
        aa.parse_expression("2^100")
    with using_limits(max_exponent=200, max_integer_digits=100):
        assert aa.parse_expression("2^100") == sp.Integer(2)**100   # exact, not truncated
    assert current_limits() == DEFAULT_LIMITS
    with pytest.raises(LimitError, match="max_nesting_depth"):
        aa.parse_expression("(" * 51 + "1" + ")" * 51)
    assert aa.parse_expression("(" * 49 + "1" + ")" * 49) == 1
    with using_limits(Limits(max_nesting_depth=200, max_expression_length=2000)):
        assert aa.parse_expression("-" * 150 + "3") == 3   # even number of signs


@pytest.mark.parametrize("text, value", [
    ("sqrt(-1)", None), ("(-8)^(1/3)", None), ("sqrt(-a^2-1)", None), ("1/(2-2)", None),
    ("0^-1", None), ("sqrt(4)", 2), ("(-8)^2", 64), ("4^(-1/2)", sp.Rational(1, 2)),
])
def test_charges_are_real_and_finite(text, value):
    syms = {"a": sp.Symbol("a", real=True)}
    if value is None:
        with pytest.raises(ExpressionError):
            aa.parse_expression(text, syms)
    else:
        assert aa.parse_expression(text, syms) == value


def test_sqrt_minus_one_is_refused_when_read_with_file_field_key():
    with pytest.raises(ModelFileError) as info:
        aa.loads_model(model_text('"sqrt(-1)"'), path="m.toml")
    assert str(info.value).startswith("m.toml, field 'psi', key 'reps.X': square root of a negative")
    # a symbol of unknown sign may stand under a root; a negative one may not
    m = aa.loads_model(model_text('"sqrt(a)"'))
    assert m.charge("psi", "X") == sp.sqrt(m.symbol("a"))
    with pytest.raises(ModelFileError, match="not a real number|negative"):
        aa.loads_model(model_text('"sqrt(b)"', symbols="b = { negative = true }"))


# ------------------------------------------------------------------ groups and irreps
@pytest.mark.parametrize("group, rep, limit", [
    ('"SU(100000)"', '"1"', "max_group_rank"),
    ('"SO(' + "9" * 5000 + ')"', '"1"', "max_group_rank"),
    ('"Z(' + "9" * 5000 + ')"', '"1"', "max_zn_order"),
    ('"Z(10000000)"', '"1"', "max_zn_order"),
    ('"SU(3)"', '"(300,300)"', "max_irrep_dim"),
    ('"SU(3)"', '"' + "9" * 5000 + '"', "max_irrep_dim"),
    ('"SU(2)"', '"(' + "9" * 30 + ')"', "max_irrep_dim"),
    ('"Z(3)"', '"' + "9" * 200 + '"', "max_integer_digits"),
])
def test_group_and_irrep_limits(group, rep, limit):
    text = model_text(groups=f"G = {group}", reps=f"G = {rep}")
    with pytest.raises(ModelFileError) as info:
        aa.loads_model(text, path="g.toml")
    msg = str(info.value)
    assert msg.startswith("g.toml") and "key '" in msg and f"limit {limit}" in msg
    assert len(msg) < 400


def test_limits_do_not_refuse_what_physics_uses():
    # the largest irreps of the test tables and the group-theory literature stay readable
    assert aa.parse_irrep("E8", "3875").dim == 3875
    assert aa.parse_irrep("SO(10)", "(0,0,0,0,10)").dim == 884884
    assert aa.parse_group("SU(33)").algebra.rank == 32
    with using_limits(max_group_rank=64):
        assert aa.parse_group("SU(65)").algebra.rank == 64
    assert aa.parse_group("Z(12)").n == 12


# ------------------------------------------------------------------ model files
def test_directory_none_and_bad_bytes(tmp_path):
    with pytest.raises(ModelFileError, match="is a directory"):
        aa.load_model(tmp_path)
    with pytest.raises(ModelFileError, match="built-in name"):
        aa.load_model(None)
    p = tmp_path / "latin1.toml"
    p.write_bytes(model_text().encode() + b"# caf\xe9\n")
    with pytest.raises(ModelFileError, match="not UTF-8"):
        aa.load_model(p)
    big = tmp_path / "big.toml"
    big.write_text(model_text() + "#" * 2000 + "\n")
    with using_limits(max_file_bytes=1000):
        with pytest.raises(ModelFileError, match="max_file_bytes"):
            aa.load_model(big)
    assert aa.load_model(big).name == "t"


def test_toml_that_python_refuses_is_a_model_file_error():
    with pytest.raises(ModelFileError, match="nested too deeply"):
        aa.loads_model('name = "t"\nx = ' + "[" * 5000 + "]" * 5000)
    with pytest.raises(ModelFileError, match="digits"):
        aa.loads_model(model_text("9" * 5000))
    with pytest.raises(ModelFileError, match="max_integer_digits"):
        aa.loads_model(model_text("9" * 200))


def test_contradictory_assumptions_named_without_sympy_dump():
    text = model_text('"a"', symbols="a = { positive = true, negative = true }")
    with pytest.raises(ModelFileError) as info:
        aa.loads_model(text, path="m.toml")
    msg = str(info.value)
    assert msg == ("m.toml, key 'symbols.a': inconsistent assumptions { positive = true,"
                   " negative = true }: no number satisfies all of them")


def test_counts_are_limited():
    groups = "\n".join(f'G{i} = "U(1)"' for i in range(40))
    with pytest.raises(ModelFileError, match="max_group_factors"):
        aa.loads_model(model_text(groups=groups))


# ------------------------------------------------------------------ API items
def test_subs_refuses_floats_like_model_files():
    m = aa.load_model("sm_x_tau")
    with pytest.raises(ModelError, match="not exact"):
        m.subs(alpha_L=0.5)
    with pytest.raises(ModelError, match="not exact"):
        m.subs(alpha_L=sp.Float(0.5))
    half = m.subs(alpha_L=Fraction(1, 2), alpha_R="1/2")
    assert aa.anomaly_trace(half, "X", "Y", "Y", convention="eq4") == sp.Rational(1, 2)   # 2*(1/2) - 1/2, Eq. (21)


def test_anomaly_accepts_the_channel_string_that_constraint_systems_accept():
    m = aa.load_model("sm_x_tau")
    assert aa.anomaly_trace(m, "X Y Y", convention="eq4") == aa.anomaly_trace(m, "Y", "X", "Y", convention="eq4") == aa.anomaly_trace(m, "X,Y,Y", convention="eq4")
    with pytest.raises(ModelError, match="three labels"):
        aa.anomaly_trace(m, "X Y", convention="eq4")


def test_allowed_operators_takes_a_model_and_says_so():
    """Physics does not read files (layers): a name is loaded by the caller."""
    from anomalyalgebra.operators import allowed_operators

    assert len(allowed_operators(aa.load_model("sm"))) > 0
    for bad in ("sm", 3):
        with pytest.raises(ModelError, match="allowed_operators takes a Model.*load_model"):
            allowed_operators(bad)


def test_c_code_divides_in_floating_point():
    if shutil.which("cc") is None and shutil.which("gcc") is None:
        pytest.skip("no C compiler")
    from anomalyalgebra.export.codegen import c_code

    n = sp.Symbol("n", integer=True, positive=True)
    funcs = {"f": (6 / (n * (n - 1) * (n + 1)), [n]), "g": ((n + 1) / (n - 2), [n])}
    src, hdr = c_code(funcs, prefix="gen")
    return_values = _run_c(src, hdr, "gen", ["f(3)", "g(4)", "f(5)"])
    # compare with exact rational arithmetic, not with the expression itself
    expected = [Fraction(6, 3 * 2 * 4), Fraction(5, 2), Fraction(6, 5 * 4 * 6)]
    assert return_values == pytest.approx([float(x) for x in expected], rel=1e-15)


def _run_c(src, hdr, prefix, calls):
    import tempfile

    cc = shutil.which("cc") or shutil.which("gcc")
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        (d / f"{prefix}.c").write_text(src)
        (d / f"{prefix}.h").write_text(hdr)
        body = " ".join(f'printf("%.17g\\n", {c});' for c in calls)
        (d / "main.c").write_text(f'#include <stdio.h>\n#include "{prefix}.h"\n'
                                  f"int main(void) {{ {body} return 0; }}\n")
        subprocess.run([cc, "-o", str(d / "a.out"), str(d / "main.c"), str(d / f"{prefix}.c"), "-lm"],
                       check=True, capture_output=True)
        out = subprocess.run([str(d / "a.out")], check=True, capture_output=True, text=True).stdout
    return [float(x) for x in out.split()]


def test_json_keeps_what_sympy_stored():
    from anomalyalgebra.export.jsonio import from_json, to_json

    x = sp.Symbol("x")
    for e in [sp.Abs(sp.Abs(2 * x)), sp.sin(sp.Abs(-x)), sp.Max(x, sp.Abs(x))]:
        back = from_json(json.loads(json.dumps(to_json(e))))
        assert back == e and sp.srepr(back) == sp.srepr(e)


# ------------------------------------------------------------------ CLI exit codes
def _write(tmp_path, text, name="m.toml"):
    p = tmp_path / name
    p.write_text(text)
    return str(p)


ZN_GRAVITY = """name = "Z3 gravity"
[groups]
X = "U(1)"
Z = "Z(3)"
[fields.a]
spin = "1/2"
chirality = "L"
reps = { X = "1", Z = "1" }
[fields.b]
spin = "1/2"
chirality = "L"
reps = { X = "-1", Z = "0" }
"""


def test_check_reports_a_discrete_gravity_anomaly(tmp_path, capsys):
    # perturbatively free (X: 1 - 1, 1 - 1), but the Z_3 charges sum to 1 != 0 mod 3
    path = _write(tmp_path, ZN_GRAVITY)
    assert aa.is_anomaly_free(aa.load_model(path))
    assert main(["check", path]) == 1
    out = capsys.readouterr().out
    assert "Z x grav^2  =  1 mod 3  -> ANOMALOUS" in out and "ANOMALOUS: discrete Z x grav^2" in out
    assert main(["check", path, "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["anomaly_free"] is False
    grav = [d for d in data["discrete"] if d["channel"] == "grav"]
    assert grav == [{"symmetry": "Z", "channel": "grav", "label": "Z x grav^2", "value": "1",
                     "modulus": 3, "free": False, "relaxed": False}]
    assert main(["check", path, "--latex"]) == 1
    assert r"$\mathbb{Z}_{3}$ (Z) & $\mathrm{grav}^2$ & $1 \bmod 3$ & ANOMALOUS" in capsys.readouterr().out
    # charge 3 instead of 1: anomaly free, exit 0
    assert main(["check", _write(tmp_path, ZN_GRAVITY.replace('Z = "1"', 'Z = "3"'), "ok.toml")]) == 0


def test_check_builtin_discrete_anomaly_table(capsys):
    # Table III: Z2^tau acts on three doublets (l3, E_L, E_R): SU(2)_L and gravity anomalous.
    # The paper imposes the Z2s (global, issue 23): reported, the model is consistent.
    assert main(["check", "tau_l_only", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["discrete"] == []
    values = {(k, a["channel"][1]): a["value"] for k, r in data["global_symmetries"].items()
              for a in r["anomalies"]}
    assert values[("Z2A", "SU2L")] == "0" and values[("Z2A", "grav")] == "0"
    assert values[("Z2tau", "SU2L")] == "1" and values[("Z2tau", "grav")] == "1"


@pytest.mark.parametrize("argv_tail, code", [
    (['"2^2^2^2^2^2"'], 2), (['"sqrt(-1)"'], 2), (['"1/3"'], 1), (['"0"'], 0),
])
def test_check_exit_codes(tmp_path, capsys, argv_tail, code):
    path = _write(tmp_path, model_text(argv_tail[0]))
    assert main(["check", path]) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("anomalyalgebra: error: ") and "m.toml" in err and "reps.X" in err


def test_directory_and_missing_file_exit_2(tmp_path, capsys):
    # a directory is a collection (check DIR); one without model files is bad input
    assert main(["check", str(tmp_path)]) == 2
    assert "is a directory with no model files" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "nope.toml")]) == 2


def test_internal_error_exits_3_without_traceback_unless_debug(monkeypatch, capsys):
    def boom(*args, **kwargs):
        raise TypeError("an internal bug")

    import anomalyalgebra.consistency as consistency

    monkeypatch.setattr(consistency, "anomaly_table", boom)
    assert main(["check", "sm"]) == 3
    err = capsys.readouterr().err
    assert "internal error: TypeError: an internal bug" in err and "--debug" in err
    assert "Traceback" not in err
    assert main(["--debug", "check", "sm"]) == 3
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_limit_option(tmp_path, capsys):
    path = _write(tmp_path, model_text(groups='X = "U(1)"\nG = "SU(40)"', reps='X = "0", G = "1"'))
    assert main(["check", path]) == 2
    assert "max_group_rank" in capsys.readouterr().err
    assert main(["--limit", "max_group_rank=40", "check", path]) == 0
    assert current_limits() == DEFAULT_LIMITS          # restored after the command
    assert main(["--limit", "max_rank=4", "check", path]) == 2
    assert "NAME=POSITIVE_INT" in capsys.readouterr().err


def test_reproduce_exit_codes(monkeypatch, tmp_path, capsys):
    assert main(["reproduce", "--no-files", "--keys", "nope"]) == 2
    assert "unknown key(s) ['nope']" in capsys.readouterr().err
    import anomalyalgebra.export.latex as latex

    monkeypatch.setattr(latex, "find_tex_engine", lambda: None)
    assert main(["reproduce", "--pdf", "--no-figure", "--out", str(tmp_path / "r"), "--keys", "eq21"]) == 2
    err = capsys.readouterr().err
    assert "--pdf needs a TeX engine" in err and not (tmp_path / "r").exists()
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main(["reproduce", "--no-figure", "--out", str(blocker / "sub"), "--keys", "eq21"]) == 2
    assert "anomalyalgebra: error:" in capsys.readouterr().err


def test_reproduce_summary_says_why(capsys):
    assert main(["reproduce", "--no-files", "--keys", "eq21", "eq25", "gS_fit", "eq46"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines() if line.split()}
    assert rows["eq21"].split()[-3:] == ["yes", "derived", "exact"]
    assert rows["eq25"].endswith("proportional: derived = -2 x paper")
    assert "NO" in rows["gS_fit"] and "differs by -15.7 %" in rows["gS_fit"]
    assert "NO" in rows["eq46"] and "see note:" in rows["eq46"]
    # the full section shows the whole expressions (the table shortens them)
    full = out.split("In full")[1]
    derived = aa.anomaly_trace(aa.load_model("anomalon_nplet"), "X", "SU2L", "SU2L", convention="eq4")
    assert sp.sstr(derived) in " ".join(full.split())


def test_usage_errors_and_entry_point_exit_codes(tmp_path):
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    proc = subprocess.run([sys.executable, "-m", "anomalyalgebra", "check", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "no model files" in proc.stderr


@pytest.mark.parametrize("group", ['"Z(3)"', '"U(1)"', '"SU(2)"'])
@pytest.mark.parametrize("value", ["[1]", "{ a = 1 }", "1979-05-27", "07:32:00", "1.5", "inf", "true"])
def test_every_toml_type_as_a_representation(group, value):
    # found by the long fuzzing run: Z(N) handed arrays and dates to sympify
    text = model_text(groups=f"G = {group}", reps=f"G = {value}")
    with pytest.raises(ModelFileError) as info:
        aa.loads_model(text, path="v.toml")
    assert str(info.value).startswith("v.toml, field 'psi', key 'reps.G': ")


def test_found_by_the_long_fuzzing_run():
    # a table as spin (TypeError: unhashable type) and 852184 copies (the Ibáñez–Ross
    # conditions loop over copies: more than 10 s)
    with pytest.raises(ModelFileError, match="key 'spin'"):
        aa.loads_model(model_text().replace('spin = "1/2"', "spin = { a = 1 }"))
    text = model_text(groups='X = "U(1)"\nZ = "Z(2)"', reps='X = "0", Z = "+"') + "copies = 852184\n"
    with pytest.raises(ModelFileError, match="max_copies"):
        aa.loads_model(text)
    assert aa.loads_model(text.replace("852184", "1000")).field("psi").copies == 1000


def test_charges_real_only_at_special_values_are_refused():
    # found by the fuzzing in the full suite: sqrt(a*-a) = I*|a| for real a
    syms = {"a": sp.Symbol("a", real=True), "b": sp.Symbol("b", positive=True)}
    for text in ["sqrt(a*-a)", "sqrt(-b)", "(-b)^(1/3)", "sqrt(-(a^2)-b)"]:
        with pytest.raises(ExpressionError, match="not a real number|negative"):
            aa.parse_expression(text, syms)
    assert aa.parse_expression("sqrt(a^2)", syms) == sp.Abs(syms["a"])
    assert aa.parse_expression("sqrt(a)", syms) == sp.sqrt(syms["a"])    # real for a >= 0


def test_every_charge_that_loads_can_be_written_back():
    # sqrt(a^2) of a real a is Abs(a) in sympy: it loaded, but check and dumps_model failed
    src = model_text('"2*sqrt(a^2) - 1"')
    m = aa.loads_model(src)
    assert m.charge("psi", "X") == 2 * sp.Abs(m.symbol("a")) - 1
    assert aa.loads_model(aa.dumps_model(m)) == m
    # a charge as long as the limit allows is written (with spaces) and read back
    long = "+".join(["a"] * 10 + ["1"] * 490)[:999]
    m = aa.loads_model(model_text(f'"{long}"'))
    assert aa.loads_model(aa.dumps_model(m)) == m


@pytest.mark.parametrize("argv", [["operators", "sm", "--breaking", "--max-dim", "-1"],
                                  ["operators", "sm", "--count", "--max-dim", "3"],
                                  ["operators", "sm", "--count", "--max-dim", "99"],
                                  ["operators", "sm"],
                                  ["reproduce", "--no-files", "--keys"]])
def test_operators_and_reproduce_usage_errors(argv, capsys):
    # found in review: --max-dim -1 exited 0, 99 ran without bound, --keys alone ran everything
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("anomalyalgebra: error: ") and "Traceback" not in err
