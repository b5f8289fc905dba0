"""``anomalyalgebra enumerate``: the anomaly-free charge assignments of a problem, written
as JSON, JSON lines, CSV, text or Parquet.
"""

from __future__ import annotations

import json
import sys

from ..exceptions import MissingDependencyError, UsageError
from ..formats import load_model
from .common import EXIT_OK, progress_wanted

__all__ = ["run_enumerate"]


#: Output formats of ``enumerate --output`` by suffix.
_ENUM_SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".txt": "text", ".parquet": "parquet"}


def _enumeration_problem(args):
    """``(solutions, columns, what)``: ``solutions(executor, progress)`` yields the sets (flat
    tuples of ints), ``columns`` names their entries, ``what`` describes the enumeration."""
    from ..enumeration import iter_solutions, singlet_problem

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
    from ..enumeration import charge_problem, operator_charge, unknowns_label

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
    from ..enumeration import plan_chunks

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


def run_enumerate(args) -> int:
    """Run ``anomalyalgebra enumerate``: the anomaly-free charge sets.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line (:func:`anomalyalgebra.cli.build_parser`).

    Returns
    -------
    int
        The exit code (0).

    Raises
    ------
    AnomalyAlgebraError
        For bad input (:func:`anomalyalgebra.cli.main` turns it into exit code 2).
    """
    fmt = _enumeration_format(args)
    if fmt == "parquet":   # refuse before the work
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise MissingDependencyError("enumerate --output *.parquet needs pyarrow: pip install"
                                         " anomalyalgebra[parquet]") from None
    from ..numeric import require_numpy

    require_numpy()
    solutions, columns, what = _enumeration_problem(args)
    executor, close = _enumeration_executor(args)
    try:
        sets = solutions(executor, progress_wanted(args))
        if fmt == "parquet":
            from ..enumeration import write_solutions

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
