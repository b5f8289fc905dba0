r"""Explicit Lorentz algebra for the amplitude evaluator: four-vectors, ε, γ matrices, spinors.

Conventions
-----------
* Four-vectors are contravariant ``sympy.Matrix`` columns ``a^μ``; metric
  ``g = diag(1, -1, -1, -1)``.
* ``ε^{0123} = +1``; :func:`levi_civita` contracts ``ε^{μνρσ} a_μ b_ν c_ρ d_σ``.
* Dirac matrices in the chiral (Weyl) representation of Peskin & Schroeder,
  ``γ^0 = [[0, 1], [1, 0]]``, ``γ^i = [[0, σ^i], [-σ^i, 0]]``,
  ``γ⁵ = iγ⁰γ¹γ²γ³ = diag(-1, -1, 1, 1)``, ``P_{L,R} = (1 ∓ γ⁵)/2``.
* Helicity spinors: for a momentum ``p`` along ``n̂(θ, φ)`` and two-spinors ``ξ_h``
  with ``(n̂·σ) ξ_h = h ξ_h``,
  ``u(p, h) = (sqrt(E - h|p|) ξ_h, sqrt(E + h|p|) ξ_h)`` and
  ``v(p, h) = (sqrt(E + h|p|) ξ_{-h}, -sqrt(E - h|p|) ξ_{-h})``, i.e.
  ``u = (sqrt(p·σ) ξ, sqrt(p·σ̄) ξ)``, ``v = (sqrt(p·σ) η, -sqrt(p·σ̄) η)``.
  The square roots are passed in (``w_minus = sqrt(E - |p|)``, ``w_plus = sqrt(E + |p|)``)
  so that a caller can keep them as symbols.
* Polarisation vectors of helicity ``λ = ±1``:
  ``ε(±) = (0, (∓ ê_θ - i ê_φ)/√2)``; longitudinal ``ε(0) = (|p|, E n̂)/m``.
"""

from __future__ import annotations

import itertools

import sympy as sp

__all__ = ["METRIC", "GAMMA", "GAMMA5", "P_L", "P_R", "IDENTITY4", "four_vector", "lower", "dot",
           "levi_civita", "slash", "direction", "helicity_two_spinor", "polarisation", "dirac_u",
           "dirac_v", "dirac_bar"]

METRIC = sp.ImmutableMatrix(sp.diag(1, -1, -1, -1))
_S = (sp.Matrix([[0, 1], [1, 0]]), sp.Matrix([[0, -sp.I], [sp.I, 0]]), sp.Matrix([[1, 0], [0, -1]]))
_Z2, _I2 = sp.zeros(2, 2), sp.eye(2)


def _block(a, b, c, d):
    return sp.ImmutableMatrix(sp.BlockMatrix([[a, b], [c, d]]).as_explicit())


#: ``γ^μ`` (upper index), chiral representation.
GAMMA = (_block(_Z2, _I2, _I2, _Z2),) + tuple(_block(_Z2, s, -s, _Z2) for s in _S)
GAMMA5 = sp.ImmutableMatrix(sp.I * GAMMA[0] * GAMMA[1] * GAMMA[2] * GAMMA[3])
IDENTITY4 = sp.ImmutableMatrix(sp.eye(4))
P_L = sp.ImmutableMatrix((IDENTITY4 - GAMMA5) / 2)
P_R = sp.ImmutableMatrix((IDENTITY4 + GAMMA5) / 2)


def four_vector(*components) -> sp.Matrix:
    """A contravariant four-vector ``(a^0, a^1, a^2, a^3)``.

    Parameters
    ----------
    *components : sympy expression or number
        Exactly four components, sympified.

    Returns
    -------
    sympy.Matrix
        A 4 x 1 column ``a^μ``.

    Raises
    ------
    ValueError
        If the number of components is not four.

    Examples
    --------
    >>> four_vector(1, 0, 0, "p").T
    Matrix([[1, 0, 0, p]])
    """
    if len(components) != 4:
        raise ValueError(f"a four-vector has 4 components, got {len(components)}")
    return sp.Matrix([sp.sympify(c) for c in components])


def lower(a) -> sp.Matrix:
    """Lower the index with the metric: ``a_μ = g_{μν} a^ν``, ``g = diag(1, -1, -1, -1)``.

    Parameters
    ----------
    a : sympy.Matrix or sequence
        A contravariant four-vector ``a^μ``.

    Returns
    -------
    sympy.Matrix
        The covariant column ``a_μ``.
    """
    return METRIC * sp.Matrix(a)


