"""Write a model as a SARAH model file (``.m``): every name, string and comment escaped
or refused (see :mod:`anomalyalgebra.interop.convert` for what SARAH cannot express).
"""

from __future__ import annotations

import re

import sympy as sp

from ..exceptions import ModelError
from ..groups import SimpleFactor, U1, ZN
from .imported import CHARGE_PRAGMA, ORDER_PRAGMA
from .writing import as_imported, charge_text, check_arithmetic, dim_or_labels

__all__ = ["dumps_sarah"]


def _mathematica(expr) -> str:
    from sympy.printing.mathematica import mathematica_code

    return mathematica_code(check_arithmetic(expr, names=_MATHEMATICA_NAME))


def _zn_phase(k, n) -> str:
    k = int(k) % n
    if k == 0:
        return "1"
    if 2 * k == n:
        return "-1"
    return f"Exp[2 Pi I {k}/{n}]"


def _sarah_identifier(name, what="name") -> str:
    """``name`` if it is a plain Mathematica symbol (letters and digits), else a ModelError."""
    if not isinstance(name, str) or not _MATHEMATICA_NAME.fullmatch(name):
        raise ModelError(f"SARAH (Mathematica) names are letters and digits only ('_' is a pattern):"
                         f" cannot write {what} {name!r}; rename it first")
    return name


def _is_coupling_name(c) -> bool:
    """A coupling read from a SARAH file may use Unicode letters (``m2η``): letters, then
    letters and ASCII digits; nothing that Mathematica reads as an operator or a pattern."""
    return isinstance(c, str) and bool(c) and c[0].isalpha() and \
        all(ch.isalpha() or ch in "0123456789" for ch in c)


def _sarah_string(text: str) -> str:
    """A Mathematica string literal of ``text``, ASCII only, that no input can close.

    ``"`` and ``\\`` are escaped, line breaks and tabs written ``\\n \\r \\t``, every
    other character outside printable ASCII as ``\\:XXXX`` (``\\|XXXXXX`` beyond the
    BMP); :mod:`anomalyalgebra.interop.mathematica` reads these escapes back.
    """
    out = ['"']
    for ch in str(text):
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif code <= 0xFFFF:
            out.append(f"\\:{code:04x}")
        else:
            out.append(f"\\|{code:06x}")
    out.append('"')
    return "".join(out)


def _sarah_comment(text: str) -> str:
    """``(* text *)`` with ``text`` reduced to printable ASCII that cannot open or close a comment."""
    t = "".join(ch if 0x20 <= ord(ch) < 0x7F else "?" for ch in str(text))
    while "(*" in t or "*)" in t:
        t = t.replace("(*", "( *").replace("*)", "* )")
    return f"(* {t} *)"


_WRITTEN_NAME = re.compile(r"(?:[A-Za-z$][A-Za-z0-9$]*|\\\[[A-Za-z]+\])(?:[A-Za-z0-9$]|\\\[[A-Za-z]+\])*"
                           r"(?:`(?:[A-Za-z$][A-Za-z0-9$]*|\\\[[A-Za-z]+\])(?:[A-Za-z0-9$]|\\\[[A-Za-z]+\])*)*"
                           r"(?:::[A-Za-z][A-Za-z0-9]*)?")


def _sarah_written_name(name, named) -> str:
    """A name as SARAH reads it: ``\\[Mu]`` where the source wrote it so, else the plain
    name, which must be a Mathematica symbol (letters, digits, contexts)."""
    out = named.get(name, name)
    if not isinstance(out, str) or not _WRITTEN_NAME.fullmatch(out):
        raise ModelError(f"SARAH (Mathematica) names are letters and digits only ('_' is a pattern):"
                         f" cannot write {name!r}")
    return out


