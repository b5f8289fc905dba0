"""Field records: a Weyl fermion or a complex scalar with its representations.

A :class:`Field` is listed exactly as the paper's tables list it: a Weyl fermion is
left-handed (Lorentz ``(1/2, 0)``, chirality ``"L"``) or right-handed (``(0, 1/2)``,
``"R"``) with its own representations; nothing is converted to a left-handed basis
behind the user's back.  A complex scalar has spin 0 and no chirality.  Models
(:class:`anomalyalgebra.model.Model`) are built from these records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

import sympy as sp

from .exceptions import ModelError

__all__ = ["Field", "fermion", "scalar", "is_identifier"]

_LABEL_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\Z")   # \Z: "$" would accept a final newline
_HALF = sp.Rational(1, 2)


def is_identifier(text) -> bool:
    """Whether ``text`` is a valid field name or group label (letters, digits, ``_``).

    Parameters
    ----------
    text : object
        The candidate name.

    Returns
    -------
    bool
        ``True`` for a string of letters, digits and underscores that does not start
        with a digit (and has no trailing newline).

    Examples
    --------
    >>> is_identifier("SU2L"), is_identifier("2x"), is_identifier("Y\\n")
    (True, False, False)
    """
    return isinstance(text, str) and _LABEL_RE.match(text) is not None


@dataclass(frozen=True)
class Field:
    """A Weyl fermion or a complex scalar, with one representation per group label.

    Parameters
    ----------
    name : str
        Identifier used in code and model files (``"l3"``).
    spin : sympy.Rational
        ``1/2`` for a Weyl fermion, ``0`` for a complex scalar.
    chirality : {"L", "R", None}
        Chirality of a fermion as listed in the paper's tables; ``None`` for scalars.
    reps : tuple of (label, representation)
        Representation under each group factor, in the model's group order.
    copies : int
        Number of identical copies (generations).
    latex : str
        LaTeX name, e.g. ``r"\\ell_L^3"``.

    Raises
    ------
    ModelError
        If the name is not an identifier, the spin is not 1/2 or 0, the chirality
        does not fit the spin, or ``copies`` is not a positive integer.

    Examples
    --------
    >>> f = fermion("l3", "L", {"SU2L": "2", "Y": "-1/2"})
    >>> f.is_fermion, f.chirality, f.rep("Y")
    (True, 'L', '-1/2')
    """

    name: str
    spin: sp.Rational
    chirality: str | None
    reps: tuple
    copies: int = 1
    latex: str = ""

    def __post_init__(self):
        if not is_identifier(self.name):
            raise ModelError(f"field name {self.name!r} must be an identifier (letters, digits, _)")
        spin = sp.Rational(self.spin)
        object.__setattr__(self, "spin", spin)
        if spin == _HALF:
            if self.chirality not in ("L", "R"):
                raise ModelError(
                    f"field '{self.name}': a Weyl fermion needs chirality \"L\" or \"R\","
                    f" got {self.chirality!r}"
                )
        elif spin == 0:
            if self.chirality is not None:
                raise ModelError(
                    f"field '{self.name}': a scalar has no chirality (got {self.chirality!r})"
                )
        else:
            raise ModelError(
                f"field '{self.name}': spin must be 1/2 (Weyl fermion) or 0 (complex scalar),"
                f" got {self.spin!r}"
            )
        if isinstance(self.copies, bool) or not isinstance(self.copies, int) or self.copies < 1:
            raise ModelError(f"field '{self.name}': copies must be a positive integer, got {self.copies!r}")
        object.__setattr__(self, "reps", tuple((str(k), v) for k, v in self.reps))
        if not self.latex:
            object.__setattr__(self, "latex", self.name)

    @property
    def is_fermion(self) -> bool:
        return self.spin == _HALF

    @property
    def is_scalar(self) -> bool:
        return self.spin == 0

    @property
    def rep_map(self) -> dict:
        return dict(self.reps)

    def rep(self, label: str):
        """The representation under the factor ``label``.

        Parameters
        ----------
        label : str
            A group label.

        Returns
        -------
        object
            The irrep or charge (as given; :meth:`Model.build` reads strings).

        Raises
        ------
        ModelError
            If the field has no representation under ``label``.
        """
        for k, v in self.reps:
            if k == label:
                return v
        raise ModelError(f"field '{self.name}' has no representation under '{label}'")

    def _latex(self, printer=None) -> str:
        return self.latex

    def __str__(self) -> str:
        return self.name


def fermion(name, chirality, reps: Mapping, *, copies=1, latex="") -> Field:
    """Shorthand for a Weyl fermion; ``reps`` maps labels to representations.

    Representations are given as objects (irreps, sympy expressions, integers) or as
    the same strings a model file uses; :meth:`Model.build` reads the strings.

    Parameters
    ----------
    name : str
        Field name (an identifier).
    chirality : {"L", "R"}
        Left-handed ``(1/2, 0)`` or right-handed ``(0, 1/2)``.
    reps : mapping
        ``{group label: representation}``.
    copies : int, optional
        Number of generations (default 1).
    latex : str, optional
        LaTeX name (default: the name).

    Returns
    -------
    Field
        A Weyl fermion.

    Raises
    ------
    ModelError
        As :class:`Field`.

    Examples
    --------
    >>> fermion("e", "R", {"Y": "-1"}, copies=3).copies
    3
    """
    return Field(name, _HALF, chirality, tuple(reps.items()), copies, latex)


def scalar(name, reps: Mapping, *, copies=1, latex="") -> Field:
    """Shorthand for a complex scalar.

    Parameters
    ----------
    name : str
        Field name (an identifier).
    reps : mapping
        ``{group label: representation}``.
    copies : int, optional
        Number of copies (default 1).
    latex : str, optional
        LaTeX name (default: the name).

    Returns
    -------
    Field
        A spin-0 field without chirality.

    Raises
    ------
    ModelError
        As :class:`Field`.
    """
    return Field(name, sp.Integer(0), None, tuple(reps.items()), copies, latex)
