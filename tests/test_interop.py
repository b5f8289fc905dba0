"""SARAH and PyR@TE readers and writers, checks of whole model collections, convert.

The model files under tests/data/interop were written for these tests (none is copied
from SARAH or PyR@TE).  Expected values come from the built-in TOML models (a second
reader), from hand counts stated next to each test, or from the other format.
"""

import json
import shutil
from pathlib import Path

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.cli import main
from anomalyalgebra.discrete import discrete_anomalies
from anomalyalgebra.exceptions import ModelError, ModelFileError
from anomalyalgebra.interop import (check_directory, check_file, check_imported, convert_text,
                                    loads_model_text, read_model_file)
from anomalyalgebra.interop.convert import conversion_losses, dumps_pyrate, dumps_sarah
from anomalyalgebra.interop.pyrate import loads_pyrate, read_pyrate
from anomalyalgebra.interop.sarah import loads_sarah, read_sarah

DATA = Path(__file__).parent / "data" / "interop"
SARAH = DATA / "sarah"
PYRATE = DATA / "pyrate"


def core(model):
    """What a model says physically: groups and fields, without names of the model or LaTeX.

    Fermions and scalars are compared as two ordered lists (SARAH and PyR@TE list all
    fermions before the scalars; Z_N factors come after the gauge factors).
    """
    def rows(fields):
        return tuple((f.name, f.spin, f.chirality, tuple(sorted(f.reps, key=lambda kv: kv[0])), f.copies)
                     for f in fields)

    return (tuple(sorted((k, g.name) for k, g in model.groups)), rows(model.fermions), rows(model.scalars))


def read(path, **opts):
    return read_model_file(path, **opts)


# ---------------------------------------------------------------------- readers vs built-in
@pytest.mark.parametrize("path", [SARAH / "sm.m", PYRATE / "sm.model"])
def test_sm_file_is_the_builtin_sm(path):
    model = aa.load_model(path)
    assert core(model) == core(aa.load_model("sm"))


@pytest.mark.parametrize("path", [SARAH / "anomalous.m", PYRATE / "anomalous.model"])
def test_anomalous_file_has_the_anomalies_of_sm_without_e(path):
    expected = aa.anomaly_table(aa.load_model("sm").without("e"), nonzero=True, convention="eq4")
    assert aa.anomaly_table(read(path).model, nonzero=True, convention="eq4") == expected
    assert check_file(path).status == "anomalous"


def test_sarah_terms_of_the_sm():
    imp = read(SARAH / "sm.m")
    ops = sorted(str(t.operator) for t in imp.terms)
    # SARAH's d, u, e are left-handed conjugates: their factors appear as bar(d) ...
    assert ops == sorted(["conj(H) H", "conj(H) H conj(H) H", "conj(H) bar(d) q",
                          "conj(H) bar(e) l", "bar(u) q H"])
    assert all(t.operator.is_invariant(imp.model) for t in imp.terms)
    assert {t.coupling for t in imp.terms} == {"mu2", "Lambda", "Yd", "Ye", "Yu"}


GOOD = ["sm.m", "inert_z2.m", "sm_bl.m", "thdm.m", "leptoquark.m", "vll.m", "mssm.m", "nmssm.m", "lr.m", "su5.m",
        "sm.model", "sm_bl.model", "thdm.model", "leptoquark.model", "vll.model", "lr.model",
        "su5.model", "so10.model"]


@pytest.mark.parametrize("name", GOOD)
def test_good_models_are_anomaly_free_with_invariant_terms(name):
    path = (SARAH if name.endswith(".m") else PYRATE) / name
    report = check_file(path)
    assert report.status == "ok", report.summary()
    assert report.terms > 0 and not report.non_invariant


def test_sarah_extra_lagrangians_real_components_and_dark_parity():
    imp = read(SARAH / "inert_z2.m")
    assert imp.real_scalars == ("T",)                    # named through its component t0
    assert {t.kind for t in imp.terms} == {"LagHC", "LagNoHC", "LagDarkNoHC"}
    assert "conj(H) T Eta" in [str(t.operator) for t in imp.terms]
    # Z2 odd scalars only: no fermion is odd, so every Ibanez-Ross sum vanishes
    assert all(a.value == 0 for a in discrete_anomalies(imp.model)["DarkParity"])
    assert imp.model.field("Eta").rep("DarkParity") == 1 and imp.model.field("H").rep("DarkParity") == 0


