"""Constructs of the public SARAH and PyR@TE model collections, read as the tools read
them (issue 18).  Every file used here is our own, modelled on a construct found in the
public collections; none is copied from them."""

import json
from pathlib import Path

import pytest

from anomalyalgebra.exceptions import AnomalyAlgebraError, LimitError, ModelFileError
from anomalyalgebra.interop import check_directory, check_file, loads_model_text, read_model_file

DATA = Path(__file__).parent / "data" / "interop"


# ----------------------------------------------------------------- SARAH constructs
def test_run_options_and_messages_are_ignored_with_a_note():
    imp = read_model_file(DATA / "sarah" / "singlet_z3.m")
    notes = [n for n in imp.notes if n.startswith("ignored")]
    assert notes == [
        "ignored Print[...] (line 5): prints a message when SARAH loads the file",
        "ignored SetOptions[...] (line 34): options of SARAH's output routines (MakeAll, MakeSPheno, ...),"
        " not part of the model",
        "ignored SetOptions[...] (line 35): options of SARAH's output routines (MakeAll, MakeSPheno, ...),"
        " not part of the model",
    ]


def test_imaginary_i_phases_and_the_vector_superfield_placeholder():
    imp = read_model_file(DATA / "sarah" / "singlet_z3.m")
    m = imp.model
    # Exp[2 Pi \[ImaginaryI]/3] is the generator of Z3: charge 1 for every chiral superfield
    assert [m.field(f).rep("Z3") for f in ("Fq", "Sq", "Fs", "Ss")] == [1, 1, 1, 1]
    # the 0 written for the vector superfields is "neutral": gauginos carry Z3 charge 0
    assert [m.field(g).rep("Z3") for g in ("fB", "fWB", "fG")] == [0, 0, 0]
    # while R-parity (RpM = {-1, -1, 1}) makes the gauginos odd (the third entry is 1 -> 0)
    assert m.field("fWB").rep("RParity") == 1
    r = check_file(DATA / "sarah" / "singlet_z3.m")
    # Z3 x SU(2)^2: 3 colours x 3 generations of q (9) + 3 of l (3) + Hd + Hu higgsinos (2)
    # SARAH's Global[[k]] is a global symmetry: its anomalies are reported, not a verdict
    assert ("Z3[Z3] x left^2", "14 mod 3") in r.global_anomalies and r.discrete == ()
    assert not m.group("Z3").gauged and not m.group("RParity").gauged
    assert r.non_invariant == () and r.status == "ok"


def test_component_names_are_mapped_to_their_field():
    imp = read_model_file(DATA / "sarah" / "singlet_z3.m")
    soft = [t for t in imp.terms if t.kind == "LagHC"]
    # SuR is a component of the scalar of u = conj[uR]: conj[SuR] is Su itself
    assert [str(t) for t in soft] == ["LagHC Tx: conj(SHd) Su Sq conj(Ss)"]
    assert "component SuR (line 32) read as its field Su conjugated" in imp.notes
    assert soft[0].operator.is_invariant(imp.model)


def test_unknown_name_in_a_product_of_fields_is_an_error_naming_it(tmp_path, capsys):
    from anomalyalgebra.cli import main

    text = (DATA / "sarah" / "sm_gaps.m").read_text().replace("Yu H.u.q", "Yu H.u.q + Yx u.q.Hx")
    path = tmp_path / "hx.m"
    path.write_text(text)
    with pytest.raises(ModelFileError, match=r"line 22: unknown name 'Hx' in a product of fields"):
        read_model_file(path)
    assert main(["check", str(path)]) == 2
    assert "'Hx'" in capsys.readouterr().err


def test_gaps_and_overrides_in_field_lists_are_compacted_later_wins():
    imp = read_model_file(DATA / "sarah" / "sm_gaps.m")
    m = imp.model
    assert [f.name for f in m.fields] == ["q", "l", "d", "u", "e", "LV", "LVb", "H", "S"]
    # FermionFields[[6]] is assigned twice: the second entry (hypercharge 1) is the field e
    assert m.field("e").rep("hypercharge") == -1 and m.field("e").chirality == "R"
    assert "FermionFields[[i]]: indices 4 are not assigned; the list is compacted (as SARAH does)" in imp.notes
    assert check_file(DATA / "sarah" / "sm_gaps.m").status == "ok"


