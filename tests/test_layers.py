"""The package is a DAG of layers, pinned by a scan of every import (issue 20, DESIGN.md).

    base -> algebra -> core -> physics -> io -> paper -> cli

(``base`` is what every layer needs and which needs nothing of the package: the
exception hierarchy and the resource limits.)

A module may import modules of its own layer or of lower layers, never of a higher
one; the import graph has no cycle at all, inside a layer or inside a folder either.
Every ``import`` statement counts, including those inside functions and under
``if TYPE_CHECKING`` (a lazy import is still an arrow of the design).

Which layer a module is in:

* a module in a sub-package is in that folder's layer (:data:`FOLDER_LAYERS`);
* a top-level module is in :data:`MODULE_LAYERS`;
* a new top-level module that is in neither is taken as **physics** (where new
  features of the library go) and the test says so if that placement is violated:
  add the module to :data:`MODULE_LAYERS` then.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

import anomalyalgebra

PACKAGE = Path(anomalyalgebra.__file__).resolve().parent
ROOT = PACKAGE.name

#: Layers from the bottom up.
LAYERS = ("base", "algebra", "core", "physics", "io", "paper", "cli")

#: Sub-packages: every module inside is in this layer.
FOLDER_LAYERS = {
    "algebra": "algebra",
    "solve": "physics",
    "operators": "physics",
    "breaking": "physics",
    "enumeration": "physics",
    "eft": "physics",
    "pheno": "physics",
    "nonperturbative": "physics",
    "interop": "io",
    "export": "io",
    "paper": "paper",
    "cli": "cli",
}

#: Top-level modules.
MODULE_LAYERS = {
    # base: imports nothing of the package
    "exceptions": "base",
    "limits": "base",
    # core: gauge factors, fields, models as plain data, and what they are built with
    "expr": "core",
    "symbolic": "core",
    "numeric": "core",
    "lattice": "core",
    "groups": "core",
    "model": "core",
    "fields": "core",
    "electric_charge": "core",
    "display": "core",
    "progress": "core",
    # physics
    "anomaly": "physics",
    "discrete": "physics",
    "wz": "physics",
    "consistency": "physics",
    "global_symmetries": "physics",
    # io: model files, tables (and the package facade, which re-exports the vocabulary)
    "modelfile": "io",
    "formats": "io",
    "tables": "io",
    "__init__": "io",
    # the command line (the cli package is in FOLDER_LAYERS)
    "__main__": "cli",
}

#: Default layer of a top-level module missing from MODULE_LAYERS.
DEFAULT_LAYER = "physics"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict:
    """Dotted module name -> source path, for every module of the package."""
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(name: str) -> tuple:
    """``(layer, how)`` of a dotted module name; ``how`` says where the placement comes from."""
    parts = name.split(".")[1:]
    if not parts:
        return MODULE_LAYERS["__init__"], "map"
    if len(parts) > 1 or (PACKAGE / parts[0]).is_dir():
        folder = parts[0]
        if folder not in FOLDER_LAYERS:
            return DEFAULT_LAYER, "default"
        return FOLDER_LAYERS[folder], "folder"
    if parts[0] in MODULE_LAYERS:
        return MODULE_LAYERS[parts[0]], "map"
    return DEFAULT_LAYER, "default"


def imports_of(name: str, path: Path, known) -> set:
    """The package modules that ``name`` imports anywhere in its source (relative imports resolved).

    ``from pkg import x`` is an arrow to ``pkg.x`` when that is a module, else to ``pkg``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_pkg = path.name == "__init__.py"
    here = name.split(".") if is_pkg else name.split(".")[:-1]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            targets = [f"{mod}.{a.name}" if f"{mod}.{a.name}" in known else mod for a in node.names]
        else:
            continue
        for t in targets:
            # "import anomalyalgebra.x.y" binds the package but imports x.y: take the longest known prefix
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name:
                out.add(t)
    return out


