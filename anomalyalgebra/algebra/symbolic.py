"""SU(2) irreps whose dimension is a sympy expression (e.g. an n-plet with symbolic n).

For the ``n``-dimensional SU(2) irrep (spin ``j = (n-1)/2``):
``T = n (n^2 - 1)/12``, ``C2 = (n^2 - 1)/4``, ``A = 0``; it is its own conjugate,
real for odd ``n`` and pseudoreal for even ``n``.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from ..exceptions import UnknownRepresentationError
from .lie import LieAlgebra
from .irrep import Irrep

__all__ = ["SymbolicSU2Irrep", "su2_irrep"]

_SU2 = LieAlgebra("A", 1)


@dataclass(frozen=True)
class SymbolicSU2Irrep:
    """The SU(2) irrep of symbolic dimension ``dim`` (not an integer yet).

    Parameters
    ----------
    dim : sympy.Expr
        The dimension ``n``; it prints as this expression.

    Raises
    ------
    UnknownRepresentationError
        If ``dim`` is a number, or its assumptions exclude a positive integer.

    Examples
    --------
    >>> import sympy
    >>> n = sympy.Symbol("n", integer=True, positive=True)
    >>> r = su2_irrep(n)
    >>> r, r.index, r.casimir, r.anomaly, r.reality
    (n, n*(n**2 - 1)/12, n**2/4 - 1/4, 0, None)
    >>> r.subs(n, 3)
    Irrep('SU(2)', '3')
    >>> su2_irrep(2 * n).reality
    'pseudoreal'
    """

    dim: sympy.Expr

    def __post_init__(self):
        d = sympy.sympify(self.dim) if not isinstance(self.dim, sympy.Basic) else self.dim
        if d.is_number:
            raise UnknownRepresentationError(
                f"SU(2): dimension {self.dim!r} is a number; use su2_irrep({self.dim!r}) for an ordinary irrep"
            )
        if d.is_positive is False or d.is_integer is False:
            raise UnknownRepresentationError(f"SU(2): dimension {self.dim!r} cannot be a positive integer")
        object.__setattr__(self, "dim", d)

    algebra = _SU2

    @property
    def name(self) -> str:
        return str(self.dim)

    @property
    def index(self) -> sympy.Expr:
        """Dynkin index ``n (n^2 - 1)/12``."""
        n = self.dim
        return n * (n**2 - 1) / 12

    @property
    def casimir(self) -> sympy.Expr:
        """Quadratic Casimir ``(n^2 - 1)/4``."""
        return (self.dim**2 - 1) / 4

    @property
    def anomaly(self) -> sympy.Integer:
        return sympy.Integer(0)

    @property
    def conjugate(self) -> "SymbolicSU2Irrep":
        return self

    @property
    def reality(self):
        """``'real'`` (odd n), ``'pseudoreal'`` (even n) or ``None`` if undecided."""
        if self.dim.is_odd:
            return "real"
        if self.dim.is_even:
            return "pseudoreal"
        return None

    @property
    def free_symbols(self):
        return self.dim.free_symbols

    def subs(self, *args, **kwargs):
        """Substitute into the dimension.

        Parameters
        ----------
        *args, **kwargs
            As for :meth:`sympy.Basic.subs`.

        Returns
        -------
        Irrep or SymbolicSU2Irrep
            An ordinary :class:`Irrep` when the dimension becomes an integer.

        Raises
        ------
        UnknownRepresentationError
            If the dimension becomes a number that is not a positive integer.
        """
        return su2_irrep(self.dim.subs(*args, **kwargs))

    def __str__(self) -> str:
        return str(self.dim)

    def __repr__(self) -> str:
        return str(self.dim)

    def _sympystr(self, printer=None) -> str:
        return str(self.dim)

    def _latex(self, printer=None) -> str:
        return sympy.latex(self.dim)

    def _repr_latex_(self) -> str:
        return "$" + self._latex() + "$"


def su2_irrep(n):
    """The ``n``-dimensional SU(2) irrep; symbolic if ``n`` is not a number.

    Parameters
    ----------
    n : int or sympy expression
        The dimension (``2j + 1``); an integer ``n >= 1`` gives the irrep with
        Dynkin label ``n - 1``.

    Returns
    -------
    Irrep or SymbolicSU2Irrep
        An ordinary irrep for a number, a symbolic one otherwise.

    Raises
    ------
    UnknownRepresentationError
        If ``n`` is a number that is not a positive integer.

    Examples
    --------
    >>> su2_irrep(2).labels, su2_irrep(2).reality
    ((1,), 'pseudoreal')
    >>> su2_irrep(0)
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.UnknownRepresentationError: SU(2): dimension 0 is not a positive integer
    """
    if isinstance(n, bool):
        raise UnknownRepresentationError(f"SU(2): dimension {n!r} is not a positive integer")
    if isinstance(n, int) or (isinstance(n, sympy.Basic) and n.is_number):
        if not (isinstance(n, int) or n.is_Integer) or n < 1:
            raise UnknownRepresentationError(f"SU(2): dimension {n} is not a positive integer")
        return Irrep(_SU2, (int(n) - 1,))
    if isinstance(n, sympy.Basic):
        return SymbolicSU2Irrep(n)
    raise UnknownRepresentationError(f"SU(2): dimension {n!r} is neither an int nor a sympy expression")
