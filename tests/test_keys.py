"""Key validation goes through one helper (exceptions.check_keys) and one typed error (issue 20)."""

import pytest

import anomalyalgebra as aa
from anomalyalgebra.exceptions import ModelFileError, UnknownKeyError

BASE = '''name = "toy"
[groups]
X = "U(1)"
[symbols]
a = { real = true }
[fields.psi]
spin = "1/2"
chirality = "L"
reps = { X = "a" }
'''


@pytest.mark.parametrize("old, new, key", [
    ('name = "toy"', 'name = "toy"\ncolour = 3', "colour"),                        # top level
    ('X = "U(1)"', 'X = { group = "U(1)", gaged = false }', "groups.X.gaged"),     # group table
    ('a = { real = true }', 'a = { real = true, reel = true }', "symbols.a.reel"),  # symbol options
    ('chirality = "L"', 'chirality = "L"\nflavor = 3', "flavor"),                  # field table
])
def test_every_table_refuses_unknown_keys_with_one_error_type(old, new, key):
    assert aa.loads_model(BASE).name == "toy"
    with pytest.raises(UnknownKeyError) as err:
        aa.loads_model(BASE.replace(old, new))
    assert isinstance(err.value, ModelFileError) and err.value.key == key
    assert "allowed: [" in str(err.value) and repr(key.rsplit(".", 1)[-1]) in str(err.value)
