"""The records of an operator search: a :class:`Term` (operator, coupling, flavour
structure) and a :class:`Lagrangian` (the terms a model allows).

:func:`anomalyalgebra.operators.lagrangian.allowed_operators` builds them.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field as dc_field
from types import SimpleNamespace

import sympy as sp

from ..exceptions import ModelError
from .operator import Operator

__all__ = ["Term", "Lagrangian", "term_key"]


@dataclass(frozen=True)
class Term:
    """One term of the Lagrangian: an operator with its coupling.

    Attributes
    ----------
    operator : Operator
        The operator ``O`` of ``-L ⊃ coupling * O (+ h.c.)``.
    coupling : sympy.Symbol
        The coupling; for fields with copies it carries flavour indices, see
        :meth:`coupling_matrix`.
    kind : str
        ``"mass"`` (fermion bilinear, d = 3), ``"yukawa"`` (bilinear × scalar, d = 4),
        ``"majorana"`` (ψψ, d = 3), ``"scalar_mass"``, ``"tadpole"``, ``"cubic"``,
        ``"quartic"``, or ``"d5"``, ``"d6"``, ... for higher dimension.
    dimension : sympy.Rational
        Mass dimension of the operator.
    couplings : int or None
        Number of independent complex couplings (flavour and gauge multiplicity).
    hermitian : bool
        The operator is its own conjugate (real coupling, no "+ h.c.").
    condition : tuple of sympy.Eq
        Conditions on symbolic charges for the term to be allowed (empty if none).
    flavour : tuple of (str, int)
        ``(field, copies)`` of each fermion factor; empty for a scalar term.
    """

    operator: Operator
    coupling: sp.Symbol
    kind: str
    dimension: object
    couplings: object
    hermitian: bool
    condition: tuple = ()
    flavour: tuple = ()

    @property
    def real_parameters(self):
        """Real parameters of the term: ``couplings`` if hermitian, else ``2 * couplings``.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> from anomalyalgebra.operators import allowed_operators
        >>> lag = allowed_operators(aa.load_model("sm"), max_dim=0, extra_dims=(6,),
        ...                         include_potential=False)
        >>> lag.term("bar(l) l bar(l) l").real_parameters   # Q_ll, three generations
        45
        """
        if self.couplings is None:
            return None
        return self.couplings if self.hermitian else 2 * self.couplings

    @property
    def is_fermionic(self) -> bool:
        return bool(self.flavour)

    def fields(self) -> tuple:
        """Names of the fields of the operator (no repeats, in operator order)."""
        return tuple(dict.fromkeys(self.operator.field_names()))

    def coupling_matrix(self):
        """The coupling as a matrix over the copies of the two fermions (``y_ab``).

        Symmetric when the two fermions are the same field (``N_a N_b``); a 1×1 matrix
        when neither has copies.  For a scalar term, the 1×1 matrix of the coupling.

        Returns
        -------
        sympy.Matrix
            Entries are symbols ``<coupling>_ab`` (1-based copy indices).

        Raises
        ------
        ModelError
            For a term with fermions that is not a bilinear.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> from anomalyalgebra.operators import allowed_operators, uncoloured_fields
        >>> lag = allowed_operators(aa.load_model("tau_l_minus_4r"), fields=uncoloured_fields)
        >>> lag.term("bar(l12) e12 H").coupling_matrix().shape
        (2, 2)
        """
        name = self.coupling.name
        if not self.flavour:
            return sp.Matrix([[self.coupling]])
        if len(self.flavour) != 2:
            raise ModelError(f"term {self.operator}: coupling matrix needs a fermion bilinear")
        (f1, n1), (f2, n2) = self.flavour
        fa, fb = self.operator.factors[:2]
        if f1 == f2 and fa.conjugate == fb.conjugate:
            return sp.Matrix(n1, n2, lambda a, b: sp.Symbol(f"{name}_{min(a, b) + 1}{max(a, b) + 1}"))
        if n1 == n2 == 1:
            return sp.Matrix([[self.coupling]])
        return sp.Matrix(n1, n2, lambda a, b: sp.Symbol(f"{name}_{a + 1}{b + 1}"))

    def __str__(self) -> str:
        tail = "" if self.hermitian else " + h.c."
        cond = "" if not self.condition else "   if " + ", ".join(sp.sstr(c) for c in self.condition)
        return f"{self.coupling} {self.operator}{tail}{cond}"

    def latex(self, model) -> str:
        """LaTeX of the term: coupling, operator and ``+ h.c.`` unless hermitian.

        Parameters
        ----------
        model : Model
            Provides the LaTeX names of the fields.

        Returns
        -------
        str
            Math-mode LaTeX without delimiters.

        Raises
        ------
        ModelError
            If the operator names a field the model does not have.
        """
        tail = "" if self.hermitian else r" + \text{h.c.}"
        return f"{sp.latex(self.coupling)}\\, {self.operator.latex(model)}{tail}"


@dataclass(frozen=True)
class Lagrangian:
    """The allowed operators of a model (immutable).

    ``terms`` holds fermion terms first (in order of dimension), then the scalar
    potential.  ``yukawa`` and ``potential`` split them.  Built by
    :func:`allowed_operators`.

    Attributes
    ----------
    model_name : str
        Name of the model.
    terms : tuple of Term
        The allowed terms.
    max_dim : int
        Every dimension up to this one was enumerated.
    extra_dims : tuple of int
        Further dimensions that were enumerated.
    fields : tuple of str
        The fields the operators were restricted to (empty: all).
    notation : tuple of (str, str, bool)
        ``(name, latex, is_fermion)`` of the model's fields, for rendering without
        the model (not compared).
    """

    model_name: str
    terms: tuple
    max_dim: int = 4
    extra_dims: tuple = ()
    fields: tuple = ()
    #: (name, latex, is_fermion) of the model's fields, for rendering without the model
    notation: tuple = dc_field(default=(), compare=False, repr=False)

    @property
    def yukawa(self) -> tuple:
        """Terms with fermions (masses, Yukawas, higher-dimensional bilinears)."""
        return tuple(t for t in self.terms if t.flavour)

    @property
    def potential(self) -> tuple:
        """Scalar-only terms (the scalar potential)."""
        return tuple(t for t in self.terms if not t.flavour)

    @property
    def operators(self) -> tuple:
        return tuple(t.operator for t in self.terms)

    def of_dimension(self, d) -> "Lagrangian":
        """The terms of mass dimension ``d``.

        Parameters
        ----------
        d : int or sympy.Rational
            The mass dimension.

        Returns
        -------
        Lagrangian
            Same bookkeeping, only those terms.
        """
        return Lagrangian(self.model_name, tuple(t for t in self.terms if t.dimension == d),
                          self.max_dim, self.extra_dims, self.fields, self.notation)

    def renormalisable(self) -> "Lagrangian":
        """The terms of dimension <= 4 (``max_dim`` 4, no extra dimensions)."""
        return Lagrangian(self.model_name, tuple(t for t in self.terms if t.dimension <= 4), 4, (),
                          self.fields, self.notation)

    def renormalizable(self) -> "Lagrangian":
        """Deprecated alias of :meth:`renormalisable` (the package spells British English)."""
        warnings.warn("Lagrangian.renormalizable() is deprecated: use renormalisable()", DeprecationWarning,
                      stacklevel=2)
        return self.renormalisable()

    def with_terms(self, terms) -> "Lagrangian":
        """The same bookkeeping with another tuple of terms (e.g. a filtered one).

        Parameters
        ----------
        terms : iterable of Term
            The new terms.

        Returns
        -------
        Lagrangian
            A new Lagrangian; this one is unchanged.
        """
        return Lagrangian(self.model_name, tuple(terms), self.max_dim, self.extra_dims, self.fields,
                          self.notation)

    def term(self, text) -> Term:
        """The term whose operator is ``text`` (either orientation, any factor order).

        Parameters
        ----------
        text : str or Operator
            The operator, e.g. ``"bar(l) e H"``.

        Returns
        -------
        Term
            The first matching term.

        Raises
        ------
        ModelError
            If the operator does not parse or is not among the terms.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> from anomalyalgebra.operators import allowed_operators
        >>> str(allowed_operators(aa.load_model("sm")).term("conj(H) l bar(e)").coupling)
        'y_{l*,e,H}'
        """
        op = text if isinstance(text, Operator) else Operator.parse(text)
        want = {term_key(op), term_key(op.hermitian_conjugate())}
        for t in self.terms:
            if term_key(t.operator) in want:
                return t
        raise ModelError(f"operator {op} is not among the allowed operators of {self.model_name}")

    def __contains__(self, text) -> bool:
        try:
            self.term(text)
            return True
        except ModelError:
            return False

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def __str__(self) -> str:
        return "\n".join(str(t) for t in self.terms)

    def latex(self, model=None) -> str:
        """``-\\mathcal{L} \\supset ...`` in the model's notation (field LaTeX names).

        Parameters
        ----------
        model : Model, optional
            Provides the LaTeX names of the fields; defaults to the notation
            recorded when the Lagrangian was built.

        Returns
        -------
        str
            Math-mode LaTeX without delimiters.
        """
        view = model if model is not None else _NotationView(self.notation, self.model_name)
        return r"-\mathcal{L} \supset " + " + ".join(t.latex(view) for t in self.terms)

    def _repr_latex_(self) -> str:
        view = _NotationView(self.notation, self.model_name)
        rows = [t.latex(view) for t in self.terms]
        return ("$\\begin{aligned} -\\mathcal{L} \\supset\\ & " + r" \\ & + ".join(rows)
                + "\\end{aligned}$")


class _NotationView:
    """Just enough of a Model for :meth:`Operator.latex`: field LaTeX names and spins."""

    def __init__(self, notation, model_name):
        self._fields = {name: SimpleNamespace(latex=latex, is_fermion=fermion)
                        for name, latex, fermion in notation}
        self._name = model_name

    def field(self, name):
        try:
            return self._fields[name]
        except KeyError:
            return SimpleNamespace(latex=rf"\mathrm{{{name}}}", is_fermion=False)


def term_key(op):
    """The key under which an operator and its hermitian conjugate are compared.

    Parameters
    ----------
    op : Operator
        The operator.

    Returns
    -------
    tuple of (str, bool)
        The sorted ``(field, conjugate)`` pairs of its factors.

    Examples
    --------
    >>> from anomalyalgebra.operators.operator import Operator
    >>> term_key(Operator.parse("conj(H) l bar(e)"))
    (('H', True), ('e', True), ('l', False))
    """
    return tuple(sorted((f.field, f.conjugate) for f in op.factors))
