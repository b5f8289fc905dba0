"""Benchmark: the worst inputs the default limits let through, against a typical one.

The bound stated in ``docs/errors.rst`` is that every input is read in bounded time.
This script measures inputs at the edge of each limit and prints the time of each as a
ratio to a baseline measured in the same run: reading a typical charge
(``6/(n*(n^2-1))*alpha_L``, Table I of the seed paper) and a typical irrep (SO(10) 126).
It also times inputs just *over* each limit (they must fail fast: the check runs
before the work).

Run:  python3 benchmarks/bench_limits.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra.exceptions import AnomalyAlgebraError
from anomalyalgebra.limits import current_limits

SYMS = {name: sp.Symbol(name, real=True) for name in ["n", "alpha_L", "a", "b", "c"]}


def clear_caches():
    """Every cache the readers use, so that each call pays the full price."""
    from anomalyalgebra.algebra import cartan, irrep, naming

    sp.core.cache.clear_cache()
    for module in (cartan, irrep, naming):
        for obj in vars(module).values():
            if callable(getattr(obj, "cache_clear", None)):
                obj.cache_clear()
    for obj in vars(cartan.LieAlgebra).values():      # cached properties of the algebra
        if callable(getattr(getattr(obj, "fget", None), "cache_clear", None)):
            obj.fget.cache_clear()


def best_of(fn, repeat):
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        t = time.perf_counter()
        try:
            fn()
        except AnomalyAlgebraError:
            pass
        best = min(best, time.perf_counter() - t)
    return best


def cases():
    lim = current_limits()
    d = lim.max_nesting_depth - 1
    yield "charge: 6/(n*(n^2-1))*alpha_L (baseline)", lambda: aa.parse_expression("6/(n*(n^2-1))*alpha_L", SYMS)
    yield "charge: 999 chars of a+b-c*...", lambda: aa.parse_expression(("a+b-c*" * 200)[:997] + "a", SYMS)
    yield f"charge: nesting {d}", lambda: aa.parse_expression("(" * d + "a" + ")" * d, SYMS)
    yield "charge: 100-digit numbers multiplied", lambda: aa.parse_expression("9" * 50 + "*" + "9" * 50, SYMS)
    yield "charge: (7/3)^64 * sqrt(2)^63", lambda: aa.parse_expression("(7/3)^64*sqrt(2)^63", SYMS)
    yield "charge: (a+b+c)^4 (15 terms)", lambda: aa.parse_expression("(a+b+c)^4", SYMS)
    yield "charge: 2^2^2^2^2^2 (refused)", lambda: aa.parse_expression("2^2^2^2^2^2", SYMS)
    yield "charge: 10000 parentheses (refused)", lambda: aa.parse_expression("(" * 10000 + "1" + ")" * 10000)
    yield "irrep: SO(10) 126 (baseline)", lambda: aa.parse_group("SO(10)").parse_rep("126")
    for g in ["SU(3)", "SU(10)", "SO(65)", "Sp(64)", "E8"]:
        yield f"irrep: {g} by a name of dimension 999999", (lambda g=g: aa.parse_group(g).parse_rep("999999"))
    yield "irrep: SU(3) (300,300) (refused)", lambda: aa.parse_group("SU(3)").parse_rep("(300,300)")
    yield "irrep: SU(100000) 1 (refused)", lambda: aa.parse_group("SU(100000)").parse_rep("1")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = []
    base = {}
    aa.parse_expression("1")   # imports and first-use set-up out of the way
    for name, fn in cases():
        seconds = best_of(fn, args.repeat)     # caches cleared before every call
        kind = name.split(":")[0]
        if "baseline" in name:
            base[kind] = seconds
        rows.append((name, seconds, seconds / base[kind]))
    width = max(len(r[0]) for r in rows)
    print(f"{'input':{width}}  {'time (caches cleared)':>21}  {'x baseline':>10}")
    for name, seconds, ratio in rows:
        print(f"{name:{width}}  {seconds * 1e3:19.2f}ms  {ratio:10.1f}")


if __name__ == "__main__":
    main()
