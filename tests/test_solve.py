"""Closed-form constraint solving: the seed paper's Eqs. (28), (30)-(33) and unrelated models."""

import pytest
import sympy as sp

import anomalyalgebra as aa
from anomalyalgebra import Model, NoSolutionError, fermion, scalar
from anomalyalgebra.solve import ConstraintSystem, Solution
from anomalyalgebra.paper.solutions import anomalon_solutions


@pytest.fixture(scope="module")
def paper():
    m, system, sols = anomalon_solutions()
    names = "alpha_L alpha_R n Y_L X_LL X_LR X_S X_N1 X_N2".split()
    return m, system, sols, dict(zip(names, (m.symbol(s) for s in names)))


def _regions(S):
    a, b, k = sp.symbols("a b k", positive=True)
    return {+1: {S["alpha_L"]: a, S["alpha_R"]: (a - b) / 2, S["n"]: 1 + k},
            -1: {S["alpha_L"]: -a, S["alpha_R"]: (b - a) / 2, S["n"]: 1 + k}}


def test_two_branches_with_conditions(paper):
    m, _, sols, S = paper
    assert len(sols) == 2
    for sol in sols:
        conds = set(sol.conditions)
        assert sp.Ne(S["alpha_L"], 0) in conds
        assert sp.Ne(S["alpha_L"] - 2 * S["alpha_R"], 0) in conds
        assert sp.Ne(S["n"] - 1, 0) in conds
        assert any(isinstance(c, sp.GreaterThan) for c in conds)   # reality of Y_L


def test_eq31_x_s(paper):
    _, _, sols, S = paper
    for sol in sols:
        assert sp.cancel(sol.values[S["X_S"]] - 6 * S["alpha_L"] / (S["n"] * (S["n"]**2 - 1))) == 0


def test_eq32_and_eq33_per_branch_and_sign_pairing(paper):
    _, _, sols, S = paper
    aL, aR, n = S["alpha_L"], S["alpha_R"], S["n"]
    y = lambda s: s * sp.sqrt((n**2 - 1) * (aL - 2 * aR) / (12 * aL))
    x = lambda s: s * sp.sqrt((n**2 - 1) / (3 * aL * (aL - 2 * aR))) * (aR**2 - aL**2)
    for sign_aL, region in _regions(S).items():
        pairs = set()
        for sol in sols:
            yv, xv = sol.values[S["Y_L"]], sol.value_of(S["X_LL"] + S["X_LR"])
            sy = [s for s in (1, -1) if sp.simplify((yv - y(s)).subs(region)) == 0]
            sx = [s for s in (1, -1) if sp.simplify((xv - x(s)).subs(region)) == 0]
            assert len(sy) == 1 and len(sx) == 1
            pairs.add((sy[0], sx[0]))
        # the +/- of Eqs. (32) and (33) are correlated: same sign iff alpha_L > 0
        assert pairs == ({(1, 1), (-1, -1)} if sign_aL > 0 else {(1, -1), (-1, 1)})


def test_product_invariant(paper):
    _, _, sols, S = paper
    aL, aR, n = S["alpha_L"], S["alpha_R"], S["n"]
    for sol in sols:
        prod = sol.value_of(S["Y_L"] * (S["X_LL"] + S["X_LR"]))
        assert sp.simplify(prod - (n**2 - 1) * (aR**2 - aL**2) / (6 * aL)) == 0


def test_substitution_back_satisfies_every_constraint(paper):
    m, system, sols, S = paper
    for sol in sols:
        assert all(r == 0 for r in sol.residuals(system.constraints))
        sub = sol.substitute(m)
        for ch in [("X", "SU2L", "SU2L"), ("X", "Y", "Y"), ("Y", "X", "X")]:
            assert sp.simplify(aa.anomaly_trace(sub, *ch, convention="eq4")) == 0
        assert aa.operators.Operator.parse("bar(LL) LR conj(S)").is_invariant(sub)


