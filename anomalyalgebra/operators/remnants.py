"""What the VEVs leave: gauge remnants (Krauss–Wilczek) and physical Goldstone bosons.

Both are read off integer charge matrices over the phases of the fields
(:mod:`anomalyalgebra.operators.phases`): the subgroup of the gauged U(1)s that fixes
every VEV, and the accidental U(1)s of the scalar potential broken by the VEVs beyond
the eaten gauged directions.
"""

from __future__ import annotations

from ..groups import U1
from ..lattice import hermite_rows, integer_kernel, rational_rank
from .flavour import charge_matrix
from .lagrangian import Lagrangian
from .phases import (AccidentalSymmetries, Symmetry, charges_by_phase, integer_charges, phase_name,
                     phase_names, sign_normalised, symmetry_name)

__all__ = ["gauge_remnant", "goldstone_bosons"]


def gauge_remnant(model, vevs, labels=None) -> AccidentalSymmetries:
    """Unbroken subgroup of the gauged U(1)s after the VEVs (Krauss–Wilczek remnants).

    The U(1) charges are integer normalised over the model's fields; the subgroup
    of ``U(1)^g`` fixing every VEV is ``U(1)^{g-r} × Π Z_{d_i}`` from the Smith form of
    the (VEV fields × U(1)s) charge matrix.

    Parameters
    ----------
    model : Model
        The model.
    vevs : iterable of str
        Scalars with a VEV.
    labels : iterable of str, optional
        The U(1)s (default: every gauged U(1) factor).

    Returns
    -------
    AccidentalSymmetries
        The unbroken U(1)s and discrete remnants, charges per phase.

    Raises
    ------
    ModelError
        If a VEV names an unknown field.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.Model.build("KW", {"X": "U(1)"}, [aa.fermion("psi", "L", {"X": "1"}),
    ...                    aa.fermion("chi", "R", {"X": "1"}), aa.scalar("phi", {"X": "3"})])
    >>> gauge_remnant(m, ["phi"]).group()
    'Z3_{psi,chi}'
    """
    labels = [lab for lab, g in model.groups if isinstance(g, U1) and g.gauged] if labels is None \
        else list(labels)
    phases = phase_names(model)
    gvecs = [integer_charges(model, lab, phases) for lab in labels]
    vev_cols = []
    for v in vevs:
        fld = model.field(v)
        vev_cols += [phases.index(phase_name(v, a, fld.copies)) for a in range(fld.copies)]
    m = [[g[c] for g in gvecs] for c in vev_cols]     # VEV fields × U(1)s
    g = len(labels)
    kernel, torsion, inv = integer_kernel(m, g, torsion=True)
    u1 = []
    for t in kernel:
        vec = [sum(t[i] * gvecs[i][j] for i in range(g)) for j in range(len(phases))]
        ch = charges_by_phase(sign_normalised(vec), phases)
        u1.append(Symmetry(symmetry_name("U(1)", ch, None, model, phases), "U(1)", ch))
    disc = []
    for d, t in torsion:
        vec = [sum(t[i] * gvecs[i][j] for i in range(g)) % d for j in range(len(phases))]
        ch = charges_by_phase(vec, phases)
        disc.append(Symmetry(symmetry_name("Z", ch, d, model, phases), "Z", ch, d))
    return AccidentalSymmetries(model.name, phases, tuple(u1), tuple(disc), tuple(inv), g,
                                tuple(labels), tuple(vevs), len(m))


def goldstone_bosons(model, lagrangian: Lagrangian, vevs) -> tuple:
    """Physical (uneaten) Goldstone bosons of the scalar potential in ``lagrangian``.

    The accidental U(1)s of the potential (scalar phases only) that the VEVs break,
    minus the broken gauged U(1) directions.  Each returned :class:`Symmetry` is an
    accidental U(1) whose breaking leaves a massless Goldstone at tree level.

    Parameters
    ----------
    model : Model
        The model.
    lagrangian : Lagrangian
        Its operators; only the scalar potential is used.
    vevs : iterable of str
        Scalars with a VEV.

    Returns
    -------
    tuple of Symmetry
        One accidental U(1) per physical Goldstone (empty: none).

    Raises
    ------
    ModelError
        If a VEV names an unknown field.

    Examples
    --------
    Footnote 6 of the seed paper: the renormalizable potential of the L = -4R model
    has one Goldstone (the phase of ``S1``, equivalently of ``S5``, modulo the gauged
    X); the d = 6 term ``S5* S1^5`` lifts it.

    >>> import anomalyalgebra as aa
    >>> from anomalyalgebra.operators import allowed_operators
    >>> m = aa.load_model("tau_l_minus_4r")
    >>> [str(g) for g in goldstone_bosons(m, allowed_operators(m), ["H", "S1", "S5"])]
    ['U(1)_{S1}']
    >>> goldstone_bosons(m, allowed_operators(m, extra_dims=(6,)), ["H", "S1", "S5"])
    ()
    """
    scal = [f.name for f in model.fields if f.is_scalar]
    phases = phase_names(model, scal)
    n = len(phases)
    pot = [t for t in lagrangian.potential]
    rows = charge_matrix(model, pot, phases)
    kernel = integer_kernel(rows, n)
    vev_cols = []
    for v in vevs:
        fld = model.field(v)
        vev_cols += [phases.index(phase_name(v, a, fld.copies)) for a in range(fld.copies)]
    labels = [lab for lab, g in model.groups if isinstance(g, U1) and g.gauged]   # eaten ones
    gvecs = [integer_charges(model, lab, phases) for lab in labels]
    restrict = lambda rs: [[r[c] for c in vev_cols] for r in rs]   # noqa: E731
    rk = rational_rank(restrict(kernel)) if kernel else 0
    rg = rational_rank(restrict(gvecs)) if gvecs else 0
    hnf = hermite_rows(kernel) if kernel else []
    cands = sorted(hnf, key=lambda r: sum(1 for x in r if x))
    current = restrict(gvecs)
    out = []
    for r in cands:
        if len(out) == rk - rg:
            break
        rr = [r[c] for c in vev_cols]
        if rational_rank(current + [rr]) > (rational_rank(current) if current else 0):
            current.append(rr)
            ch = charges_by_phase(sign_normalised(r), phases)
            out.append(Symmetry(symmetry_name("U(1)", ch, None, model, phases), "U(1)", ch))
    return tuple(out)
