"""The ``anomalyalgebra`` command line.

Each subcommand is one entry of :data:`COMMANDS` (its one-line summary and its
description, plain text) and one handler function; ``anomalyalgebra --help``,
``anomalyalgebra SUBCOMMAND --help`` and the documentation page of the command line
(``docs/cli.rst``, generated from :func:`help_texts` when the docs are built) are all
made from that table.

Exit codes (every command; see ``docs/errors.rst``):

* 0 -- success; for ``check``: anomaly free;
* 1 -- ``check``: anomalous (a perturbative trace of gauged factors that does not vanish
  identically, Witten's global anomaly of a gauged factor, or a discrete anomaly of a
  gauged Z_N; anomalies of global factors are reported, never a verdict);
* 2 -- bad input (a malformed model file, an input beyond a resource limit, a
  missing file, optional dependency or TeX engine) or a usage error;
* 3 -- internal error (a bug: please report it with the output of ``--debug``).

No traceback reaches the user unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import traceback

import sympy as sp

from .anomaly import CONVENTIONS, DEFAULT_CONVENTION
from .exceptions import AnomalyAlgebraError, LimitError, MissingDependencyError, UsageError
from .limits import Limits, using_limits
from .formats import load_model
from .modelfile import builtin_models
from .tables import (anomaly_table_latex, anomaly_table_text, field_table_latex, field_table_text,
                     latex_symbol_names)

__all__ = ["main", "run", "build_parser", "help_texts", "COMMANDS", "EXIT_OK", "EXIT_ANOMALOUS",
           "EXIT_BAD_INPUT", "EXIT_INTERNAL"]

#: Exit codes of every command.
EXIT_OK, EXIT_ANOMALOUS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
#: Range of ``operators --max-dim`` (the SM with three generations takes ~3 s at d = 8).
MIN_COUNT_DIM, MAX_COUNT_DIM = 5, 12
#: Range of ``operators --list --max-dim`` and ``symmetries --max-dim``.
MIN_LIST_DIM, MAX_LIST_DIM = 2, 8


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


def _check(args) -> int:
    if not args.model:
        raise UsageError("check: the model is empty; give " + _fill("{accepts}")
                         + ", or a directory of model files")
    if os.path.isdir(args.model):
        return _check_dir(args)
    opts = _reader_options(args, args.model)
    imp = _read_interop(args, opts)
    if imp is not None and args.model not in builtin_models():
        model = imp.model
    else:  # a built-in name is the built-in model even with --format (its file only gives the report)
        model = load_model(args.model, format=args.format, **opts)
    from .consistency import consistency_report

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
            from .tables import global_symmetries_latex

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
    from .progress import ProgressLine

    with ProgressLine(f"checking {root}", enabled=_progress_wanted(args)) as line:
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


def _convert(args) -> int:
    from .interop import read_model_file
    from .interop.convert import conversion_losses, convert_text

    if not args.file:
        raise UsageError("convert: the file name is empty; give " + FILE_ACCEPTS)
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
    from .paper.report import default_cache_dir, reproduce

    if args.pdf:
        from .export.latex import find_tex_engine

        if find_tex_engine() is None:
            raise MissingDependencyError(
                "--pdf needs a TeX engine (pdflatex, xelatex, lualatex or tectonic) on PATH and"
                " none was found; nothing was computed or written. Install one, or rerun without"
                " --pdf: the report directory (report.tex included, uncompiled) is written then")
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
    from .progress import ProgressLine, ProgressStream

    with ProgressLine("reproduce", enabled=_progress_wanted(args), tick=0.5) as line:
        # reproduce() prints "[ i/n] key ... s" lines and "Fig. 1 ..." as progress; any other
        # line it writes there (e.g. why Fig. 1 was not drawn) is a message and always shown
        stream = ProgressStream(line, keep=lambda text: not _REPRODUCE_PROGRESS.match(text))
        reproduce(out, keys=args.keys or None, figure=not args.no_figure, pdf=args.pdf, jobs=jobs,
                  cache=cache, progress=stream)
    return EXIT_OK


#: The progress lines of :func:`~anomalyalgebra.paper.report.reproduce` (others are messages).
_REPRODUCE_PROGRESS = re.compile(r"\s*(\[\s*\d+/\d+\]|Fig\. 1 \.\.\.)")


def _progress_wanted(args) -> bool:
    """Progress on stderr: only on a terminal, and not with --quiet."""
    from .progress import show_progress

    return show_progress(quiet=getattr(args, "quiet", False))


#: Output formats of ``enumerate --output`` by suffix.
_ENUM_SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".txt": "text", ".parquet": "parquet"}


def _enumeration_problem(args):
    """``(solutions, columns, what)``: ``solutions(executor, progress)`` yields the sets (flat
    tuples of ints), ``columns`` names their entries, ``what`` describes the enumeration."""
    from .enumeration import iter_solutions, singlet_problem

    if args.qmax < 1:
        raise UsageError(f"enumerate: --qmax must be >= 1, got {args.qmax}")
    model_only = [name for name, given in (("--unknowns", args.unknowns), ("--label", args.label),
                                           ("--require", args.require), ("--nonzero", args.nonzero))
                  if given]
    if args.model is None:
        if args.n is None:
            raise UsageError("enumerate: give N (the number of singlet fermions) or --model FILE")
        if model_only:
            raise UsageError(f"enumerate: {', '.join(model_only)} apply with --model only")
        if args.n < 1:
            raise UsageError(f"enumerate: N must be >= 1, got {args.n}")
        chiral = True if args.chiral is None else args.chiral
        primitive = True if args.primitive is None else args.primitive
        problem = singlet_problem(args.n, args.qmax, chiral=chiral, primitive=primitive,
                                  nonzero=not args.allow_zero)
        _check_method(problem, args.method)
        columns = [f"q{i + 1}" for i in range(args.n)]
        what = (f"N = {args.n} singlet Weyl fermions, {'' if args.allow_zero else '0 < '}|q| <= {args.qmax}"
                f", {'chiral' if chiral else 'vector-like pairs kept'}"
                f", {'gcd 1' if primitive else 'any gcd'}")

        def solutions(executor, progress):
            for (sol,) in iter_solutions(problem, executor=executor, progress=progress,
                                         batch_size=args.batch_size, method=args.method,
                                         desc=f"N={args.n}, q_max={args.qmax}"):
                yield sol
        return solutions, columns, what
    if args.n is not None:
        raise UsageError("enumerate: give N or --model, not both (the model says how many unknowns)")
    if args.allow_zero:
        raise UsageError("enumerate: --allow-zero applies to N singlets; with --model zero is allowed"
                         " unless --nonzero")
    from .enumeration import charge_problem, operator_charge, unknowns_label

    model = load_model(args.model)
    if args.unknowns:
        unknowns = [u.strip() for u in args.unknowns.split(",") if u.strip()]
    else:
        unknowns = [s.name for s in model.symbols]
    if not unknowns:
        raise UsageError(f"enumerate --model {args.model}: the model declares no symbols; give its"
                         " unknown charges as symbols (see docs/modelfiles.rst)")
    equations = []
    for text in args.require or ():
        fields = text.replace(",", " ").split()
        if not fields:
            raise UsageError("enumerate --require: give the fields of the operator, e.g. 'l* H e'")
        equations.append(operator_charge(model, unknowns_label(model, unknowns, args.label), fields))
    chiral = False if args.chiral is None else args.chiral
    what = (f"{', '.join(unknowns)} of {model.name}, |q| <= {args.qmax}"
            f"{', chiral' if chiral else ''}{', non-zero' if args.nonzero else ''}"
            + (f", {'gcd 1' if args.primitive else 'any gcd'}" if args.primitive is not None else "")
            + "".join(f", {r!r} invariant" for r in args.require or ()))

    cp = charge_problem(model, unknowns, args.qmax, label=args.label, equations=equations,
                        chiral=chiral, primitive=args.primitive, nonzero=args.nonzero)
    _check_method(cp.problem, args.method)

    def solutions(executor, progress):   # as enumerate_charges, on the problem checked above
        for sol in iter_solutions(cp.problem, executor=executor, progress=progress,
                                  batch_size=args.batch_size, method=args.method,
                                  desc=f"{model.name}, q_max={args.qmax}"):
            yield cp.assignment(sol)
    return solutions, unknowns, what


def _check_method(problem, method: str) -> None:
    """A --method that does not apply to the problem is a usage error, said before any work."""
    if method == "auto":
        return
    from .enumeration import plan_chunks

    try:
        plan_chunks(problem, method)
    except ValueError as exc:
        raise UsageError(f"enumerate --method {method}: {exc}; use --method auto") from None


def _enumeration_executor(args):
    """``(executor, close)`` for --workers / --dask (``(None, no-op)`` for one process)."""
    if args.workers < 1:
        raise UsageError(f"enumerate: --workers must be >= 1, got {args.workers}")
    if args.dask is not None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise MissingDependencyError("enumerate --dask needs dask.distributed: pip install"
                                         " anomalyalgebra[dask]") from None
        if args.dask == "local":
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)

            def close():
                client.close()
                cluster.close()
        else:
            client = Client(args.dask)
            close = client.close
        return client.get_executor(), close
    if args.workers == 1:
        return None, lambda: None
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(args.workers)
    return pool, pool.shutdown


def _enumeration_format(args) -> str:
    if args.output:
        from pathlib import Path

        suffix = Path(args.output).suffix.lower()
        fmt = _ENUM_SUFFIXES.get(suffix)
        if fmt is None:
            raise UsageError(f"enumerate --output {args.output}: the suffix says the format; use one of"
                             f" {', '.join(_ENUM_SUFFIXES)}")
        if (args.json and fmt != "json") or (args.csv and fmt != "csv"):
            raise UsageError(f"enumerate: --{'json' if args.json else 'csv'} and --output"
                             f" {args.output} name different formats")
        if args.count:
            raise UsageError("enumerate: --count prints the number only; drop --output")
        return fmt
    if args.json:
        return "json"
    if args.csv:
        return "csv"
    return "count" if args.count else "text"


def _write_sets(sets, fmt: str, fh, columns, what: str) -> int:
    """Write the sets to ``fh`` as they come; return how many."""
    import csv

    n = 0
    if fmt == "json":
        # {"count": n, "solutions": [...]}: the count comes first but is known last, so the
        # sets are spooled to a temporary file (disk, not memory) and copied after it
        import shutil
        import tempfile

        with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
            for sol in sets:
                spool.write(("," if n else "") + "\n  " + json.dumps([int(q) for q in sol]))
                n += 1
            spool.seek(0)
            fh.write(f'{{"count": {n}, "solutions": [')
            shutil.copyfileobj(spool, fh)
            fh.write(("\n" if n else "") + "]}\n")
        return n
    if fmt == "jsonl":
        for sol in sets:
            fh.write(json.dumps([int(q) for q in sol]) + "\n")
            n += 1
        return n
    if fmt == "csv":
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(columns)
        for sol in sets:
            writer.writerow([int(q) for q in sol])
            n += 1
        return n
    if fmt == "count":
        n = sum(1 for _ in sets)
        fh.write(f"{n}\n")
        return n
    fh.write(f"# anomaly-free sets: {what}\n# " + " ".join(columns) + "\n")
    for sol in sets:
        fh.write(" ".join(str(int(q)) for q in sol) + "\n")
        n += 1
    fh.write(f"# {n} set(s)\n")
    return n


def _enumerate(args) -> int:
    fmt = _enumeration_format(args)
    if fmt == "parquet":   # refuse before the work
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise MissingDependencyError("enumerate --output *.parquet needs pyarrow: pip install"
                                         " anomalyalgebra[parquet]") from None
    from .numeric import require_numpy

    require_numpy()
    solutions, columns, what = _enumeration_problem(args)
    executor, close = _enumeration_executor(args)
    try:
        sets = solutions(executor, _progress_wanted(args))
        if fmt == "parquet":
            from .enumeration import write_solutions

            n = write_solutions(sets, args.output, format="parquet", columns=columns)
        elif args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                n = _write_sets(sets, fmt, fh, columns, what)
        else:
            n = _write_sets(sets, fmt, sys.stdout, columns, what)
    finally:
        close()
    if args.output:
        print(f"{n} set(s) written to {args.output} ({what})", file=sys.stderr)
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
    from .progress import ProgressLine

    if args.list:
        if args.count or args.breaking or args.plot:
            raise UsageError("operators: --list goes alone (not with --count, --breaking or --plot)")
        return _operators_list(args)
    if not (args.count or args.breaking):
        raise UsageError("operators: give --count and/or --breaking, or --list")
    if not MIN_COUNT_DIM <= args.max_dim <= MAX_COUNT_DIM:
        raise UsageError(f"operators: --max-dim must be between {MIN_COUNT_DIM} and {MAX_COUNT_DIM}"
                         f" (got {args.max_dim}); the Hilbert series counts the operators of"
                         " dimension 5 and above (d <= 4: the renormalisable terms that `check`"
                         " and allowed_operators give), and the cost grows fast with d")
    if not args.model:
        raise UsageError("operators: the model is empty; give " + _fill("{accepts}"))
    if args.plot:
        _check_plot(args)
    model = load_model(args.model)
    series = report = None
    with ProgressLine(f"operators of {model.name}", enabled=_progress_wanted(args), tick=0.5) as line:
        if args.count:
            line.set_text(f"counting d = {MIN_COUNT_DIM}..{args.max_dim}")
            if args.plot and not args.breaking:
                from .operators import accidental_symmetries
                from .operators.violation import symmetry_gradings

                acc = accidental_symmetries(model)
                series = hilbert_series(model, args.max_dim, gradings=symmetry_gradings(acc),
                                        content=args.content)
            else:
                series = hilbert_series(model, args.max_dim, content=args.content)
        if args.breaking:
            line.set_text(f"where each accidental symmetry breaks, d <= {args.max_dim}")
            report = symmetry_breaking(model, args.max_dim)
    if args.plot:
        from .export import plots

        if report is not None:
            written = plots.plot_breaking(report, args.plot)
        else:
            written = plots.plot_operator_counts(series, acc.u1 + acc.discrete, args.plot)
        print(f"picture written to {written}", file=sys.stderr)
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


def _check_plot(args) -> None:
    """Refuse a --plot that cannot be drawn before any work (suffix, matplotlib)."""
    from pathlib import Path

    from .export.plots import PLOT_SUFFIXES

    if args.count and args.breaking:
        raise UsageError("operators --plot draws one picture: give --count (counts per dimension)"
                         " or --breaking (the breaking ladder), not both")
    if Path(args.plot).suffix.lower() not in PLOT_SUFFIXES:
        raise UsageError(f"operators --plot {args.plot}: the suffix says the format; use one of"
                         f" {', '.join(PLOT_SUFFIXES)}")
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise MissingDependencyError("operators --plot needs matplotlib: pip install"
                                     " anomalyalgebra[plot]") from None
def _list_dim(command, d) -> None:
    if not MIN_LIST_DIM <= d <= MAX_LIST_DIM:
        raise UsageError(f"{command}: --max-dim must be between {MIN_LIST_DIM} and {MAX_LIST_DIM}"
                         f" (got {d})")


def _operators_list(args) -> int:
    """``operators MODEL --list``: the allowed operators up to ``--max-dim``."""
    from .operators import allowed_operators

    _list_dim("operators --list", args.max_dim)
    model = load_model(args.model)
    lag = allowed_operators(model, args.max_dim)
    rows = [{"operator": str(t.operator), "dimension": int(t.dimension), "kind": t.kind,
             "fields": list(t.fields()), "hermitian": t.hermitian,
             "couplings": None if t.couplings is None else int(t.couplings),
             "conditions": [sp.sstr(c) for c in t.condition]} for t in lag.terms]
    if args.json:
        print(json.dumps({"model": model.name, "max_dim": args.max_dim, "operators": rows}, indent=2))
        return 0
    print(f"Allowed operators of {model.name} up to d = {args.max_dim} ({len(rows)} terms):")
    for t in lag.terms:
        print(f"  d = {int(t.dimension)}  {t}")
    return 0


def _symmetries(args) -> int:
    """``symmetries MODEL``: accidental symmetries and what survives the instantons."""
    from .operators.instantons import exact_symmetries

    _list_dim("symmetries", args.max_dim)
    report = exact_symmetries(load_model(args.model), args.max_dim)
    print(json.dumps(report.to_dict(), indent=2) if args.json else report.text())
    return 0




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


# ----------------------------------------------------------------------------- help texts
#: What a MODEL argument accepts ("{builtins}" is replaced by the built-in names, "{accepts}"
#: in the texts below by this, "{file_accepts}" by :data:`FILE_ACCEPTS`).
MODEL_ACCEPTS = ("a model file (.toml; .m: SARAH; .model or .yaml: PyR@TE) or a built-in model name"
                 " ({builtins})")
#: What a FILE argument of ``convert`` accepts.
FILE_ACCEPTS = "a model file: .toml, .m (SARAH), .model or .yaml (PyR@TE)"

#: The program's description (plain text: it is printed by --help as written).
PROGRAM = """\
anomalyalgebra: exact, symbolic anomaly bookkeeping for particle-physics models.

