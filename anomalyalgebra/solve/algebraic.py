r"""Closed-form solution of polynomial constraint systems with branch conditions.

The machinery behind :meth:`anomalyalgebra.solve.ConstraintSystem.solve`; it knows
nothing about models or physics, only polynomials in *unknowns* whose coefficients
are rational functions of *parameters* (every other symbol).

Method
------
1. Every constraint ``expr = 0`` is brought to a polynomial numerator; its
   denominator's factors become "≠ 0" conditions.
2. An unknown that is an expression (``X_N1 + X_N2``) gets a fresh symbol ``u`` with
   the extra constraint ``u − expr = 0``; the symbols of ``expr`` that are not
   themselves unknowns are *eliminated*.
3. A lexicographic Groebner basis over the field of rational functions of the
   parameters is computed (:func:`sympy.groebner`).  ``[1]`` means the system is
   inconsistent for generic parameters; a minimal conflicting subset of constraints
   is then found by a deletion filter and reported in :class:`NoSolutionError`.
   Otherwise the basis elements free of eliminated symbols form a triangular system.
4. The triangular system is solved from the last unknown backwards.  Quadratics are
   solved as ``−b/2a ± sqrt((b² − 4ac)/(4a²))`` (a form that does not depend on the
   signs of the parameters), higher degrees by :func:`sympy.roots`.  Each root opens
   a branch; leading coefficients used, denominators of the values and, for unknowns
   declared real, the radicands (``≥ 0``) are recorded as the branch's conditions.
5. Every branch is checked by substituting back into every original constraint.

Why Groebner bases rather than :func:`sympy.solve`/:func:`sympy.nonlinsolve`: the
basis decides consistency exactly (``[1]``), gives the elimination needed for
derived unknowns such as ``Σ X_N`` in one step, and produces a triangular system
whose leading coefficients are exactly the non-vanishing conditions of each branch;
``solve`` divides by parameter expressions silently and reports no conditions.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sympy as sp

from ..exceptions import NoSolutionError
from ..symbolic import remembered

__all__ = ["Branch", "solve_polynomial_system", "minimal_conflict", "clear_denominator",
           "nonzero_factors", "tidy", "proves_zero", "radicals"]


@dataclass(frozen=True)
class Branch:
    """One branch of the solution of :func:`solve_polynomial_system` (internal record).

    Parameters
    ----------
    values : tuple of (unknown, value)
        Solved values, in the order of the unknowns.
    nonzero : tuple of sympy.Expr
        Expressions required to be non-zero (denominators, leading coefficients).
    nonnegative : tuple of sympy.Expr
        Radicands required to be ``>= 0`` (for unknowns declared real).
    choices : tuple of str
        Human-readable root choices, e.g. ``("Y_L: root 1 of 2",)``.
    """

    values: tuple          # ((key, value), ...) in the order of the unknowns
    nonzero: tuple         # expressions required to be non-zero
    nonnegative: tuple     # radicands required to be >= 0
    choices: tuple         # human-readable root choices, e.g. ("Y_L: root 1 of 2",)


def clear_denominator(expr):
    """``(numerator, [denominator factors])`` of ``expr`` after :func:`sympy.together`.

    Parameters
    ----------
    expr : sympy expression
        A rational function.

    Returns
    -------
    tuple of (sympy.Expr, list of sympy.Expr)
        The expanded numerator and the :func:`nonzero_factors` of the denominator.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> clear_denominator(x/(y - 1) + 1)
    (x + y - 1, [y - 1])
    """
    num, den = sp.fraction(sp.together(sp.sympify(expr)))
    return sp.expand(num), nonzero_factors(den)


def nonzero_factors(expr) -> list:
    """Irreducible non-constant factors of ``expr`` that assumptions do not already make non-zero.

    Parameters
    ----------
    expr : sympy expression
        A rational function; numerator and denominator factors are both listed.

    Returns
    -------
    list of sympy.Expr
        Expanded factors with the sign normalised, sorted by
        :func:`sympy.default_sort_key`; empty for a number.

    Examples
    --------
    >>> n = sp.Symbol("n", positive=True, integer=True)
    >>> a = sp.Symbol("a")
    >>> nonzero_factors(6 * a * n * (n**2 - 1))
    [a, n - 1]
    """
    expr = sp.sympify(expr)
    if expr.is_number:
        return []
    out = []
    _, factors = sp.factor_list(sp.together(expr))
    for f, _mult in factors:
        num, den = sp.fraction(sp.together(f))
        for g in (num, den):
            if g.is_number or g.is_nonzero:
                continue
            g = sp.expand(g)
            if g.could_extract_minus_sign():
                g = sp.expand(-g)
            if g not in out:
                out.append(g)
    return sorted(out, key=sp.default_sort_key)


def _gb(polys, gens):
    polys = [p for p in polys if p != 0]
    if not polys:
        return []
    return list(sp.groebner(polys, *gens, order="lex").exprs)


def _inconsistent(polys, gens) -> bool:
    gb = _gb(polys, gens)
    return len(gb) == 1 and gb[0].is_number and gb[0] != 0


def minimal_conflict(named_polys, gens) -> list:
    """Names of a minimal subset of constraints that is already inconsistent.

    A deletion filter: drop each constraint in turn and keep it out if the rest is
    still inconsistent (a Gröbner basis equal to a non-zero constant).  The result is
    minimal (every proper subset is consistent for generic parameters).

    Parameters
    ----------
    named_polys : sequence of (str, sympy.Expr)
        Named polynomial constraints ``expr = 0``, inconsistent together.
    gens : sequence of sympy.Symbol
        The unknowns (generators of the Gröbner basis).

    Returns
    -------
    list of str
        Names of the conflicting constraints, in input order.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> minimal_conflict([("a", x - 1), ("b", y - 2), ("c", x - 2)], [x, y])
    ['a', 'c']
    """
    keep = list(named_polys)
    for item in list(keep):
        trial = [p for p in keep if p is not item]
        if trial and _inconsistent([p for _, p in trial], gens):
            keep = trial
    return [name for name, _ in keep]


@functools.lru_cache(maxsize=256)
def _poly_in(expr, var):
    return sp.Poly(sp.expand(expr), var)


def radicals(expr):
    """The radicals of ``expr``: its powers with a rational, non-integer exponent.

    Parameters
    ----------
    expr : sympy expression
        Any expression.

    Returns
    -------
    list of sympy.Pow
        In no particular order.

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> radicals(x**2 + 3)
    []
    >>> radicals(x**2 * (x + 1)**sp.Rational(3, 2))
    [(x + 1)**(3/2)]
    """
    return [p for p in sp.sympify(expr).atoms(sp.Pow)
            if p.exp.is_Rational and not p.exp.is_Integer]


def tidy(expr):
    """Collect ``expr`` over its radicals and factor each (radical-free) coefficient.

    Parameters
    ----------
    expr : sympy expression
        Any expression.

    Returns
    -------
    sympy.Expr
        An equal expression in the collected, factored form.

    Examples
    --------
    >>> a = sp.Symbol("a", positive=True)
    >>> b = sp.Symbol("b")
    >>> tidy(sp.sqrt(a) * (b**2 - 1) / (b - 1) + b / 2 + b / 2)
    sqrt(a)*(b + 1) + b
    """
    return _tidy(sp.sympify(expr))


# Remembered: the solver tidies the same expressions and, above all, the same
# coefficients again and again (the two branches of a quadratic share most of them);
# both functions are pure functions of immutable sympy input.
@remembered(1024)
def _tidy(expr):
    rads = radicals(expr)
    if not rads:
        return _factor_cancel(expr)
    parts = sp.collect(sp.expand(expr), rads, evaluate=False)
    return sp.Add(*[_factor_cancel(c) * k for k, c in parts.items()])


@functools.lru_cache(maxsize=4096)
def _factor_cancel(expr):
    """``factor(cancel(expr))``.

    For a rational function of commutative symbols over Q, :func:`sympy.factor`
    alone gives the same expression: it factors the numerator and the denominator
    of ``together(expr)`` into the same normalised irreducible factors (positive
    leading coefficient in the canonical generator order) as those of the cancelled
    fraction, and the common ones drop out when the product is formed; the rational
    coefficient is then fixed by the value.  The cancellation is skipped there
    (it costs as much as the factorisation).
    """
    if _is_rational_function(expr):
        return sp.factor(expr)
    return sp.factor(sp.cancel(expr))


def _is_rational_function(expr) -> bool:
    """Whether ``expr`` is built from commutative symbols and rationals by +, * and integer powers."""
    for node in sp.preorder_traversal(expr):
        if node.is_Add or node.is_Mul or node.is_Rational:
            continue
        if node.is_Symbol and node.is_commutative:
            continue
        if node.is_Pow and node.exp.is_Integer:
            continue
        return False
    return True


def proves_zero(expr, *, factor_radicands: bool = False) -> bool:
    r"""Whether ``expr`` is shown to vanish identically by reduction modulo its square roots.

    Each square root ``sqrt(B)`` of a rational function ``B`` becomes a new variable
    ``s`` (``B**(m/2) = s**m``); the numerator of the resulting rational function is
    reduced by pseudo-division modulo ``den(B) s^2 - num(B)``, one root after the
    other.  A zero remainder proves ``expr = 0`` wherever it is defined.  The test
    is exact but incomplete: ``False`` means "not shown" (different square roots
    are treated as independent, e.g. ``sqrt(2 x) - sqrt(2) sqrt(x)`` is not shown),
    never "non-zero".  Expressions with other functions, floats, ``I`` or roots of
    order other than 2 give ``False``.  Much cheaper than :func:`sympy.simplify` on
    expressions built from a few square roots.

    Parameters
    ----------
    expr : sympy.Expr
        The expression to test.
    factor_radicands : bool
        First replace each radicand by :func:`sympy.factor` of it, so that sympy
        splits ``sqrt(B1 B2)`` into ``sqrt(B1) sqrt(B2)`` where its assumptions allow.

    Returns
    -------
    bool
        True when the reduction proves ``expr = 0``; False means "not shown".

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> k = sp.Symbol("k", positive=True)
    >>> proves_zero(sp.sqrt(x + 1)**3 - (x + 1)*sp.sqrt(x + 1))
    True
    >>> proves_zero(1/(1 + sp.sqrt(x)) - (1 - sp.sqrt(x))/(1 - x))
    True
    >>> proves_zero(sp.sqrt((k + 1)**2 - 1) - sp.sqrt(k)*sp.sqrt(k + 2))
    False
    >>> proves_zero(sp.sqrt((k + 1)**2 - 1) - sp.sqrt(k)*sp.sqrt(k + 2), factor_radicands=True)
    True
    >>> proves_zero(sp.sqrt(x) - 1)
    False
    """
    expr = sp.sympify(expr)
    if expr == 0:
        return True
    if expr.is_Number:
        return False
    pows = radicals(expr)
    if factor_radicands and pows:
        expr = expr.xreplace({p: sp.Pow(sp.factor(p.base), p.exp) for p in pows
                              if not p.base.is_number})
        if expr == 0:
            return True
        pows = radicals(expr)
    roots, reps = {}, {}
    for p in pows:
        if p.exp.q != 2 or radicals(p.base):
            return False                # a root of another order, or a nested root
        s = roots.setdefault(p.base, sp.Dummy("s"))
        reps[p] = s ** int(p.exp.p)
    flat = expr.xreplace(reps)
    if any(not (a.is_Symbol or a.is_Rational) for a in flat.atoms()) or flat.atoms(sp.Function):
        return False
    gens = sorted(flat.free_symbols | set().union(*(b.free_symbols for b in roots)),
                  key=sp.default_sort_key) + [s for s in roots.values() if s not in flat.free_symbols]
    field = sp.polys.fields.field(gens, sp.QQ)[0]      # exact rational functions over Q
    num = field.from_expr(flat).numer
    for base, s in roots.items():
        if not num:
            break
        b = field.from_expr(base)
        var = field.from_expr(s).numer
        num = num.prem(b.denom * var**2 - b.numer, var)
    return not num


def _radical(arg):
    return sp.sqrt(_factor_cancel(sp.sympify(arg)))


def _roots(p: sp.Poly, var):
    """All roots of a univariate polynomial with symbolic coefficients, with the leading coefficient."""
    deg = p.degree()
    coeffs = [tidy(c) for c in p.all_coeffs()]
    lead = coeffs[0]
    if deg == 1:
        return lead, [tidy(-coeffs[1] / lead)], []
    if deg == 2:
        a, b, c = coeffs
        disc = tidy((b**2 - 4 * a * c) / (4 * a**2))
        centre = tidy(-b / (2 * a))
        if disc == 0:
            return lead, [centre], []
        r = _radical(disc)
        return lead, [centre + r, centre - r], [disc]
    if all(c == 0 for c in coeffs[1:-1]):      # binomial a v^k + c
        base = tidy(-coeffs[-1] / lead)
        k = deg
        roots = [sp.root(base, k) * sp.exp(2 * sp.pi * sp.I * j / k) for j in range(k)]
        return lead, [sp.expand_complex(r) if r.has(sp.I) else r for r in roots], [base]
    found = sp.roots(p, var, multiple=True)
    if len(found) < deg:
        found = sp.solve(p.as_expr(), var)
    if not found:
        raise NotImplementedError(
            f"cannot solve the degree-{deg} polynomial {p.as_expr()} = 0 for {var} in closed form")
    return lead, list(dict.fromkeys(found)), []


def _is_zero(expr) -> bool:
    expr = sp.sympify(expr)
    if expr == 0:
        return True
    if tidy(expr) == 0:
        return True
    return sp.simplify(expr) == 0


def solve_polynomial_system(named_exprs, unknowns, *, real=()):
    """Solve ``expr = 0`` constraints for ``unknowns``; every branch with its conditions.

    Parameters
    ----------
    named_exprs : sequence of (name, expr)
        Constraints ``expr = 0`` (rational functions of the symbols).
    unknowns : sequence of sympy.Symbol or sympy.Expr
        What to solve for; the last one is solved first (lexicographic order).
        An expression such as ``x1 + x2`` is solved for as a whole, its symbols
        being eliminated.
    real : iterable of sympy.Symbol
        Unknowns that must be real: their radicands become ``≥ 0`` conditions and
        branches with a value that is manifestly non-real are dropped.

    Returns
    -------
    list of Branch

    Raises
    ------
    NoSolutionError
        When the constraints are inconsistent for generic parameters; the message
        and the attribute ``conflict`` name a minimal conflicting subset.

    Examples
    --------
    >>> x, y = sp.symbols("x y")
    >>> a = sp.Symbol("a", positive=True)
    >>> bs = solve_polynomial_system([("sum", x + y - a), ("prod", x * y)], [x, y])
    >>> sorted(str(tuple(v for _, v in b.values)) for b in bs)
    ['(0, a)', '(a, 0)']
    """
    unknowns = [sp.sympify(u) for u in unknowns]
    real = set(real)
    polys, nonzero = [], []
    named_polys = []
    for name, e in named_exprs:
        num, dens = clear_denominator(e)
        nonzero += dens
        named_polys.append((name, num))
        polys.append(num)
    sym_unknowns = [u for u in unknowns if u.is_Symbol]
    extra, elim, keys = [], [], []
    targets = []
    for i, u in enumerate(unknowns):
        if u.is_Symbol:
            targets.append(u)
            keys.append(u)
            continue
        d = sp.Dummy(f"u{i}")
        num, dens = clear_denominator(d - u)
        extra.append(num)
        nonzero += dens
        targets.append(d)
        keys.append(u)
        for s in sorted(u.free_symbols - set(sym_unknowns), key=sp.default_sort_key):
            if s not in elim:
                elim.append(s)
    gens = elim + targets
    all_polys = [p for p in polys + extra if p != 0]
    gb = _gb(all_polys, gens) if all_polys else []
    if any(g.is_number and g != 0 for g in gb):
        conflict_gens = elim + sym_unknowns or sorted(
            set().union(*[p.free_symbols for _, p in named_polys]), key=sp.default_sort_key)
        conflict = minimal_conflict([(n, p) for n, p in named_polys if p != 0], conflict_gens)
        err = NoSolutionError(
            "the constraints are inconsistent for generic values of the parameters"
            f" (Groebner basis = [1]); a minimal conflicting subset is: {'; '.join(conflict)}")
        err.conflict = tuple(conflict)
        raise err
    tri = [g for g in gb if not (g.free_symbols & set(elim))]

    branches = []

    def back(level, assign, nz, nn, choices):
        if level < 0:
            branches.append((dict(assign), list(nz), list(nn), tuple(choices)))
            return
        var = targets[level]
        later = set(targets[:level])
        cands = []
        for g in tri:
            fs = g.free_symbols
            if var in fs and not (fs & later):
                h = tidy(g.subs(assign)) if assign else g
                h = sp.expand(sp.fraction(sp.together(h))[0]) if not radicals(h) else sp.expand(h)
                if h != 0:
                    cands.append(h)
        if not cands:
            assign[var] = var           # free: the system does not fix it
            back(level - 1, assign, nz, nn, choices + [f"{keys[level]}: free"])
            del assign[var]
            return
        cands.sort(key=lambda h: (_poly_in(h, var).degree(), sp.count_ops(h)))
        p = _poly_in(cands[0], var)
        if p.degree() == 0:
            return
        lead, roots, radicands = _roots(p, var)
        for j, r in enumerate(roots):
            if any(not _is_zero(c.subs(var, r)) for c in cands[1:]):
                continue
            if var in real or keys[level] in real:
                if r.is_number and r.is_real is False:
                    continue
            assign[var] = r
            label = f"{keys[level]}: root {j + 1} of {len(roots)}" if len(roots) > 1 else ""
            back(level - 1, assign, nz + [lead], nn + ([d for d in radicands] if
                                                        (var in real or keys[level] in real)
                                                        else []),
                 choices + ([label] if label else []))
            del assign[var]

    back(len(targets) - 1, {}, list(nonzero), [], [])

    out = []
    for assign, nz, nn, choices in branches:
        values = []
        for k, t in zip(keys, targets):
            v = assign[t]
            # express later-solved unknowns fully
            for _ in range(len(targets)):
                v2 = v.subs({s: assign[s] for s in targets if s != t and s in assign and assign[s] != s})
                if v2 == v:
                    break
                v = v2
            values.append((k, tidy(v)))
        conds = []
        for e in nz + [sp.fraction(sp.together(v))[1] for _, v in values]:
            e = e.subs({t: assign[t] for t in targets}) if e.free_symbols & set(targets) else e
            for f in nonzero_factors(e):
                if f not in conds:
                    conds.append(f)
        nonneg = []
        for d in nn:
            d = sp.factor(d)
            if d.is_number:
                if d.is_negative:
                    break
                continue
            if d not in nonneg:
                nonneg.append(d)
        else:
            out.append(Branch(tuple(values), tuple(conds), tuple(nonneg), choices))
    return out

