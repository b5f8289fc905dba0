r"""Exact evaluation of closed-form solutions at rational points (for scans).

:func:`compile_exact` turns a sympy expression built from rationals, parameters, the
four arithmetic operations, integer powers and square roots into a fast Python
function (via :func:`sympy.lambdify` with a custom printer) that evaluates it in
*exact* arithmetic: rationals are :class:`fractions.Fraction`, and a square root is
kept as a :class:`Surd`, a sum ``Σ c_i sqrt(r_i)`` with rational ``c_i, r_i``.  Two
radicals are merged when the ratio of their radicands is a perfect square (tested
with :func:`math.isqrt`); square roots of rationals whose ratios are not squares
are linearly independent over Q, so a surd is rational exactly when only the
``r = 1`` term survives.  No factorisation and no floating point is involved in
the rationality verdict.

Examples
--------
>>> from fractions import Fraction
>>> x, y = sp.symbols("x y")
>>> f = compile_exact((x, y), sp.sqrt(3) * sp.sqrt(x) * sp.sqrt(y) / 6)
>>> as_value(f(Fraction(3, 2), 2))
Fraction(1, 2)
>>> as_value(f(2, 2))
0.5773502691896257
"""

from __future__ import annotations

import math
from fractions import Fraction

import sympy as sp
from sympy.printing.pycode import PythonCodePrinter

__all__ = ["Surd", "NonReal", "compile_exact", "as_value", "is_rational_value", "exact_sqrt",
           "merge_radicals"]


class NonReal(ArithmeticError):
    """The square root of a negative number was taken."""


_ONE = Fraction(1)


def _is_square(q: Fraction):
    a, b = q.numerator, q.denominator
    if a < 0:
        return None
    ra, rb = math.isqrt(a), math.isqrt(b)
    if ra * ra == a and rb * rb == b:
        return Fraction(ra, rb)
    return None


class Surd:
    """An exact number ``Σ c_i sqrt(r_i)`` (rational ``c_i``, positive rational ``r_i``).

    Terms whose radicands differ by a rational square factor are merged, so the
    number is rational iff it has no term with ``r ≠ 1``.  Supports ``+ - * /`` with
    ints, Fractions and Surds, and integer powers; division by a sum of more than
    two radicals raises ``ArithmeticError``.

    Parameters
    ----------
    terms : list of [Fraction, Fraction]
        ``[radicand, coefficient]`` pairs, already merged, the radicand 1 first;
        build values with :meth:`of` and :func:`exact_sqrt` rather than by hand.

    Examples
    --------
    >>> r = exact_sqrt(2) * exact_sqrt(8)
    >>> r.rational() if isinstance(r, Surd) else r
    Fraction(4, 1)
    >>> (exact_sqrt(2) + 1).rational() is None
    True
    """

    __slots__ = ("terms",)

    def __init__(self, terms):
        self.terms = terms            # list of [radicand, coefficient], radicand 1 first

    @staticmethod
    def of(x):
        """A number as a :class:`Surd`.

        Parameters
        ----------
        x : Surd, Fraction or int
            The value; a Surd is returned unchanged.

        Returns
        -------
        Surd
            With one rational term (none for 0).
        """
        if isinstance(x, Surd):
            return x
        if not isinstance(x, Fraction):
            x = Fraction(x)
        return Surd([[_ONE, x]] if x else [])

    def _add_term(self, terms, r, c):
        if not c:
            return
        for t in terms:
            if t[0] == r:
                t[1] += c
                return
            s = _is_square(r / t[0])
            if s is not None:
                t[1] += c * s
                return
        terms.append([r, c])

    def __add__(self, other):
        other = Surd.of(other)
        terms = [list(t) for t in self.terms]
        for r, c in other.terms:
            self._add_term(terms, r, c)
        return Surd([t for t in terms if t[1]])

    __radd__ = __add__

    def __neg__(self):
        return Surd([[r, -c] for r, c in self.terms])

    def __sub__(self, other):
        return self + (-Surd.of(other))

    def __rsub__(self, other):
        return Surd.of(other) + (-self)

    def __mul__(self, other):
        if not isinstance(other, Surd):
            if not other:
                return Surd([])
            return Surd([[r, c * other] for r, c in self.terms])
        out = Surd([])
        terms = []
        for r1, c1 in self.terms:
            for r2, c2 in other.terms:
                r = r2 if r1 == 1 else r1 if r2 == 1 else r1 * r2
                s = _is_square(r)
                if s is not None:
                    out._add_term(terms, _ONE, c1 * c2 * s)
                else:
                    out._add_term(terms, r, c1 * c2)
        return Surd([t for t in terms if t[1]])

    __rmul__ = __mul__

    def inverse(self):
        """``1/self``, exact (rationalised for up to two radicals).

        Raises ``ZeroDivisionError`` for zero and ``ArithmeticError`` for a sum of more
        than two radicals.
        """
        if not self.terms:
            raise ZeroDivisionError("division by an exact zero")
        if len(self.terms) == 1:
            r, c = self.terms[0]
            return Surd([[r, 1 / (c * r)]]) if r != 1 else Surd([[r, 1 / c]])
        if len(self.terms) == 2:            # (a + b)(a - b) = a^2 - b^2 is rational
            a = Surd([self.terms[0]])
            b = Surd([self.terms[1]])
            conj = a - b
            return conj * (a * a - b * b).inverse()
        raise _Unsupported("division by a sum of more than two radicals")

    def __truediv__(self, other):
        return self * Surd.of(other).inverse()

    def __rtruediv__(self, other):
        return Surd.of(other) * self.inverse()

    def __pow__(self, k):
        if not isinstance(k, int):
            raise _Unsupported(f"power {k}")
        if k < 0:
            return self.inverse() ** (-k)
        out = Surd.of(1)
        for _ in range(k):
            out = out * self
        return out

    def rational(self):
        """The value as a Fraction, or ``None`` if it is irrational."""
        if not self.terms:
            return Fraction(0)
        if len(self.terms) == 1 and self.terms[0][0] == 1:
            return self.terms[0][1]
        return None

    def __float__(self):
        return float(sum(float(c) * math.sqrt(float(r)) for r, c in self.terms))

    def sign(self) -> int:
        """-1, 0 or 1: exact for a rational value, from the float value otherwise."""
        v = self.rational()
        if v is not None:
            return (v > 0) - (v < 0)
        f = float(self)
        return (f > 0) - (f < 0)

    def __repr__(self) -> str:
        return "Surd(" + " + ".join(f"{c}*sqrt({r})" for r, c in self.terms) + ")"


