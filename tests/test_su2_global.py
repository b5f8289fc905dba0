"""Witten's and the new SU(2) anomaly (Wang–Wen–Witten, arXiv:1810.00844)."""

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.anomaly import witten_anomaly
from anomalyalgebra.exceptions import ModelError
from anomalyalgebra.model import Model, fermion, scalar
from anomalyalgebra.nonperturbative.su2 import su2_global, su2_global_all


def _one(dim, chirality="L", copies=1, colour="1"):
    return Model.build("t", {"C": "SU(3)", "W": "SU(2)"},
                       [fermion("x", chirality, {"C": colour, "W": str(dim)}, copies=copies)])


@pytest.mark.parametrize("dim, witten, new", [
    (1, False, False), (2, True, False), (3, False, False), (4, False, True), (5, False, False),
    (6, True, False), (8, False, False), (10, True, False), (12, False, True), (16, False, False),
    (20, False, True)])
def test_single_multiplet(dim, witten, new):
    # isospin 2r+1/2 (dims 2, 6, 10): Witten; 4r+3/2 (dims 4, 12, 20): new; 7/2 (dim 8): neither
    r = su2_global(_one(dim), "W")
    assert (r.witten, r.new) == (witten, new)
    assert r.non_spin_formulation is (dim % 2 == 0)
    assert r.counts == {str(sp.Rational(dim - 1, 2)): 1}


def test_multiplicities_from_other_factors_and_chirality():
    assert su2_global(_one(4, colour="3"), "W").new is True           # three 3/2-multiplets
    assert su2_global(_one(4, copies=2), "W").new is False
    assert su2_global(_one(4, chirality="R"), "W").new is True         # pseudoreal: same count
    assert su2_global(_one(2, colour="3"), "W").witten is True
    two = _one(4).with_fields(fermion("y", "R", {"C": "1", "W": "4"}))
    assert su2_global(two, "W").new is False and su2_global(two, "W").counts == {"3/2": 2}


def test_witten_is_the_package_witten_anomaly():
    for dim in range(1, 13):
        m = _one(dim, colour="3")
        assert su2_global(m, "W").witten == witten_anomaly(m, "W")


def test_non_spin_formulation():
    m = _one(4)
    assert su2_global(m.with_fields(scalar("h", {"C": "1", "W": "3"})), "W").non_spin_formulation is True
    assert su2_global(m.with_fields(scalar("h", {"C": "1", "W": "2"})), "W").non_spin_formulation is False
    assert su2_global(m.with_fields(fermion("s", "L", {"C": "1", "W": "1"})), "W").non_spin_formulation is False
    sm = su2_global_all(aa.load_model("sm"))["SU2L"]
    assert (sm.witten, sm.new, sm.non_spin_formulation) == (False, False, False)
    assert su2_global_all(aa.load_model("sm").without("l"))["SU2L"].witten is True


def test_sp_and_symbolic_and_errors():
    m = Model.build("t", {"S": "Sp(4)"}, [fermion("x", "L", {"S": "4"})])
    r = su2_global(m, "S")
    assert r.witten is True and r.new is None and "Sp(4)" in r.reason
    assert r.non_spin_formulation is True
    assert su2_global(m.with_fields(scalar("h", {"S": "4"})), "S").non_spin_formulation is False
    nplet = aa.load_model("anomalon_nplet")
    r = su2_global(nplet, "SU2L")
    assert r.witten is None and r.new is None and "substitute" in r.reason
    r = su2_global(nplet.subs(n=4), "SU2L")                       # two 3/2-plets (L and R)
    assert (r.witten, r.new) == (False, False) and r.counts["3/2"] == 2
    with pytest.raises(ModelError):
        su2_global(aa.load_model("sm"), "SU3c")
    assert set(r.to_dict()) == {"witten", "new", "non_spin_formulation", "reason"}


def test_new_anomaly_rule_is_derived_from_the_cp2_index():
    # half the Dirac index on CP2 (spin-c components of degree 2m, index ((2m)^2 - 1)/8) is
    # binomial(k + 2, 3) for isospin k + 1/2, odd exactly for isospin 4r + 3/2 (Wang–Wen–Witten)
    from math import comb

    from anomalyalgebra.nonperturbative.su2 import cp2_zero_mode_pairs
    for two_j in range(1, 203, 2):
        k = (two_j - 1) // 2
        pairs = cp2_zero_mode_pairs(two_j)
        assert pairs == comb(k + 2, 3)
        assert (pairs % 2 == 1) == (two_j % 8 == 3), two_j
    with pytest.raises(ValueError):
        cp2_zero_mode_pairs(4)
