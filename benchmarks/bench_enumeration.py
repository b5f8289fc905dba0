"""Benchmarks of the integer charge enumeration (issue 7).

Run from the repository root::

    python benchmarks/bench_enumeration.py            # everything (about 10 minutes)
    python benchmarks/bench_enumeration.py --quick    # smaller sizes only
    python benchmarks/bench_enumeration.py --only-sm --sm-max 7 --sm-direct-max 5

Prints Markdown tables: the engine against a brute force measured in the same run,
the scaling with N and q_max, the SM + 3 nu_R flavour-dependent U(1)' with the
direct path and the lattice path side by side (same run, outputs compared), and a
process pool.  The brute force is the usual "sorted tuples, last charge fixed by
the linear condition" loop (already reduced by the permutation symmetry).
"""

from __future__ import annotations

import argparse
import itertools
import platform
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from math import gcd
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from anomalyalgebra.enumeration import chiral_singlet_charges, enumerate_charges  # noqa: E402


def brute_force(n: int, q_max: int) -> int:
    """Count primitive chiral solutions by brute force (baseline)."""
    vals = [v for v in range(-q_max, q_max + 1) if v]
    found = set()
    for head in itertools.combinations_with_replacement(vals, n - 1):
        last = -sum(head)
        if last == 0 or last > q_max or last < head[-1]:
            continue
        t = head + (last,)
        if sum(x * x * x for x in t) != 0 or any(-x in t for x in t) or gcd(*t) != 1:
            continue
        found.add(min(t, tuple(sorted(-x for x in t))))
    return len(found)


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def engine_count(n, q_max, **kwargs):
    return sum(1 for _ in chiral_singlet_charges(n, q_max, **kwargs))


def versus_brute_force(cases):
    print("\n### Engine vs brute force (same run)\n")
    print("| N | q_max | solutions | brute force [s] | engine [s] | speed-up |")
    print("|---|---|---|---|---|---|")
    for n, q in cases:
        nb, tb = timed(brute_force, n, q)
        ne, te = timed(engine_count, n, q)
        assert nb == ne, (n, q, nb, ne)
        print(f"| {n} | {q} | {ne} | {tb:.2f} | {te:.3f} | {tb / te:.0f}x |", flush=True)


def scaling(ns, qs, limit):
    print("\n### Scaling with N and q_max (engine, one process)\n")
    print("| N \\ q_max | " + " | ".join(str(q) for q in qs) + " |")
    print("|---|" + "---|" * len(qs))
    for n in ns:
        cells = []
        for q in qs:
            if n * q > limit:
                cells.append("–")
                continue
            cnt, t = timed(engine_count, n, q)
            cells.append(f"{t:.2f} s ({cnt})")
        print(f"| {n} | " + " | ".join(cells) + " |", flush=True)


def pool(n, q):
    print(f"\n### Process pool, N={n}, q_max={q}\n")
    c1, t1 = timed(engine_count, n, q)
    with ProcessPoolExecutor(max_workers=2) as ex:
        c2, t2 = timed(engine_count, n, q, executor=ex)
    assert c1 == c2
    print(f"- 1 process: {t1:.2f} s; ProcessPoolExecutor(2): {t2:.2f} s; {c1} solutions")


def sm_model():
    import sympy as sp

    from anomalyalgebra.model import Model, fermion

    spec = [("Q", "L", "3", "2", "1/6"), ("u", "R", "3", "1", "2/3"),
            ("d", "R", "3", "1", "-1/3"), ("L", "L", "1", "2", "-1/2"),
            ("e", "R", "1", "1", "-1"), ("N", "R", "1", "1", "0")]
    syms, fields = [], []
    for name, chi, c, w, y in spec:
        for i in (1, 2, 3):
            x = sp.Symbol(f"x_{name}{i}")
            syms.append(x)
            fields.append(fermion(f"{name}{i}", chi, {"SU3c": c, "SU2L": w, "Y": y, "X": x}))
    model = Model.build("SM+3N", {"SU3c": "SU(3)", "SU2L": "SU(2)", "Y": "U(1)", "X": "U(1)"},
                        fields, symbols=syms)
    return model, syms


def cold():
    """Forget the per-process caches (tables, lattice plans) so each timing pays for them."""
    from anomalyalgebra.enumeration import linear, meet

    for f in (meet.side_context, meet.left_side, linear.lattice_plan, linear._tables):
        f.cache_clear()


