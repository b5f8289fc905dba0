r"""A vectorised, exact prefilter for scans that require rational values.

A scan (:func:`~anomalyalgebra.solve.scan`) evaluates every branch at every grid point
in exact arithmetic.  When a :class:`~anomalyalgebra.solve.RationalValues` predicate
asks for rational quantities, most points fail it, and that can be decided on whole
arrays of points at once with integer arithmetic:

* a quantity that is a product of rational factors and square roots is
  ``r · sqrt(s)`` with ``r``, ``s`` rational functions (:func:`radical_form`);
* with every axis value written as ``P/Q`` (integers), ``r`` and ``s`` become
  quotients of integer polynomials in the ``P``'s and ``Q``'s, evaluated with numpy
  (``int64`` when a bound computed from the absolute values of the coefficients
  shows that nothing can overflow, Python integers otherwise);
* ``s = a/b`` is the square of a rational iff ``a b`` is a perfect square, decided
  exactly (an integer square root: a float estimate corrected by one either way,
  which is exact below ``2**62``; :func:`math.isqrt` above).

A point is *dropped* only when every branch has a required quantity with ``r ≠ 0``
and ``s`` negative (the exact evaluation would fail) or not a rational square (the
value is irrational), or a condition without radicals that is exactly violated there
(``Ne(e, 0)`` with ``e = 0``, ``e >= 0`` with ``e < 0``): those points cannot give
a row.  Everything else -- points with an infinite axis value, zero denominators,
quantities not of the form ``r · sqrt(s)`` -- is left to the exact evaluation, which
decides as before, so the scan's result does not change.  Nothing here relies on
floating point for a verdict.
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction

import sympy as sp

from .algebraic import radicals

__all__ = ["radical_form", "candidate_mask"]

#: int64 arithmetic is used while every intermediate value is provably below this
_INT64_SAFE = 2.0 ** 62


def radical_form(expr):
    """``(r, s)`` with ``expr == r * sqrt(s)`` and ``r``, ``s`` free of radicals, or ``None``.

    Only products are taken apart (a sum of radicals has no such form).  ``s`` is
    the product of the bases of the half-integer powers, so ``sqrt(s)`` is real
    whenever every square root of ``expr`` is.

    Parameters
    ----------
    expr : sympy expression
        A closed-form value.

    Returns
    -------
    tuple of (sympy.Expr, sympy.Expr) or None
        ``(r, s)``, or None when ``expr`` is not of that form.

    Examples
    --------
    >>> m, n = sp.symbols("m n")
    >>> radical_form(-sp.sqrt(3) * sp.sqrt(1 + 2 / m) * (n - 1) / 6)
    (1/6 - n/6, 3 + 6/m)
    >>> radical_form(sp.sqrt(2) + 1) is None
    True
    """
    r, s = [], []
    for f in sp.Mul.make_args(sp.sympify(expr)):
        b, e = f.as_base_exp()
        if e.is_Rational and e.q == 2:
            if radicals(b):
                return None
            r.append(sp.Pow(b, (e.p - 1) // 2))
            s.append(b)
        elif radicals(f):
            return None
        else:
            r.append(f)
    return sp.Mul(*r), sp.Mul(*s)


class _IntPoly:
    """An integer polynomial in the P's and Q's, evaluated on numpy arrays exactly."""

    def __init__(self, poly):
        self.terms = [(int(c), e) for e, c in sorted(poly.as_dict().items())]
        self.abs_terms = [(float(abs(c)), e) for c, e in self.terms]
        #: equal polynomials share one evaluation in :func:`candidate_mask`
        self.key = tuple(self.terms)

    @staticmethod
    def _evaluate(terms, xs, zero):
        acc = zero
        for c, e in terms:
            t = c
            for x, k in zip(xs, e):
                if k:
                    t = t * (x if k == 1 else x ** k)
            acc = acc + t
        return acc

    def __call__(self, ints, objs, absf, absmax):
        """Values (int64 or object array) and a bound on their absolute values (float array).

        ``objs()`` returns the variables as object arrays (made only when needed);
        ``absmax`` holds the largest absolute value of each variable: the bound there
        (the coefficients and variables of ``abs_terms`` are non-negative, so it bounds
        every point) is used for all points when it is small enough."""
        import numpy as np

        n = len(absf[0]) if absf else 0
        if not self.terms:
            return np.zeros(n, dtype=np.int64), np.zeros(n)
        overall = float(self._evaluate(self.abs_terms, absmax, 0.0))
        if overall < _INT64_SAFE:
            bound = np.broadcast_to(overall, (n,))
        else:
            bound = np.broadcast_to(np.asarray(self._evaluate(self.abs_terms, absf, 0.0), dtype=float), (n,))
        if bound.max(initial=0.0) < _INT64_SAFE:
            vals = np.asarray(self._evaluate(self.terms, ints, 0), dtype=np.int64)
        else:
            vals = np.asarray(self._evaluate(self.terms, objs(), 0), dtype=object)
        return np.broadcast_to(vals, (n,)), bound


def _fraction_polys(expr, axis_syms):
    """Integer polynomials ``N``, ``D`` in ``P_i, Q_i`` and a Fraction ``c`` with
    ``expr = c N / D`` at ``x_i = P_i / Q_i`` (generators ordered ``P_0 .. P_k, Q_0 .. Q_k``)."""
    P = sp.symbols(f"_P0:{len(axis_syms)}")
    Q = sp.symbols(f"_Q0:{len(axis_syms)}", positive=True)
    e = sp.together(sp.sympify(expr).xreplace({x: p / q for x, p, q in zip(axis_syms, P, Q)}))
    num, den = sp.fraction(e)
    gens = P + Q
    cn, N = sp.Poly(sp.expand(num), *gens).clear_denoms()
    cd, D = sp.Poly(sp.expand(den), *gens).clear_denoms()
    N, D = N.set_domain(sp.ZZ), D.set_domain(sp.ZZ)
    # expr = num/den = (N/cn) / (D/cd) = (cd/cn) * N/D
    c = Fraction(int(sp.Integer(cd)), int(sp.Integer(cn)))
    return N, D, c


@functools.lru_cache(maxsize=16)
def _compile(spec):
    """Per branch, the tests that can exclude it at a point, or None.

    ``("radical", Nr, Dr, Ns, Ds)`` for each required quantity ``r sqrt(s)``
    (integer polynomials of ``r = Nr/Dr`` and of ``s``, up to a positive square
    factor, ``Ns/Ds``); ``("zero", N, D)`` for a condition ``Ne(expr, 0)`` and
    ``("negative", N, D)`` for any other condition ``lhs - rhs >= 0`` (as the scan
    reads them), ``expr`` or ``lhs - rhs`` a rational function ``c N/D`` of the axes
    (``N`` carries the sign of ``c``)."""
    from .predicates import RationalValues

    rational = [p for p in spec.predicates if isinstance(p, RationalValues)]
    if not rational:
        return None
    # predicates are all required: the union of their labels ("all" if one has none)
    required = "all" if any(not p.labels for p in rational) else set().union(*(p.labels for p in rational))
    axis_syms = tuple(sp.Symbol(a) for a in spec.axes)
    axis_set = set(axis_syms)
    params = {s: e for s, e in spec.params}
    memo = {}

    def polys(expr):
        # the +/- branches of a root share their radicands, and r up to its sign
        if expr not in memo:
            memo[expr] = _fraction_polys(expr, axis_syms)
        return memo[expr]

    branches = []
    for conds, quantities in spec.branches:
        tests = []
        for label, q in quantities:
            if required != "all" and label not in required:
                continue
            form = radical_form(sp.sympify(q).xreplace(params))
            if form is None:
                continue
            r, s = form
            if r.free_symbols - axis_set or s.free_symbols - axis_set:
                continue
            if r.could_extract_minus_sign():
                r = -r                  # only whether r vanishes matters
            Nr, Dr, _ = polys(r)
            Ns, Ds, c = polys(s)
            # s = c N/D is a rational square iff (c.num * c.den * N) * D is a perfect square
            k = c.numerator * c.denominator
            tests.append(("radical", _IntPoly(Nr), _IntPoly(Dr), _IntPoly(Ns * k), _IntPoly(Ds)))
        for cond in conds:
            e = sp.sympify(cond.lhs - cond.rhs).xreplace(params)
            if e.free_symbols - axis_set or not e.is_rational_function(*axis_syms):
                continue
            N, D, c = polys(e)
            kind = "zero" if isinstance(cond, sp.Ne) else "negative"
            tests.append((kind, _IntPoly(N if c > 0 else -N), _IntPoly(D)))
        branches.append(tests)
    if not any(t[0] == "radical" for tests in branches for t in tests):
        return None
    return branches


def _is_square(np, x, bound):
    """Exact perfect-square test of integer array x (non-negative entries)."""
    out = np.zeros(x.shape, dtype=bool)
    small = bound < _INT64_SAFE
    if small.any():
        xs = np.asarray(x[small], dtype=np.int64)
        r = np.floor(np.sqrt(xs.astype(float))).astype(np.int64)
        ok = np.zeros(xs.shape, dtype=bool)
        for d in (-1, 0, 1):
            rr = np.maximum(r + d, 0)
            ok |= rr * rr == xs
        out[small] = ok
    big = ~small
    if big.any():
        out[big] = [math.isqrt(int(v)) ** 2 == int(v) for v in x[big]]
    return out


def candidate_mask(spec, axis_values):
    """Grid points where some branch can still pass the scan's rationality predicate.

    Parameters
    ----------
    spec : object
        The scan specification that :func:`~anomalyalgebra.solve.scan.scan` builds
        (solutions, parameters, quantities, predicates).
    axis_values : sequence of sequence
        The values of each grid axis (ints, Fractions or ``oo``).

    Returns
    -------
    numpy.ndarray of bool or None
        Over the grid in ``itertools.product`` order: False where no branch can
        pass the scan's :class:`~anomalyalgebra.solve.predicates.RationalValues`
        predicate.  ``None`` when the prefilter does not apply (no such predicate,
        no quantity of the form ``r · sqrt(s)``, or numpy not installed).
    """
    try:
        import numpy as np
    except ImportError:
        return None
    compiled = _compile(spec)
    if compiled is None:
        return None
    # per axis: P, Q as int64 or Python ints; infinite values marked
    k = len(axis_values)
    Ps, Qs, infs, fits = [], [], [], True
    for vals in axis_values:
        P, Q, inf = [], [], []
        for v in vals:
            if isinstance(v, (int, Fraction)):      # the usual axis values, no sympy comparison
                f = v
            elif v is sp.oo or v == sp.oo:
                P.append(0)
                Q.append(1)
                inf.append(True)
                continue
            else:
                f = Fraction(v)
            P.append(f.numerator)
            Q.append(f.denominator)
            inf.append(False)
        fits = fits and max(map(abs, P + Q), default=0) < 2 ** 31
        Ps.append(P)
        Qs.append(Q)
        infs.append(np.array(inf, dtype=bool))
    shape = tuple(len(v) for v in axis_values)
    total = math.prod(shape)
    if total == 0:
        return np.zeros(0, dtype=bool)
    grids = np.meshgrid(*[np.arange(n) for n in shape], indexing="ij")
    flat = [g.ravel() for g in grids]
    dtype = np.int64 if fits else object
    ints = [np.asarray(Ps[a], dtype=dtype)[flat[a]] for a in range(k)] + \
           [np.asarray(Qs[a], dtype=dtype)[flat[a]] for a in range(k)]
    objs = functools.lru_cache(maxsize=1)(
        lambda: [np.asarray(x, dtype=object) for x in ints] if fits else ints)
    absf = [np.abs(np.asarray(x, dtype=float)) for x in ints]
    absmax = [float(x.max(initial=0.0)) for x in absf]
    infinite = np.zeros(total, dtype=bool)
    for a in range(k):
        infinite |= infs[a][flat[a]]
    keep = infinite.copy()
    # branches and quantities often share polynomials (the +/- branches of a root, two
    # quantities under one radical): each distinct polynomial and each distinct test is
    # evaluated once
    values, verdicts = {}, {}

    def value(poly):
        if poly.key not in values:
            values[poly.key] = poly(ints, objs, absf, absmax)
        return values[poly.key]

    def impossible(kind, *polys):
        key = (kind,) + tuple(p.key for p in polys)
        if key not in verdicts:
            if kind == "radical":
                Nr, Dr, Ns, Ds = polys
                verdicts[key] = _impossible(np, total, value(Nr)[0], value(Dr)[0], value(Ns), value(Ds))
            else:
                # the condition's value c N/D is exactly 0 ("zero") or negative: the
                # exact evaluation rejects the branch there (or fails, which rejects it too)
                (n, _), (d, _) = value(polys[0]), value(polys[1])
                defined = d != 0
                if kind == "zero":
                    verdicts[key] = defined & (n == 0)
                else:
                    verdicts[key] = defined & (n != 0) & ((n < 0) != (d < 0))
        return verdicts[key]

    for tests in compiled:
        possible = np.ones(total, dtype=bool)
        for test in tests:
            possible &= ~impossible(*test)
        keep |= possible
    return keep


def _impossible(np, total, nr, dr, ns_bound, ds_bound):
    """Where ``r sqrt(s)`` is decided irrational or non-real (``r = nr/dr``, ``s = ns/ds``
    up to a positive square factor): ``r ≠ 0`` and ``ns·ds`` negative or not a square."""
    ns, bn = ns_bound
    ds, bd = ds_bound
    decided = (nr != 0) & (dr != 0) & (ds != 0)
    bx = bn * bd
    if bx.max(initial=0.0) < _INT64_SAFE:
        x = np.asarray(ns, dtype=np.int64) * np.asarray(ds, dtype=np.int64)
    else:
        x = np.asarray(ns, dtype=object) * np.asarray(ds, dtype=object)
    neg = np.asarray(x < 0, dtype=bool)
    square = np.zeros(total, dtype=bool)
    nonneg = decided & ~neg
    square[nonneg] = _is_square(np, x[nonneg], bx[nonneg])
    return decided & (neg | ~square)
