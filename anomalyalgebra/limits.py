"""Resource limits on what a model file (or any text input) may ask for.

A model file is untrusted text: ``"2^2^2^2^100"``, ``"SU(100000)"`` or ten thousand
nested parentheses are short to write and would take hours or all the memory to
honour.  Every reader of text in the package (the charge-expression parser
:mod:`anomalyalgebra.expr`, the group and irrep parsers, :mod:`anomalyalgebra.modelfile`)
checks the limits below *before* doing the expensive work and raises
:class:`~anomalyalgebra.exceptions.LimitError` (a ``ValueError``) naming the limit,
the value asked for and how to raise it.  Inside a model file the error is re-raised
as a :class:`~anomalyalgebra.exceptions.ModelFileError` naming file, field and key.

The defaults come from what model building needs, with a wide margin (see
``docs/errors.rst`` for the reasoning and the time bound they give):

======================  =========  =====================================================
limit                   default    what physics needs
======================  =========  =====================================================
max_file_bytes          1_000_000  a model with 100 fields is ~10 kB
max_expression_length   1_000      a charge such as ``6/(n*(n^2-1))*alpha_L``: ~30 chars
max_nesting_depth       50         parentheses, signs, powers and ``sqrt`` nested: < 10
max_integer_digits      100        charges of realistic models: < 20 digits
max_exponent            64         powers in charges: squares, cubes; ``x^(1/3)``
max_expanded_terms      16         a charge expands to a few monomials (``n(n^2-1)/12``: 2)
max_group_rank          32         SU(33), SO(64), Sp(64); GUTs and E8 have rank <= 16
max_irrep_dim           1_000_000  E8 irreps used in model building: 248, 3875, 27000
max_zn_order            1_000_000  discrete symmetries used in model building: Z_2..Z_12
max_group_factors       32         the SM has 3; model files rarely exceed 10
max_fields              2_000      the SM has 15 Weyl fields per generation
max_copies              1_000      copies of a field: 3 generations, N singlets
max_term_monomials      10_000     monomials of one expanded Lagrangian (SARAH/PyR@TE
                                   files: a few dozen)
======================  =========  =====================================================

The limits in force are a frozen :class:`Limits` held in a context variable (not a
mutable global): read them with :func:`current_limits`, change them for a block with
:func:`using_limits`.

Examples
--------
>>> from anomalyalgebra import parse_expression
>>> parse_expression("10^60") == 10**60
True
>>> parse_expression("(10^50)^3")
Traceback (most recent call last):
...
anomalyalgebra.exceptions.LimitError: '(10^50)^3': the power (a number of 51 digits)^3 would have about 151 digits; the limit max_integer_digits is 100 (raise it with anomalyalgebra.limits.using_limits(max_integer_digits=...))
>>> with using_limits(max_integer_digits=200):
...     parse_expression("(10^50)^3") == 10**150
True
"""

from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass, fields, replace

from .exceptions import LimitError

__all__ = ["Limits", "DEFAULT_LIMITS", "current_limits", "using_limits", "check_limit", "hint", "int_digits",
           "DepthGuard"]


@dataclass(frozen=True)
class Limits:
    """The resource limits on text input; every attribute is a positive int.

    See the module documentation for the defaults and the reasons for them.

    Parameters
    ----------
    max_file_bytes : int
        Size of a model file read as text.
    max_expression_length : int
        Characters of one charge expression.
    max_nesting_depth : int
        Nesting of parentheses, signs, powers and functions in a parser.
    max_integer_digits : int
        Decimal digits of an integer written or computed while parsing.
    max_exponent : int
        Size of an exponent in a charge expression.
    max_expanded_terms : int
        Monomials of an expanded charge.
    max_group_rank : int
        Rank of a simple factor.
    max_irrep_dim : int
        Dimension of an irrep.
    max_zn_order : int
        ``N`` of a ``Z_N`` factor.
    max_group_factors : int
        Group factors of a model.
    max_fields : int
        Fields of a model.
    max_copies : int
        Copies of one field.
    max_term_monomials : int
        Monomials of one expanded Lagrangian term of a SARAH or PyR@TE file.

    Raises
    ------
    LimitError
        If a value is not a positive int (``limit`` names the field).

    Examples
    --------
    >>> Limits().max_group_rank
    32
    >>> Limits(max_group_rank=0)
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.LimitError: Limits.max_group_rank must be a positive int, got 0
    """

    max_file_bytes: int = 1_000_000
    max_expression_length: int = 1_000
    max_nesting_depth: int = 50
    max_integer_digits: int = 100
    max_exponent: int = 64
    max_expanded_terms: int = 16
    max_group_rank: int = 32
    max_irrep_dim: int = 1_000_000
    max_zn_order: int = 1_000_000
    max_group_factors: int = 32
    max_fields: int = 2_000
    max_copies: int = 1_000
    max_term_monomials: int = 10_000

    def __post_init__(self):
        for f in fields(self):
            v = getattr(self, f.name)
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise LimitError(f"Limits.{f.name} must be a positive int, got {v!r}", limit=f.name)

    @classmethod
    def names(cls) -> tuple:
        """The names of the limits, in declaration order."""
        return tuple(f.name for f in fields(cls))