def test_expand_and_der_in_terms_gauge_charges_without_global():
    imp = read_model_file(DATA / "sarah" / "sm_gaps.m")
    terms = [str(t) for t in imp.terms]
    # Expand[(lam1 + lam2) X] is X with two couplings; Der[S, lor1].VB is S (VB is neutral)
    assert "LagNoHC lam1: conj(H) H conj(H) H" in terms and "LagNoHC lam2: conj(H) H conj(H) H" in terms
    assert "LagHC kS: S" in terms
    assert any("gauge boson(s) of hypercharge carry no charge" in n for n in imp.notes)
    assert sum("SARAH never reads them" in n for n in imp.notes) == 3


def test_old_style_fields_are_superfields_with_name_and_components_swapped():
    imp = read_model_file(DATA / "sarah" / "old_fields.m")
    assert imp.supersymmetric
    assert [f.name for f in imp.superfields.fields] == ["Hu", "Hd", "T"]
    assert imp.superfields.field("T").rep("isospin").dim == 3
    assert [str(t) for t in imp.terms] == ["SuperPotential mu: Hu Hd", "SuperPotential lt: Hu T Hd"]
    assert check_file(DATA / "sarah" / "old_fields.m").status == "ok"


def test_a_loop_is_refused_by_name_not_by_a_parse_error():
    r = check_file(DATA / "sarah" / "septet_loop.m")
    assert r.status == "unreadable"
    assert "line 5: Do[...] is a Mathematica program" in r.error
    assert "expected" not in r.error


# ----------------------------------------------------------------- PyR@TE constructs
def test_pyrate_imaginary_unit_and_primes_in_the_latex_block():
    imp = read_model_file(DATA / "pyrate" / "bilinear_thdm.model")
    quartic = [str(t) for t in imp.terms if t.kind == "QuarticTerms"]
    # K2**2 with K2 = I H2bar H1 - I H1bar H2: four monomials, I a coefficient
    assert quartic == ["QuarticTerms lam: conj(H2) H1 conj(H2) H1", "QuarticTerms lam: conj(H2) H1 conj(H1) H2",
                       "QuarticTerms lam: conj(H1) H2 conj(H2) H1", "QuarticTerms lam: conj(H1) H2 conj(H1) H2"]
    assert check_file(DATA / "pyrate" / "bilinear_thdm.model").status == "ok"


def test_pyrate_apostrophe_only_quotes_at_the_start_of_a_scalar():
    from anomalyalgebra.interop.yamlish import loads_yamlish

    doc = loads_yamlish("Latex: {\n  gp : g',\n  q : 'x, y',\n  t : \\tilde{g}\n}\n")
    assert [(k, v.text) for k, v, _ in doc.get("Latex").items] == [("gp", "g'"), ("q", "x, y"),
                                                                   ("t", "\\tilde{g}")]


# ----------------------------------------------------------------- limits
SARAH_HEAD = ("Gauge[[1]] = {B, U[1], hypercharge, g1, False};\n"
              "Gauge[[2]] = {G, SU[3], color, g3, False};\n")


@pytest.mark.parametrize("body,line,limit", [
    ("ScalarFields[[1]] = {H, 1, H0, 1/2, 1};\nLagNoHC = -lam (conj[H].H)^1000000;", 4, "max_exponent"),
    ("ScalarFields[[1]] = {H, 1, H0, 1/2, 1};\nScalarFields[[2]] = {S, 1, S0, 0, 1};\n"
     "LagNoHC = -lam (conj[H].H + S.S + H.conj[H])^40;", 5, "max_term_monomials"),
    ("FermionFields[[1]] = {e, 3, conj[eR],\n 1.5*^999999, 1};", 4, "max_integer_digits"),
    ("FermionFields[[1]] = {e, 100000000000000000000, conj[eR], 1, 1};", 3, "max_copies"),
    ("FermionFields[[1]] = {e, 1, conj[eR], 1, {1000000, 1000000}};", 3, "max_irrep_dim"),
])
def test_sarah_limits_name_the_limit_and_the_line(tmp_path, body, line, limit):
    path = tmp_path / "lim.m"
    path.write_text(SARAH_HEAD + body)
    with pytest.raises(ModelFileError) as err:
        read_model_file(path)
    assert f"line {line}:" in str(err.value) and limit in str(err.value), str(err.value)


