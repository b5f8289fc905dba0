"""Benchmark: the exact-lattice layer's backends (``anomalyalgebra.lattice``).

Run:  python benchmarks/bench_lattice.py [--repeat 3]
      python benchmarks/bench_lattice.py --baseline /tmp/base   # old tree, same run

With ``--baseline DIR`` (a checkout of an older revision, e.g.
``git archive 6a1b931 | tar -x -C /tmp/base``) it instead times the lattice layer's
operations -- Python row Hermite form, column Hermite form with transform, integer
solutions, integer kernel with torsion (``_nullspace_int`` of
``operators.accidental`` where that still exists), and ``accidental_symmetries`` end to
end -- in fresh processes (``time.process_time``, best of ``--repeat``) on the old tree
and on this one, asserts the outputs equal (the kernel with torsion: the same lattice,
torsion and invariants) and prints the ratios old / new.

Row Hermite normal form with Python integers against python-flint's ``fmpz_mat.hnf``
(both backends of :func:`hermite_rows`, same run, outputs asserted identical) on random
sparse integer matrices and on the charge matrix of the operator benchmark model, and
LLL through sympy's ``DomainMatrix`` on its pure-Python (DDM) and flint (DFM)
representations.  Prints times and ratios; the crossover sets ``FLINT_MIN_ENTRIES``.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from anomalyalgebra.lattice import FLINT_MIN_DENSITY, FLINT_MIN_ENTRIES, flint_available, hermite_rows


def best(fn, repeat, clock=time.perf_counter):
    t, out = float("inf"), None
    for _ in range(repeat):
        t0 = clock()
        out = fn()
        t = min(t, clock() - t0)
    return t, out


def random_matrix(rng, m, n):
    return [[rng.choice((0, 0, 0, 0, 1, -1, 2)) for _ in range(n)] for _ in range(m)]


def worker(repeat):
    """Time the lattice operations of the tree on sys.path; print JSON (times, digests)."""
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_operators import big_model

    import anomalyalgebra as aa
    from anomalyalgebra import lattice
    from anomalyalgebra.operators import accidental, accidental_symmetries, allowed_operators
    from anomalyalgebra.operators.accidental import charge_matrix, phase_names

    def kernel_torsion(A, n):
        old = getattr(accidental, "_nullspace_int", None)
        if old is not None:
            K, tors, inv = old(A, n)
            return lattice.hermite_rows(K) if K else [], tors, inv
        return lattice.integer_kernel(A, n, torsion=True)

    rng = random.Random(2)
    rand = {f"random {m}x{n}": random_matrix(rng, m, n) for m, n in [(8, 12), (30, 20), (20, 40), (60, 30)]}
    big, sm = big_model(), aa.load_model("sm")
    lag4 = allowed_operators(big)
    lag5 = allowed_operators(big, extra_dims=(5,), include_potential=False)
    lag_sm = allowed_operators(sm)
    charges = {"bench50 charges d<=4": charge_matrix(big, lag4.terms, phase_names(big), "diagonalize"),
               "bench50 charges d<=5": charge_matrix(big, lag5.terms, phase_names(big), "diagonalize"),
               "SM charges d<=4": charge_matrix(sm, lag_sm.terms, phase_names(sm), "diagonalize")}
    # the SM + 3 nu_R group-sum system of the enumeration's lattice path (4 x 6)
    sums = [[18, 9, 9, 6, 3, 0], [18, 0, 0, 6, 0, 0], [3, 24, -6, -9, -18, 0], [6, 3, 3, 2, 1, 0]]
    tasks = []
    for name, A in list(rand.items()) + list(charges.items()):
        tasks.append((f"hermite_rows (python) {name}", lambda A=A: lattice.hermite_rows(A, backend="python")))
    for name, A in rand.items():
        tasks.append((f"column_hermite_form {name}", lambda A=A: lattice.column_hermite_form(A)[0]))
        tasks.append((f"integer_kernel {name}", lambda A=A: lattice.integer_kernel(A)))
    tasks.append(("integer_solutions SM+3N sums", lambda: lattice.integer_solutions(sums, [0, 0, 0, 0])))
    for name, A in charges.items():
        n = len(A[0])
        tasks.append((f"kernel + torsion {name}", lambda A=A, n=n: kernel_torsion(A, n)))
    tasks.append(("accidental_symmetries SM", lambda: str(accidental_symmetries(sm, lag_sm))))
    tasks.append(("accidental_symmetries bench50 d<=4", lambda: str(accidental_symmetries(big, lag4))))
    tasks.append(("accidental_symmetries bench50 d<=5",
                  lambda: str(accidental_symmetries(big, lag5))))
    out = {}
    for name, fn in tasks:
        t, res = best(fn, repeat, time.process_time)
        out[name] = (t, repr(res))
    print(json.dumps(out))


def against_baseline(base, repeat):
    here = Path(__file__).resolve().parents[1]
    runs = {}
    for label, tree in (("old", Path(base)), ("new", here), ("old", Path(base)), ("new", here)):
        env = dict(os.environ, PYTHONPATH=str(tree))
        res = subprocess.run([sys.executable, __file__, "--worker", "--repeat", str(repeat)],
                             env=env, cwd=tree, capture_output=True, text=True, check=True)
        data = json.loads(res.stdout)
        prev = runs.setdefault(label, data)
        for k, (t, r) in data.items():      # best of the two fresh processes
            prev[k] = (min(prev[k][0], t), r)
    print(f"baseline {base} vs {here} (CPU time, best of {repeat} x 2 fresh processes)")
    print(f"{'operation':52s} {'old [ms]':>9s} {'new [ms]':>9s} {'old/new':>8s}")
    for k, (t_new, r_new) in runs["new"].items():
        t_old, r_old = runs["old"][k]
        assert r_old == r_new, f"different output: {k}"
        print(f"{k:52s} {1e3 * t_old:9.2f} {1e3 * t_new:9.2f} {t_old / t_new:8.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", help="an older tree: time the lattice layer against it")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return worker(args.repeat)
    if args.baseline:
        return against_baseline(args.baseline, args.repeat)
    if not flint_available():
        sys.exit("python-flint is not installed (pip install anomalyalgebra[flint])")
    rng = random.Random(1)
    cases = [(f"random {m}x{n}", random_matrix(rng, m, n))
             for m, n in [(6, 6), (12, 8), (30, 20), (60, 30), (150, 40), (300, 61), (600, 100)]]
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_operators import big_model

    from anomalyalgebra.operators import allowed_operators
    from anomalyalgebra.operators.accidental import charge_matrix, phase_names

    big = big_model()
    for label, kw in (("d<=4", {}), ("d<=5", {"extra_dims": (5,), "include_potential": False})):
        lag = allowed_operators(big, **kw)
        ph = phase_names(big)
        cases.append((f"bench50 charges {label}", charge_matrix(big, lag.terms, ph, "diagonalize")))
    print(f"FLINT_MIN_ENTRIES = {FLINT_MIN_ENTRIES}, FLINT_MIN_DENSITY = {FLINT_MIN_DENSITY}")
    print(f"{'hermite_rows input':28s} {'entries':>8s} {'non-zero':>8s} {'python [s]':>11s} {'flint [s]':>10s}"
          f" {'py/flint':>9s} {'auto':>6s}")
    for name, A in cases:
        tp, hp = best(lambda: hermite_rows(A, backend="python"), args.repeat)
        tf, hf = best(lambda: hermite_rows(A, backend="flint"), args.repeat)
        assert hp == hf, name
        size = len(A) * len(A[0])
        nz = sum(1 for r in A for x in r if x) / size
        auto = "flint" if size >= FLINT_MIN_ENTRIES and nz >= FLINT_MIN_DENSITY else "python"
        print(f"{name:28s} {size:8d} {nz:8.2f} {tp:11.5f} {tf:10.5f} {tp / tf:9.1f} {auto:>6s}")

    from sympy import ZZ
    from sympy.polys.matrices import DomainMatrix

    print(f"\n{'LLL (sympy DomainMatrix)':28s} {'DDM [s]':>11s} {'DFM [s]':>10s} {'DDM/DFM':>9s}")
    for k, n, size in [(3, 6, 20), (6, 10, 100), (12, 16, 1000)]:
        while True:
            B = [[rng.randint(-size, size) for _ in range(n)] for _ in range(k)]
            M = DomainMatrix(B, (k, n), ZZ)
            if M.rank() == k:
                break
        td, rd = best(lambda: M.to_ddm().lll(), args.repeat)
        tf, rf = best(lambda: M.to_dfm().lll(), args.repeat)
        same = rd.to_list() == rf.to_list()
        print(f"{f'{k} vectors in Z^{n}, |b|<={size}':28s} {td:11.5f} {tf:10.5f} {td / tf:9.1f}  same output: {same}")


if __name__ == "__main__":
    main()
