"""Check imported models: every anomaly channel and every declared term.

:func:`check_imported` runs, on an :class:`~anomalyalgebra.interop.ImportedModel`, the
perturbative anomaly traces (:func:`anomalyalgebra.anomaly.anomaly_table`), Witten's
SU(2)/Sp(2N) anomaly, the Ibáñez–Ross conditions of its Z_N factors
(:func:`anomalyalgebra.discrete.discrete_anomalies`) and the gauge (and Z_N) invariance
of every declared Lagrangian, potential or superpotential term through
:meth:`anomalyalgebra.operators.Operator.conditions`.  :func:`check_directory` does it
for every model file under a directory; a file that cannot be read is a report with
its reason, never the end of the run.  A directory of SARAH models also holds the
auxiliary files of each model (``particles.m``, ``parameters.m``, ``SPheno.m``, ...):
a ``.m`` file that assigns none of ``Gauge[[i]]``, ``SuperFields[[i]]``,
``FermionFields[[i]]``, ``ScalarFields[[i]]`` (or the old ``Fields[[i]]``) is no model
file and is reported ``skipped`` (likewise a ``.yaml``/``.yml`` file without a top-level
``Groups`` key); skipped files do not change the exit code of ``check DIR``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field as dc_field
from pathlib import Path

import sympy as sp

from ..exceptions import AnomalyAlgebraError
from .imported import FORMATS

__all__ = ["CheckReport", "check_imported", "check_file", "check_directory", "MODEL_SUFFIXES",
           "auxiliary_reason", "solve_charges", "R_SYMMETRY"]

#: File suffixes :func:`check_directory` picks up: those of every format.
MODEL_SUFFIXES = tuple(suffix for suffixes in FORMATS.values() for suffix in suffixes)


@dataclass(frozen=True)
class CheckReport:
    """The verdict on one model file.

    ``status`` is ``"skipped"`` (not a model file: ``skipped`` says why),
    ``"unreadable"`` (``error`` says why), ``"anomalous"`` (a trace that does not vanish
    identically, a Witten anomaly or a violated discrete condition),
    ``"not invariant"`` (anomaly free, but a declared term is not gauge invariant) or
    ``"ok"``.  ``table`` holds every anomaly channel with its value (zero or not).

    Attributes
    ----------
    path, format, model : str
        The file, its format and the model's name.
    error : str
        Why the file could not be read (status ``"unreadable"``).
    anomalies : tuple of (str, sympy.Expr)
        Gauge channels whose trace does not vanish identically.
    witten : tuple of str
        Gauged SU(2)/Sp factors with Witten's anomaly.
    discrete : tuple of str
        Violated Ibáñez–Ross conditions of gauged Z(N) factors, as text.
    terms : int
        Number of declared terms checked.
    non_invariant, undecided : tuple
        ``(term, line, ((label, condition), ...))`` of the terms that are not gauge
        invariant, or whose invariance depends on free charges.
    notes : tuple of str
        The reader's and the checker's notes.
    chirality_defaults : tuple of str
        PyR@TE: fermions whose set took the default chirality.
    internal : bool
        The error is a bug of anomalyalgebra, not of the file.
    symbolic : bool
        Some non-zero trace depends on free symbols.
    skipped : str
        Why the file is no model file (status ``"skipped"``).
    table : tuple of (str, sympy.Expr)
        Every channel with its value.
    global_anomalies : tuple of (str, sympy.Expr)
        Non-zero channels with a global leg (reported, no verdict).
    solutions : tuple of str
        For free charges: the branches that make the model consistent.
    solved : str
        One line on those branches (or why there are none).
    verdict : tuple of str
        The reasons of :func:`~anomalyalgebra.consistency.consistency_report` (empty:
        consistent), when checked.
    consistency : dict or None
        That report's ``to_dict()``, for ``--json`` (not compared).
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
    skipped: str = ""               # why the file is no model file (check_directory)
    table: tuple = ()               # every channel: (label, value)
    global_anomalies: tuple = ()    # non-zero channels with a global leg: reported, no verdict
    solutions: tuple = ()           # free charges: the branches that make the model consistent
    solved: str = ""                # one line on those branches (or why there are none)
    verdict: tuple = ()             # consistency_report's reasons (the verdict), when checked
    consistency: object = dc_field(default=None, compare=False)   # its to_dict() for --json

    @property
    def _anomalous(self) -> bool:
        return bool(self.verdict or self.anomalies or self.witten or self.discrete)

    @property
    def status(self) -> str:
        if self.skipped:
            return "skipped"
        if self.error:
            return "unreadable"
        if self._anomalous:
            return "anomalous"
        if self.non_invariant:
            return "not invariant"
        return "ok"

    @property
    def reasons(self) -> tuple:
        """Why the model is anomalous, one phrase per kind (empty: anomaly free): the reasons
        of :func:`anomalyalgebra.consistency.consistency_report`, the same for ``check FILE``
        and ``check DIR``."""
        if self.verdict:
            return tuple(self.verdict)
        out = []
        if self.anomalies:
            out.append("traces " + ", ".join(k for k, _ in self.anomalies) + (
                " (symbolic ones vanish only for special values of the symbols)" if self.symbolic else ""))
        if self.witten:
            out.append("Witten anomaly of " + ", ".join(self.witten))
        if self.discrete:
            out.append("discrete " + "; ".join(self.discrete))
        return tuple(out)

    def summary(self) -> str:
        """One line: the status and what failed."""
        if self.skipped:
            return f"skipped: {self.skipped}"
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
        if self.solved:
            parts.append(self.solved)
        if self.global_anomalies:
            parts.append("global symmetries (not gauged: no inconsistency): " + "; ".join(
                f"{k} = {v}" for k, v in self.global_anomalies))
        extra = [x for x in self.verdict if not x.startswith(("traces ", "Witten ", "discrete "))]
        if extra:                     # non-perturbative reasons (Dai–Freed, ...) of the verdict
            parts.insert(0, "; ".join(extra))
        head = "ANOMALOUS" if self._anomalous else "anomaly free"
        if self.symbolic and not (self.witten or self.discrete):
            head += " for generic values of the free symbols"
        return head + (f", {self.terms} term(s) checked" if self.terms else "") + \
            ("; " + "; ".join(parts) if parts else "")

    def to_dict(self) -> dict:
        return {
            "path": self.path, "format": self.format, "model": self.model, "status": self.status,
            "error": self.error or None, "skipped": self.skipped or None,
            "anomaly_table": [{"channel": k, "value": v} for k, v in self.table],
            "anomalies": [{"channel": k, "value": v} for k, v in self.anomalies],
            "witten": list(self.witten), "discrete": list(self.discrete), "terms_checked": self.terms,
            "non_invariant": [{"term": t, "line": ln, "fails": [{"group": g, "condition": c} for g, c in cs]}
                              for t, ln, cs in self.non_invariant],
            "undecided": [{"term": t, "line": ln, "conditions": [{"group": g, "condition": c} for g, c in cs]}
                          for t, ln, cs in self.undecided],
            "notes": list(self.notes), "chirality_defaults": list(self.chirality_defaults),
            "global_anomalies": [{"channel": k, "value": v} for k, v in self.global_anomalies],
            "charge_solutions": list(self.solutions), "charge_solutions_summary": self.solved or None,
            "reasons": list(self.reasons), "consistency": self.consistency,
            "depends_on_symbols": self.symbolic,
        }