@pytest.mark.parametrize("value", ["Infinity", "-Infinity", "Indeterminate", "ComplexInfinity"])
def test_sarah_infinities_are_not_charges(value):
    with pytest.raises(ModelFileError, match=r"line 3: '.*' is not a number"):
        loads_model_text(SARAH_HEAD + f"FermionFields[[1]] = {{e, 1, e0, {value}, 1}};", "sarah")


PYRATE_HEAD = "Groups: {U1Y: U1, SU3c: SU3}\n"


@pytest.mark.parametrize("body,line,limit", [
    ("ComplexScalars: {H: {RealFields: [a, b], Norm: 1, Qnb: {U1Y: 1}}}\n"
     "Potential: {QuarticTerms: {lam: (Hbar H)**1000000}}\n", 3, "max_exponent"),
    ("Fermions: {e: {Gen: 100000000000000000000, Qnb: {U1Y: 1}}}\n", 2, "max_copies"),
    ("Fermions: {e: {Gen: 1, Qnb: {SU3c: [1000000, 1000000]}}}\n", 2, "max_irrep_dim"),
])
def test_pyrate_limits_name_the_limit_and_the_line(body, line, limit):
    with pytest.raises(ModelFileError) as err:
        loads_model_text(PYRATE_HEAD + body, "pyrate")
    assert f"line {line}:" in str(err.value) and limit in str(err.value), str(err.value)


@pytest.mark.parametrize("value", ["oo", "zoo", "nan", "Infinity"])
def test_pyrate_infinities_are_not_charges(value):
    with pytest.raises(ModelFileError, match="is not a number"):
        loads_model_text(PYRATE_HEAD + f"Fermions: {{e: {{Gen: 1, Qnb: {{U1Y: {value}}}}}}}\n", "pyrate")


@pytest.mark.parametrize("suffix", ["m", "model"])
def test_file_size_limit_applies_to_both_formats(tmp_path, suffix):
    from anomalyalgebra.limits import using_limits

    path = tmp_path / f"big.{suffix}"
    path.write_text(("(* padding *)\n" if suffix == "m" else "# padding\n") * 200)
    with using_limits(max_file_bytes=1000):
        with pytest.raises(ModelFileError, match="max_file_bytes = 1000"):
            read_model_file(path)
        with pytest.raises(ModelFileError, match="max_file_bytes = 1000"):
            loads_model_text(path.read_text(), "sarah" if suffix == "m" else "pyrate")


def test_every_limit_error_is_bad_input_for_the_cli(tmp_path, capsys):
    from anomalyalgebra.cli import main

    path = tmp_path / "pow.m"
    path.write_text(SARAH_HEAD + "ScalarFields[[1]] = {H, 1, H0, 1/2, 1};\nLagNoHC = (conj[H].H)^100;")
    assert main(["check", str(path)]) == 2
    assert "line 4" in capsys.readouterr().err
    assert issubclass(LimitError, AnomalyAlgebraError)


