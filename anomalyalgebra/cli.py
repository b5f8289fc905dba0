"""The ``anomalyalgebra`` command.

``anomalyalgebra check MODEL``
    Print the field table and every anomaly trace of a built-in model or a model
    file; ``--json`` or ``--latex`` switch the output format.  Exit code 1 when the
    model is anomalous (a trace that does not vanish identically, or Witten's
    SU(2) anomaly), 2 on bad input.
``anomalyalgebra reproduce [--out DIR]``
    Derive the seed paper's results from the built-in models, write a report
    directory (results.json, LaTeX tables and equations, Fig. 1 as PNG and PDF) and
    print a summary table (key, paper, derived, agrees?).  A "no" is a finding (a
    misprint or a rounded input, explained in the record's note), not a failure:
    exit code 0.
``anomalyalgebra models``
    List the built-in models (and the table of the seed paper each one reproduces).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import sympy as sp

from .anomaly import (CONVENTIONS, anomaly_label, has_witten_anomaly_check, is_anomaly_free,
                      witten_index)
from .exceptions import AnomalyAlgebraError
from .modelfile import builtin_models, load_model
from .tables import anomaly_table_latex, anomaly_table_text, field_table_latex, field_table_text

__all__ = ["main"]


def _witten(model):
    out = {}
    for label, g in model.groups:
        if has_witten_anomaly_check(g):
            try:
                idx = witten_index(model, label)
                out[label] = bool(idx % 2)
            except AnomalyAlgebraError as exc:
                out[label] = f"undetermined: {exc}"
    return out


def _check(args) -> int:
    model = load_model(args.model)
    table = model.anomalies(convention=args.convention)
    witten = _witten(model)
    free = is_anomaly_free(model)
    if args.json:
        payload = {
            "model": model.name,
            "convention": args.convention,
            "groups": {k: g.name for k, g in model.groups},
            "fields": [
                {"name": f.name, "spin": str(f.spin), "chirality": f.chirality, "copies": f.copies,
                 "reps": {k: model.group(k).rep_text(r) for k, r in f.reps}}
                for f in model.fields
            ],
            "anomalies": [{"channel": list(k), "label": anomaly_label(model, k), "value": sp.sstr(v),
                           "latex": sp.latex(v)} for k, v in table.items()],
            "witten": witten,
            "anomaly_free": free,
        }
        print(json.dumps(payload, indent=2))
    elif args.latex:
        print(field_table_latex(model))
        print()
        print(anomaly_table_latex(model, table))
    else:
        print(f"Model: {model.name}")
        print(field_table_text(model))
        print()
        print(f"Anomaly traces (convention {args.convention}):")
        print(anomaly_table_text(model, table))
        for label, w in witten.items():
            print(f"Witten SU(2)/Sp anomaly of {label}: {w}")
        print()
        print("anomaly free" if free else "ANOMALOUS (or anomaly free only for special values of its symbols)")
    return 0 if free else 1


def _reproduce(args) -> int:
    from .export.report import reproduce

    out = None if args.no_files else args.out
    from .paper import keys as paper_keys   # the application package; the CLI may use it

    unknown = [k for k in (args.keys or ()) if k not in paper_keys()]
    if unknown:
        print(f"anomalyalgebra: error: unknown --keys {unknown}; known: {' '.join(paper_keys())}",
              file=sys.stderr)
        return 2
    jobs = min(2, os.cpu_count() or 1) if args.jobs is None else args.jobs
    if jobs < 1:
        print(f"anomalyalgebra: error: --jobs must be >= 1, got {jobs}", file=sys.stderr)
        return 2
    from .export.report import default_cache_dir

    cache = None if args.no_cache else default_cache_dir()
    reproduce(out, keys=args.keys or None, figure=not args.no_figure, pdf=args.pdf, jobs=jobs,
              cache=cache)
    return 0


def _models() -> int:
    from .paper import TABLE_CAPTIONS   # the application package; the CLI may use it

    for name in builtin_models():
        caption = TABLE_CAPTIONS.get(name)
        where = f"  (seed paper, {caption.split(':')[0]})" if caption else ""
        print(f"{name:16s} {load_model(name).name}{where}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="anomalyalgebra", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="field table and every anomaly trace of a model")
    p.add_argument("model", help=f"built-in model ({', '.join(builtin_models())}) or a .toml path")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="machine-readable output")
    fmt.add_argument("--latex", action="store_true", help="LaTeX field table and traces")
    p.add_argument("--convention", choices=CONVENTIONS, default="eq4",
                   help="eq4: Eq. (4) of the seed paper (default); left: sum over left-handed Weyl fermions")
    r = sub.add_parser("reproduce", help="derive the seed paper's results from the built-in models")
    r.add_argument("--out", default="reproduce-out",
                   help="report directory (default: ./reproduce-out): results.json, LaTeX, Fig. 1")
    r.add_argument("--no-files", action="store_true", help="print the summary only, write nothing")
    r.add_argument("--no-figure", action="store_true", help="do not draw Fig. 1")
    r.add_argument("--pdf", action="store_true", help="also compile report.tex (needs pdflatex)")
    r.add_argument("--keys", nargs="*", help="only these keys of paper.results()")
    r.add_argument("--no-cache", action="store_true",
                   help="compute every result (default: reuse the records of an earlier run of the"
                        " same code, kept in $ANOMALYALGEBRA_CACHE or ~/.cache/anomalyalgebra)")
    r.add_argument("--jobs", type=int, default=None,
                   help="processes (default: 2 if the machine has 2 or more CPUs; 1 = serial)")
    sub.add_parser("models", help="list the built-in models")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "reproduce":
            return _reproduce(args)
        return _models()
    except AnomalyAlgebraError as exc:
        print(f"anomalyalgebra: error: {exc}", file=sys.stderr)
        return 2
