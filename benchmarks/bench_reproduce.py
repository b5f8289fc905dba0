"""Benchmark: ``python3 -m anomalyalgebra reproduce`` from a fresh process.

Run:  python benchmarks/bench_reproduce.py [--baseline-tree DIR] [--repeat 1]

Each case is a new Python process (imports included).  Cases: serial without the
cache (``--jobs 1 --no-cache``), two processes without the cache, two processes
with an empty cache (fills it), and again with the filled cache.  With
``--baseline-tree`` the same commands without the cache (serial and two processes)
also run in another source tree (e.g. an export of the commit before these changes)
as a baseline in the same run.  Every run's
results.json is compared value by value with the first; wall time, the CPU time of
the process tree and the load average are printed (on a shared machine wall time
follows the load).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(tree, args, env):
    out = Path(tempfile.mkdtemp(prefix="bench-repro-"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "anomalyalgebra", "reproduce", "--out", str(out), *args],
                   cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, json.loads((out / "results.json").read_text())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline-tree", help="a source tree to run as the baseline")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    cache = tempfile.mkdtemp(prefix="bench-repro-cache-")
    env = dict(os.environ, ANOMALYALGEBRA_CACHE=cache)
    cases = []
    if args.baseline_tree:
        cases.append(("baseline tree, serial, no cache", args.baseline_tree, ["--jobs", "1", "--no-cache"]))
        cases.append(("baseline tree, 2 processes, no cache", args.baseline_tree, ["--jobs", "2", "--no-cache"]))
    cases += [
        ("serial, no cache (--jobs 1 --no-cache)", ROOT, ["--jobs", "1", "--no-cache"]),
        ("2 processes, no cache (--no-cache)", ROOT, ["--jobs", "2", "--no-cache"]),
        ("2 processes, empty cache (fills it)", ROOT, ["--jobs", "2"]),
        ("filled cache", ROOT, ["--jobs", "2"]),
    ]
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"{'case':42s} {'wall [s]':>9s} {'CPU [s]':>8s} {'load':>5s}  results.json")
    first = None
    for name, tree, extra in cases:
        for _ in range(args.repeat if "cache (fills" not in name else 1):
            wall, cpu, res = run(tree, extra, env)
            first = res if first is None else first
            same = "identical" if res == first else "DIFFERENT"
            print(f"{name:42s} {wall:9.2f} {cpu:8.2f} {os.getloadavg()[0]:5.1f}  {same}", flush=True)


if __name__ == "__main__":
    main()
