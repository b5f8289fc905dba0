"""Hilbert-series counting of independent operators, modulo EOM and IBP.

The number of independent operators of mass dimension ``d`` built from a model's
fields and their covariant derivatives, with operators related by the equations of
motion (EOM) or by integration by parts (IBP) identified, is the coefficient of
``D^d`` in the Hilbert series of Henning, Lu, Melia and Murayama (HLMM,
arXiv:1512.03433, arXiv:1706.08520)::

    H(D) = ∫ dμ_Lorentz ∫ dμ_gauge  (1/P(D)) · PE[ Σ_fields χ_field(D) ]  + ΔH(D)

* ``χ_field`` is the conformal character of a free field with the EOM removed: the
  level-``k`` descendants of a scalar are the Lorentz irrep ``(k/2, k/2)``, those of a
  left-handed Weyl fermion ``((k+1)/2, k/2)``, those of the self-dual half ``F_L`` of a
  field strength ``((k+2)/2, k/2)`` (right-handed: the two spins swapped), with mass
  dimension ``Δ + k`` (``Δ = 1, 3/2, 2``).  Every complex field enters with its
  conjugate as a second, independent particle; a field with ``copies`` copies enters
  with multiplicity ``copies`` (flavour included).
* ``PE`` is the plethystic exponential: symmetric powers for bosons, exterior powers
  for fermions (Newton's identities on the characters, exact integers).
* ``1/P(D) = Σ_k (-1)^k D^k Λ^k(V)`` (``V`` the four-vector) removes total
  derivatives: with ``m_R(d)`` the number of gauge-singlet operators of dimension
  ``d`` in the Lorentz irrep ``R`` (EOM removed), the count is
  ``m_(0,0)(d) - m_(1/2,1/2)(d-1) + m_(1,0)(d-2) + m_(0,1)(d-2) - m_(1/2,1/2)(d-3) + m_(0,0)(d-4)``.
* ``ΔH`` is non-zero only for ``d ≤ 4`` in four dimensions (HLMM), so counts are
  given for ``d ≥ 5`` (:data:`MIN_DIM`); the renormalisable Lagrangian is the job of
  :func:`~anomalyalgebra.operators.allowed_operators`.

The Haar integrals are done in two ways.  ``method="irreps"`` (default) decomposes
every particle's plethystic exponential into irreps of Lorentz × gauge group and
multiplies irreps factor by factor (Racah-Speiser/Brauer-Klimyk, which *is* the Weyl
integration formula over the maximal torus); the last product is contracted directly
onto the few Lorentz irreps ``1/P`` needs, and partial products whose U(1) charges no
product of the particles can cancel within the remaining dimension are dropped on the
way.  ``method="torus"`` expands the whole integrand as an exact Laurent polynomial in
the torus variables and takes the constant term of ``integrand × Π_{α>0}(1 - x^α)``
for every simple factor (Lorentz included), the constant term in the charge for a U(1)
and the average over the N-th roots of unity (charge ≡ 0 mod N) for a Z_N.  Both give
the same integers; the second is much slower and serves as an independent check.

Counts are numbers of real parameters: an operator and its conjugate are counted
separately, a hermitian operator once.

Examples
--------
>>> import anomalyalgebra as aa
>>> from anomalyalgebra.operators.hilbert import operator_counts
>>> sm1 = aa.load_model("sm")
>>> for f in ("q", "u", "d", "l", "e"):
...     sm1 = sm1.replace_field(f, copies=1)
>>> operator_counts(sm1, 6)          # HLMM, arXiv:1512.03433: 2, 84
{5: 2, 6: 84}
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field as dc_field
from typing import Mapping


from ..exceptions import ModelError
from .particles import Particle, layout, particles
from .characters import torus_counts
from .products import irreps_counts

__all__ = ["MIN_DIM", "Particle", "HilbertSeries", "particles", "hilbert_series", "operator_counts",
           "content_text"]

#: Lowest mass dimension counted: the correction ΔH of HLMM only touches d ≤ 4.
MIN_DIM = 5









#: Lorentz irreps (2j_L, 2j_R) of Λ^k(V) and the sign (-1)^k: the expansion of 1/P.




# ------------------------------------------------------------------ result
@dataclass(frozen=True)
class HilbertSeries:
    """Operator counts of a model by mass dimension (and by the requested gradings).

    Attributes
    ----------
    model_name : str
    max_dim : int
    gradings : tuple of str
        Names of the gradings; a grade is a tuple of integers in this order.
    graded : tuple of ((dim, grade), count)
        Non-zero counts of independent real operators, ``dim >= MIN_DIM``.
    content : tuple of (str, int)
        With ``content=True``: the particles graded by (name, twice the mass
        dimension), the last ``len(content)`` entries of every grade.
    """

    model_name: str
    max_dim: int
    gradings: tuple = ()
    graded: tuple = ()
    content: tuple = ()
    _lookup: dict = dc_field(default=None, compare=False, hash=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_lookup", dict(self.graded))

    @property
    def counts(self) -> dict:
        """``{dimension: number of independent real operators}`` for ``MIN_DIM..max_dim``."""
        out = {d: 0 for d in range(MIN_DIM, self.max_dim + 1)}
        for (d, _), n in self.graded:
            out[d] += n
        return out

    def count(self, dim: int, grade=None) -> int:
        """Operators of dimension ``dim`` (with exactly ``grade``, if given).

        Parameters
        ----------
        dim : int
            Mass dimension.
        grade : sequence of int, optional
            A grade in the order of :attr:`gradings` (and the content entries).

        Returns
        -------
        int
            Number of independent real operators (0 when none).
        """
        if grade is None:
            return self.counts.get(dim, 0)
        return self._lookup.get((dim, tuple(grade)), 0)

    def by_grade(self, dim: int) -> dict:
        """``{grade: count}`` at one dimension.

        Parameters
        ----------
        dim : int
            Mass dimension.

        Returns
        -------
        dict
            ``{grade tuple: number of independent real operators}``, non-zero only.
        """
        return {g: n for (d, g), n in self.graded if d == dim}

    def rows(self):
        """The graded entries, one tuple ``(dim, grade, content, count)`` each.

        ``grade`` holds the requested gradings only (the content entries removed) and
        ``content`` is the field content as text (see :func:`content_text`), or
        ``None`` for a series computed without ``content=True``.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> hs = hilbert_series(aa.load_model("sm"), 5, gradings={"L": {"l": 1}}, content=True)
        >>> sorted(hs.rows())
        [(5, (-2,), 'l†^2 H†^2', 6), (5, (2,), 'l^2 H^2', 6)]
        """
        dims = dict(self.content)
        k = len(self.content)
        for (d, g), n in self.graded:
            if k:
                yield d, g[:len(g) - k], _content_text(dims, d, dict(zip(dims, g[len(g) - k:]))), n
            else:
                yield d, g, None, n

    def by_content(self, dim: int) -> dict:
        """``{field content: count}`` at one dimension (needs ``content=True``), summed
        over the other gradings; see :func:`content_text` for the notation.

        Parameters
        ----------
        dim : int
            Mass dimension.

        Returns
        -------
        dict
            ``{content text: number of independent real operators}``.

        Raises
        ------
        ModelError
            If the series was computed without ``content=True``.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> hilbert_series(aa.load_model("sm"), 5, content=True).by_content(5)
        {'l†^2 H†^2': 6, 'l^2 H^2': 6}
        """
        if not self.content:
            raise ModelError("by_content needs a series computed with content=True")
        out = defaultdict(int)
        for d, _, text, n in self.rows():
            if d == dim:
                out[text] += n
        return dict(out)

    def to_dict(self) -> dict:
        """JSON-ready dict: ``"counts"`` (dimension as a string -> count) and, if graded,
        ``"gradings"`` (names) and ``"graded"`` (one entry per dimension, grade and content)."""
        out = {"model": self.model_name, "max_dim": self.max_dim,
               "counts": {str(d): n for d, n in self.counts.items()}}
        if self.gradings:
            out["gradings"] = list(self.gradings[:len(self.gradings) - len(self.content)])
            rows = []
            for d, g, text, n in self.rows():
                row = {"dim": d, "grade": list(g), "count": n}
                if text is not None:
                    row["content"] = text
                rows.append(row)
            out["graded"] = rows
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def __str__(self) -> str:
        return "\n".join(f"d = {d}: {n}" for d, n in self.counts.items())


def hilbert_series(model, max_dim: int, *, gradings: Mapping | None = None, method: str = "irreps",
                   content: bool = False) -> HilbertSeries:
    """Count independent operators of dimension ``MIN_DIM..max_dim`` (EOM and IBP removed).

    Parameters
    ----------
    model : Model
        Any model with numeric charges; every factor is integrated over (simple
        groups by the Weyl integration formula, U(1) by the charge-zero term, Z_N by
        the average over the N-th roots of unity).
    max_dim : int
        Highest mass dimension (>= ``MIN_DIM``).
    gradings : mapping name -> {field or copy phase: int}, optional
        Extra integer charges to grade by (e.g. baryon number, an accidental U(1));
        they are not integrated over.
    method : {"irreps", "torus"}
        Irrep products (fast) or the constant term on the maximal torus (slow check).
    content : bool
        Also grade by field content: one grade entry per particle name (the
        field or its conjugate ``"q†"``, or ``"SU3c_L"``), listed after the gradings.

    Returns
    -------
    HilbertSeries

    Raises
    ------
    ModelError
        For a symbolic charge or a symbolic SU(2) irrep, ``max_dim < MIN_DIM``, a
        non-integer grading charge or an unknown method.

    Examples
    --------
    The Weinberg operator ``(l H)^2`` and its conjugate, graded by lepton number:

    >>> import anomalyalgebra as aa
    >>> sm = aa.load_model("sm")
    >>> hs = hilbert_series(sm, 5, gradings={"L": {"l": 1, "e": 1}})
    >>> hs.counts, hs.by_grade(5)
    ({5: 12}, {(-2,): 6, (2,): 6})

    References
    ----------
    B. Henning, X. Lu, T. Melia, H. Murayama, arXiv:1512.03433 and arXiv:1706.08520.
    """
    if isinstance(max_dim, bool) or not isinstance(max_dim, int) or max_dim < MIN_DIM:
        raise ModelError(f"max_dim must be an integer >= {MIN_DIM} (the correction ΔH of the Hilbert series"
                         f" only affects d <= 4), got {max_dim!r}")
    if method not in ("irreps", "torus"):
        raise ModelError(f"method must be 'irreps' or 'torus', got {method!r}")
    gradings = dict(gradings or {})
    for name, table in gradings.items():
        known = {f.name for f in model.fields}
        for key in table:
            base = key if key in known else key.rsplit("_", 1)[0]
            if base not in known:
                raise ModelError(f"grading '{name}': model '{model.name}' has no field or copy {key!r}")
    lay = layout(model)
    parts = particles(model, gradings)
    names = tuple(gradings)
    if content:
        pnames = list(dict.fromkeys(p.name for p in parts))
        parts = tuple(Particle(p.name, p.field, p.dim2, p.lorentz, p.fermion, p.gauge, p.copies,
                               p.grade + tuple(int(q == p.name) for q in pnames)) for p in parts)
        names = names + tuple(pnames)
    ngrade = len(names)
    max_dim2 = 2 * max_dim
    dims2 = set(range(2 * MIN_DIM, max_dim2 + 1, 2))
    if method == "torus":
        raw = torus_counts(parts, lay, max_dim2, ngrade)
        raw = {k: v for k, v in raw.items() if k[0] in dims2}
    else:
        raw = irreps_counts(parts, lay, max_dim2, ngrade, dims2)
    graded = tuple(sorted(((d2 // 2, g), n) for (d2, g), n in raw.items() if n))
    bad = [x for x in graded if x[1] < 0]
    assert not bad, f"negative operator counts {bad}: an internal error"
    dims = ()
    if content:
        first = {}
        for p in parts:
            first.setdefault(p.name, p.dim2)
        dims = tuple(first.items())
    return HilbertSeries(model.name, max_dim, names, graded, dims)


def _content_text(dims: dict, dim: int, grade: dict) -> str:
    twice = 2 * dim - sum(dims[n] * k for n, k in grade.items())
    if twice < 0 or twice % 2:
        raise ModelError(f"content {grade} does not fit dimension {dim}")
    parts = [f"D^{twice // 2}" if twice > 2 else "D"] if twice else []
    for name in dims:
        k = grade.get(name, 0)
        if k:
            parts.append(name if k == 1 else f"{name}^{k}")
    return " ".join(parts)


def content_text(model, dim: int, grade: Mapping) -> str:
    """Field content as text, ``"D^2 H H† Y_L"``, from particle counts at dimension ``dim``.

    ``D^k`` counts the covariant derivatives (the dimension not carried by fields);
    particles follow the model's field order, conjugates (``†``) after their fields,
    then the field-strength halves ``G_L``, ``G_R`` of each gauge factor ``G``.

    Parameters
    ----------
    model : Model
        The model (for the particle order and dimensions).
    dim : int
        Mass dimension of the operator.
    grade : mapping
        ``{particle name: count}``.

    Returns
    -------
    str
        The content, e.g. ``"D^2 H H† Y_L"``.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> content_text(aa.load_model("sm"), 6, {"H": 1, "H†": 1, "Y_L": 1})
    'D^2 H H† Y_L'
    """
    return _content_text({p.name: p.dim2 for p in particles(model)}, dim, dict(grade))


def operator_counts(model, max_dim: int) -> dict:
    """``{dimension: number of independent real operators}`` for ``MIN_DIM..max_dim``.

    Parameters
    ----------
    model : Model
        A model with numeric charges.
    max_dim : int
        Highest mass dimension.

    Returns
    -------
    dict
        ``{dimension: count}`` from :func:`hilbert_series`.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> operator_counts(aa.load_model("sm"), 5)
    {5: 12}
    """
    return hilbert_series(model, max_dim).counts
