"""Core behaviour of anomalyalgebra.algebra: records, parsing, names, errors, printing."""

import pytest
import sympy

import anomalyalgebra.algebra as algebra_pkg
from anomalyalgebra.algebra import (
    Irrep,
    LieAlgebra,
    SymbolicSU2Irrep,
    lie_algebra,
    parse_irrep,
    singlet_multiplicity,
    su2_irrep,
    tensor_product,
)
from anomalyalgebra.exceptions import AmbiguousRepresentationError, GroupError, UnknownRepresentationError


def test_public_api_is_pinned():
    assert sorted(algebra_pkg.__all__) == sorted(
        ["LieAlgebra", "Irrep", "SymbolicSU2Irrep", "lie_algebra", "parse_irrep", "su2_irrep",
         "tensor_product", "singlet_multiplicity"]
    )


@pytest.mark.parametrize(
    "text,series,rank",
    [("SU(3)", "A", 2), (" SU( 3 ) ", "A", 2), ("su(3)", "A", 2), ("SO(10)", "D", 5), ("SO(5)", "B", 2),
     ("SO(6)", "D", 3), ("SO(11)", "B", 5), ("Sp(4)", "C", 2), ("Sp(2)", "A", 1), ("E6", "E", 6),
     ("E7", "E", 7), ("E8", "E", 8), ("F4", "F", 4), ("G2", "G", 2), ("A4", "A", 4)],
)
def test_parse_algebra(text, series, rank):
    alg = lie_algebra(text)
    assert (alg.series, alg.rank) == (series, rank)
    assert alg == LieAlgebra(series, rank) and hash(alg) == hash(LieAlgebra(series, rank))
    assert lie_algebra(alg.name) == alg and eval(repr(alg)) == alg


@pytest.mark.parametrize("text", ["SU(1)", "E9", "Sp(3)", "foo", "SO(4)", "SO(3)", "SO(2)", "E5", "G3", "SU()", ""])
def test_bad_algebra_names(text):
    with pytest.raises(GroupError) as exc:
        lie_algebra(text)
    assert repr(text) in str(exc.value)


def test_so4_message_explains():
    with pytest.raises(GroupError, match="not simple"):
        lie_algebra("SO(4)")


def test_algebra_equality_depends_on_type():
    assert lie_algebra("SU(3)") != lie_algebra("SU(4)")
    assert len({lie_algebra("SU(3)"), lie_algebra("A2"), lie_algebra("SU(4)")}) == 2
    with pytest.raises(GroupError):
        LieAlgebra("D", 2)


def test_algebra_data():
    su3 = lie_algebra("SU(3)")
    assert su3.cartan_matrix == sympy.Matrix([[2, -1], [-1, 2]])
    assert su3.weyl_vector == (1, 1)
    assert su3.quadratic_form == sympy.Matrix([[2, 1], [1, 2]]) / 3
    b3 = lie_algebra("SO(7)")
    assert b3.root_lengths == (2, 2, 1)
    assert lie_algebra("Sp(6)").root_lengths == (1, 1, 2)
    assert lie_algebra("G2").root_lengths == (sympy.Rational(2, 3), 2)
    # quadratic form: alpha_i . G . alpha_j reproduces the symmetrised Cartan matrix
    for g in ["F4", "G2", "SO(9)", "Sp(8)", "E7"]:
        alg = lie_algebra(g)
        A, G = alg.cartan_matrix, alg.quadratic_form
        B = A * G * A.T
        for i in range(alg.rank):
            for j in range(alg.rank):
                assert B[i, j] == A[i, j] * alg.root_lengths[j] / 2
        assert max(alg.root_lengths) == 2


@pytest.mark.parametrize(
    "group,name,labels",
    [("SU(3)", "3", (1, 0)), ("SU(3)", "3bar", (0, 1)), ("SU(3)", "6", (2, 0)), ("SU(3)", "15", (2, 1)),
     ("SU(3)", "15'", (4, 0)), ("SU(3)", "10", (3, 0)), ("SU(5)", "5", (1, 0, 0, 0)),
     ("SU(5)", "10", (0, 1, 0, 0)), ("SU(5)", "10bar", (0, 0, 1, 0)), ("SO(10)", "10", (1, 0, 0, 0, 0)),
     ("SO(10)", "16", (0, 0, 0, 0, 1)), ("SO(10)", "16bar", (0, 0, 0, 1, 0)), ("SO(10)", "45", (0, 1, 0, 0, 0)),
     ("SO(10)", "126", (0, 0, 0, 2, 0)), ("SO(10)", "126bar", (0, 0, 0, 0, 2)),
     ("E6", "27", (1, 0, 0, 0, 0, 0)), ("E6", "27bar", (0, 0, 0, 0, 1, 0)),
     ("SU(4)", "20''", (0, 0, 3)), ("SO(8)", "8_s", (0, 0, 0, 1)), ("SO(8)", "8c", (0, 0, 1, 0)),
     ("SU(3)", "adj", (1, 1)), ("E8", "adjoint", (0, 0, 0, 0, 0, 0, 1, 0)), ("SU(3)", "15'bar", (0, 4)),
     ("SU(3)", "15bar'", (0, 4)), ("SU(3)", "(2, 0)", (2, 0)), ("SU(3)", "(20)", (2, 0)),
     ("SU(3)", (0, 2), (0, 2)), ("SU(3)", "\\overline{3}", (0, 1)), ("SU(2)", "2bar", (1,)),
     ("SU(3)", "1", (0, 0)), ("SO(10)", "(0,0,0,0,10)", (0, 0, 0, 0, 10))],
)
def test_parse_irrep(group, name, labels):
    r = parse_irrep(group, name)
    assert r.labels == labels
    assert lie_algebra(group).irrep(name) == r


