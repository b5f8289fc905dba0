"""Irreducible representations of simple Lie algebras, labelled by Dynkin labels.

:class:`Irrep` is a thin frozen record ``(algebra, labels)``; the physics lives in
the cached functions of :mod:`anomalyalgebra.algebra.weights` (:func:`irrep_dim`,
:func:`irrep_index`, ...), so each quantity is computed once per irrep, and the names
in :mod:`anomalyalgebra.algebra.naming`.  Those functions are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy

from ..exceptions import UnknownRepresentationError
from .cartan import CartanType
from .naming import irrep_latex, irrep_name
from .weights import (
    congruence_class,
    dominant_weights,
    irrep_anomaly,
    irrep_casimir,
    irrep_conjugate,
    irrep_dim,
    irrep_index,
    irrep_reality,
    weight_system,
)

__all__ = [
    "Irrep",
    "irrep_dim",
    "irrep_casimir",
    "irrep_index",
    "irrep_anomaly",
    "irrep_conjugate",
    "irrep_reality",
    "congruence_class",
    "dominant_weights",
    "weight_system",
]


@dataclass(frozen=True)
class Irrep:
    """An irrep of a simple Lie algebra, given by the Dynkin labels of its highest weight.

    Build it with :func:`~anomalyalgebra.algebra.parse_irrep` or
    :meth:`LieAlgebra.irrep` from a name; the constructor takes the labels.

    Parameters
    ----------
    algebra : LieAlgebra
    labels : tuple of int
        Non-negative Dynkin labels, one per simple root.

    Raises
    ------
    UnknownRepresentationError
        If the labels are not ``rank`` non-negative integers.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> r = lie_algebra("SU(3)").irrep("6")
    >>> r
    Irrep('SU(3)', '6')
    >>> r.labels, r.dim, r.index, r.casimir, r.anomaly, r.reality
    ((2, 0), 6, 5/2, 10/3, 7, 'complex')
    >>> r.conjugate.name, r.conjugate.anomaly
    ('6bar', -7)
    """

    algebra: CartanType
    labels: tuple

    def __post_init__(self):
        alg, lab = self.algebra, self.labels
        if not isinstance(alg, CartanType):
            raise UnknownRepresentationError(f"{alg!r} is not a LieAlgebra")
        try:
            lab = tuple(lab)
        except TypeError:
            raise UnknownRepresentationError(f"{alg.name}: Dynkin labels {lab!r} are not a sequence") from None
        bad = [x for x in lab if isinstance(x, bool) or not isinstance(x, (int, sympy.Integer)) or x < 0]
        if len(lab) != alg.rank or bad:
            raise UnknownRepresentationError(
                f"{alg.name}: Dynkin label {lab!r} is not an irrep; expected {alg.rank} non-negative integers"
            )
        object.__setattr__(self, "labels", tuple(int(x) for x in lab))

    # -------------------------------------------------------------- display
    @property
    def name(self) -> str:
        """Conventional (LieART) name, e.g. ``'3bar'``, ``"15'"``, ``'8_v'``.

        Falls back to the Dynkin label string ``'(1,0,2)'`` when the dimension
        cannot be named unambiguously.
        """
        return irrep_name(self)

    @property
    def label_string(self) -> str:
        """Dynkin labels as ``'(1,0)'``."""
        return "(" + ",".join(map(str, self.labels)) + ")"

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"Irrep({self.algebra.name!r}, {self.name!r})"

    def _sympystr(self, printer=None) -> str:
        return self.name

    def _latex(self, printer=None) -> str:
        return irrep_latex(self)

    def _repr_latex_(self) -> str:
        return "$" + self._latex() + "$"

    # -------------------------------------------------------------- physics
    @property
    def dim(self) -> sympy.Integer:
        """Dimension (Weyl dimension formula)."""
        return _sym(irrep_dim, self.algebra, self.labels)

    @property
    def casimir(self) -> sympy.Rational:
        """Quadratic Casimir ``C2``, normalised so that ``C2(adj)`` is the dual Coxeter number."""
        return _sym(irrep_casimir, self.algebra, self.labels)

    @property
    def index(self) -> sympy.Rational:
        """Dynkin index ``T = dim C2 / dim G`` (``T(fund SU(N)) = 1/2``, ``T(adj) = h^vee``)."""
        return _sym(irrep_index, self.algebra, self.labels)

    @property
    def anomaly(self) -> sympy.Integer:
        """Cubic anomaly coefficient, ``A(fund SU(N)) = 1``; 0 unless SU(N>=3) and complex."""
        return _sym(irrep_anomaly, self.algebra, self.labels)

    @property
    def conjugate(self) -> "Irrep":
        """The complex-conjugate irrep ``-w0(lambda)``."""
        return Irrep(self.algebra, irrep_conjugate(self.algebra, self.labels))

    @property
    def reality(self) -> str:
        """``'real'``, ``'pseudoreal'`` or ``'complex'``."""
        return irrep_reality(self.algebra, self.labels)

    @property
    def is_trivial(self) -> bool:
        return not any(self.labels)

    @property
    def congruence_class(self):
        """Congruence class (N-ality for SU(N)); a pair of ints for SO(2n) (LieART convention)."""
        return congruence_class(self.algebra, self.labels)

    def dominant_weights(self) -> tuple:
        """Dominant weights with multiplicities ``((weight, mult), ...)`` (Freudenthal)."""
        return dominant_weights(self.algebra, self.labels)

    def weights(self) -> tuple:
        """All weights with multiplicities ``((weight, mult), ...)`` in the Dynkin basis.

        Examples
        --------
        >>> from anomalyalgebra.algebra import lie_algebra
        >>> lie_algebra("SU(3)").irrep("3").weights()
        (((1, 0), 1), ((-1, 1), 1), ((0, -1), 1))
        >>> sum(m for _, m in lie_algebra("E8").adjoint.weights())
        248
        """
        return weight_system(self.algebra, self.labels)


def _as_rational(x: Fraction) -> sympy.Rational:
    return sympy.Rational(x.numerator, x.denominator)


@lru_cache(maxsize=None)
def _sym(func, alg, labels):
    """sympy ``Integer``/``Rational`` of a cached exact quantity (cached too)."""
    x = func(alg, labels)
    return sympy.Integer(x) if isinstance(x, int) else _as_rational(x)

