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


def read_model_file(path, *, format=None, trust_latex=False, **options) -> ImportedModel:
    """Read a SARAH, PyR@TE or TOML model file into an :class:`ImportedModel`.

    ``options`` go to the reader (PyR@TE: ``chirality``, ``default_chirality``).  The
    LaTeX names of the fields of a SARAH or PyR@TE file are escaped (they are text, not
    LaTeX we wrote) unless ``trust_latex=True``; see :func:`loads_model_text`.
    """
    fmt = format_of(path, format)
    p, text = read_text(path)        # refuses a missing or special file, names a symlink loop
    return loads_model_text(text, fmt, path=p, name=p.stem, trust_latex=trust_latex, **options)


def loads_model_text(text: str, format: str, *, path="<string>", name="model", trust_latex=False,
                     **options) -> ImportedModel:
    """Read model-file text in ``format`` (``"sarah"``, ``"pyrate"`` or ``"toml"``).

    Parameters
    ----------
    text : str
    format : {"sarah", "pyrate", "toml"}
    path, name : str, optional
        For messages, and the model's name when the file gives none.
    trust_latex : bool, optional
        Our own TOML model files are trusted LaTeX: their ``latex`` strings are typeset
        as written.  The LaTeX names of the fields of a SARAH or PyR@TE file are text
        from elsewhere and are escaped (:func:`anomalyalgebra.tables.latex_escape`, so
        ``Q_L`` prints as "Q_L" and no command in it runs) unless this is ``True``.
    **options
        Passed to the PyR@TE reader (``chirality``, ``default_chirality``).

    Returns
    -------
    ImportedModel

    Raises
    ------
    ModelFileError
        For malformed text; the message names the line.
    """
    fmt = format_of(path, format)
    if fmt != "pyrate" and options:
        raise ModelFileError(f"option(s) {sorted(options)} apply to PyR@TE files only", path=path)
    if fmt == "sarah":
        from .sarah import loads_sarah

        imp = loads_sarah(text, path=path, name=name)
    elif fmt == "pyrate":
        from .pyrate import loads_pyrate

        imp = loads_pyrate(text, path=path, name=name, **options)
    else:
        from ..modelfile import loads_model

        return ImportedModel(model=loads_model(text, path=path), format="toml", path=str(path))
    return imp if trust_latex else _escape_latex_names(imp)


def _escape_latex_names(imp: ImportedModel) -> ImportedModel:
    """The imported model with every field's LaTeX name escaped (math mode)."""
    import dataclasses

    from ..tables import latex_escape

    def escaped(model):
        if model is None:
            return None
        fields = tuple(dataclasses.replace(f, latex=latex_escape(f.latex, math=True)) for f in model.fields)
        return dataclasses.replace(model, fields=fields, symbol_latex=tuple(
            (k, latex_escape(v, math=True)) for k, v in model.symbol_latex))

    return dataclasses.replace(imp, model=escaped(imp.model), superfields=escaped(imp.superfields))


def convert_text(imported, to: str, *, lossy: bool = False) -> str:
    """Write an imported model (or a Model) in the format ``to``; see :mod:`.convert`."""
    from .convert import convert_text as _convert

    return _convert(imported, to, lossy=lossy)


def convert_file(path, to: str, *, format=None, lossy: bool = False, **options) -> str:
    """Read a model file and return its text in the format ``to``."""
    return convert_text(read_model_file(path, format=format, **options), to, lossy=lossy)
