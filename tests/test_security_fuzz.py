"""Issue 19: fuzzing the writers.  Whatever a model or an argument carries, each writer
either writes output of the expected structure that reads back to the same model, or
refuses with our typed error (exit 2 at the command line).

Generators (hypothesis): hostile names (quotes, backslashes, line breaks, comment and
YAML delimiters, unicode, control characters, identifiers), LaTeX strings (every
special character, commands such as ``\\input`` and ``\\write18``), titles and
docstrings (``\"\"\"``, ``*/``, trigraphs) and charges (fractions).

Properties:

* SARAH: every top-level statement is an assignment to a SARAH target (parsed with our
  own :mod:`anomalyalgebra.interop.mathematica`), and the model reads back;
* PyR@TE: the document has only the expected keys (our reader and PyYAML agree), and the
  model reads back;
* TOML: the model reads back unchanged (``latex`` strings and description included);
* Python: the module parses to a docstring, ``import numpy``, ``__all__`` and the
  expected functions only;
* C: ``cc -fsyntax-only -Wall -Werror`` accepts source and header (where a compiler exists);
* LaTeX: the escaped text has no active character left, and a caption compiles with
  the TeX engine (where one exists) to the characters themselves.

CI runs a short budget; the long run (numbers in ``docs/security.rst``)::

    ANOMALYALGEBRA_FUZZ_EXAMPLES=2000 ANOMALYALGEBRA_FUZZ_REPORT=/tmp/fuzz.json \\
        python3 -m pytest tests/test_security_fuzz.py -q -p no:cacheprovider -s

``ANOMALYALGEBRA_FUZZ_EXAMPLES`` is hypothesis' ``max_examples`` per generator (the
compiling ones get a tenth of it); ``ANOMALYALGEBRA_FUZZ_REPORT`` writes, per
generator, the number of examples run and the slowest input with its time.
"""

import ast
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from anomalyalgebra.exceptions import AnomalyAlgebraError, ModelError
from anomalyalgebra.export.codegen import CodegenError, Function, c_code, python_module
from anomalyalgebra.groups import parse_group
from anomalyalgebra.interop.convert import dumps_pyrate, dumps_sarah
from anomalyalgebra.interop.imported import ImportedModel, Term
from anomalyalgebra.interop.mathematica import parse_statements
from anomalyalgebra.interop.pyrate import loads_pyrate
from anomalyalgebra.interop.sarah import loads_sarah
from anomalyalgebra.interop.yamlish import loads_yamlish
from anomalyalgebra.model import Field, Model
from anomalyalgebra.modelfile import dumps_model, loads_model
from anomalyalgebra.tables import field_table_latex

EXAMPLES = int(os.environ.get("ANOMALYALGEBRA_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])
SLOW_FUZZ = settings(FUZZ, max_examples=max(3, EXAMPLES // 10))      # each example runs cc or TeX
STATS = {}


def record(name, shown, start):
    """Count the example and keep the slowest input of each generator."""
    seconds = time.perf_counter() - start
    s = STATS.setdefault(name, {"examples": 0, "slowest_s": 0.0, "slowest_input": ""})
    s["examples"] += 1
    if seconds >= s["slowest_s"]:
        s["slowest_s"], s["slowest_input"] = round(seconds, 4), shown[:300]


def teardown_module(module):
    path = os.environ.get("ANOMALYALGEBRA_FUZZ_REPORT")
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump({"max_examples": EXAMPLES, "generators": STATS}, fh, indent=2, ensure_ascii=False)
    if EXAMPLES > 40:
        for name, s in STATS.items():
            print(f"\n{name}: {s['examples']} examples; slowest {s['slowest_s']:.3f} s: {s['slowest_input']!r}")


# ---------------------------------------------------------------------- generators
HOSTILE = ['"', "\\", "'", "\n", "\r", "\t", "\x00", "\x0b", "\x85", "\u2028", "(*", "*)", "*/", "/*",
           "??/", ":", ": ", "#", " #", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "%", "@",
           "`", "-", "- ", "$", "~", "^", "_", ";", "=", "Run[\"touch /tmp/x\"]", '"""', "'''",
           "\\input{/etc/passwd}", "\\write18{ls}", "\\\\", "é", "😀", "\ufeff", "yes", "null", "1e3"]
pieces = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=4),
                   st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,6}", fullmatch=True))
hostile_text = st.lists(pieces, max_size=8).map("".join)
identifiers = st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,7}", fullmatch=True)
#: names: mostly identifiers (so that models can be built), often hostile
names = st.one_of(identifiers, identifiers, st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,7}", fullmatch=True),
                  hostile_text)
