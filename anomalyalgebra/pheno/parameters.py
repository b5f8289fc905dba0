"""The numerical inputs of the X-boson observables: one documented, overridable set.

The defaults live in the data file ``anomalyalgebra/data/parameters.toml``; each entry
has a value (read *exactly*, as a sympy ``Rational``), a unit, a source and a year.
:func:`default_parameters` returns a frozen :class:`Parameters`; change any input
with :meth:`Parameters.replace`, which returns a new object and records the override.

Optionally, the masses and widths of particles can be taken from the PDG tables
shipped by the ``particle`` package (scikit-hep, https://pypi.org/project/particle/),
imported lazily by :func:`particle_parameters`.  The typed-in defaults stay the
fallback, so the core keeps no extra dependency.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace as _dc_replace
from functools import lru_cache
from importlib import resources

import sympy as sp

from ..exceptions import AnomalyAlgebraError, MissingDependencyError

__all__ = [
    "Parameter",
    "Parameters",
    "UnknownParameterError",
    "default_parameters",
    "parameters_from_toml",
    "particle_parameters",
    "PARTICLE_PDG_IDS",
]


class UnknownParameterError(AnomalyAlgebraError, KeyError):
    """A parameter name is not in the parameter set; the message lists the known names."""

    def __str__(self):  # KeyError would otherwise quote the whole message
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Parameter:
    """One numerical input with its provenance.

    Attributes
    ----------
    name : str
        Key in the parameter set (``"m_Z"``, ``"wolfenstein_lambda"``, ...).
    value : sympy.Rational
        Exact value (decimal strings are read as rationals, no rounding).
    unit : str
        ``"GeV"``, ``"GeV^-2"``, ``"GeV s"`` or ``"1"``.
    source : str
        Where the number comes from.
    year : int
        Year of the source.
    uncertainty : sympy.Rational or None
        One-sigma uncertainty where the source quotes one.
    note : str
        Anything a user should know (confidence level, scheme, ...).

    Examples
    --------
    >>> p = default_parameters()["m_Z"]
    >>> p.value, p.unit, p.year
    (22797/250, 'GeV', 2024)
    """

    name: str
    value: sp.Rational
    unit: str
    source: str
    year: int
    uncertainty: sp.Rational | None = None
    note: str = ""

    def __float__(self):
        return float(self.value)


def _exact(x) -> sp.Expr:
    """Exact sympy number from str/int/Fraction/Rational; floats via their repr."""
    if isinstance(x, sp.Basic):
        return x
    if isinstance(x, float):
        x = repr(x)
    return sp.Rational(x) if isinstance(x, (str, int)) else sp.nsimplify(x)


@dataclass(frozen=True)
class Parameters:
    """A frozen, ordered set of :class:`Parameter` records.

    Index by name to get the record; :meth:`value` gives the exact number and
    :meth:`float` a Python float.  :meth:`replace` returns a new set.

    Parameters
    ----------
    items : tuple of Parameter
        The records, in file order; names must be unique.
    label : str, optional
        Where the set comes from (``"default"``, ``"...+overrides"``).

    Examples
    --------
    >>> P = default_parameters()
    >>> P.value("m_t")
    17257/100
    >>> Q = P.replace(m_t=163, m_b="4.2")
    >>> Q.value("m_t"), Q["m_t"].source, P.value("m_t")
    (163, 'user override', 17257/100)
    >>> P.replace(m_top=1)
    Traceback (most recent call last):
    ...
    anomalyalgebra.pheno.parameters.UnknownParameterError: unknown parameter 'm_top'; known: ...
    """

    items: tuple[Parameter, ...]
    label: str = "default"
    _index: dict = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self):
        object.__setattr__(self, "_index", {p.name: p for p in self.items})

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self._index[name]
        except KeyError:
            raise UnknownParameterError(
                f"unknown parameter '{name}'; known: {', '.join(self.names())}"
            ) from None

    def __contains__(self, name) -> bool:
        return name in self._index

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def names(self) -> list[str]:
        """Parameter names in file order."""
        return [p.name for p in self.items]

    def value(self, name: str) -> sp.Expr:
        """Exact value of parameter ``name``.

        Parameters
        ----------
        name : str
            A parameter name.

        Returns
        -------
        sympy.Rational
            The value, in the parameter's unit.

        Raises
        ------
        UnknownParameterError
            If ``name`` is not in the set.
        """
        return self[name].value

    def float(self, name: str) -> float:
        """Value of parameter ``name`` as a Python float.

        Parameters
        ----------
        name : str
            A parameter name.

        Returns
        -------
        float
            The value, in the parameter's unit.

        Raises
        ------
        UnknownParameterError
            If ``name`` is not in the set.
        """
        return float(self[name].value)

    def replace(self, **overrides) -> "Parameters":
        """New parameter set with some values replaced.

        A value may be a number, a decimal string (read exactly) or a full
        :class:`Parameter`.  Plain values keep the unit and get ``source="user
        override"`` and no uncertainty.

        Parameters
        ----------
        **overrides : number, str or Parameter
            ``name=value`` for each parameter to replace.

        Returns
        -------
        Parameters
            A new set labelled ``"<label>+overrides"``; this one is unchanged.

        Raises
        ------
        UnknownParameterError
            If a name is not in the set.
        """
        new = {}
        for name, val in overrides.items():
            old = self[name]
            if isinstance(val, Parameter):
                new[name] = _dc_replace(val, name=name)
            else:
                new[name] = Parameter(
                    name, _exact(val), old.unit, "user override", old.year, None,
                    f"was {old.value} ({old.source})",
                )
        items = tuple(new.get(p.name, p) for p in self.items)
        return Parameters(items, label=self.label + "+overrides")

    def merged(self, other: "Parameters") -> "Parameters":
        """This set plus the parameters of ``other``, which must all be new names.

        Parameters
        ----------
        other : Parameters

        Returns
        -------
        Parameters
            Labelled ``"<label>+<other label>"``.

        Raises
        ------
        AnomalyAlgebraError
            If a name is in both sets.
        """
        both = sorted(set(self.names()) & set(other.names()))
        if both:
            raise AnomalyAlgebraError(f"parameter(s) {both} are in both sets; use replace() to change a value")
        return Parameters(self.items + other.items, label=f"{self.label}+{other.label}")

    def as_dict(self) -> dict[str, sp.Expr]:
        """``{name: exact value}``."""
        return {p.name: p.value for p in self.items}

    def table(self) -> str:
        """Plain-text table: name, value, unit, source, year.

        Examples
        --------
        >>> print(default_parameters().table().splitlines()[0])
        name | value | unit | source | year
        """
        rows = ["name | value | unit | source | year"]
        for p in self.items:
            rows.append(f"{p.name} | {sp.N(p.value, 10)} | {p.unit} | {p.source} | {p.year}")
        return "\n".join(rows)


def parameters_from_toml(text: str, *, label: str) -> Parameters:
    """A parameter set from TOML text in the format of ``anomalyalgebra/data/parameters.toml``.

    Parameters
    ----------
    text : str
        One table per parameter: ``value`` (decimal string, read exactly), ``unit``,
        ``source``, ``year`` and optionally ``uncertainty`` and ``note``.
    label : str
        Name of the set.

    Returns
    -------
    Parameters

    Examples
    --------
    >>> P = parameters_from_toml('[m_X]\\nvalue = "2.1"\\nunit = "GeV"\\nsource = "a choice"\\nyear = 2024', label="mine")
    >>> P.value("m_X"), P["m_X"].source
    (21/10, 'a choice')
    """
    data = tomllib.loads(text)
    items = []
    for name, entry in data.items():
        unc = entry.get("uncertainty")
        items.append(
            Parameter(
                name=name,
                value=sp.Rational(entry["value"]),
                unit=entry["unit"],
                source=entry["source"],
                year=int(entry["year"]),
                uncertainty=None if unc is None else sp.Rational(unc),
                note=entry.get("note", ""),
            )
        )
    return Parameters(tuple(items), label=label)


@lru_cache(maxsize=1)
def _load_default() -> Parameters:
    text = resources.files("anomalyalgebra").joinpath("data/parameters.toml").read_text("utf-8")
    return parameters_from_toml(text, label="default (PDG 2024 and the measured inputs of the fit)")


def default_parameters() -> Parameters:
    """The documented default inputs (``anomalyalgebra/data/parameters.toml``).

    Returns
    -------
    Parameters
        Frozen; use :meth:`Parameters.replace` to override.

    Examples
    --------
    >>> P = default_parameters()
    >>> P["sin2_theta_W"].source
    'PDG 2024, electroweak review, MS-bar sin^2(theta_W)(m_Z)'
    >>> round(P.float("v"), 2)
    246.22
    """
    return _load_default()


#: PDG Monte-Carlo ids of the parameters :func:`particle_parameters` can take from
#: the ``particle`` package (name -> (pdgid, "mass" or "width")).
PARTICLE_PDG_IDS = {
    "m_Z": (23, "mass"),
    "Gamma_Z": (23, "width"),
    "m_W": (24, "mass"),
    "m_t": (6, "mass"),
    "m_b": (5, "mass"),
    "m_c": (4, "mass"),
    "m_s": (3, "mass"),
    "m_u": (2, "mass"),
    "m_pi": (211, "mass"),
    "m_tau": (15, "mass"),
}


def particle_parameters(base: Parameters | None = None) -> Parameters:
    """Masses and widths from the PDG table shipped by the ``particle`` package.

    Only the entries of :data:`PARTICLE_PDG_IDS` are taken from ``particle``
    (couplings, CKM and the fit inputs are not in its tables); everything else
    comes from ``base`` (default: :func:`default_parameters`).

    Parameters
    ----------
    base : Parameters, optional
        The set the PDG values are merged into.

    Returns
    -------
    Parameters
        ``base`` with the masses and widths replaced (converted from MeV to GeV
        exactly, source ``"particle <version> (PDG table ...)"``).

    Raises
    ------
    MissingDependencyError
        If ``particle`` is not installed (``pip install particle``).

    Examples
    --------
    >>> P = particle_parameters()
    >>> P["m_Z"].source.startswith("particle ")
    True
    >>> float(P.value("m_Z"))
    91.1879
    """
    try:
        import particle  # noqa: F401
        from particle import Particle
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependencyError(
            "particle_parameters() needs the optional package 'particle' "
            "(pip install particle); default_parameters() works without it"
        ) from exc
    base = default_parameters() if base is None else base
    tables = ", ".join(Particle.table_names()) if hasattr(Particle, "table_names") else "?"
    src = f"particle {particle.__version__} (PDG table {tables})"
    year = int("".join(c for c in tables if c.isdigit())[:4] or 0)
    new = {}
    for name, (pid, what) in PARTICLE_PDG_IDS.items():
        p = Particle.from_pdgid(pid)
        val = p.mass if what == "mass" else p.width
        if val is None:
            continue
        unc = p.mass_upper if what == "mass" else p.width_upper
        # particle stores MeV; keep the decimal digits exactly
        new[name] = Parameter(
            name, sp.Rational(repr(float(val))) / 1000, "GeV", src, year,
            None if unc is None else sp.Rational(repr(float(unc))) / 1000,
            base[name].note,
        )
    return base.replace(**new)
