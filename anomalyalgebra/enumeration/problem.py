"""The abstract integer enumeration problem solved by the engine.

A :class:`Problem` knows nothing about fields or gauge groups.  It describes
integer unknowns collected into *groups* of interchangeable unknowns, each group
with a finite set of allowed values, and three kinds of constraints:

* *separable* conditions (:class:`Condition`): ``const + sum_g sum_{i in g} p_g(q_i) = 0``
  with one integer polynomial ``p_g`` per group.  Every anomaly condition of a single
  unknown U(1)' with the other charges fixed has this form, and so does every
  linear equation;
* *extra* polynomial equations (:class:`Polynomial`) with arbitrary monomials, which
  are checked on the candidates that pass the separable conditions;
* *vector-like pairs*: pairs of unknowns whose charges must not cancel.

All coefficients are Python integers (rational conditions are scaled by the
common denominator, see :meth:`Condition.from_rationals`), so every answer is exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import comb, lcm

__all__ = ["Group", "Condition", "Polynomial", "Problem", "symmetric_range"]


def symmetric_range(q_max: int, *, nonzero: bool = False) -> tuple:
    """The integers ``-q_max .. q_max`` as a tuple (without 0 if *nonzero*).

    Parameters
    ----------
    q_max : int
        Non-negative bound.
    nonzero : bool, optional
        Leave out 0.

    Returns
    -------
    tuple of int
        Ascending.

    Raises
    ------
    TypeError
        If ``q_max`` is not an integer.
    ValueError
        If ``q_max < 0``.

    Examples
    --------
    >>> symmetric_range(2, nonzero=True)
    (-2, -1, 1, 2)
    """
    q_max = _as_int(q_max, "q_max")
    if q_max < 0:
        raise ValueError(f"q_max must be >= 0, got {q_max}")
    return tuple(v for v in range(-q_max, q_max + 1) if not (nonzero and v == 0))


def _as_int(value, what: str) -> int:
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError(f"{what} must be an integer, got {value!r}")
    return int(value.__index__())


@dataclass(frozen=True)
class Group:
    """``size`` interchangeable integer unknowns that take values in ``values``.

    The unknowns of a group are enumerated as a multiset (sorted tuple), so a
    group of size n is n unknowns related by a permutation symmetry of every
    constraint.

    Parameters
    ----------
    name : str
        Used in error messages and output column names.
    size : int
        Number of unknowns in the group (>= 1).
    values : tuple of int
        Allowed values; stored sorted and without repetitions.

    Examples
    --------
    >>> Group("N", 3, (2, -1, 0, -1)).values
    (-1, 0, 2)
    """

    name: str
    size: int
    values: tuple

    def __post_init__(self):
        size = _as_int(self.size, f"group '{self.name}': size")
        if size < 1:
            raise ValueError(f"group '{self.name}': size must be >= 1, got {size}")
        values = tuple(sorted({_as_int(v, f"group '{self.name}': value") for v in self.values}))
        if not values:
            raise ValueError(f"group '{self.name}': needs at least one allowed value")
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "values", values)

    @property
    def multisets(self) -> int:
        """Number of multisets of ``size`` values, i.e. the group's search space."""
        return comb(len(self.values) + self.size - 1, self.size)


def _poly_tuple(coeffs, what: str) -> tuple:
    coeffs = [_as_int(c, what) for c in coeffs]
    while coeffs and coeffs[-1] == 0:
        coeffs.pop()
    return tuple(coeffs)


