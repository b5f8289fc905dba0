"""Property-based tests (hypothesis) for irreps and tensor products."""

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anomalyalgebra.algebra import lie_algebra, singlet_multiplicity, tensor_product

GROUPS = ["SU(2)", "SU(3)", "SU(4)", "SU(5)", "SO(7)", "SO(8)", "SO(10)", "Sp(4)", "Sp(6)", "G2", "F4", "E6"]
LIMITS = {"SU(2)": 12, "SU(3)": 64, "SU(4)": 64, "SU(5)": 75, "SO(7)": 105, "SO(8)": 112, "SO(10)": 144,
          "Sp(4)": 40, "Sp(6)": 70, "G2": 77, "F4": 52, "E6": 78}


@lru_cache(maxsize=None)
def pool(g):
    return lie_algebra(g).irreps(LIMITS[g])


@st.composite
def irreps_of_one_group(draw, k=2):
    g = draw(st.sampled_from(GROUPS))
    return tuple(draw(st.sampled_from(pool(g))) for _ in range(k))


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(irreps_of_one_group(k=1))
def test_conjugate_properties(rs):
    (r,) = rs
    c = r.conjugate
    assert c.dim == r.dim and c.index == r.index and c.casimir == r.casimir
    assert c.anomaly == -r.anomaly
    assert c.conjugate == r
    assert (c == r) == (r.reality != "complex")
    assert c.congruence_class is not None
    assert singlet_multiplicity(r, c) == 1


@SETTINGS
@given(irreps_of_one_group(k=2))
def test_tensor_product_sum_rules(rs):
    r1, r2 = rs
    tp = tensor_product(r1, r2)
    assert all(m > 0 for m in tp.values())
    assert sum(m * x.dim for x, m in tp.items()) == r1.dim * r2.dim
    assert sum(m * x.index for x, m in tp.items()) == r1.dim * r2.index + r2.dim * r1.index
    assert sum(m * x.anomaly for x, m in tp.items()) == r1.dim * r2.anomaly + r2.dim * r1.anomaly
    assert tp == tensor_product(r2, r1)
    # conjugation commutes with the product
    conj = tensor_product(r1.conjugate, r2.conjugate)
    assert conj == {x.conjugate: m for x, m in tp.items()}
    # multiplicity of r3 in r1 x r2 equals the singlets in r1 x r2 x conj(r3)
    for x, m in tp.items():
        assert singlet_multiplicity(r1, r2, x.conjugate) == m


@SETTINGS
@given(irreps_of_one_group(k=3))
def test_singlets_of_three_and_four(rs):
    r1, r2, r3 = rs
    three = tensor_product(r1, r2, r3)
    assert singlet_multiplicity(r1, r2, r3) == three.get(r1.algebra.trivial, 0)
    assert singlet_multiplicity(r3, r1, r2) == singlet_multiplicity(r1, r2, r3)
    four = sum(m * singlet_multiplicity(x, r3, r1.conjugate) for x, m in tensor_product(r1, r2).items())
    assert singlet_multiplicity(r1, r2, r3, r1.conjugate) == four