class _Unsupported(ArithmeticError):
    pass


def exact_sqrt(x):
    """Exact square root of a rational (or rational-valued :class:`Surd`).

    Parameters
    ----------
    x : int, Fraction or Surd
        A non-negative rational value.

    Returns
    -------
    Fraction or Surd
        A Fraction when the root is rational, else a one-term Surd.

    Raises
    ------
    NonReal
        If ``x < 0``.
    ArithmeticError
        If ``x`` is an irrational Surd (a nested square root).

    Examples
    --------
    >>> exact_sqrt(Fraction(9, 4))
    Fraction(3, 2)
    >>> exact_sqrt(2)
    Surd(1*sqrt(2))
    """
    if isinstance(x, Surd):
        q = x.rational()
        if q is None:
            raise _Unsupported("nested square root")
    else:
        q = Fraction(x)
    if q < 0:
        raise NonReal(f"sqrt({q})")
    s = _is_square(q)
    if s is not None:
        return s
    return Surd([[q, Fraction(1)]])


def _exact_pow(base, p, q):
    if q == 1:
        return Surd.of(base) ** p
    if q == 2:
        return exact_sqrt(base) ** p
    raise _Unsupported(f"root of order {q}")


class _ExactPrinter(PythonCodePrinter):
    constants: dict = {}

    def _print_Rational(self, expr):
        name = self.constants.get(expr)
        return name if name is not None else f"_F({expr.p}, {expr.q})"

    def _print_Integer(self, expr):
        return str(expr.p)      # ints mix exactly with Fraction/Surd; '/' is never printed

    def _print_Half(self, expr):
        return "_F(1, 2)"

    def _print_Pow(self, expr, rational=False):
        b, e = expr.base, expr.exp
        if e.is_Integer and int(e) > 0:
            return f"(({self._print(b)})**{int(e)})"
        if e.is_Integer:
            return f"_negpow({self._print(b)}, {-int(e)})"
        if e.is_Rational:
            return f"_pow({self._print(b)}, {e.p}, {e.q})"
        raise _Unsupported(f"non-rational power {expr}")

    def _print_Symbol(self, expr):
        return super()._print_Symbol(expr)


def _negative_pow(base, k):
    """``base ** -k`` (``k > 0``): a Fraction for a rational base (``ZeroDivisionError``
    at 0, as for a Surd), a :class:`Surd` otherwise."""
    if isinstance(base, (int, Fraction)):
        return Fraction(base) ** -k
    return Surd.of(base) ** (-k)