def test_numeric_branch_table_IV(paper):
    """alpha_L = 4, alpha_R = -1, n = 3 with Y_L = +1 gives Table IV's X_LL = -3, X_LR = -2, X_S = 1."""
    _, _, sols, S = paper
    point = {S["alpha_L"]: 4, S["alpha_R"]: -1, S["n"]: 3}
    got = sorted((sol.values[S["Y_L"]].subs(point), sol.values[S["X_LL"]].subs(point),
                  sol.values[S["X_LR"]].subs(point), sol.values[S["X_S"]].subs(point)) for sol in sols)
    assert got == [(-1, 2, 3, 1), (1, -3, -2, 1)]
    assert all(sol.holds_at(point) for sol in sols)


def test_eq28_sums_by_elimination(paper):
    m, _, _, S = paper
    sols = (ConstraintSystem(m).require_anomaly_free(channels=["X grav grav", "X X X"])
            .solve([S["X_N1"] + S["X_N2"], S["X_N1"]**3 + S["X_N2"]**3]))
    assert len(sols) == 1
    n, aL, aR, XLL, XLR = S["n"], S["alpha_L"], S["alpha_R"], S["X_LL"], S["X_LR"]
    assert sp.expand(sols[0].value_of(S["X_N1"] + S["X_N2"]) - (n * (XLL - XLR) + 2 * aL - aR)) == 0
    assert sp.expand(sols[0].value_of(S["X_N1"]**3 + S["X_N2"]**3)
                     - (n * (XLL**3 - XLR**3) + 2 * aL**3 - aR**3)) == 0


def test_eq30_from_the_operator(paper):
    m, _, _, S = paper
    (sol,) = ConstraintSystem(m).require_operator("bar(LL) LR conj(S)").solve(["X_S"])
    assert sp.expand(sol.values[S["X_S"]] - (S["X_LR"] - S["X_LL"])) == 0


def test_paper_records_agree():
    r = aa.paper.results(["eq28", "eq30", "eq31", "eq32", "eq33"])
    assert all(rec.agrees for rec in r.values())
    assert "opposite for alpha_L < 0" in r["eq33"].note


def test_inconsistent_system_names_the_conflict(paper):
    m, _, _, S = paper
    m2 = m.subs(alpha_L=2 * S["alpha_R"])          # m = -2 in Eq. (39): Y_L would vanish
    system = (ConstraintSystem(m2)
              .require_anomaly_free(channels=["X SU2L SU2L", "X Y Y", "Y X X"])
              .require_operator("bar(LL) LR conj(S)"))
    with pytest.raises(NoSolutionError, match="Y\\^2 x X.*X\\^2 x Y") as info:
        system.solve(["X_S", "X_LL", "X_LR", "Y_L"])
    assert set(info.value.conflict) == {"anomaly Y^2 x X", "anomaly X^2 x Y"}


def test_violated_discrete_symmetry_is_named():
    m = aa.load_model("tau_l_only")
    with pytest.raises(NoSolutionError, match=r"bar\(l3\) LR \[Z2(A|tau)\] \(charge 1 mod 2\)"):
        (ConstraintSystem(m).require_operator("bar(l3) LR")
         .add_equation(m.charge("l3", "X") - 1, name="x").solve([sp.Symbol("dummy")]))


