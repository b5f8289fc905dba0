"""Reproduce the seed paper from the built-in models through the public API.

:func:`results` returns a mapping from a key (``"eq21"``, ``"eq23"``, ...) to a
:class:`~anomalyalgebra.records.PaperRecord` holding what the toolkit *derives* from
the model files and what the paper *prints* (typed in only for the comparison).
Nothing here feeds a printed result into a derivation.

Each key is computed by a small function registered with :func:`_result`; asking for
a subset (``results(["eq21"])``) computes only that subset.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

import sympy as sp

from .modelfile import load_model
from .records import PaperRecord

__all__ = ["results", "keys", "PaperRecord"]

_REGISTRY: dict[str, Callable[[], PaperRecord]] = {}


def _result(key: str):
    def register(fn):
        _REGISTRY[key] = fn
        return fn

    return register


#: Where keys without an equation number sit in the paper (by the nearest equation).
_POSITION = {"gS_fit": 16.5, "gS_fit_printed_eq13": 16.6, "table2": 39.5,
             "accidental_l_minus_4r": 46.5, "vX": 57.5, "fig1_L4R_best_fit": 58.5}


def _order(key: str):
    if key in _POSITION:
        return (_POSITION[key], key)
    digits = re.search(r"\d+", key)
    return (float(digits.group()) if digits else 1e9, key)


def keys() -> list:
    """Every key :func:`results` knows, in the paper's order.

    Examples
    --------
    >>> keys()[:3]
    ['gS_fit', 'gS_fit_printed_eq13', 'eq21']
    """
    return sorted(_REGISTRY, key=_order)


def results(which: Iterable[str] | None = None) -> dict:
    """Derived-versus-printed records of the seed paper.

    Parameters
    ----------
    which : iterable of str, optional
        Keys to compute (default: all of :func:`keys`).

    Examples
    --------
    >>> r = results(["eq22"])["eq22"]
    >>> r.derived, r.paper, r.agrees
    (-alpha_L, -alpha_L, True)
    """
    wanted = keys() if which is None else list(which)
    unknown = [k for k in wanted if k not in _REGISTRY]
    if unknown:
        raise KeyError(f"unknown paper result(s) {unknown}; known: {keys()}")
    return {k: _REGISTRY[k]() for k in wanted}


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


def _symbols(model, *names):
    return [model.symbol(n) for n in names]


# ---------------------------------------------------------------- Section III: Eqs. (21)-(22)
@_result("eq21")
def _eq21():
    m = load_model("sm_x_tau")
    aL, aR = _symbols(m, "alpha_L", "alpha_R")
    derived = m.anomaly("X", "Y", "Y")
    printed = 2 * aR - aL
    return PaperRecord("eq21", derived, printed,
                       "A_XYY^SM from the field content of sm_x_tau, convention of Eq. (4).",
                       sp.expand(derived - printed) == 0)


@_result("eq22")
def _eq22():
    m = load_model("sm_x_tau")
    (aL,) = _symbols(m, "alpha_L")
    derived = m.anomaly("X", "SU2L", "SU2L")
    printed = -aL
    return PaperRecord("eq22", derived, printed,
                       "A_XWW^SM from the field content of sm_x_tau, convention of Eq. (4).",
                       sp.expand(derived - printed) == 0)


# ---------------------------------------------------------------- Section III A: Eqs. (23)-(27)
def _printed_conditions(m):
    aL, aR, n, YL, XLL, XLR, XN1, XN2 = _symbols(
        m, "alpha_L", "alpha_R", "n", "Y_L", "X_LL", "X_LR", "X_N1", "X_N2")
    return {
        "eq23": (("X", "grav", "grav"),
                 n * (XLL - XLR) - (XN1 + XN2) + 2 * aL - aR),
        "eq24": (("X", "X", "X"),
                 n * (XLL**3 - XLR**3) - (XN1**3 + XN2**3) + 2 * aL**3 - aR**3),
        "eq25": (("X", "SU2L", "SU2L"),
                 n * (n**2 - 1) / 12 * (XLL - XLR) + aL / 2),
        "eq26": (("X", "Y", "Y"),
                 n * YL**2 * (XLL - XLR) + aL / 2 - aR),
        "eq27": (("Y", "X", "X"),
                 n * YL * (XLL**2 - XLR**2) - aL**2 + aR**2),
    }


def _condition(key):
    m = load_model("anomalon_nplet")
    channel, printed = _printed_conditions(m)[key]
    derived = m.anomaly(*channel)
    c = proportionality(derived, printed)
    if c is None:
        note = f"channel {' '.join(channel)}: NOT proportional to the printed condition"
    else:
        note = (f"channel {' '.join(channel)} of anomalon_nplet (N = 2 singlets); equals"
                f" {c} x the printed condition (the paper writes L - R and drops the"
                " anticommutator's factor 2 where it applies; a condition '= 0' is"
                " unchanged by an overall factor)")
    return PaperRecord(key, derived, printed, note, c is not None)


for _k in ("eq23", "eq24", "eq25", "eq26", "eq27"):
    _REGISTRY[_k] = (lambda k: (lambda: _condition(k)))(_k)
del _k


# ---------------------------------------------------------------- Sections II-IV numbers (pheno)
def _register_pheno():
    from .pheno import paper_numbers

    for key in paper_numbers.KEYS:
        _REGISTRY.setdefault(key, (lambda k: lambda: paper_numbers.records(which=[k])[k])(key))


_register_pheno()
from .breaking import paper_keys as _breaking_keys  # noqa: F401,E402  (Eqs. 35, 42, 45, 47-57)
from .operators import paper_keys as _operator_keys  # noqa: F401,E402
from .solve import paper_keys as _solve_keys  # noqa: E402,F401  (registers eq28, eq30-eq33, table2)
