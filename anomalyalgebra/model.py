"""Fields and models: immutable records of gauge factors and chiral fields.

A :class:`Model` is a tuple of labelled group factors, in the order the user chose
(the column order of the paper's tables), plus a tuple of :class:`Field` records.
Both are frozen; every operation that changes something (substituting symbols,
removing or adding fields) returns a new model.

Fields are listed exactly as the paper's tables list them: a Weyl fermion is
left-handed (Lorentz ``(1/2, 0)``, chirality ``"L"``) or right-handed (``(0, 1/2)``,
``"R"``) with its own representations; nothing is converted to a left-handed basis
behind the user's back.  A complex scalar has spin 0 and no chirality.
"""

from __future__ import annotations

import numbers

import re
from fractions import Fraction
from dataclasses import dataclass, field as dc_field, replace
from typing import Iterable, Mapping

import sympy as sp

from .exceptions import ModelError
from .groups import GroupFactor, SimpleFactor, U1, ZN, parse_group

__all__ = ["Field", "Model", "fermion", "scalar", "GRAVITY", "parse_electric_charge",
           "electric_charge_text"]

#: The label that stands for gravity in :func:`anomalyalgebra.anomaly_trace`.
GRAVITY = "grav"

_LABEL_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\Z")   # \Z: "$" would accept a final newline
_HALF = sp.Rational(1, 2)


@dataclass(frozen=True)
class Field:
    """A Weyl fermion or a complex scalar, with one representation per group label.

    Parameters
    ----------
    name : str
        Identifier used in code and model files (``"l3"``).
    spin : sympy.Rational
        ``1/2`` for a Weyl fermion, ``0`` for a complex scalar.
    chirality : {"L", "R", None}
        Chirality of a fermion as listed in the paper's tables; ``None`` for scalars.
    reps : tuple of (label, representation)
        Representation under each group factor, in the model's group order.
    copies : int
        Number of identical copies (generations).
    latex : str
        LaTeX name, e.g. ``r"\\ell_L^3"``.
    """

    name: str
    spin: sp.Rational
    chirality: str | None
    reps: tuple
    copies: int = 1
    latex: str = ""

    def __post_init__(self):
        if not isinstance(self.name, str) or not _LABEL_RE.match(self.name):
            raise ModelError(f"field name {self.name!r} must be an identifier (letters, digits, _)")
        spin = sp.Rational(self.spin)
        object.__setattr__(self, "spin", spin)
        if spin == _HALF:
            if self.chirality not in ("L", "R"):
                raise ModelError(
                    f"field '{self.name}': a Weyl fermion needs chirality \"L\" or \"R\","
                    f" got {self.chirality!r}"
                )
        elif spin == 0:
            if self.chirality is not None:
                raise ModelError(
                    f"field '{self.name}': a scalar has no chirality (got {self.chirality!r})"
                )
        else:
            raise ModelError(
                f"field '{self.name}': spin must be 1/2 (Weyl fermion) or 0 (complex scalar),"
                f" got {self.spin!r}"
            )
        if isinstance(self.copies, bool) or not isinstance(self.copies, int) or self.copies < 1:
            raise ModelError(f"field '{self.name}': copies must be a positive integer, got {self.copies!r}")
        object.__setattr__(self, "reps", tuple((str(k), v) for k, v in self.reps))
        if not self.latex:
            object.__setattr__(self, "latex", self.name)

    @property
    def is_fermion(self) -> bool:
        return self.spin == _HALF

    @property
    def is_scalar(self) -> bool:
        return self.spin == 0

    @property
    def rep_map(self) -> dict:
        return dict(self.reps)

    def rep(self, label: str):
        """The representation under the factor ``label``."""
        for k, v in self.reps:
            if k == label:
                return v
        raise ModelError(f"field '{self.name}' has no representation under '{label}'")

    def _latex(self, printer=None) -> str:
        return self.latex

    def __str__(self) -> str:
        return self.name


def fermion(name, chirality, reps: Mapping, *, copies=1, latex="") -> Field:
    """Shorthand for a Weyl fermion; ``reps`` maps labels to representations.

    Representations are given as objects (irreps, sympy expressions, integers) or as
    the same strings a model file uses; :meth:`Model.build` reads the strings.
    """
    return Field(name, _HALF, chirality, tuple(reps.items()), copies, latex)


