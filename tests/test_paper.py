"""The seed paper as an application package: layout, key table, provenance."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from anomalyalgebra import paper
from anomalyalgebra.records import INPUTS, PaperRecord

PACKAGE = Path(paper.__file__).resolve().parents[1]
#: The only modules outside the paper package allowed to import it.
MAY_IMPORT_PAPER = {"cli.py", "export/report.py"}


def _imports(path: Path):
    """Absolute module names imported by a source file (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    pkg_parts = list(rel.parts[:-1]) if rel.name != "__init__" else list(rel.parts[:-1])
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg_parts[: len(pkg_parts) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.append(mod)
            out += [f"{mod}.{a.name}" for a in node.names]
    return out


def test_no_library_module_imports_the_paper_package():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith("paper/") or rel in MAY_IMPORT_PAPER:
            continue
        bad = [m for m in _imports(path) if m == "anomalyalgebra.paper" or m.startswith("anomalyalgebra.paper.")]
        if bad:
            offenders.append((rel, bad))
    assert offenders == []


def test_import_scan_sees_relative_imports():
    """The scan above can fail: it resolves the report's relative import of the paper."""
    assert "anomalyalgebra.paper" in _imports(PACKAGE / "export" / "report.py")


def test_library_import_does_not_load_the_paper():
    code = ("import sys, anomalyalgebra, anomalyalgebra.solve, anomalyalgebra.operators,"
            " anomalyalgebra.breaking, anomalyalgebra.pheno, anomalyalgebra.export;"
            " print('anomalyalgebra.paper' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent)
    assert out.stdout.strip() == "False"


def test_paper_imports_first_without_cycle():
    code = "import anomalyalgebra.paper as p; print(len(p.keys()))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent)
    assert int(out.stdout) == len(paper.keys())


def test_key_table_has_no_duplicate_key():
    """A dict literal silently keeps the last of two equal keys: read the source."""
    tree = ast.parse((PACKAGE / "paper" / "__init__.py").read_text(encoding="utf-8"))
    tables = [n.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
              and any(isinstance(t, ast.Name) and t.id == "RECORDS" for t in n.targets)]
    assert len(tables) == 1 and isinstance(tables[0], ast.Dict)
    keys = [k.value for k in tables[0].keys]
    assert len(keys) == len(set(keys)) == len(paper.keys())


def test_keys_kept_from_before_the_move():
    kept = {"gS_fit", "gS_fit_printed_eq13", "eq21", "eq22", "eq23", "eq24", "eq25", "eq26", "eq27",
            "eq28", "eq30", "eq31", "eq32", "eq33", "eq35", "eq36_norm", "eq37_norm", "eq38_unit",
            "table2", "eq40", "eq42", "eq43", "eq44_footnote6", "eq45", "eq46", "accidental_l_minus_4r",
            "eq47", "eq48", "eq49", "eq50", "eq51", "eq52", "eq53", "eq54", "eq55", "eq57", "vX",
            "eq58", "eq58_printed_formula", "fig1_L4R_best_fit", "eq59", "eq59_masses", "eq59_norm",
            "eq60"}
    assert kept <= set(paper.keys())


@pytest.fixture(scope="module")
def all_records():
    return paper.results()


def test_every_key_is_computed(all_records):
    assert list(all_records) == paper.keys()
    for key, rec in all_records.items():
        assert isinstance(rec, PaperRecord) and rec.key == key
        assert rec.inputs in INPUTS and isinstance(rec.agrees, bool) and rec.note


def test_unknown_key_is_an_error():
    with pytest.raises(KeyError, match="nope"):
        paper.results(["nope"])


def test_record_requires_known_provenance():
    with pytest.raises(ValueError, match="inputs"):
        PaperRecord("x", 1, 1, "", True, inputs="guessed")
    with pytest.raises(TypeError):
        PaperRecord("x", 1, 1, "", True)      # provenance is not optional
