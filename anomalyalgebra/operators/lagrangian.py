"""Enumerate the operators a model allows: the Yukawa/mass Lagrangian and the potential.

:func:`allowed_operators` builds every candidate product of fields up to a mass
dimension and keeps the Lorentz scalars that are invariant under every gauge and
discrete factor, with a non-zero number of independent couplings once flavour and
exchange symmetry are taken into account (:meth:`Operator.independent_couplings`).

What is generated
-----------------
* **Fermion bilinears** with ``n`` scalar factors (``n <= 1`` at d <= 4, ``n = d - 3``
  for a requested higher dimension ``d``): Dirac type ``ψ̄_L χ_R`` and Majorana type
  ``ψ χ`` of two fields of the same spinor type (including ``ψ_a ψ_b`` of one field
  with copies, symmetric or antisymmetric in flavour as the gauge contraction dictates).
* **Scalar terms**: every monomial of degree 1…d in the scalars and their conjugates
  (``|φ|²`` masses, cubic, quartic, and e.g. ``S5* S1^5`` at d = 6, footnote 6 of the
  seed paper).

* **Four-fermion operators** (d = 6, and times ``d - 6`` scalars for d > 6), without
  derivatives: any four Weyl spinors with an even number of undotted and of dotted
  ones, e.g. ``(ψ̄γ^μψ)(χ̄γ_μχ)``, ``(ℓ̄e)(d̄q)`` or the baryon-number violating
  ``d u q ℓ``.  ``couplings`` counts Lorentz ⊗ gauge ⊗ flavour singlets of the
  antisymmetrised (Fermi) product, so Fierz identities are already taken into account.

Operators with derivatives are not generated.  An operator and its hermitian conjugate
are one term ("+ h.c."); a hermitian operator (``|φ|²``, ``(ψ̄γψ)(χ̄γχ)``) has real
couplings: ``couplings`` is then the number of real parameters (the hermiticity
condition is an antilinear involution of the ``couplings``-dimensional space), see
:attr:`Term.real_parameters`.
Orientation: Dirac bilinears are written ``ψ̄_L χ_R`` as in Eq. (46) of the seed
paper, Majorana-type ones without bars (``N N``, ``ℓ ℓ H H``).

Charges that are symbols: a candidate whose U(1) total charge is a non-zero number is
dropped; one whose total is a non-trivial expression is kept with its ``condition``
(``conditional="keep"``), dropped (``"drop"``) or refused (``"raise"``).
"""

from __future__ import annotations

import warnings
from fractions import Fraction
from itertools import combinations_with_replacement
from math import lcm

import sympy as sp

from ..exceptions import ModelError
from ..groups import SimpleFactor, U1, ZN
from ..model import Model
from .operator import FieldFactor, Operator
from .terms import Lagrangian, Term, term_key

__all__ = ["Term", "Lagrangian", "allowed_operators", "uncoloured_fields", "uncolored_fields"]


def uncoloured_fields(model) -> tuple:
    """Fields trivial under every SU(3) factor (the "uncolored fields" of the seed paper's Eq. (46)).

    Parameters
    ----------
    model : Model
        The model.

    Returns
    -------
    tuple of str
        Field names in model order.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> uncoloured_fields(aa.load_model("sm"))
    ('l', 'e', 'H')
    """
    su3 = [lab for lab, g in model.groups
           if isinstance(g, SimpleFactor) and g.algebra.series == "A" and g.algebra.rank == 2]
    return tuple(f.name for f in model.fields if all(f.rep(lab) == model.group(lab).trivial for lab in su3))


def uncolored_fields(model) -> tuple:
    """Deprecated alias of :func:`uncoloured_fields` (the package spells British English).

    Parameters
    ----------
    model : Model

    Returns
    -------
    tuple of str
    """
    warnings.warn("uncolored_fields is deprecated: use uncoloured_fields", DeprecationWarning, stacklevel=2)
    return uncoloured_fields(model)


