"""Symmetry breaking: VEVs, gauge-boson and fermion mass matrices, diagonalisation, mixing."""
from .vacuum import Component, Vacuum, components, su2_spin, vacuum
from .su2 import invariant_tensor, spin_matrices
from .gauge import GaugeMassMatrix, default_couplings, gauge_mass_matrix

__all__ = ["Component", "Vacuum", "components", "su2_spin", "vacuum", "invariant_tensor",
           "spin_matrices", "GaugeMassMatrix", "default_couplings", "gauge_mass_matrix"]
from .fermion_masses import (FermionMasses, MassBlock, MassTerm, fermion_masses, mass_term,
                             model_fermion_masses)

__all__ += ["FermionMasses", "MassBlock", "MassTerm", "fermion_masses", "mass_term", "model_fermion_masses"]
from .diagonalise import (PerturbativeSVD, TwoByTwo, block_diagonalise_numeric, diagonalise_2x2,
                          numerical_svd, perturbative_svd, rotation)

__all__ += ["PerturbativeSVD", "TwoByTwo", "block_diagonalise_numeric", "diagonalise_2x2",
            "numerical_svd", "perturbative_svd", "rotation"]
from .currents import (block_charges, isospin_raising_amplitudes, mass_basis_couplings,
                       photon_trace, z_charges)

__all__ += ["block_charges", "isospin_raising_amplitudes", "mass_basis_couplings",
            "photon_trace", "z_charges"]
from .majorana import (MajoranaBlock, MajoranaMasses, Seesaw, SymmetricTwoByTwo, WeylState,
                       diagonalise_symmetric_2x2, majorana_masses, numerical_takagi, seesaw)

__all__ += ["MajoranaBlock", "MajoranaMasses", "Seesaw", "SymmetricTwoByTwo", "WeylState",
            "diagonalise_symmetric_2x2", "majorana_masses", "numerical_takagi", "seesaw"]
