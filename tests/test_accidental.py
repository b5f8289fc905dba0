"""Accidental symmetries (Smith normal form), VEV remnants and Goldstones."""

import random

import pytest

import anomalyalgebra as aa
from anomalyalgebra.operators import (
    accidental_symmetries, allowed_operators, drop_groups, gauge_remnant, goldstone_bosons,
    hermite_rows, smith_normal_form, uncoloured_fields,
)
from anomalyalgebra.operators.smith import check_smith, int_det


def supports(acc):
    return sorted(tuple(sorted(s.support)) for s in acc.u1)


# ------------------------------------------------------------------ Smith normal form
def test_smith_against_sympy_invariants_and_unimodularity():
    from sympy import Matrix
    from sympy.matrices.normalforms import smith_normal_form as sympy_snf

    rng = random.Random(7)
    for _ in range(200):
        m, n = rng.randint(1, 6), rng.randint(1, 7)
        a = [[rng.randint(-9, 9) * (rng.random() < 0.6) for _ in range(n)] for _ in range(m)]
        D, U, V = smith_normal_form(a)           # self-checks U A V = D, |det| = 1
        assert abs(int_det(U)) == 1 and abs(int_det(V)) == 1
        S = sympy_snf(Matrix(a))
        assert [D[i][i] for i in range(min(m, n))] == [abs(S[i, i]) for i in range(min(m, n))]


def test_check_smith_rejects_non_unimodular_transform():
    with pytest.raises(ArithmeticError):
        check_smith([[1, 0], [0, 2]], [[2, 0], [0, 2]], [[2, 0], [0, 1]], [[1, 0], [0, 1]])


def test_hermite_gives_block_generators():
    assert hermite_rows([[1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 1, 1]]) == [[1, 1, 0, 0], [0, 0, 1, 1]]


# ------------------------------------------------------------------ SM
def test_sm_baryon_and_three_lepton_flavours():
    acc = accidental_symmetries(aa.load_model("sm"))
    assert acc.n_u1 == 4 and not acc.discrete
    assert supports(acc) == sorted([
        tuple(sorted(["q_1", "q_2", "q_3", "u_1", "u_2", "u_3", "d_1", "d_2", "d_3"])),
        ("e_1", "l_1"), ("e_2", "l_2"), ("e_3", "l_3")])
    B = acc.find("q", "u", "d")
    assert {B.charge(p) for p in ("q_1", "u_2", "d_3")} == {1} and B.charge("H") == 0
    assert acc.rank == 5                      # hypercharge removed
    # with every coupling matrix generic (no flavour rotation) only total L survives
    gen = accidental_symmetries(aa.load_model("sm"), flavour="generic")
    assert gen.n_u1 == 2


def test_sm_plus_weinberg_breaks_lepton_number_to_z2():
    acc = accidental_symmetries(aa.load_model("sm"), extra_dims=(5,))
    assert acc.n_u1 == 1 and supports(acc)[0][0].startswith("d")         # only B
    (z,) = acc.discrete
    assert z.order == 2
    assert {p for p, q in z.charges} == {"l_1", "l_2", "l_3", "e_1", "e_2", "e_3"}


def test_krauss_wilczek_remnant():
    for q in (2, 3, 5):
        m = aa.Model.build("KW", {"X": "U(1)"}, [
            aa.fermion("psi", "L", {"X": "1"}), aa.fermion("chi", "R", {"X": "1"}),
            aa.scalar("phi", {"X": str(q)})])
        rem = gauge_remnant(m, ["phi"])
        assert rem.n_u1 == 0 and [z.order for z in rem.discrete] == [q]
        assert rem.discrete[0].charge("psi") == 1
    # two VEVs of charges 4 and 6 leave Z_2
    m = aa.Model.build("KW2", {"X": "U(1)"}, [aa.fermion("psi", "L", {"X": "1"}),
                       aa.scalar("a", {"X": "4"}), aa.scalar("b", {"X": "6"})])
    assert [z.order for z in gauge_remnant(m, ["a", "b"]).discrete] == [2]
    # the L = -4R model: S1 has X = 1, so no remnant of U(1)_X
    m4 = aa.load_model("tau_l_minus_4r")
    assert not gauge_remnant(m4, ["S1", "S5"], ["X"]).discrete
    assert [z.order for z in gauge_remnant(m4, ["S5"], ["X"]).discrete] == [5]


