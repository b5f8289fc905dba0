"""Streaming enumeration results to disk and filtering them afterwards.

Solutions are written one row at a time (JSON Lines or CSV, or Parquet in
batches when pyarrow is installed), so an enumeration larger than memory can be
kept.  Every format stores the flattened charges as exact integers; reading gives
back tuples of Python ints.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

__all__ = [
    "write_solutions",
    "read_solutions",
    "filter_solutions",
    "OperatorFilter",
]

_FORMATS = {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def _format(path, fmt):
    if fmt is not None:
        if fmt not in ("jsonl", "csv", "parquet"):
            raise ValueError(f"format must be 'jsonl', 'csv' or 'parquet', got {fmt!r}")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise ValueError(
            f"cannot tell the format of '{path}' from its suffix; use .jsonl, .csv or"
            " .parquet or pass format="
        )
    return _FORMATS[suffix]


def _flat(solution) -> tuple:
    out = []
    for part in solution:
        if isinstance(part, (tuple, list)):
            out.extend(int(x) for x in part)
        else:
            out.append(int(part))
    return tuple(out)


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        from ..exceptions import MissingDependencyError

        raise MissingDependencyError(
            "Parquet output needs pyarrow: pip install anomalyalgebra[parquet]"
        ) from exc
    return pyarrow


def write_solutions(solutions, path, *, format: str | None = None, columns=None,
                    batch_rows: int = 65536) -> int:
    """Write an iterable of solutions to *path*, streaming.

    Parameters
    ----------
    solutions : iterable
        Flat tuples of ints or tuples of per-group tuples (as yielded by
        :func:`iter_solutions`); rows are flattened.
    path : str or Path
        Output file; the format follows the suffix (``.jsonl``/``.json``, ``.csv``,
        ``.parquet``) unless *format* is given.
    format : {"jsonl", "csv", "parquet"}, optional
        Overrides the suffix.
    columns : sequence of str, optional
        Column names for CSV/Parquet (default ``q1, q2, ...``).
    batch_rows : int, optional
        Rows buffered per Parquet row group (default 65536).

    Returns
    -------
    int
        The number of rows written.

    Raises
    ------
    ValueError
        For an unknown format or suffix.
    OverflowError
        If a charge does not fit the int64 column of a Parquet file.
    MissingDependencyError
        For Parquet without pyarrow.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> write_solutions([(-8, -7, 1, 5, 9)], os.path.join(d, "s.csv"))
    1
    >>> list(read_solutions(os.path.join(d, "s.csv")))
    [(-8, -7, 1, 5, 9)]
    """
    fmt = _format(path, format)
    path = Path(path)
    n = 0
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for sol in solutions:
                fh.write(json.dumps(list(_flat(sol))) + "\n")
                n += 1
        return n
    if fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            header_done = False
            for sol in solutions:
                row = _flat(sol)
                if not header_done:
                    writer.writerow(columns or [f"q{i + 1}" for i in range(len(row))])
                    header_done = True
                writer.writerow(row)
                n += 1
            if not header_done and columns:
                writer.writerow(columns)
        return n
    pa = _pyarrow()
    writer = None
    buf: list = []

    def flush():
        nonlocal writer
        if not buf:
            return
        names = list(columns or [f"q{i + 1}" for i in range(len(buf[0]))])
        for row in buf:
            if any(not -(2**63) <= x < 2**63 for x in row):
                raise OverflowError(
                    "Parquet stores int64; a charge does not fit. Use .jsonl or .csv"
                )
        table = pa.table({name: [row[i] for row in buf] for i, name in enumerate(names)},
                         schema=pa.schema([(name, pa.int64()) for name in names]))
        if writer is None:
            writer = pa.parquet.ParquetWriter(str(path), table.schema)
        writer.write_table(table)
        buf.clear()

    try:
        for sol in solutions:
            buf.append(_flat(sol))
            n += 1
            if len(buf) >= batch_rows:
                flush()
        flush()
    finally:
        if writer is not None:
            writer.close()
    if n == 0:   # an empty result is still a file that read_solutions can read
        names = list(columns or [])
        pa.parquet.write_table(pa.table({c: pa.array([], pa.int64()) for c in names}), str(path))
    return n


def read_solutions(path, *, format: str | None = None):
    """Iterate over the flattened solutions stored in *path*.

    Parameters
    ----------
    path : str or Path
        A file written by :func:`write_solutions`.
    format : {"jsonl", "csv", "parquet"}, optional
        Overrides the suffix.

    Yields
    ------
    tuple of int
        One row, as Python ints (the CSV header is skipped).

    Raises
    ------
    ValueError
        For an unknown format or suffix.
    MissingDependencyError
        For Parquet without pyarrow.
    """
    fmt = _format(path, format)
    path = Path(path)
    if fmt == "jsonl":
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield tuple(int(x) for x in json.loads(line))
        return
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            next(reader, None)
            for row in reader:
                if row:
                    yield tuple(int(x) for x in row)
        return
    pa = _pyarrow()
    pf = pa.parquet.ParquetFile(str(path))
    for batch in pf.iter_batches():
        cols = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
        for row in zip(*cols):
            yield tuple(int(x) for x in row)


def filter_solutions(src, dst, predicate, *, format: str | None = None,
                     out_format: str | None = None) -> tuple:
    """Stream *src* to *dst* keeping the rows for which ``predicate(row)`` is true.

    Parameters
    ----------
    src, dst : str or Path
        Input and output files.
    predicate : callable
        Receives the flattened tuple of a row; e.g. an :class:`OperatorFilter`.
    format, out_format : {"jsonl", "csv", "parquet"}, optional
        Formats of ``src`` and ``dst`` (default: from the suffixes).

    Returns
    -------
    tuple of (int, int)
        ``(kept, read)``.

    Raises
    ------
    ValueError
        For an unknown format or suffix.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> src, dst = os.path.join(d, "a.jsonl"), os.path.join(d, "b.jsonl")
    >>> write_solutions([(1, -1), (2, -2)], src)
    2
    >>> filter_solutions(src, dst, OperatorFilter([((1, 1), 0)]))  # q1 + q2 = 0
    (2, 2)
    """
    counts = [0, 0]

    def rows():
        for row in read_solutions(src, format=format):
            counts[1] += 1
            if predicate(row):
                counts[0] += 1
                yield row

    write_solutions(rows(), dst, format=out_format)
    return counts[0], counts[1]


class OperatorFilter:
    """Predicate: every listed operator is allowed, i.e. has total charge zero.

    Parameters
    ----------
    operators : sequence of (coefficients, constant)
        ``coefficients[i]`` is how many times the unknown in column i enters the
        operator (negative for a conjugate field), *constant* the fixed charge of
        the remaining fields.  The operator is allowed if
        ``sum_i coefficients[i] * q_i + constant == 0``.

    Examples
    --------
    >>> keep = OperatorFilter([((1, 0, -1), 0)])   # q1 - q3 = 0
    >>> keep((2, 5, 2)), keep((2, 5, 3))
    (True, False)
    """

    def __init__(self, operators):
        self.operators = tuple(
            (tuple(int(c) for c in coeffs), int(const)) for coeffs, const in operators
        )

    def __call__(self, row) -> bool:
        for coeffs, const in self.operators:
            if len(coeffs) > len(row):
                raise ValueError(
                    f"operator has {len(coeffs)} coefficients but the row has {len(row)} charges"
                )
            if sum(c * q for c, q in zip(coeffs, row)) + const != 0:
                return False
        return True

    def __repr__(self):
        return f"OperatorFilter({list(self.operators)!r})"