def check_imported(imp, *, path=None) -> CheckReport:
    """Check an imported model (see the module documentation).

    Parameters
    ----------
    imp : ImportedModel
        From :func:`~anomalyalgebra.interop.read_model_file` or a ``loads_*`` reader.
    path : str or os.PathLike, optional
        Recorded in the report (default: the model's own path).

    Returns
    -------
    CheckReport
        The verdict: anomalies of the gauged factors, Witten, discrete conditions and
        the invariance of every declared term.

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
    ANOMALOUS, 1 term(s) checked; anomalies hypercharge^3 = 1; grav^2 x hypercharge = 1; not invariant: LagHC y: S bar(e)^2 (line 5: hypercharge: 3 = 0)
    """
    model = imp.model
    v = _verdict(model)
    notes = list(imp.notes) + list(v["notes"])
    bad, undecided = [], []
    for term in imp.terms:
        target = imp.superfields if term.superfield else model
        conds = _term_conditions(term, target)
        fails = tuple((c.label, str(c)) for c in conds if c.satisfied is False)
        unknown = tuple((c.label, str(c)) for c in conds if c.satisfied is None)
        if fails:
            bad.append((str(term), term.line, fails))
        elif unknown:
            undecided.append((str(term), term.line, unknown))
    solutions, solved = (), ""
    if v["symbolic"] or undecided:
        solutions, solved = solve_charges(imp)
    return CheckReport(
        path=str(path if path is not None else imp.path), format=imp.format, model=model.name,
        anomalies=v["anomalies"], witten=v["witten"], discrete=v["discrete"], terms=len(imp.terms),
        non_invariant=tuple(bad), undecided=tuple(undecided), notes=tuple(notes),
        chirality_defaults=tuple(imp.chirality_defaults), symbolic=v["symbolic"], table=v["table"],
        global_anomalies=v["global_anomalies"], solutions=solutions, solved=solved,
        verdict=v["verdict"], consistency=v["consistency"],
    )


