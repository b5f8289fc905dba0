r"""Anomalies of global symmetries and what they mean.

A group factor declared global (``gauged = false``, see :mod:`anomalyalgebra.groups`)
is not a gauge symmetry: its anomalies make nothing inconsistent, they are physics.
This module computes them exactly and says what each one means.

Conventions (the field's standard ones, see ``docs/global_symmetries.rst``)
----------------------------------------------------------------------------
* Every trace is a sum over **left-handed** Weyl fermions; a right-handed field in
  the representation *r* with charge *q* enters as its conjugate, a left-handed field
  in *r̄* with charge *−q*.  (This is :func:`anomalyalgebra.anomaly.anomaly_trace`
  with ``convention="left"``, always passed explicitly here.)
* ``T(fundamental of SU(N)) = 1/2``; for any simple G the index is normalised so that
  ``T(adjoint) = h^∨`` (the dual Coxeter number).  Then ``2T(r)`` is the number of
  zero modes of one left-handed Weyl fermion in *r* in the field of one G instanton
  (the index theorem; 't Hooft 1976).
* Multiplicities: copies times the dimensions under every other simple factor
  (gauged or global).

What each coefficient means
---------------------------
For a global U(1) with charges *q* and a non-abelian gauge factor G,

.. math::  \Delta Q_G = \sum_{\text{LH Weyl}} q \, 2T_G(r) \, d = 2\,\mathcal{A}(Q\,G\,G)

is the charge violated by one G instanton: the 't Hooft vertex is the product of
the ``2T(r)`` zero modes of every left-handed Weyl fermion, of total charge
``ΔQ_G`` (G. 't Hooft, Phys. Rev. Lett. 37 (1976) 8; Phys. Rev. D 14 (1976) 3432).
If ``ΔQ_G ≠ 0`` the U(1) is **explicitly broken** by G instantons.  With the charges
scaled to coprime integers (the U(1) then acts with period 2π), the rotations
``e^{2πi k/n}`` that leave every vertex invariant form the unbroken subgroup
``Z(n)``, ``n = gcd_G |ΔQ_G|``.  Example: U(1)_A of QCD with N_f massless flavours
(charge 1 on every left-handed quark and antiquark) has ``ΔQ = 2N_f`` and survives as
Z(2N_f).

For a global Z(N) with integer charges *q* (mod N), the vertex carries
``A_G = Σ q 2T_G(r) d`` (the Ibáñez–Ross coefficient of
:func:`anomalyalgebra.discrete.ibanez_ross`); the element ``k`` of Z(N) leaves it
invariant iff ``k A_G ≡ 0 (mod N)``, so the unbroken subgroup is ``Z(gcd(N, A_G, ...))``.

Anomalies against abelian gauge factors, gravity, or the symmetry itself (cubic) are
**'t Hooft anomalies**: they break nothing (there are no instantons of an abelian
factor in flat space, and gravitational ones are not counted here) but constrain the
infrared (anomaly matching) and obstruct gauging the symmetry.  A global simple
factor (a flavour group) has only 't Hooft anomalies: its cubic anomaly, its mixed
anomaly with the gauged U(1)s (``Y F F``) and, for SU(2)/Sp, Witten's parity.

Axion couplings
---------------
For a global U(1) with ``N ≠ 0`` against a gauged SU(3) (``N = Σ_LH q T(r) d``, so
``2N = ΔQ``) and a declared electric charge ``Q = Σ c_Y Y + Σ c_k T3(SU2_k)``,
``E = Σ_LH q Σ_components Q²`` (sum over the states of each multiplet: the T3
eigenvalues of every SU(2) irrep come from its weight system), and ``E/N`` is the
ratio entering the axion–photon coupling ``g_{aγγ} ∝ E/N − 1.92``.  The
domain-wall number is the number of degenerate minima of the axion potential: with
coprime integer charges, ``|2N|`` (the order of the ``Z(|2N|)`` left unbroken by colour
instantons) divided by ``gcd(|2N|, scalar charges)``, the order of the part of that
``Z(|2N|)`` which acts trivially on every scalar and so moves no vacuum (e.g. fermion parity
when the fermions carry odd and the scalars even charges); identifications with the
centre of the gauge group are not taken into account.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import gcd

import sympy as sp

from .anomaly import anomaly_trace, has_witten_anomaly_check, witten_index
from .exceptions import AnomalyAlgebraError, ModelError
from .groups import SimpleFactor, U1, ZN
from .model import GRAVITY, Model

__all__ = ["STANDARD_CONVENTION", "GlobalAnomaly", "AxionCouplings", "GlobalSymmetryReport",
           "global_symmetry_report", "global_symmetries", "axion_couplings", "charge_unit",
           "unbroken_order", "electric_charges_squared"]

#: The convention of every trace in this module: sum over left-handed Weyl fermions.
STANDARD_CONVENTION = "left"

BREAKING = "instanton breaking"
THOOFT = "'t Hooft anomaly"
NONE = "none"
UNDECIDED = "undecided (symbolic)"


def _text(value) -> str:
    return sp.sstr(sp.sympify(value))


@dataclass(frozen=True)
class GlobalAnomaly:
    """One anomaly coefficient of a global factor.

    Parameters
    ----------
    symmetry : str
        The global label.
    channel : tuple of str
        The three labels (``("PQ", "SU3c", "SU3c")``, ``("PQ", "grav", "grav")``); for
        an SU(2)/Sp Witten parity ``(label, "Witten")``.
    value : sympy.Expr
        Exact; reduced mod ``modulus`` for a Z(N).
    meaning : str
        ``"instanton breaking"``, ``"'t Hooft anomaly"``, ``"none"`` (it vanishes) or
        ``"undecided (symbolic)"``.
    modulus : int or None
        N for a Z(N) (and 2 for a Witten parity), ``None`` for a continuous factor.
    """

    symmetry: str
    channel: tuple
    value: object
    meaning: str
    modulus: int | None = None

    @property
    def label(self) -> str:
        """Readable channel: ``"PQ x SU3c^2"``."""
        if len(self.channel) == 2:
            return f"{self.channel[0]} Witten parity"
        parts = []
        for lab in dict.fromkeys(self.channel):
            k = self.channel.count(lab)
            parts.append(lab + (f"^{k}" if k > 1 else ""))
        return " x ".join(parts)

    def to_dict(self) -> dict:
        out = {"channel": list(self.channel), "label": self.label, "value": _text(self.value),
               "meaning": self.meaning}
        if self.modulus is not None:
            out["modulus"] = self.modulus
        return out

    def __str__(self) -> str:
        mod = f" mod {self.modulus}" if self.modulus is not None else ""
        return f"{self.label} = {_text(self.value)}{mod}: {self.meaning}"


@dataclass(frozen=True)
class AxionCouplings:
    """N, E, E/N and the domain-wall number of a global U(1) (see the module doc).

    Parameters
    ----------
    symmetry : str
        The global U(1) label.
    N : dict
        ``{SU(3) label: N}``, exact.
    E : sympy.Rational or None
        ``None`` when the model declares no electric charge.
    E_over_N : dict
        ``{SU(3) label: E/N}`` (``None`` values without an electric charge).
    domain_wall : dict
        ``{SU(3) label: N_DW}``.
    """

    symmetry: str
    N: dict
    E: object
    E_over_N: dict
    domain_wall: dict

    def to_dict(self) -> dict:
        """JSON form: strings such as ``"2/3"``; per-SU(3) objects only when there are several."""
        def one(d):
            vals = {k: (None if v is None else _text(v)) for k, v in d.items()}
            return next(iter(vals.values())) if len(vals) == 1 else vals

        return {"N": one(self.N), "E": None if self.E is None else _text(self.E),
                "E_over_N": one(self.E_over_N), "N_DW": one(self.domain_wall)}


@dataclass(frozen=True)
class GlobalSymmetryReport:
    """Everything :func:`global_symmetry_report` derives for one global factor.

    Parameters
    ----------
    label, group, kind : str
        The factor (``kind`` is ``"u1"``, ``"zn"`` or ``"simple"``).
    anomalies : tuple of GlobalAnomaly
        Its coefficients with each gauge factor, gravity and itself.
    instanton_vertex : tuple of (str, value)
        For each gauged non-abelian factor whose instantons violate the charge: the
        charge violated by one instanton (declared normalisation; mod N for Z(N)).
    unbroken : str
        What survives the instantons: ``"U(1)"``, ``"Z(k)"``, ``"trivial"``, the simple
        group itself, or ``"undecided (symbolic)"``.
    charge_unit : sympy.Rational or None
        For a U(1): the declared charges are this number times coprime integers.
    axion : AxionCouplings or None
    """

    label: str
    group: str
    kind: str
    anomalies: tuple
    instanton_vertex: tuple
    unbroken: str
    charge_unit: object = None
    axion: AxionCouplings | None = None

    @property
    def exact(self):
        """True if no gauge instanton breaks it, False if broken, None if undecided."""
        if self.unbroken == UNDECIDED:
            return None
        return not self.instanton_vertex

    @property
    def thooft(self) -> tuple:
        """The non-vanishing 't Hooft anomalies."""
        return tuple(a for a in self.anomalies if a.meaning == THOOFT)

    def to_dict(self) -> dict:
        out = {"group": self.group, "kind": self.kind,
               "anomalies": [a.to_dict() for a in self.anomalies],
               "instanton_vertex": {g: _text(v) for g, v in self.instanton_vertex},
               "exact": self.exact, "unbroken": self.unbroken}
        if self.charge_unit is not None:
            out["charge_unit"] = _text(self.charge_unit)
        if self.axion is not None:
            out["axion"] = self.axion.to_dict()
        return out

    def lines(self) -> list:
        """Readable lines for the text output of ``check``."""
        out = [f"{self.label} ({self.group}, global):"]
        for a in self.anomalies:
            out.append(f"  {a}")
        for g, v in self.instanton_vertex:
            out.append(f"  one {g} instanton violates {self.label} by {_text(v)}")
        out.append(f"  unbroken by gauge instantons: {self.unbroken}")
        if self.axion is not None:
            ax = self.axion.to_dict()
            out.append("  axion: " + ", ".join(f"{k} = {v}" for k, v in ax.items()))
        return out


