"""Reading and converting model files by format (the dispatch behind :mod:`anomalyalgebra.interop`)."""

from __future__ import annotations

from pathlib import Path

from ..exceptions import ModelFileError
from .imported import FORMATS, ImportedModel, read_text

__all__ = ["format_of", "read_model_file", "loads_model_text", "convert_text", "convert_file"]


def format_of(path, format=None) -> str:
    """The format of a model file: ``format`` if given, else from the suffix.

    Examples
    --------
    >>> format_of("models/SM.model"), format_of("x.m"), format_of("x.txt", "toml")
    ('pyrate', 'sarah', 'toml')
    """
    if format is not None:
        if format not in FORMATS:
            raise ModelFileError(f"unknown format {format!r} (formats: {', '.join(FORMATS)})", path=path)
        return format
    suffix = Path(str(path)).suffix.lower()
    for fmt, suffixes in FORMATS.items():
        if suffix in suffixes:
            return fmt
    raise ModelFileError(f"cannot tell the format from the suffix {suffix!r}; give one of"
                         f" {', '.join(FORMATS)} (suffixes {', '.join(s for v in FORMATS.values() for s in v)})",
                         path=path)


def read_model_file(path, *, format=None, **options) -> ImportedModel:
    """Read a SARAH, PyR@TE or TOML model file into an :class:`ImportedModel`.

    ``options`` go to the reader (PyR@TE: ``chirality``, ``default_chirality``).
    """
    fmt = format_of(path, format)
    if not Path(path).is_file():
        raise ModelFileError("no such file", path=Path(path))
    p, text = read_text(path)
    return loads_model_text(text, fmt, path=p, name=p.stem, **options)


def loads_model_text(text: str, format: str, *, path="<string>", name="model", **options) -> ImportedModel:
    """Read model-file text in ``format`` (``"sarah"``, ``"pyrate"`` or ``"toml"``)."""
    fmt = format_of(path, format)
    if fmt != "pyrate" and options:
        raise ModelFileError(f"option(s) {sorted(options)} apply to PyR@TE files only", path=path)
    if fmt == "sarah":
        from .sarah import loads_sarah

        return loads_sarah(text, path=path, name=name)
    if fmt == "pyrate":
        from .pyrate import loads_pyrate

        return loads_pyrate(text, path=path, name=name, **options)
    from ..modelfile import loads_model

    return ImportedModel(model=loads_model(text, path=path), format="toml", path=str(path))


def convert_text(imported, to: str, *, lossy: bool = False) -> str:
    """Write an imported model (or a Model) in the format ``to``; see :mod:`.convert`."""
    from .convert import convert_text as _convert

    return _convert(imported, to, lossy=lossy)


def convert_file(path, to: str, *, format=None, lossy: bool = False, **options) -> str:
    """Read a model file and return its text in the format ``to``."""
    return convert_text(read_model_file(path, format=format, **options), to, lossy=lossy)
