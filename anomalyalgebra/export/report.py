"""``anomalyalgebra reproduce``: the seed paper from the built-in models, as a report.

:func:`reproduce` runs :func:`anomalyalgebra.paper.results` key by key (with
progress on stderr) and, when given a directory, writes

* ``results.json`` — every key: derived value (as text, LaTeX and the eval-free JSON
  tree of :mod:`anomalyalgebra.export.jsonio`), paper value, relative difference,
  verdict, provenance (``inputs``), place in the paper and note;
* ``tables/<model>.tex`` — the field table of every built-in model in the layout of
  the paper's Tables I, III, IV (captions from :data:`anomalyalgebra.paper.TABLE_CAPTIONS`);
* ``equations.tex`` — every derived expression as an ``align`` row in the model's
  notation;
* ``report.tex`` — a stand-alone document with both (compiled to ``report.pdf``
  when ``pdf=True`` and a TeX engine is installed);
* ``fig1.png`` and ``fig1.pdf`` — Fig. 1 (needs the ``plot`` extra), and
  ``fig1_printed_eq19.*`` — the same with the printed Z → γX formula (erratum E4).

It returns the records and prints a summary table (key, paper, derived, agrees?).
"""

from __future__ import annotations

import json
import sys
from fractions import Fraction
import time
from dataclasses import dataclass, field
from pathlib import Path

import sympy as sp

from .. import paper
from ..exceptions import AnomalyAlgebraError, MissingDependencyError
from ..modelfile import builtin_models, load_model
from ..tables import field_table_latex
from .jsonio import JSONExpressionError, to_json
from .latex import compile_latex, document, find_tex_engine

__all__ = ["reproduce", "Report", "summary_table", "jsonable"]



@dataclass
class Report:
    """What :func:`reproduce` produced: the records and the files written."""

    records: dict
    files: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def n_agree(self) -> int:
        return sum(1 for r in self.records.values() if r.agrees)


def _sympify_numbers(value):
    """Fractions (and ints) inside containers become sympy numbers, recursively."""
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(value, (list, tuple)):
        return type(value)(_sympify_numbers(v) for v in value)
    if isinstance(value, dict):
        return {k: _sympify_numbers(v) for k, v in value.items()}
    return value


def jsonable(value):
    """A JSON-ready form of a derived value (sympy objects keep an eval-free tree)."""
    value = _sympify_numbers(value)
    if isinstance(value, sp.Basic) or isinstance(value, sp.MatrixBase):
        out = {"text": sp.sstr(value), "latex": sp.latex(value)}
        try:
            out["expr"] = to_json(value)
        except JSONExpressionError:
            pass
        if getattr(value, "is_number", False) and value.is_real:
            out["float"] = float(value)
        return out
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    if hasattr(value, "to_dict"):
        return jsonable(value.to_dict())
    return {"text": str(value)}


def _short(value, width=34) -> str:
    value = _sympify_numbers(value)
    if isinstance(value, sp.Basic) and value.is_number and value.is_real and not value.is_Rational:
        text = f"{float(value):.4g}"
    elif isinstance(value, float):
        text = f"{value:.4g}"
    elif isinstance(value, (list, tuple)):
        text = f"[{len(value)} items]" if len(value) > 3 else sp.sstr(list(value))
    else:
        text = sp.sstr(value) if isinstance(value, sp.Basic) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def summary_table(records: dict) -> str:
    """The plain-text summary: key, paper, derived, relative difference, agrees?, inputs."""
    rows = [("key", "paper", "derived", "rel. diff", "agrees?", "inputs")]
    for key, rec in records.items():
        rd = rec.rel_diff
        rows.append((key, _short(rec.paper), _short(rec.derived),
                     "" if rd is None else f"{rd:+.1%}", "yes" if rec.agrees else "NO", rec.inputs))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _equation_rows(records):
    rows = []
    for key, rec in records.items():
        value = rec.derived
        if isinstance(value, sp.Basic) and not value.is_number:
            rows.append((key, value))
        elif isinstance(value, sp.MatrixBase):
            rows.append((key, value))
    return rows


