"""Fig. 1 of the seed paper: Δχ² regions of B → K(*)X and Z → γX.

matplotlib is optional (extra ``plot``); it is imported inside :func:`plot_fig1`
and a missing install raises :class:`~anomalyalgebra.exceptions.MissingDependencyError`
naming ``pip install anomalyalgebra[plot]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sympy as sp

from ..exceptions import MissingDependencyError
from ..pheno.fit import best_fit_along, chi2_charges_function, chi2_function, delta_chi2_threshold
from ._common import paper_parameters

__all__ = ["plot_fig1", "fig1_grid", "fig1_data", "draw_fig1", "Fig1Data", "Fig1Panel", "require_matplotlib",
           "matplotlib_available"]

_COLOURS = ("#4daf4a", "#ffd92f", "#fc8d62")  # 1σ green, 2σ yellow, 3σ orange
_LINE_COLOURS = ("red", "blue", "purple", "black", "brown")


def matplotlib_available() -> bool:
    """Whether matplotlib is installed (found without importing it)."""
    import importlib.util

    return importlib.util.find_spec("matplotlib") is not None


def require_matplotlib():
    """matplotlib, or :class:`MissingDependencyError` naming the ``plot`` extra."""
    try:
        import matplotlib

        import matplotlib.figure  # noqa: F401  (draw_fig1 draws on a bare Figure: no pyplot state)
    except ImportError as exc:
        raise MissingDependencyError(
            "plot_fig1 needs matplotlib: pip install anomalyalgebra[plot]"
        ) from exc
    return matplotlib


def fig1_grid(panel="traces", n=301, m_X=None, params=None, *, model=None, xlim=None, ylim=None,
              **options):
    """Δχ² on a grid for one panel of Fig. 1.

    Parameters
    ----------
    panel : {"traces", "charges"}
        ``"traces"``: (A_XWW g_X, A_XYY g_X); ``"charges"``: the plane of the two charges
        of ``model`` times ``g_X`` (:func:`~anomalyalgebra.pheno.fit.chi2_charges_function`).
    n : int
        Points per axis.
    model : Model, optional
        Needed for ``panel="charges"``.
    options
        Passed to :func:`~anomalyalgebra.pheno.fit.chi2_expression`.

    Returns
    -------
    (x, y, dchi2) : numpy arrays
        ``dchi2 = χ² - min`` with the minimum taken over the grid.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> x, y, d = fig1_grid("charges", n=5, model=aa.load_model("sm_x_tau"))
    >>> d.shape, float(d.min()) >= 0
    ((5, 5), True)
    """
    P = paper_parameters() if params is None else params
    if panel == "traces":
        f = chi2_function(m_X, P, **options)
    elif panel == "charges":
        if model is None:
            raise ValueError("panel='charges' needs the model whose two charges span the plane")
        f = chi2_charges_function(model, None, m_X, P, **options)
    else:
        raise ValueError(f"panel must be 'traces' or 'charges', got {panel!r}")
    return _grid(f, panel, n, xlim, ylim)


def _grid(f, panel, n, xlim=None, ylim=None):
    """``(X, Y, Δχ²)`` of the χ² function ``f`` on the default window of ``panel``."""
    from ..pheno.numeric import require_numpy

    np = require_numpy()
    xlim = xlim or ((-0.04, 0.04) if panel == "traces" else (-0.03, 0.03))
    ylim = ylim or ((-0.04, 0.04) if panel == "traces" else (-0.015, 0.015))
    x = np.linspace(*xlim, n)
    y = np.linspace(*ylim, n)
    X, Y = np.meshgrid(x, y)
    chi2 = np.asarray(f(X, Y), dtype=float) * np.ones_like(X)
    return X, Y, chi2 - float(chi2.min())


def _charges_direction(traces_of_charges, symbols, direction):
    """The charges (x, y) whose traces are ``direction`` (the map is linear and invertible)."""
    x, y = symbols
    sol = sp.solve([traces_of_charges[0] - direction[0], traces_of_charges[1] - direction[1]], [x, y],
                   dict=True)
    if len(sol) != 1:
        raise ValueError(f"the traces {traces_of_charges} do not fix the charges for {direction}")
    return float(sol[0][x]), float(sol[0][y])


@dataclass(frozen=True)
class Fig1Panel:
    """One panel of Fig. 1: the Δχ² grid, axis labels and the model lines.

    ``lines`` holds ``(label, colour, direction, best-fit factor)`` with the direction
    ``(dx, dy)`` in this panel's plane (a line through the origin; ``dx = 0`` is the
    vertical axis) and the best fit at ``factor * (dx, dy)``.
    """

    kind: str
    X: Any
    Y: Any
    dchi2: Any
    xlabel: str
    ylabel: str
    lines: tuple


@dataclass(frozen=True)
class Fig1Data:
    """Everything Fig. 1 shows, as numbers and strings (no matplotlib): what
    :func:`fig1_data` computes and :func:`draw_fig1` draws.  It pickles, so the two
    can run in different processes."""

    panels: tuple
    levels: tuple
    title: str


def fig1_data(*, model=None, lines=None, m_X=None, params=None, n=301, **options) -> Fig1Data:
    """The grids, model lines and best fits of Fig. 1 (the numbers of :func:`plot_fig1`).

    Parameters are those of :func:`plot_fig1`.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> d = fig1_data(n=5, lines={"L-only": (-1, -1)})
    >>> [p.kind for p in d.panels], d.panels[0].dchi2.shape, d.panels[0].lines[0][:3]
    (['traces'], (5, 5), ('L-only', 'red', (-1.0, -1.0)))
    """
    P = paper_parameters() if params is None else params
    levels = tuple([0.0] + [float(delta_chi2_threshold(k)) for k in (1, 2, 3)])
    kinds = ("traces", "charges") if model is not None else ("traces",)
    lines = dict(lines or {})
    fits = {name: best_fit_along(*d, m_X, P, **options) for name, d in lines.items()}
    functions = {"traces": chi2_function(m_X, P, **options)}
    if model is not None:
        f_ch = functions["charges"] = chi2_charges_function(model, None, m_X, P, **options)
        syms = tuple(model.symbols)
    panels = []
    for kind in kinds:
        X, Y, D = _grid(functions[kind], kind, n)
        drawn = []
        for k, (name, d) in enumerate(lines.items()):
            direction = (float(d[0]), float(d[1])) if kind == "traces" else \
                _charges_direction(f_ch.traces, syms, d)
            drawn.append((name, _LINE_COLOURS[k % len(_LINE_COLOURS)], direction, float(fits[name][0])))
        if kind == "traces":
            labels = (r"$\mathcal{A}_{XWW}\, g_X$", r"$\mathcal{A}_{XYY}\, g_X$")
        else:
            labels = tuple("$" + sp.latex(s) + r"\, g_X$" for s in syms[:2])
        panels.append(Fig1Panel(kind, X, Y, D, labels[0], labels[1], tuple(drawn)))
    mx = float(P.value("m_X") if m_X is None else m_X)
    title = (rf"$B\to K^{{(*)}}X$ and $Z\to\gamma X$, $m_X = {mx:g}$ GeV "
             r"(1$\sigma$, 2$\sigma$, 3$\sigma$: green, yellow, orange); derived $\Gamma(Z\to\gamma X)$")
    return Fig1Data(tuple(panels), levels, title)


def draw_fig1(data: Fig1Data, path=None, *, formats=("png", "pdf")):
    """Draw :class:`Fig1Data` with matplotlib; write ``path`` + each format.

    Returns ``(figure, list of written paths)``; :class:`MissingDependencyError`
    without matplotlib.  The layout is fixed (no text measurement), so drawing costs
    only the rendering of the two formats.
    """
    require_matplotlib()
    from matplotlib.figure import Figure

    k = len(data.panels)
    fig = Figure(figsize=(5 * k, 4.4))
    axes = fig.subplots(1, k, squeeze=False)[0]
    fig.subplots_adjust(left=0.09 if k > 1 else 0.17, right=0.98, bottom=0.12, top=0.9, wspace=0.25)
    for ax, panel in zip(axes, data.panels):
        X, Y, D = panel.X, panel.Y, panel.dchi2
        ax.contourf(X, Y, D, levels=list(data.levels), colors=_COLOURS)
        ax.contour(X, Y, D, levels=list(data.levels[1:]), colors="k", linewidths=0.5)
        ax.axhline(0, color="0.6", lw=0.5)
        ax.axvline(0, color="0.6", lw=0.5)
        xs = X[0]
        for name, colour, (dx, dy), g in panel.lines:
            if dx:
                ax.plot(xs, dy * (xs / dx), color=colour, lw=1.2, label=name)
            else:
                ax.axvline(0, color=colour, lw=1.2, label=name)
            ax.plot([dx * g], [dy * g], "o", color=colour, ms=5)
        ax.set_ylim(Y.min(), Y.max())
        if panel.lines:
            ax.legend(loc="upper left", fontsize=8)
        ax.set_xlabel(panel.xlabel)
        ax.set_ylabel(panel.ylabel)
    fig.suptitle(data.title, fontsize=10)
    written = []
    if path is not None:
        stem = Path(path)
        if stem.suffix.lstrip(".") in formats:
            stem = stem.with_suffix("")
        for ext in formats:
            out = stem.with_suffix("." + ext)
            fig.savefig(out, dpi=150)
            written.append(str(out))
    return fig, written


def plot_fig1(path=None, *, model=None, lines=None, m_X=None, params=None, n=301,
              formats=("png", "pdf"), **options):
    """Draw Fig. 1 (both panels) and write it as PNG/PDF.

    Left: Δχ² in the plane (A_XWW g_X, A_XYY g_X); right (when ``model`` is given): in
    the plane of the model's two charges times ``g_X``, with one line per entry of
    ``lines`` and its best-fit point (:func:`~anomalyalgebra.pheno.fit.best_fit_along`).  Bands: Δχ² < 2.30, 6.18, 11.83 (1σ, 2σ, 3σ for 2 dof) in green,
    yellow, orange.  Assumptions as in :mod:`anomalyalgebra.pheno.fit`.  The numbers
    come from :func:`fig1_data` and the drawing from :func:`draw_fig1`.

    Parameters
    ----------
    path : str or Path, optional
        File stem; ``"fig1"`` writes ``fig1.png`` and ``fig1.pdf``.  ``None``: no file.
    model : Model, optional
        An EFT with two charge symbols (e.g. ``sm_x_tau``) for the right panel.
    lines : dict, optional
        ``{label: (A_XWW, A_XYY)}``: directions in the trace plane (e.g. the light
        traces of UV models, :func:`~anomalyalgebra.pheno.fit.light_traces`), drawn in
        both panels with their best-fit points.
    m_X : number, optional
        Fixed X mass (default: parameter ``m_X``).
    n : int
        Grid points per axis.
    formats : tuple of str
        Extensions to write.
    options
        Passed to :func:`~anomalyalgebra.pheno.fit.chi2_expression`
        (``include_gP``, ``limit_dof``, ``gS_scale``).

    Returns
    -------
    (figure, list of written paths)

    Raises
    ------
    MissingDependencyError
        Without matplotlib (``pip install anomalyalgebra[plot]``), before any work.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> fig, files = plot_fig1(os.path.join(d, "fig1"), n=41)   # doctest: +SKIP
    >>> sorted(os.path.basename(f) for f in files)              # doctest: +SKIP
    ['fig1.pdf', 'fig1.png']
    """
    require_matplotlib()
    data = fig1_data(model=model, lines=lines, m_X=m_X, params=params, n=n, **options)
    return draw_fig1(data, path, formats=formats)
