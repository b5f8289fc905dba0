"""Lie-algebra layer of anomalyalgebra: simple Lie algebras, irreps and tensor products.

This layer knows nothing about particles, U(1) factors or fields.  All group data
are exact (python ints internally, sympy ``Integer``/``Rational`` at the surface).

Examples
--------
>>> from anomalyalgebra.algebra import lie_algebra, parse_irrep, singlet_multiplicity
>>> so10 = lie_algebra("SO(10)")
>>> s, v = parse_irrep(so10, "16"), parse_irrep(so10, "10")
>>> s.labels, v.index, s.index
((0, 0, 0, 0, 1), 1, 2)
>>> singlet_multiplicity(s, s, v)
1
"""

from .irrep import Irrep
from .lie import LieAlgebra, lie_algebra, parse_irrep
from .symbolic import SymbolicSU2Irrep, su2_irrep
from .tensor import singlet_multiplicity, tensor_product

__all__ = [
    "LieAlgebra",
    "Irrep",
    "SymbolicSU2Irrep",
    "lie_algebra",
    "parse_irrep",
    "su2_irrep",
    "tensor_product",
    "singlet_multiplicity",
]
