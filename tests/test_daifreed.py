"""Dai–Freed conditions of Z(N) factors and the η-invariant engine behind them.

Every check compares the exact engine with something computed another way: the defining
root-of-unity sums by brute force (mpmath, 50 digits), the integer conditions of
García-Etxebarria–Montero arXiv:1808.00009 Eq. (4.7), the Z(16) index of their Sec. 4,
the Ibáñez–Ross conditions of :mod:`anomalyalgebra.discrete`, and (when installed, test
extra) the ``daifreed`` 0.1.1 package.
"""

import random

import mpmath as mp
import pytest
import sympy as sp

from anomalyalgebra.discrete import ibanez_ross
from anomalyalgebra.exceptions import LimitError, ModelError
from anomalyalgebra.groups import ZN
from anomalyalgebra.model import Model, fermion, scalar
from anomalyalgebra.nonperturbative import dai_freed, dai_freed_all
from anomalyalgebra.nonperturbative.daifreed import left_handed_charges, structure_of
from anomalyalgebra.nonperturbative.eta import (eta_spin_lens, eta_spin_z2m_lens, lens_sum,
                                                lens_sum_polynomial, xi_circle)

R = sp.Rational


def _brute(n, k, e, dps=50):
    with mp.workdps(dps):
        w = mp.exp(2j * mp.pi / n)
        return sum(w ** (j * e) / (w ** j - 1) ** k for j in range(1, n)) / n


@pytest.mark.parametrize("n", range(1, 14))
@pytest.mark.parametrize("k", [1, 2, 3, 4])
def test_lens_sum_is_the_root_of_unity_sum(n, k):
    for e in range(-2, n + 2):
        exact = lens_sum(n, k, e)
        with mp.workdps(50):
            approx = _brute(n, k, e)
            assert abs(approx - mp.mpf(exact.p) / exact.q) < mp.mpf(10) ** -40, (n, k, e, exact)


def test_lens_sum_closed_form_k1():
    # (1/N) sum_j w^{je}/(w^j - 1) = (N + 1 - 2e)/(2N) for 1 <= e <= N: the classical sum
    N, e = sp.symbols("N e", integer=True, positive=True)
    assert sp.simplify(lens_sum_polynomial(1).subs({"N": N, "e": e}) - (N + 1 - 2 * e) / (2 * N)) == 0


@pytest.mark.parametrize("n", [3, 5, 7, 9, 11, 15, 21, 25])
def test_eta_l5_is_the_cubic_of_eq_4_7(n):
    # 1808.00009 Eq. (4.7): the L^5 condition sum (s^3 - (n^2+3)/4 s) = 0 mod 6n; the engine's
    # eta of one fermion is minus that polynomial over 6n (mod 1), for every charge
    c = (n * n + 3) // 4
    for s in range(-n, 2 * n):
        assert (eta_spin_lens(n, 3, s) + R(s ** 3 - c * s, 6 * n)) % 1 == 0, (n, s)
    assert eta_spin_lens(n, 3, 0) == 0


def test_eta_l1_is_the_circle():
    # the k = 1 lens space L(n;1) (Donnelly formula) and the circle (Hurwitz zeta): twice the
    # reduced values agree mod 1 (the K3 generator multiplies by index(K3) = 2)
    for n in (3, 5, 7, 9):
        for s in range(n):
            lens = eta_spin_lens(n, 1, s)
            circ = xi_circle(R(s, n)) - xi_circle(0)
            assert (2 * lens - 2 * circ) % 1 == 0
            assert (2 * circ + R(2 * s, n)) % 1 == 0


def test_rp5_generates_z16():
    # Spin-Z4 on RP^5 = L(2;1,1,1): a charge +-1 fermion has eta -+1/16 (1808.00009 Sec. 4)
    assert eta_spin_z2m_lens(2, 3, 1) == R(-1, 16)
    assert eta_spin_z2m_lens(2, 3, 3) == R(1, 16)
    assert eta_spin_z2m_lens(2, 3, -1) == R(1, 16)
    with pytest.raises(ValueError):
        eta_spin_z2m_lens(2, 3, 2)           # a fermion has odd charge
    with pytest.raises(ValueError):
        eta_spin_lens(4, 3, 1)               # L^5(4) is not spin


def _zn_model(n, charges, extra=()):
    fs = [fermion(f"f{i}", "L", {"Z": c}, copies=w) for i, (c, w) in enumerate(charges)]
    return Model.build("t", {"Z": f"Z({n})"}, fs + list(extra))