A MODEL is {accepts}.  Start with `anomalyalgebra models` and `anomalyalgebra check sm`;
every subcommand has its own --help."""

EXIT_CODES = ("exit codes: 0 success (check: anomaly free), 1 anomalous, 2 bad input or usage"
              " error, 3 internal error (a bug: rerun with --debug and report it)")

#: name -> (one-line summary, description).  The one source of the help texts: argparse
#: takes both from here, and so does :func:`help_texts` (the documentation page).
COMMANDS = {
    "check": (
        "field table, every anomaly trace and the verdict of a model (or of every file in a directory)",
        """\
MODEL is {accepts}, or a directory: then every model file under it (recursively) is
checked, one row per file.

For one model: the field table, every perturbative anomaly trace, Witten's SU(2)/Sp
anomaly and the discrete Z_N (Ibanez-Ross) conditions, the non-perturbative checks
(Dai-Freed conditions, the global form of the gauge group, the SU(2) global
anomalies), then `anomaly free` or `ANOMALOUS:` with the reasons.  For a SARAH or PyR@TE file, the declared
Lagrangian terms are checked for invariance too.

Only gauged factors decide the verdict; the anomalies of global symmetries
(declared gauged = false) are reported, as physics, not as an inconsistency.

Exit code 0 anomaly free, 1 anomalous (or a declared term that is not invariant),
2 unreadable input.  For a directory: 3 if reading a file hit an internal error,
else 2 if any file could not be read, else 1 if any model is anomalous, else 0."""),
    "models": (
        "list the built-in models",
        """\
