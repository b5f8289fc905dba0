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
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Mapping

import sympy as sp

from .exceptions import ExpressionError

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


class _Parser:
    def __init__(self, text: str, symbols: Mapping[str, sp.Symbol]):
        self.text = text
        self.symbols = symbols
        self.tokens = _tokenize(text)
        self.i = 0

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
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in ("*", "/"):
            tok = self.take()
            rhs = self.unary()
            if tok[1] == "*":
                value = value * rhs
            else:
                if rhs == 0:
                    raise ExpressionError(
                        f"division by zero at position {tok[2]} in {self.text!r}"
                    )
                value = value / rhs
        return value

    def unary(self):
        tok = self.peek()
        if tok[0] == "op" and tok[1] in "+-":
            self.take()
            value = self.unary()
            return -value if tok[1] == "-" else value
        return self.power()

    def power(self):
        base = self.atom()
        tok = self.peek()
        if tok[0] == "op" and tok[1] in ("^", "**"):
            self.take()
            exponent = self.unary()
            if base == 0 and exponent.is_negative:
                raise ExpressionError(f"0 raised to a negative power in {self.text!r}")
            return base**exponent
        return base

    def atom(self):
        tok = self.take()
        kind, value, _ = tok
        if kind == "num":
            return sp.Rational(Fraction(value))
        if kind == "name":
            if value == "sqrt":
                self.expect("(")
                arg = self.expr()
                self.expect(")")
                return sp.sqrt(arg)
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
        On a syntax error, an undeclared symbol, or division by zero.  The message
        gives the position in the text.

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
    >>> parse_expression("__import__('os')")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ExpressionError: unexpected character "'" at position 11 in "__import__('os')" (allowed: numbers, declared symbols, + - * / ^ ** ( ) and sqrt)
    """
    if not isinstance(text, str):
        raise ExpressionError(f"expected a string expression, got {type(text).__name__}")
    return _Parser(text, dict(symbols or {})).parse()


def expression_to_text(expr) -> str:
    """Write an expression in the syntax :func:`parse_expression` reads.

    The result is checked by parsing it back; an expression that uses constructs the
    model-file grammar cannot express (e.g. ``sin``) raises :class:`ExpressionError`
    instead of writing something that would not load.

    Examples
    --------
    >>> import sympy as sp
    >>> a = sp.Symbol("alpha_L")
    >>> expression_to_text(sp.Rational(-1, 2) * a**2)
    '-alpha_L^2/2'
    """
    if isinstance(expr, str):
        raise ExpressionError("expression_to_text takes a sympy expression, not text;"
                              " read text with parse_expression")
    expr = sp.sympify(expr)  # numbers and sympy objects only: text was refused above
    text = sp.sstr(expr, order="lex").replace("**", "^")
    names = {s.name: s for s in expr.free_symbols}
    try:
        back = parse_expression(text, names)
    except ExpressionError as exc:
        raise ExpressionError(f"cannot write {expr!r} in model-file syntax: {exc}") from None
    if sp.simplify(back - expr) != 0:
        raise ExpressionError(f"cannot write {expr!r} in model-file syntax (got {text!r})")
    return text
