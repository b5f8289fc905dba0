"""Symmetries acting by phases on the copies of the fields: records and names.

Every copy of every field gets its own phase ``ψ → e^{2πiθ}ψ`` named by
:func:`phase_name` (``q_1, q_2, q_3, ..., H``).  A :class:`Symmetry` (a U(1) or a Z_n)
lists its integer charges on those phases; :class:`AccidentalSymmetries` is the group
found by :func:`anomalyalgebra.operators.accidental.accidental_symmetries` and
:func:`anomalyalgebra.operators.remnants.gauge_remnant`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from math import gcd

import sympy as sp

from ..exceptions import ModelError

__all__ = ["Symmetry", "AccidentalSymmetries", "phase_name", "phase_names", "symmetry_name",
           "integer_charges", "sign_normalised", "charges_by_phase"]


@dataclass(frozen=True)
class Symmetry:
    """A U(1) or Z_n acting by phases; ``charges`` lists the non-zero integer charges.

    Parameters
    ----------
    name : str
        E.g. ``"U(1)_{q,u,d}"`` or ``"Z2_{N1}"``.
    kind : {"U(1)", "Z"}
        Continuous or discrete.
    charges : tuple of (str, int)
        ``(phase, charge)`` for every phase with a non-zero charge.
    order : int, optional
        ``n`` of a ``Z_n`` (None for a U(1)).
    """

    name: str
    kind: str                  # "U(1)" or "Z"
    charges: tuple             # ((phase, int), ...)
    order: int | None = None

    def charge(self, phase: str) -> int:
        """The charge of one phase.

        Parameters
        ----------
        phase : str
            A phase name (``"l12_1"``, ``"H"``).

        Returns
        -------
        int
            Its charge (0 when not in the support; mod ``order`` for a Z_n).
        """
        return dict(self.charges).get(phase, 0)

    @property
    def support(self) -> tuple:
        return tuple(p for p, _ in self.charges)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class AccidentalSymmetries:
    """Result of :func:`accidental_symmetries`.

    Attributes
    ----------
    phases : tuple of str
        One phase per copy of every field considered (``l12_1``, ``l12_2``, ``l3`` ...).
    u1 : tuple of Symmetry
        The continuous accidental symmetries, gauged U(1)s removed.
    discrete : tuple of Symmetry
        ``Z_n`` factors from the Smith invariants (components of the symmetry group).
    invariants : tuple of int
        Non-zero Smith invariants of the charge matrix.
    rank : int
        Number of independent U(1) phases before removing the gauged ones.
    gauged : tuple of str
        Labels of the U(1) factors removed.
    model_name : str
        Name of the model.
    vevs : tuple of str
        The scalars (or phases) with a VEV that were imposed.
    rows : int
        Number of charge rows (terms after the flavour rule, extra rows).
    """

    model_name: str
    phases: tuple
    u1: tuple
    discrete: tuple
    invariants: tuple
    rank: int
    gauged: tuple
    vevs: tuple = ()
    rows: int = 0

    @property
    def n_u1(self) -> int:
        return len(self.u1)

    def group(self) -> str:
        """The group as text: ``U(1)_{l12_1,e12_1} × ... × Z2_{...}``."""
        parts = [s.name for s in self.u1] + [s.name for s in self.discrete]
        return " × ".join(parts) if parts else "trivial"

    def __str__(self) -> str:
        return self.group()

    def table(self) -> str:
        """Charge table: one row per phase, one column per symmetry."""
        syms = list(self.u1) + list(self.discrete)
        cols = [s.name for s in syms]
        w0 = max([len(p) for p in self.phases] + [5])
        head = "field".ljust(w0) + " | " + " | ".join(cols)
        lines = [head, "-" * len(head)]
        for p in self.phases:
            cells = []
            for s, c in zip(syms, cols):
                q = s.charge(p)
                txt = str(q) if s.kind == "U(1)" else f"{int(q) % s.order} mod {s.order}"
                cells.append(txt.rjust(len(c)))
            lines.append(p.ljust(w0) + " | " + " | ".join(cells))
        return "\n".join(lines)

    def _repr_latex_(self) -> str:
        """The group and its charge table as a MathJax ``array``."""
        syms = list(self.u1) + list(self.discrete)

        def name(sym):
            text = sym.name.replace("_", r"\_")
            return rf"\mathrm{{{text}}}"

        head = r"\text{field} & " + " & ".join(name(s) for s in syms) if syms else r"\text{field}"
        rows = []
        for p in self.phases:
            cells = [str(s.charge(p)) if s.kind == "U(1)" else rf"{s.charge(p)}\ (\mathrm{{mod}}\ {s.order})"
                     for s in syms]
            rows.append(r"\mathrm{%s} & " % p.replace("_", r"\_") + " & ".join(cells))
        group = r" \times ".join(name(s) for s in syms) or r"\text{trivial}"
        cols = "l" + "r" * len(syms)
        return (f"$${group}$$$$\\begin{{array}}{{{cols}}}" + head + r" \\ \hline "
                + r" \\ ".join(rows) + "\\end{array}$$")

    def find(self, *fields) -> Symmetry:
        """The symmetry whose support (copies collapsed to field names) is exactly ``fields``.

        Parameters
        ----------
        *fields : str
            Field names (or phase names).

        Returns
        -------
        Symmetry
            The first U(1) or Z_n acting on exactly those fields.

        Raises
        ------
        ModelError
            If no symmetry has that support.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> from anomalyalgebra.operators import accidental_symmetries
        >>> accidental_symmetries(aa.load_model("sm")).find("q", "u", "d").name
        'U(1)_{q,u,d}'
        """
        want = set(fields)
        for s in self.u1 + self.discrete:
            if set(_collapse(s.support)) == want or set(s.support) == want:
                return s
        raise ModelError(f"no accidental symmetry acting exactly on {sorted(want)}; have {self.group()}")


def phase_name(name, a, copies) -> str:
    """The phase of copy ``a`` (from 0) of a field with ``copies`` copies.

    Parameters
    ----------
    name : str
        Field name.
    a : int
        Copy index, from 0.
    copies : int
        Number of copies of the field.

    Returns
    -------
    str
        ``name`` for a single copy, ``name_<a+1>`` otherwise.

    Examples
    --------
    >>> phase_name("H", 0, 1), phase_name("q", 2, 3)
    ('H', 'q_3')
    """
    return name if copies == 1 else f"{name}_{a + 1}"


def phase_names(model, fields=None) -> tuple:
    """One phase per copy: ``("q_1", "q_2", "q_3", ..., "H")``.

    Parameters
    ----------
    model : Model
        The model.
    fields : iterable of str, optional
        The fields (default: all, in model order).

    Returns
    -------
    tuple of str
        Names as :func:`phase_name` gives them.

    Raises
    ------
    ModelError
        If a name is not a field of the model.
    """
    names = [f.name for f in model.fields] if fields is None else list(fields)
    out = []
    for n in names:
        k = model.field(n).copies
        out += [phase_name(n, a, k) for a in range(k)]
    return tuple(out)


def _collapse(support):
    """``(l12_1, l12_2, e3)`` -> ``[l12, e3]`` when all copies are present."""
    out = []
    for p in support:
        base = p.rsplit("_", 1)[0] if "_" in p and p.rsplit("_", 1)[1].isdigit() else p
        out.append(p if base == p else (base, p))
    names = []
    grouped = defaultdict(list)
    for x in out:
        if isinstance(x, tuple):
            grouped[x[0]].append(x[1])
    for x in out:
        if isinstance(x, str):
            names.append(x)
        else:
            if x[0] not in names and x[0] not in grouped.get("_done", []):
                names.append(x[0])
    return names


def symmetry_name(kind, charges, order, model, phases):
    """Readable name of a phase symmetry: ``U(1)_{q,u,d}`` or ``Z3_{psi,chi}``.

    All copies of a field with the same charge are named by the field.

    Parameters
    ----------
    kind : {"U(1)", "Z"}
        Continuous or discrete.
    charges : iterable of (str, int)
        Non-zero charges per phase.
    order : int or None
        The order of a Z_n (``None`` for a U(1)).
    model : Model
        The model the phases belong to.
    phases : sequence of str
        All phases (unused for the name; kept for the callers' signature).

    Returns
    -------
    str
        The name.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("sm")
    >>> symmetry_name("U(1)", [("e_1", 1), ("e_2", 1), ("e_3", 1)], None, m, ())
    'U(1)_{e}'
    """
    by_field = defaultdict(list)
    for p, q in charges:
        base = p
        if "_" in p:
            b, s = p.rsplit("_", 1)
            if s.isdigit() and b in model._index and model.field(b).copies > 1:
                base = b
        by_field[base].append((p, q))
    parts = []
    for base, items in by_field.items():
        k = model.field(base).copies if base in model._index else 1
        if k > 1 and len(items) == k and len({q for _, q in items}) == 1:
            parts.append(base)
        else:
            parts += [p for p, _ in items]
    label = ",".join(parts) if parts else "∅"
    return f"U(1)_{{{label}}}" if kind == "U(1)" else f"Z{order}_{{{label}}}"


def integer_charges(model, label, phases):
    """Charges of the phases under the U(1) ``label``, scaled to coprime integers.

    Parameters
    ----------
    model : Model
        The model.
    label : str
        A U(1) group label.
    phases : sequence of str
        Phases from :func:`phase_names`.

    Returns
    -------
    list of int
        One integer per phase, with greatest common divisor 1 (all zero if uncharged).

    Raises
    ------
    ModelError
        If a phase names no field of the model.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("sm")
    >>> integer_charges(m, "Y", ("q_1", "e_1", "H"))
    [1, -6, 3]
    """
    vals = []
    for p in phases:
        base = p
        if p not in model._index:
            base = p.rsplit("_", 1)[0]
        vals.append(sp.Rational(sp.sympify(model.field(base).rep(label))))
    den = 1
    for v in vals:
        den = den * v.q // gcd(den, v.q)
    ints = [int(v * den) for v in vals]
    g = 0
    for x in ints:
        g = gcd(g, x)
    return [x // g for x in ints] if g else ints


def sign_normalised(r):
    """The integer vector with its first non-zero entry made positive.

    Parameters
    ----------
    r : list of int
        A vector.

    Returns
    -------
    list of int
        ``r`` or ``-r``.

    Examples
    --------
    >>> sign_normalised([0, -2, 1])
    [0, 2, -1]
    """
    for x in r:
        if x:
            return r if x > 0 else [-y for y in r]
    return r


def charges_by_phase(r, phases):
    """The non-zero entries of a charge vector, paired with their phases.

    Parameters
    ----------
    r : sequence of int
        One charge per phase.
    phases : sequence of str
        The phases.

    Returns
    -------
    tuple of (str, int)
        ``(phase, charge)`` for every non-zero charge, in phase order.

    Examples
    --------
    >>> charges_by_phase([1, 0, -1], ("a", "b", "c"))
    (('a', 1), ('c', -1))
    """
    return tuple((p, int(x)) for p, x in zip(phases, r) if x)
