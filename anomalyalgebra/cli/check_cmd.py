"""``anomalyalgebra check MODEL`` and ``check DIR``: the field table, every anomaly
trace, the discrete and non-perturbative conditions and the verdict (exit code 1 for an
anomalous model).
"""

from __future__ import annotations

import json
import os

import sympy as sp

from ..exceptions import AnomalyAlgebraError, UsageError
from ..formats import load_model
from ..modelfile import builtin_models
from ..tables import (anomaly_table_latex, anomaly_table_text, field_table_latex, field_table_text,
                      latex_symbol_names)
from .common import (EXIT_ANOMALOUS, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, file_format,
                     progress_wanted, reader_options)
from .texts import fill

__all__ = ["run_check"]


def _discrete_label(a) -> str:
    return f"{a.symmetry} x {a.channel}^2"


def _discrete_verdict(a) -> str:
    if a.relaxed is None:
        return "undecided (symbolic)"
    text = "anomaly free" if a.relaxed else "ANOMALOUS"
    if a.channel == "grav" and a.relaxed != a.free:   # the verdict is the relaxed one (as check DIR)
        text += f" (mod {a.modulus // 2} with heavy Majorana fermions: Ibáñez–Ross relaxation)"
    return text


def _discrete_latex(model, conds) -> str:
    names = latex_symbol_names(model)
    lines = [r"\begin{tabular}{llll}", r"\hline",
             r"symmetry & channel & $\sum q\,(\ldots)$ & verdict \\", r"\hline"]
    for a in conds:
        channel = r"$\mathrm{grav}^2$" if a.channel == "grav" else rf"$\mathrm{{{a.channel}}}^2$"
        value = sp.latex(sp.sympify(a.residue), symbol_names=names)
        lines.append(rf"$\mathbb{{Z}}_{{{a.modulus}}}$ ({a.symmetry}) & {channel} &"
                     rf" ${value} \bmod {a.modulus}$ & {_discrete_verdict(a)} \\")
    lines += [r"\hline", r"\end{tabular}"]
    return "\n".join(lines)


def run_check(args) -> int:
    """Run ``anomalyalgebra check MODEL`` (or ``check DIR``): tables, traces, verdict.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line (:func:`anomalyalgebra.cli.build_parser`).

    Returns
    -------
    int
        The exit code: 0 anomaly free, 1 anomalous.

    Raises
    ------
    AnomalyAlgebraError
        For bad input (:func:`anomalyalgebra.cli.main` turns it into exit code 2).
    """
    if not args.model:
        raise UsageError("check: the model is empty; give " + fill("{accepts}")
                         + ", or a directory of model files")
    if os.path.isdir(args.model):
        return _check_dir(args)
    opts = reader_options(args, args.model)
    imp = _read_interop(args, opts)
    if imp is not None and args.model not in builtin_models():
        model = imp.model
    else:  # a built-in name is the built-in model even with --format (its file only gives the report)
        model = load_model(args.model, format=args.format, **opts)
    from ..consistency import consistency_report

    verdict = consistency_report(model, convention=args.convention)
    table, witten, discrete = verdict.anomalies, verdict.witten, list(verdict.discrete)
    reasons = list(verdict.reasons)
    free = not verdict.anomalous
    report = _interop_report(args, imp)
    if report is not None:   # SARAH/PyR@TE: check_imported's verdict (consistency_report), as check DIR
        reasons = list(report.reasons)
        free = not reasons
    if args.json:
        payload = {
            "model": model.name,
            "convention": args.convention,
            "groups": {k: g.name for k, g in model.groups},
            "gauged": {k: g.gauged for k, g in model.groups},
            "fields": [
                {"name": f.name, "spin": str(f.spin), "chirality": f.chirality, "copies": f.copies,
                 "reps": {k: model.group(k).rep_text(r) for k, r in f.reps}}
                for f in model.fields
            ],
            **verdict.to_dict(),
        }
        if report is not None:
            payload["file_check"] = report.to_dict()
        print(json.dumps(payload, indent=2))
    elif args.latex:
        print(field_table_latex(model))
        print()
        print(anomaly_table_latex(model, table))
        if discrete:
            print()
            print(_discrete_latex(model, discrete))
        if verdict.global_symmetries:
            from ..tables import global_symmetries_latex

            print()
            print(global_symmetries_latex(model, verdict.global_symmetries))
        print()
        print(verdict.nonperturbative.latex())      # Dai–Freed, gauge quotient, SU(2) (issue 21)
    else:
        print(f"Model: {model.name}")
        print(field_table_text(model))
        print()
        print(f"Anomaly traces (convention {args.convention}):")
        print(anomaly_table_text(model, verdict.gauge_anomalies))
        others = {k: v for k, v in table.items() if k not in verdict.gauge_anomalies}
        if others:
            print("Traces with a global leg (not gauge anomalies; their meaning is below):")
            print(anomaly_table_text(model, others))
        for label, w in witten.items():
            print(f"Witten SU(2)/Sp anomaly of {label}: {w}")
        if discrete:
            print()
            print("Discrete anomalies (Ibáñez–Ross; they matter for a gauged Z_N):")
            width = max(len(_discrete_label(a)) for a in discrete)
            for a in discrete:
                print(f"{_discrete_label(a).ljust(width)}  =  {a.residue} mod {a.modulus}  ->"
                      f" {_discrete_verdict(a)}")
        if verdict.global_symmetries:
            print()
            print("Global symmetries (their anomalies are physics, not inconsistencies;"
                  " standard convention):")
            for rep in verdict.global_symmetries.values():
                print("\n".join(rep.lines()))
        print()
        print(verdict.nonperturbative.text())       # Dai–Freed, gauge quotient, SU(2) (issue 21)
        print()
        undecided = verdict.nonperturbative.undecided
        print(("anomaly free" + (" (undecided: " + "; ".join(undecided) + ")" if undecided else ""))
              if free else "ANOMALOUS: " + "; ".join(reasons))
    terms_ok = _check_terms(args, report)
    return EXIT_OK if free and terms_ok else EXIT_ANOMALOUS


