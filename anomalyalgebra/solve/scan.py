r"""Scans of closed-form solutions over parameter grids, optionally in parallel.

A scan takes the branches of a closed-form solution (from
:meth:`~anomalyalgebra.solve.ConstraintSystem.solve`), a grid of axis values
(integers, rationals ``p/q``, and the ``∞`` limit), a map from the axes to the
solution's parameters, the quantities to compute and a list of predicates.  For
every grid point and every branch whose conditions hold there, it evaluates the
quantities *exactly* (:mod:`anomalyalgebra.solve.exact`: the closed forms are
lambdified once into functions over :class:`fractions.Fraction` and exact surds)
and keeps the rows that pass every predicate.

Parallelism: pass any :class:`concurrent.futures.Executor`.  Points are cut into
chunks in grid order and ``executor.map`` returns them in that order, so the
result is identical for any executor and any chunk size.  A
``dask.distributed.Client`` plugs in through ``client.get_executor()``.

Examples
--------
>>> import sympy as sp
>>> from anomalyalgebra.solve import Solution
>>> a, x = sp.symbols("a x")
>>> branches = [Solution(((x, sp.sqrt(a)),), (sp.Ge(a, 0),)),
...             Solution(((x, -sp.sqrt(a)),), (sp.Ge(a, 0),))]
>>> A = sp.Symbol("A")
>>> res = scan(branches, {"A": integers(-1, 9)}, parameters={a: A},
...            predicates=[RationalValues()])
>>> [(row.point["A"], row.branch, str(row.values["x"])) for row in res]
[(0, 0, '0'), (0, 1, '0'), (1, 0, '1'), (1, 1, '-1'), (4, 0, '2'), (4, 1, '-2'), (9, 0, '3'), (9, 1, '-3')]
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp

from .exact import NonReal, Surd, as_value, compile_exact
from .predicates import NeutralLightest, RationalValues
from .prefilter import candidate_mask

__all__ = [
    "INFINITY",
    "integers",
    "rationals",
    "ScanRow",
    "ScanResult",
    "scan",
    "RationalValues",
    "NeutralLightest",
]

#: The ``m → ∞`` grid value; parameters are evaluated as limits there.
INFINITY = sp.oo


def integers(lo: int, hi: int) -> tuple:
    """The integers ``lo … hi`` (inclusive) as a grid axis.

    Parameters
    ----------
    lo, hi : int
        Bounds, both included.

    Returns
    -------
    tuple of int
        Ascending; empty when ``hi < lo``.

    Examples
    --------
    >>> integers(2, 4)
    (2, 3, 4)
    """
    return tuple(range(int(lo), int(hi) + 1))


def rationals(max_numerator: int, max_denominator: int | None = None, *, negative: bool = True,
              infinity: bool = False) -> tuple:
    """Distinct rationals ``p/q`` with ``1 ≤ |p| ≤ max_numerator``, ``1 ≤ q ≤ max_denominator``.

    Sorted by value; negative ones included unless ``negative=False``; the ``∞``
    limit (:data:`INFINITY`) appended with ``infinity=True``.

    Parameters
    ----------
    max_numerator : int
        Bound on ``|p|``.
    max_denominator : int, optional
        Bound on ``q`` (default ``max_numerator``).
    negative : bool, optional
        Include the negative values (default True).
    infinity : bool, optional
        Append ``sympy.oo`` (default False).

    Returns
    -------
    tuple
        :class:`fractions.Fraction` values in increasing order (each once, in lowest
        terms), possibly followed by ``oo``.

    Examples
    --------
    >>> [str(r) for r in rationals(2, 2)]
    ['-2', '-1', '-1/2', '1/2', '1', '2']
    >>> rationals(1, 1, negative=False, infinity=True)
    (Fraction(1, 1), oo)
    """
    qmax = max_numerator if max_denominator is None else max_denominator
    # each positive rational once: its coprime (p, q)
    vals = [Fraction(p, q) for q in range(1, int(qmax) + 1) for p in range(1, int(max_numerator) + 1)
            if math.gcd(p, q) == 1]
    # float(p/q) is correctly rounded, hence monotonic: the float orders all pairs it
    # separates exactly, and the Fraction breaks the remaining ties exactly
    vals.sort(key=lambda v: (v.numerator / v.denominator, v))
    out = tuple(-v for v in reversed(vals)) + tuple(vals) if negative else tuple(vals)
    return out + ((INFINITY,) if infinity else ())


@dataclass(frozen=True)
class ScanRow:
    """One accepted (point, branch) of a scan.

    Attributes
    ----------
    point_items : tuple of (str, value)
        The grid point (also as the dict :attr:`point`).
    branch : int
        Index of the solution branch.
    value_items : tuple of (str, value)
        The quantities at that point (also as the dict :attr:`values`).
    """

    point_items: tuple
    branch: int
    value_items: tuple

    @property
    def point(self) -> dict:
        return dict(self.point_items)

    @property
    def values(self) -> dict:
        return dict(self.value_items)


@dataclass(frozen=True)
class ScanResult:
    """The rows a scan accepted, in grid order, with the scan's size.

    Iterating gives the :class:`ScanRow` records; ``len`` is their number.

    Attributes
    ----------
    axes : tuple of str
        Names of the grid axes.
    labels : tuple of str
        Labels of the quantities.
    rows : tuple of ScanRow
        The accepted rows.
    points : int
        Number of grid points scanned.
    """

    axes: tuple
    labels: tuple
    rows: tuple
    points: int

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self):
        return iter(self.rows)

    def table(self) -> list:
        """Rows as tuples ``(axis values..., branch, quantity values...)``."""
        return [tuple(v for _, v in r.point_items) + (r.branch,) + tuple(v for _, v in r.value_items)
                for r in self.rows]


@dataclass(frozen=True)
class _Spec:
    axes: tuple            # axis names
    params: tuple          # ((symbol, expr in axis symbols), ...)
    branches: tuple        # ((conditions, ((label, expr), ...)), ...)
    predicates: tuple
    # per branch (Solution, ((label, quantity), ...)) when the branch's expressions are the
    # plain substitution of its values: Solution.value_of gives the simplified forms
    simplified: tuple = ()


def _axis_symbols(spec):
    return tuple(sp.Symbol(a) for a in spec.axes)


def _rename_axes(expr, axes):
    expr = sp.sympify(expr)
    return expr.xreplace({s: sp.Symbol(s.name) for s in expr.free_symbols if s.name in axes})


@functools.lru_cache(maxsize=16)
def _compiled(spec: _Spec):
    ax = _axis_symbols(spec)
    psyms = tuple(s for s, _ in spec.params)
    params = [(s, e, _parameter_function(ax, e)) for s, e in spec.params]
    branches = []
    flat = []
    simplified = _Simplified(psyms, spec) if spec.simplified else None
    for bi, (conds, quantities) in enumerate(spec.branches):
        kinds = tuple("ne" if isinstance(c, sp.Ne) else "ge" for c in conds)
        exprs = tuple(c.lhs - c.rhs for c in conds) + tuple(e for _, e in quantities)
        labels = tuple(label for label, _ in quantities)
        branches.append((kinds, labels, _lazy(compile_exact, psyms, exprs, cse=True), len(flat),
                         functools.partial(simplified, bi) if simplified is not None else None,
                         _lazy(compile_exact, psyms, exprs[:len(kinds)], cse=True)))
        flat.extend(exprs)
    # all branches at once: a radical shared by the +/- branches is computed once; the
    # branches one by one (where some branch fails) are compiled when first needed
    joint = compile_exact(psyms, tuple(flat), cse=True)
    return ax, psyms, params, (branches, joint)


def _parameter_function(ax, expr):
    """``compile_exact(ax, expr)``, without compiling an axis or a rational constant."""
    if expr in ax:
        i = ax.index(expr)
        return lambda *values: values[i]
    if expr.is_Rational:
        value = Fraction(int(expr.p), int(expr.q))
        return lambda *values: value
    return compile_exact(ax, expr)


class _Simplified:
    """The branches with their quantities as :meth:`Solution.value_of` simplifies them,
    evaluated as a scan with those forms does: all branches at once, else the branch
    alone.  Compiled on the first call (a scan rarely needs it)."""

    def __init__(self, psyms, spec):
        self.psyms, self.spec, self.parts = psyms, spec, None

    def _compile(self):
        flat, parts = [], []
        for bi, (conds, quantities) in enumerate(self.spec.branches):
            exprs = tuple(c.lhs - c.rhs for c in conds)
            if self.spec.simplified[bi] is None:
                exprs += tuple(e for _, e in quantities)
            else:
                sol, qs = self.spec.simplified[bi]
                exprs += tuple(sp.sympify(sol.value_of(e)) for _, e in qs)
            parts.append((len(flat), len(exprs), _lazy(compile_exact, self.psyms, exprs, cse=True)))
            flat.extend(exprs)
        return compile_exact(self.psyms, tuple(flat), cse=True), parts

    def __call__(self, branch, *values):
        if self.parts is None:
            self.parts = self._compile()
        joint, parts = self.parts
        offset, size, alone = parts[branch]
        try:
            return joint(*values)[offset:offset + size]
        except (ZeroDivisionError, NonReal):
            return alone(*values)


def _lazy(make, *args, **kwargs):
    """A function that calls ``make(*args, **kwargs)`` on its first call and then the result."""
    made = []

    def call(*values):
        if not made:
            made.append(make(*args, **kwargs))
        return made[0](*values)

    return call


def _is_infinite(v) -> bool:
    return not isinstance(v, (int, Fraction)) and (v is INFINITY or v == sp.oo)


def _param_values(spec, compiled, point):
    ax, _, params, _ = compiled
    if any(_is_infinite(v) for v in point):
        finite = {s: sp.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else v
                  for s, v in zip(ax, point) if not _is_infinite(v)}
        out = []
        for _s, e, _f in params:
            e = e.subs(finite)
            for s, v in zip(ax, point):
                if _is_infinite(v) and e.has(s):        # the limit of a constant is itself
                    e = sp.limit(e, s, sp.oo)
            if not e.is_Rational:
                raise ValueError(f"parameter {_s} has no finite rational limit at {point}: {e}")
            out.append(Fraction(int(e.p), int(e.q)))
        return out
    args = [Fraction(v) for v in point]
    return [f(*args) for _s, _e, f in params]


def _ok(kind, v):
    v = Surd.of(v)
    if kind == "ne":
        return bool(v.terms)
    return v.sign() >= 0


def _run_chunk(spec: _Spec, points):
    compiled = _compiled(spec)
    branches, joint = compiled[3]
    rows = []
    for point in points:
        try:
            pv = _param_values(spec, compiled, point)
        except (ZeroDivisionError, NonReal):
            continue
        pdict = dict(zip(spec.axes, point))
        try:
            everything = joint(*pv)
        except (ZeroDivisionError, NonReal):
            everything = None           # some branch fails here: evaluate one by one
        for bi, (kinds, labels, fn, offset, simplified, conditions) in enumerate(branches):
            try:
                if everything is not None:
                    vals = everything[offset:offset + len(kinds) + len(labels)]
                else:
                    try:
                        vals = fn(*pv)          # the conditions' values, then the quantities'
                    except (ZeroDivisionError, NonReal):
                        # where the conditions fail (or cannot be evaluated) the branch is
                        # out whatever form its quantities have; else a failure of the plain
                        # substitution may be one the simplified form does not have
                        if simplified is None or not all(
                                _ok(k, v) for k, v in zip(kinds, conditions(*pv))):
                            continue
                        vals, simplified = simplified(*pv), None
                if not all(_ok(k, v) for k, v in zip(kinds, vals)):
                    continue
                values = _values(labels, vals[len(kinds):])
            except (ZeroDivisionError, NonReal):
                continue
            # an irrational value is a float, and its last bits depend on the form it was
            # computed from: predicates other than RationalValues (which sees only whether
            # a value is rational, an exact property) and the rows get value_of's form
            approximate = simplified is not None and any(isinstance(v, float) for v in values.values())
            accepted = True
            for pred in spec.predicates:
                if approximate and type(pred) is not RationalValues:
                    values, approximate = _simplified_values(simplified, pv, kinds, labels), False
                if values is None or not pred(pdict, values):
                    accepted = False
                    break
            if accepted and approximate:
                values = _simplified_values(simplified, pv, kinds, labels)
            if accepted and values is not None:
                rows.append(ScanRow(tuple(pdict.items()), bi, tuple(values.items())))
    return rows


def _values(labels, vals) -> dict:
    return {label: as_value(v) for label, v in zip(labels, vals)}


def _simplified_values(simplified, pv, kinds, labels):
    """The values from the simplified form, or None where it fails (there the branch was
    never accepted)."""
    try:
        vals = simplified(*pv)
    except (ZeroDivisionError, NonReal):
        return None
    return _values(labels, vals[len(kinds):])


def _masked_points(axis_values, mask):
    """The grid points (product order) where ``mask`` is True."""
    import numpy as np

    shape = tuple(len(v) for v in axis_values)
    idx = np.unravel_index(np.nonzero(mask)[0], shape)
    cols = [[vals[i] for i in ix.tolist()] for vals, ix in zip(axis_values, idx)]
    return zip(*cols)


def _chunks(it, size):
    it = iter(it)
    while True:
        block = list(itertools.islice(it, size))
        if not block:
            return
        yield block


def scan(solutions, grid, *, parameters, quantities=None, predicates=(), executor=None,
         chunksize: int = 2000, prefilter: bool = True) -> ScanResult:
    """Evaluate closed-form branches over a grid and keep the rows that pass the predicates.

    Parameters
    ----------
    solutions : sequence of Solution
        The branches (e.g. from :meth:`ConstraintSystem.solve`).
    grid : mapping of str to sequence
        Axis name → values (ints, :class:`fractions.Fraction`, :data:`INFINITY`);
        points are the Cartesian product in the mapping's order.
    parameters : mapping of sympy.Symbol to expression
        Every parameter of the solutions as an expression of the axes (axis
        symbols are matched by name), e.g. ``{alpha_R: -alpha_L/m}``.  At an
        infinite axis value the limit is taken.
    quantities : mapping of str to expression, optional
        What to compute on each branch (expressions of unknowns and parameters);
        default: the solved unknowns.  Their values are those of
        :meth:`Solution.value_of`: the branch's values are substituted and the result
        evaluated exactly without simplifying it first, and at a point where that
        form divides by zero or takes the square root of a negative number, the
        simplified form of :meth:`Solution.value_of` is evaluated instead (so a
        removable singularity does not lose a row).
    predicates : sequence of callables ``(point, values) -> bool``
        Must be picklable when an executor with processes is used.
    executor : concurrent.futures.Executor, optional
        Runs the chunks (``executor.map``); ``None`` runs them here.
    chunksize : int
        Points per chunk.
    prefilter : bool
        With a :class:`RationalValues` predicate and numpy installed, first drop the
        points where no branch can give rational values, on whole arrays with exact
        integer arithmetic (:mod:`anomalyalgebra.solve.prefilter`); the remaining
        points are evaluated exactly as without it, so the result is the same.
        ``False`` evaluates every point.

    Returns
    -------
    ScanResult
    """
    solutions = tuple(solutions)
    axes = tuple(grid)
    axis_values = [tuple(grid[a]) for a in axes]
    params = tuple((s, _rename_axes(e, axes)) for s, e in parameters.items())
    psyms = {s for s, _ in params}
    branches, simplified = [], []
    labels = None
    for sol in solutions:
        qs = quantities if quantities is not None else {sp.sstr(k): k for k in sol.values}
        qs = tuple((str(label), sp.sympify(e)) for label, e in qs.items())
        # the quantities as the branch's values substituted into them: exact arithmetic
        # needs no simplification, and where a division by zero or a negative radicand
        # of this form might simplify away, the point is evaluated again with the
        # simplified form (Solution.value_of); with unknowns that are not symbols,
        # value_of itself
        plain = all(k.is_Symbol for k, _ in sol.pairs)
        subs = dict(sol.pairs)
        qexprs = tuple((label, e.subs(subs) if plain else sp.sympify(sol.value_of(e))) for label, e in qs)
        labels = tuple(label for label, _ in qexprs)
        conds = set().union(*[c.free_symbols for c in sol.conditions])
        if plain and set().union(conds, *[e.free_symbols for _, e in qexprs]) - psyms:
            plain = False               # a symbol that only simplification removes
            qexprs = tuple((label, sp.sympify(sol.value_of(e))) for label, e in qs)
        missing = set().union(conds, *[e.free_symbols for _, e in qexprs]) - psyms
        if missing:
            raise ValueError(f"parameters needed for the scan but not given: {sorted(map(str, missing))}")
        branches.append((tuple(sol.conditions), qexprs))
        simplified.append((sol, qs) if plain else None)
    spec = _Spec(axes, params, tuple(branches), tuple(predicates),
                 tuple(simplified) if any(simplified) else ())
    total = 1
    for v in axis_values:
        total *= len(v)
    mask = candidate_mask(spec, axis_values) if prefilter else None
    if mask is None:
        points = itertools.product(*axis_values)
    else:
        points = _masked_points(axis_values, mask)
    rows = []
    if executor is None:
        for block in _chunks(points, chunksize):
            rows.extend(_run_chunk(spec, block))
    else:
        blocks = list(_chunks(points, chunksize))
        for part in executor.map(_run_chunk, itertools.repeat(spec, len(blocks)), blocks):
            rows.extend(part)
    return ScanResult(axes, labels or (), tuple(rows), total)
