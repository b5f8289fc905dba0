"""Gauge-boson mass matrix from the scalar kinetic terms.

With ``D_mu = d_mu + i g W^a_mu T^a + i g' Y B_mu + i g_X X X_mu + ...`` (the seed
paper's convention), ``|D phi|^2`` evaluated on the vacuum gives
``(1/2) V^T M^2 V`` with

    M^2_ab = g_a g_b <phi>^dagger {T_a, T_b} <phi>

summed over the scalars with a VEV.  For one U(1) and ``<S> = v_X/sqrt(2)``,
``M^2_XX = g_X^2 X_S^2 v_X^2`` (Eq. 35 of the seed paper); for the L = -4R model
``M^2_XX = g_X^2 (V_1^2 + 25 V_5^2)`` (Eq. 45).  Off-diagonal entries between the X
and (W3, B) appear when a scalar that breaks the electroweak symmetry carries X charge
(X-Z mass mixing).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..groups import SimpleFactor, U1
from ..symbolic import simplify
from .su2 import spin_matrices
from .vacuum import components, su2_spin

__all__ = ["GaugeMassMatrix", "gauge_mass_matrix", "default_couplings", "coupling_symbol"]


def coupling_symbol(label, group=None, *, weak="SU2L", hypercharge="Y", current=None, couplings=None):
    """The gauge-coupling symbol of the factor ``label``: the one rule of the package.

    ``couplings[label]`` when given; ``g_<label>`` for the ``current`` (``g_X`` for a
    current labelled ``X``); ``g`` for the weak SU(2); ``g'`` for U(1)_Y; ``g_s`` for an
    SU(3) labelled ``SU3...``; ``g_<label>`` otherwise.  All positive symbols.

    Parameters
    ----------
    label : str
        Label of the group factor.
    group : GroupFactor, optional
        The factor; ``None`` when only the label is known (then the label decides).
    weak, hypercharge : str
        Labels of SU(2)_L and U(1)_Y.
    current : str, optional
        Label of the U(1) whose boson is the light X.
    couplings : mapping, optional
        Explicit couplings ``{label: expression}``; they win.

    Returns
    -------
    sympy.Expr

    Examples
    --------
    >>> [str(coupling_symbol(x)) for x in ("SU2L", "Y", "X", "SU3c")]
    ['g', "g'", 'g_X', 'g_s']
    """
    if couplings and label in couplings:
        return sp.sympify(couplings[label])
    if label == current:
        return sp.Symbol(f"g_{label}", positive=True)
    if label == weak:
        return sp.Symbol("g", positive=True)
    if label == hypercharge and (group is None or isinstance(group, U1)):
        return sp.Symbol("g'", positive=True)
    if label.lower().startswith("su3") and (
            group is None or isinstance(group, SimpleFactor) and group.algebra.name == "SU(3)"):
        return sp.Symbol("g_s", positive=True)
    return sp.Symbol(f"g_{label}", positive=True)


def default_couplings(model, su2="SU2L", hypercharge="Y") -> dict:
    """Default gauge-coupling symbols of the U(1) and weak SU(2) factors of a model.

    Parameters
    ----------
    model : Model
        The model.
    su2, hypercharge : str, optional
        Labels of the weak SU(2) and of U(1)_Y.

    Returns
    -------
    dict
        ``{label: positive sympy.Symbol}``: ``g`` for ``su2``, ``g'`` for the hypercharge,
        ``g_<label>`` for every other U(1); other factors get no entry.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> default_couplings(aa.load_model("tau_l_minus_4r"))
    {'SU2L': g, 'Y': g', 'X': g_X}
    """
    return {label: coupling_symbol(label, g, weak=su2, hypercharge=hypercharge)
            for label, g in model.groups if label == su2 or isinstance(g, U1)}


@dataclass(frozen=True)
class GaugeMassMatrix:
    """The gauge-boson mass-squared matrix, ``L ⊃ (1/2) V^T M^2 V``.

    Built by :func:`gauge_mass_matrix`.

    Attributes
    ----------
    basis : tuple of str
        ``("W1", "W2", "W3", "B", <other U(1) labels>)``; ``B`` is the hypercharge boson.
    matrix : sympy.ImmutableMatrix
        M^2 in that basis, real and symmetric.
    couplings : tuple of (str, sympy.Expr)
        Gauge coupling of each label, followed by the bookkeeping entries
        ``("__su2__", label)`` and ``("__hypercharge__", label)``.
    """

    basis: tuple
    matrix: sp.ImmutableMatrix
    couplings: tuple

    def entry(self, a: str, b: str):
        """``M^2_ab`` by boson names.

        Parameters
        ----------
        a, b : str
            Names from :attr:`basis` (``"W3"``, ``"B"``, a U(1) label ...).

        Returns
        -------
        sympy.Expr
            The matrix entry.

        Raises
        ------
        ValueError
            If a name is not in the basis.
        """
        return self.matrix[self.basis.index(a), self.basis.index(b)]

    @property
    def neutral_basis(self) -> tuple:
        return tuple(b for b in self.basis if b not in ("W1", "W2"))

    @property
    def neutral(self) -> sp.ImmutableMatrix:
        """M^2 restricted to the neutral bosons (W3, B, X, ...)."""
        idx = [self.basis.index(b) for b in self.neutral_basis]
        return sp.ImmutableMatrix(self.matrix.extract(idx, idx))

    @property
    def m_W_squared(self):
        """``M^2_{W1 W1}`` (= M^2_{W2 W2}), the W mass squared."""
        return sp.simplify(self.entry("W1", "W1")) if "W1" in self.basis else sp.Integer(0)

    def mass_squared(self, label: str):
        """Diagonal entry ``M^2_aa`` of a neutral boson (its mass squared if it does not mix).

        Parameters
        ----------
        label : str
            A U(1) label or a basis name; the hypercharge label is read as ``"B"``.

        Returns
        -------
        sympy.Expr
            The factored entry.
        """
        return sp.factor(self.entry(self._name(label), self._name(label)))

    def mass(self, label: str):
        """``sqrt(M^2_aa)`` (Eqs. 35, 45 of the seed paper); the mass only when the boson does not mix.

        Parameters
        ----------
        label : str
            A U(1) label or a basis name.

        Returns
        -------
        sympy.Expr
            The square root of :meth:`mass_squared`.
        """
        return sp.sqrt(self.mass_squared(label))

    def _name(self, label):
        return "B" if label == self._hyper else label

    @property
    def _hyper(self):
        return dict(self.couplings).get("__hypercharge__", "Y")

    def z_mixing(self, label: str):
        """``M^2_{Z,label}`` with ``Z = c_W W3 - s_W B``, ``tan theta_W = g'/g``.

        Zero when no electroweak-breaking scalar carries the ``label`` charge.

        Parameters
        ----------
        label : str
            A basis name (typically an extra U(1) such as ``"X"``).

        Returns
        -------
        sympy.Expr
            The Z–``label`` mass mixing, factored.
        """
        c = dict(self.couplings)
        g, gp = c[c["__su2__"]], c[self._hyper]
        gz = sp.sqrt(g**2 + gp**2)
        return sp.factor(sp.simplify(g / gz * self.entry("W3", label) - gp / gz * self.entry("B", label)))

    def photon_mixing(self, label: str):
        """``M^2_{A,label}`` with ``A = s_W W3 + c_W B``; zero when Q is unbroken.

        Parameters
        ----------
        label : str
            A basis name.

        Returns
        -------
        sympy.Expr
            The photon–``label`` mass mixing.
        """
        c = dict(self.couplings)
        g, gp = c[c["__su2__"]], c[self._hyper]
        gz = sp.sqrt(g**2 + gp**2)
        return sp.simplify(gp / gz * self.entry("W3", label) + g / gz * self.entry("B", label))

    def neutral_masses_squared(self) -> list:
        """Eigenvalues of the neutral block (photon 0, m_Z^2, m_X^2, ...), exact."""
        ev = self.neutral.eigenvals()
        out = []
        for val, mult in ev.items():
            out.extend([sp.simplify(val)] * mult)
        return out

    def _repr_latex_(self):
        return "$" + sp.latex(self.matrix) + "$"


def gauge_mass_matrix(vac, couplings=None) -> GaugeMassMatrix:
    """Gauge-boson mass-squared matrix of a :class:`~anomalyalgebra.breaking.Vacuum`.

    Parameters
    ----------
    vac : Vacuum
        The model with its VEVs.
    couplings : mapping, optional
        ``{group label: gauge coupling}`` overriding :func:`default_couplings`.

    Returns
    -------
    GaugeMassMatrix
        ``M^2_ab = g_a g_b Σ <phi>^† {T_a, T_b} <phi>`` over the scalars with a VEV, in
        the basis ``W1, W2, W3, B`` and the other U(1) labels.

    Raises
    ------
    ModelError
        If a scalar's SU(2) dimension is symbolic.

    Examples
    --------
    Eq. (45) of the seed paper:

    >>> import sympy as sp, anomalyalgebra as aa
    >>> from anomalyalgebra.breaking import vacuum
    >>> v, V1, V5 = sp.symbols("v V_1 V_5", positive=True)
    >>> m = aa.load_model("tau_l_minus_4r")
    >>> vac = vacuum(m, {"H": v/sp.sqrt(2), "S1": V1/sp.sqrt(2), "S5": V5/sp.sqrt(2)})
    >>> G = gauge_mass_matrix(vac)
    >>> G.mass("X"), G.m_W_squared, G.z_mixing("X")
    (g_X*sqrt(V_1**2 + 25*V_5**2), g**2*v**2/4, 0)
    """
    model = vac.model
    cpl = dict(default_couplings(model, vac.su2, vac.hypercharge))
    if couplings:
        cpl.update(couplings)
    basis = []
    if vac.su2 in model.labels:
        basis += ["W1", "W2", "W3"]
    u1s = [lab for lab, g in model.groups if isinstance(g, U1)]
    if vac.hypercharge in u1s:
        basis.append("B")
    basis += [lab for lab in u1s if lab != vac.hypercharge]
    n = len(basis)
    M2 = sp.zeros(n, n)
    for name in vac.scalars_with_vev:
        comps = [c for c in components(model, name, vac.su2) if c.copy == 0]
        phi = sp.Matrix([vac.vev(name, c.t3) for c in comps])
        d = len(comps)
        gens = []
        if vac.su2 in model.labels:
            j = su2_spin(model, name, vac.su2)
            J3, Jp, Jm = spin_matrices(j)
            g = cpl[vac.su2]
            gens += [g * (Jp + Jm) / 2, g * (Jp - Jm) / (2 * sp.I), g * J3]
        for lab in basis[len(gens):]:
            label = vac.hypercharge if lab == "B" else lab
            q = sp.sympify(model.field(name).rep(label))
            gens.append(cpl[label] * q * sp.eye(d))
        for a in range(n):
            for b in range(a, n):
                val = (phi.H * (gens[a] * gens[b] + gens[b] * gens[a]) * phi)[0, 0]
                val = simplify(sp.expand(val))
                M2[a, b] += val
                if a != b:
                    M2[b, a] += val
    M2 = M2.applyfunc(simplify)
    extra = (("__su2__", vac.su2), ("__hypercharge__", vac.hypercharge))
    return GaugeMassMatrix(tuple(basis), sp.ImmutableMatrix(M2), tuple(cpl.items()) + extra)
