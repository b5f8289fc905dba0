"""Issue 19: nothing a model file carries becomes code in what the writers emit.

Attack strings from the issue and their variants.  Each test asserts the structure of
the output (read back by our own parsers) and the exact value read back, so that a
writer that passes a string through unescaped fails.
"""

import pytest
import sympy as sp

from anomalyalgebra.exceptions import AnomalyAlgebraError, ModelError
from anomalyalgebra.interop.convert import dumps_pyrate, dumps_sarah
from anomalyalgebra.interop.imported import ImportedModel, Term
from anomalyalgebra.interop.mathematica import parse_statements
from anomalyalgebra.interop.pyrate import loads_pyrate
from anomalyalgebra.interop.sarah import loads_sarah
from anomalyalgebra.interop.yamlish import loads_yamlish
from anomalyalgebra.model import Field, Model
from anomalyalgebra.modelfile import loads_model

ATTACKS = [
    'x"; Run["touch /tmp/pwned"]; (*',                   # the SARAH attack
    'x\\"; Run["touch /tmp/pwned"]; (*',                 # a backslash before the quote
    'x\\',                                               # a trailing backslash
    'a *) Run["touch /tmp/pwned"] (* b',                  # comment delimiters
    "x\nGroups: {Evil: U1}\nName: y",                    # a newline adds YAML keys
    "x: {Evil: U1}",                                     # a colon makes a mapping
    "x # comment",                                       # a hash starts a comment
    "'quoted' and \"double\"",
    "\\[Alpha] \\:0041 \\!\\(x\\)",                      # Mathematica escape sequences
    "name with ünïcödé, 😀 and \t tab",
    "ünïcödé 😀",
    "- item",
    "yes",
]

# A small model whose free-text name carries the attack.
BASE = """
name = 'placeholder'
[groups]
X = "U(1)"
SU2 = "SU(2)"
[fields.psi]
spin = "1/2"
chirality = "L"
reps = { X = "1", SU2 = "2" }
[fields.chi]
spin = "1/2"
chirality = "R"
reps = { X = "1", SU2 = "2" }
[fields.H]
spin = "0"
reps = { X = "0", SU2 = "2" }
"""


def model_named(name):
    m = loads_model(BASE)
    return Model(name, m.groups, m.fields, m.symbols, m.symbol_latex, m.description)


def statement_kinds(text):
    """(kind, head) of every top-level statement: an assignment's target or a call's head."""
    out = []
    for st in parse_statements(text):
        if st.kind == "set":
            out.append(("set", st.args[0].text().split("[")[0]))
        else:
            out.append((st.kind, st.head_name))
    return out


SARAH_TARGETS = {"Model`Name", "Gauge", "FermionFields", "ScalarFields", "Global", "RealScalars",
                 "LagNoHC", "LagHC", "SuperPotential", "DEFINITION", "SuperFields", "NameOfStates"}


@pytest.mark.parametrize("name", ATTACKS)
def test_sarah_name_is_one_escaped_string(name):
    out = dumps_sarah(model_named(name))
    kinds = statement_kinds(out)
    # only assignments to the targets a SARAH model file has, plus Off[General::spell]
    assert all(k == "set" and t in SARAH_TARGETS for k, t in kinds if (k, t) != ("call", "Off")), kinds
    assert [t for k, t in kinds if k == "set"].count("Model`Name") == 1
    assert not any("Run" in t for _, t in kinds)
    # the output is ASCII: no character that another encoding could reinterpret
    assert out.isascii()
    # and the name reads back exactly
    assert loads_sarah(out).model.name == name


def test_sarah_attack_does_not_reach_a_run_statement():
    out = dumps_sarah(model_named('x"; Run["touch /tmp/pwned"]; (*'))
    line = next(x for x in out.splitlines() if x.startswith("Model`Name"))
    assert line == 'Model`Name = "x\\"; Run[\\"touch /tmp/pwned\\"]; (*";'


