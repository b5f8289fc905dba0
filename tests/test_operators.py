"""Operator invariance, exchange symmetry and the enumeration of allowed operators."""

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.exceptions import ModelError
from anomalyalgebra.operators import (
    Operator, allowed_operators, mass_blocks, mass_graph, model_graph, to_dot, uncoloured_fields,
)
from anomalyalgebra.operators.invariants import count_invariants, symmetrized_singlets
from anomalyalgebra.algebra import lie_algebra, singlet_multiplicity


def ops(lag):
    return {str(t.operator) for t in lag}


# ------------------------------------------------------------------ invariant counting
def test_symmetrized_counts_known_values():
    su2, su3 = lie_algebra("SU(2)"), lie_algebra("SU(3)")
    assert symmetrized_singlets(su2, [((1,), 2)]) == 0           # H H
    assert symmetrized_singlets(su2, [((1,), 2), ((1,), 2)]) == 1   # (H^dag H)^2, not 2
    assert singlet_multiplicity(*[su2.irrep("2")] * 4) == 2          # the unsymmetrised count
    assert symmetrized_singlets(su2, [((2,), 2)]) == 1           # triplet Sym^2 = 5 + 1
    assert symmetrized_singlets(su2, [((2,), 4)]) == 1
    assert symmetrized_singlets(su3, [((1, 1), 3)]) == 1         # d_abc only
    assert symmetrized_singlets(su3, [((1, 0), 3)]) == 0         # ε_ijk is antisymmetric
    assert symmetrized_singlets(su3, [((1, 1), 2)]) == 1


def test_flavour_symmetry_of_majorana_matrices():
    su2 = lie_algebra("SU(2)")
    assert count_invariants([2], [], [3]) == 6                  # N_a N_b: symmetric 3x3
    assert count_invariants([2], [(su2, ((1,),))], [3]) == 3    # doublets: antisymmetric 3x3
    assert count_invariants([2], [(su2, ((2,),))], [2]) == 3    # triplets: symmetric 2x2


def test_operator_invariance_and_lorentz():
    m = aa.load_model("tau_l_minus_4r")
    assert Operator.parse("bar(LL) LR conj(S1)").is_allowed(m)
    assert Operator.parse("bar(LL) LR S1").is_allowed(m) is False
    assert Operator.parse("bar(LL) LL").lorentz_scalar(m) is False     # a vector current
    assert Operator.parse("N1 N1 S1 conj(S5)").is_allowed(m)
    assert Operator.parse("N1 N2 conj(S1) conj(S5)").is_allowed(m)
    assert Operator.parse("N1 N2 conj(S1) S5").is_allowed(m) is False  # Eq. (60) as printed
    assert Operator.parse("bar(l12) e12 H").independent_couplings(m) == 4


def test_single_doublet_has_no_majorana_term():
    m = aa.Model.build("toy", {"SU2L": "SU(2)"}, [aa.fermion("psi", "L", {"SU2L": "2"})])
    assert Operator.parse("psi psi").is_allowed(m) is False
    m2 = aa.Model.build("toy", {"SU2L": "SU(2)"}, [aa.fermion("psi", "L", {"SU2L": "2"}, copies=2)])
    assert Operator.parse("psi psi").independent_couplings(m2) == 1       # antisymmetric y_12
    assert allowed_operators(m2).term("psi psi").couplings == 1


# ------------------------------------------------------------------ Eq. (46), Eq. (40)
EQ46 = {"bar(LL) LR conj(S1)", "bar(EL) ER", "bar(l12) e12 H", "bar(l3) ER H", "bar(EL) e3 S5"}


