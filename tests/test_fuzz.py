"""Fuzzing the readers: any text is a valid model or a ModelFileError, within the limits.

Generators: random TOML structures (schema-shaped with random leaves, and fully
random tables), random charge-expression trees written as text, random bytes and
random unicode.  The property: :func:`anomalyalgebra.loads_model` /
:func:`anomalyalgebra.load_model` return a :class:`Model` or raise
:class:`ModelFileError` — never another exception, never a hang — and what they
return stays within the limits of :mod:`anomalyalgebra.limits` (no number longer
than ``max_integer_digits``, no irrep larger than ``max_irrep_dim``); a model that
loads also writes back and has anomaly traces computed without an untyped error.

CI runs a short budget.  The long run is a documented command (``docs/errors.rst``)::

    ANOMALYALGEBRA_FUZZ_EXAMPLES=3000 ANOMALYALGEBRA_FUZZ_BOUND=10 \
        python3 -m pytest tests/test_fuzz.py -q -p no:cacheprovider -s

``ANOMALYALGEBRA_FUZZ_EXAMPLES`` sets hypothesis' ``max_examples`` per test;
``ANOMALYALGEBRA_FUZZ_BOUND`` (seconds, long runs only, POSIX) turns a hang into a
failure naming the input, and ``-s`` prints the slowest inputs of each test.
"""

import datetime
import json
import os
import signal
import string
import time
from contextlib import contextmanager

import pytest
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import anomalyalgebra as aa
from anomalyalgebra.exceptions import AnomalyAlgebraError, ModelFileError
from anomalyalgebra.limits import current_limits

EXAMPLES = int(os.environ.get("ANOMALYALGEBRA_FUZZ_EXAMPLES", "40"))
BOUND = float(os.environ.get("ANOMALYALGEBRA_FUZZ_BOUND", "0"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])
SLOWEST = {}


@contextmanager
def watchdog(name, shown):
    """Long runs only: fail (naming the input) if one input takes more than BOUND seconds."""
    start = time.perf_counter()
    if BOUND and hasattr(signal, "SIGALRM"):
        def expire(signum, frame):
            raise AssertionError(f"{name}: input took more than {BOUND} s: {shown[:300]!r}")

        old = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, BOUND)
    try:
        yield
    finally:
        if BOUND and hasattr(signal, "SIGALRM"):
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
        slow = SLOWEST.setdefault(name, [])
        slow.append((time.perf_counter() - start, shown[:120]))
        slow.sort(reverse=True)
        del slow[5:]


def teardown_module(module):
    if EXAMPLES > 40:
        for name, slow in SLOWEST.items():
            print(f"\n{name}: slowest inputs")
            for seconds, shown in slow:
                print(f"  {seconds:7.3f} s  {shown!r}")


# ------------------------------------------------------------------ expression trees
SYMBOLS = ["a", "b", "n"]
numbers = st.one_of(
    st.integers(0, 10**6).map(str),
    st.integers(0, 10**150).map(str),                       # beyond max_integer_digits
    st.builds(lambda i, f: f"{i}.{f}", st.integers(0, 999), st.integers(0, 999)),
    st.builds(lambda m, e: f"{m}e{e}", st.integers(0, 99), st.integers(-400, 400)),
    st.sampled_from(["0", "0.0", ".5", "1e0", "00012", "1e99999999999"]),
)
names = st.one_of(st.sampled_from(SYMBOLS), st.sampled_from(["sqrt", "x", "__import__", "I", "pi", "oo"]))


def _tree(children):
    return st.one_of(
        st.builds(lambda a, op, b: f"{a}{op}{b}", children, st.sampled_from(["+", "-", "*", "/"]),
                  children),
        st.builds(lambda a, op, b: f"{a}{op}{b}", children, st.sampled_from(["^", "**"]),
                  st.one_of(children, numbers)),
        st.builds(lambda a: f"({a})", children),
        st.builds(lambda a: f"sqrt({a})", children),
        st.builds(lambda s, a: f"{s}{a}", st.sampled_from(["-", "+", "--", "- "]), children),
    )


expr_trees = st.recursive(st.one_of(numbers, names), _tree, max_leaves=12)
# deep or long ones: chains of powers, parentheses and signs that used to hang or recurse
deep = st.builds(lambda k, n, s: {"pow": "^".join([s] * k), "paren": "(" * n + s + ")" * n,
                                  "sign": "-" * n + s}[["pow", "paren", "sign"][k % 3]],
                 st.integers(1, 12), st.integers(1, 3000), st.sampled_from(["2", "10", "a", "1.5"]))
junk = st.text(alphabet=string.printable + "√²³·−αβ", max_size=40)
charges = st.one_of(expr_trees, deep, junk)

