"""Models: immutable records of gauge factors and chiral fields.

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

from fractions import Fraction
from dataclasses import dataclass, field as dc_field, replace
from typing import Iterable, Mapping

import sympy as sp

from .exceptions import ModelError
from .groups import GroupFactor, SimpleFactor, U1, ZN, parse_group
from .fields import Field, fermion, scalar, is_identifier
from .electric_charge import check_electric_charge, electric_charge_text, parse_electric_charge

__all__ = ["Field", "Model", "fermion", "scalar", "GRAVITY", "parse_electric_charge",
           "electric_charge_text"]

#: The label that stands for gravity in :func:`anomalyalgebra.anomaly_trace`.
GRAVITY = "grav"



@dataclass(frozen=True)
class Model:
    """An immutable model: labelled group factors plus fields.

    Build one with :meth:`Model.build` (which reads representation strings) or load a
    model file with :func:`anomalyalgebra.load_model`.

    Parameters
    ----------
    name : str
        The model's name.
    groups : tuple of (str, GroupFactor)
        Labelled group factors in table-column order.
    fields : tuple of Field
        The fields, with built representations (objects, not strings).
    symbols : tuple of sympy.Symbol, optional
        The declared symbols charges may use.
    symbol_latex : tuple of (str, str), optional
        LaTeX names of symbols.
    description : str, optional
        Free text.
    electric_charge : tuple of (str, sympy.Rational), optional
        The electric charge as ``(label, coefficient)`` pairs (a U(1) label stands
        for its charge, an SU(2) label for its T3); empty if not declared.

    Raises
    ------
    ModelError
        For a label that is not an identifier or is ``"grav"``, a group that is not
        a :class:`~anomalyalgebra.groups.GroupFactor`, a label or field name used
        twice, or a field without a representation for some group (or with one for
        an unknown label).

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
            if not is_identifier(label):
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
        object.__setattr__(self, "electric_charge", check_electric_charge(
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
        description : str, optional
            Free text.
        symbol_latex : iterable of (str, str), optional
            LaTeX names of symbols.

        Returns
        -------
        Model
            The model, representations read.

        Raises
        ------
        ModelError
            For a representation string that does not read (naming the field and
            the group), a float U(1) charge, or any inconsistency :class:`Model`
            refuses.
        GroupError
            For a group string that names no group.

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
        """The group factor with this label.

        Parameters
        ----------
        label : str
            A group label.

        Returns
        -------
        GroupFactor
            The factor.

        Raises
        ------
        ModelError
            If the model has no such label (the message lists the labels).
        """
        for k, g in self.groups:
            if k == label:
                return g
        raise ModelError(f"model '{self.name}' has no group labelled {label!r} (groups: {list(self.labels)})")

    def field(self, name: str) -> Field:
        """The field with this name.

        Parameters
        ----------
        name : str
            A field name.

        Returns
        -------
        Field
            The field.

        Raises
        ------
        ModelError
            If the model has no such field (the message lists the fields).
        """
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
        """The declared symbol with this name (with its assumptions).

        Parameters
        ----------
        name : str
            A symbol name.

        Returns
        -------
        sympy.Symbol
            The symbol as declared (use it to build equations).

        Raises
        ------
        ModelError
            If the model declares no such symbol.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> aa.load_model("sm_x_tau").symbol("alpha_L").is_real
        True
        """
        for s in self.symbols:
            if s.name == name:
                return s
        raise ModelError(
            f"model '{self.name}' declares no symbol {name!r} (symbols: {[s.name for s in self.symbols]})"
        )

    def charge(self, field: str, label: str):
        """The representation (charge, for a U(1)) of ``field`` under ``label``.

        Parameters
        ----------
        field : str
            A field name.
        label : str
            A group label.

        Returns
        -------
        object
            An irrep, a sympy charge or a Z_N residue.

        Raises
        ------
        ModelError
            If the field or the label is unknown.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> aa.load_model("sm").charge("q", "Y")
        1/6
        """
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

        Parameters
        ----------
        mapping : mapping, optional
            ``{symbol or name: value}``.
        **kwargs
            More ``name=value`` pairs.

        Returns
        -------
        Model
            A new model.

        Raises
        ------
        ModelError
            For an undeclared name or an inexact value.
        ExpressionError
            For a text value that does not parse.

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
        """A copy without the named fields.

        Parameters
        ----------
        *names : str
            Field names.

        Returns
        -------
        Model
            A new model.

        Raises
        ------
        ModelError
            If a name is not a field of the model.
        """
        for n in names:
            self.field(n)
        return self._with(fields=tuple(f for f in self.fields if f.name not in names))

    def with_fields(self, *fields: Field) -> "Model":
        """A copy with extra fields (representation strings are read).

        Parameters
        ----------
        *fields : Field
            The new fields (after the existing ones).

        Returns
        -------
        Model
            A new model.

        Raises
        ------
        ModelError
            For a name already used, or a representation that does not read.
        """
        extra = Model.build(self.name, self.groups, fields, symbols=self.symbols).fields
        return self._with(fields=self.fields + extra)

    def replace_field(self, name: str, **changes) -> "Model":
        """A copy with one field's attributes replaced.

        Parameters
        ----------
        name : str
            The field.
        **changes
            New values of :class:`Field` attributes (``copies``, ``latex``,
            ``chirality`` ...); a ``reps`` mapping is merged with the old one and its
            strings are read.

        Returns
        -------
        Model
            A new model, the field at its old position.

        Raises
        ------
        ModelError
            If the field is unknown or the new attributes are inconsistent.

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> aa.load_model("sm").replace_field("l", copies=1).field("l").copies
        1
        """
        old = self.field(name)
        if "reps" in changes and isinstance(changes["reps"], Mapping):
            merged = old.rep_map
            merged.update(changes["reps"])
            changes["reps"] = tuple(merged.items())
        new = replace(old, **changes)
        new = Model.build(self.name, self.groups, [new], symbols=self.symbols).fields[0]
        return self._with(fields=tuple(new if f.name == name else f for f in self.fields))

    def rename(self, name: str) -> "Model":
        """A copy with another name.

        Parameters
        ----------
        name : str
            The new name.

        Returns
        -------
        Model
            A new model.
        """
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
