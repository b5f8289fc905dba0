"""Operators and accidental symmetries of the seed paper: Eqs. (40), (46), (60), footnote 6.

Each record derives its result from the built-in model files with the operator
layer (:func:`~anomalyalgebra.operators.allowed_operators`,
:func:`~anomalyalgebra.operators.accidental_symmetries`); the printed operator lists
are read from ``printed.toml`` only for the comparison (see ``docs/errata.rst``).
"""

from __future__ import annotations

from ..modelfile import load_model
from ..operators import Operator, accidental_symmetries, allowed_operators, goldstone_bosons, uncoloured_fields
from ..operators.accidental import phase_names
from . import printed
from ._common import record

__all__ = ["eq40_printed", "eq46_printed", "eq60_printed", "eq40", "eq46", "accidental_l_minus_4r", "accidental_breaking_l_minus_4r",
           "accidental_l_minus_4r_all_fields", "eq60", "eq44_footnote6"]


def eq46_printed() -> dict:
    """Eq. (46) as printed: operator (toolkit notation) -> coupling name of the paper."""
    return dict(printed.entry("eq46").value)


def eq40_printed() -> dict:
    """Eq. (40) as printed: operator -> coupling name."""
    return dict(printed.entry("eq40").value)


def eq60_printed() -> dict:
    """Eq. (60) as printed: operator -> power of 1/Λ."""
    return {k: int(v) for k, v in printed.entry("eq60").value.items()}


def _keyset(ops):
    return {tuple(sorted((f.field, f.conjugate) for f in Operator.parse(o).factors)) for o in ops}


def _key(op):
    return tuple(sorted((f.field, f.conjugate) for f in op.factors))


def _match(lag, printed):
    """Split printed operators into found / missing and the derived ones into extra."""
    want = {}
    for text in printed:
        op = Operator.parse(text)
        want[_key(op)] = text
        want[_key(op.hermitian_conjugate())] = text
    found, extra = [], []
    for t in lag:
        k = _key(t.operator)
        (found if k in want else extra).append(str(t.operator))
    missing = [p for p in printed if not any(_key(t.operator) in (_key(Operator.parse(p)),
               _key(Operator.parse(p).hermitian_conjugate())) for t in lag)]
    return found, missing, extra


def eq40():
    """The renormalizable τ-sector bilinears of the L-only model (Eq. 40)."""
    m = load_model("tau_l_only")
    lag = allowed_operators(m, fields=uncoloured_fields, include_potential=False)
    tau = {"l3", "e3", "EL", "ER"}
    terms = [t for t in lag if tau & set(t.operator.field_names())]
    paper = eq40_printed()
    found, missing, extra = _match(terms, paper)
    ok = not missing and not extra
    return record("eq40", [str(t.operator) for t in terms], list(paper),
                  "renormalizable bilinears of tau_l_only (Z2A, Z2tau imposed) touching l3, e3, EL, ER;"
                  f" missing {missing}, extra {extra}", ok, "derived")


def eq46():
    """The renormalizable fermion bilinears of the L = -4R model (Eq. 46)."""
    m = load_model("tau_l_minus_4r")
    lag = allowed_operators(m, fields=uncoloured_fields, include_potential=False)
    paper = eq46_printed()
    found, missing, extra = _match(list(lag), paper)
    ok = not missing and not extra
    note = (f"renormalizable fermion bilinears of the uncolored fields of Table IV; missing {missing},"
            f" extra {extra}")
    if extra == ["bar(l3) N2 conj(H)"]:
        note += ("; ERRATUM: the Dirac Yukawa l3-bar H~ N2 is allowed by Table IV (X: -4+4 = 0,"
                 " Y: +1/2-1/2 = 0) and missing from Eq. (46): nu_tau gets a Dirac mass with N2")
    return record("eq46", [str(t.operator) for t in lag], list(paper), note, ok, "derived")


_VEVS_L4R = ("H", "S1", "S5")


def _supports(acc) -> list:
    return sorted(sorted(set(s.support)) for s in acc.u1)


def accidental_l_minus_4r():
    """The accidental symmetry on the fields of Eq. (46) (text after Eq. 46).

    The renormalizable Lagrangian of the fields that appear in Eq. (46) as printed,
    broken phase (VEVs of H, S1, S5; the gauged Y and X removed).  The same on every
    field of Table IV is :func:`accidental_l_minus_4r_all_fields`.
    """
    m = load_model("tau_l_minus_4r")
    entry = printed.entry("accidental_l_minus_4r")
    fields46 = sorted({f for o in eq46_printed() for f in Operator.parse(o).field_names()})
    acc46 = accidental_symmetries(m, allowed_operators(m, fields=fields46), fields=fields46,
                                  vevs=list(_VEVS_L4R))
    expected = sorted(sorted(x) for x in entry.get("supports"))
    ok = _supports(acc46) == expected and not acc46.discrete
    note = (f"unbroken (VEVs of H, S1, S5; Y and X removed) accidental symmetry of the renormalizable"
            f" Lagrangian on the fields of Eq. (46) ({', '.join(fields46)}): {acc46.group()}; the"
            " printed U(1)s act on the same fields. On all fields of Table IV the result differs"
            " (record accidental_l_minus_4r_all_fields).")
    return record("accidental_l_minus_4r", acc46.group(), entry.value, note, ok, "derived")


