"""Help texts and --version of the command line: plain text, one source, what each command accepts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from anomalyalgebra import cli
from anomalyalgebra.cli import COMMANDS, help_texts, main

ROOT = Path(__file__).resolve().parent.parent


def test_help_is_plain_text_for_the_program_and_every_subcommand():
    texts = help_texts()
    assert set(texts) == {"anomalyalgebra"} | {f"anomalyalgebra {name}" for name in COMMANDS}
    for where, text in texts.items():
        # no reStructuredText markup: ``literal``, :role:`target`, .. directives
        assert "``" not in text and not re.search(r":\w+:`", text) and "\n.. " not in text, where
        assert "exit codes: 0 success" in text, where


def test_help_comes_from_the_table(capsys):
    # argparse shows each subcommand's summary and description as written in COMMANDS
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    top = capsys.readouterr().out
    for name, (summary, _) in COMMANDS.items():
        assert name in top and " ".join(summary.split()[:4]) in " ".join(top.split())
    with pytest.raises(SystemExit):
        main(["enumerate", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "chiral_singlet_charges" in out and '{"count": n, "solutions": [[...], ...]}' in out
    assert out.count("pip install anomalyalgebra[parquet]") == 1


@pytest.mark.parametrize("name", ["check", "operators"])
def test_model_help_says_every_accepted_form(name):
    text = " ".join(help_texts()[f"anomalyalgebra {name}"].split())
    assert ".toml" in text and ".m: SARAH" in text and ".model or .yaml: PyR@TE" in text
    assert "built-in model name (anomalon_nplet, sm, sm_x_tau" in text
    assert ".toml path" not in text


def test_convert_help_names_the_formats():
    text = " ".join(help_texts()["anomalyalgebra convert"].split())
    assert ".toml, .m (SARAH), .model or .yaml (PyR@TE)" in text


@pytest.mark.parametrize("argv", [["check", ""], ["operators", "", "--count"],
                                  ["enumerate", "--model", "", "--qmax", "2"]])
def test_empty_model_path_names_every_format(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert ".toml file" not in err and ".m: SARAH" in err and "PyR@TE" in err and "built-in" in err


def test_empty_convert_path(capsys):
    assert main(["convert", "", "--to", "toml"]) == 2
    err = capsys.readouterr().err
    assert "file name is empty" in err and ".m (SARAH), .model or .yaml (PyR@TE)" in err


def test_load_model_error_names_every_format():
    import anomalyalgebra as aa

    with pytest.raises(aa.ModelFileError, match=r"model file \(\.toml; \.m: SARAH; \.model or \.yaml"):
        aa.load_model("")


def test_version(monkeypatch, capsys):
    from importlib import metadata

    import anomalyalgebra

    proc = subprocess.run([sys.executable, "-m", "anomalyalgebra", "--version"], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 0
    try:
        expected = metadata.version("anomalyalgebra")
    except metadata.PackageNotFoundError:
        expected = anomalyalgebra.__version__
    assert proc.stdout.strip() == f"anomalyalgebra {expected}"
    # without an installed distribution: the package's __version__
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", missing)
    monkeypatch.setattr(anomalyalgebra, "__version__", "9.8.7")
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.strip() == "anomalyalgebra 9.8.7"


def test_quiet_and_debug_accepted_before_and_after_the_subcommand():
    parser = cli.build_parser()
    assert parser.parse_args(["-q", "models"]).quiet is True
    assert parser.parse_args(["models", "--quiet"]).quiet is True
    assert parser.parse_args(["models"]).quiet is False
    assert parser.parse_args(["models", "--debug"]).debug is True
