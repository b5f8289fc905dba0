"""LaTeX of derived objects in the model's own notation, and a compile helper.

Expressions are printed by :func:`sympy.latex` with the model's symbol names (the
``latex`` option of ``[symbols]`` in a model file: ``X_LL`` prints as
``\\mathcal{X}_{\\mathcal{L}_L}``).  Field tables come from :mod:`anomalyalgebra.tables`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import sympy as sp

from ..exceptions import MissingDependencyError
from ..tables import latex_escape, latex_symbol_names  # latex_escape re-exported: the one escaper

__all__ = ["to_latex", "equation", "align", "document", "compile_latex", "find_tex_engine", "latex_escape",
           "sandbox_environment"]


def to_latex(expr, model=None, **settings) -> str:
    """``sympy.latex`` with the model's symbol names.

    Parameters
    ----------
    expr : sympy expression or object with ``_repr_latex_``
        What to print; a non-sympy object with ``_repr_latex_`` (a table, a
        report) is printed through it, without the ``$`` delimiters.
    model : Model, optional
        Whose ``latex`` symbol names to use (see :func:`~anomalyalgebra.tables.latex_symbol_names`).
    **settings
        Passed to :func:`sympy.latex`; a ``symbol_names`` mapping is merged with the
        model's.

    Returns
    -------
    str
        Math-mode LaTeX without delimiters.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("anomalon_nplet")
    >>> to_latex(m.symbol("X_LL") + m.symbol("X_LR"), m)
    '\\\\mathcal{X}_{\\\\mathcal{L}_L} + \\\\mathcal{X}_{\\\\mathcal{L}_R}'
    """
    names = latex_symbol_names(model) if model is not None else {}
    names.update(settings.pop("symbol_names", {}))
    if hasattr(expr, "_repr_latex_") and not isinstance(expr, sp.Basic):
        return expr._repr_latex_().strip("$")
    return sp.latex(expr, symbol_names=names, **settings)


def equation(lhs, rhs, model=None, *, label: str | None = None) -> str:
    """An ``equation`` environment ``lhs = rhs``.

    Parameters
    ----------
    lhs : str or sympy expression
        Left-hand side; a string is taken as LaTeX as it is.
    rhs : sympy expression
        Right-hand side, printed with :func:`to_latex`.
    model : Model, optional
        Whose symbol names to use.
    label : str, optional
        A ``\\label`` for the equation.

    Returns
    -------
    str
        LaTeX source.

    Examples
    --------
    >>> print(equation("A_{XYY}", sp.Rational(-1, 2)))
    \\begin{equation}
      A_{XYY} = - \\frac{1}{2}
    \\end{equation}
    """
    left = lhs if isinstance(lhs, str) else to_latex(lhs, model)
    tag = rf"\label{{{label}}}" if label else ""
    return "\\begin{equation}" + tag + "\n  " + left + " = " + to_latex(rhs, model) + "\n\\end{equation}"


def align(rows, model=None) -> str:
    """An ``align`` environment from ``(lhs, rhs)`` pairs.

    Parameters
    ----------
    rows : iterable of (str or sympy expression, sympy expression)
        One row per pair; a string left-hand side is taken as LaTeX as it is.
    model : Model, optional
        Whose symbol names to use.

    Returns
    -------
    str
        LaTeX source, rows separated by ``\\\\``.
    """
    rows = list(rows)
    out = ["\\begin{align}"]
    for i, (lhs, rhs) in enumerate(rows):
        left = lhs if isinstance(lhs, str) else to_latex(lhs, model)
        end = r" \\" if i < len(rows) - 1 else ""
        out.append(f"  {left} &= {to_latex(rhs, model)}{end}")
    out.append("\\end{align}")
    return "\n".join(out)


def document(parts, *, title: str = "anomalyalgebra report") -> str:
    """A stand-alone LaTeX article (amsmath, amssymb) around the given parts.

    The ``title`` is plain text, escaped by :func:`latex_escape`; the parts are LaTeX.
    """
    body = "\n\n".join(parts)
    title = latex_escape(title)
    return "\n".join([
        r"\documentclass[11pt]{article}",
        r"\usepackage{amsmath,amssymb}",
        r"\usepackage[margin=2cm]{geometry}",
        r"\allowdisplaybreaks",
        rf"\title{{{title}}}",
        r"\date{}",
        r"\begin{document}",
        r"\maketitle",
        body,
        r"\end{document}",
        "",
    ])


def find_tex_engine():
    """Path of ``pdflatex`` (or ``lualatex``/``xelatex``), or ``None``."""
    for name in ("pdflatex", "lualatex", "xelatex"):
        path = shutil.which(name)
        if path:
            return path
    return None


def sandbox_environment(outdir) -> dict:
    """The environment :func:`compile_latex` gives the TeX engine.

    ``openin_any=p`` and ``openout_any=p`` (kpathsea's "paranoid" mode) let the engine
    read and write only below its working directory (no absolute paths, no ``..``, no
    dot files), ``shell_escape=f`` turns ``\\write18`` off (as ``-no-shell-escape``
    does on the command line), ``TEXMFOUTPUT`` is the working directory.

    Parameters
    ----------
    outdir : path
        The engine's working directory.

    Returns
    -------
    dict
        A copy of ``os.environ`` with those variables set.

    Examples
    --------
    >>> env = sandbox_environment("/tmp/x")
    >>> env["openin_any"], env["openout_any"], env["shell_escape"]
    ('p', 'p', 'f')
    """
    env = dict(os.environ)
    env.update({"openin_any": "p", "openout_any": "p", "shell_escape": "f",
                "TEXMFOUTPUT": str(outdir)})
    return env


def compile_latex(tex: str, outdir=None, *, name: str = "report", timeout: float = 120) -> Path:
    """Compile a LaTeX document with a real TeX engine; returns the PDF path.

    The engine runs sandboxed: ``-no-shell-escape``, and reading and writing only below
    ``outdir`` (:func:`sandbox_environment`), with a timeout per run; ``\\input{/etc/passwd}``
    is an error, not a page of the PDF.

    Parameters
    ----------
    tex : str
        The document.
    outdir : path, optional
        Where the ``.tex``, ``.log`` and ``.pdf`` go (default: a new temporary directory).
    name : str, optional
        Base name of the files: letters, digits, ``_`` and ``-``.
    timeout : float, optional
        Seconds per engine run.

    Returns
    -------
    pathlib.Path
        The PDF.

    Raises
    ------
    MissingDependencyError
        When no TeX engine is installed (Debian: ``apt-get install texlive-latex-base``).
    RuntimeError
        When the engine reports an error (the message carries the end of its log), or
        runs longer than ``timeout``.
    ValueError
        For a ``name`` that is not a plain file name.
    """
    import re

    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_-]*", name):
        raise ValueError(f"name {name!r} must be letters, digits, '_' and '-' (a file name)")
    engine = find_tex_engine()
    if engine is None:
        raise MissingDependencyError(
            "no TeX engine found (pdflatex/lualatex/xelatex); on Debian: apt-get install texlive-latex-base"
        )
    outdir = Path(outdir) if outdir is not None else Path(tempfile.mkdtemp(prefix="aa-tex-"))
    outdir.mkdir(parents=True, exist_ok=True)
    src = outdir / f"{name}.tex"
    src.write_text(tex, encoding="utf-8")
    env = sandbox_environment(outdir.resolve())
    for _ in range(2):   # twice, for references
        try:
            proc = subprocess.run([engine, "-no-shell-escape", "-interaction=nonstopmode", "-halt-on-error",
                                   src.name], cwd=outdir, capture_output=True, text=True, errors="replace",
                                  timeout=timeout, env=env, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise RuntimeError(f"{Path(engine).name} did not finish {src} within {timeout} s") from None
        if proc.returncode != 0:
            raise RuntimeError(f"{Path(engine).name} failed on {src}:\n" + proc.stdout[-3000:])
    return outdir / f"{name}.pdf"