One line per built-in model: the name to give as MODEL, the model's title and, for
the seed paper's models, the table it reproduces."""),
    "operators": (
        "count or list the operators by dimension, and where each accidental symmetry breaks",
        """\
MODEL is {accepts}; its charges must be numbers.


--count: the number of independent real operators of each mass dimension 5..MAX_DIM
(Hilbert series; equations of motion and integration by parts removed).

--breaking: for each accidental symmetry of the renormalisable Lagrangian (baryon
and lepton numbers, discrete remnants), the lowest dimension at which an operator
breaks it, and those operators' field content.

--list: the allowed operators up to MAX_DIM (2 to 8), every gauge and declared
global symmetry imposed.

--plot FILE (PNG, PDF or SVG, by the suffix; needs matplotlib: pip install
anomalyalgebra[plot]): with --count, the counts per dimension on a log scale, split
by the accidental charges each operator violates; with --breaking, the ladder of
dimensions at which each accidental symmetry first breaks."""),
    "symmetries": (
        "accidental global symmetries and the part exact under gauge instantons",
        """\
MODEL is {accepts}; its charges must be numbers.

The accidental symmetry group of the operators up to MAX_DIM (default 4: the
renormalisable Lagrangian) and the subgroup exact under the gauge instantons (rank,
torsion); per U(1) generator its instanton vertex and 't Hooft anomalies (see the
documentation page on global symmetries)."""),
    "enumerate": (
        "every anomaly-free set of integer charges, streamed (singlet fermions, or a model's unknowns)",
        """\
`enumerate N --qmax Q`: every set of N integer charges, 0 < |q| <= Q, of Standard
Model singlet Weyl fermions (all written left-handed) with sum q = sum q^3 = 0 (the
gravitational and cubic anomalies of the new U(1)).  Defaults as in the Python
function chiral_singlet_charges: chiral (no pair q, -q: it could have a mass) and
primitive (gcd 1); a set and its negative are counted once.

`enumerate --model FILE --qmax Q`: the unknown charges (the model's symbols, or
--unknowns) of a U(1) of a model file, integer, |q| <= Q, such that every anomaly
of the model vanishes; --require adds an operator that must be invariant.

Output: one set per line (text), --json ({"count": n, "solutions": [[...], ...]}),
--csv, or --output FILE (.json, .jsonl, .csv, .txt, or .parquet, which needs
pyarrow: pip install anomalyalgebra[parquet]).  The sets are written as they are
found, in a fixed order, never all held in memory (the JSON document, whose count
comes first, is spooled through a temporary file).  Needs numpy (pip install
anomalyalgebra[numeric])."""),
    "convert": (
        "write a model file in another format (toml, sarah, pyrate)",
        """\
FILE is {file_accepts}.  What the target format cannot express is refused (exit 2)
unless --lossy, which drops it and says what on standard error."""),
    "reproduce": (
        "derive the seed paper's equations and tables from the built-in models and compare",
        """\
Derives every result of the seed paper (Di Luzio, Nardecchia, Toni) from the
built-in models, writes the report directory (results.json, LaTeX tables and
equations, Fig. 1 as PNG and PDF) and prints the table of paper value, derived
value, verdict and provenance.  A NO is a finding (a misprint or a rounded input,
explained in the record's note), not a failure: exit code 0."""),
}


