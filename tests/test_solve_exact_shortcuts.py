"""The cheap exact routes of issue 13 against the sympy routines they stand for.

* ``solve.algebraic.proves_zero`` (zero test modulo square roots) against numerical
  evaluation and against known identities;
* the coefficient simplification of ``tidy`` (``factor`` alone on rational functions)
  against ``factor(cancel(...))``;
* ``symbolic.simplify`` (monomials returned at once, results remembered)
  against ``sympy.simplify``.
"""

import mpmath
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anomalyalgebra.symbolic import is_monomial, simplify
from anomalyalgebra.solve.algebraic import _factor_cancel, proves_zero, tidy

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

x, y = sp.symbols("x y")
a, b, k = sp.symbols("a b k", positive=True)
n = sp.Symbol("n", integer=True, positive=True)
r = sp.Symbol("r", real=True)
SYMS = [x, y, a, b, n, r]

coefficients = st.builds(sp.Rational, st.integers(-6, 6), st.integers(1, 4))


@st.composite
def polynomials(draw, max_terms=3):
    out = sp.Integer(0)
    for _ in range(draw(st.integers(1, max_terms))):
        term = draw(coefficients)
        for s in draw(st.lists(st.sampled_from(SYMS), max_size=2)):
            term *= s ** draw(st.integers(1, 2))
        out += term
    return out


@st.composite
def rational_functions(draw):
    """Sums and quotients of polynomials, often with a common factor to cancel."""
    f, g, h = draw(polynomials()), draw(polynomials()), draw(polynomials())
    if g == 0 or h == 0:
        return f
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return f * h / (g * h)
    if kind == 1:
        return f / g + h / g - f / (g * h)
    if kind == 2:
        return sp.expand(f * h) / sp.expand(g * h) + sp.Rational(1, 3)
    return (f * h) ** 2 / (-g * h) - h


# ------------------------------------------------------------------ proves_zero
def test_proves_zero_on_identities_with_square_roots():
    s = sp.sqrt(x + 1)
    assert proves_zero(s**3 - (x + 1) * s)
    assert proves_zero(1 / (1 + sp.sqrt(x)) - (1 - sp.sqrt(x)) / (1 - x))
    assert proves_zero((sp.sqrt(a) + sp.sqrt(b)) * (sp.sqrt(a) - sp.sqrt(b)) - a + b)
    # Eq. (32)-like: the square of a branch value is the rational radicand
    yl = sp.sqrt(3) * sp.sqrt(1 - 2 * b / a) * sp.sqrt(n - 1) * sp.sqrt(n + 1) / 6
    assert proves_zero(12 * a * yl**2 - (n**2 - 1) * (a - 2 * b))


def test_proves_zero_says_false_when_not_shown_or_non_zero():
    assert not proves_zero(sp.sqrt(x) - 1)
    assert not proves_zero(sp.sqrt(2) - sp.Rational(141421, 100000))
    assert not proves_zero(sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1)      # not its class
    assert not proves_zero(sp.cbrt(a + 1) * sp.cbrt(a) - sp.cbrt(a**2 + a))   # cube roots
    # independent roots: true identity, not shown unless the radicand is factored
    e = sp.sqrt((k + 1) ** 2 - 1) - sp.sqrt(k) * sp.sqrt(k + 2)
    assert not proves_zero(e)
    assert proves_zero(e, factor_radicands=True)


@SETTINGS
@given(rational_functions(), rational_functions(), st.sampled_from([x, a, n]))
def test_proves_zero_is_sound(f, g, base):
    """Whenever it answers True, the expression vanishes at random points."""
    s = sp.sqrt(base + 2)
    e = sp.expand(f * s + g) * (f * s - g) - (f**2 * (base + 2) - g**2)
    perturbed = e + (sp.Rational(1, 7) * s if f.has(x) else 0)
    for expr in (e, perturbed):
        if not proves_zero(expr):
            continue
        for p in ({x: sp.Rational(3, 7), y: sp.Rational(-5, 3), a: 2, b: sp.Rational(1, 5),
                   n: 4, r: sp.Rational(-2, 9)},
                  {x: sp.Rational(11, 5), y: sp.Rational(2, 3), a: sp.Rational(7, 3), b: 3,
                   n: 7, r: sp.Rational(5, 2)}):
            try:
                value = sp.N(expr.xreplace(p), 30)
            except ZeroDivisionError:
                continue
            if value.is_finite:
                assert abs(complex(value)) < 1e-20


# ------------------------------------------------------------------ tidy's coefficients
@SETTINGS
@given(rational_functions())
def test_factor_alone_equals_factor_of_cancel(c):
    assert sp.srepr(_factor_cancel.__wrapped__(c)) == sp.srepr(sp.factor(sp.cancel(c)))


def test_tidy_is_remembered_and_unchanged():
    e = sp.sqrt(a) * (y**2 - 1) / (y - 1) + y / 2 + y / 2
    assert tidy(e) is tidy(e)
    assert tidy(e) == sp.sqrt(a) * (y + 1) + y


# ------------------------------------------------------------------ symbolic.simplify
@st.composite
def monomials(draw):
    m = draw(coefficients.filter(lambda c: c != 0))
    for surd in draw(st.lists(st.sampled_from([sp.sqrt(2), sp.sqrt(3), sp.cbrt(2),
                                               1 / sp.sqrt(6)]), max_size=2)):
        m *= surd
    for s in draw(st.lists(st.sampled_from(SYMS), max_size=3)):
        m *= s ** draw(st.sampled_from([1, 2, -1, 3]))
    return m


@SETTINGS
@given(monomials())
def test_monomials_are_what_simplify_returns(m):
    assert is_monomial(m)
    assert sp.srepr(simplify(m)) == sp.srepr(sp.simplify(m))


def test_simplify_of_other_expressions_is_sympys():
    e = (sp.sin(r) ** 2 + sp.cos(r) ** 2) * x + (x**2 - 1) / (x + 1)
    assert not is_monomial(e)
    assert simplify(e) == sp.simplify(e)
    with mpmath.workdps(15):
        assert simplify(sp.Integer(0)) == 0
