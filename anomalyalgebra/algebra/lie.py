"""The public Lie-algebra class: a Cartan type that builds its irreps, and the parsers.

:class:`LieAlgebra` adds to :class:`~anomalyalgebra.algebra.cartan.CartanType` the
conveniences that need irreps and their names (``irrep``, ``trivial``, ``adjoint``,
``fundamental``, ``irreps``); :func:`lie_algebra` and :func:`parse_irrep` turn text
into these objects.  This module sits on top of the layer's DAG
``cartan -> weights -> naming -> irrep -> lie``: the mathematics is in the
functions below, this module only assembles the objects.
"""

from __future__ import annotations

from functools import lru_cache

from ..exceptions import AmbiguousRepresentationError, GroupError, UnknownRepresentationError
from ..limits import check_limit
from .cartan import CartanType, fundamental_labels, parse_cartan_type
from .irrep import Irrep
from .naming import labels_of_spec, labels_up_to

__all__ = ["LieAlgebra", "lie_algebra", "parse_irrep", "irreps_up_to"]


class LieAlgebra(CartanType):
    """A simple complex Lie algebra, identified by its Cartan type.

    Equality and hashing depend on ``(series, rank)`` only, so
    ``SU(3) != SU(4)`` and equal algebras built in different ways compare equal.
    ``LieAlgebra("C", 1)`` is normalised to ``SU(2)`` (``Sp(2) = SU(2)``).
    The group data (``cartan_matrix``, ``positive_roots``, ``dim``, ...) are those
    of :class:`~anomalyalgebra.algebra.cartan.CartanType`.

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
    >>> su3 = lie_algebra("SU(3)")
    >>> su3
    lie_algebra('SU(3)')
    >>> su3 == LieAlgebra("A", 2), su3 == lie_algebra("SU(4)")
    (True, False)
    >>> su3.dim, su3.rank, su3.dual_coxeter_number
    (8, 2, 3)
    >>> lie_algebra("E8").dim
    248
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"lie_algebra({self.name!r})"

    # --------------------------------------------------------------- irreps
    def irrep(self, spec) -> "Irrep":
        """The irrep given by a name (``"3bar"``), a label string or a tuple of Dynkin labels.

        Parameters
        ----------
        spec : str or tuple of int
            A conventional name, a label string such as ``"(1,0)"``, or Dynkin labels;
            see :func:`~anomalyalgebra.algebra.parse_irrep`.

        Returns
        -------
        Irrep
            The irrep of this algebra.

        Raises
        ------
        UnknownRepresentationError
            If ``spec`` denotes no irrep of the algebra.
        AmbiguousRepresentationError
            If a name matches several irreps.

        Examples
        --------
        >>> su5 = lie_algebra("SU(5)")
        >>> su5.irrep("10bar").labels
        (0, 0, 1, 0)
        >>> su5.irrep((0, 1, 0, 0)).name
        '10'
        """
        return parse_irrep(self, spec)

    @property
    def trivial(self) -> "Irrep":
        """The one-dimensional irrep."""
        return Irrep(self, (0,) * self.rank)

    @property
    def adjoint(self) -> "Irrep":
        """The adjoint irrep (highest weight = highest root)."""
        return Irrep(self, self.highest_root)

    @property
    def fundamental(self) -> "Irrep":
        """The defining irrep.

        ``N`` of SU(N), vector of SO(N), ``2N`` of Sp(2N), **27** of E6, **56** of
        E7, **248** of E8, **26** of F4, **7** of G2.

        Examples
        --------
        >>> lie_algebra("E7").fundamental.dim
        56
        """
        return Irrep(self, fundamental_labels(self))

    def irreps(self, max_dim: int) -> tuple:
        """All irreps with ``dim <= max_dim``, ordered by (dim, LieART order).

        Parameters
        ----------
        max_dim : int
            Largest dimension listed.

        Returns
        -------
        tuple of Irrep
            The irreps, conjugates included.

        Raises
        ------
        UnknownRepresentationError
            If ``max_dim`` is not a positive int.

        Examples
        --------
        >>> [r.name for r in lie_algebra("SU(3)").irreps(10)]
        ['1', '3', '3bar', '6', '6bar', '8', '10', '10bar']
        """
        return irreps_up_to(self, max_dim)


def lie_algebra(spec) -> LieAlgebra:
    """Parse a simple Lie algebra from its physics or Cartan name.

    Accepted: ``"SU(N)"`` (N>=2), ``"SO(N)"`` (N>=5), ``"Sp(2N)"`` (N>=1; ``Sp(2)``
    is ``SU(2)``), ``"E6"``, ``"E7"``, ``"E8"``, ``"F4"``, ``"G2"``, Cartan names
    ``"A2"``, ``"D5"`` ..., lower-case variants (``"su(3)"``) and surrounding
    whitespace.  A :class:`LieAlgebra` is returned unchanged.

    ``SO(3)`` is rejected (use ``SU(2)``; its Dynkin labels differ), ``SO(4)`` is
    rejected because it is not simple (``su(2) + su(2)``), ``SO(2)`` is abelian.

    Parameters
    ----------
    spec : str or LieAlgebra

    Returns
    -------
    LieAlgebra

    Raises
    ------
    GroupError
        Naming the string and what was expected.
    LimitError
        When the rank exceeds ``max_group_rank`` of :mod:`anomalyalgebra.limits`
        (applies to text only; a :class:`LieAlgebra` built in Python is not limited).

    Examples
    --------
    >>> lie_algebra(" SO( 10 ) ").series, lie_algebra("SO(10)").rank
    ('D', 5)
    >>> lie_algebra("Sp(2)") == lie_algebra("SU(2)")
    True
    >>> lie_algebra("Sp(3)")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.GroupError: 'Sp(3)': Sp(2N) needs an even argument 2N >= 2 ...
    """
    if isinstance(spec, LieAlgebra):
        return spec
    if not isinstance(spec, str):
        raise GroupError(f"{spec!r} is not a Lie algebra name; expected a string such as 'SU(3)'")
    alg = _parse_algebra(spec)
    check_limit("max_group_rank", alg.rank, f"{spec.strip()!r}: rank {alg.rank}")
    return alg


@lru_cache(maxsize=256)
def _parse_algebra(text: str) -> LieAlgebra:
    t = parse_cartan_type(text)
    return LieAlgebra(t.series, t.rank)


def parse_irrep(algebra, spec) -> Irrep:
    """Build an irrep from a conventional name, a Dynkin-label string or a tuple.

    Parameters
    ----------
    algebra : LieAlgebra or str
        E.g. ``"SU(3)"``.
    spec : str, tuple of int or Irrep
        ``"3"``, ``"3bar"``, ``"15'"``, ``"15'bar"``, ``"8_v"``, ``"adj"``,
        ``"(2,0)"``, ``"(2, 0)"``, ``"(20)"`` (single digits, no commas) or
        ``(2, 0)``.

    Returns
    -------
    Irrep

    Raises
    ------
    UnknownRepresentationError
        Wrong number of labels, negative or non-integer labels, a dimension no
        irrep has, or an unknown name; the message names the algebra and input.
    AmbiguousRepresentationError
        A name shared by several irreps (e.g. SO(8) ``"8"``); the message and
        ``.candidates`` list every candidate with its Dynkin label.
    LimitError
        When a text specification names an irrep of dimension above ``max_irrep_dim``
        (see :mod:`anomalyalgebra.limits`); tuples and Irrep objects are not limited.

    Examples
    --------
    >>> parse_irrep("SU(3)", "15'").labels
    (4, 0)
    >>> parse_irrep("SO(10)", "16bar").labels
    (0, 0, 0, 1, 0)
    >>> parse_irrep("E6", "(1, 0, 0, 0, 0, 0)").name
    '27'
    >>> parse_irrep("SO(8)", "8")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.AmbiguousRepresentationError: SO(8): '8' matches several irreps: 8_v (1,0,0,0), 8_s (0,0,0,1), 8_c (0,0,1,0); ...
    """
    alg = lie_algebra(algebra)
    if isinstance(spec, Irrep):
        if spec.algebra != alg:
            raise UnknownRepresentationError(f"{alg.name}: {spec!r} is an irrep of {spec.algebra.name}")
        return spec
    if isinstance(spec, (tuple, list)):
        return Irrep(alg, tuple(spec))
    if isinstance(spec, int) and not isinstance(spec, bool):
        spec = str(spec)
    if not isinstance(spec, str):
        raise UnknownRepresentationError(f"{alg.name}: {spec!r} is not an irrep specification")
    try:
        return Irrep(alg, labels_of_spec(alg, spec))
    except AmbiguousRepresentationError as exc:   # its candidates are labels: give them as irreps
        raise AmbiguousRepresentationError(str(exc), tuple(Irrep(alg, lab) for lab in exc.candidates)) from None



def irreps_up_to(alg: LieAlgebra, max_dim: int) -> tuple:
    """All irreps with ``dim <= max_dim``, sorted by dimension then name order.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    max_dim : int
        Largest dimension listed (positive).

    Returns
    -------
    tuple of Irrep
        The irreps, conjugates included.

    Raises
    ------
    UnknownRepresentationError
        If ``max_dim`` is not a positive int.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> [r.name for r in irreps_up_to(lie_algebra("SU(2)"), 3)]
    ['1', '2', '3']
    """
    return tuple(Irrep(alg, lab) for lab in labels_up_to(alg, max_dim))