@dataclass(frozen=True)
class Condition:
    """A separable equation ``constant + sum_g sum_{i in g} p_g(q_i) = 0``.

    Parameters
    ----------
    name : str
        Label used in reports (e.g. ``"U1'^3"``).
    constant : int
        The part that does not depend on the unknowns.
    terms : tuple of tuple of int
        One coefficient tuple ``(c_0, c_1, ..., c_d)`` per group: a member with
        value q contributes ``c_0 + c_1 q + ... + c_d q^d``.

    Examples
    --------
    >>> c = Condition("cubic", 0, ((0, 0, 0, 1),))
    >>> c.evaluate(((1, 5, -7, -8, 9),))
    0
    """

    name: str
    constant: int
    terms: tuple

    def __post_init__(self):
        object.__setattr__(self, "constant", _as_int(self.constant, f"condition '{self.name}'"))
        object.__setattr__(
            self,
            "terms",
            tuple(_poly_tuple(t, f"condition '{self.name}': coefficient") for t in self.terms),
        )

    @classmethod
    def from_rationals(cls, name: str, constant, terms) -> "Condition":
        """Build a condition from rational coefficients, scaled to coprime integers.

        Parameters
        ----------
        name : str
            Label of the condition.
        constant : int, str or Fraction
            The constant part (parsed with ``fractions.Fraction(str(constant))``).
        terms : iterable of iterable
            One coefficient sequence per group, rational entries.

        Returns
        -------
        Condition
            All coefficients multiplied by the least common denominator.

        Examples
        --------
        >>> Condition.from_rationals("lin", "1/2", [(0, "1/3"), (0, 1)])
        Condition(name='lin', constant=3, terms=((0, 2), (0, 6)))
        """
        constant = Fraction(str(constant))
        terms = [[Fraction(str(c)) for c in t] for t in terms]
        den = lcm(constant.denominator, *(c.denominator for t in terms for c in t))
        return cls(name, int(constant * den), tuple(tuple(int(c * den) for c in t) for t in terms))

    def member_value(self, group_index: int, q: int) -> int:
        """Contribution of one member of group *group_index* with value *q*.

        Parameters
        ----------
        group_index : int
            Index of the group.
        q : int
            The member's value.

        Returns
        -------
        int
            ``c_0 + c_1 q + ... + c_d q^d`` with that group's coefficients.
        """
        return sum(c * q**k for k, c in enumerate(self.terms[group_index]))

    def evaluate(self, solution) -> int:
        """Exact value of the left-hand side for a solution.

        Parameters
        ----------
        solution : tuple of tuple of int
            One tuple of values per group.

        Returns
        -------
        int
            ``constant + Σ_g Σ_{i in g} p_g(q_i)``; zero for a solution.
        """
        return self.constant + sum(
            self.member_value(g, q) for g, qs in enumerate(solution) for q in qs
        )

    def parity(self):
        """+1 if even in all unknowns, -1 if odd, None if neither (or a non-zero constant)."""
        if self.constant != 0:
            return None
        powers = {k for t in self.terms for k, c in enumerate(t) if c}
        if not powers:
            return 1
        parities = {k % 2 for k in powers}
        if len(parities) != 1:
            return None
        return -1 if parities == {1} else 1