def test_names_round_trip():
    for g in ["SU(2)", "SU(3)", "SU(4)", "SU(5)", "SU(6)", "SO(7)", "SO(8)", "SO(10)", "Sp(4)", "Sp(6)",
              "G2", "F4", "E6", "E7"]:
        alg = lie_algebra(g)
        rs = alg.irreps(2000)
        assert len(set(r.name for r in rs)) == len(rs)
        for r in rs:
            assert parse_irrep(alg, r.name) == r
            assert parse_irrep(alg, r.label_string) == r


def test_irreps_listing_order():
    names = [r.name for r in lie_algebra("SU(4)").irreps(20)]
    assert names == ["1", "4", "4bar", "6", "10", "10bar", "15", "20", "20bar", "20'", "20''", "20bar''"]
    assert [r.dim for r in lie_algebra("E6").irreps(351)] == [1, 27, 27, 78, 351, 351, 351, 351]


@pytest.mark.parametrize(
    "group,text",
    [("SU(3)", "(1,0,0)"), ("SU(3)", "(1,-1)"), ("SU(3)", "(1.5,0)"), ("SU(3)", "4"), ("SU(3)", "3''"),
     ("SU(3)", "foo"), ("SU(3)", (1, 0, 0)), ("SU(3)", (1, -1)), ("SU(3)", "0"), ("E6", "28"),
     ("SU(3)", (0.5, 1)), ("SU(3)", "8_v")],
)
def test_unknown_irreps(group, text):
    with pytest.raises(UnknownRepresentationError) as exc:
        parse_irrep(group, text)
    assert not isinstance(exc.value, AmbiguousRepresentationError)
    msg = str(exc.value)
    assert lie_algebra(group).name in msg
    assert (str(text) in msg) or (repr(text) in msg) or (repr(tuple(text)) in msg)


def test_ambiguous_so8():
    with pytest.raises(AmbiguousRepresentationError) as exc:
        parse_irrep("SO(8)", "8")
    msg = str(exc.value)
    for lab in ["(1,0,0,0)", "(0,0,0,1)", "(0,0,1,0)", "8_v", "8_s", "8_c", "'8'"]:
        assert lab in msg
    assert {r.labels for r in exc.value.candidates} == {(1, 0, 0, 0), (0, 0, 0, 1), (0, 0, 1, 0)}
    with pytest.raises(AmbiguousRepresentationError):
        parse_irrep("SO(8)", "35")


def test_conjugation_and_reality():
    cases = {
        ("SU(2)", "2"): "pseudoreal", ("SU(2)", "3"): "real", ("SU(2)", "4"): "pseudoreal",
        ("SU(3)", "3"): "complex", ("SU(3)", "8"): "real", ("SU(4)", "6"): "real",
        ("Sp(4)", "4"): "pseudoreal", ("Sp(6)", "6"): "pseudoreal", ("Sp(6)", "14"): "real",
        ("Sp(6)", "14'"): "pseudoreal", ("SO(10)", "16"): "complex", ("SO(7)", "8"): "real",
        ("SO(9)", "16"): "real", ("SO(11)", "32"): "pseudoreal", ("SO(12)", "(0,0,0,0,0,1)"): "pseudoreal", ("SO(12)", "(0,0,0,0,1,0)"): "pseudoreal",
        ("SO(8)", "8_s"): "real", ("E6", "27"): "complex", ("E7", "56"): "pseudoreal",
        ("E7", "133"): "real", ("E8", "248"): "real", ("G2", "7"): "real", ("F4", "26"): "real",
    }
    for (g, n), reality in cases.items():
        r = parse_irrep(g, n)
        assert r.reality == reality, (g, n)
        assert (r.conjugate == r) == (reality != "complex")
    assert parse_irrep("SO(10)", "16").conjugate.name == "16bar"
    assert parse_irrep("SO(14)", (0,) * 6 + (1,)).conjugate.labels == (0,) * 5 + (1, 0)
    assert parse_irrep("SO(12)", (0,) * 5 + (1,)).conjugate.labels == (0,) * 5 + (1,)


