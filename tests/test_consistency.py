"""consistency_report (issue 23, contract 2): the verdict is decided on gauged factors
only; global factors are reported with what their anomalies mean."""

import json

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.cli import main
from anomalyalgebra.consistency import consistency_report, is_gauge_channel
from anomalyalgebra.global_symmetries import global_symmetry_report
from anomalyalgebra.model import fermion


def _model(groups, fields, **kw):
    return aa.Model.build("t", groups, fields, **kw)


GLOBAL_U1 = aa.parse_group("U(1)", gauged=False)


def test_tau_l_only_is_consistent_and_its_z2s_are_reported_global(capsys):
    m = aa.load_model("tau_l_only")
    r = consistency_report(m, convention="left")
    assert not r.anomalous and r.reasons == () and r.discrete == ()
    assert set(r.global_symmetries) == {"Z2A", "Z2tau"}
    tau = r.global_symmetries["Z2tau"]
    # Z2tau-odd doublets: l3, E_L, E_R -> one SU(2)_L instanton carries Z2tau charge 3 = 1 mod 2
    assert tau.instanton_vertex == (("SU2L", 1),) and tau.unbroken == "trivial" and tau.exact is False
    grav = [a for a in tau.anomalies if a.channel[1] == "grav"][0]
    assert grav.value == 1 and grav.meaning == "'t Hooft anomaly"
    assert r.global_symmetries["Z2A"].unbroken == "Z(2)" and r.global_symmetries["Z2A"].exact
    assert main(["check", "tau_l_only"]) == 0
    out = capsys.readouterr().out
    assert "Z2tau x SU2L^2 = 1 mod 2: instanton breaking" in out and out.rstrip().endswith("anomaly free")


def test_the_same_z2_gauged_is_an_inconsistency():
    m = aa.load_model("tau_l_only")
    gauged = m._with(groups=tuple((k, aa.parse_group(g.name)) for k, g in m.groups))
    r = consistency_report(gauged, convention="eq4")
    assert r.anomalous
    # Z2 x grav^2 holds mod N/2 = 1 (Ibáñez–Ross relaxation, decided the same way in
    # check FILE, check DIR and interop.check_imported: issue 18); the Dai–Freed mixed
    # generator L(2;1) x S4[SU2L] repeats Ibáñez–Ross Z2 x SU(2)^2 (issue 21); the
    # Z2^2 x U(1)_X class L(2;1,1) x S2[X] (-sum s^2 Q/4) sees the Z2-odd fields' X charges:
    # Z2A: LR (doublet, Q = -1 left-handed) gives -2 != 0 mod 4; Z2tau: l3 (X = 1, doublet)
    # and nothing else odd with X: 2 != 0 mod 4
    assert r.reasons == ("discrete Z2tau x SU2L^2",
                         "Dai–Freed anomaly of Z2A (Spin x Z(2): L(2;1,1) x S2[X] = 1/2 mod 1)",
                         "Dai–Freed anomaly of Z2tau (Spin x Z(2): L(2;1,1) x S2[X] = 1/2,"
                         " L(2;1) x S4[SU2L] = 1/2 mod 1)")


def test_a_trace_counts_only_if_every_leg_is_gauged():
    # one LH Weyl fermion charged under PQ (global) and a vector-like pair under Y
    m = _model({"Y": "U(1)", "PQ": GLOBAL_U1},
               [fermion("a", "L", {"Y": "1", "PQ": "1"}), fermion("b", "R", {"Y": "1", "PQ": "0"})])
    r = consistency_report(m, convention="left")
    assert aa.anomaly_trace(m, "PQ", "Y", "Y", convention="left") == 1      # sum_LH q Y^2 = 1
    assert not r.anomalous
    assert is_gauge_channel(m, ("Y", "Y", "Y")) and not is_gauge_channel(m, ("PQ", "Y", "Y"))
    assert set(r.gauge_anomalies) == {("Y", "Y", "Y"), ("Y", "grav", "grav")}
    assert aa.is_anomaly_free(m)
    # gauging PQ makes the same model anomalous
    g = _model({"Y": "U(1)", "PQ": "U(1)"},
               [fermion("a", "L", {"Y": "1", "PQ": "1"}), fermion("b", "R", {"Y": "1", "PQ": "0"})])
    assert consistency_report(g, convention="left").anomalous and not aa.is_anomaly_free(g)
    pq = r.global_symmetries["PQ"]
    meanings = {a.label: (a.value, a.meaning) for a in pq.anomalies}
    assert meanings == {"PQ x Y^2": (1, "'t Hooft anomaly"), "PQ^2 x Y": (1, "'t Hooft anomaly"),
                        "PQ x grav^2": (1, "'t Hooft anomaly"), "PQ^3": (1, "'t Hooft anomaly")}
    assert pq.unbroken == "U(1)" and pq.exact