def test_witten_anomaly_of_an_extra_doublet():
    # 3 x (3 colours + 1) SM doublets + 1 = 13 doublets: odd
    report = check_file(SARAH / "witten.m")
    assert report.witten == ("SU2L",) and not report.anomalies


def test_mssm_r_parity_discrete_anomalies_by_hand():
    imp = read(SARAH / "mssm.m")
    res = {a.channel: a for a in discrete_anomalies(imp.model)["RParity"]}
    # R-odd fermions: gauginos (1 + 3 + 8) and higgsinos (2 + 2).
    # SU(2)^2: wino 2T(adj) = 4, two higgsino doublets 1 + 1 -> 6;  SU(3)^2: gluino 2T = 6;
    # gravity: 12 + 4 = 16.
    assert (res["left"].value, res["color"].value, res["grav"].value) == (6, 6, 16)
    assert all(a.free for a in res.values())
    # the component model: 15 Weyl fermions per generation + 2 higgsinos x 2 + gauginos
    assert sum(f.copies * 1 for f in imp.model.fermions) == 7 * 3 - 2 * 3 + 2 + 3


def test_nmssm_singlino_makes_r_parity_gravitationally_odd_but_relaxed():
    imp = read(SARAH / "nmssm.m")
    grav = {a.channel: a for a in discrete_anomalies(imp.model)["RParity"]}["grav"]
    assert grav.value == 17 and grav.free is False and grav.relaxed is True
    assert check_imported(imp).status == "ok"
    kappa = [t for t in imp.terms if t.coupling == "Kappa"]
    assert [str(t.operator) for t in kappa] == ["s^3"]


def test_superpotential_in_the_list_form_of_older_sarah_versions():
    text = (SARAH / "mssm.m").read_text().replace(
        "SuperPotential = Yu u.q.Hu - Yd d.q.Hd - Ye e.l.Hd + \\[Mu] Hu.Hd;",
        "SuperPotential = {{{1, Yu}, {q, Hu, u}}, {{-1, Yd}, {q, Hd, d}}, {{-1, Ye}, {l, Hd, e}},"
        " {{1, Mu}, {Hu, Hd}}};")
    assert "{{1, Yu}" in text
    old = sorted(str(t) for t in read(SARAH / "mssm.m").terms)
    new = loads_sarah(text).terms
    assert sorted(str(t.operator.canonical()) for t in new) == \
        sorted(str(t.operator.canonical()) for t in read(SARAH / "mssm.m").terms)
    assert len(old) == len(new) == 4


def test_mssm_needs_both_higgsinos():
    imp = read(SARAH / "mssm.m")
    assert aa.anomaly_trace(imp.model.without("FHu"), "hypercharge", "hypercharge", "hypercharge", convention="eq4") != 0
    assert aa.witten_anomaly(imp.model.without("FHu"), "left")


def test_su5_cubic_anomaly_of_the_5bar_alone():
    # three left-handed 5bar: eq4 sign -1 for L, A(5bar) = -1 -> +3
    m = read(SARAH / "su5.m").model
    assert aa.anomaly_trace(m.without("T"), "SU5", "SU5", "SU5", convention="eq4") == 3
    p = read(PYRATE / "su5.model").model
    assert aa.anomaly_trace(p.without("T"), "G", "G", "G", convention="eq4") == 3


def test_so10_dynkin_labels_and_yukawa():
    m = read(PYRATE / "so10.model").model
    d = m.field("D").rep("G")
    assert d.dim == 126 and d.labels == (0, 0, 0, 2, 0)
    # 16 x 16 contains the 126 (0,0,0,0,2), so F F D needs D in the 126bar: invariant
    imp = read(PYRATE / "so10.model")
    assert all(t.operator.is_invariant(imp.model) for t in imp.terms)


