"""Exact integer lattices and the lattice path of the enumeration (issue 7, item 3).

Lattice points in a box (:func:`box_points`) are checked against brute force over
boxes (every integer solution of ``A x = b`` in the box, including systems without
integer solutions and kernels that are proper sublattices); the lattice path of the
engine is checked against an independent brute force over all multisets and against
the direct path on the same problems.  The lattice algebra itself (Hermite form,
integer solutions and kernels, LLL) is tested in ``tests/test_lattice.py``; the
brute forces are in ``tests/_reference.py``.
"""

from __future__ import annotations

import random

import pytest
from _reference import brute_box, brute_problem, random_int_matrix

np = pytest.importorskip("numpy")

import sympy as sp  # noqa: E402

from anomalyalgebra.enumeration import (  # noqa: E402
    Condition,
    Group,
    Polynomial,
    Problem,
    box_points,
    charge_problem,
    choose_method,
    column_hermite_form,
    enumerate_charges,
    enumerate_problem,
    integer_solutions,
    iter_solutions,
    lll_reduce,
    plan_chunks,
    singlet_problem,
    uses_int64,
)
from anomalyalgebra.model import Model, fermion  # noqa: E402


# ----------------------------------------------------------------------------------
# lattice points in a box (the algebra itself: tests/test_lattice.py)
# ----------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(80))
def test_box_points_of_integer_solutions_match_brute_force(seed):
    rng = random.Random(1000 + seed)
    m, n = rng.randint(1, 3), rng.randint(2, 4)
    A = random_int_matrix(rng, m, n)
    x_true = [rng.randint(-2, 2) for _ in range(n)]
    b = [sum(a * x for a, x in zip(row, x_true)) for row in A]
    if seed % 4 == 0:
        b[0] += rng.choice([1, 2, 3])  # usually infeasible (gcd or rank)
    lo, hi = [-3] * n, [3] * n
    expected = brute_box(A, b, lo, hi)
    solved = integer_solutions(A, b)    # checked against brute force in test_lattice.py
    if solved is None:
        assert expected == []
        return
    x0, K = solved
    assert box_points(x0, K, lo, hi) == expected
    K2 = lll_reduce(K) if K else K
    assert box_points(x0, K2, lo, hi) == expected
    allowed = [None if rng.random() < 0.5 else set(rng.sample(range(-3, 4), 3)) for _ in lo]
    assert box_points(x0, K2, lo, hi, allowed=allowed) == [
        x for x in expected if all(a is None or v in a for v, a in zip(x, allowed))
    ]
    if K:  # the same lattice: the same Hermite form of the generators
        cols = lambda V: [list(r) for r in zip(*V)]  # noqa: E731
        assert column_hermite_form(cols(K))[0] == column_hermite_form(cols(K2))[0]


def test_gcd_structure_sublattice():
    # 2 s_a + 4 s_b + 6 s_c = 2: integer solutions exist, the kernel is not Z^3-like
    A, b = [[2, 4, 6]], [2]
    x0, K = integer_solutions(A, b)
    pts = box_points(x0, K, [-4] * 3, [4] * 3)
    assert pts == brute_box(A, b, [-4] * 3, [4] * 3)
    assert integer_solutions([[2, 4, 6]], [3]) is None
    # x = y (mod 3) written as x - y - 3z = 0 projected: the lattice of (x, y) has index 3
    x0, K = integer_solutions([[1, -1, -3]], [0])
    pts = {p[:2] for p in box_points(x0, K, [-3, -3, -2], [3, 3, 2])}
    assert pts == {(x, y) for x in range(-3, 4) for y in range(-3, 4) if (x - y) % 3 == 0}


def test_rational_rows_and_large_coefficients_are_exact():
    from anomalyalgebra.enumeration.lattice import scale_to_integers

    rows, rhs = scale_to_integers([["1/3", "-1/2", 1]], ["5/6"])
    assert rows == [[2, -3, 6]] and rhs == [5]
    big = 10**30 + 7
    A = [[big, big + 1, 3], [2 * big, 5, -big]]
    x_true = [3, -2, 7]
    b = [sum(a * x for a, x in zip(r, x_true)) for r in A]
    x0, K = integer_solutions(A, b)
    assert [sum(a * x for a, x in zip(r, x0)) for r in A] == b
    assert all(sum(a * k for a, k in zip(r, v)) == 0 for r in A for v in K)
    assert tuple(x_true) in box_points(x0, K, [-10] * 3, [10] * 3)


def test_box_points_limit_and_empty_box():
    assert box_points([0, 0], [[1, 0], [0, 1]], [0, 0], [9, 9], limit=5) is None
    assert box_points([0], [[1]], [2], [1]) == []
    assert box_points([5, 5], [], [0, 0], [4, 9]) == []
    assert box_points([5, 5], [], [0, 0], [9, 9]) == [(5, 5)]