def _fill(text: str) -> str:
    """The text with the placeholders filled in, each paragraph wrapped to 79 columns."""
    import textwrap

    accepts = MODEL_ACCEPTS.replace("{builtins}", ", ".join(builtin_models()))
    text = text.replace("{accepts}", accepts).replace("{file_accepts}", FILE_ACCEPTS)
    return "\n\n".join(textwrap.fill(" ".join(par.split()), 79, break_on_hyphens=False)
                       for par in text.split("\n\n"))


def _version() -> str:
    """The installed distribution's version (importlib.metadata), else the package's ``__version__``."""
    from importlib import metadata

    try:
        return metadata.version("anomalyalgebra")
    except metadata.PackageNotFoundError:
        from . import __version__

        return __version__


# ----------------------------------------------------------------------------- the parser
def _sub(sub, name: str) -> argparse.ArgumentParser:
    summary, description = COMMANDS[name]
    p = sub.add_parser(name, help=summary, description=_fill(description), epilog=_fill(EXIT_CODES),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    # accepted after the subcommand too; SUPPRESS keeps the value given before it
    p.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                   help="no progress line on standard error")
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                   help="show the traceback of an error")
    return p


def _model_argument(p, extra: str = "") -> None:
    p.add_argument("model", metavar="MODEL",
                   help=_fill("{accepts}") + extra)


