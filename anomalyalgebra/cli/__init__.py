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

The package holds the parser and the entry points (:func:`main`, :func:`run`); the help
texts are in :mod:`anomalyalgebra.cli.texts`, what the subcommands share in
:mod:`anomalyalgebra.cli.common`, and each subcommand group in its own module
(``check_cmd``, ``operators_cmd`` with ``symmetries``, ``enumerate_cmd``,
``convert_cmd``, ``reproduce_cmd``).
"""

from __future__ import annotations

import argparse
import sys
import traceback

from ..anomaly import CONVENTIONS, DEFAULT_CONVENTION
from ..exceptions import AnomalyAlgebraError, LimitError
from ..limits import Limits, using_limits
from ..formats import load_model
from ..modelfile import builtin_models
from .check_cmd import run_check
from .common import (EXIT_ANOMALOUS, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, MAX_COUNT_DIM, MAX_LIST_DIM,
                     MIN_COUNT_DIM, MIN_LIST_DIM)
from .convert_cmd import run_convert
from .enumerate_cmd import run_enumerate
from .operators_cmd import run_operators, run_symmetries
from .reproduce_cmd import run_reproduce
from .texts import COMMANDS, EXIT_CODES, FILE_ACCEPTS, PROGRAM, fill

__all__ = ["main", "run", "build_parser", "help_texts", "COMMANDS", "EXIT_OK", "EXIT_ANOMALOUS",
           "EXIT_BAD_INPUT", "EXIT_INTERNAL"]


def _models() -> int:
    from ..paper import TABLE_CAPTIONS   # the application package; the CLI may use it

    for name in builtin_models():
        caption = TABLE_CAPTIONS.get(name)
        where = f"  (seed paper, {caption.split(':')[0]})" if caption else ""
        print(f"{name:16s} {load_model(name).name}{where}")
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


def _version() -> str:
    """The installed distribution's version (importlib.metadata), else the package's ``__version__``."""
    from importlib import metadata

    try:
        return metadata.version("anomalyalgebra")
    except metadata.PackageNotFoundError:
        from .. import __version__

        return __version__


# ----------------------------------------------------------------------------- the parser
def _sub(sub, name: str) -> argparse.ArgumentParser:
    summary, description = COMMANDS[name]
    p = sub.add_parser(name, help=summary, description=fill(description), epilog=fill(EXIT_CODES),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    # accepted after the subcommand too; SUPPRESS keeps the value given before it
    p.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                   help="no progress line on standard error")
    p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                   help="show the traceback of an error")
    return p


def _model_argument(p, extra: str = "") -> None:
    p.add_argument("model", metavar="MODEL",
                   help=fill("{accepts}") + extra)


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
    parser = argparse.ArgumentParser(prog="anomalyalgebra", description=fill(PROGRAM), epilog=fill(EXIT_CODES),
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
        return run_check(args)
    if args.command == "reproduce":
        return run_reproduce(args)
    if args.command == "operators":
        return run_operators(args)
    if args.command == "convert":
        return run_convert(args)
    if args.command == "enumerate":
        return run_enumerate(args)
    if args.command == "symmetries":
        return run_symmetries(args)
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
