"""Turn the closed-form observables into numpy or mpmath functions (``sympy.lambdify``).

numpy is optional (extra ``numeric``): it is imported only when ``modules="numpy"``
is asked for, with a :class:`~anomalyalgebra.exceptions.MissingDependencyError`
naming ``pip install anomalyalgebra[numeric]`` when it is missing.
"""

from __future__ import annotations

import inspect
from typing import Callable, Sequence

import sympy as sp

from ..numeric import lambdify_numpy, require_numpy

__all__ = ["numeric", "require_numpy", "lambdify_numpy"]


def numeric(func: Callable, variables: Sequence[str], *, modules: str = "numpy",
            params=None, dps: int = 30, real: bool = False, **fixed) -> Callable:
    """Lambdify an observable of :mod:`anomalyalgebra.pheno.observables`.

    The observable is built with sympy symbols for ``variables`` (keyword names of
    ``func``), the Standard-Model inputs from ``params`` substituted exactly, and
    ``fixed`` keyword values; numeric constants are then evaluated to ``dps``
    digits and the expression is handed to :func:`sympy.lambdify`.

    Parameters
    ----------
    func : callable
        An observable function, e.g. :func:`~anomalyalgebra.pheno.observables.g_S`.
    variables : sequence of str
        Names of ``func``'s arguments that become the arguments of the result.
    modules : {"numpy", "mpmath"}
        Backend of :func:`sympy.lambdify`.
    params : Parameters, optional
        Standard-Model inputs (default parameter set if omitted).
    dps : int
        Digits used to evaluate constant sub-expressions (use more for mpmath work).
    real : bool
        Wrap the expression in ``Abs`` (for complex couplings such as ``g_S``).
    **fixed
        Values of the remaining arguments of ``func``.

    Returns
    -------
    callable
        ``f(*values)`` in the order of ``variables``; the sympy expression is kept
        as ``f.expr`` and the symbols as ``f.symbols``.

    Examples
    --------
    >>> from anomalyalgebra.pheno import g_S, br_Z_to_gamma_X
    >>> f = numeric(g_S, ["A_XWW", "g_X", "m_X"], real=True)
    >>> f"{float(f(-1.0, 0.02, 2.0)):.3e}"
    '2.214e-08'
    >>> import mpmath
    >>> mpmath.mp.dps = 30
    >>> h = numeric(br_Z_to_gamma_X, ["g_X"], modules="mpmath", A_XWW=-1, A_XYY=1, m_X=2)
    >>> mpmath.nstr(h(mpmath.mpf("0.01")), 6)
    '2.18939e-7'
    >>> mpmath.mp.dps = 15
    """
    if modules == "numpy":
        require_numpy()
    elif modules != "mpmath":
        raise ValueError(f"modules must be 'numpy' or 'mpmath', got {modules!r}")
    sig = inspect.signature(func)
    for name in list(variables) + list(fixed):
        if name not in sig.parameters:
            raise TypeError(f"{func.__name__}() has no argument {name!r}; "
                            f"arguments: {list(sig.parameters)}")
    syms = [sp.Symbol(v, real=True) for v in variables]
    kwargs = dict(zip(variables, syms))
    kwargs.update({k: sp.nsimplify(v) if isinstance(v, float) else v for k, v in fixed.items()})
    if "params" in sig.parameters:
        kwargs["params"] = params
    expr = func(**kwargs)
    if real:
        expr = sp.Abs(expr)
    expr = _evaluate_constants(expr, dps)
    f = lambdify_numpy(syms, expr) if modules == "numpy" else sp.lambdify(syms, expr, modules=modules)
    f.expr = expr
    f.symbols = tuple(syms)
    return f


def _evaluate_constants(expr, dps):
    """Evaluate numeric sub-expressions (CKM radicals, logs, pi ...) to ``dps`` digits."""
    expr = sp.sympify(expr)
    if not expr.free_symbols:
        return expr.evalf(dps)
    # evalf leaves symbols untouched but folds every numeric leaf cluster
    return expr.evalf(dps)
