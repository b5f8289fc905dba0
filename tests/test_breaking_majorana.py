"""Majorana mass matrices: assembly conventions, closed forms vs mpmath Takagi, seesaw,
and the neutral sector of Table IV (tau_l_minus_4r) with the d = 5 operators."""

import random

import mpmath
import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.breaking import (diagonalise_symmetric_2x2, fermion_masses, majorana_masses,
                                     model_fermion_masses, numerical_takagi, seesaw, vacuum)
from anomalyalgebra.exceptions import ModelError

DPS = 40
v, V1, V5 = sp.symbols("v V_1 V_5", positive=True)


@pytest.fixture(scope="module")
def vac():
    return vacuum(aa.load_model("tau_l_minus_4r"),
                  {"H": v / sp.sqrt(2), "S1": V1 / sp.sqrt(2), "S5": V5 / sp.sqrt(2)})


@pytest.fixture(scope="module")
def d5(vac):
    return majorana_masses(model_fermion_masses(vac, 4, (5,)))


def _close(x, y, digits=DPS - 8):
    return abs(x - y) <= mpmath.mpf(10) ** (-digits) * max(1, abs(x), abs(y))


def _check_takagi(M, vals, U):
    n = U.rows
    with mpmath.workdps(DPS):
        A = mpmath.matrix([[mpmath.mpmathify(sp.N(x, DPS + 5)) for x in row] for row in sp.Matrix(M).tolist()])
        D = U.T * A * U
        unit = U.H * U
        for i in range(n):
            for j in range(n):
                assert _close(D[i, j], vals[i] if i == j else 0)
                assert _close(unit[i, j], 1 if i == j else 0)
        assert all(vals[i] >= 0 for i in range(n))


def _mp(expr):
    re, im = sp.N(expr, DPS + 5).as_real_imag()
    z = mpmath.mpc(mpmath.mpf(str(sp.N(re, DPS + 5))), mpmath.mpf(str(sp.N(im, DPS + 5))))
    return z.real if abs(z.imag) < mpmath.mpf(10) ** (-DPS) else z


def _rand(rng, lo=-3, hi=3):
    return sp.Rational(rng.randint(1, 999), rng.randint(1, 99)) * rng.choice([-1, 1]) if lo < 0 else \
        sp.Rational(rng.randint(1, 999), rng.randint(1, 99))


# ----------------------------------------------------------------------------- conventions
def test_factor_half_and_conjugation_conventions(vac):
    y, c, c12 = sp.symbols("y c c12")
    fm = fermion_masses(vac, [("bar(l3) N2 conj(H)", y), ("N1 N1 S1 conj(S5)", c),
                              ("N1 N2 conj(S1) conj(S5)", c12)])
    b = majorana_masses(fm).block("l3", "N1")
    assert b.names == ("l3[1/2]", "N1^c", "N2^c")
    # -L ⊃ c N1 N1 <S1><S5*> + h.c. = 1/2 M N1^c N1^c + h.c.: M = 2 conj(c V1 V5 / 2)
    assert b.entry("N1^c", "N1^c") == sp.conjugate(c) * V1 * V5
    # two different fields: no factor 2
    assert b.entry("N1^c", "N2^c") == b.entry("N2^c", "N1^c") == sp.conjugate(c12) * V1 * V5 / 2
    # Dirac psibar_L D chi_R -> M[psi, chi^c] = conj(D)
    assert b.entry("l3[1/2]", "N2^c") == sp.conjugate(y) * v / sp.sqrt(2)
    assert b.matrix == b.matrix.T and b.entry("N2^c", "N2^c") == 0


def test_copies_coupling_matrix_gets_factor_two(vac):
    """The enumeration's symmetric c_ab, summed over a, b: M_ab = 2 c_ab <H0>^2."""
    cm = sp.Matrix(2, 2, lambda a, b: sp.Symbol(f"k{min(a, b)}{max(a, b)}", real=True))
    b = majorana_masses(fermion_masses(vac, [("l12 l12 H H", cm)])).block("l12")
    assert b.matrix == sp.ImmutableMatrix(2, 2, lambda i, j: cm[i, j] * v**2)


