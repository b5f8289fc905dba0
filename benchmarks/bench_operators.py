"""Benchmark: operator enumeration and accidental symmetries of a ~50-field model.

Run:  python benchmarks/bench_operators.py
Prints wall times and ratios to the Standard Model measured in the same run, and
the enumeration against its general path (every candidate judged by the abelian
verdict on exact Fractions, which is what the library did before the integer-key
lookup; selected here by disabling the keys), with the outputs asserted identical.
"""

from unittest import mock

import anomalyalgebra as aa
from anomalyalgebra.operators import accidental_symmetries, allowed_operators
from anomalyalgebra.operators import lagrangian as _lagrangian
from _timing import best_of


def big_model(n_pairs=20, charges=(1, 2, 3, 5, 7)):
    """SM (6 fields) + the Table IV scalars + n_pairs vector-like lepton pairs + singlets."""
    groups = {"SU3c": "SU(3)", "SU2L": "SU(2)", "Y": "U(1)", "X": "U(1)"}
    f = [
        aa.fermion("q", "L", {"SU3c": "3", "SU2L": "2", "Y": "1/6", "X": "0"}, copies=3),
        aa.fermion("u", "R", {"SU3c": "3", "SU2L": "1", "Y": "2/3", "X": "0"}, copies=3),
        aa.fermion("d", "R", {"SU3c": "3", "SU2L": "1", "Y": "-1/3", "X": "0"}, copies=3),
        aa.fermion("l", "L", {"SU3c": "1", "SU2L": "2", "Y": "-1/2", "X": "0"}, copies=3),
        aa.fermion("e", "R", {"SU3c": "1", "SU2L": "1", "Y": "-1", "X": "0"}, copies=3),
        aa.scalar("H", {"SU3c": "1", "SU2L": "2", "Y": "1/2", "X": "0"}),
    ]
    for q in charges:
        f.append(aa.scalar(f"S{q}", {"SU3c": "1", "SU2L": "1", "Y": "0", "X": str(q)}))
    for i in range(n_pairs):
        x = (i % 9) - 4
        rep = "2" if i % 3 == 0 else ("3" if i % 3 == 1 else "1")
        y = "-1/2" if rep == "2" else ("1" if rep == "3" else "-1")
        f.append(aa.fermion(f"EL{i}", "L", {"SU3c": "1", "SU2L": rep, "Y": y, "X": str(x)}))
        f.append(aa.fermion(f"ER{i}", "R", {"SU3c": "1", "SU2L": rep, "Y": y, "X": str(x + (i % 2))}))
    return aa.Model.build("bench50", groups, f)


def main():
    sm = aa.load_model("sm")
    big = big_model()
    print(f"model bench50: {len(big.fields)} fields, {sum(x.copies for x in big.fields)} with copies")
    t_sm, lag_sm = best_of(lambda: allowed_operators(sm))
    t_sm_acc, _ = best_of(lambda: accidental_symmetries(sm, lag_sm))
    t_big, lag = best_of(lambda: allowed_operators(big))
    t_big5, lag5 = best_of(lambda: allowed_operators(big, extra_dims=(5,), include_potential=False), 1)
    t_acc, acc = best_of(lambda: accidental_symmetries(big, lag))
    t_acc5, acc5 = best_of(lambda: accidental_symmetries(big, lag5), 1)
    rows = [
        ("SM enumeration d<=4 (baseline)", t_sm, len(lag_sm)),
        ("SM accidental symmetries", t_sm_acc, None),
        ("bench50 enumeration d<=4", t_big, len(lag)),
        ("bench50 enumeration d<=5 (no potential)", t_big5, len(lag5)),
        ("bench50 accidental (d<=4)", t_acc, acc.n_u1),
        ("bench50 accidental (d<=5 bilinears)", t_acc5, acc5.n_u1),
    ]
    print(f"{'task':45s} {'time [s]':>10s} {'x SM enum':>10s} {'result':>8s}")
    for name, t, res in rows:
        print(f"{name:45s} {t:10.4f} {t / t_sm:10.1f} {'' if res is None else res:>8}")
    print("bench50 d<=4:", acc.group()[:200], "...", "discrete:", [z.name for z in acc.discrete])

    print(f"\n{'enumeration, general path vs integer keys':45s} {'general [s]':>11s} {'keys [s]':>9s} {'ratio':>6s}")
    for name, kw, rep in (("bench50 d<=4", {}, 3),
                          ("bench50 d<=5 (no potential)", {"extra_dims": (5,), "include_potential": False}, 1)):
        with mock.patch.object(_lagrangian, "_integer_charge_keys", lambda *a: None):
            t_gen, lag_gen = best_of(lambda: allowed_operators(big, **kw), rep)
        t_key, lag_key = best_of(lambda: allowed_operators(big, **kw), rep)
        assert [repr(t) for t in lag_gen.terms] == [repr(t) for t in lag_key.terms], name
        print(f"{name:45s} {t_gen:11.3f} {t_key:9.3f} {t_gen / t_key:6.1f}   identical output ({len(lag_key)} terms)")


if __name__ == "__main__":
    main()