def accidental_breaking_l_minus_4r():
    """Where the printed accidental symmetries of Table IV first break, against the SM.

    The paper's conclusions say that in the L = -4R model "the accidental symmetries of
    the SM are automatically preserved", and Eq. (46) names the accidental group.  For
    each printed U(1) the record finds the accidental U(1) of the whole model that
    contains it (:func:`~anomalyalgebra.operators.accidental_symmetries`) and the lowest
    mass dimension at which an independent operator, derivatives included, breaks it
    (:func:`~anomalyalgebra.operators.symmetry_breaking`, up to d = 5).  The same is done
    for the lepton numbers of the SM (model ``sm``).  The statement holds if no printed
    lepton U(1) breaks at a lower dimension than the SM's lepton numbers do; the note
    says which operators break them (in the SM only the ΔL = 2 Weinberg operator).
    """
    from ..operators.violation import symmetry_breaking

    m = load_model("tau_l_minus_4r")
    entry = printed.entry("accidental_breaking_l_minus_4r")
    acc = accidental_symmetries(m)
    rep = symmetry_breaking(m, 5, accidental=acc)
    sm = load_model("sm")
    sm_acc = accidental_symmetries(sm)
    sm_rep = symmetry_breaking(sm, 5, accidental=sm_acc)
    sm_fields = _field_of_phase(sm)
    leptons = [u for u in sm_acc.u1 if all(sm_fields[x] in ("l", "e") for x in u.support)]
    sm_dims = [sm_rep.violation(u.name).dim for u in leptons]
    sm_dim = min(d for d in sm_dims if d is not None)
    sm_ops = sorted({c for u in leptons for c, q, n in sm_rep.violation(u.name).contents if q > 0})
    derived, lines = {}, []
    for sup in entry.get("supports"):
        match = [u for u in acc.u1 if set(sup) <= set(u.support)]
        if len(match) != 1:
            derived[" ".join(sup)] = None
            continue
        v = rep.violation(match[0].name)
        derived[" ".join(sup)] = v.dim
        ops = ", ".join(dict.fromkeys(c for c, q, n in v.contents if q > 0)) if v.dim else ""
        lines.append(f"{match[0].name}: first broken at d = {v.dim} ({v.count} real operators: {ops})"
                     if v.dim else f"{match[0].name}: unbroken up to d = 5")
    lepton_keys = [k for k in derived if not k.startswith("LL")]
    ok = None not in derived.values() and all(derived[k] >= sm_dim for k in lepton_keys)
    note = (f"the SM's lepton numbers first break at d = {sm_dim} (only {', '.join(sm_ops)}: Delta L = 2)."
            " In Table IV no printed lepton U(1) breaks earlier, so the statement holds in that"
            " sense; but at d = 5 the model also has Delta L = 0 charged-lepton flavour violation"
            " (l12 e3^dag H^dag S1^dag mixes the tau with e, mu) and tau-anomalon mixing, which the"
            " SM lacks: " + "; ".join(lines) + ". Anomalon number has no SM counterpart. Baryon"
            " number breaks at d = 6 in both (notebook 07)")
    return record("accidental_breaking_l_minus_4r", derived, entry.value, note, ok, "derived")


def _field_of_phase(model) -> dict:
    """Phase label (``"l12_1"``, ``"q_3"``, ``"N1"``) -> field name, from :func:`phase_names`."""
    return {p: f.name for f in model.fields for p in phase_names(model, [f.name])}


