"""Issue 19: inputs are regular files.

``check``, ``convert`` and ``operators`` refuse FIFOs, devices and sockets before
opening them (exit 2); a loop of symbolic links has its own message.  The commands
run in a subprocess with a generous timeout: on a FIFO the old code blocked in
``open()`` for ever (the timeout only keeps such a failure from hanging the suite).
"""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[1]
GUARD = 120          # seconds: a hang guard, not a measured time


def cli(*args):
    try:
        proc = subprocess.run([sys.executable, "-m", "anomalyalgebra", *map(str, args)], cwd=ROOT,
                              capture_output=True, text=True, timeout=GUARD, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail(f"anomalyalgebra {' '.join(map(str, args))} hung (it opened a special file)")
    return proc.returncode, proc.stdout + proc.stderr


COMMANDS = [("check", "{}"), ("convert", "--to", "sarah", "{}"), ("operators", "--count", "{}")]


def _commands(path):
    for cmd in COMMANDS:
        yield [str(path) if a == "{}" else a for a in cmd]


@pytest.mark.parametrize("suffix", [".toml", ".m", ".model"])
def test_fifo_is_refused_before_it_is_opened(tmp_path, suffix):
    fifo = tmp_path / f"model{suffix}"
    os.mkfifo(fifo)
    for args in _commands(fifo):
        if args[0] == "operators" and suffix != ".toml":
            continue
        code, out = cli(*args)
        assert code == 2, (args, out)
        assert "is a FIFO (named pipe), not a regular file" in out and "model" + suffix in out
        assert "Traceback" not in out


def test_symlink_loop_has_its_own_message(tmp_path):
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.symlink_to(b)
    b.symlink_to(a)
    for args in _commands(a):
        code, out = cli(*args)
        assert code == 2, (args, out)
        assert "a loop of symbolic links" in out and "no such" not in out


def test_dangling_symlink_and_missing_file(tmp_path):
    link = tmp_path / "gone.toml"
    link.symlink_to(tmp_path / "nowhere.toml")
    code, out = cli("check", link)
    assert code == 2 and "a symbolic link to a missing file" in out
    code, out = cli("check", tmp_path / "absent.toml")
    assert code == 2 and "no such model file" in out


def test_character_device_is_refused(tmp_path):
    dev = tmp_path / "zero.toml"
    dev.symlink_to("/dev/zero")                 # endless bytes if it were read
    for args in _commands(dev):
        code, out = cli(*args)
        assert code == 2 and "is a character device, not a regular file" in out, (args, out)


def test_socket_is_refused(tmp_path):
    path = tmp_path / "s.toml"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(path))
        code, out = cli("check", path)
    finally:
        sock.close()
    assert code == 2 and "is a socket, not a regular file" in out


def test_the_python_api_refuses_special_files(tmp_path):
    """load_model, read_model_file and read_text: a ModelFileError naming the FIFO (run in a
    subprocess, so that a regression blocks that process, not the test suite)."""
    os.mkfifo(tmp_path / "p.toml")
    os.mkfifo(tmp_path / "p.model")
    code = f"""
import pathlib
from anomalyalgebra import load_model
from anomalyalgebra.exceptions import ModelFileError
from anomalyalgebra.interop import read_model_file
from anomalyalgebra.interop.imported import read_text
d = pathlib.Path({str(tmp_path)!r})
for call in (lambda: load_model(d / "p.toml"), lambda: read_model_file(d / "p.model"),
             lambda: read_text(d / "p.model"), lambda: load_model(d / "p.model")):
    try:
        call()
        print("READ")
    except ModelFileError as exc:
        print("REFUSED", exc)
"""
    try:
        proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                              timeout=GUARD, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        pytest.fail("the Python API blocked on a FIFO")
    lines = proc.stdout.splitlines()
    assert len(lines) == 4 and all(x.startswith("REFUSED") and "FIFO" in x for x in lines), proc.stdout + proc.stderr


def test_a_regular_file_through_a_symlink_is_read(tmp_path):
    src = ROOT / "anomalyalgebra" / "models" / "sm.toml"
    link = tmp_path / "sm_link.toml"
    link.symlink_to(src)
    code, out = cli("check", link)
    assert code == 0 and "SU3c" in out


def test_check_directory_skips_special_files(tmp_path):
    (tmp_path / "sm.toml").write_text((ROOT / "anomalyalgebra" / "models" / "sm.toml").read_text())
    os.mkfifo(tmp_path / "fifo.toml")
    code, out = cli("check", tmp_path)
    assert code in (0, 1) and "sm.toml" in out