def test_gauged_b_minus_l_with_yukawas():
    """An anomaly-free U(1)' with SM Yukawas and 3 nu_R is a combination of Y and B-L."""
    zs = sp.symbols("z_q z_u z_d z_l z_e z_nu z_H", real=True)
    zq, zu, zd, zl, ze, znu, zH = zs
    rep = lambda c3, c2, y, z: {"SU3c": c3, "SU2L": c2, "Y": y, "Z": z}
    fs = [fermion("q", "L", rep("3", "2", "1/6", zq), copies=3),
          fermion("u", "R", rep("3", "1", "2/3", zu), copies=3),
          fermion("d", "R", rep("3", "1", "-1/3", zd), copies=3),
          fermion("l", "L", rep("1", "2", "-1/2", zl), copies=3),
          fermion("e", "R", rep("1", "1", "-1", ze), copies=3),
          fermion("nu", "R", rep("1", "1", "0", znu), copies=3),
          scalar("H", rep("1", "2", "1/2", zH))]
    model = Model.build("B-L", {"SU3c": "SU(3)", "SU2L": "SU(2)", "Y": "U(1)", "Z": "U(1)"}, fs,
                        symbols=zs)
    system = ConstraintSystem(model).require_anomaly_free(involving="Z")
    for op in ["bar(q) d H", "bar(q) u conj(H)", "bar(l) e H", "bar(l) nu conj(H)"]:
        system = system.require_operator(op)
    (sol,) = system.solve(["z_u", "z_d", "z_l", "z_e", "z_nu"])
    a, b = sp.symbols("a b")            # z = a Y + b (B - L)
    expect = {zu: 2 * a / 3 + b / 3, zd: -a / 3 + b / 3, zl: -a / 2 - b, ze: -a - b, znu: -b}
    on_line = {zH: a / 2, zq: a / 6 + b / 3}
    for k, v in expect.items():
        assert sp.expand(sol.values[k].subs(on_line) - v) == 0
    assert aa.is_anomaly_free(sol.substitute(model))


def test_toy_u1_two_chiral_fermions():
    x1, x2 = sp.symbols("x1 x2", real=True)
    toy = Model.build("toy", {"X": "U(1)"},
                      [fermion("a", "L", {"X": x1}), fermion("b", "L", {"X": x2})], symbols=(x1, x2))
    sols = ConstraintSystem(toy).require_anomaly_free().solve(["x2"])
    assert [s.values[x2] for s in sols] == [-x1]
    with pytest.raises(NoSolutionError, match="X\\^3|grav"):
        (ConstraintSystem(toy).require_anomaly_free().add_equation(sp.Eq(x2, 2 * x1), name="x2 = 2 x1")
         .solve(["x2"]))


def test_quadratic_branches_and_reality():
    x = sp.Symbol("x", real=True)
    c = sp.Symbol("c", real=True)
    toy = Model.build("q", {"X": "U(1)"}, [fermion("a", "L", {"X": x})], symbols=(x, c))
    sols = ConstraintSystem(toy).add_equation(x**2 - c, name="x^2 = c").solve([x])
    assert {s.values[x] for s in sols} == {sp.sqrt(c), -sp.sqrt(c)}
    assert all(sp.Ge(c, 0) in s.conditions for s in sols)
    assert not sols[0].holds_at({c: -1}) and sols[0].holds_at({c: 4})


def test_solution_printing(paper):
    _, _, sols, _ = paper
    tex = sols[0]._repr_latex_()
    assert tex.startswith("$") and r"\mathcal{Y}_\mathcal{L}" in tex and r"\neq 0" in tex
    assert "Y_L" in str(sols[0])


def test_solution_is_frozen_and_hashable(paper):
    _, _, sols, _ = paper
    assert sols[0] != sols[1]
    assert len({sols[0], sols[1], sols[0]}) == 2


def test_constraint_on_parameters_only_is_refused_with_advice():
    import anomalyalgebra as aa
    from anomalyalgebra.solve import ConstraintSystem

    m = aa.load_model("anomalon_nplet")
    aL, aR = m.symbol("alpha_L"), m.symbol("alpha_R")
    system = (ConstraintSystem(m).require_anomaly_free(channels=["X SU2L SU2L", "X Y Y", "Y X X"])
              .require_operator("bar(LL) LR conj(S)").add_equation(sp.Eq(aL, 2 * aR), name="m = -2"))
    with pytest.raises(aa.NoSolutionError, match="'m = -2'.*involves none of the unknowns.*model.subs"):
        system.solve(unknowns=["X_S", "X_LL", "X_LR", "Y_L"])
