"""Closed-form and perturbative diagonalisation against high-precision numerical SVD."""

import random

import mpmath
import pytest
import sympy as sp

from anomalyalgebra.breaking import (
    block_diagonalise_numeric, diagonalise_2x2, mass_basis_couplings, numerical_svd,
    perturbative_svd, rotation,
)
from anomalyalgebra.exceptions import ModelError

v, V5, M, yL, yR = sp.symbols("v V_5 M y_L y_R", positive=True)
R2 = sp.sqrt(2)
ME = sp.Matrix([[0, yL * v / R2], [yR * V5 / R2, M]])
D2 = diagonalise_2x2(ME)


def _points(n, seed):
    rng = random.Random(seed)
    for _ in range(n):
        yield {v: sp.Rational(rng.randint(50, 400)), V5: sp.Rational(rng.randint(10, 900)),
               M: sp.Rational(rng.randint(300, 5000)), yL: sp.Rational(rng.randint(1, 300), 100),
               yR: sp.Rational(rng.randint(1, 300), 100)}


@pytest.mark.parametrize("point", list(_points(6, 1)))
def test_exact_singular_values_match_mpmath(point):
    exact = [sp.N(m.subs(point), 45) for m in D2.masses]
    num = numerical_svd(ME.subs(point), dps=45)
    with mpmath.workdps(45):
        for a, b in zip(exact, num):
            assert abs(mpmath.mpf(str(a)) - b) < mpmath.mpf(10) ** -35 * max(1, abs(b))


@pytest.mark.parametrize("point", list(_points(4, 2)))
def test_exact_rotations_diagonalise(point):
    """R_L M R_R^T = diag(m_light < 0, m_heavy > 0): the light state is the first row (Eq. 52)."""
    RL, RR = D2.rotation_L.subs(point), D2.rotation_R.subs(point)
    D = (RL * ME.subs(point) * RR.T).evalf(40)
    assert abs(D[0, 1]) < 1e-30 and abs(D[1, 0]) < 1e-30
    light, heavy = [sp.N(m.subs(point), 40) for m in D2.masses]
    assert abs(D[0, 0] + light) < 1e-30 and abs(D[1, 1] - heavy) < 1e-30
    sl, sh = [sp.N(x.subs(point), 40) for x in D2.signed_masses()]
    assert abs(sl - D[0, 0]) < 1e-30 and abs(sh - D[1, 1]) < 1e-30


def test_eq53_erratum_printed_heavy_state_is_not_orthogonal():
    t = sp.Symbol("t", real=True)
    tau = rotation(t)[0, :]
    printed_heavy = sp.Matrix([[-sp.sin(t), sp.sin(t)]])
    assert sp.simplify(tau.dot(printed_heavy)) != 0
    assert sp.simplify(tau.dot(rotation(t)[1, :])) == 0


def test_eq54_is_leading_term_and_eq55_is_heavy_mass():
    assert sp.simplify(D2.series("light", [v, V5], 2) - yL * yR * v * V5 / (2 * M)) == 0
    assert D2.series("heavy", [v, V5], 0) == M
    # the light mass is NOT ~ M (the printed Eq. 55 label)
    assert sp.simplify(D2.series("light", [v, V5], 4) - M) != 0


@pytest.mark.parametrize("order", [2, 4])
def test_perturbative_matches_series_of_exact(order):
    p = perturbative_svd(ME, [v, V5], order=order)
    assert sp.simplify(-p.light[0, 0] - D2.series("light", [v, V5], order)) == 0
    assert sp.simplify(p.heavy[0, 0] - D2.series("heavy", [v, V5], order)) == 0
    # A = tan(theta_L), B = tan(theta_R) to the same order
    tL = sp.tan(sp.atan(D2.tan2theta_L) / 2)
    assert sp.simplify(p.A[0, 0] - _ser(tL, order)) == 0


def _ser(expr, order):
    eps = sp.Dummy("eps", positive=True)
    e = expr.subs({v: eps * v, V5: eps * V5}, simultaneous=True)
    return sp.series(e, eps, 0, order + 1).removeO().subs(eps, 1)


def _hier(n_light, n_heavy, eps, seed):
    rng = random.Random(seed)
    n = n_light + n_heavy
    rows = []
    for i in range(n):
        row = []
        for j in range(n):
            x = rng.uniform(-1, 1)
            if i >= n_light and j >= n_light:
                x = x + (3 if i == j else 0)          # heavy block O(1), invertible
            else:
                x = eps * x                          # light entries O(eps)
            row.append(x)
        rows.append(row)
    return sp.Matrix(rows)


