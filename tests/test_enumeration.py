"""Integer charge enumeration: exactness, completeness and output (issue 7).

Every enumeration is compared with an independent brute force (itertools over
all points, here and in ``tests/_reference.py``; no shared code with the engine), with the
Costa-Dobrescu-Fox parametrisation of the PyPI ``anomalies`` package, and with
exact Python-integer checks of charges near 10**18.
"""

from __future__ import annotations

import itertools
import random
from math import gcd

import pytest
from _reference import brute_problem, preferred

np = pytest.importorskip("numpy")

from anomalyalgebra.enumeration import (  # noqa: E402
    Condition,
    Group,
    OperatorFilter,
    Polynomial,
    Problem,
    chiral_singlet_charges,
    enumerate_problem,
    filter_solutions,
    plan_chunks,
    read_solutions,
    run_chunk,
    singlet_problem,
    uses_int64,
    write_solutions,
)
import anomalyalgebra.enumeration as enumeration  # noqa: E402


# ----------------------------------------------------------------------------------
# independent reference implementations
# ----------------------------------------------------------------------------------
def brute_singlets(n, q_max, chiral=True, primitive=True):
    """All sorted tuples by brute force (last charge fixed by the linear condition)."""
    vals = [v for v in range(-q_max, q_max + 1) if v]
    out = set()
    for head in itertools.combinations_with_replacement(vals, n - 1):
        last = -sum(head)
        if last == 0 or last > q_max or last < head[-1]:
            continue
        t = head + (last,)
        if sum(x**3 for x in t) != 0:
            continue
        if chiral and any(-x in t for x in t):
            continue
        if primitive and gcd(*t) != 1:
            continue
        neg = tuple(sorted(-x for x in t))
        out.add(t if preferred(t, neg) else neg)
    return out


# ----------------------------------------------------------------------------------
# the chiral singlet problem
# ----------------------------------------------------------------------------------
@pytest.mark.parametrize("n", [3, 4, 5, 6, 7, 8])
@pytest.mark.parametrize("q_max", [3, 6, 10])
def test_chiral_singlets_match_brute_force(n, q_max):
    got = list(chiral_singlet_charges(n, q_max))
    assert len(got) == len(set(got))
    assert set(got) == brute_singlets(n, q_max)


@pytest.mark.parametrize("chiral,primitive", [(False, False), (False, True), (True, False)])
def test_singlet_variants_match_brute_force(chiral, primitive):
    for n in (4, 5, 6):
        got = list(chiral_singlet_charges(n, 5, chiral=chiral, primitive=primitive))
        assert len(got) == len(set(got))
        assert set(got) == brute_singlets(n, 5, chiral=chiral, primitive=primitive)


def test_known_small_solutions():
    # smallest chiral set of five charges, (1, 5, -7, -8, 9), appears first at q_max = 9
    assert list(chiral_singlet_charges(5, 8)) == []
    assert list(chiral_singlet_charges(5, 9)) == [(-8, -7, 1, 5, 9)]
    # the README example of the anomalies package: (1, 1, 1, -4, -4, 5)
    assert (-4, -4, 1, 1, 1, 5) in set(chiral_singlet_charges(6, 5))
    # no chiral solution for fewer than five fermions
    assert all(list(chiral_singlet_charges(n, 12)) == [] for n in (1, 2, 3, 4))


def test_counts_n5_to_n8():
    # pinned numbers (q_max = 10), equal to brute_singlets above
    counts = {n: sum(1 for _ in chiral_singlet_charges(n, 10)) for n in (5, 6, 7, 8)}
    assert counts == {5: 2, 6: 2, 7: 11, 8: 24}


def test_every_solution_is_exact_and_representative():
    p = singlet_problem(9, 7)
    for sol in chiral_singlet_charges(9, 7):
        assert list(sol) == sorted(sol)
        assert sum(sol) == 0 and sum(q**3 for q in sol) == 0
        assert p.is_solution([sol])
        assert preferred(sol, tuple(sorted(-q for q in sol)))


