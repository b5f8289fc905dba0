"""Reading input files: regular files only, checked before they are opened.

Every reader of a model file (TOML, SARAH, PyR@TE) gets its bytes from
:func:`read_regular_file`.  Opening a FIFO blocks until someone writes to it, and a
device can deliver bytes without end, so the path is checked with :func:`os.stat`
*before* it is opened and refused unless it is a regular file; the file is then
opened without blocking and checked again on the open descriptor (it cannot have been
swapped for a FIFO in between).  A loop of symbolic links gets its own message
instead of "no such file".
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .exceptions import ModelFileError

__all__ = ["read_regular_file", "check_regular_file", "file_kind"]


def file_kind(mode: int) -> str:
    """What a :func:`os.stat` mode is, in words.

    Examples
    --------
    >>> import stat
    >>> file_kind(stat.S_IFIFO), file_kind(stat.S_IFREG)
    ('a FIFO (named pipe)', 'a regular file')
    """
    for test, name in ((stat.S_ISREG, "a regular file"), (stat.S_ISDIR, "a directory"),
                       (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISLNK, "a symbolic link")):
        if test(mode):
            return name
    return "a special file"


def _stat_error(exc: OSError, path) -> ModelFileError:
    if exc.errno == errno.ELOOP:
        return ModelFileError("a loop of symbolic links (ELOOP): the link never reaches a file",
                              path=path)
    if exc.errno == errno.ENOENT:
        try:
            os.lstat(path)
        except OSError:
            return ModelFileError("no such file", path=path)
        return ModelFileError("a symbolic link to a missing file", path=path)
    return ModelFileError(f"cannot be read: {exc.strerror or exc}", path=path)


def check_regular_file(path) -> os.stat_result:
    """``os.stat(path)`` if ``path`` is a regular file (after following links), else a
    :class:`~anomalyalgebra.exceptions.ModelFileError` saying what it is.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    os.stat_result

    Raises
    ------
    ModelFileError
        For a missing file, a loop of symbolic links, a directory, a FIFO, a device, a
        socket, or a path that cannot be examined.

    Examples
    --------
    >>> import os, tempfile
    >>> d = tempfile.mkdtemp()
    >>> os.mkfifo(os.path.join(d, "m.toml"))
    >>> check_regular_file(os.path.join(d, "m.toml"))
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelFileError: .../m.toml: is a FIFO (named pipe), not a regular file; model files are read from regular files only
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        raise _stat_error(exc, path) from None
    _require_regular(st.st_mode, path)
    return st


def _require_regular(mode, path):
    if stat.S_ISDIR(mode):
        raise ModelFileError("is a directory, not a model file", path=path)
    if not stat.S_ISREG(mode):
        raise ModelFileError(f"is {file_kind(mode)}, not a regular file; model files are read from"
                             " regular files only", path=path)


def read_regular_file(path, *, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit + 1`` of them).

    The path is checked with :func:`check_regular_file` before it is opened, opened
    with ``O_NONBLOCK`` (so that even a file swapped for a FIFO after the check does
    not block) and checked again with :func:`os.fstat`.

    Parameters
    ----------
    path : str or os.PathLike
    limit : int, optional
        Read no more than ``limit + 1`` bytes (the caller compares the length with its
        limit and names it).

    Returns
    -------
    bytes

    Raises
    ------
    ModelFileError
        As :func:`check_regular_file`, or when the file cannot be read.
    """
    path = Path(os.fspath(path))
    check_regular_file(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise _stat_error(exc, path) from None
    try:
        _require_regular(os.fstat(fd).st_mode, path)
        chunks, left = [], (limit + 1 if limit is not None else None)
        while left is None or left > 0:
            chunk = os.read(fd, 1 << 20 if left is None else min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            if left is not None:
                left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise ModelFileError(f"cannot be read: {exc.strerror or exc}", path=path) from None
    finally:
        os.close(fd)
