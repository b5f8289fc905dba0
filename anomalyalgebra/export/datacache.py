"""A cache that holds data, not code: typed JSON files with a schema version.

``anomalyalgebra reproduce`` keeps its results between runs in a directory that other
people may be able to write (a shared ``$ANOMALYALGEBRA_CACHE``, a copied home
directory).  A pickle would run whatever such a file says when it is loaded; this
module writes and reads plain JSON instead, through a fixed set of node types, so a
cache file can only ever become one of the values it was made from:

* ``null``, booleans, strings, integers: themselves;
* finite floats: themselves (``repr`` round trip); ``{"$float": "nan"}``: NaN, ``inf``, ``-inf``;
* ``{"$fraction": ["-1", "2"]}``: :class:`fractions.Fraction`;
* ``{"$list": [...]}``, ``{"$tuple": [...]}``: list, tuple;
* ``{"$dict": [[key, value], ...]}``: dict (any encodable keys, order kept);
* ``{"$sympy": tree}``: a sympy object through the whitelist of
  :mod:`anomalyalgebra.export.jsonio` (floats written exactly);
* ``{"$matrix": [[...]], "mutable": b}``: a sympy matrix;
* ``{"$ndarray": [...], "shape": [...]}``: a float numpy array (numpy imported lazily);
* ``{"$record": name, "fields": {...}}``: a dataclass, only of a class the caller names.

A file is ``{"schema": SCHEMA, "kind": ..., "value": ...}``.  Anything else (an old
pickle, a file of another schema or kind, malformed JSON, an unknown node, a
dataclass the caller did not allow) is *foreign*: :func:`load` returns ``None`` with a
note saying why, and the caller computes the value afresh.  :func:`store` writes a
value only if reading it back gives an identical value (same types, same sympy
``srepr``), so a cached result prints byte for byte as a computed one.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import time
from fractions import Fraction
from pathlib import Path

import sympy as sp

from ..exceptions import AnomalyAlgebraError

__all__ = ["SCHEMA", "CacheFormatError", "encode", "decode", "dumps", "loads", "load", "store", "identical"]

#: Version of the file layout; a file with another version is ignored.
SCHEMA = 1
#: Files larger than this are not read (a cache entry of the paper is far smaller).
MAX_BYTES = 64 * 2**20


class CacheFormatError(AnomalyAlgebraError, ValueError):
    """A cache file, or a value, that is not of the documented form."""


def _class_table(classes) -> dict:
    return {f"{c.__module__}.{c.__qualname__}": c for c in classes}


def encode(value, classes=()):
    """The JSON-ready form of ``value`` (see the module documentation).

    Parameters
    ----------
    value
        Built from the types of the table above.
    classes : sequence of dataclass types
        The dataclasses that may appear (their fields are encoded recursively).

    Returns
    -------
    object
        Plain JSON data.

    Raises
    ------
    CacheFormatError
        For a value of another type (the caller then does not cache it).

    Examples
    --------
    >>> from fractions import Fraction
    >>> encode([1, Fraction(1, 3), (2.5, "a")])
    {'$list': [1, {'$fraction': ['1', '3']}, {'$tuple': [2.5, 'a']}]}
    """
    table = _class_table(classes)
    return _enc(value, {c: n for n, c in table.items()})


def _enc(v, names):
    from .jsonio import JSONExpressionError, to_json

    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return v if math.isfinite(v) else {"$float": repr(v)}
    if isinstance(v, Fraction):
        return {"$fraction": [str(v.numerator), str(v.denominator)]}
    if isinstance(v, list):
        return {"$list": [_enc(x, names) for x in v]}
    if isinstance(v, tuple) and not hasattr(v, "_fields"):
        return {"$tuple": [_enc(x, names) for x in v]}
    if isinstance(v, dict):
        return {"$dict": [[_enc(k, names), _enc(x, names)] for k, x in v.items()]}
    if isinstance(v, sp.MatrixBase):
        return {"$matrix": [[_enc(x, names) for x in v.row(i)] for i in range(v.rows)],
                "mutable": not isinstance(v, sp.ImmutableMatrix)}
    if isinstance(v, sp.Basic):
        try:
            return {"$sympy": to_json(v, exact_floats=True)}
        except JSONExpressionError as exc:
            raise CacheFormatError(str(exc)) from None
    if type(v) in names and dataclasses.is_dataclass(v):
        return {"$record": names[type(v)],
                "fields": {f.name: _enc(getattr(v, f.name), names) for f in dataclasses.fields(v) if f.init}}
    if type(v).__module__ == "numpy" and type(v).__name__ == "ndarray" and v.dtype.kind == "f":
        return {"$ndarray": [x if math.isfinite(x) else {"$float": repr(x)} for x in v.ravel().tolist()],
                "shape": list(v.shape)}
    raise CacheFormatError(f"cannot cache a value of type {type(v).__name__}")


def decode(data, classes=()):
    """The value :func:`encode` made ``data`` from; nothing in ``data`` is executed.

    Raises
    ------
    CacheFormatError
        For any node that is not of the documented form, or a dataclass not in ``classes``.

    Examples
    --------
    >>> decode({"$tuple": [1, {"$float": "inf"}]})
    (1, inf)
    >>> decode({"$record": "os.system", "fields": {}})
    Traceback (most recent call last):
    ...
    anomalyalgebra.export.datacache.CacheFormatError: a cached record of class 'os.system', which is not one of: none
    """
    return _dec(data, _class_table(classes))


def _dec(d, table):
    from .jsonio import JSONExpressionError, from_json

    if d is None or isinstance(d, (bool, str, int, float)):
        return d
    if isinstance(d, list):
        raise CacheFormatError("a bare JSON list (lists are written as {'$list': ...})")
    if not isinstance(d, dict) or not d:
        raise CacheFormatError(f"malformed cache node of type {type(d).__name__}")
    tag = next(iter(d))
    body = d[tag]
    try:
        if tag == "$float" and len(d) == 1 and body in ("nan", "inf", "-inf"):
            return float(body)
        if tag == "$fraction" and len(d) == 1:
            n, q = body
            return Fraction(int(n), int(q))
        if tag in ("$list", "$tuple") and len(d) == 1 and isinstance(body, list):
            items = [_dec(x, table) for x in body]
            return items if tag == "$list" else tuple(items)
        if tag == "$dict" and len(d) == 1 and isinstance(body, list):
            out = {}
            for pair in body:
                k, v = pair
                out[_dec(k, table)] = _dec(v, table)
            return out
        if tag == "$sympy" and len(d) == 1:
            return from_json(body)
        if tag == "$matrix" and set(d) == {"$matrix", "mutable"} and isinstance(body, list):
            rows = [[_dec(x, table) for x in row] for row in body]
            return sp.Matrix(rows) if d["mutable"] is True else sp.ImmutableMatrix(rows)
        if tag == "$ndarray" and set(d) == {"$ndarray", "shape"} and isinstance(body, list):
            import numpy as np

            flat = [float(x) if not isinstance(x, dict) else _dec(x, table) for x in body]
            shape = tuple(int(s) for s in d["shape"])
            return np.array(flat, dtype=float).reshape(shape)
        if tag == "$record" and set(d) == {"$record", "fields"} and isinstance(d["fields"], dict):
            cls = table.get(body)
            if cls is None:
                raise CacheFormatError(f"a cached record of class {body!r}, which is not one of:"
                                       f" {', '.join(table) or 'none'}")
            names = {f.name for f in dataclasses.fields(cls) if f.init}
            if set(d["fields"]) != names:
                raise CacheFormatError(f"a cached {body} with fields {sorted(d['fields'])}, expected {sorted(names)}")
            return cls(**{k: _dec(v, table) for k, v in d["fields"].items()})
    except CacheFormatError:
        raise
    except JSONExpressionError as exc:
        raise CacheFormatError(f"cached expression: {exc}") from None
    except (TypeError, ValueError, KeyError, OverflowError, ImportError) as exc:
        raise CacheFormatError(f"malformed cache node {tag!r}: {exc}") from None
    raise CacheFormatError(f"unknown cache node {tag!r}")


def identical(a, b) -> bool:
    """Whether two values are the same, type for type (sympy objects by ``srepr``).

    Parameters
    ----------
    a, b
        Values built from the types :func:`encode` writes.

    Returns
    -------
    bool

    Examples
    --------
    >>> identical((1, 2.0), (1, 2.0)), identical((1, 2.0), [1, 2.0]), identical(1, True)
    (True, False, False)
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(identical(k, j) for k, j in zip(a, b)) and \
            all(identical(a[k], b[k]) for k in a)
    if isinstance(a, (sp.Basic, sp.MatrixBase)):
        return sp.srepr(a) == sp.srepr(b)
    if isinstance(a, float):
        return repr(a) == repr(b)
    if dataclasses.is_dataclass(a):
        return all(identical(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if type(a).__module__ == "numpy":
        return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()
    return a == b


def dumps(kind: str, value, classes=()) -> str:
    """The text of a cache file holding ``value``.

    Parameters
    ----------
    kind : str
        What the file holds (checked by :func:`loads`).
    value
        As for :func:`encode`.
    classes : sequence of dataclass types

    Returns
    -------
    str

    Raises
    ------
    CacheFormatError
        For a value :func:`encode` cannot write.

    Examples
    --------
    >>> dumps("numbers", [1, 0.5])
    '{"schema":1,"kind":"numbers","value":{"$list":[1,0.5]}}'
    """
    return json.dumps({"schema": SCHEMA, "kind": kind, "value": encode(value, classes)},
                      allow_nan=False, separators=(",", ":"))


def loads(text, kind: str, classes=()):
    """The value in the text of a cache file of ``kind``.

    Parameters
    ----------
    text : str
    kind : str
        What the file must hold.
    classes : sequence of dataclass types
        Dataclasses the value may contain.

    Returns
    -------
    object

    Raises
    ------
    CacheFormatError
        For text that is not such a file (malformed JSON, another schema or kind,
        an unknown node).
    """
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise CacheFormatError(f"not JSON ({str(exc)[:80]})") from None
    if not isinstance(doc, dict) or set(doc) != {"schema", "kind", "value"}:
        raise CacheFormatError("not an anomalyalgebra cache file (expected the keys schema, kind, value)")
    if doc["schema"] != SCHEMA:
        raise CacheFormatError(f"cache schema {doc['schema']!r}, this version reads {SCHEMA}")
    if doc["kind"] != kind:
        raise CacheFormatError(f"a cached {doc['kind']!r}, expected {kind!r}")
    try:
        return decode(doc["value"], classes)
    except RecursionError:
        raise CacheFormatError("nested too deeply") from None


def load(path, kind: str, classes=(), *, notes=None):
    """The value cached in ``path``, or ``None`` (missing, or foreign: a note says why).

    Only a regular file is opened (a FIFO would block); it is read as text and decoded
    by :func:`loads` -- never unpickled, imported or evaluated.

    Parameters
    ----------
    path : path
    kind : str
        What the file must hold (e.g. ``"record"``).
    classes : sequence of dataclass types
        Dataclasses the value may contain.
    notes : list, optional
        Receives one line per ignored file.

    Returns
    -------
    object or None

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.json"
    >>> _ = p.write_bytes(b"\\x80\\x04 a pickle")
    >>> notes = []
    >>> load(p, "record", notes=notes) is None, notes[0].endswith("not UTF-8 text (an old pickle?)")
    (True, True)
    """
    import stat

    path = Path(path)
    try:
        st = os.stat(path)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(st.st_mode):
            raise CacheFormatError("not a regular file")
        if st.st_size > MAX_BYTES:
            raise CacheFormatError(f"larger than {MAX_BYTES} bytes")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise CacheFormatError("not UTF-8 text (an old pickle?)") from None
        return loads(text, kind, classes)
    except (CacheFormatError, OSError) as exc:
        if notes is not None:
            notes.append(f"cache file {path} ignored: {exc}")
        return None


def store(path, kind: str, value, classes=()) -> bool:
    """Write ``value`` to ``path`` (atomically) if it reads back identical; whether it did.

    A value that cannot be encoded, or that would not read back identical, is not
    stored (the next run computes it again).  An unwritable cache is only slower:
    ``OSError`` is ignored.

    Parameters
    ----------
    path : path
    kind : str
    value
        As for :func:`encode`.
    classes : sequence of dataclass types

    Returns
    -------
    bool
        Whether the file was written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.json"
    >>> store(p, "numbers", (1, 2.5)), load(p, "numbers")
    (True, (1, 2.5))
    >>> store(p, "numbers", object())
    False
    """
    try:
        text = dumps(kind, value, classes)
        if not identical(loads(text, kind, classes), value):
            return False
    except (CacheFormatError, RecursionError):
        return False
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{time.time_ns()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError:
        return False
    return True
