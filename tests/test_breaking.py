"""Symmetry breaking: VEVs, gauge-boson masses (Eqs. 35, 45), fermion mass blocks (Eq. 47)."""

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.breaking import (
    fermion_masses, gauge_mass_matrix, invariant_tensor, model_fermion_masses, vacuum,
)
from anomalyalgebra.exceptions import ModelError

v, V1, V5, M, yL, yR, y, vX, gX, g, gp = sp.symbols("v V_1 V_5 M y_L y_R y v_X g_X g g'", positive=True)
R2 = sp.sqrt(2)


@pytest.fixture(scope="module")
def l4r():
    return aa.load_model("tau_l_minus_4r")


@pytest.fixture(scope="module")
def vac(l4r):
    return vacuum(l4r, {"H": v / R2, "S1": V1 / R2, "S5": V5 / R2})


def test_higgs_vev_sits_in_lower_neutral_component(vac):
    assert vac.vev("H", sp.Rational(-1, 2)) == v / R2
    assert vac.vev("H", sp.Rational(1, 2)) == 0
    assert vac.unbroken_labels() == ("SU3c",)


def test_vev_in_charged_component_is_refused(l4r):
    with pytest.raises(ModelError, match="neutral"):
        vacuum(l4r, {"H": {sp.Rational(1, 2): v}})
    with pytest.raises(ModelError, match="fermion"):
        vacuum(l4r, {"l3": v})


def test_sm_gauge_masses():
    G = gauge_mass_matrix(vacuum(aa.load_model("sm"), {"H": v / R2}))
    assert G.m_W_squared == g**2 * v**2 / 4
    ev = sorted(G.neutral_masses_squared(), key=lambda e: len(str(e)))
    assert ev[0] == 0
    assert sp.simplify(ev[1] - (g**2 + gp**2) * v**2 / 4) == 0
    assert G.photon_mixing("B") == 0 and G.photon_mixing("W3") == 0


def test_eq45_and_no_xz_mixing(vac):
    G = gauge_mass_matrix(vac, {"X": gX})
    assert sp.simplify(G.mass("X") - gX * sp.sqrt(V1**2 + 25 * V5**2)) == 0
    assert G.entry("W3", "X") == 0 and G.entry("B", "X") == 0 and G.z_mixing("X") == 0


def test_eq35_single_scalar():
    m = aa.load_model("anomalon_nplet")
    XS = m.symbol("X_S")
    G = gauge_mass_matrix(vacuum(m, {"S": vX / R2}), {"X": gX})
    assert sp.simplify(G.mass_squared("X") - XS**2 * gX**2 * vX**2) == 0


def test_xz_mixing_when_higgs_carries_x_charge():
    xH = sp.Rational(3, 2)
    m = aa.Model.build("toy", {"SU2L": "SU(2)", "Y": "U(1)", "X": "U(1)"},
                       [aa.scalar("H", {"SU2L": "2", "Y": "1/2", "X": "3/2"}),
                        aa.scalar("S", {"SU2L": "1", "Y": "0", "X": "1"})])
    G = gauge_mass_matrix(vacuum(m, {"H": v / R2, "S": vX / R2}), {"X": gX})
    assert sp.simplify(G.entry("W3", "X") + g * gX * xH * v**2 / 2) == 0
    assert sp.simplify(G.z_mixing("X") + sp.sqrt(g**2 + gp**2) * gX * xH * v**2 / 2) == 0
    assert sp.simplify(G.mass_squared("X") - gX**2 * (xH**2 * v**2 + vX**2)) == 0
    assert G.photon_mixing("X") == 0          # the photon stays massless and unmixed
    assert 0 in G.neutral_masses_squared()


def test_invariant_tensors():
    h = sp.Rational(1, 2)
    assert invariant_tensor((h, h), (True, False)) == {(0, 0): 1, (1, 1): 1}
    assert invariant_tensor((1, 1), (True, False)) == {(0, 0): 1, (1, 1): 1, (2, 2): 1}
    eps = invariant_tensor((h, h), (False, False))
    assert eps == {(0, 1): 1, (1, 0): -1}
    with pytest.raises(ModelError, match="no singlet"):
        invariant_tensor((h, 1), (True, False))


def test_eq47_from_typed_eq46(vac):
    fm = fermion_masses(vac, [("bar(l3) ER H", yL), ("S5 bar(EL) e3", yR), ("bar(EL) ER", M)])
    b = fm.block("l3", "EL", charge=-1)
    assert b.row_names == ("l3[-1/2]", "EL") and b.col_names == ("e3", "ER")
    assert b.matrix == sp.Matrix([[0, yL * v / R2], [yR * V5 / R2, M]])
    assert b.charge == -1


