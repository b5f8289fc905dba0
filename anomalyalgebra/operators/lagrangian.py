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
from dataclasses import dataclass, field as dc_field
from fractions import Fraction
from types import SimpleNamespace
from itertools import combinations_with_replacement
from math import lcm

import sympy as sp

from ..exceptions import ModelError
from ..groups import SimpleFactor, U1, ZN
from ..model import Model
from .operator import FieldFactor, Operator

__all__ = ["Term", "Lagrangian", "allowed_operators", "uncoloured_fields", "uncolored_fields"]


@dataclass(frozen=True)
class Term:
    """One term of the Lagrangian: an operator with its coupling.

    Attributes
    ----------
    operator : Operator
        The operator ``O`` of ``-L ⊃ coupling * O (+ h.c.)``.
    coupling : sympy.Symbol
        The coupling; for fields with copies it carries flavour indices, see
        :meth:`coupling_matrix`.
    kind : str
        ``"mass"`` (fermion bilinear, d = 3), ``"yukawa"`` (bilinear × scalar, d = 4),
        ``"majorana"`` (ψψ, d = 3), ``"scalar_mass"``, ``"tadpole"``, ``"cubic"``,
        ``"quartic"``, or ``"d5"``, ``"d6"``, ... for higher dimension.
    dimension : sympy.Rational
        Mass dimension of the operator.
    couplings : int or None
        Number of independent complex couplings (flavour and gauge multiplicity).
    hermitian : bool
        The operator is its own conjugate (real coupling, no "+ h.c.").
    condition : tuple of sympy.Eq
        Conditions on symbolic charges for the term to be allowed (empty if none).
    flavour : tuple of (str, int)
        ``(field, copies)`` of each fermion factor; empty for a scalar term.
    """

    operator: Operator
    coupling: sp.Symbol
    kind: str
    dimension: object
    couplings: object
    hermitian: bool
    condition: tuple = ()
    flavour: tuple = ()

    @property
    def real_parameters(self):
        """Real parameters of the term: ``couplings`` if hermitian, else ``2 * couplings``.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> lag = allowed_operators(aa.load_model("sm"), max_dim=0, extra_dims=(6,),
        ...                         include_potential=False)
        >>> lag.term("bar(l) l bar(l) l").real_parameters   # Q_ll, three generations
        45
        """
        if self.couplings is None:
            return None
        return self.couplings if self.hermitian else 2 * self.couplings

    @property
    def is_fermionic(self) -> bool:
        return bool(self.flavour)

    def fields(self) -> tuple:
        """Names of the fields of the operator (no repeats, in operator order)."""
        return tuple(dict.fromkeys(self.operator.field_names()))

    def coupling_matrix(self):
        """The coupling as a matrix over the copies of the two fermions (``y_ab``).

        Symmetric when the two fermions are the same field (``N_a N_b``); a 1×1 matrix
        when neither has copies.  For a scalar term, the 1×1 matrix of the coupling.

        Returns
        -------
        sympy.Matrix
            Entries are symbols ``<coupling>_ab`` (1-based copy indices).

        Raises
        ------
        ModelError
            For a term with fermions that is not a bilinear.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> lag = allowed_operators(aa.load_model("tau_l_minus_4r"), fields=uncoloured_fields)
        >>> lag.term("bar(l12) e12 H").coupling_matrix().shape
        (2, 2)
        """
        name = self.coupling.name
        if not self.flavour:
            return sp.Matrix([[self.coupling]])
        if len(self.flavour) != 2:
            raise ModelError(f"term {self.operator}: coupling matrix needs a fermion bilinear")
        (f1, n1), (f2, n2) = self.flavour
        fa, fb = self.operator.factors[:2]
        if f1 == f2 and fa.conjugate == fb.conjugate:
            return sp.Matrix(n1, n2, lambda a, b: sp.Symbol(f"{name}_{min(a, b) + 1}{max(a, b) + 1}"))
        if n1 == n2 == 1:
            return sp.Matrix([[self.coupling]])
        return sp.Matrix(n1, n2, lambda a, b: sp.Symbol(f"{name}_{a + 1}{b + 1}"))

    def __str__(self) -> str:
        tail = "" if self.hermitian else " + h.c."
        cond = "" if not self.condition else "   if " + ", ".join(sp.sstr(c) for c in self.condition)
        return f"{self.coupling} {self.operator}{tail}{cond}"

    def latex(self, model) -> str:
        """LaTeX of the term: coupling, operator and ``+ h.c.`` unless hermitian.

        Parameters
        ----------
        model : Model
            Provides the LaTeX names of the fields.

        Returns
        -------
        str
            Math-mode LaTeX without delimiters.

        Raises
        ------
        ModelError
            If the operator names a field the model does not have.
        """
        tail = "" if self.hermitian else r" + \text{h.c.}"
        return f"{sp.latex(self.coupling)}\\, {self.operator.latex(model)}{tail}"