def test_left_right_chiralities_in_both_formats():
    for path in (SARAH / "lr.m", PYRATE / "lr.model"):
        m = read(path).model
        assert {f.name: f.chirality for f in m.fermions} == {"QL": "L", "QR": "R", "LL": "L", "LR": "R"}
        assert m.field("QR").rep("BL") == sp.Rational(1, 6)


def test_free_symbolic_charges_agree_between_formats():
    s = read(SARAH / "symbolic.m")
    p = read(PYRATE / "symbolic.model")
    assert {x.name for x in s.model.symbols} == {"zq", "zu", "zd", "zl", "ze"}   # zH = 0 substituted
    assert any("zH" in n for n in s.notes)
    assert aa.anomaly_table(s.model, convention="eq4") == aa.anomaly_table(p.model, convention="eq4")
    report = check_imported(s)
    assert report.status == "anomalous" and len(report.undecided) == 3


@pytest.mark.parametrize("path,label,total", [(SARAH / "bad_yukawa.m", "Y", "1"),
                                              (PYRATE / "bad_yukawa.model", "Y", "-1")])
def test_non_invariant_yukawa_is_reported_with_factor_and_charge_sum(path, label, total):
    report = check_file(path)
    assert report.status == "not invariant"
    ((term, line, fails),) = report.non_invariant
    assert fails == ((label, f"{label}: {total} = 0"),) and line > 0


# ---------------------------------------------------------------------- PyR@TE chirality
def test_chirality_inferred_from_yukawas_and_reported():
    imp = read(PYRATE / "sm.model")
    assert {f.name: f.chirality for f in imp.model.fermions} == \
        {"q": "L", "u": "R", "d": "R", "l": "L", "e": "R"}
    assert any("inferred from the Yukawa" in n for n in imp.notes)
    assert imp.chirality_defaults == ("q", "l")
    assert "chirality by default for the set(s) of q, l" in check_imported(imp).summary()
    # the writer's comment fixes the chirality: nothing is left to the default
    assert loads_pyrate(dumps_pyrate(imp)).chirality_defaults == ()


def test_chirality_option_flips_a_connected_set():
    imp = read(PYRATE / "sm.model", chirality={"u": "L"})
    assert {f.name: f.chirality for f in imp.model.fermions} == \
        {"q": "R", "u": "L", "d": "L", "l": "L", "e": "R"}
    # the quark sector flipped as a whole: every quark contribution changes sign, so each
    # trace becomes (leptons) - (quarks) = 2 x (leptons), since (quarks) = -(leptons) in the SM
    leptons = aa.anomaly_table(aa.load_model("sm").without("q", "u", "d"), nonzero=True, convention="eq4")
    assert aa.anomaly_table(imp.model, nonzero=True, convention="eq4") == {k: 2 * v for k, v in leptons.items() if k[0] != "SU3c"}


def test_chirality_default_when_nothing_decides():
    src = "Groups: {X: U1}\nFermions: {a: {Gen: 1, Qnb: {X: 1}}, b: {Gen: 1, Qnb: {X: 1}}}\n"
    imp = loads_pyrate(src, default_chirality="R")
    assert [f.chirality for f in imp.model.fermions] == ["R", "R"]
    assert len(imp.notes) == 2 and "by default" in imp.notes[0]


def test_chirality_contradiction_is_an_error():
    src = ("Groups: {X: U1}\nFermions: {a: {Qnb: {X: 0}}, b: {Qnb: {X: 0}}, c: {Qnb: {X: 0}}}\n"
           "CplxScalars: {S: {RealFields: [s1, s2], Norm: 1, Qnb: {X: 0}}}\n"
           "Potential: {Yukawas: {y1: abar S b, y2: bbar S c, y3: abar S c}}\n")
    with pytest.raises(ModelFileError, match="both chiralities"):
        loads_pyrate(src)
    with pytest.raises(ModelFileError, match="contradicts"):
        loads_pyrate(src.replace(", y3: abar S c", ""), chirality={"a": "L", "c": "R"})


# ---------------------------------------------------------------------- round trips
@pytest.mark.parametrize("name", [n for n in GOOD if n.endswith(".m")] + ["symbolic.m", "bad_yukawa.m"])
def test_sarah_round_trip(name):
    imp = read(SARAH / name)
    back = loads_sarah(dumps_sarah(imp))
    assert core(back.model) == core(imp.model)
    assert sorted(str(t) for t in back.terms) == sorted(str(t) for t in imp.terms)
    assert back.real_scalars == imp.real_scalars
    if imp.supersymmetric:
        assert core(back.superfields) == core(imp.superfields)


