"""The non-perturbative checks in ``anomalyalgebra check``: JSON keys, text, LaTeX, exit codes."""

import json

import pytest

from anomalyalgebra.cli import main

_SM_Z4 = """
name = "SM x Z4"
[groups]
SU3c = "SU(3)"
SU2L = "SU(2)"
Y = "U(1)"
Z4 = {z4}
[fields.q]
spin = "1/2"
chirality = "L"
copies = 3
reps = {{ SU3c = "3", SU2L = "2", Y = "1/6", Z4 = "1" }}
[fields.u]
spin = "1/2"
chirality = "R"
copies = 3
reps = {{ SU3c = "3", SU2L = "1", Y = "2/3", Z4 = "3" }}
[fields.d]
spin = "1/2"
chirality = "R"
copies = 3
reps = {{ SU3c = "3", SU2L = "1", Y = "-1/3", Z4 = "3" }}
[fields.l]
spin = "1/2"
chirality = "L"
copies = 3
reps = {{ SU3c = "1", SU2L = "2", Y = "-1/2", Z4 = "1" }}
[fields.e]
spin = "1/2"
chirality = "R"
copies = 3
reps = {{ SU3c = "1", SU2L = "1", Y = "-1", Z4 = "3" }}
[fields.H]
spin = "0"
reps = {{ SU3c = "1", SU2L = "2", Y = "1/2", Z4 = "2" }}
{nu}
"""

_NU = """
[fields.n]
spin = "1/2"
chirality = "R"
copies = 3
reps = { SU3c = "1", SU2L = "1", Y = "0", Z4 = "3" }
"""


def _write(tmp_path, nu=True, gauged=True, z4='"Z(4)"'):
    if not gauged:
        z4 = '{ group = "Z(4)", gauged = false }'
    p = tmp_path / f"sm_z4_{nu}_{gauged}.toml"
    p.write_text(_SM_Z4.format(z4=z4, nu=_NU if nu else ""))
    return str(p)


def test_sm_z4_json(tmp_path, capsys):
    # right-handed fields carry the Z4 charge of 5(B-L) - 4Y of the right-handed field:
    # u_R: 5/3 - 8/3 = -1 = 3 mod 4, and so on; all left-handed conjugates have charge 1
    assert main(["check", _write(tmp_path), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["dai_freed"]["Z4"]["structure"] == "Spin x_Z2 Z(4)"
    assert d["dai_freed"]["Z4"]["free"] is True        # mixed Z(4) x U(1)_Y classes included
    assert d["dai_freed"]["Z4"]["reason"] is None
    assert d["dai_freed"]["Z4"]["residuals"]["L(2;1,1,1)"] == "0"
    assert d["dai_freed"]["Z4"]["residuals"]["L(2;1,1,1)"] == "0"
    assert {"order", "generators"} <= set(d["gauge_quotient"])
    assert d["gauge_quotient"]["order"] == 6        # the Z4 charges ride along: H has 2, q has 1
    assert d["su2_global"] == {"SU2L": {"witten": False, "new": False, "non_spin_formulation": False,
                                        "reason": None}}


def test_sm_z4_without_nu_r_is_anomalous_when_gauged(tmp_path, capsys):
    assert main(["check", _write(tmp_path, nu=False), "--json"]) == 1
    d = json.loads(capsys.readouterr().out)
    assert d["dai_freed"]["Z4"]["free"] is False
    assert d["dai_freed"]["Z4"]["residuals"]["L(2;1,1,1)"] == "13/16"      # 45/16
    assert any("Dai–Freed anomaly of Z4" in r for r in d["reasons"])
    # the same Z4 as a global symmetry: a 't Hooft anomaly, reported, not a reason
    main(["check", _write(tmp_path, nu=False, gauged=False), "--json"])
    d = json.loads(capsys.readouterr().out)
    assert d["dai_freed"]["Z4"]["free"] is False
    assert not any("Dai–Freed" in r for r in d["reasons"])


def test_text_and_latex(tmp_path, capsys):
    main(["check", _write(tmp_path, nu=False)])
    out = capsys.readouterr().out
    assert "Z4 (gauged) Spin x_Z2 Z(4): residuals mod 1 {K3 x L(2;1): 1/2, L(2;1,1,1): 13/16" in out
    assert "Z(6) (order 6)" in out and "new SU(2) anomaly no" in out
    main(["check", _write(tmp_path, nu=False), "--latex"])
    out = capsys.readouterr().out
    assert r"\eta[\mathrm{L(2;1,1,1)}] = \tfrac{13}{16}" in out
    assert r"$\Gamma = \mathbb{Z}_{6}$" in out


def test_bad_input_exit_2(tmp_path, capsys):
    p = tmp_path / "big.toml"
    p.write_text(_SM_Z4.format(z4='"Z(10000001)"', nu=""))
    assert main(["check", str(p)]) == 2
    assert "max_zn_order" in capsys.readouterr().err
    p = tmp_path / "sym.toml"
    p.write_text('name = "s"\n[groups]\nW = "SU(2)"\nZ = "Z(3)"\n[symbols]\nn = { integer = true, positive = true }\n'
                 '[fields.x]\nspin = "1/2"\nchirality = "L"\nreps = { W = "n", Z = "1" }\n')
    assert main(["check", str(p)]) == 2
    err = capsys.readouterr().err
    assert "Dai–Freed" in err and "substitute" in err


def test_global_zn_with_symbolic_dimension_is_not_bad_input(tmp_path, capsys):
    p = tmp_path / "symg.toml"
    p.write_text('name = "s"\n[groups]\nW = "SU(2)"\nZ = { group = "Z(3)", gauged = false }\n'
                 '[symbols]\nn = { integer = true, positive = true }\n'
                 '[fields.x]\nspin = "1/2"\nchirality = "L"\nreps = { W = "n", Z = "1" }\n')
    main(["check", str(p), "--json"])
    d = json.loads(capsys.readouterr().out)
    assert d["dai_freed"]["Z"]["free"] is None and "substitute" in d["dai_freed"]["Z"]["reason"]
