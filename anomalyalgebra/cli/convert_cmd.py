"""``anomalyalgebra convert``: a model file from one format to another (TOML, SARAH, PyR@TE).
"""

from __future__ import annotations

import sys

from ..exceptions import UsageError
from .common import reader_options
from .texts import FILE_ACCEPTS

__all__ = ["run_convert"]


def run_convert(args) -> int:
    """Run ``anomalyalgebra convert FILE --to FORMAT``: the converted model on stdout or in a file.

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
    from ..interop import read_model_file
    from ..interop.convert import conversion_losses, convert_text

    if not args.file:
        raise UsageError("convert: the file name is empty; give " + FILE_ACCEPTS)
    imp = read_model_file(args.file, format=args.format, **reader_options(args, args.file))
    text = convert_text(imp, args.to, lossy=args.lossy)
    for loss in conversion_losses(imp, args.to):
        print(f"anomalyalgebra: dropped: {loss}", file=sys.stderr)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0