@pytest.mark.parametrize("name", [n for n in GOOD if n.endswith(".model")] + ["symbolic.model"])
def test_pyrate_round_trip(name):
    imp = read(PYRATE / name)
    back = loads_pyrate(dumps_pyrate(imp))
    assert core(back.model) == core(imp.model)
    assert sorted(str(t) for t in back.terms) == sorted(str(t) for t in imp.terms)


def test_sarah_renames_underscored_names_with_a_note():
    model = aa.load_model("sm_x_tau")
    text = convert_text(model, "sarah")
    assert "(* anomalyalgebra: 'alpha_L' written as alphaL (SARAH names are letters and digits;" in text
    back = loads_sarah(text).model
    assert [s.name for s in back.symbols] == sorted(s.name.replace("_", "") for s in model.symbols)
    from anomalyalgebra.anomaly import anomaly_table

    assert anomaly_table(back) == anomaly_table(model.subs({s: sp.Symbol(s.name.replace("_", ""), real=True)
                                                            for s in model.symbols}))


@pytest.mark.parametrize("name", ["sm", "tau_l_minus_4r", "tau_l_only"])
def test_builtin_toml_models_round_trip_through_sarah(name):
    model = aa.load_model(name)
    back = loads_sarah(convert_text(model, "sarah")).model
    assert core(back) == core(model)
    assert aa.anomaly_table(back, convention="eq4") == aa.anomaly_table(model, convention="eq4")


def test_pyrate_refuses_zn_factors_unless_lossy():
    model = aa.load_model("tau_l_only")
    with pytest.raises(ModelError, match="Z_N factor"):
        convert_text(model, "pyrate")
    back = loads_pyrate(convert_text(model, "pyrate", lossy=True)).model
    gauge = model
    for label, g in model.groups:
        if isinstance(g, aa.ZN):
            gauge = gauge  # Z_N dropped: compare the gauge part only
    assert aa.anomaly_table(back, convention="eq4") == aa.anomaly_table(model, convention="eq4")


def test_symbolic_su2_dimension_is_refused_by_sarah():
    with pytest.raises(ModelError, match="symbolic dimension"):
        n = sp.Symbol("n", real=True)
        model = aa.Model.build("nplet", {"W": "SU(2)", "X": "U(1)"},
                               [aa.fermion("psi", "L", {"W": "n", "X": "1"})], symbols=[n])
        convert_text(model, "sarah")


def test_mssm_to_toml_lists_what_is_dropped():
    imp = read(SARAH / "mssm.m")
    losses = conversion_losses(imp, "toml")
    assert any("term" in x for x in losses) and any("superfield" in x for x in losses)
    with pytest.raises(ModelError, match="without dropping"):
        convert_text(imp, "toml")
    assert aa.loads_model(convert_text(imp, "toml", lossy=True)) == imp.model


def test_sarah_to_pyrate_drops_foreign_terms_but_keeps_chirality():
    imp = read(SARAH / "sm.m")
    text = convert_text(imp, "pyrate", lossy=True)
    back = loads_pyrate(text)
    assert core(back.model) == core(imp.model) and not back.terms


def test_load_model_dispatch_and_format_option(tmp_path):
    copy = tmp_path / "sm.txt"
    shutil.copy(PYRATE / "sm.model", copy)
    assert core(aa.load_model(copy, format="pyrate")) == core(aa.load_model("sm"))
    with pytest.raises(ModelFileError, match="cannot tell the format"):
        read_model_file(copy)


