"""Sphinx configuration for anomalyalgebra (built with -W in CI)."""

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
    "myst_parser",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
numpydoc_show_class_members = False
numpydoc_validation_checks = set()
autodoc_member_order = "bysource"
autosummary_generate = False
html_theme = "alabaster"
myst_heading_anchors = 3
suppress_warnings = ["myst.header"]
nitpicky = False
