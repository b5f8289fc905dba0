"""The particles of the Hilbert series (:mod:`.hilbert`): every field and its conjugate with
their Lorentz and gauge labels, and the layout of the group factors they live in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from math import gcd
from typing import Mapping

import sympy as sp

from ..algebra.cartan import cartan_matrix
from ..algebra.lie import lie_algebra
from ..algebra.weights import irrep_conjugate
from ..algebra.symbolic import SymbolicSU2Irrep
from ..exceptions import ModelError
from ..groups import SimpleFactor, U1, ZN
from .accidental import phase_name

__all__ = ["Particle", "particles"]


@dataclass(frozen=True)
class Particle:
    """One single-particle module: a field or its conjugate, or half a field strength.

    Attributes
    ----------
    name : str
        ``"q"``, ``"q†"``, ``"SU3c_L"`` (self-dual half of the SU3c field strength).
    field : str
        The model field (or gauge label) it belongs to; copies split by a grading keep it.
    dim2 : int
        Twice the mass dimension of the primary (2 scalar, 3 fermion, 4 field strength).
    lorentz : tuple of int
        ``(2 j_L, 2 j_R)`` of the primary.
    fermion : bool
    gauge : tuple
        Dynkin labels per simple factor, then the U(1) charges (each U(1) scaled to
        integers), then the Z_N charges, each kind in the model's group order.
    copies : int
        Multiplicity (flavour copies with the same grade).
    grade : tuple of int
        Charges under the requested gradings (added up in products).
    """

    name: str
    field: str
    dim2: int
    lorentz: tuple
    fermion: bool
    gauge: tuple
    copies: int = 1
    grade: tuple = ()


@dataclass(frozen=True)
class Layout:
    """How a flat weight tuple splits into Lorentz, simple, U(1) and Z_N blocks."""

    simple: tuple       # ((start, cartan rows, algebra), ...) incl. the two Lorentz A1s
    u1: tuple           # (start, ...) positions of U(1) charges
    zn: tuple           # ((start, N), ...)
    length: int
    u1_scale: tuple     # integer normalisation of each U(1)

    def reduce(self, w):
        """Z_N entries modulo N."""
        if not self.zn:
            return w
        w = list(w)
        for i, n in self.zn:
            w[i] %= n
        return tuple(w)


def u1_scale_of(model, label):
    den = 1
    for f in model.fields:
        q = sp.sympify(f.rep(label))
        if q.free_symbols:
            raise ModelError(f"model '{model.name}', field '{f.name}', group '{label}': charge {q} is symbolic;"
                             " substitute the symbols before counting operators")
        if not q.is_Rational:
            raise ModelError(f"model '{model.name}', field '{f.name}', group '{label}': charge {q} is not"
                             " rational; the Hilbert series needs commensurate U(1) charges")
        den = den * q.q // gcd(den, q.q)
    return den


def grade_charge(name, phase, q) -> int:
    if isinstance(q, bool) or not isinstance(q, (int, sp.Integer)):
        raise ModelError(f"grading '{name}': charge of '{phase}' must be an integer, got {q!r}")
    return int(q)


def layout(model):
    lorentz = lie_algebra("SU(2)")        # each Lorentz SU(2) is the package's A1, like any other
    simple, u1, zn, scales = [(0, cartan_matrix(lorentz), lorentz), (1, cartan_matrix(lorentz), lorentz)], [], [], []
    pos = 2
    for label, g in model.groups:
        if isinstance(g, SimpleFactor):
            simple.append((pos, cartan_matrix(g.algebra), g.algebra))
            pos += g.algebra.rank
    for label, g in model.groups:
        if isinstance(g, U1):
            u1.append(pos)
            scales.append(u1_scale_of(model, label))
            pos += 1
    for label, g in model.groups:
        if isinstance(g, ZN):
            zn.append((pos, g.n))
            pos += 1
    return Layout(tuple(simple), tuple(u1), tuple(zn), pos, tuple(scales))


def gauge_labels(model, f, conjugate):
    """Flat gauge part (after the two Lorentz entries) of a field or its conjugate."""
    simple, u1s, zns = [], [], []
    for label, g in model.groups:
        rep = f.rep(label)
        if isinstance(g, SimpleFactor):
            if isinstance(rep, SymbolicSU2Irrep):
                raise ModelError(f"model '{model.name}', field '{f.name}', group '{label}': the SU(2) irrep has"
                                 f" a symbolic dimension {rep.dim}; substitute it before counting operators")
            lab = tuple(rep.labels)
            simple.extend(irrep_conjugate(g.algebra, lab) if conjugate else lab)
        elif isinstance(g, U1):         # numeric: layout (u1_scale_of) has checked every charge
            u1s.append(sp.sympify(rep))
        else:
            zns.append((-int(rep) if conjugate else int(rep)) % g.n)
    return simple, u1s, zns


def particles(model, gradings: Mapping | None = None) -> tuple:
    """The single-particle modules of a model (fields, conjugates, field strengths).

    Parameters
    ----------
    model : Model
    gradings : mapping name -> mapping, optional
        Integer charges for grading, keyed by field name or by copy phase
        (``"l_2"`` for the second copy of ``l``, as in
        :func:`~anomalyalgebra.operators.accidental.phase_names`); a field's
        conjugate gets the opposite charge, field strengths charge 0.

    Returns
    -------
    tuple of Particle

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> [p.name for p in particles(aa.load_model("sm"))][-6:]
    ['SU3c_L', 'SU3c_R', 'SU2L_L', 'SU2L_R', 'Y_L', 'Y_R']
    """
    lay = layout(model)
    gradings = dict(gradings or {})
    names = list(gradings)
    scales = dict(zip([lab for lab, g in model.groups if isinstance(g, U1)], lay.u1_scale))
    out = []
    for f in model.fields:
        # copies grouped by their grade vector
        groups = defaultdict(int)
        for a in range(f.copies):
            phase = phase_name(f.name, a, f.copies)
            vec = []
            for n in names:
                table = gradings[n]
                vec.append(grade_charge(n, phase, table.get(phase, table.get(f.name, 0))))
            groups[tuple(vec)] += 1
        for conj in (False, True):
            simple, u1s, zns = gauge_labels(model, f, conj)
            u1i = []
            for (label, g), q in zip([(lab, g) for lab, g in model.groups if isinstance(g, U1)], u1s):
                v = sp.Rational(q) * scales[label]
                u1i.append(-int(v) if conj else int(v))
            gauge = tuple(simple) + tuple(u1i) + tuple(zns)
            if f.is_scalar:
                dim2, lor = 2, (0, 0)
            else:
                dim2 = 3
                lor = (1, 0) if (f.chirality == "L") != conj else (0, 1)
            for vec, k in groups.items():
                g = tuple(-x for x in vec) if conj else vec
                out.append(Particle(f.name + ("†" if conj else ""), f.name, dim2, lor, f.is_fermion, gauge, k, g))
    zero = tuple(0 for _ in names)
    for label, g in model.groups:
        if isinstance(g, ZN):
            continue
        simple = []
        for lab2, g2 in model.groups:
            if isinstance(g2, SimpleFactor):
                simple.extend(g2.algebra.adjoint.labels if lab2 == label else (0,) * g2.algebra.rank)
        ab = [0] * (len(lay.u1) + len(lay.zn))
        for half, lor in (("L", (2, 0)), ("R", (0, 2))):
            out.append(Particle(f"{label}_{half}", label, 4, lor, False, tuple(simple) + tuple(ab), 1, zero))
    return tuple(out)