#: SARAH's one special global symmetry: a U(1) named RSymmetry under which the
#: superpotential has charge 2 (SARAH, Package/mathParticleProp.m,
#: CheckChargeConservationGlobal); every other global U(1) requires charge 0.
R_SYMMETRY = "RSymmetry"


def _term_conditions(term, target):
    """The invariance conditions of a declared term; a superpotential term under SARAH's
    ``RSymmetry`` must carry R-charge 2."""
    from ..operators.operator import Condition

    conds = term.operator.conditions(target)
    if not term.superfield:
        return conds
    out = []
    for c in conds:
        g = target.group(c.label)
        if c.label == R_SYMMETRY and c.kind == "u1" and not g.gauged:
            c = Condition(c.label, "u1", sp.expand(c.expr - 2))
        out.append(c)
    return out


def _verdict(model) -> dict:
    """The verdict of :func:`anomalyalgebra.consistency.consistency_report` (gauged factors
    only, the even-N gravitational Z(N) condition with the Ibáñez–Ross relaxation) in the
    rows of a :class:`CheckReport`; the non-zero channels with a global leg and the failing
    conditions of global Z(N) factors are listed as ``global_anomalies`` (no verdict)."""
    from ..anomaly import anomaly_label
    from ..consistency import consistency_report
    from ..discrete import discrete_anomalies

    r = consistency_report(model)          # the package's default convention of the traces
    anomalies, table, global_anomalies, notes = [], [], [], []
    symbolic = False
    for key, value in r.anomalies.items():
        value = sp.simplify(value)
        label = anomaly_label(model, key)
        table.append((label, sp.sstr(value)))
        if value == 0:
            continue
        if key in r.gauge_anomalies:
            anomalies.append((label, sp.sstr(value)))
            symbolic = symbolic or bool(value.free_symbols)
        else:
            global_anomalies.append((label, sp.sstr(value)))
    witten = [label for label, w in r.witten.items() if w is True]
    notes += [f"Witten anomaly of {label} {w}" for label, w in r.witten.items() if isinstance(w, str)]
    discrete = [str(c) for c in r.discrete if c.relaxed is False]
    notes += [f"undecided: {c}" for c in r.discrete if c.relaxed is None]
    decided = {(c.symmetry, c.channel) for c in r.discrete}
    for label, conds in discrete_anomalies(model).items():
        for c in conds:
            if (c.symmetry, c.channel) not in decided and c.relaxed is False:
                global_anomalies.append((f"Z{c.modulus}[{label}] x {c.channel}^2", f"{c.value} mod {c.modulus}"))
    return {"anomalies": tuple(anomalies), "table": tuple(table), "global_anomalies": tuple(global_anomalies),
            "verdict": tuple(r.reasons), "consistency": r.to_dict(),
            "witten": tuple(witten), "discrete": tuple(discrete), "notes": tuple(notes), "symbolic": symbolic}


