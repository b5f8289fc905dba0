"""Characters for the Hilbert series (:mod:`.hilbert`): conformal characters of the free
fields, their plethystic exponentials, the decomposition into irreps, and the constant
term over the maximal torus (``method="torus"``).
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from functools import lru_cache
from math import gcd


from ..algebra.weights import depth_functional, dominant_weights, weight_system

__all__ = []   # helpers of .hilbert (no public API of their own)


@lru_cache(maxsize=None)
def simple_weights(alg, labels):
    return weight_system(alg, labels)


def irrep_weights(lay, labels):
    """Full weight system (weight, mult) of an irrep of the product group (flat labels)."""
    out = [((), 1)]
    for start, rows, alg in lay.simple:
        n = len(rows)
        block = labels[start:start + n]
        ws = simple_weights(alg, tuple(block))
        out = [(w + v, m * k) for w, m in out for v, k in ws]
    tail = tuple(labels[len(out[0][0]):])
    return [(w + tail, m) for w, m in out]


class Packer:
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


def packer(parts, lay, max_dim2, ngrade):
    top = 1
    for p in parts:
        k = (max_dim2 - p.dim2) // 2
        top = max(top, p.lorentz[0] + k, p.lorentz[1] + k, *(abs(x) for x in p.gauge + p.grade))
        for start, rows, alg in lay.simple[2:]:
            labels = tuple(p.gauge[start - 2:start - 2 + len(rows)])
            for w, _ in simple_weights(alg, labels):
                top = max(top, *(abs(x) for x in w))
    return Packer(ngrade + lay.length, top * (max_dim2 // 2 + 4))


def single_character(p, lay, max_dim2, pk):
    """Character of one particle (all descendants up to ``max_dim2``): {(dim2, packed): mult}."""
    ch = defaultdict(int)
    k = 0
    while p.dim2 + 2 * k <= max_dim2:
        labels = (p.lorentz[0] + k, p.lorentz[1] + k) + p.gauge
        for w, m in irrep_weights(lay, labels):
            ch[(p.dim2 + 2 * k, pk.pack(p.grade + w))] += m * p.copies
        k += 1
    return ch


def mul(a, b, max_dim2):
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


def plethystic(p, max_dim2, chi):
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
            for key, v in mul(powers[r], h[n - r], max_dim2).items():
                acc[key] += v
        hn = {}
        for key, v in acc.items():
            if v:
                q, rem = divmod(v, n)
                assert rem == 0
                hn[key] = q
        h[n] = hn
    return h


def pe_character(p, lay, max_dim2, pk):
    """The whole plethystic exponential of one particle as one packed character."""
    ch = defaultdict(int)
    for hn in plethystic(p, max_dim2, single_character(p, lay, max_dim2, pk)).values():
        for k, v in hn.items():
            ch[k] += v
    return ch


def is_dominant(lay, w):
    for start, rows, alg in lay.simple:
        for x in w[start:start + len(rows)]:
            if x < 0:
                return False
    return True


@lru_cache(maxsize=None)
def dominant_table(lay, labels):
    """Dominant weights (with multiplicities) of an irrep of the product group."""
    out = [((), 1)]
    for start, rows, alg in lay.simple:
        block = tuple(labels[start:start + len(rows)])
        ws = dominant_weights(alg, block)
        out = [(w + v, m * k) for w, m in out for v, k in ws]
    tail = tuple(labels[len(out[0][0]):])
    return tuple((w + tail, m) for w, m in out)


def to_irreps(ch, lay, pk, ngrade, seen=None):
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
            gw = seen[packed] = (v[:ngrade], w) if is_dominant(lay, w) else ()
        if gw:
            table = dom[(d, gw[0])]
            table[gw[1]] = table.get(gw[1], 0) + m
    coefs = height_coefficients(lay)
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
            for w, k in dominant_table(lay, top):
                table[w] = table.get(w, 0) - m * k
        assert not any(table.values()), "not a character of a representation: an internal error"
    return out


@lru_cache(maxsize=None)
def height_coefficients(lay):
    """Integer multiples of the depth functional of each simple block (Lorentz included): their
    sum with a weight strictly decreases from a highest weight to any other weight of the irrep."""
    coefs = []
    for start, rows, alg in lay.simple:
        coefs.extend(Fraction(c) for c in depth_functional(alg))
    den = 1
    for c in coefs:
        den = den * c.denominator // gcd(den, c.denominator)
    return tuple(int(c * den) for c in coefs)


def weyl_denominator(lay):
    """``Π_{α>0} (1 - x^α)`` for every simple block, as {weight: coefficient}."""
    poly = {tuple(0 for _ in range(lay.length)): 1}
    for start, rows, alg in lay.simple:
        roots = alg.positive_roots_dynkin
        for r in roots:
            new = defaultdict(int)
            for w, c in poly.items():
                new[w] += c
                v = list(w)
                v[start:start + len(r)] = [x + y for x, y in zip(w[start:start + len(r)], r)]
                new[tuple(v)] -= c
            poly = {w: c for w, c in new.items() if c}
    return poly


def torus_counts(parts, lay, max_dim2, ngrade):
    """The integrand expanded on the torus; constant term of integrand × Weyl denominators."""
    pk = packer(parts, lay, max_dim2, ngrade)
    total = {(0, 0): 1}
    for p in parts:
        total = mul(total, pe_character(p, lay, max_dim2, pk), max_dim2)
    # 1/P: the product over the four weights (±1, ±1) of the vector of (1 - D x)
    for sl in (1, -1):
        for sr in (1, -1):
            w = pk.pack((0,) * ngrade + (sl, sr) + (0,) * (lay.length - 2))
            total = mul(total, {(0, 0): 1, (2, w): -1}, max_dim2)
    den = weyl_denominator(lay)
    out = defaultdict(int)
    for (d, packed), c in total.items():
        v = pk.unpack(packed)
        k = den.get(lay.reduce(tuple(-x for x in v[ngrade:])))
        if k:   # constant term: the weight w meets -w in the denominator
            out[(d, v[:ngrade])] += c * k
    return out
