"""Write a model as a PyR@TE 3 model file (YAML): every scalar quoted when not provably
plain, or refused (see :mod:`anomalyalgebra.interop.convert` for what PyR@TE cannot express).
"""

from __future__ import annotations

from ..exceptions import AnomalyAlgebraError
from ..groups import U1, ZN
from .imported import CHARGE_PRAGMA, ORDER_PRAGMA
from .yamlish import Mapping, Scalar, loads_yamlish, yaml_scalar
from .writing import as_imported, charge_text, check_arithmetic, dim_or_labels

__all__ = ["dumps_pyrate"]


def _yaml_scalar(text, *, expression=False, what="scalar") -> str:
    return yaml_scalar(text, expression=expression, what=what)


def _yaml_term(source: str) -> str:
    """A potential term: a flow mapping ``{expression, symmetric}`` is rebuilt key by key
    (each key through :func:`_yaml_scalar`), any other text is one scalar."""
    t = source.strip() if isinstance(source, str) else source
    if isinstance(t, str) and t.startswith("{") and t.endswith("}"):
        try:
            v = loads_yamlish("k: " + t).get("k")
        except AnomalyAlgebraError:
            v = None
        if isinstance(v, Mapping) and v.items and \
                all(isinstance(x, Scalar) and not x.text for _, x, _ in v.items):
            return "{" + ", ".join(_yaml_scalar(k, expression=True, what="term") for k in v.keys()) + "}"
    return _yaml_scalar(source, expression=True, what="term")


def _yaml_comment(text: str) -> str:
    """``# text`` on one line: every non-printable character (line breaks included) becomes '?'."""
    return "# " + "".join(ch if ch.isprintable() else "?" for ch in str(text))


def _pyrate_group(g) -> str:
    if isinstance(g, U1):
        return "U1"
    name = g.name
    return name.replace("(", "").replace(")", "")


def dumps_pyrate(obj) -> str:
    """Write a PyR@TE 3 model file (read back by :func:`anomalyalgebra.interop.pyrate.loads_pyrate`).

    Every fermion's chirality is recorded in an ``# anomalyalgebra: chirality ...``
    comment (PyR@TE ignores it), so that the round trip is exact even where no Yukawa
    term fixes it.  Z_N factors are left out (see :func:`conversion_losses`).

    Parameters
    ----------
    obj : Model or ImportedModel
        What to write.

    Returns
    -------
    str
        The YAML text of a PyR@TE ``.model`` file.

    Raises
    ------
    ModelError
        If ``obj`` is neither a Model nor an ImportedModel, or a name or charge cannot
        be written safely in YAML.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> from anomalyalgebra.interop.pyrate import loads_pyrate
    >>> sm = aa.load_model("sm")
    >>> back = loads_pyrate(dumps_pyrate(sm)).model
    >>> [(f.name, f.chirality, f.reps) for f in back.fields] == [(f.name, f.chirality, f.reps) for f in sm.fields]
    True
    """
    from ..expr import expression_to_text

    imp = as_imported(obj)
    m = imp.model
    gauge = [(k, g) for k, g in m.groups if g.gauged and not isinstance(g, ZN)]

    def qnb(f):
        parts = []
        for k, g in gauge:
            r = f.rep(k)
            key = _yaml_scalar(k, what="group label")
            if isinstance(g, U1):
                text = expression_to_text(check_arithmetic(r))
                parts.append(f"{key}: {_yaml_scalar(text, expression=True, what='charge')}")
            else:
                d, labels = dim_or_labels(g, r)
                parts.append(f"{key}: {d}" if d is not None else f"{key}: [{', '.join(str(int(x)) for x in labels)}]")
        return "{" + ", ".join(parts) + "}"

    def name(f):
        return _yaml_scalar(f.name, what="field name")

    lines = [_yaml_comment(f"written by anomalyalgebra from {imp.path or 'a model'}")]
    if m.fermions:
        lines.append(_yaml_comment("anomalyalgebra: chirality " +
                                   " ".join(f"{f.name}={f.chirality}" for f in m.fermions)))
    real_set = set(imp.real_scalars)
    written = [f.name for f in m.fermions] + [f.name for f in m.scalars if f.name in real_set] + \
        [f.name for f in m.scalars if f.name not in real_set]
    if m.electric_charge:
        lines.append(_yaml_comment(f"{CHARGE_PRAGMA} " + charge_text(m)))
    if [f.name for f in m.fields] != written:      # PyR@TE lists fermions, real, complex scalars
        lines.append(_yaml_comment(f"{ORDER_PRAGMA} " + " ".join(f.name for f in m.fields)))
    lines += [f"Name: {_yaml_scalar(m.name, what='model name')}",
              "Groups: {" + ", ".join(f"{_yaml_scalar(k, what='group label')}: "
                                      f"{_yaml_scalar(_pyrate_group(g), what='group')}" for k, g in gauge) + "}",
              ""]
    lines.append("Fermions: {")
    for f in m.fermions:
        lines.append(f"    {name(f)}: {{Gen: {int(f.copies)}, Qnb: {qnb(f)}}},")
    lines += ["}", "", "RealScalars: {"]
    real = set(imp.real_scalars)
    for f in m.scalars:
        if f.name in real:
            lines.append(f"    {name(f)}: {{Gen: {int(f.copies)}, Qnb: {qnb(f)}}},")
    lines += ["}", "", "ComplexScalars: {"]        # PyR@TE 3's key (ModelsClass reads only this)
    for f in m.scalars:
        if f.name not in real:
            gen = f"Gen: {int(f.copies)}, " if f.copies != 1 else ""
            parts = ", ".join(_yaml_scalar(f.name + x, what="field name") for x in ("re", "im"))
            lines.append(f"    {name(f)}: {{{gen}RealFields: [{parts}], Norm: 1/Sqrt(2),"
                         f" Qnb: {qnb(f)}}},")
    lines += ["}", ""]
    own = [t for t in imp.terms if t.source]
    if own or imp.definitions:
        lines.append("Potential: {")
        if imp.definitions:
            lines.append("    Definitions: {")
            lines += [f"        {_yaml_scalar(k, what='definition name')} :"
                      f" {_yaml_term(v)}," for k, v in imp.definitions]
            lines.append("    },")
        by_kind = {}
        for t in own:
            by_kind.setdefault(t.kind, {})[t.coupling] = t.source
        for kind, items in by_kind.items():
            lines.append(f"    {_yaml_scalar(kind, what='kind of term')}: {{")
            lines += [f"        {_yaml_scalar(c, what='coupling name')} :"
                      f" {_yaml_term(s)}," for c, s in items.items()]
            lines.append("    },")
        lines.append("}")
    return "\n".join(lines) + "\n"
