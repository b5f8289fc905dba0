"""Four-fermion operators: Lorentz contractions, Fermi statistics, SMEFT counts.

Known results used here:

* Warsaw basis (Grzadkowski, Iskrzyński, Misiak, Rosiek, arXiv:1008.4884, Tables 3
  and 5): 25 baryon-number conserving and 4 violating four-fermion operators for one
  generation.
* Parameter counts for three generations (Alonso, Jenkins, Manohar, Trott,
  arXiv:1312.2014: 2499 = 1350 CP-even + 1149 CP-odd real parameters at d = 6, of which
  294 are not four-fermion), and the B-violating 273 complex couplings of Alonso,
  Chang, Jenkins, Manohar, Shotwell (arXiv:1405.0486).
* Index symmetries of the Warsaw coefficients as in the ``wilson`` package (classes
  "two identical hermitian currents", "ee" with the extra Fierz symmetry), used for an
  independent brute-force count by linear algebra.
"""

import itertools
import time

import numpy as np
import pytest

import anomalyalgebra as aa
from anomalyalgebra.operators import Operator, allowed_operators
from anomalyalgebra.operators.invariants import count_invariants
from anomalyalgebra.algebra import lie_algebra


def sm_with(n):
    m = aa.load_model("sm")
    for f in ("q", "u", "d", "l", "e"):
        m = m.replace_field(f, copies=n)
    return m


def four_fermion(model, d=6, **kw):
    lag = allowed_operators(model, max_dim=0, extra_dims=(d,), include_potential=False, **kw)
    return [t for t in lag if len(t.flavour) == 4]


def content(term):
    """Field content as a sorted string: 'l l lbar lbar'."""
    return " ".join(sorted(f.field + ("bar" if f.conjugate else "") for f in term.operator.factors))


def key(text):
    return content(type("T", (), {"operator": Operator.parse(text)})())


# ----------------------------------------------------------------- Lorentz structure
def toy_singlets(copies=1):
    return aa.Model.build("toy", {"X": "U(1)"}, [aa.fermion(n, "L", {"X": "0"}, copies=copies) for n in "abcd"])


def test_lorentz_contractions_of_distinct_spinors():
    m = toy_singlets()
    assert Operator.parse("a b c d").independent_couplings(m) == 2               # (1/2)^4 ∋ 2 singlets
    assert Operator.parse("a b bar(c) bar(d)").independent_couplings(m) == 1     # (ψχ)(ψ̄χ̄)
    assert Operator.parse("bar(a) bar(b) bar(c) bar(d)").independent_couplings(m) == 2
    assert Operator.parse("a b c bar(d)").lorentz_scalar(m) is False
    assert Operator.parse("a b c bar(d)").independent_couplings(m) == 0          # the count agrees
    assert Operator.parse("a bar(b) c bar(d)").structure(m) == "four_fermion"


def test_fermi_statistics_of_identical_spinors():
    m1, m2 = toy_singlets(1), toy_singlets(2)
    assert Operator.parse("a a b b").independent_couplings(m1) == 1     # (aa)(bb), ε in each pair
    assert Operator.parse("a a a a").independent_couplings(m1) == 0     # Λ^4 of a 2-dim space
    assert Operator.parse("a a a b").independent_couplings(m1) == 0
    # two flavours: Λ^4(2 ⊗ 2) ∋ S_(2,2) ⊗ S_(2,2) = one singlet
    assert Operator.parse("a a a a").independent_couplings(m2) == 1
    # (a_i a_j)(b_k b_l): pairs in ε (flavour symmetric, 3 x 3) or in the Lorentz
    # triplet a σ^{μν} a (flavour antisymmetric, 1 x 1): 9 + 1
    assert Operator.parse("a a b b").independent_couplings(m2) == 10


def test_count_invariants_sign_reduces_to_symmetric_for_bilinears():
    su2 = lie_algebra("SU(2)")
    for copies in (1, 2, 3):
        for labels in ((0,), (1,), (2,)):
            sym = count_invariants([2], [(su2, (labels,))], [copies])
            lor = count_invariants([2], [(su2, ((1,),)), (su2, (labels,))], [copies], [True])
            assert sym == lor


def test_bilinear_counts_unchanged():
    sm = aa.load_model("sm")
    assert Operator.parse("l l H H").independent_couplings(sm) == 6
    assert Operator.parse("bar(l) e H").independent_couplings(sm) == 9
    assert Operator.parse("H H conj(H) conj(H)").independent_couplings(sm) == 1


