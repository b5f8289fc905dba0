r"""Exact gauge and gravitational anomaly traces of a model.

Two conventions are available by name; ``"left"`` is the default.

``"left"`` (the field's standard one, as in SARAH and textbooks): every fermion is
written as a left-handed Weyl spinor (a right-handed field in *r* becomes a
left-handed one in *r̄*) and the symmetrised trace :math:`\mathrm{Tr}[T_a T_b T_c]`
is summed over them, with :math:`T(\text{fund of SU}(N)) = 1/2`, cubic anomalies of
SU(N) in units of the fundamental (:math:`A(\text{fund}) = 1`) and
:math:`T = n(n^2-1)/12` for the SU(2) *n*-plet.  For example :math:`\sum_{LH} q^3` for
U(1)^3, :math:`\sum_{LH} q\,T(r)` for U(1) G G and :math:`\sum_{LH} q` for U(1)-gravity².

``"eq4"`` is the right-minus-left convention with the anticommutator, as written
for example in Eq. (4) of Di Luzio, Nardecchia & Toni, "Gauged τ-lepton chiral
currents and B → K^(*) E_miss" (the name of the convention comes from there),

.. math::

    \mathcal{A}_{abc} = \mathrm{Tr}[T_a\{T_b, T_c\}]_R - \mathrm{Tr}[T_a\{T_b, T_c\}]_L ,

summed over the Weyl fermions as the model lists them (right-handed fields count
``+``, left-handed ``-``), each weighted by its copies and by the dimensions of its
representations under the factors not involved.  How the two relate, per Weyl fermion:

=====================  ==============================================  ======================
labels                 ``"left"`` value (left-handed field)             ``"eq4"`` value
=====================  ==============================================  ======================
U(1)_a U(1)_b U(1)_c   :math:`q_a q_b q_c`                              :math:`-2\times` left
U(1) G G               :math:`q\,T(r)` (coefficient of δ^{ab})          :math:`-2\times` left
G G G (SU(N), N ≥ 3)   :math:`A(r)`, in units of A(fundamental) = 1     :math:`-1\times` left
U(1) grav grav         :math:`q` (Tr of the charge)                     :math:`-1\times` left
=====================  ==============================================  ======================

For the τ-lepton EFT of the seed paper (model ``sm_x_tau``) the ``"eq4"`` convention
gives its Eqs. (21)–(22), :math:`\mathcal{A}_{XYY} = 2\alpha_R - \alpha_L` and
:math:`\mathcal{A}_{XWW} = -\alpha_L`; the default gives
:math:`\alpha_L/2 - \alpha_R` and :math:`\alpha_L/2`.

Every other combination (a non-abelian factor with a different factor, a single
non-abelian generator with two U(1)s, ...) vanishes identically because the
generators of a simple algebra are traceless.  Z_N factors have no perturbative
anomaly traces; their Ibáñez–Ross conditions are computed separately.
"""

from __future__ import annotations

from itertools import combinations_with_replacement
from math import gcd

import sympy as sp

from .exceptions import ModelError
from .groups import SimpleFactor, U1, ZN
from .model import GRAVITY, Model

__all__ = [
    "anomaly_trace",
    "anomaly_table",
    "canonical_key",
    "channel_labels",
    "anomaly_label",
    "is_anomaly_free",
    "witten_anomaly",
    "witten_index",
    "has_witten_anomaly_check",
    "CONVENTIONS",
    "DEFAULT_CONVENTION",
]

#: Names of the anomaly conventions; the first is the default.
CONVENTIONS = ("left", "eq4")
DEFAULT_CONVENTION = CONVENTIONS[0]


