"""The electric charge of a model: a rational combination of U(1) labels and T3 of SU(2).

:func:`parse_electric_charge` reads the text form (``"T3(SU2L) + Y"``) with the
package's safe expression parser, :func:`check_electric_charge` validates the
``((label, coefficient), ...)`` form a :class:`anomalyalgebra.model.Model` stores, and
:func:`electric_charge_text` writes it back as text.
"""

from __future__ import annotations

import re
from fractions import Fraction

import sympy as sp

from .exceptions import ModelError
from .groups import SimpleFactor, U1

__all__ = ["parse_electric_charge", "check_electric_charge", "electric_charge_text"]

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
    return check_electric_charge("", tuple(groups), tuple(coeff.items()), where=where)


def check_electric_charge(model_name, groups, charge, *, where=None) -> tuple:
    """Validate an electric charge given as ``((label, coefficient), ...)``.

    Parameters
    ----------
    model_name : str
        Name of the model, for the error messages.
    groups : sequence of (label, GroupFactor)
        The model's factors.
    charge : sequence of (label, coefficient)
        Coefficients: int, :class:`fractions.Fraction` or sympy rational.
    where : str, optional
        Prefix of the error messages (default: the model and ``electric_charge``).

    Returns
    -------
    tuple of (label, sympy.Rational)
        The non-zero coefficients, in the order of ``groups``.

    Raises
    ------
    ModelError
        For a malformed pair, an unknown label, a factor that is not U(1) or SU(2), a
        global factor, a coefficient that is not an exact rational, a label given
        twice, or all coefficients zero.

    Examples
    --------
    >>> from anomalyalgebra.groups import parse_group
    >>> check_electric_charge("m", [("Y", parse_group("U(1)"))], [("Y", 1)])
    (('Y', 1),)
    """
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


def electric_charge_text(model) -> str:
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
