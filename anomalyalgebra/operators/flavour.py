"""The charge matrix of a set of terms over the phases, with the flavour rule.

Flavour (the rule, documented in ``docs/operators.rst``)
--------------------------------------------------------
Couplings are generic, so a coupling *matrix* can be brought to a canonical form by
the unitary rotations of the copies when nothing else uses those rotations:

* a Dirac-type matrix ``y_ab ψ̄_a χ_b`` whose two fields (both with copies) enter no
  other term is made diagonal (singular-value decomposition): one phase per
  diagonal pair, extra copies of the larger field decouple;
* a symmetric Majorana-type matrix ``y_ab ψ_a ψ_b`` of a field entering no other
  term is made diagonal (Takagi);
* a field whose copies enter only through ``r`` vector couplings ``y_a`` (no other
  flavoured field in those terms) is rotated so that only its first ``min(r, k)``
  copies couple;
* everything else is treated as a generic full tensor (every index combination).

This is why the seed paper finds ``U(1)_1 × U(1)_2`` for ``y_ab ℓ̄^a e^b H`` (Eq. 46),
and why the SM has ``L_e, L_μ, L_τ`` but a single baryon number.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import product

import sympy as sp

from ..exceptions import ModelError
from .phases import phase_name

__all__ = ["charge_matrix"]


def _expand(term, model, index, info):
    """Integer charge rows of one term over the phases, with the flavour rule."""
    facs = term.operator.factors
    choice = []
    for f in facs:
        k = model.field(f.field).copies
        choice.append(info.get((id(term), f.field), range(k)))
    rows = []
    seen = set()
    diag = info.get((id(term), "diag"))
    if diag is not None:
        combos = [[a] * len(facs) for a in range(diag)]
        # map: flavoured factors take the diagonal index, unflavoured 0
        combos = [[(a if model.field(f.field).copies > 1 else 0) for f in facs] for a in range(diag)]
    else:
        combos = product(*choice)
    for combo in combos:
        row = defaultdict(int)
        for f, a in zip(facs, combo):
            k = model.field(f.field).copies
            row[index[phase_name(f.field, a, k)]] += -1 if f.conjugate else 1
        key = tuple(sorted((i, v) for i, v in row.items() if v))
        if key and key not in seen:
            seen.add(key)
            rows.append(key)
    return rows


def _flavour_info(terms, model, flavour):
    """Which terms get diagonal flavour structure / restricted copies (see module doc)."""
    info = {}
    if flavour == "generic":
        return info
    multi = {f.name for f in model.fields if f.copies > 1}
    users = defaultdict(list)
    for t in terms:
        for n in dict.fromkeys(t.operator.field_names()):
            if n in multi:
                users[n].append(t)
    for t in terms:
        fl = [f for f in t.operator.factors if f.field in multi]
        names = [f.field for f in fl]
        if len(fl) == 2 and names[0] != names[1] and all(len(users[n]) == 1 for n in names) \
                and len(t.operator.factors) == len(set((f.field, f.conjugate) for f in t.operator.factors)):
            info[(id(t), "diag")] = min(model.field(n).copies for n in names)
        elif len(fl) == 2 and names[0] == names[1] and len(users[names[0]]) == 1 \
                and fl[0].conjugate == fl[1].conjugate and _symmetric_only(t, model):
            info[(id(t), "diag")] = model.field(names[0]).copies
    for n in multi:
        ts = users[n]
        if ts and all(sum(f.field in multi for f in t.operator.factors) == 1 for t in ts):
            r = min(len(ts), model.field(n).copies)
            for t in ts:
                info[(id(t), n)] = range(r)
    return info


def _symmetric_only(term, model):
    """A Majorana-type flavour matrix that is symmetric (no antisymmetric gauge part)."""
    k = model.field(term.operator.factors[0].field).copies
    n = term.couplings
    if n is None:
        return False
    s = n  # n = s k(k+1)/2 + a k(k-1)/2; with copies = 1 only s survives
    from .operator import Operator
    single = model.replace_field(term.operator.factors[0].field, copies=1)
    s = Operator(term.operator.factors).independent_couplings(single)
    return n == s * k * (k + 1) // 2


def charge_matrix(model, terms, phases, flavour="diagonalise"):
    """Integer charge rows of the terms over ``phases``, with the flavour rule.

    Parameters
    ----------
    model : Model
        The model.
    terms : iterable of Term
        The terms; hermitian ones give no row (their phase is always zero).
    phases : sequence of str
        The phases (columns), from :func:`phase_names`.
    flavour : {"diagonalize", "generic"}, optional
        The flavour rule of the module documentation.

    Returns
    -------
    list of list of int
        One row per (flavour component of a) term.

    Raises
    ------
    ModelError
        If a term is allowed only under a condition on symbolic charges, or uses a
        single-copy field that is not among the phases.
    """
    index = {p: i for i, p in enumerate(phases)}
    terms = [t for t in terms if not t.hermitian]
    for t in terms:
        if t.condition:
            raise ModelError(f"term {t.operator} of {model.name} is allowed only if "
                             f"{', '.join(sp.sstr(c) for c in t.condition)}: substitute the charges first")
        for n in t.operator.field_names():
            if model.field(n).copies == 1 and n not in index:
                raise ModelError(f"term {t.operator} uses field '{n}' outside the chosen fields")
    info = _flavour_info(terms, model, flavour)
    rows = []
    for t in terms:
        for key in _expand(t, model, index, info):
            row = [0] * len(phases)
            for i, v in key:
                row[i] = v
            rows.append(row)
    return rows
