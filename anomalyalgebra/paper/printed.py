"""The values the seed paper prints, read from ``printed.toml`` (data, not code).

Every printed number, expression, operator list and table row that a record of
:mod:`anomalyalgebra.paper` compares with, or evaluates at, is an entry of
``printed.toml`` next to this module.  The modules of the package read them through
:func:`number`, :func:`expression` and :func:`entry`; none types a printed value.
Expression strings go through the hand-written parser
:func:`anomalyalgebra.expr.parse_expression` (no ``eval``/``sympify``).

Examples
--------
>>> number("eq58")
7/12500000
>>> entry("eq58").digits, entry("eq58").where
(2, 'Eq. (58)')
>>> import sympy as sp
>>> expression("eq22", {"alpha_L": sp.Symbol("alpha_L")})
-alpha_L
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import sympy as sp

from ..exceptions import ExpressionError, ModelFileError
from ..expr import parse_expression

__all__ = ["Printed", "entry", "number", "interval", "expression", "table", "PRINTED_FILE"]

#: The data file.
PRINTED_FILE = Path(__file__).with_name("printed.toml")


@dataclass(frozen=True)
class Printed:
    """One printed item: its raw value, where it is printed, and its printed digits."""

    key: str
    where: str
    value: object
    digits: int | None = None
    note: str = ""
    extra: tuple = ()

    def get(self, name: str):
        """An extra field of the entry (e.g. ``supports``)."""
        for k, v in self.extra:
            if k == name:
                return v
        raise ModelFileError(f"{PRINTED_FILE.name}: entry [{self.key}] has no field {name!r}")


@lru_cache(maxsize=1)
def _load() -> dict:
    with open(PRINTED_FILE, "rb") as fh:
        return tomllib.load(fh)


def table() -> dict:
    """The raw content of ``printed.toml`` (key -> table; points under ``"point"``)."""
    return _load()


def entry(key: str) -> Printed:
    """The printed item ``key`` (``"eq58"``; ``"point.m_X"`` for a printed point)."""
    data = table()
    node = data
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise ModelFileError(f"{PRINTED_FILE.name}: no entry [{key}]")
        node = node[part]
    if not isinstance(node, dict) or "value" not in node or "where" not in node:
        raise ModelFileError(f"{PRINTED_FILE.name}: entry [{key}] needs 'value' and 'where'")
    extra = tuple(sorted((k, v) for k, v in node.items()
                         if k not in ("value", "where", "digits", "note")))
    return Printed(key, node["where"], node["value"], node.get("digits"), node.get("note", ""),
                   extra)


def _parse(text, symbols, key):
    if not isinstance(text, str):
        raise ModelFileError(f"{PRINTED_FILE.name}: [{key}] value {text!r} is not a string")
    if text.strip() == "oo":
        return sp.oo
    try:
        return parse_expression(text, symbols)
    except ExpressionError as exc:
        raise ModelFileError(f"{PRINTED_FILE.name}: [{key}] value {text!r}: {exc}") from None


def _convert(value, symbols, key):
    if isinstance(value, list):
        return [_convert(v, symbols, key) for v in value]
    if isinstance(value, dict):
        return {k: _convert(v, symbols, key) for k, v in value.items()}
    return _parse(value, symbols, key)


def number(key: str) -> sp.Rational:
    """A printed number, exactly as printed (``"5.6e-7"`` -> ``7/12500000``)."""
    e = entry(key)
    value = _parse(e.value, {}, key)
    if not value.is_number:
        raise ModelFileError(f"{PRINTED_FILE.name}: [{key}] is not a number: {e.value!r}")
    return value


def interval(key: str) -> tuple:
    """The interval a printed number stands for: value ± half a unit of its last digit.

    Examples
    --------
    >>> interval("point.eq42_vX_over_M")
    (27/2000, 29/2000)
    """
    e = entry(key)
    if e.digits is None:
        raise ModelFileError(f"{PRINTED_FILE.name}: [{key}] gives no 'digits'")
    x = number(key)
    if x == 0:
        raise ModelFileError(f"{PRINTED_FILE.name}: [{key}] is zero; give it as an interval")
    exponent = int(sp.floor(sp.log(abs(x), 10))) - int(e.digits) + 1
    half = sp.Rational(10) ** exponent / 2
    return (x - half, x + half)


def expression(key: str, symbols: Mapping[str, sp.Symbol] | None = None):
    """A printed expression (or nested list / table of them) in the given symbols.

    A nested list of lists of equal length is returned as an immutable matrix.
    """
    value = _convert(entry(key).value, dict(symbols or {}), key)
    if isinstance(value, list) and value and all(isinstance(r, list) for r in value) \
            and len({len(r) for r in value}) == 1:
        return sp.ImmutableMatrix(value)
    return value
