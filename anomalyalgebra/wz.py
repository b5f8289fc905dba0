r"""Wess–Zumino terms of a light gauge boson coupled to an anomalous current (Sect. II of the seed paper).

:func:`wz_coefficients` gives ``C_WW`` and ``C_BB`` of Eq. (8) of the seed paper,

.. math::  C_{WW} = -\mathcal{A}^{\rm SM}_{XWW}, \qquad C_{BB} = -\mathcal{A}^{\rm SM}_{XYY},

from the traces (Eq. 4) of the *light* fields only; the user says which fields are
light (or heavy).  When the full model is anomaly free in these channels the
heavy fields' traces equal the coefficients, ``C = +A^heavy`` — checked and
reported.  :func:`wz_lagrangian` builds Eq. (6) as a sympy expression (Levi-Civita
symbol, indexed fields, an unevaluated :class:`partial`) that prints as LaTeX.  The
Goldstone operators of Eqs. (11) and (18) are derived, for any model and vacuum, by
:mod:`anomalyalgebra.eft` (``AnomalyCouplings.lagrangian`` and
``BrokenCouplings.lagrangian``).

Erratum (see ``docs/solving.rst``): Eq. (6) prints ``g_X g'^2`` in front of the
``C_WW`` term and Eq. (11) ``g_X g'^2`` in front of the ``W W̃`` operator.  With
``D = ∂ + i g T^a W^a`` every ``W`` comes with ``g``: the term must cancel the
anomalous variation of the current under SU(2)_L, which is ``∝ g^2`` (the
analogue of Eq. 5 for ``W``), so the prefactor is ``g_X g^2``, which is what
:func:`wz_lagrangian` builds.

Examples
--------
>>> import anomalyalgebra as aa
>>> c = wz_coefficients(aa.load_model("sm_x_tau"))
>>> c.C_WW, c.C_BB
(alpha_L, alpha_L - 2*alpha_R)
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .anomaly import anomaly_trace
from .exceptions import ModelError
from .model import Model

__all__ = ["WZCoefficients", "wz_coefficients", "split_fields", "wz_lagrangian", "partial", "WZ_SYMBOLS"]


class partial(sp.Function):
    r"""Unevaluated derivative ``∂_μ F`` (prints as ``\partial_{\mu} F``).

    Parameters
    ----------
    *args : (sympy.Symbol, sympy expression)
        ``(mu, f)``: the Lorentz index and the differentiated field (e.g. an
        ``Indexed`` such as ``B[nu]``).

    Examples
    --------
    >>> print(sp.latex(partial(sp.Symbol("mu"), sp.Symbol("f"))))
    \partial_{\mu} f
    """

    nargs = 2

    def _latex(self, printer):
        mu, f = self.args
        return r"\partial_{%s} %s" % (printer._print(mu), printer._print(f))

    def _sympystr(self, printer):
        mu, f = self.args
        return f"d_{printer._print(mu)}({printer._print(f)})"


def _symbols():
    idx = sp.symbols("alpha mu nu beta")
    return {
        "indices": idx,
        "a": sp.Symbol("a"),
        "g_X": sp.Symbol("g_X", positive=True),
        "g": sp.Symbol("g", positive=True),
        "g'": sp.Symbol("g'", positive=True),
        "m_X": sp.Symbol("m_X", positive=True),
        "xi": sp.Symbol("xi"),
        "X": sp.IndexedBase("X"),
        "B": sp.IndexedBase("B"),
        "W": sp.IndexedBase("W"),
        "Z": sp.IndexedBase("Z"),
        "A": sp.IndexedBase("A"),
    }


#: Symbols used by the Lagrangians (couplings ``g_X, g, g'``, ``m_X``, ``xi``, fields).
WZ_SYMBOLS = _symbols()


@dataclass(frozen=True)
class WZCoefficients:
    """``C_WW``, ``C_BB`` of Eq. (8) with the light and heavy traces they come from.

    Attributes
    ----------
    C_WW, C_BB : sympy.Expr
        ``-A^light_{XWW}``, ``-A^light_{XYY}``.
    A_WW_light, A_YY_light, A_WW_heavy, A_YY_heavy : sympy.Expr
        Traces (Eq. 4) of the light and of the heavy fields.
    light, heavy : tuple of str
        Field names in each set.
    matches_heavy : bool or None
        Whether ``C = A^heavy`` in both channels (guaranteed when the full model is
        anomaly free there); ``None`` when there are no heavy fields.
    """

    C_WW: object
    C_BB: object
    A_WW_light: object
    A_YY_light: object
    A_WW_heavy: object
    A_YY_heavy: object
    light: tuple
    heavy: tuple
    matches_heavy: object

    def _repr_latex_(self) -> str:
        """``C_WW`` and ``C_BB`` (Eq. 8) for Jupyter."""
        return (r"$C_{WW} = " + sp.latex(self.C_WW) + r",\quad C_{BB} = " + sp.latex(self.C_BB)
                + "$")


def split_fields(model: Model, light=None, heavy=None, names=None) -> tuple:
    """``(light, heavy)`` field names from one of the two lists (the rest is the other).

    Parameters
    ----------
    model : Model
        The model whose fields are split.
    light, heavy : iterable of str, optional
        Give at most one; each name must be a field of ``model``.  Neither: all light.
    names : iterable of str, optional
        The fields to split (default: every field of the model).

    Returns
    -------
    tuple of (tuple of str, tuple of str)
        Light and heavy names; the complement keeps the order of ``names``.

    Raises
    ------
    ModelError
        If both ``light`` and ``heavy`` are given, or a name is not a field of the model.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> split_fields(aa.load_model("tau_l_only"), heavy=["LL", "LR"], names=["l3", "LL", "LR"])
    (('l3',), ('LL', 'LR'))
    """
    names = [f.name for f in model.fields] if names is None else list(names)
    if light is not None and heavy is not None:
        raise ModelError("give either light=... or heavy=..., not both")
    if light is not None:
        light = tuple(light)
        for n in light:
            model.field(n)
        return light, tuple(n for n in names if n not in light)
    heavy = tuple(heavy or ())
    for n in heavy:
        model.field(n)
    return tuple(n for n in names if n not in heavy), heavy


def wz_coefficients(model: Model, current: str = "X", *, light=None, heavy=None, weak: str = "SU2L",
                    hypercharge: str = "Y") -> WZCoefficients:
    """WZ coefficients of Eq. (8) of the seed paper for the U(1) ``current``.

    Parameters
    ----------
    model : Model
        The full model (light and heavy fields).
    current : str
        Label of the U(1) whose boson is light.
    light, heavy : iterable of str, optional
        Names of the light (SM-like) fields, or of the heavy ones (anomalons); give
        at most one.  Default: every field is light (an EFT such as ``sm_x_tau``).
    weak, hypercharge : str
        Labels of SU(2)_L and U(1)_Y.

    Returns
    -------
    WZCoefficients
        ``C_WW = -A^light_{XWW}``, ``C_BB = -A^light_{XYY}`` with the traces they come
        from and whether they equal the heavy fields' traces.

    Raises
    ------
    ModelError
        If a label is not a group of the model, both ``light`` and ``heavy`` are given,
        or a name is not a field of the model.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("tau_l_minus_4r")
    >>> c = wz_coefficients(m, heavy=["LL", "LR", "N1", "N2", "EL", "ER", "S1", "S5"])
    >>> c.C_WW, c.C_BB, c.matches_heavy
    (4, 6, True)
    """
    for label in (current, weak, hypercharge):
        model.group(label)
    light, heavy = split_fields(model, light, heavy)
    low = model.without(*heavy)
    high = model.without(*light)
    # The coefficients of Eq. (8) are written with right-minus-left traces ("eq4").
    a_ww_l = sp.expand(anomaly_trace(low, current, weak, weak, convention="eq4"))
    a_yy_l = sp.expand(anomaly_trace(low, current, hypercharge, hypercharge, convention="eq4"))
    a_ww_h = sp.expand(anomaly_trace(high, current, weak, weak, convention="eq4"))
    a_yy_h = sp.expand(anomaly_trace(high, current, hypercharge, hypercharge, convention="eq4"))
    c_ww, c_bb = -a_ww_l, -a_yy_l
    matches = None
    if heavy:
        matches = sp.simplify(c_ww - a_ww_h) == 0 and sp.simplify(c_bb - a_yy_h) == 0
    return WZCoefficients(c_ww, c_bb, a_ww_l, a_yy_l, a_ww_h, a_yy_h, light, heavy, matches)


def wz_lagrangian(coefficients: WZCoefficients):
    r"""The WZ Lagrangian of Eq. (6) of the seed paper (abelian parts).

    ``g_X g'^2 C_BB/(24π²) ε^{αμνβ} X_α B_μ ∂_β B_ν + g_X g^2 C_WW/(24π²) ε^{αμνβ} X_α W^a_μ ∂_β W^a_ν``
    (summation over repeated indices implied; ``g^2`` on the W term, see the module
    documentation).

    Parameters
    ----------
    coefficients : WZCoefficients
        The output of :func:`wz_coefficients`.

    Returns
    -------
    sympy.Expr
        The Lagrangian with ``LeviCivita``, ``IndexedBase`` fields and :class:`partial`
        (symbols from :data:`WZ_SYMBOLS`).

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> L = wz_lagrangian(wz_coefficients(aa.load_model("sm_x_tau")))
    >>> print(sp.latex(L.coeff(WZ_SYMBOLS["g"]**2)))
    \frac{\alpha_{L} g_{X} \varepsilon_{\alpha \mu \nu \beta} \partial_{\beta} {W}_{a,\nu} {W}_{a,\mu} {X}_{\alpha}}{24 \pi^{2}}
    """
    s = WZ_SYMBOLS
    al, mu, nu, be = s["indices"]
    a = s["a"]
    eps = sp.LeviCivita(al, mu, nu, be)
    X, B, W = s["X"], s["B"], s["W"]
    term_b = s["g_X"] * s["g'"]**2 * coefficients.C_BB / (24 * sp.pi**2) * eps * X[al] * B[mu] * partial(be, B[nu])
    term_w = s["g_X"] * s["g"]**2 * coefficients.C_WW / (24 * sp.pi**2) * eps * X[al] * W[a, mu] * partial(be, W[a, nu])
    return term_b + term_w
