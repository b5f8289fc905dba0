"""Gauge currents in the mass basis and the anomaly traces of the light states.

With gauge states ``psi = U psi_mass`` (``U`` = ``U_L`` or ``U_R``), a current
``psibar gamma^mu diag(q) psi`` becomes ``psibar_mass gamma^mu (U^† diag(q) U) psi_mass``.
The diagonal entry of the light state is the IR coupling of the seed paper (Eq. 57:
``alpha_L``, ``alpha_R`` of the τ); off-diagonal entries couple the light to the
heavy state.  Footnote 4 of the seed paper: when the X-current eigenstates are not
mass eigenstates, the IR anomaly traces computed from the light couplings differ from
the UV traces of the SM fields; the heavy states carry the difference (the trace of
``U^† diag(q) U`` over a whole block does not depend on U).
"""

from __future__ import annotations

from typing import Sequence

import sympy as sp

from ..symbolic import simplify

__all__ = [
    "block_charges",
    "mass_basis_couplings",
    "z_charges",
    "isospin_raising_amplitudes",
    "photon_trace",
]


def block_charges(vac, block, label: str) -> tuple:
    """The charges under a U(1) ``label`` of a mass block's rows and columns.

    Parameters
    ----------
    vac : Vacuum
        The vacuum the block was built from.
    block : MassBlock
        A Dirac mass block (rows: left-handed components, columns: right-handed).
    label : str
        A U(1) label of the model.

    Returns
    -------
    tuple of (tuple, tuple)
        ``(row charges, column charges)`` as sympy numbers or expressions.

    Examples
    --------
    >>> import sympy as sp, anomalyalgebra as aa
    >>> from anomalyalgebra.breaking import vacuum, fermion_masses
    >>> v, V5, M, yL, yR = sp.symbols("v V_5 M y_L y_R", positive=True)
    >>> vac = vacuum(aa.load_model("tau_l_minus_4r"), {"H": v/sp.sqrt(2), "S5": V5/sp.sqrt(2)})
    >>> b = fermion_masses(vac, [("bar(l3) ER H", yL), ("S5 bar(EL) e3", yR), ("bar(EL) ER", M)]).block("l3")
    >>> block_charges(vac, b, "X")
    ((4, 4), (-1, 4))
    """
    m = vac.model
    rows = tuple(sp.sympify(m.field(c.field).rep(label)) for c in block.rows)
    cols = tuple(sp.sympify(m.field(c.field).rep(label)) for c in block.cols)
    return rows, cols


def z_charges(vac, block, sin2_theta_W=None) -> tuple:
    """Z charges ``T3 - Q sin^2(theta_W)`` of a block's rows and columns (the coupling over ``g/cos theta_W``).

    Parameters
    ----------
    vac : Vacuum
        The vacuum the block was built from (gives ``Q = T3 + Y``).
    block : MassBlock
        A Dirac mass block.
    sin2_theta_W : sympy expression or number, optional
        ``sin^2 theta_W``; default the symbol ``s_W^2``.

    Returns
    -------
    tuple of (tuple, tuple)
        ``(row charges, column charges)``.
    """
    s2 = sp.Symbol("s_W^2", positive=True) if sin2_theta_W is None else sp.sympify(sin2_theta_W)
    rows = tuple(c.t3 - vac.charge(c) * s2 for c in block.rows)
    cols = tuple(c.t3 - vac.charge(c) * s2 for c in block.cols)
    return rows, cols


def mass_basis_couplings(charges: Sequence, U) -> sp.ImmutableMatrix:
    """``U^† diag(charges) U``: the coupling matrix of the mass eigenstates.

    Parameters
    ----------
    charges : sequence
        Charges of the gauge states (rows of U).
    U : matrix
        Gauge states = U * mass states (columns of U are the mass states).

    Returns
    -------
    sympy.ImmutableMatrix
        Hermitian coupling matrix in the mass basis; the diagonal entry of a light
        state is its IR coupling (Eq. 57 of the seed paper).

    Examples
    --------
    Eq. (57) of the seed paper, with τ = cos θ e^3 + sin θ E (Eq. 52):

    >>> from anomalyalgebra.breaking import rotation
    >>> tR, tL = sp.symbols("theta_R theta_L", real=True)
    >>> CR = mass_basis_couplings([-1, 4], rotation(tR).T)
    >>> sp.simplify(CR[0, 0] - (-1 + 5*sp.sin(tR)**2)), sp.simplify(CR[0, 1] - 5*sp.sin(tR)*sp.cos(tR))
    (0, 0)
    >>> sp.simplify(mass_basis_couplings([4, 4], rotation(tL).T)[0, 0])
    4
    """
    U = sp.Matrix(U)
    D = sp.diag(*[sp.sympify(q) for q in charges])
    return sp.ImmutableMatrix((U.H * D * U).applyfunc(lambda x: simplify(sp.expand(x))))


def isospin_raising_amplitudes(vac, block, U) -> dict:
    """W-current amplitudes ``<partner | T+ | mass state i>`` for the rows of a block.

    For the τ block of the L = -4R model the ν_τ–τ_L amplitude is ``cos θ_L`` (Eq. 56
    of the seed paper).

    Parameters
    ----------
    vac : Vacuum
        The vacuum the block was built from.
    block : MassBlock
        A Dirac mass block; its rows (left-handed components) are raised.
    U : matrix
        Left-handed rotation, gauge rows = U * mass states.

    Returns
    -------
    dict
        ``{name of the T3+1 component: [amplitude to mass state i for each i]}``;
        rows at the top of their multiplet contribute nothing.
    """
    from .su2 import spin_matrices
    from .vacuum import Component, su2_spin

    U = sp.Matrix(U)
    model = vac.model
    out: dict = {}
    for r, c in enumerate(block.rows):
        j = su2_spin(model, c.field, vac.su2)
        if c.t3 >= j:
            continue
        amp = sp.sqrt((j - c.t3) * (j + c.t3 + 1))
        partner = Component(c.field, c.t3 + 1, c.copy).name(model)
        vec = out.setdefault(partner, [sp.Integer(0)] * U.cols)
        for i in range(U.cols):
            vec[i] = sp.simplify(vec[i] + amp * U[r, i])
    return out


def photon_trace(charge, C_L, C_R, states: Sequence[int] | None = None):
    """``Q^2 Σ_i (C_R[i,i] - C_L[i,i])`` over the mass states ``states`` of one block.

    The X–photon–photon trace of Eq. (4) restricted to those states: over the whole
    block it equals the UV value whatever the mixing; over the light states only it
    carries the footnote-4 correction of the seed paper.

    Parameters
    ----------
    charge : sympy expression or number
        Electric charge Q of the block's states.
    C_L, C_R : sympy.Matrix
        Mass-basis X couplings of the left- and right-handed states
        (:func:`mass_basis_couplings`).
    states : sequence of int, optional
        Indices of the mass states summed over (default: all).

    Returns
    -------
    sympy.Expr
        The partial trace.
    """
    n = C_L.shape[0]
    idx = range(n) if states is None else states
    return simplify(sp.sympify(charge) ** 2 * sum(C_R[i, i] - C_L[i, i] for i in idx))
