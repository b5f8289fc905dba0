"""Field tables and anomaly tables as plain text and LaTeX.

The LaTeX field table has the layout of Tables I, III and IV of the seed paper:
Field, Lorentz, then one column per group factor in the model's order.
"""

from __future__ import annotations

import sympy as sp

from .anomaly import anomaly_label
from .display import field_table_array, latex_symbol_names, lorentz_latex as _lorentz_latex, rep_latex
from .groups import ZN
from .model import Model

__all__ = ["field_table_text", "field_table_latex", "field_table_array", "latex_symbol_names", "anomaly_table_text",
           "anomaly_table_latex", "rep_latex"]


def _lorentz(f) -> str:
    if f.is_scalar:
        return "(0, 0)"
    return "(1/2, 0)" if f.chirality == "L" else "(0, 1/2)"


def field_table_text(model: Model) -> str:
    """A plain-text field table (one row per field, one column per group)."""
    header = ["Field", "Lorentz", "copies"] + [f"{k} {g.name}" for k, g in model.groups]
    rows = [header]
    for f in model.fields:
        rows.append([f.name, _lorentz(f), str(f.copies)] +
                    [model.group(k).rep_text(r) for k, r in f.reps])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _group_latex(label, g) -> str:
    if isinstance(g, ZN):
        return rf"$\mathbb{{Z}}_{{{g.n}}}^{{\mathrm{{{label}}}}}$"
    return rf"$\mathrm{{{g.name}}}_{{\mathrm{{{label}}}}}$"


def field_table_latex(model: Model, *, caption: str | None = None) -> str:
    """A ``table`` environment in the layout of the seed paper's Tables I, III, IV."""
    cols = "l" + "c" * (1 + len(model.groups))
    lines = [r"\begin{table}[t]", r"\centering", rf"\begin{{tabular}}{{{cols}}}", r"\hline",
             " & ".join(["Field", "Lorentz"] + [_group_latex(k, g) for k, g in model.groups])
             + r" \\", r"\hline"]
    for f in model.fields:
        cells = [f"${f.latex}$", f"${_lorentz_latex(f)}$"] + [f"${rep_latex(model, k, r)}$" for k, r in f.reps]
        lines.append(" & ".join(cells) + r" \\")
    lines += [r"\hline", r"\end{tabular}"]
    cap = caption if caption is not None else f"Field content of the {model.name} model."
    lines += [rf"\caption{{{_escape(cap)}}}", r"\end{table}"]
    return "\n".join(lines)


def _escape(text: str) -> str:
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("#", r"\#"),
                 ("_", r"\_"), ("$", r"\$"), ("{", r"\{"), ("}", r"\}")):
        text = text.replace(a, b)
    return text


def anomaly_table_text(model: Model, table: dict) -> str:
    width = max((len(anomaly_label(model, k)) for k in table), default=0)
    return "\n".join(f"{anomaly_label(model, k).ljust(width)}  =  {sp.sstr(v)}" for k, v in table.items())


def anomaly_table_latex(model: Model, table: dict) -> str:
    names = latex_symbol_names(model)
    lines = [r"\begin{align}"]
    items = list(table.items())
    for i, (k, v) in enumerate(items):
        sub = "".join(k).replace("grav", r"\mathrm{grav}")
        end = r" \\" if i < len(items) - 1 else ""
        lines.append(rf"\mathcal{{A}}_{{{sub}}} &= {sp.latex(v, symbol_names=names)}{end}")
    lines.append(r"\end{align}")
    return "\n".join(lines)