def _abelian(model):
    """Per field: (numeric charge tuple or None, symbolic charge tuple), moduli."""
    labels, mods = [], []
    for lab, g in model.groups:
        if isinstance(g, U1):
            labels.append(lab)
            mods.append(None)
        elif isinstance(g, ZN):
            labels.append(lab)
            mods.append(g.n)
    charges = {}
    symbolic = False
    for f in model.fields:
        vec = []
        for lab in labels:
            q = sp.sympify(f.rep(lab))
            if q.is_Rational:
                vec.append(Fraction(int(q.p), int(q.q)))
            else:
                vec.append(q)
                symbolic = True
        charges[f.name] = vec
    return labels, mods, charges, symbolic


def _integer_charge_keys(labels, mods, charges):
    """Per field, its abelian charges as integers: U(1) charges times the label's common
    denominator, Z_N charges modulo N.  ``None`` if a charge is symbolic or a Z_N charge
    is not an integer (then only the general verdict applies).

    A set of factors is abelian-invariant iff its key total (:func:`_key_total`) is zero.
    """
    scale = []
    for i, m in enumerate(mods):
        den = 1
        for vec in charges.values():
            x = vec[i]
            if not isinstance(x, (int, Fraction)):
                return None
            if m is not None and Fraction(x).denominator != 1:
                return None
            den = lcm(den, Fraction(x).denominator)
        scale.append(den)
    return {name: tuple(int(Fraction(x) * den) if m is None else int(x) % m
                        for x, den, m in zip(vec, scale, mods))
            for name, vec in charges.items()}


def _key_total(keys, facs, mods):
    tot = [0] * len(mods)
    for f in facs:
        for i, x in enumerate(keys[f.field]):
            tot[i] += -x if f.conjugate else x
    return tuple(t if m is None else t % m for t, m in zip(tot, mods))


def _key_neg(key, mods):
    return tuple(-t if m is None else (-t) % m for t, m in zip(key, mods))


_KIND4 = {(True, 0): "mass", (True, 1): "yukawa"}


def _kind(nferm, nscal, majorana, dim):
    if dim > 4:
        return f"d{int(dim)}"
    if nferm:
        if nscal == 0:
            return "majorana" if majorana else "mass"
        return "yukawa"
    return {1: "tadpole", 2: "scalar_mass", 3: "cubic", 4: "quartic"}[nscal]


_PREFIX = {"mass": "M", "majorana": "m", "yukawa": "y", "tadpole": "t", "scalar_mass": "mu2",
           "cubic": "kappa", "quartic": "lambda"}


def _coupling_symbol(kind, op, hermitian):
    pre = _PREFIX.get(kind, "c")
    tag = ",".join(f.field + ("*" if f.conjugate else "") for f in op.factors)
    return sp.Symbol(f"{pre}_{{{tag}}}", real=True) if hermitian else sp.Symbol(f"{pre}_{{{tag}}}")


