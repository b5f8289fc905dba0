"""The seed paper as one application of the library.

"Gauged τ-lepton chiral currents and B → K(*) E_miss" is reproduced from the
built-in model files through the public API of :mod:`anomalyalgebra`; this package
sits above the library (no library module imports it).  It holds

* ``printed.toml`` — every value the paper prints that a record compares with or
  evaluates at (read by :mod:`anomalyalgebra.paper.printed`);
* one module per part of the paper: :mod:`~anomalyalgebra.paper.traces`
  (Eqs. 21–27), :mod:`~anomalyalgebra.paper.solutions` (Eqs. 28–33, Table II),
  :mod:`~anomalyalgebra.paper.operators` (Eqs. 40, 46, 60, accidental symmetries),
  :mod:`~anomalyalgebra.paper.breaking` (Eqs. 35, 42, 45, 47–59),
  :mod:`~anomalyalgebra.paper.pheno` (the X-boson numbers of Sections II–IV);
* :func:`results` — derived-versus-printed :class:`~anomalyalgebra.paper.record.PaperRecord`
  objects, keyed as in the explicit table :data:`RECORDS`.

Each record states its provenance in ``inputs``: ``"derived"`` (model files and
measured constants only), ``"printed point"`` (derived, evaluated at a point the
paper prints) or ``"printed"`` (restates a printed input).

Examples
--------
>>> from anomalyalgebra import paper
>>> r = paper.results(["eq22"])["eq22"]
>>> r.derived, r.paper, r.agrees, r.inputs
(-alpha_L, -alpha_L, True, 'derived')
"""

from __future__ import annotations

from typing import Iterable

from .record import PaperRecord
from . import breaking, operators, pheno, solutions, traces
from ._common import paper_parameters, proportionality

__all__ = ["results", "keys", "RECORDS", "TABLE_CAPTIONS", "PaperRecord", "paper_parameters", "proportionality"]

#: Every key of :func:`results` and the function computing it, in the paper's order.
RECORDS = {
    "gS_fit": pheno.gS_fit,
    "gS_fit_printed_eq13": pheno.gS_fit_printed_eq13,
    "eq18": pheno.eq18,
    "eq19": pheno.eq19,
    "eq21": traces.eq21,
    "eq22": traces.eq22,
    "eq23": traces.eq23,
    "eq24": traces.eq24,
    "eq25": traces.eq25,
    "eq26": traces.eq26,
    "eq27": traces.eq27,
    "eq28": solutions.eq28,
    "eq30": solutions.eq30,
    "eq31": solutions.eq31,
    "eq32": solutions.eq32,
    "eq33": solutions.eq33,
    "eq35": breaking.eq35,
    "eq36_norm": pheno.eq36_norm,
    "eq37_norm": pheno.eq37_norm,
    "eq38_unit": pheno.eq38_unit,
    "table2": solutions.table2,
    "table2_zgamma": solutions.table2_zgamma,
    "eq40": operators.eq40,
    "eq42": breaking.eq42,
    "eq43": pheno.eq43,
    "eq44_footnote6": operators.eq44_footnote6,
    "eq45": breaking.eq45,
    "eq46": operators.eq46,
    "accidental_l_minus_4r": operators.accidental_l_minus_4r,
    "accidental_breaking_l_minus_4r": operators.accidental_breaking_l_minus_4r,
    "accidental_l_minus_4r_all_fields": operators.accidental_l_minus_4r_all_fields,
    "eq47": breaking.eq47,
    "eq48": breaking.eq48,
    "eq49": breaking.eq49,
    "eq50": breaking.eq50,
    "eq51": breaking.eq51,
    "eq52": breaking.eq52,
    "eq53": breaking.eq53,
    "eq54": breaking.eq54,
    "eq55": breaking.eq55,
    "eq57": breaking.eq57,
    "vX": pheno.vX,
    "eq58": pheno.eq58,
    "eq58_printed_formula": pheno.eq58_printed_formula,
    "fig1_L4R_best_fit": pheno.fig1_L4R_best_fit,
    "fig1_Lonly_best_fit": pheno.fig1_Lonly_best_fit,
    "eq59": pheno.eq59,
    "eq59_masses": breaking.eq59_masses,
    "eq59_norm": breaking.eq59_norm,
    "eq60": operators.eq60,
}

#: Captions of the paper's field tables, by built-in model name (used by ``reproduce``).
TABLE_CAPTIONS = {
    "anomalon_nplet": "Table I: anomaly-cancelling field content (with the SM and N = 2 singlets).",
    "tau_l_only": "Table III: field content of the L-only model.",
    "tau_l_minus_4r": "Table IV: field content of the L = -4R model.",
}


def keys() -> list:
    """Every key :func:`results` knows, in the paper's order.

    Examples
    --------
    >>> keys()[:3]
    ['gS_fit', 'gS_fit_printed_eq13', 'eq18']
    """
    return list(RECORDS)


def results(which: Iterable[str] | None = None) -> dict:
    """Derived-versus-printed records of the seed paper.

    Parameters
    ----------
    which : iterable of str, optional
        Keys to compute (default: all of :func:`keys`).

    Raises
    ------
    KeyError
        For a key that is not in :data:`RECORDS` (the message lists the known keys).

    Examples
    --------
    >>> r = results(["eq21"])["eq21"]
    >>> r.derived, r.agrees
    (-alpha_L + 2*alpha_R, True)
    """
    wanted = keys() if which is None else list(which)
    unknown = [k for k in wanted if k not in RECORDS]
    if unknown:
        raise KeyError(f"unknown paper result(s) {unknown}; known: {keys()}")
    return {k: RECORDS[k]() for k in wanted}
