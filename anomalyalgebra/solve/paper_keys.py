r"""Records ``eq28``, ``eq30``–``eq33`` and ``table2`` of :func:`anomalyalgebra.paper.results`.

Everything is derived from the model file ``anomalon_nplet`` with the general
solver (:class:`~anomalyalgebra.solve.ConstraintSystem`) and scan
(:func:`~anomalyalgebra.solve.scan`); the printed forms are typed in only to be
compared with.  Comparisons of expressions with square roots are made on each of
the two real regions of the solution (``α_L > 0, α_L − 2α_R > 0`` and
``α_L < 0, α_L − 2α_R < 0``, ``n ≥ 2``), where sympy can decide them exactly.
"""

from __future__ import annotations

import functools
from fractions import Fraction

import sympy as sp

from ..modelfile import load_model
from ..paper import _result
from ..records import PaperRecord
from .predicates import NeutralLightest, RationalValues
from .scan import INFINITY, integers, rationals, scan
from .system import ConstraintSystem

__all__ = ["table2_scan", "printed_table2", "anomalon_solutions", "PAPER_SCAN"]

#: The scan of Section III C: 2 <= n <= 10, m = p/q with 1 <= |p|, q <= 60, and m = oo.
PAPER_SCAN = {"n": (2, 10), "max_numerator": 60, "max_denominator": 60}


def _syms(m):
    return [m.symbol(s) for s in ("alpha_L", "alpha_R", "n", "Y_L", "X_LL", "X_LR", "X_S",
                                  "X_N1", "X_N2")]


@functools.lru_cache(maxsize=1)
def anomalon_solutions():
    """Branches of Eqs. (25)–(27) + Eq. (29) for (X_S, X_LL, X_LR, Y_L) in ``anomalon_nplet``."""
    m = load_model("anomalon_nplet")
    system = (ConstraintSystem(m)
              .require_anomaly_free(channels=["X SU2L SU2L", "X Y Y", "Y X X"])
              .require_operator("bar(LL) LR conj(S)"))
    return m, system, system.solve(["X_S", "X_LL", "X_LR", "Y_L"])


def _regions(m):
    aL, aR, n = m.symbol("alpha_L"), m.symbol("alpha_R"), m.symbol("n")
    a, b, k = sp.symbols("a b k", positive=True)
    return {
        "alpha_L > 0": {aL: a, aR: (a - b) / 2, n: 1 + k},
        "alpha_L < 0": {aL: -a, aR: (b - a) / 2, n: 1 + k},
    }


def _same(x, y, region) -> bool:
    d = sp.sympify(x - y).subs(region)
    return sp.simplify(d) == 0


def _printed_sign_match(derived, printed_pm, region):
    """+1/-1 if ``derived`` equals the printed form with that sign on the region, else 0."""
    for s in (1, -1):
        if _same(derived, printed_pm(s), region):
            return s
    return 0


@_result("eq28")
def _eq28():
    m = load_model("anomalon_nplet")
    aL, aR, n, YL, XLL, XLR, XS, XN1, XN2 = _syms(m)
    sols = (ConstraintSystem(m).require_anomaly_free(channels=["X grav grav", "X X X"])
            .solve([XN1 + XN2, XN1**3 + XN2**3]))
    derived = [(sp.sympify(k), v) for k, v in sols[0].pairs]
    printed = [(XN1 + XN2, n * (XLL - XLR) + 2 * aL - aR),
               (XN1**3 + XN2**3, n * (XLL**3 - XLR**3) + 2 * aL**3 - aR**3)]
    agrees = len(sols) == 1 and all(sp.expand(d[1] - p[1]) == 0 for d, p in zip(derived, printed))
    return PaperRecord(
        "eq28", derived, printed,
        "Solved the gravity and X^3 conditions (Eqs. 23-24) for the sums over the N_R charges"
        " (elimination of X_N1, X_N2 by a Groebner basis); one branch, equal to the printed form.",
        agrees)


@_result("eq30")
def _eq30():
    m = load_model("anomalon_nplet")
    aL, aR, n, YL, XLL, XLR, XS, *_ = _syms(m)
    sols = ConstraintSystem(m).require_operator("bar(LL) LR conj(S)").solve(["X_S"])
    derived = sols[0].values[XS]
    printed = XLR - XLL
    return PaperRecord("eq30", derived, printed,
                       "U(1)_X invariance of the Yukawa term bar(L_L) L_R S* of Eq. (29).",
                       len(sols) == 1 and sp.expand(derived - printed) == 0)


@_result("eq31")
def _eq31():
    m, _, sols = anomalon_solutions()
    aL, aR, n, YL, XLL, XLR, XS, *_ = _syms(m)
    printed = 6 * aL / (n * (n**2 - 1))
    derived = [s.values[XS] for s in sols]
    ok = all(sp.cancel(d - printed) == 0 for d in derived)
    return PaperRecord("eq31", derived, printed,
                       f"X_S on each of the {len(sols)} branches of Eqs. (25)-(27) + (30);"
                       " the same on both.", ok)


def _radical_record(key, quantity, printed_pm, extra_note):
    m, _, sols = anomalon_solutions()
    derived = [sp.sympify(s.value_of(quantity)) for s in sols]
    regions = _regions(m)
    signs = {name: [_printed_sign_match(d, printed_pm, reg) for d in derived]
             for name, reg in regions.items()}
    ok = all(sorted(v) == [-1, 1] for v in signs.values())
    printed = [printed_pm(1), printed_pm(-1)]
    detail = "; ".join(f"{name}: branches = printed signs {v}" for name, v in signs.items())
    return PaperRecord(key, derived, printed, f"{extra_note} Per branch ({detail}).", ok)


