"""Readers and writers for other tools' model files: SARAH (``.m``) and PyR@TE 3 (``.model``).

Both readers are safe parsers for the subset of the formats that declares a model:
no Mathematica, no ``eval``, no YAML library.  They return an
:class:`ImportedModel` — the :class:`~anomalyalgebra.model.Model` plus the declared
Lagrangian/superpotential terms and the choices the reader made — which
:func:`check_imported` checks and :func:`convert` writes in another format.

Examples
--------
>>> from anomalyalgebra.interop import loads_model_text, convert_text
>>> src = '''
... Groups: {U1Y: U1, SU2L: SU2}
... Fermions: {L: {Gen: 3, Qnb: {U1Y: -1/2, SU2L: 2}}, eR: {Gen: 3, Qnb: {U1Y: -1}}}
... CplxScalars: {H: {RealFields: [Pi, Sigma], Norm: 1/Sqrt(2), Qnb: {U1Y: 1/2, SU2L: 2}}}
... Potential: {Yukawas: {Ye: Lbar[i] H[i] eR}}
... '''
>>> imp = loads_model_text(src, "pyrate")
>>> print(convert_text(imp, "sarah").splitlines()[7])
FermionFields[[1]] = {L, 3, {L1, L2}, -1/2, 2};
"""

from __future__ import annotations

from .check import CheckReport, MODEL_SUFFIXES, check_directory, check_file, check_imported
from .files import convert_file, convert_text, format_of, loads_model_text, read_model_file
from .imported import FORMATS, ImportedModel, Term

__all__ = [
    "CheckReport", "FORMATS", "ImportedModel", "MODEL_SUFFIXES", "Term", "check_directory", "check_file",
    "check_imported", "convert_file", "convert_text", "format_of", "loads_model_text", "read_model_file",
]
