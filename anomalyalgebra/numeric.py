"""Numbers from closed forms: lambdify to numpy or mpmath, shared by every layer.

numpy is optional (extra ``numeric``); it is imported only when a numpy function is
asked for, and its absence raises :class:`~anomalyalgebra.exceptions.MissingDependencyError`
naming the extra.
"""

from __future__ import annotations

from typing import Sequence

import sympy as sp

from .exceptions import MissingDependencyError

__all__ = ["require_numpy", "lambdify_numpy", "lambdify_mpmath", "lambdify", "fast_numpy_printer",
           "to_mpmath_matrix"]


def require_numpy():
    """Import numpy or raise a clear :class:`MissingDependencyError`."""
    try:
        import numpy
    except ImportError as exc:  # pragma: no cover - environment dependent
        raise MissingDependencyError(
            "this feature needs numpy: pip install anomalyalgebra[numeric]"
        ) from exc
    return numpy


def fast_numpy_printer(fully_qualified: bool = False):
    """A NumPyPrinter that writes the integer powers 2 and 4 as ``square``.

    ``numpy.power(x, 4)`` is several times slower than ``square(square(x))``; sympy
    prints ``x**4`` as a power, so e.g. the Fig. 1 χ² (which has a ``(a - b)**4`` term)
    would run ~3x slower than hand-written numpy without this.

    Parameters
    ----------
    fully_qualified : bool, optional
        Print ``numpy.square`` instead of ``square`` (default False).

    Returns
    -------
    sympy.printing.numpy.NumPyPrinter
        A printer instance to pass to :func:`sympy.lambdify` (``printer=``).
    """
    from sympy.printing.numpy import NumPyPrinter

    prefix = "numpy." if fully_qualified else ""

    class FastPowPrinter(NumPyPrinter):
        def _print_Pow(self, expr, rational=False):
            e = expr.exp
            if e.is_Integer and int(e) in (2, 4):
                sq = f"{prefix}square({self._print(expr.base)})"
                return sq if int(e) == 2 else f"{prefix}square({sq})"
            return super()._print_Pow(expr, rational=rational)

    return FastPowPrinter({"fully_qualified_modules": fully_qualified, "inline": True,
                           "allow_unknown_functions": True, "user_functions": {}})


def lambdify_numpy(args, expr):
    """``sympy.lambdify(args, expr, "numpy")`` with small powers written as products.

    Parameters
    ----------
    args : sequence of sympy.Symbol
        The arguments of the function.
    expr : sympy expression
        The expression (or a sequence of them).

    Returns
    -------
    callable
        A vectorised numpy function of ``args``.

    Raises
    ------
    MissingDependencyError
        If numpy is not installed.

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> float(lambdify_numpy([x], (x - 1)**4 + 2*x**2)(3.0))
    34.0
    """
    require_numpy()
    return sp.lambdify(args, expr, modules="numpy", printer=fast_numpy_printer())


def lambdify_mpmath(args, expr):
    """``sympy.lambdify(args, expr, "mpmath")``: arbitrary precision at ``mpmath.mp.dps``.

    Parameters
    ----------
    args : sequence of sympy.Symbol
        The arguments of the function.
    expr : sympy expression
        The expression.

    Returns
    -------
    callable
        A function evaluating with mpmath at the precision in force when called.

    Examples
    --------
    >>> import mpmath
    >>> x = sp.Symbol("x")
    >>> f = lambdify_mpmath([x], sp.sqrt(x))
    >>> with mpmath.workdps(40):
    ...     print(mpmath.nstr(f(2), 35))
    1.4142135623730950488016887242096981
    """
    return sp.lambdify(args, expr, modules="mpmath")


def lambdify(args: Sequence, expr, modules: str = "numpy"):
    """Dispatch to :func:`lambdify_numpy` or :func:`lambdify_mpmath`.

    Parameters
    ----------
    args : sequence of sympy.Symbol
        The arguments of the function.
    expr : sympy expression
        The expression.
    modules : {"numpy", "mpmath"}, optional
        The backend (default ``"numpy"``).

    Returns
    -------
    callable
        The compiled function.

    Raises
    ------
    ValueError
        For another ``modules``.
    MissingDependencyError
        For ``"numpy"`` without numpy.

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> float(lambdify([x], x**2, "mpmath")(3))
    9.0
    """
    if modules == "numpy":
        return lambdify_numpy(args, expr)
    if modules == "mpmath":
        return lambdify_mpmath(args, expr)
    raise ValueError(f"modules must be 'numpy' or 'mpmath', got {modules!r}")


def _matrix_rows(M):
    """Rows of a sympy/numpy/mpmath matrix or a list of lists, as lists."""
    return M.tolist() if hasattr(M, "tolist") else [list(r) for r in M]


def to_mpmath_matrix(M):
    """An ``mpmath.matrix`` at the current ``mpmath.mp.dps`` from any numeric matrix.

    sympy entries (exact or symbolic-numeric, e.g. ``sqrt(2)``) are evaluated with
    five guard digits beyond the working precision; numbers are converted by
    ``mpmath.mpmathify``.  Call it inside ``mpmath.workdps(dps)``.

    Parameters
    ----------
    M : matrix-like
        A sympy, numpy or mpmath matrix, or a list of rows, with numeric entries.

    Returns
    -------
    mpmath.matrix
        The matrix at the current precision.

    Examples
    --------
    >>> import mpmath
    >>> with mpmath.workdps(30):
    ...     A = to_mpmath_matrix(sp.Matrix([[sp.sqrt(2), 1], [0, sp.Rational(1, 3)]]))
    ...     print(mpmath.nstr(A[0, 0], 25), A.rows, A.cols)
    1.414213562373095048801689 2 2
    """
    import mpmath

    guard = mpmath.mp.dps + 5
    return mpmath.matrix([[mpmath.mpmathify(sp.N(x, guard)) if isinstance(x, sp.Basic) else mpmath.mpmathify(x)
                           for x in row] for row in _matrix_rows(M)])