def _gem_47(n, charges):
    c = (n * n + 3) // 4
    cubic = sum(w * ((s % n) ** 3 - c * (s % n)) for s, w in charges) % (6 * n)
    linear = sum(w * (s % n) for s, w in charges) % n
    return cubic == 0 and linear == 0


def test_random_spectra_odd_n_against_eq_4_7():
    rng = random.Random(7)
    seen = {True: 0, False: 0}
    for trial in range(250):
        n = rng.choice([3, 5, 7, 9, 15])
        charges = [(rng.randrange(n), rng.randint(1, 4)) for _ in range(rng.randint(1, 5))]
        if trial % 2:
            charges += [((-s) % n, w) for s, w in charges]      # vector-like: free
        if trial % 5 == 0:
            charges = [(s, 3 * n * w) for s, w in charges]      # multiples kill every residual
        r = dai_freed(_zn_model(n, charges), "Z")
        assert r.structure == f"Spin x Z({n})"
        assert r.free == _gem_47(n, charges), (n, charges, r)
        seen[r.free] += 1
    assert seen[True] > 20 and seen[False] > 20


def test_daifreed_package_agrees():
    daifreed = pytest.importorskip("daifreed")
    from daifreed.conditions import spin_zn
    from daifreed.eta import eta_spin_lens as their_eta
    from daifreed.spectrum import Fermion, Spectrum
    from daifreed.topological_sc import z4_index

    for n in (3, 5, 7, 9):
        for s in range(n):
            assert eta_spin_lens(n, 3, s) % 1 == their_eta(s, n, 3)
    rng = random.Random(3)
    for _ in range(150):
        n = rng.choice([3, 5, 7, 9, 11])
        charges = [(rng.randrange(n), rng.randint(1, 6)) for _ in range(rng.randint(1, 6))]
        ours = dai_freed(_zn_model(n, charges), "Z").free
        theirs = spin_zn(Spectrum([Fermion({"Z": s}, w) for s, w in charges]), n, "Z").is_free
        assert ours == theirs
    for _ in range(100):
        charges = [(rng.choice([1, 3]), rng.randint(1, 20)) for _ in range(rng.randint(1, 5))]
        res = dai_freed(_zn_model(4, charges), "Z").residuals["L(2;1,1,1)"]
        index = z4_index(Spectrum([Fermion({"Z4": s}, w) for s, w in charges]))
        # the engine's L(2;1,1,1) carries the Spin-Z4 structure opposite to daifreed's (the
        # lift differs by the order-2 character, .gysin): the index enters with a + sign
        assert (16 * res) % 16 == index % 16


def _sm_z4(with_nu_r=True, generations=3):
    # the Z4 inside X = 5(B-L) - 4Y, with Y normalised as Q = T3 + Y: every SM fermion has
    # X = 1 mod 4 in the left-handed basis, the Higgs X = -2 (1808.00009 Sec. 4)
    from fractions import Fraction as F
    fields = {  # name: (SU3, SU2, Y, B-L) of the left-handed Weyl fermion
        "q": ("3", "2", F(1, 6), F(1, 3)), "uc": ("3bar", "1", F(-2, 3), F(-1, 3)),
        "dc": ("3bar", "1", F(1, 3), F(-1, 3)), "l": ("1", "2", F(-1, 2), F(-1)),
        "ec": ("1", "1", F(1), F(1)), "nc": ("1", "1", F(0), F(1))}
    fs = []
    for name, (c, w, y, bl) in fields.items():
        if name == "nc" and not with_nu_r:
            continue
        x = 5 * bl - 4 * y
        assert x.denominator == 1
        fs.append(fermion(name, "L", {"SU3c": c, "SU2L": w, "Z4": int(x)}, copies=generations))
    fs.append(scalar("H", {"SU3c": "1", "SU2L": "2", "Z4": int(-4 * F(1, 2))}))
    return Model.build("sm_z4", {"SU3c": "SU(3)", "SU2L": "SU(2)", "Z4": "Z(4)"}, fs)


def test_sm_z4_needs_right_handed_neutrinos():
    with_nu = dai_freed(_sm_z4(True), "Z4")
    assert with_nu.structure == "Spin x_Z2 Z(4)"
    assert with_nu.free is True
    assert with_nu.residuals == {"L(2;1,1,1)": 0, "K3 x L(2;1)": 0, "S(O(4,4)) -> S2xS2": 0,
                                 "L(2;1) x S4[SU3c]": 0, "L(2;1) x S4[SU2L]": 0}
    without = dai_freed(_sm_z4(False), "Z4")
    assert without.free is False
    assert without.residuals["L(2;1,1,1)"] == R(13, 16)         # 45/16 mod 1: 45 != 0 mod 16
    assert without.residuals["K3 x L(2;1)"] == R(1, 2)
    # Ibáñez–Ross cannot see it: the gravitational condition is 45 mod 4 != 0 but relaxed
    # mod 2 it is not free either; with 16 fermions per generation IR is satisfied all along
    one_gen = dai_freed(_sm_z4(True, generations=1), "Z4")
    assert one_gen.free is True                                 # 16 = 0 mod 16