def _sarah_node(nd, named, rename=None) -> str:
    """Mathematica text of a parsed node (a SARAH block kept from the source): names
    validated (and renamed by ``rename``), strings escaped, numbers exact."""
    rename = rename or {}

    def r(x):
        return _sarah_node(x, named, rename)

    def paren(x, kinds):
        t = r(x)
        return f"({t})" if x.kind in kinds else t

    k = nd.kind
    if k == "num":
        v = nd.value
        return str(v.numerator) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"
    if k == "name":
        return _sarah_written_name(rename.get(nd.value, nd.value), named)
    if k == "str":
        return _sarah_string(nd.value)
    if k == "list":
        return "{" + ", ".join(r(a) for a in nd.args) + "}"
    if k == "call":
        return paren(nd.value, ("add", "mul", "div", "neg", "dot", "pow", "rule")) + \
            "[" + ", ".join(r(a) for a in nd.args) + "]"
    if k == "part":
        return r(nd.args[0]) + "[[" + ", ".join(r(a) for a in nd.args[1:]) + "]]"
    if k == "neg":
        return "-" + paren(nd.args[0], ("add", "mul", "div", "rule", "neg"))
    if k == "add":
        out = r(nd.args[0])
        for a in nd.args[1:]:
            out += (" - " + paren(a.args[0], ("add", "rule"))) if a.kind == "neg" else (" + " + paren(a, ("rule",)))
        return out
    if k == "mul":
        return " ".join(paren(a, ("add", "rule", "neg")) for a in nd.args)
    if k == "div":
        return paren(nd.args[0], ("add", "rule")) + "/" + paren(nd.args[1], ("add", "mul", "div", "neg", "rule"))
    if k == "pow":
        kinds = ("add", "mul", "div", "neg", "dot", "rule", "pow")
        return paren(nd.args[0], kinds) + "^" + paren(nd.args[1], kinds)
    if k == "dot":
        return ".".join(paren(a, ("add", "mul", "div", "neg", "rule")) for a in nd.args)
    if k == "rule":
        return r(nd.args[0]) + " -> " + r(nd.args[1])
    raise ModelError(f"cannot write the construct {k!r} in a SARAH file")


def _sarah_renames(imp) -> dict:
    """Identifiers of the model that are no Mathematica symbol (``nu_R``), each with a
    free replacement (``nuR``): SARAH files cannot hold them, so they are renamed."""
    m = imp.model
    names = [k for k, _ in m.groups] + [f.name for f in m.fields] + [s.name for s in m.symbols]
    if imp.superfields is not None:
        names += [f.name for f in imp.superfields.fields]
    taken = {n for n in names if isinstance(n, str) and _MATHEMATICA_NAME.fullmatch(n)}
    out = {}
    for n in names:
        if n in taken or n in out:
            continue
        base = re.sub(r"[^A-Za-z0-9]", "", n) or "x"
        if not base[0].isalpha():
            base = "x" + base
        new, k = base, 1
        while new in taken:
            k += 1
            new = f"{base}{k}"
        taken.add(new)
        out[n] = new
    if imp.superfields is not None:         # the component fields follow their superfield
        for sf in imp.superfields.fields:
            if sf.name in out:
                for pre in ("F", "S"):
                    out.setdefault(pre + sf.name, pre + out[sf.name])
    return out


def _check_mathematica_names(imp, renames=None):
    renames = renames or {}
    m = imp.model
    names = [("group", k) for k, _ in m.groups] + [("field", f.name) for f in m.fields] + \
        [("symbol", s.name) for s in m.symbols]
    if imp.superfields is not None:
        names += [("superfield", f.name) for f in imp.superfields.fields]
    names += [("gaugino", g) for g in imp.gauginos]
    names += [("real scalar", r) for r in imp.real_scalars]
    bad = [f"{kind} {n!r}" for kind, n in names
           if not (isinstance(n, str) and _MATHEMATICA_NAME.fullmatch(renames.get(n, n)))]
    if bad:
        raise ModelError("SARAH (Mathematica) names are letters and digits only ('_' is a pattern):"
                         f" cannot write {', '.join(bad)}; rename them first")