def test_hc_orientation_gives_same_matrix(vac):
    """bar(ER) l3 conj(H) is the h.c. of bar(l3) ER H: same entry (conjugated)."""
    c = sp.Symbol("c")
    fm = fermion_masses(vac, [("bar(ER) l3 conj(H)", c)])
    b = fm.block("l3", "ER")
    assert b.matrix == sp.Matrix([[sp.conjugate(c) * v / R2]])


def test_forbidden_operator_is_refused(vac):
    with pytest.raises(ModelError, match="not allowed"):
        fermion_masses(vac, [("bar(l3) e3 H", y)])


def test_eq47_and_eq59_from_allowed_operators(vac):
    """No hand input: every renormalizable operator of Table IV on the vacuum of Eq. (44)."""
    fm = model_fermion_masses(vac)
    b = fm.block("l3", "EL", charge=-1)
    (yl,) = [s for s in b.matrix.free_symbols if s.name.startswith("y_{l3")]
    (yr,) = [s for s in b.matrix.free_symbols if s.name.startswith("y_{EL")]
    (mm,) = [s for s in b.matrix.free_symbols if s.name.startswith("M_")]
    assert b.matrix == sp.Matrix([[0, yl * v / R2], [yr * V5 / R2, mm]])
    anomalons = fm.blocks_of("LL")
    assert sorted(bl.charge for bl in anomalons) == [0, 1, 2]
    for bl in anomalons:
        assert bl.shape == (1, 1) and sp.simplify(bl.matrix[0, 0] / (V1 / R2)).free_symbols <= {
            s for s in bl.matrix.free_symbols if s.name.startswith("y_")}
    # N1 stays massless at d = 4; nu_tau pairs with N2 through bar(l3) N2 conj(H)
    assert [c.field for c in fm.massless_right] == ["N1"]
    nu = fm.block("l3", "N2")
    assert nu.charge == 0 and nu.shape == (1, 1)


def test_lonly_model_neutral_and_charged_blocks():
    m = aa.load_model("tau_l_only")
    vac = vacuum(m, {"H": v / R2, "S": vX / R2})
    fm = fermion_masses(vac, [("bar(l3) ER S", yL), ("bar(EL) ER", M), ("bar(EL) H e3", yR)])
    ch = fm.block("l3", "EL", charge=-1)
    assert ch.matrix == sp.Matrix([[0, yL * vX / R2], [yR * v / R2, M]])
    neu = fm.block("l3", "EL", charge=0)   # the doublet E has a neutral component too
    assert neu.shape == (2, 1) and list(neu.matrix) == [yL * vX / R2, M]


def test_copies_take_coupling_matrices(vac):
    Y = sp.Matrix(2, 2, sp.symbols("y11 y12 y21 y22"))
    b = fermion_masses(vac, [("bar(l12) e12 H", Y)]).block("l12")
    assert b.matrix == Y * v / R2
    with pytest.raises(ModelError, match="shape"):
        fermion_masses(vac, [("bar(l12) e12 H", sp.Matrix([[1, 2, 3]]))])


def test_quark_masses_use_conjugate_higgs():
    sm = aa.load_model("sm")
    vac = vacuum(sm, {"H": v / R2})
    fm = fermion_masses(vac, [("bar(q) u conj(H)", y), ("bar(q) d H", y)])
    up = [b for b in fm.blocks if b.charge == sp.Rational(2, 3)]
    down = [b for b in fm.blocks if b.charge == sp.Rational(-1, 3)]
    assert len(up) == 3 and len(down) == 3
    assert all(b.matrix == sp.Matrix([[y * v / R2]]) for b in up + down)
    assert up[0].labels == (("SU3c", "3"),)


def test_ambiguous_su2_contraction_is_refused_with_the_operator_named():
    import sympy as sp

    import anomalyalgebra as aa
    from anomalyalgebra.breaking import model_fermion_masses, vacuum

    m = aa.load_model("tau_l_minus_4r")
    v, V1, V5 = sp.symbols("v V_1 V_5", positive=True)
    vac = vacuum(m, {"H": v / sp.sqrt(2), "S1": V1 / sp.sqrt(2), "S5": V5 / sp.sqrt(2)})
    assert any("EL" in b.row_names for b in model_fermion_masses(vac, 4, extra_dims=(5,)).blocks)
    with pytest.raises(aa.ModelError, match=r"operator .*several independent SU\(2\) contractions"):
        model_fermion_masses(vac, 4, extra_dims=(5, 6))