def _mssm_triality(generations):
    # baryon triality, charges (B - 2Y) mod 3 of the left-handed superfields; Higgsinos once
    fs = [fermion("Q", "L", {"SU3c": "3", "SU2L": "2", "B3": 0}, copies=generations),
          fermion("Uc", "L", {"SU3c": "3bar", "SU2L": "1", "B3": 1}, copies=generations),
          fermion("Dc", "L", {"SU3c": "3bar", "SU2L": "1", "B3": -1}, copies=generations),
          fermion("L", "L", {"SU3c": "1", "SU2L": "2", "B3": 1}, copies=generations),
          fermion("Ec", "L", {"SU3c": "1", "SU2L": "1", "B3": -2}, copies=generations),
          fermion("Hu", "L", {"SU3c": "1", "SU2L": "2", "B3": -1}),
          fermion("Hd", "L", {"SU3c": "1", "SU2L": "2", "B3": 1})]
    return Model.build("mssm_b3", {"SU3c": "SU(3)", "SU2L": "SU(2)", "B3": "Z(3)"}, fs)


def test_baryon_triality_needs_three_generations():
    # 1808.00009 Sec. 4: baryon triality has a Z9 anomaly (net charge 3 per generation
    # mod 9), free iff N_g = 0 mod 3; the Z3 x SU(2)^2 condition (one lepton doublet per
    # generation) says the same
    charges = {"Q": 0, "Uc": 1, "Dc": 2, "L": 1, "Ec": 1, "Hu": 2, "Hd": 1}
    for g in range(1, 7):
        m = _mssm_triality(g)
        r = dai_freed(m, "B3")
        assert r.residuals["K3 x L(3;1)"] == 0
        assert r.residuals["L(3;1) x S4[SU3c]"] == 0
        assert r.residuals["L(3;1) x S4[SU2L]"] == R(g % 3, 3)
        assert r.residuals["L(3;1,1,1)"] == R(g % 3, 3)      # 3 g (1/9) per generation
        assert r.free is (g % 3 == 0)
        ir = {a.channel: a.free for a in ibanez_ross(m, charges, 3)}
        assert ir == {"SU3c": True, "SU2L": g % 3 == 0, "grav": True}


def test_dai_freed_beyond_ibanez_ross_z3():
    # three Weyl fermions of Z3 charge 1: sum q = 3 = 0 mod 3 (Ibáñez–Ross gravitational
    # free), but L(3;1,1,1) sees 3 x 1/9 = 1/3
    m = _zn_model(3, [(1, 3)])
    r = dai_freed(m, "Z")
    assert r.residuals == {"L(3;1,1,1)": R(1, 3), "K3 x L(3;1)": 0, "S(O(6,6)) -> S2xS2": R(2, 3)}
    assert r.free is False
    assert [a.free for a in ibanez_ross(m, {"f0": 1}, 3)] == [True]
    assert dai_freed(_zn_model(3, [(1, 9)]), "Z").free is True


def test_structure_detection():
    m = _zn_model(4, [(1, 1), (3, 2)], [scalar("h", {"Z": 2})])
    assert structure_of(m, "Z") == "Spin x_Z2 Z(4)"
    assert structure_of(m.with_fields(scalar("p", {"Z": 1})), "Z") == "Spin x Z(4)"   # odd boson
    assert structure_of(m.with_fields(fermion("g", "L", {"Z": 2})), "Z") == "Spin x Z(4)"
    assert structure_of(_zn_model(3, [(1, 1)]), "Z") == "Spin x Z(3)"
    # a right-handed field enters with the opposite charge: parity unchanged
    r = Model.build("t", {"Z": "Z(4)"}, [fermion("x", "R", {"Z": 1})])
    assert left_handed_charges(r, "Z")[0][1] == 3
    assert dai_freed(r, "Z").residuals["L(2;1,1,1)"] == R(15, 16)   # charge 3 = -1: -1/16
    assert dai_freed(Model.build("t", {"Z": "Z(4)"}, [fermion("x", "L", {"Z": 1})]), "Z").residuals[
        "L(2;1,1,1)"] == R(1, 16)


