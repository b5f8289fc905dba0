"""The neutral-lightest verdict with mpmath doubles (``solve.predicates``) against sympy's.

``lightest_charge`` first decides with doubles of the splittings computed by
``_quick_float`` and falls back to ``float(splitting(Q, Y))`` (sympy's ``evalf``) when
a mass is too close to the degeneracy tolerance; these tests compare it with the
verdict from sympy's doubles alone, and the doubles with a 300-bit evaluation.
"""

from __future__ import annotations

import math
from fractions import Fraction as F

import mpmath
import pytest
import sympy as sp

from anomalyalgebra.paper.solutions import eq38_splitting
from anomalyalgebra.solve import lightest_charge, multiplet_charges, rationals
from anomalyalgebra.solve import predicates


def _reference(n, y, splitting):
    """The verdict from sympy's doubles only (the decision as it was)."""
    qs = multiplet_charges(n, y)
    ms = predicates._masses(float(splitting(q, y)) for q in qs[:-1])
    at = predicates._lightest(ms)
    return qs[at[0]] if len(at) == 1 else "degenerate"


def _verdict(n, y, splitting):
    try:
        return lightest_charge(n, y, splitting)
    except ValueError:
        return "degenerate"


def _family():
    ys = sorted(set(rationals(24, 6)) | {F(k, 2) for k in range(-12, 13)})
    return [(n, y) for n in range(2, 11) for y in ys
            if 0 in multiplet_charges(n, y) or (n * y.denominator) % 7 == 0]


def test_quick_doubles_are_the_nearest_doubles():
    mpmath.mp.prec = 300
    try:
        seen = 0
        for n, y in _family()[::5]:
            for q in multiplet_charges(n, y)[:-1]:
                e = eq38_splitting(q, y)
                exact = mpmath.mpf(str(sp.N(e, 80)))
                quick = predicates._quick_float(e)
                assert quick == float(exact)                  # round to nearest of the 300-bit value
                assert abs(quick - float(e)) <= math.ulp(quick)   # sympy's double: within an ulp
                seen += 1
        assert seen > 250
    finally:
        mpmath.mp.prec = 53


def test_verdicts_equal_the_sympy_float_verdicts():
    family = _family()
    assert len(family) > 200
    got = [_verdict(n, y, eq38_splitting) for n, y in family]
    assert got == [_reference(n, y, eq38_splitting) for n, y in family]
    assert got.count(0) > 20 and got.count("degenerate") < len(got)


def test_masses_at_the_tolerance_edge_are_decided_with_sympy_floats(monkeypatch):
    # the second mass is exactly the tolerance away: the margin check hands it to sympy
    edge = lambda q, y: sp.Rational(1, 10 ** 12) * sp.sqrt(4) / 2 + 0 * q   # noqa: E731
    calls = []
    original = predicates._float_splitting

    def spy(splitting, q, y):
        calls.append((q, y))
        return original(splitting, q, y)

    monkeypatch.setattr(predicates, "_float_splitting", spy)
    assert _verdict(2, F(0), edge) == _reference(2, F(0), edge) == "degenerate"
    assert calls                                        # the fallback ran
    calls.clear()
    assert _verdict(3, F(-1), eq38_splitting) == 0 and not calls   # a clear case did not


def test_expressions_quick_cannot_evaluate_fall_back():
    splitting = lambda q, y: sp.exp(sp.Rational(1, 3)) * (1 + 2 * q) + y   # noqa: E731
    with pytest.raises(predicates._NotQuick):
        predicates._quick_float(splitting(F(1, 2), F(0)))
    for n, y in [(3, F(0)), (4, F(1, 2)), (5, F(-2)), (2, F(1, 2))]:
        assert _verdict(n, y, splitting) == _reference(n, y, splitting)
    # cancellation of more than 40 bits is not trusted either (pi minus its double)
    approx = F(math.pi)
    near = sp.pi - sp.Rational(approx.numerator, approx.denominator)
    assert abs(float(sp.N(near, 50))) < 1e-12
    with pytest.raises(predicates._NotQuick):
        predicates._quick_float(near)


def test_neutral_member_test_matches_the_charge_list():
    for n in range(1, 13):
        for y in rationals(12, 4) + (F(0),):
            assert predicates._has_neutral_member(n, y) == (0 in multiplet_charges(n, y)), (n, y)
    with pytest.raises(ValueError):
        predicates._has_neutral_member(0, F(0))


def test_radiative_splitting_reads_cos_theta_from_the_parameters():
    from anomalyalgebra.pheno import radiative_splitting, radiative_splitting_unit
    from anomalyalgebra.pheno.observables import SYMBOLIC, sm_inputs
    from anomalyalgebra.pheno.parameters import default_parameters

    for params in (None, default_parameters(), SYMBOLIC):
        c2w = sm_inputs(params)["c2w"]
        d = radiative_splitting_unit(params)
        for q, y in [(0, 0), (F(-1, 2), F(3, 2)), (-2, F(-1))]:
            expected = d * (1 + 2 * sp.sympify(q) + 2 * sp.sympify(y) / sp.sqrt(c2w))
            assert radiative_splitting(q, y, params, delta=d) == expected