def _equations_tex(records) -> str:
    m = load_model("anomalon_nplet")
    from ..tables import latex_symbol_names

    names = latex_symbol_names(m)
    parts = []
    for key, value in _equation_rows(records):
        label = key.replace("_", r"\_")
        parts.append(rf"\noindent\texttt{{{label}}}" "\n" r"\begin{equation*}" "\n  "
                     + sp.latex(value, symbol_names=names) + "\n" r"\end{equation*}")
    return "\n\n".join(parts)


def reproduce(out=None, *, keys=None, figure: bool = True, pdf: bool = False,
              stream=None, progress=None) -> Report:
    """Derive the paper's results; optionally write the report directory ``out``.

    Parameters
    ----------
    out : path, optional
        Directory for the report files (created).  ``None``: compute and print only.
    keys : list of str, optional
        Subset of :func:`anomalyalgebra.paper.keys`.
    figure : bool
        Draw Fig. 1 (needs matplotlib; skipped with a message if it is missing).
    pdf : bool
        Compile ``report.tex`` with a TeX engine if one is installed.
    stream, progress : file-like
        Where the summary (default stdout) and the progress lines (default stderr) go.
    """
    stream = sys.stdout if stream is None else stream
    progress = sys.stderr if progress is None else progress
    keys = paper.keys() if keys is None else list(keys)
    start = time.perf_counter()
    records = {}
    for i, key in enumerate(keys, 1):
        t = time.perf_counter()
        print(f"[{i:2d}/{len(keys)}] {key} ...", end="", file=progress, flush=True)
        records[key] = paper.results([key])[key]
        print(f" {time.perf_counter() - t:.1f} s", file=progress, flush=True)
    report = Report(records)
    if out is not None:
        out = Path(out)
        (out / "tables").mkdir(parents=True, exist_ok=True)
        payload = {
            key: {"derived": jsonable(r.derived), "paper": jsonable(r.paper), "rel_diff": r.rel_diff,
                  "agrees": bool(r.agrees), "inputs": r.inputs, "where": r.where, "note": r.note}
            for key, r in records.items()
        }
        (out / "results.json").write_text(json.dumps(payload, indent=2), encoding="utf-8")
        report.files.append(out / "results.json")
        tables = []
        for name in builtin_models():
            model = load_model(name)
            tex = field_table_latex(model, caption=paper.TABLE_CAPTIONS.get(name))
            (out / "tables" / f"{name}.tex").write_text(tex + "\n", encoding="utf-8")
            report.files.append(out / "tables" / f"{name}.tex")
            tables.append(tex)
        eqs = _equations_tex(records)
        (out / "equations.tex").write_text(eqs + "\n", encoding="utf-8")
        report.files.append(out / "equations.tex")
        tex = document([r"\section*{Field content}", *tables, r"\clearpage",
                        r"\section*{Derived expressions}", eqs],
                       title="The seed paper, derived by anomalyalgebra")
        (out / "report.tex").write_text(tex, encoding="utf-8")
        report.files.append(out / "report.tex")
        if pdf:
            if find_tex_engine() is None:
                print("no TeX engine: report.pdf not built", file=progress)
            else:
                report.files.append(compile_latex(tex, out, name="report"))
        if figure:
            try:
                from ..pheno import plot_fig1

                print("Fig. 1 ...", file=progress, flush=True)
                _, files = plot_fig1(out / "fig1")
                report.files.extend(Path(p) for p in files)
                # the same figure with the printed Eq. (19), for comparison (erratum E4)
                _, files = plot_fig1(out / "fig1_printed_eq19", form="paper")
                report.files.extend(Path(p) for p in files)
            except MissingDependencyError as exc:
                print(f"Fig. 1 skipped: {exc}", file=progress)
    report.seconds = time.perf_counter() - start
    print(summary_table(records), file=stream)
    print(f"\n{report.n_agree}/{len(records)} results agree with the paper as printed;"
          " each NO is explained in its note (results.json) and in docs/errata*."
          f" ({report.seconds:.1f} s)", file=stream)
    if out is not None:
        print(f"report written to {out}/ ({len(report.files)} files)", file=stream)
    return report
