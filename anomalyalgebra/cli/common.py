"""What every subcommand of the command line shares: exit codes, option ranges,
progress on a terminal, and the reader options of SARAH/PyR@TE files.
"""

from __future__ import annotations

from ..exceptions import AnomalyAlgebraError

__all__ = ["EXIT_OK", "EXIT_ANOMALOUS", "EXIT_BAD_INPUT", "EXIT_INTERNAL", "MIN_COUNT_DIM",
           "MAX_COUNT_DIM", "MIN_LIST_DIM", "MAX_LIST_DIM", "progress_wanted", "file_format",
           "reader_options"]



#: Exit codes of every command.
EXIT_OK, EXIT_ANOMALOUS, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
#: Range of ``operators --max-dim`` (the SM with three generations takes ~3 s at d = 8).
MIN_COUNT_DIM, MAX_COUNT_DIM = 5, 12
#: Range of ``operators --list --max-dim`` and ``symmetries --max-dim``.
MIN_LIST_DIM, MAX_LIST_DIM = 2, 8


def progress_wanted(args) -> bool:
    """Whether to show progress on stderr: only on a terminal, and not with --quiet.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line (``quiet`` may be absent).

    Returns
    -------
    bool
    """
    from ..progress import show_progress

    return show_progress(quiet=getattr(args, "quiet", False))


def file_format(path, format):
    """:func:`anomalyalgebra.interop.format_of`, or None if the suffix does not tell.

    Parameters
    ----------
    path : str
        The model argument.
    format : str or None
        The ``--format`` option.

    Returns
    -------
    str or None
        ``"toml"``, ``"sarah"``, ``"pyrate"``, or None.

    Examples
    --------
    >>> file_format("model.m", None), file_format("sm", None)
    ('sarah', None)
    """
    from ..interop import format_of

    try:
        return format_of(path, format)
    except AnomalyAlgebraError:
        return None


def reader_options(args, path) -> dict:
    """PyR@TE chirality options from the command line (only for PyR@TE files).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line (``format``, ``chirality``, ``default_chirality``).
    path : str
        The model file.

    Returns
    -------
    dict
        Keyword arguments of the PyR@TE reader (empty for other formats).

    Raises
    ------
    AnomalyAlgebraError
        For a malformed ``--chirality NAME=L|R`` or a chirality option given for a file
        that is not PyR@TE.
    """
    fmt = file_format(path, args.format)
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
