"""Layer 7: anomaly-induced couplings of a light U(1) and a two-body amplitude evaluator.

:mod:`~anomalyalgebra.eft.couplings` derives the couplings of the Goldstone of a light
vector to pairs of gauge bosons from the anomaly traces of the light fermions, in the
unbroken phase and on the mass eigenstates of a vacuum;
:mod:`~anomalyalgebra.eft.amplitudes` computes two-body widths from explicit momenta,
polarisation vectors and Dirac spinors.  Nothing here is typed from the seed paper.
"""

from .couplings import (EFT_SYMBOLS, AnomalyCouplings, BrokenCouplings, LightHeavySplit,
                        anomaly_couplings, broken_couplings, from_traces, light_heavy_split)

__all__ = ["EFT_SYMBOLS", "AnomalyCouplings", "BrokenCouplings", "LightHeavySplit",
           "anomaly_couplings", "broken_couplings", "from_traces", "light_heavy_split"]
from .amplitudes import (DerivativeCurrent, Particle, PseudoscalarVV, VectorCurrent, Yukawa, kallen,
                         squared_amplitude, two_body_width)

__all__ += ["DerivativeCurrent", "Particle", "PseudoscalarVV", "VectorCurrent", "Yukawa", "kallen",
            "squared_amplitude", "two_body_width"]
from .widths import M_Z, electroweak_vacuum, zgamma_coupling, zgamma_width

__all__ += ["M_Z", "electroweak_vacuum", "zgamma_coupling", "zgamma_width"]
