"""The seed paper as an application package: layout, key table, provenance."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from anomalyalgebra import paper
from anomalyalgebra.paper.record import INPUTS, PaperRecord

PACKAGE = Path(paper.__file__).resolve().parents[1]
#: The only modules outside the paper package allowed to import it (the command line:
#: ``models`` names the paper's tables, ``reproduce`` runs the paper's report).
MAY_IMPORT_PAPER = {"cli/__init__.py", "cli/reproduce_cmd.py"}


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
    """The scan above can fail: it resolves the relative imports (cli imports the paper's report)."""
    assert "anomalyalgebra.paper.report" in _imports(PACKAGE / "cli" / "reproduce_cmd.py")


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


def test_unknown_key_is_an_error():
    with pytest.raises(KeyError, match="nope"):
        paper.results(["nope"])


def test_record_requires_known_provenance():
    with pytest.raises(ValueError, match="inputs"):
        PaperRecord("x", 1, 1, "", True, inputs="guessed")
    with pytest.raises(TypeError):
        PaperRecord("x", 1, 1, "", True)      # provenance is not optional


# ---------------------------------------------------------------- provenance: perturb printed.toml
#: Run in a fresh interpreter: every string value of printed.toml is changed (integers
#: + 7, anything else times its own factor 1.07, 1.14, ...) when the file is loaded,
#: before any module of the paper package reads it; prints key -> [inputs, derived,
#: record well formed].  ("plain" runs the same without the change.)
_PROBE = r'''
import json, sys, tomllib

COUNTER = [0]


def perturb_text(text):
    from anomalyalgebra.exceptions import ExpressionError
    from anomalyalgebra.expr import parse_expression

    if text.strip() == "oo":
        return text
    try:
        if parse_expression(text).is_Integer:
            return str(int(parse_expression(text)) + 7)
    except ExpressionError:
        pass
    COUNTER[0] += 1
    return f"({text})*{100 + 7 * COUNTER[0]}/100"


def perturb(value):
    if isinstance(value, str):
        return perturb_text(value)
    if isinstance(value, list):
        return [perturb(v) for v in value]
    if isinstance(value, dict):
        return {k: perturb(v) for k, v in value.items()}
    return value


def walk(node):
    return {k: (dict(v, value=perturb(v["value"])) if isinstance(v, dict) and "value" in v
                else walk(v) if isinstance(v, dict) else v) for k, v in node.items()}


if sys.argv[1] == "perturbed":
    _load = tomllib.load

    def load(fh):
        data = _load(fh)
        return walk(data) if str(getattr(fh, "name", "")).endswith("printed.toml") else data

    tomllib.load = load

import anomalyalgebra.paper as paper

from anomalyalgebra.paper.record import PaperRecord

print(json.dumps({k: [r.inputs, str(r.derived),
                      isinstance(r, PaperRecord) and r.key == k and isinstance(r.agrees, bool)
                      and bool(r.note) and bool(r.where)] for k, r in paper.results().items()}))
'''

@pytest.fixture(scope="module")
def perturbed_runs():
    import json
    import os

    env = dict(os.environ, PYTHONHASHSEED="0",
               PYTHONPATH=os.pathsep.join([str(PACKAGE.parent), os.environ.get("PYTHONPATH", "")]))
    procs = {mode: subprocess.Popen([sys.executable, "-c", _PROBE, mode], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, env=env, cwd=PACKAGE.parent)
             for mode in ("plain", "perturbed")}
    out = {}
    for mode, proc in procs.items():
        stdout, stderr = proc.communicate(timeout=1800)
        assert proc.returncode == 0, stderr[-3000:]
        out[mode] = json.loads(stdout)
    return out["plain"], out["perturbed"]


def test_every_key_is_computed(perturbed_runs):
    plain, _ = perturbed_runs
    assert list(plain) == paper.keys()
    for key, (inputs, _derived, well_formed) in plain.items():
        assert inputs in INPUTS and well_formed, key


def test_derived_records_use_no_printed_value(perturbed_runs):
    plain, perturbed = perturbed_runs
    assert set(plain) == set(perturbed) == set(paper.keys())
    changed = {k for k in plain if plain[k][1] != perturbed[k][1]}
    derived = {k for k, (inputs, *_) in plain.items() if inputs == "derived"}
    assert not (changed & derived), changed & derived


def test_perturbation_reaches_the_printed_points(perturbed_runs):
    """The check above can fail: records evaluated at printed points do change."""
    plain, perturbed = perturbed_runs
    for key in ("eq42", "eq59_norm", "table2"):
        assert plain[key][0] == "printed point" and plain[key][1] != perturbed[key][1]


def test_accidental_breaking_l_minus_4r():
    """Each U(1) printed after Eq. (46) is accidental (nothing at d <= 4 breaks it) and
    breaks at d = 5; the tau number through l3 H^dag LL S1^dag (the mixing with the anomalon)."""
    r = paper.results(["accidental_breaking_l_minus_4r"])["accidental_breaking_l_minus_4r"]
    assert r.agrees and r.inputs == "derived"
    assert r.derived == {"l12_1 e12_1": 5, "l12_2 e12_2": 5, "l3 e3 EL ER": 5, "LL LR": 5}
    assert "l3 H† LL S1†" in r.note
