"""A reader for the YAML dialect of PyR@TE 3 model files.

PyR@TE model files look like YAML but are not always valid YAML: potential terms such
as ``Yd : Qbar[i,a] H[i] dR[a]`` put brackets and commas inside flow mappings, and a
missing comma between two terms on separate lines is accepted.  This module reads the
subset those files use, with line numbers, and without any YAML library:

* ``# comments``; a ``---`` document marker and ``%`` directives are skipped;
* block mappings ``key: value`` (nested by indentation);
* flow mappings ``{key: value, ...}`` whose items are separated by commas *or*
  newlines, and flow lists ``[a, b]``; brackets ``[] () {}`` nest, so a value such
  as ``Qbar[i,a] H[i] dR[a]`` stays one string;
* scalars are kept as text (quotes removed); the caller converts them.

Anchors, aliases, tags, block lists (``- item``) and multi-line block scalars are not
part of the dialect and raise :class:`~anomalyalgebra.exceptions.ModelFileError` with
the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..exceptions import ModelFileError
from ..limits import DepthGuard

__all__ = ["Scalar", "Mapping", "Sequence", "loads_yamlish", "yaml_scalar"]


@dataclass(frozen=True)
class Scalar:
    """A scalar value as text, with its line.

    Parameters
    ----------
    text : str
        The value, quotes removed (the caller converts it).
    line : int
        Line of the file (1-based).
    """

    text: str
    line: int


@dataclass(frozen=True)
class Sequence:
    """A flow list ``[a, b, ...]``.

    Parameters
    ----------
    items : tuple
        The items (:class:`Scalar`, :class:`Mapping` or :class:`Sequence`).
    line : int
        Line where the list starts.
    """

    items: tuple
    line: int


@dataclass(frozen=True)
class Mapping:
    """An ordered mapping, block or flow.

    Parameters
    ----------
    items : tuple of (str, value, int)
        ``(key, value, line)`` in file order; a value is a :class:`Scalar`,
        :class:`Mapping` or :class:`Sequence`.
    line : int
        Line where the mapping starts.
    """

    items: tuple
    line: int

    def keys(self):
        return [k for k, _, _ in self.items]

    def get(self, key, default=None):
        """The value of the first item with this key.

        Parameters
        ----------
        key : str
            The key.
        default : optional
            Returned when the key is absent (default None).

        Returns
        -------
        Scalar, Mapping, Sequence or the default
            The value.
        """
        for k, v, _ in self.items:
            if k == key:
                return v
        return default

    def line_of(self, key):
        """The line of the item with this key.

        Parameters
        ----------
        key : str
            The key.

        Returns
        -------
        int
            Its line, or the mapping's own line when the key is absent.
        """
        for k, _, line in self.items:
            if k == key:
                return line
        return self.line


_OPEN = {"{": "}", "[": "]", "(": ")"}


def _opens_quote(prev: str) -> bool:
    """A quote character starts a quoted scalar only where a scalar starts (after
    ``{ [ , :`` or at the start of the line); elsewhere it is text: ``gprime : g'`` in a
    PyR@TE Latex block (PyR@TE quotes such values itself before reading the file)."""
    return prev == "" or prev in "{[,:-?"


def _strip_comment(line: str) -> str:
    out, quote, prev = [], None, ""
    for ch in line:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"" and _opens_quote(prev):
            quote = ch
        elif ch == "#":
            break
        out.append(ch)
        if not ch.isspace():
            prev = ch
    return "".join(out).rstrip()


def _unquote(text: str) -> str:
    t = text.strip()
    if len(t) >= 2 and t[0] == t[-1] and t[0] in "'\"":
        # a single-quoted YAML scalar writes a quote as '' (the inverse of yaml_scalar)
        return t[1:-1].replace("''", "'") if t[0] == "'" else t[1:-1]
    return t


class _Reader:
    def __init__(self, text, path):
        self.path = path
        raw = text.replace("\t", "    ").split("\n")
        self.lines = [_strip_comment(x) for x in raw]
        self.guard = DepthGuard()     # recursion: nested blocks, flow lists and mappings

    def fail(self, line, message):
        raise ModelFileError(f"line {line}: {message}", path=self.path)

    # -------------------------------------------------------------- block level
    def document(self):
        rows = []
        for i, line in enumerate(self.lines, start=1):
            s = line.strip()
            if not s or s == "---" or s == "..." or s.startswith("%"):
                continue
            rows.append((i, len(line) - len(line.lstrip()), line.strip()))
        self.rows = rows
        self.k = 0
        if not rows:
            return Mapping((), 1)
        return self.block(rows[0][1])

    def block(self, indent):
        items = []
        start = self.rows[self.k][0] if self.k < len(self.rows) else 1
        while self.k < len(self.rows):
            line, ind, text = self.rows[self.k]
            if ind < indent:
                break
            if ind > indent:
                self.fail(line, "unexpected indentation")
            if text.startswith("- "):
                self.fail(line, "block lists ('- item') are not part of the PyR@TE model format;"
                          " write a flow list [a, b]")
            for bad in ("&", "*", "!", "|", ">"):
                if text.startswith(bad):
                    self.fail(line, f"YAML construct {bad!r} is not supported")
            key, sep, rest = self._split_key(text, line)
            if not sep:
                self.fail(line, f"expected 'key: value', got {text[:50]!r}")
            rest = rest.strip()
            self.k += 1
            if not rest:
                if self.k < len(self.rows) and self.rows[self.k][1] > indent:
                    with self.guard(lambda: f"{self.path}: line {line}: block"):
                        value = self.block(self.rows[self.k][1])
                else:
                    value = Scalar("", line)
            elif rest[0] in "{[":
                value = self.flow_from(line, ind, rest)
            else:
                if rest[:1] in ("&", "*", "!", "|", ">"):
                    self.fail(line, f"YAML construct {rest[0]!r} is not supported")
                value = Scalar(_unquote(rest), line)
            items.append((key, value, line))
        return Mapping(tuple(items), start)

    def _split_key(self, text, line):
        depth = 0
        quote = None
        prev = ""
        for i, ch in enumerate(text):
            if quote:
                if ch == quote:
                    quote = None
                continue
            if not ch.isspace():
                before, prev = prev, ch
            else:
                before = prev
            if ch in "'\"" and _opens_quote(before):
                quote = ch
            elif ch in _OPEN:
                depth += 1
            elif ch in ")]}":
                depth -= 1
            elif ch == ":" and depth == 0:
                return _unquote(text[:i]), ":", text[i + 1:]
        return text, "", ""

    def flow_from(self, line, indent, rest):
        """Gather the text of a flow value that may span several lines, then parse it."""
        chunks = [(line, rest)]
        depth = _depth(rest)
        while depth > 0:
            if self.k >= len(self.rows):
                self.fail(line, "a '{' or '[' is never closed")
            ln, _, text = self.rows[self.k]
            self.k += 1
            chunks.append((ln, text))
            depth += _depth(text)
        if depth < 0:
            self.fail(chunks[-1][0], "a closing bracket without an opening one")
        # one stream of (char, line), newline separators kept
        stream = []
        for ln, text in chunks:
            stream.extend((ch, ln) for ch in text)
            stream.append(("\n", ln))
        value, pos = self.flow_value(stream, 0)
        tail = "".join(ch for ch, _ in stream[pos:]).strip()
        if tail:
            self.fail(stream[pos][1], f"unexpected text after the value: {tail[:40]!r}")
        return value

    def flow_value(self, s, i):
        i = _skip(s, i)
        if i >= len(s):
            return Scalar("", s[-1][1] if s else 0), i
        ch, line = s[i]
        if ch in "!&*|>":
            self.fail(line, f"YAML construct {ch!r} (tag, anchor, alias or block scalar) is not supported")
        with self.guard(lambda: f"{self.path}: line {line}: value"):
            if ch == "{":
                return self.flow_map(s, i + 1, line)
            if ch == "[":
                return self.flow_list(s, i + 1, line)
        return self.scalar(s, i, stop=",}]\n")

    def scalar(self, s, i, stop):
        depth, out, line = 0, [], s[i][1] if i < len(s) else 0
        quote = None
        while i < len(s):
            ch = s[i][0]
            if quote:
                if ch == quote:
                    quote = None
            elif ch in "'\"" and not "".join(out).strip():
                quote = ch
            elif ch in _OPEN:
                depth += 1
            elif ch in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and ch in stop:
                break
            out.append(ch)
            i += 1
        return Scalar(_unquote("".join(out)), line), i

    def flow_map(self, s, i, line):
        items = []
        while True:
            i = _skip(s, i, newlines=True, commas=True)
            if i >= len(s):
                self.fail(line, "'{' is never closed")
            if s[i][0] == "}":
                return Mapping(tuple(items), line), i + 1
            key, i = self.scalar(s, i, stop=":,}\n")
            if i < len(s) and s[i][0] in ",}" and key.text:
                # a key without a value ({expression, symmetric} in PyR@TE terms)
                items.append((key.text, Scalar("", key.line), key.line))
                continue
            if i >= len(s) or s[i][0] != ":":
                self.fail(key.line, f"expected 'key: value' in a mapping, got {key.text[:40]!r}")
            i += 1
            value, i = self.flow_value(s, i)
            items.append((key.text, value, key.line))
            i = _skip(s, i)
            if i < len(s) and s[i][0] not in ",\n}":
                self.fail(s[i][1], f"expected ',' or '}}' after the value of {key.text!r}")

    def flow_list(self, s, i, line):
        items = []
        while True:
            i = _skip(s, i, newlines=True)
            if i >= len(s):
                self.fail(line, "'[' is never closed")
            if s[i][0] == "]":
                return Sequence(tuple(items), line), i + 1
            value, i = self.flow_value(s, i)
            items.append(value)
            i = _skip(s, i, newlines=True)
            if i < len(s) and s[i][0] == ",":
                i += 1
            elif i < len(s) and s[i][0] != "]":
                self.fail(s[i][1], "expected ',' or ']' in a list")


def _skip(s, i, newlines=False, commas=False):
    while i < len(s) and (s[i][0] in " \t" or (newlines and s[i][0] == "\n") or (commas and s[i][0] == ",")):
        i += 1
    return i


def _depth(text):
    depth, quote, prev = 0, None, ""
    for ch in text:
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"" and _opens_quote(prev):
            quote = ch
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
        if not ch.isspace():
            prev = ch
    return depth


def loads_yamlish(text: str, *, path="<string>") -> Mapping:
    """Read PyR@TE-dialect YAML text into :class:`Mapping`/:class:`Sequence`/:class:`Scalar`.

    Parameters
    ----------
    text : str
        The file's text.
    path : str or os.PathLike, optional
        Shown in error messages (default ``"<string>"``).

    Returns
    -------
    Mapping
        The document (an empty mapping for an empty text).

    Raises
    ------
    ModelFileError
        On a construct outside the dialect (block lists, anchors, tags, block
        scalars), unbalanced brackets or a malformed mapping; the message names the
        line.
    LimitError
        If the nesting is deeper than ``max_nesting_depth``.

    Examples
    --------
    >>> doc = loads_yamlish('''
    ... Groups: {U1Y: U1, SU2L: SU2}
    ... Potential: {
    ...   Yukawas: {
    ...     Ye : Lbar[i] H[i] eR
    ...     Yn : Lbar[i,a] Ht[i] nR[a],
    ...   }
    ... }
    ... ''')
    >>> doc.keys()
    ['Groups', 'Potential']
    >>> [(k, v.text) for k, v, _ in doc.get("Potential").get("Yukawas").items]
    [('Ye', 'Lbar[i] H[i] eR'), ('Yn', 'Lbar[i,a] Ht[i] nR[a]')]
    """
    return _Reader(text, path).document()


# ---------------------------------------------------------------------- writing
#: Plain scalars the writer may leave unquoted: a name, or arithmetic on names and
#: numbers.  Anything else is quoted; these are safe in block and flow context of
#: YAML 1.1/1.2 and of the dialect above (no ``: ``, ``#``, ``,``, brackets, quotes,
#: leading indicator characters, or whitespace at either end).
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PLAIN_EXPRESSION = re.compile(r"[A-Za-z0-9_]|(?!- )[A-Za-z0-9_(+-][A-Za-z0-9_ +*/^().-]*[A-Za-z0-9_)]")
#: Words YAML 1.1 resolves to booleans or null: a name spelt so is quoted.
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}


def yaml_scalar(text: str, *, expression: bool = False, what: str = "scalar") -> str:
    """``text`` as a YAML scalar that reads back as exactly ``text`` and adds no structure.

    The rule is strict: ``text`` is written plain only when it is provably plain (a
    name ``[A-Za-z_][A-Za-z0-9_]*`` that YAML does not read as a boolean or null; with
    ``expression=True`` also arithmetic ``+ - * / ^ ( ) .`` on names and numbers, the
    charges PyR@TE reads).  Every other string is single-quoted, a quote doubled.
    A string with a character that a single-quoted scalar cannot carry on one line
    (line breaks, tabs, other control or non-printable characters) is refused.

    Parameters
    ----------
    text : str
        The value.
    expression : bool, optional
        Allow the arithmetic characters unquoted (charges, ``1/Sqrt(2)``).
    what : str, optional
        What the value is, for the error message.

    Returns
    -------
    str
        The scalar as it is to appear in the file.

    Raises
    ------
    ModelError
        For a string with a non-printable character, or not a string.

    Examples
    --------
    >>> yaml_scalar("Hbar"), yaml_scalar("yes"), yaml_scalar("-1/2", expression=True)
    ('Hbar', "'yes'", '-1/2')
    >>> yaml_scalar("x: 1 # it's")
    "'x: 1 # it''s'"
    >>> yaml_scalar("a\\nb: 1")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelError: cannot write the scalar 'a\\nb: 1' in a PyR@TE (YAML) file: it contains U+000A, which a one-line quoted YAML scalar cannot hold
    """
    from ..exceptions import ModelError

    if not isinstance(text, str):
        raise ModelError(f"cannot write the {what} {text!r} in a PyR@TE (YAML) file: not a string")
    plain = _PLAIN_EXPRESSION if expression else _PLAIN_NAME
    if plain.fullmatch(text) and (text.lower() not in _YAML_WORDS):
        return text
    bad = next((ch for ch in text if not ch.isprintable()), None)
    if bad is not None:
        raise ModelError(f"cannot write the {what} {text!r} in a PyR@TE (YAML) file: it contains"
                         f" U+{ord(bad):04X}, which a one-line quoted YAML scalar cannot hold")
    return "'" + text.replace("'", "''") + "'"
