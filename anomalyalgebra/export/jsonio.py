"""JSON for sympy expressions, read back without ``eval``.

An expression is written as a tree of plain JSON objects::

    {"int": "12"}                         Integer (as a string: any size)
    {"rational": ["-1", "2"]}             Rational
    {"float": "0.0125", "dps": 15}        Float, with its precision in digits
    {"symbol": "alpha_L", "assumptions": {"real": true}}
    {"const": "pi"}                       pi, E, I, EulerGamma, oo, -oo, zoo, nan
    {"op": "Add", "args": [...]}          a whitelisted function or operator
    {"matrix": [[...], ...]}              an immutable matrix
    {"tuple": [...]}                      a tuple of expressions

Reading maps ``op`` names through a fixed whitelist to sympy classes and rebuilds
every node unevaluated, exactly as written; nothing in the text is ever evaluated as
code.  ``loads(dumps(e)) == e`` holds structurally for every
expression built from the whitelist, which the tests check with hypothesis.
"""

from __future__ import annotations

import json

import sympy as sp

from ..exceptions import AnomalyAlgebraError

__all__ = ["to_json", "from_json", "dumps", "loads", "JSONExpressionError", "SUPPORTED_OPS"]


class JSONExpressionError(AnomalyAlgebraError, ValueError):
    """An expression cannot be written to, or read from, the JSON form."""


_OPS = {
    "Add": sp.Add, "Mul": sp.Mul, "Pow": sp.Pow,
    "exp": sp.exp, "log": sp.log, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan,
    "asin": sp.asin, "acos": sp.acos, "atan": sp.atan, "atan2": sp.atan2,
    "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh,
    "Abs": sp.Abs, "sign": sp.sign, "re": sp.re, "im": sp.im, "conjugate": sp.conjugate,
    "floor": sp.floor, "ceiling": sp.ceiling, "Mod": sp.Mod, "Max": sp.Max, "Min": sp.Min,
    "Heaviside": sp.Heaviside, "polylog": sp.polylog,
    "LeviCivita": sp.LeviCivita, "KroneckerDelta": sp.KroneckerDelta,
    "Eq": sp.Eq, "Ne": sp.Ne, "Lt": sp.StrictLessThan, "Le": sp.LessThan,
    "Gt": sp.StrictGreaterThan, "Ge": sp.GreaterThan,
    "And": sp.And, "Or": sp.Or, "Not": sp.Not,
    "Piecewise": sp.Piecewise, "ExprCondPair": sp.functions.elementary.piecewise.ExprCondPair,
}
_CONSTS = {"pi": sp.pi, "E": sp.E, "I": sp.I, "EulerGamma": sp.EulerGamma,
           "oo": sp.oo, "-oo": -sp.oo, "zoo": sp.zoo, "nan": sp.nan,
           "true": sp.true, "false": sp.false}
_CLASS_NAME = {cls: name for name, cls in _OPS.items()}
_CONST_NAME = {value: name for name, value in _CONSTS.items()}
#: The operator names the JSON form accepts.
SUPPORTED_OPS = tuple(sorted(_OPS))


def to_json(expr, *, exact_floats: bool = False):
    """The JSON-ready tree of a sympy expression (see the module documentation).

    ``exact_floats=True`` writes each Float with as many digits as its binary
    precision needs to be read back bit for bit (the default writes the digits of
    ``sstr``, which may round the last bit).

    Examples
    --------
    >>> a = sp.Symbol("alpha_L", real=True)
    >>> to_json(2*a - sp.Rational(1, 2))
    {'op': 'Add', 'args': [{'rational': ['-1', '2']}, {'op': 'Mul', 'args': [{'int': '2'}, {'symbol': 'alpha_L', 'assumptions': {'real': True}}]}]}
    """
    if isinstance(expr, (list, tuple)):
        return {"tuple": [to_json(e, exact_floats=exact_floats) for e in expr]}
    if isinstance(expr, sp.MatrixBase):
        return {"matrix": [[to_json(x, exact_floats=exact_floats) for x in expr.row(i)] for i in range(expr.rows)]}
    if isinstance(expr, bool):
        return {"const": "true" if expr else "false"}
    if isinstance(expr, int):
        return {"int": str(expr)}
    if not isinstance(expr, sp.Basic):
        raise JSONExpressionError(f"cannot write {type(expr).__name__} {expr!r}: not a sympy object")
    const = _CONST_NAME.get(expr)
    if const is not None and type(expr) is type(_CONSTS[const]):
        return {"const": const}
    if isinstance(expr, sp.Integer):
        return {"int": str(int(expr))}
    if isinstance(expr, sp.Rational):
        return {"rational": [str(int(expr.p)), str(int(expr.q))]}
    if isinstance(expr, sp.Float):
        if exact_floats:
            import mpmath.libmp as mlib

            return {"float": mlib.to_str(expr._mpf_, mlib.repr_dps(expr._prec)), "dps": _prec_to_dps(expr._prec)}
        return {"float": sp.sstr(expr, full_prec=True), "dps": _prec_to_dps(expr._prec)}
    if isinstance(expr, sp.Symbol):
        return {"symbol": expr.name, "assumptions": dict(sorted(expr._assumptions_orig.items()))}
    cls = type(expr)
    name = _CLASS_NAME.get(cls)
    if name is None:
        for base, n in _CLASS_NAME.items():
            if isinstance(expr, base) and base not in (sp.Add, sp.Mul, sp.Pow):
                name = n
                break
    if name is None:
        raise JSONExpressionError(
            f"cannot write {cls.__name__} ({expr}) as JSON; supported: {', '.join(SUPPORTED_OPS)}"
        )
    return {"op": name, "args": [to_json(a, exact_floats=exact_floats) for a in expr.args]}


