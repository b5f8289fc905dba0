"""Operators: products of fields and conjugate fields, and their invariance conditions.

An operator is a product of field factors, each either the field or its conjugate.
The string form used in notebooks and model files is a space-separated product::

    "bar(LL) LR conj(S)"          # the Yukawa term of Eq. (29): L̄_L L_R S*
    "bar(l3) ER S"                # Eq. (40), first term
    "conj(S5) S1^5"               # a power: S1 five times (footnote 6)
    "N1 N1"                       # a Majorana-type bilinear of a right-handed field

``bar(F)`` (Dirac bar of a fermion) and ``conj(F)`` (complex conjugate of a scalar) both
put the field in the conjugate representation; ``F^k`` repeats a factor.  ``F^dag`` and
``F^*`` are accepted as synonyms of ``conj(F)``/``bar(F)``.

For every factor of the model, :meth:`Operator.conditions` gives what invariance
requires: a linear equation in the charges for a U(1), a congruence for Z_N, and the
multiplicity of the singlet for a simple factor (from
:func:`anomalyalgebra.algebra.singlet_multiplicity`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field as dc_field

import sympy as sp

from ..exceptions import ModelError
from ..groups import SimpleFactor, U1, ZN

__all__ = ["FieldFactor", "Operator", "Condition", "count_couplings", "parse_operator"]


@dataclass(frozen=True)
class FieldFactor:
    """One factor of an operator: a field, conjugated or not.

    Parameters
    ----------
    field : str
        Field name.
    conjugate : bool, optional
        The conjugate field (``bar(F)`` or ``conj(F)``).
    bar : bool, optional
        Spelling only: print ``bar(F)`` instead of ``conj(F)``; not part of equality.
    """

    field: str
    conjugate: bool = False
    #: spelling only (``bar`` for fermions, ``conj`` for scalars); not part of equality
    bar: bool = dc_field(default=False, compare=False)

    def __str__(self) -> str:
        if not self.conjugate:
            return self.field
        return f"bar({self.field})" if self.bar else f"conj({self.field})"


@dataclass(frozen=True)
class Condition:
    """What invariance under one group factor requires of an operator.

    Attributes
    ----------
    label : str
        The group label.
    kind : {"u1", "zn", "simple"}
    expr : sympy.Expr
        The total charge (U(1), Z_N) or the singlet multiplicity (simple factor).
    modulus : int or None
        N for a Z_N factor.
    """

    label: str
    kind: str
    expr: object
    modulus: int | None = None

    @property
    def equation(self):
        """For a U(1): the sympy equation ``total charge = 0``."""
        if self.kind != "u1":
            raise ModelError(f"condition of '{self.label}' ({self.kind}) is not a U(1) equation")
        return sp.Eq(self.expr, 0)

    @property
    def satisfied(self):
        """True/False when decidable, ``None`` when it depends on unknown symbols."""
        if self.kind == "u1":
            e = sp.simplify(self.expr)
            return True if e == 0 else (False if e.is_number else None)
        if self.kind == "zn":
            e = sp.sympify(self.expr)
            if e.is_Integer:
                return int(e) % self.modulus == 0
            return None
        e = self.expr
        if e is None:
            return None
        return bool(e > 0)

    def __str__(self) -> str:
        if self.kind == "u1":
            return f"{self.label}: {sp.sstr(self.expr)} = 0"
        if self.kind == "zn":   # a number is shown reduced (0..N-1), an expression as it is
            e = sp.sympify(self.expr)
            text = str(int(e) % self.modulus) if e.is_Integer else sp.sstr(e)
            return f"{self.label}: {text} = 0 mod {self.modulus}"
        return f"{self.label}: {self.expr} singlet(s)"


_TOKEN = re.compile(
    r"^(?:(?P<wrap>bar|conj)\(\s*(?P<inner>[A-Za-z_]\w*)\s*\)|(?P<name>[A-Za-z_]\w*)(?P<suffix>\^dag|\^\*|\*)?)"
    r"(?:\^(?P<power>\d+))?$"
)


@dataclass(frozen=True)
class Operator:
    """A product of fields and conjugate fields.

    Parameters
    ----------
    factors : tuple of FieldFactor or tuple of (str, bool)
        The factors in order; pairs are converted to :class:`FieldFactor`.  Build
        operators from text with :meth:`parse`.

    Raises
    ------
    ModelError
        If there is no factor.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("anomalon_nplet")
    >>> op = Operator.parse("bar(LL) LR conj(S)")
    >>> str(op)
    'bar(LL) LR conj(S)'
    >>> [str(c) for c in op.conditions(m)]
    ['SU3c: 1 singlet(s)', 'SU2L: 1 singlet(s)', 'Y: 0 = 0', 'X: -X_LL + X_LR - X_S = 0']
    >>> op.u1_equations(m)
    [Eq(-X_LL + X_LR - X_S, 0)]
    """

    factors: tuple

    def __post_init__(self):
        facs = tuple(f if isinstance(f, FieldFactor) else FieldFactor(*f) for f in self.factors)
        if not facs:
            raise ModelError("an operator needs at least one field")
        object.__setattr__(self, "factors", facs)

    @classmethod
    def parse(cls, text: str) -> "Operator":
        """Read the string form (see the module documentation); same as :func:`parse_operator`.

        Parameters
        ----------
        text : str
            E.g. ``"bar(LL) LR conj(S)"``.

        Returns
        -------
        Operator
            The operator.

        Raises
        ------
        ModelError
            On text that is not a product of ``NAME``, ``bar(NAME)``, ``conj(NAME)``,
            ``NAME^*``, ``NAME^dag`` with optional powers ``^k``.
        """
        return parse_operator(text)

    # -------------------------------------------------------------- structure
    def field_names(self) -> tuple:
        """The field name of every factor, in order (repeats kept)."""
        return tuple(f.field for f in self.factors)

    def check_fields(self, model):
        """Check that every factor names a field of ``model``.

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.
        """
        for f in self.factors:
            model.field(f.field)

    def fermions(self, model) -> tuple:
        """The fermion factors.

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        tuple of FieldFactor
            In operator order.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.
        """
        return tuple(f for f in self.factors if model.field(f.field).is_fermion)

    def scalars(self, model) -> tuple:
        """The scalar factors.

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        tuple of FieldFactor
            In operator order.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.
        """
        return tuple(f for f in self.factors if model.field(f.field).is_scalar)

    def mass_dimension(self, model):
        """Canonical mass dimension: 3/2 per fermion, 1 per scalar.

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        sympy.Rational
            The dimension.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> Operator.parse("l l H H").mass_dimension(aa.load_model("sm"))
        5
        """
        self.check_fields(model)
        return sum((sp.Rational(3, 2) if model.field(f.field).is_fermion else sp.Integer(1))
                   for f in self.factors)

    def lorentz_scalar(self, model) -> bool:
        """Whether the fermions can be contracted into a Lorentz scalar without derivatives.

        Every spinor is undotted (a left-handed field or the bar of a right-handed one)
        or dotted (a right-handed field or the bar of a left-handed one); ``(1/2)^⊗n``
        of ``SU(2)`` contains a singlet iff ``n`` is even, so both numbers must be even.
        For a bilinear this is "same index type" (Dirac ψ̄_L ψ_R, Majorana ψ_R ψ_R); for
        four fermions it allows ``(ψ̄γ^μψ)(χ̄γ_μχ)``, ``(ψ̄_Lχ_R)(ξ̄_Lη_R)``, ``ψψχχ``.

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        bool
            True when both numbers of spinor indices are even.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> sm = aa.load_model("sm")
        >>> Operator.parse("bar(l) l bar(e) e").lorentz_scalar(sm)    # (L̄L)(R̄R)
        True
        >>> Operator.parse("bar(l) l bar(l) e").lorentz_scalar(sm)    # three dotted, one undotted
        False
        """
        fs = self.fermions(model)
        dotted = sum(_dotted(model, f) for f in fs)
        return dotted % 2 == 0 and (len(fs) - dotted) % 2 == 0

    def hermitian_conjugate(self) -> "Operator":
        """The operator with every factor conjugated (``bar(l) e H`` -> ``l bar(e) conj(H)``)."""
        return Operator(tuple(FieldFactor(f.field, not f.conjugate, f.bar) for f in self.factors))

    # -------------------------------------------------------------- invariance
    def conditions(self, model) -> list:
        """What invariance under each group factor requires, in the model's order.

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        list of Condition
            A linear expression in the charges (U(1)), the total charge mod N (Z_N), or
            the singlet multiplicity (simple factor; ``None`` when it depends on a
            symbolic dimension).

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.
        """
        self.check_fields(model)
        out = []
        for label, g in model.groups:
            reps = []
            for f in self.factors:
                rep = model.field(f.field).rep(label)
                reps.append(g.conjugate(rep) if f.conjugate else rep)
            if isinstance(g, U1):
                out.append(Condition(label, "u1", sp.expand(sum(reps, sp.Integer(0)))))
            elif isinstance(g, ZN):
                total = sum(int(r) for r in reps)
                out.append(Condition(label, "zn", sp.Integer(total % g.n), g.n))
            else:
                out.append(Condition(label, "simple", _singlets(g, reps)))
        return out

    def u1_equations(self, model) -> list:
        """The linear equations that U(1) invariance imposes, trivial ones dropped.

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        list of sympy.Eq
            ``total charge = 0`` per U(1) factor with a non-zero total.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.
        """
        return [c.equation for c in self.conditions(model) if c.kind == "u1" and sp.expand(c.expr) != 0]

    def is_invariant(self, model):
        """Whether the operator is invariant under every group factor of the model.

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        bool or None
            ``None`` when it depends on unknown symbolic charges or dimensions.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.
        """
        verdicts = [c.satisfied for c in self.conditions(model)]
        if any(v is False for v in verdicts):
            return False
        if any(v is None for v in verdicts):
            return None
        return True

    def is_allowed(self, model):
        """Gauge/discrete invariant, a Lorentz scalar, and non-zero after exchange symmetry.

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        bool or None
            ``None`` when it depends on unknown symbolic charges or dimensions.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> sm = aa.load_model("sm")
        >>> Operator.parse("H H conj(H) conj(H)").is_allowed(sm)
        True
        >>> Operator.parse("bar(l) e H").is_allowed(sm), Operator.parse("l e").is_allowed(sm)
        (True, False)
        """
        if not self.lorentz_scalar(model):
            return False
        inv = self.is_invariant(model)
        if inv is False:
            return False
        n = self.independent_couplings(model)
        if n == 0:
            return False
        if inv is None or n is None:
            return None
        return True

    def independent_couplings(self, model):
        """Number of independent complex couplings, flavour and exchange symmetry included.

        Identical scalars are symmetrised; identical Weyl fermions are antisymmetrised
        (Fermi statistics) in Lorentz ⊗ gauge ⊗ flavour, with the Lorentz group
        ``SU(2)_l × SU(2)_r`` explicit, so Fierz identities of four-fermion operators are
        built in.  The copies of a field give flavour indices.  Abelian conditions are
        *not* imposed here (see :meth:`conditions`).

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        int or None
            The count; ``None`` if a representation has a symbolic dimension.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> m = aa.load_model("tau_l_minus_4r")
        >>> Operator.parse("bar(l12) e12 H").independent_couplings(m)   # y_ab, a,b = 1,2
        4
        >>> Operator.parse("N1 N1").independent_couplings(m)
        1
        >>> sm = aa.load_model("sm")
        >>> Operator.parse("bar(l) l bar(l) l").independent_couplings(sm)   # Q_ll, Fierz included
        45
        """
        return count_couplings(self, model)

    def is_hermitian(self) -> bool:
        """Whether the operator equals its hermitian conjugate (as a multiset of factors)."""
        return _key(self) == _key(self.hermitian_conjugate())

    def canonical(self) -> "Operator":
        """The factors sorted into a fixed order (bars first, then fields, scalars last)."""
        return Operator(tuple(sorted(self.factors, key=_sort_key)))

    def structure(self, model) -> str:
        """The kind of operator as far as fermion masses are concerned.

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        str
            ``"dirac"`` (ψ̄ χ), ``"majorana"`` (ψ χ or ψ̄ χ̄), ``"four_fermion"``,
            ``"scalar"`` (no fermion) or ``"other"``.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.
        """
        fs = self.fermions(model)
        if not fs:
            return "scalar"
        if len(fs) == 2 and self.lorentz_scalar(model):
            return "dirac" if fs[0].conjugate != fs[1].conjugate else "majorana"
        if len(fs) == 4 and self.lorentz_scalar(model):
            return "four_fermion"
        return "other"

    # -------------------------------------------------------------- printing
    def __str__(self) -> str:
        parts = []
        i = 0
        facs = self.factors
        while i < len(facs):
            j = i
            while j < len(facs) and facs[j] == facs[i] and facs[j].bar == facs[i].bar:
                j += 1
            count = j - i
            f = facs[i]
            parts.append(str(f) + (f"^{count}" if count > 1 else ""))
            i = j
        out = " ".join(parts)
        return out

    def latex(self, model) -> str:
        r"""LaTeX of the product in the model's field names (``\bar{\mathcal{L}}_L ...``).

        Parameters
        ----------
        model : Model
            The model whose fields the operator names.

        Returns
        -------
        str
            Math-mode LaTeX without delimiters; fermion conjugates are overlined, scalar
            conjugates starred.

        Raises
        ------
        ModelError
            If a factor names a field the model does not have.
        """
        parts = []
        for f in self.factors:
            fld = model.field(f.field)
            name = fld.latex
            if f.conjugate:
                name = rf"\overline{{{name}}}" if fld.is_fermion else rf"{{{name}}}^*"
            parts.append(name)
        return " ".join(parts)


def _sort_key(f):
    return (not f.conjugate, f.field)


def _key(op):
    return tuple(sorted((f.field, f.conjugate) for f in op.factors))


def count_couplings(op, model):
    """Independent couplings of ``op`` (see :meth:`Operator.independent_couplings`).

    Parameters
    ----------
    op : Operator
        The operator.
    model : Model
        The model whose fields the operator names.

    Returns
    -------
    int or None
        The count; ``None`` if a representation has a symbolic dimension.

    Raises
    ------
    ModelError
        If a factor names a field the model does not have.
    """
    from ..algebra import SymbolicSU2Irrep

    op.check_fields(model)
    groups = {}
    for f in op.factors:
        k = (f.field, f.conjugate)
        groups[k] = groups.get(k, 0) + 1
    keys = list(groups)
    ks = [groups[k] for k in keys]
    copies = [model.field(k[0]).copies for k in keys]
    factors = []
    for label, g in model.groups:
        if not isinstance(g, SimpleFactor):
            continue
        labels = []
        for name, conj in keys:
            rep = model.field(name).rep(label)
            if isinstance(rep, SymbolicSU2Irrep):
                reps = [model.field(n).rep(label) for n, _ in keys]
                nontriv = [r for r in reps if not g.is_trivial(r)]
                if len(keys) == 2 and ks == [1, 1] and len(nontriv) == 2 \
                        and nontriv[0] == nontriv[1].conjugate:
                    labels = None
                    break
                return None
            rep = g.conjugate(rep) if conj else rep
            labels.append(tuple(rep.labels))
        if labels is None:      # r-bar x r with symbolic r: one singlet, no exchange issue
            continue
        if all(not any(l) for l in labels):
            continue
        factors.append((g.algebra, tuple(labels)))
    fermionic = [model.field(name).is_fermion for name, _ in keys]
    if any(fermionic):
        # Lorentz SU(2)_l x SU(2)_r: undotted (1/2, 0), dotted (0, 1/2); Grassmann -> Λ^k
        dotted = [fermionic[i] and _dotted(model, FieldFactor(*keys[i])) for i in range(len(keys))]
        factors.append((_LORENTZ, tuple((int(f and not d),) for f, d in zip(fermionic, dotted))))
        factors.append((_LORENTZ, tuple((int(d),) for d in dotted)))
    from .invariants import count_invariants

    return count_invariants(ks, factors, copies, fermionic)


def _lorentz_su2():
    from ..algebra import lie_algebra

    return lie_algebra("SU(2)")


_LORENTZ = _lorentz_su2()


def _dotted(model, factor) -> bool:
    chir = model.field(factor.field).chirality
    return (chir == "R") != factor.conjugate


def _singlets(group: SimpleFactor, reps):
    from ..algebra import SymbolicSU2Irrep, singlet_multiplicity

    nontrivial = [r for r in reps if not group.is_trivial(r)]
    if not nontrivial:
        return sp.Integer(1)
    if any(isinstance(r, SymbolicSU2Irrep) for r in nontrivial):
        if len(nontrivial) == 2 and nontrivial[0] == nontrivial[1].conjugate:
            return sp.Integer(1)    # r-bar x r always contains exactly one singlet
        return None                 # depends on the value of the symbolic dimension
    return sp.Integer(singlet_multiplicity(*nontrivial))


def parse_operator(text: str) -> Operator:
    """Read ``"bar(LL) LR conj(S)"``-style text into an :class:`Operator`.

    Parameters
    ----------
    text : str
        A space-separated product of ``NAME``, ``bar(NAME)``, ``conj(NAME)``,
        ``NAME^*`` or ``NAME^dag``, each optionally followed by ``^k``.

    Returns
    -------
    Operator
        The factors in the order written, powers expanded.

    Raises
    ------
    ModelError
        On an empty text or a token that is not one of the forms above.

    Examples
    --------
    >>> str(parse_operator("conj(S5)  S1^5"))
    'conj(S5) S1^5'
    >>> parse_operator("LL + LR")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelError: operator 'LL + LR': cannot read '+' (write fields as NAME, bar(NAME), conj(NAME), optionally ^k)
    """
    if not isinstance(text, str) or not text.strip():
        raise ModelError(f"an operator is a non-empty string such as 'bar(LL) LR conj(S)', got {text!r}")
    factors = []
    for tok in re.sub(r"\(\s*", "(", re.sub(r"\s*\)", ")", text)).split():
        m = _TOKEN.match(tok)
        if not m:
            raise ModelError(
                f"operator {text!r}: cannot read {tok!r} (write fields as NAME, bar(NAME),"
                " conj(NAME), optionally ^k)"
            )
        if m.group("wrap"):
            f = FieldFactor(m.group("inner"), True, m.group("wrap") == "bar")
        else:
            f = FieldFactor(m.group("name"), bool(m.group("suffix")))
        power = int(m.group("power") or 1)
        if power < 1:
            raise ModelError(f"operator {text!r}: power of {tok!r} must be >= 1")
        factors.extend([f] * power)
    return Operator(tuple(factors))
