r"""η-invariants of Z(N) backgrounds from circle bundles over 4-manifolds.

This is the engine behind every Dai–Freed residual of :mod:`.daifreed`: one formula, the
same for odd and even ``N``, with or without fermion parity inside Z(N), and with the
mixed classes of the gauge factors.  Everything is exact (``fractions.Fraction``).

Why circle bundles suffice
--------------------------
:math:`B\mathbb{Z}_N` is the circle bundle :math:`S(L^N)` of the ``N``-th power of the
universal line bundle over :math:`BU(1)`: a :math:`\mathbb{Z}_N` bundle is a line bundle
``L`` with a trivialisation of :math:`L^N`.  The Gysin (Smith) sequence of that circle
bundle in bordism reads

.. math::

    \Omega_4^{\xi}(BU(1)\times BG) \longrightarrow \Omega_5(B\mathbb{Z}_N\times BG)
    \longrightarrow \Omega_5(BU(1)\times BG),

the first map sending a 4-manifold ``W`` with a line bundle ``L`` to the circle bundle
:math:`S(L^N|_W)` with its tautological :math:`\mathbb{Z}_N` bundle.  The structure
:math:`\xi` on ``W`` is fixed by asking the disk bundle :math:`D = D(L^N)` to carry the
structure of the theory: :math:`w_2(W) = \varepsilon\, c_1 \bmod 2` below.  The group on the
right has no class beyond the pure gauge ones
(:math:`\Omega_5^{\mathrm{Spin}}(BU(1)) = \Omega_5^{\mathrm{Spin}^c} = 0`; Witten's SU(2)
class is checked by :mod:`.su2`), so every Dai–Freed class of the Z(N) factor is a circle
bundle over some ``W``, and the anomaly is decided on a basis of the 4d classes.

The formula
-----------
On the disk bundle ``D`` the line bundle ``L`` extends (pulled back from ``W``) with a
connection that is flat on :math:`\partial D = S(L^N)`; the Atiyah–Patodi–Singer theorem,
integrated over the fibre disc, gives for a left-handed Weyl fermion of Z(N) charge ``s``,
U(1) charges :math:`Q_A` and representation ``R`` of the simple factors

.. math::

    \eta \equiv \frac1N \int_W \frac{I_6(x) - I_6(0)}{x}, \qquad
    I_6(x) = \Big[\hat A(TW)\,\hat A(L^N)\, e^{s x + Q\cdot y}\, \mathrm{ch}(R)\Big]_6
    \pmod 1,

with :math:`x = c_1(L)`, :math:`y_A` the gauge U(1) classes and
:math:`p_1(TD) = p_1(W) + N^2 x^2`.  Written out,

.. math::

    -N\eta = d\Big[\frac{s^3 x^2}{6} + \frac{s^2 x\,(Q\cdot y)}{2} + \frac{s (Q\cdot y)^2}{2}
    - \frac{s\,(3\sigma + N^2 x^2)}{24}\Big] - s\sum_G 2T(R_G)\, k_G ,

integrated over ``W`` (:math:`\sigma` the signature, :math:`k_G` the instanton numbers,
``d`` the number of components).  The overall sign (an orientation convention) is chosen
so that the lens space :math:`L(N;1,1,1)` gets the value of Eq. (4.4) of
García-Etxebarria–Montero (arXiv:1808.00009); no verdict depends on it.  For ``W = CP^2`` with ``x = h`` the circle bundle is the
lens space :math:`L(N;1,1,1)` and the formula reproduces, charge by charge, the
fixed-point (Donnelly) sum of :func:`.eta.eta_spin_lens`; with fermion parity inside
:math:`\mathbb{Z}_4` and ``x = h/2`` it gives :math:`\mathbb{RP}^5` and the
:math:`\pm 1/16` of :func:`.eta.eta_spin_z2m_lens`.  The tests compare the two engines.

The 4d classes
--------------
``x = z/t`` with ``z`` an integral class: ``t = 1`` for Spin × Z(N), ``t = 2`` for
:math:`\mathrm{Spin}\times_{\mathbb{Z}_2}\mathbb{Z}_{2m}` (fermions have odd charge; only
:math:`L^2` is a line bundle).  The structure of ``D`` fixes
:math:`w_2(W) \equiv \varepsilon z`, with :math:`\varepsilon = N \bmod 2` for Spin × Z(N)
and :math:`\varepsilon = (m + 1) \bmod 2` for :math:`\mathbb{Z}_{2m}` with fermion parity.
The invariants of ``W`` are the signature, the intersection numbers of
:math:`(z, y_1, \ldots)` and the instanton numbers; the classes are detected by them (the
Atiyah–Hirzebruch spectral sequence of these 4d groups has no torsion left).  Which values
occur:

* :math:`\varepsilon = 0` (``W`` spin): :math:`\sigma \equiv 0 \bmod 16` (Rokhlin), every
  square even, every product free.  Basis: K3; :math:`S^2\times S^2` with one class
  :math:`(1,1)` (square 2); :math:`S^2\times S^2` with two classes :math:`(1,0), (0,1)`
  (product 1); :math:`S^4` with one instanton.
* :math:`\varepsilon = 1` (``z`` characteristic): :math:`z^2 \equiv \sigma \bmod 8` and
  :math:`y_A^2 \equiv z\cdot y_A \bmod 2` (Wu).  Basis: :math:`\mathbb{CP}^2` with
  ``z = h``; :math:`S^2\times S^2` with ``z = (2,2)``; :math:`\mathbb{CP}^2\#\overline{
  \mathbb{CP}^2}` with ``z = (1,1)``, :math:`y_A = (1,0)`; :math:`S^2\times S^2` with
  :math:`y_A = (1,1)` or :math:`y_A = (1,0), y_B = (0,1)`; :math:`S^4` with an instanton.

Both bases are realised by connected sums of the blocks :math:`\pm\mathbb{CP}^2`,
:math:`S^2\times S^2`, K3 and span the lattice cut out by the congruences (its index in
the integer lattice is :math:`16\cdot 2^{r+1}` for :math:`\varepsilon = 0` and
:math:`8\cdot 2^r` for :math:`\varepsilon = 1`, ``r`` U(1) classes); the tests
recompute that from the blocks.  K3 is added for :math:`\varepsilon = 1` as well (it is
:math:`-16\,\mathbb{CP}^2 + 2\,(S^2\times S^2)_{z=(2,2)}`), so that the familiar
:math:`\mathrm{K3}\times L(N;1)` condition is printed in every case.

Examples
--------
One Weyl fermion of charge 1 under Spin × Z(4): the residuals on K3 × L(4;1) and on the
lens-space bundle over :math:`S^2\times S^2` (Wan's :math:`X(n;1,1)` is a lens-space
bundle of this kind):

>>> bs = bases(4, 1, (), ())
>>> [(b.name, residual(b, [(1, 1, (), {})], 4, 1)) for b in bs]
[('K3 x L(4;1)', Fraction(1, 2)), ('S(O(4,4)) -> S2xS2', Fraction(1, 4))]
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Base", "bases", "residual", "residuals", "eps_of"]


@dataclass(frozen=True)
class Base:
    """A closed 4-manifold ``W`` with its classes; the 5-manifold is the circle bundle over it.

    Attributes
    ----------
    name : str
        The name of the 5-manifold (printed as the residual's key).
    sigma : int
        The signature of ``W``.
    gram : tuple
        ``((i, j, value), ...)`` with ``i <= j``: the intersection numbers of the classes,
        index 0 the class ``z`` (with ``x = z/t``), index ``A + 1`` the A-th gauge U(1).
    instantons : tuple
        ``((label, k), ...)``: instanton numbers of the simple factors.
    """

    name: str
    sigma: int
    gram: tuple = ()
    instantons: tuple = ()

    def entry(self, i: int, j: int) -> int:
        """The intersection number of classes ``i`` and ``j``.

        Parameters
        ----------
        i, j : int

        Returns
        -------
        int

        Examples
        --------
        >>> Base("w", 0, ((0, 1, 1),)).entry(1, 0)
        1
        """
        i, j = min(i, j), max(i, j)
        return sum(v for a, b, v in self.gram if (a, b) == (i, j))


def eps_of(n: int, fermion_parity: bool) -> tuple:
    """``(epsilon, t)`` for a Z(n) factor: the class of :math:`w_2(W)` and the denominator of ``x``.

    Parameters
    ----------
    n : int
        The order of the factor.
    fermion_parity : bool
        Whether its Z(2) subgroup is fermion parity (``n`` even).

    Returns
    -------
    tuple of int

    Examples
    --------
    >>> eps_of(3, False), eps_of(4, False), eps_of(4, True), eps_of(6, True)
    ((1, 1), (0, 1), (1, 2), (0, 2))
    """
    if fermion_parity:
        return ((n // 2 + 1) % 2, 2)
    return (n % 2, 1)


def bases(n: int, t: int, u1s, simples) -> list:
    """A basis of the 4d classes for a Z(n) factor with the gauge U(1)s and simple factors given.

    Parameters
    ----------
    n : int
        The order of the Z(n) factor.
    t : int
        1 (Spin × Z(n)) or 2 (fermion parity inside Z(n)).
    u1s : sequence of str
        Labels of the U(1) factors whose mixed classes are wanted (class index ``A + 1``).
    simples : sequence of str
        Labels of the simple factors (one instanton each).

    Returns
    -------
    list of Base
        K3 first, then the pure classes of ``z``, then the mixed ones.

    Examples
    --------
    >>> [b.name for b in bases(3, 1, ("Y",), ("G",))]  # doctest: +NORMALIZE_WHITESPACE
    ['K3 x L(3;1)', 'L(3;1,1,1)', 'S(O(6,6)) -> S2xS2', 'S(O(3,3)) -> CP2#-CP2 [Y=(1,0)]',
     'L(3;1) x (S2xS2)[Y,Y]', 'L(3;1) x S4[G]']
    """
    eps, _ = eps_of(n, t == 2)
    d = n // t                        # L^n = (L^t)^(n/t): the circle bundle of O(d) in z
    out = [Base(f"K3 x L({d};1)", -16)]
    if eps == 0:
        out.append(Base(f"S(O({d},{d})) -> S2xS2", 0, ((0, 0, 2),)))
    else:
        out.append(Base(f"L({d};1,1,1)", 1, ((0, 0, 1),)))
        out.append(Base(f"S(O({2 * d},{2 * d})) -> S2xS2", 0, ((0, 0, 8),)))
    for a, lab in enumerate(u1s, start=1):
        if eps == 0:
            out.append(Base(f"L({d};1,1) x S2[{lab}]", 0, ((0, a, 1),)))
        else:
            out.append(Base(f"S(O({d},{d})) -> CP2#-CP2 [{lab}=(1,0)]", 0, ((0, 0, 0), (0, a, 1), (a, a, 1))))
        out.append(Base(f"L({d};1) x (S2xS2)[{lab},{lab}]", 0, ((a, a, 2),)))
        for b, other in enumerate(u1s[a:], start=a + 1):
            out.append(Base(f"L({d};1) x (S2xS2)[{lab},{other}]", 0, ((a, b, 1),)))
    for lab in simples:
        out.append(Base(f"L({d};1) x S4[{lab}]", 0, (), ((lab, 1),)))
    return out


def residual(base: Base, fermions, n: int, t: int) -> Fraction:
    r"""The η-invariant of the fermions on the circle bundle over ``base``, modulo 1.

    Parameters
    ----------
    base : Base
    fermions : iterable
        ``(s, d, Q, twoT)`` per left-handed Weyl multiplet: the Z(n) charge (any integer
        lift), the number of components, the tuple of U(1) charges in the order of the
        classes, and ``{simple label: 2T(r) times the multiplicity}``.
    n : int
        The order of the Z(n) factor.
    t : int
        1, or 2 when fermion parity is inside Z(n) (then every ``s`` is odd).

    Returns
    -------
    fractions.Fraction
        In ``[0, 1)``.

    Examples
    --------
    :math:`\mathbb{RP}^5` with a Spin-:math:`\mathbb{Z}_4` structure, one fermion of charge 1:

    >>> residual(bases(4, 2, (), ())[1], [(1, 1, (), {})], 4, 2)
    Fraction(1, 16)
    """
    # the intersection numbers of W, once: x^2, x.y_A and y_A.y_B (the U(1) classes 1..)
    xx = Fraction(base.entry(0, 0), t * t)
    ucls = range(1, 1 + max([max(i, j) for i, j, _ in base.gram] + [0]))
    xy = [(a, Fraction(base.entry(0, a), t)) for a in ucls]
    yy = [(a, b, base.entry(a, b)) for a in ucls for b in ucls]
    grav = 3 * base.sigma + n * n * xx
    total = Fraction(0)
    for s, d, q, two_t in fermions:
        s = int(s)
        qy_x = sum(q[a - 1] * v for a, v in xy)
        qy_qy = sum(q[a - 1] * q[b - 1] * v for a, b, v in yy)
        term = (Fraction(s ** 3, 6) * xx + Fraction(s * s, 2) * qy_x + Fraction(s, 2) * qy_qy
                - Fraction(s, 24) * grav)
        total += d * term
        for lab, k in base.instantons:
            total -= s * two_t.get(lab, 0) * k
    return (-total / n) % 1


def residuals(fermions, n: int, fermion_parity: bool, u1s=(), simples=()) -> dict:
    """``{5-manifold: residual}`` on the whole basis (see :func:`bases`, :func:`residual`).

    Parameters
    ----------
    fermions : iterable
        As in :func:`residual`.
    n : int
    fermion_parity : bool
        Whether the Z(2) inside Z(n) is fermion parity.
    u1s, simples : sequence of str
        As in :func:`bases`.

    Returns
    -------
    dict

    Examples
    --------
    Baryon-triality-like: one Weyl fermion of charge 1 under Z(3) is anomalous:

    >>> residuals([(1, 1, (), {})], 3, False)
    {'K3 x L(3;1)': Fraction(1, 3), 'L(3;1,1,1)': Fraction(1, 9), 'S(O(6,6)) -> S2xS2': Fraction(5, 9)}
    """
    fermions = list(fermions)
    _, t = eps_of(n, fermion_parity)
    return {b.name: residual(b, fermions, n, t) for b in bases(n, t, tuple(u1s), tuple(simples))}