def test_eq46_exactly_plus_the_missing_neutrino_yukawa():
    m = aa.load_model("tau_l_minus_4r")
    lag = allowed_operators(m, fields=uncoloured_fields, include_potential=False)
    # everything printed is found, and the only extra term is the nu_tau-N2 Dirac Yukawa
    assert ops(lag) == EQ46 | {"bar(l3) N2 conj(H)"}
    for text in ("bar(l12) ER H", "bar(EL) e12", "bar(l12) e3 H", "bar(l3) e12 H", "N1 N1", "bar(l3) e3 H"):
        assert text not in lag
    y = lag.term("bar(l12) e12 H")
    assert y.coupling_matrix().shape == (2, 2) and y.couplings == 4
    assert all(not t.hermitian for t in lag)
    assert lag.term("bar(EL) ER").kind == "mass" and lag.term("bar(LL) LR conj(S1)").kind == "yukawa"


def test_eq46_paper_record():
    from anomalyalgebra import paper

    r = paper.results(["eq46"])["eq46"]
    assert r.agrees is False and "bar(l3) N2 conj(H)" in r.derived and "ERRATUM" in r.note


def test_eq40_l_only_and_the_z2_symmetries():
    m = aa.load_model("tau_l_only")
    lag = allowed_operators(m, fields=uncoloured_fields, include_potential=False)
    tau = {"l3", "e3", "EL", "ER"}
    tau_terms = {str(t.operator) for t in lag if tau & set(t.operator.field_names())}
    assert tau_terms == {"bar(l3) ER S", "bar(EL) ER", "bar(EL) e3 H"}
    assert ops(lag) == tau_terms | {"bar(l12) e12 H", "bar(LL) LR conj(S)"}
    # with Z2A removed, the explicit anomalon-lepton terms appear
    from anomalyalgebra.operators import drop_groups

    noA = allowed_operators(drop_groups(m, "Z2A"), fields=uncoloured_fields, include_potential=False)
    assert {"bar(l12) LR conj(S)", "bar(LL) e12 H"} <= ops(noA)
    noT = allowed_operators(drop_groups(m, "Z2tau"), fields=uncoloured_fields, include_potential=False)
    assert {"bar(l12) ER", "bar(l12) e3 H", "bar(EL) e12 H"} <= ops(noT)


def test_potential_and_hermiticity():
    m = aa.load_model("tau_l_minus_4r")
    pot = allowed_operators(m, fields=uncoloured_fields).potential
    assert len(pot) == 9 and all(t.hermitian for t in pot)
    assert {t.kind for t in pot} == {"scalar_mass", "quartic"}
    d6 = allowed_operators(m, extra_dims=(6,)).potential
    assert [str(t.operator) for t in d6 if not t.hermitian] == ["S1^5 conj(S5)"]
    t = allowed_operators(m, extra_dims=(6,)).term("conj(S5) S1^5")
    assert not t.hermitian and t.kind == "d6"


def test_higher_dimension_operators():
    m = aa.load_model("tau_l_only")
    lag = allowed_operators(m, extra_dims=(5,), fields=uncoloured_fields, include_potential=False)
    d5 = ops(lag.of_dimension(5))
    assert "bar(l3) e3 H S" in d5          # Eq. (41), the FN tau mass
    m4 = aa.load_model("tau_l_minus_4r")
    lag = allowed_operators(m4, extra_dims=(5, 6), fields=uncoloured_fields, include_potential=False)
    nn = {str(t.operator): t.dimension for t in lag if {"N1", "N2"} & set(t.operator.field_names())
          and set(t.operator.field_names()) <= {"N1", "N2", "S1", "S5"} and len(t.flavour) == 2}
    assert nn == {"N1^2 S1 conj(S5)": 5, "N1 N2 conj(S1) conj(S5)": 5}   # Eq. (60) erratum
    # the d = 6 four-fermion terms of the singlets are there too, and nothing else with N only
    four = {str(t.operator) for t in lag if len(t.flavour) == 4
            and set(t.operator.field_names()) <= {"N1", "N2"}}
    assert four == {"bar(N1)^2 N1^2", "bar(N2)^2 N2^2", "bar(N1) N1 bar(N2) N2"}
    sm = aa.load_model("sm")
    assert ops(allowed_operators(sm, extra_dims=(5,)).of_dimension(5)) == {"l^2 H^2"}   # Weinberg
    w = allowed_operators(sm, extra_dims=(5,)).term("l l H H")
    assert w.couplings == 6 and w.coupling_matrix().is_symmetric()


