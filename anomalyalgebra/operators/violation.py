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
>>> rep.violations[1].contents
(('H^2 l^2', 2, 3), ('H†^2 l†^2', -2, 3))
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..exceptions import ModelError
from .accidental import AccidentalSymmetries, accidental_symmetries
from .hilbert import MIN_DIM, hilbert_series, particles

__all__ = ["SymmetryViolation", "SymmetryBreakingReport", "symmetry_breaking", "content_text"]


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
        return {"symmetry": self.symmetry, "kind": self.kind, "order": self.order, "dim": self.dim,
                "count": self.count,
                "contents": [{"content": c, "charge": q, "count": n} for c, q, n in self.contents]}


@dataclass(frozen=True)
class SymmetryBreakingReport:
    """Result of :func:`symmetry_breaking`: one :class:`SymmetryViolation` per symmetry."""

    model_name: str
    max_dim: int
    group: str
    violations: tuple

    def violation(self, name: str) -> SymmetryViolation:
        """The entry of the symmetry called ``name``."""
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
        return {"model": self.model_name, "max_dim": self.max_dim, "group": self.group,
                "violations": [v.to_dict() for v in self.violations]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def __str__(self) -> str:
        return self.table()


def content_text(model, dim: int, grade: dict) -> str:
    """Field content as text, ``"D^2 H† H l^2"``, from particle counts at dimension ``dim``.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> content_text(aa.load_model("sm"), 6, {"H": 1, "H†": 1, "Y_L": 1})
    'D^2 H H† Y_L'
    """
    dims = {p.name: p.dim2 for p in particles(model)}
    twice = 2 * dim - sum(dims[n] * k for n, k in grade.items())
    if twice < 0 or twice % 2:
        raise ModelError(f"content {grade} does not fit dimension {dim}")
    parts = [f"D^{twice // 2}" if twice > 2 else "D"] if twice else []
    for name in dims:
        k = grade.get(name, 0)
        if k:
            parts.append(name if k == 1 else f"{name}^{k}")
    return " ".join(parts)


def _violates(q, kind, order):
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

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> rep = symmetry_breaking(aa.load_model("tau_l_minus_4r"), max_dim=5)
    >>> rep.violation("U(1)_{l3,e3,N2,EL,ER}").dim
    5
    """
    if accidental is None:
        accidental = accidental_symmetries(model)
    out = []
    for sym in accidental.u1 + accidental.discrete:
        charges = dict(sym.charges)
        found = None
        for d in range(MIN_DIM, max_dim + 1):
            hs = hilbert_series(model, d, gradings={sym.name: charges})
            bad = sum(n for (g,), n in hs.by_grade(d).items() if _violates(g, sym.kind, sym.order))
            if bad:
                found = (d, bad)
                break
        if found is None:
            out.append(SymmetryViolation(sym.name, sym.kind, sym.order, None, 0, ()))
            continue
        d, bad = found
        hs = hilbert_series(model, d, gradings={sym.name: charges}, content=True)
        names = hs.gradings[1:]
        rows = []
        for grade, n in hs.by_grade(d).items():
            q = grade[0]
            if _violates(q, sym.kind, sym.order):
                text = content_text(model, d, {p: k for p, k in zip(names, grade[1:]) if k})
                rows.append((text, q, n))
        rows.sort(key=lambda r: (-abs(r[1]), r[0], -r[1]))
        assert sum(n for _, _, n in rows) == bad
        out.append(SymmetryViolation(sym.name, sym.kind, sym.order, d, bad, tuple(rows)))
    return SymmetryBreakingReport(model.name, max_dim, accidental.group(), tuple(out))