def _add_check_parser(sub) -> argparse.ArgumentParser:
    p = _sub(sub, "check")
    _model_argument(p, ", or a directory of model files")
    p.add_argument("--format", choices=("toml", "sarah", "pyrate"), default=None,
                   help="model-file format (default: from the suffix)")
    _chirality_options(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="machine-readable output")
    fmt.add_argument("--latex", action="store_true", help="LaTeX field table and traces")
    p.add_argument("--convention", choices=CONVENTIONS, default=DEFAULT_CONVENTION,
                   help="left: sum over left-handed Weyl fermions, T(fund) = 1/2 (default); eq4: right"
                        " minus left with the anticommutator (-2x left for U(1) channels, -1x for G^3"
                        " and gravity)")
    return p


def _add_operators_parser(sub) -> argparse.ArgumentParser:
    o = _sub(sub, "operators")
    _model_argument(o)
    o.add_argument("--count", action="store_true", help="number of independent real operators per dimension")
    o.add_argument("--max-dim", type=int, default=6, metavar="MAX_DIM",
                   help=f"highest mass dimension, {MIN_COUNT_DIM} to {MAX_COUNT_DIM} (default 6)")
    o.add_argument("--breaking", action="store_true",
                   help="lowest dimension at which each accidental symmetry is broken")
    o.add_argument("--content", action="store_true", help="with --count: also by field content")
    o.add_argument("--list", action="store_true",
                   help=f"list the allowed operators up to --max-dim ({MIN_LIST_DIM} to {MAX_LIST_DIM})")
    o.add_argument("--json", action="store_true", help="machine-readable output")
    o.add_argument("--plot", metavar="FILE", default=None,
                   help="draw the counts (--count) or the breaking ladder (--breaking) into FILE"
                        " (.png, .pdf, .svg; needs matplotlib)")
    return o


