"""Remembering pure functions of sympy expressions: :func:`remembered`, and a
remembered :func:`sympy.simplify` shared by the modules that simplify the same
expressions again and again (mass matrices, couplings, gauge eigenstates)."""

from __future__ import annotations

import functools

import sympy as sp

__all__ = ["remembered", "simplify", "is_monomial"]


def remembered(maxsize: int):
    """Decorator: :func:`functools.lru_cache` for a pure function of immutable arguments
    that may also be called with unhashable ones (then computed, not remembered).

    Parameters
    ----------
    maxsize : int
        Size of the LRU cache.

    Returns
    -------
    callable
        A decorator; the decorated function has ``cache_clear`` and ``cache_info``.

    Examples
    --------
    >>> @remembered(8)
    ... def total(x):
    ...     return sum(x) if isinstance(x, list) else x
    >>> total(3), total([1, 2]), total.cache_info().currsize
    (3, 3, 1)
    """
    def decorate(fn):
        cached = functools.lru_cache(maxsize=maxsize)(fn)

        @functools.wraps(fn)
        def call(*args):
            try:
                hash(args)
            except TypeError:           # unhashable: not remembered
                return fn(*args)
            return cached(*args)

        call.cache_clear, call.cache_info = cached.cache_clear, cached.cache_info
        return call
    return decorate


@remembered(4096)
def simplify(expr):
    """``sympy.simplify(expr)``, remembered, and immediate on monomials.

    A pure function of an immutable expression; the mass matrices simplify the same
    products of couplings, charges and VEVs again and again (every component of a
    multiplet, every copy, every model of a session).  A monomial -- a product of a
    rational, positive-integer surds and integer powers of commutative symbols, such
    as ``sqrt(2)*v*y/2`` -- is returned as it is: sympy's automatic evaluation
    already keeps it in the one canonical form that every step of
    :func:`sympy.simplify` returns for it.

    Parameters
    ----------
    expr : sympy expression
        Any expression (unhashable arguments are simplified, not remembered).

    Returns
    -------
    sympy.Basic
        ``sympy.simplify(expr)``, or ``expr`` itself for a non-zero monomial.

    Examples
    --------
    >>> x, v = sp.Symbol("x"), sp.Symbol("v", positive=True)
    >>> simplify(sp.sin(x)**2 + sp.cos(x)**2)
    1
    >>> simplify(sp.sqrt(2) * v**2 * x / 2)
    sqrt(2)*v**2*x/2
    """
    if isinstance(expr, sp.Expr) and is_monomial(expr) and expr.is_zero is not True:
        return expr
    return sp.simplify(expr)


def is_monomial(expr) -> bool:
    """Whether ``expr`` is a rational times positive-integer surds times integer powers
    of commutative symbols (the expressions :func:`simplify` returns at once).

    Parameters
    ----------
    expr : sympy expression
        The expression tested.

    Returns
    -------
    bool
        True for such a product.

    Examples
    --------
    >>> v = sp.Symbol("v")
    >>> is_monomial(3 * sp.sqrt(2) * v**-2 / 5), is_monomial(v + 1), is_monomial(sp.sqrt(v))
    (True, False, False)
    """
    for f in sp.Mul.make_args(expr):
        if f.is_Rational or (f.is_Symbol and f.is_commutative):
            continue
        if f.is_Pow and f.base.is_Symbol and f.base.is_commutative and f.exp.is_Integer:
            continue
        if f.is_Pow and f.base.is_Integer and f.base.is_positive and f.exp.is_Rational:
            continue
        return False
    return True
