"""``anomalyalgebra reproduce``: the seed paper's checks, run by the paper application.
"""

from __future__ import annotations

import os
import re

from ..exceptions import MissingDependencyError, UsageError
from .common import EXIT_OK, progress_wanted

__all__ = ["run_reproduce"]


def run_reproduce(args) -> int:
    """Run ``anomalyalgebra reproduce``: the seed paper's checks through :mod:`anomalyalgebra.paper.report`.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line (:func:`anomalyalgebra.cli.build_parser`).

    Returns
    -------
    int
        The exit code (0: a NO is a finding, not a failure).

    Raises
    ------
    AnomalyAlgebraError
        For bad input (:func:`anomalyalgebra.cli.main` turns it into exit code 2).
    """
    from ..paper.report import default_cache_dir, reproduce

    if args.pdf:
        from ..export.latex import find_tex_engine

        if find_tex_engine() is None:
            raise MissingDependencyError(
                "--pdf needs a TeX engine (pdflatex, xelatex, lualatex or tectonic) on PATH and"
                " none was found; nothing was computed or written. Install one, or rerun without"
                " --pdf: the report directory (report.tex included, uncompiled) is written then")
    if args.keys is not None and not args.keys:
        raise UsageError("reproduce --keys: give at least one key (without --keys every key is"
                         " computed)")
    if args.keys:
        from .. import paper   # the application package; the CLI may use it

        unknown = [k for k in args.keys if k not in paper.keys()]
        if unknown:
            raise UsageError(f"reproduce --keys: unknown key(s) {unknown}; known: {', '.join(paper.keys())}")
    jobs = min(2, os.cpu_count() or 1) if args.jobs is None else args.jobs
    if jobs < 1:
        raise UsageError(f"reproduce --jobs must be >= 1, got {jobs}")
    out = None if args.no_files else args.out
    cache = None if args.no_cache else default_cache_dir()
    from ..progress import ProgressLine, ProgressStream

    with ProgressLine("reproduce", enabled=progress_wanted(args), tick=0.5) as line:
        # reproduce() prints "[ i/n] key ... s" lines and "Fig. 1 ..." as progress; any other
        # line it writes there (e.g. why Fig. 1 was not drawn) is a message and always shown
        stream = ProgressStream(line, keep=lambda text: not _REPRODUCE_PROGRESS.match(text))
        reproduce(out, keys=args.keys or None, figure=not args.no_figure, pdf=args.pdf, jobs=jobs,
                  cache=cache, progress=stream)
    return EXIT_OK


#: The progress lines of :func:`~anomalyalgebra.paper.report.reproduce` (others are messages).
_REPRODUCE_PROGRESS = re.compile(r"\s*(\[\s*\d+/\d+\]|Fig\. 1 \.\.\.)")
