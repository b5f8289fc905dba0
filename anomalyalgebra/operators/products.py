"""Products of irreps for the Hilbert series (:mod:`.hilbert`, ``method="irreps"``):
Racah-Speiser products factor by factor, pruning by reachable U(1) charges, and the
contraction onto the Lorentz irreps of ``1/P`` (EOM and IBP removed).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from functools import lru_cache


from ..algebra.weights import irrep_conjugate
from ..algebra.tensor import _product2
from .characters import Packer, packer, plethystic, single_character, to_irreps

__all__ = []   # helpers of .hilbert (no public API of their own)


@lru_cache(maxsize=None)
def block_product(alg, a, b):
    return _product2(alg, *sorted((a, b)))


def product_irreps(lay, la, lb):
    """Decomposition of the product of two irreps of the product group (flat labels)."""
    parts = [((), 1)]
    for start, rows, alg in lay.simple:
        n = len(rows)
        dec = block_product(alg, tuple(la[start:start + n]), tuple(lb[start:start + n]))
        parts = [(w + v, m * k) for w, m in parts for v, k in dec]
    cut = len(parts[0][0])
    tail = lay.reduce(tuple(0 for _ in range(cut)) + tuple(x + y for x, y in zip(la[cut:], lb[cut:])))[cut:]
    return [(w + tail, m) for w, m in parts]


def split_u1(lay, labels, upk):
    """``(labels with the U(1) charges set to 0, the U(1) charges packed by upk)``."""
    if not lay.u1:
        return labels, 0
    lab = list(labels)
    for i in lay.u1:
        lab[i] = 0
    return tuple(lab), upk.pack([labels[i] for i in lay.u1])


def make_pieces(parts, lay, max_dim2, gpk, upk):
    """The plethystic exponential of every particle in irreps: ``{dim2: {(grade, labels, u1): mult}}``.

    ``grade`` (packed by ``gpk``) is ``n`` times the particle's grade in the ``n``-particle
    term, so each term is decomposed once without grades; ``labels`` are the flat Dynkin
    labels with the U(1) charges set to 0 and ``u1`` the U(1) charges packed by ``upk``:
    both packed parts add up as single integers in products.  Particles that differ only
    by their grade (copies split by a grading) share the decomposition.
    """
    pk = packer(parts, lay, max_dim2, 0)
    done, seen = {}, {}
    out = []
    for p in parts:
        bare = replace(p, grade=())
        terms = done.get(bare)
        if terms is None:
            h = plethystic(bare, max_dim2, single_character(bare, lay, max_dim2, pk))
            terms = done[bare] = [
                (n, [(d, *split_u1(lay, lab, upk), m) for (d, _, lab), m in to_irreps(hn, lay, pk, 0, seen).items()])
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


def reach_of(pieces, top):
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


def viable_of(reach, dims2, top):
    """``[set of U(1) charges]`` per dimension: the partial products that can still end
    as a gauge singlet at a counted dimension (after the 1/P shifts of :data:`IBP_TERMS`)."""
    ends = {t - 2 * shift for t in dims2 for shift, _, _ in IBP_TERMS if t >= 2 * shift}
    out = []
    for d in range(top + 1):
        ok = set()
        for e in ends:
            if e >= d:
                ok.update([-u for u in reach.get(e - d, ())])
        out.append(ok)
    return out


def combine(acc, piece, top, viable, lay, table):
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
                        dec = table[(l1, l2)] = product_irreps(lay, l1, l2)
                    g = g1 + g2
                    m = m1 * m2
                    for lab, k in dec:
                        tgt[(g, lab, u)] += m * k
    out = {d: {k: v for k, v in rows.items() if v} for d, rows in out.items()}
    return {d: rows for d, rows in out.items() if rows}


def conj_labels(lay, labels):
    out = list(labels)
    for start, rows, alg in lay.simple:
        n = len(rows)
        out[start:start + n] = irrep_conjugate(alg, tuple(labels[start:start + n]))
    for i in lay.u1:
        out[i] = -out[i]
    for i, n in lay.zn:
        out[i] = (-out[i]) % n
    return tuple(out)


IBP_TERMS = ((0, ((0, 0),), 1), (1, ((1, 1),), -1), (2, ((2, 0), (0, 2)), 1), (3, ((1, 1),), -1), (4, ((0, 0),), 1))


@lru_cache(maxsize=None)
def ibp_terms(x1, y1, x2, y2):
    """``((shift, sign), ...)``: the Λ^k(V) of 1/P contained in (x1, y1) ⊗ (x2, y2) (twice spins)."""
    out = []
    for shift, targets, sign in IBP_TERMS:
        for tl, tr in targets:
            if abs(x1 - x2) <= tl <= x1 + x2 and (x1 + x2 + tl) % 2 == 0 \
                    and abs(y1 - y2) <= tr <= y1 + y2 and (y1 + y2 + tr) % 2 == 0:
                out.append((shift, sign))
    return tuple(out)


def contract(a, b, lay, dims2):
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
                c = conj[la] = conj_labels(lay, la)[2:]
            partners = index.get((c, -u1))
            if not partners:
                continue
            x1, y1 = la[0], la[1]
            for d2, g2, x2, y2, m2 in partners:
                d = d1 + d2
                if d > top:
                    break
                for shift, sign in ibp_terms(x1, y1, x2, y2):
                    if d + 2 * shift in dims2:
                        out[(d + 2 * shift, g1 + g2)] += sign * m1 * m2
    return out


def irreps_counts(parts, lay, max_dim2, ngrade, dims2):
    most = max_dim2 // 2 + 4        # bounds the number of particles in a product
    gtop = max([1] + [abs(x) for p in parts for x in p.grade])
    gpk = Packer(ngrade, gtop * most)
    utop = max([1] + [abs(p.gauge[i - 2]) for p in parts for i in lay.u1])
    upk = Packer(len(lay.u1), utop * most)
    pieces = make_pieces(parts, lay, max_dim2, gpk, upk)
    viable = viable_of(reach_of(pieces, max_dim2), dims2, max_dim2)
    # two halves of roughly equal size, contracted at the end
    pieces.sort(key=lambda piece: sum(map(len, piece.values())))
    left, right = [], []
    for i, piece in enumerate(pieces):
        (left if i % 2 == 0 else right).append(piece)
    table = {}

    def product(group):
        acc = {0: {(0, tuple(0 for _ in range(lay.length)), 0): 1}}
        for piece in group:
            acc = combine(acc, piece, max_dim2, viable, lay, table)
        return acc

    raw = contract(product(left), product(right), lay, dims2)
    return {(d, gpk.unpack(g)): n for (d, g), n in raw.items()}
