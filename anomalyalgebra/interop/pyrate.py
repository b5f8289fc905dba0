"""Read and write PyR@TE 3 model files (``.model``, YAML dialect).

The reader understands:

* ``Groups: {label: U1 | SU3 | SO10 | Sp4 | E6 | ...}`` (GUT groups included);
* ``Fermions``, ``RealScalars`` and ``CplxScalars`` (or ``ComplexScalars``), in the
  dictionary form (``{Gen: 3, Qnb: {U1Y: 1/6, SU2L: 2, SU3c: 3}}``;
  ``{RealFields: [Pi, Sigma], Norm: 1/Sqrt(2), Qnb: {...}}``) or the list form
  (``[3, 1/6, 2, 3]``).  Irreps are dimensions (negative: the conjugate) or Dynkin
  labels ``[1, 0, 0, 0]``; U(1) charges are rational expressions (``1/6``,
  ``1/Sqrt(2)``; names that are not numbers become real model symbols, an extension);
* ``Potential``: ``Definitions`` (expanded where used), ``Yukawas``, ``QuarticTerms``,
  ``TrilinearTerms``, ``ScalarMasses``, ``FermionMasses``.  In a term, ``Xbar`` is the
  conjugate of the field ``X``, index brackets ``[i, a]`` and the tensors ``Eps``,
  ``Delta`` (any name followed by brackets that is not a field) are ignored: the
  check is on representations, not on a particular contraction.

PyR@TE does not mark chirality.  The reader infers it from the Yukawa and fermion-mass
terms: in ψ̄ φ χ the two fermions have opposite chirality, in ψ φ χ the same.  Each
connected set of fermions is fixed up to an overall flip; the flip is taken from the
``chirality`` option (``{"Q": "L"}``), from a comment ``# anomalyalgebra: chirality
Q=L uR=R`` in the file (what :func:`dumps_pyrate` writes), or else the first fermion
of the set in file order gets ``default_chirality`` (``"L"``).  Every choice is
recorded in :attr:`ImportedModel.notes`.

``Vevs``, ``Substitutions``, ``Latex``, ``GaugeParameter``, ``UFOMapping``,
``BetaFactor``, ``FermionAnomalous``, ``ScalarAnomalous``, ``Author``, ``Date`` and
``Name`` are accepted and not used; any other top-level key is an error.
"""

from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from ..exceptions import AnomalyAlgebraError, LimitError, ModelError, ModelFileError
from ..groups import U1, parse_group
from ..limits import DepthGuard, check_limit
from ..model import Field, Model
from .imported import (NOT_NUMBERS, ImportedModel, Term, apply_field_order, charge_from_text, check_text_size,
                       complex_representation, irrep_from_labels, irrep_from_signed_dimension, read_text,
                       sum_of_products, symbol_table)
from .yamlish import Mapping, Scalar, Sequence, loads_yamlish

__all__ = ["read_pyrate", "loads_pyrate"]

_TOP = {"Author", "Date", "Name", "Groups", "Fermions", "RealScalars", "CplxScalars", "ComplexScalars",
        "Potential", "Vevs", "Substitutions", "Latex", "GaugeParameter", "UFOMapping", "BetaFactor",
        "FermionAnomalous", "ScalarAnomalous"}
_POTENTIAL = ("Definitions", "Yukawas", "QuarticTerms", "TrilinearTerms", "ScalarMasses", "FermionMasses")
_HALF = sp.Rational(1, 2)
_PRAGMA = re.compile(r"^\s*#\s*anomalyalgebra:\s*chirality\s+(.*)$", re.M)