def test_refuses_charged_and_unknown(vac):
    fm = fermion_masses(vac, [("EL EL", 1)], check=False)           # Q = -2 pair
    with pytest.raises(ModelError, match="does not conserve"):
        majorana_masses(fm)
    ok = majorana_masses(fermion_masses(vac, [("N1 N1 S1 conj(S5)", 1)]))
    with pytest.raises(ModelError, match="no Majorana block"):
        ok.block("EL")
    with pytest.raises(ModelError, match="symmetric"):
        diagonalise_symmetric_2x2([[0, 1], [2, 0]])
    with pytest.raises(ModelError, match="symmetric"):
        seesaw([[0, v], [2 * v, 1]], [v])


# ----------------------------------------------------------------------------- 2x2 closed forms
def test_real_2x2_closed_form_vs_mpmath():
    rng = random.Random(11)
    a, b, d = sp.symbols("a b d", real=True)
    cf = diagonalise_symmetric_2x2([[a, b], [b, d]])
    for _ in range(6):
        pt = {a: _rand(rng), b: _rand(rng), d: _rand(rng)}
        M = sp.Matrix([[pt[a], pt[b]], [pt[b], pt[d]]])
        vals, U = numerical_takagi(M, dps=DPS)
        _check_takagi(M, vals, U)
        with mpmath.workdps(DPS):
            exact = sorted(sp.N(x.subs(pt), DPS + 5) for x in cf.masses)
            assert all(_close(mpmath.mpf(str(e)), s) for e, s in zip(exact, vals))
            lam = [mpmath.mpf(str(sp.N(x.subs(pt), DPS + 5))) for x in cf.eigenvalues]
            ev = sorted(mpmath.eigsy(mpmath.matrix(M.evalf(DPS + 5).tolist()))[0])
            assert _close(min(lam), ev[0]) and _close(max(lam), ev[1])
            # R(theta) M R^T = diag(lambda_1, lambda_2) with the closed-form theta
            th = mpmath.mpf(str(sp.N(cf.theta.subs(pt), DPS + 5)))
            c, s = mpmath.cos(th), mpmath.sin(th)
            R = mpmath.matrix([[c, s], [-s, c]])
            D = R * mpmath.matrix(M.evalf(DPS + 5).tolist()) * R.T
            assert _close(D[0, 1], 0) and _close(D[0, 0], lam[0]) and _close(D[1, 1], lam[1])


def test_complex_2x2_takagi_closed_form_vs_mpmath():
    rng = random.Random(5)
    a, b, d = sp.symbols("a b d")
    cf = diagonalise_symmetric_2x2([[a, b], [b, d]])
    assert cf.eigenvalues is None
    for _ in range(5):
        pt = {x: _rand(rng) + sp.I * _rand(rng) for x in (a, b, d)}
        M = sp.Matrix([[pt[a], pt[b]], [pt[b], pt[d]]])
        vals, U = numerical_takagi(M, dps=DPS)
        _check_takagi(M, vals, U)
        with mpmath.workdps(DPS):
            exact = [_mp(x.subs(pt)) for x in cf.masses]
            assert _close(exact[0], vals[0]) and _close(exact[1], vals[1])
            t = _mp(cf.tan2theta.subs(pt))
            sin2_2theta = t**2 / (1 + t**2)
            assert _close(4 * abs(U[0, 0])**2 * abs(U[0, 1])**2, sin2_2theta, DPS - 12)


def test_numerical_takagi_degenerate_and_singular():
    # a pseudo-Dirac pair with a phase (degenerate Takagi values) and a rank-2 3x3 matrix
    mats = [sp.Matrix([[0, 2 + sp.I], [2 + sp.I, 0]]),
            sp.Matrix([[0, 1 + 2 * sp.I, 0], [1 + 2 * sp.I, 0, 0], [0, 0, 0]]),
            sp.Matrix([[1, sp.I, 2], [sp.I, -1, 2 * sp.I], [2, 2 * sp.I, 4]])]
    for M in mats:
        vals, U = numerical_takagi(M, dps=DPS)
        _check_takagi(M, vals, U)
    with mpmath.workdps(DPS):
        assert _close(numerical_takagi(mats[0], dps=DPS)[0][0], mpmath.sqrt(5))
    rng = random.Random(3)
    A = sp.Matrix(4, 4, lambda i, j: 0)
    for i in range(4):
        for j in range(i, 4):
            A[i, j] = A[j, i] = _rand(rng) + sp.I * _rand(rng)
    vals, U = numerical_takagi(A, dps=DPS)
    _check_takagi(A, vals, U)
    with mpmath.workdps(DPS):
        from anomalyalgebra.breaking import numerical_svd
        assert all(_close(x, y) for x, y in zip(vals, numerical_svd(A, dps=DPS)))


