r"""Predicates for scans: rational charges, and a neutral lightest member of an EW multiplet.

A predicate is any picklable callable ``predicate(point, values) -> bool`` where
``point`` maps grid axis names to their values and ``values`` maps quantity labels
to exact values (:class:`fractions.Fraction` when rational, ``float`` otherwise).

The lightest-member test orders the charge eigenstates ``Q = T3 + Y``
(``T3 = −j … j``, ``n = 2j + 1``) of an SU(2) n-plet of hypercharge ``Y`` by a
mass-splitting function ``splitting(Q, Y) = m_{Q+1} − m_Q`` that the caller passes
(for example the one-loop radiative splitting
:func:`anomalyalgebra.pheno.radiative_splitting`): summing the splittings gives every
component's mass relative to the lowest-charge one; the lightest component must be
unique and neutral.  Nothing here fixes a splitting unit or a weak mixing angle.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

from ..symbolic import remembered
from .exact import is_rational_value

__all__ = [
    "RationalValues",
    "NeutralLightest",
    "multiplet_charges",
    "split_masses",
    "lightest_charge",
]


def _linear_splitting(q, y):
    """A test splitting ``1 + 2Q + 3Y`` (doctests only)."""
    return 1 + 2 * q + 3 * y


def multiplet_charges(n: int, hypercharge) -> list:
    """Electric charges ``Q = T3 + Y`` of the components of an SU(2) n-plet, lowest first.

    Parameters
    ----------
    n : int
        Dimension of the multiplet (>= 1).
    hypercharge : number
        ``Y``; a rational value is converted to :class:`fractions.Fraction`.

    Returns
    -------
    list
        ``n`` charges, ascending.

    Raises
    ------
    ValueError
        If ``n < 1``.

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


def _has_neutral_member(n: int, hypercharge) -> bool:
    """``0 in multiplet_charges(n, hypercharge)`` for a rational hypercharge, without
    building the list: ``Q = T3 + Y = 0`` for some ``T3 = -(n-1)/2 ... (n-1)/2`` iff
    ``2Y`` is an integer of the parity of ``n - 1`` with ``|2Y| <= n - 1``.

    Examples
    --------
    >>> [_has_neutral_member(3, Fraction(y, 2)) for y in range(-3, 4)]
    [False, True, False, True, False, True, False]
    """
    if n < 1:
        return 0 in multiplet_charges(n, hypercharge)      # raises
    t = 2 * Fraction(hypercharge)
    return t.denominator == 1 and abs(t.numerator) <= n - 1 and (t.numerator + n - 1) % 2 == 0


def split_masses(n: int, hypercharge, splitting: Callable) -> list:
    """Masses of the components relative to the lowest-charge one, lowest charge first.

    Parameters
    ----------
    n : int
        Dimension of the SU(2) multiplet.
    hypercharge : number
        Its hypercharge ``Y`` (``Q = T3 + Y``).
    splitting : callable
        ``splitting(Q, Y)``: the mass difference ``m_{Q+1} − m_Q`` (any unit).

    Returns
    -------
    list
        ``n`` masses (cumulative sums of the splittings, the first 0), in the unit and
        number type of ``splitting``.

    Raises
    ------
    ValueError
        If ``n < 1``.

    Examples
    --------
    >>> split_masses(2, Fraction(1, 2), _linear_splitting)
    [0, Fraction(5, 2)]
    """
    out, m = [0], 0
    for q in multiplet_charges(n, hypercharge)[:-1]:
        m = m + splitting(q, hypercharge)
        out.append(m)
    return out


@remembered(65536)
def _float_splitting(splitting, q, y) -> float:
    """``float(splitting(q, y))``, remembered for hashable splittings (pure functions of
    their arguments: a scan asks for the same ``(Q, Y)`` at many points)."""
    return float(splitting(q, y))


def lightest_charge(n: int, hypercharge, splitting: Callable):
    """The charge of the unique lightest component of an SU(2) n-plet.

    The masses are summed in floating point from ``float(splitting(Q, Y))``, and two
    are degenerate when they differ by at most ``1e-12 (1 + |lowest|)``.

    Parameters
    ----------
    n : int
        Dimension of the multiplet.
    hypercharge : number
        Its hypercharge ``Y``.
    splitting : callable
        ``splitting(Q, Y) = m_{Q+1} − m_Q``.

    Returns
    -------
    Fraction
        ``Q`` of the lightest component.

    Raises
    ------
    ValueError
        If ``n < 1`` or two components are degenerate (no unique lightest).

    Examples
    --------
    >>> lightest_charge(3, Fraction(-1), _linear_splitting)
    Fraction(0, 1)
    >>> lightest_charge(4, Fraction(1, 2), _linear_splitting)
    Fraction(-1, 1)
    """
    qs = multiplet_charges(n, hypercharge)
    # the masses in floating point, one splitting at a time (a float of the exact
    # cumulative sum would re-evaluate every earlier term): the verdict below is a
    # floating-point comparison with a relative tolerance anyway
    ms, m = [0.0], 0.0
    for q in qs[:-1]:
        m += _float_splitting(splitting, q, hypercharge)
        ms.append(m)
    low = min(ms)
    at = [i for i, m in enumerate(ms) if abs(m - low) <= 1e-12 * (1 + abs(low))]
    if len(at) != 1:
        raise ValueError(f"no unique lightest member of the {n}-plet with Y = {hypercharge}:"
                         f" charges {[str(qs[i]) for i in at]} are degenerate")
    return qs[at[0]]


@dataclass(frozen=True)
class RationalValues:
    """Scan predicate: true when the named quantities (default: all) are exact rationals.

    Parameters
    ----------
    labels : tuple of str, optional
        Quantity labels to test; empty means every quantity of the point.

    Examples
    --------
    >>> RationalValues()({}, {"a": Fraction(1, 2), "b": 0.5})
    False
    >>> RationalValues(("a",))({}, {"a": Fraction(1, 2), "b": 0.5})
    True
    """

    labels: tuple = ()

    def __call__(self, point, values) -> bool:
        keys = self.labels or tuple(values)
        return all(is_rational_value(values.get(k)) for k in keys)


@dataclass(frozen=True)
class NeutralLightest:
    """True when the unique lightest member of the n-plet is electrically neutral.

    Parameters
    ----------
    hypercharge : str
        Label of the hypercharge among the scan's quantities (or grid axes).
    dimension : str
        Label of the multiplet dimension n among the grid axes (or quantities).
    splitting : callable
        ``splitting(Q, Y) = m_{Q+1} − m_Q``; must be picklable for a process pool
        (a module-level function or a :func:`functools.partial` of one).

    Examples
    --------
    >>> p = NeutralLightest("Y", "n", _linear_splitting)
    >>> p({"n": 3}, {"Y": Fraction(-1)}), p({"n": 3}, {"Y": Fraction(1, 2)})
    (True, False)
    """

    hypercharge: str
    dimension: str
    splitting: Callable

    def __call__(self, point, values) -> bool:
        y = values.get(self.hypercharge, point.get(self.hypercharge))
        n = point.get(self.dimension, values.get(self.dimension))
        if not is_rational_value(y) or not is_rational_value(n) or Fraction(n).denominator != 1:
            return False
        if not _has_neutral_member(int(n), y):
            return False
        try:
            return lightest_charge(int(n), y, self.splitting) == 0
        except ValueError:
            return False