@dataclass(frozen=True)
class Polynomial:
    """A general integer polynomial equation ``sum_t c_t prod_v q_v^e = 0``.

    Parameters
    ----------
    name : str
        Label used in reports.
    terms : tuple
        ``((coefficient, ((variable, exponent), ...)), ...)`` where *variable* is the
        position of an unknown in the flattened order (group 0 members first).

    Examples
    --------
    >>> p = Polynomial("q0*q1 = 2", ((1, ((0, 1), (1, 1))), (-2, ())))
    >>> p.evaluate((1, 2))
    0
    """

    name: str
    terms: tuple

    def __post_init__(self):
        clean = []
        for coeff, mono in self.terms:
            coeff = _as_int(coeff, f"polynomial '{self.name}': coefficient")
            powers: dict = {}
            for var, exp in mono:
                var = _as_int(var, f"polynomial '{self.name}': variable")
                exp = _as_int(exp, f"polynomial '{self.name}': exponent")
                if exp < 0 or var < 0:
                    raise ValueError(f"polynomial '{self.name}': bad monomial {mono!r}")
                if exp:
                    powers[var] = powers.get(var, 0) + exp
            if coeff:
                clean.append((coeff, tuple(sorted(powers.items()))))
        merged: dict = {}
        for coeff, mono in clean:
            merged[mono] = merged.get(mono, 0) + coeff
        object.__setattr__(
            self, "terms", tuple(sorted((c, m) for m, c in merged.items() if c))
        )

    def evaluate(self, flat) -> int:
        """Exact value of the polynomial for a flattened solution.

        Parameters
        ----------
        flat : sequence of int
            The values of all unknowns in flattened order.

        Returns
        -------
        int
            ``Σ_t c_t Π_v q_v^e``.
        """
        total = 0
        for coeff, mono in self.terms:
            term = coeff
            for var, exp in mono:
                term *= flat[var] ** exp
            total += term
        return total

    def variables(self) -> set:
        """Positions of the unknowns that occur."""
        return {var for _, mono in self.terms for var, _ in mono}

    def permuted(self, perm) -> "Polynomial":
        """The same polynomial with variable ``v`` renamed to ``perm[v]``.

        Parameters
        ----------
        perm : sequence of int or mapping
            New position of each variable.

        Returns
        -------
        Polynomial
            The renamed polynomial (same name).
        """
        return Polynomial(
            self.name, tuple((c, tuple((perm[v], e) for v, e in m)) for c, m in self.terms)
        )

    def parity(self):
        """+1 if every monomial has even degree, -1 if all odd, None otherwise."""
        degrees = {sum(e for _, e in m) % 2 for _, m in self.terms}
        if not degrees:
            return 1
        if len(degrees) != 1:
            return None
        return -1 if degrees == {1} else 1


