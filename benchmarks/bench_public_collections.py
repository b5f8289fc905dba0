"""Benchmark: ``anomalyalgebra check DIR`` on the public SARAH ``Models/`` tree and the
PyR@TE ``models/`` directory, with the verdict counts of their model files.

Run (the collections are not part of this repository; extract them first, e.g. from
``git archive`` of the SARAH and PyR@TE repositories)::

    python benchmarks/bench_public_collections.py --sarah /tmp/i18_public/SARAH/Models \\
        --pyrate /tmp/i18_public/pyrate/models [--baseline-tree DIR] [--repeat 3]

Prints, for this tree and (``--baseline-tree``, e.g. ``git archive 0be5943 | tar -x -C
DIR``) another tree of the package:

* the time of ``python -m anomalyalgebra check SARAH_DIR`` in a fresh process, best of
  ``--repeat`` runs: wall seconds and CPU seconds of the child (``resource`` usage), the
  exit code and the summary line;
* for this tree only: the status of every model file (a ``.m`` file that assigns
  ``Gauge[[i]]`` or a field list; every ``.model`` file), counted, and the files that
  are still refused with their reasons.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def time_check_dir(tree: Path, directory: Path, repeat: int):
    """(best wall s, CPU s of that run, exit code, last output line) of ``check DIR``."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    best = None
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "anomalyalgebra", "check", str(directory)],
                              cwd=tree, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        last = (proc.stdout.strip().splitlines() or [proc.stderr.strip()])[-1]
        if best is None or wall < best[0]:
            best = (wall, cpu, proc.returncode, last)
    return best


def model_file_statuses(sarah: Path | None, pyrate: Path | None):
    sys.path.insert(0, str(ROOT))
    from anomalyalgebra.interop import check_file
    from anomalyalgebra.interop.check import auxiliary_reason

    out = {}
    for label, directory, pattern in (("SARAH", sarah, "*.m"), ("PyR@TE", pyrate, "*.model")):
        if directory is None:
            continue
        rows = []
        for p in sorted(directory.rglob(pattern)):
            if auxiliary_reason(p):
                continue
            rows.append((p.relative_to(directory), check_file(p)))
        out[label] = rows
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sarah", type=Path, required=True, help="the SARAH Models/ directory")
    ap.add_argument("--pyrate", type=Path, help="the PyR@TE models/ directory")
    ap.add_argument("--baseline-tree", type=Path, help="another tree of the package to time")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    trees = [("this tree", ROOT)] + ([("baseline", args.baseline_tree)] if args.baseline_tree else [])
    for name, tree in trees:
        wall, cpu, code, last = time_check_dir(tree, args.sarah, args.repeat)
        print(f"check DIR ({name}): {wall:.1f} s wall, {cpu:.1f} s CPU, exit {code}: {last}")
    for label, rows in model_file_statuses(args.sarah, args.pyrate).items():
        counts = Counter(r.status for _, r in rows)
        print(f"{label}: {len(rows)} model files: " + ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
        for rel, r in rows:
            if r.status == "unreadable":
                print(f"  refused: {rel}: {r.error}")


if __name__ == "__main__":
    main()