# ----------------------------------------------------------------------------- seesaw
def test_seesaw_leading_formula_symbolic():
    m1, m2, M11, M12, M22, mu = sp.symbols("m1 m2 M11 M12 M22 mu", positive=True)
    mD = sp.Matrix([[m1, m2]])
    MR = sp.Matrix([[M11, M12], [M12, M22]])
    full = sp.BlockMatrix([[sp.zeros(1, 1), mD], [mD.T, MR]]).as_explicit()
    s = seesaw(full, [m1, m2], order=2)
    assert s.light_states == (0,) and s.heavy_states == (1, 2)
    assert sp.simplify(s.light[0, 0] + (mD * MR.inv() * mD.T)[0, 0]) == 0
    assert s.heavy.subs({m1: 0, m2: 0}) == sp.ImmutableMatrix(MR)
    # U^T M U is block diagonal through O(m^2) (checked at numerical heavy entries)
    eps = sp.Symbol("eps", positive=True)
    pt = {M11: 7, M12: 2, M22: 5, m1: 3 * eps, m2: -2 * eps}
    X = (s.U.T * full * s.U).subs(pt).applyfunc(sp.expand)
    assert all(sp.series(X[0, j], eps, 0, 3).removeO() == 0 for j in (1, 2))


def test_seesaw_error_scaling_vs_mpmath():
    """Light Takagi values: seesaw at order 2 is off by O(eps^2) relative, order 4 by O(eps^4)."""
    rng = random.Random(7)
    eps = sp.Symbol("eps", positive=True)
    mD = sp.Matrix(2, 3, lambda i, j: _rand(rng))
    MR = sp.Matrix(3, 3, lambda i, j: 0)
    for i in range(3):
        for j in range(i, 3):
            MR[i, j] = MR[j, i] = _rand(rng) * (10 if i == j else 1)
    full = sp.BlockMatrix([[sp.zeros(2, 2), eps * mD], [eps * mD.T, MR]]).as_explicit()
    errs = {}
    for order in (2, 4):
        s = seesaw(full, [eps], order=order)
        for e in (sp.Rational(1, 100), sp.Rational(1, 1000)):
            exact = numerical_takagi(full.subs(eps, e), dps=DPS)[0][:2]
            approx = numerical_takagi(s.light.subs(eps, e), dps=DPS)[0]
            with mpmath.workdps(DPS):
                errs[order, e] = max(abs(x - y) / x for x, y in zip(exact, approx))
    r2 = errs[2, sp.Rational(1, 100)] / errs[2, sp.Rational(1, 1000)]
    r4 = errs[4, sp.Rational(1, 100)] / errs[4, sp.Rational(1, 1000)]
    assert 50 < r2 < 200 and 5e3 < r4 < 2e4
    assert errs[4, sp.Rational(1, 1000)] < mpmath.mpf(10) ** -10


