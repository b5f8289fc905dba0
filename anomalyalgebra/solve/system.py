r"""Constraint systems on a model: anomaly conditions, operator invariance, equations.

A :class:`ConstraintSystem` is an immutable list of named constraints ``expr = 0``
built from a :class:`~anomalyalgebra.model.Model`; :meth:`ConstraintSystem.solve`
returns every branch of the closed-form solution as a :class:`Solution` with the
conditions under which it holds.  Nothing here knows which model it is looking at.

Examples
--------
The charges of the seed paper's Table I follow from the anomaly conditions
(25)–(27) and the Yukawa term of Eq. (29):

>>> import anomalyalgebra as aa
>>> m = aa.load_model("anomalon_nplet")
>>> system = (ConstraintSystem(m)
...           .require_anomaly_free(channels=["X SU2L SU2L", "X Y Y", "Y X X"])
...           .require_operator("bar(LL) LR conj(S)"))
>>> sols = system.solve(unknowns=["X_S", "X_LL", "X_LR", "Y_L"])
>>> len(sols)
2
>>> sols[0].values[m.symbol("X_S")]
6*alpha_L/(n*(n - 1)*(n + 1))
"""

from __future__ import annotations


import warnings
from dataclasses import dataclass, field as dc_field

import sympy as sp

from ..anomaly import (DEFAULT_CONVENTION, anomaly_label, anomaly_table, anomaly_trace, canonical_key,
                       channel_labels)
from ..exceptions import ModelError, NoSolutionError
from ..model import Model
from ..operators.operator import Operator
from ..symbolic import remembered
from .algebraic import solve_polynomial_system, tidy

__all__ = ["Constraint", "ConstraintSystem", "Solution"]


@dataclass(frozen=True)
class Constraint:
    """A named constraint ``expr = 0``.

    Attributes
    ----------
    name : str
        What it is, e.g. ``"anomaly SU2L^2 x X"`` or ``"operator bar(LL) LR conj(S) [X]"``.
    expr : sympy.Expr
        The left-hand side of ``expr = 0``.
    origin : {"anomaly", "operator", "equation"}
    """

    name: str
    expr: object
    origin: str = "equation"

    @property
    def equation(self):
        """The constraint as a sympy ``Eq``."""
        return sp.Eq(self.expr, 0)

    def __str__(self) -> str:
        return f"{self.name}: {sp.sstr(self.expr)} = 0"


