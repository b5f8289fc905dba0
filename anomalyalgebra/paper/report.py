"""``anomalyalgebra reproduce``: the seed paper from the built-in models, as a report.

:func:`reproduce` runs :func:`anomalyalgebra.paper.results` key by key (with
progress on stderr) and, when given a directory, writes

* ``results.json`` — every key: derived value (as text, LaTeX and the eval-free JSON
  tree of :mod:`anomalyalgebra.export.jsonio`), paper value, relative difference,
  verdict, provenance (``inputs``), place in the paper and note;
* ``tables/<model>.tex`` — the field table of every built-in model in the layout of
  the paper's Tables I, III, IV (captions from :data:`anomalyalgebra.paper.TABLE_CAPTIONS`);
* ``equations.tex`` — every derived expression as an ``align`` row in the model's
  notation;
* ``report.tex`` — a stand-alone document with both (compiled to ``report.pdf``
  when ``pdf=True`` and a TeX engine is installed);
* ``fig1.png`` and ``fig1.pdf`` — Fig. 1 with the derived Z → γX width and the model
  lines of Tables III and IV (needs the ``plot`` extra).

It returns the records and prints a summary table (key, paper, derived, verdict,
provenance and why) and every entry in full.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import textwrap
from fractions import Fraction
import time
from dataclasses import dataclass, field
from pathlib import Path

import sympy as sp

from .. import paper
from ..exceptions import MissingDependencyError
from ..modelfile import builtin_models, load_model
from ..tables import field_table_latex, latex_escape
from ..export.jsonio import JSONExpressionError, to_json
from ..export.latex import compile_latex, document, find_tex_engine

__all__ = ["reproduce", "Report", "summary_table", "full_expressions", "verdict_reason", "jsonable",
           "code_version", "default_cache_dir"]



@dataclass
class Report:
    """What :func:`reproduce` produced: the records and the files written."""

    records: dict
    files: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def n_agree(self) -> int:
        return sum(1 for r in self.records.values() if r.agrees)


def _sympify_numbers(value):
    """Fractions (and ints) inside containers become sympy numbers, recursively."""
    if isinstance(value, Fraction):
        return sp.Rational(value.numerator, value.denominator)
    if isinstance(value, (list, tuple)):
        return type(value)(_sympify_numbers(v) for v in value)
    if isinstance(value, dict):
        return {k: _sympify_numbers(v) for k, v in value.items()}
    return value


def jsonable(value):
    """A JSON-ready form of a derived value (sympy objects keep an eval-free tree)."""
    value = _sympify_numbers(value)
    if isinstance(value, sp.Basic) or isinstance(value, sp.MatrixBase):
        out = {"text": sp.sstr(value), "latex": sp.latex(value)}
        try:
            out["expr"] = to_json(value)
        except JSONExpressionError:
            pass
        if getattr(value, "is_number", False) and value.is_real:
            out["float"] = float(value)
        return out
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    if hasattr(value, "to_dict"):
        return jsonable(value.to_dict())
    return {"text": str(value)}


def _short(value, width=34) -> str:
    value = _sympify_numbers(value)
    if isinstance(value, sp.Basic) and value.is_number and value.is_real and not value.is_Rational:
        text = f"{float(value):.4g}"
    elif isinstance(value, float):
        text = f"{value:.4g}"
    elif isinstance(value, (list, tuple)):
        text = f"[{len(value)} items]" if len(value) > 3 else sp.sstr(list(value))
    else:
        text = sp.sstr(value) if isinstance(value, sp.Basic) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


_TOLERANCE = re.compile(r"\[tolerance\s+([0-9.]+)\s*%\]")


def _equal(derived, printed) -> bool:
    """Exact equality of a derived and a printed value (numbers, expressions, containers)."""
    derived, printed = _sympify_numbers(derived), _sympify_numbers(printed)
    if isinstance(derived, (list, tuple)) and isinstance(printed, (list, tuple)):
        return len(derived) == len(printed) and all(_equal(a, b) for a, b in zip(derived, printed))
    if isinstance(derived, dict) or isinstance(printed, dict):
        return derived == printed
    if isinstance(derived, str) or isinstance(printed, str):
        return derived == printed
    try:
        d, p = sp.sympify(derived), sp.sympify(printed)
    except (sp.SympifyError, TypeError):
        return derived == printed
    if d == p:
        return True
    if isinstance(d, sp.MatrixBase) or isinstance(p, sp.MatrixBase):
        return False
    try:
        return sp.expand(d - p) == 0
    except (TypeError, ValueError, AttributeError):
        return False


def verdict_reason(record) -> str:
    """Why a record's verdict holds, from its public attributes only.

    ``exact``; ``proportional: derived = c x paper`` (a condition "= 0" is unchanged
    by a factor); ``within the tolerance +-x % of the note`` (or ``outside``); else the
    note's first sentence.  Uses ``derived``, ``paper``, ``agrees``, ``rel_diff`` and
    ``note``, so it works for any record type with those attributes.

    Examples
    --------
    >>> from anomalyalgebra.paper.record import PaperRecord
    >>> x, y = sp.symbols("x y")
    >>> verdict_reason(PaperRecord("a", -2*x + 4*y, x - 2*y, "a condition", True, inputs="derived"))
    'proportional: derived = -2 x paper'
    >>> verdict_reason(PaperRecord("b", 0.0171, 0.019, "fit [tolerance 20%]", True, inputs="derived"))
    'within the tolerance +-20 % (-10.0 %)'
    >>> verdict_reason(PaperRecord("c", x, x, "", True, inputs="derived"))
    'exact'
    """
    if _equal(record.derived, record.paper):
        return "exact"
    rd = record.rel_diff
    if rd is not None:
        m = _TOLERANCE.search(record.note or "")
        diff = f"{rd * 100:+.1f} %"
        if m:
            inside = "within" if record.agrees else "outside"
            return f"{inside} the tolerance +-{m.group(1)} % ({diff})"
        return f"differs by {diff}"
    d, p = _sympify_numbers(record.derived), _sympify_numbers(record.paper)
    scalar = all(isinstance(v, sp.Expr) and not isinstance(v, sp.MatrixExpr) and not v.has(sp.MatrixExpr)
                 for v in (d, p))
    if scalar and not (d.is_number and p.is_number):
        from ..paper import proportionality

        c = proportionality(d, p)
        if c is not None:
            return f"proportional: derived = {sp.sstr(c)} x paper"
    first = " ".join((record.note or "").split())
    first = re.split(r"(?<=[.;])\s+(?=[A-Z])", first, maxsplit=1)[0]
    return f"see note: {first}" if first else "see note"


def summary_table(records: dict, *, width: int = 34) -> str:
    """The plain-text summary: key, paper, derived, rel. diff, verdict and why.

    Long entries are shortened here ("…"); :func:`full_expressions` prints them whole.
    """
    rows = [("key", "paper", "derived", "rel. diff", "agrees?", "inputs", "why")]
    for key, rec in records.items():
        rd = rec.rel_diff
        rows.append((key, _short(rec.paper, width), _short(rec.derived, width),
                     "" if rd is None else f"{rd:+.1%}", "yes" if rec.agrees else "NO",
                     getattr(rec, "inputs", ""), verdict_reason(rec)))
    widths = [max(len(r[i]) for r in rows) for i in range(6)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r[:6], widths)) + "  " + r[6] for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 3)
    return "\n".join(lines)


def _full(value) -> str:
    value = _sympify_numbers(value)
    if isinstance(value, sp.MatrixBase):
        return "Matrix([" + ", ".join(sp.sstr(list(value.row(i))) for i in range(value.rows)) + "])"
    if isinstance(value, sp.Basic):
        return sp.sstr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_full(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_full(v)}" for k, v in value.items()) + "}"
    return str(value)


def full_expressions(records: dict, *, width: int = 100) -> str:
    """Every entry the summary shortened, whole, with the note, wrapped at ``width``.

    Examples
    --------
    >>> from anomalyalgebra.paper.record import PaperRecord
    >>> x = sp.Symbol("x")
    >>> long = sum(x**k for k in range(30))
    >>> text = full_expressions({"k": PaperRecord("k", long, long, "a long sum", True, inputs="derived")})
    >>> "x**29" in text and "…" not in text
    True
    """
    indent = " " * 12
    out = []
    for key, rec in records.items():
        parts = [("paper", _full(rec.paper)), ("derived", _full(rec.derived)), ("note", rec.note or "")]
        if all(_short(getattr(rec, n)) == t for n, t in parts[:2]) and not rec.note:
            continue
        out.append(f"{key}:")
        for name, text in parts:
            if text:
                out.append(textwrap.fill(" ".join(text.split()), width, initial_indent=f"  {name:9s} ",
                                         subsequent_indent=indent, break_on_hyphens=False))
    return "\n".join(out)


def _equation_rows(records):
    rows = []
    for key, rec in records.items():
        value = rec.derived
        if isinstance(value, sp.Basic) and not value.is_number:
            rows.append((key, value))
        elif isinstance(value, sp.MatrixBase):
            rows.append((key, value))
    return rows


def _equations_tex(records) -> str:
    m = load_model("anomalon_nplet")
    from ..tables import latex_symbol_names

    names = latex_symbol_names(m)
    parts = []
    for key, value in _equation_rows(records):
        label = latex_escape(key)
        parts.append(rf"\noindent\texttt{{{label}}}" "\n" r"\begin{equation*}" "\n  "
                     + sp.latex(value, symbol_names=names) + "\n" r"\end{equation*}")
    return "\n\n".join(parts)


def code_version() -> str:
    """A hash of everything a result can depend on: the bytes of every source and data
    file of the package, and the versions of Python, sympy and mpmath.

    Examples
    --------
    >>> len(code_version())
    64
    """
    import hashlib
    import platform

    import mpmath

    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    h.update(f"{platform.python_version()} sympy {sp.__version__} mpmath {mpmath.__version__}".encode())
    for f in sorted(root.rglob("*")):
        if f.is_file() and f.suffix in (".py", ".toml", ".json") and "__pycache__" not in f.parts:
            h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def default_cache_dir():
    """Where ``anomalyalgebra reproduce`` keeps its records between runs, or ``None``.

    ``$ANOMALYALGEBRA_CACHE`` names the directory; ``off``, ``0`` or an empty value
    switch the cache off.  Default: ``$XDG_CACHE_HOME/anomalyalgebra`` (else
    ``~/.cache/anomalyalgebra``).
    """
    import os

    env = os.environ.get("ANOMALYALGEBRA_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "no", "false") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "anomalyalgebra"


def _record_classes():
    from .record import PaperRecord

    return (PaperRecord,)


def _figure_classes():
    from .figure import Fig1Data, Fig1Panel

    return (Fig1Data, Fig1Panel)


def _note(notes, progress) -> None:
    for line in notes:
        print(f"note: {line}", file=progress if progress is not None else sys.stderr, flush=True)


def _record(key, cache, progress=None):
    """The record of ``key``: from ``cache`` (a directory keyed by :func:`code_version`)
    when it holds one, computed (and stored there) otherwise.

    The cache holds typed JSON (:mod:`anomalyalgebra.export.datacache`), never
    pickles: a corrupt or foreign file is ignored with a note and the record computed.
    """
    from ..export import datacache

    if cache is None:
        return paper.results([key])[key]
    path = Path(cache) / f"{key}.json"
    notes = []
    record = datacache.load(path, "record", _record_classes(), notes=notes)
    _note(notes, progress)
    if record is not None and getattr(record, "key", None) == key:
        return record
    if record is not None:
        _note([f"cache file {path} ignored: it holds the record {record.key!r}"], progress)
    record = paper.results([key])[key]
    datacache.store(path, "record", record, _record_classes())
    return record


def _all_cached(cache, keys, figures) -> bool:
    names = [f"{key}.json" for key in keys]
    if figures:
        names += [f"{stem}.json" for stem, _ in _FIGURES]
    return all((Path(cache) / name).is_file() for name in names)


def _compute_keys(keys, cache=None) -> list:
    """Worker task: ``[(key, record, seconds), ...]`` for ``keys`` (in this process)."""
    out = []
    for key in keys:
        t = time.perf_counter()
        out.append((key, _record(key, cache), time.perf_counter() - t))
    return out


#: the figures of ``reproduce``: file stem and options of :func:`anomalyalgebra.paper.pheno.fig1`
_FIGURES = (("fig1", None),)
_FORMATS = ("png", "pdf")


def _figure_data(form, stem=None, cache=None, progress=None):
    """The numbers of one figure (:func:`anomalyalgebra.paper.pheno.fig1_data`), or the
    message saying why it is skipped (matplotlib missing: checked before any work).

    With a ``cache``, the numbers are read from ``<stem>.json`` there when it holds
    them (typed JSON, :mod:`anomalyalgebra.export.datacache`), else computed and
    stored; the figure is always drawn from them, never copied from the cache.
    """
    from ..export import datacache
    from ..paper.pheno import fig1_data
    from .figure import matplotlib_available

    if not matplotlib_available():      # checked without importing it: the drawing may run elsewhere
        return None, "Fig. 1 skipped: it needs matplotlib: pip install anomalyalgebra[plot]"
    path = Path(cache) / f"{stem}.json" if cache is not None and stem else None
    if path is not None:
        notes = []
        data = datacache.load(path, "figure", _figure_classes(), notes=notes)
        _note(notes, progress)
        if data is not None:
            return data, None
    data = fig1_data(**(form or {}))
    if path is not None:
        datacache.store(path, "figure", data, _figure_classes())
    return data, None


def _render_figure(out, stem, data) -> list:
    """Worker task: draw figure data into ``out/stem.png`` and ``.pdf``; the paths."""
    from .figure import draw_fig1

    _, files = draw_fig1(data, Path(out) / stem, formats=_FORMATS)
    return [Path(f) for f in files]


def _prepare_figure(out, stem, form, cache, progress=None) -> tuple:
    """``(files, message, data)``: the figure skipped (message), or its numbers (from
    ``cache`` or computed), still to be drawn (data); ``files`` is empty."""
    data, message = _figure_data(form, stem, cache, progress)
    return [], message, data


def _draw_figure(out, stem, form, cache=None, progress=None) -> tuple:
    """One figure, here: its numbers from ``cache`` when it holds them, else computed
    (and stored there), then drawn; ``(files, message)``."""
    files, message, data = _prepare_figure(out, stem, form, cache, progress)
    if data is not None:
        files = _render_figure(out, stem, data)
    return files, message


def _key_groups(keys) -> list:
    """Keys grouped by the paper module that computes them (they share its caches), in
    the order of the keys' first appearance."""
    groups: dict = {}
    for key in keys:
        groups.setdefault(getattr(paper.RECORDS[key], "__module__", ""), []).append(key)
    return list(groups.values())


