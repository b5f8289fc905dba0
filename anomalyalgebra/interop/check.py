"""Check imported models: every anomaly channel and every declared term.

:func:`check_imported` runs, on an :class:`~anomalyalgebra.interop.ImportedModel`, the
perturbative anomaly traces (:func:`anomalyalgebra.anomaly.anomaly_table`), Witten's
SU(2)/Sp(2N) anomaly, the Ibáñez–Ross conditions of its Z_N factors
(:func:`anomalyalgebra.discrete.discrete_anomalies`) and the gauge (and Z_N) invariance
of every declared Lagrangian, potential or superpotential term through
:meth:`anomalyalgebra.operators.Operator.conditions`.  :func:`check_directory` does it
for every model file under a directory; a file that cannot be read is a report with
its reason, never the end of the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from pathlib import Path

import sympy as sp

from ..exceptions import AnomalyAlgebraError
from .imported import FORMATS

__all__ = ["CheckReport", "check_imported", "check_file", "check_directory", "MODEL_SUFFIXES"]

#: File suffixes :func:`check_directory` picks up: those of every format.
MODEL_SUFFIXES = tuple(suffix for suffixes in FORMATS.values() for suffix in suffixes)


@dataclass(frozen=True)
class CheckReport:
    """The verdict on one model file.

    ``status`` is ``"unreadable"`` (``error`` says why), ``"anomalous"`` (a trace that
    does not vanish identically, a Witten anomaly or a violated discrete condition),
    ``"not invariant"`` (anomaly free, but a declared term is not gauge invariant) or
    ``"ok"``.
    """

    path: str
    format: str = ""
    model: str = ""
    error: str = ""
    anomalies: tuple = ()          # (channel label, value)
    witten: tuple = ()             # labels
    discrete: tuple = ()           # readable conditions that fail
    terms: int = 0
    non_invariant: tuple = ()      # (term, line, ((label, condition), ...))
    undecided: tuple = ()          # (term, line, ((label, condition), ...))
    notes: tuple = dc_field(default=())
    chirality_defaults: tuple = ()  # PyR@TE: fermions whose set took the default chirality
    internal: bool = False          # the error is a bug of anomalyalgebra, not of the file
    symbolic: bool = False          # some non-zero trace depends on free symbols

    @property
    def status(self) -> str:
        if self.error:
            return "unreadable"
        if self.anomalies or self.witten or self.discrete:
            return "anomalous"
        if self.non_invariant:
            return "not invariant"
        return "ok"

    def summary(self) -> str:
        """One line: the status and what failed."""
        if self.error:
            return f"unreadable: {self.error}"
        parts = []
        if self.anomalies:
            parts.append("anomalies " + "; ".join(f"{k} = {v}" for k, v in self.anomalies))
        if self.witten:
            parts.append("Witten " + ", ".join(self.witten))
        if self.discrete:
            parts.append("discrete " + "; ".join(self.discrete))
        if self.non_invariant:
            parts.append("not invariant: " + "; ".join(
                f"{t} (line {ln}: {', '.join(c for _, c in conds)})" for t, ln, conds in self.non_invariant))
        if self.undecided:
            parts.append(f"{len(self.undecided)} term(s) depend on free charges")
        if self.chirality_defaults:
            parts.append("chirality by default for the set(s) of " + ", ".join(self.chirality_defaults))
        head = "anomaly free" if not (self.anomalies or self.witten or self.discrete) else "ANOMALOUS"
        if self.symbolic and not (self.witten or self.discrete):
            head += " for generic values of the free symbols"
        return head + (f", {self.terms} term(s) checked" if self.terms else "") + \
            ("; " + "; ".join(parts) if parts else "")

    def to_dict(self) -> dict:
        return {
            "path": self.path, "format": self.format, "model": self.model, "status": self.status,
            "error": self.error or None,
            "anomalies": [{"channel": k, "value": v} for k, v in self.anomalies],
            "witten": list(self.witten), "discrete": list(self.discrete), "terms_checked": self.terms,
            "non_invariant": [{"term": t, "line": ln, "fails": [{"group": g, "condition": c} for g, c in cs]}
                              for t, ln, cs in self.non_invariant],
            "undecided": [{"term": t, "line": ln, "conditions": [{"group": g, "condition": c} for g, c in cs]}
                          for t, ln, cs in self.undecided],
            "notes": list(self.notes), "chirality_defaults": list(self.chirality_defaults),
            "depends_on_symbols": self.symbolic,
        }


def check_imported(imp, *, path=None) -> CheckReport:
    """Check an imported model (see the module documentation).

    Examples
    --------
    >>> from anomalyalgebra.interop.sarah import loads_sarah
    >>> src = '''
    ... Gauge[[1]] = {B, U[1], hypercharge, g1, False};
    ... FermionFields[[1]] = {e, 1, conj[eR], 1};
    ... ScalarFields[[1]] = {S, 1, S, 1};
    ... LagHC = y S.e.e;
    ... '''
    >>> r = check_imported(loads_sarah(src))
    >>> r.status
    'anomalous'
    >>> print(r.summary())
    ANOMALOUS, 1 term(s) checked; anomalies hypercharge^3 = -2; grav^2 x hypercharge = -1; not invariant: LagHC y: S bar(e)^2 (line 5: hypercharge: 3 = 0)
    """
    from ..anomaly import anomaly_label, anomaly_table, has_witten_anomaly_check, witten_anomaly
    from ..consistency import gauge_discrete, is_gauge_channel

    model = imp.model
    anomalies = []
    symbolic = False
    for key, value in anomaly_table(model, convention="eq4").items():
        if not is_gauge_channel(model, key):      # anomalies of global factors are not verdicts
            continue
        value = sp.simplify(value)
        if value != 0:
            anomalies.append((anomaly_label(model, key), sp.sstr(value)))
            symbolic = symbolic or bool(value.free_symbols)
    witten = []
    notes = list(imp.notes)
    for label, g in model.groups:
        if g.gauged and has_witten_anomaly_check(g):
            try:
                if witten_anomaly(model, label):
                    witten.append(label)
            except AnomalyAlgebraError as exc:
                notes.append(f"Witten anomaly of {label} undetermined: {exc}")
    discrete = []
    for c in gauge_discrete(model):       # gauged Z_N only (a SARAH Global[] is not gauged)
        if c.relaxed is False:
            discrete.append(str(c))
        elif c.relaxed is None:
            notes.append(f"undecided: {c}")
    bad, undecided = [], []
    for term in imp.terms:
        target = imp.superfields if term.superfield else model
        conds = term.operator.conditions(target)
        fails = tuple((c.label, str(c)) for c in conds if c.satisfied is False)
        unknown = tuple((c.label, str(c)) for c in conds if c.satisfied is None)
        if fails:
            bad.append((str(term), term.line, fails))
        elif unknown:
            undecided.append((str(term), term.line, unknown))
    return CheckReport(
        path=str(path if path is not None else imp.path), format=imp.format, model=model.name,
        anomalies=tuple(anomalies), witten=tuple(witten), discrete=tuple(discrete), terms=len(imp.terms),
        non_invariant=tuple(bad), undecided=tuple(undecided), notes=tuple(notes),
        chirality_defaults=tuple(imp.chirality_defaults), symbolic=symbolic,
    )


def check_file(path, *, format=None, **options) -> CheckReport:
    """Read and check one model file; a file that cannot be read gives a report with ``error``."""
    from . import read_model_file

    try:
        imp = read_model_file(path, format=format, **options)
        return check_imported(imp, path=path)
    except AnomalyAlgebraError as exc:
        return CheckReport(path=str(path), format=format or "", error=str(exc))
    except RecursionError:
        return CheckReport(path=str(path), format=format or "", error="expression nested too deeply")


def check_directory(root, *, suffixes=MODEL_SUFFIXES, progress=None, **options) -> list:
    """Check every model file under ``root`` (recursively), sorted by path.

    ``options`` (``default_chirality``, ``chirality``) go to the PyR@TE files only;
    ``progress``, if given, is called as ``progress(done, total, path)`` after each file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "bad.m").write_text("Gauge[[1]] = {B, SO[3], x, g, False};")
    >>> [(pathlib.Path(r.path).name, r.status) for r in check_directory(d)]
    [('bad.m', 'unreadable')]
    """
    root = Path(root)
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
    from . import format_of

    out = []
    for p in files:
        try:
            out.append(check_file(p, **(options if format_of(p) == "pyrate" else {})))
        except Exception as exc:  # a bug must not end the run over a collection: report it
            out.append(CheckReport(path=str(p), error=f"internal error ({type(exc).__name__}: {exc});"
                                   " please report it with this file", internal=True))
        if progress is not None:
            progress(len(out), len(files), p)
    return out

