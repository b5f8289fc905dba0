"""Ibáñez–Ross discrete anomaly conditions."""

import anomalyalgebra as aa
from anomalyalgebra.discrete import discrete_anomalies, ibanez_ross
from anomalyalgebra.operators import accidental_symmetries


def by_channel(res):
    return {a.channel: a for a in res}


def test_table_iii_z2s():
    res = discrete_anomalies(aa.load_model("tau_l_only"))
    za, zt = by_channel(res["Z2A"]), by_channel(res["Z2tau"])
    assert za["SU2L"].value == 0 and za["SU2L"].free and za["grav"].free
    # three Z2tau-odd doublets: l3, EL (left) and ER (right, enters as -1)
    assert zt["SU2L"].value == 1 and zt["SU2L"].free is False
    assert zt["grav"].value == 2 + 2 - 2 - 1   # l3, EL (doublets), ER (doublet, R), e3 (R)
    assert zt["grav"].free is False and zt["grav"].relaxed is True
    assert zt["SU3c"].free


def test_z3_and_normalisation():
    # SU(3) triplet (2T = 1) and an SU(2) triplet (2T = 4) with charge 1 under Z3
    m = aa.Model.build("t", {"SU3c": "SU(3)", "SU2L": "SU(2)", "Z": "Z(3)"}, [
        aa.fermion("a", "L", {"SU3c": "3", "SU2L": "1", "Z": "1"}),
        aa.fermion("b", "L", {"SU3c": "1", "SU2L": "3", "Z": "1"})])
    r = by_channel(discrete_anomalies(m)["Z"])
    assert r["SU3c"].value == 1 and r["SU3c"].free is False
    assert r["SU2L"].value == 4 and r["SU2L"].free is False      # 4 mod 3 = 1
    assert r["grav"].value == 6 and r["grav"].free is True
    # a vector-like pair is always free
    v = aa.Model.build("v", {"SU2L": "SU(2)", "Z": "Z(5)"}, [
        aa.fermion("p", "L", {"SU2L": "2", "Z": "2"}), aa.fermion("q", "R", {"SU2L": "2", "Z": "2"})])
    assert all(a.free for a in discrete_anomalies(v)["Z"])


def test_accidental_lepton_parity_of_weinberg():
    acc = accidental_symmetries(aa.load_model("sm"), extra_dims=(5,))
    (z,) = acc.discrete
    r = by_channel(ibanez_ross(aa.load_model("sm"), dict(z.charges), z.order, z.name))
    # Delta L = 3 of the electroweak 't Hooft vertex violates (-1)^L
    assert r["SU2L"].free is False and r["SU3c"].free is True


def slow_ibanez_ross_values(model, charges):
    # the definition copy by copy: sum over every copy of q * 2T(r) * (dims of the other factors)
    per_copy = {}
    for key, q in charges.items():
        if key in [f.name for f in model.fields]:
            for a in range(model.field(key).copies):
                per_copy[(key, a)] = q
        else:
            base, _, idx = key.rpartition("_")
            per_copy[(base, int(idx) - 1)] = q
    simple = [(lab, g) for lab, g in model.groups if isinstance(g, aa.groups.SimpleFactor)]
    values = {}
    for label, g in simple + [("grav", None)]:
        total = 0
        for f in model.fermions:
            for a in range(f.copies):
                w = 1
                for lab2, g2 in simple:
                    if lab2 != label:
                        w *= g2.dim(f.rep(lab2))
                if g is not None:
                    w *= 2 * g.index(f.rep(label))
                total += (1 if f.chirality == "L" else -1) * per_copy.get((f.name, a), 0) * w
        values[label] = total
    return values


def test_many_copies_as_the_copy_by_copy_definition():
    m = aa.Model.build("c", {"SU3c": "SU(3)", "SU2L": "SU(2)", "Z": "Z(4)"}, [
        aa.fermion("a", "L", {"SU3c": "3", "SU2L": "2", "Z": "0"}, copies=40),
        aa.fermion("b", "R", {"SU3c": "1", "SU2L": "3", "Z": "0"}, copies=7),
        aa.fermion("c_1", "L", {"SU3c": "3", "SU2L": "1", "Z": "0"}, copies=2)])
    cases = [
        {"a": 1},
        {"a": 3, "b": 1},
        {"a": 1, "a_3": 0, "a_40": 2, "b_7": 3},        # copies set after the field
        {"a_3": 2, "a": 1},                              # the field entry after a copy wins
        {"a_41": 1, "a_0": 1, "b": 2, "b_2": -2},        # copies outside 1..40 count for nothing
        {"a_1": 1, "a_2": -1},                           # cancelling copies
        {"c_1": 1, "c_1_2": 3, "b_1": 1},                # a field whose name looks like a copy
    ]
    for charges in cases:
        got = {a.channel: a.value for a in ibanez_ross(m, charges, 4)}
        assert got == slow_ibanez_ross_values(m, charges), charges
