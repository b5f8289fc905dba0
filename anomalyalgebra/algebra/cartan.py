"""Simple Lie algebras built from their Cartan matrices: the bottom of the algebra layer.

A :class:`CartanType` is a frozen record ``(series, rank)``; everything else
(Cartan matrix, positive roots, quadratic form, ...) is computed by cached
functions of that record.  :class:`~anomalyalgebra.algebra.lie.LieAlgebra`, the
public class, is a :class:`CartanType` that also builds irreps; it lives above
the irreps and their names (``cartan -> weights -> naming -> irrep -> lie``), so
that no module of this layer imports upwards.  Integer arithmetic is used throughout; results that
leave the module are sympy ``Integer``/``Rational``/``ImmutableMatrix``.

Conventions
-----------
* ``A[i][j] = 2 (alpha_i, alpha_j) / (alpha_j, alpha_j)``, so that the simple
  root ``alpha_i`` has Dynkin labels ``A[i]`` (row ``i``).
* Classical series follow Bourbaki numbering (``B_n``: ``alpha_n`` short,
  ``C_n``: ``alpha_n`` long, ``D_n``: spinor nodes ``n-1`` and ``n``).
* Exceptional algebras follow the node numbering of LieART (Feger & Kephart,
  arXiv:1206.6379), which matches Slansky, Phys. Rept. 79 (1981) for the
  commonly quoted irreps: ``E_r`` is a chain ``1 - 2 - ... - (r-1)`` with node
  ``r`` attached to node 3 (so the E6 **27** is ``(1,0,0,0,0,0)``, the E7 **56**
  is ``(0,0,0,0,0,1,0)`` and the E8 **248** is ``(0,0,0,0,0,0,1,0)``); in ``F4``
  nodes 1, 2 are long (**26** is ``(0,0,0,1)``); in ``G2`` node 1 is short
  (**7** is ``(1,0)``).
* Root lengths are normalised so that long roots have ``(alpha, alpha) = 2``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy

from ..exceptions import GroupError
from ..limits import check_limit

__all__ = [
    "CartanType",
    "parse_cartan_type",
    "fundamental_labels",
    "cartan_matrix",
    "positive_roots",
]

_SERIES = ("A", "B", "C", "D", "E", "F", "G")
_EXCEPTIONAL = {"E": (6, 7, 8), "F": (4,), "G": (2,)}


@dataclass(frozen=True)
class CartanType:
    """The data of a simple complex Lie algebra, identified by its Cartan type.

    Users build :class:`~anomalyalgebra.algebra.LieAlgebra` (a subclass that adds
    irreps) with :func:`~anomalyalgebra.algebra.lie_algebra`; this record is what
    the functions of the lower modules take.

    Equality and hashing depend on ``(series, rank)`` only, so
    ``SU(3) != SU(4)`` and equal algebras built in different ways compare equal.
    ``("C", 1)`` is normalised to ``SU(2)`` (``Sp(2) = SU(2)``).

    Parameters
    ----------
    series : str
        One of ``"A"``, ``"B"``, ``"C"``, ``"D"``, ``"E"``, ``"F"``, ``"G"``.
    rank : int
        The rank; must give a simple algebra (``A_n, n>=1``; ``B_n, n>=2``;
        ``C_n, n>=1``; ``D_n, n>=3``; ``E_6,7,8``; ``F_4``; ``G_2``).

    Raises
    ------
    GroupError
        If the type does not denote a simple Lie algebra.

    Examples
    --------
    >>> su3 = CartanType("A", 2)
    >>> su3
    CartanType('A', 2)
    >>> su3.name, su3 == CartanType("A", 3)
    ('SU(3)', False)
    >>> su3.dim, su3.rank, su3.dual_coxeter_number
    (8, 2, 3)
    >>> CartanType("E", 8).dim
    248
    """

    series: str
    rank: int

    def __post_init__(self):
        s, r = self.series, self.rank
        if s not in _SERIES:
            raise GroupError(f"unknown Cartan series {s!r}; expected one of {', '.join(_SERIES)}")
        if isinstance(r, bool) or not isinstance(r, int):
            raise GroupError(f"rank of a Lie algebra must be an int, got {r!r}")
        if s == "C" and r == 1:
            object.__setattr__(self, "series", "A")
            s = "A"
        ok = {
            "A": r >= 1,
            "B": r >= 2,
            "C": r >= 2,
            "D": r >= 3,
        }.get(s, r in _EXCEPTIONAL.get(s, ()))
        if not ok:
            raise GroupError(f"{s}{r} is not a simple Lie algebra")

    # ----------------------------------------------------------------- naming
    @property
    def name(self) -> str:
        """Physics name, e.g. ``'SU(3)'``, ``'SO(10)'``, ``'Sp(4)'``, ``'E6'``."""
        s, r = self.series, self.rank
        if s == "A":
            return f"SU({r + 1})"
        if s == "B":
            return f"SO({2 * r + 1})"
        if s == "C":
            return f"Sp({2 * r})"
        if s == "D":
            return f"SO({2 * r})"
        return f"{s}{r}"

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"CartanType({self.series!r}, {self.rank})"

    def _latex(self, printer=None) -> str:
        s, r = self.series, self.rank
        if s in "ABCD":
            return r"\mathrm{" + self.name + "}"
        return f"{s}_{{{r}}}"

    def _repr_latex_(self) -> str:
        return "$" + self._latex() + "$"

    # ------------------------------------------------------------ group data
    @property
    def cartan_matrix(self) -> sympy.ImmutableMatrix:
        """Cartan matrix ``A[i][j] = 2(alpha_i, alpha_j)/(alpha_j, alpha_j)``.

        Examples
        --------
        >>> CartanType("G", 2).cartan_matrix
        Matrix([
        [ 2, -1],
        [-3,  2]])
        """
        return sympy.ImmutableMatrix(cartan_matrix(self))

    @property
    def dim(self) -> sympy.Integer:
        """Dimension of the algebra (rank + number of roots)."""
        return sympy.Integer(self.rank + 2 * len(positive_roots(self)))

    @property
    def positive_roots(self) -> tuple[tuple[int, ...], ...]:
        """Positive roots in the basis of simple roots, ordered by height.

        Examples
        --------
        >>> CartanType("A", 2).positive_roots
        ((1, 0), (0, 1), (1, 1))
        """
        return positive_roots(self)

    @property
    def positive_roots_dynkin(self) -> tuple[tuple[int, ...], ...]:
        """Positive roots in the Dynkin (fundamental-weight) basis."""
        return _positive_roots_omega(self)

    @property
    def highest_root(self) -> tuple[int, ...]:
        """Dynkin labels of the highest root (= highest weight of the adjoint)."""
        return _positive_roots_omega(self)[-1]

    @property
    def weyl_vector(self) -> tuple[int, ...]:
        """Weyl vector ``rho`` (half sum of positive roots) in the Dynkin basis: all ones."""
        return (1,) * self.rank

    @property
    def root_lengths(self) -> tuple[sympy.Rational, ...]:
        """Squared lengths ``(alpha_i, alpha_i)`` of the simple roots (long roots: 2).

        Examples
        --------
        >>> CartanType("C", 2).root_lengths
        (1, 2)
        """
        return tuple(sympy.Rational(2 * d) for d in _root_halflengths(self))

    @property
    def quadratic_form(self) -> sympy.ImmutableMatrix:
        """Quadratic form matrix ``G`` on the Dynkin basis: ``(x, y) = x G y^T``.

        ``G = A^{-1} D`` with ``D = diag((alpha_i, alpha_i)/2)`` (the symmetrised
        inverse Cartan matrix), normalised so long roots have length squared 2.

        Examples
        --------
        >>> CartanType("A", 2).quadratic_form
        Matrix([
        [2/3, 1/3],
        [1/3, 2/3]])
        """
        g = _quadratic_form(self)
        return sympy.ImmutableMatrix([[sympy.Rational(x.numerator, x.denominator) for x in row] for row in g])

    @property
    def dual_coxeter_number(self) -> sympy.Integer:
        """Dual Coxeter number ``h^vee = 1 + (theta, rho)`` = quadratic Casimir of the adjoint."""
        theta = self.highest_root
        return sympy.Integer(1 + int(inner(self, theta, self.weyl_vector)))

# ---------------------------------------------------------------------------
# parsing of group names
# ---------------------------------------------------------------------------
_NAME_RE = re.compile(r"^\s*(SU|SO|Sp|USp|su|so|sp|usp)\s*\(\s*(\d+)\s*\)\s*$")
_EXC_RE = re.compile(r"^\s*([EFG])\s*_?\s*(\d+)\s*$", re.IGNORECASE)
_CARTAN_RE = re.compile(r"^\s*([ABCD])\s*_?\s*(\d+)\s*$")


def _small_int(text: str, digits: str) -> int:
    """``int(digits)``, refusing absurd sizes before converting (they exceed every limit)."""
    if len(digits.lstrip("0")) > 9:
        check_limit("max_group_rank", 10**9, f"{text.strip()[:40]!r}: a rank of {len(digits)} digits")
    return int(digits)


_EXPECTED = "expected SU(N) with N>=2, SO(N) with N>=5, Sp(2N) with N>=1, E6, E7, E8, F4 or G2"


@lru_cache(maxsize=256)
def parse_cartan_type(text: str) -> CartanType:
    """The Cartan type named by a physics or Cartan name (no rank limit applied here).

    Parameters
    ----------
    text : str
        ``"SU(N)"``, ``"SO(N)"``, ``"Sp(2N)"``, ``"E6"``, ..., ``"A2"``, ``"D5"``.

    Returns
    -------
    CartanType
        The validated ``(series, rank)`` record.

    Raises
    ------
    GroupError
        Naming the string and what was expected.

    Examples
    --------
    >>> parse_cartan_type("SO(10)")
    CartanType('D', 5)
    """
    m = _NAME_RE.match(text)
    if m:
        kind, n = m.group(1).upper(), _small_int(text, m.group(2))
        if kind == "SU":
            if n < 2:
                raise GroupError(f"{text!r}: SU(N) needs N >= 2; {_EXPECTED}")
            return CartanType("A", n - 1)
        if kind == "SO":
            if n == 4:
                raise GroupError(
                    f"{text!r}: SO(4) is not simple (so(4) = su(2) + su(2)); write it as SU(2) x SU(2)"
                )
            if n == 3:
                raise GroupError(f"{text!r}: SO(3) is not accepted, use SU(2) (so(3) = su(2)); {_EXPECTED}")
            if n < 3:
                raise GroupError(f"{text!r}: SO(N) with N < 3 is not a simple Lie algebra; {_EXPECTED}")
            return CartanType("B", (n - 1) // 2) if n % 2 else CartanType("D", n // 2)
        # Sp / USp
        if n < 2 or n % 2:
            raise GroupError(f"{text!r}: Sp(2N) needs an even argument 2N >= 2 (rank N); {_EXPECTED}")
        return CartanType("C", n // 2)
    m = _EXC_RE.match(text)
    if m:
        s, r = m.group(1).upper(), _small_int(text, m.group(2))
        if r not in _EXCEPTIONAL[s]:
            raise GroupError(f"{text!r}: there is no exceptional algebra {s}{r}; {_EXPECTED}")
        return CartanType(s, r)
    m = _CARTAN_RE.match(text)
    if m:
        try:
            return CartanType(m.group(1), _small_int(text, m.group(2)))
        except GroupError as exc:
            raise GroupError(f"{text!r}: {exc}; {_EXPECTED}") from None
    raise GroupError(f"{text!r} is not a simple Lie algebra name; {_EXPECTED}")


def fundamental_labels(alg: CartanType) -> tuple:
    """Dynkin labels of the defining irrep.

    ``N`` of SU(N), vector of SO(N), ``2N`` of Sp(2N), **27** of E6, **56** of
    E7, **248** of E8, **26** of F4, **7** of G2 (LieART numbering).

    Parameters
    ----------
    alg : CartanType
        The simple Lie algebra.

    Returns
    -------
    tuple of int
        The highest weight of the defining irrep.

    Examples
    --------
    >>> fundamental_labels(CartanType("E", 7))
    (0, 0, 0, 0, 0, 1, 0)
    """
    labels = [0] * alg.rank
    if alg.series in "ABCDG" or (alg.series == "E" and alg.rank == 6):
        labels[0] = 1
    elif alg.series == "F":
        labels[-1] = 1
    else:  # E7, E8 (LieART numbering)
        labels[-2] = 1
    return tuple(labels)


# ---------------------------------------------------------------------------
# root system data (cached, python ints / Fractions)
# ---------------------------------------------------------------------------
@lru_cache(maxsize=None)
def cartan_matrix(alg: CartanType) -> tuple[tuple[int, ...], ...]:
    """Cartan matrix of ``alg`` (see the module conventions for the node numbering).

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.

    Returns
    -------
    tuple of tuple of int
        ``A[i][j] = <alpha_i, alpha_j^vee>``, rank x rank.

    Examples
    --------
    >>> cartan_matrix(CartanType("A", 2))
    ((2, -1), (-1, 2))
    """
    s, n = alg.series, alg.rank
    a = [[2 if i == j else 0 for j in range(n)] for i in range(n)]

    def link(i, j, aij=-1, aji=-1):
        a[i][j], a[j][i] = aij, aji

    if s in "ABCD":
        chain = n - 1 if s == "D" else n
        for i in range(chain - 1):
            link(i, i + 1)
        if s == "B":
            link(n - 2, n - 1, -2, -1)
        elif s == "C":
            link(n - 2, n - 1, -1, -2)
        elif s == "D":
            link(n - 3, n - 1)
    elif s == "E":
        for i in range(n - 2):
            link(i, i + 1)
        link(2, n - 1)
    elif s == "F":
        link(0, 1)
        link(1, 2, -2, -1)
        link(2, 3)
    elif s == "G":
        link(0, 1, -1, -3)
    return tuple(tuple(row) for row in a)


@lru_cache(maxsize=None)
def _root_halflengths(alg: CartanType) -> tuple[Fraction, ...]:
    """``d_i = (alpha_i, alpha_i)/2`` with long roots normalised to 1."""
    a = cartan_matrix(alg)
    n = alg.rank
    d = [None] * n
    d[0] = Fraction(1)
    stack = [0]
    while stack:  # A_ij d_j = A_ji d_i along the connected Dynkin diagram
        i = stack.pop()
        for j in range(n):
            if j != i and a[i][j] and d[j] is None:
                d[j] = d[i] * a[j][i] / a[i][j]
                stack.append(j)
    top = max(d)
    return tuple(x / top for x in d)


@lru_cache(maxsize=None)
def _inverse_cartan(alg: CartanType) -> tuple[tuple[Fraction, ...], ...]:
    n = alg.rank
    m = [[Fraction(x) for x in row] + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(cartan_matrix(alg))]
    for c in range(n):  # Gauss-Jordan, exact
        p = next(r for r in range(c, n) if m[r][c] != 0)
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        m[c] = [x / piv for x in m[c]]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return tuple(tuple(row[n:]) for row in m)


@lru_cache(maxsize=None)
def _quadratic_form(alg: CartanType) -> tuple[tuple[Fraction, ...], ...]:
    inv = _inverse_cartan(alg)
    d = _root_halflengths(alg)
    return tuple(tuple(inv[i][j] * d[j] for j in range(alg.rank)) for i in range(alg.rank))


@lru_cache(maxsize=None)
def _int_form(alg: CartanType) -> tuple[tuple[tuple[int, ...], ...], int]:
    """Integer matrix ``K`` and scale ``s`` with ``(x, y) = x K y^T / s``."""
    g = _quadratic_form(alg)
    s = 1
    for row in g:
        for x in row:
            s = s * x.denominator // _gcd(s, x.denominator)
    return tuple(tuple(int(x * s) for x in row) for row in g), s


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def inner_scaled(alg: CartanType, x, y) -> int:
    """``s * (x, y)`` as an int, for Dynkin-basis weights ``x``, ``y`` (see :func:`_int_form`)."""
    k, _ = _int_form(alg)
    return sum(xi * sum(kij * yj for kij, yj in zip(row, y)) for xi, row in zip(x, k))


def inner(alg: CartanType, x, y) -> Fraction:
    """Exact inner product ``(x, y)`` of Dynkin-basis weights."""
    k, s = _int_form(alg)
    return Fraction(inner_scaled(alg, x, y), s)


@lru_cache(maxsize=None)
def positive_roots(alg: CartanType) -> tuple[tuple[int, ...], ...]:
    """Positive roots in the simple-root basis, sorted by (height, reverse lex).

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.

    Returns
    -------
    tuple of tuple of int
        Coefficients of each positive root on the simple roots.

    Examples
    --------
    >>> positive_roots(CartanType("A", 2))
    ((1, 0), (0, 1), (1, 1))
    """
    a = cartan_matrix(alg)
    n = alg.rank
    simple = [tuple(int(i == j) for j in range(n)) for i in range(n)]
    roots = set(simple)
    layer = list(simple)
    while layer:
        new = []
        for beta in layer:
            # Dynkin labels of beta: <beta, alpha_i^vee> = sum_j c_j A[j][i]
            labels = [sum(beta[j] * a[j][i] for j in range(n)) for i in range(n)]
            for i in range(n):
                # p = how far the alpha_i string extends downwards from beta
                p = 0
                down = list(beta)
                while True:
                    down[i] -= 1
                    if tuple(down) in roots:
                        p += 1
                    else:
                        break
                if p - labels[i] > 0:  # q = p - <beta, alpha_i^vee>
                    up = list(beta)
                    up[i] += 1
                    up = tuple(up)
                    if up not in roots:
                        roots.add(up)
                        new.append(up)
        layer = new
    return tuple(sorted(roots, key=lambda r: (sum(r), tuple(-x for x in r))))


@lru_cache(maxsize=None)
def _positive_roots_omega(alg: CartanType) -> tuple[tuple[int, ...], ...]:
    a = cartan_matrix(alg)
    n = alg.rank
    return tuple(tuple(sum(c[j] * a[j][i] for j in range(n)) for i in range(n)) for c in positive_roots(alg))


@lru_cache(maxsize=None)
def _two_rho_coroot(alg: CartanType) -> tuple[int, ...]:
    """Coefficients ``k_i`` with ``<lambda, 2 rho^vee> = sum_i k_i lambda_i``."""
    d = _root_halflengths(alg)
    k = [Fraction(0)] * alg.rank
    b = [[cartan_matrix(alg)[i][j] * d[j] for j in range(alg.rank)] for i in range(alg.rank)]
    for c in positive_roots(alg):
        norm = sum(c[i] * c[j] * b[i][j] for i in range(alg.rank) for j in range(alg.rank)) / 2
        for i in range(alg.rank):
            k[i] += c[i] * d[i] / norm
    assert all(x.denominator == 1 for x in k)
    return tuple(int(x) for x in k)
