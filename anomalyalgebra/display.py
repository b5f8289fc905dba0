"""LaTeX of the core objects: table entries and a model's field table in math mode.

This is what :meth:`anomalyalgebra.Model._repr_latex_` shows in Jupyter; the
document-level tables (``table`` environments, anomaly tables) are in
:mod:`anomalyalgebra.tables`.
"""

from __future__ import annotations

import sympy as sp

from .algebra import SymbolicSU2Irrep
from .groups import U1, ZN

__all__ = ["latex_symbol_names", "rep_latex", "lorentz_latex", "global_mark", "field_table_array", "latex_escape"]


def latex_symbol_names(model) -> dict:
    """Map each declared symbol to its LaTeX name from the model file (``latex = ...``).

    Parameters
    ----------
    model : Model
        The model.

    Returns
    -------
    dict
        ``{sympy.Symbol: latex}`` for the symbols that have a LaTeX name, for
        ``sympy.latex(..., symbol_names=...)``.
    """
    latex = dict(model.symbol_latex)
    return {s: latex[s.name] for s in model.symbols if s.name in latex}


def lorentz_latex(f) -> str:
    """The Lorentz column in math mode, without the ``$`` delimiters.

    Parameters
    ----------
    f : Field
        The field.

    Returns
    -------
    str
        ``(0, 0)`` for a scalar, ``(\\frac{1}{2}, 0)`` or ``(0, \\frac{1}{2})`` for a
        left- or right-handed Weyl fermion.
    """
    if f.is_scalar:
        return "(0, 0)"
    return r"(\frac{1}{2}, 0)" if f.chirality == "L" else r"(0, \frac{1}{2})"


def rep_latex(model, label: str, rep) -> str:
    """LaTeX of one table entry (an irrep, a charge, a Z_N sign).

    Parameters
    ----------
    model : Model
        The model (for the group and the LaTeX names of its symbols).
    label : str
        A group label of the model.
    rep : Irrep, SymbolicSU2Irrep, sympy expression or int
        The field's representation or charge under ``label``.

    Returns
    -------
    str
        Math-mode LaTeX without delimiters.

    Raises
    ------
    ModelError
        If ``label`` is not a group of the model.
    """
    g = model.group(label)
    if isinstance(g, U1):
        return sp.latex(rep, symbol_names=latex_symbol_names(model))
    if isinstance(g, ZN):
        return g.rep_text(rep)
    if isinstance(rep, SymbolicSU2Irrep):      # an n-plet: print n in the model's notation
        return sp.latex(rep.dim, symbol_names=latex_symbol_names(model))
    return rep._latex(None)


def global_mark(g) -> str:
    """The mark of a global (not gauged) factor in a LaTeX table head.

    Parameters
    ----------
    g : GroupFactor
        The factor.

    Returns
    -------
    str
        ``\\,(\\text{global})`` for a global factor, ``""`` for a gauged one.
    """
    return "" if g.gauged else r"\,(\text{global})"


def field_table_array(model) -> str:
    """The field table as a math-mode ``array`` (renders in MathJax and in LaTeX).

    Parameters
    ----------
    model : Model
        The model.

    Returns
    -------
    str
        LaTeX source of an ``array`` environment (no math delimiters).

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> print(field_table_array(aa.load_model("sm")).splitlines()[2])
    q_L^i & (\\frac{1}{2}, 0) & 3 & 2 & \\frac{1}{6} \\\\
    """
    cols = "l" + "c" * (1 + len(model.groups))
    head = " & ".join([r"\text{Field}", r"\text{Lorentz}"] +
                      [rf"\mathrm{{{latex_escape(g.name, math=True)}}}_{{\mathrm{{{latex_escape(k, math=True)}}}}}{global_mark(g)}"
                       for k, g in model.groups])
    lines = [rf"\begin{{array}}{{{cols}}}", head + r" \\ \hline"]
    for f in model.fields:
        cells = [f.latex, lorentz_latex(f)] + [rep_latex(model, k, r) for k, r in f.reps]
        lines.append(" & ".join(cells) + r" \\")
    lines.append(r"\end{array}")
    return "\n".join(lines)


_TEXT_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$", "%": r"\%",
                 "&": r"\&", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_MATH_ESCAPES = dict(_TEXT_ESCAPES, **{"\\": r"\backslash{}", "~": r"\sim{}", "^": r"\hat{}"})


def latex_escape(text: str, *, math: bool = False) -> str:
    r"""``text`` as LaTeX that typesets the characters themselves and runs no command.

    One pass over the text: each of ``# $ % & _ { } ~ ^ \`` becomes its escaped form
    (``\textbackslash{}``, ``\textasciitilde{}``, ``\textasciicircum{}`` in text;
    ``\backslash{}``, ``\sim{}``, ``\hat{}`` in math mode, e.g. inside ``\mathrm``),
    runs of white space (line breaks included: a blank line would end a paragraph
    inside ``\caption``) become one space, and other non-printable characters are
    dropped.

    Parameters
    ----------
    text : str
    math : bool, optional
        Escape for math mode (names inside ``\mathrm{...}``).

    Returns
    -------
    str

    Examples
    --------
    >>> print(latex_escape(r"50% of a_b & {c}^~ \input{x} #1 $"))
    50\% of a\_b \& \{c\}\textasciicircum{}\textasciitilde{} \textbackslash{}input\{x\} \#1 \$
    >>> print(latex_escape("q_L^2", math=True))
    q\_L\hat{}2
    """
    table = _MATH_ESCAPES if math else _TEXT_ESCAPES
    text = " ".join(str(text).split())
    return "".join(table.get(ch, ch) for ch in text if ch.isprintable())
