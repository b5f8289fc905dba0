"""tests/slow_tests.txt names tests that exist, so a renamed slow test does not silently
come back into the developer loop (``python3 -m pytest -m "not slow"``)."""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
LIST = ROOT / "tests" / "slow_tests.txt"


def entries():
    lines = (line.split("#", 1)[0].strip() for line in LIST.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def names_in(path: Path) -> set:
    """Top-level functions and classes, and the methods of classes, as ``a`` or ``A::b``."""
    out = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        if isinstance(node, ast.ClassDef):
            out.update(f"{node.name}::{m.name}" for m in node.body if isinstance(m, ast.FunctionDef))
    return out


def test_the_list_has_tests_and_doctests():
    assert any(e.startswith("tests/") for e in entries())
    assert any(e.startswith("anomalyalgebra/") for e in entries())


@pytest.mark.parametrize("entry", entries())
def test_entry_names_an_existing_test(entry):
    file, _, name = entry.split("[", 1)[0].partition("::")
    path = ROOT / file
    assert path.is_file(), f"{entry}: no file {file}"
    if not name:
        return
    if file.startswith("tests/"):
        assert name in names_in(path), f"{entry}: no test {name} in {file}"
        return
    # a doctest: the dotted name of a module or of an object in it
    module = file[:-3].replace("/", ".").removesuffix(".__init__")
    assert name == module or name.startswith(module + "."), f"{entry}: {name} is not in {module}"
    obj = importlib.import_module(module)
    for part in name[len(module):].split(".")[1:]:
        obj = getattr(obj, part)
    assert obj.__doc__ and ">>>" in obj.__doc__, f"{entry}: {name} has no doctest"
