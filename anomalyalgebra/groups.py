"""Gauge and discrete group factors of a model: simple Lie groups, U(1) and Z_N.

A model is a product of *factors*.  Each factor knows how to read the text that names
a field's representation under it (``"3bar"``, ``"(1,0)"``, ``"-1/2"``, ``"+"``) and
how to answer the few questions the anomaly code asks: the dimension of a
representation, its Dynkin index, its cubic anomaly coefficient and its conjugate.

* :class:`SimpleFactor` wraps a simple Lie algebra from :mod:`anomalyalgebra.algebra`;
  for SU(2) a representation may also be given by a *symbolic* dimension such as
  ``"n"`` (Table I of the seed paper).
* :class:`U1` carries an exact or symbolic charge (a sympy expression).
* :class:`ZN` carries an integer charge modulo N.  For Z(2) the signs ``"+"`` and
  ``"-"`` of the seed paper's Table III are accepted and mean 0 and 1.

Every factor is *gauged* (the default) or *global* (``gauged=False``): a global factor
is a symmetry the model builder imposes or finds (a Peccei–Quinn U(1), a flavour group,
a Z(N) parity).  Its anomalies are not inconsistencies but physics (instanton breaking,
't Hooft anomalies); see :mod:`anomalyalgebra.consistency` and
:mod:`anomalyalgebra.global_symmetries`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

import sympy as sp

from . import algebra as _alg
from .exceptions import (
    ExpressionError,
    GroupError,
    InconsistentChargesError,
    UnknownRepresentationError,
)
from .expr import expression_to_text, parse_expression
from .limits import check_limit, int_digits

__all__ = ["GroupFactor", "SimpleFactor", "U1", "ZN", "parse_group"]


class GroupFactor:
    """Common interface of the factors; see the subclasses.

    Every factor has the dataclass field ``gauged`` (keyword, default ``True``).
    """

    kind: str = ""
    gauged: bool = True

    def _check_gauged(self):
        if not isinstance(self.gauged, bool):
            raise GroupError(f"{self.name}: 'gauged' must be a boolean (True or False),"
                             f" got {self.gauged!r}")

    def __repr__(self) -> str:
        # the field list of the dataclass, leaving out gauged=True (the default)
        from dataclasses import fields

        parts = [f"{f.name}={getattr(self, f.name)!r}" for f in fields(self)
                 if f.repr and not (f.name == "gauged" and self.gauged is True)]
        return f"{type(self).__name__}({', '.join(parts)})"

    @property
    def name(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, repr=False)
class SimpleFactor(GroupFactor):
    """A simple compact Lie group factor such as SU(3), SO(10) or E6.

    Representations are :class:`~anomalyalgebra.algebra.Irrep` objects (or, for SU(2),
    a :class:`~anomalyalgebra.algebra.SymbolicSU2Irrep` of symbolic dimension).

    Parameters
    ----------
    algebra : LieAlgebra
        The simple Lie algebra (see :func:`~anomalyalgebra.algebra.lie_algebra`).
    gauged : bool, optional
        True (default) for a gauge factor, False for a global symmetry.

    Raises
    ------
    GroupError
        If ``gauged`` is not a boolean.

    Examples
    --------
    >>> g = parse_group("SU(3)")
    >>> r = g.parse_rep("3bar")
    >>> g.dim(r), g.index(r), g.cubic(r)
    (3, 1/2, -1)
    """

    algebra: object
    gauged: bool = True
    kind = "simple"

    def __post_init__(self):
        self._check_gauged()

    @property
    def name(self) -> str:
        return self.algebra.name

    @property
    def trivial(self):
        return self.algebra.trivial

    def parse_rep(self, text, symbols: Mapping[str, sp.Symbol] | None = None):
        """Read a representation of this factor.

        Parameters
        ----------
        text : str or int
            A conventional name (``"3bar"``), Dynkin labels (``"(1,0)"``) or, for SU(2)
            only, a dimension given as an expression in declared symbols (``"n"``).
        symbols : mapping of str to sympy.Symbol, optional
            The declared symbols a symbolic SU(2) dimension may use.

        Returns
        -------
        Irrep or SymbolicSU2Irrep
            The representation.

        Raises
        ------
        UnknownRepresentationError
            If the text denotes no irrep of the factor (or is not a string or int).
        AmbiguousRepresentationError
            If a name matches several irreps.
        LimitError
            If the irrep is larger than the limits of :mod:`anomalyalgebra.limits` allow.

        Examples
        --------
        >>> import sympy as sp
        >>> su2 = parse_group("SU(2)")
        >>> su2.parse_rep("3").labels, su2.parse_rep("n", {"n": sp.Symbol("n")})
        ((2,), n)
        """
        if isinstance(text, int) and not isinstance(text, bool):
            text = str(text)
        if not isinstance(text, str):
            raise UnknownRepresentationError(
                f"representation of {self.name} must be a string such as \"3bar\" or"
                f" \"(1,0)\", got {text!r}"
            )
        try:
            return _alg.parse_irrep(self.algebra, text)
        except UnknownRepresentationError as exc:
            if not (self.is_su2 and symbols):
                raise
            first_error = exc
        # SU(2) only: a dimension given as an expression in the declared symbols.
        try:
            dim = parse_expression(text, symbols)
        except ExpressionError:
            raise first_error from None
        if dim.is_Integer:
            raise first_error
        return _alg.su2_irrep(dim)

    def rep_text(self, rep) -> str:
        """The string :meth:`parse_rep` reads back to ``rep``.

        Parameters
        ----------
        rep : Irrep or SymbolicSU2Irrep
            A representation of this factor.

        Returns
        -------
        str
            The irrep's conventional name (or label string), or the symbolic dimension in
            model-file syntax.
        """
        if isinstance(rep, _alg.SymbolicSU2Irrep):
            return expression_to_text(rep.dim)
        return rep.name

    @property
    def is_su2(self) -> bool:
        return self.algebra.rank == 1

    def is_trivial(self, rep) -> bool:
        """Whether ``rep`` is the trivial (singlet) irrep.

        Parameters
        ----------
        rep : Irrep or SymbolicSU2Irrep
            A representation of this factor.

        Returns
        -------
        bool
            False for a symbolic SU(2) irrep.
        """
        return not isinstance(rep, _alg.SymbolicSU2Irrep) and rep == self.algebra.trivial

    def dim(self, rep):
        """Dimension of a representation.

        Parameters
        ----------
        rep : Irrep or SymbolicSU2Irrep
            A representation of this factor.

        Returns
        -------
        int or sympy.Expr
            ``dim(R)`` (an expression for a symbolic SU(2) irrep).
        """
        return rep.dim

    def index(self, rep):
        """Dynkin index ``T(R)`` with ``T(fundamental of SU(N)) = 1/2``.

        Parameters
        ----------
        rep : Irrep or SymbolicSU2Irrep
            A representation of this factor.

        Returns
        -------
        sympy.Rational or sympy.Expr
            ``T(R)``.
        """
        return rep.index

    def cubic(self, rep):
        """Cubic anomaly coefficient ``A(R)`` with ``A(fundamental of SU(N)) = 1``.

        Parameters
        ----------
        rep : Irrep or SymbolicSU2Irrep
            A representation of this factor.

        Returns
        -------
        int or sympy.Integer
            ``A(R)``; 0 for every algebra other than SU(N), N >= 3.
        """
        return rep.anomaly

    def conjugate(self, rep):
        """The conjugate representation.

        Parameters
        ----------
        rep : Irrep or SymbolicSU2Irrep
            A representation of this factor.

        Returns
        -------
        Irrep or SymbolicSU2Irrep
            ``R-bar`` (``R`` itself when self-conjugate).
        """
        return rep.conjugate

    def subs(self, rep, mapping):
        """Substitute symbols in a representation (only a symbolic SU(2) dimension has any).

        Parameters
        ----------
        rep : Irrep or SymbolicSU2Irrep
            A representation of this factor.
        mapping : dict
            ``{symbol: value}``.

        Returns
        -------
        Irrep or SymbolicSU2Irrep
            An ordinary irrep once the dimension is an integer; ``rep`` unchanged otherwise.

        Raises
        ------
        UnknownRepresentationError
            If a symbolic dimension becomes a number that is not a positive integer.
        """
        if isinstance(rep, _alg.SymbolicSU2Irrep):
            return rep.subs(mapping)
        return rep


@dataclass(frozen=True, repr=False)
class U1(GroupFactor):
    """An abelian U(1) factor; charges are exact or symbolic sympy expressions.

    Parameters
    ----------
    gauged : bool, optional
        True (default) for a gauge factor, False for a global symmetry.

    Raises
    ------
    GroupError
        If ``gauged`` is not a boolean.

    Examples
    --------
    >>> U1().parse_rep("-1/2")
    -1/2
    """

    gauged: bool = True
    kind = "u1"

    def __post_init__(self):
        self._check_gauged()

    @property
    def name(self) -> str:
        return "U(1)"

    @property
    def trivial(self):
        return sp.Integer(0)

    def parse_rep(self, text, symbols: Mapping[str, sp.Symbol] | None = None):
        """Read a U(1) charge.

        Parameters
        ----------
        text : str or int
            An exact expression (``"-1/2"``, ``"6/(n*(n^2-1))*alpha_L"``) read with the
            safe parser :func:`~anomalyalgebra.expr.parse_expression`, or an int; floats
            and booleans are refused.
        symbols : mapping of str to sympy.Symbol, optional
            The declared symbols the expression may use.

        Returns
        -------
        sympy.Expr
            The charge, real.

        Raises
        ------
        ExpressionError
            For a float, a boolean, another type, text that does not parse, an undeclared
            symbol or a non-real value.
        LimitError
            If the text or an integer exceeds the limits of :mod:`anomalyalgebra.limits`.
        """
        if isinstance(text, bool):
            raise ExpressionError(f"a U(1) charge cannot be a boolean ({text!r})")
        if isinstance(text, int):
            check_limit("max_integer_digits", int_digits(text), "an integer charge")
            return sp.Integer(text)
        if isinstance(text, float):
            raise ExpressionError(
                f"U(1) charge {text!r} is a floating-point number; write it exactly,"
                " as a string such as \"1/3\" or \"0.5\""
            )
        if not isinstance(text, str):
            raise ExpressionError(f"a U(1) charge must be a string or an integer, got {text!r}")
        value = parse_expression(text, symbols)
        if value.is_real is False:
            raise ExpressionError(f"a U(1) charge must be real; {text!r} is {value}")
        return value

    def rep_text(self, rep) -> str:
        """The charge in model-file syntax (what :meth:`parse_rep` reads back).

        Parameters
        ----------
        rep : sympy expression
            A charge.

        Returns
        -------
        str
            E.g. ``"-1/2"``.

        Raises
        ------
        ExpressionError
            If the expression cannot be written in model-file syntax.
        """
        return expression_to_text(rep)

    def is_trivial(self, rep) -> bool:
        """Whether the charge is zero.

        Parameters
        ----------
        rep : sympy expression
            A charge.

        Returns
        -------
        bool
            True only for an expression identically equal to 0.
        """
        return sp.sympify(rep) == 0

    def dim(self, rep):
        """Dimension of a U(1) representation.

        Parameters
        ----------
        rep : sympy expression
            A charge.

        Returns
        -------
        sympy.Integer
            Always 1.
        """
        return sp.Integer(1)

    def conjugate(self, rep):
        """Charge of the conjugate field.

        Parameters
        ----------
        rep : sympy expression
            A charge.

        Returns
        -------
        sympy.Expr
            ``-rep``.
        """
        return -rep

    def subs(self, rep, mapping):
        """Substitute symbols in a charge.

        Parameters
        ----------
        rep : sympy expression
            A charge.
        mapping : dict
            ``{symbol: value}``.

        Returns
        -------
        sympy.Expr
            The charge after substitution.
        """
        return sp.sympify(rep).subs(mapping)


@dataclass(frozen=True, repr=False)
class ZN(GroupFactor):
    """A discrete Z_N factor; a charge is an integer modulo N, stored in [0, N).

    Parameters
    ----------
    n : int
        The order N (>= 2).
    gauged : bool, optional
        True (default) for a gauge (discrete gauge) factor, False for a global symmetry.

    Raises
    ------
    GroupError
        If ``n`` is not an integer >= 2, or ``gauged`` is not a boolean.

    Examples
    --------
    >>> z = parse_group("Z(2)")
    >>> z.parse_rep("-"), z.parse_rep("+"), z.parse_rep(3)
    (1, 0, 1)
    """

    n: int
    gauged: bool = True
    kind = "zn"

    def __post_init__(self):
        if isinstance(self.n, bool) or not isinstance(self.n, int) or self.n < 2:
            raise GroupError(f"Z(N) needs an integer N >= 2, got {self.n!r}")
        self._check_gauged()

    @property
    def name(self) -> str:
        return f"Z({self.n})"

    @property
    def trivial(self):
        return sp.Integer(0)

    def parse_rep(self, text, symbols=None):
        """Read a Z_N charge.

        Parameters
        ----------
        text : str, int or sympy.Integer
            An integer (any sign, reduced mod N); for Z(2) also ``"+"`` (0) and ``"-"`` (1).
        symbols : optional
            Ignored (Z_N charges are numbers).

        Returns
        -------
        sympy.Integer
            The charge in ``[0, N)``.

        Raises
        ------
        InconsistentChargesError
            If the value is not an integer (or a Z(2) sign).
        LimitError
            If the integer has more digits than the limits allow.
        """
        if isinstance(text, bool):
            raise InconsistentChargesError(f"a {self.name} charge cannot be a boolean")
        if isinstance(text, str):
            t = text.strip()
            if self.n == 2 and t in ("+", "-"):
                return sp.Integer(0 if t == "+" else 1)
            if not re.fullmatch(r"[+-]?\d+", t):
                hint = ' or "+"/"-"' if self.n == 2 else ""
                raise InconsistentChargesError(
                    f"a {self.name} charge must be an integer{hint}, got {text[:40]!r}"
                )
            digits = len(t.lstrip("+-").lstrip("0"))
            check_limit("max_integer_digits", digits, f"{self.name} charge of {digits} digits")
            value = int(t)
        elif isinstance(text, int):
            value = text
        elif isinstance(text, sp.Basic) and text.is_Integer:
            value = int(text)
        else:  # floats, lists, tables, dates ...: never handed to sympify
            raise InconsistentChargesError(f"a {self.name} charge must be an integer, got {text!r}")
        return sp.Integer(value % self.n)

    def rep_text(self, rep) -> str:
        """The charge as model-file text.

        Parameters
        ----------
        rep : int or sympy.Integer
            A charge in ``[0, N)``.

        Returns
        -------
        str
            ``"+"``/``"-"`` for Z(2), the integer otherwise.
        """
        if self.n == 2:
            return "+" if rep == 0 else "-"
        return str(int(rep))

    def is_trivial(self, rep) -> bool:
        """Whether the charge is 0 mod N.

        Parameters
        ----------
        rep : int or sympy.Integer
            A charge.

        Returns
        -------
        bool
            True for a multiple of N.
        """
        return int(rep) % self.n == 0

    def dim(self, rep):
        """Dimension of a Z_N representation.

        Parameters
        ----------
        rep : int or sympy.Integer
            A charge.

        Returns
        -------
        sympy.Integer
            Always 1.
        """
        return sp.Integer(1)

    def conjugate(self, rep):
        """Charge of the conjugate field.

        Parameters
        ----------
        rep : int or sympy.Integer
            A charge.

        Returns
        -------
        sympy.Integer
            ``-rep mod N``.
        """
        return sp.Integer((-int(rep)) % self.n)

    def subs(self, rep, mapping):
        """Substitute symbols in a charge (Z_N charges have none).

        Parameters
        ----------
        rep : sympy.Integer
            A charge.
        mapping : dict
            Ignored.

        Returns
        -------
        sympy.Integer
            ``rep`` unchanged.
        """
        return rep


_GROUP_RE = re.compile(r"^\s*(U|Z)\s*\(\s*(\d*)\s*\)\s*$")


def parse_group(text: str, gauged: bool = True) -> GroupFactor:
    """Read a group factor: ``"U(1)"``, ``"Z(3)"`` or a simple Lie group.

    Simple Lie groups are anything :func:`anomalyalgebra.algebra.lie_algebra` reads:
    ``"SU(3)"``, ``"SO(10)"``, ``"Sp(4)"``, ``"E6"``, ``"G2"``, ...

    Parameters
    ----------
    text : str
        The group's name.
    gauged : bool
        ``True`` (default) for a gauge factor, ``False`` for a global symmetry.

    Returns
    -------
    GroupFactor
        A :class:`SimpleFactor`, :class:`U1` or :class:`ZN` with that ``gauged`` flag.

    Raises
    ------
    GroupError
        When the text names no group the toolkit knows, or ``gauged`` is not a boolean.
    LimitError
        When the rank or the order of Z(N) exceeds a limit of :mod:`anomalyalgebra.limits`.

    Examples
    --------
    >>> parse_group("U(1)"), parse_group("Z(3)").n, parse_group("SU(2)").name
    (U1(), 3, 'SU(2)')
    >>> parse_group("U(1)", gauged=False)
    U1(gauged=False)
    >>> parse_group("U(2)")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.GroupError: 'U(2)' is not a group factor: write U(2) as SU(2) x U(1) (only U(1) is accepted as a unitary factor)
    """
    if not isinstance(text, str):
        raise GroupError(f"a group must be given as a string such as \"SU(3)\", got {text!r}")
    if not isinstance(gauged, bool):
        raise GroupError(f"'gauged' must be a boolean (True or False), got {gauged!r}")
    m = _GROUP_RE.match(text)
    if m:
        kind, num = m.group(1), m.group(2)
        if kind == "U":
            if num != "1":
                raise GroupError(
                    f"{text!r} is not a group factor: write U({num}) as SU({num}) x U(1)"
                    " (only U(1) is accepted as a unitary factor)"
                )
            return U1(gauged=gauged)
        if not num or len(num.lstrip("0")) < 2 and int(num) < 2:
            raise GroupError(f"{text!r}: a discrete factor Z(N) needs N >= 2")
        digits = len(num.lstrip("0"))
        if digits > 12:
            check_limit("max_zn_order", 10**12, f"'Z(...)': an order of {digits} digits")
        check_limit("max_zn_order", int(num), f"{text.strip()!r}: order {int(num)}")
        return ZN(int(num), gauged=gauged)
    return SimpleFactor(_alg.lie_algebra(text), gauged=gauged)