# ---------------------------------------------------------------------- malformed input
BAD = [
    ("m", "Gauge[[1]] = {B, SO[10], x, g, False};", "line 1", "SO[10]"),
    ("m", "Gauge[[1]] = {B, U[1], Y, g, False};\nFermionFields[[1]] = {e, 1, e0, 1, 2};", "line 2",
     "1 gauge quantum numbers"),
    ("m", "Gauge[[1]] = {B, U[1], Y, g, False};\nFermionFields[[1]] = {e, 1, e0, Sin[x]};", "line 2",
     "arithmetic expression"),
    ("m", "Needs[\"SARAH`\"];\nGauge[[1]] = {B, U[1], Y, g, False};", "line 1", "unsupported top-level"),
    ("m", "Gauge[[1]] = {B, U[1], Y, g, False};\n<< evil.m", "line 2", "unsupported Mathematica"),
    ("m", "Gauge[[1]] = {B, U[1], Y, g, False}\n(* never closed", "line 2", "never closed"),
    ("m", "Gauge[[1]] = {B, U[1], Y, g, False};\nFermionFields[[1]] = {e, 1, e0, 1;", "line 2",
     "expected"),
    ("m", "Gauge[[1]] = {G, SU[3], c, g, False};\nFermionFields[[1]] = {e, 1, e0, 4};", "line 2",
     "SU(3)"),
    ("m", "Gauge[[1]] = {B, U[1], Y, g, False};\nScalarFields[[1]] = {S, 1, S0, 1};\nRealScalars = {S};",
     "line 3", "complex representation"),
    ("m", "Gauge[[1]] = {B, U[1], Y, g, False};\nSuperFields[[1]] = {s, 1, s0, 0};\n"
          "SuperPotential = m conj[s].s;", "line 3", "holomorphic"),
    ("m", "Global[[1]] = {Z[3], Z3};\nGauge[[1]] = {B, U[1], Y, g, False};\n"
          "FermionFields[[1]] = {e, 1, e0, 0, 7};", "line 3", "Z[3] charge"),
    ("m", "Gauge[[1]] = {B, U[1], Y, g, False};\nFermionFields[[1]] = {e, 0, e0, 1};", "line 2",
     "positive integer"),
    ("m", "Gauge[[1]] = {B, U[1], Y, g, False};\nMatterFields[[1]] = {{uL, dL}, 3, q, 1/6};", "line 2",
     "old SARAH"),
    ("m", "Gauge[[1]] = {B, U[1], Y, g, False};", "bad.m", "no FermionFields"),
    ("model", "Groups: {X: U1}\nFermions: {a: {Gen: 1, Qnb: {X: 1}}}\nColours: {}\n", "line 3",
     "unknown top-level key"),
    ("model", "Groups: {X: SU1}\nFermions: {a: {Gen: 1, Qnb: {X: 1}}}\n", "line 1", "group 'X'"),
    ("model", "Groups: {X: SU3}\nFermions: {a: {Gen: 1, Qnb: {X: 4}}}\n", "line 2", "SU(3)"),
    ("model", "Groups: {X: U1}\nFermions: {a: {Gen: 1, Qnb: {Y: 1}}}\n", "line 2", "unknown group"),
    ("model", "Groups: {X: U1}\nFermions: {a: {Gen: 1, Qnb: {X: 1}}\n", "line 2", "never closed"),
    ("model", "Groups: {X: U1}\nFermions: {a: {Gen: 1, Qnb: {X: 1}}}\n"
              "Potential: {Yukawas: {y: abar b}}\n", "line 3", "unknown name 'b'"),
    ("model", "Groups: {X: U1}\nFermions: {a: {Gen: 1, Qnb: {X: 0}}}\n"
              "CplxScalars: {S: {RealFields: [s1, s2], Norm: 1, Qnb: {X: 0}}}\n"
              "Potential: {Yukawas: {y: abar s1 a}}\n", "line 4", "real component"),
    ("model", "Groups: {X: U1}\nFermions:\n  - a\n", "line 3", "block lists"),
    ("model", "Groups: {X: U1}\nFermions: {a: !!python/object:os.system {Gen: 1}}\n", "line 2", "not supported"),
    ("model", "Groups: {X: U1}\nFermions: {a: {Gen: 1, Qnb: {X: __import__(1)}}}\n", "line 2", "X"),
    ("model", "Groups: {X: U1}\nFermions: {a: {Gen: 1, Qnb: {X: 1}}}\n"
              "Potential: {Yukawas: {y: a a a}}\n", "line 3", "3 fermions"),
]