def test_irrep_record_is_frozen_and_hashable():
    r = parse_irrep("SU(3)", "3")
    assert r == Irrep(lie_algebra("SU(3)"), (1, 0)) and hash(r) == hash(Irrep(lie_algebra("A2"), [1, 0]))
    assert r != Irrep(lie_algebra("SU(4)"), (1, 0, 0))
    with pytest.raises(Exception):
        r.labels = (0, 1)
    assert eval(repr(r), {"Irrep": lambda g, n: parse_irrep(g, n)}) == r


def test_printing():
    su3 = lie_algebra("SU(3)")
    assert str(su3.irrep("3bar")) == "3bar"
    assert sympy.latex(su3.irrep("3bar")) == r"\overline{3}"
    assert sympy.latex(su3.irrep("15'")) == "15'"
    assert sympy.latex(parse_irrep("SO(8)", "8_v")) == "8_{v}"
    assert su3.irrep("3")._repr_latex_() == "$3$"
    assert sympy.latex(lie_algebra("E6")) == "E_{6}" and str(lie_algebra("SO(10)")) == "SO(10)"


def test_symbolic_su2():
    n = sympy.Symbol("n", integer=True, positive=True)
    r = su2_irrep(n)
    assert isinstance(r, SymbolicSU2Irrep)
    assert str(r) == "n" and sympy.latex(r) == "n"
    assert r.dim == n and r.anomaly == 0 and r.conjugate == r and r.reality is None
    assert sympy.simplify(r.index - n * (n**2 - 1) / 12) == 0
    assert sympy.simplify(r.casimir - (n**2 - 1) / 4) == 0
    for k in range(1, 8):
        ordinary = r.subs(n, k)
        assert isinstance(ordinary, Irrep) and ordinary.labels == (k - 1,)
        assert ordinary.index == r.index.subs(n, k) and ordinary.casimir == r.casimir.subs(n, k)
        assert ordinary == su2_irrep(k) == su2_irrep(sympy.Integer(k))
    m = sympy.Symbol("m", integer=True, positive=True)
    assert su2_irrep(2 * m + 1).reality == "real" and su2_irrep(2 * m).reality == "pseudoreal"
    assert isinstance(r.subs(n, m + 1), SymbolicSU2Irrep)
    assert r == su2_irrep(n) and hash(r) == hash(su2_irrep(n))
    for bad in [0, -1, sympy.Rational(1, 2), 2.0, "n"]:
        with pytest.raises(UnknownRepresentationError):
            su2_irrep(bad)


def test_required_singlet_counts():
    su2, su3 = lie_algebra("SU(2)"), lie_algebra("SU(3)")
    d = su2.irrep("2")
    assert singlet_multiplicity(d, d, d, d) == 2
    t, tb, o = su3.irrep("3"), su3.irrep("3bar"), su3.irrep("8")
    assert singlet_multiplicity(t, tb) == 1
    assert singlet_multiplicity(t, t) == 0
    assert singlet_multiplicity(t, t, t) == 1
    assert singlet_multiplicity(o, o) == 1
    assert singlet_multiplicity(o, o, o) == 2
    so10 = lie_algebra("SO(10)")
    assert singlet_multiplicity(so10.irrep("16"), so10.irrep("16"), so10.irrep("10")) == 1
    assert singlet_multiplicity(so10.irrep("16"), so10.irrep("16bar"), so10.irrep("10")) == 0
    assert singlet_multiplicity(so10.irrep("16"), so10.irrep("16"), so10.irrep("126")) == 1
    e6 = lie_algebra("E6")
    assert singlet_multiplicity(*[e6.irrep("27")] * 3) == 1
    assert singlet_multiplicity(o, o, o, o) == 8
    assert singlet_multiplicity(su3.trivial) == 1 and singlet_multiplicity(t) == 0


def test_known_tensor_products():
    su3 = lie_algebra("SU(3)")
    tp = tensor_product(su3.irrep("3"), su3.irrep("3"))
    assert {str(k): v for k, v in tp.items()} == {"3bar": 1, "6": 1}
    so10 = lie_algebra("SO(10)")
    tp = tensor_product(so10.irrep("16"), so10.irrep("16"))
    assert {str(k): v for k, v in tp.items()} == {"10": 1, "120": 1, "126bar": 1}
    su5 = lie_algebra("SU(5)")
    tp = tensor_product(su5.irrep("5bar"), su5.irrep("10"))
    assert {str(k): v for k, v in tp.items()} == {"5": 1, "45": 1}


def test_mixed_algebras_rejected():
    with pytest.raises(GroupError):
        tensor_product(parse_irrep("SU(3)", "3"), parse_irrep("SU(2)", "2"))
    with pytest.raises(UnknownRepresentationError):
        singlet_multiplicity(su2_irrep(sympy.Symbol("n", positive=True, integer=True)))


def test_e8_adjoint_is_fast():
    import time

    t0 = time.perf_counter()
    e8 = lie_algebra("E8")
    ws = e8.adjoint.weights()
    assert sum(m for _, m in ws) == 248 and dict(ws)[(0,) * 8] == 8
    assert time.perf_counter() - t0 < 1.0