def dot(a, b):
    """Minkowski product ``a·b = a^0 b^0 - a⃗·b⃗`` (no complex conjugation).

    Parameters
    ----------
    a, b : sympy.Matrix or sequence
        Contravariant four-vectors.

    Returns
    -------
    sympy.Expr
        The scalar product.

    Examples
    --------
    >>> E, p, m = sp.symbols("E p m", positive=True)
    >>> dot(four_vector(E, 0, 0, p), four_vector(E, 0, 0, p))
    E**2 - p**2
    """
    return (sp.Matrix(a).T * lower(b))[0, 0]


def levi_civita(a, b, c, d):
    """Full contraction ``ε^{μνρσ} a_μ b_ν c_ρ d_σ`` with ``ε^{0123} = +1``, summed explicitly.

    Parameters
    ----------
    a, b, c, d : sympy.Matrix or sequence
        Contravariant four-vectors; their indices are lowered before contracting.

    Returns
    -------
    sympy.Expr
        The contraction (a pseudoscalar).

    Examples
    --------
    >>> e = [four_vector(*[int(i == k) for i in range(4)]) for k in range(4)]
    >>> levi_civita(*e)                    # a_μ = g_μν a^ν: three minus signs
    -1
    """
    la, lb, lc, ld = lower(a), lower(b), lower(c), lower(d)
    total = sp.Integer(0)
    for perm in itertools.permutations(range(4)):
        sign = sp.LeviCivita(*perm)
        m, n, r, s = perm
        total += sign * la[m] * lb[n] * lc[r] * ld[s]
    return total


def slash(a) -> sp.Matrix:
    """Feynman slash ``a̸ = γ^μ a_μ`` in the chiral representation of the module.

    Parameters
    ----------
    a : sympy.Matrix or sequence
        A contravariant four-vector.

    Returns
    -------
    sympy.Matrix
        A 4 x 4 matrix.

    Examples
    --------
    >>> slash(four_vector(1, 0, 0, 0)) == GAMMA[0]
    True
    """
    la = lower(a)
    return sum((GAMMA[m] * la[m] for m in range(4)), sp.zeros(4, 4))


def direction(theta, phi):
    """Unit vector ``n̂(θ, φ)`` and the helicity-basis vectors ``ê_θ, ê_φ``.

    Parameters
    ----------
    theta, phi : sympy expression or number
        Polar and azimuthal angle (radians) of the direction.

    Returns
    -------
    tuple of sympy.Matrix
        ``(n̂, ê_θ, ê_φ)``, three orthonormal 3 x 1 columns (right-handed in that order).
    """
    th, ph = sp.sympify(theta), sp.sympify(phi)
    n = sp.Matrix([sp.sin(th) * sp.cos(ph), sp.sin(th) * sp.sin(ph), sp.cos(th)])
    e_th = sp.Matrix([sp.cos(th) * sp.cos(ph), sp.cos(th) * sp.sin(ph), -sp.sin(th)])
    e_ph = sp.Matrix([-sp.sin(ph), sp.cos(ph), 0])
    return n, e_th, e_ph


def helicity_two_spinor(h, theta, phi) -> sp.Matrix:
    """Two-spinor ``ξ_h`` with ``(n̂·σ⃗) ξ_h = h ξ_h`` along ``n̂(θ, φ)``.

    Parameters
    ----------
    h : int
        Helicity sign, ``+1`` or ``-1``.
    theta, phi : sympy expression or number
        Direction of the momentum (radians).

    Returns
    -------
    sympy.Matrix
        A normalised 2 x 1 column (phase convention of the module docstring).

    Raises
    ------
    ValueError
        If ``h`` is not ±1.

    Examples
    --------
    >>> th, ph = sp.pi/3, sp.pi/5
    >>> n, _, _ = direction(th, ph)
    >>> sig = n[0]*_S[0] + n[1]*_S[1] + n[2]*_S[2]
    >>> xi = helicity_two_spinor(-1, th, ph)
    >>> [abs(complex(x)) < 1e-12 for x in (sig*xi + xi).evalf(30)]
    [True, True]
    """
    th, ph = sp.sympify(theta), sp.sympify(phi)
    if h == 1:
        return sp.Matrix([sp.cos(th / 2), sp.exp(sp.I * ph) * sp.sin(th / 2)])
    if h == -1:
        return sp.Matrix([-sp.exp(-sp.I * ph) * sp.sin(th / 2), sp.cos(th / 2)])
    raise ValueError(f"a spinor helicity is +1 or -1, got {h!r}")


