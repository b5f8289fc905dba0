"""Accidental symmetries that survive the gauge instantons (anomalyalgebra symmetries) and the
operator list (operators --list)."""

import json
from pathlib import Path

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.cli import main
from anomalyalgebra.lattice import integer_solutions, rational_rank
from anomalyalgebra.model import fermion, scalar
from anomalyalgebra.operators.accidental import phase_names
from anomalyalgebra.operators.instantons import exact_symmetries, instanton_rows

A = aa.parse_group("U(1)", gauged=False)


def _vec(gen, phases):
    q = dict(gen.charges)
    return [q.get(p, 0) for p in phases]


def _in_lattice(vectors, target):
    """Whether ``target`` is an integer combination of ``vectors``."""
    cols = [list(c) for c in zip(*vectors)]          # phases x generators
    return integer_solutions(cols, list(target), len(vectors)) is not None


def test_sm_at_d4_b_and_lepton_flavours_thooft_1976():
    sm = aa.load_model("sm")
    r = exact_symmetries(sm, 4)
    d = r.to_dict()
    assert d["accidental"] == {"rank": 4, "torsion": []}
    assert d["exact"] == {"rank": 3, "torsion": []}
    phases = r.accidental.phases
    by_name = {g.name: g for g in r.u1}
    b, l1, l2, l3 = (by_name[n] for n in ("B", "L_e", "L_mu", "L_tau"))
    assert dict(b.charges) == {f"{f}_{k}": 1 for f in "qud" for k in (1, 2, 3)}
    assert dict(l2.charges) == {"l_2": 1, "e_2": 1}
    # quark charge 1 is 3B: one SU(2)_L instanton has 9 quark zero modes -> Delta B = 3 = N_g,
    # and one lepton zero mode per generation -> Delta L_i = 1, Delta L = 3 ('t Hooft 1976)
    assert b.vertex == (("SU2L", 9),) and sp.Rational(9, 3) == 3
    assert [g.vertex for g in (l1, l2, l3)] == [(("SU2L", 1),)] * 3
    assert not b.exact and b.unbroken == "Z(9)" and l1.unbroken == "trivial"
    # colour instantons conserve B (vector-like): no SU3c entry
    assert all(k != "SU3c" for k, _ in b.vertex)
    exact = [_vec(g, phases) for g in r.u1 if g.exact]
    assert len(exact) == 3 and rational_rank(exact) == 3
    B = _vec(b, phases)
    Ls = [_vec(g, phases) for g in (l1, l2, l3)]
    b_minus_l = [x - 3 * (y1 + y2 + y3) for x, y1, y2, y3 in zip(B, *Ls)]   # 3(B - L)
    assert _in_lattice(exact, b_minus_l)
    assert _in_lattice(exact, [x - y for x, y in zip(Ls[0], Ls[1])])
    assert _in_lattice(exact, [x - y for x, y in zip(Ls[1], Ls[2])])
    assert not _in_lattice(exact, B) and not _in_lattice(exact, Ls[0])
    # 't Hooft anomalies of L_e: sum over LH Weyl of q^3 and q: l (2 states) + e^c (-1) = 1
    assert (l1.thooft["cubic"], l1.thooft["gravitational"]) == (1, 1)
    assert l1.thooft["mixed"]["Y"] == {"Q^2 Y": 0, "Q Y^2": -sp.Rational(1, 2)}


def test_sm_with_the_weinberg_operator():
    r = exact_symmetries(aa.load_model("sm"), 5)
    d = r.to_dict()
    assert d["accidental"] == {"rank": 1, "torsion": [2]}          # B x lepton parity
    assert d["exact"] == {"rank": 0, "torsion": [6]}
    # the Z6 generator the lattice layer returns is a symmetry of every term and of both
    # 't Hooft vertices (checked here by hand on the printed charges)
    z6 = r.exact.discrete[0]
    q = {p.rsplit("_", 1)[0] if p[-1].isdigit() and "_" in p else p: c for p, c in z6.charges}
    assert z6.order == 6
    terms = [-q["q"] + q["u"] - q["H"], -q["q"] + q["d"] + q["H"], -q["l"] + q["e"] + q["H"],
             2 * q["l"] + 2 * q["H"]]
    assert all(t % 6 == 0 for t in terms)
    su2 = 3 * 3 * q["q"] + 3 * q["l"]
    su3 = 3 * 2 * q["q"] - 3 * q["u"] - 3 * q["d"]
    assert su2 % 6 == 0 and su3 % 6 == 0