@pytest.mark.parametrize("path", ['m *) Run["touch /tmp/pwned"] (* x.m', "a(*b*)c*)", "x\n*)Run[1](*"])
def test_sarah_comment_cannot_be_closed_by_the_path(path):
    imp = ImportedModel(model=model_named("ok"), format="sarah", path=path)
    out = dumps_sarah(imp)
    assert statement_kinds(out)[0] == ("call", "Off")          # the comment swallowed nothing
    first = out.splitlines()[0]
    assert first.startswith("(* ") and first.endswith(" *)")
    assert "*)" not in first[3:-3] and "(*" not in first[3:-3]
    assert loads_sarah(out).model.name == "ok"


def _yukawa(coupling, kind="LagNoHC"):
    from anomalyalgebra.operators import FieldFactor, Operator

    op = Operator((FieldFactor("psi", True, bar=True), FieldFactor("chi", False), FieldFactor("H", False)))
    return Term(kind, coupling, op)


@pytest.mark.parametrize("coupling", ["Y_u", "Y u", 'Y"]; Run["x"]; (*', "psi", "", "c1"])
def test_sarah_couplings_are_names_or_renamed(coupling):
    m = model_named("toy")
    terms = (_yukawa(coupling), _yukawa(""), _yukawa("c1"))
    out = dumps_sarah(ImportedModel(model=m, format="python", terms=terms))
    kinds = statement_kinds(out)
    assert all(k == "set" for k, t in kinds if t != "Off")
    back = loads_sarah(out)
    names = [t.coupling for t in back.terms]
    assert len(back.terms) == 3
    # every coupling is a Mathematica name, the given "c1" kept, and no two terms share a
    # renamed coupling (collision-free)
    assert all(n.isalnum() and n[0].isalpha() for n in names)
    assert names[2] == "c1" and names[1] != "c1" and names[0] != names[1]
    if coupling in ("Y_u", "Y u", 'Y"]; Run["x"]; (*', "psi"):
        assert "written as" in out                      # the renaming is noted in the file
    if coupling == "c1":
        assert names[0] == "c1"


def test_sarah_refuses_bad_identifiers():
    m = model_named("toy")
    for bad in ("Run[1]", "a_b", "x y"):
        with pytest.raises(ModelError, match="letters and digits"):
            dumps_sarah(ImportedModel(model=m, format="sarah", real_scalars=(bad,)))
    with pytest.raises(ModelError):
        dumps_sarah(ImportedModel(model=m, format="sarah", terms=(_yukawa("y", kind="Lag]; Run[1"),)))


def test_model_labels_refuse_a_final_newline():
    # "$" in the label pattern accepted "psi\n"; a newline in a field name added YAML keys
    with pytest.raises(AnomalyAlgebraError):
        loads_model(BASE.replace("[fields.psi]", '[fields."psi\\n"]'))
    with pytest.raises(ModelError):
        Field("psi\n", sp.Rational(1, 2), "L", (("X", 1),))


PYRATE_KEYS = {"Name", "Groups", "Fermions", "RealScalars", "ComplexScalars", "Potential"}


@pytest.mark.parametrize("name", ATTACKS)
def test_pyrate_name_cannot_add_keys(name):
    m = model_named(name)
    try:
        out = dumps_pyrate(m)
    except ModelError as exc:
        # refused only for what a one-line YAML scalar cannot hold
        assert any(not ch.isprintable() for ch in name), exc
        return
    doc = loads_yamlish(out)
    assert set(doc.keys()) <= PYRATE_KEYS
    assert doc.keys().count("Name") == 1 and doc.get("Groups").keys() == ["X", "SU2"]
    assert doc.get("Name").text == name
    assert loads_pyrate(out, chirality={"psi": "L", "chi": "R"}).model.name == name
    import yaml                                        # test extra: a real YAML parser agrees

    data = yaml.safe_load(out)
    assert set(data) <= PYRATE_KEYS and data["Name"] == name