@dataclass(frozen=True)
class Lagrangian:
    """The allowed operators of a model (immutable).

    ``terms`` holds fermion terms first (in order of dimension), then the scalar
    potential.  ``yukawa`` and ``potential`` split them.  Built by
    :func:`allowed_operators`.

    Attributes
    ----------
    model_name : str
        Name of the model.
    terms : tuple of Term
        The allowed terms.
    max_dim : int
        Every dimension up to this one was enumerated.
    extra_dims : tuple of int
        Further dimensions that were enumerated.
    fields : tuple of str
        The fields the operators were restricted to (empty: all).
    notation : tuple of (str, str, bool)
        ``(name, latex, is_fermion)`` of the model's fields, for rendering without
        the model (not compared).
    """

    model_name: str
    terms: tuple
    max_dim: int = 4
    extra_dims: tuple = ()
    fields: tuple = ()
    #: (name, latex, is_fermion) of the model's fields, for rendering without the model
    notation: tuple = dc_field(default=(), compare=False, repr=False)

    @property
    def yukawa(self) -> tuple:
        """Terms with fermions (masses, Yukawas, higher-dimensional bilinears)."""
        return tuple(t for t in self.terms if t.flavour)

    @property
    def potential(self) -> tuple:
        """Scalar-only terms (the scalar potential)."""
        return tuple(t for t in self.terms if not t.flavour)

    @property
    def operators(self) -> tuple:
        return tuple(t.operator for t in self.terms)

    def of_dimension(self, d) -> "Lagrangian":
        """The terms of mass dimension ``d``.

        Parameters
        ----------
        d : int or sympy.Rational
            The mass dimension.

        Returns
        -------
        Lagrangian
            Same bookkeeping, only those terms.
        """
        return Lagrangian(self.model_name, tuple(t for t in self.terms if t.dimension == d),
                          self.max_dim, self.extra_dims, self.fields, self.notation)

    def renormalisable(self) -> "Lagrangian":
        """The terms of dimension <= 4 (``max_dim`` 4, no extra dimensions)."""
        return Lagrangian(self.model_name, tuple(t for t in self.terms if t.dimension <= 4), 4, (),
                          self.fields, self.notation)

    def renormalizable(self) -> "Lagrangian":
        """Deprecated alias of :meth:`renormalisable` (the package spells British English)."""
        warnings.warn("Lagrangian.renormalizable() is deprecated: use renormalisable()", DeprecationWarning,
                      stacklevel=2)
        return self.renormalisable()

    def with_terms(self, terms) -> "Lagrangian":
        """The same bookkeeping with another tuple of terms (e.g. a filtered one).

        Parameters
        ----------
        terms : iterable of Term
            The new terms.

        Returns
        -------
        Lagrangian
            A new Lagrangian; this one is unchanged.
        """
        return Lagrangian(self.model_name, tuple(terms), self.max_dim, self.extra_dims, self.fields,
                          self.notation)

    def term(self, text) -> Term:
        """The term whose operator is ``text`` (either orientation, any factor order).

        Parameters
        ----------
        text : str or Operator
            The operator, e.g. ``"bar(l) e H"``.

        Returns
        -------
        Term
            The first matching term.

        Raises
        ------
        ModelError
            If the operator does not parse or is not among the terms.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> str(allowed_operators(aa.load_model("sm")).term("conj(H) l bar(e)").coupling)
        'y_{l*,e,H}'
        """
        op = text if isinstance(text, Operator) else Operator.parse(text)
        want = {_key(op), _key(op.hermitian_conjugate())}
        for t in self.terms:
            if _key(t.operator) in want:
                return t
        raise ModelError(f"operator {op} is not among the allowed operators of {self.model_name}")

    def __contains__(self, text) -> bool:
        try:
            self.term(text)
            return True
        except ModelError:
            return False

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def __str__(self) -> str:
        return "\n".join(str(t) for t in self.terms)

    def latex(self, model=None) -> str:
        """``-\\mathcal{L} \\supset ...`` in the model's notation (field LaTeX names).

        Parameters
        ----------
        model : Model, optional
            Provides the LaTeX names of the fields; defaults to the notation
            recorded when the Lagrangian was built.

        Returns
        -------
        str
            Math-mode LaTeX without delimiters.
        """
        view = model if model is not None else _NotationView(self.notation, self.model_name)
        return r"-\mathcal{L} \supset " + " + ".join(t.latex(view) for t in self.terms)

    def _repr_latex_(self) -> str:
        view = _NotationView(self.notation, self.model_name)
        rows = [t.latex(view) for t in self.terms]
        return ("$\\begin{aligned} -\\mathcal{L} \\supset\\ & " + r" \\ & + ".join(rows)
                + "\\end{aligned}$")