# ----------------------------------------------------------------- SM, one generation
WARSAW_NF1 = {
    # (L̄L)(L̄L)
    "bar(l) l bar(l) l": 1,          # ll (the triplet is Fierz-redundant)
    "bar(q) q bar(q) q": 2,          # qq(1), qq(3)
    "bar(l) l bar(q) q": 2,          # lq(1), lq(3)
    # (R̄R)(R̄R)
    "bar(e) e bar(e) e": 1, "bar(u) u bar(u) u": 1, "bar(d) d bar(d) d": 1,
    "bar(e) e bar(u) u": 1, "bar(e) e bar(d) d": 1,
    "bar(u) u bar(d) d": 2,          # ud(1), ud(8)
    # (L̄L)(R̄R)
    "bar(l) l bar(e) e": 1, "bar(l) l bar(u) u": 1, "bar(l) l bar(d) d": 1,
    "bar(q) q bar(e) e": 1,
    "bar(q) q bar(u) u": 2,          # qu(1), qu(8)
    "bar(q) q bar(d) d": 2,          # qd(1), qd(8)
    # (L̄R)(R̄L) and (L̄R)(L̄R)
    "bar(l) e bar(d) q": 1,          # ledq
    "bar(q) u bar(q) d": 2,          # quqd(1), quqd(8)
    "bar(l) e bar(q) u": 2,          # lequ(1), lequ(3)
}
WARSAW_BNV_NF1 = {"d u q l": 1, "q q u e": 1, "q q q l": 1, "d u u e": 1}


def _by_content(terms):
    out = {}
    for t in terms:
        out[content(t)] = t
    return out


def test_sm_one_generation_warsaw_four_fermion():
    terms = four_fermion(sm_with(1))
    got = {c: t.couplings for c, t in _by_content(terms).items()}
    want = {}
    for text, n in {**WARSAW_NF1, **WARSAW_BNV_NF1}.items():
        # an operator and its conjugate are one term: look up either orientation
        op = Operator.parse(text)
        k1 = key(text)
        k2 = content(type("T", (), {"operator": op.hermitian_conjugate()})())
        want[k1 if k1 in got else k2] = n
    assert got == want                                   # no missing and no extra contents
    assert len(terms) == 18 + 4
    bnv = [t for t in terms if sum(f.field in "qud" for f in t.operator.factors) % 2]
    assert sum(t.couplings for t in terms) - sum(t.couplings for t in bnv) == 25
    assert sum(t.couplings for t in bnv) == 4


def test_hermiticity_and_lookup():
    terms = four_fermion(sm_with(1))
    lag = aa.operators.Lagrangian("SM", tuple(terms))
    assert lag.term("bar(l) l bar(e) e").hermitian
    assert lag.term("bar(l) l bar(e) e").coupling.is_real
    assert not lag.term("bar(l) e bar(d) q").hermitian
    assert lag.term("bar(l) e bar(d) q") == lag.term("bar(e) l bar(q) d")      # h.c. is the same term
    assert lag.term("bar(l) e bar(d) q").real_parameters == 2
    assert str(lag.term("q q q l")).endswith("+ h.c.")


# ----------------------------------------------------------------- three generations
REAL_PARAMS_NF3 = {      # total real parameters (CP-even + CP-odd) per field content
    "bar(l) l bar(l) l": 45,         # ll: 27 + 18
    "bar(q) q bar(q) q": 90,         # qq(1) + qq(3): 2 x (27 + 18)
    "bar(e) e bar(e) e": 36,         # ee: 21 + 15
    "bar(u) u bar(u) u": 45, "bar(d) d bar(d) d": 45,
    "bar(l) l bar(q) q": 162, "bar(u) u bar(d) d": 162, "bar(q) q bar(u) u": 162,
    "bar(l) l bar(e) e": 81,
    "bar(l) e bar(d) q": 162,        # ledq: 81 complex
    "bar(q) u bar(q) d": 324, "bar(l) e bar(q) u": 324,
}
BNV_COMPLEX_NF3 = {"d u q l": 81, "q q u e": 54, "q q q l": 57, "d u u e": 81}   # 273


