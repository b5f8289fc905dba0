"""Benchmark: the full anomaly table of the SM plus 200 extra fields.

Two cases: exact rational charges, and the same model with 20 of the U(1)_X charges
replaced by symbols.  The baseline, measured in the same run, is a deliberately
naive reference: it expands every field into its individual Weyl components (colour
x isospin x copies), and for U(1) x G^2 it sums the squared Cartan eigenvalue
(T3^2 for SU(2)) over the components, with plain sympy arithmetic.

Run:  python3 benchmarks/bench_anomaly.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import sympy as sp

import anomalyalgebra as aa


def build(n_extra=200, n_symbolic=0, seed=1):
    rng = random.Random(seed)
    sm = aa.load_model("sm")
    groups = list(sm.groups) + [("X", "U(1)"), ("Z", "U(1)")]
    syms = [sp.Symbol(f"x{i}", real=True) for i in range(n_symbolic)]
    fields = [aa.fermion(f.name, f.chirality, {**f.rep_map, "X": 0, "Z": 0}, copies=f.copies)
              for f in sm.fermions]
    for i in range(n_extra):
        x = syms[i] if i < n_symbolic else f"{rng.randint(-9, 9)}/{rng.randint(1, 5)}"
        fields.append(aa.fermion(f"f{i}", rng.choice("LR"), {
            "SU3c": rng.choice(["1", "3", "3bar", "6", "8"]),
            "SU2L": rng.choice(["1", "2", "3", "4"]),
            "Y": f"{rng.randint(-6, 6)}/{rng.randint(1, 6)}",
            "X": x,
            "Z": rng.randint(-3, 3),
        }))
    return aa.Model.build("bench", groups, fields, symbols=syms)


def naive_table(model):
    """Component-by-component reference for the U(1)^3, U(1)-SU(2)^2 and grav channels."""
    out = {}
    u1 = [k for k, g in model.groups if isinstance(g, aa.U1)]
    comps = []
    for f in model.fermions:
        sign = 1 if f.chirality == "R" else -1
        n3 = int(model.group("SU3c").dim(f.rep("SU3c")))
        n2 = int(model.group("SU2L").dim(f.rep("SU2L")))
        for _ in range(f.copies * n3):
            for k in range(n2):
                t3 = sp.Rational(n2 - 1, 2) - k
                comps.append((sign, {u: f.rep(u) for u in u1}, t3))
    for a in u1:
        for b in u1:
            for c in u1:
                key = tuple(sorted((a, b, c)))
                if key not in out:
                    out[key] = sp.expand(sum(2 * s * q[a] * q[b] * q[c] for s, q, _ in comps))
        out[(a, "SU2L")] = sp.expand(sum(2 * s * q[a] * t3**2 for s, q, t3 in comps))
        out[(a, "grav")] = sp.expand(sum(s * q[a] for s, q, _ in comps))
    return out


def timeit(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print(f"{'case':28s} {'anomalies() [s]':>16s} {'naive [s]':>10s} {'naive/ours':>11s} channels")
    for label, n_sym in (("SM + 200 exact", 0), ("SM + 200, 20 symbolic", 20)):
        model = build(n_symbolic=n_sym)
        ours, table = timeit(model.anomalies, args.repeat)
        base, ref = timeit(lambda: naive_table(model), max(1, args.repeat // 2))
        # cross-check the two before reporting a ratio
        for (a, b), v in ((k, v) for k, v in ref.items() if len(k) == 2):
            key = (a, b, b) if b != "grav" else (a, "grav", "grav")
            assert sp.expand(aa.anomaly_trace(model, *key, convention="eq4") - v) == 0, key
        print(f"{label:28s} {ours:16.4f} {base:10.4f} {base / ours:11.1f} {len(table)}")


if __name__ == "__main__":
    main()
