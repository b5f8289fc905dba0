"""Reading a model from any supported source: the format dispatch of the io layer.

:func:`load_model` takes a built-in name, the package's TOML model files
(:mod:`anomalyalgebra.modelfile`) and the files of other tools, SARAH ``.m`` and
PyR@TE ``.model``/``.yaml`` (:mod:`anomalyalgebra.interop`).  It sits above both, so
that neither of them imports the other's readers.
"""

from __future__ import annotations

import os
from pathlib import Path

from .interop import FORMATS, read_model_file
from .model import Model
from .modelfile import builtin_models, load_model as _load_toml

__all__ = ["load_model", "as_model"]


def _other_tools_suffix(path: Path) -> bool:
    """Whether the suffix of ``path`` is that of a SARAH or PyR@TE file."""
    return any(path.suffix.lower() in suffixes for fmt, suffixes in FORMATS.items() if fmt != "toml")


def load_model(name_or_path, *, format=None, **options) -> Model:
    """Load a built-in model by name, or a model file by path, in any supported format.

    Parameters
    ----------
    name_or_path : str or os.PathLike
        A built-in name (see :func:`~anomalyalgebra.modelfile.builtin_models`) or the
        path of a model file: ``.toml``, a SARAH file ``.m`` or a PyR@TE file
        ``.model``/``.yaml`` (read by :mod:`anomalyalgebra.interop`; the declared terms
        are dropped here, see :func:`anomalyalgebra.interop.read_model_file` to keep them).
    format : {"toml", "sarah", "pyrate"}, optional
        Overrides the choice by suffix.
    **options
        Passed to the reader (PyR@TE: ``chirality``, ``default_chirality``).

    Returns
    -------
    Model
        The model, every representation read exactly (no ``eval``).

    Raises
    ------
    ModelFileError
        For a missing, unreadable or malformed file, a directory, a file larger than
        ``max_file_bytes`` (:mod:`anomalyalgebra.limits`), or anything that is neither
        a built-in name nor a path; the message names the file, field and key.

    Examples
    --------
    >>> m = load_model("tau_l_minus_4r")
    >>> m.name, len(m.fields)
    ('L = -4R', 16)
    """
    if isinstance(name_or_path, str) and name_or_path in builtin_models():
        return _load_toml(name_or_path, format=format, **options)
    if isinstance(name_or_path, (str, os.PathLike)) and os.fspath(name_or_path):
        path = Path(os.fspath(name_or_path))
        if format not in (None, "toml") or options or _other_tools_suffix(path):
            return read_model_file(path, format=format, **options).model
    return _load_toml(name_or_path, format=format, **options)


def as_model(model) -> Model:
    """A :class:`~anomalyalgebra.model.Model` unchanged, or a built-in name / model-file path loaded.

    For functions of the io layer and above that take a model, so that ``f("sm")``
    works and anything else raises a :class:`ModelFileError` that says what was expected.

    Parameters
    ----------
    model : Model, str or os.PathLike
        A model, a built-in name or the path of a model file (any supported format).

    Returns
    -------
    Model
        ``model`` itself, or the loaded model.

    Raises
    ------
    ModelFileError
        As :func:`load_model`.

    Examples
    --------
    >>> as_model("sm").name == as_model(load_model("sm")).name
    True
    >>> as_model(42)
    Traceback (most recent call last):
    ...
    anomalyalgebra.exceptions.ModelFileError: a model is a built-in name (anomalon_nplet, sm, sm_x_tau, tau_l_minus_4r, tau_l_only) or the path of a model file (.toml; .m: SARAH; .model or .yaml: PyR@TE), got 42
    """
    if isinstance(model, Model):
        return model
    return load_model(model)
