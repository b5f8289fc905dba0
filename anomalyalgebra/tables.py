"""Field tables and anomaly tables as plain text and LaTeX.

The LaTeX field table has the layout of Tables I, III and IV of the seed paper:
Field, Lorentz, then one column per group factor in the model's order.
"""

from __future__ import annotations

import sympy as sp

from .anomaly import anomaly_label
from .display import (field_table_array, global_mark as _global_mark, latex_escape, latex_symbol_names,
                      lorentz_latex as _lorentz_latex, rep_latex)
from .groups import ZN
from .model import Model

__all__ = ["field_table_text", "field_table_latex", "field_table_array", "latex_symbol_names", "anomaly_table_text",
           "anomaly_table_latex", "rep_latex", "global_symmetries_latex", "latex_escape"]


def _lorentz(f) -> str:
    if f.is_scalar:
        return "(0, 0)"
    return "(1/2, 0)" if f.chirality == "L" else "(0, 1/2)"


def field_table_text(model: Model) -> str:
    """A plain-text field table (one row per field, one column per group).

    Parameters
    ----------
    model : Model
        The model.

    Returns
    -------
    str
        Header, a rule, then one line per field (Lorentz type, copies, and the
        representation or charge under each group).

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> print(field_table_text(aa.load_model("sm")).splitlines()[0])
    Field  Lorentz   copies  SU3c SU(3)  SU2L SU(2)  Y U(1)
    """
    header = ["Field", "Lorentz", "copies"] + [f"{k} {g.name}" + ("" if g.gauged else " (global)")
                                               for k, g in model.groups]
    rows = [header]
    for f in model.fields:
        rows.append([f.name, _lorentz(f), str(f.copies)] +
                    [model.group(k).rep_text(r) for k, r in f.reps])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _group_latex(label, g) -> str:
    label = latex_escape(label, math=True)
    if isinstance(g, ZN):
        return rf"$\mathbb{{Z}}_{{{g.n}}}^{{\mathrm{{{label}}}}}{_global_mark(g)}$"
    return rf"$\mathrm{{{latex_escape(g.name, math=True)}}}_{{\mathrm{{{label}}}}}{_global_mark(g)}$"


def field_table_latex(model: Model, *, caption: str | None = None) -> str:
    """A ``table`` environment in the layout of the seed paper's Tables I, III, IV.

    Parameters
    ----------
    model : Model
        The model.
    caption : str, optional
        Caption text (LaTeX special characters are escaped); default
        ``"Field content of the <name> model."``.

    Returns
    -------
    str
        LaTeX source of a ``table`` with a ``tabular``.
    """
    cols = "l" + "c" * (1 + len(model.groups))
    lines = [r"\begin{table}[t]", r"\centering", rf"\begin{{tabular}}{{{cols}}}", r"\hline",
             " & ".join(["Field", "Lorentz"] + [_group_latex(k, g) for k, g in model.groups])
             + r" \\", r"\hline"]
    for f in model.fields:
        cells = [f"${f.latex}$", f"${_lorentz_latex(f)}$"] + [f"${rep_latex(model, k, r)}$" for k, r in f.reps]
        lines.append(" & ".join(cells) + r" \\")
    lines += [r"\hline", r"\end{tabular}"]
    cap = caption if caption is not None else f"Field content of the {model.name} model."
    lines += [rf"\caption{{{latex_escape(cap)}}}", r"\end{table}"]
    return "\n".join(lines)



def anomaly_table_text(model: Model, table: dict) -> str:
    """The anomaly traces as plain text, one ``label  =  value`` line per channel.

    Parameters
    ----------
    model : Model
        The model (for the channel labels).
    table : dict
        ``{channel key: trace}``, e.g. :func:`~anomalyalgebra.anomaly.anomaly_table`.

    Returns
    -------
    str
        The lines, labels padded to one width.
    """
    width = max((len(anomaly_label(model, k)) for k in table), default=0)
    return "\n".join(f"{anomaly_label(model, k).ljust(width)}  =  {sp.sstr(v)}" for k, v in table.items())


