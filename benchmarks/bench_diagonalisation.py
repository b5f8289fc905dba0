"""Closed-form + perturbative diagonalisation vs numerical SVD (mpmath), 4x4 and 6x6.

Run:  python benchmarks/bench_diagonalisation.py
Prints, for hierarchical blocks (light entries O(eps), heavy block O(1)), the time of
the seesaw block-diagonalisation (k iterations) followed by closed-form 2x2 /
numerical diagonalisation of the small blocks, against the baseline: a full mpmath
SVD of the same matrix at the same precision, measured in the same run.  Also the
relative error of the singular values.  No assertion on time.
"""

import random

import mpmath
import sympy as sp

from anomalyalgebra.breaking import block_diagonalise_numeric, diagonalise_2x2, numerical_svd
from _timing import best_of


def hierarchical(n_light, n_heavy, eps, seed):
    rng = random.Random(seed)
    n = n_light + n_heavy
    return [[(rng.uniform(-1, 1) + (3 if i == j else 0)) if (i >= n_light and j >= n_light)
             else eps * rng.uniform(-1, 1) for j in range(n)] for i in range(n)]


def small_block_values(B):
    if B.rows == 2 and B.cols == 2:      # closed form (Eqs. 48-51 machinery)
        a, b, c, d = B[0, 0], B[0, 1], B[1, 0], B[1, 1]
        T = a * a + b * b + c * c + d * d
        D = a * d - b * c
        r = mpmath.sqrt(T * T - 4 * D * D)
        return [mpmath.sqrt((T - r) / 2), mpmath.sqrt((T + r) / 2)]
    if B.rows == 1:
        return [abs(B[0, 0])]
    return list(mpmath.svd_r(B, compute_uv=False))


def run(dps=30):
    print(f"mpmath dps = {dps}")
    print(f"{'size':>5} {'light':>5} {'eps':>7} {'iters':>5} {'t_pert/t_svd':>12} {'max rel err':>12}")
    with mpmath.workdps(dps):
        for size, n_light in ((4, 2), (6, 3)):
            for eps in (1e-2, 1e-3):
                M = hierarchical(n_light, size - n_light, eps, seed=size)
                A = mpmath.matrix(M)
                t_svd, exact = best_of(lambda: sorted(mpmath.svd_r(A, compute_uv=False)), 5)
                for iters in (1, 2, 4):
                    def pert():
                        L, H = block_diagonalise_numeric(A, range(n_light), range(n_light), iters)
                        return sorted(small_block_values(L) + small_block_values(H))
                    t_p, approx = best_of(pert, 5)
                    err = max(abs(a - b) / b for a, b in zip(approx, exact))
                    print(f"{size:>5} {n_light:>5} {eps:>7.0e} {iters:>5} {t_p / t_svd:>12.2f} {float(err):>12.2e}")
    # symbolic closed form: one lambdify, many evaluations vs mpmath SVD per point
    v, V5, Mh, yL, yR = sp.symbols("v V_5 M y_L y_R", positive=True)
    d = diagonalise_2x2([[0, yL * v / sp.sqrt(2)], [yR * V5 / sp.sqrt(2), Mh]])
    f = sp.lambdify((v, V5, Mh, yL, yR), d.masses[0], "mpmath")
    pts = [(246, 30 + i, 2000 + 10 * i, 0.5, 0.7) for i in range(200)]
    with mpmath.workdps(dps):
        t_cf, _ = best_of(lambda: [f(*p) for p in pts], repeat=3)
        t_sv, _ = best_of(lambda: [numerical_svd([[0, p[3] * p[0] / 2 ** 0.5], [p[4] * p[1] / 2 ** 0.5, p[2]]], dps)
                                  for p in pts], repeat=3)
    print(f"2x2 Eq. (47), 200 points: closed form (lambdified, mpmath) / mpmath SVD time = {t_cf / t_sv:.3f}")


if __name__ == "__main__":
    run()
