"""The counting certificate: the residuals detect every fermion anomaly (certify.py).

Upper bound: U(1) anomaly coefficients modulo relabelling and Majorana masses.  Lower bound:
the group the η-invariant residuals generate on single fermions.  Equal orders prove that
vanishing residuals mean an anomaly-free spectrum, independently of any statement about
bordism generators.
"""

import pytest

from anomalyalgebra.nonperturbative.certify import (anomaly_lattice_order, cyclic_subgroups, detected_order,
                                                    residuals_are_complete)


@pytest.mark.parametrize("n", range(2, 33))
def test_single_zn_residuals_are_complete(n):
    # the circle-bundle basis of .gysin detects every Spin x Z(n) fermion anomaly
    assert anomaly_lattice_order(n, 1) == detected_order(n, 1)


@pytest.mark.parametrize("n", [2, 3, 4])
def test_single_zn_with_a_gauge_u1_is_complete(n):
    # the mixed Z(n) x U(1) classes (squares, products, z.y) complete the count
    assert residuals_are_complete(n, 1, 1)


def test_known_orders():
    assert anomaly_lattice_order(3, 1) == 9            # baryon triality's Z9 (1808.00009)
    assert anomaly_lattice_order(2, 1) == 1            # Omega_5^Spin(BZ2) = 0
    assert anomaly_lattice_order(8, 1) == 16           # Z8 + Z2
    assert anomaly_lattice_order(3, 3) == 9 ** 3       # Z9 + Z9 + mixed Z9


@pytest.mark.parametrize("n, m, complete", [(2, 2, True), (2, 3, True), (2, 4, True), (3, 3, True),
                                            (3, 6, True), (4, 4, False), (3, 9, False)])
def test_pairs(n, m, complete):
    assert residuals_are_complete(n, m) is complete


def test_pairs_where_cyclic_subgroups_fall_short():
    # the cyclic subgroups of Z(4) x Z(4) generate half of the possible anomalies, those of
    # Z(3) x Z(9) a third: the toolkit leaves such verdicts open
    assert (anomaly_lattice_order(4, 4), detected_order(4, 4)) == (128, 64)
    assert (anomaly_lattice_order(3, 9), detected_order(3, 9)) == (6561, 2187)


def test_cyclic_subgroups():
    subs, cut = cyclic_subgroups(4, 4, 64)
    assert subs == [(2, 2, 2), (1, 1, 4), (1, 2, 4), (1, 3, 4), (2, 1, 4)] and not cut
    subs, cut = cyclic_subgroups(6, 6, 3)
    assert len(subs) == 3 and cut
    # large orders: only those of order gcd, no enumeration of n * m pairs
    subs, _ = cyclic_subgroups(3000, 3000, 64)
    assert all(k == 3000 for _, _, k in subs) and len(subs) == 64
