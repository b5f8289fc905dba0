"""The result of reading another tool's model file: a model plus what it declares.

A SARAH or PyR@TE file says more than a :class:`~anomalyalgebra.model.Model` holds:
Lagrangian and superpotential terms, real scalars, global continuous symmetries, the
superfield structure of a supersymmetric model, and the choices a reader had to make
(e.g. the chirality of a PyR@TE fermion).  :class:`ImportedModel` keeps them beside the
model so that they can be checked (:func:`anomalyalgebra.interop.check_imported`) and
written back (:mod:`anomalyalgebra.interop.convert`).
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from pathlib import Path

from ..exceptions import ModelFileError

__all__ = ["FORMATS", "Term", "ImportedModel", "SarahSource", "symbol_table", "charge_from_text", "sum_of_products",
           "irrep_from_signed_dimension", "irrep_from_labels", "complex_representation", "read_text",
           "check_text_size", "NOT_NUMBERS", "ORDER_PRAGMA", "CHARGE_PRAGMA", "apply_field_order"]

#: Names that stand for no number (Mathematica's and sympy's infinities and undefined
#: values): a charge written with them is refused, never read as a symbol.
NOT_NUMBERS = frozenset({"Infinity", "Indeterminate", "ComplexInfinity", "DirectedInfinity",
                         "oo", "zoo", "nan", "inf", "infinity", "NaN", "Inf"})

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
    coefficient : tuple
        SARAH: ``(number, names, others)`` — the rational factor with its sign
        (:class:`fractions.Fraction`), the coupling names in order (``"conj[Yu]"`` for a
        conjugated one) and the other factors as parsed nodes (``Sqrt[2]``,
        ``Delta[lef1, lef2]``); written back by the SARAH writer.  Empty when unknown.
    """

    kind: str
    coupling: str
    operator: object
    line: int = 0
    superfield: bool = False
    source: str = ""
    coefficient: tuple = dc_field(default=(), compare=False)

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
    global_u1 : tuple
        Kept for compatibility and always empty: SARAH's global symmetries
        (``Global[[k]]``, Z[N] and U[1]) are factors of :attr:`model` with
        ``gauged=False``.
    real_scalars : tuple of str
    notes : tuple of str
        Choices the reader made (chirality inferred from Yukawa terms or taken from an
        option, numeric symbols substituted, ...); printed by ``check``.
    definitions : tuple of (str, str)
        PyR@TE ``Definitions`` as written (key, expression), for writing back.
    sarah : SarahSource or None
        What a SARAH file declares beyond the model (vector-field and coupling names,
        component names, ``NameOfStates``, the ``DEFINITION`` blocks), for writing back.
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
    sarah: object = dc_field(default=None, compare=False)

    @property
    def supersymmetric(self) -> bool:
        return self.superfields is not None


@dataclass(frozen=True)
class SarahSource:
    """What a SARAH model file declares beyond the model itself, kept for the writer.

    Attributes
    ----------
    gauge : tuple of (label, vector, coupling, expand)
        Per gauge factor: the vector (super)field name, the coupling name and the
        ``expand`` flag as written (``"True"``/``"False"``).
    components : tuple of (field, Node)
        The component list of each field entry, as parsed.
    named : tuple of (str, str)
        Names written with named characters: ``("Mu", "\\[Mu]")``.
    blocks : tuple of (Node, Node)
        ``NameOfStates`` and the ``DEFINITION[...][...]`` assignments other than the
        Lagrangian input (gauge fixing, EWSB rotations, VEVs, Dirac spinors), in file order.
    lagrangian_input : Node or None
        The right-hand side of ``DEFINITION[GaugeES][LagrangianInput]``.
    """

    gauge: tuple = ()
    components: tuple = ()
    named: tuple = ()
    blocks: tuple = ()
    lagrangian_input: object = None


#: The comment line with which the SARAH and PyR@TE writers record the model's field
#: order (both formats list fermions before scalars); the readers restore it.
ORDER_PRAGMA = "anomalyalgebra: field order"


