"""Integer U(1)' charges of a model: from anomaly traces to an enumeration Problem.

:func:`charge_problem` turns the model's anomaly traces (sympy polynomials in the
unknown charge symbols; every other charge fixed) plus user equations into a
:class:`~.problem.Problem`:

* a trace or equation whose monomials each contain one unknown only is
  *separable* and becomes a :class:`~.problem.Condition` (this is the case for all
  anomaly conditions of one unknown U(1)' and for every linear equation, e.g. the
  invariance of a Yukawa operator);
* anything else becomes an extra :class:`~.problem.Polynomial`, checked on the
  candidates (correct, but without the meet-in-the-middle speed-up for it);
* unknowns with the same coefficients in every condition and the same quantum
  numbers otherwise (copies of a field with flavour-dependent charges) form one
  permutation-symmetric group and are reported sorted.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from math import lcm

import sympy as sp

from ..anomaly import anomaly_table
from ..exceptions import ModelError, NoSolutionError
from .parallel import iter_solutions
from .problem import Condition, Group, Polynomial, Problem, symmetric_range

__all__ = ["ChargeProblem", "charge_problem", "enumerate_charges", "operator_charge", "unknowns_label"]


@dataclass(frozen=True)
class ChargeProblem:
    """A :class:`~.problem.Problem` plus the map from its flattened positions to the unknowns.

    Built by :func:`charge_problem`.

    Attributes
    ----------
    problem : Problem
        The enumeration problem (groups of interchangeable unknowns, conditions).
    unknowns : tuple of sympy.Symbol
        The unknowns in the flattened order of the problem's groups.
    order : tuple of sympy.Symbol
        The caller's order of the unknowns (used by :meth:`assignment`).
    """

    problem: Problem
    unknowns: tuple  # sympy symbols, in flattened problem order
    order: tuple  # the caller's order of unknowns

    def __post_init__(self):
        where = {s: i for i, s in enumerate(self.unknowns)}
        object.__setattr__(self, "_positions", tuple(where[s] for s in self.order))
        object.__setattr__(self, "_identity", tuple(range(len(self.order))))

    def assignment(self, solution) -> tuple:
        """Values of the caller's unknowns for one engine solution.

        Parameters
        ----------
        solution : tuple of tuple of int
            One solution of :attr:`problem` (one sorted tuple per group).

        Returns
        -------
        tuple of int
            The values in the order of :attr:`order`.
        """
        flat = tuple(chain.from_iterable(solution))
        pos = self._positions
        return flat if pos == self._identity else tuple(flat[i] for i in pos)


def operator_charge(model, label: str, fields) -> sp.Expr:
    """Total ``label`` charge of an operator made of *fields*.

    A name ending in ``*`` stands for the conjugate field.  The operator is allowed
    (invariant under ``label``) when the result vanishes.

    Parameters
    ----------
    model : Model
        The model.
    label : str
        A U(1) (or Z_N) label of the model.
    fields : iterable of str
        Field names, ``"name*"`` for a conjugate.

    Returns
    -------
    sympy.Expr
        The expanded sum of the charges (an expression in the model's symbols).

    Raises
    ------
    ModelError
        If a field or the label is unknown.

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> sm = aa.load_model("sm")
    >>> operator_charge(sm, "Y", ["q*", "H", "d"])   # the down-type Yukawa q̄ H d_R
    0
    """
    total = sp.Integer(0)
    for name in fields:
        conj = name.endswith("*")
        q = sp.sympify(model.charge(name.rstrip("*"), label))
        total += -q if conj else q
    return sp.expand(total)


def _resolve(model, unknowns):
    out = []
    for u in unknowns:
        if isinstance(u, sp.Symbol):
            out.append(u)
        elif isinstance(u, str):
            out.append(model.symbol(u))
        else:
            raise ModelError(f"unknowns must be sympy symbols or symbol names, got {u!r}")
    if len(set(out)) != len(out):
        raise ModelError(f"unknowns listed twice: {out}")
    return tuple(out)


def _find_label(model, unknowns, label):
    from ..groups import U1

    if label is not None:
        if not isinstance(model.group(label), U1):
            raise ModelError(f"'{label}' is not a U(1) factor of model '{model.name}'")
        return label
    found = set()
    for f in model.fields:
        for lab, rep in f.reps:
            if isinstance(model.group(lab), U1) and sp.sympify(rep).free_symbols & set(unknowns):
                found.add(lab)
    if len(found) != 1:
        raise ModelError(
            f"the unknowns {list(unknowns)} must appear in the charges of exactly one U(1)"
            f" of model '{model.name}' (found {sorted(found)}); pass label="
        )
    return found.pop()


def unknowns_label(model, unknowns, label: str | None = None) -> str:
    """The U(1) factor whose charges contain *unknowns* (``label`` itself, checked, if given).

    Parameters
    ----------
    model : anomalyalgebra.Model
    unknowns : sequence of sympy.Symbol or str
    label : str, optional

    Returns
    -------
    str

    Raises
    ------
    ModelError
        If ``label`` is not a U(1) of the model, or the unknowns do not appear in the
        charges of exactly one U(1).

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> unknowns_label(aa.load_model("sm_x_tau"), ["alpha_L", "alpha_R"])
    'X'
    """
    return _find_label(model, _resolve(model, unknowns), label)


def _equation(e):
    if isinstance(e, sp.Equality):
        return e.lhs - e.rhs
    if isinstance(e, sp.Basic):
        return e
    raise ModelError(
        f"equations must be sympy expressions (meaning '= 0') or sympy.Eq, got {e!r}"
    )


def _lh(model, f, label):
    """Representations other than *label*, written for the left-handed Weyl field."""
    out = []
    for lab, rep in f.reps:
        if lab == label:
            continue
        g = model.group(lab)
        out.append((lab, rep if f.chirality == "L" else g.conjugate(rep)))
    return tuple(out)


def _conj(model, reps):
    return tuple((lab, model.group(lab).conjugate(rep)) for lab, rep in reps)


def _is_trivial(model, reps):
    return all(model.group(lab).is_trivial(rep) for lab, rep in reps)


def charge_problem(model, unknowns, q_max: int, *, label: str | None = None,
                   equations=(), chiral: bool = False, primitive: bool | None = None,
                   sign_reduce: bool | None = None, nonzero: bool = False) -> ChargeProblem:
    """Build the enumeration problem for integer values of *unknowns*.

    Parameters
    ----------
    model : anomalyalgebra.Model
        A model whose charges under one U(1) factor are expressions in *unknowns*;
        every other symbol must already be substituted.
    unknowns : sequence of sympy.Symbol or str
        The integer unknowns.
    q_max : int
        Bound on the values, ``|q| <= q_max``.
    label : str, optional
        The U(1) factor carrying the unknowns (found automatically if unique).
    equations : sequence of sympy expressions or sympy.Eq
        Extra equations (e.g. :func:`operator_charge` of required operators).
    chiral : bool
        Exclude vector-like pairs: two fermions in conjugate representations
        whose charges cancel (written left-handed), and a fermion that is a singlet
        of everything with charge 0.
    primitive : bool, optional
        Keep only gcd-1 solutions; default True when every condition is homogeneous.
    sign_reduce : bool, optional
        Report a solution and its negative once; default True when allowed.
    nonzero : bool
        Exclude the value 0 for every unknown.

    Returns
    -------
    ChargeProblem
        The problem for the engine and the map back to the unknowns.

    Raises
    ------
    ModelError
        If an unknown is not a symbol of the model or is listed twice, the U(1) label
        is not unique or not a U(1), other symbols remain, a condition has
        non-rational coefficients, or ``chiral=True`` meets a charge that is not
        ``±unknown`` or a number.
    NoSolutionError
        If a condition does not depend on the unknowns and is not zero, or an unknown
        has no allowed value left.

    Examples
    --------
    >>> import sympy as sp
    >>> from anomalyalgebra.model import Model, fermion
    >>> a, b = sp.symbols("a b")
    >>> m = Model.build("pair", {"X": "U(1)"}, [fermion("f", "L", {"X": a}),
    ...                                         fermion("g", "L", {"X": b})], symbols=[a, b])
    >>> cp = charge_problem(m, [a, b], 2)
    >>> from anomalyalgebra.enumeration import iter_solutions
    >>> [cp.assignment(s) for s in iter_solutions(cp.problem)]
    [(-1, 1)]
    """
    unknowns = _resolve(model, unknowns)
    label = _find_label(model, unknowns, label)
    other = model.free_symbols - set(unknowns)
    if other:
        raise ModelError(
            f"model '{model.name}' still has symbols {sorted(map(str, other))} that are not"
            " unknowns; substitute them first (model.subs(...))"
        )
    sep, nonsep = _conditions(model, unknowns, label, equations)
    rows, constants = _univariate_rows(sep)
    base = set(symmetric_range(q_max, nonzero=nonzero))
    slots, signature = _field_slots(model, unknowns, label, chiral)
    removed, pairs = (_vectorlike(model, label, slots, len(unknowns)) if chiral
                      else ({k: set() for k in range(len(unknowns))}, set()))
    in_extra = {i for _, terms in nonsep for m, _ in terms for i, e in enumerate(m) if e}
    members = _interchangeable(len(unknowns), in_extra, rows, signature, removed)
    if any(not (base - removed[ks[0]]) for ks in members):
        raise NoSolutionError("an unknown has no allowed value left")
    problem, flat = _assemble(unknowns, members, base, removed, sep, nonsep, rows, constants,
                              pairs, primitive, sign_reduce)
    return ChargeProblem(problem, tuple(unknowns[k] for k in flat), unknowns)


# ---------------------------------------------------------------------------
# the steps of charge_problem
# ---------------------------------------------------------------------------
def _conditions(model, unknowns, label, equations) -> tuple:
    """The anomaly conditions of *label* and the extra equations as integer polynomial terms.

    Returns ``(separable, nonseparable)``: lists of ``(name, [(exponents, int coefficient)])``;
    a condition is separable when every monomial involves at most one unknown.
    """
    exprs = []
    for key, expr in anomaly_table(model).items():
        if label in key:
            exprs.append((f"A{key}", sp.expand(expr)))
    for i, e in enumerate(equations):
        exprs.append((f"equation {i + 1}", sp.expand(_equation(e))))
    sep, nonsep = [], []
    for name, expr in exprs:
        if not expr.free_symbols:
            if expr != 0:
                raise NoSolutionError(f"{name} = {expr} does not depend on the unknowns")
            continue
        if not expr.free_symbols <= set(unknowns):
            raise ModelError(f"{name} involves symbols {expr.free_symbols - set(unknowns)}")
        poly = sp.Poly(expr, *unknowns)
        if not all(c.is_Rational for c in poly.coeffs()):
            raise ModelError(f"{name} has non-rational coefficients: {expr}")
        den = lcm(*(int(sp.Rational(c).q) for c in poly.coeffs()))
        terms = [(tuple(m), int(sp.Rational(c) * den)) for m, c in poly.terms()]
        if all(sum(1 for e in m if e) <= 1 for m, _ in terms):
            sep.append((name, terms))
        else:
            nonsep.append((name, terms))
    return sep, nonsep


def _univariate_rows(sep) -> tuple:
    """Per separable condition: ``{unknown: {degree: coefficient}}`` and the constant term."""
    rows = []
    for _, terms in sep:
        row: dict = {}
        for m, c in terms:
            k = next((i for i, e in enumerate(m) if e), None)
            if k is not None:
                d = m[k]
                poly = row.setdefault(k, {})
                poly[d] = poly.get(d, 0) + c
        rows.append(row)
    constants = [sum(c for m, c in terms if not any(m)) for _, terms in sep]
    return rows, constants


def _univariate(rows, ci, k) -> tuple:
    """Coefficients (degree 0, 1, ...) of unknown *k* in separable condition *ci*."""
    poly = rows[ci].get(k, {})
    deg = max(poly, default=0)
    return tuple(poly.get(d, 0) for d in range(deg + 1))


def _field_slots(model, unknowns, label, chiral) -> tuple:
    """How each field's charge depends on the unknowns.

    Returns ``(slots, signature)``: ``slots`` lists the fermions whose charge is a
    number (``(field, None, charge)``) or ``±unknown`` (``(field, sign, index)``);
    ``signature[k]`` describes every field whose charge involves unknown *k* (two
    unknowns with equal signatures are candidates for interchange).
    """
    slots = []
    signature = {k: [] for k in range(len(unknowns))}
    for f in model.fields:
        c = sp.expand(sp.sympify(f.rep(label)))
        syms = c.free_symbols & set(unknowns)
        for k in (unknowns.index(s) for s in syms):
            signature[k].append((
                str(c.subs(unknowns[k], sp.Symbol("_"))), f.spin, f.chirality, f.copies,
                tuple((lab, str(rep)) for lab, rep in f.reps if lab != label),
            ))
        if not f.is_fermion:
            continue
        if not syms:
            slots.append((f, None, c))
        elif len(syms) == 1 and (c - unknowns[unknowns.index(next(iter(syms)))]) == 0:
            slots.append((f, 1, unknowns.index(next(iter(syms)))))
        elif len(syms) == 1 and (c + next(iter(syms))) == 0:
            slots.append((f, -1, unknowns.index(next(iter(syms)))))
        elif chiral:
            raise ModelError(
                f"field '{f.name}': chiral=True needs charges of the form ±unknown or a"
                f" number, got {c}"
            )
    return slots, signature


def _vectorlike(model, label, slots, n) -> tuple:
    """What ``chiral=True`` excludes: values per unknown and vector-like pairs of unknowns.

    Returns ``(removed, pairs)``: ``removed[k]`` the values unknown *k* may not take;
    ``pairs`` the triples ``(k1, k2, s)`` meaning ``x_k1 + s x_k2 = 0`` is excluded.
    """
    removed = {k: set() for k in range(n)}
    pairs = set()
    for a, (f, sa, xa) in enumerate(slots):
        ra = _lh(model, f, label)
        sig_f = 1 if f.chirality == "L" else -1
        if sa is not None and f.copies == 1 and _is_trivial(model, ra):
            removed[xa].add(0)  # a singlet of everything with charge 0 can have a mass
        for b in range(a, len(slots)):
            g, sb, xb = slots[b]
            if a == b and f.copies < 2:
                continue
            if _lh(model, g, label) != _conj(model, ra):
                continue
            sig_g = 1 if g.chirality == "L" else -1
            if sa is None and sb is None:
                continue
            if sa is None or sb is None:
                (s1, x1, sg1), fixed, sg2 = (
                    ((sa, xa, sig_f), xb, sig_g) if sb is None else ((sb, xb, sig_g), xa, sig_f)
                )
                val = -sg2 * fixed / (sg1 * s1)
                if val.is_Integer:
                    removed[x1].add(int(val))
                continue
            s = (sig_g * sb) * (sig_f * sa)
            if xa == xb:
                if s == 1:
                    removed[xa].add(0)
                continue
            pairs.add((xa, xb, s))
    return removed, pairs


def _interchangeable(n, in_extra, rows, signature, removed) -> list:
    """Groups of unknowns that enter every condition and constraint alike (lists of indices)."""
    keys = {}
    for k in range(n):
        if k in in_extra:
            key = ("single", k)
        else:
            key = (
                tuple(_univariate(rows, ci, k) for ci in range(len(rows))),
                tuple(sorted(signature[k], key=str)),
                tuple(sorted(removed[k])),
            )
        keys.setdefault(key, []).append(k)
    return list(keys.values())


def _assemble(unknowns, members, base, removed, sep, nonsep, rows, constants,
              pairs, primitive, sign_reduce) -> tuple:
    """The engine's :class:`Problem` on the groups, and the unknowns' order in it."""
    group_of = {k: gi for gi, ks in enumerate(members) for k in ks}
    groups = tuple(
        Group("+".join(str(unknowns[k]) for k in ks), len(ks),
              tuple(sorted(base - removed[ks[0]])) or (0,))
        for ks in members
    )
    conditions = tuple(
        Condition(name, constants[ci], tuple(_univariate(rows, ci, ks[0]) for ks in members))
        for ci, (name, _) in enumerate(sep)
    )
    flat = [k for ks in members for k in ks]
    pos = {k: i for i, k in enumerate(flat)}
    extra = tuple(
        Polynomial(name, tuple((c, tuple((pos[i], e) for i, e in enumerate(m) if e))
                               for m, c in terms))
        for name, terms in nonsep
    )
    vectorlike = set()
    for xa, xb, s in pairs:
        ga, gb = group_of[xa], group_of[xb]
        vectorlike.add((min(ga, gb), max(ga, gb), s))
    homogeneous = all(c == 0 for c in constants) and all(
        any(m) for _, terms in nonsep for m, _ in terms
    )
    if primitive is None:
        primitive = homogeneous
    kwargs = dict(extra=extra, vectorlike=tuple(sorted(vectorlike)), primitive=primitive)
    if sign_reduce is None:
        try:
            problem = Problem(groups, conditions, sign_reduce=True, **kwargs)
        except ValueError:
            problem = Problem(groups, conditions, sign_reduce=False, **kwargs)
    else:
        problem = Problem(groups, conditions, sign_reduce=sign_reduce, **kwargs)
    return problem, flat


def enumerate_charges(model, unknowns, q_max: int, *, equations=(), executor=None,
                      label: str | None = None, chiral: bool = False,
                      primitive: bool | None = None, sign_reduce: bool | None = None,
                      nonzero: bool = False, progress=False, batch_size: int | None = None,
                      method: str = "auto"):
    """Yield every integer assignment of *unknowns* that cancels the model's anomalies.

    Each solution is a tuple of integers in the order of *unknowns*.  Unknowns that
    are interchangeable (copies of a field, see :func:`charge_problem`) come out in
    non-decreasing order; a solution and its negative count once when the
    conditions allow it.

    Parameters
    ----------
    model, unknowns, q_max, equations, label, chiral, primitive, sign_reduce, nonzero
        As in :func:`charge_problem`.
    executor : concurrent.futures.Executor, optional
        Where to run the chunks (see :func:`iter_solutions`); ``None`` runs here.
    progress : bool
        Show a progress bar.
    batch_size : int, optional
        Chunks per submitted task.
    method : {"auto", "direct", "lattice"}
        Engine path, see :func:`~anomalyalgebra.enumeration.choose_method`.

    Yields
    ------
    tuple of int
        One anomaly-free assignment, in the order of *unknowns*.

    Raises
    ------
    ModelError, NoSolutionError
        As :func:`charge_problem` (raised when the generator is first advanced).

    Examples
    --------
    One generation of the SM plus a right-handed neutrino with an unknown U(1)'
    charge for each field: the solutions are B - L and hypercharge combinations.

    >>> import sympy as sp, anomalyalgebra as aa
    >>> from anomalyalgebra.model import Model, fermion
    >>> x = sp.symbols("x_q x_u x_d x_l x_e x_n")
    >>> reps = [("q", "L", "3", "2", "1/6"), ("u", "R", "3", "1", "2/3"),
    ...         ("d", "R", "3", "1", "-1/3"), ("l", "L", "1", "2", "-1/2"),
    ...         ("e", "R", "1", "1", "-1"), ("n", "R", "1", "1", "0")]
    >>> fields = [fermion(n, c, {"SU3c": a, "SU2L": b, "Y": y, "X": s})
    ...           for (n, c, a, b, y), s in zip(reps, x)]
    >>> m = Model.build("sm1n", {"SU3c": "SU(3)", "SU2L": "SU(2)", "Y": "U(1)",
    ...                          "X": "U(1)"}, fields, symbols=x)
    >>> (1, 1, 1, -3, -3, -3) in list(enumerate_charges(m, x, 3))   # B - L (times 3)
    True
    """
    cp = charge_problem(model, unknowns, q_max, label=label, equations=equations,
                        chiral=chiral, primitive=primitive, sign_reduce=sign_reduce,
                        nonzero=nonzero)
    for sol in iter_solutions(cp.problem, executor=executor, progress=progress,
                              batch_size=batch_size, desc=f"{model.name}, q_max={q_max}",
                              method=method):
        yield cp.assignment(sol)