# ------------------------------------------------------------------ the paper's models
def test_table_iv_accidental_symmetry_of_eq46():
    m = aa.load_model("tau_l_minus_4r")
    fields46 = ["l12", "e12", "l3", "e3", "H", "LL", "LR", "EL", "ER", "S1", "S5"]
    lag = allowed_operators(m, fields=fields46)
    acc = accidental_symmetries(m, lag, fields=fields46, vevs=["H", "S1", "S5"])
    # U(1)_1 x U(1)_2 x U(1)_{3+E} x U(1)_calL, the statement after Eq. (46)
    assert supports(acc) == sorted([("e12_1", "l12_1"), ("e12_2", "l12_2"),
                                    ("EL", "ER", "e3", "l3"), ("LL", "LR")])
    tau = acc.find("l3", "e3", "EL", "ER")
    assert {tau.charge(p) for p in ("l3", "e3", "EL", "ER")} == {1}
    # before the VEVs there is one more: the scalar phase broken by <S1>, <S5> (a Goldstone)
    pre = accidental_symmetries(m, lag, fields=fields46)
    assert pre.n_u1 == 5 and not pre.discrete
    # all uncolored fields: N2 joins the tau number, N1 is free at d <= 4
    full = accidental_symmetries(m, allowed_operators(m, fields=uncoloured_fields),
                                 fields=uncoloured_fields, vevs=["H", "S1", "S5"])
    assert ("EL", "ER", "N2", "e3", "l3") in supports(full) and ("N1",) in supports(full)
    # the d = 5 terms of Eq. (60) break U(1)_N1 and leave no separate N number
    d5 = accidental_symmetries(m, allowed_operators(m, extra_dims=(5,), fields=uncoloured_fields),
                               fields=uncoloured_fields, vevs=["H", "S1", "S5"])
    assert ("N1",) not in supports(d5)


def test_paper_record_accidental():
    from anomalyalgebra import paper

    r = paper.results(["accidental_l_minus_4r", "eq44_footnote6", "accidental_l_minus_4r_all_fields"])
    assert r["accidental_l_minus_4r"].agrees and r["eq44_footnote6"].derived == (1, 0)
    # on every field of Table IV: baryon number, N2 in the tau number, U(1)_N1; at d <= 5 only
    # baryon number and a Z2 that is (-1)^F times a baryon-number rotation
    full = r["accidental_l_minus_4r_all_fields"]
    assert not full.agrees and full.inputs == "derived"
    assert "U(1)_{l3,e3,N2,EL,ER}" in full.derived["d = 4"] and "U(1)_{N1}" in full.derived["d = 4"]
    assert full.derived["d <= 5"].startswith("U(1)_{q,u,d} × Z2_") and "(-1)^F times" in full.note


def test_table_iii_role_of_the_z2_symmetries():
    m = aa.load_model("tau_l_only")
    vevs = ["H", "S"]

    def acc(model):
        return accidental_symmetries(model, allowed_operators(model, fields=uncoloured_fields),
                                     fields=uncoloured_fields, vevs=vevs)

    both = acc(m)
    assert supports(both) == sorted([("e12_1", "l12_1"), ("e12_2", "l12_2"),
                                     ("EL", "ER", "e3", "l3"), ("LL", "LR")])
    # without Z2A the anomalons mix with the light leptons: no separate anomalon number
    noA = acc(drop_groups(m, "Z2A"))
    assert ("LL", "LR") not in supports(noA) and noA.n_u1 == 2
    # without Z2tau the tau number merges with e and mu: lepton flavour violation
    noT = acc(drop_groups(m, "Z2tau"))
    assert ("EL", "ER", "e3", "l3") not in supports(noT) and noT.n_u1 == 2
    assert ("LL", "LR") in supports(noT)


def test_goldstone_of_footnote_6():
    m = aa.load_model("tau_l_minus_4r")
    vevs = ["H", "S1", "S5"]
    (g,) = goldstone_bosons(m, allowed_operators(m), vevs)
    assert set(g.support) <= {"S1", "S5"}
    assert goldstone_bosons(m, allowed_operators(m, extra_dims=(6,)), vevs) == ()
    # the SM Higgs phase is eaten: no Goldstone
    assert goldstone_bosons(aa.load_model("sm"), allowed_operators(aa.load_model("sm")), ["H"]) == ()
    # L-only: the single S is eaten by X
    lo = aa.load_model("tau_l_only")
    assert goldstone_bosons(lo, allowed_operators(lo), ["H", "S"]) == ()


def test_charge_table_prints_every_phase():
    acc = accidental_symmetries(aa.load_model("sm"), extra_dims=(5,))
    table = acc.table()
    assert table.count("\n") == len(acc.phases) + 1 and "1 mod 2" in table