def import_graph() -> nx.DiGraph:
    mods = modules()
    g = nx.DiGraph()
    for name, path in mods.items():
        g.add_node(name)
        for target in imports_of(name, path, mods):
            g.add_edge(name, target)
    return g


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    """The import graph, built once per run and only when a test of this file is selected."""
    return import_graph()


def test_scan_sees_every_kind_of_import(graph):
    """The scan can fail: it resolves relative imports and sees imports inside functions."""
    assert ("anomalyalgebra.cli.reproduce_cmd", "anomalyalgebra.paper.report") in graph.edges   # inside a function
    assert ("anomalyalgebra.model", "anomalyalgebra.groups") in graph.edges       # relative, module level
    assert ("anomalyalgebra.model", "anomalyalgebra.display") in graph.edges      # inside _repr_latex_
    assert ("anomalyalgebra.model", "anomalyalgebra.expr") in graph.edges         # inside Model.subs
    assert len(graph) > 80 and graph.number_of_edges() > 250


def test_layer_map_covers_every_folder_and_module():
    assert layer_of("anomalyalgebra.operators.hilbert") == ("physics", "folder")
    assert layer_of("anomalyalgebra.a_module_added_later") == (DEFAULT_LAYER, "default")
    top = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert top <= set(FOLDER_LAYERS), (
        f"new sub-package(s) {sorted(top - set(FOLDER_LAYERS))}: add them to FOLDER_LAYERS in"
        " tests/test_layers.py (algebra, core, physics, io, paper or cli)")


#: Cycles not cut yet, each with the way out.  The test fails when a new cycle appears
#: and when one of these disappears (then delete it here).  None is left: the last one,
#: algebra.cartan <-> irrep <-> naming, was cut by the DAG cartan -> weights -> naming
#: -> irrep -> lie (LieAlgebra with its irrep conveniences on top).
KNOWN_CYCLES: list = []


def test_no_import_cycle(graph):
    cycles = sorted(sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1)
    assert cycles == sorted(KNOWN_CYCLES), f"import cycles: {cycles}"
    assert not any(graph.has_edge(n, n) for n in graph)


def test_no_upward_import(graph):
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    bad = []
    for a, b in graph.edges:
        (la, how), (lb, _) = layer_of(a), layer_of(b)
        if rank[lb] > rank[la]:
            hint = (f" ({a} is not in MODULE_LAYERS of tests/test_layers.py and was taken as"
                    f" {DEFAULT_LAYER}; add it to the map if it belongs elsewhere)" if how == "default" else "")
            bad.append(f"{a} [{la}] imports {b} [{lb}]{hint}")
    assert bad == [], "imports from a higher layer:\n" + "\n".join(bad)


def test_no_library_module_imports_the_top_level_package(graph):
    """``from anomalyalgebra import x`` inside the library would tie every module to every other."""
    bad = [a for a, b in graph.edges if b == ROOT and layer_of(a)[0] not in ("paper", "cli")]
    assert bad == []


@pytest.mark.parametrize("layer", LAYERS)
def test_every_layer_is_populated(layer, graph):
    assert any(layer_of(m)[0] == layer for m in graph), layer


def test_layer_diagram_in_words():
    """The layer diagram of the docs (docs/api.rst) names the same layers in the same order."""
    text = (PACKAGE.parent / "docs" / "api.rst").read_text(encoding="utf-8")
    positions = [text.find(f"**{layer}**") for layer in LAYERS]
    assert -1 not in positions and positions == sorted(positions)


def test_every_import_of_the_package_resolves():
    """An import of a module that does not exist (left behind by a move) is an error here."""
    mods = modules()
    missing = []
    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        here = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith(ROOT)):
                mod = (".".join(here[: len(here) - (node.level - 1)] + ([node.module] if node.module else []))
                       if node.level else node.module)
                if mod not in mods:
                    missing.append(f"{name}: {mod}")
            elif isinstance(node, ast.Import):
                missing += [f"{name}: {a.name}" for a in node.names
                            if a.name.startswith(ROOT + ".") and a.name not in mods]
    assert missing == []
