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

import functools
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable

import sympy as sp
from mpmath.libmp import (from_int, from_rational, mpf_add, mpf_div, mpf_mul, mpf_pow_int, mpf_sqrt,
                          round_nearest, to_float)

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


@functools.lru_cache(maxsize=65536)
def _cached_float_splitting(splitting, q, y) -> float:
    return float(splitting(q, y))


def _float_splitting(splitting, q, y) -> float:
    """``float(splitting(q, y))``, remembered for hashable splittings (pure functions of
    their arguments: a scan asks for the same ``(Q, Y)`` at many points)."""
    try:
        return _cached_float_splitting(splitting, q, y)
    except TypeError:           # unhashable splitting or arguments
        return float(splitting(q, y))


#: working precision (bits) of :func:`_quick_float`
_QUICK_PREC = 113
#: an addition that loses more than this many leading bits is left to sympy
_QUICK_CANCEL = 40


class _NotQuick(Exception):
    """:func:`_quick_float` cannot evaluate this expression (left to ``float``)."""


def _quick_mpf(x):
    if isinstance(x, sp.Basic) and x.args:
        return _quick_mpf_node(x)       # a splitting's constant factors recur at every call
    return _quick_mpf_value(x)


@functools.lru_cache(maxsize=4096)
def _quick_mpf_node(x):
    return _quick_mpf_value(x)


def _quick_mpf_value(x):
    prec, rnd = _QUICK_PREC, round_nearest
    if isinstance(x, int):
        return from_int(x)
    if isinstance(x, Fraction):
        return from_rational(x.numerator, x.denominator, prec, rnd)
    if isinstance(x, float):
        return from_rational(*x.as_integer_ratio(), prec, rnd)
    if not isinstance(x, sp.Expr):
        raise _NotQuick(type(x))
    if x.is_Rational:
        return from_rational(int(x.p), int(x.q), prec, rnd)
    if x.is_Float or x.is_NumberSymbol:
        v = x._as_mpf_val(prec)
        if not v[1] and v[2:] != (0, 0):        # inf or nan
            raise _NotQuick("not finite")
        return v
    if x.is_Add:
        terms = [_quick_mpf(a) for a in x.args]
        out = terms[0]
        for t in terms[1:]:
            out = mpf_add(out, t, prec, rnd)
        sizes = [t[2] + t[3] for t in terms if t[1]]          # exponent + bit count ~ log2|t|
        if not sizes:
            return out                  # a sum of zeros
        if not out[1]:
            raise _NotQuick("cancellation to zero")
        if out[2] + out[3] < max(sizes) - _QUICK_CANCEL:
            raise _NotQuick("cancellation")
        return out
    if x.is_Mul:
        out = _quick_mpf(x.args[0])
        for a in x.args[1:]:
            out = mpf_mul(out, _quick_mpf(a), prec, rnd)
        return out
    if x.is_Pow and x.exp.is_Integer:
        base = _quick_mpf(x.base)
        k = int(x.exp)
        if k >= 0:
            return mpf_pow_int(base, k, prec, rnd)
        return mpf_div(from_int(1), mpf_pow_int(base, -k, prec + 10, rnd), prec, rnd)
    if x.is_Pow and x.exp.is_Rational and x.exp.q == 2:
        base = _quick_mpf(x.base)
        if base[0]:
            raise _NotQuick("square root of a negative number")
        root = mpf_sqrt(base, prec + 10, rnd)
        k = int(x.exp.p)
        if k >= 0:
            return mpf_pow_int(root, k, prec, rnd)
        return mpf_div(from_int(1), mpf_pow_int(root, -k, prec + 10, rnd), prec, rnd)
    raise _NotQuick(type(x).__name__)