def test_k3_is_eight_rp5_for_z4():
    # Omega_5 of Spin x_Z2 Z4 is Z16, generated by RP^5: K3 x L(2;1) must be 8 RP^5 (mod 1)
    rng = random.Random(2)
    for _ in range(60):
        charges = [(rng.choice([1, 3, 5, 7, -1]), rng.randint(1, 9)) for _ in range(rng.randint(1, 4))]
        r = dai_freed(_zn_model(4, charges), "Z").residuals
        assert r["K3 x L(2;1)"] == (8 * r["L(2;1,1,1)"]) % 1


def test_spin_z2m_odd_m_is_spin_times_zm():
    # Z(2m), m odd, with fermion parity inside: the Spin-Z(2m) lens space L(m;1,1,1) and
    # K3 x L(m;1) evaluated directly (eta_spin_z2m_lens) give the same verdict as the
    # reduction to Spin x Z(m) on the charges mod m that dai_freed uses
    rng = random.Random(11)
    seen = set()
    for _ in range(150):
        m = rng.choice([3, 5, 7])
        charges = [(2 * rng.randrange(m) + 1, rng.randint(1, 5)) for _ in range(rng.randint(1, 5))]
        if rng.random() < 0.3:
            charges = [(s, 9 * w) for s, w in charges]
        direct_l5 = sum(w * eta_spin_z2m_lens(m, 3, s) for s, w in charges) % 1
        direct_k3 = sum(w * 2 * xi_circle(R(s, 2 * m)) for s, w in charges) % 1
        r = dai_freed(_zn_model(2 * m, charges), "Z")
        assert r.structure == f"Spin x_Z2 Z({2 * m})"
        assert r.free == (direct_l5 == 0 and direct_k3 == 0), (m, charges)
        seen.add(r.free)
    assert seen == {True, False}


def test_coprime_parts_split():
    # the splitting used for Z(2^a k): checked where both sides are computable, Z(15) = Z(3) x Z(5)
    rng = random.Random(4)
    seen = set()
    for _ in range(150):
        charges = [(rng.randrange(15), rng.randint(1, 4)) for _ in range(rng.randint(1, 5))]
        if rng.random() < 0.4:
            charges += [((-s) % 15, w) for s, w in charges[:1]] + [(s, 8 * w) for s, w in charges[1:]]
        whole = dai_freed(_zn_model(15, charges), "Z").free
        parts = [dai_freed(_zn_model(p, [(s % p, w) for s, w in charges]), "Z").free for p in (3, 5)]
        assert whole == all(parts), charges
        seen.add(whole)
    assert seen == {True, False}


def test_even_orders_are_decided():
    # Z(6) without fermion parity: Omega_5^Spin(BZ2) = 0, the Z(3) part decides
    r = dai_freed(_zn_model(6, [(2, 3)]), "Z")
    assert r.structure == "Spin x Z(6)" and r.free is False
    assert dai_freed(_zn_model(6, [(2, 9), (3, 1), (3, 1)]), "Z").free is True
    # Z(12) with fermion parity = Spin-Z4 x Z3: 144 charge-1 fermions free, 48 are not (Z3 part)
    r = dai_freed(_zn_model(12, [(1, 144)]), "Z")
    assert r.structure == "Spin x_Z2 Z(12)" and r.free is True
    assert set(r.residuals) == {"K3 x L(6;1)", "L(6;1,1,1)", "S(O(12,12)) -> S2xS2"}
    assert dai_freed(_zn_model(12, [(1, 48)]), "Z").free is False
    # Spin-Z8 (fermion parity inside Z(24)'s 2-part) and Spin x Z(4) are decided now: no
    # generator is missing (.gysin); 288 = 9 * 32 charge-1 fermions are free, 96 = 3 * 32
    # are not (the Z(3) part: 96 != 0 mod 9), 32 alone pass the Spin-Z8 part
    assert dai_freed(_zn_model(24, [(1, 288)]), "Z").free is True
    assert dai_freed(_zn_model(24, [(1, 96)]), "Z").free is False
    assert dai_freed(_zn_model(8, [(1, 32)]), "Z").free is True
    assert dai_freed(_zn_model(8, [(1, 16)]), "Z").free is False
    assert dai_freed(_zn_model(12, [(4, 9), (8, 9)]), "Z").free is True      # vector-like