def _add_enumerate_parser(sub) -> argparse.ArgumentParser:
    e = _sub(sub, "enumerate")
    e.add_argument("n", metavar="N", type=int, nargs="?", default=None,
                   help="number of singlet Weyl fermions (omit with --model)")
    e.add_argument("--qmax", type=int, required=True, metavar="Q", help="bound on |charge|")
    e.add_argument("--model", metavar="FILE", default=None,
                   help="enumerate the unknown charges of this model file (" + FILE_ACCEPTS + ")")
    e.add_argument("--unknowns", metavar="NAMES", default=None,
                   help="with --model: comma-separated symbols to enumerate (default: all of the"
                        " model's symbols)")
    e.add_argument("--label", default=None,
                   help="with --model: the U(1) carrying the unknowns (default: the only one)")
    e.add_argument("--require", action="append", metavar="FIELDS", default=None,
                   help="with --model: an operator that must be invariant under that U(1), its fields"
                        " separated by spaces, NAME* for a conjugate, e.g. 'l* H e' (repeatable)")
    chi = e.add_mutually_exclusive_group()
    chi.add_argument("--vectorlike", dest="chiral", action="store_false", default=None,
                     help="keep sets with vector-like pairs (default for N singlets: dropped)")
    chi.add_argument("--chiral", dest="chiral", action="store_true",
                     help="drop sets with vector-like pairs (default with --model: kept)")
    gcd = e.add_mutually_exclusive_group()
    gcd.add_argument("--any-gcd", dest="primitive", action="store_false", default=None,
                     help="keep multiples of a set too (default: only sets with gcd 1)")
    gcd.add_argument("--primitive", dest="primitive", action="store_true",
                     help="only sets with gcd 1 (the default for N singlets and homogeneous conditions)")
    e.add_argument("--allow-zero", action="store_true",
                   help="N singlets: allow the charge 0 (default: 0 < |q|)")
    e.add_argument("--nonzero", action="store_true", help="with --model: exclude the value 0")
    e.add_argument("--method", choices=("auto", "direct", "lattice"), default="auto",
                   help="engine path (default auto: chosen by the problem; same sets either way)")
    e.add_argument("--workers", type=int, default=1, metavar="K",
                   help="processes on this machine (default 1)")
    e.add_argument("--dask", metavar="SCHEDULER", default=None,
                   help="run on a dask.distributed scheduler at this address, or `local` for a"
                        " local cluster of --workers processes (pip install anomalyalgebra[dask])")
    e.add_argument("--batch-size", type=int, default=None, metavar="CHUNKS",
                   help="chunks per task sent to a worker (default: automatic)")
    out = e.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help='{"count": n, "solutions": [[...], ...]}')
    out.add_argument("--csv", action="store_true", help="CSV with a header row")
    out.add_argument("--count", action="store_true", help="print the number of sets only")
    e.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write the sets to FILE (.json, .jsonl, .csv, .txt, .parquet) instead of"
                        " standard output")
    return e


