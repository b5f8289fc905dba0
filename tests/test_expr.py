"""The charge-expression parser: exact results, and text that must be refused."""

import pytest
import sympy as sp
from hypothesis import given, strategies as st

from anomalyalgebra.exceptions import ExpressionError
from anomalyalgebra.expr import expression_to_text, parse_expression

a, n = sp.Symbol("alpha_L", real=True), sp.Symbol("n", integer=True, positive=True)
SYMS = {"alpha_L": a, "n": n}


@pytest.mark.parametrize("text, expected", [
    ("-1/2", sp.Rational(-1, 2)),
    ("4", sp.Integer(4)),
    ("0.25", sp.Rational(1, 4)),
    ("2^-1", sp.Rational(1, 2)),
    ("-2^2", sp.Integer(-4)),           # unary minus binds looser than power
    ("2^3^2", sp.Integer(512)),         # power is right-associative
    ("2**3", sp.Integer(8)),
    ("1/2/2", sp.Rational(1, 4)),       # left-associative division
    ("sqrt(12)/2", sp.sqrt(3)),
    ("6/(n*(n^2-1))*alpha_L", 6 * a / (n * (n**2 - 1))),
    ("(n^2 - 1)*(alpha_L)", (n**2 - 1) * a),
    (" + 3 ", sp.Integer(3)),
    ("1e5", sp.Integer(100000)),
    ("2.5E-1", sp.Rational(1, 4)),
])
def test_parses_exactly(text, expected):
    got = parse_expression(text, SYMS)
    assert sp.simplify(got - expected) == 0
    assert got.free_symbols <= {a, n}


@pytest.mark.parametrize("text, fragment", [
    ("", "empty"),
    ("1/0", "division by zero"),
    ("beta", "undeclared symbol 'beta'"),
    ("__import__('os').system('x')", "unexpected character"),
    ("exp(1)", "undeclared symbol 'exp'"),
    ("lambda: 1", "unexpected character ':'"),
    ("(1+2", "expected ')'"),
    ("1 2", "unexpected token"),
    ("2*", "expected a number"),
    ("1e", "unexpected token"),
    ("x.y", "unexpected"),
    ("0^-1", "negative power"),
])
def test_rejects(text, fragment):
    with pytest.raises(ExpressionError) as info:
        parse_expression(text, SYMS)
    assert fragment in str(info.value)


def test_never_calls_sympify(monkeypatch):
    """Model-file text must not reach sympy's string parser."""
    import sys

    original = sys.modules["sympy.core.sympify"].sympify

    def boom(*args, **kwargs):
        if any(isinstance(x, str) for x in args):
            raise AssertionError("sympify called on text")
        return original(*args, **kwargs)

    monkeypatch.setattr(sp, "sympify", boom)
    monkeypatch.setattr(sys.modules["sympy.core.sympify"], "sympify", boom)
    monkeypatch.setattr(sys.modules["sympy.parsing.sympy_parser"], "parse_expr", boom)
    assert parse_expression("alpha_L/2 + 1", SYMS) == a / 2 + 1


@given(st.fractions(max_denominator=10**6), st.integers(-5, 5))
def test_text_round_trip(q, k):
    expr = sp.Rational(q.numerator, q.denominator) * a**k + sp.Rational(k, 7) * n
    assert sp.simplify(parse_expression(expression_to_text(expr), SYMS) - expr) == 0


def test_unwritable_expression_is_refused():
    with pytest.raises(ExpressionError, match="model-file syntax"):
        expression_to_text(sp.sin(a))


def test_expression_to_text_refuses_text():
    with pytest.raises(ExpressionError, match="not text"):
        expression_to_text("__import__('os')")
