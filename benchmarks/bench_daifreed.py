"""Dai–Freed conditions: the exact engine against the ``daifreed`` 0.1.1 package.

Run from the repository root: ``python benchmarks/bench_daifreed.py [--spectra 200]``.
Both sides evaluate the same random Spin x Z(n) spectra (odd n); the verdicts must agree
(the script stops otherwise) and the wall times are printed.  ``daifreed`` evaluates the
integer form of Eq. (4.7) of arXiv:1808.00009; this toolkit evaluates the η-invariants of
a basis of circle bundles over 4-manifolds (:mod:`anomalyalgebra.nonperturbative.gysin`).
"""

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _timing import best_of  # noqa: E402

from anomalyalgebra.model import Model, fermion  # noqa: E402
from anomalyalgebra.nonperturbative import dai_freed  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--spectra", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    try:
        from daifreed.conditions import spin_zn
        from daifreed.spectrum import Fermion, Spectrum
    except ImportError:
        print("daifreed is not installed (pip install daifreed==0.1.1, or the test extra)")
        return 2
    rng = random.Random(args.seed)
    cases = []
    for _ in range(args.spectra):
        n = rng.choice([3, 5, 7, 9, 11, 15, 21, 101, 1001])
        charges = [(rng.randrange(n), rng.randint(1, 6)) for _ in range(rng.randint(1, 8))]
        cases.append((n, charges))
    models = [Model.build("t", {"Z": f"Z({n})"}, [fermion(f"f{i}", "L", {"Z": s}, copies=w)
                                                   for i, (s, w) in enumerate(ch)]) for n, ch in cases]
    spectra = [Spectrum([Fermion({"Z": s}, w) for s, w in ch]) for _, ch in cases]
    ours_t, ours = best_of(lambda: [dai_freed(m, "Z").free for m in models])
    theirs_t, theirs = best_of(lambda: [spin_zn(s, n, "Z").is_free for s, (n, _) in zip(spectra, cases)])
    if ours != theirs:
        bad = [c for c, a, b in zip(cases, ours, theirs) if a != b]
        print(f"DISAGREEMENT on {len(bad)} spectra, e.g. {bad[0]}")
        return 1
    print(f"{len(cases)} spectra, n up to {max(n for n, _ in cases)}: verdicts agree"
          f" ({sum(ours)} anomaly free)")
    print(f"anomalyalgebra.nonperturbative.dai_freed: {ours_t:.3f} s ({1e3 * ours_t / len(cases):.2f} ms/spectrum)")
    print(f"daifreed 0.1.1 spin_zn:                    {theirs_t:.3f} s ({1e3 * theirs_t / len(cases):.2f} ms/spectrum)")
    print(f"ratio: {ours_t / theirs_t:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