latex_strings = st.lists(st.one_of(st.sampled_from(list("#$%&_{}~^\\") + [r"\input{/etc/passwd}",
                                                                              r"\def\x{y}", "\n\n", "^^5c"]),
                                   st.text(max_size=3)), max_size=10).map("".join)
titles = st.one_of(hostile_text, st.text(max_size=30))
charges = st.fractions(min_value=-20, max_value=20, max_denominator=12)


def _shown(**kw):
    return " ".join(f"{k}={v!r}" for k, v in kw.items())


@st.composite
def models(draw):
    """A model with a hostile name and description, fuzzed field names, LaTeX and charges."""
    n = draw(st.integers(1, 4))
    fnames = draw(st.lists(names, min_size=n, max_size=n, unique=True))
    groups = (("X", parse_group("U(1)")), ("SU2", parse_group("SU(2)")))
    fields = []
    for i, fname in enumerate(fnames):
        q = draw(charges)
        rep = groups[1][1].parse_rep(draw(st.sampled_from(["1", "2", "3"])))
        spin = draw(st.sampled_from(["1/2", "1/2", "0"]))
        chir = draw(st.sampled_from(["L", "R"])) if spin == "1/2" else None
        try:
            fields.append(Field(fname, sp.Rational(spin), chir,
                                (("X", sp.Rational(q.numerator, q.denominator)), ("SU2", rep)),
                                draw(st.integers(1, 3)), draw(latex_strings)))
        except ModelError:
            assume(False)            # the core refuses the name: nothing to write
    name = draw(st.one_of(names, hostile_text).filter(bool))
    return Model(name, groups, tuple(fields), (), (), draw(titles))


def core(m):
    return (m.name, [(f.name, f.spin, f.chirality, tuple(f.reps), f.copies) for f in m.fields])


SARAH_TARGETS = {"Model`Name", "Gauge", "FermionFields", "ScalarFields", "Global", "RealScalars",
                 "LagNoHC", "LagHC", "SuperPotential", "DEFINITION", "SuperFields", "NameOfStates"}


def sarah_structure(out):
    for st_ in parse_statements(out):
        if st_.kind == "call":
            assert st_.head_name == "Off" and st_.text() == "Off[General::spell]"
        else:
            assert st_.kind == "set", st_.text()
            assert st_.args[0].text().split("[")[0] in SARAH_TARGETS, st_.text()


