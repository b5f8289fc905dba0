"""Smith and Hermite normal forms: re-exported from :mod:`anomalyalgebra.lattice`.

The package has one exact-lattice layer; this module keeps the names the
operators subpackage has always exported.
"""

from __future__ import annotations

from ..lattice import check_smith, hermite_rows, int_det, smith_normal_form

__all__ = ["smith_normal_form", "hermite_rows", "int_det", "check_smith"]
