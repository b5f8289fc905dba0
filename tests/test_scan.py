"""Scans over (n, m) grids: exact rationality, Eq. (38) neutral lightest member, Table II."""

from concurrent.futures import ProcessPoolExecutor
from fractions import Fraction as F

import pytest
import sympy as sp

from anomalyalgebra.solve import (INFINITY, NeutralLightest, RationalValues, Solution, integers,
                                  lightest_charge, multiplet_charges, rationals, scan)
from anomalyalgebra.solve.exact import Surd, compile_exact, as_value
from anomalyalgebra.paper.solutions import printed_table2, table2_scan

SMALL = dict(max_numerator=12, max_denominator=12)    # contains every m = (n+1)/(n-2), n <= 10


@pytest.fixture(scope="module")
def small_scan():
    return table2_scan(**SMALL)


def _rows(res):
    return [(r.point["m"], r.point["n"], r.values["Y_L"], r.values["X_LL+X_LR"],
             r.values["X_S/alpha_L"]) for r in res]


def test_table_ii_rows_found(small_scan):
    rows = _rows(small_scan)
    for printed in printed_table2():
        assert printed in rows
        m, n, y, x, xs = printed                # the other branch flips both signs
        assert (m, n, -y, -x, xs) in rows


def test_found_set_is_m_equal_n_plus_1_over_n_minus_2(small_scan):
    found = {(r.point["n"], r.point["m"]) for r in small_scan}
    expect = {(n, INFINITY if n == 2 else F(n + 1, n - 2)) for n in range(2, 11)}
    assert found == expect
    for r in small_scan:                        # neutral member at the edge: |Y_L| = j
        assert abs(r.values["Y_L"]) == F(r.point["n"] - 1, 2)
        assert r.values["X_LL+X_LR"] * (-1 if r.values["Y_L"] < 0 else 1) == -F(2 * r.point["n"] - 1,
                                                                                  r.point["n"] + 1)


def test_rational_only_scan_is_larger_and_contains_negative_m():
    res = table2_scan(max_numerator=6, max_denominator=6, predicates=[RationalValues()])
    ms = {r.point["m"] for r in res}
    assert any(m is not INFINITY and m < 0 for m in ms)
    assert len(res) > 18


def test_serial_pool_and_chunks_identical(small_scan):
    again = table2_scan(**SMALL, chunksize=97)
    with ProcessPoolExecutor(2) as pool:
        pooled = table2_scan(**SMALL, executor=pool, chunksize=250)
    assert small_scan.rows == again.rows == pooled.rows
    assert small_scan.points == pooled.points == 9 * (len(rationals(12, 12)) + 1)


def test_rationals_grid():
    r = rationals(60, 60, infinity=True)
    assert r[-1] is INFINITY
    assert F(59, 60) in r and F(-60) in r and F(0) not in r
    assert len(set(r)) == len(r)


def test_surd_exactness_where_radicals_cancel():
    """At m = 1 (alpha_R = -alpha_L) X_LL + X_LR = 0 exactly although Y_L is irrational."""
    a, b = sp.symbols("a b", positive=True)
    f = compile_exact((a, b), (sp.sqrt(a) * (b - 1), sp.sqrt(2) * sp.sqrt(a) * sp.sqrt(b)))
    v1, v2 = f(F(2), F(1))
    assert as_value(v1) == 0 and as_value(v2) == 2
    assert as_value(f(F(1), F(2))[1]) == F(2)
    assert isinstance(as_value(f(F(2), F(1, 2))[0]), float)
    assert isinstance(as_value(f(F(3), F(1))[1]), float)
    assert (Surd.of(F(1)) + Surd([[F(8), F(1)]]) - Surd([[F(2), F(2)]])).rational() == 1


def test_lightest_member_by_eq38():
    from anomalyalgebra.paper.solutions import eq38_splitting as split

    assert [str(q) for q in multiplet_charges(5, F(-2))] == ["-4", "-3", "-2", "-1", "0"]
    for n in range(2, 11):                      # Y = +-j: the neutral member is lightest
        j = F(n - 1, 2)
        assert lightest_charge(n, j, split) == 0 and lightest_charge(n, -j, split) == 0
    assert lightest_charge(3, F(0), split) == 0        # Y = 0: neutral in the middle
    assert lightest_charge(4, F(1, 2), split) == -1    # 2Y/cos(theta_W) > 1: a charged member is lightest
    assert lightest_charge(4, F(-1, 2), split) == 1
    # a Y = 0 doublet with a splitting 1 + 2Q: the two states are degenerate, reported as such
    with pytest.raises(ValueError, match="degenerate"):
        lightest_charge(2, F(0), lambda q, y: 1 + 2 * q)
    pred = NeutralLightest("Y", "n", split)
    assert pred({"n": 3}, {"Y": F(1)}) and pred({"n": 3}, {"Y": F(-1)})
    assert not pred({"n": 3}, {"Y": F(1, 2)})   # no neutral member
    assert not pred({"n": 3}, {"Y": 0.999})     # not exact


