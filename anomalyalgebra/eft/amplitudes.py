r"""A small tree-level evaluator for two-body decays of a particle at rest.

The parent (mass ``M``) is at rest with its spin quantised along ``z``; daughter 1
flies along ``+z`` and daughter 2 along ``-z`` with ``|p| = λ^{1/2}(M², m₁², m₂²)/(2M)``.
Every external state gets an explicit wavefunction (:mod:`~anomalyalgebra.eft.lorentz`:
helicity polarisation vectors, helicity Dirac spinors in the chiral representation),
the vertex is contracted explicitly (``ε^{μνρσ}`` summed over its 24 terms, γ matrices
as 4×4 matrices), and ``Σ|M|²`` is the explicit sum over all helicities.  Rotational
invariance of the spin-summed ``|M|²`` makes the angular integral ``4π``, so

.. math::  \Gamma = \frac{|\vec p|}{8\pi M^2}\,\frac{1}{2s+1}\sum_{\rm hel}|\mathcal M|^2
           \times \tfrac12\ (\text{identical daughters}) \times N (\text{multiplicity}).

The square roots ``sqrt(E ∓ |p|)`` of a daughter fermion's spinor are kept as
symbols ``w_∓`` while ``|M|²`` is built and reduced afterwards with
``w₋ w₊ = m``, ``w_±² = E ± |p|``, so that no ``sqrt`` of a symbolic expression is ever
conjugated or simplified.

Vertices (Lagrangian terms; the amplitude follows with ``∂_μ → -i p_μ`` on an
incoming and ``+i k_μ`` on an outgoing field):

* :class:`PseudoscalarVV`: ``c φ ε^{μνρσ} ∂_μ V_{1ν} ∂_ρ V_{2σ}`` (factor 2 when the two
  vectors are the same field);
* :class:`VectorCurrent`: ``V_μ ψ̄₁ γ^μ (g_L P_L + g_R P_R) ψ₂ + h.c.``;
* :class:`DerivativeCurrent`: ``∂_μφ ψ̄₁ γ^μ (g_L P_L + g_R P_R) ψ₂ + h.c.`` (a Goldstone);
* :class:`Yukawa`: ``φ ψ̄₁ (g_S + i g_P γ⁵) ψ₂ + h.c.``.

Fermion lines: a boson decaying to two fermions gives ``ū(p₁) Γ v(p₂)``; a fermion
decaying to a fermion and a boson gives ``ū(p₁) Γ u(P)``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sympy as sp

from ..exceptions import ModelError
from .lorentz import (GAMMA5, IDENTITY4, P_L, P_R, dirac_bar, dirac_u, dirac_v, four_vector, levi_civita,
                      polarisation, slash)

__all__ = ["Particle", "PseudoscalarVV", "VectorCurrent", "DerivativeCurrent", "Yukawa",
           "squared_amplitude", "two_body_width", "kallen"]

_SPINS = {sp.Integer(0): "scalar", sp.Rational(1, 2): "fermion", sp.Integer(1): "vector"}


@dataclass(frozen=True)
class Particle:
    """An external particle: a name, a mass (number or symbol) and a spin 0, 1/2 or 1.

    Parameters
    ----------
    name : str
        Label used in error messages.
    mass : sympy expression or number
        The mass (sympified); 0 for a massless particle.
    spin : number or str
        ``0``, ``1/2`` or ``1`` (sympified); decides the wavefunctions used
        (:attr:`kind`: ``"scalar"``, ``"fermion"`` or ``"vector"``).

    Raises
    ------
    ModelError
        If the spin is not 0, 1/2 or 1.

    Examples
    --------
    >>> Particle("Z", sp.Symbol("m_Z", positive=True), 1).kind
    'vector'
    >>> Particle("Z", 91, 1).helicities()
    (1, 0, -1)
    """

    name: str
    mass: object
    spin: object

    def __post_init__(self):
        object.__setattr__(self, "mass", sp.sympify(self.mass))
        s = sp.sympify(self.spin)
        if s not in _SPINS:
            raise ModelError(f"particle '{self.name}': spin must be 0, 1/2 or 1, got {self.spin!r}")
        object.__setattr__(self, "spin", s)

    @property
    def kind(self) -> str:
        return _SPINS[self.spin]

    def helicities(self) -> tuple:
        """Helicities summed over: ``(0,)`` scalar, ``(1, -1)`` fermion or massless
        vector, ``(1, 0, -1)`` massive vector."""
        if self.kind == "scalar":
            return (0,)
        if self.kind == "fermion":
            return (1, -1)
        return (1, -1) if self.mass == 0 else (1, 0, -1)


@dataclass(frozen=True)
class PseudoscalarVV:
    """Vertex ``c φ ε^{μνρσ} ∂_μ V_{1ν} ∂_ρ V_{2σ}`` of a (pseudo)scalar and two vectors.

    Parameters
    ----------
    c : sympy expression
        The coupling ``c`` (mass dimension -1).
    identical : bool, optional
        True when ``V₁ = V₂`` is one field (the vertex then carries a factor 2).
    """

    c: object
    identical: bool = False


@dataclass(frozen=True)
class VectorCurrent:
    """Vertex ``V_μ ψ̄₁ γ^μ (g_L P_L + g_R P_R) ψ₂ + h.c.`` of a vector and two fermions.

    Parameters
    ----------
    g_L, g_R : sympy expression
        Left- and right-handed couplings.
    """

    g_L: object
    g_R: object

    @classmethod
    def vector_axial(cls, g_V, g_A):
        """The current written as ``V_μ ψ̄₁ γ^μ (g_V - g_A γ⁵) ψ₂``.

        Parameters
        ----------
        g_V, g_A : sympy expression
            Vector and axial couplings.

        Returns
        -------
        VectorCurrent
            With ``g_L = g_V + g_A`` and ``g_R = g_V - g_A``.

        Examples
        --------
        >>> VectorCurrent.vector_axial(1, sp.Rational(1, 2))
        VectorCurrent(g_L=3/2, g_R=1/2)
        """
        return cls(g_V + g_A, g_V - g_A)


@dataclass(frozen=True)
class DerivativeCurrent:
    """Vertex ``∂_μφ ψ̄₁ γ^μ (g_L P_L + g_R P_R) ψ₂ + h.c.`` of a scalar and two fermions.

    Typical for a Goldstone boson, with ``g = g_X 𝒳/m_X``.

    Parameters
    ----------
    g_L, g_R : sympy expression
        Left- and right-handed couplings (mass dimension -1).
    """

    g_L: object
    g_R: object


@dataclass(frozen=True)
class Yukawa:
    """Vertex ``φ ψ̄₁ (g_S + i g_P γ⁵) ψ₂ + h.c.`` of a scalar and two fermions.

    Parameters
    ----------
    g_S : sympy expression
        Scalar coupling.
    g_P : sympy expression, optional
        Pseudoscalar coupling (default 0).
    """

    g_S: object
    g_P: object = 0

    @classmethod
    def chiral(cls, y_L, y_R):
        """The Yukawa vertex written as ``φ ψ̄₁ (y_L P_L + y_R P_R) ψ₂``.

        Parameters
        ----------
        y_L, y_R : sympy expression
            Chiral couplings.

        Returns
        -------
        Yukawa
            With ``g_S = (y_L + y_R)/2`` and ``i g_P = (y_R - y_L)/2``.

        Examples
        --------
        >>> Yukawa.chiral(sp.Integer(1), sp.Integer(1))
        Yukawa(g_S=1, g_P=0)
        """
        return cls((y_L + y_R) / 2, (y_R - y_L) / (2 * sp.I))


def kallen(a, b, c):
    """Källén function ``λ(a, b, c) = a² + b² + c² - 2ab - 2ac - 2bc``.

    Parameters
    ----------
    a, b, c : sympy expression or number
        Typically squared masses ``M², m₁², m₂²``.

    Returns
    -------
    sympy expression or number
        ``λ(a, b, c)``; ``|p| = λ^{1/2}(M², m₁², m₂²)/(2M)`` in a two-body decay.

    Examples
    --------
    >>> M, m = sp.symbols("M m", positive=True)
    >>> sp.expand(kallen(M**2, m**2, 0) - (M**2 - m**2)**2)
    0
    """
    return a**2 + b**2 + c**2 - 2 * a * b - 2 * a * c - 2 * b * c


class _External:
    """Kinematics of one external state: momentum, role and wavefunctions per helicity."""

    def __init__(self, particle, E, p, theta, incoming, anti=False):
        self.particle, self.incoming, self.anti = particle, incoming, anti
        n = (sp.sin(theta), 0, sp.cos(theta))
        self.k = four_vector(E, *(p * x for x in n))
        self.E, self.p, self.theta = E, p, theta
        self.w = None
        if particle.kind == "fermion":
            if p == 0:
                self.w = (sp.sqrt(E), sp.sqrt(E))
            else:
                self.w = (sp.Dummy("w_m", positive=True), sp.Dummy("w_p", positive=True))

    def wavefunction(self, h):
        kind = self.particle.kind
        if kind == "scalar":
            return sp.Integer(1)
        if kind == "vector":
            e = polarisation(h, self.E, self.p, self.particle.mass, self.theta, 0)
            return e if self.incoming else e.applyfunc(sp.conjugate)
        wm, wp = self.w
        if self.anti:
            return dirac_v(h, wm, wp, self.theta, 0)
        return dirac_u(h, wm, wp, self.theta, 0)


def _chiral(g_L, g_R):
    return sp.sympify(g_L) * P_L + sp.sympify(g_R) * P_R


def _amplitude(vertex, parent, d1, d2, hel):
    ext = (parent, d1, d2)
    wf = [e.wavefunction(h) for e, h in zip(ext, hel)]
    kinds = [e.particle.kind for e in ext]
    if isinstance(vertex, PseudoscalarVV):
        vec = [i for i in range(3) if kinds[i] == "vector"]
        if len(vec) != 2 or kinds.count("scalar") != 1:
            raise ModelError("PseudoscalarVV needs one scalar and two vectors")
        i, j = vec
        fac = []
        for n in (i, j):
            s = -1 if ext[n].incoming else 1
            fac.append(sp.I * s)
        m = vertex.c * fac[0] * fac[1] * levi_civita(ext[i].k, wf[i], ext[j].k, wf[j])
        return 2 * m if vertex.identical else m
    ferm = [i for i in range(3) if kinds[i] == "fermion"]
    if len(ferm) != 2:
        raise ModelError(f"{type(vertex).__name__} needs two fermions and one boson")
    boson = ({0, 1, 2} - set(ferm)).pop()
    if ext[0].particle.kind == "fermion":       # F -> f + boson: ubar(p1) G u(P)
        bar, right = dirac_bar(wf[1]), wf[0]
    else:                                      # boson -> f fbar: ubar(p1) G v(p2)
        bar, right = dirac_bar(wf[1]), wf[2]
    if isinstance(vertex, VectorCurrent):
        if kinds[boson] != "vector":
            raise ModelError("VectorCurrent needs a vector boson")
        G = slash(wf[boson]) * _chiral(vertex.g_L, vertex.g_R)
    elif isinstance(vertex, DerivativeCurrent):
        if kinds[boson] != "scalar":
            raise ModelError("DerivativeCurrent needs a scalar boson")
        s = -1 if ext[boson].incoming else 1
        G = sp.I * s * slash(ext[boson].k) * _chiral(vertex.g_L, vertex.g_R)
    elif isinstance(vertex, Yukawa):
        if kinds[boson] != "scalar":
            raise ModelError("Yukawa needs a scalar boson")
        G = sp.sympify(vertex.g_S) * IDENTITY4 + sp.I * sp.sympify(vertex.g_P) * GAMMA5
    else:
        raise ModelError(f"unknown vertex {vertex!r}")
    return (bar * G * right)[0, 0]


def _reduce(expr, ext):
    """Eliminate the spinor square roots: ``w₋w₊ = m``, ``w_±² = E ± |p|``."""
    for e in ext:
        if e.w is None or not isinstance(e.w[0], sp.Dummy):
            continue
        wm, wp = e.w
        poly = sp.Poly(sp.expand(expr), wm, wp)
        out = sp.Integer(0)
        for (a, b), coeff in poly.terms():
            k = min(a, b)
            rest_m, rest_p = a - k, b - k
            if rest_m % 2 or rest_p % 2:
                raise ModelError("internal: odd power of a spinor square root survived the spin sum")
            out += coeff * e.particle.mass**k * (e.E - e.p) ** (rest_m // 2) * (e.E + e.p) ** (rest_p // 2)
        expr = out
    return expr


def _setup(parent, d1, d2):
    M, m1, m2 = parent.mass, d1.mass, d2.mass
    if M == 0:
        raise ModelError(f"the parent '{parent.name}' must be massive")
    n_f = [x.kind for x in (parent, d1, d2)].count("fermion")
    if n_f not in (0, 2):
        raise ModelError("a two-body vertex has zero or two fermions")
    if parent.kind == "fermion" and d1.kind != "fermion":
        raise ModelError("for a decaying fermion, give the daughter fermion first")
    if parent.kind != "fermion" and n_f == 2 and (d1.kind != "fermion" or d2.kind != "fermion"):
        raise ModelError("a boson decays to a fermion (first) and an antifermion (second)")
    p = sp.Symbol("p_cm", positive=True)
    E1, E2 = sp.Symbol("E_1", positive=True), sp.Symbol("E_2", positive=True)
    P = _External(parent, M, sp.Integer(0), sp.Integer(0), True)
    a = _External(d1, E1, p, sp.Integer(0), False)
    b = _External(d2, E2, p, sp.pi, False, anti=(n_f == 2 and parent.kind != "fermion"))
    kin = {E1: (M**2 + m1**2 - m2**2) / (2 * M), E2: (M**2 + m2**2 - m1**2) / (2 * M)}
    return P, a, b, p, kin


def squared_amplitude(vertex, parent: Particle, d1: Particle, d2: Particle):
    """``Σ_{helicities} |M|²`` of ``parent → d1 d2`` in closed form (summed, not averaged).

    Parameters
    ----------
    vertex : PseudoscalarVV, VectorCurrent, DerivativeCurrent or Yukawa
        The interaction.
    parent : Particle
        The decaying particle (massive, at rest).
    d1, d2 : Particle
        The daughters; for a boson decaying to fermions the fermion first and the
        antifermion second, for a decaying fermion the daughter fermion first.

    Returns
    -------
    sympy.Expr
        The spin-summed squared amplitude in terms of the masses and couplings.

    Raises
    ------
    ModelError
        If the parent is massless, or the particle kinds do not fit the vertex (e.g. a
        :class:`Yukawa` with a vector boson, a vertex with one fermion).

    Examples
    --------
    ``a → γγ`` through ``(g/4) a F F̃ = (g/2) a ε^{μνρσ} ∂_μ A_ν ∂_ρ A_σ``:

    >>> g, m = sp.symbols("g m_a", positive=True)
    >>> gam = Particle("gamma", 0, 1)
    >>> squared_amplitude(PseudoscalarVV(g/2, identical=True), Particle("a", m, 0), gam, gam)
    g**2*m_a**4/2
    """
    P, a, b, p, kin = _setup(parent, d1, d2)
    ext = (P, a, b)
    total = sp.Integer(0)
    for hel in itertools.product(*(e.particle.helicities() for e in ext)):
        amp = sp.expand(_amplitude(vertex, P, a, b, hel))
        total += sp.expand(amp * sp.conjugate(amp))
    total = _reduce(total, ext)
    M, m1, m2 = parent.mass, d1.mass, d2.mass
    total = sp.expand(total.subs(kin))
    total = total.subs(p, sp.sqrt(kallen(M**2, m1**2, m2**2)) / (2 * M))
    return sp.factor(sp.simplify(sp.expand(total)))


def two_body_width(vertex, parent: Particle, d1: Particle, d2: Particle, *, multiplicity=1,
                   identical=None):
    """``Γ(parent → d1 d2)`` at tree level in closed form.

    Parameters
    ----------
    vertex : PseudoscalarVV, VectorCurrent, DerivativeCurrent or Yukawa
        The interaction.
    parent, d1, d2 : Particle
        For a boson decaying to fermions: the fermion first, the antifermion second.
        For a decaying fermion: the daughter fermion first.
    multiplicity : number
        Extra factor (a colour sum ``N_c``, a flavour sum ...).
    identical : bool, optional
        Whether the daughters are identical (factor 1/2); default ``d1 == d2``.

    Returns
    -------
    sympy.Expr
        The width ``|p|/(8π M²) Σ|M|²/(2s+1)`` (times 1/2 and the multiplicity), in the
        units of the masses; ``Abs`` of mass differences is resolved assuming the decay
        is open.

    Raises
    ------
    ModelError
        As :func:`squared_amplitude`.

    Examples
    --------
    >>> g, m = sp.symbols("g m_a", positive=True)
    >>> gam = Particle("gamma", 0, 1)
    >>> two_body_width(PseudoscalarVV(g/2, identical=True), Particle("a", m, 0), gam, gam)
    g**2*m_a**3/(64*pi)
    """
    M, m1, m2 = parent.mass, d1.mass, d2.mass
    msq = squared_amplitude(vertex, parent, d1, d2)
    pcm = sp.sqrt(kallen(M**2, m1**2, m2**2)) / (2 * M)
    same = (d1 == d2) if identical is None else identical
    width = pcm / (8 * sp.pi * M**2) * msq / (2 * parent.spin + 1) * multiplicity
    if same:
        width /= 2
    return _above_threshold(sp.factor(sp.simplify(width)), M, (m1, m2))


def _above_threshold(expr, M, daughters):
    """Drop ``Abs`` of mass differences using ``M > m₁ + m₂`` (the decay is open)."""
    syms = set()
    for x in (M, *daughters):
        syms |= sp.sympify(x).free_symbols
    probe = {s: sp.Rational(k + 2, 10**3) for k, s in enumerate(sorted(syms, key=str))}
    for s in sp.sympify(M).free_symbols:
        probe[s] = sp.Integer(10**6)

    def fix(a):
        val = a.subs(probe)
        if val.is_number and val.free_symbols == set() and not a.subs(probe).has(sp.Abs):
            try:
                return a if val > 0 else -a
            except TypeError:
                return sp.Abs(a)
        return sp.Abs(a)

    out = expr.replace(lambda e: isinstance(e, sp.Abs) and not (e.args[0].free_symbols - syms), lambda e: fix(e.args[0]))
    return sp.factor(sp.simplify(out)) if out != expr else expr