@pytest.mark.parametrize("suffix,text,where,what", BAD)
def test_malformed_files_name_file_line_and_construct(tmp_path, suffix, text, where, what):
    path = tmp_path / f"bad.{suffix}"
    path.write_text(text)
    with pytest.raises(ModelFileError) as exc:
        read_model_file(path)
    msg = str(exc.value)
    assert str(path) in msg and where in msg and what in msg, msg


def test_line_break_ends_a_statement_at_top_level():
    imp = loads_sarah('Off[General::spell]\nModel`Name = "T"\nGauge[[1]] = {B, U[1], Y, g,\n False};\n'
                      "FermionFields[[1]] = {e, 1, e0, 0};")
    assert imp.model.name == "T"


def test_symbol_that_is_not_a_number_is_refused_as_charge():
    src = "RpM = {-1, -1, 1};\nGauge[[1]] = {B, U[1], Y, g, False};\nFermionFields[[1]] = {e, 1, e0, RpM};"
    with pytest.raises(ModelFileError, match="not a number"):
        loads_sarah(src)


# ---------------------------------------------------------------------- directory and CLI
def test_check_directory_rows_one_per_file(tmp_path):
    shutil.copytree(DATA, tmp_path / "models")
    (tmp_path / "models" / "broken.m").write_text("Gauge[[1]] = {B, U[2], Y, g, False};")
    reports = check_directory(tmp_path / "models")
    assert len(reports) == len(list(DATA.rglob("*.m"))) + len(list(DATA.rglob("*.model"))) + 1
    broken = [r for r in reports if r.path.endswith("broken.m")][0]
    assert broken.status == "unreadable" and "U(2)" in broken.error and "line 1" in broken.error


def test_cli_check_dir_exit_codes_and_json(tmp_path, capsys):
    good = tmp_path / "good"
    good.mkdir()
    for name in ("sm.m", "mssm.m"):
        shutil.copy(SARAH / name, good / name)
    shutil.copy(PYRATE / "sm.model", good / "sm.model")
    assert main(["check", str(good)]) == 0
    out = capsys.readouterr().out
    assert out.count("ok") >= 3
    shutil.copy(SARAH / "anomalous.m", good / "anomalous.m")
    assert main(["check", str(good), "--json"]) == 1
    rows = json.loads(capsys.readouterr().out)["files"]
    assert {r["path"]: r["status"] for r in rows}["anomalous.m"] == "anomalous"
    (good / "broken.model").write_text("Groups: {X: U1\n")
    assert main(["check", str(good)]) == 2          # an unreadable file wins over an anomaly
    assert "broken.model" in capsys.readouterr().out


def test_internal_errors_are_rows_and_exit_3(tmp_path, capsys, monkeypatch):
    shutil.copy(SARAH / "sm.m", tmp_path / "sm.m")
    shutil.copy(PYRATE / "sm.model", tmp_path / "sm.model")
    import anomalyalgebra.interop.check as check_mod

    real = check_mod.check_imported

    def boom(imp, **kw):
        if imp.format == "pyrate":
            raise ZeroDivisionError("simulated bug")
        return real(imp, **kw)

    monkeypatch.setattr(check_mod, "check_imported", boom)
    assert main(["check", str(tmp_path)]) == 3
    out = capsys.readouterr().out
    assert "internal error (ZeroDivisionError: simulated bug)" in out and "sm.m" in out


def test_cli_check_single_sarah_file_reports_terms(capsys):
    assert main(["check", str(SARAH / "bad_yukawa.m")]) == 1
    out = capsys.readouterr().out
    assert "NOT INVARIANT (line 12)" in out and "Y: 1 = 0" in out