#: The limits in force when nothing else is set.
DEFAULT_LIMITS = Limits()

_CURRENT: contextvars.ContextVar = contextvars.ContextVar("anomalyalgebra_limits", default=DEFAULT_LIMITS)


def current_limits() -> Limits:
    """The limits in force (the defaults unless inside :func:`using_limits`).

    Examples
    --------
    >>> current_limits() == DEFAULT_LIMITS
    True
    """
    return _CURRENT.get()


@contextlib.contextmanager
def using_limits(limits: Limits | None = None, **changes):
    """Run a block with other limits: a whole :class:`Limits`, or some fields changed.

    Parameters
    ----------
    limits : Limits, optional
        The limits to start from (default: those in force).
    **changes : int
        Fields of :class:`Limits` to change, e.g. ``max_group_rank=64``.

    Yields
    ------
    Limits
        The limits in force inside the ``with`` block (restored afterwards).

    Raises
    ------
    LimitError
        If ``limits`` is not a :class:`Limits`, a change names an unknown limit, or a
        changed value is not a positive int.

    Examples
    --------
    >>> with using_limits(max_group_rank=64):
    ...     current_limits().max_group_rank
    64
    >>> current_limits().max_group_rank
    32
    >>> with using_limits(max_rank=64):
    ...     pass
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.LimitError: unknown limit 'max_rank'; known: max_file_bytes, max_expression_length, max_nesting_depth, max_integer_digits, max_exponent, max_expanded_terms, max_group_rank, max_irrep_dim, max_zn_order, max_group_factors, max_fields, max_copies, max_term_monomials
    """
    base = current_limits() if limits is None else limits
    if not isinstance(base, Limits):
        raise LimitError(f"using_limits takes a Limits object, got {type(base).__name__}")
    unknown = [k for k in changes if k not in Limits.names()]
    if unknown:
        raise LimitError(f"unknown limit {unknown[0]!r}; known: {', '.join(Limits.names())}",
                         limit=unknown[0])
    token = _CURRENT.set(replace(base, **changes))
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)


def check_limit(name: str, value: int, what: str) -> None:
    """Raise :class:`LimitError` if ``value`` exceeds the limit ``name``.

    Parameters
    ----------
    name : str
        A field of :class:`Limits`.
    value : int
        The size the input asks for.
    what : str
        Describes the input for the message, e.g. ``"'SU(100000)': rank 99999"``.

    Raises
    ------
    LimitError
        If ``value`` is larger than the limit in force (``limit`` is ``name``).

    Examples
    --------
    >>> check_limit("max_group_rank", 4, "SU(5)")
    >>> check_limit("max_group_rank", 99999, "'SU(100000)': rank 99999")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.LimitError: 'SU(100000)': rank 99999 exceeds the limit max_group_rank = 32 (raise it with anomalyalgebra.limits.using_limits(max_group_rank=...))
    """
    bound = getattr(current_limits(), name)
    if value > bound:
        raise LimitError(f"{what} exceeds the limit {name} = {bound}{hint(name)}", limit=name)


class DepthGuard:
    """Bounds the recursion of a parser by the limit ``max_nesting_depth`` (read when the
    guard is made): ``with guard(where):`` is one level deeper; ``where()`` names the
    place for the message and is called only when the limit is exceeded.

    Examples
    --------
    >>> guard = DepthGuard()
    >>> def depth(n):
    ...     with guard(lambda: f"item {n}"):
    ...         return 1 if n == 0 else 1 + depth(n - 1)
    >>> depth(3)
    4
    >>> depth(100)
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.LimitError: item 50: nested deeper than 50 levels; the limit max_nesting_depth is 50 (raise it with anomalyalgebra.limits.using_limits(max_nesting_depth=...))
    """

    def __init__(self):
        self.depth = 0
        self.bound = current_limits().max_nesting_depth

    @contextlib.contextmanager
    def __call__(self, where):
        self.depth += 1
        try:
            if self.depth > self.bound:
                raise LimitError(f"{where()}: nested deeper than {self.bound} levels; the limit"
                                 f" max_nesting_depth is {self.bound}{hint('max_nesting_depth')}",
                                 limit="max_nesting_depth")
            yield
        finally:
            self.depth -= 1


def hint(name: str) -> str:
    """The sentence that tells a user how to raise a limit.

    Parameters
    ----------
    name : str
        A field of :class:`Limits`.

    Returns
    -------
    str
        Starts with a space, to append to an error message.

    Examples
    --------
    >>> hint("max_fields")
    ' (raise it with anomalyalgebra.limits.using_limits(max_fields=...))'
    """
    return f" (raise it with anomalyalgebra.limits.using_limits({name}=...))"


def int_digits(n) -> int:
    """Decimal digits of ``|n|`` (within one), from the bit length: a huge int is never
    converted to text (Python refuses ints of more than 4300 digits there).

    Parameters
    ----------
    n : int
        Any integer (converted with ``int``).

    Returns
    -------
    int
        The number of decimal digits, exact below ``10**18``, otherwise possibly
        one too many.

    Examples
    --------
    >>> int_digits(999), int_digits(-10**50)
    (3, 51)
    """
    n = abs(int(n))
    return max(1, len(str(n)) if n < 10**18 else (n.bit_length() * 30103) // 100000 + 1)