# ----------------------------------------------------------------- check DIR
def test_check_dir_skips_auxiliary_files_and_exit_code_follows_models(tmp_path, capsys):
    from anomalyalgebra.cli import main

    model = tmp_path / "Singlet"
    model.mkdir()
    (model / "Singlet.m").write_text((DATA / "sarah" / "old_fields.m").read_text())
    (model / "particles.m").write_text("ParticleDefinitions[GaugeES] = {\n {SHu, {Description -> \"x\"}}};")
    (model / "SPheno.m").write_text("MINPAR = {{1, m0}};\nRenConditionsDecays = {\n {a = b}};")
    rows = check_directory(tmp_path)
    assert [(Path(r.path).name, r.status) for r in rows] == [("SPheno.m", "skipped"), ("Singlet.m", "ok"),
                                                           ("particles.m", "skipped")]
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "3 file(s): 1 ok, 2 skipped" in out
    assert main(["check", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ok = [r for r in data["files"] if r["status"] == "ok"][0]
    # the full table: every channel, zero or not (isospin^3 vanishes identically for SU(2))
    channels = {row["channel"]: row["value"] for row in ok["anomaly_table"]}
    assert channels["chargeA^3"] == "0" and channels["grav^2 x chargeA"] == "0"
    from anomalyalgebra.anomaly import anomaly_table

    assert len(channels) == len(anomaly_table(read_model_file(model / "Singlet.m").model))
    assert [r["skipped"] is not None for r in data["files"]] == [True, False, True]


# ----------------------------------------------------------------- one verdict
def test_global_u1_anomalies_are_reported_not_a_verdict():
    r = check_file(DATA / "sarah" / "pq_axion.m")
    m = read_model_file(DATA / "sarah" / "pq_axion.m").model
    assert m.group("PQ").gauged is False and m.gauge_labels == ("hypercharge", "left", "color")
    # the PQ colour anomaly of the heavy quark (the axion-gluon coupling) is reported:
    # T(3) x (PQ charge 1 of the left-handed Q) = 1/2 in the left-handed convention
    assert ("color^2 x PQ", "1/2") in r.global_anomalies
    assert r.status == "ok" and r.anomalies == ()


Z4_TOML = """
name = "z4"
[groups]
Y = "U(1)"
Z4 = "Z(4)"
[fields.a]
spin = "1/2"
chirality = "L"
reps = { Y = "0", Z4 = "2" }
[fields.b]
spin = "1/2"
chirality = "L"
reps = { Y = "1", Z4 = "0" }
[fields.c]
spin = "1/2"
chirality = "L"
reps = { Y = "-1", Z4 = "0" }
"""


def test_even_n_gravitational_relaxation_same_verdict_in_file_and_dir(tmp_path, capsys):
    """Z4 x grav^2 = 2 mod 4 fails mod 4 and holds mod 2 (Ibanez-Ross relaxation)."""
    from anomalyalgebra.cli import main

    (tmp_path / "z4.toml").write_text(Z4_TOML)
    r = check_file(tmp_path / "z4.toml")
    assert r.discrete == () and r.status == "ok"
    assert main(["check", str(tmp_path / "z4.toml")]) == 0
    out = capsys.readouterr().out
    assert "Z4 x grav^2  =  2 mod 4  -> anomaly free (mod 2 with heavy Majorana" in out
    assert main(["check", str(tmp_path)]) == 0


def test_sarah_file_verdict_same_in_file_and_dir(tmp_path, capsys):
    from anomalyalgebra.cli import main

    for name in ("singlet_z3.m", "pq_axion.m"):
        (tmp_path / name).write_text((DATA / "sarah" / name).read_text())
        assert main(["check", str(tmp_path / name)]) == 0     # global Z3 / PQ: no inconsistency
    assert main(["check", str(tmp_path)]) == 0
    capsys.readouterr()
    text = (DATA / "sarah" / "singlet_z3.m").read_text()
    bad = text.replace("{e,  3, conj[eR],    1,", "{e,  3, conj[eR],    2,")
    assert bad != text
    (tmp_path / "e2.m").write_text(bad)        # hypercharge 2 for e: gauge anomalies
    assert main(["check", str(tmp_path / "e2.m")]) == 1
    assert check_file(tmp_path / "e2.m").status == "anomalous"
    assert main(["check", str(tmp_path)]) == 1


def test_free_charges_are_solved_with_the_terms(tmp_path):
    src = ("Gauge[[1]] = {B, U[1], hypercharge, g1, False};\n"
           "Gauge[[2]] = {Bp, U[1], extra, gp, False};\n"
           "FermionFields[[1]] = {a, 1, a0, 1, Qa};\n"
           "FermionFields[[2]] = {b, 1, conj[b0], -1, Qb};\n"
           "ScalarFields[[1]] = {S, 1, S0, 0, QS};\n"
           "LagHC = y S.b.a;\n")
    path = tmp_path / "free.m"
    path.write_text(src)
    r = check_file(path)
    assert r.status == "anomalous" and r.symbolic
    # anomalies: Qa + Qb = 0 (b is right-handed with charge -Qb); the term: QS + Qb + Qa = 0
    assert r.solutions == ("QS = 0, Qa = -Qb, Qb = Qb",)
    path.write_text(src.replace("0, QS}", "0, 1}"))
    r = check_file(path)
    assert r.solutions == () and r.solved.startswith("no charges make the gauge anomalies vanish")


# ----------------------------------------------------------------- writers
def test_sarah_writer_keeps_what_the_source_said():
    from anomalyalgebra.interop import convert_text

    imp = read_model_file(DATA / "sarah" / "sm_gaps.m")
    out = convert_text(imp, "sarah")
    lines = out.splitlines()
    # gauge vector and coupling names of the source (non-SUSY: B, WB, G; g1, g2, g3)
    assert "Gauge[[2]] = {WB, SU[2], left, g2, True};" in lines
    # component names and conj as written, generations, charges
    assert "FermionFields[[1]] = {q, 3, {uL, dL}, 1/6, 2, 3};" in lines
    assert "FermionFields[[7]] = {LVb, 1, {conj[eVb], conj[vVb]}, 1/2, 2, 1};" in lines
    # coefficients with their signs and numbers
    assert "LagNoHC = -mu2 conj[H].H - lam1 conj[H].H.conj[H].H - lam2 conj[H].H.conj[H].H - 1/2 MS2 S.S;" \
        in lines
    assert lines[lines.index("NameOfStates = {GaugeES, EWSB};") - 1].startswith("LagHC = -Yd conj[H].d.q")
    # what a SARAH file needs: the Lagrangian input, and the source's EWSB and gauge-fixing blocks
    assert "DEFINITION[GaugeES][LagrangianInput] = {{LagHC, {AddHC -> True}}, {LagNoHC, {AddHC -> False}}};" \
        in lines
    assert "DEFINITION[EWSB][VEVs] = {{H0, {v, 1/Sqrt[2]}, {Ah, \\[ImaginaryI]/Sqrt[2]}, {hh, 1/Sqrt[2]}}};" \
        in lines
    assert any(x.startswith("DEFINITION[EWSB][GaugeFixing] = {{Der[VP], -1/(2 RXi[P])}") for x in lines)
    back = loads_model_text(out, "sarah")
    assert back.model == imp.model and [str(t) for t in back.terms] == [str(t) for t in imp.terms]
    assert [t.coefficient[0] for t in back.terms] == [t.coefficient[0] for t in imp.terms]


def test_sarah_writer_keeps_named_characters_and_superfield_charges():
    from anomalyalgebra.interop import convert_text

    imp = read_model_file(DATA / "sarah" / "singlet_z3.m")
    out = convert_text(imp, "sarah")
    assert "SuperPotential = Yu u.q.Hu - Yd d.q.Hd - Ye e.l.Hd + \\[Lambda] Hu.Hd.s + 1/3 \\[Kappa] s.s.s;" \
        in out.splitlines()
    assert "SuperFields[[6]] = {u, 3, conj[uR], -2/3, 1, -3, {-1, -1, 1}, {Exp[2 Pi I 1/3], Exp[2 Pi I 1/3]," \
        " Exp[2 Pi I 1/3]}};" in out.splitlines()
    assert "Global[[2]] = {Z[3], Z3};" in out
    back = loads_model_text(out, "sarah")
    assert back.model == imp.model and back.superfields == imp.superfields
    assert not back.model.group("Z3").gauged


def test_generated_sarah_file_has_name_of_states_and_lagrangian_input():
    import anomalyalgebra as aa
    from anomalyalgebra.interop import convert_text

    out = convert_text(aa.load_model("tau_l_only"), "sarah").splitlines()
    assert "NameOfStates = {GaugeES};" in out
    assert "DEFINITION[GaugeES][LagrangianInput] = {{LagHC, {AddHC -> True}}, {LagNoHC, {AddHC -> False}}};" in out
    # the paper's imposed Z2's are global symmetries: SARAH's Global entries
    assert "Global[[1]] = {Z[2], Z2A};" in out and not any(x.startswith("Gauge[[5]]") for x in out)


@pytest.mark.parametrize("name,fmt", [("sm", "sarah"), ("tau_l_minus_4r", "sarah"), ("tau_l_only", "sarah"),
                                      ("sm", "pyrate"), ("tau_l_minus_4r", "pyrate")])
def test_toml_round_trips_are_exact_where_the_format_allows(name, fmt):
    """(tau_l_only has Z2 factors, which PyR@TE cannot hold: conversion_losses refuses it.)"""
    import anomalyalgebra as aa
    from anomalyalgebra.interop import convert_text
    from anomalyalgebra.modelfile import dumps_model

    model = aa.load_model(name)

    def core(m):        # LaTeX names and the description are presentation, not model
        return [x for x in dumps_model(m).splitlines() if not x.startswith(("latex", "description"))]

    back = loads_model_text(convert_text(model, fmt), fmt).model
    assert core(back) == core(model)
    assert [f.name for f in back.fields] == [f.name for f in model.fields]    # order kept by the pragma


def test_pyrate_writer_uses_pyrate3_keys():
    import anomalyalgebra as aa
    from anomalyalgebra.interop import convert_text

    out = convert_text(aa.load_model("sm"), "pyrate")
    assert "ComplexScalars: {" in out and "CplxScalars" not in out
    assert loads_model_text(out, "pyrate").model.field("H").reps == aa.load_model("sm").field("H").reps


def test_errors_name_the_line_of_the_entry_and_of_a_value_assigned_elsewhere():
    text = ("Global[[1]] = {Z[3], Z3};\n"
            "bad = Exp[2 Pi I/7];\n"
            "Gauge[[1]] = {B, U[1], hypercharge, g1, False, 1};\n"
            "FermionFields[[1]] = {e, 1, e0, 1, bad};\n")
    with pytest.raises(ModelFileError, match=r"line 4: field 'e', global 'Z3': cannot read a Z\[3\] charge"
                                             r" from 'Exp\[2 Pi I/7\]'.*\(the value on line 2\)"):
        loads_model_text(text, "sarah")


R_MODEL = """
Global[[1]] = {U[1], RSymmetry};
Gauge[[1]] = {B, U[1], hypercharge, g1, False, {0, 1, 0}};
SuperFields[[1]] = {Hd, 1, {Hd0, Hdm}, -1/2, {0, 0, -1}};
SuperFields[[2]] = {Hu, 1, {Hup, Hu0},  1/2, {0, 0, -1}};
SuperFields[[3]] = {Rd, 1, {Rdp, Rd0},  1/2, {2, 2, 1}};
SuperFields[[4]] = {Ru, 1, {Ru0, Rum}, -1/2, {2, 2, 1}};
SuperPotential = MuD Rd.Hd + MuU Ru.Hu + \\[Mu] Hu.Hd;
"""


def test_superpotential_terms_carry_r_charge_two_under_sarahs_rsymmetry():
    imp = loads_model_text(R_MODEL, "sarah")
    assert imp.model.field("fB").rep("RSymmetry") == 1           # the gaugino: second entry
    assert imp.model.field("FHd").rep("RSymmetry") == -1 and imp.model.field("SRd").rep("RSymmetry") == 2
    from anomalyalgebra.interop import check_imported

    r = check_imported(imp)
    # MuD Rd.Hd and MuU Ru.Hu have R-charge 2 (allowed); the mu term Hu.Hd has 0
    assert [t for t, _, _ in r.non_invariant] == ["SuperPotential Mu: Hu Hd"]
    assert r.non_invariant[0][2] == (("RSymmetry", "RSymmetry: -2 = 0"),)


def test_check_file_and_check_dir_agree_on_every_test_file():
    """One verdict: the exit code of ``check FILE`` is the status of the file's row in
    ``check DIR``, for every SARAH and PyR@TE test file (anomalous, Witten, Z_N, terms)."""
    import contextlib
    import io

    from anomalyalgebra.cli import main

    want = {"ok": 0, "anomalous": 1, "not invariant": 1, "unreadable": 2}
    rows = [r for r in check_directory(DATA) if r.status != "skipped"]
    assert len(rows) >= 30 and {r.status for r in rows} >= {"ok", "anomalous", "not invariant", "unreadable"}
    for r in rows:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(["check", r.path])
        assert code == want[r.status], (r.path, r.status, code)
