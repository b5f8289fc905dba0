"""Reading and converting model files by format (the dispatch behind :mod:`anomalyalgebra.interop`)."""

from __future__ import annotations

from pathlib import Path

from ..exceptions import ModelFileError
from .imported import FORMATS, ImportedModel, read_text

__all__ = ["format_of", "read_model_file", "loads_model_text", "convert_text", "convert_file"]


def format_of(path, format=None) -> str:
    """The format of a model file: ``format`` if given, else from the suffix.

    Parameters
    ----------
    path : str or os.PathLike
        The file (only its suffix is looked at, case-insensitively).
    format : {"sarah", "pyrate", "toml"}, optional
        The format, checked and returned as given.

    Returns
    -------
    str
        ``"sarah"`` (``.m``), ``"pyrate"`` (``.model``, ``.yaml``, ``.yml``) or
        ``"toml"`` (``.toml``).

    Raises
    ------
    ModelFileError
        For an unknown ``format``, or a suffix that selects none.

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

    Parameters
    ----------
    path : str or os.PathLike
        The model file (UTF-8).
    format : {"sarah", "pyrate", "toml"}, optional
        Default: from the suffix (:func:`format_of`).
    **options
        Passed to the reader (PyR@TE only: ``chirality``, ``default_chirality``).

    Returns
    -------
    ImportedModel
        The model with its declared terms and the reader's notes; the model is named
        after the file's stem.

    Raises
    ------
    ModelFileError
        If the format cannot be told, the file does not exist or cannot be read, or
        its content is malformed (the message names the file and the line).
    """
    fmt = format_of(path, format)
    p, text = read_text(path)        # refuses a missing or special file, names a symlink loop
    return loads_model_text(text, fmt, path=p, name=p.stem, trust_latex=trust_latex, **options)


def loads_model_text(text: str, format: str, *, path="<string>", name="model", trust_latex=False,
                     **options) -> ImportedModel:
    r"""Read model-file text in ``format``.

    Parameters
    ----------
    text : str
        The file's text.
    format : {"sarah", "pyrate", "toml"}
        The format of the text.
    path : str or os.PathLike, optional
        Shown in error messages (default ``"<string>"``).
    name : str, optional
        Name of the model (SARAH and PyR@TE files carry none; default ``"model"``).
    **options
        PyR@TE only: ``chirality``, ``default_chirality``.

    Returns
    -------
    ImportedModel
        The model and what the file declares beside it.

    Raises
    ------
    ModelFileError
        For an unknown format, options given for SARAH or TOML, or malformed text.

    Examples
    --------
    >>> imp = loads_model_text("Groups: {U1Y: U1}\nFermions: {e: {Gen: 1, Qnb: {U1Y: -1}}}", "pyrate")
    >>> imp.format, [f.name for f in imp.model.fields]
    ('pyrate', ['e'])
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
    """Write an imported model (or a Model) in the format ``to``; see :mod:`.convert`.

    Parameters
    ----------
    imported : ImportedModel or Model
        What to write.
    to : {"sarah", "pyrate", "toml"}
        The output format.
    lossy : bool, optional
        Drop what the target cannot express (listed by
        :func:`~anomalyalgebra.interop.convert.conversion_losses`); by default such a
        conversion is refused.

    Returns
    -------
    str
        The model-file text.

    Raises
    ------
    ModelError
        For an unknown target, when the target cannot express part of the model and
        ``lossy`` is false (the message lists what), or cannot express it at all (a
        group or name the format has no way to write).

    Examples
    --------
    >>> import anomalyalgebra as aa
    >>> text = convert_text(aa.load_model("sm"), "pyrate")
    >>> [f.name for f in loads_model_text(text, "pyrate").model.fields]
    ['q', 'u', 'd', 'l', 'e', 'H']
    """
    from .convert import convert_text as _convert

    return _convert(imported, to, lossy=lossy)


def convert_file(path, to: str, *, format=None, lossy: bool = False, **options) -> str:
    """Read a model file and return its text in the format ``to``.

    Parameters
    ----------
    path : str or os.PathLike
        The model file.
    to : {"sarah", "pyrate", "toml"}
        The output format.
    format : {"sarah", "pyrate", "toml"}, optional
        Format of the input (default: from the suffix).
    lossy : bool, optional
        As in :func:`convert_text`.
    **options
        Passed to the reader (PyR@TE only).

    Returns
    -------
    str
        The model-file text.

    Raises
    ------
    ModelFileError
        If the file cannot be read.
    ModelError
        As :func:`convert_text`.
    """
    return convert_text(read_model_file(path, format=format, **options), to, lossy=lossy)