def channel_labels(a, b=None, c=None) -> tuple:
    """The three labels of an anomaly channel, from three labels or one spec.

    The spec is a string of three labels separated by spaces or commas
    (``"X Y Y"``, ``"X,Y,Y"``) or a sequence of three labels.

    Parameters
    ----------
    a : str or sequence of str
        The first label, or the whole spec when ``b`` and ``c`` are not given.
    b, c : str, optional
        The second and third labels.

    Returns
    -------
    tuple of str
        The three labels, in the order given (not checked against a model).

    Raises
    ------
    ModelError
        When the channel does not have exactly three labels.

    Examples
    --------
    >>> channel_labels("X SU2L,SU2L"), channel_labels("X", "Y", "Y")
    (('X', 'SU2L', 'SU2L'), ('X', 'Y', 'Y'))
    >>> channel_labels("X Y")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelError: an anomaly channel has three labels, e.g. ('X', 'SU2L', 'SU2L') or "X SU2L SU2L"; got 'X Y'
    """
    if b is None and c is None:
        spec = a
        labels = tuple(a.replace(",", " ").split()) if isinstance(a, str) else (
            tuple(a) if isinstance(a, (tuple, list)) else (a,))
    else:
        spec = labels = (a, b, c)
    if len(labels) != 3 or not all(isinstance(x, str) for x in labels):
        raise ModelError("an anomaly channel has three labels, e.g. ('X', 'SU2L', 'SU2L') or"
                         f" \"X SU2L SU2L\"; got {spec!r}")
    return labels


def canonical_key(model: Model, a: str, b: str, c: str) -> tuple:
    """Order three labels the way the paper writes them.

    The label that appears once comes first (``A_XYY``, ``A_XWW``, ``A_YXX``); when all
    three differ or coincide, the model's group order is used, with gravity last.

    Parameters
    ----------
    model : Model
        The model (for the group order).
    a, b, c : str
        Group labels of the model or ``"grav"``.

    Returns
    -------
    tuple of str
        The key used by :func:`anomaly_table`.

    Raises
    ------
    ModelError
        If a label is neither a group of the model nor ``"grav"``.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("sm_x_tau")
    >>> canonical_key(m, "Y", "X", "Y"), canonical_key(m, "grav", "X", "grav")
    (('X', 'Y', 'Y'), ('X', 'grav', 'grav'))
    """
    labels = (a, b, c)
    order = {k: i for i, k in enumerate(model.labels)}
    order[GRAVITY] = len(order)
    for x in labels:
        if x not in order:
            raise ModelError(
                f"model '{model.name}' has no group labelled {x!r}"
                f" (groups: {list(model.labels)}, or '{GRAVITY}')"
            )
    counts = {x: labels.count(x) for x in labels}
    return tuple(sorted(labels, key=lambda x: (counts[x], order[x])))


def _kind(model, label):
    if label == GRAVITY:
        return "grav"
    return model.group(label).kind


def anomaly_trace(model: Model, a: str, b: str | None = None, c: str | None = None, *,
                  convention: str = DEFAULT_CONVENTION):
    """The anomaly trace of three labels (any order), as an exact sympy expression.

    Parameters
    ----------
    model : Model
    a, b, c : str
        Group labels of the model, or ``"grav"`` (twice, with one U(1) or non-abelian
        label) for the mixed gravitational anomaly.  ``a`` alone may hold all three
        labels in one string (``"X Y Y"``, ``"X,Y,Y"``), see :func:`channel_labels`.
    convention : {"left", "eq4"}
        ``"left"`` (default): sum over left-handed Weyl fermions of the symmetrised
        trace, T(fundamental) = 1/2; ``"eq4"``: right minus left with the
        anticommutator.  See the module documentation for the table relating the two.

    Returns
    -------
    sympy.Expr

    Raises
    ------
    ModelError
        Unknown label, a Z_N label (discrete anomalies are not traces), or a
        combination with one or three ``"grav"``.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("sm_x_tau")
    >>> aa.anomaly_trace(m, "X", "Y", "Y")
    alpha_L/2 - alpha_R
    >>> aa.anomaly_trace(m, "SU2L", "X", "SU2L")
    alpha_L/2
    >>> aa.anomaly_trace(m, "X grav grav")
    2*alpha_L - alpha_R
    >>> aa.anomaly_trace(m, "X", "Y", "Y", convention="eq4")
    -alpha_L + 2*alpha_R
    """
    _check_convention(convention)
    key = canonical_key(model, *channel_labels(a, b, c))
    kinds = [_kind(model, x) for x in key]
    for x, k in zip(key, kinds):
        if k == "zn":
            raise ModelError(
                f"'{x}' is a discrete {model.group(x).name} factor: it has no anomaly trace;"
                " use the discrete (Ibáñez–Ross) anomaly conditions instead"
            )
    n_grav = kinds.count("grav")
    if n_grav not in (0, 2):
        raise ModelError(
            f"gravity enters anomalies as ('{GRAVITY}', '{GRAVITY}', label); got {key}"
        )
    return _trace(model, key, kinds, convention)