def test_mixed_conditions_are_ibanez_ross_mod_n():
    rng = random.Random(5)
    reps = [("3", "2"), ("3bar", "1"), ("1", "2"), ("8", "1"), ("1", "3"), ("6", "2"), ("1", "4")]
    for _ in range(80):
        n = rng.choice([2, 3, 4, 5, 6, 8])
        fs = []
        for i in range(rng.randint(1, 5)):
            c, w = rng.choice(reps)
            fs.append(fermion(f"f{i}", rng.choice("LR"), {"SU3c": c, "SU2L": w, "Z": rng.randrange(n)},
                              copies=rng.randint(1, 3)))
        m = Model.build("t", {"SU3c": "SU(3)", "SU2L": "SU(2)", "Z": f"Z({n})"}, fs)
        r = dai_freed(m, "Z")
        if r.structure == "Spin x_Z2 Z(2)":       # Z(2) is fermion parity: nothing to check
            assert r.residuals == {} and r.free is True
            continue
        ir = {a.channel: a for a in ibanez_ross(m, {f.name: int(f.rep("Z")) for f in m.fields}, n)}
        for g in ("SU3c", "SU2L"):
            d = n // 2 if r.structure.startswith("Spin x_Z2") else n
            assert (r.residuals[f"L({d};1) x S4[{g}]"] - R(ir[g].value, n)) % 1 == 0
        if r.structure.startswith("Spin x Z") and n > 2:
            # K3 x L(n;1): Ibáñez–Ross gravitational, relaxed to mod n/2 for even n
            # (split into the odd part and the 2-part, Z(n) = Z(2^a) x Z(k))
            zero = r.residuals[f"K3 x L({n};1)"] == 0
            assert zero == (ir["grav"].relaxed if n % 2 == 0 else ir["grav"].free)


def test_former_undecided_cases_are_decided():
    # Spin x Z(4): two fermions of charge 2 (a Majorana mass each) are free; charges (1, 2)
    # are not (K3 residual 1/2); Spin x_Z2 Z(8): (1, 7) vector-like, free; (1) alone not
    r = dai_freed(_zn_model(4, [(2, 1), (2, 1)]), "Z")
    assert r.structure == "Spin x Z(4)" and r.free is True and r.reason is None
    assert dai_freed(_zn_model(4, [(1, 1), (2, 1)]), "Z").residuals["K3 x L(4;1)"] == R(1, 2)
    r = dai_freed(_zn_model(8, [(1, 1), (7, 1)]), "Z")
    assert r.structure == "Spin x_Z2 Z(8)" and r.free is True
    r = dai_freed(_zn_model(8, [(1, 1)]), "Z")
    assert r.free is False and r.residuals["L(4;1,1,1)"] != 0
    # Z(2): Omega_5^Spin(BZ2) = 0, only the mixed conditions remain
    m = Model.build("t", {"W": "SU(2)", "Z": "Z(2)"}, [fermion("x", "L", {"W": "2", "Z": 1}),
                                                        fermion("y", "L", {"W": "1", "Z": 0})])
    r = dai_freed(m, "Z")
    assert r.structure == "Spin x Z(2)" and r.free is False
    assert {k: v for k, v in r.residuals.items() if v} == {"L(2;1) x S4[W]": R(1, 2)}
    assert r.to_dict()["residuals"]["L(2;1) x S4[W]"] == "1/2"


def test_undecided_cases_say_why():
    # a gauged U(1) with a symbolic charge: its mixed classes cannot be evaluated
    a = sp.Symbol("a")
    m = Model.build("t", {"A": "U(1)", "Z": "Z(3)"}, [fermion("x", "L", {"A": a, "Z": 1}, copies=9)],
                    symbols=[a])
    r = dai_freed(m, "Z")
    assert r.free is None and "A" in r.reason and "symbolic" in r.reason


def test_to_dict_and_bad_input():
    r = dai_freed(_sm_z4(False), "Z4")
    d = r.to_dict()
    assert set(d) == {"structure", "free", "residuals", "reason"}
    assert d["residuals"]["L(2;1,1,1)"] == "13/16" and d["free"] is False
    with pytest.raises(ModelError):
        dai_freed(_sm_z4(), "SU2L")
    big = Model("big", (("Z", ZN(10 ** 7)),), (fermion("x", "L", {"Z": sp.Integer(1)}),))
    with pytest.raises(LimitError):
        dai_freed(big, "Z")
    sym = Model.build("s", {"W": "SU(2)", "Z": "Z(3)"}, [fermion("x", "L", {"W": "n", "Z": 1})],
                      symbols=[sp.Symbol("n", integer=True, positive=True)])
    with pytest.raises(ModelError, match="substitute"):
        dai_freed(sym, "Z")
    assert dai_freed_all(_sm_z4()).keys() == {"Z4"}