@pytest.mark.parametrize("nf", [1, 2, 3, 4])
def test_qcd_u1a_broken_to_z_2nf(nf):
    # SU(3) with nf massless Dirac flavours: q (3) and qc (3bar), both LH with axial charge 1.
    # 't Hooft 1976: one instanton has 2 nf zero modes -> Delta Q_A = 2 nf; U(1)_A -> Z(2 nf).
    m = _model({"SU3c": "SU(3)", "A": GLOBAL_U1},
               [fermion("q", "L", {"SU3c": "3", "A": "1"}, copies=nf),
                fermion("qc", "L", {"SU3c": "3bar", "A": "1"}, copies=nf)])
    r = global_symmetry_report(m, "A")
    assert r.instanton_vertex == (("SU3c", 2 * nf),)
    assert r.unbroken == f"Z({2 * nf})"
    # the same physics with right-handed antiquarks of axial charge -1 and scaled charges
    m2 = _model({"SU3c": "SU(3)", "A": GLOBAL_U1},
                [fermion("q", "L", {"SU3c": "3", "A": "1/3"}, copies=nf),
                 fermion("qR", "R", {"SU3c": "3", "A": "-1/3"}, copies=nf)])
    r2 = global_symmetry_report(m2, "A")
    assert r2.instanton_vertex == (("SU3c", sp.Rational(2 * nf, 3)),)
    assert r2.unbroken == f"Z({2 * nf})" and r2.charge_unit == sp.Rational(1, 3)
    # not the other normalisations: N = nf (T(fund) = 1/2) is half the vertex
    assert aa.anomaly_trace(m, "A", "SU3c", "SU3c", convention="left") == nf


def test_sm_baryon_and_lepton_number_by_electroweak_instantons():
    # B (1/3 on quarks) and L (1 on leptons) declared global: 't Hooft 1976, Delta B = Delta L = N_g = 3
    sm = aa.load_model("sm")
    m = aa.Model.build("SM+B+L", list(sm.groups) + [("B", GLOBAL_U1), ("L", GLOBAL_U1)],
                       [f.__class__(f.name, f.spin, f.chirality,
                                    f.reps + (("B", {"q": "1/3", "u": "1/3", "d": "1/3"}.get(f.name, "0")),
                                              ("L", {"l": "1", "e": "1"}.get(f.name, "0"))),
                                    f.copies, f.latex) for f in sm.fields],
                       electric_charge="T3(SU2L) + Y")
    r = consistency_report(m, convention="left")
    assert not r.anomalous
    b, lep = r.global_symmetries["B"], r.global_symmetries["L"]
    assert b.instanton_vertex == (("SU2L", 3),) and lep.instanton_vertex == (("SU2L", 3),)
    # B with quark charge 1 (the faithful normalisation): 9 quark zero modes -> Z(9)
    assert b.unbroken == "Z(9)" and lep.unbroken == "Z(3)"
    # QCD instantons conserve B: SU3c^2 x B = 0
    assert [a.value for a in b.anomalies if a.channel == ("B", "SU3c", "SU3c")] == [0]
    # B - L: both vertices cancel (as a label with charge B - L)
    bl = aa.Model.build("SM+(B-L)", list(sm.groups) + [("BL", GLOBAL_U1)],
                        [f.__class__(f.name, f.spin, f.chirality, f.reps + (
                            ("BL", {"q": "1/3", "u": "1/3", "d": "1/3", "l": "-1", "e": "-1"}.get(f.name, "0")),),
                            f.copies, f.latex) for f in sm.fields])
    rbl = global_symmetry_report(bl, "BL")
    assert rbl.exact and rbl.unbroken == "U(1)"
    cubic = [a for a in rbl.anomalies if a.channel == ("BL", "BL", "BL")][0]
    grav = [a for a in rbl.anomalies if a.channel == ("BL", "grav", "grav")][0]
    # without right-handed neutrinos B-L has 't Hooft anomalies. Quarks cancel; per generation
    # the LH leptons are l (2 states, B-L = -1) and e^c (+1): sum q^3 = -2 + 1, sum q = -2 + 1.
    # Each missing nu^c (charge +1) would add +1: -3 + 3 = 0.
    assert (cubic.value, grav.value) == (-3, -3)