def _quick_float(x) -> float:
    """``float(x)`` of a number or a sympy expression of numbers built from rationals,
    floats, constants (``pi``, ...), sums, products, integer powers and square roots,
    evaluated with mpmath at 113 bits and rounded once (the nearest double, up to
    ``2**-60`` relative: an addition that cancels more than 40 bits raises
    :class:`_NotQuick`); sympy's ``float`` differs from it by at most an ulp or so."""
    try:
        if isinstance(x, (int, Fraction, float)):
            v = float(x)                # correctly rounded already: the very same double
        else:
            v = to_float(_quick_mpf(x), rnd=round_nearest)
    except (ZeroDivisionError, OverflowError, ValueError) as err:
        raise _NotQuick(str(err)) from None
    if not math.isfinite(v):
        raise _NotQuick("not finite")
    return v


@functools.lru_cache(maxsize=65536)
def _cached_quick_splitting(splitting, q, y) -> float:
    return _quick_float(splitting(q, y))


def _quick_splitting(splitting, q, y):
    """:func:`_quick_float` of ``splitting(q, y)``, remembered like :func:`_float_splitting`;
    ``None`` when it does not apply."""
    try:
        try:
            return _cached_quick_splitting(splitting, q, y)
        except TypeError:       # unhashable splitting or arguments
            return _quick_float(splitting(q, y))
    except _NotQuick:
        return None


def _masses(values) -> list:
    """Cumulative float sums ``0, v_0, v_0 + v_1, ...`` (the component masses)."""
    ms, m = [0.0], 0.0
    for v in values:
        m += v
        ms.append(m)
    return ms


def _lightest(ms, margin=0.0):
    """Indices of the masses within the degeneracy tolerance of the lowest, or ``None``
    when some mass lies within ``margin`` of that tolerance's edge."""
    low = min(ms)
    tol = 1e-12 * (1 + abs(low))
    if margin and any(abs(abs(m - low) - tol) <= margin for m in ms):
        return None
    return [i for i, m in enumerate(ms) if abs(m - low) <= tol]


def lightest_charge(n: int, hypercharge, splitting: Callable):
    """The charge of the unique lightest component.

    Raises :class:`ValueError` if two components are degenerate (no unique lightest).

    The masses are summed in floating point from ``float(splitting(Q, Y))``, and two
    are degenerate when they differ by at most ``1e-12 (1 + |lowest|)``.  To save
    sympy's ``float`` (``evalf``) per splitting, the doubles are first computed from
    the same values with mpmath (:func:`_quick_float`); they differ from sympy's by at
    most an ulp or two, so the verdict is the same unless a mass lies within a few ulps
    of the tolerance's edge -- that case (checked with a margin that bounds the
    difference) and values :func:`_quick_float` cannot evaluate are decided with
    sympy's ``float``, as before.

    Examples
    --------
    >>> lightest_charge(3, Fraction(-1), _linear_splitting)
    Fraction(0, 1)
    >>> lightest_charge(4, Fraction(1, 2), _linear_splitting)
    Fraction(-1, 1)
    """
    qs = multiplet_charges(n, hypercharge)
    at = None
    quick = [_quick_splitting(splitting, q, hypercharge) for q in qs[:-1]]
    if None not in quick:
        ms = _masses(quick)
        # sympy's double of a splitting and this one are each within an ulp or so of the
        # value (2 ulps <= 2**-51 |v| between them), each cumulative sum rounds once more
        # (<= 2**-52 |m|): the masses from sympy's doubles differ from these by at most
        # delta (with a factor 2 to spare); the lowest by at most delta, so every
        # distance to the lowest by 2 delta and the tolerance by 1e-12 delta
        delta = 2.0 ** -50 * (sum(map(abs, quick)) + sum(map(abs, ms)))
        at = _lightest(ms, margin=4 * delta)
    if at is None:
        # the masses in floating point, one splitting at a time (a float of the exact
        # cumulative sum would re-evaluate every earlier term): the verdict below is a
        # floating-point comparison with a relative tolerance anyway
        ms = _masses(_float_splitting(splitting, q, hypercharge) for q in qs[:-1])
        at = _lightest(ms)
    if len(at) != 1:
        raise ValueError(f"no unique lightest member of the {n}-plet with Y = {hypercharge}:"
                         f" charges {[str(qs[i]) for i in at]} are degenerate")
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