def scalar(name, reps: Mapping, *, copies=1, latex="") -> Field:
    """Shorthand for a complex scalar."""
    return Field(name, sp.Integer(0), None, tuple(reps.items()), copies, latex)


@dataclass(frozen=True)
class Model:
    """An immutable model: labelled group factors plus fields.

    Build one with :meth:`Model.build` (which reads representation strings) or load a
    model file with :func:`anomalyalgebra.load_model`.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> sm = aa.load_model("sm")
    >>> [label for label, _ in sm.groups]
    ['SU3c', 'SU2L', 'Y']
    >>> sm.charge("e", "Y"), [f.name for f in sm.without("e").fermions]
    (-1, ['q', 'u', 'd', 'l'])

    The physics is in functions over the model (as in networkx), e.g.
    :func:`anomalyalgebra.anomaly_trace`:

    >>> aa.anomaly_trace(sm, "Y", "Y", "Y"), aa.anomaly_trace(sm.without("e"), "Y", "Y", "Y")
    (0, -3)
    """

    name: str
    groups: tuple
    fields: tuple
    symbols: tuple = ()
    symbol_latex: tuple = ()
    description: str = ""
    electric_charge: tuple = ()
    _index: dict = dc_field(default=None, compare=False, hash=False, repr=False)

    # ------------------------------------------------------------------ building
    def __post_init__(self):
        groups = tuple((str(k), g) for k, g in self.groups)
        object.__setattr__(self, "groups", groups)
        object.__setattr__(self, "fields", tuple(self.fields))
        object.__setattr__(self, "symbols", tuple(self.symbols))
        object.__setattr__(self, "symbol_latex", tuple(self.symbol_latex))
        labels = [k for k, _ in groups]
        for label, g in groups:
            if not _LABEL_RE.match(label):
                raise ModelError(f"model '{self.name}': group label {label!r} must be an identifier")
            if label == GRAVITY:
                raise ModelError(f"model '{self.name}': '{GRAVITY}' is reserved for gravity")
            if not isinstance(g, GroupFactor):
                raise ModelError(f"model '{self.name}': group '{label}' is not a group factor: {g!r}")
        dup = {x for x in labels if labels.count(x) > 1}
        if dup:
            raise ModelError(f"model '{self.name}': group label(s) {sorted(dup)} used twice")
        names = [f.name for f in self.fields]
        dup = {x for x in names if names.count(x) > 1}
        if dup:
            raise ModelError(f"model '{self.name}': field name(s) {sorted(dup)} used twice")
        object.__setattr__(self, "electric_charge", _check_electric_charge(
            self.name, groups, self.electric_charge))
        ordered = []
        for f in self.fields:
            if not isinstance(f, Field):
                raise ModelError(f"model '{self.name}': {f!r} is not a Field")
            have = f.rep_map
            missing = [k for k in labels if k not in have]
            extra = [k for k in have if k not in labels]
            if missing or extra:
                parts = []
                if missing:
                    parts.append(f"no representation given for {missing}")
                if extra:
                    parts.append(f"unknown group label(s) {extra} (groups: {labels})")
                raise ModelError(f"model '{self.name}', field '{f.name}': " + "; ".join(parts))
            ordered.append(replace(f, reps=tuple((k, have[k]) for k in labels)))
        object.__setattr__(self, "fields", tuple(ordered))
        object.__setattr__(self, "_index", {f.name: f for f in ordered})

    @classmethod
    def build(cls, name: str, groups, fields: Iterable[Field], *, symbols=(), description="",
              symbol_latex=(), electric_charge=()):
        """Build a model, reading group and representation strings.

        Parameters
        ----------
        name : str
            The model's name.
        groups : mapping or sequence of (label, group)
            Group factors in table-column order; each group is a
            :class:`~anomalyalgebra.groups.GroupFactor` or a string like ``"SU(3)"``.
        fields : iterable of Field
            Fields whose representations may be strings (``"3bar"``, ``"-1/2"``,
            ``"alpha_L"``) or already-built objects.
        symbols : iterable of sympy.Symbol
            Symbols that charge strings may use.
        electric_charge : str or mapping, optional
            The electric charge as text (``"T3(SU2L) + Y"``, see
            :func:`parse_electric_charge`) or a mapping ``{label: coefficient}`` (a U(1)
            label stands for its charge, an SU(2) label for its T3).

        Examples
        --------
        >>> from anomalyalgebra.model import Model, fermion
        >>> m = Model.build("toy", {"SU2L": "SU(2)", "X": "U(1)"},
        ...                 [fermion("psi", "L", {"SU2L": "2", "X": "1"})])
        >>> m.field("psi").rep("SU2L"), m.charge("psi", "X")
        (Irrep('SU(2)', '2'), 1)
        """
        pairs = list(groups.items()) if isinstance(groups, Mapping) else list(groups)
        factors = tuple((label, g if isinstance(g, GroupFactor) else parse_group(g)) for label, g in pairs)
        symbols = tuple(symbols)
        by_name = {s.name: s for s in symbols}
        gmap = dict(factors)
        built = []
        for f in fields:
            reps = []
            for label, rep in f.reps:
                g = gmap.get(label)
                if g is not None and isinstance(rep, (str, int)) and not isinstance(rep, bool):
                    rep = _read_rep(g, rep, by_name, name, f.name, label)
                elif g is not None and isinstance(g, U1):
                    if isinstance(rep, float):
                        raise ModelError(
                            f"model '{name}', field '{f.name}', group '{label}': charge {rep!r} is"
                            " a floating-point number; give it exactly (\"1/3\", Rational(1, 3))")
                    rep = sp.Rational(rep.numerator, rep.denominator) if isinstance(rep, Fraction) \
                        else sp.sympify(rep)
                reps.append((label, rep))
            built.append(replace(f, reps=tuple(reps)))
        if isinstance(electric_charge, str):
            electric_charge = parse_electric_charge(factors, electric_charge)
        elif isinstance(electric_charge, Mapping):
            electric_charge = tuple(electric_charge.items())
        return cls(name, factors, tuple(built), symbols, tuple(symbol_latex), description,
                   tuple(electric_charge))

    # ------------------------------------------------------------------ access
    @property
    def labels(self) -> tuple:
        """Group labels in the model's order."""
        return tuple(k for k, _ in self.groups)

    @property
    def gauge_labels(self) -> tuple:
        """Labels of the gauged factors, in the model's order.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> aa.load_model("tau_l_only").gauge_labels
        ('SU3c', 'SU2L', 'Y', 'X')
        """
        return tuple(k for k, g in self.groups if g.gauged)

    @property
    def global_labels(self) -> tuple:
        """Labels of the global (not gauged) factors, in the model's order.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> aa.load_model("tau_l_only").global_labels
        ('Z2A', 'Z2tau')
        """
        return tuple(k for k, g in self.groups if not g.gauged)

    def group(self, label: str) -> GroupFactor:
        """The group factor with this label."""
        for k, g in self.groups:
            if k == label:
                return g
        raise ModelError(f"model '{self.name}' has no group labelled {label!r} (groups: {list(self.labels)})")

    def field(self, name: str) -> Field:
        """The field with this name."""
        try:
            return self._index[name]
        except KeyError:
            raise ModelError(
                f"model '{self.name}' has no field {name!r} (fields: {[f.name for f in self.fields]})"
            ) from None

    @property
    def fermions(self) -> tuple:
        return tuple(f for f in self.fields if f.is_fermion)

    @property
    def scalars(self) -> tuple:
        return tuple(f for f in self.fields if f.is_scalar)

    def symbol(self, name: str) -> sp.Symbol:
        """The declared symbol with this name (with its assumptions)."""
        for s in self.symbols:
            if s.name == name:
                return s
        raise ModelError(
            f"model '{self.name}' declares no symbol {name!r} (symbols: {[s.name for s in self.symbols]})"
        )

    def charge(self, field: str, label: str):
        """The representation (charge, for a U(1)) of ``field`` under ``label``."""
        self.group(label)
        return self.field(field).rep(label)

    @property
    def free_symbols(self) -> set:
        """Symbols that still appear in some representation."""
        out = set()
        for f in self.fields:
            for label, rep in f.reps:
                g = self.group(label)
                if isinstance(g, U1):
                    out |= sp.sympify(rep).free_symbols
                elif isinstance(g, SimpleFactor) and hasattr(rep, "free_symbols"):
                    out |= rep.free_symbols
        return out

    # ------------------------------------------------------------------ new models
    def _with(self, **changes) -> "Model":
        data = {
            "name": self.name,
            "groups": self.groups,
            "fields": self.fields,
            "symbols": self.symbols,
            "symbol_latex": self.symbol_latex,
            "description": self.description,
            "electric_charge": self.electric_charge,
        }
        data.update(changes)
        return Model(**data)

    def subs(self, mapping=None, **kwargs) -> "Model":
        """Substitute symbols in every representation; returns a new model.

        Keys may be symbols or symbol names; values are exact (int, Fraction, sympy
        expression, or text read by :func:`~anomalyalgebra.expr.parse_expression`): a
        float raises :class:`ModelError`, as in model files.  Substituted symbols that
        no longer appear are dropped from :attr:`symbols`.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> m = aa.load_model("sm_x_tau").subs(alpha_L=4, alpha_R=-1)
        >>> m.charge("l3", "X"), m.charge("e3", "X")
        (4, -1)
        """
        mapping = dict(mapping or {})
        mapping.update(kwargs)
        names = {s.name: s for s in self.symbols}
        resolved = {}
        for k, v in mapping.items():
            if isinstance(k, str):
                if k not in names:
                    raise ModelError(f"model '{self.name}' declares no symbol {k!r} (symbols: {sorted(names)})")
                k = names[k]
            if isinstance(v, str):       # text goes through the model-file parser, never sympify
                from .expr import parse_expression

                v = parse_expression(v, names)
            elif isinstance(v, numbers.Rational) and not isinstance(v, bool):
                v = sp.Rational(v.numerator, v.denominator)
            if not isinstance(v, sp.Basic) or v.has(sp.Float):
                raise ModelError(
                    f"model '{self.name}': value {v!r} for {k.name!r} is not exact; give an int,"
                    " a Fraction, a sympy expression or text such as \"1/2\" (floats are refused,"
                    " as in model files)")
            resolved[k] = v
        fields = []
        for f in self.fields:
            reps = tuple((label, self.group(label).subs(rep, resolved)) for label, rep in f.reps)
            fields.append(replace(f, reps=reps))
        new = self._with(fields=tuple(fields))
        remaining = new.free_symbols
        keep = tuple(s for s in self.symbols if s not in resolved or s in remaining)
        return new._with(symbols=keep)

    def without(self, *names: str) -> "Model":
        """A copy without the named fields."""
        for n in names:
            self.field(n)
        return self._with(fields=tuple(f for f in self.fields if f.name not in names))

    def with_fields(self, *fields: Field) -> "Model":
        """A copy with extra fields (representation strings are read)."""
        extra = Model.build(self.name, self.groups, fields, symbols=self.symbols).fields
        return self._with(fields=self.fields + extra)

    def replace_field(self, name: str, **changes) -> "Model":
        """A copy with one field's attributes replaced (``copies``, ``latex``, ``reps``...)."""
        old = self.field(name)
        if "reps" in changes and isinstance(changes["reps"], Mapping):
            merged = old.rep_map
            merged.update(changes["reps"])
            changes["reps"] = tuple(merged.items())
        new = replace(old, **changes)
        new = Model.build(self.name, self.groups, [new], symbols=self.symbols).fields[0]
        return self._with(fields=tuple(new if f.name == name else f for f in self.fields))

    def rename(self, name: str) -> "Model":
        return self._with(name=name)

    def with_electric_charge(self, charge) -> "Model":
        """A copy declaring its electric charge; see :func:`parse_electric_charge`.

        Parameters
        ----------
        charge : str or mapping
            Text such as ``"T3(SU2L) + Y"`` or a mapping ``{label: coefficient}``.

        Returns
        -------
        Model

        Raises
        ------
        ModelError
            For a combination :func:`parse_electric_charge` refuses.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> m = aa.load_model("sm_x_tau").with_electric_charge("T3(SU2L) + Y")
        >>> m.electric_charge
        (('SU2L', 1), ('Y', 1))
        """
        if isinstance(charge, str):
            charge = parse_electric_charge(self.groups, charge)
        elif isinstance(charge, Mapping):
            charge = tuple(charge.items())
        return self._with(electric_charge=tuple(charge))

    # ------------------------------------------------------------------ output
    def _repr_latex_(self) -> str:
        """Field table for Jupyter (MathJax ``array``, the layout of the paper's tables)."""
        from .display import field_table_array

        return "$$" + field_table_array(self) + "$$"

    def __repr__(self) -> str:
        return (
            f"Model({self.name!r}, groups={[f'{k}={g.name}' for k, g in self.groups]},"
            f" fields={[f.name for f in self.fields]})"
        )