def sm_plus_3n(qs, direct_max):
    """Direct path vs lattice path on the same problems, same run; lists compared."""
    from anomalyalgebra.enumeration import charge_problem
    from anomalyalgebra.enumeration.linear import direct_rows_estimate, lattice_plan

    model, syms = sm_model()
    print("\n### SM + 3 nu_R, flavour-dependent U(1)' (18 unknown charges)\n")
    print("Primitive, up to sign and generation permutations.  'rows' = side rows"
          " (direct: before pruning; lattice: exact).\n")
    print("| q_max | solutions | feasible sum vectors | rows direct | rows lattice |"
          " direct [s] | lattice [s] | direct / lattice |")
    print("|---|---|---|---|---|---|---|---|")
    for q in qs:
        cold()
        lat, tl = timed(lambda: sorted(enumerate_charges(model, syms, q, method="lattice")))
        problem = charge_problem(model, syms, q).problem
        plan = lattice_plan(problem)
        if q <= direct_max:
            cold()
            dire, td = timed(lambda: sorted(enumerate_charges(model, syms, q, method="direct")))
            assert dire == lat, q
            cells = f"{td:.2f} | {tl:.2f} | {td / tl:.1f}x"
        else:
            cells = f"– | {tl:.2f} | –"
        print(f"| {q} | {len(lat)} | {len(plan.sums)} | {direct_rows_estimate(problem)} |"
              f" {plan.rows} | {cells} |", flush=True)


_MEMORY_CHILD = """
import hashlib, resource, sys, time
from anomalyalgebra.enumeration import chiral_singlet_charges, engine, meet
n, q, join_rows = map(int, sys.argv[1:4])
if join_rows:
    meet.JOIN_ROWS = join_rows
t = time.perf_counter()
h, count = hashlib.sha256(), 0
for sol in chiral_singlet_charges(n, q):      # streamed: nothing is kept
    h.update(repr(sol).encode())
    count += 1
print(count, h.hexdigest()[:16], time.perf_counter() - t,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def memory(cases):
    """Peak memory of streamed enumerations, each in a fresh process: the join
    assembled and filtered in pieces of JOIN_ROWS candidates (default) against the
    whole join at once (the previous behaviour), same run, outputs compared."""
    import subprocess
    import sys

    root = str(Path(__file__).resolve().parent.parent)
    print("\n### Peak memory, streamed (fresh process each; ru_maxrss)\n")
    print("| N | q_max | solutions | whole join: time, peak | pieces: time, peak | peak ratio |")
    print("|---|---|---|---|---|---|")
    for n, q in cases:
        out = {}
        for label, rows in (("whole", 2**62), ("pieces", 0)):
            res = subprocess.run([sys.executable, "-c", _MEMORY_CHILD, str(n), str(q), str(rows)],
                                 capture_output=True, text=True, cwd=root, check=True)
            c, h, t, mb = res.stdout.split()
            out[label] = (int(c), h, float(t), float(mb))
        assert out["whole"][:2] == out["pieces"][:2], (n, q)
        w, p = out["whole"], out["pieces"]
        print(f"| {n} | {q} | {p[0]} | {w[2]:.1f} s, {w[3]:.0f} MB | {p[2]:.1f} s, {p[3]:.0f} MB |"
              f" {w[3] / p[3]:.1f}x |", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--sm-max", type=int, default=7, help="largest q_max of the SM + 3 nu_R rows")
    ap.add_argument("--sm-direct-max", type=int, default=4,
                    help="largest q_max at which the (slow) direct path is also run")
    ap.add_argument("--only-sm", action="store_true", help="only the SM + 3 nu_R table")
    ap.add_argument("--memory", action="store_true",
                    help="only the peak-memory table (N = 14, 16, 18 at q_max = 14)")
    args = ap.parse_args()
    print(f"Python {platform.python_version()}, {platform.machine()},"
          f" {__import__('os').cpu_count()} cores")
    engine_count(6, 6)  # warm-up: imports numpy and builds caches outside the timings
    if args.quick:
        versus_brute_force([(8, 8), (9, 8)])
        scaling([6, 8, 10], [5, 10], 200)
        sm_plus_3n([1, 2, 3], 3)
        return
    if args.memory:
        memory([(14, 14), (16, 14), (18, 14)])
        return
    if args.only_sm:
        sm_plus_3n(range(1, args.sm_max + 1), args.sm_direct_max)
        return
    versus_brute_force([(8, 10), (9, 10), (10, 10)])
    scaling([5, 6, 7, 8, 9, 10, 11, 12, 13, 14], [10, 15, 20, 30], 400)
    pool(12, 20)
    sm_plus_3n(range(1, args.sm_max + 1), args.sm_direct_max)


if __name__ == "__main__":
    main()