def test_mssm_z4_gauginos_and_higgsinos():
    # 1808.00009 Sec. 4: with the Z4 R-like charge 1 on every SM fermion, gaugino and
    # Higgsino, 48 + 12 + 4 = 64 = 0 mod 16 for two Higgs doublets; four doublets: 68
    def mssm(doublets):
        fs = [fermion("sm", "L", {"Z": 1}, copies=48), fermion("gaugino", "L", {"Z": 1}, copies=12),
              fermion("higgsino", "L", {"Z": 1}, copies=2 * doublets)]
        return Model.build("mssm", {"Z": "Z(4)"}, fs + [scalar("sf", {"Z": 0})])
    assert dai_freed(mssm(2), "Z").residuals["L(2;1,1,1)"] == 0
    assert dai_freed(mssm(4), "Z").residuals["L(2;1,1,1)"] == R(1, 4)      # 68/16
    assert dai_freed(mssm(1), "Z").residuals["L(2;1,1,1)"] == R(7, 8)      # 62/16


def test_z4_beyond_ibanez_ross():
    # 46 fermions of Z4 charge 1 (fermion parity inside): Ibáñez–Ross relaxed gravitational
    # condition (46 = 0 mod 2) passes; Z16 does not (46/16 = 7/8 mod 1)
    m = _zn_model(4, [(1, 46)], [scalar("h", {"Z": 2})])
    assert [a.relaxed for a in ibanez_ross(m, {"f0": 1}, 4)] == [True]
    r = dai_freed(m, "Z")
    assert r.free is False and r.residuals["L(2;1,1,1)"] == R(7, 8) and r.residuals["K3 x L(2;1)"] == 0