# ---------------------------------------------------------------------- helpers
def charge_unit(values):
    """The positive rational ``u`` with ``values / u`` coprime integers.

    Parameters
    ----------
    values : iterable
        Exact charges.

    Returns
    -------
    sympy.Rational or None
        ``None`` if every value is 0 or some value is symbolic.

    Examples
    --------
    >>> charge_unit([sp.Rational(1, 3), sp.Rational(-2, 3), 0])
    1/3
    >>> charge_unit([sp.Rational(1, 2), sp.Rational(1, 3)])
    1/6
    """
    num, den = 0, 1
    for v in values:
        v = sp.sympify(v)
        if not v.is_Rational:
            return None
        if v == 0:
            continue
        num = gcd(num, int(v.p))
        den = den * int(v.q) // gcd(den, int(v.q))
    if num == 0:
        return None
    # gcd of p_i/q_i = gcd(p_i * (den/q_i)) / den
    g = 0
    for v in values:
        v = sp.Rational(v)
        g = gcd(g, int(v.p) * (den // int(v.q)))
    return sp.Rational(g, den)


def unbroken_order(violations, n=None):
    """Order of the subgroup left by instanton vertices of charges ``violations``.

    Parameters
    ----------
    violations : iterable of int
        The charge violated by one instanton of each factor (coprime integer charges for a
        U(1), integers mod n for Z(n)).
    n : int, optional
        The order of a Z(n); ``None`` for a U(1).

    Returns
    -------
    int or None
        For a U(1): ``gcd |ΔQ_G|``, or ``None`` when nothing is violated (the U(1)
        survives).  For Z(n): ``gcd(n, A_G, ...)``.

    Examples
    --------
    >>> unbroken_order([6]), unbroken_order([4, 6]), unbroken_order([0]) is None
    (6, 2, True)
    >>> unbroken_order([3], n=6), unbroken_order([0], n=6)
    (3, 6)
    """
    g = 0 if n is None else n
    for v in violations:
        g = gcd(g, abs(int(v)))
    if n is None and g == 0:
        return None
    return g


def _gauge_nonabelian(model):
    return [k for k, g in model.groups if g.gauged and isinstance(g, SimpleFactor)]


def _gauge_u1(model):
    return [k for k, g in model.groups if g.gauged and isinstance(g, U1)]


def _meaning(value, breaking):
    v = sp.simplify(value)
    if v.free_symbols:
        return UNDECIDED
    if v == 0:
        return NONE
    return BREAKING if breaking else THOOFT


def _trace(model, *labels):
    return anomaly_trace(model, *labels, convention=STANDARD_CONVENTION)


# ---------------------------------------------------------------------- E and N
def electric_charges_squared(model, field) -> sp.Expr:
    """``Σ Q²`` over the states of one copy of ``field`` under the declared electric charge,
    times the dimensions of the simple factors that do not enter Q.

    Parameters
    ----------
    model : Model
        A model that declares ``electric_charge``.
    field : str or Field

    Returns
    -------
    sympy.Rational

    Notes
    -----
    The T3 eigenvalues of an SU(2) irrep are half its weights (Dynkin basis) from the
    weight system of :mod:`anomalyalgebra.algebra`.

    Raises
    ------
    ModelError
        If the model declares no electric charge, or an SU(2) irrep has a symbolic
        dimension.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> sm = aa.load_model("sm")
    >>> electric_charges_squared(sm, "q")      # 3 colours x ((2/3)^2 + (-1/3)^2)
    5/3
    """
    if not model.electric_charge:
        raise ModelError(f"model '{model.name}' declares no electric_charge (e.g."
                         " electric_charge = \"T3(SU2L) + Y\")")
    f = model.field(field) if isinstance(field, str) else field
    coeff = dict(model.electric_charge)
    # Q on the states: a list of values built factor by factor
    values = [sp.Integer(0)]
    mult = sp.Integer(1)
    for label, rep in f.reps:
        g = model.group(label)
        if label in coeff and isinstance(g, U1):
            values = [v + coeff[label] * sp.sympify(rep) for v in values]
        elif label in coeff:          # an SU(2): its T3 eigenvalues
            if not hasattr(rep, "weights"):
                raise ModelError(f"field '{f.name}': the electric charge needs a numeric SU(2)"
                                 f" representation under '{label}' (substitute the symbols first)")
            t3 = [sp.Rational(w[0], 2) for w, m in rep.weights() for _ in range(m)]
            values = [v + coeff[label] * t for v in values for t in t3]
        elif isinstance(g, SimpleFactor):
            mult *= g.dim(rep)
    return sp.expand(mult * sum(v ** 2 for v in values))


def axion_couplings(model, label) -> AxionCouplings | None:
    """N, E, E/N and N_DW of the global U(1) ``label`` (``None`` if it has no anomaly with a
    gauged SU(3)).

    Parameters
    ----------
    model : Model
    label : str
        A global U(1) label.

    Returns
    -------
    AxionCouplings or None

    Raises
    ------
    ModelError
        If ``label`` is not a global U(1).

    Examples
    --------
    The KSVZ axion with one heavy quark in (3, 1, -1/3) (Di Luzio, Mescia, Nardi,
    arXiv:1610.07593, Table I: E/N = 2/3):

    >>> import anomalyalgebra as aa
    >>> m = aa.Model.build("KSVZ", {"SU3c": "SU(3)", "SU2L": "SU(2)", "Y": "U(1)",
    ...     "PQ": aa.parse_group("U(1)", gauged=False)},
    ...     [aa.fermion("QL", "L", {"SU3c": "3", "SU2L": "1", "Y": "-1/3", "PQ": "1"}),
    ...      aa.fermion("QR", "R", {"SU3c": "3", "SU2L": "1", "Y": "-1/3", "PQ": "0"})],
    ...     electric_charge="T3(SU2L) + Y")
    >>> ax = axion_couplings(m, "PQ")
    >>> ax.to_dict()
    {'N': '1/2', 'E': '1/3', 'E_over_N': '2/3', 'N_DW': '1'}
    """
    g = model.group(label)
    if not isinstance(g, U1) or g.gauged:
        raise ModelError(f"axion couplings are computed for a global U(1); '{label}' is"
                         f" {'a gauged ' if g.gauged else ''}{g.name}")
    su3 = [k for k, h in model.groups if h.gauged and isinstance(h, SimpleFactor)
           and h.algebra.series == "A" and h.algebra.rank == 2]
    n_values = {k: sp.simplify(_trace(model, label, k, k)) for k in su3}
    n_values = {k: v for k, v in n_values.items() if v != 0}
    if not n_values:
        return None
    E = None
    if model.electric_charge:
        total = sp.Integer(0)
        for f in model.fermions:
            q = sp.sympify(f.rep(label))
            if q == 0:
                continue
            sign = 1 if f.chirality == "L" else -1     # a RH field enters conjugated: -q
            total += sign * q * f.copies * electric_charges_squared(model, f)
        E = sp.simplify(total)
    unit = charge_unit([f.rep(label) for f in model.fields])
    ratio, walls = {}, {}
    for k, n in n_values.items():
        ratio[k] = None if E is None else sp.simplify(E / n)
        walls[k] = (_vacua(abs(2 * n / unit), model, label, unit)
                    if unit is not None and not n.free_symbols else None)
    return AxionCouplings(label, n_values, E, ratio, walls)


def _vacua(order, model, label, unit):
    """Distinct vacua of the Z(order) left by the instantons: its orbit on the scalars' VEVs.

    The elements acting trivially on every PQ-charged scalar (e.g. fermion parity, when the
    fermions carry odd and the scalars even charges) do not move the vacuum; they form the
    subgroup of order ``gcd(order, scalar charges)`` (coprime units).  Without charged scalars
    the order itself.
    """
    g = 0
    for f in model.scalars:
        q = sp.sympify(f.rep(label)) / unit
        if not q.is_Integer:
            return order
        g = gcd(g, abs(int(q)))
    return order if g == 0 else order / gcd(int(order), g)


# ---------------------------------------------------------------------- report
def global_symmetry_report(model: Model, label: str) -> GlobalSymmetryReport:
    """Anomaly coefficients of the global factor ``label`` and what they mean.

    Parameters
    ----------
    model : Model
    label : str
        A global (``gauged=False``) factor: U(1), Z(N) or simple.

    Returns
    -------
    GlobalSymmetryReport

    Raises
    ------
    ModelError
        If ``label`` is gauged.

    Examples
    --------
    The seed paper's Z_2^τ is broken by SU(2)_L instantons (three odd doublets):

    >>> import anomalyalgebra as aa
    >>> r = global_symmetry_report(aa.load_model("tau_l_only"), "Z2tau")
    >>> r.instanton_vertex, r.unbroken
    ((('SU2L', 1),), 'trivial')
    """
    g = model.group(label)
    if g.gauged:
        raise ModelError(f"'{label}' is a gauged {g.name}; its anomalies are gauge anomalies"
                         " (see anomalyalgebra.consistency)")
    if isinstance(g, U1):
        return _u1_report(model, label, g)
    if isinstance(g, ZN):
        return _zn_report(model, label, g)
    return _simple_report(model, label, g)


def _u1_report(model, label, g):
    anomalies, vertex = [], []
    for k in _gauge_nonabelian(model):
        value = _trace(model, label, k, k)
        anomalies.append(GlobalAnomaly(label, (label, k, k), value, _meaning(value, True)))
        if sp.simplify(value) != 0:
            vertex.append((k, sp.simplify(2 * value)))
    for y in _gauge_u1(model):
        for channel in ((label, y, y), (label, label, y)):
            value = _trace(model, *channel)
            anomalies.append(GlobalAnomaly(label, channel, value, _meaning(value, False)))
    for channel in ((label, GRAVITY, GRAVITY), (label, label, label)):
        value = _trace(model, *channel)
        anomalies.append(GlobalAnomaly(label, channel, value, _meaning(value, False)))
    unit = charge_unit([f.rep(label) for f in model.fields])
    if any(sp.sympify(v).free_symbols for _, v in vertex) or (vertex and unit is None):
        unbroken = UNDECIDED
    else:
        k = unbroken_order([v / unit for _, v in vertex])
        unbroken = "U(1)" if k is None else ("trivial" if k == 1 else f"Z({k})")
    return GlobalSymmetryReport(label, g.name, g.kind, tuple(anomalies), tuple(vertex), unbroken,
                                unit, axion_couplings(model, label))


def _zn_report(model, label, g):
    from .discrete import discrete_anomalies

    gauge = set(_gauge_nonabelian(model))
    anomalies, vertex = [], []
    for a in discrete_anomalies(model, [label])[label]:
        if a.channel != GRAVITY and a.channel not in gauge:
            continue          # against a global simple factor: not a gauge anomaly
        value = sp.sympify(a.value)
        value = value % g.n if value.is_Integer else value
        breaking = a.channel != GRAVITY
        channel = (label, a.channel, a.channel)
        anomalies.append(GlobalAnomaly(label, channel, value, _meaning(value, breaking), g.n))
        if breaking and value != 0:
            vertex.append((a.channel, value))
    if any(sp.sympify(v).free_symbols for _, v in vertex):
        unbroken = UNDECIDED
    else:
        k = unbroken_order([v for _, v in vertex], g.n)
        unbroken = "trivial" if k == 1 else f"Z({k})"
    return GlobalSymmetryReport(label, g.name, g.kind, tuple(anomalies), tuple(vertex), unbroken)


def _simple_report(model, label, g):
    anomalies = []
    alg = g.algebra
    if alg.series == "A" and alg.rank >= 2:
        value = _trace(model, label, label, label)
        anomalies.append(GlobalAnomaly(label, (label, label, label), value, _meaning(value, False)))
    for y in _gauge_u1(model):
        value = _trace(model, y, label, label)
        anomalies.append(GlobalAnomaly(label, (y, label, label), value, _meaning(value, False)))
    if has_witten_anomaly_check(g):
        try:
            parity = witten_index(model, label) % 2
            anomalies.append(GlobalAnomaly(label, (label, "Witten"), parity,
                                           _meaning(parity, False), 2))
        except AnomalyAlgebraError:
            anomalies.append(GlobalAnomaly(label, (label, "Witten"), sp.Symbol("undetermined"),
                                           UNDECIDED, 2))
    return GlobalSymmetryReport(label, g.name, g.kind, tuple(anomalies), (), g.name)


def global_symmetries(model: Model) -> dict:
    """:func:`global_symmetry_report` of every global label, in the model's order.

    Parameters
    ----------
    model : Model

    Returns
    -------
    dict
        ``{label: GlobalSymmetryReport}``.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> list(global_symmetries(aa.load_model("tau_l_only")))
    ['Z2A', 'Z2tau']
    """
    return {label: global_symmetry_report(model, label) for label in model.global_labels}

