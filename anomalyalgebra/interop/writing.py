"""What the SARAH and PyR@TE writers share: the model to write, the irrep notation of a
simple factor, the electric charge as text, and the check that an expression is plain
arithmetic before a printer writes it.
"""

from __future__ import annotations

import re

import sympy as sp

from fractions import Fraction
from ..exceptions import AnomalyAlgebraError, ModelError
from ..groups import SimpleFactor
from .imported import ImportedModel

__all__ = ["as_imported", "dim_or_labels", "charge_text", "check_arithmetic"]


def as_imported(obj) -> ImportedModel:
    """The :class:`~anomalyalgebra.interop.imported.ImportedModel` to write.

    Parameters
    ----------
    obj : Model or ImportedModel
        What to write; a plain model is wrapped (format ``"python"``, no terms).

    Returns
    -------
    ImportedModel

    Raises
    ------
    ModelError
        If ``obj`` is neither.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> as_imported(aa.load_model("sm")).format
    'python'
    """
    if isinstance(obj, ImportedModel):
        return obj
    from ..model import Model

    if isinstance(obj, Model):
        return ImportedModel(model=obj, format="python")
    raise ModelError(f"expected a Model or an ImportedModel, got {type(obj).__name__}")


def dim_or_labels(group: SimpleFactor, rep):
    """How a SARAH/PyR@TE file writes an irrep of a simple factor.

    Parameters
    ----------
    group : SimpleFactor
        The factor.
    rep : Irrep
        The irrep.

    Returns
    -------
    tuple
        ``(signed dimension, None)`` when the dimension names the irrep (``-3`` is the
        3bar), else ``(None, Dynkin labels)``.

    Raises
    ------
    ModelError
        For an SU(2) irrep of symbolic dimension.

    Examples
    --------
    >>> from anomalyalgebra.groups import parse_group
    >>> su3 = parse_group("SU(3)")
    >>> dim_or_labels(su3, su3.parse_rep("3bar")), dim_or_labels(su3, su3.parse_rep("(1,1)"))
    ((-3, None), (8, None))
    """
    from ..algebra import SymbolicSU2Irrep

    if isinstance(rep, SymbolicSU2Irrep):
        raise ModelError(f"an SU(2) irrep of symbolic dimension {rep.dim} cannot be written;"
                         " substitute the symbol first (model.subs(...))")
    d = int(rep.dim)
    try:
        r = group.parse_rep(str(d))
    except AnomalyAlgebraError:
        return None, tuple(rep.labels)
    if r == rep:
        return d, None
    if r.conjugate == rep:
        return -d, None
    return None, tuple(rep.labels)


def charge_text(model, renames=None) -> str:
    """The model's electric charge as text, with group labels renamed as written.

    Parameters
    ----------
    model : Model
        The model.
    renames : dict, optional
        ``{old label: written label}``.

    Returns
    -------
    str
        ``""`` if the model declares no electric charge.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> charge_text(aa.load_model("sm"), {"Y": "hyp"})
    'T3(SU2L) + hyp'
    """
    from ..model import electric_charge_text

    text = electric_charge_text(model)
    for old, new in (renames or {}).items():
        text = re.sub(rf"(?<![A-Za-z0-9_]){re.escape(old)}(?![A-Za-z0-9_])", new, text)
    return text


def check_arithmetic(expr, what="charge", names=re.compile(r"[A-Za-z][A-Za-z0-9_]*")):
    """``expr`` if it is arithmetic on numbers and symbols (``+ * ^``; what SARAH and
    PyR@TE read as a charge, and all a model file can declare), else a ModelError.

    The printers write a function's or symbol's name verbatim, and both tools evaluate
    the text they read (Mathematica; PyR@TE through sympify): a sympy object built in
    Python with a function ``Run`` or a symbol named ``__import__('os')...`` must not
    reach them.

    Parameters
    ----------
    expr : int, Fraction or sympy.Basic
        The charge or coefficient to write.
    what : str, optional
        What it is, for the error message.
    names : re.Pattern, optional
        The symbol names the target reads as plain symbols.

    Returns
    -------
    sympy.Basic
        ``expr`` (a Rational for an int or Fraction).

    Raises
    ------
    ModelError
        If ``expr`` is not a number or sympy expression, has a symbol whose name is not
        an identifier, or contains anything but ``+ * ^`` on numbers and symbols.

    Examples
    --------
    >>> import sympy as sp
    >>> check_arithmetic(sp.Symbol("a") / 2 + 1)
    a/2 + 1
    >>> check_arithmetic(sp.Function("Run")(1))
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelError: cannot write the charge Run(1): Run is not arithmetic on numbers and symbols
    """
    if isinstance(expr, (int, Fraction)) and not isinstance(expr, bool):
        return sp.Rational(expr)
    if not isinstance(expr, sp.Basic):
        raise ModelError(f"cannot write the {what} {expr!r}: not a number or a sympy expression")
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.Symbol):
            if not names.fullmatch(node.name):
                raise ModelError(f"cannot write the {what} {expr}: symbol name {node.name!r} is not an identifier")
        elif not isinstance(node, (sp.Number, sp.Add, sp.Mul, sp.Pow)):
            raise ModelError(f"cannot write the {what} {expr}: {type(node).__name__} is not arithmetic"
                             " on numbers and symbols")
    return expr