def allowed_operators(model, max_dim: int = 4, extra_dims=(), *, fields=None,
                      include_potential: bool = True, conditional: str = "keep",
                      four_fermion: bool = True) -> Lagrangian:
    """All operators of ``model`` allowed by Lorentz, gauge and discrete symmetry.

    Parameters
    ----------
    model : Model, or a built-in name or model-file path
        The model.
    max_dim : int
        Every operator up to this mass dimension (default 4: the renormalizable terms).
    extra_dims : iterable of int
        Further dimensions to include *in addition* (e.g. ``(5,)`` for the
        Froggatt–Nielsen term of Eq. (41), ``(6,)`` for Eq. (60)).
    fields : iterable of str or callable, optional
        Only operators built from these fields; a callable ``model -> names`` is
        accepted, e.g. :func:`uncoloured_fields`.
    include_potential : bool
        Also enumerate the scalar potential.
    conditional : {"keep", "drop", "raise"}
        What to do with an operator whose invariance depends on symbolic charges.
    four_fermion : bool
        Also enumerate four-fermion operators (times ``d - 6`` scalars) for every
        requested ``d >= 6`` (default).  ``False`` gives fermion bilinears only.

    Returns
    -------
    Lagrangian
        Fermion terms first (by dimension), then the scalar potential; each term
        with its coupling symbol and count of independent couplings.

    Raises
    ------
    ModelError
        For an unknown ``conditional`` value or field name, a model that cannot be
        loaded, or, with ``conditional="raise"``, an operator whose invariance
        depends on symbolic charges.

    Examples
    --------
    Eq. (46) of the seed paper, the renormalizable Yukawa and mass terms of the
    uncolored fields of the L = -4R model:

    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("tau_l_minus_4r")
    >>> lag = allowed_operators(m, fields=uncoloured_fields, include_potential=False)
    >>> for t in lag: print(t.coupling, t.operator)
    M_{EL*,ER} bar(EL) ER
    y_{l12*,e12,H} bar(l12) e12 H
    y_{l3*,N2,H*} bar(l3) N2 conj(H)
    y_{l3*,ER,H} bar(l3) ER H
    y_{LL*,LR,S1*} bar(LL) LR conj(S1)
    y_{EL*,e3,S5} bar(EL) e3 S5

    The third line is not in Eq. (46): ``ℓ̄³ H̃ N²`` is allowed by Table IV (an erratum,
    see ``docs/operators.rst``).

    Four-fermion operators of the SM with one generation: the 25 + 4 of the Warsaw
    basis (Grzadkowski et al., arXiv:1008.4884, Table 3), counted per field content:

    >>> sm1 = (aa.load_model("sm").replace_field("q", copies=1).replace_field("u", copies=1)
    ...        .replace_field("d", copies=1).replace_field("l", copies=1).replace_field("e", copies=1))
    >>> lag = allowed_operators(sm1, max_dim=0, extra_dims=(6,), include_potential=False)
    >>> ff = [t for t in lag if len(t.flavour) == 4]       # the rest: ψ² H³
    >>> len(ff), sum(t.couplings for t in ff), lag.term("bar(q) q bar(q) q").couplings
    (22, 29, 2)
    """
    if conditional not in ("keep", "drop", "raise"):
        raise ModelError(f"conditional must be 'keep', 'drop' or 'raise', got {conditional!r}")
    if not isinstance(model, Model):
        raise ModelError(f"allowed_operators takes a Model, got {model!r}; load a built-in name or a"
                         " model file with anomalyalgebra.load_model(...) first")
    names = _chosen_fields(model, fields)
    dims = sorted({d for d in range(1, int(max_dim) + 1)} | {int(d) for d in extra_dims})
    search = _Search(model, names, conditional)
    _bilinears(search, dims)
    if four_fermion:
        _four_fermions(search, dims)
    if include_potential:
        _potential(search, dims)
    terms = sorted(search.terms, key=lambda t: (not t.flavour, t.dimension, _term_rank(t, search.order)))
    return Lagrangian(model.name, tuple(terms), int(max_dim), tuple(int(d) for d in extra_dims),
                      tuple(names),
                      notation=tuple((f.name, f.latex, f.is_fermion) for f in model.fields))


# ----------------------------------------------------------- the steps of allowed_operators
def _chosen_fields(model, fields) -> list:
    """The field names the operators are built from, in model order."""
    names = [f.name for f in model.fields]
    if fields is not None:
        chosen = fields(model) if callable(fields) else tuple(fields)
        for n in chosen:
            model.field(n)
        names = [n for n in names if n in set(chosen)]
    return names