@_result("eq32")
def _eq32():
    m, _, sols = anomalon_solutions()
    aL, aR, n, YL, *_ = _syms(m)
    return _radical_record(
        "eq32", YL, lambda s: s * sp.sqrt((n**2 - 1) * (aL - 2 * aR) / (12 * aL)),
        "Y_L on the two branches (roots of 12 alpha_L Y_L^2 = (n^2-1)(alpha_L - 2 alpha_R));"
        " real iff (alpha_L - 2 alpha_R)/alpha_L >= 0, and alpha_L != 2 alpha_R.")


@_result("eq33")
def _eq33():
    m, _, sols = anomalon_solutions()
    aL, aR, n, YL, XLL, XLR, *_ = _syms(m)
    return _radical_record(
        "eq33", XLL + XLR,
        lambda s: s * sp.sqrt((n**2 - 1) / (3 * aL * (aL - 2 * aR))) * (aR**2 - aL**2),
        "X_LL + X_LR on the branches of Eq. (32).  The +/- of Eqs. (32) and (33) are NOT"
        " independent: every branch satisfies Y_L (X_LL + X_LR) = (n^2-1)(alpha_R^2 -"
        " alpha_L^2)/(6 alpha_L), so the signs are equal for alpha_L > 0 and opposite for"
        " alpha_L < 0 (2 solutions, not 4).")


# ---------------------------------------------------------------- Table II
def printed_table2():
    """Table II as printed: (m, n, ±Y_L, ±(X_LL + X_LR), X_S/α_L), m = oo for L-only."""
    F = Fraction
    return [(F(2), 5, F(-2), F(3, 2), F(1, 20)),
            (F(4), 3, F(-1), F(5, 4), F(1, 4)),
            (INFINITY, 2, F(-1, 2), F(1), F(1))]


def table2_scan(max_numerator=60, max_denominator=60, n_range=(2, 10), *, executor=None,
                chunksize=2000, predicates=None):
    """The scan of Section III C on the closed-form solution (Eqs. 31–33, α_L = 1).

    α_R/α_L = −1/m (Eq. 39) with m = p/q, 1 ≤ |p| ≤ max_numerator,
    1 ≤ q ≤ max_denominator, and m = ∞; α_L = 1 so that X charges are in units of α_L.
    Default predicates: rational Y_L, X_LL + X_LR, X_S and a neutral lightest member
    of the n-plet by Eq. (38).
    """
    m, _, sols = anomalon_solutions()
    aL, aR, n, YL, XLL, XLR, XS, *_ = _syms(m)
    N, M = sp.symbols("n m")
    if predicates is None:
        predicates = [RationalValues(), NeutralLightest("Y_L", "n")]
    return scan(
        sols,
        {"n": integers(*n_range),
         "m": rationals(max_numerator, max_denominator, infinity=True)},
        parameters={n: N, aL: sp.Integer(1), aR: -1 / M},
        quantities={"Y_L": YL, "X_LL+X_LR": XLL + XLR, "X_S/alpha_L": XS / aL},
        predicates=predicates, executor=executor, chunksize=chunksize)


def _table_rows(result):
    rows = []
    for r in result:
        p, v = r.point, r.values
        rows.append((p["m"], p["n"], v["Y_L"], v["X_LL+X_LR"], v["X_S/alpha_L"]))
    return rows


@_result("table2")
def _table2():
    res = table2_scan(**{k: v for k, v in (("max_numerator", PAPER_SCAN["max_numerator"]),
                                            ("max_denominator", PAPER_SCAN["max_denominator"]))})
    rows = _table_rows(res)
    printed = printed_table2()
    found_printed = [row for row in printed if row in rows]
    negative = [row for row in rows if row[1] and row[0] is not INFINITY and row[0] < 0]
    extra = sorted({(row[0], row[1]) for row in rows} - {(p[0], p[1]) for p in printed},
                   key=lambda t: t[1])
    note = (
        f"Scan of {res.points} (n, m) points, both branches of Eqs. (32)-(33), alpha_L = 1"
        " (so X_LL + X_LR and X_S are in units of alpha_L; Table IV is the m = 4 row times"
        " alpha_L = 4 with the Y_L = +1 branch).  The printed '±' columns are one branch,"
        " the one with Y_L < 0; the other branch flips both signs."
        f" All {len(found_printed)}/{len(printed)} printed rows are found exactly."
        f" The criteria also accept {len(extra)} more (m, n): "
        + ", ".join(f"(m={a}, n={b})" for a, b in extra)
        + ".  Every solution has the neutral member at the edge of the multiplet,"
        " Y_L = ±(n-1)/2, which by Eqs. (32) and (39) needs m = (n+1)/(n-2); the printed"
        " rows are exactly those with integer m (n-2 divides 3).  An interior neutral"
        " member would need |Y_L| < cos(theta_W)/2 < 1/2, i.e. Y_L = 0 (m = -2, where the"
        " system is inconsistent).  No m < 0 solution exists (footnote 5)"
        f"{'' if not negative else ' -- BUT FOUND SOME'}."
    )
    agrees = len(found_printed) == len(printed) and not extra
    return PaperRecord("table2", _sympy_rows(rows), _sympy_rows(printed), note, agrees)


def _sympy_rows(rows):
    """Rows with sympy numbers (Fractions from the exact scan become Rationals)."""
    def conv(x):
        if isinstance(x, Fraction):
            return sp.Rational(x.numerator, x.denominator)
        return sp.sympify(x) if isinstance(x, int) else x
    return [tuple(conv(x) for x in row) for row in rows]
