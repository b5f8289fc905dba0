"""The command line: check, reproduce, models; exit codes and output formats."""

import json
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
    assert "-alpha_L + 2*alpha_R" in out
    src = (tmp_path / "m.toml")
    src.write_text('name = "one doublet"\n[groups]\nW = "SU(2)"\n[fields.x]\nspin = "1/2"\n'
                   'chirality = "L"\nreps = { W = "2" }\n')
    assert main(["check", str(src)]) == 1
    assert "Witten SU(2)/Sp anomaly of W: True" in capsys.readouterr().out


def test_check_json_and_latex(capsys):
    assert main(["check", "sm_x_tau", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    values = {tuple(a["channel"]): a["value"] for a in data["anomalies"]}
    assert values[("X", "SU2L", "SU2L")] == "-alpha_L"
    assert data["anomaly_free"] is False and data["witten"] == {"SU2L": False}
    assert main(["check", "sm_x_tau", "--latex"]) == 1
    out = capsys.readouterr().out
    assert r"\begin{tabular}" in out and r"\alpha_L^\tau" in out


def test_bad_input_exits_2(capsys, tmp_path):
    p = tmp_path / "bad.toml"
    p.write_text('name = "x"\n[groups]\nX = "U(1)"\n[fields.f]\nspin = "1/2"\nchirality = "L"\nreps = { X = "y" }\n')
    assert main(["check", str(p)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "field 'f'" in err and "reps.X" in err


def test_module_entry_point():
    proc = subprocess.run([sys.executable, "-m", "anomalyalgebra", "models"], capture_output=True, text=True)
    assert proc.returncode == 0 and "tau_l_only" in proc.stdout


def test_reproduce_summary(capsys):
    assert main(["reproduce"]) == 0
    out = capsys.readouterr().out
    assert "eq25" in out and "results agree" in out