def _write_tables(report, out) -> list:
    """The field tables of the built-in models (they need no record): LaTeX strings."""
    (out / "tables").mkdir(parents=True, exist_ok=True)
    tables = []
    for name in builtin_models():
        model = load_model(name)
        tex = field_table_latex(model, caption=paper.TABLE_CAPTIONS.get(name))
        (out / "tables" / f"{name}.tex").write_text(tex + "\n", encoding="utf-8")
        report.files.append(out / "tables" / f"{name}.tex")
        tables.append(tex)
    return tables


def _write_records(report, records, out, tables, pdf) -> None:
    """results.json, equations.tex and report.tex (compiled when ``pdf``) into ``out``."""
    payload = {
        key: {"derived": jsonable(r.derived), "paper": jsonable(r.paper), "rel_diff": r.rel_diff,
              "agrees": bool(r.agrees), "inputs": r.inputs, "where": r.where, "note": r.note}
        for key, r in records.items()
    }
    (out / "results.json").write_text(json.dumps(payload, indent=2), encoding="utf-8")
    report.files.insert(0, out / "results.json")
    eqs = _equations_tex(records)
    (out / "equations.tex").write_text(eqs + "\n", encoding="utf-8")
    report.files.append(out / "equations.tex")
    tex = document([r"\section*{Field content}", *tables, r"\clearpage",
                    r"\section*{Derived expressions}", eqs],
                   title="The seed paper, derived by anomalyalgebra")
    (out / "report.tex").write_text(tex, encoding="utf-8")
    report.files.append(out / "report.tex")
    if pdf:
        report.files.append(compile_latex(tex, out, name="report"))


