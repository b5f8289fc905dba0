"""Benchmark: CPU time of the paper's record groups, one fresh process per group.

Run:  python benchmarks/bench_paper_records.py --baseline-tree DIR [--groups solutions breaking]
                                              [--repeat 3] [--exclude table2_zgamma]

For each group (the records of one module of :mod:`anomalyalgebra.paper`, as one
``reproduce`` pool task computes them) a new Python process computes every record
with :func:`anomalyalgebra.paper.report._compute_keys` and reports the CPU time
(``time.process_time``, imports excluded) of each record and of the group.  With
``--baseline-tree`` the same is done in another source tree (e.g. ``git archive`` of
the commit before a change) in the same run, alternating the two trees, and the
ratio baseline / this tree is printed; the records' JSON (as results.json writes
them) is compared between the trees.  The minimum over ``--repeat`` runs
is reported (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WORKER = r"""
import json, sys, time
from anomalyalgebra.paper import report as R
from anomalyalgebra.paper.report import jsonable
from anomalyalgebra import paper
group, exclude = sys.argv[1], set(sys.argv[2:])
keys = [k for k in paper.keys()
        if paper.RECORDS[k].__module__.endswith("." + group) and k not in exclude]
per, out = {}, {}
t0 = time.process_time()
for k in keys:
    t = time.process_time()
    (_, rec, _), = R._compute_keys([k])
    per[k] = time.process_time() - t
    out[k] = {"derived": jsonable(rec.derived), "paper": jsonable(rec.paper), "rel_diff": rec.rel_diff,
              "agrees": bool(rec.agrees), "inputs": rec.inputs, "where": rec.where, "note": rec.note}
total = time.process_time() - t0
print(json.dumps({"per": per, "total": total, "records": out}, default=str))
"""


def run(tree, group, exclude):
    env = dict(os.environ, PYTHONPATH=str(tree), ANOMALYALGEBRA_CACHE="off")
    res = subprocess.run([sys.executable, "-c", _WORKER, group, *exclude], cwd=tree, env=env,
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline-tree", help="a source tree to run as the baseline")
    ap.add_argument("--groups", nargs="+", default=["solutions", "breaking"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--exclude", nargs="*", default=[], help="record keys to leave out")
    args = ap.parse_args()
    trees = [("this tree", ROOT)]
    if args.baseline_tree:
        trees.insert(0, ("baseline", Path(args.baseline_tree).resolve()))
    print(f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load {os.getloadavg()[0]:.1f}")
    for group in args.groups:
        best = {name: None for name, _ in trees}
        for _ in range(args.repeat):
            for name, tree in trees:            # alternate the trees
                r = run(tree, group, args.exclude)
                b = best[name]
                if b is None:
                    best[name] = r
                else:
                    b["total"] = min(b["total"], r["total"])
                    for k, v in r["per"].items():
                        b["per"][k] = min(b["per"][k], v)
        names = [name for name, _ in trees]
        print(f"\ngroup {group} (CPU s, min of {args.repeat}):")
        print(f"{'record':16s}" + "".join(f"{n:>11s}" for n in names)
              + ("      ratio" if len(names) == 2 else ""))
        keys = list(best[names[-1]]["per"])
        for k in keys + ["TOTAL"]:
            vals = [best[n]["total"] if k == "TOTAL" else best[n]["per"].get(k, float("nan"))
                    for n in names]
            line = f"{k:16s}" + "".join(f"{v:11.3f}" for v in vals)
            if len(vals) == 2 and vals[1] > 0:
                line += f"{vals[0] / vals[1]:10.1f}x"
            print(line)
        if len(names) == 2:
            same = best[names[0]]["records"] == best[names[1]]["records"]
            print("records: " + ("identical" if same else "DIFFERENT"))


if __name__ == "__main__":
    main()