#: The comment line with which the writers record the electric charge
#: (``T3(SU2L) + Y``), which neither SARAH's nor PyR@TE's model file declares.
CHARGE_PRAGMA = "anomalyalgebra: electric charge"


def apply_field_order(model, text, notes):
    """``model`` with what the writers recorded in comments of ``text``: the field order
    (``anomalyalgebra: field order a b c``, applied when it names exactly the model's
    fields) and the electric charge (``anomalyalgebra: electric charge T3(SU2L) + Y``,
    read by :func:`anomalyalgebra.model.parse_electric_charge`); a comment that does not
    fit is ignored with a note.

    Parameters
    ----------
    model : Model
        As read from ``text``.
    text : str
        The model file's text.
    notes : list of str
        Receives a note for a comment that is ignored.

    Returns
    -------
    Model

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> sm = aa.load_model("sm")
    >>> m = apply_field_order(sm, "(* anomalyalgebra: field order H q u d l e *)", [])
    >>> [f.name for f in m.fields]
    ['H', 'q', 'u', 'd', 'l', 'e']
    """
    import re

    from dataclasses import replace

    from ..exceptions import AnomalyAlgebraError
    from ..model import parse_electric_charge

    q = re.search(re.escape(CHARGE_PRAGMA) + r"[ \t]+([A-Za-z0-9()+\-*/ \t]+?)[ \t]*(?:\*\)|$)", text, re.M)
    if q and not model.electric_charge:
        try:
            model = replace(model, electric_charge=parse_electric_charge(model.groups, q.group(1)), _index=None)
        except AnomalyAlgebraError as exc:
            notes.append(f"the '{CHARGE_PRAGMA}' comment cannot be read ({exc}); ignored")
    m = re.search(re.escape(ORDER_PRAGMA) + r"((?:[ \t]+[^\s*]+)+)", text)
    if not m:
        return model
    order = m.group(1).split()
    by_name = {f.name: f for f in model.fields}
    if sorted(order) != sorted(by_name):
        notes.append(f"the '{ORDER_PRAGMA}' comment does not name the fields of the file; ignored")
        return model
    return replace(model, fields=tuple(by_name[n] for n in order), _index=None)


def symbol_table(names, existing=()):
    """Real sympy symbols for free charge names (the model's symbols).

    Parameters
    ----------
    names : iterable of str
        Names used in charges.
    existing : iterable of sympy.Symbol, optional
        Symbols already declared; they are kept as they are.

    Returns
    -------
    dict
        ``{name: sympy.Symbol}``; new names get ``real=True`` symbols.

    Examples
    --------
    >>> symbol_table(["a"])["a"].is_real
    True
    """
    import sympy as sp

    table = {s.name: s for s in existing}
    for n in names:
        if n not in table:
            table[n] = sp.Symbol(n, real=True)
    return table


def charge_from_text(text, symbols, *, path, line, what):
    """Read a U(1) charge written in model-file syntax through :mod:`anomalyalgebra.expr`.

    Parameters
    ----------
    text : str
        The charge as written (``"-1/2"``, ``"alpha_L"``).
    symbols : mapping of str to sympy.Symbol
        The names the charge may use.
    path : str or os.PathLike
        The file, for the error message.
    line : int
        Its line, for the error message.
    what : str
        What the charge is (``"U1Y charge of L"``), for the error message.

    Returns
    -------
    sympy.Expr
        The exact charge.

    Raises
    ------
    ModelFileError
        If the text does not parse, uses an unknown name or exceeds a limit; the
        message names the file, the line and ``what``.
    """
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

    Parameters
    ----------
    terms : sequence of sequence of sequence
        The factors of the product, each a sum of alternatives.

    Returns
    -------
    list of list
        The monomials, in lexicographic order of the choices.

    Raises
    ------
    LimitError
        If the product expands to more monomials than ``max_term_monomials`` allows.

    Examples
    --------
    >>> sum_of_products([[["a"], ["b"]], [["c"]]])
    [['a', 'c'], ['b', 'c']]
    """
    from ..limits import check_limit

    size = 1
    for alternatives in terms:
        size *= max(1, len(alternatives))
        check_limit("max_term_monomials", size, f"a product that expands to {size} or more monomials")
    out = [[]]
    for alternatives in terms:
        out = [m + list(a) for m in out for a in alternatives]
    return out


def irrep_from_signed_dimension(group, d: int):
    """The irrep of a simple factor named by a signed dimension (``-3``: the 3bar).

    A bare dimension means the conventional (unprimed) irrep of that dimension, as
    :func:`anomalyalgebra.algebra.parse_irrep` reads it.

    Parameters
    ----------
    group : SimpleFactor
        The factor.
    d : int
        The dimension, negative for the conjugate.

    Returns
    -------
    Irrep
        The irrep.

    Raises
    ------
    ModelFileError
        If ``d`` is 0.
    UnknownRepresentationError
        If no irrep has that dimension.

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