def test_cli_check_single_file_json_includes_term_check(capsys):
    assert main(["check", str(PYRATE / "bad_yukawa.model"), "--json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["anomaly_free"] is True
    assert payload["file_check"]["status"] == "not invariant"
    assert payload["file_check"]["non_invariant"][0]["fails"][0]["group"] == "Y"


def test_cli_format_option_for_an_unknown_suffix(tmp_path, capsys):
    path = tmp_path / "sm.txt"
    shutil.copy(SARAH / "sm.m", path)
    assert main(["check", str(path)]) == 2          # an unknown suffix is read as TOML
    assert "not valid TOML" in capsys.readouterr().err
    assert main(["check", str(path), "--format", "sarah"]) == 0
    capsys.readouterr()


def test_cli_chirality_options(capsys):
    # flipping the quark set of the PyR@TE SM makes it anomalous (see the library test)
    assert main(["check", str(PYRATE / "sm.model")]) == 0
    assert main(["check", str(PYRATE / "sm.model"), "--chirality", "u=L"]) == 1
    assert main(["check", str(PYRATE / "sm.model"), "--chirality", "u=X"]) == 2
    assert main(["check", str(SARAH / "sm.m"), "--chirality", "u=L"]) == 2
    capsys.readouterr()


def test_cli_convert(tmp_path, capsys):
    out = tmp_path / "sm.m"
    assert main(["convert", str(PYRATE / "sm.model"), "--to", "sarah", "-o", str(out)]) == 0
    assert core(aa.load_model(out)) == core(aa.load_model("sm"))
    assert main(["convert", str(SARAH / "mssm.m"), "--to", "pyrate"]) == 2
    assert "without dropping" in capsys.readouterr().err
    assert main(["convert", str(SARAH / "mssm.m"), "--to", "toml", "--lossy"]) == 0
    captured = capsys.readouterr()
    assert "dropped:" in captured.err and aa.loads_model(captured.out).name == "MSSM"


def test_loads_model_text_toml():
    imp = loads_model_text(aa.dumps_model(aa.load_model("sm")), "toml")
    assert imp.model == aa.load_model("sm") and imp.format == "toml"


@pytest.mark.parametrize("path", sorted(p for p in DATA.rglob("*") if p.is_file()))
def test_truncated_or_damaged_files_give_typed_errors_only(path):
    fmt = "sarah" if path.suffix == ".m" else "pyrate"
    text = path.read_text()
    for cut in range(0, len(text), 23):
        for damaged in (text[:cut], text[:cut] + text[cut + 3:]):
            try:
                loads_model_text(damaged, fmt)
            except ModelError:       # ModelFileError and the other typed model errors
                pass


# ---------------------------------------------------------------------- property: random models
from hypothesis import given, settings, strategies as st  # noqa: E402

_IRREPS = {"SU3c": ["1", "3", "3bar", "6", "6bar", "8", "15", "(4,0)"], "SU2L": ["1", "2", "3", "4"],
           "SU5": ["1", "5", "5bar", "10", "10bar", "24", "45"]}


@st.composite
def random_models(draw):
    labels = draw(st.sampled_from([("SU3c", "SU2L"), ("SU5",), ("SU3c",)]))
    n_u1 = draw(st.integers(0, 2))
    groups = {lab: {"SU3c": "SU(3)", "SU2L": "SU(2)", "SU5": "SU(5)"}[lab] for lab in labels}
    groups.update({f"X{i}": "U(1)" for i in range(n_u1)})
    if draw(st.booleans()):
        groups["Zthree"] = "Z(3)"
    fields = []
    for k in range(draw(st.integers(1, 6))):
        reps = {lab: draw(st.sampled_from(_IRREPS[lab])) for lab in labels}
        for i in range(n_u1):
            num, den = draw(st.integers(-6, 6)), draw(st.integers(1, 6))
            reps[f"X{i}"] = f"{num}/{den}"
        if "Zthree" in groups:
            reps["Zthree"] = str(draw(st.integers(0, 2)))
        copies = draw(st.integers(1, 3))
        if draw(st.booleans()):
            fields.append(aa.fermion(f"F{k}", draw(st.sampled_from("LR")), reps, copies=copies))
        else:
            fields.append(aa.scalar(f"S{k}", reps, copies=copies))
    return aa.Model.build("random", groups, fields)


@settings(max_examples=40, deadline=None)
@given(random_models())
def test_random_models_round_trip_through_sarah(model):
    back = loads_sarah(dumps_sarah(model)).model
    assert core(back) == core(model)


@settings(max_examples=40, deadline=None)
@given(random_models())
def test_random_models_round_trip_through_pyrate(model):
    losses = conversion_losses(model, "pyrate")
    assert bool(losses) == any(isinstance(g, aa.ZN) for _, g in model.groups)
    back = loads_pyrate(convert_text(model, "pyrate", lossy=True)).model
    gauge = [lab for lab, g in model.groups if not isinstance(g, aa.ZN)]
    keep = model.__class__.build(model.name, [(lab, model.group(lab)) for lab in gauge],
                                 [f.__class__(f.name, f.spin, f.chirality,
                                              tuple((k, r) for k, r in f.reps if k in gauge), f.copies)
                                  for f in model.fields])
    assert core(back) == core(keep)


@pytest.mark.parametrize("fmt, text, message", [
    ("pyrate", "Groups: {U1Y: U1, SU3c: SU3}\nFermions: {a: {Gen: 1, Qnb: {U1Y: 0}}}\n"
               "RealScalars: {S: {Qnb: {SU3c: 3}}}\n",
     "line 3: real scalar 'S' is in a complex representation of 'SU3c' (3)"),
    ("pyrate", "Groups: {U1Y: U1, SU3c: SU3}\nFermions: {a: {Gen: 1, Qnb: {U1Y: 0}}}\n"
               "RealScalars: {S: [1, 3]}\n",
     "line 3: real scalar 'S' is in a complex representation of 'U1Y' (1)"),
    ("sarah", "Gauge[[1]] = {B, U[1], Y, g, False};\nGauge[[2]] = {G, SU[3], c, g3, False};\n"
              "FermionFields[[1]] = {e, 1, e0, 0, 1};\nScalarFields[[1]] = {S, 1, S0, 0, 3};\nRealScalars = {S};",
     "line 5: real scalar 'S' is in a complex representation of 'c' (3); a real field needs a real or"
     " pseudoreal one"),
])
def test_real_scalar_in_a_complex_representation(fmt, text, message):
    with pytest.raises(ModelFileError) as info:
        loads_model_text(text, fmt, path="x")
    assert str(info.value) == "x: " + message
    # a real representation (the octet) is accepted by both readers
    octet = text.replace("SU3c: 3", "SU3c: 8").replace("[1, 3]", "[0, 8]").replace("0, 3}", "0, 8}")
    assert loads_model_text(octet, fmt, path="x").model.field("S").is_scalar


def test_read_sarah_and_read_pyrate_read_as_read_model_file(tmp_path):
    for reader, path in [(read_sarah, DATA / "sarah" / "thdm.m"), (read_pyrate, DATA / "pyrate" / "thdm.model")]:
        imp, ref = reader(path), read_model_file(path)
        assert (imp.model, imp.terms, imp.path) == (ref.model, ref.terms, ref.path)
        # every reader reads through anomalyalgebra.files: one message for a missing file
        with pytest.raises(ModelFileError, match="no such file"):
            reader(tmp_path / "missing")
        with pytest.raises(ModelFileError, match="no such file"):
            read_model_file(tmp_path / "missing.m")


@pytest.mark.parametrize("fmt,text", [
    ("m", "x = " + "{" * 1200 + "1" + "}" * 1200 + ";"),
    ("m", "x = " + "-" * 3000 + "1;"),
    ("m", "x = 2" + "^2" * 3000 + ";"),
    ("m", "x = " + "a->" * 3000 + "1;"),
    ("model", "Groups: {U1Y: U1}\nFermions: {Q: " + "[" * 2000 + "1" + "]" * 2000 + "}\n"),
    # (1000 levels: the file stays under max_file_bytes, which is checked first)
    ("model", "".join(" " * i + f"k{i}:\n" for i in range(1000)) + " " * 1000 + "k: 1\n"),
])
def test_deeply_nested_files_hit_the_nesting_limit(tmp_path, capsys, fmt, text):
    """Before, these ran into Python's recursion limit (an internal error, exit 3)."""
    from anomalyalgebra.cli import main
    from anomalyalgebra.exceptions import LimitError

    path = tmp_path / f"deep.{fmt}"
    path.write_text(text)
    with pytest.raises(LimitError) as err:
        read_model_file(path)
    assert err.value.limit == "max_nesting_depth"
    assert main(["check", str(path)]) == 2
    assert "max_nesting_depth" in capsys.readouterr().err
