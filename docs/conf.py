"""Sphinx configuration for anomalyalgebra (built with -W in CI)."""

import shutil
from pathlib import Path

# The notebooks live in ../notebooks (run by the tests); copy them in for rendering.
_here = Path(__file__).parent
(_here / "_notebooks").mkdir(exist_ok=True)
for _nb in sorted((_here.parent / "notebooks").glob("*.ipynb")):
    shutil.copy2(_nb, _here / "_notebooks" / _nb.name)

# The command-line page shows exactly what --help prints: generated here from the CLI's
# one table of subcommands (anomalyalgebra.cli.COMMANDS, through cli.help_texts()).
from anomalyalgebra.cli import help_texts as _help_texts  # noqa: E402

(_here / "_generated").mkdir(exist_ok=True)
_lines = []
for _title, _text in _help_texts().items():
    _lines += [_title, "-" * len(_title), "", ".. code-block:: text", ""]
    _lines += [("    " + _line).rstrip() for _line in _text.splitlines()] + [""]
_page = "\n".join(_lines)
_target = _here / "_generated" / "cli_help.rst"
if not _target.exists() or _target.read_text(encoding="utf-8") != _page:
    _target.write_text(_page, encoding="utf-8")

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
exclude_patterns = ["_build", "_generated"]
numpydoc_show_class_members = False
numpydoc_validation_checks = set()
autodoc_member_order = "bysource"
autosummary_generate = False
html_theme = "alabaster"
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]
nitpicky = False
