"""Model files: a TOML schema for models, read without ``eval`` and written back.

Schema (every key not listed is an error; see ``docs/modelfiles.rst``)::

    name = "L = -4R"                 # required
    description = "..."              # optional
    electric_charge = "T3(SU2L) + Y" # optional: U(1) labels and T3 of SU(2) labels
    [groups]                         # required; label = group, in table-column order
    SU3c = "SU(3)"
    SU2L = "SU(2)"
    Y = "U(1)"
    X = "U(1)"
    Z2A = "Z(2)"
    PQ = { group = "U(1)", gauged = false }   # a global symmetry (default: gauged)
    [symbols]                        # optional; name = { assumptions }
    alpha_L = { real = true, latex = '\\alpha_L^\\tau' }
    n = { integer = true, positive = true }
    [fields.l3]                      # one table per field, in table-row order
    latex = '\\ell_L^3'              # optional, defaults to the name
    spin = "1/2"                     # "1/2": Weyl fermion, "0": complex scalar
    chirality = "L"                  # fermions only: "L" or "R"
    copies = 1                       # optional, default 1
    reps = { SU3c = "1", SU2L = "2", Y = "-1/2", X = "4", Z2A = "+" }

Every field must give a representation for every group.  Charges are integers or
strings read by :func:`anomalyalgebra.expr.parse_expression` (numbers, fractions,
declared symbols, ``+ - * / ^``, parentheses and ``sqrt``).  Errors name the file,
the field and the key.
"""

from __future__ import annotations

import os
import tomllib
from importlib import resources
from pathlib import Path

import sympy as sp

from .exceptions import AnomalyAlgebraError, ModelError, ModelFileError, check_keys
from .files import read_regular_file
from .limits import current_limits, hint
from .groups import parse_group
from .model import Field, Model, electric_charge_text, parse_electric_charge

__all__ = ["load_model", "loads_model", "dumps_model", "builtin_models"]

_TOP_KEYS = {"name", "description", "electric_charge", "groups", "symbols", "fields"}
_FIELD_KEYS = {"latex", "spin", "chirality", "copies", "reps"}
_GROUP_KEYS = {"group", "gauged"}
_ASSUMPTIONS = {"real", "positive", "negative", "nonnegative", "nonpositive", "nonzero",
                "integer", "rational"}
_SYMBOL_KEYS = _ASSUMPTIONS | {"latex"}
_SPINS = {"1/2": sp.Rational(1, 2), "0": sp.Integer(0)}


