"""Every command of the README runs as written.

The commands are read from the README's ```bash blocks: every line (or ``&&``-joined
part of a line) that starts with ``anomalyalgebra`` or ``python3 -m anomalyalgebra``
is run as ``python -m anomalyalgebra ...`` in a scratch directory where ``examples/``
is the repository's, and must exit with 0 -- or with 1 where the README marks the
line ``# exit 1: anomalous``.  The ```python block is run too, and the two set-up
commands are pinned (their pip extras must exist).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _blocks(lang: str) -> list:
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def readme_commands() -> list:
    """``(line, argv after 'anomalyalgebra', expected exit code)`` of every README command."""
    out = []
    for block in _blocks("bash"):
        for line in block.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part, comments=True)
                if words[:3] == ["python3", "-m", "anomalyalgebra"]:
                    argv = words[3:]
                elif words[:1] == ["anomalyalgebra"]:
                    argv = words[1:]
                else:
                    continue
                expected = 1 if re.search(r"#\s*exit 1: anomalous", part) else 0
                out.append((part.strip(), argv, expected))
    return out


COMMANDS = readme_commands()


def test_the_readme_has_its_commands():
    # a README that lost its shell section would make the test below vacuous
    assert len(COMMANDS) >= 20
    names = {argv[0] for _, argv, _ in COMMANDS if argv and not argv[0].startswith("-")}
    assert names >= {"check", "models", "operators", "enumerate", "convert", "reproduce"}
    assert sum(expected == 1 for *_, expected in COMMANDS) >= 3
    # no placeholder file names: every path a command names exists in the repository
    for line, argv, _ in COMMANDS:
        for word in argv:
            if word.startswith("examples/"):
                assert (ROOT / word).exists(), f"{line}: {word} does not exist"


def test_setup_commands_are_pinned():
    setup = [b.strip() for b in _blocks("bash") if "pip install" in b]
    assert setup == ['python3 -m pip install ".[plot]" && python3 -m anomalyalgebra reproduce',
                     'python3 -m pip install -e ".[test]" && python3 -m pytest']
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert {"plot", "test", "progress", "parquet"} <= set(extras)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A scratch directory with the repository's examples/ (outputs land here, not in the repo)."""
    d = tmp_path_factory.mktemp("readme")
    (d / "examples").symlink_to(ROOT / "examples")
    return d


def _env(workdir):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["ANOMALYALGEBRA_CACHE"] = str(workdir / "cache")   # shared by the two reproduce runs
    return env


@pytest.mark.parametrize("line, argv, expected", COMMANDS, ids=[c[0][:70] for c in COMMANDS])
def test_readme_command(line, argv, expected, workdir):
    proc = subprocess.run([sys.executable, "-m", "anomalyalgebra", *argv], cwd=workdir,
                          env=_env(workdir), capture_output=True, text=True, timeout=600)
    assert proc.returncode == expected, f"{line}\nexit {proc.returncode}\n{proc.stderr[-2000:]}"
    assert "Traceback" not in proc.stderr
    assert proc.stdout.strip() or "--plot" in argv, f"{line}: printed nothing"
    if "--json" in argv:
        import json

        json.loads(proc.stdout)
    if "--plot" in argv:
        png = workdir / argv[argv.index("--plot") + 1]
        assert png.read_bytes()[:4] == b"\x89PNG"


def test_readme_python_block(workdir):
    (block,) = _blocks("python")
    proc = subprocess.run([sys.executable, "-c", block], cwd=workdir, env=_env(workdir),
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
