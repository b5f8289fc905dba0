"""Sphinx configuration for anomalyalgebra (built with -W in CI)."""

import shutil
from pathlib import Path

# The notebooks live in ../notebooks (run by the tests); copy them in for rendering.
_here = Path(__file__).parent
(_here / "_notebooks").mkdir(exist_ok=True)
for _nb in sorted((_here.parent / "notebooks").glob("*.ipynb")):
    shutil.copy2(_nb, _here / "_notebooks" / _nb.name)

project = "anomalyalgebra"
author = "anomalyalgebra developers"
copyright = "2026, anomalyalgebra developers"
release = "0.1.0"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "numpydoc",
    "myst_nb",
]
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
# the notebooks are committed without outputs; the docs build runs them
nb_execution_mode = "force"
nb_execution_timeout = 600
nb_execution_raise_on_error = True
exclude_patterns = ["_build"]
numpydoc_show_class_members = False
numpydoc_validation_checks = set()
autodoc_member_order = "bysource"
autosummary_generate = False
html_theme = "alabaster"
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]
nitpicky = False
