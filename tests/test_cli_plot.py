"""``operators --plot``: operator counts per dimension and the symmetry-breaking ladder."""

from __future__ import annotations

import sys

import pytest

import anomalyalgebra as aa
from anomalyalgebra.cli import main
from anomalyalgebra.export.plots import operator_count_classes
from anomalyalgebra.operators import accidental_symmetries, hilbert_series, symmetry_breaking
from anomalyalgebra.operators.violation import symmetry_gradings


def test_count_classes_of_the_sm():
    sm = aa.load_model("sm")
    acc = accidental_symmetries(sm)
    syms = acc.u1 + acc.discrete
    hs = hilbert_series(sm, 7, gradings=symmetry_gradings(acc))
    classes = operator_count_classes(hs, syms)
    for d, n in hs.counts.items():
        assert sum(c[d] for c in classes.values()) == n
    baryon = next(s.name for s in syms if s.name == "U(1)_{q,u,d}")
    # the baryon-number-violating operators of dimension 6 are those symmetry_breaking finds
    report = symmetry_breaking(sm, 6)
    assert sum(c[6] for k, c in classes.items() if baryon in k) == report.violation(baryon).count == 546
    # the Weinberg operator breaks lepton numbers; nothing of odd dimension respects them all
    assert classes.get((), {}).get(5, 0) == 0 and classes.get((), {}).get(7, 0) == 0
    assert classes[()][6] > 0


@pytest.mark.parametrize("argv", [["--count", "--max-dim", "7"], ["--breaking", "--max-dim", "6"]])
def test_plot_files(argv, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    for suffix in (".png", ".pdf", ".svg"):
        out = tmp_path / f"p{suffix}"
        assert main(["operators", "sm", *argv, "--plot", str(out)]) == 0
        assert f"picture written to {out}" in capsys.readouterr().err
        head = out.read_bytes()[:8]
        assert {".png": head[:4] == b"\x89PNG", ".pdf": head[:4] == b"%PDF",
                ".svg": b"<?xml" in out.read_bytes()[:100]}[suffix]


def test_plot_refused_without_matplotlib(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    out = tmp_path / "p.png"
    for what in ("--count", "--breaking"):
        assert main(["operators", "sm", what, "--plot", str(out)]) == 2
        err = capsys.readouterr().err
        assert "needs matplotlib: pip install anomalyalgebra[plot]" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize("argv, message", [
    (["--count", "--plot", "p.xlsx"], "use one of .png, .pdf, .svg"),
    (["--count", "--breaking", "--plot", "p.png"], "not both"),
])
def test_plot_usage_errors(argv, message, capsys):
    assert main(["operators", "sm", *argv]) == 2
    assert message in capsys.readouterr().err