# ----------------------------------------------------------------------------- Table IV
def test_tau_l_minus_4r_neutral_block_d5(d5):
    """(nu_tau, LL0, LR0^c, N1^c, N2^c) from the allowed operators, no hand input."""
    b = d5.block("l3", "N1", "N2")
    assert b.names == ("l3[1/2]", "LL[-1]", "LR[-1]^c", "N1^c", "N2^c")
    C = sp.conjugate
    y_n, y_a = sp.Symbol("y_{l3*,N2,H*}"), sp.Symbol("y_{LL*,LR,S1*}")
    c11, c12 = sp.Symbol("c_{N1,N1,S1,S5*}_11"), sp.Symbol("c_{N1,N2,S1*,S5*}")
    c_nl, c_rn = sp.Symbol("c_{l3,LL,H*,S1*}"), sp.Symbol("c_{LR,N1,H*,H*}")
    nu_N2, nu_LL = C(y_n) * v / sp.sqrt(2), c_nl * v * V1 / sp.sqrt(2)
    anom = C(y_a) * V1 / sp.sqrt(2)                            # Eq. (59) anomalon mass
    LR_N1 = C(c_rn) * v**2 / 2
    expected = sp.Matrix([
        [0,     nu_LL, 0,     0,                 nu_N2],
        [nu_LL, 0,     anom,  0,                 0],
        [0,     anom,  0,     LR_N1,             0],
        [0,     0,     LR_N1, C(c11) * V1 * V5,  C(c12) * V1 * V5 / 2],
        [nu_N2, 0,     0,     C(c12) * V1 * V5 / 2, 0],
    ])
    assert (b.matrix - expected).applyfunc(sp.simplify).is_zero_matrix
    assert b.rank() == 5 and b.massless_count() == 0
    assert sp.factor(b.matrix.det()) == sp.factor(expected.det())
    # nu_{1,2}: the Weinberg operator alone, a separate 2x2 block of rank 2
    w = d5.block("l12")
    assert w.names == ("l12#1[1/2]", "l12#2[1/2]") and w.rank() == 2
    assert w.entry("l12#1[1/2]", "l12#2[1/2]") == sp.Symbol("c_{l12,l12,H,H}_12") * v**2
    assert d5.massless == ()
    # the charged part of l3 LL H* S1* (tau_L with LL+) is reported, not dropped
    (a, c, val), = d5.dirac_like
    assert (a.name(), c.name()) == ("l3[-1/2]", "LL[0]") and val == -c_nl * v * V1 / 2


def test_tau_l_minus_4r_d4_only(vac):
    """Renormalizable terms only: nu_tau-N2 and LL0-LR0 Dirac pairs; N1, nu_1, nu_2 massless."""
    mm = majorana_masses(model_fermion_masses(vac))
    assert [blk.names for blk in mm.blocks] == [("l3[1/2]", "N2^c"), ("LL[-1]", "LR[-1]^c")]
    assert all(blk.rank() == 2 for blk in mm.blocks)
    assert [s.name(vac.model) for s in mm.massless] == ["l12#1[1/2]", "l12#2[1/2]", "N1^c"]
    d = diagonalise_symmetric_2x2(mm.blocks[0].matrix.subs(sp.Symbol("y_{l3*,N2,H*}"), sp.Symbol("y", positive=True)))
    assert d.theta == sp.pi / 4                                 # a Dirac pair: maximal mixing, +-m
    assert d.eigenvalues == (sp.Symbol("y", positive=True) * v / sp.sqrt(2),
                             -sp.Symbol("y", positive=True) * v / sp.sqrt(2))


def test_tau_l_minus_4r_seesaw_in_v(d5):
    """For y v, v^2 c << V1 V5 c, V1 y': m_nu = m_D^2 M11/M12^2 (N2N2 = 0), the nu-LL entry
    does not contribute at this order; checked against mpmath at a numerical point."""
    b = d5.block("l3", "N1")
    real = {s: sp.Symbol(s.name, real=True) for s in b.matrix.free_symbols if s not in (v, V1, V5)}
    M = b.matrix.subs(real).applyfunc(sp.simplify)
    s = seesaw(M, [v], order=2)
    assert s.light_states == (0,)
    y_n = real[sp.Symbol("y_{l3*,N2,H*}")]
    c11, c12 = real[sp.Symbol("c_{N1,N1,S1,S5*}_11")], real[sp.Symbol("c_{N1,N2,S1*,S5*}")]
    lead = 2 * y_n**2 * v**2 * c11 / (c12**2 * V1 * V5)
    assert sp.simplify(s.light[0, 0] - lead) == 0
    pt = {v: sp.Rational(1, 10**6), V1: 3, V5: 2, **{x: _rand(random.Random(str(x)), 0) for x in real.values()}}
    exact = numerical_takagi(M.subs(pt), dps=DPS)[0][0]
    nlo = seesaw(M.subs({x: pt[x] for x in pt if x != v}), [v], order=4).light[0, 0]
    with mpmath.workdps(DPS):
        rel2 = abs(exact - abs(_mp(lead.subs(pt)))) / exact
        rel4 = abs(exact - abs(_mp(nlo.subs(pt)))) / exact
        # relative corrections ~ (m_D/m_N)^2 with m_N ~ M12^2/M11 the lighter N state
        assert rel2 < mpmath.mpf(10) ** -5 and rel4 < rel2 * mpmath.mpf(10) ** -4
