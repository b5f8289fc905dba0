"""The vocabulary of SARAH model files: which statements declare what, and the helpers
that read their parsed nodes (:mod:`anomalyalgebra.interop.mathematica`) for the reader
of :mod:`anomalyalgebra.interop.sarah` -- DEFINITION blocks, field components, Z_N
phases, and the expansion of a Lagrangian into monomials of fields.
"""

from __future__ import annotations

from fractions import Fraction

from ..exceptions import LimitError
from ..limits import current_limits
from .imported import sum_of_products
from .mathematica import Node

__all__ = ["FIELD_LISTS", "INDEXED", "TERM_LISTS", "IGNORED_CALLS", "NO_EFFECT", "OLD_LISTS", "is_definition",
           "is_lagrangian_input", "all_conjugated", "phase_exponent", "expand_monomials", "defined_note",
           "at_line", "line_ranges", "component_names", "old_style_entry"]


#: The lists of field declarations.
FIELD_LISTS = ("FermionFields", "ScalarFields", "SuperFields")
#: The statements written ``Name[[i]] = ...``.
INDEXED = ("Gauge", "Global") + FIELD_LISTS
#: The Lagrangians read as terms (besides those listed in ``LagrangianInput``).
TERM_LISTS = ("LagHC", "LagNoHC", "SuperPotential")
#: Top-level calls ignored silently.
IGNORED_CALLS = ("Off", "On")
#: Top-level calls that SARAH runs but that declare nothing: ignored with a note.
NO_EFFECT = {
    "SetOptions": "options of SARAH's output routines (MakeAll, MakeSPheno, ...), not part of the model",
    "Print": "prints a message when SARAH loads the file",
}
#: Lists of an older SARAH syntax (read through :func:`old_style_entry`).
OLD_LISTS = ("MatterFields",)


def is_definition(lhs):
    """Whether ``lhs`` is ``DEFINITION[state][what]`` (EWSB rotations, gauge fixing, VEVs, Dirac spinors).

    Parameters
    ----------
    lhs : Node
        Left-hand side of an assignment.

    Returns
    -------
    bool
    """
    return lhs.kind == "call" and lhs.value.kind == "call" and lhs.value.head_name == "DEFINITION"


def is_lagrangian_input(lhs):
    """Whether ``lhs`` is ``DEFINITION[GaugeES][LagrangianInput]`` (or ``[Additional]``, older files).

    Parameters
    ----------
    lhs : Node
        Left-hand side of an assignment.

    Returns
    -------
    bool

    Examples
    --------
    >>> from anomalyalgebra.interop.mathematica import parse_statements
    >>> st = parse_statements("DEFINITION[GaugeES][LagrangianInput] = {};")[0]
    >>> is_lagrangian_input(st.args[0]), is_definition(st.args[0])
    (True, True)
    """
    if lhs.kind != "call" or len(lhs.args) != 1 or lhs.args[0].kind != "name":
        return False
    inner = lhs.value
    return (lhs.args[0].value in ("LagrangianInput", "Additional") and inner.kind == "call"
            and inner.head_name == "DEFINITION" and len(inner.args) == 1
            and inner.args[0].kind == "name" and inner.args[0].value == "GaugeES")


def all_conjugated(comps):
    """Whether every component of a field entry is ``conj[...]`` (a right-handed field).

    Parameters
    ----------
    comps : Node
        The components: a list or a single node.

    Returns
    -------
    bool
        False for no components.
    """
    items = comps.args if comps.kind == "list" else (comps,)
    flags = [a.kind == "call" and a.head_name == "conj" for a in items]
    return bool(flags) and all(flags)


def phase_exponent(node, n):
    """k for a Z_N charge given as 1, -1 (N even) or Exp[2 Pi I k/N]; None if unreadable.

    Parameters
    ----------
    node : Node
        The charge as written.
    n : int
        The order N.

    Returns
    -------
    int or None
        ``k`` modulo ``n``.
    """
    if node.kind == "num" and node.value == 1:
        return 0
    if node.kind == "neg" and node.args[0].kind == "num" and node.args[0].value == 1 and n % 2 == 0:
        return n // 2
    arg = None
    if node.kind == "call" and node.head_name == "Exp" and len(node.args) == 1:
        arg = node.args[0]
    elif node.kind == "pow" and node.args[0].kind == "name" and node.args[0].value == "E":
        arg = node.args[1]
    if arg is None:
        return None
    coeff = _coefficient_of(arg, {"Pi", "I"})
    if coeff is None:
        return None
    k = coeff * n / 2
    if k.denominator != 1:
        return None
    return int(k) % n


