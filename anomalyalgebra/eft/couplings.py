r"""Anomaly-induced couplings of the Goldstone of a light U(1) to pairs of gauge bosons.

A light vector ``X`` with mass ``m_X`` coupled (``D = ∂ + i g_X 𝒳 X``, so that
``L ⊃ -g_X X_μ j^μ``) to a current ``j`` that is anomalous in the *light* fermion
sector has, in the Goldstone-equivalence limit ``X_μ → ∂_μ ξ / m_X``,

.. math::

   \mathcal L \supset -\frac{g_X}{m_X}\,\partial_\mu\xi\, j^\mu
   = \frac{g_X}{m_X}\,\xi\,\partial_\mu j^\mu ,\qquad
   \partial_\mu j^\mu = \sum_{i,j} \frac{g_i g_j \mathcal A_{X ij}}{64\pi^2}\,
   \varepsilon^{\mu\nu\rho\sigma} F^i_{\mu\nu} F^j_{\rho\sigma},

the covariant anomaly of the light fields (the consistent anomaly of the light
fields plus the Wess–Zumino term of the heavy ones; ``1/(48π²) + 1/(24π²)`` in
the language of the seed paper, Eq. 11).  The sum runs over *ordered* pairs of gauge
bosons, ``𝒜_{Xij} = Tr[𝒳{T_i, T_j}]_R − Tr[𝒳{T_i, T_j}]_L`` is the trace of Eq. (4)
of the seed paper (:meth:`~anomalyalgebra.model.Model.anomaly`), ``ε^{0123} = +1``,
``γ⁵ = iγ⁰γ¹γ²γ³``, ``P_R = (1 + γ⁵)/2``.  For one Dirac fermion of charge ``Q``
with an axial ``X`` charge this is the ABJ anomaly
``∂j⁵ = e²Q²/(16π²) εFF`` (tested).  With ``εFF = 4 ε∂V∂V`` for the abelian parts:

.. math::

   \mathcal L \supset \frac{\xi}{m_X} \sum_{\text{pairs } i\le j} C_{ij}\,
   \varepsilon^{\mu\nu\rho\sigma}\partial_\mu V^i_\nu\,\partial_\rho V^j_\sigma ,\qquad
   C_{ii} = \frac{g_X g_i^2 \mathcal A_{Xii}}{16\pi^2},\quad
   C_{ij} = \frac{2 g_X g_i g_j \mathcal A_{Xij}}{16\pi^2}\ (i\ne j),

summed over the adjoint index for a non-abelian factor (``Σ_a ∂W^a ∂W^a``).  Pairs
that contain the light vector's own factor (``(Y, X)``, ``(X, X)``) follow from the same
covariant anomaly and are listed too; since ``ξ`` is then the longitudinal mode of one of
the two vectors, processes with them need more care than the Goldstone-equivalence
estimate (they are not used by the widths of this package).  The
:class:`AnomalyCouplings` hold the ``C_ij`` of the unbroken phase, and
:meth:`AnomalyCouplings.broken` projects them on the mass eigenstates of a vacuum
(photon, Z, W±, gluons) with the eigenvectors of
:func:`~anomalyalgebra.breaking.gauge_mass_matrix`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping

import sympy as sp

from ..anomaly import anomaly_trace
from ..exceptions import ModelError
from ..groups import U1
from ..numeric import lambdify as _lambdify
from ..symbolic import simplify
from ..wz import WZ_SYMBOLS, split_fields, wz_coefficients
from .light_heavy import LightHeavySplit, light_heavy_split

__all__ = ["LightHeavySplit", "light_heavy_split", "AnomalyCouplings", "BrokenCouplings",
           "anomaly_couplings", "broken_couplings", "from_traces", "EFT_SYMBOLS"]

#: Symbols of the couplings: ``g_X``, ``m_X``, ``xi`` (shared with :data:`anomalyalgebra.wz.WZ_SYMBOLS`).
EFT_SYMBOLS = {"g_X": WZ_SYMBOLS["g_X"], "m_X": WZ_SYMBOLS["m_X"], "xi": WZ_SYMBOLS["xi"],
               "g": WZ_SYMBOLS["g"], "g'": WZ_SYMBOLS["g'"], "g_s": sp.Symbol("g_s", positive=True)}

_PREFACTOR = 1 / (16 * sp.pi**2)


# --------------------------------------------------------------------------- unbroken phase
def _coupling_symbol(label, g, weak, hypercharge, current, couplings):
    """The rule of :func:`anomalyalgebra.breaking.gauge.coupling_symbol` (the package's one)."""
    from ..breaking.gauge import coupling_symbol

    return coupling_symbol(label, g, weak=weak, hypercharge=hypercharge, current=current, couplings=couplings)


def _pair_value(pairs, i, j):
    """Value of the pair ``{i, j}`` (either order) in ``((a, b), value)`` pairs; 0 when absent."""
    for (a, b), value in dict(pairs).items():
        if {a, b} == {i, j}:
            return value
    return sp.Integer(0)


class _PairTable:
    """``as_dict``, ``lambdify`` and ``_repr_latex_`` of a class with ``coefficients``."""

    def as_dict(self) -> dict:
        """``{(i, j): C_ij}``."""
        return dict(self.coefficients)

    def lambdify(self, pair, variables, modules: str = "numpy"):
        """``C_ij`` of ``pair`` as a numpy/mpmath function of ``variables`` (symbols or names)."""
        expr = self.coefficient(*pair)
        return _lambdify(_as_symbols(expr, variables), expr, modules)

    def _repr_latex_(self) -> str:
        parts = [r"C_{%s\,%s} = %s" % (i, j, sp.latex(c)) for (i, j), c in self.coefficients]
        return "$" + r",\quad ".join(parts) + "$"


@dataclass(frozen=True)
class AnomalyCouplings(_PairTable):
    """Goldstone couplings ``C_ij`` to pairs of unbroken-phase gauge bosons (module docs).

    ``L ⊃ (ξ/m_X) Σ_{i≤j} C_ij ε^{μνρσ} ∂_μ V^i_ν ∂_ρ V^j_σ``; ``C`` contains ``g_X`` and
    the gauge couplings, not ``1/m_X``.  Built by :func:`anomaly_couplings` or
    :func:`from_traces`, not by hand.

    Attributes
    ----------
    current : str
        Label of the U(1) of the light vector.
    light, heavy : tuple of str
        Fermions counted in the traces (light) and the others.
    traces, heavy_traces : tuple of ((str, str), sympy.Expr)
        Non-zero ``𝒜_{X ij}`` (Eq. 4) of the light and heavy fermions per pair of labels.
    coefficients : tuple of ((str, str), sympy.Expr)
        ``C_ij`` per pair (same keys as ``traces``).
    couplings : tuple of (str, sympy.Expr)
        Gauge coupling of each label.
    g_X, m_X, xi : sympy.Symbol
        Coupling and mass of the light vector, and its Goldstone.
    wz : WZCoefficients or None
        ``C_WW``, ``C_BB`` of Eq. (8) of the seed paper (when the model has the weak
        SU(2) and the hypercharge).
    weak, hypercharge : str
        Labels of SU(2)_L and U(1)_Y.
    kinds : tuple of (str, str)
        ``(label, "u1" or "simple")`` of every gauge label.
    vacuum : breaking.Vacuum or None
        The vacuum used by :meth:`broken` when it is called without an argument
        (not compared).
    """

    current: str
    light: tuple
    heavy: tuple
    traces: tuple
    heavy_traces: tuple
    coefficients: tuple
    couplings: tuple
    g_X: sp.Expr
    m_X: sp.Expr
    xi: sp.Expr
    wz: object = None
    weak: str = "SU2L"
    hypercharge: str = "Y"
    kinds: tuple = ()
    vacuum: object = field(default=None, compare=False, repr=False)

    def trace(self, i: str, j: str):
        """``𝒜_{X ij}`` of the light fermions.

        Parameters
        ----------
        i, j : str
            Gauge labels; their order does not matter.

        Returns
        -------
        sympy.Expr
            The trace, 0 for a pair with no trace.
        """
        return _pair_value(self.traces, i, j)

    def coefficient(self, i: str, j: str):
        """``C_ij`` of the pair ``(i, j)``.

        Parameters
        ----------
        i, j : str
            Gauge labels; their order does not matter.

        Returns
        -------
        sympy.Expr
            The coefficient, 0 for a pair with no trace.

        Examples
        --------
        >>> ac = from_traces({("SU2L", "SU2L"): -4})
        >>> ac.coefficient("SU2L", "SU2L")
        -g**2*g_X/(4*pi**2)
        """
        return _pair_value(self.coefficients, i, j)

    def lagrangian(self):
        r"""``(ξ/m_X) Σ C_ij ε^{μνρσ} ∂_μ V^i_ν ∂_ρ V^j_σ`` as a sympy expression
        (the generalisation of Eq. 11 of the seed paper to every pair).

        Examples
        --------
        >>> import anomalyalgebra as aa
        >>> L = anomaly_couplings(aa.load_model("sm_x_tau")).lagrangian()
        >>> L.has(sp.LeviCivita)
        True
        """
        return _goldstone_lagrangian(self.coefficients, self.xi, self.m_X,
                                     lambda i, j: i == j and self.kind(i) == "simple")

    def kind(self, label: str) -> str:
        """Kind of a gauge label of the couplings.

        Parameters
        ----------
        label : str
            A gauge label appearing in the couplings.

        Returns
        -------
        str
            ``"u1"`` or ``"simple"`` (non-abelian).

        Raises
        ------
        KeyError
            If ``label`` is not a gauge label of the couplings.
        """
        return dict(self.kinds)[label]

    def broken(self, vacuum_or_matrix=None) -> "BrokenCouplings":
        """Project on the mass eigenstates of a vacuum; see :func:`broken_couplings`.

        Parameters
        ----------
        vacuum_or_matrix : breaking.Vacuum or breaking.GaugeMassMatrix, optional
            Default: the vacuum given to :func:`anomaly_couplings`.

        Returns
        -------
        BrokenCouplings
            The couplings to photon, Z, W± and gluons.

        Raises
        ------
        ModelError
            If no vacuum is given and none is stored.
        """
        target = self.vacuum if vacuum_or_matrix is None else vacuum_or_matrix
        if target is None:
            raise ModelError("no vacuum: pass a breaking.Vacuum or a GaugeMassMatrix to broken()")
        return broken_couplings(self, target)


def _goldstone_lagrangian(coefficients, xi, m_X, non_abelian):
    from ..wz import partial

    mu, nu, rho, sig = sp.symbols("mu nu rho sigma")
    a = sp.Symbol("a")
    eps = sp.LeviCivita(mu, nu, rho, sig)
    out = sp.Integer(0)
    for (i, j), c in coefficients:
        vi, vj = sp.IndexedBase(f"V^{{{i}}}"), sp.IndexedBase(f"V^{{{j}}}")
        adj = non_abelian(i, j)
        fi = vi[a, nu] if adj else vi[nu]
        fj = vj[a, sig] if adj else vj[sig]
        out += c * xi / m_X * eps * partial(mu, fi) * partial(rho, fj)
    return out


def _as_symbols(expr, variables):
    by_name = {s.name: s for s in sp.sympify(expr).free_symbols}
    out = []
    for v in variables:
        if isinstance(v, sp.Symbol):
            out.append(v)
        elif v in by_name:
            out.append(by_name[v])
        else:
            raise ModelError(f"'{v}' is not a symbol of {expr}; symbols: {sorted(by_name)}")
    return out


def _gauge_pairs(model, current):
    """Pairs of labels with a possibly non-zero trace with ``current``: every pair of
    U(1)s (including ``current``) and every simple factor with itself."""
    labels = [(lab, g) for lab, g in model.groups if g.kind in ("u1", "simple")]
    pairs = []
    for n, (a, ga) in enumerate(labels):
        for b, gb in labels[n:]:
            if a == b or (ga.kind == "u1" and gb.kind == "u1"):
                pairs.append((a, b))
    return pairs


def anomaly_couplings(model, current: str = "X", *, light=None, heavy=None, vacuum=None,
                      weak: str = "SU2L", hypercharge: str = "Y", couplings: Mapping | None = None,
                      max_dim: int = 5) -> AnomalyCouplings:
    """Goldstone couplings of the light vector of ``current`` in the unbroken phase.

    Parameters
    ----------
    model : Model
        The model; its anomaly traces (Eq. 4 of the seed paper) give the couplings.
    current : str
        Label of the U(1) of the light vector.
    light, heavy : iterable of str, optional
        The light or the heavy fermions (at most one).
    vacuum : breaking.Vacuum, optional
        When neither ``light`` nor ``heavy`` is given, the split is
        :func:`light_heavy_split` of this vacuum; it is also kept for
        :meth:`AnomalyCouplings.broken`.  With no split and no vacuum every fermion
        is light (an EFT such as ``sm_x_tau``).
    weak, hypercharge : str
        Labels of SU(2)_L and U(1)_Y (coupling symbols ``g``, ``g'``).
    couplings : mapping, optional
        ``{label: coupling}`` overriding the default symbols (``g_X``, ``g``, ``g'``,
        ``g_s`` for an SU(3) factor named ``SU3...``, ``g_<label>`` otherwise).
    max_dim : int
        Operator dimension used to find the split from the vacuum.

    Returns
    -------
    AnomalyCouplings
        Traces of the light and heavy fermions and the couplings ``C_ij`` for every
        pair of gauge labels with a non-zero trace.

    Raises
    ------
    ModelError
        If ``current`` is not a U(1) factor of the model, if both ``light`` and
        ``heavy`` are given or name unknown fermions, or if the split from the vacuum
        is ambiguous (:func:`light_heavy_split`).

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> ac = anomaly_couplings(aa.load_model("sm_x_tau"))
    >>> ac.trace("SU2L", "SU2L"), ac.trace("Y", "Y")
    (-alpha_L, -alpha_L + 2*alpha_R)
    >>> ac.coefficient("SU2L", "SU2L")
    -alpha_L*g**2*g_X/(16*pi**2)
    """
    if not isinstance(model.group(current), U1):
        raise ModelError(f"model '{model.name}': '{current}' is not a U(1) factor")
    if light is None and heavy is None and vacuum is not None:
        heavy = light_heavy_split(vacuum, max_dim=max_dim).heavy
    light, heavy = split_fields(model, light, heavy, names=[f.name for f in model.fermions])
    scalars = [f.name for f in model.fields if f.is_scalar]
    low = model.without(*heavy)
    high = model.without(*light, *scalars) if heavy else None
    cpl = dict(couplings or {})
    groups = dict(model.groups)
    gsym = {lab: _coupling_symbol(lab, g, weak, hypercharge, current, cpl) for lab, g in model.groups
            if g.kind in ("u1", "simple")}
    g_X = gsym[current]
    traces, heavy_traces, coeffs = [], [], []
    for i, j in _gauge_pairs(model, current):
        # the couplings below are written with right-minus-left traces ("eq4")
        a_light = sp.expand(anomaly_trace(low, current, i, j, convention="eq4"))
        a_heavy = (sp.expand(anomaly_trace(high, current, i, j, convention="eq4")) if high is not None
                   else sp.Integer(0))
        if a_light == 0 and a_heavy == 0:
            continue
        traces.append(((i, j), a_light))
        heavy_traces.append(((i, j), a_heavy))
        mult = 1 if i == j else 2
        coeffs.append(((i, j), mult * g_X * gsym[i] * gsym[j] * a_light * _PREFACTOR))
    wz = None
    if weak in groups and hypercharge in groups:
        wz = wz_coefficients(model, current, heavy=[h for h in heavy], weak=weak, hypercharge=hypercharge)
    out = AnomalyCouplings(current, light, heavy, tuple(traces), tuple(heavy_traces), tuple(coeffs),
                           tuple(gsym.items()), g_X, EFT_SYMBOLS["m_X"], EFT_SYMBOLS["xi"], wz, weak,
                           hypercharge, tuple((lab, g.kind) for lab, g in model.groups
                                              if g.kind in ("u1", "simple")), vacuum)
    return out


def from_traces(traces: Mapping, current: str = "X", *, couplings: Mapping | None = None,
                weak: str = "SU2L", hypercharge: str = "Y") -> AnomalyCouplings:
    """:class:`AnomalyCouplings` from given traces ``{(i, j): 𝒜_{X ij}}`` (no model).

    Labels ``weak`` and ``hypercharge`` get ``g``, ``g'``; a label of a non-abelian
    factor must be ``weak`` or start with ``SU3`` (``g_s``), everything else is a U(1).

    Parameters
    ----------
    traces : mapping
        ``{(i, j): trace}`` with the traces of Eq. (4) of the seed paper (sympified).
    current : str, optional
        Label of the U(1) of the light vector (default ``"X"``).
    couplings : mapping, optional
        ``{label: coupling}`` overriding the default symbols.
    weak, hypercharge : str, optional
        Labels of SU(2)_L and U(1)_Y.

    Returns
    -------
    AnomalyCouplings
        With no fields (``light`` and ``heavy`` empty), no vacuum and no WZ terms.

    Raises
    ------
    ModelError
        If a non-abelian label is paired with a different label.

    Examples
    --------
    >>> ac = from_traces({("SU2L", "SU2L"): -4, ("Y", "Y"): -6})
    >>> ac.coefficient("Y", "Y")
    -3*g'**2*g_X/(8*pi**2)
    """
    cpl = dict(couplings or {})
    groups = {}
    for (i, j) in traces:
        for lab in (i, j):
            groups[lab] = "simple" if lab == weak or lab.lower().startswith("su3") else "u1"
    # labels other than the current: the current's symbol is set just below
    gsym = {lab: _coupling_symbol(lab, None, weak, hypercharge, None, cpl) for lab in groups}
    g_X = sp.sympify(cpl.get(current, EFT_SYMBOLS["g_X"]))
    gsym.setdefault(current, g_X)
    tr, co = [], []
    for (i, j), a in traces.items():
        if i != j and "simple" in (groups[i], groups[j]):
            raise ModelError(f"trace ({i}, {j}): a non-abelian factor pairs only with itself")
        a = sp.sympify(a)
        tr.append(((i, j), a))
        co.append(((i, j), (1 if i == j else 2) * g_X * gsym[i] * gsym[j] * a * _PREFACTOR))
    out = AnomalyCouplings(current, (), (), tuple(tr), tuple((k, sp.Integer(0)) for k, _ in tr),
                           tuple(co), tuple(gsym.items()), g_X, EFT_SYMBOLS["m_X"], EFT_SYMBOLS["xi"],
                           None, weak, hypercharge, tuple(groups.items()), None)
    return out


# --------------------------------------------------------------------------- broken phase
@dataclass(frozen=True)
class BrokenCouplings(_PairTable):
    """Goldstone couplings to pairs of mass eigenstates of the broken phase.

    ``L ⊃ (ξ/m_X) Σ_{pairs} C_ab ε^{μνρσ} ∂_μ V^a_ν ∂_ρ V^b_σ`` with ``a, b`` among the
    neutral mass eigenstates (``"A"`` the photon, ``"Z"``, the other U(1) bosons by
    label), ``"W+", "W-"`` (``C_{W+W-}`` multiplies ``ε∂W⁺∂W⁻``, ``= 2 C_WW``) and the
    gluons ``"G"`` (summed over colour, ``= C`` of the colour factor).  Built by
    :func:`broken_couplings`.

    Attributes
    ----------
    basis : tuple of str
        Neutral gauge basis (``W3``, ``B``, other U(1) labels).
    states : tuple of (str, sympy.Expr)
        Neutral mass eigenstates with their mass squared.
    rotation : sympy.ImmutableMatrix
        Row ``k`` is state ``k`` in the neutral gauge basis (orthonormal).
    coefficients : tuple of ((str, str), sympy.Expr)
        Non-zero ``C_ab``.
    g_X, m_X, xi : sympy.Symbol
        Coupling and mass of the light vector, and its Goldstone.
    """

    basis: tuple
    states: tuple
    rotation: sp.ImmutableMatrix
    coefficients: tuple
    g_X: sp.Expr
    m_X: sp.Expr
    xi: sp.Expr

    def coefficient(self, a: str, b: str):
        """``C_ab`` of a pair of mass eigenstates.

        Parameters
        ----------
        a, b : str
            State names (``"A"``, ``"Z"``, ``"W+"``, ``"W-"``, ``"G"``, a U(1) label); the
            order does not matter.

        Returns
        -------
        sympy.Expr
            The coefficient, 0 when absent.
        """
        return _pair_value(self.coefficients, a, b)

    def lagrangian(self):
        r"""``(ξ/m_X) Σ C_ab ε^{μνρσ} ∂_μ V^a_ν ∂_ρ V^b_σ`` over mass eigenstates (the
        generalisation of Eq. 18 of the seed paper); gluons carry the colour index."""
        return _goldstone_lagrangian(self.coefficients, self.xi, self.m_X, lambda i, j: (i, j) == ("G", "G"))


def _probe_values(exprs):
    syms = set()
    for e in exprs:
        syms |= sp.sympify(e).free_symbols
    primes = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53]
    return {s: sp.Rational(primes[k % len(primes)], 7 + k) for k, s in enumerate(sorted(syms, key=str))}


