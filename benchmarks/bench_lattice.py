"""Benchmark: the exact-lattice layer's backends (``anomalyalgebra.lattice``).

Run:  python benchmarks/bench_lattice.py [--repeat 3]

Row Hermite normal form with Python integers against python-flint's ``fmpz_mat.hnf``
(both backends of :func:`hermite_rows`, same run, outputs asserted identical) on random
sparse integer matrices and on the charge matrix of the operator benchmark model, and
LLL through sympy's ``DomainMatrix`` on its pure-Python (DDM) and flint (DFM)
representations.  Prints times and ratios; the crossover sets ``FLINT_MIN_ENTRIES``.
"""

import argparse
import random
import sys
import time
from pathlib import Path

from anomalyalgebra.lattice import FLINT_MIN_DENSITY, FLINT_MIN_ENTRIES, flint_available, hermite_rows


def best(fn, repeat):
    t, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        t = min(t, time.perf_counter() - t0)
    return t, out


def random_matrix(rng, m, n):
    return [[rng.choice((0, 0, 0, 0, 1, -1, 2)) for _ in range(n)] for _ in range(m)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
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