def _add_convert_parser(sub) -> argparse.ArgumentParser:
    c = _sub(sub, "convert")
    c.add_argument("file", metavar="FILE", help=FILE_ACCEPTS)
    c.add_argument("--to", required=True, choices=("toml", "sarah", "pyrate"), help="target format")
    c.add_argument("--format", choices=("toml", "sarah", "pyrate"), default=None,
                   help="format of FILE (default: from the suffix)")
    c.add_argument("-o", "--output", default=None, help="write here instead of standard output")
    _chirality_options(c)
    c.add_argument("--lossy", action="store_true",
                   help="drop what the target cannot express (listed on stderr) instead of refusing")
    return c


def _add_reproduce_parser(sub) -> argparse.ArgumentParser:
    r = _sub(sub, "reproduce")
    r.add_argument("--out", default="reproduce-out",
                   help="report directory (default: ./reproduce-out): results.json, LaTeX, Fig. 1")
    r.add_argument("--no-files", action="store_true", help="print the summary only, write nothing")
    r.add_argument("--no-figure", action="store_true", help="do not draw Fig. 1")
    r.add_argument("--pdf", action="store_true",
                   help="also compile report.tex (needs pdflatex, xelatex, lualatex or tectonic)")
    r.add_argument("--keys", nargs="*", help="only these results (names as in the summary table)")
    r.add_argument("--no-cache", action="store_true",
                   help="compute every result (default: reuse the records of an earlier run of the"
                        " same code, kept in $ANOMALYALGEBRA_CACHE or ~/.cache/anomalyalgebra)")
    r.add_argument("--jobs", type=int, default=None,
                   help="processes (default: 2 if the machine has 2 or more CPUs; 1 = serial)")
    return r


