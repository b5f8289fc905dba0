"""The ``anomalyalgebra`` command.

``anomalyalgebra check MODEL``
    Print the field table and every anomaly trace of a built-in model or a model
    file, Witten's SU(2)/Sp anomaly and the discrete Z_N (Ibáñez–Ross) anomalies;
    ``--json`` or ``--latex`` switch the output format.
``anomalyalgebra reproduce [--out DIR]``
    Derive the seed paper's results from the built-in models, write a report
    directory (results.json, LaTeX tables and equations, Fig. 1 as PNG and PDF) and
    print a summary table (key, paper, derived, verdict, provenance and why).  A "NO"
    is a finding (a misprint or a rounded input, explained in the record's note), not
    a failure: exit code 0.
``anomalyalgebra check DIR [--json]``
    Check every model file under DIR (recursively: ``.toml``, SARAH ``.m``, PyR@TE
    ``.model``/``.yaml``), one row per file: unreadable (and why), anomaly free or the
    non-zero channels, Witten and discrete anomalies, non-invariant declared terms.
    Exit code 3 if reading a file hit an internal error, else 2 if any file could not
    be read, else 1 if any model is anomalous or has a non-invariant term, else 0.  PyR@TE files do not mark
    chirality: ``--chirality NAME=L|R`` and ``--default-chirality L|R`` decide where
    the Yukawa terms do not.
``anomalyalgebra convert FILE --to toml|sarah|pyrate [-o OUT] [--lossy]``
    Write a model file in another format; what the target cannot express is refused
    (exit 2) unless ``--lossy``, which drops it and says what on stderr.
``anomalyalgebra models``
    List the built-in models (and the table of the seed paper each one reproduces).
``anomalyalgebra operators MODEL --count --max-dim D [--json] [--breaking]``
    Number of independent real operators of each dimension 5..D (Hilbert series,
    EOM and IBP removed); ``--breaking`` adds, for each accidental symmetry, the
    lowest dimension at which an operator breaks it.

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
import os
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

__all__ = ["main", "run", "EXIT_OK", "EXIT_ANOMALOUS", "EXIT_BAD_INPUT", "EXIT_INTERNAL"]

#: Exit codes of every command.
EXIT_OK, EXIT_ANOMALOUS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
#: Range of ``operators --max-dim`` (the SM with three generations takes ~3 s at d = 8).
MIN_COUNT_DIM, MAX_COUNT_DIM = 5, 12


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
    if os.path.isdir(args.model):
        return _check_dir(args)
    opts = _reader_options(args, args.model)
    imp = _read_interop(args, opts)
    if imp is not None and args.model not in builtin_models():
        model = imp.model
    else:  # a built-in name is the built-in model even with --format (its file only gives the report)
        model = load_model(args.model, format=args.format, **opts)
    table = model.anomalies(convention=args.convention)
    witten = _witten(model)
    discrete = _discrete(model)
    reasons = _reasons(model, table, witten, discrete)
    free = not reasons
    report = _interop_report(args, imp)
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
            "anomalies": [{"channel": list(k), "label": anomaly_label(model, k), "value": sp.sstr(v),
                           "latex": sp.latex(v)} for k, v in table.items()],
            "witten": witten,
            "discrete": [{"symmetry": a.symmetry, "channel": a.channel, "label": _discrete_label(a),
                          "value": sp.sstr(sp.sympify(a.value)), "modulus": a.modulus,
                          "free": a.free, "relaxed": a.relaxed} for a in discrete],
            "anomaly_free": free,
            "reasons": reasons,
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
    terms_ok = _check_terms(args, report)
    return EXIT_OK if free and terms_ok else EXIT_ANOMALOUS


def _file_format(path, format):
    """:func:`anomalyalgebra.interop.format_of`, or None if the suffix does not tell."""
    from .interop import format_of

    try:
        return format_of(path, format)
    except AnomalyAlgebraError:
        return None


def _reader_options(args, path) -> dict:
    """PyR@TE chirality options from the command line (only for PyR@TE files)."""
    fmt = _file_format(path, args.format)
    if fmt is None:
        return {}
    opts = {}
    if fmt == "pyrate":
        if args.default_chirality:
            opts["default_chirality"] = args.default_chirality
        if args.chirality:
            chir = {}
            for item in args.chirality:
                name, sep, value = item.partition("=")
                if not sep or value not in ("L", "R"):
                    raise AnomalyAlgebraError(f"--chirality {item!r}: write NAME=L or NAME=R")
                chir[name] = value
            opts["chirality"] = chir
    elif args.chirality or args.default_chirality:
        raise AnomalyAlgebraError("--chirality and --default-chirality apply to PyR@TE files only")
    return opts


def _read_interop(args, opts):
    """For a SARAH/PyR@TE file (by ``--format`` or suffix): the file read once, else None."""
    fmt = _file_format(args.model, args.format)
    if fmt in (None, "toml") or not args.model:
        return None
    from .interop import read_model_file

    return read_model_file(args.model, format=fmt, **opts)


def _interop_report(args, imp):
    """For a SARAH/PyR@TE file: the :class:`~anomalyalgebra.interop.CheckReport` of ``imp``, else
    None; an error of the check is reported as :func:`~anomalyalgebra.interop.check_file` does."""
    if imp is None:
        return None
    from .interop.check import check_imported

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

    from .interop import check_directory

    root = Path(args.model)
    if args.chirality:
        raise AnomalyAlgebraError("--chirality names fermions of one file; for a directory use"
                                  " --default-chirality")
    opts = {"default_chirality": args.default_chirality} if args.default_chirality else {}
    reports = check_directory(root, format=args.format, **opts)   # format=None is the default
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
    return EXIT_ANOMALOUS if any(r.status != "ok" for r in reports) else EXIT_OK


def _convert(args) -> int:
    from .interop import read_model_file
    from .interop.convert import conversion_losses, convert_text

    imp = read_model_file(args.file, format=args.format, **_reader_options(args, args.file))
    text = convert_text(imp, args.to, lossy=args.lossy)
    for loss in conversion_losses(imp, args.to):
        print(f"anomalyalgebra: dropped: {loss}", file=sys.stderr)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


def _reproduce(args) -> int:
    from .export.report import default_cache_dir, reproduce

    if args.pdf:
        from .export.latex import find_tex_engine

        if find_tex_engine() is None:
            raise MissingDependencyError(
                "--pdf needs a TeX engine (pdflatex, xelatex, lualatex or tectonic) on PATH and"
                " none was found; install one, or rerun without --pdf (report.tex is written"
                " either way)")
    if args.keys is not None and not args.keys:
        raise UsageError("reproduce --keys: give at least one key (without --keys every key is"
                         " computed)")
    if args.keys:
        from . import paper   # the application package; the CLI may use it

        unknown = [k for k in args.keys if k not in paper.keys()]
        if unknown:
            raise UsageError(f"reproduce --keys: unknown key(s) {unknown}; known: {', '.join(paper.keys())}")
    jobs = min(2, os.cpu_count() or 1) if args.jobs is None else args.jobs
    if jobs < 1:
        raise UsageError(f"reproduce --jobs must be >= 1, got {jobs}")
    out = None if args.no_files else args.out
    cache = None if args.no_cache else default_cache_dir()
    reproduce(out, keys=args.keys or None, figure=not args.no_figure, pdf=args.pdf, jobs=jobs,
              cache=cache)
    return EXIT_OK


def _models() -> int:
    from .paper import TABLE_CAPTIONS   # the application package; the CLI may use it

    for name in builtin_models():
        caption = TABLE_CAPTIONS.get(name)
        where = f"  (seed paper, {caption.split(':')[0]})" if caption else ""
        print(f"{name:16s} {load_model(name).name}{where}")
    return 0


def _operators(args) -> int:
    from .operators.hilbert import hilbert_series
    from .operators.violation import symmetry_breaking

    if not (args.count or args.breaking):
        raise UsageError("operators: give --count and/or --breaking")
    if not MIN_COUNT_DIM <= args.max_dim <= MAX_COUNT_DIM:
        raise UsageError(f"operators: --max-dim must be between {MIN_COUNT_DIM} and {MAX_COUNT_DIM}"
                         f" (got {args.max_dim}); the Hilbert series counts the operators of"
                         " dimension 5 and above (d <= 4: the renormalisable terms that `check`"
                         " and allowed_operators give), and the cost grows fast with d")
    model = load_model(args.model)
    series = hilbert_series(model, args.max_dim, content=args.content) if args.count else None
    report = symmetry_breaking(model, args.max_dim) if args.breaking else None
    if args.json:
        payload = series.to_dict() if series else {"model": model.name, "max_dim": args.max_dim}
        if report:
            payload["breaking"] = report.to_dict()
        print(json.dumps(payload, indent=2))
        return 0
    if series:
        print(f"Independent operators of {model.name} (real parameters; EOM and IBP removed):")
        for d, n in series.counts.items():
            print(f"  d = {d}: {n}")
            if args.content:
                for text, k in sorted(series.by_content(d).items()):
                    print(f"      {text:36s} {k}")
    if report:
        print(report.table())
    return 0


def _add_operators_parser(sub) -> None:
    o = sub.add_parser("operators", help="count independent operators by dimension (Hilbert series)")
    o.add_argument("model", help="built-in model or a .toml path")
    o.add_argument("--count", action="store_true", help="number of independent real operators per dimension")
    o.add_argument("--max-dim", type=int, default=6, help="highest mass dimension, 5 to 12 (default 6)")
    o.add_argument("--breaking", action="store_true",
                   help="lowest dimension at which each accidental symmetry is broken")
    o.add_argument("--content", action="store_true", help="with --count: also by field content")
    o.add_argument("--json", action="store_true", help="machine-readable output")


def _chirality_options(p):
    p.add_argument("--chirality", action="append", metavar="NAME=L|R",
                   help="PyR@TE files: chirality of a fermion the Yukawa terms do not fix (repeatable)")
    p.add_argument("--default-chirality", choices=("L", "R"), default=None,
                   help="PyR@TE files: chirality of the first fermion of each set the terms do not fix"
                        " (default L)")


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


def run() -> None:
    """Entry point of the ``anomalyalgebra`` command and of ``python -m anomalyalgebra``:
    :func:`main`, then exit with its code.

    Before exiting, the objects still alive (sympy's caches fill hundreds of MB in a
    ``reproduce``) are moved out of the garbage collector's reach (:func:`gc.freeze`):
    the interpreter's final collection would otherwise walk them all, about 0.5 s
    after the work is done.  Only here, where the process ends: :func:`main` called
    in-process (tests, notebooks) leaves the collector alone.
    """
    import gc

    code = main()
    gc.freeze()
    sys.exit(code)


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
    p.add_argument("model", help=f"built-in model ({', '.join(builtin_models())}), a model file"
                   " (.toml, SARAH .m, PyR@TE .model) or a directory of model files")
    p.add_argument("--format", choices=("toml", "sarah", "pyrate"), default=None,
                   help="model-file format (default: from the suffix)")
    _chirality_options(p)
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
    c = sub.add_parser("convert", help="write a model file in another format (toml, sarah, pyrate)")
    c.add_argument("file", help="model file (.toml, SARAH .m, PyR@TE .model)")
    c.add_argument("--to", required=True, choices=("toml", "sarah", "pyrate"), help="target format")
    c.add_argument("--format", choices=("toml", "sarah", "pyrate"), default=None,
                   help="format of FILE (default: from the suffix)")
    c.add_argument("-o", "--output", default=None, help="write here instead of standard output")
    _chirality_options(c)
    c.add_argument("--lossy", action="store_true",
                   help="drop what the target cannot express (listed on stderr) instead of refusing")
    r.add_argument("--no-cache", action="store_true",
                   help="compute every result (default: reuse the records of an earlier run of the"
                        " same code, kept in $ANOMALYALGEBRA_CACHE or ~/.cache/anomalyalgebra)")
    r.add_argument("--jobs", type=int, default=None,
                   help="processes (default: 2 if the machine has 2 or more CPUs; 1 = serial)")
    sub.add_parser("models", help="list the built-in models")
    _add_operators_parser(sub)
    args = parser.parse_args(argv)
    limits = None
    try:
        limits = using_limits(_limits(args.limit))
        limits.__enter__()
        if args.command == "check":
            return _check(args)
        if args.command == "reproduce":
            return _reproduce(args)
        if args.command == "operators":
            return _operators(args)
        if args.command == "convert":
            return _convert(args)
        return _models()
    except BaseException as exc:  # the one place that maps every error to an exit code
        return _exit_code(exc, args.debug)
    finally:
        if limits is not None:
            limits.__exit__(None, None, None)