def solve_charges(imp) -> tuple:
    """The free U(1) charges for which the gauge anomalies vanish and every declared term
    is invariant, solved by :class:`anomalyalgebra.solve.ConstraintSystem`.

    Parameters
    ----------
    imp : ImportedModel

    Returns
    -------
    (solutions, message) : (tuple of str, str)
        One text per branch of the solution (``"QH = 0"``) and a one-line summary; no
        branch: ``()`` and the solver's reason; no free charge: ``((), "")``.

    Examples
    --------
    >>> from anomalyalgebra.interop.sarah import loads_sarah
    >>> imp = loads_sarah(
    ...     "Gauge[[1]] = {X, U[1], extra, gX, False};\\n"
    ...     "FermionFields[[1]] = {a, 1, a0, Qa};\\n"
    ...     "FermionFields[[2]] = {b, 1, conj[b0], Qb};\\n"
    ...     "ScalarFields[[1]] = {S, 1, S0, 0};\\n"
    ...     "LagHC = y S.b.a;\\n")
    >>> solve_charges(imp)[0]
    ('Qa = -Qb, Qb = Qb',)

    (``b`` is read as the right-handed field of charge ``-Qb``.)  A charged ``S``
    leaves no solution (``Qa + Qb`` must vanish for the mixed gravitational anomaly
    and be -1 for the term):

    >>> print(solve_charges(loads_sarah(
    ...     "Gauge[[1]] = {X, U[1], extra, gX, False};\\n"
    ...     "FermionFields[[1]] = {a, 1, a0, Qa};\\n"
    ...     "FermionFields[[2]] = {b, 1, conj[b0], Qb};\\n"
    ...     "ScalarFields[[1]] = {S, 1, S0, 1};\\n"
    ...     "LagHC = y S.b.a;\\n"))[1])
    no charges make the gauge anomalies vanish with every declared term invariant: the constraints are inconsistent for generic values of the parameters (Groebner basis = [1]); a minimal conflicting subset is: anomaly grav^2 x extra; term LagHC y: S bar(b) a (line 5) [extra]
    """
    from ..anomaly import anomaly_table
    from ..consistency import is_gauge_channel
    from ..exceptions import NoSolutionError
    from ..solve import ConstraintSystem

    model = imp.model
    if not model.symbols:
        return (), ""
    keys = [k for k, v in anomaly_table(model).items() if is_gauge_channel(model, k) and sp.expand(v) != 0]
    cs = ConstraintSystem(model).require_anomaly_free(keys) if keys else ConstraintSystem(model)
    for term in imp.terms:
        target = imp.superfields if term.superfield else model
        for c in _term_conditions(term, target):
            if c.kind == "u1" and sp.expand(c.expr) != 0:
                cs = cs.add_equation(c.expr, f"term {term} (line {term.line}) [{c.label}]")
            elif c.satisfied is False:
                return (), f"no charges: the term {term} (line {term.line}) breaks {c.label} whatever they are"
    if not cs.constraints:
        return (), ""
    try:
        sols = cs.solve([s.name for s in model.symbols])
    except NoSolutionError as exc:
        return (), f"no charges make the gauge anomalies vanish with every declared term invariant: {exc}"
    except AnomalyAlgebraError as exc:
        return (), f"the charges could not be solved for: {exc}"
    texts = tuple(str(sol) for sol in sols)
    return texts, "anomaly free with every declared term invariant for: " + " | ".join(texts)


def check_file(path, *, format=None, **options) -> CheckReport:
    """Read and check one model file.

    Parameters
    ----------
    path : str or os.PathLike
        The model file.
    format : {"sarah", "pyrate", "toml"}, optional
        Default: from the suffix.
    **options
        Passed to the reader (PyR@TE only).

    Returns
    -------
    CheckReport
        The verdict; a file that cannot be read gives a report with ``error`` (no
        exception).
    """
    from .files import read_model_file

    try:
        imp = read_model_file(path, format=format, **options)
        return check_imported(imp, path=path)
    except AnomalyAlgebraError as exc:
        return CheckReport(path=str(path), format=format or "", error=str(exc))
    except RecursionError:
        return CheckReport(path=str(path), format=format or "", error="expression nested too deeply")


