"""``anomalyalgebra enumerate``: anomaly-free integer charges from the shell."""

from __future__ import annotations

import io
import json
import sys
from math import gcd
from pathlib import Path

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.cli import main
from anomalyalgebra.cli.enumerate_cmd import _write_sets
from anomalyalgebra.enumeration import chiral_singlet_charges

ROOT = Path(__file__).resolve().parent.parent
UNIVERSAL = str(ROOT / "examples" / "universal_x.toml")

pytest.importorskip("numpy")   # the enumeration engine's optional dependency (extra numeric)


def _sets(text: str) -> list:
    return [tuple(int(x) for x in line.split()) for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


def _anomaly_free_singlets(q) -> bool:
    return sum(q) == 0 and sum(x ** 3 for x in q) == 0


def test_text_output_defaults_chiral_primitive(capsys):
    assert main(["enumerate", "5", "--qmax", "10"]) == 0
    out = capsys.readouterr().out
    sets = _sets(out)
    # the smallest chiral set of five (Costa, Dobrescu, Fox 2019) and the other one up to 10
    assert sorted(sets) == [(-9, -7, 2, 4, 10), (-8, -7, 1, 5, 9)]
    for q in sets:
        assert _anomaly_free_singlets(q) and 0 not in q and max(map(abs, q)) <= 10
        assert not any(-x in q for x in q) and gcd(*q) == 1
    assert "# 2 set(s)" in out and "chiral, gcd 1" in out
    assert sets == list(chiral_singlet_charges(5, 10))


def test_json_exact_form(capsys):
    assert main(["enumerate", "6", "--qmax", "8", "--json"]) == 0
    text = capsys.readouterr().out
    data = json.loads(text)
    assert list(data) == ["count", "solutions"] and text.startswith('{"count": ')
    assert data["count"] == len(data["solutions"]) == 2
    assert [tuple(s) for s in data["solutions"]] == list(chiral_singlet_charges(6, 8))
    assert main(["enumerate", "3", "--qmax", "5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"count": 0, "solutions": []}


def test_options_vectorlike_and_gcd(capsys):
    assert main(["enumerate", "4", "--qmax", "3", "--vectorlike"]) == 0
    sets = _sets(capsys.readouterr().out)
    assert (-3, -1, 1, 3) in sets and all(_anomaly_free_singlets(q) for q in sets)
    assert main(["enumerate", "4", "--qmax", "3"]) == 0
    assert _sets(capsys.readouterr().out) == []            # 4 charges: only vector-like sets
    assert main(["enumerate", "5", "--qmax", "20", "--any-gcd"]) == 0
    multiples = _sets(capsys.readouterr().out)
    assert (-16, -14, 2, 10, 18) in multiples                 # 2 x (-8, -7, 1, 5, 9)
    assert main(["enumerate", "5", "--qmax", "20"]) == 0
    primitive = _sets(capsys.readouterr().out)
    assert (-16, -14, 2, 10, 18) not in primitive and set(primitive) < set(multiples)
    assert main(["enumerate", "3", "--qmax", "2", "--allow-zero", "--vectorlike", "--any-gcd"]) == 0
    assert (-1, 0, 1) in _sets(capsys.readouterr().out)


def test_methods_and_workers_give_the_same_sets(capsys):
    outs = []
    for extra in ([], ["--method", "direct"], ["--workers", "2"], ["--workers", "2", "--batch-size", "1"]):
        assert main(["enumerate", "6", "--qmax", "9", "--count", *extra]) == 0
        outs.append(capsys.readouterr().out)
    assert len(set(outs)) == 1 and int(outs[0]) == sum(1 for _ in chiral_singlet_charges(6, 9))
    # the lattice path needs linear conditions between several groups: refused, not a crash
    assert main(["enumerate", "6", "--qmax", "9", "--method", "lattice"]) == 2
    assert "--method lattice: the lattice path does not apply" in capsys.readouterr().err
    for method in ("direct", "lattice", "auto"):
        assert main(["enumerate", "--model", UNIVERSAL, "--qmax", "3", "--method", method]) == 0
        assert sorted(_sets(capsys.readouterr().out)) == [(0, 1, -1, 0, -1, 1), (1, 1, 1, -3, -3, -3)]


def test_dask_local_cluster(capsys):
    pytest.importorskip("dask.distributed")
    assert main(["enumerate", "5", "--qmax", "10", "--dask", "local", "--workers", "1"]) == 0
    assert sorted(_sets(capsys.readouterr().out)) == [(-9, -7, 2, 4, 10), (-8, -7, 1, 5, 9)]


def test_csv_jsonl_and_parquet_files(tmp_path, capsys):
    assert main(["enumerate", "5", "--qmax", "10", "--csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["q1,q2,q3,q4,q5", "-9,-7,2,4,10", "-8,-7,1,5,9"]
    for name in ("s.csv", "s.jsonl", "s.json", "s.txt"):
        assert main(["enumerate", "5", "--qmax", "10", "-o", str(tmp_path / name)]) == 0
        assert "2 set(s) written to" in capsys.readouterr().err
    assert json.loads((tmp_path / "s.json").read_text())["count"] == 2
    assert (tmp_path / "s.jsonl").read_text().splitlines() == ["[-9, -7, 2, 4, 10]", "[-8, -7, 1, 5, 9]"]
    assert _sets((tmp_path / "s.txt").read_text()) == [(-9, -7, 2, 4, 10), (-8, -7, 1, 5, 9)]
    pytest.importorskip("pyarrow")
    from anomalyalgebra.enumeration import read_solutions

    assert main(["enumerate", "5", "--qmax", "10", "-o", str(tmp_path / "s.parquet")]) == 0
    assert list(read_solutions(tmp_path / "s.parquet")) == [(-9, -7, 2, 4, 10), (-8, -7, 1, 5, 9)]


def test_parquet_refused_without_pyarrow(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "s.parquet"
    assert main(["enumerate", "5", "--qmax", "10", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "pip install anomalyalgebra[parquet]" in err and not out.exists()


def test_output_is_streamed():
    # every set is written before the next one is asked for
    for fmt in ("text", "csv", "jsonl"):
        fh = io.StringIO()

        def sets():
            for i in range(1, 6):
                yield (i, -i)
                assert f"{i}" in fh.getvalue().splitlines()[-1], fmt

        assert _write_sets(sets(), fmt, fh, ["a", "b"], "test") == 5


def test_model_unknowns(capsys):
    assert main(["enumerate", "--model", UNIVERSAL, "--qmax", "3"]) == 0
    out = capsys.readouterr().out
    assert "# x_q x_u x_d x_l x_e x_n" in out
    sets = _sets(out)
    assert sorted(sets) == [(0, 1, -1, 0, -1, 1), (1, 1, 1, -3, -3, -3)]   # T3R and B - L
    model = aa.load_model(UNIVERSAL)
    names = [model.symbol(n) for n in ("x_q", "x_u", "x_d", "x_l", "x_e", "x_n")]
    for q in sets:
        sub = dict(zip(names, q))
        assert all(sp.expand(v.subs(sub)) == 0 for v in aa.anomaly_table(model).values())
    # Yukawa couplings required: only B - L is left
    assert main(["enumerate", "--model", UNIVERSAL, "--qmax", "6", "--require", "q* H d",
                 "--require", "l* H e"]) == 0
    assert _sets(capsys.readouterr().out) == [(1, 1, 1, -3, -3, -3)]
    # a subset of the unknowns: the others must be substituted first
    assert main(["enumerate", "--model", UNIVERSAL, "--qmax", "3", "--unknowns", "x_q,x_u"]) == 2
    assert "substitute them first" in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["enumerate", "--qmax", "3"], "give N"),
    (["enumerate", "5", "--qmax", "0"], "--qmax must be >= 1"),
    (["enumerate", "0", "--qmax", "3"], "N must be >= 1"),
    (["enumerate", "5", "--qmax", "3", "--unknowns", "a"], "--unknowns apply with --model only"),
    (["enumerate", "5", "--qmax", "3", "--model", UNIVERSAL], "not both"),
    (["enumerate", "5", "--qmax", "3", "-o", "x.xlsx"], "the suffix says the format"),
    (["enumerate", "5", "--qmax", "3", "--workers", "0"], "--workers must be >= 1"),
])
def test_usage_errors(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
