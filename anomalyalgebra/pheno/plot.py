"""Fig. 1 of the seed paper: Δχ² regions of B → K(*)X and Z → γX.

matplotlib is optional (extra ``plot``); it is imported inside :func:`plot_fig1`
and a missing install raises :class:`~anomalyalgebra.exceptions.MissingDependencyError`
naming ``pip install anomalyalgebra[plot]``.
"""

from __future__ import annotations

from pathlib import Path

import sympy as sp

from ..exceptions import MissingDependencyError
from .fit import best_fit_along, chi2_charges_function, chi2_function, delta_chi2_threshold
from .parameters import default_parameters

__all__ = ["plot_fig1", "fig1_grid"]

_COLOURS = ("#4daf4a", "#ffd92f", "#fc8d62")  # 1σ green, 2σ yellow, 3σ orange
_LINE_COLOURS = ("red", "blue", "purple", "black", "brown")


def _require_matplotlib():
    try:
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise MissingDependencyError(
            "plot_fig1 needs matplotlib: pip install anomalyalgebra[plot]"
        ) from exc
    return plt


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
    from .numeric import require_numpy

    np = require_numpy()
    P = default_parameters() if params is None else params
    if panel == "traces":
        f = chi2_function(m_X, P, **options)
        xlim = xlim or (-0.04, 0.04)
        ylim = ylim or (-0.04, 0.04)
    elif panel == "charges":
        if model is None:
            raise ValueError("panel='charges' needs the model whose two charges span the plane")
        f = chi2_charges_function(model, None, m_X, P, **options)
        xlim = xlim or (-0.03, 0.03)
        ylim = ylim or (-0.015, 0.015)
    else:
        raise ValueError(f"panel must be 'traces' or 'charges', got {panel!r}")
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


def plot_fig1(path=None, *, model=None, lines=None, m_X=None, params=None, n=301,
              formats=("png", "pdf"), **options):
    """Draw Fig. 1 (both panels) and write it as PNG/PDF.

    Left: Δχ² in the plane (A_XWW g_X, A_XYY g_X); right (when ``model`` is given): in
    the plane of the model's two charges times ``g_X``, with one line per entry of
    ``lines`` and its best-fit point (:func:`~anomalyalgebra.pheno.fit.best_fit_along`).  Bands: Δχ² < 2.30, 6.18, 11.83 (1σ, 2σ, 3σ for 2 dof) in green,
    yellow, orange.  Assumptions as in :mod:`anomalyalgebra.pheno.fit`.

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
        Without matplotlib (``pip install anomalyalgebra[plot]``).

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp()
    >>> fig, files = plot_fig1(os.path.join(d, "fig1"), n=41)   # doctest: +SKIP
    >>> sorted(os.path.basename(f) for f in files)              # doctest: +SKIP
    ['fig1.pdf', 'fig1.png']
    """
    plt = _require_matplotlib()
    P = default_parameters() if params is None else params
    levels = [0.0] + [float(delta_chi2_threshold(k)) for k in (1, 2, 3)]
    panels = ("traces", "charges") if model is not None else ("traces",)
    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 4.4), constrained_layout=True,
                             squeeze=False)
    lines = dict(lines or {})
    fits = {name: best_fit_along(*d, m_X, P, **options) for name, d in lines.items()}
    if model is not None:
        f_ch = chi2_charges_function(model, None, m_X, P, **options)
        syms = tuple(model.symbols)
    for ax, panel in zip(axes[0], panels):
        X, Y, D = fig1_grid(panel, n, m_X, P, model=model, **options)
        ax.contourf(X, Y, D, levels=levels, colors=_COLOURS)
        ax.contour(X, Y, D, levels=levels[1:], colors="k", linewidths=0.5)
        ax.axhline(0, color="0.6", lw=0.5)
        ax.axvline(0, color="0.6", lw=0.5)
        xs = X[0]
        for k, (name, d) in enumerate(lines.items()):
            colour = _LINE_COLOURS[k % len(_LINE_COLOURS)]
            g = float(fits[name][0])
            dx, dy = (float(d[0]), float(d[1])) if panel == "traces" else \
                _charges_direction(f_ch.traces, syms, d)
            t = xs / dx if dx else None
            if t is not None:
                ax.plot(xs, dy * t, color=colour, lw=1.2, label=name)
            else:
                ax.axvline(0, color=colour, lw=1.2, label=name)
            ax.plot([dx * g], [dy * g], "o", color=colour, ms=5)
        ax.set_ylim(Y.min(), Y.max())
        if lines:
            ax.legend(loc="upper left", fontsize=8)
        if panel == "traces":
            ax.set_xlabel(r"$\mathcal{A}_{XWW}\, g_X$")
            ax.set_ylabel(r"$\mathcal{A}_{XYY}\, g_X$")
        else:
            ax.set_xlabel("$" + sp.latex(syms[0]) + r"\, g_X$")
            ax.set_ylabel("$" + sp.latex(syms[1]) + r"\, g_X$")
    mx = float(P.value("m_X") if m_X is None else m_X)
    zform = r"derived $\Gamma(Z\to\gamma X)$"
    fig.suptitle(rf"$B\to K^{{(*)}}X$ and $Z\to\gamma X$, $m_X = {mx:g}$ GeV "
                 r"(1$\sigma$, 2$\sigma$, 3$\sigma$: green, yellow, orange); " + zform, fontsize=10)
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
