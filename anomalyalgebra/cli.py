"""The ``anomalyalgebra`` command.

``anomalyalgebra check MODEL``
    Print the field table and every anomaly trace of a built-in model or a model
    file, Witten's SU(2)/Sp anomaly and the discrete Z_N (Ibáñez–Ross) anomalies;
    ``--json`` or ``--latex`` switch the output format.
``anomalyalgebra reproduce [--out DIR]``
    Derive the seed paper's results from the built-in models, write a report
    directory (results.json, LaTeX tables and equations, Fig. 1 as PNG and PDF) and
    print a summary table (key, paper, derived, verdict and why).  A "NO" is a
    finding (a misprint or a rounded input, explained in the record's note), not a
    failure: exit code 0.
``anomalyalgebra models``
    List the built-in models.

Exit codes (every command; see ``docs/errors.rst``):

* 0 -- success; for ``check``: anomaly free;
* 1 -- ``check``: anomalous (a perturbative trace that does not vanish identically,
  Witten's global anomaly, or a discrete Z_N anomaly);
* 2 -- bad input (a malformed model file, an input beyond a resource limit, a
  missing file, optional dependency or TeX engine) or a usage error;
* 3 -- internal error (a bug: please report it with the output of ``--debug``).

No traceback reaches the user unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback

import sympy as sp

from .anomaly import CONVENTIONS, anomaly_label, has_witten_anomaly_check, witten_index
from .discrete import discrete_anomalies
from .exceptions import AnomalyAlgebraError, LimitError, MissingDependencyError, UsageError
from .limits import Limits, using_limits
from .modelfile import builtin_models, load_model
from .tables import (anomaly_table_latex, anomaly_table_text, field_table_latex, field_table_text,
                     latex_symbol_names)

__all__ = ["main", "EXIT_OK", "EXIT_ANOMALOUS", "EXIT_BAD_INPUT", "EXIT_INTERNAL"]

#: Exit codes of every command.
EXIT_OK, EXIT_ANOMALOUS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3


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


def _discrete(model) -> list:
    """The Ibáñez–Ross conditions of every Z_N factor, flattened (see :mod:`.discrete`)."""
    return [a for conds in discrete_anomalies(model).values() for a in conds]


def _discrete_label(a) -> str:
    return f"{a.symmetry} x {a.channel}^2"


def _discrete_verdict(a) -> str:
    if a.free is None:
        return "undecided (symbolic)"
    text = "anomaly free" if a.free else "ANOMALOUS"
    if a.channel == "grav" and a.relaxed != a.free:
        text += f" (free mod {a.modulus // 2} with heavy Majorana fermions: Ibáñez–Ross relaxation)"
    return text


def _discrete_latex(model, conds) -> str:
    names = latex_symbol_names(model)
    lines = [r"\begin{tabular}{llll}", r"\hline",
             r"symmetry & channel & $\sum q\,(\ldots)$ & verdict \\", r"\hline"]
    for a in conds:
        channel = r"$\mathrm{grav}^2$" if a.channel == "grav" else rf"$\mathrm{{{a.channel}}}^2$"
        value = sp.latex(sp.sympify(a.value), symbol_names=names)
        lines.append(rf"$\mathbb{{Z}}_{{{a.modulus}}}$ ({a.symmetry}) & {channel} &"
                     rf" ${value} \bmod {a.modulus}$ & {_discrete_verdict(a)} \\")
    lines += [r"\hline", r"\end{tabular}"]
    return "\n".join(lines)


def _reasons(model, table, witten, discrete) -> list:
    """Why a model is not anomaly free, one phrase per kind of anomaly."""
    out = []
    traces = [anomaly_label(model, k) for k, v in table.items() if sp.simplify(v) != 0]
    if traces:
        out.append("traces " + ", ".join(traces) + " (symbolic ones vanish only for special"
                   " values of the symbols)")
    bad = [label for label, w in witten.items() if w is not False]
    if bad:
        out.append("Witten anomaly of " + ", ".join(f"{b} ({witten[b]})" if witten[b] is not True
                                                   else b for b in bad))
    bad = [_discrete_label(a) + ("" if a.free is False else " (undecided)") for a in discrete
           if a.free is not True]
    if bad:
        out.append("discrete " + ", ".join(bad))
    return out


def _check(args) -> int:
    model = load_model(args.model)
    table = model.anomalies(convention=args.convention)
    witten = _witten(model)
    discrete = _discrete(model)
    reasons = _reasons(model, table, witten, discrete)
    free = not reasons
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
            "discrete": [{"symmetry": a.symmetry, "channel": a.channel, "label": _discrete_label(a),
                          "value": sp.sstr(sp.sympify(a.value)), "modulus": a.modulus,
                          "free": a.free, "relaxed": a.relaxed} for a in discrete],
            "anomaly_free": free,
            "reasons": reasons,
        }
        print(json.dumps(payload, indent=2))
    elif args.latex:
        print(field_table_latex(model))
        print()
        print(anomaly_table_latex(model, table))
        if discrete:
            print()
            print(_discrete_latex(model, discrete))
    else:
        print(f"Model: {model.name}")
        print(field_table_text(model))
        print()
        print(f"Anomaly traces (convention {args.convention}):")
        print(anomaly_table_text(model, table))
        for label, w in witten.items():
            print(f"Witten SU(2)/Sp anomaly of {label}: {w}")
        if discrete:
            print()
            print("Discrete anomalies (Ibáñez–Ross; they matter for a gauged Z_N):")
            width = max(len(_discrete_label(a)) for a in discrete)
            for a in discrete:
                print(f"{_discrete_label(a).ljust(width)}  =  {a.value} mod {a.modulus}  ->"
                      f" {_discrete_verdict(a)}")
        print()
        print("anomaly free" if free else "ANOMALOUS: " + "; ".join(reasons))
    return EXIT_OK if free else EXIT_ANOMALOUS


def _reproduce(args) -> int:
    from .export.report import reproduce

    if args.pdf:
        from .export.latex import find_tex_engine

        if find_tex_engine() is None:
            raise MissingDependencyError(
                "--pdf needs a TeX engine (pdflatex, xelatex, lualatex or tectonic) on PATH and"
                " none was found; install one, or rerun without --pdf (report.tex is written"
                " either way)")
    if args.keys:
        from . import paper

        unknown = [k for k in args.keys if k not in paper.keys()]
        if unknown:
            raise UsageError(f"reproduce --keys: unknown key(s) {unknown}; known: {', '.join(paper.keys())}")
    out = None if args.no_files else args.out
    reproduce(out, keys=args.keys or None, figure=not args.no_figure, pdf=args.pdf)
    return 0


def _limits(pairs) -> Limits:
    """A :class:`Limits` from ``--limit NAME=VALUE`` options (bad ones are input errors)."""
    changes = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in Limits.names() or not value.strip().isdigit():
            raise LimitError(f"--limit {pair!r}: expected NAME=POSITIVE_INT with NAME one of"
                             f" {', '.join(Limits.names())}")
        changes[name] = int(value)
    return Limits(**changes)


def _exit_code(exc: BaseException, debug: bool) -> int:
    """Map an exception to an exit code and print one clear line (or the traceback)."""
    if isinstance(exc, SystemExit):
        raise exc
    if debug:
        traceback.print_exception(exc)
    if isinstance(exc, KeyboardInterrupt):
        print("anomalyalgebra: interrupted", file=sys.stderr)
        return 130
    if isinstance(exc, BrokenPipeError):  # e.g. `anomalyalgebra check sm | head`
        return EXIT_OK
    if isinstance(exc, AnomalyAlgebraError):
        print(f"anomalyalgebra: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if isinstance(exc, OSError):
        where = f" {exc.filename}" if exc.filename else ""
        print(f"anomalyalgebra: error:{where}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"anomalyalgebra: internal error: {type(exc).__name__}: {exc}\n"
          "This is a bug in anomalyalgebra; please report it with the output of the same"
          " command run with --debug.", file=sys.stderr)
    return EXIT_INTERNAL


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="anomalyalgebra", description=__doc__.split("\n")[0],
                                     epilog="exit codes: 0 success / anomaly free, 1 anomalous,"
                                     " 2 bad input, 3 internal error")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    parser.add_argument("--limit", action="append", metavar="NAME=VALUE",
                        help="raise a resource limit, e.g. --limit max_group_rank=64"
                        " (see docs/errors.rst)")
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
    sub.add_parser("models", help="list the built-in models")
    args = parser.parse_args(argv)
    limits = None
    try:
        limits = using_limits(_limits(args.limit))
        limits.__enter__()
        if args.command == "check":
            return _check(args)
        if args.command == "reproduce":
            return _reproduce(args)
        for name in builtin_models():
            print(f"{name:16s} {load_model(name).name}")
        return 0
    except BaseException as exc:  # the one place that maps every error to an exit code
        return _exit_code(exc, args.debug)
    finally:
        if limits is not None:
            limits.__exit__(None, None, None)