@pytest.mark.parametrize("n, charge, copies, vertex, unbroken", [
    (2, 1, 1, 1, "trivial"),      # one odd doublet
    (4, 1, 2, 2, "Z(2)"),         # two doublets of Z4 charge 1: vertex 2 mod 4
    (6, 1, 3, 3, "Z(3)"),
    (6, 2, 3, 0, "Z(6)"),         # 6 = 0 mod 6: exact
    (3, 1, 4, 1, "trivial"),
])
def test_zn_remnant_is_z_gcd(n, charge, copies, vertex, unbroken):
    m = _model({"SU2L": "SU(2)", "Z": aa.parse_group(f"Z({n})", gauged=False)},
               [fermion("l", "L", {"SU2L": "2", "Z": str(charge)}, copies=copies),
                fermion("x", "L", {"SU2L": "2", "Z": "0"}, copies=copies % 2)]
               if copies % 2 else
               [fermion("l", "L", {"SU2L": "2", "Z": str(charge)}, copies=copies)])
    r = global_symmetry_report(m, "Z")
    assert r.instanton_vertex == ((("SU2L", vertex),) if vertex else ())
    assert r.unbroken == unbroken


def test_global_flavour_group_has_only_thooft_anomalies():
    # QCD with 3 flavours: SU(3)_L flavour acts on the LH quarks q (3 colours)
    m = _model({"SU3c": "SU(3)", "FL": aa.parse_group("SU(3)", gauged=False),
                "FW": aa.parse_group("SU(2)", gauged=False), "Y": "U(1)"},
               [fermion("q", "L", {"SU3c": "3", "FL": "3", "FW": "1", "Y": "1"}),
                fermion("qc", "L", {"SU3c": "3bar", "FL": "1", "FW": "1", "Y": "-1"}, copies=3),
                fermion("w", "L", {"SU3c": "1", "FL": "1", "FW": "2", "Y": "0"})])
    r = consistency_report(m, convention="left")
    assert not r.anomalous
    fl = {a.label: (a.value, a.meaning) for a in r.global_symmetries["FL"].anomalies}
    # cubic: N_c = 3 (the anomaly matched by the baryons); Y FL^2: sum q T = 3 * 1/2 * 1
    assert fl == {"FL^3": (3, "'t Hooft anomaly"), "Y x FL^2": (sp.Rational(3, 2), "'t Hooft anomaly")}
    fw = {a.label: (a.value, a.meaning) for a in r.global_symmetries["FW"].anomalies}
    assert fw["FW Witten parity"] == (1, "'t Hooft anomaly")
    # a gauged SU(2) with the same single doublet is inconsistent (Witten)
    g = _model({"FW": "SU(2)"}, [fermion("w", "L", {"FW": "2"})])
    assert consistency_report(g, convention="left").reasons == ("Witten anomaly of FW",)


def test_check_json_has_one_global_entry_per_label(tmp_path, capsys):
    src = '''name = "PQ toy"
electric_charge = "Y"
[groups]
SU3c = "SU(3)"
Y = "U(1)"
PQ = { group = "U(1)", gauged = false }
[fields.QL]
spin = "1/2"
chirality = "L"
reps = { SU3c = "3", Y = "-1/3", PQ = "1" }
[fields.QR]
spin = "1/2"
chirality = "R"
reps = { SU3c = "3", Y = "-1/3", PQ = "0" }
'''
    path = tmp_path / "pq.toml"
    path.write_text(src)
    assert main(["check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data["global_symmetries"]) == ["PQ"]
    pq = data["global_symmetries"]["PQ"]
    assert pq["instanton_vertex"] == {"SU3c": "1"} and pq["unbroken"] == "trivial"
    assert pq["axion"] == {"N": "1/2", "E": "1/3", "E_over_N": "2/3", "N_DW": "1"}
    assert main(["check", str(path), "--latex"]) == 0
    out = capsys.readouterr().out
    assert r"instanton breaking" in out and r"E/N = \frac{2}{3}" in out
    assert r"N_{\mathrm{DW}} = 1" in out


def test_sarah_global_zn_is_global_not_a_verdict(tmp_path, capsys):
    # a SARAH Global[] Z[3] (as the NMSSM's) is a global symmetry: its SU(2) anomaly (two Z3-charged
    # doublets: 2 mod 3) breaks it by instantons but does not make the model anomalous
    src = ("Global[[1]] = {Z[3], Z3};\nGauge[[1]] = {WB, SU[2], left, g2, True};\n"
           "FermionFields[[1]] = {l, 2, {n, e}, 2, Exp[2 Pi I/3]};\n")
    path = tmp_path / "toy.m"
    path.write_text(src)
    from anomalyalgebra.interop import read_model_file

    model = read_model_file(path).model
    assert model.global_labels == ("Z3",)
    assert main(["check", str(path)]) == 0
    assert "Z3 x left^2 = 2 mod 3: instanton breaking" in capsys.readouterr().out
    assert main(["check", str(tmp_path)]) == 0
    assert "1 ok" in capsys.readouterr().out
