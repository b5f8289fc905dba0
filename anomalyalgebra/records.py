"""The record type of :func:`anomalyalgebra.paper.results`: derived vs printed."""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

__all__ = ["PaperRecord"]


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

    Examples
    --------
    >>> r = PaperRecord("x", 0.0179, 0.018, "rounded", True)
    >>> round(r.rel_diff, 4)
    -0.0056
    """

    key: str
    derived: object
    paper: object
    note: str = ""
    agrees: bool = True

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
