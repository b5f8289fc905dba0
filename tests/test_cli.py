"""The command line: check, reproduce, models; exit codes and output formats."""

import json
import re

import pytest
import subprocess
import sys

from anomalyalgebra.cli import main


def test_check_anomaly_free_model(capsys):
    assert main(["check", "tau_l_minus_4r"]) == 0
    out = capsys.readouterr().out
    assert "anomaly free" in out and "X^3" in out and "LL" in out


def test_check_anomalous_model_exits_1(capsys, tmp_path):
    assert main(["check", "sm_x_tau"]) == 1
    out = capsys.readouterr().out
    # default: sum over left-handed Weyl fermions (the paper's Eq. 21 is -2 x this)
    assert "alpha_L/2 - alpha_R" in out and "convention left" in out
    assert main(["check", "sm_x_tau", "--convention", "eq4"]) == 1
    assert "-alpha_L + 2*alpha_R" in capsys.readouterr().out
    src = (tmp_path / "m.toml")
    src.write_text('name = "one doublet"\n[groups]\nW = "SU(2)"\n[fields.x]\nspin = "1/2"\n'
                   'chirality = "L"\nreps = { W = "2" }\n')
    assert main(["check", str(src)]) == 1
    assert "Witten SU(2)/Sp anomaly of W: True" in capsys.readouterr().out


def test_check_json_and_latex(capsys):
    assert main(["check", "sm_x_tau", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    values = {tuple(a["channel"]): a["value"] for a in data["anomalies"]}
    assert values[("X", "SU2L", "SU2L")] == "alpha_L/2" and data["convention"] == "left"
    assert data["anomaly_free"] is False and data["witten"] == {"SU2L": False}
    assert main(["check", "sm_x_tau", "--latex"]) == 1
    out = capsys.readouterr().out
    assert r"\begin{tabular}" in out and r"\alpha_L^\tau" in out
    assert r"\mathcal{A}_{XSU2LSU2L} &= \frac{\alpha_L^\tau}{2}" in out


def test_bad_input_exits_2(capsys, tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text('name = "x"\n[groups]\nX = "U(1)"\n[fields.f]\nspin = "1/2"\nchirality = "L"\nreps = { X = "y" }\n')
    assert main(["check", str(p)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "field 'f'" in err and "reps.X" in err


def test_module_entry_point():
    proc = subprocess.run([sys.executable, "-m", "anomalyalgebra", "models"], capture_output=True, text=True)
    assert proc.returncode == 0 and "tau_l_only" in proc.stdout


@pytest.fixture(autouse=True)
def _no_user_cache(monkeypatch, tmp_path):
    """The reproduce cache of these tests lives in their temporary directory."""
    monkeypatch.setenv("ANOMALYALGEBRA_CACHE", str(tmp_path / "cache"))


def test_reproduce_summary(capsys):
    assert main(["reproduce", "--no-files", "--keys", "eq21", "eq25", "vX"]) == 0
    out = capsys.readouterr().out
    assert "eq25" in out and "2/3 results agree" in out and "+7.1%" in out


def test_reproduce_writes_report(tmp_path, capsys):
    out = tmp_path / "rep"
    assert main(["reproduce", "--out", str(out), "--keys", "eq22", "eq26", "eq43"]) == 0
    data = json.loads((out / "results.json").read_text())
    assert set(data) == {"eq22", "eq26", "eq43"}
    assert data["eq22"]["derived"]["text"] == "-alpha_L" and data["eq22"]["agrees"] is True
    assert data["eq22"]["inputs"] == "derived" and data["eq43"]["inputs"] == "printed point"
    assert data["eq22"]["where"] == "Eq. (22)"
    assert data["eq43"]["rel_diff"] == pytest.approx(0.0084, abs=1e-3)
    from anomalyalgebra.export import from_json
    import sympy as sp
    assert from_json(data["eq22"]["derived"]["expr"]) == -sp.Symbol("alpha_L", real=True)
    assert (out / "tables" / "tau_l_minus_4r.tex").read_text().count(r"\\") >= 16
    assert r"\mathcal{X}_{\mathcal{L}_L}" in (out / "equations.tex").read_text()
    assert (out / "fig1.png").read_bytes()[:4] == b"\x89PNG" and (out / "fig1.pdf").exists()
    err = capsys.readouterr().err
    # stderr is not a terminal here: no progress (tests/test_cli_progress.py has the terminal)
    assert not re.findall(r"\[ ?(\d)/3\]", err)
    # the library's progress stream: one line per record as it completes (in any order with
    # two processes)
    import io
    from anomalyalgebra.paper.report import reproduce

    buf = io.StringIO()
    reproduce(None, keys=["eq22", "eq26", "eq43"], figure=False, stream=io.StringIO(), progress=buf,
              jobs=2)
    lines = re.findall(r"\[ ?(\d)/3\] (\w+) \.\.\.", buf.getvalue())
    assert sorted(n for n, _ in lines) == ["1", "2", "3"]
    assert sorted(k for _, k in lines) == ["eq22", "eq26", "eq43"]