def anomaly_table_latex(model: Model, table: dict) -> str:
    """The anomaly traces as a LaTeX ``align`` environment (``\\mathcal{A}_{...} &= ...``).

    Parameters
    ----------
    model : Model
        The model (for the LaTeX names of its symbols).
    table : dict
        ``{channel key: trace}``, e.g. :func:`~anomalyalgebra.anomaly.anomaly_table`.

    Returns
    -------
    str
        LaTeX source.
    """
    names = latex_symbol_names(model)
    lines = [r"\begin{align}"]
    items = list(table.items())
    for i, (k, v) in enumerate(items):
        sub = "".join(k).replace("grav", r"\mathrm{grav}")
        end = r" \\" if i < len(items) - 1 else ""
        lines.append(rf"\mathcal{{A}}_{{{sub}}} &= {sp.latex(v, symbol_names=names)}{end}")
    lines.append(r"\end{align}")
    return "\n".join(lines)


def global_symmetries_latex(model: Model, reports: dict) -> str:
    r"""A ``tabular`` of the anomalies of the global factors and what they mean.

    Parameters
    ----------
    model : Model
        The model (for the LaTeX names of its symbols).
    reports : dict
        ``{label: GlobalSymmetryReport}``
        (:func:`anomalyalgebra.global_symmetries.global_symmetries`).

    Returns
    -------
    str
        LaTeX source of a ``tabular``: one row per anomaly coefficient of each
        global factor (symmetry, channel, coefficient, meaning).

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> from anomalyalgebra.global_symmetries import global_symmetries
    >>> m = aa.load_model("tau_l_only")
    >>> print(global_symmetries_latex(m, global_symmetries(m)).splitlines()[9])
    $\mathrm{Z2tau}$ & $\mathrm{Z2tau} \times \mathrm{SU2L}^2$ & $1 \bmod 2$ & instanton breaking \\
    """
    names = latex_symbol_names(model)

    def name(label):
        return r"\mathrm{%s}" % latex_escape(label, math=True)

    lines = [r"\begin{tabular}{llll}", r"\hline",
             r"symmetry & channel & coefficient & meaning \\", r"\hline"]
    for label, rep in reports.items():
        for a in rep.anomalies:
            if len(a.channel) == 2:
                channel = rf"${name(a.channel[0])}$ (Witten)"
            else:
                parts = []
                for lab in dict.fromkeys(a.channel):
                    k = a.channel.count(lab)
                    parts.append(name(lab) + (f"^{k}" if k > 1 else ""))
                channel = "$" + r" \times ".join(parts) + "$"
            value = sp.latex(sp.sympify(a.value), symbol_names=names)
            mod = rf" \bmod {a.modulus}" if a.modulus is not None else ""
            lines.append(rf"${name(label)}$ & {channel} & ${value}{mod}$ & {latex_escape(a.meaning)} \\")
        lines.append(rf"${name(label)}$ & \multicolumn{{3}}{{l}}{{unbroken by gauge instantons:"
                     rf" {latex_escape(rep.unbroken)}}} \\")
        if rep.axion is not None:
            ax = rep.axion
            for su3, n in ax.N.items():
                parts = [rf"N_{{\mathrm{{{latex_escape(su3, math=True)}}}}} = {sp.latex(n)}"]
                if ax.E is not None:
                    parts += [rf"E = {sp.latex(ax.E)}", rf"E/N = {sp.latex(ax.E_over_N[su3])}"]
                if ax.domain_wall[su3] is not None:
                    parts.append(rf"N_{{\mathrm{{DW}}}} = {sp.latex(ax.domain_wall[su3])}")
                lines.append(rf"${name(label)}$ & \multicolumn{{3}}{{l}}{{axion: $" + ",\\ ".join(parts)
                             + r"$} \\")
    lines += [r"\hline", r"\end{tabular}"]
    return "\n".join(lines)
