"""Benchmark: Hilbert-series operator counting (SM with three generations up to d = 8).

Run:  python benchmarks/bench_hilbert.py
Prints wall times and ratios to a baseline measured in the same run (the one-generation
SM up to d = 6 by irrep products), and checks every count against the published ones
(Henning, Lu, Melia, Murayama, arXiv:1512.03433).
"""

import time

import anomalyalgebra as aa
from anomalyalgebra.operators import hilbert_series, symmetry_breaking


def sm_with(n):
    m = aa.load_model("sm")
    for f in ("q", "u", "d", "l", "e"):
        m = m.replace_field(f, copies=n)
    return m


def timed(fn, repeat=3):
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main():
    sm1, sm3 = sm_with(1), sm_with(3)
    t0, base = timed(lambda: hilbert_series(sm1, 6))
    rows = [("SM N_f=1, d<=6, irreps (baseline)", t0, base.counts)]
    t, hs = timed(lambda: hilbert_series(sm1, 6, method="torus"))
    assert hs.counts == base.counts
    rows.append(("SM N_f=1, d<=6, torus constant term", t, hs.counts))
    t, hs = timed(lambda: hilbert_series(sm1, 8))
    assert hs.counts == {5: 2, 6: 84, 7: 30, 8: 993}
    rows.append(("SM N_f=1, d<=8", t, hs.counts))
    t, hs = timed(lambda: hilbert_series(sm3, 8))
    assert hs.counts == {5: 12, 6: 3045, 7: 1542, 8: 44807}
    rows.append(("SM N_f=3, d<=8", t, hs.counts))
    t, hs = timed(lambda: hilbert_series(sm3, 8, gradings={"B": {"q": 1, "u": 1, "d": 1}}), 1)
    rows.append(("SM N_f=3, d<=8, graded by B", t, hs.by_grade(6)))
    t, rep = timed(lambda: symmetry_breaking(aa.load_model("tau_l_minus_4r"), 8), 1)
    rows.append(("L=-4R: where each accidental symmetry breaks", t, {v.symmetry: v.dim for v in rep.violations}))
    print(f"{'task':48s} {'time [s]':>9s} {'x base':>8s}  result")
    for name, t, res in rows:
        print(f"{name:48s} {t:9.3f} {t / t0:8.1f}  {res}")


if __name__ == "__main__":
    main()
