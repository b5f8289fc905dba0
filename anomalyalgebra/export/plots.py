"""Pictures of operator counting: counts per dimension, and where accidental symmetries break.

* :func:`operator_count_classes` -- the counts of a graded Hilbert series split by the
  set of accidental symmetries each operator class violates (no drawing, no matplotlib);
* :func:`plot_operator_counts` -- those counts per dimension on a log scale;
* :func:`plot_breaking` -- the ladder of the dimensions at which each accidental
  symmetry first breaks (a :class:`~anomalyalgebra.operators.SymmetryBreakingReport`).

matplotlib is optional (extra ``plot``); it is imported when a picture is drawn and
its absence raises :class:`~anomalyalgebra.exceptions.MissingDependencyError` naming
``pip install anomalyalgebra[plot]``.  The figures are drawn on a bare
``matplotlib.figure.Figure`` (no pyplot state) and saved in the format of the
file's suffix.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..exceptions import MissingDependencyError, UsageError
from ..operators.violation import violates

__all__ = ["operator_count_classes", "plot_operator_counts", "plot_breaking", "PLOT_SUFFIXES"]

#: File suffixes a picture can be saved as.
PLOT_SUFFIXES = (".png", ".pdf", ".svg")
#: Classes drawn separately in :func:`plot_operator_counts`; the rest are summed in one line.
MAX_CLASSES = 7


def _figure(what: str, path):
    suffix = Path(path).suffix.lower()
    if suffix not in PLOT_SUFFIXES:
        raise UsageError(f"{what}: cannot tell the picture format of '{path}'; use a file ending in"
                         f" {', '.join(PLOT_SUFFIXES)}")
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise MissingDependencyError(f"{what} needs matplotlib: pip install anomalyalgebra[plot]") from None
    return Figure


def operator_count_classes(series, symmetries) -> dict:
    """``{violated symmetry names: {dimension: count}}`` of a graded Hilbert series.

    Parameters
    ----------
    series : HilbertSeries
        Graded by ``symmetries`` first (in this order), e.g. computed with
        ``gradings=symmetry_gradings(accidental)``.
    symmetries : sequence
        Objects with ``name``, ``kind`` (``"U(1)"`` or ``"Z"``) and ``order``, the
        accidental U(1)s then Z_ns (``accidental.u1 + accidental.discrete``).

    Returns
    -------
    dict
        Keys are tuples of the names of the symmetries an operator class violates
        (``()``: it respects all of them); every dimension of the series is present
        in each class (zero if none).

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> from anomalyalgebra.operators import accidental_symmetries, hilbert_series
    >>> from anomalyalgebra.operators.violation import symmetry_gradings
    >>> sm = aa.load_model("sm")
    >>> acc = accidental_symmetries(sm)
    >>> hs = hilbert_series(sm, 5, gradings=symmetry_gradings(acc))
    >>> classes = operator_count_classes(hs, acc.u1 + acc.discrete)
    >>> sum(c[5] for c in classes.values()) == hs.counts[5], classes.get((), {}).get(5, 0)
    (True, 0)
    """
    symmetries = tuple(symmetries)
    dims = list(series.counts)
    out: dict = defaultdict(lambda: dict.fromkeys(dims, 0))
    for (d, grade), n in series.graded:
        broken = tuple(s.name for s, q in zip(symmetries, grade) if violates(q, s.kind, s.order))
        out[broken][d] += n
    return dict(out)


def _class_label(broken) -> str:
    return "respects all" if not broken else "violates " + ", ".join(broken)


def plot_operator_counts(series, symmetries, path, *, title: str | None = None) -> Path:
    """Draw the operator counts per dimension on a log scale, split by the symmetries violated.

    One line for all operators and one per class of :func:`operator_count_classes`
    (the :data:`MAX_CLASSES` largest; the others summed as "other combinations").

    Parameters
    ----------
    series : HilbertSeries
        Graded by ``symmetries`` first.
    symmetries : sequence
        As for :func:`operator_count_classes`.
    path : str or Path
        Output file (``.png``, ``.pdf`` or ``.svg``).
    title : str, optional

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    MissingDependencyError
        Without matplotlib.
    UsageError
        For a suffix that is not a picture format.
    """
    Figure = _figure("--count --plot", path)
    classes = operator_count_classes(series, symmetries)
    dims = list(series.counts)
    order = sorted(classes, key=lambda k: (-sum(classes[k].values()), k))
    shown, rest = order[:MAX_CLASSES], order[MAX_CLASSES:]
    fig = Figure(figsize=(8, 6.4), dpi=120)
    ax = fig.add_subplot(1, 1, 1)
    nan = float("nan")   # a zero count is no point on a log scale, and the line breaks there

    def draw(ys, **style):
        ax.plot(dims, [y if y > 0 else nan for y in ys], **style)

    draw([series.counts[d] for d in dims], marker="o", color="black", lw=2.2, label="all operators")
    markers = "s^vD<>ph"
    for i, key in enumerate(shown):
        draw([classes[key][d] for d in dims], marker=markers[i % len(markers)], ls="--", lw=1.2,
             label=_class_label(key))
    if rest:
        draw([sum(classes[k][d] for k in rest) for d in dims], marker="x", ls=":", color="grey",
             label=f"other combinations ({len(rest)})")
    ax.set_yscale("log")
    ax.set_xticks(dims)
    ax.set_xlabel("mass dimension d")
    ax.set_ylabel("independent real operators")
    ax.grid(True, which="major", alpha=0.3)
    ax.set_title(title or f"Operators of {series.model_name} by dimension"
                          " (Hilbert series; EOM and IBP removed)", fontsize=10)
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=2, frameon=False)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    return path


def plot_breaking(report, path, *, title: str | None = None) -> Path:
    """Draw the ladder of where each accidental symmetry first breaks.

    One row per symmetry of the report: a bar from the renormalisable level (d = 4) up
    to the dimension of the first violating operators, labelled with their number and
    field content; a symmetry unbroken up to ``report.max_dim`` gets an arrow.

    Parameters
    ----------
    report : SymmetryBreakingReport
    path : str or Path
        Output file (``.png``, ``.pdf`` or ``.svg``).
    title : str, optional

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    MissingDependencyError
        Without matplotlib.
    UsageError
        For a suffix that is not a picture format.
    """
    Figure = _figure("--breaking --plot", path)
    rows = list(report.violations)
    fig = Figure(figsize=(10, 1.4 + 0.55 * max(1, len(rows))), dpi=120)
    ax = fig.add_subplot(1, 1, 1)
    top = report.max_dim
    for i, v in enumerate(rows):
        y = len(rows) - 1 - i
        end = v.dim if v.dim is not None else top
        ax.barh(y, end - 4, left=4, height=0.5, color="#9ecae1" if v.dim is not None else "#e0e0e0",
                edgecolor="#3182bd" if v.dim is not None else "grey")
        if v.dim is None:
            ax.annotate("", xy=(top + 0.45, y), xytext=(top, y),
                        arrowprops=dict(arrowstyle="->", color="grey"))
            text = f"unbroken up to d = {top}"
        else:
            ax.plot([v.dim], [y], "o", color="#de2d26", ms=8, zorder=3)
            first = v.contents[0][0] if v.contents else ""
            text = f"d = {v.dim}: {v.count} operator{'s' if v.count != 1 else ''}" + (
                f", e.g. {first}" if first else "")
        ax.text(end + 0.15 + (0.45 if v.dim is None else 0), y, text, va="center", ha="left",
                fontsize=8)
    labels = [v.symmetry if v.kind == "U(1)" else f"{v.symmetry} (mod {v.order})" for v in rows]
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels(list(reversed(labels)), fontsize=8)
    ax.set_xlim(4, top + 3.2)
    ax.set_xticks(range(4, top + 1))
    ax.set_xlabel("mass dimension of the first violating operators (4: renormalisable)")
    ax.grid(True, axis="x", alpha=0.3)
    ax.set_title(title or f"Where the accidental symmetries of {report.model_name} break", fontsize=10)
    fig.tight_layout()
    path = Path(path)
    fig.savefig(path)
    return path
