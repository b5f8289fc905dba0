"""Benchmark: the Fig. 1 χ² grid (10^6 points) three ways, measured in one run.

1. ``chi2_function()`` — the closed form, lambdified to numpy;
2. hand-written numpy with the constants folded by hand from the same inputs;
3. sympy ``subs``/``evalf`` point by point — far too slow for 10^6 points, so it is
   timed on a random subsample and extrapolated linearly (stated in the output).

Run:  python benchmarks/bench_fig1_grid.py [--n 1000] [--sub 200] [--repeat 5]
Target: lambdified within 2x of hand-written numpy.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import time

import numpy as np
import sympy as sp

from anomalyalgebra.pheno import chi2_function, default_parameters, sm_inputs
from anomalyalgebra.pheno.fit import _limit_weight, chi2_expression, chi2_inputs
from anomalyalgebra.pheno.observables import ckm_loop_sum
from _timing import best_of

#: The X mass of the benchmark (GeV): the seed paper's choice, passed explicitly.
M_X = "2.1"


def hand_written(P, m_X):
    """χ²(a, b) in plain numpy, constants computed once in floats (no sympy in the loop)."""
    sm = {k: complex(sp.N(v, 20)).real if k != "x" else None for k, v in sm_inputs(P).items()}
    g, gp, mb, ms, mZ, GZ = sm["g"], sm["g'"], sm["m_b"], sm["m_s"], sm["m_Z"], sm["Gamma_Z"]
    S = abs(complex(sp.N(ckm_loop_sum("b", "s", P), 20)))
    kS = 3 * g**4 / (4 * math.pi) ** 4 * S * (mb - ms) / 2 / m_X          # |g_S| = kS |a|
    # derived Z -> gamma X (docs/eft.rst): B = kZ K^2, K = 2 (c^2 a - s^2 b), c^2 = g^2/(g^2 + g'^2)
    kZ = g**2 * gp**2 / (24576 * math.pi**5) * mZ**3 / m_X**2 * (1 - m_X**2 / mZ**2) ** 3 / GZ
    c2 = g**2 / (g**2 + gp**2)
    inp = chi2_inputs(P)
    g0, sg = float(inp.gS), float(inp.gS_sigma)
    w = float(_limit_weight(inp.br_limit, inp.br_cl))

    def chi2(a, b):
        d = 2 * (c2 * a - (1 - c2) * b)
        return ((kS * np.abs(a) - g0) / sg) ** 2 + w * (kZ * d * d) ** 2

    return chi2


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="points per axis (n^2 total)")
    ap.add_argument("--sub", type=int, default=200, help="subsample for subs/evalf")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    P = default_parameters()
    m_X = float(M_X)
    x = np.linspace(-0.04, 0.04, args.n)
    A, B = np.meshgrid(x, x)
    npts = A.size

    t0 = time.perf_counter()
    f_lam = chi2_function(M_X)
    t_build = time.perf_counter() - t0
    f_hand = hand_written(P, m_X)

    t_lam, z_lam = best_of(lambda: f_lam(A, B), args.repeat)
    t_hand, z_hand = best_of(lambda: f_hand(A, B), args.repeat)
    maxrel = float(np.max(np.abs(z_lam - z_hand) / np.maximum(np.abs(z_hand), 1e-300)))

    a, b = sp.symbols("a b", real=True)
    expr = chi2_expression(a, b, sp.nsimplify(m_X), P)
    rng = np.random.default_rng(1)
    idx = rng.choice(npts, size=args.sub, replace=False)
    pa, pb = A.ravel()[idx], B.ravel()[idx]
    t0 = time.perf_counter()
    z_sub = [float(expr.subs({a: float(u), b: float(v)}).evalf(15)) for u, v in zip(pa, pb)]
    t_subs_sub = time.perf_counter() - t0
    t_subs = t_subs_sub * npts / args.sub
    subrel = float(np.max(np.abs(np.array(z_sub) - z_lam.ravel()[idx]) / np.abs(np.array(z_sub))))

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, numpy {np.__version__}, sympy {sp.__version__}")
    print(f"grid: {args.n} x {args.n} = {npts:.0e} points, m_X = {m_X} GeV, best of {args.repeat}")
    print(f"build chi2_function (sympy -> lambdify): {t_build:8.3f} s (once)")
    print(f"lambdified numpy                       : {t_lam:8.4f} s")
    print(f"hand-written numpy                     : {t_hand:8.4f} s")
    print(f"sympy subs/evalf (extrapolated from {args.sub} points, linear): {t_subs:10.1f} s "
          f"(measured {t_subs_sub:.2f} s)")
    print(f"ratio lambdified / hand-written        : {t_lam / t_hand:8.2f}  (target <= 2)")
    print(f"ratio subs-evalf / lambdified          : {t_subs / t_lam:8.0f}")
    print(f"max rel. difference lambdified vs hand : {maxrel:.1e}; vs subs/evalf on subsample: {subrel:.1e}")


if __name__ == "__main__":
    main()