@pytest.mark.parametrize("nf", [1, 2, 3])
def test_qcd_like_u1a_survives_as_discrete(nf):
    # SU(3) with nf flavours (LH q, qc) made massive by a complex singlet S, q qc S; the
    # declared global U(1)_A (q, qc: 1, S: -2) forbids bare masses and q qc S^*.
    m = aa.Model.build("QCD", {"SU3c": "SU(3)", "A": A},
                       [fermion("q", "L", {"SU3c": "3", "A": "1"}, copies=nf),
                        fermion("qc", "L", {"SU3c": "3bar", "A": "1"}, copies=nf),
                        scalar("S", {"SU3c": "1", "A": "-2"})])
    r = exact_symmetries(m)
    d = r.to_dict()
    assert d["accidental"]["rank"] == nf + 1
    # vector U(1)s per flavour survive; the axial direction keeps Z(2 nf), whose Z(2) is fermion
    # number (inside the vector U(1)s): the component group of the exact group is Z(nf)
    assert d["exact"] == {"rank": nf, "torsion": [nf] if nf > 1 else []}
    phases = r.accidental.phases
    row = instanton_rows(m, phases)["SU3c"]
    axial = [1 if p.startswith("q") else -2 for p in phases]
    assert sum(a * b for a, b in zip(row, axial)) == 2 * nf


def test_chiral_su5_ten_plus_fivebar():
    # SU(5) with psi in 10 and chi in 5bar (LH): the anomaly-free U(1) has charges (1, -3)
    # (2T(10) = 3, 2T(5bar) = 1) and 't Hooft anomalies Tr Q^3 = 10 - 135 = -125, Tr Q = -5,
    # matched by one massless composite psi chi chi of charge -5 (Dimopoulos, Raby, Susskind,
    # Nucl. Phys. B 173 (1980) 208; 't Hooft 1980 anomaly matching): (-5)^3 = -125, -5.
    m = aa.Model.build("SU5 chiral", {"G": "SU(5)"},
                       [fermion("psi", "L", {"G": "10"}), fermion("chi", "L", {"G": "5bar"})])
    r = exact_symmetries(m)
    d = r.to_dict()
    assert d["accidental"] == {"rank": 2, "torsion": []} and d["exact"] == {"rank": 1, "torsion": []}
    exact = [g for g in r.u1 if g.exact]
    assert len(exact) == 1 and dict(exact[0].charges) == {"psi": 1, "chi": -3}
    assert (exact[0].thooft["cubic"], exact[0].thooft["gravitational"]) == ((-5) ** 3, -5)
    psi = [g for g in r.u1 if dict(g.charges) == {"psi": 1}][0]
    assert psi.vertex == (("G", 3),) and psi.unbroken == "Z(3)"