@dataclass(frozen=True)
class Problem:
    """A finite integer enumeration problem (see the module docstring).

    Parameters
    ----------
    groups : tuple of Group
        The unknowns; a solution is one sorted tuple per group.
    conditions : tuple of Condition
        Separable equations, each with one coefficient tuple per group.
    extra : tuple of Polynomial
        Non-separable equations on the flattened unknowns.  They must be invariant
        under permutations inside each group (checked).  They are only tested on
        candidates that satisfy all separable conditions, so a problem whose main
        constraints are non-separable is enumerated close to brute force.
    vectorlike : tuple of (g, h, s)
        Forbid ``q_i + s * q_j == 0`` for a member i of group g and a member j of
        group h (i != j).  ``(g, g, 1)`` forbids opposite charges inside a group.
    primitive : bool
        Keep only solutions whose values have greatest common divisor 1.
    sign_reduce : bool
        Report a solution and its negative once (requires every constraint to be
        odd or even and every value set to be symmetric; checked).

    Examples
    --------
    >>> p = Problem((Group("z", 3, (-2, -1, 1, 2)),),
    ...             (Condition("sum", 0, ((0, 1),)),))
    >>> p.n_unknowns
    3
    """

    groups: tuple
    conditions: tuple = ()
    extra: tuple = ()
    vectorlike: tuple = ()
    primitive: bool = False
    sign_reduce: bool = False

    def __post_init__(self):
        groups = tuple(self.groups)
        if not groups or not all(isinstance(g, Group) for g in groups):
            raise TypeError("groups must be a non-empty sequence of Group")
        conditions = tuple(self.conditions)
        for c in conditions:
            if not isinstance(c, Condition):
                raise TypeError(f"conditions must be Condition records, got {c!r}")
            if len(c.terms) != len(groups):
                raise ValueError(
                    f"condition '{c.name}' has {len(c.terms)} coefficient tuples,"
                    f" expected one per group ({len(groups)})"
                )
        extra = tuple(self.extra)
        n = sum(g.size for g in groups)
        for p in extra:
            if not isinstance(p, Polynomial):
                raise TypeError(f"extra equations must be Polynomial records, got {p!r}")
            if p.variables() and max(p.variables()) >= n:
                raise ValueError(f"polynomial '{p.name}' uses an unknown beyond the {n} declared")
        vectorlike = tuple(
            (_as_int(g, "vectorlike"), _as_int(h, "vectorlike"), _as_int(s, "vectorlike"))
            for g, h, s in self.vectorlike
        )
        for g, h, s in vectorlike:
            if not (0 <= g < len(groups) and 0 <= h < len(groups)) or s not in (1, -1):
                raise ValueError(f"vectorlike entry {(g, h, s)!r} is not (group, group, +-1)")
        object.__setattr__(self, "groups", groups)
        object.__setattr__(self, "conditions", conditions)
        object.__setattr__(self, "extra", extra)
        object.__setattr__(self, "vectorlike", vectorlike)
        object.__setattr__(self, "primitive", bool(self.primitive))
        object.__setattr__(self, "sign_reduce", bool(self.sign_reduce))
        self._check_group_symmetry()
        if self.sign_reduce:
            self._check_sign_symmetry()

    # -- derived data -------------------------------------------------------------
    @property
    def n_unknowns(self) -> int:
        """Total number of integer unknowns."""
        return sum(g.size for g in self.groups)

    @property
    def offsets(self) -> tuple:
        """Position of each group's first member in the flattened order."""
        out, pos = [], 0
        for g in self.groups:
            out.append(pos)
            pos += g.size
        return tuple(out)

    def search_space(self) -> int:
        """Number of candidate points after the permutation reduction."""
        total = 1
        for g in self.groups:
            total *= g.multisets
        return total

    def is_solution(self, solution) -> bool:
        """Check every constraint exactly (used by the tests and as a last guard).

        Parameters
        ----------
        solution : sequence of sequence of int
            One sequence of values per group.

        Returns
        -------
        bool
            True when the sizes and value sets match and every condition, extra
            equation, vector-like exclusion and (if asked) primitivity holds.
        """
        solution = tuple(tuple(s) for s in solution)
        flat = tuple(q for s in solution for q in s)
        if len(solution) != len(self.groups):
            return False
        for g, s in zip(self.groups, solution):
            if len(s) != g.size or any(q not in g.values for q in s):
                return False
        if any(c.evaluate(solution) != 0 for c in self.conditions):
            return False
        if any(p.evaluate(flat) != 0 for p in self.extra):
            return False
        offs = self.offsets
        for g, h, sgn in self.vectorlike:
            for i in range(self.groups[g].size):
                for j in range(self.groups[h].size):
                    if (g, i) != (h, j) and flat[offs[g] + i] + sgn * flat[offs[h] + j] == 0:
                        return False
        if self.primitive:
            from math import gcd

            if gcd(*flat) != 1:
                return False
        return True

    # -- validation ---------------------------------------------------------------
    def _check_group_symmetry(self):
        offs = self.offsets
        n = self.n_unknowns
        for gi, g in enumerate(self.groups):
            if g.size < 2:
                continue
            for a, b in ((0, 1), (0, g.size - 1)) if g.size > 2 else ((0, 1),):
                # adjacent transposition and the n-cycle generate S_n
                perm = list(range(n))
                if (a, b) == (0, 1):
                    perm[offs[gi]], perm[offs[gi] + 1] = perm[offs[gi] + 1], perm[offs[gi]]
                else:
                    block = list(range(offs[gi], offs[gi] + g.size))
                    for k, v in enumerate(block):
                        perm[v] = block[(k + 1) % g.size]
                for p in self.extra:
                    if p.permuted(perm) != p:
                        raise ValueError(
                            f"extra equation '{p.name}' is not symmetric under permutations"
                            f" of group '{g.name}': split the group into single unknowns"
                        )

    def _check_sign_symmetry(self):
        for g in self.groups:
            if set(g.values) != {-v for v in g.values}:
                raise ValueError(
                    f"sign_reduce needs symmetric value sets; group '{g.name}' is not"
                )
        for c in self.conditions:
            if c.parity() is None:
                raise ValueError(
                    f"sign_reduce: condition '{c.name}' is neither odd nor even in the unknowns"
                )
        for p in self.extra:
            if p.parity() is None:
                raise ValueError(
                    f"sign_reduce: equation '{p.name}' is neither odd nor even in the unknowns"
                )
