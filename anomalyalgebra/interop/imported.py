"""The result of reading another tool's model file: a model plus what it declares.

A SARAH or PyR@TE file says more than a :class:`~anomalyalgebra.model.Model` holds:
Lagrangian and superpotential terms, real scalars, global continuous symmetries, the
superfield structure of a supersymmetric model, and the choices a reader had to make
(e.g. the chirality of a PyR@TE fermion).  :class:`ImportedModel` keeps them beside the
model so that they can be checked (:func:`anomalyalgebra.interop.check_imported`) and
written back (:mod:`anomalyalgebra.interop.convert`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..exceptions import ModelFileError

__all__ = ["FORMATS", "Term", "ImportedModel", "symbol_table", "charge_from_text", "sum_of_products",
           "irrep_from_signed_dimension", "complex_representation", "read_text"]

#: The formats of model files and the suffixes that select them (the one list:
#: :data:`anomalyalgebra.interop.MODEL_SUFFIXES` and the suffixes :func:`~anomalyalgebra.load_model`
#: hands to the interop layer are derived from it).
FORMATS = {"sarah": (".m",), "pyrate": (".model", ".yaml", ".yml"), "toml": (".toml",)}


@dataclass(frozen=True)
class Term:
    """One monomial of a declared Lagrangian, potential or superpotential.

    Attributes
    ----------
    kind : str
        Where it was declared: ``"LagHC"``, ``"LagNoHC"``, ``"SuperPotential"`` (SARAH),
        ``"Yukawas"``, ``"QuarticTerms"``, ``"TrilinearTerms"``, ``"ScalarMasses"``,
        ``"FermionMasses"`` (PyR@TE).
    coupling : str
        The coupling's name (``"Yu"``); empty when the file gives none.
    operator : anomalyalgebra.operators.Operator
        The product of fields.
    line : int
        Line of the file where the term starts (0 if unknown).
    superfield : bool
        ``True`` for a superpotential term: it is a product of chiral *superfields* and
        is checked against :attr:`ImportedModel.superfields`.
    source : str
        The term's text as the file wrote it (PyR@TE; written back verbatim).
    """

    kind: str
    coupling: str
    operator: object
    line: int = 0
    superfield: bool = False
    source: str = ""

    def __str__(self) -> str:
        c = f"{self.coupling}: " if self.coupling else ""
        return f"{self.kind} {c}{self.operator}"


@dataclass(frozen=True)
class ImportedModel:
    """A model read from a SARAH, PyR@TE or TOML file, with its declared terms.

    Attributes
    ----------
    model : Model
        Gauge factors and Z_N factors (discrete global symmetries), every Weyl fermion
        and complex scalar (real scalars are listed as scalars and named in
        :attr:`real_scalars`).
    format : {"sarah", "pyrate", "toml"}
    path : str
    terms : tuple of Term
    superfields : Model or None
        For a supersymmetric model: the chiral superfields as complex scalars carrying
        the *superfield* charges (a Z[2] R-parity gives a superfield and its scalar
        and fermion different charges); superpotential terms are checked against it.
    gauginos : tuple of str
        Names of the gaugino fields added for the vector superfields.
    global_u1 : tuple of (label, tuple of (field, charge))
        Continuous global symmetries (SARAH ``Global[[k]] = {U[1], ...}``).  They are
        not gauged, so they are not part of the anomaly check; kept for writing back.
    real_scalars : tuple of str
    notes : tuple of str
        Choices the reader made (chirality inferred from Yukawa terms or taken from an
        option, numeric symbols substituted, ...); printed by ``check``.
    definitions : tuple of (str, str)
        PyR@TE ``Definitions`` as written (key, expression), for writing back.
    chirality_defaults : tuple of str
        PyR@TE: for each set of fermions whose overall chirality nothing fixed, the
        fermion that received the default chirality.
    """

    model: object
    format: str
    path: str = ""
    terms: tuple = ()
    superfields: object = None
    gauginos: tuple = ()
    global_u1: tuple = ()
    real_scalars: tuple = ()
    notes: tuple = ()
    definitions: tuple = ()
    chirality_defaults: tuple = ()

    @property
    def supersymmetric(self) -> bool:
        return self.superfields is not None


def symbol_table(names, existing=()):
    """Real sympy symbols for free charge names (the model's symbols)."""
    import sympy as sp

    table = {s.name: s for s in existing}
    for n in names:
        if n not in table:
            table[n] = sp.Symbol(n, real=True)
    return table


def charge_from_text(text, symbols, *, path, line, what):
    """Read a U(1) charge written in model-file syntax through :mod:`anomalyalgebra.expr`."""
    from ..exceptions import AnomalyAlgebraError
    from ..expr import parse_expression

    try:
        return parse_expression(text, symbols)
    except AnomalyAlgebraError as exc:
        raise ModelFileError(f"line {line}: {what}: {exc}", path=path) from None


def sum_of_products(terms):
    """Distribute a product of sums: ``[[a, b], [c]] -> [[a, c], [b, c]]``.

    Each input item is a list of alternatives (a sum), each alternative a list of
    factors; the result is the list of monomials (lists of factors).

    Examples
    --------
    >>> sum_of_products([[["a"], ["b"]], [["c"]]])
    [['a', 'c'], ['b', 'c']]
    """
    out = [[]]
    for alternatives in terms:
        out = [m + list(a) for m in out for a in alternatives]
    return out


def irrep_from_signed_dimension(group, d: int):
    """The irrep of a simple factor named by a signed dimension (``-3``: the 3bar).

    A bare dimension means the conventional (unprimed) irrep of that dimension, as
    :func:`anomalyalgebra.algebra.parse_irrep` reads it.

    Examples
    --------
    >>> from anomalyalgebra.groups import parse_group
    >>> irrep_from_signed_dimension(parse_group("SU(5)"), -10).name
    '10bar'
    """
    if d == 0:
        raise ModelFileError("an irrep has a non-zero dimension")
    r = group.parse_rep(str(abs(d)))
    return r.conjugate if d < 0 else r


def complex_representation(name, reps, groups):
    """Why the scalar ``name`` cannot be real, or None: the first of its ``reps``
    (``(label, rep)`` pairs) that is complex, ``groups`` mapping each label to its factor.

    Examples
    --------
    >>> from anomalyalgebra.groups import parse_group
    >>> groups = {"SU3c": parse_group("SU(3)"), "SU2L": parse_group("SU(2)")}
    >>> rep = lambda lab, text: (lab, groups[lab].parse_rep(text))
    >>> print(complex_representation("S", [rep("SU2L", "2"), rep("SU3c", "8")], groups))
    None
    >>> complex_representation("S", [rep("SU2L", "2"), rep("SU3c", "3")], groups)
    "real scalar 'S' is in a complex representation of 'SU3c' (3)"
    """
    for label, r in reps:
        g = groups[label]
        if g.conjugate(r) != r:
            return f"real scalar '{name}' is in a complex representation of '{label}' ({g.rep_text(r)})"
    return None


def read_text(path) -> tuple:
    """``(Path, text)`` of a model file read as UTF-8; a file that cannot be read is a
    :class:`~anomalyalgebra.exceptions.ModelFileError` naming it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "x.m").write_bytes(b"\\xff")
    >>> read_text(d / "x.m")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelFileError: ...x.m: cannot read the file: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
    """
    from ..files import read_regular_file

    p = Path(path)
    raw = read_regular_file(p)        # a regular file only, checked before it is opened
    try:
        return p, raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ModelFileError(f"cannot read the file: {exc}", path=p) from None