class _Search:
    """The state shared by the steps: the fields as factors, the abelian charges (exact
    integer keys when they are numbers), the invariance verdict and the terms found."""

    def __init__(self, model, names, conditional):
        self.model, self.names, self.conditional = model, names, conditional
        self.labels, self.mods, self.charges, _ = _abelian(model)
        self.ferm = [model.field(n) for n in names if model.field(n).is_fermion]
        scal = [model.field(n) for n in names if model.field(n).is_scalar]
        self.order = {n: i for i, n in enumerate(names)}
        self.dotted = sorted([FieldFactor(f.name, True, True) for f in self.ferm if f.chirality == "L"]
                             + [FieldFactor(f.name, False) for f in self.ferm if f.chirality == "R"],
                             key=lambda f: self.order[f.field])
        self.sfac = [FieldFactor(s.name, c) for s in scal for c in (False, True)]
        # exact integer keys of the abelian charges (None: symbolic charges, use the verdict)
        self.keys = _integer_charge_keys(self.labels, self.mods, self.charges)
        self.by_key = {}
        self.terms = []

    def total(self, facs):
        tot = [0] * len(self.labels)
        for f in facs:
            for i, x in enumerate(self.charges[f.field]):
                tot[i] = tot[i] + (-x if f.conjugate else x)
        return tot

    def abelian_verdict(self, facs):
        conds = []
        for m, x in zip(self.mods, self.total(facs)):
            if m is not None:
                if int(x) % m:
                    return False, ()
                continue
            if isinstance(x, Fraction) or isinstance(x, int):
                if x != 0:
                    return False, ()
                continue
            e = sp.expand(x)
            if e == 0:
                continue
            if e.is_number:
                return False, ()
            conds.append(sp.Eq(e, 0))
        return True, tuple(conds)

    def scalar_combos(self, ns, key):
        """The scalar multisets of size ns whose abelian charge total is ``key``, in order."""
        if ns not in self.by_key:
            table = {}
            for ss in combinations_with_replacement(range(len(self.sfac)), ns):
                table.setdefault(_key_total(self.keys, [self.sfac[k] for k in ss], self.mods), []).append(ss)
            self.by_key[ns] = table
        return self.by_key[ns].get(key, ())

    def all_combos(self, ns):
        return combinations_with_replacement(range(len(self.sfac)), ns)

    def consider(self, facs, nferm):
        """Add the term of the factors ``facs`` (the first ``nferm`` fermions) if it is allowed."""
        model, conditional = self.model, self.conditional
        ok, conds = self.abelian_verdict(facs)
        if not ok:
            return
        if conds and conditional == "drop":
            return
        if conds and conditional == "raise":
            raise ModelError(f"operator {Operator(tuple(facs))} of {model.name}: invariance depends on"
                             f" symbolic charges ({', '.join(sp.sstr(c) for c in conds)})")
        op = Operator(tuple(facs))
        simple = [c for c in op.conditions(model) if c.kind == "simple"]
        if any(c.satisfied is False for c in simple):
            return
        n = op.independent_couplings(model)
        if n == 0:
            return
        dim = op.mass_dimension(model)
        nscal = len(facs) - nferm
        majorana = nferm == 2 and facs[0].conjugate == facs[1].conjugate
        kind = _kind(nferm, nscal, majorana, dim)
        herm = op.is_hermitian()
        fl = tuple((f.field, model.field(f.field).copies) for f in facs[:nferm])
        real = herm and all(c == 1 for _, c in fl)    # a flavoured hermitian tensor is not real
        self.terms.append(Term(op, _coupling_symbol(kind, op, real), kind, dim, n, herm, conds, fl))