# ----------------------------------------------------------------------------------
# the lattice path of the engine
# ----------------------------------------------------------------------------------
def _random_problem(rng):
    """Groups, 1-3 linear and 0-2 cubic conditions, mostly solvable at a planted point."""
    n_groups = rng.randint(2, 4)
    groups = []
    for k in range(n_groups):
        q = rng.randint(1, 3)
        vals = tuple(v for v in range(-q, q + 1) if not (rng.random() < 0.2 and v == 0))
        groups.append(Group(f"g{k}", rng.randint(1, 3), vals))
    point = [[rng.choice(g.values) for _ in range(g.size)] for g in groups]

    def planted(name, terms, shift=0):
        c = Condition(name, 0, terms)
        return Condition(name, -c.evaluate(point) + shift, terms)

    conds = []
    factor = rng.choice([1, 1, 2, 3])  # gcd structure: the sum lattice is not Z^k
    for i in range(rng.randint(1, 3)):
        terms = tuple((rng.choice([0, 0, 1]), factor * rng.randint(-3, 3)) for _ in groups)
        conds.append(planted(f"lin{i}", terms, shift=rng.choice([0] * 6 + [1])))
    for i in range(rng.randint(0, 2)):
        terms = tuple((0, rng.randint(-1, 1), rng.randint(-1, 1), rng.randint(-1, 1))
                      for _ in groups)
        conds.append(planted(f"nl{i}", terms))
    vectorlike = ((0, 1, 1),) if rng.random() < 0.3 else ()
    p = Problem(tuple(groups), tuple(conds), vectorlike=vectorlike, primitive=rng.random() < 0.3)
    return p if p.search_space() <= 6000 else _random_problem(rng)


@pytest.mark.parametrize("seed", range(120))
def test_random_problems_lattice_equals_brute_force_and_direct(seed):
    from anomalyalgebra.enumeration.linear import lattice_plan

    problem = _random_problem(random.Random(seed))
    expected = brute_problem(problem)
    if isinstance(lattice_plan(problem), str):  # e.g. all linear coefficients zero
        assert set(enumerate_problem(problem)) == expected
        return
    lattice = enumerate_problem(problem, method="lattice")
    direct = enumerate_problem(problem, method="direct")
    assert len(lattice) == len(set(lattice))
    assert set(lattice) == expected == set(direct)
    assert sorted(lattice) == sorted(direct)


def test_infeasible_linear_system_has_no_chunk():
    g = (Group("a", 2, range(-3, 4)), Group("b", 2, range(-3, 4)))
    # 2 s_a + 4 s_b = 1 has no integer solution
    p = Problem(g, (Condition("odd", -1, ((0, 2), (0, 4))),
                    Condition("cube", 0, ((0, 0, 0, 1), (0, 0, 0, 1)))))
    assert plan_chunks(p, "lattice") == [] and choose_method(p) == "lattice"
    assert enumerate_problem(p) == [] == enumerate_problem(p, method="direct")
    # solvable over the integers but not inside the box
    p = Problem(g, (Condition("far", -50, ((0, 1), (0, 1))),))
    assert enumerate_problem(p, method="lattice") == []


def test_symmetric_groups_sign_reduction_and_extras():
    vals = tuple(range(-3, 4))
    g = (Group("a", 3, vals), Group("b", 2, vals), Group("c", 1, vals))
    conds = (Condition("lin", 0, ((0, 1), (0, 2), (0, -3))),
             Condition("cube", 0, ((0, 0, 0, 1), (0, 0, 0, -1), (0, 0, 0, 2))))
    extra = (Polynomial("c*a-ish", ((1, ((5, 2),)), (-1, ((3, 1), (4, 1))))),)
    for kw in (dict(sign_reduce=True, primitive=True), dict(extra=extra),
               dict(vectorlike=((0, 0, 1), (1, 2, -1)))):
        p = Problem(g, conds, **kw)
        got = enumerate_problem(p, method="lattice")
        assert len(got) == len(set(got))
        assert set(got) == brute_problem(p) == set(enumerate_problem(p, method="direct"))
        assert all(list(part) == sorted(part) for sol in got for part in sol)


def test_large_charges_use_exact_integers_on_the_lattice_path():
    big = 10**18
    g = (Group("a", 2, (-big, -1, 0, 1, big)), Group("b", 2, (-2 * big, -big, 0, big, 2 * big)))
    p = Problem(g, (Condition("lin", 0, ((0, 2), (0, 1))),
                    Condition("cube", 0, ((0, 0, 0, 8), (0, 0, 0, 1)))))
    assert not uses_int64(p)
    got = enumerate_problem(p, method="lattice")
    assert set(got) == brute_problem(p) == set(enumerate_problem(p, method="direct"))
    assert ((-big, big), (-2 * big, 2 * big)) in got
    assert ((-big, -big), (2 * big, 2 * big)) in got  # 2(-2e18) + 4e18 = 0, cubes cancel


