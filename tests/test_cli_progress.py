"""Progress on long commands: a self-overwriting line on stderr when it is a terminal only.

The terminal is a pseudo-terminal (:mod:`pty`): the command's stderr is its slave end,
stdout a pipe; the same commands with stderr a pipe, or with ``--quiet``, print no
progress.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pty = pytest.importorskip("pty")   # POSIX only (the CI and the developers' machines are Linux)


def _run(argv, *, tty: bool, tmp_path):
    """``(exit code, stdout, stderr)`` of ``python -m anomalyalgebra argv``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), ANOMALYALGEBRA_CACHE=str(tmp_path / "cache"))
    cmd = [sys.executable, "-m", "anomalyalgebra", *argv]
    if not tty:
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
        return proc.returncode, proc.stdout, proc.stderr
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=slave, env=env, cwd=ROOT, text=True)
    os.close(slave)
    chunks = []

    def read():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:          # EIO: the slave end is closed
                break
            if not data:
                break
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    out, _ = proc.communicate(timeout=600)
    reader.join(timeout=30)
    os.close(master)
    return proc.returncode, out, b"".join(chunks).decode("utf-8", "replace")


ENUMERATE = ["enumerate", "7", "--qmax", "10", "--count"]


def test_enumeration_progress_on_a_terminal(tmp_path):
    code, out, err = _run(ENUMERATE, tty=True, tmp_path=tmp_path)
    assert code == 0 and out.strip().isdigit()
    assert "\r" in err and "N=7, q_max=10: " in err and " tasks" in err and "solutions" in err
    assert "\n" not in err.replace("\r\n", "").strip("\r\n")   # one line, rewritten in place


def test_no_progress_into_a_pipe_or_with_quiet(tmp_path):
    code, out, err = _run(ENUMERATE, tty=False, tmp_path=tmp_path)
    assert code == 0 and err == ""
    code2, out2, err2 = _run(["--quiet", *ENUMERATE], tty=True, tmp_path=tmp_path)
    assert code2 == 0 and "tasks" not in err2 and "\r" not in err2
    code3, out3, err3 = _run([*ENUMERATE, "-q"], tty=True, tmp_path=tmp_path)
    assert code3 == 0 and "tasks" not in err3
    assert out == out2 == out3          # progress never changes the output


def test_check_directory_progress(tmp_path):
    from anomalyalgebra.interop import MODEL_SUFFIXES

    n = sum(1 for p in (ROOT / "examples").rglob("*") if p.suffix in MODEL_SUFFIXES)
    code, out, err = _run(["check", "examples"], tty=True, tmp_path=tmp_path)
    assert code == 1 and f"{n} file(s)" in out
    assert "checking examples: " in err and f"{n}/{n}" in err
    code, out2, err = _run(["check", "examples"], tty=False, tmp_path=tmp_path)
    assert err == "" and out2 == out


def test_operators_and_reproduce_progress(tmp_path):
    code, out, err = _run(["operators", "sm", "--count", "--max-dim", "6"], tty=True, tmp_path=tmp_path)
    assert code == 0 and "d = 6: 3045" in out
    assert "operators of SM" in err and "counting d = 5..6" in err
    code, out, err = _run(["reproduce", "--no-files", "--keys", "eq21", "eq22"], tty=True,
                          tmp_path=tmp_path)
    assert code == 0 and "eq21" in out
    assert "reproduce: [ 1/2] eq21 ..." in err
    code, out, err = _run(["reproduce", "--no-files", "--keys", "eq21", "eq22"], tty=False,
                          tmp_path=tmp_path)
    assert code == 0 and err == ""


def test_progress_stream_keeps_messages():
    # reproduce() writes its messages (why Fig. 1 was not drawn) to the progress stream too:
    # they reach the user even when no progress is shown
    from anomalyalgebra.cli.reproduce_cmd import _REPRODUCE_PROGRESS
    from anomalyalgebra.progress import ProgressLine, ProgressStream

    msgs = io.StringIO()
    stream = ProgressStream(ProgressLine("x", enabled=False),
                            keep=lambda t: not _REPRODUCE_PROGRESS.match(t), passthrough=msgs)
    print("[ 1/50] eq21 ...", end="", file=stream)
    print(" 0.1 s", file=stream)
    print("Fig. 1 ...", file=stream)
    print("Fig. 1 not drawn: matplotlib is not installed", file=stream)
    assert msgs.getvalue() == "Fig. 1 not drawn: matplotlib is not installed\n"


def test_tqdm_bar_when_installed(monkeypatch):
    # the optional extra `progress`: with tqdm importable, counted work is a tqdm bar
    import types

    from anomalyalgebra.progress import ProgressLine

    calls = []

    class FakeBar:
        def __init__(self, **kw):
            calls.append(("init", kw["total"], kw["unit"]))

        def update(self, n):
            calls.append(("update", n))

        def set_postfix_str(self, text, refresh=True):
            calls.append(("postfix", text))

        def close(self):
            calls.append(("close",))

    monkeypatch.setitem(sys.modules, "tqdm", types.SimpleNamespace(tqdm=FakeBar))
    out = io.StringIO()
    with ProgressLine("enumerating", total=2, stream=out, unit="tasks") as line:
        line.update(1, solutions=3)
        line.update(1, solutions=5)
    assert calls[0] == ("init", 2, "tasks") and ("update", 1) in calls
    assert ("postfix", "solutions 5") in calls and calls[-1] == ("close",)
    assert out.getvalue() == ""            # the bar draws itself; no second line
    # without a total (one long step) the own line is used even with tqdm installed
    calls.clear()
    with ProgressLine("counting", stream=out, min_interval=0):
        pass
    assert calls == [] and "counting [" in out.getvalue()
