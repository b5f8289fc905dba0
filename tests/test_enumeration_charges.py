"""Model-level integer enumeration: SM + 3 right-handed neutrinos with a U(1)' (issue 7)."""

from __future__ import annotations

import itertools
from math import gcd

import pytest

np = pytest.importorskip("numpy")

import sympy as sp  # noqa: E402

from anomalyalgebra.enumeration import (  # noqa: E402
    charge_problem,
    enumerate_charges,
    operator_charge,
)
import anomalyalgebra as aa  # noqa: E402
from anomalyalgebra.model import Model, fermion  # noqa: E402

GROUPS = {"SU3c": "SU(3)", "SU2L": "SU(2)", "Y": "U(1)", "X": "U(1)"}
SPEC = [("Q", "L", "3", "2", "1/6"), ("u", "R", "3", "1", "2/3"), ("d", "R", "3", "1", "-1/3"),
        ("L", "L", "1", "2", "-1/2"), ("e", "R", "1", "1", "-1"), ("N", "R", "1", "1", "0")]


def sm3n(charged=("Q", "u", "d", "L", "e", "N")):
    """SM + 3 nu_R; every field of the listed kinds gets its own unknown U(1)' charge."""
    syms, fields = [], []
    for name, chi, c, w, y in SPEC:
        for i in (1, 2, 3):
            if name in charged:
                x = sp.Symbol(f"x_{name}{i}")
                syms.append(x)
            else:
                x = 0
            fields.append(fermion(f"{name}{i}", chi, {"SU3c": c, "SU2L": w, "Y": y, "X": x}))
    return Model.build("SM+3N", GROUPS, fields, symbols=syms), tuple(syms)


def _check(model, syms, sol):
    sub = dict(zip(syms, sol))
    m = model.subs(sub)
    return all(sp.simplify(v) == 0 for v in aa.anomaly_table(m, convention="eq4").values())


def test_full_flavour_dependent_case_is_sound_and_contains_known_symmetries():
    model, x = sm3n()
    cp = charge_problem(model, x, 3)
    assert [g.size for g in cp.problem.groups] == [3] * 6
    assert cp.problem.sign_reduce and cp.problem.primitive
    sols = list(enumerate_charges(model, x, 3))
    assert len(sols) == len(set(sols)) == 4115
    for sol in sols[::97]:
        assert _check(model, x, sol)
    as_set = set(sols)

    def canon(v):
        # sorted inside each field kind, sign representative as the engine reports it
        parts = [tuple(sorted(v[3 * k:3 * k + 3])) for k in range(6)]
        neg = [tuple(sorted(-q for q in p)) for p in parts]
        flat = tuple(q for p in parts for q in p)
        nflat = tuple(q for p in neg for q in p)
        a, b = sum(q < 0 for q in flat), sum(q > 0 for q in flat)
        return flat if (a < b or (a == b and flat >= nflat)) else nflat

    b_minus_l = (1,) * 9 + (-3,) * 9
    l_mu_minus_l_tau = (0,) * 9 + (0, 1, -1) * 3
    le_plus_lmu_minus_2ltau = (0,) * 9 + (1, 1, -2) * 3
    for v in (b_minus_l, l_mu_minus_l_tau, le_plus_lmu_minus_2ltau):
        assert _check(model, x, v)
        assert canon(v) in as_set
    # hypercharge needs |q| <= 6 (6Y = 1, 4, -2, -3, -6, 0): not within q_max = 3
    assert canon((1,) * 3 + (4,) * 3 + (-2,) * 3 + (-3,) * 3 + (-6,) * 3 + (0,) * 3) not in as_set


def _raw_brute_force(model, syms, q_max, chiral):
    """All integer points by numpy over the full box, using the model's own traces."""
    exprs = [e for k, e in aa.anomaly_table(model, convention="eq4").items() if "X" in k]
    grids = np.array(list(itertools.product(range(-q_max, q_max + 1), repeat=len(syms))))
    ok = np.ones(len(grids), dtype=bool)
    for e in exprs:
        num, den = sp.fraction(sp.together(e))
        f = sp.lambdify(syms, sp.expand(num), "numpy")
        ok &= np.asarray(f(*grids.T)) == 0
    out = set()
    n = len(syms)
    for v in grids[ok]:
        v = tuple(int(a) for a in v)
        if gcd(*v) != 1:
            continue
        nn = v[n - 3:]
        if chiral and (0 in nn or any(nn[i] + nn[j] == 0 for i in range(3) for j in range(i + 1, 3))):
            continue
        parts = [tuple(sorted(v[3 * k:3 * k + 3])) for k in range(n // 3)]
        neg = [tuple(sorted(-q for q in p)) for p in parts]
        flat = tuple(q for p in parts for q in p)
        nflat = tuple(q for p in neg for q in p)
        a, b = sum(q < 0 for q in flat), sum(q > 0 for q in flat)
        out.add(flat if (a < b or (a == b and flat >= nflat)) else nflat)
    return out


@pytest.mark.parametrize("chiral", [False, True])
def test_lepton_sector_matches_raw_brute_force(chiral):
    model, x = sm3n(charged=("L", "e", "N"))
    got = list(enumerate_charges(model, x, 2, chiral=chiral))
    assert len(got) == len(set(got))
    assert set(got) == _raw_brute_force(model, x, 2, chiral)
    assert got


def test_yukawa_equations_are_separable_and_respected():
    model, x = sm3n(charged=("L", "e", "N"))
    # require the diagonal charged-lepton Yukawas L_i* H e_i with H neutral under X
    eqs = [operator_charge(model, "X", [f"L{i}*", f"e{i}"]) for i in (1, 2, 3)]
    cp = charge_problem(model, x, 3, equations=eqs)
    assert not cp.problem.extra  # linear equations are separable conditions
    sols = list(enumerate_charges(model, x, 3, equations=eqs))
    assert sols
    for sol in sols:
        v = dict(zip(x, sol))
        assert all(v[sp.Symbol(f"x_L{i}")] == v[sp.Symbol(f"x_e{i}")] for i in (1, 2, 3))
        assert _check(model, x, sol)


def test_non_separable_equation_is_supported():
    model, x = sm3n(charged=("L", "e", "N"))
    xl1, xn1 = sp.Symbol("x_L1"), sp.Symbol("x_N1")
    xe1 = sp.Symbol("x_e1")
    eq = sp.Eq(xl1 * xn1, xe1 + 1)  # not separable, neither odd nor even
    cp = charge_problem(model, x, 2, equations=[eq])
    assert cp.problem.extra and not cp.problem.sign_reduce
    sols = list(enumerate_charges(model, x, 2, equations=[eq]))
    assert sols
    for sol in sols:
        v = dict(zip(x, sol))
        assert v[xl1] * v[xn1] == v[xe1] + 1 and _check(model, x, sol)


def test_unsubstituted_symbols_are_an_error():
    model, x = sm3n(charged=("L", "e", "N"))
    from anomalyalgebra.exceptions import ModelError

    with pytest.raises(ModelError, match="substitute"):
        charge_problem(model, x[:-1], 2)
