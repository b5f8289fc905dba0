"""Helpers shared by the record modules of :mod:`anomalyalgebra.paper`."""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from ..breaking import vacuum
from ..exceptions import ModelFileError
from ..modelfile import load_model
from .record import PaperRecord
from . import printed

__all__ = ["CONVENTION", "paper_parameters", "model_symbols", "record", "same", "proportionality", "VEVS", "VACUA", "model_vacuum"]

#: The paper's anomaly convention, Eq. (4): right minus left, with the anticommutator
#: (the library's default is the left-handed Weyl sum; see docs/conventions.rst).
CONVENTION = "eq4"

@lru_cache(maxsize=1)
def paper_parameters():
    """The library's measured inputs plus the paper's choices (``paper/parameters.toml``: m_X)."""
    from importlib import resources

    from ..pheno.parameters import default_parameters, parameters_from_toml

    text = resources.files("anomalyalgebra").joinpath("paper/parameters.toml").read_text("utf-8")
    return default_parameters().merged(parameters_from_toml(text, label="the seed paper's choices"))


#: The VEV symbols of Section IV.
VEVS = dict(zip(["v", "v_X", "V_1", "V_5"], sp.symbols("v v_X V_1 V_5", positive=True)))
#: The UV models of Section IV and their vacua (Eqs. 34, 44): field -> VEV.
VACUA = {
    "tau_l_only": {"H": VEVS["v"] / sp.sqrt(2), "S": VEVS["v_X"] / sp.sqrt(2)},
    "tau_l_minus_4r": {"H": VEVS["v"] / sp.sqrt(2), "S1": VEVS["V_1"] / sp.sqrt(2),
                       "S5": VEVS["V_5"] / sp.sqrt(2)},
}


@lru_cache(maxsize=None)
def model_vacuum(name: str):
    """The vacuum of the UV model ``name`` of Section IV (:data:`VACUA`)."""
    return vacuum(load_model(name), VACUA[name])


def model_symbols(model) -> dict:
    """The model's declared symbols by name (for :func:`printed.expression`)."""
    return {s.name: s for s in model.symbols}


def record(key, derived, paper, note, agrees, inputs, *, printed_key=None) -> PaperRecord:
    """A :class:`PaperRecord` whose ``where`` comes from ``printed.toml``.

    ``printed_key`` names the entry compared with when it is not ``key``.
    """
    try:
        where = printed.entry(printed_key or key).where
    except ModelFileError:  # a key without a printed entry of its own
        where = ""
    return PaperRecord(key, derived, paper, note, bool(agrees), inputs=inputs, where=where)


def same(a, b) -> bool:
    """Exact equality of two expressions or matrices (``simplify`` of the difference)."""
    if isinstance(a, sp.MatrixBase) or isinstance(b, sp.MatrixBase):
        a, b = sp.Matrix(a), sp.Matrix(b)
        return a.shape == b.shape and all(sp.simplify(x) == 0 for x in (a - b))
    return sp.simplify(sp.sympify(a) - sp.sympify(b)) == 0


def proportionality(derived, printed):
    """The constant c with derived == c * printed, or ``None`` if there is none.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> proportionality(-2*x + 4*y, x - 2*y)
    -2
    >>> proportionality(x + y, x - y) is None
    True
    """
    derived, printed = sp.expand(derived), sp.expand(printed)
    if printed == 0:
        return None if derived != 0 else sp.Integer(1)
    ratio = sp.cancel(derived / printed)
    if ratio.free_symbols or ratio == 0:
        return None
    return ratio
