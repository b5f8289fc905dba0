r"""Exact η-invariants of the Dirac operator on lens spaces and on the circle.

The engine behind the Dai–Freed conditions of :mod:`.daifreed`.  Everything is exact
(sympy ``Rational``); nothing is evaluated in floating point.

Lens spaces
-----------
For the lens space :math:`L^{2k-1}(N) = S^{2k-1}/\mathbb{Z}_N`, the generator acting on
:math:`\mathbb{C}^k` by :math:`\omega = e^{2\pi i/N}` on every coordinate, the equivariant
(Donnelly) formula writes every η-invariant of a twisted Dirac operator as a sum over the
non-trivial group elements of terms

.. math::

    F_k(N, e) = \frac1N \sum_{j=1}^{N-1} \frac{\omega^{j e}}{(\omega^j - 1)^k},

where the integer ``e`` collects the charge of the fermion and the lift of the rotation
to the spin group (a choice of :math:`\sqrt{\omega^j}`).  :func:`lens_sum_polynomial`
*derives* :math:`F_k` in closed form from two facts that follow from the definition:

* :math:`F_k(N, e + 1) - F_k(N, e) = F_{k-1}(N, e)` (multiply numerator and denominator by
  :math:`\omega^j - 1`), with :math:`F_0(N, e) = [e \equiv 0] - 1/N`;
* :math:`\sum_{e=0}^{N-1} F_k(N, e) = 0` (the sum over ``e`` of :math:`\omega^{je}`
  vanishes for :math:`j \ne 0`).

Summing the first with Faulhaber's formulas (Bernoulli polynomials, ``sympy.bernoulli``) and fixing the constant
by the second gives, for :math:`1 \le e \le N`, a polynomial in ``N``, ``e`` and ``1/N``;
``e`` is reduced into that range first.  The tests compare it with the defining sum
evaluated by brute force (mpmath, 50 digits) and with the published closed forms.

The circle
----------
:func:`xi_circle` is :math:`\xi = (\eta + h)/2` of :math:`-i\,d/d\theta` on the circle
with the periodic spin structure and holonomy :math:`e^{2\pi i a}`: the spectrum is
:math:`\mathbb{Z} + a`, so :math:`\eta(s) = \zeta_H(s, \{a\}) - \zeta_H(s, 1-\{a\})`
(Hurwitz) and ``h`` counts the zero mode at :math:`\{a\} = 0`.

Conventions
-----------
The anomaly of a 4d left-handed Weyl fermion on a closed 5-manifold ``Y`` is
:math:`\exp(-2\pi i\,\xi_Y)`; what matters for anomaly cancellation is
:math:`\sum_i \xi_{Y,i} \bmod 1`.  The functions return exact values; the callers reduce
modulo 1.  Orientation reverses the sign of every value at once, which changes no verdict.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache

import sympy as sp

__all__ = [
    "lens_sum_polynomial",
    "lens_sum",
    "eta_spin_lens",
    "eta_spin_z2m_lens",
    "xi_circle",
    "N_SYMBOL",
    "E_SYMBOL",
]

#: The order ``N`` and the exponent ``e`` in :func:`lens_sum_polynomial`.
N_SYMBOL = sp.Symbol("N", integer=True, positive=True)
E_SYMBOL = sp.Symbol("e", integer=True, positive=True)

#: The largest ``k`` (complex dimension of the covering space) the engine derives.
MAX_K = 8


@lru_cache(maxsize=None)
def lens_sum_polynomial(k: int) -> sp.Expr:
    r"""Closed form of :math:`F_k(N, e)` valid for :math:`1 \le e \le N` (see the module).

    Parameters
    ----------
    k : int
        The power of :math:`(\omega^j - 1)` in the denominator, ``0 <= k <= 8``.

    Returns
    -------
    sympy.Expr
        A polynomial in :data:`E_SYMBOL` with coefficients rational in :data:`N_SYMBOL`.

    Raises
    ------
    ValueError
        If ``k`` is not an integer in ``0..8``.

    Examples
    --------
    >>> sp.factor(lens_sum_polynomial(1))
    -(-N + 2*e - 1)/(2*N)
    """
    if isinstance(k, bool) or not isinstance(k, int) or not 0 <= k <= MAX_K:
        raise ValueError(f"lens_sum_polynomial: k must be an integer in 0..{MAX_K}, got {k!r}")
    N, e = N_SYMBOL, E_SYMBOL
    if k == 0:
        return -1 / N                     # valid for 1 <= e <= N - 1 (used only there)
    # F_k(e) = F_k(1) + sum_{b=1}^{e-1} F_{k-1}(b): the F_{k-1}(b) used have 1 <= b <= N - 1
    partial = _partial_sum(lens_sum_polynomial(k - 1), e)
    constant = -_partial_sum(partial, N + 1) / N            # mean zero over e = 1..N
    return sp.expand(partial + constant)


def _partial_sum(p, x):
    """``sum_{b=1}^{x-1} p(b)`` for a polynomial ``p`` in :data:`E_SYMBOL` (Faulhaber:
    ``sum_{b=1}^{x-1} b^j = (B_{j+1}(x) - B_{j+1}(1))/(j+1)`` with Bernoulli polynomials)."""
    out = sp.Integer(0)
    for (j,), c in sp.Poly(p, E_SYMBOL).terms():
        out += c * (sp.bernoulli(j + 1, x) - sp.bernoulli(j + 1, 1)) / (j + 1)
    return sp.expand(out)


@lru_cache(maxsize=512)
def _coefficients(n: int, k: int) -> tuple:
    """The coefficients (highest power first) of :math:`F_k(n, e)` as a polynomial in ``e``."""
    poly = sp.Poly(lens_sum_polynomial(k).subs(N_SYMBOL, n), E_SYMBOL)
    return tuple(Fraction(int(c.p), int(c.q)) for c in poly.all_coeffs())


def _check_order(n, what):
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"{what}: the order must be a positive integer, got {n!r}")


def lens_sum(n: int, k: int, e: int) -> sp.Rational:
    r"""The exact value of :math:`F_k(n, e) = \frac1n\sum_{j=1}^{n-1} \omega^{je}/(\omega^j-1)^k`.

    Parameters
    ----------
    n : int
        The order of the group, ``n >= 1`` (``n = 1``: the empty sum, 0).
    k : int
        The power in the denominator (``1 <= k <= 8``).
    e : int
        The exponent; only ``e mod n`` matters.

    Returns
    -------
    sympy.Rational

    Raises
    ------
    ValueError
        For a non-positive order or ``k`` outside ``1..8``.

    Examples
    --------
    >>> lens_sum(2, 3, 0)          # (1/2) (-1)^0 / (-2)^3
    -1/16
    >>> lens_sum(3, 1, 1), lens_sum(3, 1, 4)
    (1/3, 1/3)
    """
    _check_order(n, "lens_sum")
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise ValueError(f"lens_sum: k must be an integer in 1..{MAX_K}, got {k!r}")
    if n == 1:
        return sp.Integer(0)
    r = int(e) % n or n
    value = Fraction(0)
    for c in _coefficients(n, k):                       # Horner
        value = value * r + c
    return sp.Rational(value.numerator, value.denominator)


def eta_spin_lens(n: int, k: int, s: int) -> sp.Rational:
    r"""Reduced η of a charge-``s`` fermion on the spin lens space :math:`L^{2k-1}(n)`, ``n`` odd.

    .. math::

        \tilde\eta(s) = \frac1n \sum_{\lambda^n = 1,\ \lambda \ne 1}
        (\lambda^s - 1) \Big(\frac{\sqrt\lambda}{\lambda - 1}\Big)^k ,
        \qquad \sqrt\lambda = \lambda^{(n+1)/2},

    the unique spin structure for odd ``n`` (García-Etxebarria–Montero,
    arXiv:1808.00009, Eq. (4.4)); in terms of :func:`lens_sum`,
    :math:`F_k(n, s + k h) - F_k(n, k h)` with :math:`h = (n+1)/2`.

    Parameters
    ----------
    n : int
        Odd order of the lens space's fundamental group.
    k : int
        ``2k - 1`` is the dimension (``k = 3``: the 5d lens space :math:`L^5(n)`).
    s : int
        The :math:`\mathbb{Z}_n` charge of the left-handed Weyl fermion.

    Returns
    -------
    sympy.Rational

    Raises
    ------
    ValueError
        If ``n`` is even (no spin structure of this kind) or not positive.

    Examples
    --------
    >>> [eta_spin_lens(3, 3, s) for s in range(3)]
    [0, 1/9, -1/9]
    """
    _check_order(n, "eta_spin_lens")
    if n % 2 == 0:
        raise ValueError(f"eta_spin_lens: the order must be odd, got {n}")
    h = (n + 1) // 2
    return lens_sum(n, k, int(s) + k * h) - lens_sum(n, k, k * h)


def eta_spin_z2m_lens(m: int, k: int, s: int) -> sp.Rational:
    r"""η of a fermion of odd :math:`\mathbb{Z}_{2m}` charge ``s`` on :math:`L(m; 1, \ldots, 1)`
    with a :math:`\mathrm{Spin}\times_{\mathbb{Z}_2}\mathbb{Z}_{2m}` structure.

    The generator of :math:`\mathbb{Z}_m = \pi_1` lifts to the rotation with
    :math:`\sqrt{\omega_m^j} = \zeta_{2m}^j` combined with the generator of
    :math:`\mathbb{Z}_{2m}` (phase :math:`\zeta_{2m}^{js}`), so the fermion sees
    :math:`\zeta_{2m}^{j(s+k)} = \omega_m^{j(s+k)/2}` over :math:`(\omega_m^j - 1)^k`:
    the value is :math:`F_k(m, (s+k)/2)`.  For ``m = 2``, ``k = 3`` this is
    :math:`\mathbb{RP}^5`, the generator of :math:`\Omega_5^{\mathrm{Spin}\text{-}\mathbb{Z}_4}
    = \mathbb{Z}_{16}`.

    Parameters
    ----------
    m : int
        Half the order of the :math:`\mathbb{Z}_{2m}`.
    k : int
        ``2k - 1`` is the dimension.
    s : int
        The charge; ``s + k`` must be even (odd ``s`` for odd ``k``: fermions are odd).

    Returns
    -------
    sympy.Rational

    Raises
    ------
    ValueError
        If ``s + k`` is odd.

    Examples
    --------
    >>> eta_spin_z2m_lens(2, 3, 1), eta_spin_z2m_lens(2, 3, 3)
    (-1/16, 1/16)
    """
    _check_order(m, "eta_spin_z2m_lens")
    if (int(s) + k) % 2:
        raise ValueError(f"eta_spin_z2m_lens: s + k must be even (a fermion has odd charge), got s={s}, k={k}")
    return lens_sum(m, k, (int(s) + k) // 2)


def xi_circle(a) -> sp.Rational:
    r"""ξ = (η + h)/2 of the Dirac operator on the circle (periodic spin structure) with
    holonomy :math:`e^{2\pi i a}`.

    Parameters
    ----------
    a : rational
        The holonomy in units of :math:`2\pi`; only ``a mod 1`` matters.

    Returns
    -------
    sympy.Rational
        :math:`\tfrac12(\zeta_H(0,\{a\}) - \zeta_H(0, 1-\{a\}))` for :math:`\{a\} \ne 0`,
        and :math:`\tfrac12` (one zero mode) for :math:`\{a\} = 0`.

    Examples
    --------
    >>> xi_circle(sp.Rational(1, 4)), xi_circle(0), xi_circle(sp.Rational(5, 4))
    (1/4, 1/2, 1/4)
    """
    return _xi(sp.Rational(a) % 1)


@lru_cache(maxsize=4096)
def _xi(frac):
    if frac == 0:
        return sp.Rational(1, 2)            # eta = 0, one zero mode
    eta = sp.zeta(0, frac) - sp.zeta(0, 1 - frac)
    return sp.Rational(eta) / 2