def test_generic_scan_with_infinity_limit():
    x, c = sp.symbols("x c")
    M = sp.Symbol("m")
    sols = [Solution(((x, 1 - c),))]
    res = scan(sols, {"m": (F(1), F(2), INFINITY)}, parameters={c: 1 / M})
    assert [r.values["x"] for r in res] == [0, F(1, 2), 1]
    with pytest.raises(ValueError, match="no finite rational limit"):
        scan(sols, {"m": (INFINITY,)}, parameters={c: M})


def test_table2_record():
    import anomalyalgebra as aa

    rec = aa.paper.results(["table2"])["table2"]
    assert not rec.agrees                       # the printed table omits six solutions
    assert all(row in rec.derived for row in rec.paper)
    assert len(rec.derived) == 18 and "m = (n+1)/(n-2)" in rec.note


def test_quantities_equal_value_of_where_the_plain_substitution_fails():
    # x = (a^2 - 1)/(a - 1): the plain substitution divides by zero at a = 1, the
    # simplified value (Solution.value_of: a + 1) does not; y only simplifies to b
    a, b, x = sp.symbols("a b x")
    A, B = sp.symbols("A B")
    sol = Solution(((x, (a ** 2 - 1) / (a - 1)),))
    assert sol.value_of(x) == a + 1
    res = scan([sol], {"A": integers(-3, 3)}, parameters={a: A}, predicates=[RationalValues()])
    assert [(r.point["A"], r.values["x"]) for r in res] == [(k, k + 1) for k in range(-3, 4)]
    reference = scan([Solution(((x, sol.value_of(x)),))], {"A": integers(-3, 3)}, parameters={a: A})
    assert [r.values for r in res] == [r.values for r in reference]
    # a quantity whose plain substitution has a symbol that is not a parameter
    res = scan([sol], {"B": integers(0, 2)}, parameters={b: B},
               quantities={"y": (a * b + b) / (a + 1)})
    assert [r.values["y"] for r in res] == [0, 1, 2]


def test_failing_conditions_drop_the_point_even_where_the_simplified_form_exists():
    # at a = 1 the plain substitution divides by zero and value_of (a + 1) would not,
    # but the branch's own condition a - 1 != 0 fails there: no row; at a = 2 the
    # condition a - 2 >= 0 holds and the plain substitution works
    a, x = sp.symbols("a x")
    A = sp.Symbol("A")
    sol = Solution(((x, (a ** 2 - 1) / (a - 1)),), conditions=(sp.Ne(a - 1, 0), sp.Ge(a + 1, 0)))
    res = scan([sol], {"A": integers(-3, 3)}, parameters={a: A}, predicates=[RationalValues()])
    assert [(r.point["A"], r.values["x"]) for r in res] == [(k, k + 1) for k in (-1, 0, 2, 3)]


def test_irrational_values_are_those_of_the_simplified_forms():
    # with a non-symbol unknown the scan evaluates value_of's forms throughout (as it
    # always did); with symbol unknowns only, the plain substitution decides and the
    # floats of irrational values still come from value_of's forms: equal rows
    a, b, x, y = sp.symbols("a b x y")
    A, B = sp.symbols("A B")
    vx = (a ** 2 - 1) / (a - 1) * sp.sqrt(b) + sp.sqrt(3) * (b - 1) / 7
    vy = sp.sqrt(2) * (a + b) / (b + 1) - sp.sqrt(b) * (a ** 2 - 2 * a + 1) / (a - 1)
    conds = (sp.Ne(b + 1, 0),)
    plain = Solution(((x, vx), (y, vy)), conds)
    old = Solution(((x, vx), (y, vy), (x - 7 * y, vx - 7 * vy)), conds)
    grid = {"A": integers(-3, 4), "B": rationals(3, 2, negative=False)}
    q = {"p": x * y, "d": x - y / 3, "s": x + y}
    for predicates in ((), (RationalValues(("s",)),), (_positive_d,)):
        got = scan([plain], grid, parameters={a: A, b: B}, quantities=q, predicates=predicates)
        want = scan([old], grid, parameters={a: A, b: B}, quantities=q, predicates=predicates)
        assert got == want and len(got) > 0


def _positive_d(point, values):
    return values["d"] > 0
