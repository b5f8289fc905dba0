"""A small, safe parser for charge expressions in model files.

Model files give charges as text: ``"-1/2"``, ``"4"``, ``"alpha_L"``,
``"6/(n*(n^2-1)) * alpha_L"``, ``"sqrt(3)/2"``.  This module turns such text into
sympy objects with a hand-written recursive-descent parser.  Model-file text never
reaches :func:`eval`, :func:`exec`, :func:`sympy.sympify` or
:func:`sympy.parsing.sympy_parser.parse_expr`, so a model file cannot run code and
every accepted construct is listed below.

Grammar (``^`` and ``**`` both mean power and bind to the right; unary minus binds
more loosely than power, so ``-x^2`` is ``-(x^2)``)::

    expr   := term (("+" | "-") term)*
    term   := unary (("*" | "/") unary)*
    unary  := ("+" | "-") unary | power
    power  := atom (("^" | "**") unary)?
    atom   := NUMBER | NAME | "sqrt" "(" expr ")" | "(" expr ")"

``NUMBER`` is an integer or a decimal, optionally with an exponent (``0.5`` and
``5e-1`` become the exact ``1/2``); ``NAME`` must
be one of the declared symbols.  Anything else raises :class:`ExpressionError` with the
position of the offending character.

A charge is a real number: the square root of a negative number, a negative number
to a fractional power and a division by zero are errors.  The text is bounded by the
limits of :mod:`anomalyalgebra.limits` (length, nesting depth, integer size, size of a
numeric exponent), checked *before* the arithmetic, so that every expression is read
in bounded time and memory; exceeding one raises :class:`LimitError`.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Mapping

import sympy as sp
from sympy.printing.str import StrPrinter

from .exceptions import ExpressionError, LimitError
from .limits import check_limit, current_limits, hint, int_digits, using_limits

__all__ = ["parse_expression", "expression_to_text"]

_TOKEN = re.compile(
    r"\s*(?:(?P<num>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)|(?P<name>[A-Za-z_][A-Za-z_0-9]*)"
    r"|(?P<op>\*\*|[-+*/^()]))"
)


def _tokenize(text: str):
    pos = 0
    tokens = []
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            bad = text[pos:].lstrip()
            where = len(text) - len(bad)
            raise ExpressionError(
                f"unexpected character {bad[0]!r} at position {where} in {text!r}"
                " (allowed: numbers, declared symbols, + - * / ^ ** ( ) and sqrt)"
            )
        kind = m.lastgroup
        tokens.append((kind, m.group(kind), m.start(kind)))
        pos = m.end()
    tokens.append(("end", "", len(text)))
    return tokens


def _numeric_size(value) -> int:
    """Largest number of digits of a rational number inside ``value`` (0 if none)."""
    if isinstance(value, sp.Rational):
        return max(int_digits(value.p), int_digits(value.q))
    return max((_numeric_size(a) for a in value.args), default=0)


def _log10_size(value) -> float:
    """Largest ``log10`` of a numerator or denominator inside ``value`` (0 if none)."""
    if isinstance(value, sp.Rational):
        return max(math.log10(abs(int(value.p))) if value.p else 0.0, math.log10(int(value.q)))
    return max((_log10_size(a) for a in value.args), default=0.0)


def _not_real(value) -> bool:
    """True when ``value`` is not real, or is real only for special values of its symbols
    (sympy wrote an ``I`` or a root of a negative number into it: ``sqrt(-a^2) = I*|a|``)."""
    if value.is_real is False or value.has(sp.I):
        return True
    return any(p.base.is_number and p.base.is_negative and not p.exp.is_integer
               for p in value.atoms(sp.Pow))


def _brief(value) -> str:
    text = sp.sstr(value) if _numeric_size(value) <= 30 else f"a number of {_numeric_size(value)} digits"
    return text if len(text) <= 40 else text[:37] + "..."


def _expanded_terms(value, cap: int) -> int:
    """Upper bound on the number of terms of ``sympy.expand(value)``, capped at ``cap + 1``.

    A sum has at most the sum of its terms' counts, a product the product, an integer
    power ``b^k`` at most the number of monomials of degree ``|k|`` in the terms of
    ``b`` (``expand`` also expands denominators); anything else counts as one term.
    """
    if value.is_Add:
        total = 0
        for a in value.args:
            total += _expanded_terms(a, cap)
            if total > cap:
                return cap + 1
        return total
    if value.is_Mul:
        total = 1
        for a in value.args:
            total *= _expanded_terms(a, cap)
            if total > cap:
                return cap + 1
        return total
    if value.is_Pow and value.exp.is_Rational:
        # expand splits b^(p/q) into b^k * b^(p/q - k) and expands b^k, k = floor(|p/q|)
        t = _expanded_terms(value.base, cap)
        if t <= 1:
            return t
        k = abs(int(value.exp))
        if k > cap:
            return cap + 1
        return min(math.comb(t + k - 1, k), cap + 1)
    return 1


class _Parser:
    def __init__(self, text: str, symbols: Mapping[str, sp.Symbol]):
        self.limits = current_limits()
        check_limit("max_expression_length", len(text), f"expression of {len(text)} characters")
        self.text = text
        self.symbols = symbols
        self.tokens = _tokenize(text)
        self.i = 0
        self.depth = 0

    def short(self) -> str:
        return repr(self.text if len(self.text) <= 60 else self.text[:57] + "...")

    def too_big(self, what: str, name: str):
        bound = getattr(self.limits, name)
        raise LimitError(f"{self.short()}: {what}; the limit {name} is {bound}{hint(name)}", limit=name)

    def check_size(self, value):
        if isinstance(value, sp.Rational) or value.is_Mul or value.is_Add:
            size = _numeric_size(value)
            if size > self.limits.max_integer_digits:
                self.too_big(f"an intermediate number has {size} digits", "max_integer_digits")
        return value

    def peek(self):
        return self.tokens[self.i]

    def take(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def fail(self, message, tok=None):
        tok = tok or self.peek()
        got = "end of text" if tok[0] == "end" else repr(tok[1])
        raise ExpressionError(
            f"{message} at position {tok[2]} in {self.text!r} (found {got})"
        )

    def expect(self, op):
        tok = self.peek()
        if tok[0] != "op" or tok[1] != op:
            self.fail(f"expected {op!r}")
        self.take()

    def parse(self):
        if self.peek()[0] == "end":
            raise ExpressionError("empty expression")
        value = self.expr()
        if self.peek()[0] != "end":
            self.fail("unexpected token")
        return value

    def expr(self):
        value = self.term()
        while self.peek()[0] == "op" and self.peek()[1] in "+-":
            op = self.take()[1]
            rhs = self.term()
            value = self.check_size(value + rhs if op == "+" else value - rhs)
        return value

    def term(self):
        value = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in ("*", "/"):
            tok = self.take()
            rhs = self.unary()
            if tok[1] == "*":
                value = self.check_size(value * rhs)
            else:
                if rhs == 0:
                    raise ExpressionError(
                        f"division by zero at position {tok[2]} in {self.text!r}"
                    )
                value = self.check_size(value / rhs)
        return value

    def unary(self):
        # every nesting (sign, parenthesis, sqrt, exponent) passes through here once
        self.depth += 1
        if self.depth > self.limits.max_nesting_depth:
            self.too_big(f"nesting deeper than {self.limits.max_nesting_depth} levels (parentheses,"
                         " signs, powers, sqrt)", "max_nesting_depth")
        try:
            tok = self.peek()
            if tok[0] == "op" and tok[1] in "+-":
                self.take()
                value = self.unary()
                return -value if tok[1] == "-" else value
            return self.power()
        finally:
            self.depth -= 1

    def power(self):
        base = self.atom()
        tok = self.peek()
        if tok[0] == "op" and tok[1] in ("^", "**"):
            self.take()
            exponent = self.unary()
            return self.raise_to(base, exponent, tok)
        return base

    def raise_to(self, base, exponent, tok):
        where = f"at position {tok[2]} in {self.text!r}"
        if exponent.is_number:
            if not exponent.is_Rational:
                raise ExpressionError(f"a numeric exponent must be rational, got {exponent} {where}")
            bound = self.limits.max_exponent
            if abs(exponent.p) > bound or exponent.q > bound:
                self.too_big(f"the exponent {exponent} is larger than {bound} (numerator or"
                             " denominator)", "max_exponent")
            size = int(_log10_size(base) * abs(exponent.p) / exponent.q) + 1
            if size > self.limits.max_integer_digits:
                self.too_big(f"the power ({_brief(base)})^{exponent} would have about {size} digits",
                             "max_integer_digits")
            if base.is_number and base.is_negative and not exponent.is_Integer:
                raise ExpressionError(f"a negative number to a fractional power is not real {where}")
        if base == 0 and exponent.is_negative:
            raise ExpressionError(f"0 raised to a negative power in {self.text!r}")
        value = base**exponent
        if _not_real(value):
            raise ExpressionError(f"{_brief(base)}^({exponent}) is not a real number {where}")
        return self.check_size(value)

    def atom(self):
        tok = self.take()
        kind, value, _ = tok
        if kind == "num":
            return self.number(value)
        if kind == "name":
            if value == "sqrt":
                self.expect("(")
                arg = self.expr()
                self.expect(")")
                if arg.is_negative:
                    raise ExpressionError(f"square root of a negative number ({arg}) at position"
                                          f" {tok[2]} in {self.text!r}")
                return self.raise_to(arg, sp.Rational(1, 2), tok)
            if value not in self.symbols:
                declared = ", ".join(sorted(self.symbols)) or "none"
                raise ExpressionError(
                    f"undeclared symbol {value!r} at position {tok[2]} in {self.text!r}"
                    f" (declared symbols: {declared})"
                )
            return self.symbols[value]
        if kind == "op" and value == "(":
            inner = self.expr()
            self.expect(")")
            return inner
        self.i -= 1
        self.fail("expected a number, a symbol, sqrt(...) or '('")

    def number(self, text):
        mantissa, _, exp = text.lower().partition("e")
        bound = self.limits.max_integer_digits
        digits = len(mantissa.replace(".", "").lstrip("0"))
        if digits > bound or (exp and len(exp.lstrip("+-").lstrip("0")) > 6):
            self.too_big(f"the number {text[:20]}{'...' if len(text) > 20 else ''} has too many"
                         " digits", "max_integer_digits")
        if exp and abs(int(exp)) > bound:
            self.too_big(f"the number {text[:20]}{'...' if len(text) > 20 else ''} has an exponent"
                         f" of {int(exp)} digits", "max_integer_digits")
        return sp.Rational(Fraction(text))


def parse_expression(text: str, symbols: Mapping[str, sp.Symbol] | None = None) -> sp.Expr:
    """Parse a charge expression into an exact sympy expression.

    Parameters
    ----------
    text : str
        The expression, e.g. ``"-1/2"`` or ``"6/(n*(n^2-1))*alpha_L"``.
    symbols : mapping of str to sympy.Symbol, optional
        The symbols that may appear, by name.  Any other name is an error.

    Returns
    -------
    sympy.Expr
        An exact expression (integers and decimals become ``Rational``).

    Raises
    ------
    ExpressionError
        On a syntax error, an undeclared symbol, division by zero or a value that is
        not real.  The message gives the position in the text.
    LimitError
        When the text exceeds a limit of :mod:`anomalyalgebra.limits` (length, nesting,
        integer size, exponent size).

    Examples
    --------
    >>> parse_expression("-1/2")
    -1/2
    >>> parse_expression("0.25 + 2^-1")
    3/4
    >>> import sympy as sp
    >>> n = sp.Symbol("n")
    >>> parse_expression("n*(n^2-1)/12", {"n": n})
    n*(n**2 - 1)/12
    >>> parse_expression("sqrt(-1)")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ExpressionError: square root of a negative number (-1) at position 0 in 'sqrt(-1)'
    >>> parse_expression("__import__('os')")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ExpressionError: unexpected character "'" at position 11 in "__import__('os')" (allowed: numbers, declared symbols, + - * / ^ ** ( ) and sqrt)
    """
    if not isinstance(text, str):
        raise ExpressionError(f"expected a string expression, got {type(text).__name__}")
    value = _Parser(text, dict(symbols or {})).parse()
    if value.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise ExpressionError(f"{text!r} is not finite ({value})")
    bound = current_limits().max_expanded_terms
    terms = _expanded_terms(value, bound)
    if terms > bound:
        short = repr(text if len(text) <= 60 else text[:57] + "...")
        raise LimitError(f"{short}: expanded, it would have more than {bound} terms (anomaly"
                         f" traces expand cubes of charges); the limit max_expanded_terms is"
                         f" {bound}{hint('max_expanded_terms')}", limit="max_expanded_terms")
    return value


class _ModelFilePrinter(StrPrinter):
    """sympy's str printer, with ``Abs(x)`` written ``sqrt(x^2)``: sympy turns the square
    root of a real square into ``Abs``, which the model-file grammar has no name for."""

    def _print_Abs(self, expr):
        return f"sqrt(({self._print(expr.args[0])})**2)"


def expression_to_text(expr) -> str:
    """Write an expression in the syntax :func:`parse_expression` reads.

    The result is checked by parsing it back; an expression that uses constructs the
    model-file grammar cannot express (e.g. ``sin``) raises :class:`ExpressionError`
    instead of writing something that would not load.

    Parameters
    ----------
    expr : sympy expression or number
        The charge expression (text is refused).

    Returns
    -------
    str
        Model-file syntax (``^`` for powers), parsed back to the same expression.

    Raises
    ------
    ExpressionError
        If ``expr`` is a string, or cannot be written in model-file syntax.

    Examples
    --------
    >>> import sympy as sp
    >>> a = sp.Symbol("alpha_L")
    >>> expression_to_text(sp.Rational(-1, 2) * a**2)
    '-alpha_L^2/2'
    >>> expression_to_text(parse_expression("sqrt(x^2)", {"x": sp.Symbol("x", real=True)}))
    'sqrt((x)^2)'
    """
    if isinstance(expr, str):
        raise ExpressionError("expression_to_text takes a sympy expression, not text;"
                              " read text with parse_expression")
    expr = sp.sympify(expr)  # numbers and sympy objects only: text was refused above
    text = _ModelFilePrinter({"order": "lex"}).doprint(expr).replace("**", "^")
    names = {s.name: s for s in expr.free_symbols}
    # the written form may be longer than what was read (sstr adds spaces)
    longer = max(current_limits().max_expression_length, 2 * len(text))
    try:
        with using_limits(max_expression_length=longer):
            back = parse_expression(text, names)
    except ExpressionError as exc:
        raise ExpressionError(f"cannot write {expr!r} in model-file syntax: {exc}") from None
    if back != expr and sp.simplify(back - expr) != 0:
        raise ExpressionError(f"cannot write {expr!r} in model-file syntax (got {text!r})")
    return text