def test_sm_three_generations_parameter_counts():
    sm = aa.load_model("sm")
    terms = four_fermion(sm)
    lag = aa.operators.Lagrangian("SM", tuple(terms))
    for text, n in REAL_PARAMS_NF3.items():
        assert lag.term(text).real_parameters == n, text
    for text, n in BNV_COMPLEX_NF3.items():
        assert lag.term(text).couplings == n and not lag.term(text).hermitian, text
    bnv = {id(lag.term(t)) for t in BNV_COMPLEX_NF3}
    total_bc = sum(t.real_parameters for t in terms if id(t) not in bnv)
    assert total_bc == 2205                    # 2499 - 294 non-four-fermion parameters
    assert sum(lag.term(t).couplings for t in BNV_COMPLEX_NF3) == 273


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_flavour_dependence_closed_forms(n):
    lag = aa.operators.Lagrangian("SM", tuple(four_fermion(sm_with(n))))
    assert lag.term("bar(l) l bar(l) l").couplings == n * n * (n * n + 1) // 2
    assert lag.term("bar(e) e bar(e) e").couplings == n * n * (n + 1) ** 2 // 4
    assert lag.term("q q q l").couplings == n * n * (2 * n * n + 1) // 3
    assert lag.term("q q u e").couplings == n ** 3 * (n + 1) // 2
    assert lag.term("d u u e").couplings == n ** 4


def _hermitian_class_dimension(n, symmetries):
    """Real dimension of {C in C^(n^4): C = C∘σ for σ in symmetries, C*_{rpts} = C_{prst}}."""
    idx = list(itertools.product(range(n), repeat=4))
    pos = {t: i for i, t in enumerate(idx)}
    N = len(idx)
    rows = []
    for t in idx:
        for perm in symmetries:
            s = tuple(t[i] for i in perm)
            for part in (0, 1):                # real and imaginary parts of C_t - C_s
                r = np.zeros(2 * N)
                r[part * N + pos[t]] += 1
                r[part * N + pos[s]] -= 1
                rows.append(r)
        h = (t[1], t[0], t[3], t[2])           # hermiticity: Re equal, Im opposite
        r = np.zeros(2 * N); r[pos[t]] += 1; r[pos[h]] -= 1; rows.append(r)
        r = np.zeros(2 * N); r[N + pos[t]] += 1; r[N + pos[h]] += 1; rows.append(r)
    return 2 * N - np.linalg.matrix_rank(np.array(rows))


def test_independent_brute_force_count_of_warsaw_classes():
    n = 3
    lag = aa.operators.Lagrangian("SM", tuple(four_fermion(sm_with(n))))
    swap_currents = (2, 3, 0, 1)                  # C_prst = C_stpr
    fierz_rr = (0, 3, 2, 1)                       # C_prst = C_ptsr (ee only)
    assert _hermitian_class_dimension(n, [swap_currents]) == lag.term("bar(l) l bar(l) l").couplings
    assert _hermitian_class_dimension(n, [swap_currents, fierz_rr]) \
        == lag.term("bar(e) e bar(e) e").couplings


# ----------------------------------------------------------------- a U(1)' model
def test_u1_prime_charges_forbid_or_allow():
    sm1 = sm_with(1)
    # gauged baryon number (anomalies aside): the four B-violating operators disappear
    b = aa.Model.build("SM+B", dict(list(sm1.groups) + [("B", "U(1)")]),
                       [f.__class__(f.name, f.spin, f.chirality,
                                    tuple(f.reps) + (("B", "1/3" if f.name in "qud" else "0"),),
                                    f.copies, f.latex) for f in sm1.fields])
    terms = four_fermion(b)
    assert sum(t.couplings for t in terms) == 25
    lag = aa.operators.Lagrangian("SM+B", tuple(terms))
    assert not any(text in lag for text in WARSAW_BNV_NF1)
    assert all(text in lag for text in WARSAW_NF1)

    def toy(qchi):
        return aa.Model.build("toy", {"X": "U(1)"},
                              [aa.fermion("psi", "L", {"X": "1"}), aa.fermion("chi", "R", {"X": qchi})])

    allowed = {str(t.operator) for t in four_fermion(toy("-1"))}
    assert "psi^2 chi^2" in allowed or "chi^2 psi^2" in allowed      # (ψψ)(χχ), X = 1+1-1-1
    assert {str(t.operator) for t in four_fermion(toy("-2"))} == {     # only current-current ones
        "bar(psi) psi bar(chi) chi", "bar(psi)^2 psi^2", "bar(chi)^2 chi^2"}
    assert Operator.parse("psi psi chi chi").is_allowed(toy("-2")) is False


def test_sm_extra_dims_six_is_fast():
    sm = aa.load_model("sm")
    t0 = time.perf_counter()
    lag = allowed_operators(sm, extra_dims=(6,))
    assert time.perf_counter() - t0 < 20
    assert sum(1 for t in lag if len(t.flavour) == 4) == 22
    # the bilinears and the potential at d <= 4 are unchanged by the new option
    no4 = allowed_operators(sm, extra_dims=(6,), four_fermion=False)
    assert [t for t in lag if len(t.flavour) != 4] == list(no4.terms)
