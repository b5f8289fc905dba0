"""Field components, vacuum expectation values and the unbroken charges.

After electroweak breaking a field splits into components labelled by the weak
isospin T3 (descending, ``j, j-1, ..., -j`` for an SU(2) n-plet) and, for several
copies, the copy index.  The electric charge is Q = T3 + Y (the convention of the
seed paper).  A VEV is assigned to the *neutral* component of a scalar (Q = 0,
Eqs. 34 and 44 of the seed paper): for the Higgs doublet with Y = 1/2 that is the
lower component, ``<H> = (0, v/sqrt(2))``.

Colour and every other simple factor that is not the weak SU(2) stay unbroken; a
VEV of a scalar that is not a singlet of them is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import sympy as sp

from ..exceptions import ModelError
from ..groups import SimpleFactor, U1, ZN

__all__ = ["Component", "Vacuum", "components", "vacuum", "su2_spin"]


@dataclass(frozen=True)
class Component:
    """One component of a field after symmetry breaking.

    Attributes
    ----------
    field : str
        Field name in the model.
    t3 : sympy.Rational
        Weak isospin of the component (0 for SU(2) singlets).
    copy : int
        Copy (generation) index, 0-based; 0 when the field has one copy.
    """

    field: str
    t3: sp.Rational = sp.Integer(0)
    copy: int = 0

    def name(self, model=None) -> str:
        """Display name: field, ``#copy`` when the field has several copies, ``[T3]`` when not a singlet.

        Parameters
        ----------
        model : Model, optional
            The model of the field; without it the copy is omitted and ``[T3]`` is
            always shown.

        Returns
        -------
        str
            E.g. ``"l3[-1/2]"``, ``"e12#1"``, ``"S1"``.

        Raises
        ------
        ModelError
            If ``model`` has no field of this name.
        """
        s = self.field
        if model is not None and model.field(self.field).copies > 1:
            s += f"#{self.copy + 1}"
        if model is None or _has_su2_rep(model, self.field):
            s += f"[{self.t3}]"
        return s

    def __str__(self) -> str:
        return self.name()


def _has_su2_rep(model, name, su2="SU2L"):
    try:
        return su2_spin(model, name, su2) != 0
    except ModelError:
        return False


def su2_spin(model, field: str, su2: str = "SU2L"):
    """Weak isospin j of a field (0 for a singlet or a model without ``su2``).

    Parameters
    ----------
    model : Model
        The model.
    field : str
        Field name.
    su2 : str, optional
        Label of the weak SU(2) (default ``"SU2L"``).

    Returns
    -------
    sympy.Rational
        ``j = (dim - 1)/2`` of the field's SU(2) irrep.

    Raises
    ------
    ModelError
        When the SU(2) dimension is symbolic (Table I's ``n``): substitute it first;
        or when the model has no such field.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("tau_l_minus_4r")
    >>> su2_spin(m, "LL"), su2_spin(m, "H"), su2_spin(m, "S5")
    (1, 1/2, 0)
    """
    if su2 not in model.labels:
        return sp.Integer(0)
    rep = model.field(field).rep(su2)
    dim = sp.sympify(rep.dim)
    if not dim.is_Integer:
        raise ModelError(
            f"model '{model.name}', field '{field}': the {su2} dimension {dim} is symbolic;"
            " substitute a number (Model.subs) before breaking the symmetry"
        )
    return sp.Rational(int(dim) - 1, 2)


def components(model, field: str, su2: str = "SU2L") -> tuple:
    """The components of a field after breaking: T3 descending, then copies.

    Parameters
    ----------
    model : Model
        The model.
    field : str
        Field name.
    su2 : str, optional
        Label of the weak SU(2) (default ``"SU2L"``).

    Returns
    -------
    tuple of Component
        ``(2j+1) x copies`` components, copy-major.

    Raises
    ------
    ModelError
        If the field is unknown or its SU(2) dimension is symbolic.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("tau_l_minus_4r")
    >>> [c.name(m) for c in components(m, "l3")]
    ['l3[1/2]', 'l3[-1/2]']
    >>> [c.name(m) for c in components(m, "e12")]
    ['e12#1', 'e12#2']
    """
    f = model.field(field)
    j = su2_spin(model, field, su2)
    t3s = [j - k for k in range(int(2 * j) + 1)]
    return tuple(Component(field, t3, c) for c in range(f.copies) for t3 in t3s)


def _hypercharge(model, field, hypercharge):
    if hypercharge not in model.labels:
        return sp.Integer(0)
    return sp.sympify(model.field(field).rep(hypercharge))


@dataclass(frozen=True)
class Vacuum:
    """A model with VEVs assigned to neutral scalar components (frozen).

    Build it with :func:`vacuum`.

    Attributes
    ----------
    model : Model
    vevs : tuple of (Component, sympy.Expr)
        The VEV of each scalar component that has one, ``<phi_c>``.
    su2, hypercharge : str
        Labels of the weak SU(2) and of the hypercharge (Q = T3 + Y).
    """

    model: object
    vevs: tuple
    su2: str = "SU2L"
    hypercharge: str = "Y"

    def vev(self, field: str, t3=None, copy: int = 0):
        """The VEV of a component.

        Parameters
        ----------
        field : str
            Scalar name.
        t3 : number or str, optional
            Weak isospin of the component; default: the first component of ``field``
            that has a VEV.
        copy : int, optional
            Copy index, 0-based.

        Returns
        -------
        sympy.Expr
            ``<phi_c>``, or 0 when the component has none.
        """
        for c, val in self.vevs:
            if c.field == field and c.copy == copy and (t3 is None or c.t3 == sp.sympify(t3)):
                return val
        return sp.Integer(0)

    def charge(self, component: Component, conjugate: bool = False):
        """Electric charge ``Q = T3 + Y`` of a component.

        Parameters
        ----------
        component : Component
            A component of a field of the model.
        conjugate : bool, optional
            Return the charge of the conjugate component, ``-Q``.

        Returns
        -------
        sympy.Expr
            The charge (``Y`` is 0 when the model has no hypercharge label).
        """
        q = component.t3 + _hypercharge(self.model, component.field, self.hypercharge)
        return -q if conjugate else q

    @property
    def scalars_with_vev(self) -> tuple:
        return tuple(dict.fromkeys(c.field for c, _ in self.vevs))

    def is_broken(self, label: str) -> bool:
        """Whether the VEVs break the group factor ``label``.

        Parameters
        ----------
        label : str
            A group label of the model.

        Returns
        -------
        bool
            True when some VEV carries charge under ``label`` (non-zero U(1) charge,
            Z_N charge not divisible by N, non-trivial irrep), or ``label`` is the weak
            SU(2) and a VEV sits in a component with ``T3 != 0``.

        Raises
        ------
        ModelError
            If ``label`` is not a group of the model.
        """
        g = self.model.group(label)
        if label == self.su2:
            return bool(self.vevs) and any(c.t3 != 0 for c, _ in self.vevs)
        for c, _ in self.vevs:
            rep = self.model.field(c.field).rep(label)
            if isinstance(g, U1) and sp.simplify(sp.sympify(rep)) != 0:
                return True
            if isinstance(g, ZN) and int(rep) % g.n != 0:
                return True
            if isinstance(g, SimpleFactor) and not g.is_trivial(rep):
                return True
        return False

    def unbroken_labels(self) -> tuple:
        """Group labels left unbroken by the VEVs (the weak SU(2) and hypercharge are
        replaced by the electric charge)."""
        return tuple(lab for lab in self.model.labels
                     if lab not in (self.su2, self.hypercharge) and not self.is_broken(lab))


def vacuum(model, vevs: Mapping, *, su2: str = "SU2L", hypercharge: str = "Y") -> Vacuum:
    """Assign VEVs to scalars.

    Parameters
    ----------
    model : Model
        The model; its scalars receive the VEVs.
    vevs : mapping
        ``{scalar name: value}`` puts ``value`` in the unique neutral (Q = 0)
        component; ``{scalar name: {t3: value}}`` chooses components explicitly
        (each must be neutral).  The value is ``<phi>``, e.g. ``v/sqrt(2)`` (Eq. 34).
    su2, hypercharge : str
        Labels of the weak SU(2) and of U(1)_Y in ``model``.

    Returns
    -------
    Vacuum
        The frozen model-plus-VEVs record used by the mass-matrix functions.

    Raises
    ------
    ModelError
        For an unknown or fermionic field, a charged component, a scalar with no or
        several neutral components (when no component is given), or a VEV of a
        scalar that is not a singlet of an unbroken simple factor (colour).

    Examples
    --------
    >>> import sympy as sp, anomalyalgebra as aa
    >>> v = sp.Symbol("v", positive=True)
    >>> vac = vacuum(aa.load_model("sm"), {"H": v/sp.sqrt(2)})
    >>> vac.vev("H", sp.Rational(-1, 2)), vac.vev("H", sp.Rational(1, 2))
    (sqrt(2)*v/2, 0)
    """
    out = []
    for name, value in vevs.items():
        f = model.field(name)
        if not f.is_scalar:
            raise ModelError(f"model '{model.name}': '{name}' is a fermion; VEVs go to scalars")
        for label, g in model.groups:
            if label != su2 and isinstance(g, SimpleFactor) and not g.is_trivial(f.rep(label)):
                raise ModelError(
                    f"model '{model.name}', scalar '{name}': a VEV would break {label} ({g.name});"
                    " only the weak SU(2) may be broken"
                )
        comps = [c for c in components(model, name, su2) if c.copy == 0]
        y = _hypercharge(model, name, hypercharge)
        neutral = [c for c in comps if sp.simplify(c.t3 + y) == 0]
        if isinstance(value, Mapping):
            for t3, val in value.items():
                t3 = sp.sympify(t3)
                match = [c for c in comps if c.t3 == t3]
                if not match:
                    raise ModelError(f"model '{model.name}', scalar '{name}': no component with T3 = {t3}")
                if match[0] not in neutral:
                    raise ModelError(
                        f"model '{model.name}', scalar '{name}': component T3 = {t3} has charge"
                        f" Q = {t3 + y}; a VEV must sit in a neutral component"
                    )
                out.append((match[0], sp.sympify(val)))
            continue
        if len(neutral) != 1:
            raise ModelError(
                f"model '{model.name}', scalar '{name}' (Y = {y}): {len(neutral)} neutral components"
                " (Q = T3 + Y = 0); give the VEV as {t3: value}"
            )
        out.append((neutral[0], sp.sympify(value)))
    return Vacuum(model, tuple(out), su2, hypercharge)