def _normalise(v):
    n2 = simplify(sum(x**2 for x in v))
    return [simplify(sp.radsimp(x / sp.sqrt(n2))) for x in v]


def _gram_schmidt(vectors, against=()):
    ortho = list(against)
    out = []
    for v in vectors:
        w = list(v)
        for u in ortho:
            d = simplify(sum(a * b for a, b in zip(w, u)))
            w = [simplify(a - d * b) for a, b in zip(w, u)]
        if any(simplify(x) != 0 for x in w):
            w = _normalise(w)
            ortho.append(w)
            out.append(w)
    return out


@lru_cache(maxsize=32)
def _neutral_states(G, weak_name="W3", hyper_name="B"):
    """Orthonormal eigenvectors of the neutral block, named A, Z or by U(1) label.

    The photon is the direction of the electric charge ``Q = T3 + Y``,
    ``∝ (1/g, 1/g', 0, ...)``, checked to be massless; other massless states are
    orthogonalised against it.  The Z is the massive state with the largest ``W3``
    component (compared at a numerical probe point); the others are named by their
    largest component.
    """
    basis = G.neutral_basis
    M = sp.Matrix(G.neutral)
    iw = basis.index(weak_name) if weak_name in basis else None
    ib = basis.index(hyper_name) if hyper_name in basis else None
    photon = None
    if iw is not None and ib is not None:
        c = dict(G.couplings)
        q = [sp.Integer(0)] * len(basis)
        q[iw], q[ib] = 1 / c[c["__su2__"]], 1 / c[G._hyper]
        if all(simplify(x) == 0 for x in M * sp.Matrix(q)):
            photon = _normalise(q)
    vecs = []
    for val, mult, vs in M.eigenvects(simplify=True):
        val = simplify(val)
        against = [photon] if (photon is not None and val == 0) else []
        vecs += [(val, u) for u in _gram_schmidt([list(v) for v in vs], against)]
    probe = _probe_values([G.neutral] + [x for _, u in vecs for x in u])

    def num(e):
        return float(sp.N(sp.sympify(e).subs(probe)))

    named = []
    if photon is not None:
        named.append(("A", sp.Integer(0), photon))
    taken = set()
    if iw is not None:
        rest = [(k, abs(num(u[iw]))) for k, (val, u) in enumerate(vecs) if val != 0]
        if rest and max(r[1] for r in rest) > 1e-12:
            k = max(rest, key=lambda t: t[1])[0]
            val, u = vecs[k]
            named.append(("Z", val, u if num(u[iw]) > 0 else [-x for x in u]))
            taken.add(k)
    for k, (val, u) in enumerate(vecs):
        if k in taken:
            continue
        j = max(range(len(u)), key=lambda i: abs(num(u[i])))
        named.append((basis[j], val, u if num(u[j]) > 0 else [-x for x in u]))
    return basis, named


