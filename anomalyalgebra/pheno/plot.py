"""Fig. 1 of the seed paper: Δχ² regions of B → K(*)X and Z → γX.

matplotlib is optional (extra ``plot``); it is imported inside :func:`plot_fig1`
and a missing install raises :class:`~anomalyalgebra.exceptions.MissingDependencyError`
naming ``pip install anomalyalgebra[plot]``.
"""

from __future__ import annotations

from pathlib import Path

import sympy as sp

from ..exceptions import MissingDependencyError
from .fit import MODEL_LINES, best_fit_on_line, chi2_function, delta_chi2_threshold
from .parameters import default_parameters

__all__ = ["plot_fig1", "fig1_grid"]

_COLOURS = ("#4daf4a", "#ffd92f", "#fc8d62")  # 1σ green, 2σ yellow, 3σ orange
_LINE_COLOURS = {"L-only": "red", "L=-4R": "blue"}


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


def fig1_grid(panel="charges", n=301, m_X=None, params=None, *, xlim=None, ylim=None, **options):
    """Δχ² on a grid for one panel of Fig. 1.

    Parameters
    ----------
    panel : {"traces", "charges"}
        ``"traces"``: (A_XWW g_X, A_XYY g_X); ``"charges"``: (α_L g_X, α_R g_X).
    n : int
        Points per axis.
    options
        Passed to :func:`~anomalyalgebra.pheno.fit.chi2_expression`.

    Returns
    -------
    (x, y, dchi2) : numpy arrays
        ``dchi2 = χ² - min`` with the minimum taken over the grid.

    Examples
    --------
    >>> x, y, d = fig1_grid("charges", n=5)
    >>> d.shape, float(d.min()) >= 0
    ((5, 5), True)
    """
    from .numeric import require_numpy

    np = require_numpy()
    P = default_parameters() if params is None else params
    f = chi2_function(m_X, P, **options)
    if panel == "traces":
        xlim = xlim or (-0.04, 0.04)
        ylim = ylim or (-0.04, 0.04)
    elif panel == "charges":
        xlim = xlim or (-0.03, 0.03)
        ylim = ylim or (-0.015, 0.015)
    else:
        raise ValueError(f"panel must be 'traces' or 'charges', got {panel!r}")
    x = np.linspace(*xlim, n)
    y = np.linspace(*ylim, n)
    X, Y = np.meshgrid(x, y)
    if panel == "traces":
        chi2 = f(X, Y)
    else:
        chi2 = f(-X, 2 * Y - X)
    chi2 = np.asarray(chi2, dtype=float)
    # global minimum of the plane: along the lines of fixed |a| the best point has the
    # smallest Z term; take the minimum of the grid and of the model best fits
    cmin = float(chi2.min())
    return X, Y, chi2 - cmin


def plot_fig1(path=None, *, m_X=None, params=None, n=301, formats=("png", "pdf"), **options):
    """Draw Fig. 1 (both panels) and write it as PNG/PDF.

    Left: Δχ² in the plane (A_XWW g_X, A_XYY g_X); right: in (α_L g_X, α_R g_X)
    with the L-only (red, α_R = 0) and L = -4R (blue, α_R = -α_L/4) lines and their
    best-fit points.  Bands: Δχ² < 2.30, 6.18, 11.83 (1σ, 2σ, 3σ for 2 dof) in green,
    yellow, orange.  Assumptions as in :mod:`anomalyalgebra.pheno.fit`.

    Parameters
    ----------
    path : str or Path, optional
        File stem; ``"fig1"`` writes ``fig1.png`` and ``fig1.pdf``.  ``None``: no file.
    m_X : number, optional
        Fixed X mass (default: parameter ``m_X``, 2.1 GeV).
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
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.4), constrained_layout=True)
    for ax, panel in zip(axes, ("traces", "charges")):
        X, Y, D = fig1_grid(panel, n, m_X, P, **options)
        ax.contourf(X, Y, D, levels=levels, colors=_COLOURS)
        ax.contour(X, Y, D, levels=levels[1:], colors="k", linewidths=0.5)
        ax.axhline(0, color="0.6", lw=0.5)
        ax.axvline(0, color="0.6", lw=0.5)
        if panel == "traces":
            ax.set_xlabel(r"$\mathcal{A}_{XWW}\, g_X$")
            ax.set_ylabel(r"$\mathcal{A}_{XYY}\, g_X$")
        else:
            ax.set_xlabel(r"$\alpha_L^\tau\, g_X$")
            ax.set_ylabel(r"$\alpha_R^\tau\, g_X$")
            xs = X[0]
            for name, line in MODEL_LINES.items():
                r = line["alpha_R_over_alpha_L"]
                ax.plot(xs, float(r) * xs, color=_LINE_COLOURS[name], lw=1.2, label=name)
                c, _ = best_fit_on_line(r, m_X, P, **options)
                ax.plot([float(c)], [float(r) * float(c)], "o", color=_LINE_COLOURS[name], ms=5)
            ax.set_ylim(Y.min(), Y.max())
            ax.legend(loc="upper left", fontsize=8)
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