def _read_rep(group, text, symbols, model_name, field_name, label):
    from .exceptions import AnomalyAlgebraError

    try:
        return group.parse_rep(text, symbols)
    except AnomalyAlgebraError as exc:
        raise type(exc)(
            f"model '{model_name}', field '{field_name}', group '{label}' ({group.name}): {exc}"
        ) from None


_T3_RE = re.compile(r"\bT3\s*\(\s*([^()]*?)\s*\)")


def parse_electric_charge(groups, text: str) -> tuple:
    """Read an electric charge: a linear combination of U(1) labels and ``T3(label)`` of
    SU(2) labels with rational coefficients, e.g. ``"T3(SU2L) + Y"``.

    The text is read by :func:`anomalyalgebra.expr.parse_expression` (never ``eval`` or
    ``sympify``).  Only gauged factors may appear: the electric charge is a gauge
    generator.

    Parameters
    ----------
    groups : sequence of (label, GroupFactor)
        The model's factors.
    text : str
        The combination.

    Returns
    -------
    tuple of (label, sympy.Rational)
        In the order of ``groups``; an SU(2) label stands for its T3.

    Raises
    ------
    ModelError
        For an unknown label, ``T3`` of a factor that is not SU(2), a bare SU(2) label,
        a global or discrete factor, a term that is not linear (a product, a power, a
        constant) or text the expression parser refuses.

    Examples
    --------
    >>> from anomalyalgebra.groups import parse_group
    >>> g = [("SU2L", parse_group("SU(2)")), ("Y", parse_group("U(1)"))]
    >>> parse_electric_charge(g, "T3(SU2L) + Y")
    (('SU2L', 1), ('Y', 1))
    >>> parse_electric_charge(g, "T3(SU2L) + Y/2")
    (('SU2L', 1), ('Y', 1/2))
    >>> parse_electric_charge(g, "T3(Y)")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelError: electric_charge 'T3(Y)': T3 of 'Y', which is U(1), not SU(2)
    """
    from .exceptions import AnomalyAlgebraError
    from .expr import parse_expression

    where = f"electric_charge {text!r}" if isinstance(text, str) else "electric_charge"
    if not isinstance(text, str) or not text.strip():
        raise ModelError(f"{where}: must be a non-empty string such as \"T3(SU2L) + Y\"")
    gmap = dict(groups)
    placeholders = {}

    def t3(match):
        label = match.group(1)
        g = gmap.get(label)
        if g is None:
            raise ModelError(f"{where}: unknown label {label!r} in T3(...) (groups: {list(gmap)})")
        if not (isinstance(g, SimpleFactor) and g.is_su2):
            raise ModelError(f"{where}: T3 of {label!r}, which is {g.name}, not SU(2)")
        name = f"T3__{label}"
        placeholders[name] = label
        return name

    body = _T3_RE.sub(t3, text)
    symbols = {name: sp.Symbol(name) for name in placeholders}
    for label, g in gmap.items():
        if isinstance(g, U1):
            symbols.setdefault(label, sp.Symbol(label))
    for token in re.findall(r"[A-Za-z_][A-Za-z_0-9]*", body):
        if token in symbols or token == "sqrt":
            continue
        g = gmap.get(token)
        if g is None:
            raise ModelError(f"{where}: unknown label {token!r} (groups: {list(gmap)})")
        hint_ = f"; write T3({token})" if isinstance(g, SimpleFactor) and g.is_su2 else ""
        raise ModelError(f"{where}: {token!r} is {g.name}: only U(1) labels and T3 of SU(2)"
                         f" labels can enter the electric charge{hint_}")
    try:
        value = parse_expression(body, symbols)
    except AnomalyAlgebraError as exc:
        raise ModelError(f"{where}: {exc}") from None
    gens = [symbols[k] for k in symbols]
    value = sp.expand(value)
    try:
        poly = sp.Poly(value, *gens) if gens else None
    except sp.PolynomialError:
        poly = None
    if poly is None or poly.total_degree() > 1 or poly.coeff_monomial(1) != 0 or \
            any(not c.is_Rational for c in poly.coeffs()):
        raise ModelError(f"{where}: not a linear combination of U(1) labels and T3(SU(2) label)"
                         " with rational coefficients (no products, powers or constants)")
    coeff = {}
    for name, sym in symbols.items():
        c = poly.coeff_monomial(sym)
        if c != 0:
            coeff[placeholders.get(name, name)] = sp.Rational(c)
    return _check_electric_charge("", tuple(groups), tuple(coeff.items()), where=where)