@pytest.mark.parametrize("path", ["x\nEvil: 1", "y\r\nEvil: 1", "z\u2028Evil: 1", "w\x85Evil: 1"])
def test_pyrate_comment_holds_no_line_break(path):
    out = dumps_pyrate(ImportedModel(model=model_named("ok"), format="pyrate", path=path))
    assert set(loads_yamlish(out).keys()) <= PYRATE_KEYS
    assert out.splitlines()[0].startswith("# written by anomalyalgebra from ")
    assert all(line.startswith("#") or "Evil" not in line for line in out.splitlines())


def test_pyrate_term_sources_are_quoted():
    m = model_named("toy")
    t = _yukawa("Ye", kind="Yukawas")
    evil = Term("Yukawas", "Ye", t.operator, source="psibar chi H\nName: evil")
    with pytest.raises(ModelError, match="U\\+000A"):
        dumps_pyrate(ImportedModel(model=m, format="pyrate", terms=(evil,)))
    sneaky = Term("Yukawas", "Ye", t.operator, source="psibar chi H}, Evil: {a: b")
    out = dumps_pyrate(ImportedModel(model=m, format="pyrate", terms=(sneaky,)))
    pot = loads_yamlish(out).get("Potential")
    assert pot.keys() == ["Yukawas"] and pot.get("Yukawas").get("Ye").text == sneaky.source
    bad_coupling = Term("Yukawas", "Ye: 1, X", t.operator, source="psibar chi H")
    out = dumps_pyrate(ImportedModel(model=m, format="pyrate", terms=(bad_coupling,)))
    assert loads_yamlish(out).get("Potential").get("Yukawas").keys() == ["Ye: 1, X"]


@pytest.mark.parametrize("text", ["N", "on", "Yes", "null", "a b", "-1", "- 1", "x:y", "#", "[a]", "{a}",
                                  "'", "", "*a", "&a", "!a", "|", ">", "?", "%", "@", "`"])
def test_yaml_scalar_reads_back_exactly(text):
    import yaml

    from anomalyalgebra.interop.yamlish import yaml_scalar

    for expression in (False, True):
        s = yaml_scalar(text, expression=expression)
        assert loads_yamlish(f"k: {s}").get("k").text == text
        assert loads_yamlish(f"k: {{a: {s}}}").get("k").get("a").text == text
        value = yaml.safe_load(f"k: {s}")["k"]
        assert value == text or (expression and str(value) == text)


# ---------------------------------------------------------------------- generated code
import ast  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from anomalyalgebra.export.codegen import CodegenError, c_code, python_module  # noqa: E402

X = sp.Symbol("x", real=True)


def _run_module(src, tmp_path):
    (tmp_path / "gen.py").write_text(src, encoding="utf-8")
    code = f"import sys; sys.path.insert(0, {str(tmp_path)!r}); import gen; print(gen.__doc__ is not None)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)


