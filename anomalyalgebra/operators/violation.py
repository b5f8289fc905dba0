"""Where each accidental symmetry first breaks: the lowest-dimension violating operators.

For every accidental U(1) or Z_n of a model (:func:`~.accidental.accidental_symmetries`,
i.e. the symmetries of its renormalisable Lagrangian), the Hilbert series
(:mod:`.hilbert`) is graded by that symmetry's charges, copy by copy, and the
dimension is raised from :data:`~.hilbert.MIN_DIM` until some independent operator
(derivatives included, EOM and IBP removed) carries a non-zero charge (non-zero
modulo n for a Z_n).  At that dimension the series is graded by field content as
well, which lists the violating operator classes and how many real parameters each
has.

Examples
--------
>>> import anomalyalgebra as aa
>>> rep = symmetry_breaking(aa.load_model("sm"), max_dim=6)
>>> [(v.symmetry, v.dim, v.count) for v in rep.violations]      # doctest: +NORMALIZE_WHITESPACE
[('U(1)_{q,u,d}', 6, 546), ('U(1)_{l_1,e_1}', 5, 6), ('U(1)_{l_2,e_2}', 5, 6),
 ('U(1)_{l_3,e_3}', 5, 6)]
>>> rep.violations[1].contents       # doctest: +NORMALIZE_WHITESPACE
(('l^2 H^2', 2, 1), ('l†^2 H†^2', -2, 1), ('l^2 H^2', 1, 2), ('l†^2 H†^2', -1, 2))
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from ..exceptions import ModelError
from .accidental import AccidentalSymmetries, accidental_symmetries
from .hilbert import MIN_DIM, hilbert_series

__all__ = ["SymmetryViolation", "SymmetryBreakingReport", "symmetry_breaking", "symmetry_gradings", "violates"]


@dataclass(frozen=True)
class SymmetryViolation:
    """The lowest-dimension operators that violate one accidental symmetry.

    Attributes
    ----------
    symmetry : str
        Name of the symmetry (``"U(1)_{q,u,d}"``).
    kind : str
        ``"U(1)"`` or ``"Z"``.
    order : int or None
        ``n`` of a ``Z_n``.
    dim : int or None
        Lowest violating mass dimension; ``None`` if none up to ``max_dim``.
    count : int
        Independent real operators of dimension ``dim`` that violate it.
    contents : tuple of (str, int, int)
        ``(field content, charge, real operators)`` per violating content; ``D``
        stands for a covariant derivative, ``†`` for a conjugate field, ``G_L``/``G_R``
        for the halves of the field strength of the gauge factor ``G``.
    """

    symmetry: str
    kind: str
    order: int | None
    dim: int | None
    count: int
    contents: tuple = ()

    def to_dict(self) -> dict:
        """JSON-ready form (contents as ``{"content", "charge", "count"}`` objects)."""
        return {"symmetry": self.symmetry, "kind": self.kind, "order": self.order, "dim": self.dim,
                "count": self.count,
                "contents": [{"content": c, "charge": q, "count": n} for c, q, n in self.contents]}


@dataclass(frozen=True)
class SymmetryBreakingReport:
    """Result of :func:`symmetry_breaking`: one :class:`SymmetryViolation` per symmetry.

    Attributes
    ----------
    model_name : str
        Name of the model.
    max_dim : int
        Highest mass dimension searched.
    group : str
        The accidental symmetry group, as text.
    violations : tuple of SymmetryViolation
        One entry per accidental U(1) and Z_n.
    """

    model_name: str
    max_dim: int
    group: str
    violations: tuple

    def violation(self, name: str) -> SymmetryViolation:
        """The entry of the symmetry called ``name``.

        Parameters
        ----------
        name : str
            E.g. ``"U(1)_{q,u,d}"``.

        Returns
        -------
        SymmetryViolation
            Its entry.

        Raises
        ------
        ModelError
            If the model has no accidental symmetry of that name.
        """
        for v in self.violations:
            if v.symmetry == name:
                return v
        raise ModelError(f"model '{self.model_name}' has no accidental symmetry {name!r}"
                         f" (have {[v.symmetry for v in self.violations]})")

    def table(self) -> str:
        """Plain-text table: symmetry, dimension, count, contents."""
        lines = [f"Accidental symmetries of {self.model_name}: {self.group}"]
        for v in self.violations:
            sym = v.symmetry if v.kind == "U(1)" else f"{v.symmetry} (mod {v.order})"
            if v.dim is None:
                lines.append(f"{sym}: unbroken up to d = {self.max_dim}")
                continue
            lines.append(f"{sym}: first broken at d = {v.dim} by {v.count} real operators")
            for content, q, n in v.contents:
                lines.append(f"    {content:30s} charge {q:+d}: {n}")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        """JSON-ready form: model, max_dim, group and one entry per violation."""
        return {"model": self.model_name, "max_dim": self.max_dim, "group": self.group,
                "violations": [v.to_dict() for v in self.violations]}

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON text."""
        return json.dumps(self.to_dict(), indent=2)

    def __str__(self) -> str:
        return self.table()