def _assert_within_limits(value):
    limits = current_limits()
    for r in sp.sympify(value).atoms(sp.Rational):
        assert len(str(abs(r.p))) <= 2 * limits.max_integer_digits
        assert len(str(r.q)) <= 2 * limits.max_integer_digits


@FUZZ
@given(charges)
def test_expression_text_parses_or_is_a_typed_error(text):
    syms = {"a": sp.Symbol("a", real=True), "b": sp.Symbol("b", positive=True),
            "n": sp.Symbol("n", integer=True, positive=True)}
    with watchdog("expression", text):
        try:
            value = aa.parse_expression(text, syms)
        except AnomalyAlgebraError as exc:
            assert isinstance(exc, ValueError) and str(exc)
            return
    assert isinstance(value, sp.Expr)
    assert not value.has(sp.zoo, sp.nan, sp.oo, sp.I)
    _assert_within_limits(value)


# ------------------------------------------------------------------ TOML structures
def _toml_key(k):
    return k if k and all(c.isalnum() and c.isascii() or c in "_-" for c in k) else json.dumps(k)


def _toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v) if not (isinstance(v, float) and v != v) else "nan"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)


def to_toml(data: dict) -> str:
    """A small TOML writer for the generated structures (tables one level deep)."""
    lines, tables = [], []
    for k, v in data.items():
        if isinstance(v, dict) and v and all(isinstance(x, dict) for x in v.values()) and k == "fields":
            for name, spec in v.items():
                tables.append(f"[fields.{_toml_key(name)}]")
                tables += [f"{_toml_key(kk)} = {_toml_value(vv)}" for kk, vv in spec.items()]
        elif isinstance(v, dict):
            tables.append(f"[{_toml_key(k)}]")
            tables += [f"{_toml_key(kk)} = {_toml_value(vv)}" for kk, vv in v.items()]
        else:
            lines.append(f"{_toml_key(k)} = {_toml_value(v)}")
    return "\n".join(lines + tables) + "\n"


scalars = st.one_of(st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=False),
                    st.text(max_size=12), st.dates(), st.datetimes())
any_value = st.recursive(scalars, lambda c: st.one_of(st.lists(c, max_size=3),
                                                      st.dictionaries(st.text(max_size=6), c, max_size=3)),
                         max_leaves=8)
group_texts = st.one_of(
    st.sampled_from(["U(1)", "SU(2)", "SU(3)", "SU(5)", "SO(10)", "Sp(4)", "E6", "G2", "Z(2)", "Z(3)",
                     "U(2)", "SO(4)", "SU(1)", "Z(1)", "E9"]),
    st.builds(lambda k, n: f"{k}({n})", st.sampled_from(["SU", "SO", "Sp", "Z", "U"]),
              st.one_of(st.integers(0, 80), st.integers(0, 10**40))),
    junk,
)
rep_texts = st.one_of(
    charges,
    st.sampled_from(["1", "2", "3", "3bar", "5", "10", "16", "27", "8_v", "adj", "+", "-", "n",
                     "(1,0)", "(2, 0)", "(0,0,0,0,10)", "15'", "'"]),
    st.builds(lambda xs: "(" + ",".join(map(str, xs)) + ")", st.lists(st.integers(0, 10**8), max_size=6)),
    st.integers(-10**40, 10**40), st.booleans(), st.floats(allow_nan=False),
    st.lists(st.integers(-3, 3), max_size=2), st.dates(), st.times(),
    st.dictionaries(st.sampled_from(["a", "X"]), st.integers(0, 2), max_size=1),
)
labels = st.sampled_from(["X", "Y", "G", "Z", "W", "grav", "1bad", ""])
symbol_specs = st.dictionaries(
    st.sampled_from(SYMBOLS + ["sqrt", "x y", ""]),
    st.one_of(st.dictionaries(st.sampled_from(["real", "positive", "negative", "integer", "nonzero",
                                               "latex", "bogus"]),
                              st.one_of(st.booleans(), st.text(max_size=5)), max_size=3),
              scalars),
    max_size=3)


VALID_REPS = {"U(1)": charges, "SU(2)": st.sampled_from(["1", "2", "3", "n", "2*n", "(1)", "4"]),
              "SU(3)": st.sampled_from(["1", "3", "3bar", "8", "6", "15'", "(1,1)"]),
              "SO(10)": st.sampled_from(["1", "10", "16", "16bar", "45", "126"]),
              "Z(3)": st.sampled_from(["0", "1", "2", "-1", "5"]), "Z(2)": st.sampled_from(["+", "-", "1"]),
              "E6": st.sampled_from(["1", "27", "27bar", "78"])}


