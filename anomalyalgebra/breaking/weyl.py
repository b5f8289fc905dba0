"""Mass terms and Weyl states: what the Dirac (:mod:`.fermion_masses`) and the Majorana
(:mod:`.majorana`) mass matrices are both built from.

A :class:`MassTerm` is an operator with its coupling; :func:`mass_terms` normalises
the accepted inputs; :func:`copy_coupling` reads the coupling between two copies;
a :class:`WeylState` is a left-handed Weyl state, and :func:`majorana_entries` the
coefficients of the Weyl products ``a b`` in ``-L`` on a vacuum.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..exceptions import ModelError
from ..groups import SimpleFactor, ZN
from ..operators import Operator
from .su2 import symmetric_invariant
from .vacuum import Component, components, su2_spin

__all__ = ["MassTerm", "WeylState"]


@dataclass(frozen=True)
class MassTerm:
    """An operator with its coupling, ``-L ⊃ coupling * operator + h.c.``.

    Parameters
    ----------
    operator : Operator or str
        The operator; a string is parsed with :meth:`Operator.parse`
        (e.g. ``"bar(l3) ER H"``).
    coupling : sympy expression, matrix or nested list
        A sympy expression, or a matrix indexed by the copies of the two fermions
        (in the operator's order) for fields with several copies; stored as a sympy
        expression or an ``ImmutableMatrix``.
    """

    operator: Operator
    coupling: object

    def __post_init__(self):
        if isinstance(self.operator, str):
            object.__setattr__(self, "operator", Operator.parse(self.operator))
        c = self.coupling
        if isinstance(c, (list, tuple)):
            c = sp.ImmutableMatrix(c)
        elif isinstance(c, sp.MatrixBase):
            c = sp.ImmutableMatrix(c)
        else:
            c = sp.sympify(c)
        object.__setattr__(self, "coupling", c)

    def __str__(self) -> str:
        return f"{self.coupling} * {self.operator}"


def mass_terms(terms) -> list:
    """Normalise the accepted forms of mass terms to :class:`MassTerm` records.

    Parameters
    ----------
    terms : iterable
        :class:`MassTerm` records, ``(operator, coupling)`` pairs, or terms of
        :func:`~anomalyalgebra.operators.allowed_operators` (scalar-potential terms
        are skipped; a 1 x 1 coupling matrix becomes its entry).

    Returns
    -------
    list of MassTerm
        In input order.

    Raises
    ------
    ModelError
        For an item of none of these forms.
    """
    out = []
    for t in terms:
        if isinstance(t, MassTerm):
            out.append(t)
        elif hasattr(t, "operator") and hasattr(t, "coupling_matrix"):
            # a Term of anomalyalgebra.operators (allowed_operators)
            if not getattr(t, "flavour", ()) :
                continue                                # scalar potential
            c = t.coupling_matrix()
            out.append(MassTerm(t.operator, c[0, 0] if c.shape == (1, 1) else c))
        elif isinstance(t, (tuple, list)) and len(t) == 2:
            out.append(MassTerm(*t))
        else:
            raise ModelError(f"a mass term is MassTerm(operator, coupling) or (operator, coupling); got {t!r}")
    return out


def copy_coupling(term, fa, fb, ca, cb):
    """The coupling between copy ``ca`` of ``fa`` and copy ``cb`` of ``fb`` in one term.

    A coupling matrix is indexed by the copies; a scalar coupling between two fields
    with copies is flavour-diagonal (zero off the diagonal); otherwise it is the same
    for every copy.

    Parameters
    ----------
    term : MassTerm
        The term.
    fa, fb : Field
        The two fermion fields, in the operator's order.
    ca, cb : int
        Copy indices, from 0.

    Returns
    -------
    sympy.Expr
        The coupling of that pair of copies.

    Raises
    ------
    ModelError
        If the coupling matrix has the wrong shape, or a scalar coupling joins two
        fields with different numbers of copies.
    """
    c = term.coupling
    if isinstance(c, sp.MatrixBase):
        if c.shape != (fa.copies, fb.copies):
            raise ModelError(
                f"term '{term.operator}': coupling matrix has shape {c.shape}, expected"
                f" ({fa.copies}, {fb.copies}) (copies of {fa.name}, {fb.name})"
            )
        return c[ca, cb]
    if fa.copies > 1 and fb.copies > 1:
        if fa.copies != fb.copies:
            raise ModelError(f"term '{term.operator}': give a {fa.copies}x{fb.copies} coupling matrix")
        return c if ca == cb else sp.Integer(0)
    return c


def component_order(model):
    """A sort key putting components in model order: field, then copy, then T3 descending.

    Parameters
    ----------
    model : Model
        The model.

    Returns
    -------
    callable
        ``key(component)`` for :func:`sorted`.
    """
    pos = {f.name: i for i, f in enumerate(model.fields)}
    return lambda c: (pos[c.field], c.copy, -c.t3)


@dataclass(frozen=True)
class WeylState:
    """A left-handed Weyl state of the Majorana bookkeeping.

    Either a component of a left-handed field, or the conjugate (``conjugate=True``)
    of a component of a right-handed field.

    Parameters
    ----------
    component : Component
        The field component.
    conjugate : bool, optional
        True for ``(chi_R)^c`` (default False).
    """

    component: Component
    conjugate: bool = False

    @property
    def field(self) -> str:
        return self.component.field

    def name(self, model=None) -> str:
        """Display name of the state.

        Parameters
        ----------
        model : Model, optional
            The model, for the copy index and the isospin label (see :meth:`Component.name`).

        Returns
        -------
        str
            E.g. ``"l3[1/2]"``, ``"N1^c"``, ``"LR[-1]^c"`` (the conjugate of the T3 = -1
            component).
        """
        return self.component.name(model) + ("^c" if self.conjugate else "")

    def __str__(self) -> str:
        return self.name()


def is_colourless(vac, field: str) -> bool:
    """Whether a field is trivial under every simple factor other than the weak SU(2).

    Parameters
    ----------
    vac : Vacuum
        The vacuum (its model and its SU(2) label).
    field : str
        Field name.

    Returns
    -------
    bool
        True for a colourless field.

    Raises
    ------
    ModelError
        If the field is unknown.
    """
    model = vac.model
    for label, g in model.groups:
        if label != vac.su2 and isinstance(g, SimpleFactor) and not g.is_trivial(model.field(field).rep(label)):
            return False
    return True


def state_charge(vac, st: WeylState):
    """Electric charge of a Weyl state (minus the component's for a conjugate).

    Parameters
    ----------
    vac : Vacuum
        The vacuum.
    st : WeylState
        The state.

    Returns
    -------
    sympy.Expr
        ``Q``.
    """
    q = sp.simplify(vac.charge(st.component))
    return -q if st.conjugate else q


def zn_charges(vac, st: WeylState) -> tuple:
    """Charges of a Weyl state under the unbroken Z_N factors of the vacuum.

    Parameters
    ----------
    vac : Vacuum
        The vacuum.
    st : WeylState
        The state.

    Returns
    -------
    tuple of (str, int)
        ``(label, charge mod N)``; a conjugate state takes ``-q``.
    """
    model = vac.model
    out = []
    for label in vac.unbroken_labels():
        g = model.group(label)
        if isinstance(g, ZN):
            q = int(model.field(st.field).rep(label))
            out.append((label, (-q if st.conjugate else q) % g.n))
    return tuple(out)


def majorana_entries(vac, terms) -> dict:
    """``S[(a, b)]``: coefficient of the Weyl product ``a b`` in ``-L`` (left-handed states).

    Parameters
    ----------
    vac : Vacuum
        The vacuum the operators are evaluated on.
    terms : iterable
        Majorana-type mass terms (as :func:`mass_terms` accepts): two fermions of the
        same spinor type and scalars with VEVs.

    Returns
    -------
    dict
        ``{(WeylState, WeylState): coefficient}`` (not symmetrised; ``M = S + S^T``).

    Raises
    ------
    ModelError
        For a term that is not a Majorana-type bilinear or not a Lorentz scalar, an
        ambiguous SU(2) contraction, or a coupling matrix of the wrong shape.
    """
    model = vac.model
    S: dict = {}
    for term in mass_terms(terms):
        op = term.operator
        ferm = [(i, f) for i, f in enumerate(op.factors) if model.field(f.field).is_fermion]
        if len(ferm) != 2 or ferm[0][1].conjugate != ferm[1][1].conjugate:
            raise ModelError(f"'{op}' is not a Majorana-type bilinear (two fermions of the same spinor type)")
        (ia, fa), (ib, fb) = ferm
        A, B = model.field(fa.field), model.field(fb.field)
        if A.chirality != B.chirality:
            raise ModelError(f"'{op}': {A.name} ({A.chirality}) {B.name} ({B.chirality}) is not a Lorentz scalar")
        conj_fields = (A.chirality == "R") != fa.conjugate    # the left-handed states are conjugates
        scal = [(i, f) for i, f in enumerate(op.factors) if model.field(f.field).is_scalar]
        spins = tuple(su2_spin(model, f.field, vac.su2) for f in op.factors)
        nontriv = [k for k, s in enumerate(spins) if s != 0]
        classes = tuple((op.factors[k].field, op.factors[k].conjugate) for k in nontriv)
        tensor = (symmetric_invariant(tuple(spins[k] for k in nontriv),
                                       tuple(op.factors[k].conjugate for k in nontriv), classes)
                  if nontriv else {(): sp.Integer(1)})
        comps = {k: [c for c in components(model, op.factors[k].field, vac.su2) if c.copy == 0]
                 for k in range(len(op.factors))}
        for idx, coeff in tensor.items():
            pick = dict(zip(nontriv, idx))
            value = coeff
            for k, f in scal:
                vev = vac.vev(f.field, comps[k][pick.get(k, 0)].t3)
                value *= sp.conjugate(vev) if f.conjugate else vev
            if value == 0:
                continue
            ta, tb = comps[ia][pick.get(ia, 0)].t3, comps[ib][pick.get(ib, 0)].t3
            for ca in range(A.copies):
                for cb in range(B.copies):
                    s = copy_coupling(term, A, B, ca, cb) * value
                    if s == 0:
                        continue
                    s = sp.conjugate(s) if conj_fields else s
                    key = (WeylState(Component(A.name, ta, ca), A.chirality == "R"),
                           WeylState(Component(B.name, tb, cb), B.chirality == "R"))
                    S[key] = S.get(key, sp.Integer(0)) + s
    return S
