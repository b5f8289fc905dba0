"""Benchmark the Section III C scan (Table II): serial vs process pool, exact lambdify vs subs.

Run:  python benchmarks/bench_scan.py [--workers N] [--big 190]
      python benchmarks/bench_scan.py --only-prefilter [--million] [--runs K] [--baseline-tree DIR]

Prints times and ratios against baselines measured in the same run:
* the paper's scan (2 <= n <= 10, 1 <= |p|, q <= 60, m = oo) serial and on a pool;
* a ~10x larger scan (|p|, q <= BIG) serial and on a pool;
* per-point cost of the lambdified exact evaluation vs sympy ``subs`` on a sample;
* the exact vectorised prefilter (default) against evaluating every point
  (``prefilter=False``), both with cold caches, outputs asserted identical, and a
  10^6-point scan of the same family (``--million``; ``--only-prefilter`` skips the rest;
  ``--runs K`` repeats that comparison in K fresh processes; ``--baseline-tree DIR`` runs
  the same cold scans with the package of another tree, e.g. ``git archive 6a1b931``, in
  a fresh process and compares its rows).  Times are CPU seconds of the process
  (``time.process_time``), wall seconds in brackets.
"""

from __future__ import annotations

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor
from fractions import Fraction

import sympy as sp

from anomalyalgebra.solve import rationals
from anomalyalgebra.paper.solutions import anomalon_solutions, table2_scan


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t


def cpu_timed(fn):
    """``(result, CPU seconds of this process, wall seconds)``."""
    c, t = time.process_time(), time.perf_counter()
    out = fn()
    return out, time.process_time() - c, time.perf_counter() - t


def subs_baseline(points):
    """The naive way: sympy subs + is_rational per point and branch."""
    m, _, sols = anomalon_solutions()
    aL, aR, n = m.symbol("alpha_L"), m.symbol("alpha_R"), m.symbol("n")
    YL, XLL, XLR = m.symbol("Y_L"), m.symbol("X_LL"), m.symbol("X_LR")
    exprs = [(s.values[YL], s.value_of(XLL + XLR)) for s in sols]
    hits = 0
    for nn, mm in points:
        sub = {n: nn, aL: 1, aR: -1 / sp.Rational(mm.numerator, mm.denominator)}
        for y, x in exprs:
            vy, vx = sp.nsimplify(y.subs(sub)), sp.nsimplify(x.subs(sub))
            hits += bool(vy.is_rational and vx.is_rational)
    return hits


def _cold():
    """Forget every per-process cache a scan fills (compiled branches, simplified
    quantities, splitting values), so each timing pays for them."""
    import importlib

    from anomalyalgebra.solve import predicates, prefilter, system

    scan_mod = importlib.import_module("anomalyalgebra.solve.scan")
    for f in (scan_mod._compiled, prefilter._compile, system._value_of,
              predicates._float_splitting):
        f.cache_clear()


def _table2(prefilter, *args):
    """table2_scan with the library's scan called with ``prefilter=...``."""
    import importlib

    from anomalyalgebra.paper import solutions

    scan_mod = importlib.import_module("anomalyalgebra.solve.scan")
    original = solutions.scan
    solutions.scan = lambda *a, **k: scan_mod.scan(*a, prefilter=prefilter, **k)
    try:
        return solutions.table2_scan(*args)
    finally:
        solutions.scan = original


def prefilter_section(million, tree=None):
    """One cold comparison in this process (CPU time; wall time in brackets); with
    ``tree``, also against the package in that directory (fresh process)."""
    anomalon_solutions()
    _table2(True, 3, 3)              # one-time process costs (imports, parameter set) outside
    _table2(False, 3, 3)
    _cold()
    fast, c_fast, w_fast = cpu_timed(lambda: _table2(True))
    _cold()
    slow, c_slow, w_slow = cpu_timed(lambda: _table2(False))
    assert fast == slow
    print(f"Table II scan ({fast.points} points, {len(fast)} rows, cold caches), CPU (wall):"
          f" every point exact {c_slow:.2f} s ({w_slow:.2f} s), prefilter {c_fast:.3f} s"
          f" ({w_fast:.3f} s) -> x{c_slow / c_fast:.1f} (wall x{w_slow / w_fast:.1f});"
          f" identical rows: {fast.rows == slow.rows}", flush=True)
    if tree:
        b_pre, b_exact, same = baseline_tree(tree, fast.rows)
        print(f"baseline tree {tree}: prefilter {b_pre:.3f} s, every point exact {b_exact:.2f} s CPU;"
              f" this prefilter x{b_pre / c_fast:.1f} and x{b_exact / c_fast:.1f} faster;"
              f" identical rows: {same}", flush=True)
    if million:
        _cold()
        big, c_big, w_big = cpu_timed(lambda: _table2(True, 302, 302))
        print(f"same family, |p|, q <= 302, 2 <= n <= 10: {big.points} points, {len(big)} rows,"
              f" {c_big:.2f} s CPU ({w_big:.2f} s wall) serial with the prefilter", flush=True)