def builtin_models() -> list:
    """Names of the models shipped with the package.

    Examples
    --------
    >>> builtin_models()
    ['anomalon_nplet', 'sm', 'sm_x_tau', 'tau_l_minus_4r', 'tau_l_only']
    """
    folder = resources.files("anomalyalgebra") / "models"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_model(name_or_path, *, format=None, **options) -> Model:
    """Load a built-in model by name, or a TOML model file by path.

    This module reads the package's own TOML format only; :func:`anomalyalgebra.load_model`
    (:mod:`anomalyalgebra.formats`, the format dispatch of the io layer) also reads
    SARAH and PyR@TE files.

    Parameters
    ----------
    name_or_path : str or os.PathLike
        A built-in name (see :func:`builtin_models`) or the path of a TOML model file.
    format : {"toml"}, optional
        Any other format raises :class:`ModelFileError` naming
        :func:`anomalyalgebra.load_model`.
    **options
        Reader options of other formats: not accepted here (:class:`ModelFileError`).

    Returns
    -------
    Model
        The model, every representation read exactly (no ``eval``).

    Raises
    ------
    ModelFileError
        For a missing, unreadable or malformed file, a directory, a file larger than
        ``max_file_bytes`` (:mod:`anomalyalgebra.limits`), or anything that is neither
        a built-in name nor a path; the message names the file, field and key.

    Examples
    --------
    >>> m = load_model("tau_l_minus_4r")
    >>> m.name, len(m.fields)
    ('L = -4R', 16)
    """
    if isinstance(name_or_path, str) and name_or_path in builtin_models():
        res = resources.files("anomalyalgebra") / "models" / f"{name_or_path}.toml"
        return loads_model(res.read_text(encoding="utf-8"), path=f"<built-in model {name_or_path}>")
    if not isinstance(name_or_path, (str, os.PathLike)) or not os.fspath(name_or_path):
        raise ModelFileError(
            f"a model is a built-in name ({', '.join(builtin_models())}) or the path of a model"
            f" file (.toml; .m: SARAH; .model or .yaml: PyR@TE), got {name_or_path!r}")
    path = Path(os.fspath(name_or_path))
    if format not in (None, "toml") or options:
        what = f"format {format!r}" if format not in (None, "toml") else f"option(s) {sorted(options)}"
        raise ModelFileError(f"anomalyalgebra.modelfile reads TOML model files only ({what} given);"
                             " anomalyalgebra.load_model reads SARAH and PyR@TE files too", path=path)
    if not os.path.lexists(path):
        raise ModelFileError(
            f"no such model file, and not a built-in model (built-in: {', '.join(builtin_models())})",
            path=path,
        )
    bound = current_limits().max_file_bytes
    # a regular file only, checked before it is opened: a FIFO would block, a symlink loop
    # is named as such (anomalyalgebra.files)
    raw = read_regular_file(path, limit=bound)
    if len(raw) > bound:
        raise ModelFileError(f"larger than the limit max_file_bytes = {bound} bytes"
                             f"{hint('max_file_bytes')}", path=path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ModelFileError(f"not UTF-8 text (byte {exc.start}): a model file is TOML, which"
                             " is UTF-8", path=path) from None
    return loads_model(text, path=path)


def loads_model(text: str, *, path="<string>") -> Model:
    """Read a model from model-file text (the TOML schema of the module docstring).

    Parameters
    ----------
    text : str
        The text of a ``.toml`` model file.
    path : str or os.PathLike, optional
        Shown in error messages (default ``"<string>"``).

    Returns
    -------
    Model
        The model.

    Raises
    ------
    ModelFileError
        For any malformed content; the message names ``path``, the field and the key.

    Examples
    --------
    >>> src = '''
    ... name = "toy"
    ... [groups]
    ... X = "U(1)"
    ... [fields.psi]
    ... spin = "1/2"
    ... chirality = "R"
    ... reps = { X = "1/3" }
    ... '''
    >>> loads_model(src).charge("psi", "X")
    1/3
    >>> loads_model(src.replace('"1/3"', '"__import__(1)"'))
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelFileError: <string>, field 'psi', key 'reps.X': undeclared symbol '__import__' at position 0 in '__import__(1)' (declared symbols: none)
    """
    if not isinstance(text, str):
        raise ModelFileError(f"model-file text must be a str, got {type(text).__name__}", path=path)
    bound = current_limits().max_file_bytes
    if len(text) > bound:
        raise ModelFileError(f"text of {len(text)} characters is larger than the limit"
                             f" max_file_bytes = {bound}{hint('max_file_bytes')}", path=path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ModelFileError(f"not valid TOML: {exc}", path=path) from None
    except RecursionError:
        raise ModelFileError("not valid TOML for a model: arrays or tables nested too deeply",
                             path=path) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise ModelFileError(f"not valid TOML for a model: {exc}", path=path) from None
    check_keys(data, _TOP_KEYS, what="top-level key", path=path)
    name = data.get("name")
    if not isinstance(name, str) or not name:
        raise ModelFileError("a model needs a non-empty string 'name'", path=path, key="name")
    description = data.get("description", "")
    if not isinstance(description, str):
        raise ModelFileError("'description' must be a string", path=path, key="description")

    groups_data = data.get("groups")
    if not isinstance(groups_data, dict) or not groups_data:
        raise ModelFileError("a model needs a [groups] table with at least one group",
                             path=path, key="groups")
    if len(groups_data) > current_limits().max_group_factors:
        raise ModelFileError(f"{len(groups_data)} group factors exceed the limit max_group_factors"
                             f" = {current_limits().max_group_factors}{hint('max_group_factors')}",
                             path=path, key="groups")
    groups = [(label, _read_group(label, spec, path)) for label, spec in groups_data.items()]

    symbols, symbol_latex = _read_symbols(data.get("symbols", {}), path)
    by_name = {s.name: s for s in symbols}

    fields_data = data.get("fields")
    if not isinstance(fields_data, dict) or not fields_data:
        raise ModelFileError("a model needs at least one [fields.NAME] table", path=path, key="fields")
    if len(fields_data) > current_limits().max_fields:
        raise ModelFileError(f"{len(fields_data)} fields exceed the limit max_fields ="
                             f" {current_limits().max_fields}{hint('max_fields')}", path=path,
                             key="fields")
    gmap = dict(groups)
    fields = []
    for fname, spec in fields_data.items():
        fields.append(_read_field(fname, spec, gmap, by_name, path))
    charge = ()
    if "electric_charge" in data:
        try:
            charge = parse_electric_charge(groups, data["electric_charge"])
        except ModelError as exc:
            raise ModelFileError(str(exc), path=path, key="electric_charge") from None
    try:
        return Model(name, tuple(groups), tuple(fields), symbols, symbol_latex, description,
                     charge)
    except ModelError as exc:
        raise ModelFileError(str(exc), path=path) from None


def _read_group(label, spec, path):
    """One entry of [groups]: ``"SU(3)"`` (gauged) or ``{ group = "U(1)", gauged = false }``."""
    key = f"groups.{label}"
    gauged = True
    if isinstance(spec, dict):
        check_keys(spec, _GROUP_KEYS, where="in a group table", path=path, key_prefix=f"{key}.")
        if "group" not in spec:
            raise ModelFileError("a group table needs the key 'group', e.g."
                                 " { group = \"U(1)\", gauged = false }", path=path,
                                 key=f"{key}.group")
        gauged = spec.get("gauged", True)
        if not isinstance(gauged, bool):
            raise ModelFileError(f"'gauged' must be true or false, got {gauged!r}", path=path,
                                 key=f"{key}.gauged")
        text = spec["group"]
        key_text = f"{key}.group"
    else:
        text, key_text = spec, key
    if not isinstance(text, str):
        raise ModelFileError(f"group must be a string such as \"SU(3)\" or a table"
                             f" {{ group = \"U(1)\", gauged = false }}, got {text!r}",
                             path=path, key=key_text)
    try:
        return parse_group(text, gauged=gauged)
    except AnomalyAlgebraError as exc:
        raise ModelFileError(str(exc), path=path, key=key_text) from None


def _read_symbols(spec, path):
    if not isinstance(spec, dict):
        raise ModelFileError("[symbols] must be a table", path=path, key="symbols")
    symbols, latex = [], []
    for sname, opts in spec.items():
        key = f"symbols.{sname}"
        if not sname.isidentifier() or sname == "sqrt":
            raise ModelFileError(f"symbol name {sname!r} must be an identifier other than 'sqrt'",
                                 path=path, key=key)
        if not isinstance(opts, dict):
            raise ModelFileError("a symbol is declared as name = { assumptions }, e.g."
                                 " { real = true }", path=path, key=key)
        check_keys(opts, _SYMBOL_KEYS, what="option", path=path, key_prefix=f"{key}.")
        assumptions = {}
        for k, v in opts.items():
            if k == "latex":
                if not isinstance(v, str):
                    raise ModelFileError("latex must be a string", path=path, key=f"{key}.latex")
                latex.append((sname, v))
            else:
                if not isinstance(v, bool):
                    raise ModelFileError(f"assumption {k} must be true or false", path=path,
                                         key=f"{key}.{k}")
                assumptions[k] = v
        try:
            symbols.append(sp.Symbol(sname, **assumptions))
        except Exception:  # sympy raises on contradictory assumptions (with a long dump)
            given = ", ".join(f"{k} = {str(v).lower()}" for k, v in assumptions.items())
            raise ModelFileError(f"inconsistent assumptions {{ {given} }}: no number satisfies"
                                 " all of them", path=path, key=key) from None
    return tuple(symbols), tuple(latex)


def _read_field(fname, spec, gmap, symbols, path):
    if not isinstance(spec, dict):
        raise ModelFileError("a field is a table [fields.NAME]", path=path, field=fname)
    check_keys(spec, _FIELD_KEYS, path=path, field=fname)
    spin_text = spec.get("spin")
    if isinstance(spin_text, int) and not isinstance(spin_text, bool):
        spin_text = str(spin_text)
    if not isinstance(spin_text, str) or spin_text not in _SPINS:
        raise ModelFileError(f"spin must be \"1/2\" (Weyl fermion) or \"0\" (complex scalar),"
                             f" got {spec.get('spin')!r}", path=path, field=fname, key="spin")
    spin = _SPINS[spin_text]
    chirality = spec.get("chirality")
    if spin == 0 and chirality is not None:
        raise ModelFileError("a scalar has no chirality", path=path, field=fname, key="chirality")
    if spin != 0 and chirality not in ("L", "R"):
        raise ModelFileError(f"a Weyl fermion needs chirality \"L\" or \"R\", got {chirality!r}",
                             path=path, field=fname, key="chirality")
    copies = spec.get("copies", 1)
    if isinstance(copies, bool) or not isinstance(copies, int) or copies < 1:
        raise ModelFileError(f"copies must be a positive integer, got {copies!r}", path=path,
                             field=fname, key="copies")
    if copies > current_limits().max_copies:
        raise ModelFileError(f"{copies} copies exceed the limit max_copies ="
                             f" {current_limits().max_copies}{hint('max_copies')}", path=path,
                             field=fname, key="copies")
    latex = spec.get("latex", fname)
    if not isinstance(latex, str):
        raise ModelFileError("latex must be a string", path=path, field=fname, key="latex")
    reps_spec = spec.get("reps")
    if not isinstance(reps_spec, dict):
        raise ModelFileError("reps must be a table label = representation, e.g."
                             " { SU3c = \"3\", Y = \"1/6\" }", path=path, field=fname, key="reps")
    missing = [k for k in gmap if k not in reps_spec]
    if missing:
        raise ModelFileError(f"no representation given for group(s) {missing}", path=path,
                             field=fname, key=f"reps.{missing[0]}")
    reps = []
    for label, text in reps_spec.items():
        if label not in gmap:
            raise ModelFileError(f"unknown group label {label!r} (groups: {list(gmap)})",
                                 path=path, field=fname, key=f"reps.{label}")
        try:
            reps.append((label, gmap[label].parse_rep(text, symbols)))
        except AnomalyAlgebraError as exc:
            raise ModelFileError(str(exc), path=path, field=fname, key=f"reps.{label}") from None
    try:
        return Field(fname, spin, chirality, tuple(reps), copies, latex)
    except ModelError as exc:
        raise ModelFileError(str(exc), path=path, field=fname) from None


# ---------------------------------------------------------------------- writing
def _toml_string(s: str) -> str:
    """A TOML string literal: a literal string when possible, else an escaped basic one."""
    if "'" not in s and "\n" not in s and all(ord(ch) >= 0x20 and ch != "\x7f" for ch in s):
        return f"'{s}'"
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _toml_key(k: str) -> str:
    return k if k.replace("_", "a").replace("-", "a").isalnum() and k.isascii() else _toml_string(k)


def dumps_model(model: Model) -> str:
    """Write a model as model-file text; :func:`loads_model` reads it back unchanged.

    The writer is small and specific to this schema (strings, booleans, integers and
    inline tables), so no TOML-writing dependency is needed; the round trip is tested.

    Parameters
    ----------
    model : Model
        The model.

    Returns
    -------
    str
        TOML text.

    Raises
    ------
    ExpressionError
        If a charge cannot be written in model-file syntax.

    Examples
    --------
    >>> m = load_model("sm_x_tau")
    >>> loads_model(dumps_model(m)) == m
    True
    """
    lines = [f"name = {_toml_string(model.name)}"]
    if model.description:
        lines.append(f"description = {_toml_string(model.description)}")
    if model.electric_charge:
        lines.append(f"electric_charge = {_toml_string(electric_charge_text(model))}")
    lines.append("")
    lines.append("[groups]")
    for label, g in model.groups:
        if g.gauged:
            lines.append(f"{_toml_key(label)} = {_toml_string(g.name)}")
        else:
            lines.append(f"{_toml_key(label)} = {{ group = {_toml_string(g.name)}, gauged = false }}")
    if model.symbols:
        lines.append("")
        lines.append("[symbols]")
        latex = dict(model.symbol_latex)
        for s in model.symbols:
            opts = [f"{k} = true" for k in sorted(_ASSUMPTIONS) if s._assumptions_orig.get(k) is True]
            opts += [f"{k} = false" for k in sorted(_ASSUMPTIONS) if s._assumptions_orig.get(k) is False]
            if s.name in latex:
                opts.append(f"latex = {_toml_string(latex[s.name])}")
            lines.append(f"{_toml_key(s.name)} = {{ {', '.join(opts)} }}" if opts else
                         f"{_toml_key(s.name)} = {{}}")
    for f in model.fields:
        lines.append("")
        lines.append(f"[fields.{_toml_key(f.name)}]")
        lines.append(f"latex = {_toml_string(f.latex)}")
        lines.append(f"spin = {_toml_string('1/2' if f.is_fermion else '0')}")
        if f.chirality:
            lines.append(f"chirality = {_toml_string(f.chirality)}")
        lines.append(f"copies = {f.copies}")
        reps = ", ".join(
            f"{_toml_key(label)} = {_toml_string(model.group(label).rep_text(rep))}"
            for label, rep in f.reps
        )
        lines.append(f"reps = {{ {reps} }}")
    return "\n".join(lines) + "\n"