@pytest.mark.parametrize("order", [1, 2, 3])
def test_perturbative_error_scales_like_eps_to_order_plus_one(order):
    """3x3 with a symbolic small parameter: error of the light singular values ~ eps^(order+1)."""
    e = sp.Symbol("e", positive=True)
    rng = random.Random(7)
    n_l, n_h = 2, 1
    Msym = sp.zeros(3, 3)
    for i in range(3):
        for j in range(3):
            x = sp.Rational(rng.randint(-9, 9) or 1, 10)
            Msym[i, j] = x + (3 if i == j == 2 else 0) if (i >= n_l and j >= n_l) else e * x
    p = perturbative_svd(Msym, [e], order=order)
    errs = []
    for eps in (sp.Rational(1, 20), sp.Rational(1, 40)):
        approx = sorted(sp.N(x, 40) for x in numerical_svd(p.light.subs(e, eps), dps=40))
        exact = numerical_svd(Msym.subs(e, eps), dps=40)[:n_l]
        errs.append(max(abs(a - b) for a, b in zip(approx, exact)))
    ratio = errs[0] / errs[1]
    assert ratio > 2 ** (order + 1) * 0.7, (order, errs)


def test_perturbative_requires_invertible_heavy_block():
    a, b = sp.symbols("a b", positive=True)
    with pytest.raises(ModelError, match="singular"):
        perturbative_svd(sp.Matrix([[a, 0], [0, b]]), [a, b], order=1, light_rows=[0], light_cols=[0])


@pytest.mark.parametrize("size,n_light", [(4, 2), (6, 3)])
def test_numeric_block_diagonalisation_converges(size, n_light):
    Mnum = _hier(n_light, size - n_light, 0.01, seed=size)
    exact = numerical_svd(Mnum, dps=60)
    errs = []
    with mpmath.workdps(60):
        for it in (1, 2, 3, 4):
            L, H = block_diagonalise_numeric(Mnum, range(n_light), range(n_light), iterations=it)
            approx = sorted(numerical_svd(L, dps=60) + numerical_svd(H, dps=60))
            errs.append(max(abs(a - b) / b for a, b in zip(approx, exact)))
    assert errs[-1] < 1e-20
    # each iteration gains at least two orders of eps = 0.01 (a factor 1e3, with margin)
    assert all(errs[i + 1] < errs[i] * 1e-3 for i in range(len(errs) - 1)), errs


def test_mass_basis_x_couplings_eq57():
    tR = sp.Symbol("theta_R", real=True)
    C = mass_basis_couplings([-1, 4], rotation(tR).T)
    assert sp.simplify(C[0, 0] - (-1 + 5 * sp.sin(tR) ** 2)) == 0
    assert sp.simplify(C.trace() - 3) == 0        # basis independent: UV sum -1 + 4


@pytest.mark.parametrize("M,small", [
    ("[[0, a*v], [b*w, m]]", "v w"),
    ("[[0, a*v], [b*w, m + c*v]]", "v w"),
    ("[[a*v, 0], [b*w, m + c*v]]", "v w"),
    ("[[c*v, a*v], [b*w, m]]", "v w"),          # det of unknown sign: direct expansion
])
@pytest.mark.parametrize("quantity,order", [("light", 2), ("light", 3), ("heavy", 0), ("heavy", 2)])
def test_mass_series_equals_direct_expansion(M, small, quantity, order):
    """The series of a singular value by power-series recurrences (no cancelling nested
    root) is the same expression as sympy's series of the closed form."""
    from anomalyalgebra.breaking.diagonalise import _mass_series, _series_in, diagonalise_2x2

    syms = {s: sp.Symbol(s, positive=True) for s in ("a", "b", "c", "m", "v", "w")}
    mat = sp.Matrix(sp.sympify(M, locals=syms))
    sm = tuple(syms[s] for s in small.split())
    d = diagonalise_2x2(mat)
    fast = _mass_series(d.matrix, quantity, sm, order)
    direct = _series_in(d.masses[0] if quantity == "light" else d.masses[1], sm, order)
    if "c*v, a*v" in M and quantity == "light":
        assert fast is None and d.series(quantity, sm, order) == direct
        return
    assert fast is not None
    assert sp.simplify(fast - direct) == 0