def read_pyrate(path, *, chirality=None, default_chirality="L") -> ImportedModel:
    """Read a PyR@TE 3 model file; see the module documentation.

    As :func:`anomalyalgebra.interop.read_model_file` with ``format="pyrate"``.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.model`` file (UTF-8); the model is named after its stem.
    chirality, default_chirality
        As in :func:`loads_pyrate`.

    Returns
    -------
    ImportedModel
        The model, the declared potential terms and the reader's notes.

    Raises
    ------
    ModelFileError
        If the file cannot be read, or its content is malformed or outside the
        understood subset (the message names the file and the line).
    LimitError
        If the file exceeds a limit of :mod:`anomalyalgebra.limits`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "Toy.model"
    >>> _ = path.write_text("Groups: {U1Y: U1}\\nFermions: {eR: {Gen: 1, Qnb: {U1Y: -1}}}\\n")
    >>> imp = read_pyrate(path, chirality={"eR": "R"})
    >>> imp.model.name, [(f.name, f.chirality) for f in imp.model.fermions]
    ('Toy', [('eR', 'R')])
    """
    p, text = read_text(path)
    return loads_pyrate(text, path=p, name=p.stem, chirality=chirality, default_chirality=default_chirality)


def loads_pyrate(text: str, *, path="<string>", name="model", chirality=None,
                 default_chirality="L") -> ImportedModel:
    """Read PyR@TE model-file text.

    PyR@TE does not say whether a fermion is left- or right-handed; the reader infers
    it from the Yukawa and mass terms, from ``# anomalyalgebra: chirality`` comments,
    or from the options below, and records its choices in :attr:`ImportedModel.notes`.

    Parameters
    ----------
    text : str
        The text of a PyR@TE 3 ``.model`` file.
    path : str or os.PathLike, optional
        Shown in error messages (default ``"<string>"``).
    name : str, optional
        Name of the model (default ``"model"``).
    chirality : mapping of str to {"L", "R"}, optional
        Chirality of fermions where the terms do not decide (one per connected set).
    default_chirality : {"L", "R"}
        For the first fermion (in file order) of a set that nothing else fixes.

    Returns
    -------
    ImportedModel
        The model, the declared potential terms and the reader's notes.

    Raises
    ------
    ModelFileError
        For a ``default_chirality`` other than ``"L"``/``"R"``, an unreadable
        chirality comment, text that is too large, or content that is malformed or
        outside the understood subset (the message names the line).
    LimitError
        If the text exceeds a limit of :mod:`anomalyalgebra.limits`.

    Examples
    --------
    >>> src = '''
    ... Groups: {U1Y: U1, SU2L: SU2}
    ... Fermions: {
    ...   L: {Gen: 3, Qnb: {U1Y: -1/2, SU2L: 2}},
    ...   eR: {Gen: 3, Qnb: {U1Y: -1, SU2L: 1}},
    ... }
    ... CplxScalars: { H: {RealFields: [Pi, Sigma], Norm: 1/Sqrt(2), Qnb: {U1Y: 1/2, SU2L: 2}} }
    ... Potential: { Yukawas: { Ye: Lbar[i] H[i] eR } }
    ... '''
    >>> imp = loads_pyrate(src)
    >>> [(f.name, f.chirality) for f in imp.model.fermions]
    [('L', 'L'), ('eR', 'R')]
    >>> [str(t) for t in imp.terms], imp.terms[0].operator.is_invariant(imp.model)
    (['Yukawas Ye: bar(L) H eR'], True)
    """
    if default_chirality not in ("L", "R"):
        raise ModelFileError(f"default chirality must be 'L' or 'R', got {default_chirality!r}", path=path)
    check_text_size(text, path)
    doc = loads_yamlish(text, path=path)
    pragma = {}
    for m in _PRAGMA.finditer(text):
        for item in m.group(1).split():
            k, sep, v = item.partition("=")
            if not sep or v not in ("L", "R"):
                raise ModelFileError(f"anomalyalgebra chirality comment: cannot read {item!r}"
                                     " (write NAME=L or NAME=R)", path=path)
            pragma[k] = v
    imp = _Reader(doc, path, name, dict(chirality or {}), pragma, default_chirality).read()
    notes = list(imp.notes)
    model = apply_field_order(imp.model, text, notes)      # recorded by the writer
    return replace(imp, model=model, notes=tuple(notes))


def _group_text(text):
    m = re.fullmatch(r"\s*(SU|SO|Sp|U)\s*\(?\s*(\d+)\s*\)?\s*", text)
    if m:
        return f"{m.group(1)}({m.group(2)})"
    return text.strip()