def test_cli_symmetries_json_keys_and_text(capsys):
    assert main(["symmetries", "sm", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert set(d) >= {"accidental", "exact", "u1"}
    assert set(d["accidental"]) == {"rank", "torsion"} and set(d["exact"]) == {"rank", "torsion"}
    u = d["u1"][0]
    assert set(u) >= {"charges", "exact", "thooft"}
    assert set(u["thooft"]) >= {"cubic", "gravitational"}
    assert u["charges"]["q_1"] == 1 and u["exact"] is False and u["instanton_vertex"] == {"SU2L": 9}
    assert main(["symmetries", "sm"]) == 0
    out = capsys.readouterr().out
    assert "rank 4, no torsion" in out and "rank 3, no torsion" in out
    assert main(["symmetries", "sm", "--max-dim", "20"]) == 2
    assert "--max-dim must be between" in capsys.readouterr().err


def test_cli_operators_list(capsys):
    assert main(["operators", "sm", "--list", "--max-dim", "4", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    ops = {o["operator"] for o in d["operators"]}
    assert ops == {"bar(q) u conj(H)", "bar(q) d H", "bar(l) e H", "H conj(H)", "H^2 conj(H)^2"}
    assert main(["operators", "sm", "--list", "--max-dim", "5"]) == 0
    out = capsys.readouterr().out
    assert "d = 5" in out and out.count("\n  d = ") == 6        # + the Weinberg operator
    assert main(["operators", "sm", "--list", "--count"]) == 2
    # a declared global symmetry restricts the list: KSVZ has no bare Q mass
    path = Path(__file__).parent / "data" / "axion" / "ksvz_r1.toml"
    assert main(["operators", str(path), "--list", "--max-dim", "4", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert "bar(QL) QR" not in {o["operator"] for o in d["operators"]}


def test_sm_exact_basis_is_b_minus_l_and_lepton_flavour_differences():
    # the canonical basis (HNF of the kernel in the coordinates of B, L_e, L_mu, L_tau, LLL,
    # sign and order rule of exact_basis): before, the rule gave 3B - 9L_tau, L_e - L_tau,
    # L_mu - L_tau
    r = exact_symmetries(aa.load_model("sm"), 4)
    exact = [g for g in r.u1 if g.exact]
    assert [g.name for g in exact] == ["B - L", "L_e - L_tau", "L_mu - L_tau"]
    quark = {f"{f}_{k}": 1 for f in "qud" for k in (1, 2, 3)}
    lepton = {f"{f}_{k}": -3 for f in "le" for k in (1, 2, 3)}
    assert dict(exact[0].charges) == {**quark, **lepton}          # 3(B - L): primitive
    assert dict(exact[1].charges) == {"l_1": 1, "e_1": 1, "l_3": -1, "e_3": -1}
    assert dict(exact[2].charges) == {"l_2": 1, "e_2": 1, "l_3": -1, "e_3": -1}
    assert r.exact.group() == "U(1)_{B - L} × U(1)_{L_e - L_tau} × U(1)_{L_mu - L_tau}"
    assert "B - L" in r.text() and "Q^2 (B - L)" in r.text()
    # B - L has the 't Hooft anomalies of three generations without nu_R: sum over LH Weyl
    # of (B-L)^3 in units 3(B-L): quarks 3 gen x (6 - 3 - 3) = 0, leptons 3 x (2 (-27) + 27)
    assert exact[0].thooft["cubic"] == 3 * (2 * (-3) ** 3 - (-3) ** 3)
    assert exact[0].thooft["gravitational"] == 3 * (2 * (-3) - (-3))


def test_exact_basis_order_does_not_depend_on_the_lll_input_order():
    from anomalyalgebra.operators import accidental_symmetries
    from anomalyalgebra.operators.instantons import exact_basis
    sm = aa.load_model("sm")
    acc = accidental_symmetries(sm)
    rows = instanton_rows(sm, acc.phases)
    a = [(s.charges, n) for s, n in exact_basis(sm, acc, rows)]
    b = [(s.charges, n) for s, n in exact_basis(sm, acc, dict(reversed(list(rows.items()))))]
    assert a == b and len(a) == 3


def test_qcd_like_exact_generators_unchanged_by_the_basis_rule():
    # the vector U(1) of each flavour is exact and is an accidental generator itself
    m = aa.Model.build("QCD", {"SU3c": "SU(3)", "A": A},
                       [fermion("q", "L", {"SU3c": "3", "A": "1"}, copies=2),
                        fermion("qc", "L", {"SU3c": "3bar", "A": "1"}, copies=2),
                        scalar("S", {"SU3c": "1", "A": "-2"})])
    r = exact_symmetries(m)
    assert [(g.name, dict(g.charges)) for g in r.u1 if g.exact] == [
        ("U(1)_{q_1,qc_1}", {"q_1": 1, "qc_1": -1}), ("U(1)_{q_2,qc_2}", {"q_2": 1, "qc_2": -1})]
    assert r.to_dict()["exact"] == {"rank": 2, "torsion": [2]}


def test_chiral_su5_exact_generator_named_from_the_accidental_ones():
    m = aa.Model.build("SU5 chiral", {"G": "SU(5)"},
                       [fermion("psi", "L", {"G": "10"}), fermion("chi", "L", {"G": "5bar"})])
    exact = [g for g in exact_symmetries(m).u1 if g.exact]
    assert [g.name for g in exact] == ["U(1)_{psi} - 3 U(1)_{chi}"]


def _z3_z2_model(z3_gauged, z2_gauged):
    # S: Z(3) charge 1, P: Z(2) charge 1. Up to d = 4 the operators S^3 and P^2, P^4, P^3 P*
    # respect exactly Z(3) x Z(2) = Z(6) (phases of S and P).
    return aa.Model.build("Z3 x Z2", {"Z": aa.parse_group("Z(3)", gauged=z3_gauged),
                                      "T": aa.parse_group("Z(2)", gauged=z2_gauged)},
                          [scalar("S", {"Z": "1", "T": "0"}), scalar("P", {"Z": "0", "T": "1"})])


@pytest.mark.parametrize("z3_gauged, z2_gauged, torsion", [
    (True, True, []), (True, False, [2]), (False, True, [3]), (False, False, [6])])
def test_gauged_zn_is_removed_from_the_accidental_torsion(z3_gauged, z2_gauged, torsion):
    # the accidental group is the symmetry of the operators beyond the gauge symmetries: a
    # gauged Z(N) is quotiented out, a declared global one (gauged=False) stays
    from anomalyalgebra.operators import accidental_symmetries
    m = _z3_z2_model(z3_gauged, z2_gauged)
    acc = accidental_symmetries(m)
    assert [d for d in acc.invariants if d > 1] == torsion
    assert [s.order for s in acc.discrete] == torsion
    assert exact_symmetries(m).to_dict()["accidental"] == {"rank": 0, "torsion": torsion}
    if torsion == [2]:
        assert dict(acc.discrete[0].charges) == {"P": 1}


def test_gauged_zn_inside_an_accidental_u1_changes_nothing():
    # lepton number mod 3 gauged in the SM: the Z(3) lies in the identity component
    # (inside L_e L_mu L_tau), so rank and torsion stay those of the SM
    sm = aa.load_model("sm")
    groups = dict(sm.groups)
    groups["Z3L"] = aa.parse_group("Z(3)")
    fields = [fermion(f.name, f.chirality, {**dict(f.reps), "Z3L": "1" if f.name in "le" else "0"},
                      copies=f.copies) if f.is_fermion else
              scalar(f.name, {**dict(f.reps), "Z3L": "0"}, copies=f.copies) for f in sm.fields]
    m = aa.Model.build("SM x Z3L", groups, fields)
    d = exact_symmetries(m).to_dict()
    assert d["accidental"] == {"rank": 4, "torsion": []} and d["exact"] == {"rank": 3, "torsion": []}


def test_gauged_z3_inside_an_accidental_z9():
    # S with a gauged Z(3) charge 1 and a declared global Z(9) charge 1: up to d = 9 the
    # operators (S^9, |S|^2k) leave Z(9) on S, whose Z(3) subgroup (theta = 1/3) is the gauge
    # symmetry.  Beyond the gauge symmetry: Z(9)/Z(3) = Z(3), generated by theta_S = 1/9, which
    # has order 9 on the fields (no lift of order 3 exists): charges in units of 1/9.
    from anomalyalgebra.operators import accidental_symmetries
    groups = {"Z": aa.parse_group("Z(3)"), "G": aa.parse_group("Z(9)", gauged=False)}
    m = aa.Model.build("Z9/Z3", groups, [scalar("S", {"Z": "1", "G": "1"})])
    acc = accidental_symmetries(m, max_dim=9)
    assert [d for d in acc.invariants if d > 1] == [3]
    (z,) = acc.discrete
    assert z.name == "Z3_{S}" and (z.order, dict(z.charges)) == (9, {"S": 1})
    glob = aa.Model.build("Z9", {**groups, "Z": aa.parse_group("Z(3)", gauged=False)},
                          [scalar("S", {"Z": "1", "G": "1"})])
    assert [d for d in accidental_symmetries(glob, max_dim=9).invariants if d > 1] == [9]
