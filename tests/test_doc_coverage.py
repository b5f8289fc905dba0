"""Documentation coverage of the public API (numpydoc sections), measured by
``benchmarks/doc_coverage.py``: the measuring rules are tested on small functions
with known defects, and the package's figure is held above its floor."""

import importlib.util
import sys
from pathlib import Path

from anomalyalgebra.exceptions import ModelError, ModelFileError

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "doc_coverage.py"
_spec = importlib.util.spec_from_file_location("doc_coverage", _PATH)
doc_coverage = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("doc_coverage", doc_coverage)
_spec.loader.exec_module(doc_coverage)

#: Share of the public callables that take arguments whose docstring has every
#: numpydoc section that applies (see the script's docstring for the rules).
FLOOR = 0.90


def _problems(func, bound=False):
    entry = doc_coverage.Entry("m", func.__name__, "function", False)
    doc_coverage._check_function(func, bound=bound, entry=entry)
    return entry.takes_args, entry.problems


def complete(x, y=1):
    """Add.

    Parameters
    ----------
    x, y : int
        The terms.

    Returns
    -------
    int
        The sum.

    Raises
    ------
    ModelError
        If ``x`` is negative.
    """
    if x < 0:
        raise ModelError("negative")
    return x + y


def no_returns(x):
    """Double.

    Parameters
    ----------
    x : int
        The number.
    """
    return 2 * x


def missing_parameter(x, *args, scale=1):
    """Scale.

    Parameters
    ----------
    x : int
        The number.
    *args
        Ignored.

    Returns
    -------
    int
        The product.
    """
    return x * scale


def undocumented_raise(path):
    """Read.

    Parameters
    ----------
    path : str
        The file.

    Returns
    -------
    str
        Its text.

    Raises
    ------
    ValueError
        Not what is raised.
    """
    if not path:
        raise ModelFileError("empty", path=path)
    return path


def base_class_documented(path):
    """Read.

    Parameters
    ----------
    path : str
        The file.

    Raises
    ------
    ModelError
        A base class of what is raised.
    """
    if not path:
        raise ModelFileError("empty", path=path)


def generator(n):
    """Count.

    Parameters
    ----------
    n : int
        How far.

    Returns
    -------
    int
        Wrong section for a generator.
    """
    yield from range(n)


def nested_yield(n):
    """Collect.

    Parameters
    ----------
    n : int
        How far.

    Returns
    -------
    list
        The numbers.
    """
    def inner():
        yield from range(n)

    return list(inner())


def no_arguments():
    return 1


def test_rules_accept_a_complete_docstring():
    assert _problems(complete) == (True, [])


def test_rules_flag_each_missing_section():
    assert _problems(no_returns) == (True, ["no Returns"])
    assert _problems(missing_parameter) == (True, ["Parameters lacks scale"])
    assert _problems(undocumented_raise) == (True, ["Raises lacks ModelFileError"])
    assert _problems(generator) == (True, ["no Yields"])
    assert _problems(no_arguments) == (False, [])


def test_rules_follow_the_exception_hierarchy_and_nesting():
    # documenting ModelError covers a raised ModelFileError (its subclass)
    assert _problems(base_class_documented) == (True, [])
    # a yield inside a nested function does not make the outer one a generator
    assert _problems(nested_yield) == (True, [])


def test_paper_and_private_modules_are_not_counted():
    mods = doc_coverage.public_modules()
    assert "anomalyalgebra.eft.couplings" in mods
    assert not [m for m in mods if m.startswith("anomalyalgebra.paper")]
    assert not [m for m in mods if any(p.startswith("_") for p in m.split("."))]


def test_public_api_documentation_floor():
    entries = doc_coverage.collect()
    documented, counted, _ = doc_coverage.summarise(entries)["total"]
    assert counted > 300
    missing = [f"{e.module}:{e.qualname}: {'; '.join(e.problems)}"
               for e in entries if e.takes_args and not e.ok]
    assert documented / counted >= FLOOR, "\n".join(missing)


#: The main entry points: each carries runnable Examples (collected by
#: ``pytest --doctest-modules``).  Names as the sub-packages export them.
ENTRY_POINTS = [
    "anomalyalgebra.load_model", "anomalyalgebra.anomaly_table", "anomalyalgebra.anomaly_trace",
    "anomalyalgebra.solve.ConstraintSystem",
    "anomalyalgebra.operators.allowed_operators", "anomalyalgebra.operators.accidental_symmetries",
    "anomalyalgebra.operators.hilbert_series",
    "anomalyalgebra.breaking.vacuum", "anomalyalgebra.breaking.gauge_mass_matrix",
    "anomalyalgebra.breaking.fermion_masses", "anomalyalgebra.breaking.model_fermion_masses",
    "anomalyalgebra.breaking.majorana_masses", "anomalyalgebra.breaking.diagonalise_2x2",
    "anomalyalgebra.breaking.perturbative_svd", "anomalyalgebra.breaking.seesaw",
    "anomalyalgebra.eft.anomaly_couplings", "anomalyalgebra.eft.broken_couplings",
    "anomalyalgebra.eft.from_traces", "anomalyalgebra.eft.zgamma_width",
    "anomalyalgebra.interop.sarah.loads_sarah", "anomalyalgebra.interop.pyrate.loads_pyrate",
    "anomalyalgebra.interop.sarah.read_sarah", "anomalyalgebra.interop.pyrate.read_pyrate",
    "anomalyalgebra.interop.convert_text", "anomalyalgebra.export.dumps",
    "anomalyalgebra.export.to_latex", "anomalyalgebra.export.python_module",
    "anomalyalgebra.export.c_code",
]


def test_entry_points_have_examples():
    import importlib
    import inspect

    from numpydoc.docscrape import NumpyDocString

    without = []
    for dotted in ENTRY_POINTS:
        module, _, name = dotted.rpartition(".")
        obj = getattr(importlib.import_module(module), name)
        examples = "\n".join(NumpyDocString(inspect.getdoc(obj) or "")["Examples"])
        if ">>>" not in examples:
            without.append(dotted)
    assert without == []
