"""The record type of the paper's numbers: derived value vs printed value.

:class:`PaperRecord` is the package-wide record of :mod:`anomalyalgebra.records`
(fields ``key, derived, paper, note, agrees`` and the ``rel_diff`` property),
re-exported here so that the pheno layer and :func:`anomalyalgebra.paper.results`
share one type.

Examples
--------
>>> r = PaperRecord("eq43", 292.5, 290, "rounding", inputs="printed point")
>>> round(r.rel_diff, 4)
0.0086
"""

from ..records import PaperRecord

__all__ = ["PaperRecord"]