@dataclass(frozen=True)
class Solution:
    r"""One branch of a closed-form solution.

    Attributes
    ----------
    pairs : tuple of (unknown, value)
        The solved unknowns (symbols or expressions such as ``X_N1 + X_N2``) and their
        values, in the order they were asked for.
    conditions : tuple of sympy relationals
        Where the branch holds: ``Ne(expr, 0)`` for denominators and leading
        coefficients, ``expr >= 0`` for radicands of unknowns declared real.
    choices : tuple of str
        Which root was taken at each step (``"Y_L: root 2 of 2"``).
    constraints : tuple of str
        Names of the constraints the branch solves.
    latex_names : tuple of (symbol name, LaTeX)
        How the model prints its symbols.
    """

    pairs: tuple
    conditions: tuple = ()
    choices: tuple = ()
    constraints: tuple = ()
    latex_names: tuple = dc_field(default=(), compare=False)

    @property
    def values(self) -> dict:
        """``{unknown: value}``."""
        return dict(self.pairs)

    def value_of(self, expr):
        """The value of any expression of the unknowns and parameters on this branch.

        Parameters
        ----------
        expr : sympy expression
            An expression; an expression unknown (``X_N1 + X_N2``) is matched as a whole.

        Returns
        -------
        sympy.Expr
            The value, simplified.

        Examples
        --------
        >>> x, y = sp.symbols("x y")
        >>> Solution(((x, 1), (y, sp.sqrt(2)))).value_of(x + y**2)
        3
        """
        return _value_of(self, sp.sympify(expr))

    def substitute(self, model: Model) -> Model:
        """The model with the solved symbols replaced by their values.

        Parameters
        ----------
        model : Model
            The model the system was built on.

        Returns
        -------
        Model
            ``model.subs(...)`` with every solved symbol that is a symbol of the model.
        """
        mapping = {k: v for k, v in self.pairs if k.is_Symbol and k in model.symbols}
        return model.subs(mapping)

    def holds_at(self, point: dict) -> bool:
        """Whether every condition of the branch holds at numeric parameter values.

        Parameters
        ----------
        point : dict
            ``{symbol: number}``.

        Returns
        -------
        bool
            False as soon as a condition evaluates to false; conditions that stay
            undecided count as holding.
        """
        for c in self.conditions:
            v = c.subs(point)
            if v is sp.false or v is False:
                return False
        return True

    def residuals(self, constraints) -> list:
        """Each constraint's left-hand side on this branch, simplified.

        Parameters
        ----------
        constraints : iterable of Constraint or sympy expression
            The constraints (e.g. ``system.constraints``).

        Returns
        -------
        list of sympy.Expr
            All 0 if the branch solves them.
        """
        out = []
        for c in constraints:
            expr = c.expr if isinstance(c, Constraint) else c
            r = tidy(self.value_of(expr))
            out.append(r if r == 0 else sp.simplify(r))
        return out

    # -------------------------------------------------------------- printing
    def _latex(self, printer=None) -> str:
        lookup = dict(self.latex_names)
        syms = set()
        for k, v in self.pairs:
            syms |= sp.sympify(k).free_symbols | sp.sympify(v).free_symbols
        for c in self.conditions:
            syms |= c.free_symbols
        symbol_names = {s: lookup[s.name] for s in syms if s.name in lookup}
        rows = [sp.latex(k, symbol_names=symbol_names) + " &= " + sp.latex(v, symbol_names=symbol_names)
                for k, v in self.pairs]
        body = r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"
        if self.conditions:
            conds = ", ".join(sp.latex(c, symbol_names=symbol_names) for c in self.conditions)
            body += r" \quad \text{if } " + conds
        return body

    def _repr_latex_(self) -> str:
        return "$" + self._latex() + "$"

    def __str__(self) -> str:
        vals = ", ".join(f"{sp.sstr(k)} = {sp.sstr(v)}" for k, v in self.pairs)
        if self.conditions:
            vals += "  [if " + ", ".join(sp.sstr(c) for c in self.conditions) + "]"
        return vals


@remembered(1024)
def _value_of(solution, expr):
    """:meth:`Solution.value_of` (remembered: a solution and an expression are immutable,
    and simplifying the value is the expensive part of setting up a scan)."""
    for k, v in solution.pairs:
        if not k.is_Symbol and sp.expand(k - expr) == 0:
            return v
    subs = {k: v for k, v in solution.pairs if k.is_Symbol}
    return tidy(expr.subs(subs))


def _channel(model, ch):
    return canonical_key(model, *channel_labels(ch))


