"""Output texts that say what is true: reduced residues, notes only where they apply,
messages that match what happened, record notes that agree with their values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.cli import main

ROOT = Path(__file__).resolve().parent.parent

Z3_TOY = """
name = "Z3 toy"
[groups]
SU2L = "SU(2)"
Z = "Z(3)"
[fields.psi]
spin = "1/2"
chirality = "R"
reps = { SU2L = "1", Z = "1" }
[fields.chi]
spin = "1/2"
chirality = "R"
copies = 2
reps = { SU2L = "2", Z = "1" }
"""


def test_discrete_residues_are_reduced(tmp_path, capsys):
    from anomalyalgebra.discrete import discrete_anomalies

    path = tmp_path / "z3.toml"
    path.write_text(Z3_TOY)
    conds = {a.channel: a for a in discrete_anomalies(aa.load_model(path))["Z"]}
    # right-handed fields count with -q: the sums are -2 (SU2L: 2 copies x T(2)*2) and -5
    assert (conds["SU2L"].value, conds["grav"].value) == (-2, -5)
    assert (conds["SU2L"].residue, conds["grav"].residue) == (1, 1)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Z x SU2L^2  =  1 mod 3  -> ANOMALOUS" in out and "Z x grav^2  =  1 mod 3" in out
    assert not re.search(r"-\d+ mod \d", out)
    assert main(["check", str(path), "--latex"]) == 1
    latex = capsys.readouterr().out
    assert r"$1 \bmod 3$" in latex and not re.search(r"-\d+ \\bmod", latex)
    assert str(conds["grav"]).startswith("Z3[Z] x grav^2: 1 mod 3 -> ANOMALOUS")


def test_zn_condition_text_reduced():
    from anomalyalgebra.operators.operator import Condition

    assert str(Condition("Z2", "zn", sp.Integer(-1), 2)) == "Z2: 1 = 0 mod 2"
    assert str(Condition("Z3", "zn", sp.Integer(7), 3)) == "Z3: 1 = 0 mod 3"
    x = sp.Symbol("x")
    assert str(Condition("Z3", "zn", x - 1, 3)) == "Z3: x - 1 = 0 mod 3"


def test_symbolic_note_only_with_symbols(capsys):
    assert main(["check", str(ROOT / "examples" / "muon_number.toml")]) == 1
    out = capsys.readouterr().out
    assert "ANOMALOUS: traces SU2L^2 x Lmu" in out and "symbolic ones" not in out
    assert main(["check", "sm_x_tau"]) == 1
    assert "(symbolic ones vanish only for special values of the symbols)" in capsys.readouterr().out
    assert main(["check", str(ROOT / "examples" / "muon_number.toml"), "--json"]) == 1
    import json

    reasons = json.loads(capsys.readouterr().out)["reasons"]
    assert reasons and not any("symbolic" in r for r in reasons)


def test_reproduce_pdf_without_tex_says_nothing_was_written(tmp_path, capsys, monkeypatch):
    import anomalyalgebra.export.latex as latex

    monkeypatch.setattr(latex, "find_tex_engine", lambda *a, **k: None)
    out = tmp_path / "report"
    assert main(["reproduce", "--out", str(out), "--pdf", "--keys", "eq21"]) == 2
    err = capsys.readouterr().err
    assert "nothing was computed or written" in err and "either way" not in err
    assert not out.exists()                       # true: nothing was written
    from anomalyalgebra.exceptions import MissingDependencyError
    from anomalyalgebra.paper import report

    monkeypatch.setattr(report, "find_tex_engine", lambda *a, **k: None)
    with pytest.raises(MissingDependencyError, match="nothing was computed or written"):
        report.reproduce(out, keys=["eq21"], pdf=True)
    assert not out.exists()


def test_record_notes_agree_with_their_values():
    # fig1_Lonly_best_fit said it "equals gS_fit" (0.01515 and 0.01518): the note now gives
    # the other value and the shift, computed
    from anomalyalgebra.paper.pheno import fig1_Lonly_best_fit, gS_fit

    r, g = fig1_Lonly_best_fit(), gS_fit()
    assert "equals" not in r.note
    assert f"gS_fit, {float(g.derived):.5f}" in r.note
    shift = 100 * (float(r.derived) / float(g.derived) - 1)
    assert f"{shift:+.2f} %" in r.note and -1 < shift < 0
