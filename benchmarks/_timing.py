"""Timing helper shared by the benchmark scripts (run as ``python benchmarks/bench_*.py``)."""

import time


def best_of(fn, repeat=3):
    """``(best wall time over repeat calls of fn(), fn's last result)``."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out
