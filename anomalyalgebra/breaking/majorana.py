"""Majorana (symmetric) mass matrices of neutral Weyl fermions, and their diagonalisation.

Convention.  Every field is written as a *left-handed* Weyl spinor: a left-handed
component ``psi`` enters as itself, a right-handed component ``chi_R`` as its
conjugate ``chi^c = (chi_R)^c`` (named ``"N1^c"``).  With ``Psi`` the column of these
states the mass terms are

    -L ⊃ 1/2 Psi^T M Psi + h.c.,      M = M^T,

where ``psi chi`` is the Lorentz-invariant (epsilon) product of two left-handed spinors,
symmetric in the two factors.  Reading the operators with the convention of the seed
paper, ``-L ⊃ y O + h.c.``:

* a Dirac entry ``psibar_L D chi_R`` of :func:`~anomalyalgebra.breaking.fermion_masses`
  gives ``M[psi, chi^c] = M[chi^c, psi] = conj(D)`` (because ``psibar_L chi_R`` is the
  Hermitian conjugate of ``chi^c psi``);
* an operator with two left-handed fermions, ``y A B phi...`` with ``<phi...>`` giving
  the component coefficient ``s = y * C * <phi>...`` (``C`` the SU(2) tensor), adds
  ``s`` to ``S[A, B]``; two right-handed fermions add ``conj(s)`` to ``S[A^c, B^c]``;
  two barred fermions the conjugate; then ``M = S + S^T``.

So for one field, ``y N N`` gives ``M[N^c, N^c] = 2 conj(y <...>)``, and for two fields
``y N1 N2`` gives ``M[N1^c, N2^c] = conj(y <...>)``; a coupling matrix over copies (the
symmetric ``y_ab`` of :func:`~anomalyalgebra.operators.allowed_operators`, summed over
all ``a, b``) gives ``2 y_ab``.  For real couplings and VEVs the basis
``(nu_L, N^c)`` gives the familiar ``[[m_L, m_D], [m_D^T, M_R]]`` with ``m_D`` the
Dirac matrix.  When an operator repeats a field, its SU(2) contraction is the one
symmetric under the exchange of the identical factors (``l l H H``: the Weinberg
operator, normalised so that ``nu nu H0 H0`` has coefficient 1).

Diagonalisation (Takagi): ``Psi = U chi`` with ``U`` unitary and
``U^T M U = diag(m_1, ..., m_n)``, ``m_i >= 0`` -- the gauge states are ``U`` times
the mass states.  For a real symmetric ``M = O diag(lambda) O^T`` this is
``U = O diag(1 or i)``, the ``i`` absorbing a negative eigenvalue.

Only neutral, colourless components can carry Majorana masses here: an operator with
two same-chirality fermions of opposite non-zero charges is a *Dirac* mass written with
Weyl spinors; it is listed in :attr:`MajoranaMasses.dirac_like` (and is included, as
``D[x, y^c] = conj(M[x, y])``, in the conjugated Dirac blocks of :func:`fermion_masses`),
and a charge-violating or coloured pair is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import sympy as sp

from ..exceptions import ModelError
from .weyl import WeylState, component_order, is_colourless, majorana_entries, state_charge, zn_charges
from .vacuum import components

__all__ = [
    "WeylState",
    "MajoranaBlock",
    "MajoranaMasses",
    "majorana_masses",
    "SymmetricTwoByTwo",
    "diagonalise_symmetric_2x2",
    "Seesaw",
    "seesaw",
    "numerical_takagi",
]


# ----------------------------------------------------------------------------- records


@dataclass(frozen=True)
class MajoranaBlock:
    """One block of the symmetric Weyl mass matrix, ``-L ⊃ 1/2 Psi^T M Psi + h.c.``.

    Attributes
    ----------
    labels : tuple of (str, str)
        Unbroken Z_N charges of the left-handed states (charge and colour are zero/trivial).
    states : tuple of WeylState
        Left-handed components first, then conjugates of right-handed ones, model order.
    names : tuple of str
    matrix : sympy.ImmutableMatrix
        Symmetric.
    """

    labels: tuple
    states: tuple
    names: tuple
    matrix: sp.ImmutableMatrix

    @property
    def shape(self) -> tuple:
        return self.matrix.shape

    def fields(self) -> tuple:
        """Names of the fields with a state in the block (no repeats)."""
        return tuple(dict.fromkeys(s.field for s in self.states))

    def index(self, name: str) -> int:
        """Position of the state called ``name`` in :attr:`states`.

        Parameters
        ----------
        name : str
            A state name, e.g. ``"N1^c"``.

        Returns
        -------
        int
            Row/column index in :attr:`matrix`.

        Raises
        ------
        ModelError
            If the block has no such state.
        """
        if name not in self.names:
            raise ModelError(f"Majorana block {list(self.names)} has no state '{name}'")
        return self.names.index(name)

    def entry(self, a: str, b: str):
        """``M[a, b]`` by state names.

        Parameters
        ----------
        a, b : str
            State names (see :attr:`names`).

        Returns
        -------
        sympy.Expr
            The matrix entry.

        Raises
        ------
        ModelError
            If a name is not a state of the block.
        """
        return self.matrix[self.index(a), self.index(b)]

    def rank(self) -> int:
        """Exact rank: ``len(states) - rank`` states are massless at this order."""
        return self.matrix.rank(simplify=True)

    def massless_count(self) -> int:
        """Number of states left massless at this order (size minus :meth:`rank`)."""
        return self.matrix.rows - self.rank()

    def takagi(self, values: dict, dps: int = 50):
        """:func:`numerical_takagi` of the matrix at numerical parameter values.

        Parameters
        ----------
        values : dict
            ``{symbol: number}`` substituted into the matrix; every symbol must get a value.
        dps : int, optional
            Working precision in decimal digits (default 50).

        Returns
        -------
        (list of mpmath.mpf, mpmath.matrix)
            Takagi values ascending and the unitary ``U``.

        Raises
        ------
        ModelError
            If the substituted matrix is not symmetric (cannot happen for a block).
        """
        return numerical_takagi(self.matrix.subs(values), dps=dps)

    def seesaw(self, small: Sequence, order: int = 2, light=None) -> "Seesaw":
        """:func:`seesaw` of the block's matrix.

        Parameters
        ----------
        small : sequence of sympy.Symbol
            The small parameters.
        order : int, optional
            Highest power of the small parameters kept (default 2).
        light : sequence of int, optional
            Indices of the light states.

        Returns
        -------
        Seesaw
            The block-diagonal form and its rotation.
        """
        return seesaw(self.matrix, small, order, light=light)

    def _repr_latex_(self):
        return "$" + sp.latex(self.matrix) + "$"

    def __str__(self) -> str:
        return f"Majorana {list(self.names)}: {self.matrix.tolist()}"


@dataclass(frozen=True)
class MajoranaMasses:
    """The neutral sector of a vacuum in the left-handed convention.

    Attributes
    ----------
    blocks : tuple of MajoranaBlock
        Connected components of the neutral mass graph (states linked by an entry).
    massless : tuple of WeylState
        Neutral colourless states with no mass entry.
    dirac_like : tuple of (WeylState, WeylState, value)
        Entries ``S[a, b]`` of same-chirality operators between states of opposite
        non-zero charge: Dirac masses written with two Weyl spinors.  They are kept here
        for reference; :func:`fermion_masses` already puts them in its Dirac blocks
        (presented at ``Q < 0`` with conjugated states), so do not add them again.
    """

    blocks: tuple
    massless: tuple
    dirac_like: tuple

    def block(self, *fields: str) -> MajoranaBlock:
        """The block that contains a state of every named field.

        Parameters
        ----------
        *fields : str
            Field names.

        Returns
        -------
        MajoranaBlock
            The first such block.

        Raises
        ------
        ModelError
            If no single block contains them all.
        """
        for b in self.blocks:
            if all(f in b.fields() for f in fields):
                return b
        raise ModelError(f"no Majorana block contains all of {list(fields)}")


# ----------------------------------------------------------------------------- assembly


def majorana_masses(fm) -> MajoranaMasses:
    """Symmetric Weyl mass matrices of the neutral colourless states.

    Combines the neutral colourless Dirac blocks of ``fm`` and its Majorana-type terms
    (:attr:`FermionMasses.majorana`) into ``-L ⊃ 1/2 Psi^T M Psi + h.c.`` in the
    left-handed convention of this module, and splits ``M`` into connected blocks.

    Parameters
    ----------
    fm : FermionMasses
        From :func:`~anomalyalgebra.breaking.fermion_masses` or
        :func:`~anomalyalgebra.breaking.model_fermion_masses`.

    Returns
    -------
    MajoranaMasses
        The blocks, the massless neutral states and the Dirac-like same-chirality
        entries between charged states.

    Raises
    ------
    ModelError
        If ``fm`` carries no vacuum, or a Majorana-type term pairs states whose charges
        (electric, unbroken Z_N) do not cancel, or pairs neutral coloured states.

    Examples
    --------
    The neutral states of Table IV with the d = 5 operators (coupling symbols as the
    enumeration names them; ``c`` has mass dimension -1, ``c = c'/Lambda``):

    >>> import sympy as sp, anomalyalgebra as aa
    >>> from anomalyalgebra.breaking import vacuum, model_fermion_masses
    >>> v, V1, V5 = sp.symbols("v V_1 V_5", positive=True)
    >>> vac = vacuum(aa.load_model("tau_l_minus_4r"),
    ...              {"H": v/sp.sqrt(2), "S1": V1/sp.sqrt(2), "S5": V5/sp.sqrt(2)})
    >>> b = majorana_masses(model_fermion_masses(vac, 4, (5,))).block("l3", "N1", "N2")
    >>> b.names
    ('l3[1/2]', 'LL[-1]', 'LR[-1]^c', 'N1^c', 'N2^c')
    >>> b.entry("N1^c", "N1^c"), b.entry("N1^c", "N2^c")
    (V_1*V_5*conjugate(c_{N1,N1,S1,S5*}_11), V_1*V_5*conjugate(c_{N1,N2,S1*,S5*})/2)
    >>> b.rank()
    5
    """
    vac = fm.vacuum
    if vac is None:
        raise ModelError("FermionMasses has no vacuum; build it with fermion_masses(vac, ...)")
    model = vac.model
    S: dict = {}
    dirac_like = []

    def add(a, b, val):
        S[(a, b)] = S.get((a, b), sp.Integer(0)) + val

    for blk in fm.blocks:
        if blk.charge != 0 or not all(is_colourless(vac, f) for f in blk.fields()):
            continue
        for i, r in enumerate(blk.rows):
            for j, c in enumerate(blk.cols):
                if blk.matrix[i, j] != 0:
                    add(WeylState(r), WeylState(c, True), sp.conjugate(blk.matrix[i, j]))
    for (a, b), val in majorana_entries(vac, fm.majorana).items():
        qa, qb = state_charge(vac, a), state_charge(vac, b)
        za, zb = dict(zn_charges(vac, a)), dict(zn_charges(vac, b))
        zn_bad = [lab for lab in za if (za[lab] + zb[lab]) % model.group(lab).n != 0]
        if sp.simplify(qa + qb) != 0 or zn_bad:
            raise ModelError(
                f"model '{model.name}': the Majorana-type entry {a.name(model)} {b.name(model)} has charges"
                f" Q = {qa}, {qb}" + (f" and violates unbroken {zn_bad}" if zn_bad else "")
                + "; it does not conserve the unbroken charges"
            )
        if qa != 0:
            dirac_like.append((a, b, val))
            continue
        for st in (a, b):
            if not is_colourless(vac, st.field):
                raise ModelError(
                    f"model '{model.name}': '{st.field}' is coloured; only neutral colourless states"
                    " get Majorana masses here (a real colour representation is not supported)"
                )
        add(a, b, val)
    neutral = []
    for f in model.fermions:
        if not is_colourless(vac, f.name):
            continue
        for c in components(model, f.name, vac.su2):
            st = WeylState(c, f.chirality == "R")
            if state_charge(vac, st) == 0:
                neutral.append(st)
    key = component_order(model)
    skey = lambda s: (s.conjugate, key(s.component))          # noqa: E731
    M: dict = {}
    for (a, b), val in S.items():
        for x, y in ((a, b), (b, a)):
            M[(x, y)] = M.get((x, y), sp.Integer(0)) + val
    M = {k: sp.simplify(v) for k, v in M.items()}
    M = {k: v for k, v in M.items() if v != 0}

    import networkx as nx

    G = nx.Graph()
    G.add_nodes_from(neutral)
    G.add_edges_from(M)
    blocks, massless = [], []
    for comp in nx.connected_components(G):
        states = sorted(comp, key=skey)
        if len(states) == 1 and (states[0], states[0]) not in M:
            massless.append(states[0])
            continue
        labels = {zn_charges(vac, s) if not s.conjugate else tuple((lab, (-q) % model.group(lab).n)
                  for lab, q in zn_charges(vac, s)) for s in states}
        mat = sp.ImmutableMatrix(len(states), len(states),
                                 lambda i, j: M.get((states[i], states[j]), sp.Integer(0)))
        blocks.append(MajoranaBlock(tuple(sorted(labels)), tuple(states),
                                    tuple(s.name(model) for s in states), mat))
    blocks.sort(key=lambda b: skey(b.states[0]))
    return MajoranaMasses(tuple(blocks), tuple(sorted(massless, key=skey)), tuple(dirac_like))


# ----------------------------------------------------------------------------- 2x2 closed form
@dataclass(frozen=True)
class SymmetricTwoByTwo:
    """Closed-form Takagi diagonalisation of a symmetric 2x2 matrix ``[[a, b], [b, d]]``.

    Attributes
    ----------
    matrix : ImmutableMatrix
    tan2theta
        Real ``M``: ``2 b/(a - d)``; then ``R(theta) M R(theta)^T = diag(lambda_1, lambda_2)``
        with ``R`` of :func:`~anomalyalgebra.breaking.rotation` (mass states = R * gauge
        states), ``|theta| <= pi/4``.  Complex ``M``: ``2|H_12|/(H_11 - H_22)`` with
        ``H = M M^dagger``; the Takagi vector of the first state is proportional to
        ``(cos theta, exp(-i phase) sin theta)``.
    theta
        ``atan(tan2theta)/2`` (``pi/4`` when ``a = d``).
    phase
        ``arg(H_12)`` (0 for real ``M``).
    eigenvalues : tuple or None
        Real ``M``: the signed ``(lambda_1, lambda_2)``, ``lambda_1`` continuously
        connected to ``a``: ``(a + d)/2 ± (a - d)/2 * sqrt(1 + tan^2 2theta)``.
    masses : tuple
        Takagi values ``(m_light, m_heavy)`` = singular values,
        ``m^2 = (T ∓ sqrt(T^2 - 4|det M|^2))/2``, ``T = |a|^2 + 2|b|^2 + |d|^2``.
    """

    matrix: sp.ImmutableMatrix
    tan2theta: object
    theta: object
    phase: object
    eigenvalues: object
    masses: tuple

    def series(self, quantity: str, small: Sequence, order: int):
        """Expansion of a Takagi value, eigenvalue or angle to ``order`` in the small symbols.

        Parameters
        ----------
        quantity : str
            ``"light"``, ``"heavy"``, ``"tan2theta"``, and for a real matrix ``"lambda1"``
            or ``"lambda2"``.
        small : sequence of sympy.Symbol
            Small parameters, scaled together.
        order : int
            Highest power kept.

        Returns
        -------
        sympy.Expr
            The truncated series.

        Raises
        ------
        ModelError
            For an unknown ``quantity``.
        """
        from .diagonalise import _series_in

        table = {"light": self.masses[0], "heavy": self.masses[1], "tan2theta": self.tan2theta}
        if self.eigenvalues is not None:
            table.update(lambda1=self.eigenvalues[0], lambda2=self.eigenvalues[1])
        if quantity not in table:
            raise ModelError(f"series: unknown quantity '{quantity}'; choose from {sorted(table)}")
        return _series_in(table[quantity], small, order)


def diagonalise_symmetric_2x2(M) -> SymmetricTwoByTwo:
    """Closed-form Takagi diagonalisation of a symmetric 2x2 mass matrix.

    Parameters
    ----------
    M : matrix-like
        ``[[a, b], [b, d]]``; real entries give signed eigenvalues as well.

    Returns
    -------
    SymmetricTwoByTwo
        Angle, phase, eigenvalues (real case) and Takagi values.

    Raises
    ------
    ModelError
        If ``M`` is not 2x2 or not symmetric.

    Examples
    --------
    The type-I seesaw: ``lambda_1 = -m^2/M + ...``, mixing ``theta ≈ -m/M``.

    >>> m, M = sp.symbols("m M", positive=True)
    >>> d = diagonalise_symmetric_2x2([[0, m], [m, M]])
    >>> d.tan2theta
    -2*m/M
    >>> d.series("lambda1", [m], 2)
    -m**2/M
    >>> d.series("heavy", [m], 2)
    M + m**2/M
    """
    M = sp.ImmutableMatrix(M)
    if M.shape != (2, 2):
        raise ModelError(f"diagonalise_symmetric_2x2 needs a 2x2 matrix, got {M.shape}")
    if sp.simplify(M[0, 1] - M[1, 0]) != 0:
        raise ModelError(f"diagonalise_symmetric_2x2 needs a symmetric matrix, got {M.tolist()}")
    a, b, d = M[0, 0], M[0, 1], M[1, 1]
    real = all(x.is_real for x in (a, b, d))
    sq = (lambda x: x**2) if real else (lambda x: sp.Abs(x)**2)     # noqa: E731
    T = sp.expand(sq(a) + 2 * sq(b) + sq(d))
    D2 = sp.expand(sq(a * d - b**2)) if real else sp.Abs(a * d - b**2)**2
    root = sp.sqrt(sp.expand(T**2 - 4 * D2))
    masses = (sp.sqrt(T / 2 - root / 2), sp.sqrt(T / 2 + root / 2))
    if real:
        if sp.simplify(a - d) == 0:
            return SymmetricTwoByTwo(M, sp.zoo, sp.pi / 4, sp.Integer(0), (a + b, a - b), masses)
        t2 = 2 * b / (a - d)
        half = (a - d) / 2 * sp.sqrt(1 + t2**2)
        return SymmetricTwoByTwo(M, t2, sp.atan(t2) / 2, sp.Integer(0),
                                 ((a + d) / 2 + half, (a + d) / 2 - half), masses)
    H12 = a * sp.conjugate(b) + b * sp.conjugate(d)
    H11, H22 = sq(a) + sq(b), sq(b) + sq(d)
    t2 = 2 * sp.Abs(H12) / (H11 - H22)
    return SymmetricTwoByTwo(M, t2, sp.atan(t2) / 2, sp.arg(H12), None, masses)


# ----------------------------------------------------------------------------- seesaw
@dataclass(frozen=True)
class Seesaw:
    """Result of :func:`seesaw`.

    Attributes
    ----------
    light, heavy : ImmutableMatrix
        Symmetric blocks of ``U^T M U = diag(light, heavy)`` to the order asked; at
        leading order ``light = m_L - m_D M_R^-1 m_D^T``.
    U : ImmutableMatrix
        Unitary to the order asked, in the permuted basis (light states first);
        gauge = U * mass.
    light_states, heavy_states : tuple of int
    order : int
    small : tuple
    """

    light: sp.ImmutableMatrix
    heavy: sp.ImmutableMatrix
    U: sp.ImmutableMatrix
    light_states: tuple
    heavy_states: tuple
    order: int
    small: tuple


def seesaw(M, small: Sequence, order: int = 2, *, light=None) -> Seesaw:
    """Seesaw block-diagonalisation of a symmetric mass matrix ``[[m_L, m_D], [m_D^T, M_R]]``.

    The symmetric case of :func:`~anomalyalgebra.breaking.perturbative_svd`: its two
    rotations satisfy ``U_L = conj(U_R)``, so ``U = U_R`` gives ``U^T M U``.

    Parameters
    ----------
    M : matrix-like
        Symmetric.
    small : sequence of symbols
        Scaled together, ``s -> eps s``; results truncated at ``eps^order``.
    order : int
        2 gives the leading light block ``m_L - m_D M_R^-1 m_D^T`` (for ``m_D`` first
        order in ``small``); 4 the next order.
    light : sequence of int, optional
        Light states; default: those whose row vanishes when ``small`` is set to zero.

    Returns
    -------
    Seesaw
        Light and heavy blocks and the unitary ``U`` (light states first).

    Raises
    ------
    ModelError
        If ``M`` is not symmetric or the heavy block is singular at zeroth order.

    Examples
    --------
    >>> m, M1, M2, mu = sp.symbols("m M_1 M_2 mu", positive=True)
    >>> s = seesaw([[0, m, m], [m, M1, mu], [m, mu, M2]], [m])
    >>> sp.factor(s.light[0, 0])
    -m**2*(M_1 + M_2 - 2*mu)/(M_1*M_2 - mu**2)
    """
    from .diagonalise import perturbative_svd

    M = sp.Matrix(M)
    if M.rows != M.cols or not (M - M.T).applyfunc(sp.simplify).is_zero_matrix:
        raise ModelError("seesaw needs a square symmetric matrix (the Majorana form)")
    kw = {} if light is None else {"light_rows": tuple(light), "light_cols": tuple(light)}
    p = perturbative_svd(M, small, order, **kw)
    if p.light_rows != p.light_cols:
        raise ModelError(f"seesaw: light rows {p.light_rows} and columns {p.light_cols} differ")
    return Seesaw(p.light, p.heavy, p.U_R, p.light_rows, p.heavy_rows, order, tuple(small))


# ----------------------------------------------------------------------------- numerics
def numerical_takagi(M, dps: int = 50):
    """Takagi factorisation ``U^T M U = diag(m)`` of a symmetric matrix with mpmath.

    Real ``M``: eigen-decomposition ``M = O diag(lambda) O^T`` and
    ``U = O diag(1 or i)``.  Complex ``M``: from the SVD ``M = V diag(s) W^dagger``;
    symmetry gives ``conj(W) = V Z`` with ``Z`` symmetric unitary and block-diagonal
    over equal singular values, ``Z = O diag(exp(i phi)) O^T`` (O real orthogonal), and
    ``U = conj(V O diag(exp(i phi/2)))``; null directions take the corresponding columns
    of ``W``.

    Parameters
    ----------
    M : matrix-like of numbers (sympy numbers allowed)
        The symmetric mass matrix.
    dps : int
        Working precision; compare the results inside ``mpmath.workdps(dps)``.

    Returns
    -------
    (list of mpf, mpmath.matrix)
        Takagi values ascending, and ``U`` with the columns in the same order.

    Raises
    ------
    ModelError
        If ``M`` is not square, or not symmetric to half the working precision.

    Examples
    --------
    >>> m, U = numerical_takagi([[0, 1], [1, 10]], dps=30)
    >>> [float(x) for x in m]
    [0.0990195135927..., 10.0990195135927...]
    """
    import mpmath

    from ..numeric import to_mpmath_matrix

    with mpmath.workdps(dps):
        A = to_mpmath_matrix(M)
        n = A.rows
        if A.cols != n:
            raise ModelError(f"numerical_takagi needs a square matrix, got {A.rows}x{A.cols}")
        scale = max([abs(A[i, j]) for i in range(n) for j in range(n)] + [mpmath.mpf(1)])
        tol = scale * mpmath.mpf(10) ** (-(dps // 2))
        if mpmath.mnorm(A - A.T, 1) > tol:
            raise ModelError("numerical_takagi needs a symmetric matrix")
        U = mpmath.matrix(n, n)
        if all(mpmath.im(A[i, j]) == 0 for i in range(n) for j in range(n)):
            E, Q = mpmath.eigsy(mpmath.matrix([[mpmath.re(A[i, j]) for j in range(n)] for i in range(n)]))
            vals = [abs(E[k]) for k in range(n)]
            for k in range(n):
                ph = 1 if E[k] >= 0 else mpmath.mpc(0, 1)
                for i in range(n):
                    U[i, k] = Q[i, k] * ph
        else:
            V, s, Wh = mpmath.svd_c(A)
            W = Wh.H
            vals = [s[k] for k in range(n)]
            k = 0
            while k < n:
                g = [k]
                while g[-1] + 1 < n and abs(s[g[-1] + 1] - s[k]) <= tol:
                    g.append(g[-1] + 1)
                k = g[-1] + 1
                if s[g[0]] <= tol:
                    for j in g:
                        for i in range(n):
                            U[i, j] = W[i, j]
                    continue
                Vg = mpmath.matrix([[V[i, j] for j in g] for i in range(n)])
                Wg = mpmath.matrix([[mpmath.conj(W[i, j]) for j in g] for i in range(n)])
                Z = Vg.H * Wg
                d = len(g)
                if d == 1:
                    O, phis = mpmath.matrix([[1]]), [mpmath.arg(Z[0, 0])]
                else:
                    mix = mpmath.matrix([[mpmath.re(Z[i, j]) + mpmath.euler * mpmath.im(Z[i, j])
                                          for j in range(d)] for i in range(d)])
                    _, O = mpmath.eigsy(mix)
                    D = O.T * Z * O
                    phis = [mpmath.arg(D[j, j]) for j in range(d)]
                Sg = Vg * O
                for jj, j in enumerate(g):
                    ph = mpmath.expj(phis[jj] / 2)
                    for i in range(n):
                        U[i, j] = mpmath.conj(Sg[i, jj] * ph)
        order = sorted(range(n), key=lambda j: vals[j])
        Us = mpmath.matrix(n, n)
        for jj, j in enumerate(order):
            for i in range(n):
                Us[i, jj] = U[i, j]
        return [vals[j] for j in order], Us