class _NotationView:
    """Just enough of a Model for :meth:`Operator.latex`: field LaTeX names and spins."""

    def __init__(self, notation, model_name):
        self._fields = {name: SimpleNamespace(latex=latex, is_fermion=fermion)
                        for name, latex, fermion in notation}
        self._name = model_name

    def field(self, name):
        try:
            return self._fields[name]
        except KeyError:
            return SimpleNamespace(latex=rf"\mathrm{{{name}}}", is_fermion=False)


def _key(op):
    return tuple(sorted((f.field, f.conjugate) for f in op.factors))


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
    names = [f.name for f in model.fields]
    if fields is not None:
        chosen = fields(model) if callable(fields) else tuple(fields)
        for n in chosen:
            model.field(n)
        names = [n for n in names if n in set(chosen)]
    dims = sorted({d for d in range(1, int(max_dim) + 1)} | {int(d) for d in extra_dims})
    labels, mods, charges, _ = _abelian(model)

    def charge(factor):
        v = charges[factor.field]
        return [(-x if factor.conjugate else x) for x in v]

    def total(facs):
        tot = [0] * len(labels)
        for f in facs:
            for i, x in enumerate(charge(f)):
                tot[i] = tot[i] + x
        return tot

    def abelian_verdict(facs):
        conds = []
        for lab, m, x in zip(labels, mods, total(facs)):
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

    ferm = [model.field(n) for n in names if model.field(n).is_fermion]
    scal = [model.field(n) for n in names if model.field(n).is_scalar]
    dotted = ([FieldFactor(f.name, True, True) for f in ferm if f.chirality == "L"]
              + [FieldFactor(f.name, False) for f in ferm if f.chirality == "R"])
    order = {n: i for i, n in enumerate(names)}
    dotted.sort(key=lambda f: order[f.field])
    sfac = []
    for s in scal:
        sfac += [FieldFactor(s.name, False), FieldFactor(s.name, True)]

    terms = []

    def consider(facs, nferm):
        ok, conds = abelian_verdict(facs)
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
        terms.append(Term(op, _coupling_symbol(kind, op, real), kind, dim, n, herm, conds, fl))

    # exact integer keys of the abelian charges (None: symbolic charges, use the verdict)
    keys = _integer_charge_keys(labels, mods, charges)
    by_key = {}

    def scalar_combos(ns, key):
        """The scalar multisets of size ns whose abelian charge total is ``key``, in order."""
        if ns not in by_key:
            table = {}
            for ss in combinations_with_replacement(range(len(sfac)), ns):
                table.setdefault(_key_total(keys, [sfac[k] for k in ss], mods), []).append(ss)
            by_key[ns] = table
        return by_key[ns].get(key, ())

    # fermion bilinears x scalars
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
                    combos = combinations_with_replacement(range(len(sfac)), ns)
                else:
                    # only scalar sets that cancel the pair's abelian charges: their total is
                    # minus the pair's (or equal to it when the scalars are conjugated below)
                    pk = _key_total(keys, pair, mods)
                    combos = scalar_combos(ns, pk if (a.conjugate and b.conjugate)
                                           else _key_neg(pk, mods))
                for ss in combos:
                    sc = [sfac[k] for k in ss]
                    if a.conjugate and b.conjugate:
                        sc = [FieldFactor(f.field, not f.conjugate) for f in sc]
                        sc.sort(key=lambda f: (order[f.field], f.conjugate))
                    consider(list(pair) + sc, 2)

    # four fermions x scalars (d >= 6), no derivatives
    spinors = sorted([FieldFactor(f.name, c, c) for f in ferm for c in (True, False)],
                     key=lambda f: (order[f.field], not f.conjugate))
    four_seen = set()
    for d in (dims if four_fermion else ()):
        ns = d - 6
        if ns < 0:
            continue
        for fs in combinations_with_replacement(spinors, 4):
            if keys is not None:
                # the scalar sets that can cancel the spinors' abelian charges (none: skip
                # before the Lorentz check; the same verdict as below, only cheaper)
                need = _key_neg(_key_total(keys, fs, mods), mods)
                if not scalar_combos(ns, need):
                    continue
            if not Operator(fs).lorentz_scalar(model):
                continue
            if keys is None and not abelian_verdict(fs)[0] and not ns:
                continue
            fs = _orient_fermions(fs, model, order)
            if keys is None:
                combos = combinations_with_replacement(range(len(sfac)), ns)
            else:
                # orienting may conjugate all four spinors, which flips their key
                oriented = _key_total(keys, fs, mods)
                combos = scalar_combos(ns, _key_neg(oriented, mods))
            for ss in combos:
                facs = list(fs) + [sfac[k] for k in ss]
                op = Operator(tuple(facs))
                k1, k2 = _key(op), _key(op.hermitian_conjugate())
                if k1 in four_seen or k2 in four_seen:
                    continue
                four_seen.add(k1)
                consider(facs, 4)

    # scalar potential
    if include_potential:
        seen = set()
        for d in dims:
            for ss in combinations_with_replacement(range(len(sfac)), d):
                facs = [sfac[k] for k in ss]
                if keys is not None and any(_key_total(keys, facs, mods)):
                    continue     # not abelian-invariant (nor is its conjugate)
                op = Operator(tuple(facs))
                k1, k2 = _key(op), _key(op.hermitian_conjugate())
                if k2 in seen or k1 in seen:
                    continue
                seen.add(k1)
                # orientation: prefer more unconjugated factors
                nconj = sum(f.conjugate for f in facs)
                if nconj * 2 > len(facs):
                    facs = sorted((FieldFactor(f.field, not f.conjugate) for f in facs),
                                  key=lambda f: (order[f.field], f.conjugate))
                consider(facs, 0)

    terms.sort(key=lambda t: (not t.flavour, t.dimension, _term_rank(t, order)))
    return Lagrangian(model.name, tuple(terms), int(max_dim), tuple(int(d) for d in extra_dims),
                      tuple(names),
                      notation=tuple((f.name, f.latex, f.is_fermion) for f in model.fields))


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
