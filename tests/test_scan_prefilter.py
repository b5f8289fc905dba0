"""The exact vectorised prefilter of scans (``anomalyalgebra.solve.prefilter``).

Every check compares a scan with the prefilter against the same scan evaluating
every point exactly (``prefilter=False``), on families built to hit the edge cases:
radical coefficients that vanish, negative radicands, sums of radicals (left to the
exact path), infinite axis values, and integers beyond int64.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction as F

import pytest
import sympy as sp

np = pytest.importorskip("numpy")

from anomalyalgebra.solve import (INFINITY, RationalValues, Solution, integers,  # noqa: E402
                                  rationals, scan)
from anomalyalgebra.solve.prefilter import _is_square, candidate_mask, radical_form  # noqa: E402

a, b, x, y = sp.symbols("a b x y")
A, B = sp.symbols("A B")


def both(branches, grid, predicates, parameters=None, **kw):
    parameters = parameters or {a: A, b: B}
    fast = scan(branches, grid, parameters=parameters, predicates=predicates, **kw)
    slow = scan(branches, grid, parameters=parameters, predicates=predicates, prefilter=False, **kw)
    assert fast == slow
    return fast


def test_vanishing_coefficient_and_negative_radicand():
    # (a - 1) sqrt(a + 2b): rational at a = 1 whatever b; sqrt of a negative elsewhere
    branches = [Solution(((x, (a - 1) * sp.sqrt(a + 2 * b)),)),
                Solution(((x, -(a - 1) * sp.sqrt(a + 2 * b) / (b - 3)),))]
    res = both(branches, {"A": integers(-6, 9), "B": rationals(5, 4)}, [RationalValues()])
    assert any(r.point["A"] == 1 for r in res)            # the r = 0 rows survive
    assert len(res) > 16


def test_sum_of_radicals_is_left_to_the_exact_path():
    # sqrt(a) + sqrt(4a): not of the form r sqrt(s); rational iff a is a square
    branches = [Solution(((x, sp.sqrt(a) + sp.sqrt(4 * a)), (y, sp.sqrt(a * b))),)]
    res = both(branches, {"A": integers(0, 30), "B": integers(0, 30)}, [RationalValues()])
    assert {(r.point["A"], r.point["B"]) for r in res} == {
        (p, q) for p in range(31) for q in range(31)
        if math.isqrt(p) ** 2 == p and math.isqrt(p * q) ** 2 == p * q}


def test_labels_restrict_what_is_required():
    branches = [Solution(((x, sp.sqrt(a)), (y, sp.sqrt(b))),)]
    res = both(branches, {"A": integers(0, 20), "B": integers(0, 20)}, [RationalValues(("x",))])
    assert len(res) == 5 * 21                                # y may be irrational


def test_infinite_axis_value_is_kept_for_the_exact_path():
    branches = [Solution(((x, sp.sqrt(1 + 8 * a)),))]       # a = 1/A: 1 at A = oo
    res = both(branches, {"A": rationals(8, 3, infinity=True), "B": (0,)}, [RationalValues()],
               parameters={a: 1 / A, b: B})
    assert any(r.point["A"] is INFINITY for r in res)


@pytest.mark.parametrize("seed", range(4))
def test_random_families(seed):
    rng = random.Random(seed)
    c = [sp.Rational(rng.randint(-4, 4), rng.randint(1, 3)) for _ in range(5)]
    s = c[0] * a ** 2 + c[1] * a * b + c[2] * b + c[3]
    branches = [Solution(((x, (c[4] * a + 1) * sp.sqrt(s)), (y, 1 / (a - b)))),
                Solution(((x, sp.sqrt(3) * sp.sqrt(s) / (b + 2)),))]
    both(branches, {"A": integers(-8, 8), "B": rationals(6, 5)}, [RationalValues()])


def test_huge_values_use_python_integers():
    # radicand around 10^40: beyond int64, decided with math.isqrt
    branches = [Solution(((x, sp.sqrt(a ** 8 + b)),))]
    grid = {"A": tuple(range(10 ** 5, 10 ** 5 + 40)), "B": (0, 1, 2, 4 * 10 ** 30)}
    res = both(branches, grid, [RationalValues()])
    assert {r.point["B"] for r in res} == {0}


def test_no_rational_predicate_means_no_prefilter():
    from anomalyalgebra.solve.scan import _Spec

    spec = _Spec(("A",), ((a, A),), (((), (("x", sp.sqrt(a)),)),), ())
    assert candidate_mask(spec, [integers(0, 4)]) is None


def test_is_square_is_exact_near_the_int64_limit():
    r = 2 ** 31 - 1
    xs = np.array([r * r, r * r - 1, r * r + 1, (r - 1) ** 2, 0, 1, 2, 2 ** 62 - 1], dtype=np.int64)
    got = _is_square(np, xs, xs.astype(float))
    assert got.tolist() == [math.isqrt(int(v)) ** 2 == int(v) for v in xs]
    big = np.array([10 ** 40, 10 ** 40 + 1, (3 ** 41) ** 2], dtype=object)
    assert _is_square(np, big, np.array([1e40, 1e40, 1e39])).tolist() == [True, False, True]


def test_radical_form_round_trips():
    e = -sp.sqrt(3) * (1 - 1 / a) * sp.sqrt(b - 1) / (3 * sp.sqrt(1 + 2 / a))
    r, s = radical_form(e)
    for av, bv in [(2, 5), (F(7, 3), 10), (-5, 2)]:
        sub = {a: sp.nsimplify(av), b: sp.nsimplify(bv)}
        assert sp.simplify((r * sp.sqrt(s)).subs(sub) - e.subs(sub)) == 0


def test_conditions_without_radicals_drop_points():
    # Ne(a - 2b, 0) and a + b >= 0 (as a solver writes them) exclude points exactly;
    # the radical quantity is rational on a whole line, so only the conditions decide there
    branches = [Solution(((x, (a - 2 * b) * sp.sqrt(4 * a ** 2)),),
                         (sp.Ne(a - 2 * b, 0), sp.GreaterThan(a + b, 0))),
                Solution(((x, sp.sqrt(a ** 2 * b)),), (sp.Ne(b - 1, 0), sp.GreaterThan(a - 3, 0)))]
    grid = {"A": integers(-6, 8), "B": rationals(4, 3)}
    res = both(branches, grid, [RationalValues()])
    assert {r.branch for r in res} == {0, 1}
    from anomalyalgebra.solve.scan import _Spec

    params = ((a, A), (b, B))
    spec = _Spec(("A", "B"), params, tuple((s.conditions, (("x", s.values[x]),)) for s in branches),
                 (RationalValues(),))
    mask = candidate_mask(spec, [grid["A"], grid["B"]])
    points = [(p, q) for p in grid["A"] for q in grid["B"]]
    for (p, q), kept in zip(points, mask.tolist()):
        first = p != 2 * q and p + q >= 0
        v = q * p * p
        square = v >= 0 and all(math.isqrt(k) ** 2 == k for k in (v.numerator, v.denominator))
        second = q != 1 and p >= 3 and square
        if not first and not second:
            assert not kept, (p, q)         # excluded by a condition or an irrational value
    assert not mask[points.index((4, F(2)))] and not mask[points.index((-4, F(-1)))]


def test_condition_with_a_radical_is_left_to_the_exact_path():
    branches = [Solution(((x, sp.sqrt(a)),), (sp.GreaterThan(sp.sqrt(a + 1) - 2, 0),))]
    res = both(branches, {"A": integers(0, 30), "B": (0,)}, [RationalValues()])
    assert [r.point["A"] for r in res] == [4, 9, 16, 25]