def _add_symmetries_parser(sub) -> argparse.ArgumentParser:
    s = _sub(sub, "symmetries")
    _model_argument(s)
    s.add_argument("--max-dim", type=int, default=4, metavar="MAX_DIM",
                   help=f"operators up to this dimension, {MIN_LIST_DIM} to {MAX_LIST_DIM} (default 4)")
    s.add_argument("--json", action="store_true", help="machine-readable output")
    return s


#: subcommand -> (add its parser, run it); the order is the order of --help.
_PARSERS = {
    "check": _add_check_parser,
    "models": lambda sub: _sub(sub, "models"),
    "operators": _add_operators_parser,
    "symmetries": _add_symmetries_parser,
    "enumerate": _add_enumerate_parser,
    "convert": _add_convert_parser,
    "reproduce": _add_reproduce_parser,
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``anomalyalgebra`` command (help texts from :data:`COMMANDS`).

    Returns
    -------
    argparse.ArgumentParser

    Examples
    --------
    >>> build_parser().parse_args(["check", "sm"]).model
    'sm'
    """
    parser = argparse.ArgumentParser(prog="anomalyalgebra", description=_fill(PROGRAM), epilog=_fill(EXIT_CODES),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"anomalyalgebra {_version()}")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress line on standard error")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    parser.add_argument("--limit", action="append", metavar="NAME=VALUE",
                        help="raise a resource limit, e.g. --limit max_group_rank=64"
                        " (see docs/errors.rst)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        _PARSERS[name](sub)
    return parser


def help_texts() -> dict:
    """``{"anomalyalgebra": --help text, "anomalyalgebra check": its --help, ...}`` as printed.

    Used by the documentation build (the page of the command line shows exactly what
    ``--help`` prints).

    Returns
    -------
    dict of str to str

    Examples
    --------
    >>> texts = help_texts()
    >>> "anomalyalgebra enumerate" in texts and "``" not in "".join(texts.values())
    True
    """
    parser = build_parser()
    out = {"anomalyalgebra": parser.format_help()}
    for name in COMMANDS:
        collect = argparse.ArgumentParser(prog="anomalyalgebra")
        sub = collect.add_subparsers()
        out[f"anomalyalgebra {name}"] = _PARSERS[name](sub).format_help()
    return out


def _run_command(args) -> int:
    if args.command == "check":
        return _check(args)
    if args.command == "reproduce":
        return _reproduce(args)
    if args.command == "operators":
        return _operators(args)
    if args.command == "convert":
        return _convert(args)
    if args.command == "enumerate":
        return _enumerate(args)
    if args.command == "symmetries":
        return _symmetries(args)
    return _models()


def main(argv=None) -> int:
    """Run the ``anomalyalgebra`` command with the arguments ``argv`` (default: ``sys.argv``).

    Parameters
    ----------
    argv : list of str, optional

    Returns
    -------
    int
        The exit code (0 success / anomaly free, 1 anomalous, 2 bad input, 3 internal error).

    Examples
    --------
    >>> main(["models"])                 # doctest: +ELLIPSIS
    anomalon_nplet ...
    0
    """
    args = build_parser().parse_args(argv)
    limits = None
    try:
        limits = using_limits(_limits(args.limit))
        limits.__enter__()
        return _run_command(args)
    except BaseException as exc:  # the one place that maps every error to an exit code
        return _exit_code(exc, args.debug)
    finally:
        if limits is not None:
            limits.__exit__(None, None, None)