def broken_couplings(ac: AnomalyCouplings, target) -> BrokenCouplings:
    """Project :class:`AnomalyCouplings` on the mass eigenstates of the broken phase.

    The neutral bosons (``W3``, ``B``, other U(1)s) are rotated with the orthonormal
    eigenvectors of the neutral block of the gauge-boson mass matrix of ``target``;
    X–Z mass mixing is included when the matrix has it.  Signs: the photon has a
    positive ``B`` component, the Z a positive ``W3`` component, so
    ``A = s_W W3 + c_W B`` and ``Z = c_W W3 − s_W B`` with ``c_W = g/sqrt(g² + g'²)``
    read off the eigenvectors.

    Parameters
    ----------
    ac : AnomalyCouplings
        Couplings of the unbroken phase.
    target : breaking.Vacuum or breaking.GaugeMassMatrix
        The vacuum (its mass matrix is built with the couplings' symbols) or the
        mass matrix itself.

    Returns
    -------
    BrokenCouplings
        Couplings to the neutral mass eigenstates, ``W+ W-`` and the gluons.

    Examples
    --------
    >>> import sympy as sp, anomalyalgebra as aa
    >>> from anomalyalgebra.breaking import vacuum
    >>> v = sp.Symbol("v", positive=True)
    >>> m = aa.load_model("sm_x_tau")
    >>> b = anomaly_couplings(m).broken(vacuum(m, {"H": v/sp.sqrt(2)}))
    >>> sp.factor(b.coefficient("Z", "A"))
    -g*g'*g_X*(alpha_L*g**2 - alpha_L*g'**2 + 2*alpha_R*g'**2)/(8*pi**2*(g**2 + g'**2))
    """
    from ..breaking import GaugeMassMatrix

    G = target if isinstance(target, GaugeMassMatrix) else _gauge_matrix(target, ac.couplings)
    return _broken_couplings(ac, G)


