"""A remembered :func:`sympy.simplify` for the breaking modules (private)."""

from __future__ import annotations

import functools

import sympy as sp

__all__ = ["simplify"]


def simplify(expr):
    """``sympy.simplify(expr)``, remembered.

    A pure function of an immutable expression; the mass matrices simplify the same
    products of couplings, charges and VEVs again and again (every component of a
    multiplet, every copy, every model of a session).

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> simplify(sp.sin(x)**2 + sp.cos(x)**2)
    1
    """
    try:
        return _simplify(expr)
    except TypeError:           # unhashable: not remembered
        return sp.simplify(expr)


@functools.lru_cache(maxsize=4096)
def _simplify(expr):
    return sp.simplify(expr)
