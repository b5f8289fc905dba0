r"""Widths of a heavy gauge boson into a photon and the light vector, from the derived couplings.

``Γ(Z → γ X)`` of any model: the ξZγ coupling ``C_{ZA}`` of
:meth:`~anomalyalgebra.eft.couplings.AnomalyCouplings.broken` (the longitudinal ``X``
through the Goldstone-equivalence vertex ``(ξ/m_X) C_{ZA} ε^{μνρσ} ∂_μ Z_ν ∂_ρ A_σ``)
inserted in the two-body evaluator :func:`~anomalyalgebra.eft.amplitudes.two_body_width`.
The result is valid at leading order in ``m_X/m_Z``; the Goldstone is given the mass
``m_X`` in the phase space (``goldstone_mass=0`` drops it).
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

from ..exceptions import ModelError
from .amplitudes import Particle, PseudoscalarVV, two_body_width
from .couplings import AnomalyCouplings, BrokenCouplings, EFT_SYMBOLS, anomaly_couplings

__all__ = ["electroweak_vacuum", "zgamma_coupling", "zgamma_width", "M_Z"]

#: Symbol of the Z mass used in the closed forms.
M_Z = sp.Symbol("m_Z", positive=True)


@lru_cache(maxsize=8)
def electroweak_vacuum(weak: str = "SU2L", hypercharge: str = "Y"):
    """A minimal electroweak vacuum: one doublet with ``Y = 1/2`` and ``<H> = v/√2``.

    Used to project couplings given as bare traces (:func:`~anomalyalgebra.eft.from_traces`)
    on the photon and the Z; the rotation still comes from
    :func:`~anomalyalgebra.breaking.gauge_mass_matrix`, not from a typed angle.

    Parameters
    ----------
    weak, hypercharge : str, optional
        Labels of the SU(2) and U(1) factors (default ``"SU2L"`` and ``"Y"``).

    Returns
    -------
    breaking.Vacuum
        The vacuum of the one-doublet model, with the positive symbol ``v``.

    Examples
    --------
    >>> from anomalyalgebra.breaking import gauge_mass_matrix
    >>> gauge_mass_matrix(electroweak_vacuum()).neutral
    Matrix([
    [  g**2*v**2/4, -g*g'*v**2/4],
    [-g*g'*v**2/4,  g'**2*v**2/4]])
    """
    from ..breaking import vacuum
    from ..model import Model, scalar

    v = sp.Symbol("v", positive=True)
    m = Model.build("electroweak Higgs doublet", {weak: "SU(2)", hypercharge: "U(1)"},
                    [scalar("H", {weak: "2", hypercharge: "1/2"})])
    return vacuum(m, {"H": v / sp.sqrt(2)}, su2=weak, hypercharge=hypercharge)


def _broken(source, vacuum=None) -> BrokenCouplings:
    if isinstance(source, BrokenCouplings):
        return source
    if not isinstance(source, AnomalyCouplings):
        if hasattr(source, "fields") and hasattr(source, "groups"):
            source = anomaly_couplings(source, vacuum=vacuum)
        else:
            raise ModelError(f"expected a Model, AnomalyCouplings or BrokenCouplings, got {type(source).__name__}")
    target = vacuum if vacuum is not None else source.vacuum
    if target is None:
        target = electroweak_vacuum(source.weak, source.hypercharge)
    return source.broken(target)


def zgamma_coupling(source, *, vacuum=None):
    """``C_{ZA}``: coefficient of ``(ξ/m_X) ε^{μνρσ} ∂_μ Z_ν ∂_ρ A_σ``.

    Parameters
    ----------
    source : Model, AnomalyCouplings or BrokenCouplings
        A model (every fermion light unless ``vacuum`` splits them), its couplings, or
        couplings already projected on a vacuum.
    vacuum : breaking.Vacuum, optional
        The vacuum whose gauge-boson mass matrix defines Z and photon; default the one
        stored in the couplings, else :func:`electroweak_vacuum`.

    Returns
    -------
    sympy.Expr
        The coupling in terms of the gauge couplings (``g``, ``g'``, ``g_X``) and the
        anomaly traces of ``source``.

    Raises
    ------
    ModelError
        If ``source`` is none of the accepted types, or the couplings cannot be
        projected on the vacuum (see :meth:`AnomalyCouplings.broken`).

    Examples
    --------
    >>> from anomalyalgebra.eft import from_traces
    >>> zgamma_coupling(from_traces({("SU2L", "SU2L"): -4, ("Y", "Y"): -6}))
    -g*g'*g_X*(2*g**2 - 3*g'**2)/(4*pi**2*(g**2 + g'**2))
    """
    return _broken(source, vacuum).coefficient("Z", "A")


@lru_cache(maxsize=4)
def _vector_to_photon_scalar(M, m):
    c = sp.Symbol("c", positive=True)
    w = two_body_width(PseudoscalarVV(c), Particle("Z", M, 1), Particle("gamma", 0, 1), Particle("xi", m, 0))
    if m != 0:
        # present the evaluator's result in the phase-space variable t = 1 - m²/M²
        t = sp.Symbol("t", positive=True)
        wt = sp.factor(sp.simplify(w.subs(m, M * sp.sqrt(1 - t))))
        if not wt.has(m):
            w = wt.subs(t, 1 - m**2 / M**2)
    return c, w


def zgamma_width(source, *, vacuum=None, m_Z=M_Z, goldstone_mass=None):
    """``Γ(Z → γX)`` in closed form from the derived ξZγ coupling and the evaluator.

    ``Γ = C_{ZA}² m_Z³ (1 - m_X²/m_Z²)³ / (96 π m_X²)`` comes out of the evaluator (not
    typed here); with ``C_{ZA} = g_X g g' K/(16π²)`` this is
    ``g_X² g² g'² K² m_Z³/(24576 π⁵ m_X²)`` at leading order.

    Parameters
    ----------
    source, vacuum
        As in :func:`zgamma_coupling`.
    m_Z : sympy expression
        The Z mass (default the symbol ``m_Z``).
    goldstone_mass : sympy expression, optional
        Mass given to the Goldstone in the phase space (default ``m_X``; 0 for the
        strict equivalence limit).

    Returns
    -------
    sympy.Expr
        The width, in the units of ``m_Z`` (GeV when ``m_Z`` is a number in GeV).

    Raises
    ------
    ModelError
        As :func:`zgamma_coupling`.

    Examples
    --------
    >>> from anomalyalgebra.eft import from_traces
    >>> a = sp.Symbol("A")
    >>> G = zgamma_width(from_traces({("SU2L", "SU2L"): a, ("Y", "Y"): -a}), goldstone_mass=0)
    >>> G
    A**2*g**2*g'**2*g_X**2*m_Z**3/(6144*pi**5*m_X**2)
    """
    C = zgamma_coupling(source, vacuum=vacuum)
    m_X = EFT_SYMBOLS["m_X"]
    m = m_X if goldstone_mass is None else sp.sympify(goldstone_mass)
    c, w = _vector_to_photon_scalar(M_Z, m)
    out = w.subs(c, C / m_X)
    if m_Z is not M_Z:
        out = out.subs(M_Z, m_Z)
    return out
