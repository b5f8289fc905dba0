"""Diagonalisation of Dirac mass matrices: exact 2x2, perturbative N x N, numerical SVD.

Conventions (those of Eqs. 50-53 of the seed paper, with the misprint of Eq. 53
corrected): for a real 2x2 mass matrix ``M`` (rows: left-handed gauge states, columns:
right-handed gauge states) the mass eigenstates are

    (light, heavy)_X = R(theta_X) (gauge_1, gauge_2)_X,   R(t) = [[cos t, sin t], [-sin t, cos t]],

for X = L, R, with ``tan 2 theta_L = 2 (M M^T)_12 / ((M M^T)_11 - (M M^T)_22)`` and the
same with ``M^T M`` for theta_R; theta is on the principal branch |theta| < pi/4, so
the first mass state is the one continuously connected to the first gauge state.
Then ``R_L M R_R^T = diag(m_1, m_2)`` with ``m_1 m_2 = det M``: for Eq. (47) the light
entry is negative, ``m_1 ≈ -y_L y_R v V_5/(2M)``, removed by a chiral rotation as the
paper says below Eq. (41).

For N x N matrices with a hierarchy, :func:`perturbative_svd` block-diagonalises
``M = [[m_ll, m_lh], [m_hl, M_hh]]`` (m small, M_hh large and invertible) with two
unitary rotations parametrised by matrices A (left) and B (right):
light left states span the columns of ``[1; A]``, light right states those of
``[1; B]``.  The off-diagonal blocks vanish when

    B  = M_hh^-1 (A m_ll + A m_lh B - m_hl),
    A† = (m_ll B† + A† m_hl B† - m_lh) M_hh^-1,

solved by fixed-point iteration (each step gains one order in the small ratios),
so that the light block is the Dirac seesaw ``m_ll - m_lh M_hh^-1 m_hl + ...``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Sequence

import sympy as sp

from ..exceptions import ModelError
from ..numeric import to_mpmath_matrix
from ..symbolic import simplify

__all__ = [
    "TwoByTwo",
    "diagonalise_2x2",
    "rotation",
    "PerturbativeSVD",
    "perturbative_svd",
    "block_diagonalise_numeric",
    "numerical_svd",
]


def rotation(theta) -> sp.ImmutableMatrix:
    """The rotation ``R(theta) = [[cos, sin], [-sin, cos]]``: mass states = R * gauge states (Eq. 52).

    Parameters
    ----------
    theta : sympy expression or number
        Mixing angle (radians).

    Returns
    -------
    sympy.ImmutableMatrix
        The 2 x 2 orthogonal matrix.

    Examples
    --------
    >>> rotation(sp.pi/2)
    Matrix([
    [ 0, 1],
    [-1, 0]])
    """
    c, s = sp.cos(theta), sp.sin(theta)
    return sp.ImmutableMatrix([[c, s], [-s, c]])


@dataclass(frozen=True)
class TwoByTwo:
    """Exact diagonalisation of a real 2x2 Dirac mass matrix (Eqs. 48-51).

    Attributes
    ----------
    matrix : ImmutableMatrix
    mmt, mtm : ImmutableMatrix
        ``M M^T`` (Eq. 48) and ``M^T M`` (Eq. 49).
    tan2theta_L, tan2theta_R
        Exact (Eqs. 50, 51).
    theta_L, theta_R
        ``atan(tan 2 theta)/2`` (principal branch).
    masses : tuple
        Exact singular values ``(m_light, m_heavy)``, non-negative, from
        ``m^2 = (T ∓ sqrt(T^2 - 4 D^2))/2`` with ``T = tr M M^T``, ``D = det M``.
    """

    matrix: sp.ImmutableMatrix
    mmt: sp.ImmutableMatrix
    mtm: sp.ImmutableMatrix
    tan2theta_L: object
    tan2theta_R: object
    theta_L: object
    theta_R: object
    masses: tuple

    def _repr_latex_(self) -> str:
        """The matrix, the exact mixing angles and masses for Jupyter."""
        rows = [r"\mathcal{M} &= " + sp.latex(self.matrix),
                r"\tan 2\theta_L &= " + sp.latex(self.tan2theta_L),
                r"\tan 2\theta_R &= " + sp.latex(self.tan2theta_R),
                r"m_{1,2} &= " + ",\\ ".join(sp.latex(m) for m in self.masses)]
        return "$\\begin{aligned}" + r" \\ ".join(rows) + "\\end{aligned}$"

    @property
    def rotation_L(self):
        return rotation(self.theta_L)

    @property
    def rotation_R(self):
        return rotation(self.theta_R)

    @property
    def determinant(self):
        return sp.factor(self.matrix.det())

    def signed_masses(self) -> tuple:
        """``(det M / m_heavy, m_heavy)``: the diagonal of ``R_L M R_R^T`` when its heavy
        entry is positive (the case connected to a positive ``M_22``)."""
        return (self.determinant / self.masses[1], self.masses[1])

    def series(self, quantity: str, small: Sequence, order: int):
        """Expansion of a mass or mixing angle to ``order`` in the small symbols.

        The small symbols are scaled together by one parameter, ``s -> eps s``, and the
        result is truncated at ``eps^order``.

        Parameters
        ----------
        quantity : str
            ``"light"``, ``"heavy"``, ``"tan2theta_L"`` or ``"tan2theta_R"``.
        small : sequence of sympy.Symbol
            The small parameters.
        order : int
            Highest power kept.

        Returns
        -------
        sympy.Expr
            The truncated series.

        Raises
        ------
        KeyError
            For an unknown ``quantity``.

        Examples
        --------
        Eq. (54) of the seed paper is the leading term of the light mass:

        >>> v, V5, M, yL, yR = sp.symbols("v V_5 M y_L y_R", positive=True)
        >>> d = diagonalise_2x2([[0, yL*v/sp.sqrt(2)], [yR*V5/sp.sqrt(2), M]])
        >>> d.series("light", [v, V5], 2)
        V_5*v*y_L*y_R/(2*M)
        """
        if quantity in ("light", "heavy"):
            fast = _mass_series(self.matrix, quantity, tuple(small), int(order))
            if fast is not None:
                return fast
        value = {"light": self.masses[0], "heavy": self.masses[1],
                 "tan2theta_L": self.tan2theta_L, "tan2theta_R": self.tan2theta_R}[quantity]
        return _series_in(value, tuple(small), int(order))


def _series_in(expr, small, order):
    """Expansion of ``expr`` to ``order`` in the symbols ``small`` scaled together."""
    return _series_in_cached(sp.sympify(expr), tuple(small), int(order))


@functools.lru_cache(maxsize=256)
def _series_in_cached(expr, small, order):
    eps = sp.Dummy("eps", positive=True)
    e = sp.sympify(expr).subs({s: eps * s for s in small}, simultaneous=True)
    ser = sp.series(e, eps, 0, order + 1).removeO()
    return simplify(ser.subs(eps, 1))


@functools.lru_cache(maxsize=256)
def _mass_series(M, quantity, small, order):
    """Series of a singular value of the 2x2 ``M`` without the cancelling nested root.

    With ``T = tr(M M^T)``, ``D = det M`` and every small symbol scaled by ``eps``, the
    squared heavy mass ``h = (T + sqrt(T^2 - 4 D^2))/2`` is analytic at ``eps = 0`` when
    ``T`` does not vanish there (its square root is of a non-vanishing series), and the
    light mass is ``|D| / sqrt(h)`` -- the same numbers as ``sqrt((T ∓ sqrt(T^2 -
    4 D^2))/2)``, whose ``-`` branch cancels at leading order and makes a direct series
    slow.  ``None`` when ``T(0)`` is not known to be positive or ``|D|`` does not
    simplify (unknown sign): the caller then expands the closed form directly.
    """
    eps = sp.Dummy("eps", positive=True)
    Me = sp.ImmutableMatrix(M).subs({s: eps * s for s in small}, simultaneous=True)
    T = sp.expand((Me * Me.T).trace())
    D = sp.expand(Me.det())
    if not sp.expand(T.subs(eps, 0)).is_positive:
        return None
    n = order + 1                                     # coefficients of eps^0 .. eps^order
    coeffs = lambda e: [sp.expand(e).coeff(eps, k) for k in range(n)]  # noqa: E731
    root = _series_sqrt(coeffs(T**2 - 4 * D**2))
    heavy = _series_sqrt([(a + b) / 2 for a, b in zip(coeffs(T), root)])
    if quantity == "heavy":
        value = heavy
    else:
        absD = sp.Abs(D)
        if absD.has(sp.Abs):
            return None
        value = _series_mul(coeffs(absD), _series_inverse(heavy))
    return simplify(sp.Add(*value))


def _series_sqrt(a):
    """Coefficients of ``sqrt(sum a_k eps^k)`` for ``a_0 > 0`` (same length)."""
    b = [sp.sqrt(a[0])]
    for k in range(1, len(a)):
        b.append(sp.expand((a[k] - sum(b[j] * b[k - j] for j in range(1, k))) / (2 * b[0])))
    return b


def _series_inverse(b):
    c = [1 / b[0]]
    for k in range(1, len(b)):
        c.append(sp.expand(-sum(b[j] * c[k - j] for j in range(1, k + 1)) / b[0]))
    return c


def _series_mul(a, b):
    return [sp.expand(sum(a[j] * b[k - j] for j in range(k + 1))) for k in range(len(a))]


def diagonalise_2x2(M) -> TwoByTwo:
    """Closed-form diagonalisation of a real 2x2 Dirac mass matrix (Eqs. 48-51 of the seed paper).

    Parameters
    ----------
    M : matrix-like
        2 x 2 mass matrix, rows left-handed and columns right-handed gauge states;
        entries real (symbols declared real or positive).

    Returns
    -------
    TwoByTwo
        ``M M^T``, ``M^T M``, ``tan 2θ_{L,R}``, the angles on the principal branch and
        the exact singular values ``(m_light, m_heavy)``.

    Raises
    ------
    ModelError
        If ``M`` is not 2 x 2.

    Examples
    --------
    >>> v, V5, M, yL, yR = sp.symbols("v V_5 M y_L y_R", positive=True)
    >>> d = diagonalise_2x2([[0, yL*v/sp.sqrt(2)], [yR*V5/sp.sqrt(2), M]])
    >>> d.mmt
    Matrix([
    [      v**2*y_L**2/2,               sqrt(2)*M*v*y_L/2],
    [sqrt(2)*M*v*y_L/2, M**2 + V_5**2*y_R**2/2]])
    >>> d.tan2theta_L
    sqrt(2)*M*v*y_L/(-M**2 - V_5**2*y_R**2/2 + v**2*y_L**2/2)
    """
    M = sp.ImmutableMatrix(M)
    if M.shape != (2, 2):
        raise ModelError(f"diagonalise_2x2 needs a 2x2 matrix, got {M.shape}")
    A = sp.ImmutableMatrix((M * M.T).applyfunc(sp.expand))
    B = sp.ImmutableMatrix((M.T * M).applyfunc(sp.expand))
    t2L = 2 * A[0, 1] / (A[0, 0] - A[1, 1])
    t2R = 2 * B[0, 1] / (B[0, 0] - B[1, 1])
    T = sp.expand(A.trace())
    D = sp.expand(M.det())
    root = sp.sqrt(sp.expand(T**2 - 4 * D**2))
    light = sp.sqrt((T - root) / 2)
    heavy = sp.sqrt((T + root) / 2)
    return TwoByTwo(M, A, B, t2L, t2R, sp.atan(t2L) / 2, sp.atan(t2R) / 2, (light, heavy))


# ----------------------------------------------------------------------------- N x N, symbolic
@dataclass(frozen=True)
class PerturbativeSVD:
    """Result of :func:`perturbative_svd`.

    Attributes
    ----------
    light, heavy : ImmutableMatrix
        The block-diagonal form ``U_L^† M U_R = diag(light, heavy)`` to the order asked.
    A, B : ImmutableMatrix
        Left/right rotation parameters (heavy x light); ``A ≈ tan theta_L`` for 2x2.
    U_L, U_R : ImmutableMatrix
        Unitary rotations in the *permuted* basis (light rows/cols first):
        gauge = U * mass.
    light_rows, light_cols, heavy_rows, heavy_cols : tuple of int
    order : int
    small : tuple
    """

    light: sp.ImmutableMatrix
    heavy: sp.ImmutableMatrix
    A: sp.ImmutableMatrix
    B: sp.ImmutableMatrix
    U_L: sp.ImmutableMatrix
    U_R: sp.ImmutableMatrix
    light_rows: tuple
    light_cols: tuple
    heavy_rows: tuple
    heavy_cols: tuple
    order: int
    small: tuple

    def light_masses(self) -> tuple:
        """Singular values of the light block: ``|x|`` for 1x1; exact 2x2 closed form;
        otherwise the (symbolic) square roots of the eigenvalues of ``L L^†``."""
        return _block_masses(self.light)

    def heavy_masses(self) -> tuple:
        """Singular values of the heavy block (as :meth:`light_masses`)."""
        return _block_masses(self.heavy)


def _block_masses(B):
    if B.shape == (1, 1):
        return (sp.Abs(B[0, 0]),)
    if B.shape == (2, 2) and all(x.is_real for x in B):
        return diagonalise_2x2(B).masses
    return tuple(sp.sqrt(ev) for ev in (B * B.H).eigenvals(multiple=True))


def _truncate(expr, eps, k):
    expr = sp.expand(expr)
    if expr == 0 or not expr.has(eps):
        return expr
    poly = sp.Poly(expr, eps)
    return sp.Add(*[c * eps**d for (d,), c in poly.terms() if d <= k])


def _tmat(M, eps, k):
    return M.applyfunc(lambda x: _truncate(x, eps, k))


def _inv_sqrt_series(X, eps, k):
    """(1 + X)^(-1/2) with X = O(eps), truncated at eps^k."""
    n = X.shape[0]
    out = sp.eye(n)
    term = sp.eye(n)
    for j in range(1, k + 1):
        term = _tmat(term * X, eps, k)
        if term.is_zero_matrix:
            break
        out += sp.binomial(sp.Rational(-1, 2), j) * term
    return _tmat(out, eps, k)


def _auto_split(M0):
    rows = tuple(i for i in range(M0.rows) if all(x == 0 for x in M0.row(i)))
    cols = tuple(j for j in range(M0.cols) if all(x == 0 for x in M0.col(j)))
    return rows, cols


def perturbative_svd(M, small: Sequence, order: int = 2, *, light_rows=None, light_cols=None) -> PerturbativeSVD:
    """Seesaw (block) diagonalisation of a mass matrix to a chosen order in small parameters.

    Parameters
    ----------
    M : matrix-like
        Symbolic mass matrix, rows left-handed, columns right-handed states.
    small : sequence of sympy symbols
        Parameters that are small compared with the entries of the heavy block; they
        are scaled together, ``s -> eps s``, and results are truncated at ``eps^order``.
    order : int
        Highest power of the small parameters kept.
    light_rows, light_cols : sequence of int, optional
        Indices of the light states; by default the rows/columns that vanish when the
        small parameters are set to zero.

    Returns
    -------
    PerturbativeSVD
        Light and heavy blocks, the rotation parameters ``A``, ``B`` and the unitary
        rotations ``U_L``, ``U_R`` (light states first), all truncated at ``order``.

    Raises
    ------
    ModelError
        If the heavy block is not square and invertible at zeroth order.

    Examples
    --------
    Eqs. (50)-(55) of the seed paper from the seesaw expansion of Eq. (47):

    >>> v, V5, M, yL, yR = sp.symbols("v V_5 M y_L y_R", positive=True)
    >>> ME = sp.Matrix([[0, yL*v/sp.sqrt(2)], [yR*V5/sp.sqrt(2), M]])
    >>> p = perturbative_svd(ME, [v, V5], order=2)
    >>> p.light, p.heavy
    (Matrix([[-V_5*v*y_L*y_R/(2*M)]]), Matrix([[M + V_5**2*y_R**2/(4*M) + v**2*y_L**2/(4*M)]]))
    >>> p.A, p.B           # tan(theta_L), tan(theta_R) at leading order
    (Matrix([[-sqrt(2)*v*y_L/(2*M)]]), Matrix([[-sqrt(2)*V_5*y_R/(2*M)]]))
    """
    M = sp.Matrix(M)
    eps = sp.Dummy("eps", positive=True)
    Me = M.subs({s: eps * s for s in small}, simultaneous=True).applyfunc(sp.expand)
    M0 = Me.subs(eps, 0)
    if light_rows is None or light_cols is None:
        lr, lc = _auto_split(M0)
        light_rows = lr if light_rows is None else tuple(light_rows)
        light_cols = lc if light_cols is None else tuple(light_cols)
    light_rows, light_cols = tuple(light_rows), tuple(light_cols)
    hr = tuple(i for i in range(M.rows) if i not in light_rows)
    hc = tuple(j for j in range(M.cols) if j not in light_cols)
    if len(hr) != len(hc):
        raise ModelError(f"heavy block is {len(hr)}x{len(hc)}; it must be square")
    mll = Me.extract(list(light_rows), list(light_cols))
    mlh = Me.extract(list(light_rows), list(hc))
    mhl = Me.extract(list(hr), list(light_cols))
    H = Me.extract(list(hr), list(hc))
    H0 = H.subs(eps, 0)
    if H0.det() == 0:
        raise ModelError("the heavy block is singular at zeroth order in the small parameters")
    H0i = H0.inv()
    dH = H - H0
    Hi = H0i
    term = H0i
    for _ in range(order):
        term = _tmat(-H0i * dH * term, eps, order)
        if term.is_zero_matrix:
            break
        Hi = Hi + term
    Hi = _tmat(Hi, eps, order)
    Hid = Hi.H
    nl_r, nl_c, nh = len(light_rows), len(light_cols), len(hr)
    A = sp.zeros(nh, nl_r)
    B = sp.zeros(nh, nl_c)
    for _ in range(order + 1):
        B_new = _tmat(Hi * (A * mll + A * mlh * B - mhl), eps, order)
        A_new = _tmat(Hid * (B * mll.H + B * mhl.H * A - mlh.H), eps, order)
        if B_new == B and A_new == A:
            break
        A, B = A_new, B_new
    NA = _inv_sqrt_series(_tmat(A.H * A, eps, order), eps, order)
    NB = _inv_sqrt_series(_tmat(B.H * B, eps, order), eps, order)
    NAt = _inv_sqrt_series(_tmat(A * A.H, eps, order), eps, order)
    NBt = _inv_sqrt_series(_tmat(B * B.H, eps, order), eps, order)
    core_l = mll + mlh * B + A.H * mhl + A.H * H * B
    core_h = A * mll * B.H - A * mlh - mhl * B.H + H
    light = _tmat(NA * _tmat(core_l, eps, order) * NB, eps, order)
    heavy = _tmat(NAt * _tmat(core_h, eps, order) * NBt, eps, order)
    UL = sp.BlockMatrix([[NA, -A.H * NAt], [A * NA, NAt]]).as_explicit()
    UR = sp.BlockMatrix([[NB, -B.H * NBt], [B * NB, NBt]]).as_explicit()
    UL, UR = _tmat(UL, eps, order), _tmat(UR, eps, order)

    def fin(X):
        return sp.ImmutableMatrix(X.subs(eps, 1).applyfunc(sp.expand))

    return PerturbativeSVD(fin(light), fin(heavy), fin(A), fin(B), fin(UL), fin(UR),
                           light_rows, light_cols, hr, hc, order, tuple(small))


# ----------------------------------------------------------------------------- numerics
def numerical_svd(M, dps: int = 50) -> list:
    """Singular values of a numeric matrix with mpmath at ``dps`` digits, ascending.

    The values carry ``dps`` digits; compare them inside ``mpmath.workdps(dps)``.

    Parameters
    ----------
    M : matrix-like
        Numeric matrix (sympy, nested lists or numbers convertible by
        :func:`~anomalyalgebra.numeric.to_mpmath_matrix`), real or complex.
    dps : int, optional
        Decimal digits of the working precision (default 50).

    Returns
    -------
    list of mpmath.mpf
        The singular values, ascending.

    Examples
    --------
    >>> [float(x) for x in numerical_svd([[0, 1], [1, 10]], dps=30)]
    [0.0990195135927..., 10.0990195135927...]
    """
    import mpmath

    with mpmath.workdps(dps):
        A = to_mpmath_matrix(M)
        s = mpmath.svd_r(A, compute_uv=False) if _is_real(A) else mpmath.svd_c(A, compute_uv=False)
        return sorted(s[i] for i in range(len(s)))


def _is_real(A):
    import mpmath

    return all(mpmath.im(A[i, j]) == 0 for i in range(A.rows) for j in range(A.cols))


def block_diagonalise_numeric(M, light_rows: Sequence[int], light_cols: Sequence[int], iterations: int = 3,
                              dps: int | None = None):
    """Numerical seesaw block-diagonalisation (mpmath, real or complex).

    Runs ``iterations`` steps of the fixed-point equations of the module docstring;
    the normalisation uses exact matrix inverse square roots.  Each step gains one
    order in the ratio of light to heavy entries.

    Parameters
    ----------
    M : matrix-like
        Numeric mass matrix, rows left-handed and columns right-handed states.
    light_rows, light_cols : sequence of int
        Indices of the light rows and columns.
    iterations : int, optional
        Number of fixed-point steps (default 3).
    dps : int, optional
        Working precision in decimal digits (default: the current mpmath precision);
        do arithmetic on the results inside ``mpmath.workdps(dps)`` to keep it.

    Returns
    -------
    tuple of mpmath.matrix
        ``(light_block, heavy_block)``.

    Examples
    --------
    >>> import mpmath
    >>> L, H = block_diagonalise_numeric([[0, 0.01], [0.02, 1]], [0], [0], iterations=8)
    >>> float(abs(L[0, 0])), float(numerical_svd([[0, 0.01], [0.02, 1]])[0])   # doctest: +ELLIPSIS
    (0.00019995002..., 0.00019995002...)
    """
    import mpmath

    if dps is not None:
        with mpmath.workdps(dps):
            return block_diagonalise_numeric(M, light_rows, light_cols, iterations)
    A0 = to_mpmath_matrix(M)
    lr, lc = list(light_rows), list(light_cols)
    hr = [i for i in range(A0.rows) if i not in lr]
    hc = [j for j in range(A0.cols) if j not in lc]

    def sub(r, c):
        out = mpmath.matrix(len(r), len(c))
        for a, i in enumerate(r):
            for b, j in enumerate(c):
                out[a, b] = A0[i, j]
        return out

    mll, mlh, mhl, H = sub(lr, lc), sub(lr, hc), sub(hr, lc), sub(hr, hc)
    Hi = H ** -1
    Hid = Hi.H
    A = mpmath.zeros(len(hr), len(lr))
    B = mpmath.zeros(len(hr), len(lc))
    for _ in range(iterations):
        B_new = Hi * (A * mll + A * mlh * B - mhl)
        A = Hid * (B * mll.H + B * mhl.H * A - mlh.H)
        B = B_new

    def isqrt(X):
        n = X.rows
        return mpmath.inverse(mpmath.sqrtm(mpmath.eye(n) + X))

    light = isqrt(A.H * A) * (mll + mlh * B + A.H * mhl + A.H * H * B) * isqrt(B.H * B)
    heavy = isqrt(A * A.H) * (A * mll * B.H - A * mlh - mhl * B.H + H) * isqrt(B * B.H)
    return light, heavy
