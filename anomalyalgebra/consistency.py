"""One verdict on a model: is its gauge theory consistent?

:func:`consistency_report` is the single place that decides whether a model is
anomalous.  It is used by ``anomalyalgebra check`` (a model, a file, a directory) and
by the Python API.  The verdict is decided on the **gauged** factors only:

* a perturbative trace counts when each of its three legs is a gauged factor or
  gravity (a trace with a global leg is an anomaly of that global symmetry);
* Witten's global anomaly of every gauged SU(2)/Sp(2N) factor;
* the Ibáñez–Ross conditions of every gauged Z(N), against the gauged simple factors
  and gravity;
* the Dai–Freed conditions of every gauged Z(N) (:mod:`anomalyalgebra.nonperturbative`;
  a global Z(N) with a Dai–Freed anomaly has a 't Hooft anomaly, reported only).  The
  report also carries the global form of the gauge group (``gauge_quotient``) and the
  SU(2) global anomalies (``su2_global``; the new SU(2) anomaly never decides the verdict:
  it matters only in a non-spin formulation).

The anomalies of every global factor are reported, with their meaning (instanton
breaking or 't Hooft anomaly), by :mod:`anomalyalgebra.global_symmetries`; they never
make a model anomalous.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field

import sympy as sp

from .anomaly import anomaly_label, anomaly_table, has_witten_anomaly_check, witten_index
from .discrete import discrete_anomalies
from .exceptions import AnomalyAlgebraError
from .global_symmetries import global_symmetries
from .model import GRAVITY, Model
from .nonperturbative.report import NonPerturbativeReport, nonperturbative_report

__all__ = ["ConsistencyReport", "consistency_report", "is_gauge_channel", "gauge_witten",
           "gauge_discrete"]


def is_gauge_channel(model: Model, key) -> bool:
    """Whether every leg of an anomaly channel is a gauged factor or gravity.

    Parameters
    ----------
    model : Model
    key : sequence of str
        Three labels of the model (or ``"grav"``).

    Returns
    -------
    bool

    Raises
    ------
    ModelError
        For a label the model does not have.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> m = aa.loads_model('''
    ... name = "t"
    ... [groups]
    ... Y = "U(1)"
    ... PQ = { group = "U(1)", gauged = false }
    ... [fields.a]
    ... spin = "1/2"
    ... chirality = "L"
    ... reps = { Y = "1", PQ = "1" }
    ... ''')
    >>> is_gauge_channel(m, ("Y", "Y", "Y")), is_gauge_channel(m, ("PQ", "Y", "Y"))
    (True, False)
    """
    return all(x == GRAVITY or model.group(x).gauged for x in key)


def gauge_witten(model: Model) -> dict:
    """Witten's anomaly of every gauged SU(2)/Sp(2N) factor.

    Parameters
    ----------
    model : Model

    Returns
    -------
    dict
        ``{label: bool}``, or a string ``"undetermined: ..."`` when a representation has a
        symbolic dimension.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> gauge_witten(aa.load_model("sm").without("l"))
    {'SU2L': True}
    """
    out = {}
    for label, g in model.groups:
        if g.gauged and has_witten_anomaly_check(g):
            try:
                out[label] = bool(witten_index(model, label) % 2)
            except AnomalyAlgebraError as exc:
                out[label] = f"undetermined: {exc}"
    return out


def gauge_discrete(model: Model) -> tuple:
    """The Ibáñez–Ross conditions of the gauged Z(N) factors against gauged simple factors
    and gravity.

    Parameters
    ----------
    model : Model

    Returns
    -------
    tuple of DiscreteAnomaly
        :class:`~anomalyalgebra.discrete.DiscreteAnomaly`, flattened over the factors.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> gauge_discrete(aa.load_model("tau_l_only"))     # its Z2s are global
    ()
    """
    labels = [k for k, g in model.groups if g.gauged and g.kind == "zn"]
    if not labels:
        return ()
    out = []
    for conds in discrete_anomalies(model, labels).values():
        out += [a for a in conds if a.channel == GRAVITY or model.group(a.channel).gauged]
    return tuple(out)


@dataclass(frozen=True)
class ConsistencyReport:
    """The consistency verdict of a model and everything it rests on.

    Parameters
    ----------
    model : Model
    convention : str
        Convention of the traces in ``anomalies`` (the verdict does not depend on it).
    anomalies : dict
        Every trace of :func:`~anomalyalgebra.anomaly.anomaly_table`, keyed by channel.
    gauge_anomalies : dict
        The traces whose legs are all gauged or gravity.
    witten : dict
        :func:`gauge_witten`.
    discrete : tuple
        :func:`gauge_discrete`.
    global_symmetries : dict
        ``{label: GlobalSymmetryReport}`` for every global factor.
    dai_freed : dict
        ``{label: DaiFreedResult}`` for every Z(N) factor (gauged and global).
    gauge_quotient : GaugeQuotient
        The subgroup of the centre acting trivially on every field.
    su2_global : dict
        ``{label: SU2Global}`` for every SU(2)/Sp(2N) factor.
    anomalous : bool
        True if a gauge trace does not vanish identically, a gauged SU(2)/Sp has
        Witten's anomaly (or it is undetermined), a gauged Z(N) Ibáñez–Ross condition
        fails (or is undecided) or a gauged Z(N) has a Dai–Freed anomaly.
    reasons : tuple of str
        Why, one phrase per kind of anomaly (empty when consistent).
    """

    model: Model
    convention: str
    anomalies: dict = dc_field(compare=False)
    gauge_anomalies: dict = dc_field(compare=False)
    witten: dict = dc_field(compare=False)
    discrete: tuple = ()
    global_symmetries: dict = dc_field(default_factory=dict, compare=False)
    anomalous: bool = False
    reasons: tuple = ()
    dai_freed: dict = dc_field(default_factory=dict, compare=False)
    gauge_quotient: object = dc_field(default=None, compare=False)
    su2_global: dict = dc_field(default_factory=dict, compare=False)

    @property
    def nonperturbative(self) -> NonPerturbativeReport:
        """The Dai–Freed, gauge-quotient and SU(2) parts, with their text and LaTeX forms."""
        return NonPerturbativeReport(self.dai_freed, self.gauge_quotient, self.su2_global)

    @property
    def anomaly_free(self) -> bool:
        return not self.anomalous

    def to_dict(self) -> dict:
        """The JSON form used by ``check --json`` (keys ``anomalies``, ``witten``,
        ``discrete``, ``global_symmetries``, ``dai_freed``, ``gauge_quotient``,
        ``su2_global``, ``anomaly_free``, ``reasons``)."""
        m = self.model
        return {
            "anomalies": [{"channel": list(k), "label": anomaly_label(m, k), "value": sp.sstr(v),
                           "latex": sp.latex(v), "gauge": k in self.gauge_anomalies}
                          for k, v in self.anomalies.items()],
            "witten": dict(self.witten),
            "discrete": [{"symmetry": a.symmetry, "channel": a.channel,
                          "label": f"{a.symmetry} x {a.channel}^2",
                          "value": sp.sstr(sp.sympify(a.value)), "modulus": a.modulus,
                          "free": a.free, "relaxed": a.relaxed} for a in self.discrete],
            "global_symmetries": {k: r.to_dict() for k, r in self.global_symmetries.items()},
            **(self.nonperturbative.to_dict() if self.gauge_quotient is not None else {}),
            "anomaly_free": not self.anomalous,
            "reasons": list(self.reasons),
        }


def _reasons(model, gauge_table, witten, discrete) -> tuple:
    out = []
    nonzero = [(k, v) for k, v in gauge_table.items() if sp.simplify(v) != 0]
    if nonzero:   # the note on symbols only where a non-vanishing trace has symbols
        symbolic = any(sp.sympify(v).free_symbols for _, v in nonzero)
        out.append("traces " + ", ".join(anomaly_label(model, k) for k, _ in nonzero)
                   + (" (symbolic ones vanish only for special values of the symbols)" if symbolic else ""))
    bad = [label for label, w in witten.items() if w is not False]
    if bad:
        out.append("Witten anomaly of " + ", ".join(f"{b} ({witten[b]})" if witten[b] is not True
                                                   else b for b in bad))
    # the even-N gravitational condition with the Ibáñez–Ross relaxation (mod N/2), the
    # same verdict for check FILE, check DIR and interop.check_imported (issue 18)
    bad = [f"{a.symmetry} x {a.channel}^2" + ("" if a.relaxed is False else " (undecided)")
           for a in discrete if a.relaxed is not True]
    if bad:
        out.append("discrete " + ", ".join(bad))
    return tuple(out)


def consistency_report(model: Model, *, convention: str = "left") -> ConsistencyReport:
    """Decide whether ``model`` is a consistent gauge theory; report its global anomalies.

    Parameters
    ----------
    model : Model
    convention : {"eq4", "left"}
        Convention of the listed traces (``"left"``: the standard sum over left-handed
        Weyl fermions).  The verdict is the same in both.  The global-symmetry report
        always uses the standard convention.

    Returns
    -------
    ConsistencyReport

    Raises
    ------
    ModelError
        When the Dai–Freed conditions of a Z(N) factor need integer dimensions the model
        does not give (a symbolic SU(2) dimension).
    LimitError
        When a Z(N) exceeds ``max_zn_order``.

    Examples
    --------
    The seed paper's L-only model: its Z_2 symmetries are imposed (global), so their
    SU(2)_L anomaly is physics, not an inconsistency.

    >>> import anomalyalgebra as aa
    >>> r = consistency_report(aa.load_model("tau_l_only"), convention="left")
    >>> r.anomalous, r.global_symmetries["Z2tau"].unbroken
    (False, 'trivial')
    >>> consistency_report(aa.load_model("sm").without("e"), convention="left").reasons
    ('traces Y^3, grav^2 x Y',)
    """
    table = anomaly_table(model, convention=convention)
    gauge_table = {k: v for k, v in table.items() if is_gauge_channel(model, k)}
    witten = gauge_witten(model)
    discrete = gauge_discrete(model)
    nonpert = nonperturbative_report(model)
    reasons = _reasons(model, gauge_table, witten, discrete) + tuple(nonpert.reasons)
    return ConsistencyReport(model, convention, table, gauge_table, witten, discrete,
                             global_symmetries(model), bool(reasons), reasons,
                             nonpert.dai_freed, nonpert.gauge_quotient, nonpert.su2_global)
