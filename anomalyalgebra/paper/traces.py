"""Section III of the seed paper: the anomaly traces, Eqs. (21)–(27).

Derived from the model files ``sm_x_tau`` (Eqs. 21–22) and ``anomalon_nplet``
(Eqs. 23–27) with :func:`~anomalyalgebra.anomaly.anomaly_trace` in the paper's convention ``"eq4"``; the printed forms are
read from ``printed.toml``.

Examples
--------
>>> r = eq22()
>>> r.derived, r.paper, r.agrees, r.inputs
(-alpha_L, -alpha_L, True, 'derived')
"""

from __future__ import annotations

import sympy as sp

from ..anomaly import anomaly_trace
from ..modelfile import load_model
from . import printed
from ._common import CONVENTION, model_symbols, proportionality, record

__all__ = ["eq21", "eq22", "eq23", "eq24", "eq25", "eq26", "eq27", "CONDITION_CHANNELS"]

#: The anomaly channel of each condition of Section III A.
CONDITION_CHANNELS = {
    "eq23": ("X", "grav", "grav"),
    "eq24": ("X", "X", "X"),
    "eq25": ("X", "SU2L", "SU2L"),
    "eq26": ("X", "Y", "Y"),
    "eq27": ("Y", "X", "X"),
}


def _sm_trace(key, channel):
    m = load_model("sm_x_tau")
    derived = anomaly_trace(m, *channel, convention=CONVENTION)
    paper = printed.expression(key, model_symbols(m))
    return record(key, derived, paper,
                  f"A_{''.join(channel)}^SM from the field content of sm_x_tau, convention of Eq. (4).",
                  sp.expand(derived - paper) == 0, "derived")


def eq21():
    """A_XYY of the SM + X EFT (Eq. 21)."""
    return _sm_trace("eq21", ("X", "Y", "Y"))


def eq22():
    """A_XWW of the SM + X EFT (Eq. 22)."""
    return _sm_trace("eq22", ("X", "SU2L", "SU2L"))


def _condition(key):
    m = load_model("anomalon_nplet")
    channel = CONDITION_CHANNELS[key]
    paper = printed.expression(key, model_symbols(m))
    derived = anomaly_trace(m, *channel, convention=CONVENTION)
    c = proportionality(derived, paper)
    if c is None:
        note = f"channel {' '.join(channel)}: NOT proportional to the printed condition"
    else:
        note = (f"channel {' '.join(channel)} of anomalon_nplet (N = 2 singlets); equals"
                f" {c} x the printed condition (the paper writes L - R and drops the"
                " anticommutator's factor 2 where it applies; a condition '= 0' is"
                " unchanged by an overall factor)")
    return record(key, derived, paper, note, c is not None, "derived")


def eq23():
    """The mixed X–gravity condition (Eq. 23)."""
    return _condition("eq23")


def eq24():
    """The X^3 condition (Eq. 24)."""
    return _condition("eq24")


def eq25():
    """The X SU(2)^2 condition (Eq. 25)."""
    return _condition("eq25")


def eq26():
    """The X Y^2 condition (Eq. 26)."""
    return _condition("eq26")


def eq27():
    """The Y X^2 condition (Eq. 27)."""
    return _condition("eq27")