_TREE_RUN = r"""
import importlib, sys, time
from anomalyalgebra.paper import solutions
from anomalyalgebra.solve import predicates, prefilter, system
scan_mod = importlib.import_module("anomalyalgebra.solve.scan")

def cold():
    for mod, names in ((scan_mod, ("_compiled",)), (prefilter, ("_compile",)),
                       (system, ("_value_of",)),
                       (predicates, ("_float_splitting", "_cached_float_splitting"))):
        for name in names:
            f = getattr(getattr(mod, name, None), "cache_clear", None)
            if f is not None:      # the names of another tree's caches may differ
                f()

def table2(pre, *args):
    original = solutions.scan
    solutions.scan = lambda *a, **k: scan_mod.scan(*a, prefilter=pre, **k)
    try:
        return solutions.table2_scan(*args)
    finally:
        solutions.scan = original

solutions.anomalon_solutions()
table2(True, 3, 3)
table2(False, 3, 3)
out = []
for pre in (True, False):
    cold()
    c = time.process_time()
    res = table2(pre)
    out.append((time.process_time() - c, res.rows))
print(repr((out[0][0], out[1][0], out[0][1] == out[1][1], [repr(r) for r in out[0][1]])))
"""


def baseline_tree(tree, rows):
    """The same cold Table II scans (prefilter, every point exact) with the package of
    another tree (e.g. ``git archive 6a1b931``) in a fresh process: CPU seconds, and
    whether its rows equal ``rows``."""
    import ast
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=os.path.abspath(tree))
    out = subprocess.run([sys.executable, "-c", _TREE_RUN], env=env, capture_output=True,
                         text=True, check=True, cwd=os.path.abspath(tree)).stdout
    c_pre, c_exact, same, their_rows = ast.literal_eval(out.strip().splitlines()[-1])
    return c_pre, c_exact, same and their_rows == [repr(r) for r in rows]


def fresh_runs(runs, million, tree=None):
    """``prefilter_section`` in ``runs`` fresh processes, one after the other."""
    import subprocess
    import sys

    env = dict(os.environ)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    for k in range(1, runs + 1):
        cmd = [sys.executable, os.path.abspath(__file__), "--only-prefilter"]
        cmd += (["--million"] if million else []) + (["--baseline-tree", tree] if tree else [])
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
        for line in out.splitlines()[1:]:
            print(f"run {k}: {line}", flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1))
    ap.add_argument("--big", type=int, default=190)
    ap.add_argument("--sample", type=int, default=400)
    ap.add_argument("--million", action="store_true", help="also the 10^6-point scan")
    ap.add_argument("--only-prefilter", action="store_true")
    ap.add_argument("--runs", type=int, default=0,
                    help="repeat the cold prefilter comparison in this many fresh processes")
    ap.add_argument("--baseline-tree", default=None,
                    help="also run the cold Table II scans with the package in this directory")
    args = ap.parse_args()
    print(f"machine: {os.cpu_count()} CPUs; pool of {args.workers} processes")
    if args.runs:
        fresh_runs(args.runs, args.million, args.baseline_tree)
        return
    prefilter_section(args.million, args.baseline_tree)
    if args.only_prefilter:
        return

    anomalon_solutions()                                    # solve once, outside the timings
    paper, t_ser = timed(lambda: table2_scan(60, 60))
    with ProcessPoolExecutor(args.workers) as pool:
        table2_scan(4, 4, executor=pool)                    # warm the workers
        pooled, t_pool = timed(lambda: table2_scan(60, 60, executor=pool, chunksize=1000))
    assert paper.rows == pooled.rows
    print(f"paper scan: {paper.points} points, {len(paper)} rows")
    print(f"  serial {t_ser:8.2f} s   pool {t_pool:8.2f} s   speed-up x{t_ser / t_pool:.2f}")

    big, t_big = timed(lambda: table2_scan(args.big, args.big))
    with ProcessPoolExecutor(args.workers) as pool:
        table2_scan(4, 4, executor=pool)
        bigp, t_bigp = timed(lambda: table2_scan(args.big, args.big, executor=pool, chunksize=4000))
    assert big.rows == bigp.rows
    print(f"big scan (|p|, q <= {args.big}): {big.points} points ({big.points / paper.points:.1f}x),"
          f" {len(big)} rows")
    print(f"  serial {t_big:8.2f} s   pool {t_bigp:8.2f} s   speed-up x{t_big / t_bigp:.2f}")
    print(f"  serial time per point: paper {1e6 * t_ser / paper.points:.1f} us,"
          f" big {1e6 * t_big / big.points:.1f} us")

    ms = [r for r in rationals(60, 60)][:: max(1, len(rationals(60, 60)) // args.sample)][: args.sample]
    pts = [(5, Fraction(x)) for x in ms]
    _, t_subs = timed(lambda: subs_baseline(pts))
    per_subs = t_subs / len(pts)
    per_exact = t_ser / paper.points
    print(f"sympy subs baseline: {1e3 * per_subs:.2f} ms/point on {len(pts)} points;"
          f" lambdified exact: {1e3 * per_exact:.3f} ms/point -> x{per_subs / per_exact:.0f}")


if __name__ == "__main__":
    main()
