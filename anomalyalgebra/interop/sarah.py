"""Read and write SARAH model files (``.m``) without Mathematica.

The reader interprets the statements that declare a model (parsed by
:mod:`anomalyalgebra.interop.mathematica`; nothing is evaluated):

* ``Gauge[[i]] = {V, U[1] | SU[N], name, coupling, expand, globals...}`` — a gauge
  factor labelled ``name``; in a supersymmetric model each vector superfield also
  gives a gaugino ``fV`` (left-handed Weyl fermion in the adjoint);
* ``FermionFields[[i]]`` / ``ScalarFields[[i]]`` / ``SuperFields[[i]] =
  {name, generations, components, rep_1, ..., rep_n, globals...}`` with U(1) charges
  (rational, or expressions in symbols: a symbol assigned a number in the file is
  replaced by it, any other becomes a real model symbol) and SU(N) irreps as signed
  dimensions (``-3`` is the 3bar) or Dynkin-label lists ``{1, 1}``.  SARAH writes
  every fermion as a left-handed Weyl spinor; a fermion whose components are all
  ``conj[...]`` (``{e, 3, conj[eR], 1, 1, 1}``) is read as the *right-handed* field
  ``e`` in the conjugate representations (hypercharge -1), so that tables and traces
  read as in the paper's convention; its Lagrangian factors are conjugated
  accordingly.  A chiral superfield ``X`` gives the Weyl fermion ``FX`` and the complex
  scalar ``SX``;
* ``RealScalars = {S, ...}`` — scalars that must be real (checked: no U(1) charge, a
  real or pseudoreal irrep);
* ``Global[[k]] = {Z[N] | U[1], name}`` with one charge per field after the gauge
  entries: a number, a symbol assigned in the file (``RpM = {-1, -1, 1}``: superfield,
  first and second component), ``-1`` (Z[2]) or a phase ``Exp[2 Pi I k/N]``.  Z[N]
  symmetries become Z(N) factors of the model (their Ibáñez–Ross anomalies are
  checked), U[1] ones are kept as global symmetries;
* ``LagHC``, ``LagNoHC``, every other Lagrangian listed in
  ``DEFINITION[GaugeES][LagrangianInput]`` and ``SuperPotential`` — expanded into
  monomials; the names that are fields are the operator, the others the coupling.
  ``RealScalars`` may name a scalar or one of its components.

``Off[...]`` and assignments to anything else (``DEFINITION[...]``, ``NameOfStates``,
``Model`...``) are ignored.  Anything else — another top-level statement, a gauge
group other than U[1]/SU[N], a field entry of the wrong length, a charge that is not
an arithmetic expression — raises :class:`~anomalyalgebra.exceptions.ModelFileError`
naming the file and the line.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

import sympy as sp

from ..exceptions import AnomalyAlgebraError, LimitError, ModelError, ModelFileError
from ..groups import SimpleFactor, U1, ZN, parse_group
from ..limits import check_limit, current_limits, hint
from ..model import Field, Model
from .imported import (NOT_NUMBERS, ImportedModel, SarahSource, Term, apply_field_order, charge_from_text, check_text_size,
                       complex_representation, irrep_from_labels, irrep_from_signed_dimension, read_text,
                       symbol_table)
from .mathematica import parse_statements
from .sarah_statements import (FIELD_LISTS, IGNORED_CALLS, INDEXED, NO_EFFECT, OLD_LISTS, TERM_LISTS, all_conjugated,
                               at_line, component_names, defined_note, expand_monomials, is_definition,
                               is_lagrangian_input, line_ranges, old_style_entry, phase_exponent)

__all__ = ["read_sarah", "loads_sarah"]

_HALF = sp.Rational(1, 2)


def read_sarah(path) -> ImportedModel:
    """Read a SARAH model file; see the module documentation for what is understood.

    As :func:`anomalyalgebra.interop.read_model_file` with ``format="sarah"``.

    Parameters
    ----------
    path : str or os.PathLike
        The ``.m`` file (UTF-8); the model is named after its stem.

    Returns
    -------
    ImportedModel
        The model, the declared Lagrangian/superpotential terms and the reader's notes.

    Raises
    ------
    ModelFileError
        If the file cannot be read, or a statement the model needs is malformed or
        outside the understood subset (the message names the file and the line).
    LimitError
        If the file exceeds a limit of :mod:`anomalyalgebra.limits`.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "Toy.m"
    >>> _ = path.write_text("Gauge[[1]] = {B, U[1], hypercharge, g1, False};\\n"
    ...                     "FermionFields[[1]] = {e, 1, conj[eR], 1};\\n")
    >>> imp = read_sarah(path)
    >>> imp.model.name, [(f.name, f.chirality) for f in imp.model.fermions]
    ('Toy', [('e', 'R')])
    """
    p, text = read_text(path)
    return loads_sarah(text, path=p, name=p.stem)


def loads_sarah(text: str, *, path="<string>", name="model") -> ImportedModel:
    """Read SARAH model-file text.

    Parameters
    ----------
    text : str
        The text of a SARAH ``.m`` model file.
    path : str or os.PathLike, optional
        Shown in error messages (default ``"<string>"``).
    name : str, optional
        Name of the model (default ``"model"``).

    Returns
    -------
    ImportedModel
        The model, the declared terms and the reader's notes.

    Raises
    ------
    ModelFileError
        If the text is too large, or a statement the model needs is malformed or
        outside the understood subset (the message names the line).
    LimitError
        If the text exceeds a limit of :mod:`anomalyalgebra.limits`.

    Examples
    --------
    >>> src = '''
    ... Gauge[[1]] = {B, U[1], hypercharge, g1, False};
    ... Gauge[[2]] = {WB, SU[2], left, g2, True};
    ... FermionFields[[1]] = {l, 3, {vL, eL}, -1/2, 2};
    ... FermionFields[[2]] = {e, 3, conj[eR], 1, 1};
    ... ScalarFields[[1]] = {H, 1, {Hp, H0}, 1/2, 2};
    ... LagHC = -Ye conj[H].e.l;
    ... '''
    >>> imp = loads_sarah(src)
    >>> [(f.name, f.chirality, f.rep("hypercharge")) for f in imp.model.fermions]
    [('l', 'L', -1/2), ('e', 'R', -1)]
    >>> [str(t) for t in imp.terms]
    ['LagHC Ye: conj(H) bar(e) l']
    """
    check_text_size(text, path)
    imp = _Reader(text, path, name).read()
    if not imp.supersymmetric:          # the field order the writer recorded (fermions come first)
        notes = list(imp.notes)
        model = apply_field_order(imp.model, text, notes)
        imp = replace(imp, model=model, notes=tuple(notes))
    return imp


class _Reader:
    def __init__(self, text, path, name):
        self.path = path
        self.name = name
        self.named = {}
        self.statements = parse_statements(text, path=path, named=self.named)
        self.blocks = []          # (lhs, rhs): NameOfStates, DEFINITION[...][...] (written back)
        self.component_nodes = []  # (field, components node)
        self.values = {}          # name -> rhs node (plain assignments)
        self.indexed = {k: {} for k in INDEXED + ("Fields",)}
        self.notes = []
        self.lagrangians = []     # rhs of DEFINITION[GaugeES][LagrangianInput | Additional]
        self.components = {}      # component name -> field name

    def fail(self, line, message):
        raise ModelFileError(f"line {line}: {message}", path=self.path)

    # ------------------------------------------------------------------ statements
    def collect(self):
        for st in self.statements:
            if st.kind != "set":
                if st.kind == "call" and st.head_name in IGNORED_CALLS:
                    continue
                if st.kind == "call" and st.head_name in NO_EFFECT:
                    self.notes.append(f"ignored {st.head_name}[...] (line {st.line}):"
                                      f" {NO_EFFECT[st.head_name]}")
                    continue
                self.fail(st.line, f"unsupported top-level statement {st.text()[:60]!r}"
                          " (a SARAH model file declares the model by assignments)")
            lhs, rhs = st.args
            if lhs.kind == "part" and lhs.args[0].kind == "name" and lhs.args[0].value in self.indexed:
                key = lhs.args[0].value
                if len(lhs.args) != 2 or lhs.args[1].kind != "num" or lhs.args[1].value.denominator != 1 \
                        or lhs.args[1].value < 1:
                    self.fail(st.line, f"{key}[[...]] needs one positive integer index, got {lhs.text()!r}")
                idx = int(lhs.args[1].value)
                if idx > 99:
                    # SARAH preallocates these lists with 99 entries (Table[0, {99}])
                    self.fail(st.line, f"{key}[[{idx}]]: SARAH's lists have 99 entries")
                if idx in self.indexed[key]:
                    self.notes.append(f"{key}[[{idx}]] assigned again on line {st.line}: the later"
                                      " assignment is used (as when Mathematica runs the file)")
                if key == "Fields":
                    rhs = old_style_entry(rhs)
                self.indexed[key][idx] = rhs
            elif lhs.kind == "part" and lhs.args[0].kind == "name" and lhs.args[0].value in OLD_LISTS:
                self.fail(st.line, f"{lhs.args[0].value}[[i]] is the field list of old SARAH versions;"
                          " write FermionFields/ScalarFields/SuperFields (SARAH 4 conventions)")
            elif lhs.kind == "name":
                self.values[lhs.value] = rhs
                if lhs.value == "NameOfStates":
                    self.blocks.append((lhs, rhs))
            elif is_lagrangian_input(lhs):
                self.lagrangians.append(rhs)
            elif is_definition(lhs):
                self.blocks.append((lhs, rhs))
            # anything else (DEFINITION[...][...] = ..., x[[i]] of other lists) is ignored

    def ordered(self, key):
        """The entries of ``key[[i]]`` in index order; unset indices are dropped (SARAH
        fills the list with 0 and deletes the zeros, so the list is compacted)."""
        entries = self.indexed[key]
        idx = sorted(entries)
        if idx and idx != list(range(1, len(idx) + 1)):
            missing = sorted(set(range(1, idx[-1] + 1)) - set(idx))
            self.notes.append(f"{key}[[i]]: indices {line_ranges(missing)} are not assigned; the list is"
                              " compacted (as SARAH does)")
        return [entries[i] for i in idx]

    # ------------------------------------------------------------------ values
    def resolve(self, node, seen=()):
        """Follow a name assigned in the file (``RpM`` -> ``{-1, -1, 1}``)."""
        while node.kind == "name" and node.value in self.values and node.value not in seen:
            seen = seen + (node.value,)
            node = self.values[node.value]
        return node

    def expr_text(self, node, free):
        """A charge expression as model-file text for :func:`parse_expression`."""
        k = node.kind
        if k == "num":
            return f"({node.value})"
        if k == "name":
            target = self.resolve(node)
            if target is not node and target.kind != "name":
                if target.kind in ("list", "str"):
                    self.fail(node.line, f"'{node.value}' is not a number (it is {target.text()[:40]})")
                self.notes.append(f"symbol {node.value} replaced by its value {target.text()} (line {target.line})")
                return "(" + self.expr_text(target, free) + ")"
            if node.value in NOT_NUMBERS:
                self.fail(node.line, f"'{node.value}' is not a number; a charge must be finite and defined")
            free.add(node.value)
            return node.value
        if k == "neg":
            return "-(" + self.expr_text(node.args[0], free) + ")"
        if k == "add":
            return "(" + " + ".join(self.expr_text(a, free) for a in node.args) + ")"
        if k in ("mul", "dot"):
            return "(" + " * ".join(self.expr_text(a, free) for a in node.args) + ")"
        if k == "div":
            return f"({self.expr_text(node.args[0], free)}) / ({self.expr_text(node.args[1], free)})"
        if k == "pow":
            return f"({self.expr_text(node.args[0], free)}) ^ ({self.expr_text(node.args[1], free)})"
        if k == "call" and node.head_name in NOT_NUMBERS:
            self.fail(node.line, f"'{node.text()[:40]}' is not a number; a charge must be finite and defined")
        if k == "call" and node.head_name == "Sqrt" and len(node.args) == 1:
            return f"sqrt({self.expr_text(node.args[0], free)})"
        self.fail(node.line, f"a charge must be an arithmetic expression, got {node.text()!r}")

    def charge(self, node, symbols, what):
        free = set()
        text = self.expr_text(node, free)
        symbols.update(symbol_table(sorted(free), symbols.values()))
        return charge_from_text(text, symbols, path=self.path, line=node.line, what=what)

    def integer(self, node, what, limit=None):
        line = node.line
        node = self.resolve(node)
        if node.kind != "num" or node.value.denominator != 1 or node.value < 1:
            self.fail(line, f"{what} must be a positive integer, got {node.text()!r}")
        if limit is not None:
            self.within(limit, int(node.value), f"{what} {node.value}", line)
        return int(node.value)

    def within(self, limit, value, what, line):
        try:
            check_limit(limit, value, what)
        except LimitError as exc:
            self.fail(line, str(exc))

    # ------------------------------------------------------------------ pieces
    def read_globals(self):
        out = []
        for node in self.ordered("Global"):
            if node.kind != "list" or len(node.args) != 2:
                self.fail(node.line, f"Global[[k]] must be {{Z[N] or U[1], name}}, got {node.text()!r}")
            grp, label = node.args
            if label.kind != "name":
                self.fail(node.line, f"the name of a global symmetry must be a symbol, got {label.text()!r}")
            head = grp.head_name if grp.kind == "call" else None
            if head not in ("Z", "U") or len(grp.args) != 1 or grp.args[0].kind != "num":
                self.fail(node.line, f"global symmetry {grp.text()!r} is not supported (Z[N] or U[1])")
            n = self.integer(grp.args[0], f"the order of {grp.text()[:20]}",
                             "max_zn_order" if head == "Z" else None)
            if head == "U":
                if n != 1:
                    self.fail(node.line, f"global symmetry U[{n}] is not supported (U[1] only)")
                out.append((label.value, U1(gauged=False)))
            else:
                if n < 2:
                    self.fail(node.line, f"Z[{n}] needs N >= 2")
                out.append((label.value, ZN(n, gauged=False)))   # SARAH Global[]: not gauged
        return out

    def read_gauge(self, nglobal):
        out = []
        self.gauge_info = []
        for node in self.ordered("Gauge"):
            if node.kind != "list" or len(node.args) < 5:
                self.fail(node.line, "Gauge[[i]] must be {vector field, group, name, coupling, expand, ...},"
                          f" got {node.text()[:60]!r}")
            vec, grp, label = node.args[:3]
            extra = node.args[5:]
            if extra and not nglobal:
                self.notes.append(f"Gauge[[i]] (line {node.line}) gives {len(extra)} global charge(s) but the"
                                  " file declares no Global[[k]]: SARAH never reads them; ignored")
                extra = ()
            if len(extra) not in (0, nglobal):
                self.fail(node.line, f"Gauge[[i]] has {len(extra)} global charges, the file declares"
                          f" {nglobal} global symmetries")
            head = grp.head_name if grp.kind == "call" else None
            if head not in ("U", "SU") or len(grp.args) != 1 or grp.args[0].kind != "num":
                self.fail(node.line, f"gauge group {grp.text()!r} is not supported (SARAH model files"
                          " use U[1] and SU[N])")
            text = f"{head}({int(grp.args[0].value)})"
            try:
                group = parse_group(text)
            except AnomalyAlgebraError as exc:
                self.fail(node.line, str(exc))
            if label.kind != "name" or vec.kind != "name":
                self.fail(node.line, "the vector field and the group name must be symbols")
            out.append((label.value, group, vec.value, extra, node.line))
            coupling, expand = node.args[3], node.args[4]
            self.gauge_info.append((label.value, vec.value, coupling.value if coupling.kind == "name" else "",
                                    expand.value if expand.kind == "name" else ""))
        if not out:
            raise ModelFileError("no Gauge[[i]] declared", path=self.path)
        if len(out) > current_limits().max_group_factors:
            self.fail(out[-1][4], f"{len(out)} gauge factors exceed the limit max_group_factors ="
                      f" {current_limits().max_group_factors}{hint('max_group_factors')}")
        return out

    def rep(self, group, node, symbols, what):
        if isinstance(group, U1):
            return self.charge(node, symbols, what)
        use = node.line
        node = self.resolve(node)
        if node.line != use:                # a name assigned elsewhere: errors name the entry's line
            node = at_line(node, use)
        alg = group.algebra
        try:
            if node.kind == "list":
                labels = []
                for a in node.args:
                    if a.kind != "num" or a.value.denominator != 1 or a.value < 0:
                        self.fail(node.line, f"{what}: Dynkin labels must be non-negative integers,"
                                  f" got {node.text()!r}")
                    labels.append(int(a.value))
                if len(labels) != alg.rank:
                    self.fail(node.line, f"{what}: {group.name} has rank {alg.rank}, so an irrep has"
                              f" {alg.rank} Dynkin labels, got {node.text()!r}")
                return irrep_from_labels(group, labels)
            sign = 1
            if node.kind == "neg":
                sign, node = -1, node.args[0]
            if node.kind == "num" and node.value.denominator == 1 and node.value != 0:
                self.within("max_irrep_dim", abs(node.value), f"{what}: an irrep of dimension"
                            f" {node.value}", node.line)
                return irrep_from_signed_dimension(group, int(node.value) * sign)
        except AnomalyAlgebraError as exc:
            self.fail(node.line, f"{what}: {exc}")
        self.fail(node.line, f"{what}: a {group.name} irrep is a signed dimension (3, -3) or a"
                  f" list of Dynkin labels, got {node.text()!r}")

    def zn_charge(self, node, n, slot, what, vector=False):
        """An integer mod N from a SARAH global charge (a list picks ``slot``).

        ``vector``: the charge of a vector superfield, where SARAH files write ``0`` as a
        placeholder for "neutral" (it is stored and never used as a phase).  Errors name
        the line of the field entry (and the line of a name's value, if elsewhere)."""
        use = node.line
        node = self.resolve(node)
        if node.kind == "list":
            if len(node.args) != 3:
                self.fail(use, f"{what}: a list of global charges has three entries"
                          f" (superfield, first and second component){defined_note(node, use)}")
            node = self.resolve(node.args[slot])
        if vector and node.kind == "num" and node.value == 0:
            self.notes.append(f"Z[{n}] charge 0 of a vector superfield (line {use}) read as neutral"
                              " (SARAH's placeholder; a phase is never 0)")
            return 0
        value = phase_exponent(node, n)
        if value is None:
            self.fail(use, f"{what}: cannot read a Z[{n}] charge from {node.text()!r} (write 1,"
                      f" -1 for Z[2], or a phase Exp[2 Pi I k/{n}]){defined_note(node, use)}")
        return value

    def u1_charge(self, node, slot, symbols, what):
        use = node.line
        node = self.resolve(node)
        if node.kind == "list":
            if len(node.args) != 3:
                self.fail(use, f"{what}: a list of global charges has three entries{defined_note(node, use)}")
            node = node.args[slot]
        return self.charge(node, symbols, what)

    # ------------------------------------------------------------------ model
    def read(self) -> ImportedModel:
        self.collect()
        if self.indexed["Fields"]:
            if self.indexed["SuperFields"]:
                self.fail(min(n.line for n in self.indexed["Fields"].values()),
                          "a model declares SuperFields[[i]] or the old-style Fields[[i]], not both")
            self.indexed["SuperFields"] = self.indexed.pop("Fields")
            self.notes.append("old-style Fields[[i]] = {components, generations, name, ...} read as the"
                              " superfields {name, generations, components, ...} (SARAH swaps the first"
                              " and third entries)")
        nfields = sum(len(self.indexed[k]) for k in FIELD_LISTS)
        if nfields > current_limits().max_fields:
            raise ModelFileError(f"{nfields} fields exceed the limit max_fields ="
                                 f" {current_limits().max_fields}{hint('max_fields')}", path=self.path)
        globals_ = self.read_globals()
        gauge = self.read_gauge(len(globals_))
        susy = bool(self.indexed["SuperFields"])
        self.gauge, self.susy = gauge, susy
        if susy and (self.indexed["FermionFields"] or self.indexed["ScalarFields"]):
            line = min(n.line for k in ("FermionFields", "ScalarFields") for n in self.indexed[k].values())
            self.fail(line, "a model declares SuperFields or FermionFields/ScalarFields, not both")
        # Gauge[[i]] entries are gauge factors; Global[[k]] entries global factors (gauged=False)
        groups = [(label, g) for label, g, *_ in gauge] + list(globals_)
        labels = [k for k, _ in groups]
        dup = {x for x in labels if labels.count(x) > 1}
        if dup:
            raise ModelFileError(f"group name(s) {sorted(dup)} used twice", path=self.path)
        symbols = {}
        fields, superfields, right_handed = [], [], set()
        ngauge, nglobal = len(gauge), len(globals_)

        def entry(node, key):
            if node.kind != "list" or len(node.args) not in (3 + ngauge, 3 + ngauge + nglobal):
                self.fail(node.line, f"{key}[[i]] must be {{name, generations, components,"
                          f" {ngauge} gauge quantum numbers{f', {nglobal} global charges' if nglobal else ''}}},"
                          f" got {node.text()[:70]!r}")
            name, gens, comps = node.args[:3]
            if name.kind != "name":
                self.fail(node.line, f"{key}: the field name must be a symbol, got {name.text()!r}")
            for comp, conj in component_names(comps):
                self.components.setdefault(comp, (name.value, conj))
            self.component_nodes.append((name.value, comps))
            copies = self.integer(gens, f"{key} '{name.value}': the number of generations", "max_copies")
            reps = []
            for (label, g, *_), q in zip(gauge, node.args[3:3 + ngauge]):
                reps.append((label, self.rep(g, q, symbols, f"field '{name.value}', group '{label}'")))
            glob = node.args[3 + ngauge:]
            if nglobal and not glob:
                self.fail(node.line, f"field '{name.value}': no charges given for the global symmetries")
            return name.value, copies, comps, reps, glob

        def global_charges(fname, glob, slot, line):
            out = []
            for (label, g), q in zip(globals_, glob):
                if isinstance(g, U1):
                    out.append((label, self.u1_charge(q, slot, symbols, f"field '{fname}', global '{label}'")))
                else:
                    out.append((label, sp.Integer(self.zn_charge(q, g.n, slot,
                                                                 f"field '{fname}', global '{label}'"))))
            return out

        def make(fname, spin, chir, reps, copies, line):
            try:
                return Field(fname, spin, chir, tuple(reps), copies)
            except ModelError as exc:
                self.fail(line, str(exc))

        if susy:
            for node in self.ordered("SuperFields"):
                fname, copies, comps, reps, glob = entry(node, "SuperFields")
                sf_glob = global_charges(fname, glob, 0, node.line)
                sc_glob = global_charges("S" + fname, glob, 1, node.line)
                fe_glob = global_charges("F" + fname, glob, 2, node.line)
                superfields.append(make(fname, 0, None, reps + sf_glob, copies, node.line))
                fields.append(make("F" + fname, _HALF, "L", reps + fe_glob, copies, node.line))
                fields.append(make("S" + fname, 0, None, reps + sc_glob, copies, node.line))
            gauginos = []
            for label, g, vec, extra, line in gauge:
                reps = []
                for lab2, g2, *_ in gauge:
                    if lab2 == label and isinstance(g2, SimpleFactor):
                        reps.append((lab2, g2.algebra.adjoint))
                    else:
                        reps.append((lab2, g2.trivial))
                glob = []
                for (glabel, gg), q in zip(globals_, extra):
                    if isinstance(gg, U1):
                        glob.append((glabel, self.u1_charge(q, 1, symbols, f"gaugino of '{label}'")))
                    else:
                        glob.append((glabel, sp.Integer(self.zn_charge(q, gg.n, 1, f"gaugino of '{label}'",
                                                                       vector=True))))
                glob += [(glabel, gg.trivial) for glabel, gg in globals_[len(extra):]]
                gname = "f" + vec
                gauginos.append(gname)
                fields.append(make(gname, _HALF, "L", reps + glob, 1, line))
            self.notes.append("supersymmetric: each chiral superfield X gives the Weyl fermion FX and the"
                              " scalar SX; each vector superfield V the gaugino fV")
        else:
            gauginos = []
            for key, spin in (("FermionFields", _HALF), ("ScalarFields", 0)):
                for node in self.ordered(key):
                    fname, copies, comps, reps, glob = entry(node, key)
                    glob = global_charges(fname, glob, 0, node.line)
                    chir = "L" if spin else None
                    if spin and all_conjugated(comps):
                        chir = "R"
                        right_handed.add(fname)
                        reps = [(label, dict(groups)[label].conjugate(r)) for label, r in reps]
                        glob = [(label, dict(groups)[label].conjugate(r)) for label, r in glob]
                    fields.append(make(fname, spin, chir, reps + glob, copies, node.line))
            if right_handed:
                self.notes.append("fermions written as conj[...] in SARAH read as right-handed fields in the"
                                  f" conjugate representations: {', '.join(sorted(right_handed))}")
        if not fields:
            raise ModelFileError("no FermionFields[[i]], ScalarFields[[i]] or SuperFields[[i]] declared",
                                 path=self.path)
        sym_tuple = tuple(symbols[k] for k in sorted(symbols))
        mname = self.model_name()
        try:
            model = Model(mname, tuple(groups), tuple(fields), sym_tuple)
            sfmodel = Model(mname + " (superfields)", tuple(groups), tuple(superfields), sym_tuple) \
                if susy else None
        except ModelError as exc:
            raise ModelFileError(str(exc), path=self.path) from None
        real = self.read_real_scalars(model)
        terms = self.read_terms(model, sfmodel, right_handed, real)
        return ImportedModel(
            model=model, format="sarah", path=str(self.path), terms=tuple(terms), superfields=sfmodel,
            gauginos=tuple(gauginos),
            real_scalars=tuple(real), notes=tuple(dict.fromkeys(self.notes)),
            sarah=SarahSource(gauge=tuple(self.gauge_info), components=tuple(self.component_nodes),
                              named=tuple(self.named.items()), blocks=tuple(self.blocks),
                              lagrangian_input=self.lagrangians[0] if self.lagrangians else None),
        )

    def list_superpotential(self, node, names):
        """The list form of older SARAH versions: ``{{{1, Yu}, {q, Hu, u}}, ...}``."""
        out = []
        for item in node.args:
            ok = item.kind == "list" and len(item.args) == 2 and all(a.kind == "list" for a in item.args)
            if not ok or any(f.kind != "name" or f.value not in names for f in item.args[1].args):
                self.fail(item.line, "a superpotential list entry is {{coefficient, coupling}, {superfields}},"
                          f" got {item.text()[:60]!r}")
            coupling = [a.value for a in item.args[0].args if a.kind == "name"]
            out.append((coupling, [(f.value, False) for f in item.args[1].args], item.line,
                        Fraction(1), []))
        return out

    def resolver(self, target, superpotential):
        """``resolve(name, in_dot, line, conj)`` for the names of a Lagrangian term:

        * a field of ``target`` -> ``(field, conj)``;
        * a component named in a field entry (``SuR`` for the scalar of the superfield
          ``u = conj[uR]``; ``H0`` of ``H = {Hp, H0}``) -> its field, conjugated when the
          entry writes the component as ``conj[...]``;
        * a vector boson ``V<name>`` (or, in a supersymmetric model, the vector superfield
          ``<name>``) -> ``(None, group label)``;
        * any other name: a coupling outside a ``.`` product; inside one (SARAH's product
          of fields) it is an error naming it.
        """
        fields = set(target._index)
        comps = {}
        if not superpotential:
            for comp, (fname, c) in self.components.items():
                if self.susy:
                    for pre in ("S", "F"):
                        comps.setdefault(pre + comp, (pre + fname, c))
                else:
                    comps.setdefault(comp, (fname, c))
        bosons = {}
        for label, _g, vec, _extra, _line in self.gauge:
            bosons["V" + vec] = label
            if self.susy and not superpotential:
                bosons.setdefault(vec, label)
        mapped = set()

        def resolve(name, in_dot, line, conj=False):
            if name in fields:
                return (name, conj)
            if name in comps:
                fname, c = comps[name]
                if name not in mapped:
                    mapped.add(name)
                    self.notes.append(f"component {name} (line {line}) read as its field {fname}"
                                      + (" conjugated" if c else ""))
                return (fname, conj != c)
            if name in bosons:
                return (None, bosons[name])
            if in_dot:
                what = "superfield" if superpotential else "field"
                self.fail(line, f"unknown name '{name}' in a product of fields: not a {what}, a component"
                          f" of one, or a vector boson of the model (declared {what}s:"
                          f" {', '.join(sorted(fields)[:12])}{', ...' if len(fields) > 12 else ''})")
            return None

        return resolve

    def model_name(self):
        node = self.values.get("Model`Name")
        if node is None:
            return str(self.name)
        if node.kind != "str" or not node.value:
            self.fail(node.line, "Model`Name must be a non-empty string")
        return node.value

    def read_real_scalars(self, model):
        node = self.values.get("RealScalars")
        if node is None:
            return []
        if node.kind != "list" or any(a.kind != "name" for a in node.args):
            self.fail(node.line, f"RealScalars must be a list of scalar names, got {node.text()[:60]!r}")
        out = []
        for a in node.args:
            fname = a.value
            if fname not in model._index and fname in self.components:
                fname = self.components[fname][0]   # a component (e.g. the neutral one) is named
            if fname not in model._index or not model.field(fname).is_scalar:
                self.fail(a.line, f"RealScalars names '{a.value}', which is not a declared scalar"
                          " (or a component of one)")
            if fname in out:
                continue
            why = complex_representation(fname, model.field(fname).reps, dict(model.groups))
            if why:
                self.fail(a.line, f"{why}; a real field needs a real or pseudoreal one")
            out.append(fname)
        return out

    def read_terms(self, model, sfmodel, right_handed, real):
        from ..operators import FieldFactor, Operator

        out = []
        keys = list(TERM_LISTS)
        for spec in self.lagrangians:        # {{LagHC, {AddHC -> True}}, {LagBSM, ...}}
            if spec.kind != "list":
                self.fail(spec.line, "DEFINITION[...][LagrangianInput] must be a list {{name, {options}}, ...}")
            for item in spec.args:
                head = item.args[0] if item.kind == "list" and item.args else item
                if head.kind != "name":
                    self.fail(item.line, f"cannot read the Lagrangian name in {item.text()[:40]!r}")
                if head.value not in keys:
                    keys.append(head.value)
        for key in keys:
            node = self.values.get(key)
            if node is None:
                if key not in TERM_LISTS:
                    self.notes.append(f"Lagrangian {key} is listed but never assigned")
                continue
            if key == "SuperPotential" and sfmodel is None:
                self.fail(node.line, "SuperPotential in a model without SuperFields")
            target = sfmodel if key == "SuperPotential" else model
            names = set(target._index)
            if key == "SuperPotential" and node.kind == "list":
                monos = self.list_superpotential(node, names)
            else:
                monos = expand_monomials(node, self.resolver(target, key == "SuperPotential"), self)
            for coeffs, factors, line, num, others in monos:
                if not factors:
                    continue
                bosons = [f for f in factors if f[0] is None]
                factors = [f for f in factors if f[0] is not None]
                nonabelian = sorted({b[1] for b in bosons if not isinstance(dict(model.groups)[b[1]], U1)})
                if nonabelian:
                    self.notes.append(f"{key} term on line {line} contains the gauge boson(s) of"
                                      f" {', '.join(nonabelian)}: not checked (a gauge boson is no matter"
                                      " field of the model)")
                    continue
                if bosons:
                    self.notes.append(f"{key} term on line {line}: the U(1) gauge boson(s) of"
                                      f" {', '.join(sorted({b[1] for b in bosons}))} carry no charge and are"
                                      " left out of the invariance check")
                if not factors:
                    continue
                facs = []
                for fname, conj in factors:
                    fld = target.field(fname)
                    if key == "SuperPotential" and conj:
                        self.fail(line, f"the superpotential is holomorphic: conj[{fname}] is not allowed")
                    if fname in real:
                        conj = False
                    if fname in right_handed:
                        conj = not conj
                    facs.append(FieldFactor(fname, conj, bar=conj and fld.is_fermion))
                coupling = next((c for c in coeffs if c), "")
                out.append(Term(key, coupling, Operator(tuple(facs)), line, key == "SuperPotential",
                                coefficient=(num, tuple(coeffs), tuple(others))))
        return out