def _coefficient_of(node, needed):
    """The rational c in c * Pi * I (each of ``needed`` exactly once); None otherwise."""
    def walk(nd):
        if nd.kind == "num":
            return nd.value, []
        if nd.kind == "name":
            # \[ImaginaryI] (tokenised as ImaginaryI) is Mathematica's I
            return Fraction(1), ["I" if nd.value == "ImaginaryI" else nd.value]
        if nd.kind == "neg":
            c, names = walk(nd.args[0])
            return (None, None) if c is None else (-c, names)
        if nd.kind == "mul":
            c, names = Fraction(1), []
            for a in nd.args:
                c2, n2 = walk(a)
                if c2 is None:
                    return None, None
                c, names = c * c2, names + n2
            return c, names
        if nd.kind == "div":
            c1, n1 = walk(nd.args[0])
            c2, n2 = walk(nd.args[1])
            if c1 is None or c2 is None or n2 or c2 == 0:
                return None, None
            return c1 / c2, n1
        return None, None

    c, names = walk(node)
    if c is None or sorted(names) != sorted(needed):
        return None
    return c


def expand_monomials(node, resolve, reader):
    """Expand a Lagrangian expression: list of (coupling names, factors, line, number,
    other factors); a factor is ``(field, conj)`` or ``(None, group label)`` for a vector
    boson (see ``resolver``); ``number`` is the rational factor with its sign, ``other
    factors`` the parsed nodes of the remaining non-field factors (``Sqrt[2]``).

    Parameters
    ----------
    node : Node
        The Lagrangian expression.
    resolve : callable
        ``name -> (field, conj) or None``: what a name stands for.
    reader : object
        Reports errors and limits (``fail(line, message)``, ``within(limit, value, what, line)``).

    Returns
    -------
    list of tuple
        One entry per monomial.

    Raises
    ------
    ModelFileError
        Through ``reader`` for a construct that is not a polynomial in the fields.
    LimitError
        When the expansion exceeds ``max_term_monomials``.
    """
    one = Fraction(1)

    def mono(coeffs=(), facs=(), num=one, others=()):
        return (list(coeffs), list(facs), num, list(others))

    def name_factor(name, in_dot, line, conj=False):
        r = resolve(name, in_dot, line, conj)
        if r is None:
            return [mono([f"conj[{name}]" if conj else name])]
        return [mono(facs=[r])]

    def walk(nd, in_dot=False):
        k = nd.kind
        if k == "add":
            out = []
            for a in nd.args:
                out += walk(a, in_dot)
            return out
        if k == "neg":
            return [(c, f, -n, o) for c, f, n, o in walk(nd.args[0], in_dot)]
        if k == "dot":
            return _product([walk(a, True) for a in nd.args], nd.line, reader)
        if k == "mul":
            return _product([walk(a) for a in nd.args], nd.line, reader)
        if k == "div":
            den = walk(nd.args[1])
            if any(m[1] for m in den):
                reader.fail(nd.line, f"a field in a denominator: {nd.text()[:60]!r}")
            num = walk(nd.args[0], in_dot)
            if len(den) == 1 and not den[0][0] and not den[0][3] and den[0][2] != 0:
                return [(c, f, n / den[0][2], o) for c, f, n, o in num]
            inverse = Node("div", None, (Node("num", one, (), nd.line), nd.args[1]), nd.line)
            return [(c, f, n, o + [inverse]) for c, f, n, o in num]
        if k == "pow":
            base, exp = nd.args
            b = walk(base, in_dot)
            if not any(m[1] for m in b):
                return [mono(others=[nd])]
            if exp.kind != "num" or exp.value.denominator != 1 or exp.value < 1:
                reader.fail(nd.line, f"a field raised to {exp.text()!r}: only positive integer powers")
            reader.within("max_exponent", exp.value, f"the power {exp.text()} of fields", nd.line)
            return _product([b] * int(exp.value), nd.line, reader)
        if k == "num":
            return [mono(num=nd.value)]
        if k == "name":
            return name_factor(nd.value, in_dot, nd.line)
        if k == "call":
            head = nd.head_name
            if head == "conj" and len(nd.args) == 1 and nd.args[0].kind == "name":
                return name_factor(nd.args[0].value, in_dot, nd.line, conj=True)
            if head == "Expand" and len(nd.args) == 1:
                return walk(nd.args[0], in_dot)          # algebraic expansion: same monomials
            if head == "Der" and nd.args:
                return walk(nd.args[0], in_dot)          # Der[field, index]: a derivative of the field
            inner = [walk(a) for a in nd.args]
            if any(m[1] for ms in inner for m in ms):
                reader.fail(nd.line, f"unsupported function {nd.value.text()!r} applied to fields in"
                            f" {nd.text()[:60]!r}")
            return [mono(others=[nd])]
        reader.fail(nd.line, f"unsupported construct in a Lagrangian term: {nd.text()[:60]!r}")

    out = []
    for term in (node.args if node.kind == "add" else (node,)):
        for coeffs, facs, num, others in walk(term):
            out.append((coeffs, facs, term.line, num, others))
            if len(out) > current_limits().max_term_monomials:
                reader.within("max_term_monomials", len(out), f"a Lagrangian of {len(out)} or more"
                              " monomials", term.line)
    return out


