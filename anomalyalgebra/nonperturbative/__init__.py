"""Anomalies beyond perturbation theory.

* :mod:`.gysin` — the η-invariants of Z(N) backgrounds as circle bundles over a basis of
  4-manifolds (the engine of every Dai–Freed residual);
* :mod:`.eta` — exact η-invariants of the Dirac operator on lens spaces and the circle by
  the fixed-point formula (the independent check of :mod:`.gysin`);
* :mod:`.daifreed` — Dai–Freed conditions of Z(N) factors (Spin × Z(N) and
  Spin ×_{Z2} Z(2m)), from :mod:`.gysin`;
* :mod:`.su2` — Witten's and the new SU(2) anomaly (Wang–Wen–Witten);
* :mod:`.quotient` — the global form of the gauge group: the subgroup of the centre that
  acts trivially on every field.

See ``docs/nonperturbative.rst``.
"""

from .daifreed import DaiFreedResult, dai_freed, dai_freed_all
from .eta import eta_spin_lens, eta_spin_z2m_lens, lens_sum, xi_circle

__all__ = ["DaiFreedResult", "dai_freed", "dai_freed_all", "eta_spin_lens", "eta_spin_z2m_lens",
           "lens_sum", "xi_circle"]