def symmetry_gradings(accidental: AccidentalSymmetries) -> dict:
    """``{name: {copy phase: charge}}`` of every accidental U(1) and Z_n, for ``gradings=``.

    Parameters
    ----------
    accidental : AccidentalSymmetries
        From :func:`~anomalyalgebra.operators.accidental_symmetries`.

    Returns
    -------
    dict
        Suitable for the ``gradings`` argument of
        :func:`~anomalyalgebra.operators.hilbert_series`.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> from anomalyalgebra.operators import accidental_symmetries, hilbert_series
    >>> sm = aa.load_model("sm")
    >>> g = symmetry_gradings(accidental_symmetries(sm))
    >>> hilbert_series(sm, 5, gradings=g).by_grade(5)[(0, 2, 0, 0)]    # l_1 l_1 H H
    1
    """
    return {s.name: dict(s.charges) for s in accidental.u1 + accidental.discrete}


def violates(q: int, kind: str, order: int | None) -> bool:
    """Whether an operator of charge ``q`` breaks a symmetry of this ``kind`` (and ``order``).

    A U(1) is broken by any non-zero charge, a Z_n by a charge that is not a multiple of n.

    Parameters
    ----------
    q : int
    kind : {"U(1)", "Z"}
    order : int or None
        ``n`` of a ``Z_n``.

    Returns
    -------
    bool

    Examples
    --------
    >>> violates(2, "U(1)", None), violates(2, "Z", 2), violates(3, "Z", 2)
    (True, False, True)
    """
    return q % order != 0 if kind != "U(1)" else q != 0


def symmetry_breaking(model, max_dim: int = 8, *, accidental: AccidentalSymmetries | None = None
                      ) -> SymmetryBreakingReport:
    """For each accidental symmetry, the lowest dimension at which an operator breaks it.

    Parameters
    ----------
    model : Model
        A model with numeric charges.
    max_dim : int
        Search up to this mass dimension (default 8).
    accidental : AccidentalSymmetries, optional
        The symmetries to examine (default: :func:`accidental_symmetries` of the model,
        renormalisable terms and the documented flavour rule).

    Returns
    -------
    SymmetryBreakingReport
        One entry per symmetry, with the lowest violating dimension (``None`` if
        none up to ``max_dim``) and the violating field contents.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> rep = symmetry_breaking(aa.load_model("tau_l_minus_4r"), max_dim=5)
    >>> rep.violation("U(1)_{l3,e3,N2,EL,ER}").dim
    5
    """
    if accidental is None:
        accidental = accidental_symmetries(model)
    syms = list(accidental.u1 + accidental.discrete)
    gradings = symmetry_gradings(accidental)
    found = {}
    d = MIN_DIM
    # one series graded by every symmetry and by field content; raise the dimension
    # only while some symmetry is still unbroken
    while syms and len(found) < len(syms) and d <= max_dim:
        hs = hilbert_series(model, d, gradings=gradings, content=True)
        for dim, grade, text, n in hs.rows():
            if dim != d:
                continue
            for i, s in enumerate(syms):
                if s.name in found and found[s.name][0] < d:
                    continue
                q = grade[i]
                if violates(q, s.kind, s.order):
                    found.setdefault(s.name, (d, defaultdict(int)))[1][(text, q)] += n
        d += 1
    out = []
    for s in syms:
        if s.name not in found:
            out.append(SymmetryViolation(s.name, s.kind, s.order, None, 0, ()))
            continue
        dim, table = found[s.name]
        rows = sorted(((text, q, n) for (text, q), n in table.items()), key=lambda r: (-abs(r[1]), -r[1], r[0]))
        out.append(SymmetryViolation(s.name, s.kind, s.order, dim, sum(n for _, _, n in rows), tuple(rows)))
    return SymmetryBreakingReport(model.name, max_dim, accidental.group(), tuple(out))
