"""``anomalyalgebra operators`` (counts, ``--list``, ``--plot``) and
``anomalyalgebra symmetries``: the operators a model allows and its accidental symmetries.
"""

from __future__ import annotations

import json
import sys

import sympy as sp

from ..exceptions import MissingDependencyError, UsageError
from ..formats import load_model
from .common import MAX_COUNT_DIM, MAX_LIST_DIM, MIN_COUNT_DIM, MIN_LIST_DIM, progress_wanted
from .texts import fill

__all__ = ["run_operators", "run_symmetries"]


def run_operators(args) -> int:
    """Run ``anomalyalgebra operators MODEL``: counts, ``--list`` or ``--plot``.

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
    from ..operators.hilbert import hilbert_series
    from ..operators.violation import symmetry_breaking
    from ..progress import ProgressLine

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
        raise UsageError("operators: the model is empty; give " + fill("{accepts}"))
    if args.plot:
        _check_plot(args)
    model = load_model(args.model)
    series = report = None
    with ProgressLine(f"operators of {model.name}", enabled=progress_wanted(args), tick=0.5) as line:
        if args.count:
            line.set_text(f"counting d = {MIN_COUNT_DIM}..{args.max_dim}")
            if args.plot and not args.breaking:
                from ..operators import accidental_symmetries
                from ..operators.violation import symmetry_gradings

                acc = accidental_symmetries(model)
                series = hilbert_series(model, args.max_dim, gradings=symmetry_gradings(acc),
                                        content=args.content)
            else:
                series = hilbert_series(model, args.max_dim, content=args.content)
        if args.breaking:
            line.set_text(f"where each accidental symmetry breaks, d <= {args.max_dim}")
            report = symmetry_breaking(model, args.max_dim)
    if args.plot:
        from ..export import plots

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

    from ..export.plots import PLOT_SUFFIXES

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
    from ..operators import allowed_operators

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


def run_symmetries(args) -> int:
    """Run ``anomalyalgebra symmetries MODEL``: accidental symmetries and what survives the instantons.

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
    from ..operators.instantons import exact_symmetries

    _list_dim("symmetries", args.max_dim)
    report = exact_symmetries(load_model(args.model), args.max_dim)
    print(json.dumps(report.to_dict(), indent=2) if args.json else report.text())
    return 0