_SARAH_MODEL = re.compile(r"^[ \t]*(?:Gauge|SuperFields|FermionFields|ScalarFields|Fields)\s*\[\[", re.M)
_PYRATE_MODEL = re.compile(r"^Groups\s*:", re.M)


def auxiliary_reason(path, format=None) -> str:
    """Why the file ``path`` is not a model file of its format, or ``""``.

    A SARAH model directory holds, beside the model file, ``particles.m``,
    ``parameters.m``, ``SPheno.m`` and other files that SARAH reads *for* a model; they
    assign no gauge group or field list.  A ``.yaml``/``.yml`` file is a PyR@TE model only
    with a top-level ``Groups`` key (``.model`` files always count).  A file that cannot be
    read counts as a model file (its reader then reports why).

    Parameters
    ----------
    path : str or os.PathLike
        The file.
    format : {"sarah", "pyrate", "toml"}, optional
        Default: from the suffix.

    Returns
    -------
    str
        The reason, or ``""`` for a model file (or a format that cannot be told).

    Parameters
    ----------
    path : str or Path
    format : {"sarah", "pyrate", "toml"}, optional
        The format; by default from the suffix.

    Returns
    -------
    str
        The reason, or ``""`` for a model file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "particles.m").write_text("ParticleDefinitions[GaugeES] = {};")
    >>> auxiliary_reason(d / "particles.m")
    'a SARAH file that declares no Gauge[[i]] or field list (particles.m, parameters.m, SPheno.m, ... belong to a model)'
    """
    from .files import format_of

    try:
        fmt = format_of(path, format)
    except AnomalyAlgebraError:
        return ""
    if fmt == "toml" or (fmt == "pyrate" and Path(path).suffix.lower() == ".model"):
        return ""
    try:
        with open(path, "rb") as fh:
            head = fh.read(2_000_000).decode("utf-8", errors="replace")
    except OSError:
        return ""
    if fmt == "sarah" and not _SARAH_MODEL.search(head):
        return ("a SARAH file that declares no Gauge[[i]] or field list (particles.m, parameters.m,"
                " SPheno.m, ... belong to a model)")
    if fmt == "pyrate" and not _PYRATE_MODEL.search(head):
        return "a YAML file without a top-level Groups key (not a PyR@TE model)"
    return ""


def check_directory(root, *, suffixes=MODEL_SUFFIXES, progress=None, **options) -> list:
    """Check every model file under ``root`` (recursively), sorted by path.

    Parameters
    ----------
    root : str or os.PathLike
        The directory.
    suffixes : tuple of str, optional
        File suffixes picked up (default :data:`MODEL_SUFFIXES`).
    progress : callable, optional
        Called as ``progress(done, total, path)`` after each file.
    **options
        ``format`` for every file; ``default_chirality``, ``chirality`` go to the
        PyR@TE files only.

    Returns
    -------
    list of CheckReport
        One report per file, sorted by path; unreadable files and auxiliary files
        (``"skipped"``) included.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "bad.m").write_text("Gauge[[1]] = {B, SO[3], x, g, False};")
    >>> _ = (d / "particles.m").write_text("ParticleDefinitions[GaugeES] = {};")
    >>> [(pathlib.Path(r.path).name, r.status) for r in check_directory(d)]
    [('bad.m', 'unreadable'), ('particles.m', 'skipped')]
    """
    root = Path(root)
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
    from .files import format_of

    out = []
    for p in files:
        why = auxiliary_reason(p, options.get("format"))
        if why:
            out.append(CheckReport(path=str(p), format=options.get("format") or "", skipped=why))
        else:
            try:
                out.append(check_file(p, **(options if format_of(p) == "pyrate" else {})))
            except Exception as exc:  # a bug must not end the run over a collection: report it
                out.append(CheckReport(path=str(p), error=f"internal error ({type(exc).__name__}: {exc});"
                                       " please report it with this file", internal=True))
        if progress is not None:
            progress(len(out), len(files), p)
    return out

