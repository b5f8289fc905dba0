"""Gauged or global group factors (issue 23, contract 1): the flag, the model's label
tuples, the model-file syntax and its round trip, the refusals, JSON and LaTeX."""

import json

import pytest

import anomalyalgebra as aa
from anomalyalgebra.cli import main
from anomalyalgebra.exceptions import GroupError, ModelFileError
from anomalyalgebra.groups import U1, ZN, SimpleFactor, parse_group
from anomalyalgebra.modelfile import dumps_model, loads_model
from anomalyalgebra.tables import field_table_array, field_table_latex, field_table_text

SRC = '''
name = "toy"
[groups]
SU3c = "SU(3)"
PQ = { group = "U(1)", gauged = false }
F = { group = "SU(2)", gauged = false }
Z3 = { group = "Z(3)", gauged = false }
Y = { group = "U(1)", gauged = true }
[fields.Q]
spin = "1/2"
chirality = "L"
reps = { SU3c = "3", PQ = "1", F = "2", Z3 = "1", Y = "0" }
[fields.Qc]
spin = "1/2"
chirality = "L"
reps = { SU3c = "3bar", PQ = "0", F = "1", Z3 = "0", Y = "0" }
'''


def test_flag_is_a_keyword_field_defaulting_to_gauged():
    assert U1().gauged is True and ZN(3).gauged is True
    assert U1(gauged=False) != U1()            # part of equality: a global U(1) is another factor
    assert hash(ZN(2, gauged=False)) != hash(ZN(2)) or ZN(2, gauged=False) != ZN(2)
    su3 = parse_group("SU(3)", gauged=False)
    assert isinstance(su3, SimpleFactor) and su3.gauged is False and su3.name == "SU(3)"
    assert parse_group("Z(4)", gauged=False) == ZN(4, gauged=False)
    assert repr(U1(gauged=False)) == "U1(gauged=False)" and repr(U1()) == "U1()"


@pytest.mark.parametrize("bad", [1, 0, "false", None])
def test_gauged_must_be_a_boolean_in_the_api(bad):
    with pytest.raises(GroupError, match="gauged"):
        parse_group("U(1)", gauged=bad)
    with pytest.raises(GroupError, match="gauged"):
        ZN(2, gauged=bad)


def test_model_labels_in_declared_order():
    m = loads_model(SRC)
    assert m.gauge_labels == ("SU3c", "Y")
    assert m.global_labels == ("PQ", "F", "Z3")
    assert m.group("PQ") == U1(gauged=False)
    assert m.group("Y") == U1()


def test_round_trip_is_exact_and_writes_the_table_form():
    m = loads_model(SRC)
    text = dumps_model(m)
    assert 'PQ = { group = \'U(1)\', gauged = false }' in text
    assert "Y = 'U(1)'" in text                 # gauged factors keep the plain form
    again = loads_model(text)
    assert again == m
    assert dumps_model(again) == text
    assert again.global_labels == ("PQ", "F", "Z3")


def test_builtin_tau_l_only_declares_the_z2s_global():
    m = aa.load_model("tau_l_only")
    assert m.global_labels == ("Z2A", "Z2tau")
    assert m.gauge_labels == ("SU3c", "SU2L", "Y", "X")
    assert loads_model(aa.dumps_model(m)) == m
    # tau_l_minus_4r has no discrete factor at all (Table IV of the seed paper)
    assert aa.load_model("tau_l_minus_4r").global_labels == ()
    assert aa.load_model("sm").global_labels == ()


@pytest.mark.parametrize("spec, key, words", [
    ('{ group = "U(1)", gauged = 0 }', "groups.PQ.gauged", "true or false"),
    ('{ group = "U(1)", gauged = "no" }', "groups.PQ.gauged", "true or false"),
    ('{ group = "U(1)", gaugd = false }', "groups.PQ.gaugd", "unknown key"),
    ('{ gauged = false }', "groups.PQ.group", "needs the key 'group'"),
    ('{ group = 3, gauged = false }', "groups.PQ.group", "must be a string"),
    ('{ group = "U(2)", gauged = false }', "groups.PQ.group", "SU(2) x U(1)"),
])
def test_bad_group_tables_are_refused_naming_the_key(spec, key, words, tmp_path):
    src = f'name = "t"\n[groups]\nPQ = {spec}\n[fields.a]\nspin = "0"\nreps = {{ PQ = "1" }}\n'
    with pytest.raises(ModelFileError) as info:
        loads_model(src)
    assert info.value.key == key and words in str(info.value)
    path = tmp_path / "bad.toml"
    path.write_text(src)
    assert main(["check", str(path)]) == 2


def test_text_latex_and_json_carry_the_flag(capsys):
    m = loads_model(SRC)
    head = field_table_text(m).splitlines()[0]
    assert "PQ U(1) (global)" in head and "F SU(2) (global)" in head
    assert head.endswith("Y U(1)") and "Y U(1) (global)" not in head
    head = field_table_latex(m).splitlines()[4]
    assert r"$\mathrm{U(1)}_{\mathrm{PQ}}\,(\text{global})$" in head
    assert r"$\mathrm{U(1)}_{\mathrm{Y}}$" in head
    assert r"\mathbb{Z}_{3}^{\mathrm{Z3}}\,(\text{global})" in head
    assert r"\mathrm{U(1)}_{\mathrm{PQ}}\,(\text{global})" in field_table_array(m)
    main(["check", "tau_l_only", "--json"])
    payload = json.loads(capsys.readouterr().out)
    assert payload["gauged"] == {"SU3c": True, "SU2L": True, "Y": True, "X": True,
                                 "Z2A": False, "Z2tau": False}


def test_convert_never_changes_gauged_into_global_or_back(tmp_path, capsys):
    from anomalyalgebra.interop.convert import conversion_losses, convert_text

    # the seed paper's global Z2s are SARAH Global[] symmetries: nothing lost
    assert conversion_losses(aa.load_model("tau_l_only"), "sarah") == []
    text = convert_text(aa.load_model("tau_l_only"), "sarah")
    assert "Global[[1]] = {Z[2], Z2A};" in text
    m = loads_model(SRC)
    losses = conversion_losses(m, "sarah")
    # a global U(1) is a SARAH Global[] U[1] (issue 18); a global SU(2) is not expressible
    assert "global factor(s) F (would be written as gauge groups)" in losses
    assert "global factor(s) PQ, F (would be written as gauge groups)" in conversion_losses(m, "pyrate")
    assert any("Z3" in x and "PyR@TE" in x for x in conversion_losses(m, "pyrate"))
    gz = loads_model(SRC.replace('Z3 = { group = "Z(3)", gauged = false }', 'Z3 = "Z(3)"'))
    assert "gauged Z_N factor(s) Z3 (SARAH's Global[] is not gauged)" in conversion_losses(gz, "sarah")
    path = tmp_path / "m.toml"
    path.write_text(SRC)
    assert main(["convert", str(path), "--to", "sarah"]) == 2
    assert "global factor(s) F" in capsys.readouterr().err
