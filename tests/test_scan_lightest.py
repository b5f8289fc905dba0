"""Pieces of the neutral-lightest verdict (``solve.predicates``) and of the Eq. (38)
splitting it is given, against their plain definitions."""

from __future__ import annotations

from fractions import Fraction as F

import pytest
import sympy as sp

from anomalyalgebra.solve import multiplet_charges, rationals
from anomalyalgebra.solve import predicates


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