@dataclass(frozen=True)
class ConstraintSystem:
    """An immutable set of constraints on a model's symbols; each builder returns a new system.

    Parameters
    ----------
    model : Model
        The model whose symbols (charges, parameters) the constraints involve.
    constraints : tuple of Constraint
        The constraints so far (default none); normally added with the builders
        :meth:`require_anomaly_free`, :meth:`require_operator` and :meth:`add_equation`.

    Examples
    --------
    The charges of the seed paper's Table I (anomaly conditions 25–27 and the Yukawa
    term of Eq. 29):

    >>> import anomalyalgebra as aa
    >>> m = aa.load_model("anomalon_nplet")
    >>> system = (ConstraintSystem(m)
    ...           .require_anomaly_free(channels=["X SU2L SU2L", "X Y Y", "Y X X"])
    ...           .require_operator("bar(LL) LR conj(S)"))
    >>> len(system.constraints)
    4
    >>> sols = system.solve(unknowns=["X_S", "X_LL", "X_LR", "Y_L"])
    >>> sols[0].values[m.symbol("X_S")]
    6*alpha_L/(n*(n - 1)*(n + 1))
    """

    model: Model
    constraints: tuple = ()

    def _plus(self, *cs) -> "ConstraintSystem":
        return ConstraintSystem(self.model, self.constraints + tuple(cs))

    # -------------------------------------------------------------- builders
    def require_anomaly_free(self, channels=None, *, involving=None,
                             convention: str = DEFAULT_CONVENTION) -> "ConstraintSystem":
        """Add ``A_abc = 0`` for the given channels (default: every channel that is not identically 0).

        Parameters
        ----------
        channels : iterable of tuple or str, optional
            ``("X", "SU2L", "SU2L")`` or ``"X SU2L SU2L"``; any label order.
        involving : str, optional
            With ``channels=None``: only channels containing this label.
        convention : {"left", "eq4"}
            Normalisation of the constraint expressions (their zeros do not depend on
            it); see :func:`anomalyalgebra.anomaly.anomaly_trace`.

        Returns
        -------
        ConstraintSystem
            A new system with one ``"anomaly ..."`` constraint per channel.

        Raises
        ------
        ModelError
            If a channel names a label that is not a group of the model.
        """
        m = self.model
        if channels is None:
            keys = [k for k, v in anomaly_table(m, convention=convention).items() if sp.expand(v) != 0
                    and (involving is None or involving in k)]
        else:
            keys = [_channel(m, c) for c in channels]
        out = []
        for k in keys:
            out.append(Constraint(f"anomaly {anomaly_label(m, k)}", anomaly_trace(m, *k, convention=convention),
                                  "anomaly"))
        return self._plus(*out)

    def require_operator(self, operator) -> "ConstraintSystem":
        """Require an operator to be invariant under every group factor.

        U(1) factors give linear equations in the charges; a Z_N factor or a simple
        factor whose invariance is already decided adds nothing when satisfied and an
        impossible constraint ``1 = 0`` (named after the factor) when violated.  When
        the invariance under a factor depends on symbolic representations nothing is
        imposed for it and a ``UserWarning`` says so.

        Parameters
        ----------
        operator : str or Operator
            E.g. ``"bar(LL) LR conj(S)"``.

        Returns
        -------
        ConstraintSystem
            A new system with the operator's constraints added.

        Raises
        ------
        ModelError
            If the operator text does not parse or names an unknown field.
        """
        op = operator if isinstance(operator, Operator) else Operator.parse(operator)
        out = []
        for c in op.conditions(self.model):
            name = f"operator {op} [{c.label}]"
            if c.kind == "u1":
                if sp.expand(c.expr) != 0:
                    out.append(Constraint(name, c.expr, "operator"))
                continue
            verdict = c.satisfied
            if verdict is False:
                what = (f"charge {c.expr} mod {c.modulus}" if c.kind == "zn" else "no singlet")
                out.append(Constraint(f"{name} ({what})", sp.Integer(1), "operator"))
            elif verdict is None:
                warnings.warn(f"{name}: invariance depends on symbolic representations and"
                              " is not imposed", stacklevel=2)
        return self._plus(*out)

    def add_equation(self, equation, name: str | None = None) -> "ConstraintSystem":
        """Add a user equation.

        Parameters
        ----------
        equation : sympy.Eq or sympy expression
            ``Eq(lhs, rhs)`` or an expression meaning ``expr = 0``; build it from
            ``model.symbol(...)``.
        name : str, optional
            Name of the constraint (default ``"equation <expr> = 0"``).

        Returns
        -------
        ConstraintSystem
            A new system with the equation added.

        Raises
        ------
        ModelError
            If ``equation`` is a string (text is never parsed here).
        """
        eq = equation
        if isinstance(eq, sp.Equality):
            expr = eq.lhs - eq.rhs
        elif isinstance(eq, str):
            raise ModelError("add_equation takes a sympy expression or Eq, not text"
                             " (build it from model.symbol(...))")
        else:
            expr = sp.sympify(eq)
        return self._plus(Constraint(name or f"equation {sp.sstr(expr)} = 0", expr, "equation"))

    def only(self, *names) -> "ConstraintSystem":
        """A system keeping only the named constraints.

        Parameters
        ----------
        *names : str
            Names as in :attr:`Constraint.name`.

        Returns
        -------
        ConstraintSystem
            The constraints whose names are listed, in their original order.

        Raises
        ------
        ModelError
            If a name matches no constraint.
        """
        have = {c.name for c in self.constraints}
        for n in names:
            if n not in have:
                raise ModelError(f"no constraint named {n!r} (have: {sorted(have)})")
        return ConstraintSystem(self.model, tuple(c for c in self.constraints if c.name in names))

    # -------------------------------------------------------------- solving
    def _unknown(self, u):
        if isinstance(u, str):
            return self.model.symbol(u)
        return sp.sympify(u)

    def solve(self, unknowns) -> tuple:
        """Every branch of the closed-form solution for ``unknowns``.

        Parameters
        ----------
        unknowns : sequence of str, sympy.Symbol or sympy.Expr
            Symbol names, symbols, or expressions (``X_N1 + X_N2``) to solve for.
            Every other symbol is a parameter.  The last unknown is solved first
            (lexicographic elimination order), so put last the one you want
            expressed as a root.

        Returns
        -------
        tuple of Solution
            Each branch checked by substitution into every constraint.

        Raises
        ------
        NoSolutionError
            Inconsistent constraints; the message names a minimal conflicting subset
            (also in the error's ``conflict`` attribute).
        """
        us = [self._unknown(u) for u in unknowns]
        if not self.constraints:
            raise NoSolutionError("the constraint system is empty: nothing to solve")
        real = {u for u in us if u.is_Symbol and u.is_real}
        # expression unknowns are real when all their symbols are
        real |= {u for u in us if not u.is_Symbol and all(s.is_real for s in u.free_symbols)}
        unknown_symbols = set().union(*(sp.sympify(u).free_symbols for u in us))
        for c in self.constraints:
            expr = sp.sympify(c.expr)
            if expr.free_symbols and not (expr.free_symbols & unknown_symbols) and sp.expand(expr) != 0:
                raise NoSolutionError(
                    f"constraint '{c.name}' ({expr} = 0) involves none of the unknowns"
                    f" {[str(u) for u in us]}: it restricts the parameters, and the system is"
                    " solved for generic parameters. Substitute it into the model first"
                    " (model.subs(...)) or add one of its symbols to the unknowns")
        named = [(c.name, c.expr) for c in self.constraints]
        branches = solve_polynomial_system(named, us, real=real)
        if not branches:
            raise NoSolutionError(
                "no branch survives (every root is non-real or contradicts a constraint);"
                f" constraints: {'; '.join(c.name for c in self.constraints)}")
        names = tuple(c.name for c in self.constraints)
        sols = []
        for b in branches:
            conds = tuple(sp.Ne(e, 0) for e in b.nonzero) + tuple(sp.Ge(e, 0) for e in b.nonnegative)
            sol = Solution(b.values, conds, b.choices, names, self.model.symbol_latex)
            if all(k.is_Symbol for k in sol.values):
                bad = [c.name for c, r in zip(self.constraints, sol.residuals(self.constraints))
                       if r != 0]
                if bad:
                    raise AssertionError(f"branch {b.choices} fails to solve {bad}: solver bug")
            sols.append(sol)
        return tuple(sols)

    def __str__(self) -> str:
        return "\n".join(str(c) for c in self.constraints)

    def _repr_latex_(self) -> str:
        lookup = dict(self.model.symbol_latex)
        rows = []
        for c in self.constraints:
            names = {s: lookup[s.name] for s in sp.sympify(c.expr).free_symbols if s.name in lookup}
            rows.append(r"\text{%s}: &\ " % c.name.replace("_", r"\_").replace("^", r"\^{}")
                        + sp.latex(c.expr, symbol_names=names) + " = 0")
        return "$\\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}$"