# ---------------------------------------------------------------------- SARAH
@FUZZ
@given(models(), st.lists(hostile_text, max_size=3), hostile_text)
def test_sarah_writer(model, couplings, path):
    start = time.perf_counter()
    terms = []
    fermions = [f for f in model.fields if f.is_fermion]
    from anomalyalgebra.operators import FieldFactor, Operator

    for c in couplings:
        if fermions:
            f = fermions[0]
            terms.append(Term("LagNoHC", c, Operator((FieldFactor(f.name, True, bar=True),
                                                      FieldFactor(f.name, False)))))
    imp = ImportedModel(model=model, format="python", path=path, terms=tuple(terms))
    try:
        out = dumps_sarah(imp)
    except ModelError as exc:
        # refused only for a name SARAH cannot hold (letters and digits)
        assert "letters and digits" in str(exc)
        assert any(not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", f.name) for f in model.fields)
        return record("sarah", _shown(model=model.name, fields=[f.name for f in model.fields]), start)
    # ASCII, except Unicode letters in a coupling name (SARAH files may use them: m2η)
    assert all(ch.isascii() or ch.isalpha() for ch in out)
    assert all(ch.isascii() for line in out.splitlines() if not line.startswith("Lag") for ch in line)
    sarah_structure(out)
    back = loads_sarah(out)
    assert core(back.model)[0] == model.name
    # a name SARAH cannot hold may be renamed by the writer (with a note): compare the
    # fields without their names, and the names that were valid as they are
    assert sorted((r[1:] for r in core(back.model)[1]), key=repr) == sorted((r[1:] for r in core(model)[1]), key=repr)
    valid = {f.name for f in model.fields if re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", f.name)}
    assert valid <= {f.name for f in back.model.fields}
    assert len(back.terms) == len(terms)
    record("sarah", _shown(model=model.name, couplings=couplings, path=path), start)


# ---------------------------------------------------------------------- PyR@TE
PYRATE_KEYS = {"Name", "Groups", "Fermions", "RealScalars", "CplxScalars", "ComplexScalars", "Potential"}


@FUZZ
@given(models(), hostile_text)
def test_pyrate_writer(model, path):
    import yaml

    start = time.perf_counter()
    try:
        out = dumps_pyrate(ImportedModel(model=model, format="python", path=path))
    except ModelError as exc:
        assert "cannot write" in str(exc) and "YAML" in str(exc)
        assert any(not ch.isprintable() for ch in model.name)
        return record("pyrate", _shown(model=model.name), start)
    doc = loads_yamlish(out)
    assert set(doc.keys()) <= PYRATE_KEYS and doc.keys().count("Name") == 1
    data = yaml.safe_load(out)                       # a real YAML parser sees the same document
    assert set(data) <= PYRATE_KEYS and data["Name"] == model.name
    assert list(data["Groups"]) == ["X", "SU2"]
    back = loads_pyrate(out).model
    assert core(back)[0] == model.name
    assert sorted(core(back)[1]) == sorted(core(model)[1])
    record("pyrate", _shown(model=model.name, path=path), start)


# ---------------------------------------------------------------------- TOML
@FUZZ
@given(models())
def test_toml_writer(model):
    start = time.perf_counter()
    text = dumps_model(model)
    back = loads_model(text)
    assert back == model
    assert [f.latex for f in back.fields] == [f.latex for f in model.fields]
    assert back.description == model.description
    record("toml", _shown(model=model.name, latex=[f.latex for f in model.fields]), start)


# ---------------------------------------------------------------------- Python
X, Y = sp.symbols("x y", real=True)


def expressions():
    leaf = st.one_of(st.sampled_from([X, Y, sp.pi]), charges.map(lambda q: sp.Rational(q.numerator, q.denominator)))
    return st.recursive(leaf, lambda c: st.one_of(
        st.builds(sp.Add, c, c), st.builds(sp.Mul, c, c), st.builds(lambda a: sp.sqrt(sp.Abs(a) + 1), c),
        st.builds(sp.sin, c), st.builds(lambda a: sp.log(a**2 + 1), c)), max_leaves=6)


@FUZZ
@given(titles, st.lists(st.tuples(names, titles, expressions()), min_size=1, max_size=3), names)
def test_python_writer(title, funcs, argname):
    start = time.perf_counter()
    shown = _shown(title=title, funcs=[(n, d) for n, d, _ in funcs], arg=argname)
    try:
        a = sp.Symbol(argname, real=True)
        fs = [Function(n, e.subs(X, a), [a, Y], d) for n, d, e in funcs]
        src = python_module(fs, title=title)
    except CodegenError:
        bad = [n for n, _, _ in funcs] + [argname]
        assert any(not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n) or n == "numpy"
                   or __import__("keyword").iskeyword(n) for n in bad) or \
            len({n for n, _, _ in funcs}) < len(funcs) or argname in ("y", "abs", "min", "max", "float", "complex")
        return record("python", shown, start)
    tree = ast.parse(src)
    kinds = [type(n).__name__ for n in tree.body]
    assert kinds == ["Expr", "Import", "Assign"] + ["FunctionDef"] * len(funcs)
    assert ast.get_docstring(tree, clean=False).startswith(title)
    assert [n.names[0].name for n in tree.body if isinstance(n, ast.Import)] == ["numpy"]
    assert [n.name for n in tree.body[3:]] == [n for n, _, _ in funcs]
    for node, (_, d, _) in zip(tree.body[3:], funcs):
        assert ast.get_docstring(node, clean=False) == " ".join(d.split()) or not d.strip()
    record("python", shown, start)


# ---------------------------------------------------------------------- C
CC = shutil.which("cc") or shutil.which("gcc")


@SLOW_FUZZ
@given(st.lists(st.tuples(names, titles, expressions()), min_size=1, max_size=3),
       st.one_of(identifiers, names))
def test_c_writer(funcs, prefix):
    if CC is None:
        if os.environ.get("CI"):
            pytest.fail("CI has a C compiler (gcc)")
        pytest.skip("no C compiler here")
    start = time.perf_counter()
    shown = _shown(funcs=[(n, d) for n, d, _ in funcs], prefix=prefix)
    try:
        src, hdr = c_code({n: (e, [X, Y], d) for n, d, e in funcs}, prefix=prefix)
    except CodegenError:
        return record("c", shown, start)
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, f"{prefix}.c"), "w") as fh:
            fh.write(src)
        with open(os.path.join(tmp, f"{prefix}.h"), "w") as fh:
            fh.write(hdr)
        proc = subprocess.run([CC, "-std=c99", "-fsyntax-only", "-Wall", "-Werror", f"{prefix}.c"], cwd=tmp,
                              capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    record("c", shown, start)


# ---------------------------------------------------------------------- LaTeX
def active_left(escaped):
    """Characters of ``escaped`` that TeX would treat as markup, outside our escapes."""
    rest = re.sub(r"\\(textbackslash|textasciitilde|textasciicircum|backslash|sim|hat)\{\}|\\[#$%&_{}]",
                  "", escaped)
    return [ch for ch in rest if ch in "#$%&_{}~^\\" or not ch.isprintable()]


@FUZZ
@given(latex_strings, st.booleans())
def test_latex_escape_leaves_nothing_active(text, math):
    from anomalyalgebra.tables import latex_escape

    start = time.perf_counter()
    out = latex_escape(text, math=math)
    assert active_left(out) == []
    # and it is the text: undoing the escapes gives the printable characters back
    undo = {r"\textbackslash{}": "\\", r"\textasciitilde{}": "~", r"\textasciicircum{}": "^",
            r"\backslash{}": "\\", r"\sim{}": "~", r"\hat{}": "^"}
    back = re.sub(r"\\(?:textbackslash|textasciitilde|textasciicircum|backslash|sim|hat)\{\}|\\([#$%&_{}])",
                  lambda m: m.group(1) or undo[m.group(0)], out)
    assert back == "".join(ch for ch in " ".join(text.split()) if ch.isprintable())
    record("latex_escape", _shown(text=text, math=math), start)


#: what TeX's default fonts have: printable ASCII (the escaper passes other characters
#: through; an engine and fonts that have them are the user's choice)
ascii_text = st.lists(st.one_of(st.sampled_from(list("#$%&_{}~^\\") + [r"\input{/etc/passwd}", "^^5c", "\n\n"]),
                                st.text(alphabet=[chr(c) for c in range(32, 127)], max_size=4)),
                      max_size=10).map("".join)


@SLOW_FUZZ
@given(ascii_text, ascii_text)
def test_latex_caption_compiles(caption, name):
    from anomalyalgebra.export.latex import compile_latex, document, find_tex_engine

    if find_tex_engine() is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install a TeX engine (.ci/run installs texlive-latex-base)")
        pytest.skip("no TeX engine here; CI installs one")
    start = time.perf_counter()
    assume(name.strip())
    sm = loads_model((__import__("pathlib").Path(__file__).parents[1] / "anomalyalgebra" / "models"
                      / "sm.toml").read_text())
    m = Model(name, sm.groups, sm.fields, sm.symbols, sm.symbol_latex, sm.description)
    tex = document([field_table_latex(m), field_table_latex(m, caption=caption)], title=name)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = compile_latex(tex, tmp, timeout=60)
        assert pdf.exists()
        log = open(os.path.join(tmp, "report.log"), errors="replace").read()
        assert "(/etc/passwd" not in log
    record("latex_compile", _shown(caption=caption, name=name), start)


# ---------------------------------------------------------------------- command line
@SLOW_FUZZ
@given(models(), st.sampled_from(["sarah", "pyrate", "toml"]))
def test_convert_exit_codes(model, to):
    """At the command line: exit 0 with output that reads back, or exit 2 naming the problem."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from anomalyalgebra.cli import main

    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "m.toml")
        with open(src, "w", encoding="utf-8") as fh:
            fh.write(dumps_model(model))
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(["convert", "--to", to, "--lossy", src])
    assert code in (0, 2), err.getvalue()
    if code == 2:
        assert err.getvalue().strip() and "Traceback" not in err.getvalue()
    else:
        from anomalyalgebra.interop import loads_model_text

        back = loads_model_text(out.getvalue(), to).model
        assert back.name == model.name
    record("cli_convert", _shown(model=model.name, to=to), start)


def test_generators_produce_hostile_inputs():
    """The generators are not vacuous: they produce names a naive writer would break on."""
    from hypothesis import find

    quick = settings(max_examples=2000, database=None, deadline=None, derandomize=True)  # deterministic: a random search of 200 could miss a piece
    assert "\n" in find(hostile_text, lambda s: "\n" in s, settings=quick)
    assert '"' in find(names, lambda s: '"' in s, settings=quick)
    assert isinstance(find(charges, lambda q: q.denominator > 1, settings=quick), Fraction)
    with pytest.raises(AnomalyAlgebraError):
        Field("a\nb", sp.Rational(1, 2), "L", (("X", 1),))
