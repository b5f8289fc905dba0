"""``reproduce`` with a process pool and with the cross-process record cache: the same
records and files as a plain serial run."""

from __future__ import annotations

import io
import json

import pytest

from anomalyalgebra.paper.report import code_version, default_cache_dir, reproduce

#: every test here starts process pools and runs the paper: tens of seconds of CPU each
pytestmark = pytest.mark.slow

KEYS = ["eq21", "eq25", "eq43", "vX", "eq46"]       # quick ones, from three paper modules


def run(tmp_path, name, **kw):
    out = tmp_path / name
    reproduce(out, keys=KEYS, figure=False, stream=io.StringIO(), progress=io.StringIO(), **kw)
    return json.loads((out / "results.json").read_text()), (out / "report.tex").read_text()


def test_pool_and_cache_give_the_serial_result(tmp_path):
    serial = run(tmp_path, "serial")
    assert run(tmp_path, "pool", jobs=2) == serial
    cache = tmp_path / "cache"
    assert run(tmp_path, "cold", jobs=2, cache=cache) == serial
    stored = sorted(p.name for p in (cache / code_version()).iterdir())
    assert stored == sorted(f"{k}.json" for k in KEYS)
    assert run(tmp_path, "warm", cache=cache) == serial


def test_cache_entries_are_used_and_bad_ones_recomputed(tmp_path):
    cache = tmp_path / "cache"
    serial = run(tmp_path, "serial")
    run(tmp_path, "fill", cache=cache)
    where = cache / code_version()
    from dataclasses import replace

    from anomalyalgebra.export import datacache
    from anomalyalgebra.paper.record import PaperRecord

    # a planted record is served as is: the cache really is read ...
    rec = datacache.load(where / "vX.json", "record", (PaperRecord,))
    assert rec.key == "vX"
    assert datacache.store(where / "vX.json", "record", replace(rec, note="from the cache"), (PaperRecord,))
    assert run(tmp_path, "planted", cache=cache)[0]["vX"]["note"] == "from the cache"
    # ... and an unreadable one is recomputed and rewritten
    (where / "vX.json").write_bytes(b"not JSON")
    assert run(tmp_path, "repaired", cache=cache) == serial
    assert datacache.load(where / "vX.json", "record", (PaperRecord,)).note == rec.note


def test_cache_switch(monkeypatch, tmp_path):
    for off in ("off", "0", ""):
        monkeypatch.setenv("ANOMALYALGEBRA_CACHE", off)
        assert default_cache_dir() is None
    monkeypatch.setenv("ANOMALYALGEBRA_CACHE", str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.delenv("ANOMALYALGEBRA_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "anomalyalgebra"


def test_unknown_key_is_refused_before_any_work(tmp_path):
    with pytest.raises(KeyError, match="nope"):
        reproduce(tmp_path / "x", keys=["eq21", "nope"], jobs=2)


def test_cli_refuses_unknown_keys_and_bad_jobs(capsys):
    from anomalyalgebra.cli import main

    assert main(["reproduce", "--no-files", "--keys", "eq21", "nope"]) == 2
    assert "unknown key(s) ['nope']" in capsys.readouterr().err
    assert main(["reproduce", "--no-files", "--keys", "eq21", "--jobs", "0"]) == 2
    assert "--jobs must be >= 1" in capsys.readouterr().err


def test_pool_with_figure_matches_serial(tmp_path):
    """The figure is drawn by whichever process is free; records and files as in a serial run."""
    pytest.importorskip("matplotlib", reason="matplotlib missing: pip install anomalyalgebra[plot]")
    keys = ["eq21", "eq43", "eq46"]
    outs = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        rep = reproduce(out, keys=keys, figure=True, jobs=jobs, stream=io.StringIO(), progress=io.StringIO())
        outs[jobs] = (json.loads((out / "results.json").read_text()),
                      sorted(p.relative_to(out).as_posix() for p in map(type(out), rep.files)))
        assert (out / "fig1.png").read_bytes().startswith(b"\x89PNG")
        assert (out / "fig1.pdf").read_bytes().startswith(b"%PDF")
    assert outs[1] == outs[2]
    assert "fig1.png" in outs[2][1] and "results.json" in outs[2][1]


def _fails():
    raise RuntimeError("planted failure in a record")


@pytest.mark.parametrize("key", ["eq21", "eq46"])
def test_a_failing_record_stops_the_run_with_its_error(monkeypatch, tmp_path, key):
    """Wherever the failing group runs (this process or a worker), its error reaches the
    caller and nothing waits forever."""
    from anomalyalgebra import paper

    _fails.__module__ = paper.RECORDS[key].__module__     # keep the grouping by module
    monkeypatch.setitem(paper.RECORDS, key, _fails)
    with pytest.raises(RuntimeError, match="planted failure"):
        reproduce(tmp_path / "x", keys=["eq21", "eq43", "eq46"], figure=False, jobs=2,
                  stream=io.StringIO(), progress=io.StringIO())


@pytest.mark.parametrize("jobs", [1, 2])
def test_without_matplotlib_the_figure_is_skipped_with_a_message(monkeypatch, tmp_path, jobs):
    from anomalyalgebra.paper import figure as plot

    monkeypatch.setattr(plot, "matplotlib_available", lambda: False)
    progress = io.StringIO()
    out = tmp_path / "r"
    rep = reproduce(out, keys=["eq21", "eq43"], figure=True, jobs=jobs, stream=io.StringIO(), progress=progress)
    assert "Fig. 1 skipped" in progress.getvalue() and "anomalyalgebra[plot]" in progress.getvalue()
    assert not (out / "fig1.png").exists() and (out / "results.json").exists()
    assert set(rep.records) == {"eq21", "eq43"}