def polarisation(helicity, E, p, mass, theta=0, phi=0) -> sp.Matrix:
    """Polarisation vector ``ε^μ(λ)`` of an incoming vector boson.

    The boson has energy ``E`` and momentum ``|p|`` along ``n̂(θ, φ)``; for an outgoing
    boson take the complex conjugate.

    Parameters
    ----------
    helicity : int
        ``λ`` in ``{-1, 0, +1}``.
    E, p : sympy expression
        Energy and modulus of the three-momentum.
    mass : sympy expression
        Mass of the boson; must be non-zero for ``λ = 0``.
    theta, phi : sympy expression or number, optional
        Direction of the momentum (radians, default along ``+z``).

    Returns
    -------
    sympy.Matrix
        The contravariant four-vector ``ε^μ``, transverse to ``p^μ``.

    Raises
    ------
    ValueError
        If ``helicity`` is not -1, 0 or 1, or ``λ = 0`` is asked of a massless boson.

    Examples
    --------
    >>> E, p, m = sp.symbols("E p m", positive=True)
    >>> k = four_vector(E, 0, 0, p)
    >>> [sp.simplify(dot(k, polarisation(l, E, p, m))) for l in (1, 0, -1)]
    [0, 0, 0]
    >>> sp.simplify(dot(polarisation(0, E, p, m), polarisation(0, E, p, m)).subs(E, sp.sqrt(p**2 + m**2)))
    -1
    """
    n, e_th, e_ph = direction(theta, phi)
    if helicity in (1, -1):
        v = (-helicity * e_th - sp.I * e_ph) / sp.sqrt(2)
        return four_vector(0, *v)
    if helicity == 0:
        if sp.sympify(mass) == 0:
            raise ValueError("a massless vector has no longitudinal polarisation")
        return four_vector(p / mass, *(E / mass * n))
    raise ValueError(f"a vector helicity is -1, 0 or +1, got {helicity!r}")


def dirac_u(h, w_minus, w_plus, theta=0, phi=0) -> sp.Matrix:
    """Dirac spinor ``u(p, h)`` of a particle with helicity ``h`` (module conventions).

    Parameters
    ----------
    h : int
        Helicity sign, ``+1`` or ``-1``.
    w_minus, w_plus : sympy expression
        ``sqrt(E - |p|)`` and ``sqrt(E + |p|)``; passed in so that callers can keep them
        as symbols.
    theta, phi : sympy expression or number, optional
        Direction of the momentum (radians, default along ``+z``).

    Returns
    -------
    sympy.Matrix
        A 4 x 1 column, normalised to ``ū u = 2m``.

    Raises
    ------
    ValueError
        If ``h`` is not ±1.

    Examples
    --------
    At ``E = 5, |p| = 3, m = 4`` along ``z`` the spinor solves ``(p̸ - m) u = 0``:

    >>> u = dirac_u(1, sp.sqrt(2), sp.sqrt(8))
    >>> list((slash(four_vector(5, 0, 0, 3)) - 4 * IDENTITY4) * u)
    [0, 0, 0, 0]
    """
    xi = helicity_two_spinor(h, theta, phi)
    a, b = (w_minus, w_plus) if h == 1 else (w_plus, w_minus)
    return sp.Matrix.vstack(a * xi, b * xi)


def dirac_v(h, w_minus, w_plus, theta=0, phi=0) -> sp.Matrix:
    """Dirac spinor ``v(p, h)`` of an antiparticle with helicity ``h`` (module conventions).

    Parameters
    ----------
    h : int
        Helicity sign, ``+1`` or ``-1``.
    w_minus, w_plus : sympy expression
        ``sqrt(E - |p|)`` and ``sqrt(E + |p|)``.
    theta, phi : sympy expression or number, optional
        Direction of the momentum (radians, default along ``+z``).

    Returns
    -------
    sympy.Matrix
        A 4 x 1 column solving ``(p̸ + m) v = 0``.

    Raises
    ------
    ValueError
        If ``h`` is not ±1.

    Examples
    --------
    >>> v = dirac_v(1, sp.sqrt(2), sp.sqrt(8))
    >>> list((slash(four_vector(5, 0, 0, 3)) + 4 * IDENTITY4) * v)
    [0, 0, 0, 0]
    """
    eta = helicity_two_spinor(-h, theta, phi)
    a, b = (w_plus, w_minus) if h == 1 else (w_minus, w_plus)
    return sp.Matrix.vstack(a * eta, -b * eta)


def dirac_bar(spinor) -> sp.Matrix:
    """Dirac adjoint ``ψ̄ = ψ† γ⁰``.

    Parameters
    ----------
    spinor : sympy.Matrix or sequence
        A four-component column spinor.

    Returns
    -------
    sympy.Matrix
        A 1 x 4 row.
    """
    return sp.Matrix(spinor).H * GAMMA[0]