def _product(parts, line, reader):
    """Cartesian product of lists of monomials (as lists of alternatives), each monomial
    ``(couplings, factors, number, others)``; bounded by the limit ``max_term_monomials``."""
    try:
        combos = sum_of_products([[[m] for m in alternatives] for alternatives in parts])
    except LimitError as exc:
        reader.fail(line, str(exc))
    out = []
    for c in combos:
        num = Fraction(1)
        for m in c:
            num *= m[2]
        out.append((sum((m[0] for m in c), []), sum((m[1] for m in c), []), num, sum((m[3] for m in c), [])))
    return out


def defined_note(node, use):
    """`` (the value on line N)`` when a name's value sits on another line than its use.

    Parameters
    ----------
    node : Node
        The value.
    use : int
        The line of the use.

    Returns
    -------
    str
        ``""`` on the same line.
    """
    return f" (the value on line {node.line})" if node.line != use else ""


def at_line(node, line):
    """``node`` re-labelled with ``line`` (its children keep theirs).

    Parameters
    ----------
    node : Node
        A parsed node.
    line : int
        The line to report.

    Returns
    -------
    Node
    """
    return Node(node.kind, node.value, node.args, line)


def line_ranges(numbers):
    """Line numbers as ranges for a message.

    Parameters
    ----------
    numbers : iterable of int
        Increasing numbers.

    Returns
    -------
    str

    Examples
    --------
    >>> line_ranges([6, 7, 9])
    '6-7, 9'
    """
    out, run = [], []
    for n in numbers:
        if run and n == run[-1] + 1:
            run.append(n)
            continue
        if run:
            out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [n]
    if run:
        out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(out)


def component_names(node, conj=False):
    """``(name, conjugated)`` of the components of a field entry (``{uL, dL}``,
    ``conj[eR]``, ``{{phi0/Sqrt[2], -conj[phim]}, ...}``).

    Parameters
    ----------
    node : Node
        The components.
    conj : bool, optional
        Whether the enclosing node is conjugated.

    Returns
    -------
    list of (str, bool)
    """
    if node.kind == "name":
        return [(node.value, conj)]
    if node.kind == "call":
        flip = conj != (node.head_name == "conj")
        return [p for a in node.args for p in component_names(a, flip)]
    return [p for a in node.args for p in component_names(a, conj)] if node.args else []


def old_style_entry(node):
    """An old-style ``Fields[[i]] = {components, generations, name, ...}`` entry as a
    ``SuperFields[[i]]`` entry ``{name, generations, components, ...}``.

    Parameters
    ----------
    node : Node
        The entry.

    Returns
    -------
    Node
        Reordered; ``node`` itself if it is not a list of three or more.
    """
    if node.kind != "list" or len(node.args) < 3:
        return node
    a = node.args
    return Node("list", None, (a[2], a[1], a[0]) + a[3:], node.line)