def _prec_to_dps(prec: int) -> int:
    import mpmath.libmp

    return int(mpmath.libmp.prec_to_dps(prec))


def from_json(data):
    """Rebuild a sympy expression from :func:`to_json`'s tree, through a whitelist only.

    Parameters
    ----------
    data : dict
        A tree as :func:`to_json` writes it (e.g. from ``json.load``).

    Returns
    -------
    sympy.Basic, tuple or sympy.ImmutableMatrix
        The expression, rebuilt unevaluated exactly as written.

    Raises
    ------
    JSONExpressionError
        On anything that is not a documented node (unknown operator, malformed node).

    Examples
    --------
    >>> x = sp.Symbol("x", positive=True)
    >>> e = sp.sqrt(x) * sp.pi / 3
    >>> from_json(to_json(e)) == e
    True
    >>> x = sp.Symbol("x")
    >>> from_json(to_json(sp.Abs(sp.Abs(2*x))))    # stored as 2*Abs(Abs(x)); kept as is
    2*Abs(Abs(x))
    >>> from_json({"op": "__import__", "args": []})
    Traceback (most recent call last):
    ...
    anomalyalgebra.export.jsonio.JSONExpressionError: unknown operator '__import__' in JSON expression; supported: Abs, Add, ...
    """
    if not isinstance(data, dict) or len(data) not in (1, 2):
        raise JSONExpressionError(f"malformed JSON expression node: {data!r}")
    try:
        if "int" in data:
            return sp.Integer(int(data["int"]))
        if "rational" in data:
            p, q = data["rational"]
            return sp.Rational(int(p), int(q))
        if "float" in data:
            text = data["float"]
            if not isinstance(text, str) or not _is_decimal(text):
                raise JSONExpressionError(f"malformed float {text!r}")
            return sp.Float(text, int(data.get("dps", 15)))
        if "symbol" in data:
            assumptions = data.get("assumptions", {})
            if not all(isinstance(v, bool) for v in assumptions.values()):
                raise JSONExpressionError(f"malformed assumptions {assumptions!r}")
            return sp.Symbol(str(data["symbol"]), **assumptions)
        if "const" in data:
            return _CONSTS[data["const"]]
        if "tuple" in data:
            return tuple(from_json(x) for x in data["tuple"])
        if "matrix" in data:
            return sp.ImmutableMatrix([[from_json(x) for x in row] for row in data["matrix"]])
        if "op" in data:
            name = data["op"]
            if name not in _OPS:
                raise JSONExpressionError(
                    f"unknown operator {name!r} in JSON expression; supported: {', '.join(SUPPORTED_OPS)}"
                )
            args = [from_json(a) for a in data.get("args", [])]
            # every node is rebuilt as written, unevaluated: sympy stores what it stored
            # (e.g. 2*Abs(Abs(x))), and evaluating again could change it (to 2*Abs(x))
            if name == "Piecewise":
                return sp.Piecewise(*[(p.expr, p.cond) for p in args], evaluate=False)
            if name == "ExprCondPair":
                return _OPS[name](*args)
            return _OPS[name](*args, evaluate=False)
    except JSONExpressionError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise JSONExpressionError(f"malformed JSON expression node {data!r}: {exc}") from None
    raise JSONExpressionError(f"malformed JSON expression node: {data!r}")


def _is_decimal(text: str) -> bool:
    import re

    return re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", text) is not None


def dumps(expr, **kwargs) -> str:
    """JSON text of an expression (``json.dumps`` of :func:`to_json`).

    Parameters
    ----------
    expr : sympy expression
        What to write.
    **kwargs
        Passed to :func:`json.dumps` (``indent``, ...).

    Returns
    -------
    str
        The JSON text.

    Raises
    ------
    JSONExpressionError
        As :func:`to_json`.

    Examples
    --------
    >>> x = sp.Symbol("x", positive=True)
    >>> loads(dumps(sp.sqrt(x) / 2)) == sp.sqrt(x) / 2
    True
    """
    return json.dumps(to_json(expr), **kwargs)


def loads(text: str):
    """Read JSON text written by :func:`dumps` (``json.loads`` + :func:`from_json`).

    Parameters
    ----------
    text : str
        The JSON text.

    Returns
    -------
    sympy.Basic, tuple or sympy.ImmutableMatrix
        The expression.

    Raises
    ------
    JSONExpressionError
        As :func:`from_json`.
    json.JSONDecodeError
        If the text is not JSON.
    """
    return from_json(json.loads(text))