def _check_electric_charge(model_name, groups, charge, *, where=None) -> tuple:
    """Validate ``((label, coefficient), ...)``; returned in the order of ``groups``."""
    where = where or f"model '{model_name}', electric_charge"
    gmap = dict(groups)
    out = {}
    for item in charge:
        if not isinstance(item, tuple) or len(item) != 2:
            raise ModelError(f"{where}: expected (label, coefficient) pairs, got {item!r}")
        label, c = item
        g = gmap.get(label)
        if g is None:
            raise ModelError(f"{where}: unknown label {label!r} (groups: {list(gmap)})")
        if not (isinstance(g, U1) or (isinstance(g, SimpleFactor) and g.is_su2)):
            raise ModelError(f"{where}: {label!r} is {g.name}; only U(1) factors and T3 of SU(2)"
                             " factors enter the electric charge")
        if not g.gauged:
            raise ModelError(f"{where}: {label!r} is a global factor; the electric charge is a"
                             " combination of gauged factors")
        if isinstance(c, bool) or isinstance(c, float):
            raise ModelError(f"{where}: coefficient of {label!r} must be an exact rational, got {c!r}")
        if isinstance(c, Fraction):
            c = sp.Rational(c.numerator, c.denominator)
        c = sp.sympify(c) if isinstance(c, (int, sp.Basic)) else c
        if not isinstance(c, sp.Rational):
            raise ModelError(f"{where}: coefficient of {label!r} must be an exact rational, got {c!r}")
        if label in out:
            raise ModelError(f"{where}: {label!r} given twice")
        if c != 0:
            out[label] = c
    if charge and not out:
        raise ModelError(f"{where}: every coefficient is zero")
    return tuple((k, out[k]) for k, _ in groups if k in out)


def electric_charge_text(model: "Model") -> str:
    """The electric charge as the text :func:`parse_electric_charge` reads back.

    Parameters
    ----------
    model : Model

    Returns
    -------
    str
        ``""`` if the model declares none.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> electric_charge_text(aa.load_model("sm"))
    'T3(SU2L) + Y'
    """
    parts = []
    for label, c in model.electric_charge:
        g = model.group(label)
        term = f"T3({label})" if isinstance(g, SimpleFactor) else label
        if c == 1:
            text = term
        elif c == -1:
            text = f"-{term}"
        elif c.q == 1:
            text = f"{c}*{term}"
        elif abs(c.p) == 1:
            text = f"{'-' if c.p < 0 else ''}{term}/{c.q}"
        else:
            text = f"{c.p}*{term}/{c.q}"
        if parts:
            text = f"- {text[1:]}" if text.startswith("-") else f"+ {text}"
        parts.append(text)
    return " ".join(parts)
