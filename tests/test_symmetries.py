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
    b, l1, l2, l3 = (by_name[n] for n in ("U(1)_{q,u,d}", "U(1)_{l_1,e_1}", "U(1)_{l_2,e_2}",
                                          "U(1)_{l_3,e_3}"))
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
