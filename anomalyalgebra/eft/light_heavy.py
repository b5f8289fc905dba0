"""Which fermions of a vacuum are light (electroweak scale or massless) and which heavy.

The anomaly couplings of :mod:`anomalyalgebra.eft.couplings` are those of the light
fermions plus the Wess–Zumino terms of the heavy ones; :func:`light_heavy_split` decides
which is which from the masses the vacuum's VEVs can give.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..exceptions import ModelError
from ..groups import SimpleFactor
from ..symbolic import simplify

__all__ = ["LightHeavySplit", "light_heavy_split"]


@dataclass(frozen=True)
class LightHeavySplit:
    """Which fermions are light (electroweak-scale or massless) and which are heavy.

    Returned by :func:`light_heavy_split`.

    Attributes
    ----------
    light, heavy : tuple of str
        Fermion names, in model order.
    reasons : tuple of (str, str)
        ``(field, why)`` for every fermion.
    """

    light: tuple
    heavy: tuple
    reasons: tuple = ()

    def _repr_latex_(self) -> str:
        return r"$\text{light: } %s;\ \text{heavy: } %s$" % (", ".join(self.light) or "-",
                                                              ", ".join(self.heavy) or "-")


def _is_sm_singlet(model, name, weak, hypercharge):
    """A scalar whose VEV does not break the electroweak group."""
    f = model.field(name)
    for label, g in model.groups:
        if label == weak and isinstance(g, SimpleFactor) and not g.is_trivial(f.rep(label)):
            return False
        if label == hypercharge and simplify(sp.sympify(f.rep(label))) != 0:
            return False
    return True


def light_heavy_split(vacuum, *, max_dim: int = 5) -> LightHeavySplit:
    """Split the fermions of a vacuum's model into light and heavy ones.

    A fermion is *heavy* when its mass comes from a bare mass term or from the VEVs
    of scalars that are singlets of the electroweak group (SU(2)_L × U(1)_Y); it is
    *light* when it is massless or gets its mass only from electroweak-breaking VEVs.
    The mass terms are those of every operator the model allows up to ``max_dim``
    (:func:`~anomalyalgebra.breaking.model_fermion_masses`).  In each Dirac block the
    electroweak VEVs are set to zero and the heavy states are a maximum matching of
    the remaining entries, bare masses preferred to singlet VEVs (the
    Froggatt–Nielsen block of Eq. 47 of the seed paper pairs ``𝓔_L`` with ``𝓔_R``,
    not with ``e_R``).  Majorana terms with singlet VEVs only make both fermions
    heavy.  The default ``max_dim = 5`` includes the dimension-5 Majorana masses of
    singlet fermions (``N1 N2 S1* S5*`` in Table IV of the seed paper); with
    ``max_dim = 4`` the ``𝒩`` of that model stay light.

    Parameters
    ----------
    vacuum : breaking.Vacuum
        The model and its scalar VEVs (:func:`~anomalyalgebra.breaking.vacuum`); which
        scalars are electroweak singlets is read off the vacuum's ``su2`` and
        ``hypercharge`` labels.
    max_dim : int, optional
        Largest operator dimension of the mass terms considered (default 5).

    Returns
    -------
    LightHeavySplit
        Light and heavy fermion names in model order, with a reason for each.

    Raises
    ------
    ModelError
        When only some components of a field are paired (give ``light=``/``heavy=``).

    Examples
    --------
    >>> import sympy as sp, anomalyalgebra as aa
    >>> from anomalyalgebra.breaking import vacuum
    >>> v, V1, V5 = sp.symbols("v V_1 V_5", positive=True)
    >>> vac = vacuum(aa.load_model("tau_l_minus_4r"),
    ...              {"H": v/sp.sqrt(2), "S1": V1/sp.sqrt(2), "S5": V5/sp.sqrt(2)})
    >>> light_heavy_split(vac).heavy
    ('LL', 'LR', 'N1', 'N2', 'EL', 'ER')
    >>> light_heavy_split(vac, max_dim=4).heavy
    ('LL', 'LR', 'EL', 'ER')
    """
    import networkx as nx

    from ..breaking import model_fermion_masses
    from ..breaking.vacuum import components

    model = vacuum.model
    fm = model_fermion_masses(vacuum, max_dim)
    ew_syms, all_syms = set(), set()
    for comp, val in vacuum.vevs:
        syms = sp.sympify(val).free_symbols
        all_syms |= syms
        if not _is_sm_singlet(model, comp.field, vacuum.su2, vacuum.hypercharge):
            ew_syms |= syms
    no_ew = {s: 0 for s in ew_syms}
    no_vev = {s: 0 for s in all_syms}
    G = nx.Graph()
    for bi, b in enumerate(fm.blocks):
        for r, rc in enumerate(b.rows):
            for c, cc in enumerate(b.cols):
                entry = b.matrix[r, c]
                if simplify(entry.subs(no_ew)) == 0:
                    continue
                w = 2 if simplify(entry.subs(no_vev)) != 0 else 1
                G.add_edge(("L", bi, r, rc), ("R", bi, c, cc), weight=w)
    matched = set()
    for u, w in nx.max_weight_matching(G, maxcardinality=True):
        matched |= {u[3], w[3]}
    for term in fm.majorana:
        scal = [f.field for f in term.operator.scalars(model)]
        if all(_is_sm_singlet(model, s, vacuum.su2, vacuum.hypercharge) for s in scal):
            for f in term.operator.fermions(model):
                matched |= set(components(model, f.field, vacuum.su2))
    light, heavy, reasons = [], [], []
    for f in model.fermions:
        comps = set(components(model, f.name, vacuum.su2))
        n = len(comps & matched)
        if n == 0:
            light.append(f.name)
            reasons.append((f.name, "massless or mass from electroweak-breaking VEVs only"))
        elif n == len(comps):
            heavy.append(f.name)
            reasons.append((f.name, "mass from a bare term or electroweak-singlet VEVs"))
        else:
            raise ModelError(
                f"model '{model.name}', field '{f.name}': {n} of its {len(comps)} components get a"
                " mass from bare terms or singlet VEVs and the others do not; give light=... or"
                " heavy=... explicitly")
    return LightHeavySplit(tuple(light), tuple(heavy), tuple(reasons))