def accidental_l_minus_4r_all_fields():
    """The accidental symmetry on every field of Table IV, renormalizable and at d <= 5."""
    m = load_model("tau_l_minus_4r")
    names = [f.name for f in m.fields]
    field_of = _field_of_phase(m)
    uncolored = set(uncoloured_fields(m))
    entry = printed.entry("accidental_l_minus_4r")
    groups, accs = {}, {}
    for label, extra in (("d = 4", ()), ("d <= 5", (5,))):
        acc = accidental_symmetries(m, allowed_operators(m, extra_dims=extra), vevs=list(_VEVS_L4R))
        accs[label] = acc
        groups[label] = acc.group()
    leptonic = [sup for sup in _supports(accs["d = 4"])
                if all(field_of[x] in uncolored for x in sup)]
    colored = [sup for sup in _supports(accs["d = 4"]) if sup not in leptonic]
    expected = sorted(sorted(x) for x in entry.get("supports"))
    ok = leptonic == expected
    new = [sup for sup in leptonic if sup not in expected]
    gone = [sup for sup in expected if sup not in leptonic]
    d5 = accs["d <= 5"]
    fermions = {f.name for f in m.fields if not f.is_scalar}
    d5_leptonic_u1 = [sup for sup in _supports(d5) if all(field_of[x] in uncolored for x in sup)]
    # is each Z_2 of the d <= 5 theory (-1)^F times a baryon-number rotation by pi?
    baryon = [u for u in d5.u1 if all(field_of[x] not in uncolored for x in u.support)]
    fermion_phases = {p for p in phase_names(m) if field_of[p] in fermions}

    def is_fermion_parity_times_baryon(z):
        if z.order != 2 or len(baryon) != 1:
            return False
        flipped = {p for p, q in z.charges if q % 2}
        by_baryon = {p for p, q in baryon[0].charges if q % 2}
        return flipped == fermion_phases ^ by_baryon
    trivial_z2 = all(is_fermion_parity_times_baryon(z) for z in d5.discrete)
    note = (f"all {len(names)} fields of Table IV, VEVs of H, S1, S5, Y and X removed. Renormalizable:"
            f" {groups['d = 4']}; its U(1)s on colored fields {colored} (baryon number), on"
            f" uncolored fields {leptonic}: the printed U(1)s on {gone} are replaced by {new}"
            " (N2 joins the tau number through bar(l3) N2 conj(H), the Yukawa missing from Eq. (46);"
            " N1 has no renormalizable coupling, U(1)_N1). With the d = 5 operators:"
            f" {groups['d <= 5']}: U(1)s on uncolored fields left: {d5_leptonic_u1 or 'none'};"
            + (" each Z2 flips exactly the fermions not flipped by a baryon-number rotation by pi,"
               " i.e. it is (-1)^F times that rotation: no new symmetry." if trivial_z2 and d5.discrete
               else f" discrete factors {[z.name for z in d5.discrete]}."))
    return record("accidental_l_minus_4r_all_fields", groups, entry.value, note, ok, "derived",
                  printed_key="accidental_l_minus_4r")


def eq60():
    """The N-bilinears of the L = -4R model beyond d = 4 (Eq. 60)."""
    m = load_model("tau_l_minus_4r")
    lag = allowed_operators(m, max_dim=4, extra_dims=(5, 6), fields=uncoloured_fields,
                            include_potential=False)
    nn = [t for t in lag if t.dimension > 4 and len(t.flavour) == 2
          and set(t.operator.field_names()) & {"N1", "N2"}
          and all(f in ("N1", "N2", "S1", "S5") for f in t.operator.field_names())]
    derived = [(str(t.operator), int(t.dimension)) for t in nn]
    paper_ops = eq60_printed()
    paper = [(o, 4 + p) for o, p in paper_ops.items()]
    ok = _keyset([d for d, _ in derived]) == _keyset(paper_ops) and \
        sorted(d for _, d in derived) == sorted(d for _, d in paper)
    checks = {o: (Operator.parse(o).is_invariant(m), Operator.parse(o).mass_dimension(m))
              for o in paper_ops}
    note = ("N-bilinears with S1, S5 up to d = 6 allowed by the Table IV charges: "
            + ", ".join(f"{o} (d = {d})" for o, d in derived)
            + ". The printed operators (invariant?, mass dimension): "
            + ", ".join(f"{o} ({inv}, d = {d})" for o, (inv, d) in checks.items())
            + ". ERRATUM: the invariants have mass dimension 5 (coefficient 1/Lambda, not 1/Lambda^2),"
            " and a printed operator that is not invariant under U(1)_X is replaced by the derived"
            " one with the other conjugations.")
    return record("eq60", derived, paper, note, ok, "derived")


def eq44_footnote6():
    """Tree-level Goldstone bosons of the L = -4R potential (footnote 6)."""
    m = load_model("tau_l_minus_4r")
    vevs = ["H", "S1", "S5"]
    n4 = len(goldstone_bosons(m, allowed_operators(m), vevs))
    n6 = len(goldstone_bosons(m, allowed_operators(m, extra_dims=(6,)), vevs))
    paper = tuple(int(x) for x in printed.entry("eq44_footnote6").value)
    return record("eq44_footnote6", (n4, n6), paper,
                  "tree-level Goldstones of the potential with VEVs of H, S1, S5: renormalizable,"
                  " then with the d = 6 term S5* S1^5", (n4, n6) == paper, "derived")