def test_method_argument_and_choice():
    assert choose_method(singlet_problem(10, 10)) == "direct"
    with pytest.raises(ValueError, match="does not apply"):
        plan_chunks(singlet_problem(6, 4), "lattice")
    with pytest.raises(ValueError, match="method"):
        plan_chunks(singlet_problem(6, 4), "fast")
    cubic_only = Problem((Group("a", 2, range(-2, 3)), Group("b", 1, range(-2, 3))),
                         (Condition("cube", 0, ((0, 0, 0, 1), (0, 0, 0, 1))),))
    assert choose_method(cubic_only) == "direct"


# ----------------------------------------------------------------------------------
# SM + 3 nu_R with a flavour-dependent U(1)'
# ----------------------------------------------------------------------------------
SPEC = [("Q", "L", "3", "2", "1/6"), ("u", "R", "3", "1", "2/3"), ("d", "R", "3", "1", "-1/3"),
        ("L", "L", "1", "2", "-1/2"), ("e", "R", "1", "1", "-1"), ("N", "R", "1", "1", "0")]


@pytest.fixture(scope="module")
def sm3n():
    syms, fields = [], []
    for name, chi, c, w, y in SPEC:
        for i in (1, 2, 3):
            x = sp.Symbol(f"x_{name}{i}")
            syms.append(x)
            fields.append(fermion(f"{name}{i}", chi, {"SU3c": c, "SU2L": w, "Y": y, "X": x}))
    groups = {"SU3c": "SU(3)", "SU2L": "SU(2)", "Y": "U(1)", "X": "U(1)"}
    return Model.build("SM+3N", groups, fields, symbols=syms), tuple(syms)


def test_sm3n_linear_anomalies_become_a_rank_two_lattice(sm3n):
    from anomalyalgebra.enumeration.linear import lattice_plan

    model, x = sm3n
    cp = charge_problem(model, x, 3)
    plan = lattice_plan(cp.problem)
    assert len(plan.linear) == 4 and len(plan.lattice_groups) == 6
    assert len(plan.kernel) == 2          # 6 group sums, 4 independent linear conditions
    assert choose_method(cp.problem) == "lattice"
    # the group sums of B - L and of L_mu - L_tau lie on the lattice
    assert {(3, 3, 3, -9, -9, -9), (0,) * 6} <= set(plan.sums)


@pytest.mark.parametrize("q_max,count", [(2, 357), (3, 4115)])
def test_sm3n_lattice_path_equals_direct_path(sm3n, q_max, count):
    model, x = sm3n
    lattice = list(enumerate_charges(model, x, q_max, method="lattice"))
    direct = list(enumerate_charges(model, x, q_max, method="direct"))
    assert len(lattice) == len(set(lattice)) == count
    assert sorted(lattice) == sorted(direct)


def test_sm3n_chiral_and_executor(sm3n):
    from concurrent.futures import ThreadPoolExecutor

    model, x = sm3n
    lattice = list(enumerate_charges(model, x, 2, chiral=True, method="lattice"))
    assert sorted(lattice) == sorted(enumerate_charges(model, x, 2, chiral=True,
                                                       method="direct"))
    cp = charge_problem(model, x, 3)
    serial = list(iter_solutions(cp.problem))
    with ThreadPoolExecutor(max_workers=2) as pool:
        assert list(iter_solutions(cp.problem, executor=pool, batch_size=1)) == serial


def test_join_in_small_pieces_gives_the_same_solutions(sm3n, monkeypatch):
    """Assembling and filtering the join piece by piece (bounded memory) changes
    nothing: same solutions, same order, on the direct and the lattice path."""
    from anomalyalgebra.enumeration import chiral_singlet_charges, engine, linear, meet

    model, x = sm3n
    whole_singlets = list(chiral_singlet_charges(10, 8))
    whole_sm = list(enumerate_charges(model, x, 2))
    monkeypatch.setattr(meet, "JOIN_ROWS", 5)
    for f in (meet.side_context, meet.left_side, linear.lattice_plan, linear._tables):
        f.cache_clear()
    assert list(chiral_singlet_charges(10, 8)) == whole_singlets and len(whole_singlets) > 5
    assert list(enumerate_charges(model, x, 2)) == whole_sm and len(whole_sm) == 357


def test_join_pieces_cover_every_pair_once():
    from anomalyalgebra.enumeration import meet, singlet_problem

    ctx = meet.side_context(singlet_problem(6, 5))
    rng = np.random.default_rng(1)
    lkeys = rng.integers(-3, 4, size=(40, ctx.ncond))
    rkeys = rng.integers(-3, 4, size=(50, ctx.ncond))
    pairs = [(int(a), int(b)) for li, ri in meet.join_pieces(ctx, lkeys, rkeys, max_rows=7)
             for a, b in zip(li, ri)]
    brute = [(a, b) for b in range(50) for a in range(40)
             if all(lkeys[a] + rkeys[b] + ctx.const == 0)]
    assert sorted(pairs) == sorted(brute) and len(pairs) == len(set(pairs)) and brute
