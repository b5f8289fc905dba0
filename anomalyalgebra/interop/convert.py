"""Write a model in another tool's format: TOML, SARAH or PyR@TE.

Round trips are exact for what the target format can express: reading the written
file gives back the same :class:`~anomalyalgebra.model.Model` (LaTeX names and the
description are presentation only and are not carried by SARAH/PyR@TE files; Z_N
factors come back after the gauge factors).  What the target cannot express is
refused by :func:`convert_text` with an error listing it, unless ``lossy=True``, in
which case :func:`conversion_losses` says what is dropped:

=================  ==========================================================
target             cannot express
=================  ==========================================================
TOML               declared terms, real scalars (become complex),
                   the superfield structure (the components are written)
SARAH              groups other than U(1), SU(N), Z(N), SU(2) irreps of symbolic
                   dimension (refused outright), the gauging of a Z(N) (SARAH's
                   Z[N] are global), symbol assumptions other than ``real``;
                   names that are no Mathematica symbol are renamed (noted)
PyR@TE             Z_N factors, global factors, terms not read from a PyR@TE file
                   (PyR@TE needs explicit index contractions), the superfield
                   structure, symbol assumptions other than ``real``
=================  ==========================================================
"""

from __future__ import annotations

from ..exceptions import ModelError
from ..groups import SimpleFactor, ZN
from .pyrate_writer import dumps_pyrate
from .sarah_writer import dumps_sarah
from .writing import as_imported

__all__ = ["convert_text", "conversion_losses", "dumps_sarah", "dumps_pyrate"]

TARGETS = ("toml", "sarah", "pyrate")


def _symbol_losses(model):
    out = []
    for s in model.symbols:
        extra = {k: v for k, v in s._assumptions_orig.items() if k not in ("real", "commutative")}
        if extra:
            out.append(f"assumptions {extra} of symbol '{s.name}' (read back as real)")
    return out


def conversion_losses(obj, to: str) -> list:
    """What writing ``obj`` in the format ``to`` would drop (empty: an exact conversion).

    Parameters
    ----------
    obj : Model or ImportedModel
        What would be written.
    to : {"toml", "sarah", "pyrate"}
        The target format.

    Returns
    -------
    list of str
        One sentence per kind of information lost (see the module table).

    Raises
    ------
    ModelError
        If ``obj`` is neither a Model nor an ImportedModel, or ``to`` is unknown.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> conversion_losses(aa.load_model("tau_l_only"), "pyrate")
    ['Z_N factor(s) Z2A, Z2tau (PyR@TE has no discrete groups)']
    >>> conversion_losses(aa.load_model("sm"), "sarah")
    []
    """
    imp = as_imported(obj)
    if to not in TARGETS:
        raise ModelError(f"unknown target format {to!r} (targets: {', '.join(TARGETS)})")
    m = imp.model
    out = []
    if to == "toml":
        if imp.terms:
            out.append(f"{len(imp.terms)} declared Lagrangian/superpotential term(s)")
        if imp.real_scalars:
            out.append(f"reality of the scalar(s) {', '.join(imp.real_scalars)} (written as complex)")
    if to in ("toml", "pyrate"):
        if imp.supersymmetric:
            out.append("the superfield structure (components written as separate fields)")
    if to == "sarah":
        zn = [k for k, g in m.groups if isinstance(g, ZN) and g.gauged]
        if zn:
            out.append(f"gauged Z_N factor(s) {', '.join(zn)} (SARAH's Global[] is not gauged)")
        glob = [k for k, g in m.groups if not g.gauged and isinstance(g, SimpleFactor)]
        if glob:      # SARAH's global symmetries are Z[N] and U[1]
            out.append(f"global factor(s) {', '.join(glob)} (would be written as gauge groups)")
    if to == "pyrate":
        zn = [k for k, g in m.groups if isinstance(g, ZN)]
        if zn:
            out.append(f"Z_N factor(s) {', '.join(zn)} (PyR@TE has no discrete groups)")
        glob = [k for k, g in m.groups if not g.gauged and not isinstance(g, ZN)]
        if glob:
            out.append(f"global factor(s) {', '.join(glob)} (would be written as gauge groups)")
        foreign = [t for t in imp.terms if not t.source]
        if foreign:
            out.append(f"{len(foreign)} term(s) not read from a PyR@TE file (PyR@TE needs explicit index"
                       " contractions)")
    if to in ("sarah", "pyrate"):
        out += _symbol_losses(m)
    # gauged/global (issue 23): nothing may become gauged, or global, silently.  SARAH
    # writes global Z[N] and U[1] as Global[[k]] (a gauged Z_N is listed above, a global
    # SU(N) is refused by the writer); PyR@TE has only gauge groups (Z_N listed above).
    return out


def convert_text(obj, to: str, *, lossy: bool = False) -> str:
    """The model as model-file text in the format ``to``.

    Parameters
    ----------
    obj : Model or ImportedModel
        What to write.
    to : {"toml", "sarah", "pyrate"}
        The target format.
    lossy : bool, optional
        Drop what the target cannot express (:func:`conversion_losses`) instead of
        refusing.

    Returns
    -------
    str
        The model-file text; reading it back gives the same model for what the
        format can express.

    Raises
    ------
    ModelError
        When the target cannot express part of the model and ``lossy`` is false (the
        message lists what), or cannot express the model at all.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> text = convert_text(aa.load_model("sm"), "pyrate")
    >>> from anomalyalgebra.interop.pyrate import loads_pyrate
    >>> [f.name for f in loads_pyrate(text).model.fields]
    ['q', 'u', 'd', 'l', 'e', 'H']
    """
    imp = as_imported(obj)
    losses = conversion_losses(imp, to)
    if losses and not lossy:
        raise ModelError(f"model '{imp.model.name}' cannot be written as {to} without dropping: "
                         + "; ".join(losses) + " (pass lossy=True / --lossy to drop them)")
    if to == "toml":
        from ..modelfile import dumps_model

        return dumps_model(imp.model)
    if to == "sarah":
        return dumps_sarah(imp)
    return dumps_pyrate(imp)