class _Reader:
    def __init__(self, doc, path, name, chirality, pragma, default):
        self.doc = doc
        self.path = path
        self.name = name
        self.chirality = chirality
        self.pragma = pragma
        self.default = default
        self.notes = []
        self.symbols = {}
        self.defaulted = []

    def fail(self, line, message):
        raise ModelFileError(f"line {line}: {message}", path=self.path)

    def mapping(self, value, what, line):
        if not isinstance(value, Mapping):
            self.fail(getattr(value, "line", line), f"{what} must be a mapping {{...}}")
        return value

    # -------------------------------------------------------------- quantum numbers
    def charge(self, value, what):
        if not isinstance(value, Scalar) or not value.text:
            self.fail(getattr(value, "line", 0), f"{what}: a U(1) charge must be a number such as 1/6")
        text = re.sub(r"\bSqrt\s*\(", "sqrt(", value.text)
        names = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text)) - {"sqrt"}
        bad = sorted(names & NOT_NUMBERS)
        if bad:
            self.fail(value.line, f"{what}: '{bad[0]}' is not a number; a charge must be finite and defined")
        if names:
            self.symbols.update(symbol_table(sorted(names), self.symbols.values()))
        return charge_from_text(text, self.symbols, path=self.path, line=value.line, what=what)

    def rep(self, group, value, what):
        if isinstance(group, U1):
            return self.charge(value, what)
        try:
            if isinstance(value, Sequence):
                labels = []
                for it in value.items:
                    if not isinstance(it, Scalar) or not re.fullmatch(r"\d+", it.text):
                        self.fail(value.line, f"{what}: Dynkin labels must be non-negative integers")
                    self.within("max_irrep_dim", len(it.text.lstrip("0")), f"{what}: a Dynkin label of"
                                f" {len(it.text)} digits", value.line, digits=True)
                    labels.append(int(it.text))
                if len(labels) != group.algebra.rank:
                    self.fail(value.line, f"{what}: {group.name} has rank {group.algebra.rank}, so an irrep"
                              f" has {group.algebra.rank} Dynkin labels")
                return irrep_from_labels(group, labels)
            if isinstance(value, Scalar) and re.fullmatch(r"[-+]?\d+", value.text.strip()):
                digits = value.text.strip().lstrip("+-")
                self.within("max_irrep_dim", len(digits), f"{what}: a dimension of {len(digits)} digits",
                            value.line, digits=True)
                self.within("max_irrep_dim", abs(int(value.text)), f"{what}: an irrep of dimension"
                            f" {value.text.strip()}", value.line)
                return irrep_from_signed_dimension(group, int(value.text))
        except AnomalyAlgebraError as exc:
            self.fail(getattr(value, "line", 0), f"{what}: {exc}")
        self.fail(getattr(value, "line", 0), f"{what}: a {group.name} irrep is a dimension (3, -3) or"
                  " a list of Dynkin labels [1, 0]")

    def qnb(self, qmap, fname, groups, line):
        qmap = self.mapping(qmap, f"field '{fname}': Qnb", line)
        gmap = dict(groups)
        extra = [k for k in qmap.keys() if k not in gmap]
        if extra:
            self.fail(qmap.line_of(extra[0]), f"field '{fname}': unknown group {extra[0]!r}"
                      f" (groups: {list(gmap)})")
        reps = []
        for label, g in groups:
            v = qmap.get(label)
            if v is None:
                reps.append((label, g.trivial))    # PyR@TE: an omitted group means a singlet
            else:
                reps.append((label, self.rep(g, v, f"field '{fname}', group '{label}'")))
        return reps

    def generations(self, gen, fname, line):
        if not isinstance(gen, Scalar) or not re.fullmatch(r"\d+", gen.text) or int(gen.text[:30]) < 1:
            self.fail(getattr(gen, "line", line), f"field '{fname}': Gen must be a positive integer")
        self.within("max_copies", int(gen.text) if len(gen.text) < 30 else 10**30,
                    f"field '{fname}': Gen {gen.text[:30]}", gen.line)
        return int(gen.text)

    def within(self, limit, value, what, line, digits=False):
        """Refuse ``value`` above the limit ``limit`` with the file's line; ``digits``: the
        value is a number of digits (refused beyond 12, before the number is built)."""
        try:
            if digits:
                if value > 12:
                    check_limit(limit, 10**12, what)
                return
            check_limit(limit, value, what)
        except LimitError as exc:
            self.fail(line, str(exc))

    # -------------------------------------------------------------- model
    def read(self) -> ImportedModel:
        doc = self.doc
        for k, _, line in doc.items:
            if k not in _TOP:
                self.fail(line, f"unknown top-level key {k!r} (allowed: {', '.join(sorted(_TOP))})")
        groups_v = doc.get("Groups")
        if groups_v is None:
            raise ModelFileError("no 'Groups' given", path=self.path)
        groups = []
        for label, v, line in self.mapping(groups_v, "Groups", 1).items:
            if not isinstance(v, Scalar):
                self.fail(line, f"group {label!r} must be a name such as SU3")
            try:
                groups.append((label, parse_group(_group_text(v.text))))
            except AnomalyAlgebraError as exc:
                self.fail(line, f"group {label!r}: {exc}")
        ng = len(groups)
        fermions, scalars, real = [], [], []
        components = {}
        fv = doc.get("Fermions")
        for fname, v, line in (self.mapping(fv, "Fermions", 1).items if fv is not None else ()):
            if isinstance(v, Sequence):
                if len(v.items) != ng + 1:
                    self.fail(line, f"fermion '{fname}': a list has 1 + {ng} entries (generations,"
                              " quantum numbers)")
                gen, reps = v.items[0], [(lab, self.rep(g, q, f"field '{fname}', group '{lab}'"))
                                         for (lab, g), q in zip(groups, v.items[1:])]
            else:
                v = self.mapping(v, f"fermion '{fname}'", line)
                bad = [k for k in v.keys() if k not in ("Gen", "Qnb")]
                if bad:
                    self.fail(v.line_of(bad[0]), f"fermion '{fname}': unknown key {bad[0]!r} (Gen, Qnb)")
                gen = v.get("Gen", Scalar("1", line))
                reps = self.qnb(v.get("Qnb", Mapping((), line)), fname, groups, line)
            fermions.append((fname, reps, self.generations(gen, fname, line), line))
        rv = doc.get("RealScalars")
        for fname, v, line in (self.mapping(rv, "RealScalars", 1).items if rv is not None else ()):
            if isinstance(v, Sequence):
                if len(v.items) != ng:
                    self.fail(line, f"real scalar '{fname}': a list has {ng} entries")
                reps = [(lab, self.rep(g, q, f"field '{fname}', group '{lab}'"))
                        for (lab, g), q in zip(groups, v.items)]
            else:
                v = self.mapping(v, f"real scalar '{fname}'", line)
                bad = [k for k in v.keys() if k not in ("Gen", "Qnb")]
                q = v if bad and "Qnb" not in v.keys() else v.get("Qnb", Mapping((), line))
                if bad and "Qnb" in v.keys():
                    self.fail(v.line_of(bad[0]), f"real scalar '{fname}': unknown key {bad[0]!r} (Gen, Qnb)")
                copies = self.generations(v.get("Gen", Scalar("1", line)), fname, line) \
                    if q is not v else 1
                reps = self.qnb(q, fname, groups, line)
            why = complex_representation(fname, reps, dict(groups))
            if why:
                self.fail(line, why)
            scalars.append((fname, reps, copies if not isinstance(v, Sequence) else 1, line))
            real.append(fname)
        cv = doc.get("CplxScalars", doc.get("ComplexScalars"))
        if doc.get("CplxScalars") is not None and doc.get("ComplexScalars") is not None:
            self.fail(doc.line_of("ComplexScalars"), "give CplxScalars or ComplexScalars, not both")
        for fname, v, line in (self.mapping(cv, "CplxScalars", 1).items if cv is not None else ()):
            if isinstance(v, Sequence):
                if len(v.items) != ng + 3:
                    self.fail(line, f"complex scalar '{fname}': a list has 3 + {ng} entries (Re, Im,"
                              " norm, quantum numbers)")
                parts = [it.text for it in v.items[:2] if isinstance(it, Scalar)]
                reps = [(lab, self.rep(g, q, f"field '{fname}', group '{lab}'"))
                        for (lab, g), q in zip(groups, v.items[3:])]
            else:
                v = self.mapping(v, f"complex scalar '{fname}'", line)
                bad = [k for k in v.keys() if k not in ("RealFields", "Norm", "Qnb", "Gen")]
                if bad:
                    self.fail(v.line_of(bad[0]), f"complex scalar '{fname}': unknown key {bad[0]!r}")
                copies = self.generations(v.get("Gen", Scalar("1", line)), fname, line)
                rf = v.get("RealFields")
                parts = [it.text for it in rf.items if isinstance(it, Scalar)] if isinstance(rf, Sequence) else []
                reps = self.qnb(v.get("Qnb", Mapping((), line)), fname, groups, line)
            for p_ in parts:
                components[p_] = fname
            scalars.append((fname, reps, copies if not isinstance(v, Sequence) else 1, line))
        if not fermions and not scalars:
            raise ModelFileError("no fields declared (Fermions, RealScalars, CplxScalars)", path=self.path)
        names = [f[0] for f in fermions + scalars]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ModelFileError(f"field name(s) {sorted(dup)} declared twice", path=self.path)
        kinds = {f[0]: "fermion" for f in fermions}
        kinds.update({f[0]: "scalar" for f in scalars})
        monos = self.read_potential(kinds, components)
        chir = self.infer_chirality([f[0] for f in fermions], monos)
        fields = []
        try:
            for fname, reps, copies, line in fermions:
                fields.append(Field(fname, _HALF, chir[fname], tuple(reps), copies))
            for fname, reps, copies, line in scalars:
                fields.append(Field(fname, 0, None, tuple(reps), copies))
            name_v = doc.get("Name")
            mname = name_v.text if isinstance(name_v, Scalar) and name_v.text else str(self.name)
            model = Model(mname, tuple(groups), tuple(fields), tuple(self.symbols[k] for k in sorted(self.symbols)))
        except ModelError as exc:
            raise ModelFileError(str(exc), path=self.path) from None
        from ..operators import FieldFactor, Operator

        terms = []
        for kind, coupling, factors, line, text in monos:
            if not factors:
                continue
            facs = tuple(FieldFactor(n, c and n not in real, bar=c and kinds[n] == "fermion")
                         for n, c in factors)
            terms.append(Term(kind, coupling, Operator(facs), line, source=text))
        return ImportedModel(model=model, format="pyrate", path=str(self.path), terms=tuple(terms),
                             real_scalars=tuple(real), notes=tuple(self.notes),
                             definitions=tuple(getattr(self, "definitions", ())),
                             chirality_defaults=tuple(self.defaulted))

    # -------------------------------------------------------------- terms
    def read_potential(self, kinds, components):
        pot = self.doc.get("Potential")
        if pot is None:
            return []
        pot = self.mapping(pot, "Potential", 1)
        for k, _, line in pot.items:
            if k not in _POTENTIAL:
                self.fail(line, f"unknown Potential section {k!r} (allowed: {', '.join(_POTENTIAL)})")
        defs = {}
        self.definitions = []
        dv = pot.get("Definitions")
        if dv is not None:
            for key, v, line in self.mapping(dv, "Definitions", pot.line).items:
                dname = re.match(r"\s*([A-Za-z_]\w*)", key)
                if not dname:
                    self.fail(line, f"cannot read the definition name {key!r}")
                text = self.term_text(v, line, key)
                self.definitions.append((key, text))
                defs[dname.group(1)] = _TermParser(text, kinds, components, defs, self, line).parse()
        out = []
        for section in _POTENTIAL[1:]:
            sv = pot.get(section)
            if sv is None:
                continue
            for coupling, v, line in self.mapping(sv, section, pot.line).items:
                text = self.term_text(v, line, coupling)
                raw = "{" + ", ".join(v.keys()) + "}" if isinstance(v, Mapping) else text
                for mono in _TermParser(text, kinds, components, defs, self, line).parse():
                    out.append((section, coupling, mono, line, raw))
        return out

    def term_text(self, v, line, key):
        if isinstance(v, Mapping):          # {'expression', assumption, ...}: the first key
            if not v.items:
                self.fail(line, f"term {key!r} is empty")
            return v.items[0][0]
        if not isinstance(v, Scalar) or not v.text:
            self.fail(line, f"term {key!r} must be an expression")
        return v.text

    def infer_chirality(self, fermions, monos):
        order = {f: i for i, f in enumerate(fermions)}
        edges = {f: [] for f in fermions}
        for kind, coupling, factors, line, _ in monos:
            fs = [(n, c) for n, c in factors if n in order]
            if not fs:
                continue
            if kind not in ("Yukawas", "FermionMasses"):
                continue
            if len(fs) != 2:
                self.fail(line, f"{kind} term {coupling!r} has {len(fs)} fermions (a Yukawa or mass"
                          " term has two)")
            (a, ca), (b, cb) = fs
            opposite = ca != cb
            if a == b and opposite:
                self.fail(line, f"{kind} term {coupling!r}: {a}bar {a} pairs a Weyl fermion with its own"
                          " conjugate; no chirality makes it a Lorentz scalar")
            edges[a].append((b, opposite, coupling))
            edges[b].append((a, opposite, coupling))
        fixed = {}
        for src, what in ((self.pragma, "the anomalyalgebra comment"), (self.chirality, "the chirality option")):
            for k, v in src.items():
                if k not in order:
                    raise ModelFileError(f"{what} names '{k}', which is not a fermion", path=self.path)
                if v not in ("L", "R"):
                    raise ModelFileError(f"{what}: chirality of '{k}' must be 'L' or 'R', got {v!r}",
                                         path=self.path)
                fixed[k] = (v, what)
        chir = {}
        flip = {"L": "R", "R": "L"}
        for start in fermions:
            if start in chir:
                continue
            rel = {start: False}          # True: opposite to start
            via = {start: []}
            queue = [start]
            while queue:
                a = queue.pop(0)
                for b, opp, coupling in edges[a]:
                    want = rel[a] ^ opp
                    if b in rel:
                        if rel[b] != want:
                            self.fail(0, f"the Yukawa/mass terms give '{b}' both chiralities"
                                      f" (via {coupling}); no chirality assignment makes them Lorentz scalars")
                        continue
                    rel[b] = want
                    via[b] = via[a] + [coupling]
                    queue.append(b)
            members = sorted(rel, key=order.get)
            anchors = [m for m in members if m in fixed]
            if anchors:
                a = anchors[0]
                base = fixed[a][0] if not rel[a] else flip[fixed[a][0]]
                for m in anchors[1:]:
                    expect = base if not rel[m] else flip[base]
                    if fixed[m][0] != expect:
                        self.fail(0, f"chirality of '{m}' ({fixed[m][0]}, from {fixed[m][1]}) contradicts"
                                  f" '{a}' ({fixed[a][0]}) and the Yukawa terms")
                source = f"{a} from {fixed[a][1]}"
            else:
                base = self.default
                source = f"{start}: default {self.default} (not fixed by the terms)"
                self.defaulted.append(start)
            for m in members:
                chir[m] = base if not rel[m] else flip[base]
            if len(members) > 1:
                rest = [f"{m}={chir[m]}" for m in members]
                self.notes.append(f"chirality {' '.join(rest)} inferred from the Yukawa/mass terms"
                                  f" ({', '.join(sorted({c for m in members for c in via[m]}))}); overall"
                                  f" choice: {source}")
            elif not anchors:
                self.notes.append(f"chirality of {start}: {self.default} by default (no Yukawa or mass term"
                                  " fixes it)")
        return chir