def _figure_files(report, drawn, progress) -> None:
    for files, message in drawn:
        report.files.extend(files)
        if message:
            print(message, file=progress)
            break


def _split_for_pool(groups, figure: bool) -> tuple:
    """``(own, others)``: the key group this process computes itself and the groups
    handed to the worker processes.  With Fig. 1 to draw, this process takes the
    group of the figure's module (the figure then reuses that group's caches);
    otherwise the first group."""
    from ..paper.pheno import fig1

    home = fig1.__module__ if figure else None
    for i, group in enumerate(groups):
        if home is None or getattr(paper.RECORDS[group[0]], "__module__", "") == home:
            return group, groups[:i] + groups[i + 1:]
    return [], list(groups)


def _run_shared(groups, cache, out, draw, jobs, report, progress, total) -> tuple:
    """Compute ``groups`` (and draw the figures) with this process and ``jobs - 1``
    worker processes, sharing one list of tasks.

    This process first computes one group (the figure's, see :func:`_split_for_pool`)
    and the figures' numbers, which put their drawing at the front of the list; then
    it takes tasks from the front like the workers do, so that whoever is free takes
    the next one.  One thread per worker hands it one task at a time (no task is
    queued in a worker that another process could start sooner).  The records are the
    same as in a serial run: each is computed by the same code, only elsewhere.
    """
    import threading
    from concurrent.futures import ProcessPoolExecutor

    own, others = _split_for_pool(groups, draw)
    tasks = [("keys", group) for group in others]
    cond = threading.Condition()
    state = {"pending": len(_FIGURES) if draw else 0, "stop": False}
    done, tables, drawn, failures = {}, [], [], []

    def take():
        with cond:
            while not tasks and state["pending"] and not state["stop"]:
                cond.wait()
            return tasks.pop(0) if tasks and not state["stop"] else None

    def put_first(task) -> None:
        with cond:
            if task is not None:
                tasks.insert(0, task)
            state["pending"] -= 1
            cond.notify_all()

    def collect(results) -> None:
        with cond:
            for key, record, seconds in results:
                done[key] = record
                print(f"[{len(done):2d}/{total}] {key} ... {seconds:.1f} s", file=progress, flush=True)

    def finish_figure(files) -> None:
        with cond:
            drawn.append((files, None))

    def run(task, pool=None) -> None:
        kind, arg = task
        if kind == "keys":
            collect(pool.submit(_compute_keys, arg, cache).result() if pool else _compute_keys(arg, cache))
        else:
            stem, data = arg
            finish_figure(pool.submit(_render_figure, out, stem, data).result() if pool
                          else _render_figure(out, stem, data))

    def feed(pool) -> None:
        try:
            while (task := take()) is not None:
                run(task, pool)
        except BaseException as exc:          # re-raised by this process below
            with cond:
                failures.append(exc)
                state["stop"] = True
                cond.notify_all()

    pool = ProcessPoolExecutor(max_workers=jobs - 1) if others or draw else None
    if pool is not None:
        # modules every process imports on first use (numpy for the numeric records,
        # sympy.physics.units on the first simplify): once here, before the workers fork
        for name in ("numpy", "sympy.physics.units"):
            try:
                importlib.import_module(name)
            except ImportError:
                pass
        # start the workers now, from this thread alone (fork safety)
        for f in [pool.submit(int) for _ in range(jobs - 1)]:
            f.result()
    feeders = [threading.Thread(target=feed, args=(pool,), daemon=True) for _ in range(jobs - 1)] if pool else []
    for t in feeders:
        t.start()
    try:
        collect(_compute_keys(own, cache))
        for stem, form in (_FIGURES if draw else ()):
            files, message, data = _prepare_figure(out, stem, form, cache, progress)
            if data is None:
                drawn.append((files, message))
            put_first(None if data is None else ("figure", (stem, data)))
        if out is not None:
            tables = _write_tables(report, out)
        while (task := take()) is not None:
            run(task)
    finally:
        with cond:
            if failures or state["pending"]:       # an error here or there: stop everyone
                state["stop"] = True
            cond.notify_all()
        for t in feeders:
            t.join()
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if failures:
        raise failures[0]
    if drawn:
        _figure_files(report, drawn, progress)
    return done, tables