def _bilinears(search, dims):
    """Fermion bilinears times scalars."""
    keys, mods, sfac, order = search.keys, search.mods, search.sfac, search.order
    dotted = search.dotted
    for d in dims:
        ns = d - 3
        if ns < 0:
            continue
        for i, a in enumerate(dotted):
            for b in dotted[i:]:
                pair = (a, b) if (a.conjugate or not b.conjugate) else (b, a)   # ψ̄_L first
                if a.conjugate and b.conjugate:        # ψ̄ψ̄: write as ψψ (Majorana type)
                    pair = (FieldFactor(a.field, False), FieldFactor(b.field, False))
                if keys is None:
                    combos = search.all_combos(ns)
                else:
                    # only scalar sets that cancel the pair's abelian charges: their total is
                    # minus the pair's (or equal to it when the scalars are conjugated below)
                    pk = _key_total(keys, pair, mods)
                    combos = search.scalar_combos(ns, pk if (a.conjugate and b.conjugate)
                                                  else _key_neg(pk, mods))
                for ss in combos:
                    sc = [sfac[k] for k in ss]
                    if a.conjugate and b.conjugate:
                        sc = [FieldFactor(f.field, not f.conjugate) for f in sc]
                        sc.sort(key=lambda f: (order[f.field], f.conjugate))
                    search.consider(list(pair) + sc, 2)


def _four_fermions(search, dims):
    """Four fermions times scalars (d >= 6), no derivatives."""
    model, keys, mods, sfac, order = search.model, search.keys, search.mods, search.sfac, search.order
    spinors = sorted([FieldFactor(f.name, c, c) for f in search.ferm for c in (True, False)],
                     key=lambda f: (order[f.field], not f.conjugate))
    four_seen = set()
    for d in dims:
        ns = d - 6
        if ns < 0:
            continue
        for fs in combinations_with_replacement(spinors, 4):
            if keys is not None:
                # the scalar sets that can cancel the spinors' abelian charges (none: skip
                # before the Lorentz check; the same verdict as below, only cheaper)
                need = _key_neg(_key_total(keys, fs, mods), mods)
                if not search.scalar_combos(ns, need):
                    continue
            if not Operator(fs).lorentz_scalar(model):
                continue
            if keys is None and not search.abelian_verdict(fs)[0] and not ns:
                continue
            fs = _orient_fermions(fs, model, order)
            if keys is None:
                combos = search.all_combos(ns)
            else:
                # orienting may conjugate all four spinors, which flips their key
                oriented = _key_total(keys, fs, mods)
                combos = search.scalar_combos(ns, _key_neg(oriented, mods))
            for ss in combos:
                facs = list(fs) + [sfac[k] for k in ss]
                op = Operator(tuple(facs))
                k1, k2 = term_key(op), term_key(op.hermitian_conjugate())
                if k1 in four_seen or k2 in four_seen:
                    continue
                four_seen.add(k1)
                search.consider(facs, 4)


def _potential(search, dims):
    """The scalar potential: one orientation of each operator and its conjugate."""
    keys, mods, sfac, order = search.keys, search.mods, search.sfac, search.order
    seen = set()
    for d in dims:
        for ss in search.all_combos(d):
            facs = [sfac[k] for k in ss]
            if keys is not None and any(_key_total(keys, facs, mods)):
                continue     # not abelian-invariant (nor is its conjugate)
            op = Operator(tuple(facs))
            k1, k2 = term_key(op), term_key(op.hermitian_conjugate())
            if k2 in seen or k1 in seen:
                continue
            seen.add(k1)
            # orientation: prefer more unconjugated factors
            nconj = sum(f.conjugate for f in facs)
            if nconj * 2 > len(facs):
                facs = sorted((FieldFactor(f.field, not f.conjugate) for f in facs),
                              key=lambda f: (order[f.field], f.conjugate))
            search.consider(facs, 0)


def _orient_fermions(fs, model, order):
    """The orientation of four spinors written for a term: fewer bars first, then bars on
    the earlier fields (model order), factors sorted by field with the bar first."""
    def arranged(facs):
        return tuple(sorted(facs, key=lambda f: (order[f.field], not f.conjugate)))

    conj = tuple(FieldFactor(f.field, not f.conjugate, not f.conjugate) for f in fs)

    def rank(facs):
        return (sum(f.conjugate for f in facs), sorted(order[f.field] for f in facs if f.conjugate))

    return arranged(min((tuple(fs), conj), key=rank))


def _term_rank(t, order):
    return tuple(order.get(f.field, 0) * 2 + f.conjugate for f in t.operator.factors)
