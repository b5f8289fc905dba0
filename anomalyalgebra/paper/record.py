"""The record type of :func:`anomalyalgebra.paper.results`: derived vs printed."""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

__all__ = ["PaperRecord", "INPUTS"]

#: The provenance values of :attr:`PaperRecord.inputs`.
INPUTS = ("derived", "printed point", "printed")


@dataclass(frozen=True)
class PaperRecord:
    """One result of the seed paper: what the toolkit derives and what the paper prints.

    Attributes
    ----------
    key : str
        ``"eq21"``, ``"table2"``, ...
    derived
        The toolkit's result (a sympy object, a number, or a list of them).
    paper
        The result as printed in the paper, typed in for comparison only.
    note : str
        How the two relate (equal, equal up to a factor, rounding, misprint ...).
    agrees : bool
        The verdict of the comparison made when the record was built.
    inputs : str
        Provenance of ``derived`` (keyword only, required): ``"derived"`` (computed
        from model files and measured constants only), ``"printed point"`` (derived,
        but evaluated at a point the paper prints, e.g. a best-fit coupling) or
        ``"printed"`` (the record restates a printed input).
    where : str
        Equation, table or section of the paper (keyword only).

    Examples
    --------
    >>> r = PaperRecord("x", 0.0199, 0.02, "rounded", True, inputs="printed point")
    >>> round(r.rel_diff, 4)
    -0.005
    """

    key: str
    derived: object
    paper: object
    note: str = ""
    agrees: bool = True
    inputs: str = field(kw_only=True)
    where: str = field(default="", kw_only=True)

    def __post_init__(self):
        if self.inputs not in INPUTS:
            raise ValueError(f"PaperRecord {self.key!r}: inputs must be one of {INPUTS},"
                             f" got {self.inputs!r}")

    @property
    def rel_diff(self):
        """(derived - paper) / paper for numbers; ``None`` for expressions and lists."""
        if not isinstance(self.derived, (int, float, sp.Basic)) or \
                not isinstance(self.paper, (int, float, sp.Basic)):
            return None
        try:
            d, p = sp.sympify(self.derived), sp.sympify(self.paper)
        except (sp.SympifyError, TypeError):
            return None
        if not (d.is_number and p.is_number) or p == 0:
            return None
        return float((d - p) / p)