def test_cdf_parametrisation_solutions_are_found():
    """Every primitive chiral solution from the anomalies package within |q| <= 15."""
    anomaly = pytest.importorskip(
        "anomalies.anomaly", reason="the 'anomalies' package (test extra) is not installed"
    )
    q_max = 15
    for n in (5, 6, 7, 8):
        ours = set(chiral_singlet_charges(n, q_max))
        if n % 2:
            dl, dk = (n - 3) // 2, (n - 1) // 2
        else:
            dl = dk = n // 2 - 1
        rng = range(-3, 4) if n < 8 else range(-2, 3)
        checked = 0
        for ll in itertools.product(rng, repeat=dl):
            for k in itertools.product(rng, repeat=dk):
                with np.errstate(all="ignore"):
                    z = [int(x) for x in anomaly.free(list(ll), list(k))]
                g = gcd(*z)
                if g == 0:
                    continue
                z = sorted(x // g for x in z)
                assert sum(z) == 0 and sum(x**3 for x in z) == 0
                if 0 in z or max(abs(x) for x in z) > q_max or any(-x in z for x in z):
                    continue
                t = tuple(z)
                neg = tuple(sorted(-x for x in t))
                assert (t if preferred(t, neg) else neg) in ours, (n, ll, k, t)
                checked += 1
        assert checked > 0


# ----------------------------------------------------------------------------------
# general problems against the brute force
# ----------------------------------------------------------------------------------
def _random_problem(rng: random.Random) -> Problem:
    ngroups = rng.randint(1, 3)
    sign = rng.random() < 0.5
    groups = []
    for gi in range(ngroups):
        q = rng.randint(1, 4)
        vals = [v for v in range(-q, q + 1) if not (rng.random() < 0.3 and v == 0)]
        if not sign:
            vals = [v for v in vals if rng.random() < 0.85] or [0]
        groups.append(Group(f"g{gi}", rng.randint(1, 3), tuple(vals)))
    conds = []
    for ci in range(rng.randint(0, 3)):
        if sign:
            parity = rng.choice([1, 2])
            powers = [p for p in (1, 2, 3) if p % 2 == parity % 2]
            const = 0
        else:
            powers = [1, 2, 3]
            const = rng.randint(-3, 3)
        terms = []
        for _ in groups:
            t = [0, 0, 0, 0]
            for p in powers:
                if rng.random() < 0.7:
                    t[p] = rng.randint(-3, 3)
            terms.append(tuple(t))
        conds.append(Condition(f"c{ci}", const, tuple(terms)))
    extra = ()
    if rng.random() < 0.3 and groups[0].size >= 2:
        # symmetric (elementary) polynomial in group 0: sum_{i<j} q_i q_j = c
        m = groups[0].size
        terms = [(1, ((i, 1), (j, 1))) for i in range(m) for j in range(i + 1, m)]
        if not sign:
            terms.append((rng.randint(-2, 2), ()))
        extra = (Polynomial("e2", tuple(terms)),)
    vectorlike = ()
    if rng.random() < 0.4:
        g = rng.randrange(ngroups)
        h = rng.randrange(ngroups)
        vectorlike = ((g, h, rng.choice([1, -1])),)
    return Problem(tuple(groups), tuple(conds), extra=extra, vectorlike=vectorlike,
                   primitive=rng.random() < 0.4, sign_reduce=sign)


@pytest.mark.parametrize("seed", range(40))
def test_random_problems_match_brute_force(seed):
    problem = _random_problem(random.Random(seed))
    got = enumerate_problem(problem)
    assert len(got) == len(set(got))
    assert set(got) == brute_problem(problem)


def test_dominant_group_split_with_other_groups():
    # a big group (split by sign) plus two small ones, with a constant term
    groups = (Group("N", 5, range(-4, 5)), Group("a", 1, range(-3, 4)), Group("b", 2, (-2, 0, 1)))
    conds = (
        Condition("lin", 1, ((0, 1), (0, 2), (0, -1))),
        Condition("cub", -2, ((0, 0, 0, 1), (0, 0, 1), (0, 1, 0, 1))),
    )
    problem = Problem(groups, conds, vectorlike=((0, 0, 1),))
    got = enumerate_problem(problem)
    assert set(got) == brute_problem(problem)
    assert got


def test_chunks_are_independent_and_ordered():
    problem = singlet_problem(7, 6)
    chunks = plan_chunks(problem)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    pieces = [run_chunk(problem, c) for c in reversed(chunks)][::-1]
    assert [s for piece in pieces for s in piece] == enumerate_problem(problem)


# ----------------------------------------------------------------------------------
# exact arithmetic
# ----------------------------------------------------------------------------------
def test_int64_wraparound_trap():
    """(2**22)**3 * 2 == 2**67 is 0 modulo 2**64: int64 would accept it."""
    big = 2**22
    problem = Problem((Group("z", 2, (-3, 3, big)),), (Condition("cube", 0, ((0, 0, 0, 1),)),))
    assert not uses_int64(problem)
    assert enumerate_problem(problem) == [((-3, 3),)]
    assert (2 * big**3) % 2**64 == 0  # the trap is real


def test_charges_near_1e18():
    scale = 10**17
    vals = tuple(k * scale for k in range(-10, 11) if k)
    problem = Problem(
        (Group("q", 5, vals),),
        (Condition("grav", 0, ((0, 1),)), Condition("cubic", 0, ((0, 0, 0, 1),))),
        vectorlike=((0, 0, 1),),
        sign_reduce=True,
    )
    assert not uses_int64(problem)
    got = enumerate_problem(problem)
    expected = {((-8, -7, 1, 5, 9),), ((-9, -7, 2, 4, 10),)}
    assert {tuple(tuple(x // scale for x in s) for s in sol) for sol in got} == expected
    for (sol,) in got:
        assert max(abs(x) for x in sol) <= 10**18
        assert sum(sol) == 0 and sum(x**3 for x in sol) == 0
        assert all(type(x) is int for x in sol)


def test_near_miss_large_charges_rejected():
    # x**3 + y**3 + z**3 is off by one for (big, -big, 1)... only exact arithmetic sees it
    big = 10**18
    problem = Problem(
        (Group("a", 1, (big, big + 1)), Group("b", 1, (-big,)), Group("c", 1, (0, 1))),
        (Condition("cube", -1, ((0, 0, 0, 1), (0, 0, 0, 1), (0, 0, 0, 1))),),
    )
    assert enumerate_problem(problem) == [((big,), (-big,), (1,))]


# ----------------------------------------------------------------------------------
# validation
# ----------------------------------------------------------------------------------
def test_sign_reduce_is_checked():
    with pytest.raises(ValueError, match="neither odd nor even"):
        Problem((Group("z", 2, (-1, 0, 1)),), (Condition("mixed", 0, ((0, 1, 1),)),),
                sign_reduce=True)
    with pytest.raises(ValueError, match="symmetric value sets"):
        Problem((Group("z", 2, (0, 1)),), (), sign_reduce=True)


def test_asymmetric_extra_equation_is_rejected():
    with pytest.raises(ValueError, match="not symmetric"):
        Problem((Group("z", 2, (0, 1)),), (), extra=(Polynomial("q0", ((1, ((0, 1),)),)),))


def test_condition_from_rationals():
    c = Condition.from_rationals("y", "-1/6", [(0, "1/2"), (0, "1/3")])
    assert c == Condition("y", -1, ((0, 3), (0, 2)))


def test_public_names():
    assert set(enumeration.__all__) >= {
        "Problem", "Group", "Condition", "Polynomial", "chiral_singlet_charges",
        "iter_solutions", "enumerate_problem", "write_solutions", "read_solutions",
        "filter_solutions", "OperatorFilter", "plan_chunks", "run_chunk",
    }
    for name in enumeration.__all__:
        assert hasattr(enumeration, name)


# ----------------------------------------------------------------------------------
# streaming output
# ----------------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_stream_roundtrip_and_filter(tmp_path, suffix):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow", reason="pyarrow (extra 'parquet') is not installed")
    sols = list(chiral_singlet_charges(8, 8))
    path = tmp_path / f"sols{suffix}"
    assert write_solutions(iter(sols), path) == len(sols)
    assert list(read_solutions(path)) == sols
    # keep the solutions that allow a "mass term" between fields 1 and 8: q1 + q8 = 0
    out = tmp_path / f"kept{suffix}"
    kept, read = filter_solutions(path, out, OperatorFilter([((1, 0, 0, 0, 0, 0, 0, 1), 0)]))
    assert read == len(sols)
    expected = [s for s in sols if s[0] + s[7] == 0]
    assert kept == len(expected) and list(read_solutions(out)) == expected


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_stream_big_integers(tmp_path, suffix):
    rows = [(10**30, -(10**30), 1), (-(2**70), 2**70, 0)]
    path = tmp_path / f"big{suffix}"
    write_solutions(rows, path)
    assert list(read_solutions(path)) == rows


def test_unknown_suffix(tmp_path):
    with pytest.raises(ValueError, match="suffix"):
        write_solutions([], tmp_path / "x.txt")