def irrep_from_labels(group, labels):
    """The irrep of a simple factor with the given Dynkin labels.

    Its dimension is bounded by the limit ``max_irrep_dim`` (as for an irrep written in
    a TOML file).

    Parameters
    ----------
    group : SimpleFactor
        The factor.
    labels : sequence of int
        Dynkin labels.

    Returns
    -------
    Irrep
        The irrep.

    Raises
    ------
    LimitError
        If a label or the dimension exceeds ``max_irrep_dim``.
    UnknownRepresentationError
        If the labels are not an irrep of the factor.

    Examples
    --------
    >>> from anomalyalgebra.groups import parse_group
    >>> irrep_from_labels(parse_group("SU(3)"), (1, 1)).name
    '8'
    """
    from ..limits import check_limit

    for a in labels:
        check_limit("max_irrep_dim", a, f"the Dynkin label {a}")
    return group.parse_rep("(" + ",".join(str(int(a)) for a in labels) + ")")


def check_text_size(text, path):
    """Refuse model-file text longer than the limit ``max_file_bytes`` (in UTF-8 bytes).

    As a TOML file is refused.

    Parameters
    ----------
    text : str or bytes
        The text.
    path : str or os.PathLike
        The file, for the error message.

    Raises
    ------
    ModelFileError
        If the text is too large (the message names the limit).
    """
    from ..limits import current_limits, hint

    bound = current_limits().max_file_bytes
    size = len(text) if isinstance(text, bytes) or len(text) > bound else len(text.encode("utf-8"))
    if size > bound:
        raise ModelFileError(f"larger than the limit max_file_bytes = {bound} bytes{hint('max_file_bytes')}",
                             path=path)


def complex_representation(name, reps, groups):
    """Why the scalar ``name`` cannot be real, or None.

    Parameters
    ----------
    name : str
        The scalar.
    reps : iterable of (str, representation)
        Its ``(label, rep)`` pairs.
    groups : mapping
        Each label's group factor.

    Returns
    -------
    str or None
        A sentence naming the first complex representation, or None when every
        representation is self-conjugate.

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
    r"""Read a model file as UTF-8.

    Parameters
    ----------
    path : str or os.PathLike
        The file.

    Returns
    -------
    tuple of (pathlib.Path, str)
        The path and the text.

    Raises
    ------
    ModelFileError
        If the file cannot be read or decoded, or is larger than ``max_file_bytes``
        (the message names the file).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "x.m").write_bytes(b"\xff")
    >>> read_text(d / "x.m")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelFileError: ...x.m: cannot read the file: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
    """
    from ..files import read_regular_file
    from ..limits import current_limits

    p = Path(path)
    bound = current_limits().max_file_bytes
    raw = read_regular_file(p, limit=bound)     # a regular file only, checked before it is opened
    if len(raw) > bound:
        check_text_size(raw, p)          # raises, naming the limit
    try:
        return p, raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ModelFileError(f"cannot read the file: {exc}", path=p) from None
