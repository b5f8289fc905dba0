r"""Predicates for scans: rational charges, and a neutral lightest member of an EW multiplet.

A predicate is any picklable callable ``predicate(point, values) -> bool`` where
``point`` maps grid axis names to their values and ``values`` maps quantity labels
to exact values (:class:`fractions.Fraction` when rational, ``float`` otherwise).
The two built-ins implement the criteria of Section III C of the seed paper.

The neutral-lightest-member test uses the radiative splitting of Eq. (38) of the
seed paper, ``m_{Q+1} − m_Q ≈ 166 MeV (1 + 2Q + 2Y/cos θ_W)``, between the charge
eigenstates ``Q = T3 + Y`` (``T3 = −j … j``, ``n = 2j + 1``) of an SU(2) n-plet of
hypercharge ``Y``.  Summing the splittings gives every component's mass relative
to the lowest-charge one; the lightest component must be unique and neutral.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from .exact import is_rational_value

__all__ = [
    "RationalValues",
    "NeutralLightest",
    "multiplet_charges",
    "radiative_masses",
    "lightest_charge",
    "DEFAULT_SIN2_THETA_W",
]

#: sin^2 θ_W (MS-bar at m_Z, PDG) used for cos θ_W in Eq. (38) unless overridden.
#: The verdicts of :class:`NeutralLightest` are the same for any cos θ_W in (0.5, 1).
DEFAULT_SIN2_THETA_W = 0.23122


def multiplet_charges(n: int, hypercharge) -> list:
    """Electric charges ``Q = T3 + Y`` of the components of an SU(2) n-plet, lowest first.

    Examples
    --------
    >>> [str(q) for q in multiplet_charges(3, Fraction(-1))]
    ['-2', '-1', '0']
    """
    n = int(n)
    if n < 1:
        raise ValueError(f"an SU(2) multiplet has dimension n >= 1, got {n}")
    y = Fraction(hypercharge) if is_rational_value(hypercharge) else hypercharge
    return [Fraction(2 * k - (n - 1), 2) + y for k in range(n)]


def radiative_masses(n: int, hypercharge, *, cos_theta_w=None, unit=166.0) -> list:
    """Masses (MeV) of the components relative to the lowest-charge one, from Eq. (38).

    Examples
    --------
    >>> [round(m) for m in radiative_masses(2, Fraction(1, 2), cos_theta_w=1.0)]
    [0, 332]
    """
    cw = math.sqrt(1 - DEFAULT_SIN2_THETA_W) if cos_theta_w is None else float(cos_theta_w)
    qs = multiplet_charges(n, hypercharge)
    y = float(hypercharge)
    out, m = [0.0], 0.0
    for q in qs[:-1]:
        m += unit * (1 + 2 * float(q) + 2 * y / cw)
        out.append(m)
    return out


def lightest_charge(n: int, hypercharge, *, cos_theta_w=None):
    """The charge of the unique lightest component (Eq. 38), or ``None`` if two are degenerate.

    Examples
    --------
    >>> lightest_charge(3, Fraction(-1)), lightest_charge(3, Fraction(1))
    (Fraction(0, 1), Fraction(0, 1))
    >>> lightest_charge(4, Fraction(1, 2))
    Fraction(-1, 1)
    """
    ms = radiative_masses(n, hypercharge, cos_theta_w=cos_theta_w)
    qs = multiplet_charges(n, hypercharge)
    low = min(ms)
    at = [i for i, m in enumerate(ms) if abs(m - low) <= 1e-9 * (1 + abs(low))]
    if len(at) != 1:
        return None
    return qs[at[0]]


@dataclass(frozen=True)
class RationalValues:
    """True when the named quantities (default: all) are exact rationals."""

    labels: tuple = ()

    def __call__(self, point, values) -> bool:
        keys = self.labels or tuple(values)
        return all(is_rational_value(values.get(k)) for k in keys)


@dataclass(frozen=True)
class NeutralLightest:
    """True when the lightest member of the n-plet is electrically neutral (Eq. 38).

    Parameters
    ----------
    hypercharge : str
        Label of the hypercharge among the scan's quantities (or grid axes).
    dimension : str
        Label of the multiplet dimension n among the grid axes (or quantities).
    cos_theta_w : float, optional
        cos θ_W in Eq. (38); default from :data:`DEFAULT_SIN2_THETA_W`.
    """

    hypercharge: str = "Y_L"
    dimension: str = "n"
    cos_theta_w: float | None = None

    def __call__(self, point, values) -> bool:
        y = values.get(self.hypercharge, point.get(self.hypercharge))
        n = point.get(self.dimension, values.get(self.dimension))
        if not is_rational_value(y) or not is_rational_value(n) or Fraction(n).denominator != 1:
            return False
        charges = multiplet_charges(int(n), y)
        if 0 not in charges:
            return False
        return lightest_charge(int(n), y, cos_theta_w=self.cos_theta_w) == 0