def test_sm_renormalizable_lagrangian():
    lag = allowed_operators(aa.load_model("sm"))
    assert ops(lag.yukawa) == {"bar(q) u conj(H)", "bar(q) d H", "bar(l) e H"}
    assert ops(lag.potential) == {"H conj(H)", "H^2 conj(H)^2"}
    assert lag.term("bar(q) u conj(H)").couplings == 9


def test_symbolic_charges_are_conditional():
    m = aa.load_model("anomalon_nplet")
    lag = allowed_operators(m, fields=uncoloured_fields, include_potential=False)
    t = lag.term("bar(LL) LR conj(S)")
    (cond,) = t.condition
    X_LL, X_LR, X_S = (m.symbol(s) for s in ("X_LL", "X_LR", "X_S"))
    assert sp.simplify(cond.lhs - (-X_LL + X_LR - X_S)) == 0      # Eq. (30)
    assert not lag.term("bar(l12) e12 H").condition
    assert "bar(l12) e12 conj(H)" not in lag
    with pytest.raises(ModelError):
        allowed_operators(m, conditional="raise")
    dropped = allowed_operators(m, fields=uncoloured_fields, conditional="drop")
    assert all(not t.condition for t in dropped)


# ------------------------------------------------------------------ graphs
def test_model_graph_and_mass_blocks():
    import networkx as nx

    m = aa.load_model("tau_l_minus_4r")
    lag = allowed_operators(m, fields=uncoloured_fields)
    g = model_graph(m, lag)
    assert nx.is_bipartite(g)
    assert g.edges[("field", "S1"), ("op", "S1^2 conj(S1)^2")]["power"] == 4
    blocks = mass_blocks(m, lag, ["H", "S1", "S5"])
    assert ["l3", "e3", "N2", "EL", "ER"] in blocks and ["LL", "LR"] in blocks and ["N1"] in blocks
    # without S5's VEV, e3 decouples from the E block (Eq. 47 needs V5)
    assert ["e3"] in mass_blocks(m, lag, ["H", "S1"])
    mg = mass_graph(m, lag, ["H", "S1", "S5"])
    assert mg.number_of_edges() == 6
    dot = to_dot(g)
    assert dot.startswith("graph G {") and '"op:bar(EL) ER"' in dot


def test_draw_is_optional():
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from anomalyalgebra.operators import draw

    m = aa.load_model("sm")
    ax = draw(model_graph(m, allowed_operators(m)))
    assert ax is not None


@pytest.mark.parametrize("name", ["sm", "tau_l_only", "tau_l_minus_4r", "sm_x_tau"])
def test_integer_key_lookup_matches_general_verdict(name, monkeypatch):
    """The integer-key lookup of the abelian charges selects exactly the operators that
    the general (Fraction/sympy) verdict accepts on every candidate."""
    from anomalyalgebra.operators import lagrangian as lag_mod

    m = aa.load_model(name)
    kw = {"extra_dims": (5, 6)}
    fast = [repr(t) for t in allowed_operators(m, **kw).terms]
    monkeypatch.setattr(lag_mod, "_integer_charge_keys", lambda *a: None)
    slow = [repr(t) for t in allowed_operators(m, **kw).terms]
    assert fast == slow and fast


def test_integer_keys_refuse_symbolic_and_fractional_zn_charges():
    from fractions import Fraction

    from anomalyalgebra.operators.lagrangian import _integer_charge_keys

    x = sp.Symbol("x")
    assert _integer_charge_keys(["X"], [None], {"a": [x]}) is None
    assert _integer_charge_keys(["Z"], [3], {"a": [Fraction(1, 2)]}) is None
    assert _integer_charge_keys(["X", "Z"], [None, 3], {"a": [Fraction(1, 2), 4], "b": [Fraction(1, 3), -1]}) \
        == {"a": (3, 1), "b": (2, 2)}