def reproduce(out=None, *, keys=None, figure: bool = True, pdf: bool = False,
              stream=None, progress=None, jobs: int = 1, cache=None) -> Report:
    """Derive the paper's results; optionally write the report directory ``out``.

    Parameters
    ----------
    out : path, optional
        Directory for the report files (created).  ``None``: compute and print only.
    keys : list of str, optional
        Subset of :func:`anomalyalgebra.paper.keys`.
    figure : bool
        Draw Fig. 1 (needs matplotlib; skipped with a message if it is missing).
    pdf : bool
        Compile ``report.tex`` with a TeX engine; :class:`MissingDependencyError`
        (before any work) if none is installed.
    stream, progress : file-like
        Where the summary (default stdout) and the progress lines (default stderr) go.
    jobs : int
        Processes to use.  With ``jobs > 1`` the results are computed by a process pool,
        one task per paper module (keys of a module share its caches) and one per figure
        drawing, shared by this process and ``jobs - 1`` workers (:func:`_run_shared`);
        the records, files and summary are the same as with ``jobs=1`` (each record is
        computed by the same code, only elsewhere).
    cache : path, optional
        Directory keeping the records between runs (e.g. :func:`default_cache_dir`),
        in a subdirectory named by :func:`code_version`: any change to the package's
        code or data, or to the Python/sympy/mpmath versions, starts a new one.
        ``None`` (default): compute everything.
    """
    stream = sys.stdout if stream is None else stream
    progress = sys.stderr if progress is None else progress
    if pdf and out is not None and find_tex_engine() is None:   # say so before the work
        raise MissingDependencyError(
            "pdf=True needs a TeX engine (pdflatex, xelatex, lualatex or tectonic) on PATH and"
            " none was found; nothing was computed or written. Install one, or run with"
            " pdf=False: the report directory (report.tex included, uncompiled) is written then")
    keys = paper.keys() if keys is None else list(keys)
    start = time.perf_counter()
    unknown = [k for k in keys if k not in paper.RECORDS]
    if unknown:
        raise KeyError(f"unknown paper result(s) {unknown}; known: {paper.keys()}")
    if cache is not None:
        cache = Path(cache) / code_version()
    records = {}
    report = Report(records)
    draw = figure and out is not None
    if out is not None:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
    if cache is not None and _all_cached(cache, keys, draw):
        jobs = 1                         # nothing to compute: a pool would only cost
    groups = _key_groups(keys)
    if jobs > 1 and len(groups) + draw > 1:
        done, tables = _run_shared(groups, cache, out, draw, int(jobs), report, progress, len(keys))
    else:
        done, tables = {}, []
        for i, key in enumerate(keys, 1):
            t = time.perf_counter()
            print(f"[{i:2d}/{len(keys)}] {key} ...", end="", file=progress, flush=True)
            done[key] = _record(key, cache, progress)
            print(f" {time.perf_counter() - t:.1f} s", file=progress, flush=True)
        if out is not None:
            tables = _write_tables(report, out)
            if draw:
                print("Fig. 1 ...", file=progress, flush=True)
                _figure_files(report, [_draw_figure(out, stem, form, cache, progress)
                                       for stem, form in _FIGURES], progress)
    records.update((key, done[key]) for key in keys)
    if out is not None:
        _write_records(report, records, out, tables, pdf)
    report.seconds = time.perf_counter() - start
    print(summary_table(records), file=stream)
    print("\nIn full (paper, derived and the note of every result):", file=stream)
    print(full_expressions(records), file=stream)
    print(f"\n{report.n_agree}/{len(records)} results agree with the paper as printed;"
          " each NO is explained in its note (results.json) and in docs/errata*."
          f" ({report.seconds:.1f} s)", file=stream)
    if out is not None:
        print(f"report written to {out}/ ({len(report.files)} files)", file=stream)
    return report