def _read_interop(args, opts):
    """For a SARAH/PyR@TE file (by ``--format`` or suffix): the file read once, else None."""
    fmt = file_format(args.model, args.format)
    if fmt in (None, "toml") or not args.model:
        return None
    from ..interop import read_model_file

    return read_model_file(args.model, format=fmt, **opts)


def _interop_report(args, imp):
    """For a SARAH/PyR@TE file: the :class:`~anomalyalgebra.interop.CheckReport` of ``imp``, else
    None; an error of the check is reported as :func:`~anomalyalgebra.interop.check_file` does."""
    if imp is None:
        return None
    from ..interop.check import check_imported

    try:
        return check_imported(imp, path=args.model)
    except AnomalyAlgebraError as exc:
        raise AnomalyAlgebraError(str(exc)) from None
    except RecursionError:
        raise AnomalyAlgebraError("expression nested too deeply") from None


def _check_terms(args, report) -> bool:
    """Print the declared-term check of a SARAH/PyR@TE file (the discrete anomalies are in the
    main table of ``check``); False if a term or a declared Z_N fails."""
    if report is None:
        return True
    if not args.json:
        print(f"Declared terms checked: {report.terms}")
        for term, line, conds in report.non_invariant:
            print(f"  NOT INVARIANT (line {line}): {term}: " + "; ".join(c for _, c in conds))
        for term, line, conds in report.undecided:
            print(f"  depends on free charges (line {line}): {term}: " + "; ".join(c for _, c in conds))
        for note in report.notes:
            print(f"note: {note}")
    return report.status == "ok"


def _check_dir(args) -> int:
    from collections import Counter
    from pathlib import Path

    from ..interop import check_directory

    root = Path(args.model)
    if args.chirality:
        raise AnomalyAlgebraError("--chirality names fermions of one file; for a directory use"
                                  " --default-chirality")
    opts = {"default_chirality": args.default_chirality} if args.default_chirality else {}
    from ..progress import ProgressLine

    with ProgressLine(f"checking {root}", enabled=progress_wanted(args)) as line:
        def progress(done, total, path):
            line.total = total
            line.update(1, last=path.name)
        reports = check_directory(root, format=args.format, progress=progress, **opts)   # format=None is the default
    if not reports:
        raise UsageError(f"{root} is a directory with no model files (.toml, SARAH .m, PyR@TE"
                         " .model/.yaml) under it")
    names = [str(Path(r.path).relative_to(root)) for r in reports]
    if args.json:
        rows = [dict(r.to_dict(), path=name) for r, name in zip(reports, names)]
        print(json.dumps({"directory": str(root), "files": rows}, indent=2))
    else:
        width = max([len(name) for name in names] + [4])
        print(f"{'file':{width}s}  {'status':13s}  details")
        for r, name in zip(reports, names):
            print(f"{name:{width}s}  {r.status:13s}  {r.summary()}")
        counts = Counter(r.status for r in reports)
        print(f"{len(reports)} file(s): " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    if any(r.internal for r in reports):
        return EXIT_INTERNAL
    if any(r.status == "unreadable" for r in reports):
        return EXIT_BAD_INPUT
    # skipped files (a model's particles.m, SPheno.m, ...) are no model files: no say in the code
    return EXIT_ANOMALOUS if any(r.status not in ("ok", "skipped") for r in reports) else EXIT_OK