_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d*)?|\.\d+)|(?P<name>[A-Za-z_]\w*)|(?P<op>\*\*|[-+*/^()\[\],]))")


class _TermParser:
    """Expand a PyR@TE term into monomials: lists of ``(field, conjugated)``."""

    def __init__(self, text, kinds, components, defs, reader, line):
        self.text = text
        self.kinds = kinds
        self.components = components
        self.defs = defs
        self.reader = reader
        self.line = line
        self.toks = []
        pos = 0
        while pos < len(text):
            if not text[pos:].strip():
                break
            m = _TOKEN.match(text, pos)
            if not m:
                reader.fail(line, f"cannot read {text[pos:].strip()[:20]!r} in the term {text!r}")
            kind = m.lastgroup
            self.toks.append((kind, m.group(kind)))
            pos = m.end()
        self.toks.append(("end", ""))
        self.i = 0
        self.guard = DepthGuard()

    def fail(self, message):
        self.reader.fail(self.line, f"{message} in the term {self.text!r}")

    def peek(self):
        return self.toks[self.i]

    def take(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def is_op(self, *ops):
        t = self.peek()
        return t[0] == "op" and t[1] in ops

    def parse(self):
        out = self.expr()
        if self.peek()[0] != "end":
            self.fail(f"unexpected {self.peek()[1]!r}")
        return out

    def expr(self):
        out = self.term()
        while self.is_op("+", "-"):
            self.take()
            out = out + self.term()
        return out

    def term(self):
        parts = [self.unary()]
        while True:
            if self.is_op("*"):
                self.take()
                parts.append(self.unary())
            elif self.is_op("/"):
                self.take()
                den = self.unary()
                if any(den):
                    self.fail("a field in a denominator")
            elif self.peek()[0] in ("num", "name") or self.is_op("("):
                parts.append(self.unary())
            else:
                break
        return self.products(parts)

    def unary(self):
        with self.guard(lambda: f"{self.reader.path}: line {self.line}: term"):
            return self._unary()

    def _unary(self):
        if self.is_op("-", "+"):
            self.take()
            return self.unary()
        base = self.atom()
        if self.is_op("**", "^"):
            self.take()
            tok = self.take()
            if not any(base):               # a power of a coefficient (sqrt(2)**3): no fields
                return base
            if tok[0] != "num" or not tok[1].isdigit() or int(tok[1][:30]) < 1:
                self.fail("a power of fields must be a positive integer")
            self.reader.within("max_exponent", int(tok[1]) if len(tok[1]) < 30 else 10**30,
                               f"the power {tok[1][:30]} of fields in the term {self.text[:60]!r}", self.line)
            return self.products([base] * int(tok[1]))
        return base

    def products(self, parts):
        try:
            return sum_of_products(parts)
        except LimitError as exc:
            self.fail(str(exc))

    def skip_brackets(self, close):
        depth = 1
        while depth:
            t = self.take()
            if t[0] == "end":
                self.fail("a bracket is never closed")
            if t[0] == "op" and t[1] in "([":
                depth += 1
            elif t[0] == "op" and t[1] in ")]":
                depth -= 1

    def atom(self):
        kind, value = self.take()
        if kind == "num":
            return [[]]
        if kind == "op" and value == "(":
            inner = self.expr()
            if not self.is_op(")"):
                self.fail("expected ')'")
            self.take()
            return inner
        if kind != "name":
            self.fail(f"unexpected {value!r}")
        indexed = self.is_op("[")
        if indexed:
            self.take()
            self.skip_brackets("]")
        if value in self.kinds:
            return [[(value, False)]]
        if value.endswith("bar") and value[:-3] in self.kinds:
            return [[(value[:-3], True)]]
        if value in self.defs:
            return self.defs[value]
        if value == "I" and not indexed:
            return [[]]                 # PyR@TE reads terms with sympy: I is the imaginary unit
        if value in self.components:
            self.fail(f"'{value}' is a real component of the complex scalar '{self.components[value]}';"
                      " write terms with the complex field")
        if self.is_op("("):
            # a function: sqrt(2), t(SU2L, 2), cgc(SU5, q5, Hbar, q10) — a group-theory
            # coefficient whose arguments name representations, not field factors
            self.take()
            self.skip_brackets(")")
            return [[]]
        if indexed:                     # Eps[i,j], Delta[a,b], a CG tensor: a coefficient
            return [[]]
        self.fail(f"unknown name {value!r} (not a field, a definition or an indexed tensor)")
