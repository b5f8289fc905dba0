"""One spelling (British) per word; old public spellings stay as deprecated aliases (issue 20)."""

import pytest

import anomalyalgebra as aa
from anomalyalgebra.operators import accidental_symmetries, allowed_operators, uncoloured_fields


def test_old_spellings_warn_and_give_the_same_answer():
    from anomalyalgebra.operators import uncolored_fields

    m = aa.load_model("sm")
    with pytest.deprecated_call():
        assert uncolored_fields(m) == uncoloured_fields(m) == ("l", "e", "H")
    lag = allowed_operators(m, fields=uncoloured_fields, include_potential=False)
    with pytest.deprecated_call():
        old = lag.renormalizable()
    assert [str(t.operator) for t in old] == [str(t.operator) for t in lag.renormalisable()]
    with pytest.deprecated_call():
        a = accidental_symmetries(m, lag, flavour="diagonalize")
    assert a.group() == accidental_symmetries(m, lag).group() and a.n_u1 > 0
    with pytest.raises(aa.ModelError, match="'diagonalise' or 'generic'"):
        accidental_symmetries(m, lag, flavour="diagonal")


def test_no_american_spelling_in_public_names():
    import inspect

    import anomalyalgebra

    deprecated = {"uncolored_fields", "renormalizable"}
    bad = []
    for modname in ("anomalyalgebra", "anomalyalgebra.operators", "anomalyalgebra.breaking",
                    "anomalyalgebra.solve", "anomalyalgebra.eft", "anomalyalgebra.pheno"):
        mod = __import__(modname, fromlist=["x"])
        for name in getattr(mod, "__all__", []):
            obj = getattr(mod, name)
            names = [name] + [n for n, _ in inspect.getmembers(obj) if not n.startswith("_")] \
                if inspect.isclass(obj) else [name]
            bad += [n for n in names if n not in deprecated and
                    any(w in n.lower() for w in ("color", "diagonaliz", "normaliz", "flavor"))]
    assert bad == [] and anomalyalgebra