@st.composite
def model_structures(draw):
    """Mostly schema-shaped: valid groups and representations, with random mistakes."""
    sloppy = draw(st.integers(0, 3)) == 0            # a quarter: anything goes
    groups = {}
    for label in draw(st.lists(st.sampled_from(["X", "Y", "G", "Z", "W"]), min_size=1, max_size=4,
                               unique=True)):
        groups[label] = draw(group_texts) if sloppy or draw(st.integers(0, 9)) == 0 else \
            draw(st.sampled_from(sorted(VALID_REPS)))
    if sloppy:
        groups.update(draw(st.dictionaries(labels, group_texts, max_size=2)))
    fields = {}
    for i in range(draw(st.integers(1, 4))):
        spin = draw(st.sampled_from(["1/2", "1/2", "0", 0, "1", 1]) if sloppy else st.sampled_from(["1/2", "0"]))
        spec = {"spin": spin}
        if spin != "0" or sloppy:
            spec["chirality"] = draw(st.sampled_from(["L", "R", "X"]) if sloppy else st.sampled_from(["L", "R"]))
        reps = {}
        for label, g in groups.items():
            if draw(st.integers(0, 19)) == 0:
                continue                              # a missing representation
            strategy = VALID_REPS.get(g, rep_texts) if not sloppy else rep_texts
            reps[label] = draw(st.one_of(strategy, rep_texts) if draw(st.integers(0, 9)) == 0 else strategy)
        spec["reps"] = reps
        if draw(st.booleans()):
            spec["copies"] = draw(st.one_of(st.integers(1, 3), st.integers(-2, 10**20), st.text(max_size=3)))
        if draw(st.booleans()):
            spec["latex"] = draw(st.text(max_size=8))
        if draw(st.integers(0, 19)) == 0:
            spec[draw(st.text(max_size=5))] = draw(scalars)
        fields[draw(st.sampled_from(["psi", "chi", "phi", "a b", "e"])) + str(i)] = spec
    data = {"name": draw(st.one_of(st.just("fuzz"), st.text(max_size=8), scalars) if sloppy else st.just("fuzz"))}
    if not sloppy or draw(st.integers(0, 9)):
        data["groups"] = groups
    data["symbols"] = {"a": {"real": True}, "b": {"positive": True}, "n": {"integer": True, "positive": True}}
    if sloppy and draw(st.booleans()):
        data["symbols"] = draw(symbol_specs)
    data["fields"] = fields
    if sloppy and draw(st.integers(0, 9)) == 0:
        data[draw(st.text(max_size=6))] = draw(any_value)
    return data


def check_text(text, name):
    with watchdog(name, text):
        try:
            model = aa.loads_model(text, path="fuzz.toml")
        except ModelFileError as exc:
            assert str(exc).startswith("fuzz.toml")
            return None
    # a valid model: within the limits, writes back, and has its anomalies computed
    limits = current_limits()
    for f in model.fields:
        for label, rep in f.reps:
            g = model.group(label)
            if g.kind == "simple":
                assert not isinstance(g.dim(rep), int) or g.dim(rep) <= limits.max_irrep_dim
            elif g.kind == "u1":
                _assert_within_limits(rep)
    assert aa.loads_model(aa.dumps_model(model)) == model
    with watchdog(name + " (anomalies)", text):
        try:
            aa.anomaly_table(model, convention="eq4")
            from anomalyalgebra.discrete import discrete_anomalies

            discrete_anomalies(model)
        except AnomalyAlgebraError:
            pass
    return model


@FUZZ
@given(model_structures())
def test_random_model_structures_load_or_raise_model_file_error(data):
    check_text(to_toml(data), "model structure")


@FUZZ
@given(st.dictionaries(st.text(max_size=8), any_value, max_size=5))
def test_random_toml_tables_load_or_raise_model_file_error(data):
    try:
        text = to_toml(data)
    except TypeError:
        return
    check_text(text, "random table")


@FUZZ
@given(st.text(max_size=400))
def test_random_unicode_loads_or_raises_model_file_error(text):
    check_text(text, "unicode")


VALID = aa.dumps_model(aa.load_model("tau_l_only"))


@FUZZ
@given(st.integers(0, len(VALID)), st.integers(0, 40), st.text(max_size=30))
def test_mutated_model_files_load_or_raise_model_file_error(at, cut, insert):
    check_text(VALID[:at] + insert + VALID[at + cut:], "mutated")


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_on_disk_load_or_raise_model_file_error(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("fuzz") / "m.toml"
    path.write_bytes(raw)
    with watchdog("bytes", repr(raw)):
        try:
            aa.load_model(path)
        except ModelFileError as exc:
            assert str(path) in str(exc)


def test_generators_reach_both_outcomes():
    # the property is not vacuous: the schema generator produces valid models too
    from hypothesis import find

    model = find(model_structures(), lambda d: check_text(to_toml(d), "find") is not None,
                 settings=settings(max_examples=2000, deadline=None, database=None))
    assert model["fields"]


pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
