"""Typed errors raised by anomalyalgebra.

Every error names what was wrong and where it was found, so that a user can fix a
model file or a call without reading the source.  All errors derive from
:class:`AnomalyAlgebraError`; errors about bad input also derive from
:class:`ValueError` so that generic ``except ValueError`` handlers keep working.
"""

from __future__ import annotations

__all__ = [
    "AnomalyAlgebraError",
    "GroupError",
    "UnknownRepresentationError",
    "AmbiguousRepresentationError",
    "ExpressionError",
    "ModelError",
    "ModelFileError",
    "UnknownKeyError",
    "check_keys",
    "InconsistentChargesError",
    "NoSolutionError",
    "MissingDependencyError",
    "LimitError",
    "UsageError",
]


class AnomalyAlgebraError(Exception):
    """Base class of every error raised by anomalyalgebra."""


class GroupError(AnomalyAlgebraError, ValueError):
    """A gauge or discrete group could not be understood (e.g. ``"SU(1)"``, ``"E9"``)."""


class UnknownRepresentationError(AnomalyAlgebraError, ValueError):
    """A representation name or Dynkin label does not denote an irrep of the group."""


class AmbiguousRepresentationError(UnknownRepresentationError):
    """A conventional irrep name matches several irreps; the message lists them.

    Parameters
    ----------
    message : str
        The error message.
    candidates : tuple, optional
        The matching irreps, kept as the attribute ``candidates``.
    """

    def __init__(self, message: str, candidates: tuple = ()):
        super().__init__(message)
        self.candidates = tuple(candidates)


class ExpressionError(AnomalyAlgebraError, ValueError):
    """A charge expression could not be parsed (bad syntax or undeclared symbol)."""


class ModelError(AnomalyAlgebraError, ValueError):
    """A model is inconsistent (unknown group label, duplicate field, bad chirality ...)."""


class ModelFileError(ModelError):
    """A model file is malformed.

    The message always starts with the file name and, where it applies, the field
    and the key that were wrong; the same pieces are kept as attributes.

    Parameters
    ----------
    message : str
        What was wrong (kept as the attribute ``reason``).
    path : str or Path, optional
        The file.
    field : str, optional
        The field (or table) of the file.
    key : str, optional
        The key inside the field.

    Examples
    --------
    >>> str(ModelFileError("not a number", path="m.toml", field="e", key="Y"))
    "m.toml, field 'e', key 'Y': not a number"
    """

    def __init__(self, message: str, *, path=None, field=None, key=None):
        where = []
        if path is not None:
            where.append(str(path))
        if field is not None:
            where.append(f"field '{field}'")
        if key is not None:
            where.append(f"key '{key}'")
        prefix = ": ".join([", ".join(where)]) + ": " if where else ""
        super().__init__(prefix + message)
        self.path = path
        self.field = field
        self.key = key
        self.reason = message


class UnknownKeyError(ModelFileError):
    """A table of a model file has keys that are not allowed; the message lists the allowed ones.

    Raised by :func:`check_keys`, the one key validation of the package.
    """


def check_keys(given, allowed, *, what: str = "key", where: str = "", path=None, field=None,
               key_prefix: str = "") -> None:
    """Refuse keys of ``given`` that are not in ``allowed``, naming them and the allowed ones.

    Parameters
    ----------
    given : iterable of str
        The keys found (a mapping's keys).
    allowed : iterable of str
        The keys allowed there.
    what : str
        The word for a key in the message (``"key"``, ``"top-level key"``, ``"option"``).
    where : str
        Where, appended to the message (``"in a group table"``).
    path, field : optional
        As for :class:`ModelFileError`.
    key_prefix : str
        Prepended to the first bad key for the error's ``key`` (``"groups.X."``).

    Raises
    ------
    UnknownKeyError
        If a key is not allowed.

    Examples
    --------
    >>> check_keys({"spin": 1}, {"spin", "reps"})
    >>> check_keys({"spin": 1, "colour": 3}, {"spin", "reps"}, field="q")
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.UnknownKeyError: field 'q', key 'colour': unknown key(s) ['colour']; allowed: ['reps', 'spin']
    """
    allowed = set(allowed)
    bad = sorted(set(given) - allowed)
    if bad:
        raise UnknownKeyError(f"unknown {what}(s) {bad}{' ' + where if where else ''}; allowed: {sorted(allowed)}",
                              path=path, field=field, key=key_prefix + bad[0])


class InconsistentChargesError(AnomalyAlgebraError, ValueError):
    """Charges contradict each other (e.g. a Z_N charge that is not an integer)."""


class NoSolutionError(AnomalyAlgebraError, ValueError):
    """A constraint system has no solution; the message names the conflicting conditions."""


class MissingDependencyError(AnomalyAlgebraError, ImportError):
    """An optional dependency is needed; the message names the extra to install."""


class LimitError(AnomalyAlgebraError, ValueError):
    """An input asks for more than a resource limit allows (see :mod:`anomalyalgebra.limits`).

    Parameters
    ----------
    message : str
        The error message (names the limit and how to raise it).
    limit : str, optional
        The name of the :class:`~anomalyalgebra.limits.Limits` field that was
        exceeded, kept as the attribute ``limit`` (``None`` when the limits
        themselves were mis-set).
    """

    def __init__(self, message: str, *, limit=None):
        super().__init__(message)
        self.limit = limit


class UsageError(AnomalyAlgebraError, ValueError):
    """A command or function was asked for something it does not offer (e.g. an unknown key)."""