@lru_cache(maxsize=32)
def _gauge_matrix(vac, couplings):
    """The gauge-boson mass matrix of ``vac`` with the couplings' symbols (remembered:
    both arguments are immutable and compared by value)."""
    from ..breaking import gauge_mass_matrix

    return gauge_mass_matrix(vac, dict(couplings))


@lru_cache(maxsize=32)
def _broken_couplings(ac, G):
    basis, named = _neutral_states(G)
    weak, hyper = ac.weak, ac.hypercharge
    label_of = {"W3": weak, "B": hyper}
    # symmetric matrix of the bilinear form over the neutral gauge basis
    n = len(basis)
    K = sp.zeros(n, n)
    for a in range(n):
        for b in range(n):
            la, lb = label_of.get(basis[a], basis[a]), label_of.get(basis[b], basis[b])
            c = ac.coefficient(la, lb)
            K[a, b] = c if a == b else c / 2
    R = sp.Matrix([u for _, _, u in named])
    Kp = R * K * R.T
    names = [nm for nm, _, _ in named]
    coeffs = []
    for a in range(n):
        for b in range(a, n):
            c = sp.factor(simplify(Kp[a, b] if a == b else 2 * Kp[a, b]))
            if c != 0:
                coeffs.append(((names[b], names[a]) if a != b and names[a] == "A" else (names[a], names[b]), c))
    cww = ac.coefficient(weak, weak)
    if cww != 0 and "W1" in G.basis:
        coeffs.append((("W+", "W-"), sp.factor(2 * cww)))
    for (i, j), c in ac.coefficients:
        if i == j and i != weak and ac.kind(i) == "simple" and c != 0:
            coeffs.append((("G", "G") if i.lower().startswith("su3") else (i, i), c))
    states = tuple((nm, sp.factor(val)) for nm, val, _ in named)
    return BrokenCouplings(basis, states, sp.ImmutableMatrix(R), tuple(coeffs), ac.g_X, ac.m_X, ac.xi)
