"""Published group-theory tables and independent cross-checks of the algebra layer."""

import json
from fractions import Fraction
from pathlib import Path

import pytest
import sympy

from anomalyalgebra.algebra import lie_algebra, parse_irrep
from anomalyalgebra.algebra.cartan import inner

DATA = json.loads((Path(__file__).parent / "data" / "group_tables.json").read_text())
ROWS = [(g, row) for g, t in DATA["tables"].items() for row in t["irreps"]]


def _id(p):
    g, row = p
    return f"{g}-{row['name']}"


@pytest.mark.parametrize("case", ROWS, ids=[_id(p) for p in ROWS])
def test_published_table(case):
    group, row = case
    alg = lie_algebra(group)
    r = parse_irrep(alg, row["name"])
    if "labels" in row:
        assert r.labels == tuple(row["labels"])
        assert parse_irrep(alg, tuple(row["labels"])).name == row["name"]
    assert r.name == row["name"]
    assert r.dim == row["dim"]
    assert 2 * r.index == row["l"]
    if "A" in row:
        assert r.anomaly == row["A"]


# ---------------------------------------------------------------- independent methods
def weight_dim(r):
    return sum(m for _, m in r.weights())


def weight_index(r):
    """T(R) = sum_mu mult (mu, mu) / (2 rank): trace of H^2 over an orthonormal Cartan basis."""
    alg = r.algebra
    return sum(m * inner(alg, w, w) for w, m in r.weights()) / (2 * alg.rank)


def weight_anomaly(r):
    """Okubo: A(R) = Tr_R(h^3)/Tr_fund(h^3), h = diag(N-1, -1, ..., -1) on the weights."""
    n = r.algebra.rank + 1

    def proj(w):  # orthogonal coordinates x_k = sum_{j>=k} w_j ; value N x_1 - sum x
        x = [sum(w[k:]) for k in range(n - 1)] + [0]
        return n * x[0] - sum(x)

    fund = (n - 1) ** 3 - (n - 1)
    tr = sum(m * proj(w) ** 3 for w, m in r.weights())
    return Fraction(tr, fund)


SAMPLE = [
    ("SU(2)", 6), ("SU(3)", 80), ("SU(4)", 70), ("SU(5)", 80), ("SU(6)", 120), ("SO(7)", 120),
    ("SO(8)", 120), ("SO(10)", 220), ("Sp(4)", 40), ("Sp(6)", 100), ("G2", 80), ("F4", 300),
    ("E6", 400), ("E7", 1000), ("E8", 300),
]


@pytest.mark.parametrize("group,max_dim", SAMPLE)
def test_weyl_formula_vs_weight_count_and_index_vs_weights(group, max_dim):
    alg = lie_algebra(group)
    for r in alg.irreps(max_dim):
        assert weight_dim(r) == r.dim
        assert weight_index(r) == r.index
        assert r.index == r.dim * r.casimir / alg.dim


@pytest.mark.parametrize("group", ["SU(3)", "SU(4)", "SU(5)", "SU(6)", "SU(7)"])
def test_anomaly_closed_form_vs_weights(group):
    alg = lie_algebra(group)
    for r in alg.irreps(200):
        assert weight_anomaly(r) == r.anomaly, r


@pytest.mark.parametrize("n", range(3, 10))
def test_su_n_anomaly_known_forms(n):
    alg = lie_algebra(f"SU({n})")
    e = lambda k: tuple(int(i == k) for i in range(n - 1))  # noqa: E731
    antisym = parse_irrep(alg, e(1))
    sym = parse_irrep(alg, tuple(2 * x for x in e(0)))
    assert alg.fundamental.anomaly == 1
    assert antisym.anomaly == n - 4
    assert sym.anomaly == n + 4
    assert alg.adjoint.anomaly == 0
    assert parse_irrep(alg, tuple(3 * x for x in e(0))).anomaly == (n + 3) * (n + 6) // 2
    assert alg.fundamental.index == sympy.Rational(1, 2)
    assert antisym.index == sympy.Rational(n - 2, 2) and sym.index == sympy.Rational(n + 2, 2)


@pytest.mark.parametrize(
    "group,h,dim",
    [("SU(2)", 2, 3), ("SU(5)", 5, 24), ("SO(7)", 5, 21), ("SO(10)", 8, 45), ("Sp(4)", 3, 10),
     ("Sp(8)", 5, 36), ("G2", 4, 14), ("F4", 9, 52), ("E6", 12, 78), ("E7", 18, 133), ("E8", 30, 248)],
)
def test_dual_coxeter_and_adjoint(group, h, dim):
    alg = lie_algebra(group)
    assert alg.dual_coxeter_number == h and alg.dim == dim
    assert alg.adjoint.dim == dim and alg.adjoint.casimir == h and alg.adjoint.index == h
    assert len(alg.positive_roots) == (dim - alg.rank) // 2


def test_special_normalisations():
    assert lie_algebra("SO(10)").irrep("10").index == 1
    assert lie_algebra("E6").irrep("27").index == 3
    for g in ["SO(10)", "E6", "E7", "E8", "G2", "F4", "Sp(6)", "SO(9)"]:
        alg = lie_algebra(g)
        assert all(r.anomaly == 0 for r in alg.irreps(300))