@pytest.mark.parametrize("title", [
    '"""\nimport os; os.system("touch {pwned}")\n"""',
    "'''\nimport os; os.system('touch {pwned}')\n'''",
    'x\\"""; import os; os.system("touch {pwned}") #',
    "\\",
    "\x00\r\u2028 end",
])
def test_python_title_cannot_close_the_docstring(title, tmp_path):
    pwned = tmp_path / "pwned"
    title = title.replace("{pwned}", str(pwned))
    src = python_module({"f": (2 * X, [X])}, title=title)
    tree = ast.parse(src)
    assert [type(n).__name__ for n in tree.body] == ["Expr", "Import", "Assign", "FunctionDef"]
    assert ast.get_docstring(tree, clean=False).startswith(title)
    proc = _run_module(src, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert not pwned.exists()


def test_python_docstrings_and_names(tmp_path):
    doc = 'say """ and \'\'\' and \\ and \n import os'
    src = python_module({"f": (2 * X, [X], doc)})
    fn = ast.parse(src).body[3]
    assert ast.get_docstring(fn, clean=False) == " ".join(doc.split())
    for bad in ["f\n", "f(x):\n    pass\nimport os\ndef g", "class", "numpy", "lambda"]:
        with pytest.raises(CodegenError):
            python_module({bad: (2 * X, [X])})
    for bad_arg in [sp.Symbol("import"), sp.Symbol("x\n"), sp.Symbol("numpy"), sp.Symbol("a b")]:
        with pytest.raises(CodegenError):
            python_module({"f": (2 * bad_arg, [bad_arg])})


def test_undefined_functions_and_strings_are_refused():
    evil = sp.Function("__import__('os').system")(X)
    with pytest.raises(CodegenError, match="undefined function"):
        python_module({"f": (evil, [X])})
    with pytest.raises(CodegenError, match="undefined function"):
        c_code({"f": (evil, [X])})
    with pytest.raises(CodegenError, match="string"):
        python_module({"f": ("x + 1", [X])})


def _cc_syntax_ok(src, hdr, prefix, tmp_path):
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        return None
    (tmp_path / f"{prefix}.c").write_text(src)
    (tmp_path / f"{prefix}.h").write_text(hdr)
    proc = subprocess.run([cc, "-std=c99", "-fsyntax-only", "-Wall", "-Werror", f"{prefix}.c"],
                          cwd=tmp_path, capture_output=True, text=True)
    return proc


@pytest.mark.parametrize("doc", ["a */ int evil(void) { return 1; } /* b", "??/\nx", "/* nested */ */",
                                 "line\nbreak\\", "*/"])
def test_c_comments_cannot_be_closed(doc, tmp_path):
    src, hdr = c_code({"f": (2 * X, [X], doc)}, prefix="gen")
    code = "\n".join(x for x in src.splitlines() if not x.lstrip().startswith("/*"))
    assert "evil" not in code
    for text in (src, hdr):
        first = text.splitlines()[0]
        assert first.startswith("/* f: ") and first.endswith(" */") and first.count("*/") == 1
    proc = _cc_syntax_ok(src, hdr, "gen", tmp_path)
    if proc is not None:
        assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("name, prefix", [("sin", "gen"), ("int", "gen"), ("M_PI", "gen"), ("__x", "gen"),
                                          ("f", 'gen"\n#include "/etc/passwd'), ("f", "gen.h"),
                                          ("f", "_Gen"), ("main", "gen")])
def test_c_names_are_validated(name, prefix):
    with pytest.raises(CodegenError):
        c_code({name: (2 * X, [X])}, prefix=prefix)


def test_c_argument_names_are_validated():
    for arg in ["f_result", "pow", "double", "INFINITY"]:
        a = sp.Symbol(arg)
        with pytest.raises(CodegenError):
            c_code({"f": (2 * a, [a])})


@pytest.mark.parametrize("charge", [sp.Function("Run")(sp.Integer(1)), sp.Symbol('__import__("os").system("x")'),
                                    sp.Symbol("a_b") + 1, sp.Function("system")(sp.Symbol("x"))])
def test_charges_are_arithmetic_only(charge):
    # a Model built in Python can hold any sympy object as a charge; SARAH and PyR@TE
    # evaluate the text they read (Mathematica; PyR@TE through sympify)
    from anomalyalgebra.groups import parse_group

    m = Model("m", (("X", parse_group("U(1)")),), (Field("psi", sp.Rational(1, 2), "L", (("X", charge),)),))
    with pytest.raises(ModelError, match="cannot write the charge"):
        dumps_sarah(m)
    if charge.free_symbols != {sp.Symbol("a_b")}:           # a_b is a fine PyR@TE name
        with pytest.raises(ModelError, match="cannot write the charge"):
            dumps_pyrate(m)
