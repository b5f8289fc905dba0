"""Hilbert-series counting of independent operators, modulo EOM and IBP.

The number of independent operators of mass dimension ``d`` built from a model's
fields and their covariant derivatives, with operators related by the equations of
motion (EOM) or by integration by parts (IBP) identified, is the coefficient of
``D^d`` in the Hilbert series of Henning, Lu, Melia and Murayama (HLMM,
arXiv:1512.03433, arXiv:1706.08520)::

    H(D) = ∫ dμ_Lorentz ∫ dμ_gauge  (1/P(D)) · PE[ Σ_fields χ_field(D) ]  + ΔH(D)

* ``χ_field`` is the conformal character of a free field with the EOM removed: the
  level-``k`` descendants of a scalar are the Lorentz irrep ``(k/2, k/2)``, those of a
  left-handed Weyl fermion ``((k+1)/2, k/2)``, those of the self-dual half ``F_L`` of a
  field strength ``((k+2)/2, k/2)`` (right-handed: the two spins swapped), with mass
  dimension ``Δ + k`` (``Δ = 1, 3/2, 2``).  Every complex field enters with its
  conjugate as a second, independent particle; a field with ``copies`` copies enters
  with multiplicity ``copies`` (flavour included).
* ``PE`` is the plethystic exponential: symmetric powers for bosons, exterior powers
  for fermions (Newton's identities on the characters, exact integers).
* ``1/P(D) = Σ_k (-1)^k D^k Λ^k(V)`` (``V`` the four-vector) removes total
  derivatives: with ``m_R(d)`` the number of gauge-singlet operators of dimension
  ``d`` in the Lorentz irrep ``R`` (EOM removed), the count is
  ``m_(0,0)(d) - m_(1/2,1/2)(d-1) + m_(1,0)(d-2) + m_(0,1)(d-2) - m_(1/2,1/2)(d-3) + m_(0,0)(d-4)``.
* ``ΔH`` is non-zero only for ``d ≤ 4`` in four dimensions (HLMM), so counts are
  given for ``d ≥ 5`` (:data:`MIN_DIM`); the renormalisable Lagrangian is the job of
  :func:`~anomalyalgebra.operators.allowed_operators`.

The Haar integrals are done in two ways.  ``method="irreps"`` (default) decomposes
every particle's plethystic exponential into irreps of Lorentz × gauge group and
multiplies irreps factor by factor (Racah-Speiser/Brauer-Klimyk, which *is* the Weyl
integration formula over the maximal torus); the last product is contracted directly
onto the few Lorentz irreps ``1/P`` needs, and partial products whose U(1) charges no
product of the particles can cancel within the remaining dimension are dropped on the
way.  ``method="torus"`` expands the whole integrand as an exact Laurent polynomial in
the torus variables and takes the constant term of ``integrand × Π_{α>0}(1 - x^α)``
for every simple factor (Lorentz included), the constant term in the charge for a U(1)
and the average over the N-th roots of unity (charge ≡ 0 mod N) for a Z_N.  Both give
the same integers; the second is much slower and serves as an independent check.

Counts are numbers of real parameters: an operator and its conjugate are counted
separately, a hermitian operator once.

Examples
--------
>>> import anomalyalgebra as aa
>>> from anomalyalgebra.operators.hilbert import operator_counts
>>> sm1 = aa.load_model("sm")
>>> for f in ("q", "u", "d", "l", "e"):
...     sm1 = sm1.replace_field(f, copies=1)
>>> operator_counts(sm1, 6)          # HLMM, arXiv:1512.03433: 2, 84
{5: 2, 6: 84}
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field as dc_field, replace
from fractions import Fraction
from functools import lru_cache
from math import gcd
from typing import Mapping

import sympy as sp

from ..algebra.cartan import cartan_matrix
from ..algebra.irrep import _depth_functional, dominant_weights, irrep_conjugate, weight_system
from ..algebra.tensor import _product2
from ..algebra.symbolic import SymbolicSU2Irrep
from ..exceptions import ModelError
from ..groups import SimpleFactor, U1, ZN
from .accidental import phase_name

__all__ = ["MIN_DIM", "Particle", "HilbertSeries", "particles", "hilbert_series", "operator_counts",
           "content_text"]

#: Lowest mass dimension counted: the correction ΔH of HLMM only touches d ≤ 4.
MIN_DIM = 5

_A1 = ((2,),)


# ------------------------------------------------------------------ the particles
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
class _Layout:
    """How a flat weight tuple splits into Lorentz, simple, U(1) and Z_N blocks."""

    simple: tuple       # ((start, cartan rows, algebra or None), ...) incl. the two Lorentz A1s
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


def _u1_scale(model, label):
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


def _grade_charge(name, phase, q) -> int:
    if isinstance(q, bool) or not isinstance(q, (int, sp.Integer)):
        raise ModelError(f"grading '{name}': charge of '{phase}' must be an integer, got {q!r}")
    return int(q)


def _layout(model):
    simple, u1, zn, scales = [(0, _A1, None), (1, _A1, None)], [], [], []
    pos = 2
    for label, g in model.groups:
        if isinstance(g, SimpleFactor):
            simple.append((pos, cartan_matrix(g.algebra), g.algebra))
            pos += g.algebra.rank
    for label, g in model.groups:
        if isinstance(g, U1):
            u1.append(pos)
            scales.append(_u1_scale(model, label))
            pos += 1
    for label, g in model.groups:
        if isinstance(g, ZN):
            zn.append((pos, g.n))
            pos += 1
    return _Layout(tuple(simple), tuple(u1), tuple(zn), pos, tuple(scales))


def _gauge_labels(model, f, conjugate):
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
        elif isinstance(g, U1):         # numeric: _layout (_u1_scale) has checked every charge
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
    lay = _layout(model)
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
                vec.append(_grade_charge(n, phase, table.get(phase, table.get(f.name, 0))))
            groups[tuple(vec)] += 1
        for conj in (False, True):
            simple, u1s, zns = _gauge_labels(model, f, conj)
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


# ------------------------------------------------------------------ characters
@lru_cache(maxsize=None)
def _simple_weights(alg, labels):
    return weight_system(alg, labels) if alg is not None else tuple(((m,), 1) for m in range(labels[0], -labels[0] - 1, -2))


def _irrep_weights(lay, labels):
    """Full weight system (weight, mult) of an irrep of the product group (flat labels)."""
    out = [((), 1)]
    for start, rows, alg in lay.simple:
        n = len(rows)
        block = labels[start:start + n]
        ws = _simple_weights(alg, tuple(block))
        out = [(w + v, m * k) for w, m in out for v, k in ws]
    tail = tuple(labels[len(out[0][0]):])
    return [(w + tail, m) for w, m in out]


class _Packer:
    """Grade and weight vectors packed into one integer (signed digits, linear: sums and
    multiples of packed vectors are the packed sums and multiples)."""

    def __init__(self, length, bound):
        self.length = length
        self.base = 1 << max(8, (4 * bound + 2).bit_length())
        self.half = self.base // 2

    def pack(self, vec):
        out = 0
        for x in reversed(vec):
            out = out * self.base + x
        return out

    def unpack(self, value):
        out = []
        for _ in range(self.length):
            x = value % self.base
            if x >= self.half:
                x -= self.base
            out.append(x)
            value = (value - x) // self.base
        return tuple(out)


def _packer(parts, lay, max_dim2, ngrade):
    top = 1
    for p in parts:
        k = (max_dim2 - p.dim2) // 2
        top = max(top, p.lorentz[0] + k, p.lorentz[1] + k, *(abs(x) for x in p.gauge + p.grade))
        for start, rows, alg in lay.simple[2:]:
            labels = tuple(p.gauge[start - 2:start - 2 + len(rows)])
            for w, _ in _simple_weights(alg, labels):
                top = max(top, *(abs(x) for x in w))
    return _Packer(ngrade + lay.length, top * (max_dim2 // 2 + 4))


def _single_character(p, lay, max_dim2, pk):
    """Character of one particle (all descendants up to ``max_dim2``): {(dim2, packed): mult}."""
    ch = defaultdict(int)
    k = 0
    while p.dim2 + 2 * k <= max_dim2:
        labels = (p.lorentz[0] + k, p.lorentz[1] + k) + p.gauge
        for w, m in _irrep_weights(lay, labels):
            ch[(p.dim2 + 2 * k, pk.pack(p.grade + w))] += m * p.copies
        k += 1
    return ch


def _mul(a, b, max_dim2):
    """Product of two packed characters, truncated at ``max_dim2``."""
    a_by_d, b_by_d = defaultdict(list), defaultdict(list)
    for (d, w), m in a.items():
        a_by_d[d].append((w, m))
    for (d, w), m in b.items():
        b_by_d[d].append((w, m))
    out = {}
    for d1, rows1 in a_by_d.items():
        for d2, rows2 in b_by_d.items():
            if d1 + d2 > max_dim2:
                continue
            tgt = out.setdefault(d1 + d2, defaultdict(int))
            for w2, m2 in rows2:
                for w1, m1 in rows1:
                    tgt[w1 + w2] += m1 * m2
    return {(d, w): m for d, tgt in out.items() for w, m in tgt.items()}


def _plethystic(p, max_dim2, chi):
    """``{n: character of the n-particle states}`` (symmetric or antisymmetric powers)."""
    nmax = max_dim2 // p.dim2
    powers = {}
    for r in range(1, nmax + 1):
        sign = -1 if (p.fermion and r % 2 == 0) else 1
        powers[r] = {(d * r, w * r): sign * m for (d, w), m in chi.items() if d * r <= max_dim2}
    h = {0: {(0, 0): 1}}
    for n in range(1, nmax + 1):
        acc = defaultdict(int)
        for r in range(1, n + 1):
            for key, v in _mul(powers[r], h[n - r], max_dim2).items():
                acc[key] += v
        hn = {}
        for key, v in acc.items():
            if v:
                q, rem = divmod(v, n)
                assert rem == 0
                hn[key] = q
        h[n] = hn
    return h


def _pe_character(p, lay, max_dim2, pk):
    """The whole plethystic exponential of one particle as one packed character."""
    ch = defaultdict(int)
    for hn in _plethystic(p, max_dim2, _single_character(p, lay, max_dim2, pk)).values():
        for k, v in hn.items():
            ch[k] += v
    return ch


def _is_dominant(lay, w):
    for start, rows, alg in lay.simple:
        for x in w[start:start + len(rows)]:
            if x < 0:
                return False
    return True


@lru_cache(maxsize=None)
def _dominant_table(lay, labels):
    """Dominant weights (with multiplicities) of an irrep of the product group."""
    out = [((), 1)]
    for start, rows, alg in lay.simple:
        block = tuple(labels[start:start + len(rows)])
        ws = dominant_weights(alg, block) if alg is not None else tuple(((m,), 1) for m in range(block[0], -1, -2))
        out = [(w + v, m * k) for w, m in out for v, k in ws]
    tail = tuple(labels[len(out[0][0]):])
    return tuple((w + tail, m) for w, m in out)


def _to_irreps(ch, lay, pk, ngrade, seen=None):
    """Decompose a Weyl-invariant packed character into irreps: {(dim2, grade, labels): mult}.

    ``seen`` (a dict, shared by calls with the same ``pk``) caches the unpacked weights.
    """
    dom = defaultdict(dict)
    seen = {} if seen is None else seen
    for (d, packed), m in ch.items():
        if not m:
            continue
        gw = seen.get(packed)
        if gw is None:
            v = pk.unpack(packed)
            w = lay.reduce(v[ngrade:])
            gw = seen[packed] = (v[:ngrade], w) if _is_dominant(lay, w) else ()
        if gw:
            table = dom[(d, gw[0])]
            table[gw[1]] = table.get(gw[1], 0) + m
    coefs = _height_coefficients(lay)
    height = {}
    out = {}
    for (d, g), table in dom.items():
        # highest weights first: a weight's multiplicity is final once every higher one is peeled off
        for w in table:
            if w not in height:
                height[w] = sum(c * x for c, x in zip(coefs, w))
        for top in sorted(table, key=lambda w: (height[w], w), reverse=True):
            m = table[top]
            if not m:
                continue
            assert m > 0
            out[(d, g, top)] = m
            for w, k in _dominant_table(lay, top):
                table[w] = table.get(w, 0) - m * k
        assert not any(table.values()), "not a character of a representation: an internal error"
    return out


@lru_cache(maxsize=None)
def _height_coefficients(lay):
    """Integer multiples of the depth functional of each simple block (Lorentz: 1): their
    sum with a weight strictly decreases from a highest weight to any other weight of the irrep."""
    coefs = []
    for start, rows, alg in lay.simple:
        coefs.extend([Fraction(1)] if alg is None else [Fraction(c) for c in _depth_functional(alg)])
    den = 1
    for c in coefs:
        den = den * c.denominator // gcd(den, c.denominator)
    return tuple(int(c * den) for c in coefs)


# ------------------------------------------------------------------ irreps products
@lru_cache(maxsize=None)
def _block_product(alg, a, b):
    if alg is None:
        x, y = a[0], b[0]
        return tuple(((z,), 1) for z in range(abs(x - y), x + y + 1, 2))
    return _product2(alg, *sorted((a, b)))


def _product_irreps(lay, la, lb):
    """Decomposition of the product of two irreps of the product group (flat labels)."""
    parts = [((), 1)]
    for start, rows, alg in lay.simple:
        n = len(rows)
        dec = _block_product(alg, tuple(la[start:start + n]), tuple(lb[start:start + n]))
        parts = [(w + v, m * k) for w, m in parts for v, k in dec]
    cut = len(parts[0][0])
    tail = lay.reduce(tuple(0 for _ in range(cut)) + tuple(x + y for x, y in zip(la[cut:], lb[cut:])))[cut:]
    return [(w + tail, m) for w, m in parts]


def _split_u1(lay, labels, upk):
    """``(labels with the U(1) charges set to 0, the U(1) charges packed by upk)``."""
    if not lay.u1:
        return labels, 0
    lab = list(labels)
    for i in lay.u1:
        lab[i] = 0
    return tuple(lab), upk.pack([labels[i] for i in lay.u1])


def _pieces(parts, lay, max_dim2, gpk, upk):
    """The plethystic exponential of every particle in irreps: ``{dim2: {(grade, labels, u1): mult}}``.

    ``grade`` (packed by ``gpk``) is ``n`` times the particle's grade in the ``n``-particle
    term, so each term is decomposed once without grades; ``labels`` are the flat Dynkin
    labels with the U(1) charges set to 0 and ``u1`` the U(1) charges packed by ``upk``:
    both packed parts add up as single integers in products.  Particles that differ only
    by their grade (copies split by a grading) share the decomposition.
    """
    pk = _packer(parts, lay, max_dim2, 0)
    done, seen = {}, {}
    out = []
    for p in parts:
        bare = replace(p, grade=())
        terms = done.get(bare)
        if terms is None:
            h = _plethystic(bare, max_dim2, _single_character(bare, lay, max_dim2, pk))
            terms = done[bare] = [
                (n, [(d, *_split_u1(lay, lab, upk), m) for (d, _, lab), m in _to_irreps(hn, lay, pk, 0, seen).items()])
                for n, hn in h.items()]
        g = gpk.pack(p.grade)
        piece = defaultdict(dict)
        for n, rows in terms:
            gn = n * g
            for d, lab, u, m in rows:
                row = piece[d]
                key = (gn, lab, u)
                row[key] = row.get(key, 0) + m
        out.append(dict(piece))
    return out


def _reach(pieces, top):
    """``{dim2: set of packed U(1) charges}`` of the products taking one term of every piece.

    A superset of what the pieces can add to a product (multiplicities may cancel), so
    a partial product whose U(1) charge no reachable rest can cancel contributes nothing.
    """
    reach = {0: {0}}
    for piece in pieces:
        proj = {d: {u for _, _, u in row} for d, row in piece.items()}
        new = defaultdict(set)
        for d1, us1 in reach.items():
            for d2, us2 in proj.items():
                d = d1 + d2
                if d > top:
                    continue
                if d2 == 0:
                    new[d] |= us1
                else:
                    new[d].update([a + b for a in us1 for b in us2])
        reach = new
    return reach


def _viable(reach, dims2, top):
    """``[set of U(1) charges]`` per dimension: the partial products that can still end
    as a gauge singlet at a counted dimension (after the 1/P shifts of :data:`_IBP`)."""
    ends = {t - 2 * shift for t in dims2 for shift, _, _ in _IBP if t >= 2 * shift}
    out = []
    for d in range(top + 1):
        ok = set()
        for e in ends:
            if e >= d:
                ok.update([-u for u in reach.get(e - d, ())])
        out.append(ok)
    return out


def _combine(acc, piece, top, viable, lay, table):
    """Product of two tables ``{dim2: {(grade, labels, u1): mult}}``, truncated in dimension
    and restricted to the ``viable`` U(1) charges; ``table`` caches the irrep products."""
    out = defaultdict(lambda: defaultdict(int))
    for d1, rows1 in acc.items():
        for d2, rows2 in piece.items():
            d = d1 + d2
            if d > top:
                continue
            ok = viable[d]
            tgt = out[d]
            if d2 == 0:     # the empty product of the piece: a copy
                for key, m in rows1.items():
                    if key[2] in ok:
                        tgt[key] += m
                continue
            for (g2, l2, u2), m2 in rows2.items():
                for (g1, l1, u1), m1 in rows1.items():
                    u = u1 + u2
                    if u not in ok:
                        continue
                    dec = table.get((l1, l2))
                    if dec is None:
                        dec = table[(l1, l2)] = _product_irreps(lay, l1, l2)
                    g = g1 + g2
                    m = m1 * m2
                    for lab, k in dec:
                        tgt[(g, lab, u)] += m * k
    out = {d: {k: v for k, v in rows.items() if v} for d, rows in out.items()}
    return {d: rows for d, rows in out.items() if rows}


def _conj_labels(lay, labels):
    out = list(labels)
    for start, rows, alg in lay.simple:
        n = len(rows)
        if alg is not None:
            out[start:start + n] = irrep_conjugate(alg, tuple(labels[start:start + n]))
    for i in lay.u1:
        out[i] = -out[i]
    for i, n in lay.zn:
        out[i] = (-out[i]) % n
    return tuple(out)


#: Lorentz irreps (2j_L, 2j_R) of Λ^k(V) and the sign (-1)^k: the expansion of 1/P.
_IBP = ((0, ((0, 0),), 1), (1, ((1, 1),), -1), (2, ((2, 0), (0, 2)), 1), (3, ((1, 1),), -1), (4, ((0, 0),), 1))


@lru_cache(maxsize=None)
def _ibp_terms(x1, y1, x2, y2):
    """``((shift, sign), ...)``: the Λ^k(V) of 1/P contained in (x1, y1) ⊗ (x2, y2) (twice spins)."""
    out = []
    for shift, targets, sign in _IBP:
        for tl, tr in targets:
            if abs(x1 - x2) <= tl <= x1 + x2 and (x1 + x2 + tl) % 2 == 0 \
                    and abs(y1 - y2) <= tr <= y1 + y2 and (y1 + y2 + tr) % 2 == 0:
                out.append((shift, sign))
    return tuple(out)


def _contract(a, b, lay, dims2):
    """``Σ_k (-1)^k mult(Λ^k V ⊗ gauge singlet)`` in ``a ⊗ b`` at each ``d2`` in ``dims2``:
    ``{(d2, packed grade): count}``."""
    top = max(dims2)
    index = defaultdict(list)
    for d, rows in b.items():
        for (g, lab, u), m in rows.items():
            index[(lab[2:], u)].append((d, g, lab[0], lab[1], m))
    for partners in index.values():
        partners.sort(key=lambda r: r[0])
    conj = {}
    out = defaultdict(int)
    for d1, rows in a.items():
        for (g1, la, u1), m1 in rows.items():
            c = conj.get(la)
            if c is None:
                c = conj[la] = _conj_labels(lay, la)[2:]
            partners = index.get((c, -u1))
            if not partners:
                continue
            x1, y1 = la[0], la[1]
            for d2, g2, x2, y2, m2 in partners:
                d = d1 + d2
                if d > top:
                    break
                for shift, sign in _ibp_terms(x1, y1, x2, y2):
                    if d + 2 * shift in dims2:
                        out[(d + 2 * shift, g1 + g2)] += sign * m1 * m2
    return out


# ------------------------------------------------------------------ torus (Weyl integration)
def _weyl_denominator(lay):
    """``Π_{α>0} (1 - x^α)`` for every simple block, as {weight: coefficient}."""
    poly = {tuple(0 for _ in range(lay.length)): 1}
    for start, rows, alg in lay.simple:
        roots = ((2,),) if alg is None else alg.positive_roots_dynkin
        for r in roots:
            new = defaultdict(int)
            for w, c in poly.items():
                new[w] += c
                v = list(w)
                v[start:start + len(r)] = [x + y for x, y in zip(w[start:start + len(r)], r)]
                new[tuple(v)] -= c
            poly = {w: c for w, c in new.items() if c}
    return poly


def _torus_counts(parts, lay, max_dim2, ngrade):
    """The integrand expanded on the torus; constant term of integrand × Weyl denominators."""
    pk = _packer(parts, lay, max_dim2, ngrade)
    total = {(0, 0): 1}
    for p in parts:
        total = _mul(total, _pe_character(p, lay, max_dim2, pk), max_dim2)
    # 1/P: the product over the four weights (±1, ±1) of the vector of (1 - D x)
    for sl in (1, -1):
        for sr in (1, -1):
            w = pk.pack((0,) * ngrade + (sl, sr) + (0,) * (lay.length - 2))
            total = _mul(total, {(0, 0): 1, (2, w): -1}, max_dim2)
    den = _weyl_denominator(lay)
    out = defaultdict(int)
    for (d, packed), c in total.items():
        v = pk.unpack(packed)
        k = den.get(lay.reduce(tuple(-x for x in v[ngrade:])))
        if k:   # constant term: the weight w meets -w in the denominator
            out[(d, v[:ngrade])] += c * k
    return out


# ------------------------------------------------------------------ result
@dataclass(frozen=True)
class HilbertSeries:
    """Operator counts of a model by mass dimension (and by the requested gradings).

    Attributes
    ----------
    model_name : str
    max_dim : int
    gradings : tuple of str
        Names of the gradings; a grade is a tuple of integers in this order.
    graded : tuple of ((dim, grade), count)
        Non-zero counts of independent real operators, ``dim >= MIN_DIM``.
    content : tuple of (str, int)
        With ``content=True``: the particles graded by (name, twice the mass
        dimension), the last ``len(content)`` entries of every grade.
    """

    model_name: str
    max_dim: int
    gradings: tuple = ()
    graded: tuple = ()
    content: tuple = ()
    _lookup: dict = dc_field(default=None, compare=False, hash=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_lookup", dict(self.graded))

    @property
    def counts(self) -> dict:
        """``{dimension: number of independent real operators}`` for ``MIN_DIM..max_dim``."""
        out = {d: 0 for d in range(MIN_DIM, self.max_dim + 1)}
        for (d, _), n in self.graded:
            out[d] += n
        return out

    def count(self, dim: int, grade=None) -> int:
        """Operators of dimension ``dim`` (with exactly ``grade``, if given).

        Parameters
        ----------
        dim : int
            Mass dimension.
        grade : sequence of int, optional
            A grade in the order of :attr:`gradings` (and the content entries).

        Returns
        -------
        int
            Number of independent real operators (0 when none).
        """
        if grade is None:
            return self.counts.get(dim, 0)
        return self._lookup.get((dim, tuple(grade)), 0)

    def by_grade(self, dim: int) -> dict:
        """``{grade: count}`` at one dimension.

        Parameters
        ----------
        dim : int
            Mass dimension.

        Returns
        -------
        dict
            ``{grade tuple: number of independent real operators}``, non-zero only.
        """
        return {g: n for (d, g), n in self.graded if d == dim}

    def rows(self):
        """The graded entries, one tuple ``(dim, grade, content, count)`` each.

        ``grade`` holds the requested gradings only (the content entries removed) and
        ``content`` is the field content as text (see :func:`content_text`), or
        ``None`` for a series computed without ``content=True``.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> hs = hilbert_series(aa.load_model("sm"), 5, gradings={"L": {"l": 1}}, content=True)
        >>> sorted(hs.rows())
        [(5, (-2,), 'l†^2 H†^2', 6), (5, (2,), 'l^2 H^2', 6)]
        """
        dims = dict(self.content)
        k = len(self.content)
        for (d, g), n in self.graded:
            if k:
                yield d, g[:len(g) - k], _content_text(dims, d, dict(zip(dims, g[len(g) - k:]))), n
            else:
                yield d, g, None, n

    def by_content(self, dim: int) -> dict:
        """``{field content: count}`` at one dimension (needs ``content=True``), summed
        over the other gradings; see :func:`content_text` for the notation.

        Parameters
        ----------
        dim : int
            Mass dimension.

        Returns
        -------
        dict
            ``{content text: number of independent real operators}``.

        Raises
        ------
        ModelError
            If the series was computed without ``content=True``.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> hilbert_series(aa.load_model("sm"), 5, content=True).by_content(5)
        {'l†^2 H†^2': 6, 'l^2 H^2': 6}
        """
        if not self.content:
            raise ModelError("by_content needs a series computed with content=True")
        out = defaultdict(int)
        for d, _, text, n in self.rows():
            if d == dim:
                out[text] += n
        return dict(out)

    def to_dict(self) -> dict:
        """JSON-ready dict: ``"counts"`` (dimension as a string -> count) and, if graded,
        ``"gradings"`` (names) and ``"graded"`` (one entry per dimension, grade and content)."""
        out = {"model": self.model_name, "max_dim": self.max_dim,
               "counts": {str(d): n for d, n in self.counts.items()}}
        if self.gradings:
            out["gradings"] = list(self.gradings[:len(self.gradings) - len(self.content)])
            rows = []
            for d, g, text, n in self.rows():
                row = {"dim": d, "grade": list(g), "count": n}
                if text is not None:
                    row["content"] = text
                rows.append(row)
            out["graded"] = rows
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def __str__(self) -> str:
        return "\n".join(f"d = {d}: {n}" for d, n in self.counts.items())


def hilbert_series(model, max_dim: int, *, gradings: Mapping | None = None, method: str = "irreps",
                   content: bool = False) -> HilbertSeries:
    """Count independent operators of dimension ``MIN_DIM..max_dim`` (EOM and IBP removed).

    Parameters
    ----------
    model : Model
        Any model with numeric charges; every factor is integrated over (simple
        groups by the Weyl integration formula, U(1) by the charge-zero term, Z_N by
        the average over the N-th roots of unity).
    max_dim : int
        Highest mass dimension (>= ``MIN_DIM``).
    gradings : mapping name -> {field or copy phase: int}, optional
        Extra integer charges to grade by (e.g. baryon number, an accidental U(1));
        they are not integrated over.
    method : {"irreps", "torus"}
        Irrep products (fast) or the constant term on the maximal torus (slow check).
    content : bool
        Also grade by field content: one grade entry per particle name (the
        field or its conjugate ``"q†"``, or ``"SU3c_L"``), listed after the gradings.

    Returns
    -------
    HilbertSeries

    Raises
    ------
    ModelError
        For a symbolic charge or a symbolic SU(2) irrep, ``max_dim < MIN_DIM``, a
        non-integer grading charge or an unknown method.

    Examples
    --------
    The Weinberg operator ``(l H)^2`` and its conjugate, graded by lepton number:

    >>> import anomalyalgebra as aa
    >>> sm = aa.load_model("sm")
    >>> hs = hilbert_series(sm, 5, gradings={"L": {"l": 1, "e": 1}})
    >>> hs.counts, hs.by_grade(5)
    ({5: 12}, {(-2,): 6, (2,): 6})

    References
    ----------
    B. Henning, X. Lu, T. Melia, H. Murayama, arXiv:1512.03433 and arXiv:1706.08520.
    """
    if isinstance(max_dim, bool) or not isinstance(max_dim, int) or max_dim < MIN_DIM:
        raise ModelError(f"max_dim must be an integer >= {MIN_DIM} (the correction ΔH of the Hilbert series"
                         f" only affects d <= 4), got {max_dim!r}")
    if method not in ("irreps", "torus"):
        raise ModelError(f"method must be 'irreps' or 'torus', got {method!r}")
    gradings = dict(gradings or {})
    for name, table in gradings.items():
        known = {f.name for f in model.fields}
        for key in table:
            base = key if key in known else key.rsplit("_", 1)[0]
            if base not in known:
                raise ModelError(f"grading '{name}': model '{model.name}' has no field or copy {key!r}")
    lay = _layout(model)
    parts = particles(model, gradings)
    names = tuple(gradings)
    if content:
        pnames = list(dict.fromkeys(p.name for p in parts))
        parts = tuple(Particle(p.name, p.field, p.dim2, p.lorentz, p.fermion, p.gauge, p.copies,
                               p.grade + tuple(int(q == p.name) for q in pnames)) for p in parts)
        names = names + tuple(pnames)
    ngrade = len(names)
    max_dim2 = 2 * max_dim
    dims2 = set(range(2 * MIN_DIM, max_dim2 + 1, 2))
    if method == "torus":
        raw = _torus_counts(parts, lay, max_dim2, ngrade)
        raw = {k: v for k, v in raw.items() if k[0] in dims2}
    else:
        raw = _irreps_counts(parts, lay, max_dim2, ngrade, dims2)
    graded = tuple(sorted(((d2 // 2, g), n) for (d2, g), n in raw.items() if n))
    bad = [x for x in graded if x[1] < 0]
    assert not bad, f"negative operator counts {bad}: an internal error"
    dims = ()
    if content:
        first = {}
        for p in parts:
            first.setdefault(p.name, p.dim2)
        dims = tuple(first.items())
    return HilbertSeries(model.name, max_dim, names, graded, dims)


def _irreps_counts(parts, lay, max_dim2, ngrade, dims2):
    most = max_dim2 // 2 + 4        # bounds the number of particles in a product
    gtop = max([1] + [abs(x) for p in parts for x in p.grade])
    gpk = _Packer(ngrade, gtop * most)
    utop = max([1] + [abs(p.gauge[i - 2]) for p in parts for i in lay.u1])
    upk = _Packer(len(lay.u1), utop * most)
    pieces = _pieces(parts, lay, max_dim2, gpk, upk)
    viable = _viable(_reach(pieces, max_dim2), dims2, max_dim2)
    # two halves of roughly equal size, contracted at the end
    pieces.sort(key=lambda piece: sum(map(len, piece.values())))
    left, right = [], []
    for i, piece in enumerate(pieces):
        (left if i % 2 == 0 else right).append(piece)
    table = {}

    def product(group):
        acc = {0: {(0, tuple(0 for _ in range(lay.length)), 0): 1}}
        for piece in group:
            acc = _combine(acc, piece, max_dim2, viable, lay, table)
        return acc

    raw = _contract(product(left), product(right), lay, dims2)
    return {(d, gpk.unpack(g)): n for (d, g), n in raw.items()}


def _content_text(dims: dict, dim: int, grade: dict) -> str:
    twice = 2 * dim - sum(dims[n] * k for n, k in grade.items())
    if twice < 0 or twice % 2:
        raise ModelError(f"content {grade} does not fit dimension {dim}")
    parts = [f"D^{twice // 2}" if twice > 2 else "D"] if twice else []
    for name in dims:
        k = grade.get(name, 0)
        if k:
            parts.append(name if k == 1 else f"{name}^{k}")
    return " ".join(parts)


def content_text(model, dim: int, grade: Mapping) -> str:
    """Field content as text, ``"D^2 H H† Y_L"``, from particle counts at dimension ``dim``.

    ``D^k`` counts the covariant derivatives (the dimension not carried by fields);
    particles follow the model's field order, conjugates (``†``) after their fields,
    then the field-strength halves ``G_L``, ``G_R`` of each gauge factor ``G``.

    Parameters
    ----------
    model : Model
        The model (for the particle order and dimensions).
    dim : int
        Mass dimension of the operator.
    grade : mapping
        ``{particle name: count}``.

    Returns
    -------
    str
        The content, e.g. ``"D^2 H H† Y_L"``.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> content_text(aa.load_model("sm"), 6, {"H": 1, "H†": 1, "Y_L": 1})
    'D^2 H H† Y_L'
    """
    return _content_text({p.name: p.dim2 for p in particles(model)}, dim, dict(grade))


def operator_counts(model, max_dim: int) -> dict:
    """``{dimension: number of independent real operators}`` for ``MIN_DIM..max_dim``.

    Parameters
    ----------
    model : Model
        A model with numeric charges.
    max_dim : int
        Highest mass dimension.

    Returns
    -------
    dict
        ``{dimension: count}`` from :func:`hilbert_series`.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> operator_counts(aa.load_model("sm"), 5)
    {5: 12}
    """
    return hilbert_series(model, max_dim).counts