_NAMESPACE = {"_F": Fraction, "_S": Surd.of, "_pow": _exact_pow, "_negpow": _negative_pow}


def compile_exact(args, expr, *, cse=False):
    """A function of ``args`` evaluating ``expr`` exactly.

    Parameters
    ----------
    args : sequence of sympy.Symbol
        The arguments of the compiled function, in order.
    expr : sympy expression or tuple of them
        Built from rationals, the arguments, ``+ - * /``, integer powers and square
        roots; a tuple gives a function returning a tuple.
    cse : bool, optional
        Share common subexpressions (e.g. a radical used by several values).

    Returns
    -------
    callable
        ``f(*values)`` taking ints, Fractions or Surds and returning a
        :class:`Surd` or Fraction (or a tuple of them).  When called it raises
        :class:`NonReal` on the square root of a negative number and
        ``ZeroDivisionError`` on division by zero.

    Raises
    ------
    ArithmeticError
        If ``expr`` has a non-rational power (raised while compiling).

    Examples
    --------
    >>> x = sp.Symbol("x")
    >>> compile_exact((x,), sp.sqrt(x) / 2)(Fraction(9))
    Fraction(3, 2)
    """
    if isinstance(expr, (tuple, list)):
        expr = tuple(merge_radicals(e) for e in expr)
        atoms = set().union(*[e.atoms(sp.Rational) for e in expr]) if expr else set()
    else:
        expr = merge_radicals(expr)
        atoms = expr.atoms(sp.Rational)
    # rational constants are built once, not at every call
    constants = {r: f"_q{i}" for i, r in enumerate(sorted((a for a in atoms if not a.is_Integer),
                                                           key=sp.default_sort_key))}
    namespace = dict(_NAMESPACE)
    namespace.update({name: Fraction(int(r.p), int(r.q)) for r, name in constants.items()})
    printer = type("_Printer", (_ExactPrinter,), {"constants": constants})
    fn = sp.lambdify(args, expr, modules=[namespace], printer=printer, cse=cse)

    def exact(*values):
        return fn(*[v if isinstance(v, (Surd, Fraction)) else Fraction(v) for v in values])

    exact.__doc__ = fn.__doc__
    return exact


def merge_radicals(expr):
    """Merge ``sqrt(a)*sqrt(b)*…`` into one ``sqrt(a*b*…)`` where that is an identity.

    The identity holds when all factors but at most one are known (from the
    symbols' assumptions) to be non-negative.  The merged power is left
    unevaluated so that sympy does not split it again.

    Parameters
    ----------
    expr : sympy expression
        Any expression; products are rewritten recursively.

    Returns
    -------
    sympy.Expr
        The expression with the mergeable square roots merged.
    """
    expr = sp.sympify(expr)
    if not expr.args:
        return expr
    args = [merge_radicals(a) for a in expr.args]
    if not isinstance(expr, sp.Mul):
        return expr.func(*args) if args != list(expr.args) else expr
    roots = [a for a in args if isinstance(a, sp.Pow) and a.exp == sp.S.Half]
    if len(roots) < 2:
        return expr.func(*args)
    unknown_sign = [r for r in roots if not r.base.is_nonnegative]
    if len(unknown_sign) > 1:
        return expr.func(*args)
    rest = [a for a in args if a not in roots]
    merged = sp.Pow(sp.Mul(*[r.base for r in roots], evaluate=False), sp.S.Half, evaluate=False)
    return sp.Mul(*rest, merged, evaluate=False)


def as_value(x):
    """A scan value: a :class:`Surd` or number as a Fraction when rational, else a float.

    Parameters
    ----------
    x : Surd, Fraction, int or other
        The value; other types are returned unchanged.

    Returns
    -------
    Fraction or float
        Exact when rational.

    Examples
    --------
    >>> as_value(Surd.of(Fraction(1, 2))), as_value(3)
    (Fraction(1, 2), Fraction(3, 1))
    """
    if isinstance(x, Surd):
        q = x.rational()
        return q if q is not None else float(x)
    if isinstance(x, Fraction):
        return x
    if isinstance(x, int):
        return Fraction(x)
    return x


def is_rational_value(x) -> bool:
    """Whether a scan value is an exact rational (int or Fraction, not bool).

    Parameters
    ----------
    x : object
        The value.

    Returns
    -------
    bool
        True for ints and Fractions.
    """
    return isinstance(x, (int, Fraction)) and not isinstance(x, bool)
