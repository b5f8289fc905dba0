"""A tokenizer and parser for the Mathematica-like subset of SARAH model files.

SARAH model files are Mathematica source, but the part that declares a model is a
small, regular subset: assignments ``target = expression;`` whose right-hand sides
are lists, numbers, symbols, function applications ``f[x, y]``, parts ``x[[1]]``,
rules ``a -> b``, strings, and arithmetic (``+ - * / ^``, implicit multiplication by
juxtaposition, and the non-commutative product ``.``).  This module turns such text
into a tree of :class:`Node` records.  Nothing is evaluated: no Mathematica, no
:func:`eval`, no :func:`sympy.sympify`; the SARAH reader interprets the tree.

Grammar (lowest precedence first; as in Mathematica, ``.`` binds tighter than
multiplication and ``^`` tighter than ``.``)::

    statement := expr (("=" | ":=") expr)?
    expr      := sum ("->" expr)?
    sum       := product (("+" | "-") product)*
    product   := unary (("*" | "/" | juxtaposition) unary)*
    unary     := "-" unary | "+" unary | dot
    dot       := power ("." power)*
    power     := postfix ("^" unary)?
    postfix   := atom ("[" args "]" | "[[" args "]]")*
    atom      := NUMBER | NAME | STRING | "{" args "}" | "(" expr ")"

``NAME`` is made of letters (Unicode letters included) and digits and may contain
context marks (``Model`Name``) and named characters (``\\[Lambda]``, read as
``Lambda``); a backslash at the end of a line continues the line.  Comments ``(* ... *)`` nest.  Any other
character (``<<``, ``@``, ``&``, ``#``, ``%``, ...) is an error that names the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from ..exceptions import LimitError, ModelFileError
from ..limits import DepthGuard, check_limit

__all__ = ["Node", "parse_statements", "parse_mathematica_expression", "EVALUATION_HEADS"]

#: Heads of Mathematica *programs* (loops, conditions, scoping): a model
#: built by them exists only after Mathematica has run the code, so the reader refuses
#: them by name instead of guessing (nothing is ever evaluated).
EVALUATION_HEADS = frozenset({
    "Do", "For", "While", "If", "Which", "Switch", "Module", "Block", "With", "Table", "Map",
    "Scan", "Function", "ToExpression", "Evaluate", "CompoundExpression",
})


@dataclass(frozen=True)
class Node:
    """One node of the syntax tree.

    ``kind`` is one of ``num`` (``value`` a :class:`fractions.Fraction`), ``name``,
    ``str``, ``list``, ``call`` (``value`` the head node), ``part``, ``neg``, ``add``,
    ``mul``, ``div``, ``pow``, ``dot``, ``rule``, ``set``; ``args`` holds the children
    and ``line`` the 1-based line of the first token.

    Parameters
    ----------
    kind : str
        The node type (see above).
    value : object, optional
        A number, name or string, or the head node of a call.
    args : tuple of Node, optional
        The children.
    line : int, optional
        Line of the first token (1-based; 0 if unknown).
    """

    kind: str
    value: object = None
    args: tuple = ()
    line: int = 0

    @property
    def head_name(self):
        """For ``f[...]``: the name ``f`` (``None`` if the head is not a plain name)."""
        if self.kind == "call" and self.value.kind == "name":
            return self.value.value
        return None

    def text(self) -> str:
        """A compact Mathematica-like rendering (used in error messages and writers)."""
        k = self.kind
        if k == "num":
            return str(self.value)
        if k == "name":
            return self.value
        if k == "str":
            return '"' + self.value + '"'
        if k == "list":
            return "{" + ", ".join(a.text() for a in self.args) + "}"
        if k == "call":
            return self.value.text() + "[" + ", ".join(a.text() for a in self.args) + "]"
        if k == "part":
            return self.args[0].text() + "[[" + ", ".join(a.text() for a in self.args[1:]) + "]]"
        if k == "neg":
            return "-" + _paren(self.args[0], ("add", "mul", "div", "rule"))
        if k == "add":
            out = self.args[0].text()
            for a in self.args[1:]:
                out += (" - " + _paren(a.args[0], ("add",))) if a.kind == "neg" else (" + " + a.text())
            return out
        if k == "mul":
            return " ".join(_paren(a, ("add", "rule")) for a in self.args)
        if k == "div":
            return _paren(self.args[0], ("add", "rule")) + "/" + _paren(self.args[1], ("add", "mul", "div", "rule"))
        if k == "pow":
            return _paren(self.args[0], ("add", "mul", "div", "neg", "dot", "rule")) + "^" + \
                _paren(self.args[1], ("add", "mul", "div", "neg", "dot", "rule"))
        if k == "dot":
            return ".".join(_paren(a, ("add", "mul", "div", "neg", "rule")) for a in self.args)
        if k == "rule":
            return self.args[0].text() + " -> " + self.args[1].text()
        if k == "set":
            return self.args[0].text() + " " + self.value + " " + self.args[1].text()
        return "?"


def _paren(node, kinds):
    t = node.text()
    return f"({t})" if node.kind in kinds else t


_NAME_START = re.compile(r"[^\W\d_]|\$|\\\[")
_NAME = re.compile(r"(?:(?:[^\W\d_]|\$)(?:[^\W_]|\$)*|\\\[[A-Za-z]+\])"
                   r"(?:`?(?:(?:[^\W\d_]|\$)(?:[^\W_]|\$)*|\\\[[A-Za-z]+\]))*")
_NUMBER = re.compile(r"\d+(?:\.\d*)?(?:\*\^-?\d+)?|\.\d+")
_OPS = (":=", "->", "::", "=", "+", "-", "*", "/", "^", ".", ",", ";", "{", "}", "(", ")")


def _number(raw, line, path):
    """The value of a number token; its digits and its ``*^`` exponent are bounded by the
    limit ``max_integer_digits`` *before* the number is built (``1.5*^999999``)."""
    mant, _, exp = raw.partition("*^")
    try:
        digits = len(mant.replace(".", "").lstrip("0"))
        check_limit("max_integer_digits", digits, f"a number of {digits} digits")
        if exp:
            e = exp.lstrip("-").lstrip("0")
            check_limit("max_integer_digits", len(e) if len(e) > 6 else abs(int(exp)),
                        f"the exponent *^{exp[:12]} (a power of ten with that many digits)")
    except LimitError as exc:
        raise ModelFileError(f"line {line}: {exc}", path=path) from None
    value = Fraction(mant)
    return value * Fraction(10) ** int(exp) if exp else value


_ESCAPE = re.compile(r'\\(?:([\\"])|([ntr])|:([0-9a-fA-F]{4})|\|([0-9a-fA-F]{6}))')


def _unescape(raw: str) -> str:
    """The value of a string literal: ``\\\\ \\" \\n \\t \\r \\:XXXX \\|XXXXXX`` decoded (as
    Mathematica does); any other backslash sequence (``\\[Alpha]``) is kept as written."""
    def one(m):
        if m.group(1):
            return m.group(1)
        if m.group(2):
            return {"n": "\n", "t": "\t", "r": "\r"}[m.group(2)]
        code = int(m.group(3) or m.group(4), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)
    return _ESCAPE.sub(one, raw)


def _tokenize(text: str, path, named=None):
    """Tokens ``(kind, value, line)``; kinds: num, name, str, op, end."""
    tokens = []
    i, line, n = 0, 1, len(text)
    brackets = []          # "call" for "[", "part" for "[["
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
            continue
        if c.isspace():
            i += 1
            continue
        if c == "\\" and text[i + 1:i + 2] in ("\n", "\r"):      # line continuation
            i += 1
            continue
        if text.startswith("(*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("(*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*)", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            if depth:
                raise ModelFileError(f"line {line}: comment '(*' is never closed", path=path)
            line += text.count("\n", i, j)
            i = j
            continue
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise ModelFileError(f"line {line}: string is never closed", path=path)
            tokens.append(("str", _unescape(text[i + 1:j]), line))
            line += text.count("\n", i, j)
            i = j + 1
            continue
        m = _NUMBER.match(text, i)
        if m and (c.isdigit() or c == "." and m.end() > i + 1):
            raw = m.group(0)
            value = _number(raw, line, path)
            tokens.append(("num", value, line))
            i = m.end()
            continue
        if _NAME_START.match(text, i):
            m = _NAME.match(text, i)
            if not m:
                raise ModelFileError(f"line {line}: cannot read the name at {text[i:i + 20]!r}", path=path)
            name = re.sub(r"\\\[([A-Za-z]+)\]", r"\1", m.group(0))
            if named is not None and name != m.group(0):
                named.setdefault(name, m.group(0))      # "Mu" was written \[Mu]
            tokens.append(("name", name, line))
            i = m.end()
            continue
        if text.startswith("[[", i):
            brackets.append("part")
            tokens.append(("op", "[[", line))
            i += 2
            continue
        if c == "[":
            brackets.append("call")
            tokens.append(("op", "[", line))
            i += 1
            continue
        if c == "]":
            if not brackets:
                raise ModelFileError(f"line {line}: ']' without a matching '['", path=path)
            kind = brackets.pop()
            if kind == "part":
                if not text.startswith("]]", i):
                    raise ModelFileError(f"line {line}: '[[' closed by a single ']'", path=path)
                tokens.append(("op", "]]", line))
                i += 2
            else:
                tokens.append(("op", "]", line))
                i += 1
            continue
        if c == "_":
            raise ModelFileError(f"line {line}: '_' is not part of a Mathematica name (it is a"
                                 " pattern); names are letters and digits", path=path)
        for op in _OPS:
            if text.startswith(op, i):
                tokens.append(("op", op, line))
                i += len(op)
                break
        else:
            raise ModelFileError(
                f"line {line}: unsupported Mathematica construct starting at {text[i:i + 12]!r}"
                " (the SARAH reader accepts assignments of lists, numbers, names, f[...],"
                " x[[i]], ->, + - * / ^ . and comments)", path=path)
    tokens.append(("end", "", line))
    return tokens


class _Parser:
    def __init__(self, text, path, named=None):
        self.path = path
        self.tokens = _tokenize(text, path, named)
        self.i = 0
        self.depth = 0        # inside (), [], {}: a newline is only whitespace
        self.guard = DepthGuard()     # recursion: brackets, signs, powers, rules
        self.heads = []               # (name, line) of the calls being parsed

    def peek(self, k=0):
        return self.tokens[min(self.i + k, len(self.tokens) - 1)]

    def take(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def is_op(self, *ops):
        t = self.peek()
        return t[0] == "op" and t[1] in ops

    def fail(self, message, tok=None):
        tok = tok or self.peek()
        program = next(((h, ln) for h, ln in self.heads if h in EVALUATION_HEADS), None)
        if program is not None:
            self.refuse(*program)
        got = "end of file" if tok[0] == "end" else repr(tok[1] if tok[0] != "num" else str(tok[1]))
        raise ModelFileError(f"line {tok[2]}: {message} (found {got})", path=self.path)

    def refuse(self, head, line):
        raise ModelFileError(
            f"line {line}: {head}[...] is a Mathematica program (loop, condition or scoping):"
            " what it builds exists only after Mathematica evaluates it, and this reader"
            " evaluates nothing; write its result out (e.g. the explicit component list)",
            path=self.path)

    def expect(self, op):
        if not self.is_op(op):
            self.fail(f"expected {op!r}")
        return self.take()

    def statements(self):
        out = []
        while self.peek()[0] != "end":
            if self.is_op(";"):
                self.take()
                continue
            line = self.peek()[2]
            first = self.peek()
            if first[0] == "name" and first[1] in EVALUATION_HEADS and self.peek(1)[:2] == ("op", "["):
                self.refuse(first[1], line)
            lhs = self.expr()
            if self.is_op("=", ":="):
                op = self.take()[1]
                rhs = self.expr()
                node = Node("set", op, (lhs, rhs), line)
            else:
                node = lhs
            out.append(node)
            if self.peek()[0] == "end":
                break
            if not self.is_op(";"):
                # Mathematica allows a newline to end a statement; we allow it after a
                # complete statement when the next token starts a new one.
                if self.peek()[2] > self.tokens[self.i - 1][2]:
                    continue
                self.fail("expected ';' at the end of the statement")
            self.take()
        return out

    def expr(self):
        line = self.peek()[2]
        lhs = self.sum()
        if self.is_op("->"):
            self.take()
            return Node("rule", None, (lhs, self.nested(self.expr)), line)
        return lhs

    def sum(self):
        line = self.peek()[2]
        terms = [self.product()]
        while self.is_op("+", "-"):
            op = self.take()[1]
            rhs = self.product()
            terms.append(rhs if op == "+" else Node("neg", None, (rhs,), rhs.line))
        return terms[0] if len(terms) == 1 else Node("add", None, tuple(terms), line)

    def _starts_atom(self):
        t = self.peek()
        return t[0] in ("num", "name", "str") or (t[0] == "op" and t[1] in ("{", "("))

    def product(self):
        line = self.peek()[2]
        node = self.unary()
        factors = [node]
        while True:
            if self.is_op("*"):
                self.take()
                factors.append(self.unary())
            elif self.is_op("/"):
                self.take()
                rhs = self.unary()
                left = factors[0] if len(factors) == 1 else Node("mul", None, tuple(factors), line)
                factors = [Node("div", None, (left, rhs), line)]
            elif self._starts_atom() and not (self.depth == 0 and self.peek()[2] > self.tokens[self.i - 1][2]):
                # juxtaposition; at top level a line break ends a complete statement
                factors.append(self.unary())
            else:
                break
        return factors[0] if len(factors) == 1 else Node("mul", None, tuple(factors), line)

    def nested(self, parse):
        """``parse()`` one level deeper: every recursion of the parser (bracket, sign,
        power, rule) goes through here, bounded by the limit ``max_nesting_depth``."""
        with self.guard(lambda: f"{self.path}: line {self.peek()[2]}: expression"):
            return parse()

    def unary(self):
        return self.nested(self._unary)

    def _unary(self):
        if self.is_op("-"):
            line = self.take()[2]
            return Node("neg", None, (self.unary(),), line)
        if self.is_op("+"):
            self.take()
            return self.unary()
        return self.dot()

    def dot(self):
        line = self.peek()[2]
        items = [self.power()]
        while self.is_op("."):
            self.take()
            items.append(self.power())
        return items[0] if len(items) == 1 else Node("dot", None, tuple(items), line)

    def power(self):
        line = self.peek()[2]
        base = self.postfix()
        if self.is_op("^"):
            self.take()
            return Node("pow", None, (base, self.unary()), line)
        return base

    def postfix(self):
        node = self.atom()
        while True:
            if self.is_op("["):
                line = self.take()[2]
                self.heads.append((node.value if node.kind == "name" else "", line))
                args = self.args("]")
                self.heads.pop()
                node = Node("call", node, args, line)
            elif self.is_op("[["):
                line = self.take()[2]
                args = self.args("]]")
                node = Node("part", None, (node,) + args, line)
            else:
                return node

    def args(self, close):
        out = []
        if self.is_op(close):
            self.take()
            return ()
        self.depth += 1
        while True:
            out.append(self.expr())
            if self.is_op(","):
                self.take()
                continue
            self.expect(close)
            self.depth -= 1
            return tuple(out)

    def atom(self):
        tok = self.take()
        kind, value, line = tok
        if kind == "num":
            return Node("num", value, (), line)
        if kind == "name":
            if self.is_op("::"):          # message names such as General::spell
                self.take()
                other = self.take()
                if other[0] not in ("name", "str"):
                    self.fail("expected a message name after '::'", other)
                return Node("name", f"{value}::{other[1]}", (), line)
            return Node("name", value, (), line)
        if kind == "str":
            return Node("str", value, (), line)
        if kind == "op" and value == "{":
            return Node("list", None, self.args("}"), line)
        if kind == "op" and value == "(":
            self.depth += 1
            inner = self.expr()
            self.expect(")")
            self.depth -= 1
            return inner
        self.i -= 1
        self.fail("expected a number, a name, a string, '{' or '('")


def parse_statements(text: str, *, path="<string>", named=None) -> list:
    """Parse SARAH model-file text into a list of statement nodes.

    Parameters
    ----------
    text : str
        The text of a SARAH model file.
    path : str or os.PathLike, optional
        Shown in error messages (default ``"<string>"``).
    named : dict, optional
        Receives ``{plain name: written name}`` for the names written with named
        characters.

    Returns
    -------
    list of Node
        One node per statement; an assignment is a ``set`` node ``(target, value)``.

    Raises
    ------
    ModelFileError
        On a construct outside the grammar of the module docstring (the message names
        the line).
    LimitError
        If the text nests deeper, or holds larger numbers, than the limits allow.

    ``named``, a dict, receives every name written with named characters, as
    ``{"Mu": "\\[Mu]"}`` (the tree holds the plain name; writers need the written one).

    Examples
    --------
    >>> [s.text() for s in parse_statements("Gauge[[1]] = {B, U[1], hypercharge, g1, False};")]
    ['Gauge[[1]] = {B, U[1], hypercharge, g1, False}']
    >>> parse_statements("LagHC = -(Yd conj[H].d.q);")[0].args[1].text()
    '-(Yd conj[H].d.q)'
    >>> parse_statements("x = 1 @ 2;")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelFileError: <string>: line 1: unsupported Mathematica construct starting at '@ 2;' (the SARAH reader accepts assignments of lists, numbers, names, f[...], x[[i]], ->, + - * / ^ . and comments)
    """
    return _Parser(text, path, named).statements()


def parse_mathematica_expression(text: str, *, path="<string>") -> Node:
    """Parse a single expression (no assignment).

    Parameters
    ----------
    text : str
        The expression.
    path : str or os.PathLike, optional
        Shown in error messages (default ``"<string>"``).

    Returns
    -------
    Node
        The expression's tree.

    Raises
    ------
    ModelFileError
        On a construct outside the grammar, or text after the expression.
    LimitError
        If the expression exceeds a limit of :mod:`anomalyalgebra.limits`.

    Examples
    --------
    >>> parse_mathematica_expression("1/2 \\\\[Lambda] conj[H].H").text()
    '1/2 Lambda conj[H].H'
    """
    p = _Parser(text, path)
    node = p.expr()
    if p.peek()[0] != "end":
        p.fail("unexpected text after the expression")
    return node
