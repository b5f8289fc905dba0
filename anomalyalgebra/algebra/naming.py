"""Conventional irrep names (LieART/Slansky style) and parsing of irrep specifications.

Everything here works on Dynkin labels (it builds no :class:`Irrep`): names of
labels, the labels a name denotes (:func:`labels_of_spec`), the labels up to a
dimension.  :func:`~anomalyalgebra.algebra.parse_irrep` and ``LieAlgebra.irrep``
wrap these results into irreps.

Naming convention (reproduces the algorithm of LieART 2.x, Feger, Kephart &
Saskowski, arXiv:1206.6379 / arXiv:1912.10969, checked against its SU(3) table):

1. All irreps of the same dimension are grouped by Dynkin index, ascending; the
   ``k``-th group gets ``k`` primes (``15``, ``15'``; ``20``, ``20'``, ``20''``).
2. Inside a group (same dimension and index) irreps are sorted by congruence
   class, ascending (for SO(2n) the second component of the class pair), ties
   broken by descending Dynkin label; of a conjugate pair the first is unbarred,
   the second gets ``bar``.  Hence SU(N) ``10 = (0,1,0,...)`` for N = 5, SO(10)
   ``16 = (0,0,0,0,1)``, E6 ``27 = (1,0,0,0,0,0)``.
3. Exception kept from LieART: SU(3) ``6 = (2,0)``.
4. SO(8): irreps whose dimension is shared get a subscript ``v``, ``s`` or ``c``
   from their congruence class (``8_v = (1,0,0,0)``, ``8_s = (0,0,0,1)``,
   ``8_c = (0,0,1,0)``).

Where this still leaves several irreps with the same name (accidental
degeneracies), the irreps are named by their Dynkin label, e.g. ``'(1,0,2)'``,
and the bare name raises :class:`AmbiguousRepresentationError`.

Differences from LieART: LieART only compares irreps whose Dynkin digits stay
below a cut-off (``MaxDynkinDigit``); here *all* irreps of the dimension are
enumerated, so names agree whenever LieART's cut-off does not drop an irrep.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..exceptions import AmbiguousRepresentationError, UnknownRepresentationError
from ..limits import check_limit
from .cartan import CartanType, fundamental_labels
from .weights import congruence_class, irrep_conjugate, irrep_dim, irrep_index

__all__ = ["irrep_name", "irrep_latex", "irreps_of_dim", "labels_up_to", "labels_of_spec"]

#: Irreps larger than this are named by their Dynkin labels (naming needs all irreps of that dim).
MAX_NAMED_DIM = 10**8

_SO8_SUB = {"v": 0, "s": 1, "c": 2}


def _enumerate(alg: CartanType, bound: int) -> list:
    """All Dynkin labels with ``dim <= bound`` (dimension grows strictly in every label)."""
    r = alg.rank
    out = []
    stack = [((0,) * r, 0)]
    while stack:
        lab, start = stack.pop()
        out.append(lab)
        for j in range(start, r):
            nl = lab[:j] + (lab[j] + 1,) + lab[j + 1 :]
            if irrep_dim(alg, nl) <= bound:
                stack.append((nl, j))
    return out


@lru_cache(maxsize=256)
def _by_dim(alg: CartanType, bound: int) -> dict:
    table = {}
    for lab in _enumerate(alg, bound):
        table.setdefault(irrep_dim(alg, lab), []).append(lab)
    return table


def _bound_for(d: int) -> int:
    b = 64
    while b < d:
        b *= 4
    return b


def irreps_of_dim(alg: CartanType, d: int) -> tuple:
    """Dynkin labels of all irreps of dimension ``d``.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    d : int
        The dimension.

    Returns
    -------
    tuple of tuple of int
        Unsorted; empty when no irrep has that dimension.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> sorted(irreps_of_dim(lie_algebra("SU(3)"), 6))
    [(0, 2), (2, 0)]
    """
    if alg.rank == 1:  # SU(2): one irrep per dimension, no enumeration needed
        return ((d - 1,),) if d >= 1 else ()
    return tuple(_by_dim(alg, _bound_for(d)).get(d, ()))


def _ordering_part(cc):
    return cc[1] if isinstance(cc, tuple) else cc


def _reduced(lab: tuple) -> tuple:
    nonzero = sorted(set(x for x in lab if x))
    return tuple(nonzero.index(x) + 1 if x else 0 for x in lab)


def _so8_sub(cc) -> str:
    if cc[0] == 0:
        return "v"
    if cc[1] == 0:
        return "s"
    return "c"


@lru_cache(maxsize=4096)
def _name_info(alg: CartanType, d: int) -> dict:
    """``labels -> (primes, barred, sub)`` for every irrep of dimension ``d``; ``None`` if unnamed."""
    labs = irreps_of_dim(alg, d)
    info = {}
    indices = sorted({irrep_index(alg, lab) for lab in labs})
    is_so8 = alg.series == "D" and alg.rank == 4
    for primes, t in enumerate(indices):
        group = [lab for lab in labs if irrep_index(alg, lab) == t]
        group.sort(key=lambda lab: (_ordering_part(congruence_class(alg, lab)), tuple(-x for x in lab)))
        if alg.series == "A" and alg.rank == 2 and d == 6:
            group.sort(key=lambda lab: lab != (2, 0))
        if is_so8 and len(labs) > 1:
            subs = [_so8_sub(congruence_class(alg, lab)) for lab in group]
            unique = len(set(subs)) == len(subs)
            if not unique:  # LieART: classify by the reduced label, e.g. (2,0,0,0) -> (1,0,0,0)
                subs = [_so8_sub(congruence_class(alg, _reduced(lab))) for lab in group]
                unique = len(set(subs)) == len(subs)
            for lab, sub in zip(group, subs):
                info[lab] = (primes, False, sub) if unique else None
        elif len(group) == 1:
            info[group[0]] = (primes, False, None)
        elif len(group) == 2 and irrep_conjugate(alg, group[0]) == group[1]:
            info[group[0]] = (primes, False, None)
            info[group[1]] = (primes, True, None)
        else:
            for lab in group:
                info[lab] = None
    return info


def _format(d, primes, barred, sub) -> str:
    return f"{d}{'bar' if barred else ''}{chr(39) * primes}{'_' + sub if sub else ''}"


def _label_string(labels) -> str:
    return "(" + ",".join(map(str, labels)) + ")"


@lru_cache(maxsize=None)
def _name(alg: CartanType, labels: tuple) -> str:
    d = irrep_dim(alg, labels)
    if d > MAX_NAMED_DIM:
        return _label_string(labels)
    entry = _name_info(alg, d).get(labels)
    if entry is None:
        return _label_string(labels)
    return _format(d, *entry)


def irrep_name(irrep) -> str:
    """Conventional name of an irrep (see the module docstring).

    Parameters
    ----------
    irrep : Irrep
        The irrep.

    Returns
    -------
    str
        E.g. ``"3bar"``, ``"20''"``, ``"8_v"``, or the Dynkin label string when the
        irrep has no conventional name.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> su4 = lie_algebra("SU(4)")
    >>> [irrep_name(su4.irrep(l)) for l in [(0,1,0), (2,0,0), (0,1,1), (0,2,0), (0,0,3)]]
    ['6', '10', '20', "20'", "20''"]
    """
    return _name(irrep.algebra, irrep.labels)


def irrep_latex(irrep) -> str:
    r"""LaTeX form of an irrep's name: ``\overline{3}``, ``15'``, ``8_{v}``, or the Dynkin label.

    Parameters
    ----------
    irrep : Irrep
        The irrep.

    Returns
    -------
    str
        LaTeX source (no math delimiters).

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> irrep_latex(lie_algebra("SU(3)").irrep("15'bar"))
    "\\overline{15}'"
    """
    alg, labels = irrep.algebra, irrep.labels
    d = irrep_dim(alg, labels)
    entry = None if d > MAX_NAMED_DIM else _name_info(alg, d).get(labels)
    if entry is None:
        return _label_string(labels)
    primes, barred, sub = entry
    core = rf"\overline{{{d}}}" if barred else str(d)
    return core + "'" * primes + (f"_{{{sub}}}" if sub else "")


def labels_up_to(alg: CartanType, max_dim: int) -> tuple:
    """Dynkin labels of all irreps with ``dim <= max_dim``, sorted by dimension then name order.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    max_dim : int
        Largest dimension listed (positive).

    Returns
    -------
    tuple of tuple of int
        The highest weights, conjugates included.

    Raises
    ------
    UnknownRepresentationError
        If ``max_dim`` is not a positive int.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> labels_up_to(lie_algebra("SU(2)"), 3)
    ((0,), (1,), (2,))
    """
    if isinstance(max_dim, bool) or not isinstance(max_dim, int) or max_dim < 1:
        raise UnknownRepresentationError(f"{alg.name}: max_dim must be a positive int, got {max_dim!r}")
    table = _by_dim(alg, _bound_for(max_dim))
    out = []
    for d in sorted(k for k in table if k <= max_dim):
        info = _name_info(alg, d)

        def key(lab, info=info):
            e = info.get(lab)
            if e is None:
                return (99, 1, 9, tuple(-x for x in lab))
            primes, barred, sub = e
            return (primes, int(barred), _SO8_SUB.get(sub, -1), tuple(-x for x in lab))

        out.extend(sorted(table[d], key=key))
    return tuple(out)


# ---------------------------------------------------------------------------
# parsing
# ---------------------------------------------------------------------------
_NAME_RE = re.compile(
    r"^(?P<dim>\d+)\s*(?P<bar1>bar)?\s*(?P<primes>'*)\s*(?P<bar2>bar)?\s*(?:_?\s*\{?(?P<sub>[vsc])\}?)?$"
)
_LATEX_RE = re.compile(r"^\\(?:overline|bar)\s*\{\s*(?P<dim>\d+)\s*\}\s*(?P<rest>.*)$")
_LABEL_RE = re.compile(r"^[\(\[]\s*(?P<body>[^\)\]]*)[\)\]]$")


def _check_dim(alg, spec, d):
    check_limit("max_irrep_dim", d, f"{alg.name}: {_brief(spec)} has dimension {_brief(str(d))}, which")


def _brief(text: str) -> str:
    return repr(text) if len(text) <= 40 else repr(text[:37] + "...")


def _int_text(alg, spec, digits: str) -> int:
    """``int(digits)`` for a dimension or a Dynkin label, refusing absurd sizes first."""
    n = len(digits.lstrip("0"))
    if n > 12:
        check_limit("max_irrep_dim", 10**12, f"{alg.name}: {_brief(spec)} (a number of {n} digits)")
    return int(digits)


def labels_of_spec(alg: CartanType, spec: str) -> tuple:
    """Dynkin labels denoted by a text specification of an irrep.

    Parameters
    ----------
    alg : LieAlgebra
        The simple Lie algebra.
    spec : str
        A name (``"3bar"``, ``"15'"``, ``"8_v"``, ``"adj"``) or a label string (``"(2,0)"``).

    Returns
    -------
    tuple of int
        The highest weight.

    Raises
    ------
    UnknownRepresentationError
        If the text denotes no irrep of ``alg``.
    AmbiguousRepresentationError
        If a name matches several irreps; here ``.candidates`` holds their Dynkin labels.
    LimitError
        If the dimension exceeds ``max_irrep_dim``.

    Examples
    --------
    >>> from anomalyalgebra.algebra import lie_algebra
    >>> labels_of_spec(lie_algebra("SU(3)"), "15'bar")
    (0, 4)
    """
    labels = _parse_text(alg, spec)
    _check_dim(alg, spec, irrep_dim(alg, labels))
    return labels


@lru_cache(maxsize=4096)
def _parse_text(alg: CartanType, spec: str) -> tuple:
    text = spec.strip().replace("\u2032", "'").replace("\u00af", "")
    m = _LABEL_RE.match(text)
    if m:
        return _parse_labels(alg, spec, m.group("body"))
    low = text.lower()
    if low in ("adj", "adjoint"):
        return alg.highest_root
    if low in ("trivial", "singlet"):
        return (0,) * alg.rank
    if low in ("fund", "fundamental"):
        return fundamental_labels(alg)
    m = _LATEX_RE.match(text)
    if m:
        text = m.group("dim") + "bar" + m.group("rest").replace("^{\\prime}", "'")
    m = _NAME_RE.match(text)
    if not m:
        raise UnknownRepresentationError(
            f"{alg.name}: {spec!r} is not an irrep name or Dynkin label; expected e.g. '3', '3bar', "
            f"\"15'\", '(1,0)'"
        )
    d = _int_text(alg, spec, m.group("dim"))
    _check_dim(alg, spec, d)
    primes = len(m.group("primes"))
    barred = bool(m.group("bar1")) != bool(m.group("bar2"))  # "15'bar" or "15bar'"; "bar bar" cancels
    sub = m.group("sub")
    labs = irreps_of_dim(alg, d) if d >= 1 else ()
    if not labs:
        raise UnknownRepresentationError(f"{alg.name}: {spec!r}: no irrep of {alg.name} has dimension {d}")
    info = _name_info(alg, d)
    base = [lab for lab, e in info.items() if e is not None and e[:3:2] == (primes, sub) and not e[1]]
    if len(base) == 1:
        lab = base[0]
        return irrep_conjugate(alg, lab) if barred else lab
    # candidates for an ambiguous name: same dim, same number of primes (by index group)
    indices = sorted({irrep_index(alg, lab) for lab in labs})
    cands = []
    if primes < len(indices):
        t = indices[primes]
        cands = [lab for lab in labs if irrep_index(alg, lab) == t and (info[lab] is None or (sub is None and info[lab][2]))]
    if len(cands) > 1:
        cands.sort(key=lambda lab: (_SO8_SUB.get((info[lab] or (0, 0, None))[2], 9), tuple(-x for x in lab)))
        listing = ", ".join(
            (f"{_name(alg, lab)} {_label_string(lab)}" if info[lab] else _label_string(lab)) for lab in cands
        )
        raise AmbiguousRepresentationError(
            f"{alg.name}: {spec!r} matches several irreps: {listing}; give the Dynkin label"
            + (" or a subscript _v/_s/_c" if alg.series == "D" and alg.rank == 4 else ""),
            tuple(cands),
        )
    known = sorted({_name(alg, lab) for lab in labs})
    raise UnknownRepresentationError(
        f"{alg.name}: {spec!r} is not a known irrep name; irreps of dimension {d} are {', '.join(known)}"
    )


def _parse_labels(alg: CartanType, spec: str, body: str) -> tuple:
    body = body.strip()
    if "," in body:
        parts = [p.strip() for p in body.split(",")]
    elif " " in body:
        parts = body.split()
    elif alg.rank == 1:
        parts = [body]
    else:  # LieART's compact form "(20)": one digit per label
        parts = list(body)
    if len(parts) != alg.rank:
        raise UnknownRepresentationError(
            f"{alg.name}: {spec!r} has {len(parts)} Dynkin labels; {alg.name} needs {alg.rank}"
        )
    out = []
    for p in parts:
        if not re.fullmatch(r"\d+", p):
            raise UnknownRepresentationError(
                f"{alg.name}: {spec!r}: Dynkin label {p!r} is not a non-negative integer"
            )
        out.append(_int_text(alg, spec, p))
    return tuple(out)
