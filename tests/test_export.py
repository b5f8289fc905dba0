"""Export: JSON round trips without eval, stand-alone numpy module, C code, LaTeX that compiles."""

import json
import os
import shutil
import subprocess
import sys

import pytest
import sympy as sp
from hypothesis import assume, example, given, settings, strategies as st

import anomalyalgebra as aa
from anomalyalgebra.export import (
    JSONExpressionError, c_code, compile_latex, document, dumps, equation, find_tex_engine,
    from_json, lambdify, loads, python_module, to_json, to_latex, write_python_module,
)
from anomalyalgebra.tables import field_table_latex

x, y = sp.symbols("x y", real=True)
n = sp.Symbol("n", integer=True, positive=True)

leaves = st.one_of(
    st.integers(-10**20, 10**20).map(sp.Integer),
    st.fractions(max_denominator=10**6).map(lambda f: sp.Rational(f.numerator, f.denominator)),
    st.sampled_from([x, y, n, sp.pi, sp.E, sp.I]),
)


def _combine(children):
    return st.one_of(
        st.tuples(children, children).map(lambda a: a[0] + a[1]),
        st.tuples(children, children).map(lambda a: a[0] * a[1]),
        st.tuples(children, st.integers(-3, 3)).map(lambda a: a[0] ** a[1] if a[0] != 0 or a[1] >= 0 else a[0]),
        children.map(sp.sqrt), children.map(sp.sin), children.map(sp.log), children.map(sp.Abs),
    )


exprs = st.recursive(leaves, _combine, max_leaves=8)


@settings(max_examples=150, deadline=None)
@given(exprs)
@example(sp.Abs(sp.Abs(2 * x)))   # stored as 2*Abs(Abs(x)); evaluating on reading gave 2*Abs(x)
def test_json_round_trip_is_structural(e):
    assume(not e.has(sp.zoo, sp.nan, sp.oo, -sp.oo, sp.AccumBounds))   # log(0), sin(oo): not expressions of interest
    back = loads(dumps(e))
    assert back == e
    assert back.free_symbols == e.free_symbols           # assumptions survive
    assert all(s.is_real for s in back.free_symbols if s.name in "xy")


def test_json_keeps_floats_and_matrices_and_relations():
    f = sp.Float("0.00420000000000000000001", 25)
    assert loads(dumps(f)) == f and loads(dumps(f))._prec == f._prec
    m = sp.ImmutableMatrix([[x, 1], [sp.Rational(1, 3), y**2]])
    assert loads(dumps(m)) == m
    rel = sp.Eq(x, 2 * y)
    assert loads(dumps(rel)) == rel
    pw = sp.Piecewise((x, x > 0), (0, True))
    assert loads(dumps(pw)) == pw


@pytest.mark.parametrize("payload, fragment", [
    ({"op": "__import__", "args": [{"int": "1"}]}, "unknown operator"),
    ({"op": "Function", "args": []}, "unknown operator"),
    ({"float": "1+1"}, "malformed float"),
    ({"int": "os.system('x')"}, "malformed"),
    ({"symbol": "x", "assumptions": {"real": "yes"}}, "assumptions"),
    ({"const": "exit"}, "malformed"),
    ([1, 2], "malformed"),
])
def test_json_rejects_everything_else(payload, fragment):
    with pytest.raises(JSONExpressionError, match=fragment):
        from_json(payload)


def test_json_refuses_unsupported_functions():
    with pytest.raises(JSONExpressionError, match="cannot write"):
        to_json(sp.besselj(0, x))


def test_standalone_module_runs_without_anomalyalgebra(tmp_path):
    np = pytest.importorskip("numpy")
    m = aa.load_model("anomalon_nplet")
    nn, aL, aR = m.symbol("n"), m.symbol("alpha_L"), m.symbol("alpha_R")
    ysq = (nn**2 - 1) * (aL - 2 * aR) / (12 * aL)
    funcs = {"Y_L": (sp.sqrt(ysq), [nn, aL, aR], "Eq. (32), + branch"),
             "X_S": (6 * aL / (nn * (nn**2 - 1)), [nn, aL], "Eq. (31)")}
    path = write_python_module(tmp_path / "derived.py", funcs)
    code = (
        "import sys; sys.modules['anomalyalgebra'] = None\n"   # importing it would fail
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import derived, numpy\n"
        "print(float(derived.Y_L(3, 4.0, -1.0)), float(derived.X_S(3, 4.0)))\n"
        "print(derived.Y_L(numpy.array([2, 3]), 1.0, 0.0).tolist())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    a, b = map(float, out[0].split())
    assert a == pytest.approx(1.0) and b == pytest.approx(1.0)     # Table II row m = 4, n = 3
    assert json.loads(out[1]) == pytest.approx([0.5, float(np.sqrt(8 / 12))])
    f = lambdify([nn, aL, aR], sp.sqrt(ysq))
    assert f(3, 4.0, -1.0) == pytest.approx(a)


def test_c_code_compiles_and_agrees(tmp_path):
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None and os.environ.get("CI"):
        pytest.fail("no C compiler in CI")
    if cc is None:
        pytest.skip("no C compiler on this machine")
    expr = sp.sqrt(x**2 + y**2) * sp.log(1 + x) - x**3 / 7
    src, hdr = c_code({"f": (expr, [x, y])}, prefix="derived")
    (tmp_path / "derived.c").write_text(src)
    (tmp_path / "derived.h").write_text(hdr)
    (tmp_path / "main.c").write_text(
        '#include <stdio.h>\n#include "derived.h"\nint main(void){printf("%.15g\\n", f(0.7, -1.3));return 0;}\n')
    subprocess.run([cc, "-std=c99", "-O1", "-o", "prog", "main.c", "derived.c", "-lm"], cwd=tmp_path, check=True)
    value = float(subprocess.run([str(tmp_path / "prog")], capture_output=True, text=True, check=True).stdout)
    assert value == pytest.approx(float(expr.subs({x: 0.7, y: -1.3})), rel=1e-13)


def test_latex_uses_model_notation():
    m = aa.load_model("anomalon_nplet")
    text = to_latex(aa.anomaly_trace(m, "X", "SU2L", "SU2L", convention="eq4"), m)
    assert r"\mathcal{X}_{\mathcal{L}_L}" in text and r"\alpha_L^\tau" in text
    eq = equation(r"\mathcal{X}_\mathcal{S}", 6 * m.symbol("alpha_L") / (m.symbol("n") * (m.symbol("n")**2 - 1)), m)
    assert eq.startswith(r"\begin{equation}") and r"\frac{6 \alpha_L^\tau}" in eq


def test_generated_latex_compiles(tmp_path):
    if find_tex_engine() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install a TeX engine (.ci/run installs texlive-latex-base)")
        pytest.skip("no TeX engine here; CI installs one")
    parts = [field_table_latex(aa.load_model(name)) for name in ("anomalon_nplet", "tau_l_only", "tau_l_minus_4r")]
    m = aa.load_model("anomalon_nplet")
    from anomalyalgebra.tables import anomaly_table_latex
    parts.append(anomaly_table_latex(m, aa.anomaly_table(m, nonzero=True, convention="eq4")))
    pdf = compile_latex(document(parts, title="test"), tmp_path)
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
