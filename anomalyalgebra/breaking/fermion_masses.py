"""Fermion mass matrices from operators and VEVs, split into blocks.

The Lagrangian convention of the seed paper is ``-L ⊃ y O + h.c.`` for every
operator ``O``; after symmetry breaking the Dirac mass terms are

    -L ⊃ psibar_L  M  psi_R + h.c.,

with rows labelled by the components of the left-handed fields and columns by the
components of the right-handed fields (Eq. 47 of the seed paper).  An operator
``bar(A) B phi...`` with A left-handed and B right-handed adds
``y * C * <phi>...`` to ``M[A_i, B_j]``, where ``C`` is the SU(2) invariant tensor
(:func:`~anomalyalgebra.breaking.su2.invariant_tensor`); an operator written as
``bar(R) L phi...`` is the Hermitian-conjugate piece and adds the complex conjugate to
``M[L_j, R_i]``.  Operators with two unbarred (or two barred) fermions are
Majorana-type; they are kept in :attr:`FermionMasses.majorana` and not put in the
Dirac blocks: :func:`anomalyalgebra.breaking.majorana.majorana_masses` assembles them,
with the neutral Dirac blocks, into symmetric Weyl mass matrices.  When such a term
pairs components of opposite non-zero charge it is a Dirac mass between one field and
the conjugate of the other, and it *is* put in the Dirac blocks: the connected system is
presented at charge ``Q < 0`` with conjugated rows ``(R)^c`` and columns ``(L)^c``
(:attr:`MassBlock.row_conjugate`); a Weyl term ``-L ⊃ m x y + h.c.`` with
``Q(x) < 0`` gives ``M[x, (y)^c] = conj(m)``, and a Dirac entry of charge ``-Q``
enters transposed, ``psibar_L E chi_R = (chi^c)bar E psi^c``.  Blocks with no such term
are as before (either sign of Q).

The blocks are the connected components of the bipartite *mass-mixing graph*
(left components -- right components, an edge for each non-zero entry); every block
has a single electric charge and colour representation, which are checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import sympy as sp

from ..exceptions import ModelError
from ..groups import SimpleFactor
from ..symbolic import simplify
from .su2 import invariant_tensor
from .vacuum import Component, components, su2_spin
from .weyl import MassTerm, component_order, copy_coupling, majorana_entries, mass_terms, state_charge, zn_charges

__all__ = ["MassTerm", "MassBlock", "FermionMasses", "fermion_masses", "mass_term",
           "model_fermion_masses"]


def mass_term(operator, coupling) -> MassTerm:
    """Shorthand constructor of a :class:`MassTerm`.

    Parameters
    ----------
    operator : Operator or str
        The operator, e.g. ``"bar(l3) ER H"``.
    coupling : sympy expression or matrix
        Its coupling.

    Returns
    -------
    MassTerm
        ``MassTerm(operator, coupling)``.

    Examples
    --------
    >>> str(mass_term("bar(EL) ER", sp.Symbol("M")))
    'M * bar(EL) ER'
    """
    return MassTerm(operator, coupling)


@dataclass(frozen=True)
class MassBlock:
    """One block of the Dirac mass matrix: ``psibar_L[rows] M psi_R[cols]``.

    Attributes
    ----------
    charge : sympy.Rational
        Electric charge Q = T3 + Y of every state in the block.
    labels : tuple of (str, str)
        Unbroken non-abelian representations (``("SU3c", "3")``) and unbroken Z_N charges.
    rows, cols : tuple of Component
        Left- and right-handed components, in model order.
    row_names, col_names : tuple of str
        ``"LR[0]^c"`` for a conjugated component.
    matrix : sympy.ImmutableMatrix
    row_conjugate, col_conjugate : tuple of bool
        Empty for an ordinary block.  For a block joined by same-chirality terms of
        opposite charges (see :func:`fermion_masses`), one flag per row / column: the
        row is ``(R component)^c`` (left-handed) or the column ``(L component)^c``
        (right-handed).  Such blocks are presented with ``charge < 0``.
    """

    charge: object
    labels: tuple
    rows: tuple
    cols: tuple
    row_names: tuple
    col_names: tuple
    matrix: sp.ImmutableMatrix
    row_conjugate: tuple = ()
    col_conjugate: tuple = ()

    @property
    def shape(self) -> tuple:
        return self.matrix.shape

    def fields(self) -> tuple:
        """Names of the fields with a component in the block (rows first, no repeats)."""
        return tuple(dict.fromkeys([c.field for c in self.rows] + [c.field for c in self.cols]))

    def is_conjugated(self, side: str, k: int) -> bool:
        """Whether a row or a column of the block is a charge conjugate, ``(psi)^c``.

        Parameters
        ----------
        side : str
            ``"row"`` for a row; anything else means a column.
        k : int
            Row or column index.

        Returns
        -------
        bool
            False for every entry of an ordinary block.
        """
        flags = self.row_conjugate if side == "row" else self.col_conjugate
        return bool(flags) and bool(flags[k])

    def _repr_latex_(self):
        return "$" + sp.latex(self.matrix) + "$"

    def __str__(self) -> str:
        return f"Q={self.charge} {list(self.row_names)} x {list(self.col_names)}: {self.matrix.tolist()}"


@dataclass(frozen=True)
class FermionMasses:
    """The Dirac mass blocks of a vacuum plus the terms not treated as Dirac masses.

    Attributes
    ----------
    blocks : tuple of MassBlock
        Connected components of the mass-mixing graph.
    massless_left, massless_right : tuple of Component
        Components with no mass entry (chiral, massless at this order).
    majorana : tuple of MassTerm
        Majorana-type terms with VEVs (assembled by :meth:`majorana_masses`).
    vacuum : Vacuum or None
        The vacuum the terms were evaluated on (not part of equality).
    """

    blocks: tuple
    massless_left: tuple
    massless_right: tuple
    majorana: tuple
    vacuum: object = field(default=None, compare=False, repr=False)

    def block(self, *fields: str, charge=None) -> MassBlock:
        """The block that contains a component of every named field.

        Parameters
        ----------
        *fields : str
            Field names.
        charge : number or str, optional
            Only consider blocks of this electric charge.

        Returns
        -------
        MassBlock
            The first such block, in model order.

        Raises
        ------
        ModelError
            If no single block contains all of them.
        """
        for b in self.blocks:
            if charge is not None and sp.sympify(charge) != b.charge:
                continue
            names = set(b.fields())
            if all(f in names for f in fields):
                return b
        raise ModelError(f"no mass block contains all of {list(fields)}")

    def blocks_of(self, field: str) -> tuple:
        """Every block with a component of ``field``.

        Parameters
        ----------
        field : str
            A fermion name.

        Returns
        -------
        tuple of MassBlock
            Possibly empty (a massless field).
        """
        return tuple(b for b in self.blocks if field in b.fields())


def _unbroken_labels(vac, comp: Component):
    model = vac.model
    out = []
    for label, g in model.groups:
        if label == vac.su2:
            continue
        if isinstance(g, SimpleFactor):
            out.append((label, g.rep_text(model.field(comp.field).rep(label))))
    for label in vac.unbroken_labels():
        g = model.group(label)
        if g.kind == "zn":
            out.append((label, str(int(model.field(comp.field).rep(label)))))
    return tuple(out)


def fermion_masses(vac, terms: Iterable, *, check: bool = True) -> FermionMasses:
    """Dirac mass blocks from operators with couplings, evaluated on a vacuum.

    Parameters
    ----------
    vac : Vacuum
        From :func:`~anomalyalgebra.breaking.vacuum`.
    terms : iterable of MassTerm or (operator, coupling)
        ``-L ⊃ coupling * operator + h.c.``; operators as objects or strings.  Terms of
        :func:`~anomalyalgebra.operators.allowed_operators` are accepted too.
    check : bool
        Refuse operators that are not allowed (gauge/discrete invariant Lorentz scalars).

    Returns
    -------
    FermionMasses
        The Dirac blocks (connected components of the mass-mixing graph), the
        massless components and the Majorana-type terms.

    Raises
    ------
    ModelError
        For a malformed term, an operator with an unknown field, an operator that is
        not allowed (with ``check``), a term with other than two fermions, a coupling
        matrix of the wrong shape, an operator with several SU(2) contractions, or a
        block that mixes states of different unbroken charges.

    Examples
    --------
    Eq. (47) of the seed paper from the Yukawa terms of Eq. (46):

    >>> import sympy as sp, anomalyalgebra as aa
    >>> from anomalyalgebra.breaking import vacuum
    >>> v, V1, V5, M, yL, yR = sp.symbols("v V_1 V_5 M y_L y_R", positive=True)
    >>> m = aa.load_model("tau_l_minus_4r")
    >>> vac = vacuum(m, {"H": v/sp.sqrt(2), "S1": V1/sp.sqrt(2), "S5": V5/sp.sqrt(2)})
    >>> fm = fermion_masses(vac, [("bar(l3) ER H", yL), ("S5 bar(EL) e3", yR), ("bar(EL) ER", M)])
    >>> b = fm.block("l3", "EL")
    >>> b.row_names, b.col_names
    (('l3[-1/2]', 'EL'), ('e3', 'ER'))
    >>> b.matrix
    Matrix([
    [                0, sqrt(2)*v*y_L/2],
    [sqrt(2)*V_5*y_R/2,               M]])
    """
    model = vac.model
    entries: dict = {}
    majorana = []
    for term in mass_terms(terms):
        op = term.operator
        op.check_fields(model)
        if check:
            ok = op.is_allowed(model)
            if ok is not True:
                raise ModelError(
                    f"model '{model.name}': operator '{op}' is "
                    + ("not allowed" if ok is False else "undecidable (symbolic charges)")
                    + "; pass check=False to use it anyway"
                )
        ferm = [(i, f) for i, f in enumerate(op.factors) if model.field(f.field).is_fermion]
        if len(ferm) != 2:
            if len(ferm) == 0:
                continue
            raise ModelError(f"operator '{op}' has {len(ferm)} fermions; a mass term needs 2")
        scal = [(i, f) for i, f in enumerate(op.factors) if model.field(f.field).is_scalar]
        if any(not any(c.field == f.field for c, _ in vac.vevs) for _, f in scal):
            continue          # a scalar without VEV: an interaction, not a mass
        (ia, fa), (ib, fb) = ferm
        if fa.conjugate == fb.conjugate:
            majorana.append(term)
            continue
        if not fa.conjugate:
            (ia, fa), (ib, fb) = (ib, fb), (ia, fa)
        A, B = model.field(fa.field), model.field(fb.field)
        hc = A.chirality == "R"          # bar(R) L: the h.c. piece
        spins = tuple(su2_spin(model, f.field, vac.su2) for f in op.factors)
        conj = tuple(f.conjugate for f in op.factors)
        nontriv = [k for k, s in enumerate(spins) if s != 0]
        if nontriv:
            try:
                tensor = invariant_tensor(tuple(spins[k] for k in nontriv),
                                          tuple(conj[k] for k in nontriv))
            except ModelError as exc:
                raise ModelError(
                    f"operator {op}: {exc}. Mass matrices from operators with several independent"
                    " SU(2) contractions are not supported; restrict the dimension (e.g. max_dim=4,"
                    " extra_dims=(5,)) or pass the operators you want with fermion_masses()"
                ) from None
        else:
            tensor = {(): sp.Integer(1)}
        comps = {k: [c for c in components(model, op.factors[k].field, vac.su2) if c.copy == 0]
                 for k in range(len(op.factors))}
        for idx, coeff in tensor.items():
            pick = dict(zip(nontriv, idx))
            value = coeff
            for k, f in scal:
                c = comps[k][pick.get(k, 0)]
                vev = vac.vev(f.field, c.t3)
                value *= sp.conjugate(vev) if f.conjugate else vev
            if value == 0:
                continue
            ta, tb = comps[ia][pick.get(ia, 0)].t3, comps[ib][pick.get(ib, 0)].t3
            for ca in range(A.copies):
                for cb in range(B.copies):
                    y = copy_coupling(term, A, B, ca, cb) if ia < ib else \
                        copy_coupling(MassTerm(op, _transpose(term.coupling)), A, B, ca, cb)
                    val = y * value
                    if val == 0:
                        continue
                    a, b = Component(A.name, ta, ca), Component(B.name, tb, cb)
                    key, val = ((b, a), sp.conjugate(val)) if hc else ((a, b), val)
                    entries[key] = entries.get(key, sp.Integer(0)) + val
    entries = {k: simplify(v) for k, v in entries.items()}
    entries = {k: v for k, v in entries.items() if v != 0}
    return _blocks(vac, entries, tuple(majorana), _charged_same_chirality(vac, majorana))


def _charged_same_chirality(vac, majorana) -> dict:
    """Same-chirality entries between Weyl states of opposite non-zero charge.

    ``{(x, y): M[x, y]}`` with ``x``, ``y`` left-handed Weyl states
    (:class:`~anomalyalgebra.breaking.majorana.WeylState`), ``Q(x) < 0 < Q(y) = -Q(x)``
    and ``M = S + S^T`` the symmetric Weyl matrix of
    :mod:`~anomalyalgebra.breaking.majorana` (``-L ⊃ 1/2 Psi^T M Psi + h.c.``, so
    ``-L ⊃ M[x, y] x y + h.c.``).  Terms whose Weyl entries cannot be built, and
    entries that do not conserve the unbroken charges or have symbolic charges, are
    left to :func:`~anomalyalgebra.breaking.majorana.majorana_masses` (which refuses or
    lists them in ``dirac_like``).
    """
    if not majorana:
        return {}
    model = vac.model
    out: dict = {}
    for term in majorana:
        try:
            S = majorana_entries(vac, [term])
        except ModelError:
            continue
        for (a, b), val in S.items():
            qa, qb = state_charge(vac, a), state_charge(vac, b)
            if qa == 0 or sp.simplify(qa + qb) != 0 or not qa.is_number:
                continue
            za, zb = dict(zn_charges(vac, a)), dict(zn_charges(vac, b))
            if any((za[lab] + zb[lab]) % model.group(lab).n for lab in za):
                continue
            x, y = (a, b) if qa < 0 else (b, a)
            out[(x, y)] = out.get((x, y), sp.Integer(0)) + val
    out = {k: simplify(v) for k, v in out.items()}
    return {k: v for k, v in out.items() if v != 0}


def _transpose(c):
    return c.T if isinstance(c, sp.MatrixBase) else c


def _blocks(vac, entries, majorana, same=None) -> FermionMasses:
    import networkx as nx

    model = vac.model
    same = same or {}
    left = [c for f in model.fermions if f.chirality == "L" for c in components(model, f.name, vac.su2)]
    right = [c for f in model.fermions if f.chirality == "R" for c in components(model, f.name, vac.su2)]
    G = nx.Graph()
    G.add_nodes_from(("L", c) for c in left)
    G.add_nodes_from(("R", c) for c in right)
    for (a, b) in entries:
        G.add_edge(("L", a), ("R", b))
    # a same-chirality entry x y joins the nodes of the two fields (L-L or R-R)
    natural = lambda w: ("R" if w.conjugate else "L", w.component)      # noqa: E731
    for (x, y) in same:
        G.add_edge(natural(x), natural(y))
    joined = {natural(x) for x, _ in same}
    key = component_order(model)
    blocks, mL, mR = [], [], []
    for comp in nx.connected_components(G):
        if comp & joined:
            blocks.append(_conjugated_block(vac, comp, entries, same, key))
            continue
        rows = sorted((c for s, c in comp if s == "L"), key=key)
        cols = sorted((c for s, c in comp if s == "R"), key=key)
        if len(comp) == 1:
            (mL if rows else mR).extend(rows or cols)
            continue
        charges = {sp.simplify(vac.charge(c)) for c in rows + cols}
        labels = {_unbroken_labels(vac, c) for c in rows + cols}
        if len(charges) != 1 or len(labels) != 1:
            raise ModelError(
                f"model '{model.name}': a mass term mixes states of different unbroken charges"
                f" {sorted(map(str, charges))} / {sorted(labels)}"
            )
        mat = sp.ImmutableMatrix(len(rows), len(cols),
                                 lambda i, j: entries.get((rows[i], cols[j]), sp.Integer(0)))
        blocks.append(MassBlock(charges.pop(), labels.pop(), tuple(rows), tuple(cols),
                                tuple(c.name(model) for c in rows), tuple(c.name(model) for c in cols), mat))
    blocks.sort(key=lambda b: (key(b.rows[0]) if b.rows else key(b.cols[0])))
    return FermionMasses(tuple(blocks), tuple(sorted(mL, key=key)), tuple(sorted(mR, key=key)), majorana,
                         vac)


def _conjugate_labels(vac, comp: Component, conjugate: bool) -> tuple:
    """Unbroken labels of a component or of its conjugate (Z_N charges reduced mod N)."""
    model = vac.model
    out = []
    for label, g in model.groups:
        if label == vac.su2:
            continue
        rep = model.field(comp.field).rep(label)
        if isinstance(g, SimpleFactor):
            out.append((label, g.rep_text(g.conjugate(rep) if conjugate else rep)))
    for label in vac.unbroken_labels():
        g = model.group(label)
        if g.kind == "zn":
            q = int(model.field(comp.field).rep(label))
            out.append((label, str((-q if conjugate else q) % g.n)))
    return tuple(out)


def _conjugated_block(vac, comp, entries, same, key) -> MassBlock:
    """A connected component joined by same-chirality entries, presented at ``Q < 0``.

    Rows: left-handed states of charge ``Q < 0`` -- L components of charge Q and
    conjugates of R components of charge ``-Q``; columns: right-handed states of charge
    Q -- R components and conjugates of L components of charge ``-Q``.  A Dirac entry
    ``psibar_L E chi_R`` of charge Q stays ``D[psi, chi] = E``; one of charge ``-Q``
    is the transpose, ``D[chi^c, psi^c] = E`` (``psibar_L chi_R = (chi^c)bar psi^c``);
    a Weyl entry ``M[x, y] x y`` (Q(x) < 0) is ``D[x, y^c] = conj(M[x, y])``
    (``x y = (xbar_L (y^c)_R)^dagger``).
    """
    model = vac.model
    q0 = None
    rows, cols = set(), set()
    for side, c in comp:
        q = sp.simplify(vac.charge(c))
        if not q.is_number or q == 0:
            raise ModelError(f"model '{model.name}': cannot present the charged block of {c.name(model)} (Q = {q})")
        flip = q > 0
        (rows if (side == "L") != flip else cols).add((c, bool(flip)))
        q = -q if flip else q
        if q0 is not None and q != q0:
            raise ModelError(
                f"model '{model.name}': a mass term mixes states of different unbroken charges {q0}, {q}")
        q0 = q
    skey = lambda rc: (rc[1], key(rc[0]))        # noqa: E731
    rows, cols = sorted(rows, key=skey), sorted(cols, key=skey)
    labels = {_conjugate_labels(vac, c, f) for c, f in rows + cols}
    if len(labels) != 1:
        raise ModelError(f"model '{model.name}': a mass term mixes states of different unbroken charges"
                         f" {sorted(labels)}")
    D: dict = {}

    def add(r, c, val):
        D[(r, c)] = D.get((r, c), sp.Integer(0)) + val

    for (a, b), val in entries.items():
        if ("L", a) not in comp:
            continue
        if vac.charge(a) < 0:
            add((a, False), (b, False), val)
        else:
            add((b, True), (a, True), val)
    for (x, y), val in same.items():
        if (("R" if x.conjugate else "L"), x.component) not in comp:
            continue
        add((x.component, x.conjugate), (y.component, not y.conjugate), sp.conjugate(val))
    D = {k: simplify(v) for k, v in D.items()}
    mat = sp.ImmutableMatrix(len(rows), len(cols), lambda i, j: D.get((rows[i], cols[j]), sp.Integer(0)))
    name = lambda rc: rc[0].name(model) + ("^c" if rc[1] else "")        # noqa: E731
    return MassBlock(q0, labels.pop(), tuple(c for c, _ in rows), tuple(c for c, _ in cols),
                     tuple(map(name, rows)), tuple(map(name, cols)), mat,
                     tuple(f for _, f in rows), tuple(f for _, f in cols))


def model_fermion_masses(vac, max_dim: int = 4, extra_dims=(), *, fields=None) -> FermionMasses:
    """Mass blocks from *all* operators the model allows (no hand input).

    Enumerates the operators with
    :func:`anomalyalgebra.operators.allowed_operators` (couplings are the
    symbols it assigns, e.g. ``y_{l3*,ER,H}``) and evaluates them on the vacuum.

    Parameters
    ----------
    vac : Vacuum
        The vacuum.
    max_dim : int, optional
        Largest operator dimension enumerated (default 4, renormalisable).
    extra_dims : iterable of int, optional
        Further dimensions to include (e.g. ``(5,)``).
    fields : iterable of str, optional
        Restrict the operators to these fields (passed to ``allowed_operators``).

    Returns
    -------
    FermionMasses
        As :func:`fermion_masses` (operators taken as allowed, ``check=False``).

    Raises
    ------
    ModelError
        If the operator enumeration is unavailable, or as :func:`fermion_masses`.

    Examples
    --------
    Eq. (47) of the seed paper from the allowed operators of Table IV:

    >>> import sympy as sp, anomalyalgebra as aa
    >>> from anomalyalgebra.breaking import vacuum
    >>> v, V1, V5 = sp.symbols("v V_1 V_5", positive=True)
    >>> vac = vacuum(aa.load_model("tau_l_minus_4r"),
    ...              {"H": v/sp.sqrt(2), "S1": V1/sp.sqrt(2), "S5": V5/sp.sqrt(2)})
    >>> b = model_fermion_masses(vac).block("l3", "EL", charge=-1)
    >>> b.row_names, b.col_names, b.matrix[0, 0], b.matrix[1, 1]
    (('l3[-1/2]', 'EL'), ('e3', 'ER'), 0, M_{EL*,ER})
    """
    try:
        from ..operators import allowed_operators
    except ImportError as exc:  # pragma: no cover - depends on the operators package
        raise ModelError(f"operator enumeration is not available: {exc}") from None
    # mass terms come from fermion bilinears; four-fermion operators (d >= 6) give none
    lag = allowed_operators(vac.model, max_dim, extra_dims, fields=fields, include_potential=False,
                            four_fermion=False)
    return fermion_masses(vac, [t for t in lag.terms if getattr(t, "flavour", ())], check=False)