def _check_convention(convention):
    if convention not in CONVENTIONS:
        raise ModelError(f"unknown anomaly convention {convention!r}; use one of {CONVENTIONS}")


def _records(model):
    """Per-fermion data used by every channel, scaled to integers where exact.

    Rational charges and indices are multiplied by the common denominator of their
    label (``scale[label]``), so the sums run on Python integers; symbolic values are
    multiplied by the same factor and stay sympy expressions.  :func:`_trace`
    divides the scale out at the end.
    """
    fermions = model.fermions
    scale = {}
    for label, g in model.groups:
        if isinstance(g, (SimpleFactor, U1)):
            den = 1
            for f in fermions:
                v = g.index(f.rep(label)) if isinstance(g, SimpleFactor) else f.rep(label)
                if isinstance(v, sp.Rational):
                    den = den * int(v.q) // gcd(den, int(v.q))
            scale[label] = den

    def scaled(v, d):
        if isinstance(v, sp.Rational):
            return int(v.p) * (d // int(v.q))
        return v * d

    recs = []
    for f in fermions:
        dims, index, cubic, charge = {}, {}, {}, {}
        for label, rep in f.reps:
            g = model.group(label)
            if isinstance(g, SimpleFactor):
                d = g.dim(rep)
                dims[label] = int(d) if isinstance(d, sp.Integer) else d
                index[label] = scaled(g.index(rep), scale[label])
                a = g.cubic(rep)
                cubic[label] = int(a) if isinstance(a, sp.Integer) else a
            elif isinstance(g, U1):
                charge[label] = scaled(rep, scale[label])
        recs.append((1 if f.chirality == "R" else -1, f.copies, dims, index, cubic, charge))
    return recs, scale


def _structure(key, kinds):
    n_grav = kinds.count("grav")
    simple = [x for x, k in zip(key, kinds) if k == "simple"]
    abelian = [x for x, k in zip(key, kinds) if k == "u1"]
    if n_grav == 2:
        return ("grav" if abelian else None), simple, abelian
    if len(abelian) == 3:
        return "u1u1u1", simple, abelian
    if len(abelian) == 1 and len(simple) == 2 and simple[0] == simple[1]:
        return "u1gg", simple, abelian
    if len(simple) == 3 and simple[0] == simple[1] == simple[2]:
        return "ggg", simple, abelian
    return None, simple, abelian   # vanishes identically (traceless generators)


def _trace(model, key, kinds, convention, records=None):
    structure, simple, abelian = _structure(key, kinds)
    if structure is None:
        return sp.Integer(0)
    if records is None:
        records = _records(model)
    records, scale = records
    involved = set(key) - {GRAVITY}
    total = 0
    symbolic = []
    for sign, copies, dims, index, cubic, charge in records:
        if structure == "u1u1u1":
            term = 2 * charge[key[0]] * charge[key[1]] * charge[key[2]]
        elif structure == "u1gg":
            term = 2 * charge[abelian[0]] * index[simple[0]]
        elif structure == "ggg":
            term = cubic[simple[0]]
        else:  # grav
            term = charge[abelian[0]]
        if term == 0:
            continue
        weight = copies
        for label, d in dims.items():
            if label not in involved:
                weight = weight * d
        value = sign * weight * term
        if isinstance(value, int):
            total += value
        else:
            symbolic.append(value)
    if structure == "u1u1u1":
        denominator = scale[key[0]] * scale[key[1]] * scale[key[2]]
    elif structure == "u1gg":
        denominator = scale[abelian[0]] * scale[simple[0]]
    elif structure == "grav":
        denominator = scale[abelian[0]]
    else:
        denominator = 1
    if convention == "left":
        denominator = denominator * (-2 if structure in ("u1u1u1", "u1gg") else -1)
    if not symbolic:
        return sp.Rational(total, denominator)
    return sp.expand(sp.Add(total, *symbolic) / denominator)


def anomaly_table(model: Model, *, convention: str = DEFAULT_CONVENTION, nonzero: bool = False) -> dict:
    """Every anomaly trace of the model that is not identically zero by group theory.

    The combinations are: each U(1)_a U(1)_b U(1)_c (with repetition), each U(1) with
    two generators of one simple factor, G^3 for each factor with a cubic Casimir
    (SU(N), N ≥ 3), and U(1)-gravity^2.  Keys are ordered by :func:`canonical_key`.

    Parameters
    ----------
    model : Model
    convention : {"left", "eq4"}
        See :func:`anomaly_trace`.
    nonzero : bool
        Keep only the traces that do not vanish.

    Returns
    -------
    dict
        ``{(a, b, c): sympy.Expr}``.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> table = aa.anomaly_table(aa.load_model("sm_x_tau"), nonzero=True)
    >>> for key, value in table.items():
    ...     print(" ".join(key), "=", value)
    X SU2L SU2L = alpha_L/2
    X Y Y = alpha_L/2 - alpha_R
    Y X X = -alpha_L**2 + alpha_R**2
    X X X = 2*alpha_L**3 - alpha_R**3
    X grav grav = 2*alpha_L - alpha_R
    """
    _check_convention(convention)
    u1 = [k for k, g in model.groups if isinstance(g, U1)]
    simple = [k for k, g in model.groups if isinstance(g, SimpleFactor)]
    keys = []
    for g in simple:
        if _has_cubic(model.group(g)):
            keys.append((g, g, g))
    for g in simple:
        for u in u1:
            keys.append((u, g, g))
    for combo in combinations_with_replacement(u1, 3):
        keys.append(combo)
    for u in u1:
        keys.append((u, GRAVITY, GRAVITY))
    table = {}
    records = _records(model)
    for key in keys:
        key = canonical_key(model, *key)
        if key in table:
            continue
        value = _trace(model, key, [_kind(model, x) for x in key], convention, records)
        if nonzero and value == 0:
            continue
        table[key] = value
    return table


def _has_cubic(group: SimpleFactor) -> bool:
    alg = group.algebra
    return alg.series == "A" and alg.rank >= 2


def anomaly_label(model: Model, key, *, latex: bool = False) -> str:
    """A readable name of an anomaly channel, e.g. ``"SU2L^2 x X"`` or ``"grav^2 x X"``.

    Parameters
    ----------
    model : Model
        The model (unused; kept for a uniform signature).
    key : tuple of str
        Three labels.
    latex : bool, optional
        LaTeX (``\\mathrm{SU2L}^2 \\times \\mathrm{X}``) instead of text.

    Returns
    -------
    str
        The squared label first, as the paper writes it.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> anomaly_label(aa.load_model("sm_x_tau"), ("X", "SU2L", "SU2L"))
    'SU2L^2 x X'
    """
    parts = []
    for label in dict.fromkeys(key):
        power = key.count(label)
        name = label
        if latex:
            name = r"\mathrm{%s}" % label.replace("_", r"\_")
            parts.append(name + (f"^{power}" if power > 1 else ""))
        else:
            parts.append(name + (f"^{power}" if power > 1 else ""))
    # the paper writes the square first: SU(2)_L^2 x U(1)_X
    parts.sort(key=lambda p: 0 if "^" in p else 1)
    return (r" \times " if latex else " x ").join(parts)


def has_witten_anomaly_check(group) -> bool:
    """Whether Witten's global anomaly applies to a group factor: SU(2) and Sp(2N).

    Parameters
    ----------
    group : GroupFactor
        A factor.

    Returns
    -------
    bool
        True for SU(2) and Sp(2N) factors.
    """
    return isinstance(group, SimpleFactor) and (
        group.algebra.series == "C" or (group.algebra.series == "A" and group.algebra.rank == 1))


def witten_index(model: Model, label: str):
    """Sum over Weyl fermions of 2 T(r) (times multiplicities) for an SU(2)/Sp(2N) factor.

    Witten's global anomaly is present when this integer is odd.  Fermions of either
    chirality count (a right-handed field in a pseudoreal irrep is a left-handed one
    in the same irrep); irreps that are not pseudoreal contribute an even number.

    Parameters
    ----------
    model : Model
        The model.
    label : str
        Label of an SU(2) or Sp(2N) factor.

    Returns
    -------
    sympy.Integer
        ``Σ 2 T(r) × copies × dimensions under the other simple factors``.

    Raises
    ------
    ModelError
        If the factor is not SU(2) or Sp(2N), or a representation has a symbolic
        dimension (substitute an integer first).
    """
    g = model.group(label)
    if not has_witten_anomaly_check(g):
        raise ModelError(
            f"Witten's global anomaly concerns SU(2) and Sp(2N) factors; '{label}' is {g.name}"
        )
    total = sp.Integer(0)
    for f in model.fermions:
        rep = f.rep(label)
        two_t = 2 * g.index(rep)
        weight = sp.Integer(f.copies)
        for other, r in f.reps:
            if other != label and isinstance(model.group(other), SimpleFactor):
                weight *= model.group(other).dim(r)
        contribution = weight * two_t
        if not contribution.is_integer:
            raise ModelError(
                f"field '{f.name}': the Witten index needs integer dimensions, got"
                f" {contribution} (substitute the symbols first, e.g. model.subs(n=3))"
            )
        total += contribution
    return total


def witten_anomaly(model: Model, label: str) -> bool:
    """Whether the SU(2)/Sp(2N) factor ``label`` has Witten's global anomaly.

    Parameters
    ----------
    model : Model
        The model.
    label : str
        Label of an SU(2) or Sp(2N) factor.

    Returns
    -------
    bool
        True when :func:`witten_index` is odd.

    Raises
    ------
    ModelError
        As :func:`witten_index`.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> sm = aa.load_model("sm")
    >>> aa.witten_anomaly(sm, "SU2L")
    False
    >>> aa.witten_anomaly(sm.without("l"), "SU2L")
    True
    """
    return bool(witten_index(model, label) % 2)


def is_anomaly_free(model: Model) -> bool:
    """True when every trace of gauged factors (and gravity) vanishes identically and no
    gauged SU(2)/Sp factor has Witten's anomaly.

    Anomalies of global factors (``gauged=False``) are not inconsistencies and do not
    count; the full verdict, with the gauged Z(N), is
    :func:`anomalyalgebra.consistency.consistency_report`.

    Parameters
    ----------
    model : Model
        The model.

    Returns
    -------
    bool
        The verdict (symbolic traces count as non-zero unless they simplify to 0).

    Raises
    ------
    ModelError
        If an SU(2)/Sp factor's Witten index needs a symbolic dimension.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> aa.is_anomaly_free(aa.load_model("sm")), aa.is_anomaly_free(aa.load_model("sm").without("e"))
    (True, False)
    """
    for key, v in anomaly_table(model, convention="left").items():
        if all(x == GRAVITY or model.group(x).gauged for x in key) and sp.simplify(v) != 0:
            return False
    for label, g in model.groups:
        if g.gauged and has_witten_anomaly_check(g) and witten_anomaly(model, label):
            return False
    return True
