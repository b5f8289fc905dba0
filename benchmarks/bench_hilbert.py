"""Benchmark: Hilbert-series operator counting (SM with three generations up to d = 8).

Run:  python benchmarks/bench_hilbert.py
Prints wall times and ratios to a baseline measured in the same run (the one-generation
SM up to d = 6 by irrep products), and checks every count against the published ones
(Henning, Lu, Melia, Murayama, arXiv:1512.03433).

Run:  python benchmarks/bench_hilbert.py --before [REV] [--repeat N]
Before/after: every task runs in a fresh process, once on the tree of the git revision
REV (default 6a1b931, exported with ``git archive`` to a temporary directory) and once
on this checkout; prints the CPU time of the call (``time.process_time``, imports and
model loading excluded, best of N fresh processes), the ratio before/after, and whether
the two results are identical (a digest of the graded counts or of the whole report).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from _timing import best_of

ROOT = Path(__file__).resolve().parent.parent


def sm_with(n):
    import anomalyalgebra as aa

    m = aa.load_model("sm")
    for f in ("q", "u", "d", "l", "e"):
        m = m.replace_field(f, copies=n)
    return m


def main():
    import anomalyalgebra as aa
    from anomalyalgebra.operators import hilbert_series, symmetry_breaking

    sm1, sm3 = sm_with(1), sm_with(3)
    t0, base = best_of(lambda: hilbert_series(sm1, 6))
    rows = [("SM N_f=1, d<=6, irreps (baseline)", t0, base.counts)]
    t, hs = best_of(lambda: hilbert_series(sm1, 6, method="torus"))
    assert hs.counts == base.counts
    rows.append(("SM N_f=1, d<=6, torus constant term", t, hs.counts))
    t, hs = best_of(lambda: hilbert_series(sm1, 8))
    assert hs.counts == {5: 2, 6: 84, 7: 30, 8: 993}
    rows.append(("SM N_f=1, d<=8", t, hs.counts))
    t, hs = best_of(lambda: hilbert_series(sm3, 8))
    assert hs.counts == {5: 12, 6: 3045, 7: 1542, 8: 44807}
    rows.append(("SM N_f=3, d<=8", t, hs.counts))
    t, hs = best_of(lambda: hilbert_series(sm3, 8, gradings={"B": {"q": 1, "u": 1, "d": 1}}), 1)
    rows.append(("SM N_f=3, d<=8, graded by B", t, hs.by_grade(6)))
    t, rep = best_of(lambda: symmetry_breaking(aa.load_model("tau_l_minus_4r"), 8), 1)
    rows.append(("L=-4R: where each accidental symmetry breaks", t, {v.symmetry: v.dim for v in rep.violations}))
    print(f"{'task':48s} {'time [s]':>9s} {'x base':>8s}  result")
    for name, t, res in rows:
        print(f"{name:48s} {t:9.3f} {t / t0:8.1f}  {res}")


# ------------------------------------------------------------------ before/after
#: (label, setup, timed expression, fresh processes per tree); run in a child process by
#: _child with the tree under test first on sys.path.  ``setup`` is not timed.
TASKS = (
    ("paper record accidental_breaking_l_minus_4r",
     "from anomalyalgebra.paper.operators import accidental_breaking_l_minus_4r as f",
     "f()", None),
    ("L=-4R: symmetry_breaking(d<=5), as in the record",
     "m = aa.load_model('tau_l_minus_4r'); acc = accidental_symmetries(m)",
     "symmetry_breaking(m, 5, accidental=acc)", None),
    ("SM: symmetry_breaking(d<=5), as in the record",
     "m = aa.load_model('sm'); acc = accidental_symmetries(m)",
     "symmetry_breaking(m, 5, accidental=acc)", None),
    ("L=-4R: graded by symmetries and content, d<=5",
     "m = aa.load_model('tau_l_minus_4r'); g = symmetry_gradings(accidental_symmetries(m))",
     "hilbert_series(m, 5, gradings=g, content=True)", None),
    ("SM N_f=1, d<=6, irreps", "m = sm_with(1)", "hilbert_series(m, 6)", None),
    ("SM N_f=1, d<=6, torus constant term", "m = sm_with(1)", "hilbert_series(m, 6, method='torus')", None),
    ("SM N_f=1, d<=8", "m = sm_with(1)", "hilbert_series(m, 8)", None),
    ("SM N_f=3, d<=8", "m = sm_with(3)", "hilbert_series(m, 8)", None),
    ("SM N_f=3, d<=8, graded by B", "m = sm_with(3)",
     "hilbert_series(m, 8, gradings={'B': {'q': 1, 'u': 1, 'd': 1}})", None),
    ("L=-4R: symmetry_breaking(d<=8)", "m = aa.load_model('tau_l_minus_4r')", "symmetry_breaking(m, 8)", 1),
)

_CHILD = """
import hashlib, json, sys, time
sys.path.insert(0, sys.argv[1])
import anomalyalgebra as aa
from anomalyalgebra.operators import accidental_symmetries, hilbert_series, symmetry_breaking
from anomalyalgebra.operators.violation import symmetry_gradings
def sm_with(n):
    m = aa.load_model("sm")
    for f in ("q", "u", "d", "l", "e"):
        m = m.replace_field(f, copies=n)
    return m
exec(sys.argv[2])
t0 = time.process_time()
out = eval(sys.argv[3])
cpu = time.process_time() - t0
text = repr(out.graded) if hasattr(out, "graded") else (
    json.dumps(out.to_dict(), sort_keys=True) if hasattr(out, "to_dict") else repr(out))
print(json.dumps({"cpu": cpu, "digest": hashlib.sha256(text.encode()).hexdigest()[:16]}))
"""


def _child(tree, setup, expr):
    env = dict(os.environ, PYTHONPATH=str(tree))
    res = subprocess.run([sys.executable, "-c", _CHILD, str(tree), setup, expr], env=env, cwd=str(tree),
                         capture_output=True, text=True, check=False)
    if res.returncode:
        raise RuntimeError(f"child failed on {tree}: {res.stderr.strip().splitlines()[-1:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def before_after(rev, repeat):
    with tempfile.TemporaryDirectory(prefix="bench-hilbert-") as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=False).stdout.strip() or "?"
        print(f"before: {rev} (git archive), after: this checkout ({head}, working tree); "
              f"CPU seconds of the call, best of {repeat} fresh processes")
        print(f"{'task':50s} {'before':>8s} {'after':>8s} {'ratio':>7s}  identical")
        all_same = True
        for label, setup, expr, n in TASKS:
            best = {}
            for side, tree in (("before", tmp), ("after", ROOT)):
                runs = [_child(tree, setup, expr) for _ in range(n or repeat)]
                best[side] = (min(r["cpu"] for r in runs), {r["digest"] for r in runs})
            same = best["before"][1] == best["after"][1] and len(best["after"][1]) == 1
            all_same &= same
            b, a = best["before"][0], best["after"][0]
            print(f"{label:50s} {b:8.3f} {a:8.3f} {b / a:7.1f}  {'yes' if same else 'NO'}", flush=True)
        if not all_same:
            raise SystemExit("results differ between the two trees")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", nargs="?", const="6a1b931", default=None, metavar="REV",
                        help="compare with the tree of git revision REV (default 6a1b931) in fresh processes")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per task and tree (default 3)")
    args = parser.parse_args()
    if args.before:
        before_after(args.before, args.repeat)
    else:
        sys.path.insert(0, str(ROOT))
        main()