def dumps_sarah(obj) -> str:
    """Write a SARAH model file (read back by :func:`anomalyalgebra.interop.sarah.loads_sarah`).

    Strings are escaped and identifiers validated for Mathematica.

    Parameters
    ----------
    obj : Model or ImportedModel
        What to write.

    Returns
    -------
    str
        The text of a SARAH ``.m`` model file.

    Raises
    ------
    ModelError
        If ``obj`` is neither a Model nor an ImportedModel, a group is not U(1),
        SU(N) or Z(N), a name is not a Mathematica identifier (no ``_``), or an SU(2)
        irrep has a symbolic dimension.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> from anomalyalgebra.interop.sarah import loads_sarah
    >>> sm = aa.load_model("sm")
    >>> back = loads_sarah(dumps_sarah(sm)).model
    >>> [(f.name, f.chirality, f.reps) for f in back.fields] == [(f.name, f.chirality, f.reps) for f in sm.fields]
    True
    """
    imp = as_imported(obj)
    m = imp.model
    src = imp.sarah
    named = dict(src.named) if src is not None else {}
    # Gauge[[i]]: gauged U(1)/SU(N) (and a global SU(N), which SARAH cannot declare global:
    # a conversion loss); Global[[k]]: Z(N) and global U(1)
    gauge = [(k, g) for k, g in m.groups if isinstance(g, SimpleFactor) or (isinstance(g, U1) and g.gauged)]
    glob = [(k, g) for k, g in m.groups if (k, g) not in gauge]
    for k, g in gauge:
        if not (isinstance(g, U1) or (g.algebra.series == "A")):
            raise ModelError(f"group '{k}' ({g.name}) cannot be written in a SARAH file (U[1], SU[N], Z[N])")
    renames = _sarah_renames(imp)
    _check_mathematica_names(imp, renames)

    def nm(n):
        return renames.get(n, n)

    symbols = {s: sp.Symbol(renames[s.name], real=True) for s in m.symbols if s.name in renames}

    def expr(e):
        return _mathematica(sp.sympify(e).subs(symbols) if symbols else e)

    susy = imp.supersymmetric
    sf = imp.superfields
    lines = [_sarah_comment(f"written by anomalyalgebra from {imp.path or 'a model'}"),
             "Off[General::spell]", f"Model`Name = {_sarah_string(m.name)};", ""]
    for old, new in renames.items():
        lines.append(_sarah_comment(f"anomalyalgebra: {old!r} written as {new} (SARAH names are letters"
                                    " and digits; '_' is a Mathematica pattern)"))
    if m.electric_charge and not susy:
        lines.append(_sarah_comment(f"{CHARGE_PRAGMA} " + charge_text(m, renames)))
    if not susy and [f.name for f in m.fields] != [f.name for f in m.fermions + m.scalars]:
        # SARAH lists fermions before scalars: the model's own order, for the reader
        lines.append(_sarah_comment(f"{ORDER_PRAGMA} " + " ".join(nm(f.name) for f in m.fields)))
    for i, (k, g) in enumerate(glob, 1):
        lines.append(f"Global[[{i}]] = {{{'U[1]' if isinstance(g, U1) else f'Z[{g.n}]'}, {nm(k)}}};")
    info = {label: (v, c, e) for label, v, c, e in (src.gauge if src is not None else ())}
    first_su2 = next((k for k, g in gauge if isinstance(g, SimpleFactor) and g.is_su2), None)
    vec = {}
    if susy:
        for (k, g), gname in zip(gauge, imp.gauginos):
            vec[k] = _sarah_identifier(nm(gname)[1:], f"the vector superfield of gaugino {gname!r}")
    for i, (k, g) in enumerate(gauge, 1):
        v0, c0, e0 = info.get(k, ("", "", ""))
        v = vec.get(k) or (v0 if v0 and _MATHEMATICA_NAME.fullmatch(v0) else "V" + nm(k))
        coupling = _sarah_written_name(c0, named) if c0 else "g" + nm(k)
        expand = e0 if e0 in ("True", "False") else ("True" if k == first_su2 else "False")
        grp = "U[1]" if isinstance(g, U1) else f"SU[{g.algebra.rank + 1}]"
        charges = []
        for gk, gg in glob:
            if isinstance(gg, ZN):
                c = _zn_phase(m.field("f" + v).rep(gk), gg.n) if susy else "1"
                charges.append(f"{{{c}, {c}, 1}}" if susy else c)
            else:
                c = expr(m.field("f" + v).rep(gk)) if susy else "0"
                charges.append(f"{{0, {c}, 0}}" if susy else c)
        extra = "".join(", " + c for c in charges)
        lines.append(f"Gauge[[{i}]] = {{{v}, {grp}, {nm(k)}, {coupling}, {expand}{extra}}};")
    lines.append("")
    comp_nodes = dict(src.components) if src is not None else {}

    def reps_text(field, conj):
        out = []
        for k, g in gauge:
            r = field.rep(k)
            if conj:
                r = g.conjugate(r)
            if isinstance(g, U1):
                out.append(expr(r))
            else:
                d, labels = dim_or_labels(g, r)
                out.append(str(d) if d is not None else "{" + ", ".join(map(str, labels)) + "}")
        return out

    def components(field, conj):
        if field.name in comp_nodes:
            return _sarah_node(comp_nodes[field.name], named)
        n = 1
        if first_su2 is not None:
            n = int(m.group(first_su2).dim(field.rep(first_su2)))
        base = nm(field.name)
        names = [f"{base}{a}" for a in range(1, n + 1)] if n > 1 else [f"{base}0"]
        if conj:
            names = [f"conj[{x}]" for x in names]
        return names[0] if len(names) == 1 else "{" + ", ".join(names) + "}"

    if susy:
        for i, f in enumerate(sf.fields, 1):
            charges = []
            for gk, gg in glob:
                trip = [f.rep(gk), m.field("S" + f.name).rep(gk), m.field("F" + f.name).rep(gk)]
                if isinstance(gg, ZN):
                    charges.append("{" + ", ".join(_zn_phase(c, gg.n) for c in trip) + "}")
                else:
                    charges.append("{" + ", ".join(expr(c) for c in trip) + "}")
            entries = [nm(f.name), str(f.copies), components(f, False)] + reps_text(f, False) + charges
            lines.append(f"SuperFields[[{i}]] = {{{', '.join(entries)}}};")
    else:
        counters = {"FermionFields": 0, "ScalarFields": 0}
        for f in m.fields:
            key = "FermionFields" if f.is_fermion else "ScalarFields"
            counters[key] += 1
            conj = f.is_fermion and f.chirality == "R"
            charges = []
            for gk, gg in glob:
                c = f.rep(gk)
                c = gg.conjugate(c) if conj else c
                charges.append(_zn_phase(c, gg.n) if isinstance(gg, ZN) else expr(c))
            reps = reps_text(f, conj)          # refuses what SARAH cannot write first
            entries = [nm(f.name), str(f.copies), components(f, conj)] + reps + charges
            lines.append(f"{key}[[{counters[key]}]] = {{{', '.join(entries)}}};")
        if imp.real_scalars:
            lines.append("RealScalars = {" + ", ".join(_sarah_identifier(nm(r), "real scalar")
                                                       for r in imp.real_scalars) + "};")
    lines.append("")
    groups = {}
    names = {f.name for f in m.fields} | ({f.name for f in sf.fields} if susy else set())
    taken = names | set(m.labels) | {s.name for s in m.symbols} | {nm(k) for k, _ in glob} \
        | set(renames.values()) \
        | {x for x in " ".join(lines).replace("{", " ").replace("}", " ").replace(",", " ").split()
           if _MATHEMATICA_NAME.fullmatch(x)}
    taken |= {t.coupling for t in imp.terms if isinstance(t.coupling, str)}
    renamed = {}

    def coupling_name(n_, t):
        c = t.coupling
        if _is_coupling_name(c) and c not in names:
            return named.get(c, c) if _WRITTEN_NAME.fullmatch(named.get(c, c)) else c
        if isinstance(c, str) and c.startswith("conj[") and c.endswith("]") and _is_coupling_name(c[5:-1]) \
                and c[5:-1] not in names:     # a conjugated coupling, as SARAH writes conj[f]
            inner = c[5:-1]
            return f"conj[{named.get(inner, inner) if _WRITTEN_NAME.fullmatch(named.get(inner, inner)) else inner}]"
        if not c or c not in renamed:   # deterministic: the first free c<k>, k from the term's number
            k = n_
            while f"c{k}" in taken:
                k += 1
            renamed[c] = f"c{k}"
            taken.add(f"c{k}")
            if not c:
                return f"c{k}"
            lines.insert(len(lines) - 1, _sarah_comment(
                f"anomalyalgebra: coupling {c!r} written as c{k} (not a free Mathematica name)"))
        return renamed[c]

    def coefficient(n_, t):
        """(sign, text): the term's coefficient as the source wrote it, else its coupling."""
        first = coupling_name(n_, t)
        if not t.coefficient:
            return 1, first
        num, cnames, others = t.coefficient
        parts = []
        if abs(num) != 1:
            a = abs(num)
            parts.append(str(a.numerator) if a.denominator == 1 else f"{a.numerator}/{a.denominator}")
        done = False
        for c in cnames:
            if c == t.coupling and not done:
                parts.append(first)
                done = True
            elif c.startswith("conj[") and c.endswith("]") and _is_coupling_name(c[5:-1]):
                parts.append(f"conj[{_sarah_written_name(c[5:-1], named)}]")
            elif _is_coupling_name(c) and c not in names:
                parts.append(_sarah_written_name(c, named) if c in named else c)
            else:
                raise ModelError(f"cannot write the coupling {c!r} of the term {t} in a SARAH file")
        parts += [("(" + _sarah_node(o, named) + ")") if o.kind in ("add", "neg") else _sarah_node(o, named)
                  for o in others]
        return (-1 if num < 0 else 1), " ".join(parts) if parts else "1"

    for n_, t in enumerate(imp.terms, 1):
        target = sf if t.superfield else m
        if t.superfield:
            key = "SuperPotential"
        elif t.kind in _PYRATE_KINDS:
            key = "LagNoHC" if t.operator.is_hermitian() else "LagHC"
        else:                                   # LagHC, LagNoHC or another SARAH Lagrangian
            key = _sarah_identifier(t.kind, "the Lagrangian name")
        sign, coef = coefficient(n_, t)
        factors = []
        for fac in t.operator.factors:
            fld = target.field(fac.field)
            conj = fac.conjugate
            if fld.is_fermion and fld.chirality == "R" and not t.superfield:
                conj = not conj
            name = _sarah_identifier(nm(fac.field), "field")
            factors.append(f"conj[{name}]" if conj else name)
        groups.setdefault(key, []).append((sign, f"{coef} " + ".".join(factors)))
    states = [(lhs, rhs) for lhs, rhs in (src.blocks if src is not None else ())]
    if not any(lhs.kind == "name" and lhs.value == "NameOfStates" for lhs, _ in states):
        lines.append("NameOfStates = {GaugeES};")
    lag_keys = [k for k in groups if k != "SuperPotential"]
    if src is not None and src.lagrangian_input is not None:
        lines.append("DEFINITION[GaugeES][LagrangianInput] = "
                     + _sarah_node(src.lagrangian_input, named, renames) + ";")
    elif lag_keys or not susy:
        extra = [k for k in lag_keys if k not in ("LagHC", "LagNoHC")]
        hermitian = {k: all(t.operator.is_hermitian() for t in imp.terms if t.kind == k) for k in extra}
        specs = [f"{{{k}, {{AddHC -> {'True' if k == 'LagHC' else 'False'}}}}}" for k in ("LagHC", "LagNoHC")]
        specs += [f"{{{k}, {{AddHC -> {'False' if hermitian[k] else 'True'}}}}}" for k in extra]
        lines.append("DEFINITION[GaugeES][LagrangianInput] = {" + ", ".join(specs) + "};")
    for key in ["LagNoHC", "LagHC", "SuperPotential"] + [k for k in groups if k not in
                                                          ("LagNoHC", "LagHC", "SuperPotential")]:
        if key in groups:
            text = ""
            for i, (sign, body) in enumerate(groups[key]):
                text += (("-" if sign < 0 else "") if i == 0 else (" - " if sign < 0 else " + ")) + body
            lines.append(f"{key} = {text};")
    for lhs, rhs in states:       # NameOfStates and the DEFINITION blocks of the source (EWSB, gauge fixing)
        lines.append(f"{_sarah_node(lhs, named, renames)} = {_sarah_node(rhs, named, renames)};")
    return "\n".join(lines) + "\n"


_PYRATE_KINDS = ("Yukawas", "QuarticTerms", "TrilinearTerms", "ScalarMasses", "FermionMasses")


#: A plain Mathematica symbol: letters and digits ('_' is a pattern).
_MATHEMATICA_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")
