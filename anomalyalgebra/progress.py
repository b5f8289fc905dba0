"""Progress of long work: one self-overwriting line on a terminal, nothing elsewhere.

A :class:`ProgressLine` writes ``"\\r<text>"`` to a stream (standard error by
default), at most every ``min_interval`` seconds, and ends the line when closed.
When tqdm is installed (extra ``progress``) and the total is known, a tqdm bar is
drawn instead.  Whether to show anything is the caller's decision;
:func:`show_progress` gives the usual one: only when the stream is a terminal and
``quiet`` is not set, so that pipes, files and CI logs stay clean.

:class:`ProgressStream` turns the line-by-line progress messages of a function that
prints them to a file (``print(..., file=progress)``) into the text of a
:class:`ProgressLine`.
"""

from __future__ import annotations

import sys
import threading
import time

__all__ = ["ProgressLine", "ProgressStream", "show_progress"]


def show_progress(quiet: bool = False, stream=None) -> bool:
    """Whether progress should be shown: ``stream`` (default stderr) is a terminal and not ``quiet``.

    Parameters
    ----------
    quiet : bool
        The user asked for silence (``--quiet``).
    stream : file-like, optional
        Where progress would go (default :data:`sys.stderr`).

    Returns
    -------
    bool

    Examples
    --------
    >>> import io
    >>> show_progress(stream=io.StringIO())
    False
    """
    if quiet:
        return False
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):   # no isatty, or a closed stream
        return False


def _tqdm():
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm


class ProgressLine:
    """A single line of progress on a stream, rewritten in place.

    Parameters
    ----------
    desc : str
        What is being done (the start of the line).
    total : int, optional
        Number of steps, if known (the line shows ``done/total``).
    enabled : bool
        If False, every method does nothing (default True).
    stream : file-like, optional
        Default :data:`sys.stderr`.
    min_interval : float
        Seconds between two redraws (default 0.2); the last state is always drawn.
    unit : str
        What a step is, shown after ``done/total`` (default none).
    tick : float, optional
        Redraw every ``tick`` seconds from a background thread, so that the elapsed
        time moves while one long step runs (default: no thread).

    Examples
    --------
    >>> import io
    >>> out = io.StringIO()
    >>> with ProgressLine("counting", total=2, stream=out, min_interval=0) as p:
    ...     p.update(1, found=3)
    ...     p.update(1, found=5)
    >>> [t for t in out.getvalue().split("\\r") if "2/2" in t][0].split(" [")[0]
    'counting: 2/2, found 5'
    """

    def __init__(self, desc: str, total: int | None = None, *, enabled: bool = True, stream=None,
                 min_interval: float = 0.2, unit: str = "", tick: float | None = None):
        self.desc = desc
        self.unit = unit
        self.total = total
        self.enabled = bool(enabled)
        self.stream = sys.stderr if stream is None else stream
        self.min_interval = float(min_interval)
        self.done = 0
        self.info = {}
        self.text = ""
        self._t0 = time.monotonic()
        self._last = float("-inf")
        self._width = 0
        self._lock = threading.Lock()
        self._stop = None
        self._bar = None
        if not self.enabled:
            return
        tqdm = _tqdm() if total is not None else None
        if tqdm is not None:
            self._bar = tqdm(total=total, desc=desc, file=self.stream, leave=False, unit=unit or "it")
        if tick:
            self._stop = threading.Event()
            threading.Thread(target=self._ticker, args=(float(tick),), daemon=True).start()

    def _ticker(self, every: float) -> None:
        while not self._stop.wait(every):
            self._draw(force=True)

    def _line(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        parts = [f"{self.done}/{self.total}{unit}"] if self.total is not None else []
        parts += [f"{k.replace('_', ' ')} {v}" for k, v in self.info.items()]
        if self.text:
            parts.append(self.text)
        return f"{self.desc}: {', '.join(parts)} [{time.monotonic() - self._t0:.1f} s]" if parts else (
            f"{self.desc} [{time.monotonic() - self._t0:.1f} s]")

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        with self._lock:
            now = time.monotonic()
            if not force and now - self._last < self.min_interval:
                return
            self._last = now
            if self._bar is not None:
                self._bar.set_postfix_str(", ".join(f"{k} {v}" for k, v in self.info.items()) or self.text,
                                          refresh=True)
                return
            line = self._line()
            pad = " " * max(0, self._width - len(line))
            self._width = len(line)
            self.stream.write("\r" + line + pad)
            self.stream.flush()

    def update(self, n: int = 1, **info) -> None:
        """Count ``n`` more steps done; keyword arguments are shown as ``name value``.

        Parameters
        ----------
        n : int
            Steps done since the last call.
        **info
            Values to show (e.g. ``solutions=12``), replacing earlier ones of that name.
        """
        self.done += n
        self.info.update(info)
        if self._bar is not None:
            self._bar.update(n)
        self._draw(force=self.total is not None and self.done >= self.total)

    def set_text(self, text: str) -> None:
        """Replace the free text of the line (e.g. the step now running); drawn at once.

        Parameters
        ----------
        text : str
        """
        self.text = text
        self._draw(force=True)

    def close(self) -> None:
        """Stop the ticker and clear the line (the terminal is left as it was)."""
        if not self.enabled:
            return
        if self._stop is not None:
            self._stop.set()
        if self._bar is not None:
            self._bar.close()
            return
        with self._lock:
            if self._width:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()
            self._width = 0

    def __enter__(self) -> "ProgressLine":
        self._draw(force=True)
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class ProgressStream:
    """A write-only text stream whose lines become the text of a :class:`ProgressLine`.

    For functions that print progress messages line by line to a file.  Lines that
    ``keep`` accepts (default: none) are not progress but messages for the user; they
    are written to ``passthrough`` (default stderr) whether or not progress is shown.

    Parameters
    ----------
    line : ProgressLine
    keep : callable, optional
        ``keep(text) -> bool``: this line is a message, not progress.
    passthrough : file-like, optional

    Examples
    --------
    >>> import io
    >>> out, msgs = io.StringIO(), io.StringIO()
    >>> s = ProgressStream(ProgressLine("work", enabled=False), keep=lambda t: t.startswith("note"),
    ...                    passthrough=msgs)
    >>> print("[1/2] a ... 0.1 s", file=s); print("note: skipped", file=s)
    >>> msgs.getvalue()
    'note: skipped\\n'
    """

    def __init__(self, line: ProgressLine, *, keep=None, passthrough=None):
        self.line = line
        self.keep = keep
        self.passthrough = passthrough
        self._buf = ""

    def write(self, text: str) -> int:
        """Take ``text``; each completed line becomes the progress text or, if ``keep`` says so,
        a message.

        Parameters
        ----------
        text : str

        Returns
        -------
        int
            ``len(text)``, as a file's ``write`` does.
        """
        self._buf += text
        while "\n" in self._buf:
            head, self._buf = self._buf.split("\n", 1)
            if self.keep is not None and self.keep(head):
                out = sys.stderr if self.passthrough is None else self.passthrough
                if self.line.enabled:
                    self.line.close()
                print(head, file=out, flush=True)
            elif head.strip():
                self.line.set_text(head.strip())
        if self._buf.strip():
            self.line.set_text(self._buf.strip())
        return len(text)

    def flush(self) -> None:
        """Nothing to flush: lines are passed on as they complete."""

    def isatty(self) -> bool:
        """False: this stream is not a terminal (the progress line decides what is drawn)."""
        return False