_SM_6Y = (1,) * 6 + (-4,) * 3 + (2,) * 3 + (-3,) * 2 + (6,)          # one generation, 6Y
_SM_BL = (1,) * 6 + (-1,) * 3 + (-1,) * 3 + (-3,) * 2 + (3,) + (3,)   # 3(B-L) with nu_R
_SM_X = tuple((5 * b - 2 * y) // 3 for b, y in zip(_SM_BL, _SM_6Y + (0,)))  # 5(B-L) - 4Y


@pytest.mark.parametrize("charges", [(1, 5, -7, -8, 9), (1, 1, 1, 1, 1, -1, -1, -1, -1, -1),
                                     _SM_6Y, _SM_BL, _SM_X])
def test_subgroups_of_anomaly_free_u1_are_free(charges):
    # a Z(n) inside a U(1) with sum q = sum q^3 = 0 cannot have a Dai–Freed anomaly:
    # every residual must vanish for every n (undecided, never anomalous, where a
    # generator is missing)
    assert sum(charges) == 0 and sum(q ** 3 for q in charges) == 0
    for n in range(2, 25):
        fs = [(q % n, 1) for q in charges]
        extra = []
        r = dai_freed(_zn_model(n, fs, extra), "Z")
        assert all(v == 0 for v in r.residuals.values()), (n, r)
        assert r.free is not False


def test_subgroup_of_anomalous_u1_is_caught():
    # sum q = 0 but sum q^3 = -6 for (1, 1, -2): its Z(3) (charges 1, 1, 1) is anomalous
    r = dai_freed(_zn_model(3, [(1, 1), (1, 1), (-2 % 3, 1)]), "Z")
    assert r.free is False


def _sm_y_zn(n, with_nu_r=True, extra=()):
    # SM (+ nu_R) with hypercharge gauged and Z(n) = 5(B-L) - 4Y mod n on the right-handed
    # fields as listed (right-handed u, d, e, nu carry X of the right-handed field)
    rows = [("q", "L", "3", "2", "1/6", 1), ("u", "R", "3", "1", "2/3", -1), ("d", "R", "3", "1", "-1/3", 3),
            ("l", "L", "1", "2", "-1/2", -3), ("e", "R", "1", "1", "-1", -1)]
    if with_nu_r:
        rows.append(("nu", "R", "1", "1", "0", -5))
    fs = [fermion(nm, ch, {"SU3c": c, "SU2L": w, "Y": y, "Z": x % n}, copies=3)
          for nm, ch, c, w, y, x in rows]
    fs.append(scalar("H", {"SU3c": "1", "SU2L": "2", "Y": "1/2", "Z": (-2) % n}))
    return Model.build("sm_y_z", {"SU3c": "SU(3)", "SU2L": "SU(2)", "Y": "U(1)", "Z": f"Z({n})"},
                       fs + list(extra))


def test_u1_mixed_conditions_vanish_for_subgroups_of_gaugeable_x():
    # with nu_R, 5(B-L) - 4Y and Y have no mixed anomaly: every residual of every Z(n) inside
    # X vanishes, the mixed Z(n) x U(1)_Y classes included, and the verdict is decided
    for n in range(2, 25):
        r = dai_freed(_sm_y_zn(n), "Z")
        d = n // 2 if r.structure.startswith("Spin x_Z2") else n
        assert f"L({d};1) x (S2xS2)[Y,Y]" in r.residuals or r.residuals == {}
        assert all(v == 0 for v in r.residuals.values()), (n, r)
        assert r.free is True, (n, r)
    # without nu_R the Z(4) is anomalous (45 = 13 mod 16, 1808.00009 Sec. 4)
    assert dai_freed(_sm_y_zn(4, with_nu_r=False), "Z").free is False


def _mixed(fermions, n, q_of):
    """Mixed residuals from the formula of .gysin, by hand: (S2xS2)[A,A] (y^2 = 2) gives
    -sum s Q^2 / n; for odd n the class CP2#-CP2 with z = (1,1), y = (1,0) (z.y = y^2 = 1)
    gives -sum (s^2 Q + s Q^2) / (2n); for even n S2xS2 with z = (1,0), y = (0,1) gives
    -sum s^2 Q / (2n)."""
    yy = -sum(s * q_of(f) ** 2 for f, s in fermions)
    zy = -sum(s * s * q_of(f) + (s * q_of(f) ** 2 if n % 2 else 0) for f, s in fermions)
    return R(yy, n) % 1, R(zy, 2 * n) % 1


def test_u1_mixed_normalisation():
    # Q in the faithful normalisation (Q = 2A): x (Q=1, s=1), y (Q=-1, s=0), v left-handed
    # (Q=-3, s=-2)
    m = Model.build("t", {"A": "U(1)", "Z": "Z(5)"},
                    [fermion("x", "L", {"A": "1/2", "Z": 1}), fermion("y", "L", {"A": "-1/2", "Z": 0}),
                     fermion("v", "R", {"A": "3/2", "Z": 2})])
    r = dai_freed(m, "Z")
    yy, zy = _mixed([("x", 1), ("y", 0), ("v", -2)], 5, {"x": 1, "y": -1, "v": -3}.get)
    assert (yy, zy) == (R(2, 5), R(4, 5))
    assert r.residuals["L(5;1) x (S2xS2)[A,A]"] == yy
    assert r.residuals["S(O(5,5)) -> CP2#-CP2 [A=(1,0)]"] == zy
    # the lift of the Z(5) charges does not matter: v with s = 3 instead of -2
    assert _mixed([("x", 1), ("y", 0), ("v", 3)], 5, {"x": 1, "y": -1, "v": -3}.get) == (yy, zy)
    # two U(1)s: the cross term uses Q_A Q_B (y_A.y_B = 1)
    m2 = Model.build("t", {"A": "U(1)", "B": "U(1)", "Z": "Z(7)"},
                     [fermion("x", "L", {"A": "1", "B": "2", "Z": 3}), fermion("y", "L", {"A": "1", "B": "1", "Z": 0})])
    r2 = dai_freed(m2, "Z")
    assert r2.residuals["L(7;1) x (S2xS2)[A,B]"] == (-R(1 * 2 * 3, 7)) % 1
    assert r2.residuals["L(7;1) x (S2xS2)[B,B]"] == (-R(4 * 3, 7)) % 1
    # even n: the Z(4)^2 x U(1) class L(4;1,1) x S2
    m4 = Model.build("t", {"A": "U(1)", "Z": "Z(4)"}, [fermion("x", "L", {"A": "1", "Z": 1}),
                                                       fermion("y", "L", {"A": "-1", "Z": 2})])
    assert dai_freed(m4, "Z").residuals["L(4;1,1) x S2[A]"] == _mixed([("x", 1), ("y", 2)], 4,
                                                                       {"x": 1, "y": -1}.get)[1] == R(3, 8)
    # a global U(1) is no background of the gauged Z(N): not used
    from anomalyalgebra.groups import parse_group
    m3 = Model.build("t", {"A": parse_group("U(1)", gauged=False), "Z": "Z(5)"},
                     [fermion("x", "L", {"A": "1", "Z": 1})])
    assert not any("[A" in g for g in dai_freed(m3, "Z").residuals)


def test_u1_mixed_catches_what_gravity_and_gauge_do_not():
    # U(1)_A charges (1, 5, -7, -8, 9) are anomaly free (sum q = sum q^3 = 0); the Z3 charges
    # (0, 1, 2, 0, 0) are vector-like: every pure Z3 condition and Z3 x U(1)^2 hold, but
    # Z3^2 x U(1) (sum Q s^2 = 5 - 28 = -23 != 0 mod 3) does not
    m = Model.build("t", {"A": "U(1)", "Z": "Z(3)"},
                    [fermion(f"f{i}", "L", {"A": str(a), "Z": z})
                     for i, (a, z) in enumerate(zip((1, 5, -7, -8, 9), (0, 1, 2, 0, 0)))])
    r = dai_freed(m, "Z")
    assert r.residuals["L(3;1,1,1)"] == 0 and r.residuals["K3 x L(3;1)"] == 0
    assert r.residuals["L(3;1) x (S2xS2)[A,A]"] == 0
    # -(sum s^2 Q + sum s Q^2)/6 = -(-23 + 123)/6 = 1/3 mod 1; lifting s = 2 as -1 gives
    # -(-2 - 24)/6 = 1/3 as well
    assert r.residuals["S(O(3,3)) -> CP2#-CP2 [A=(1,0)]"] == R(1, 3)
    assert r.free is False


def test_l3_eta_is_the_quadratic_condition():
    # on S^3/Z_n (n odd) the reduced eta of a charge-s fermion is -s^2/(2n) mod 1 (2 inverted
    # mod n): the L(k;1,1) x S2 condition is sum Q s^2 = 0 mod n
    for n in (3, 5, 7, 9, 11, 13, 15):
        half = pow(2, -1, n)
        for s in range(-n, 2 * n):
            assert (eta_spin_lens(n, 2, s) + R(s * s * half, n)) % 1 == 0, (n, s)


def test_docs_z3_lepton_number_example():
    # docs/nonperturbative.rst: Z3 of lepton number on the SM (charge 1 on l and e_R)
    import anomalyalgebra as aa
    from anomalyalgebra.groups import parse_group

    def with_l3(m, z3):
        return Model.build(m.name, list(m.groups) + [("L3", parse_group("Z(3)"))],
                           [f.__class__(f.name, f.spin, f.chirality, f.reps + (("L3", z3.get(f.name, 0)),),
                                        f.copies) for f in m.fields])
    sm = aa.load_model("sm")
    m = with_l3(sm, {"l": 1, "e": 1})
    r = dai_freed(m, "L3")
    assert r.free is False and r.residuals["L(3;1,1,1)"] == R(1, 3)
    assert all(v == 0 for g, v in r.residuals.items() if g not in ("L(3;1,1,1)", "S(O(6,6)) -> S2xS2"))
    assert all(a.free for a in ibanez_ross(m, {"l": 1, "e": 1}, 3))
    nu = sm.with_fields(fermion("nu", "R", {"SU3c": "1", "SU2L": "1", "Y": "0"}, copies=3))
    assert dai_freed(with_l3(nu, {"l": 1, "e": 1, "nu": 1}), "L3").free is True


def test_gauged_zn_ignores_global_simple_factors():
    from anomalyalgebra.groups import parse_group
    fs = [fermion("x", "L", {"F": "2", "Z": 1}), fermion("y", "L", {"F": "1", "Z": 2})]
    gauged_z = Model.build("t", {"F": parse_group("SU(2)", gauged=False), "Z": "Z(3)"}, fs)
    r = dai_freed(gauged_z, "Z")
    assert not any("S4" in g for g in r.residuals)
    global_z = Model.build("t", {"F": "SU(2)", "Z": parse_group("Z(3)", gauged=False)}, fs)
    r = dai_freed(global_z, "Z")
    assert r.residuals["L(3;1) x S4[F]"] == R(1, 3) and r.gauged is False


def test_mixed_zn_x_zm_checks_every_cyclic_subgroup():
    # Z(4) x Z(2), charges (1, 1), (3, 0), (0, 1): Z(4) alone is vector-like (1, 3, 0) and
    # Z(2) alone is free (Omega_5^Spin(BZ2) = 0); the diagonal Z(2) generated by (2, 1)
    # sees s + t mod 2 = (0, 1, 1), free; the Z(4) generated by (1, 1) sees s + 2t mod 4 =
    # (3, 3, 2): two charge-3 fermions give 2 x 1/4 on the lens-space bundle: anomalous
    fs = [fermion(f"f{i}", "L", {"A": a, "B": b}) for i, (a, b) in enumerate([(1, 1), (3, 0), (0, 1)])]
    m = Model.build("t", {"A": "Z(4)", "B": "Z(2)"}, fs)
    r = dai_freed(m, "A")
    assert r.free is False
    assert {k: v for k, v in r.residuals.items() if v} == {"S(O(4,4)) -> S2xS2[A+B]": R(1, 2)}
    from anomalyalgebra.nonperturbative.daifreed import _cyclic_subgroups
    assert _cyclic_subgroups(4, 2, 64) == ([(2, 1, 2), (1, 1, 4)], False)
    assert _cyclic_subgroups(3, 3, 64) == ([(1, 1, 3), (1, 2, 3)], False)
