"""Issue 19: the reproduce cache holds data, not code.

Whoever can write the cache directory must not run code in the next ``reproduce``:
the cache is typed JSON with a schema version; a pickle, a foreign or corrupt file is
ignored with a note and the result computed afresh.
"""

import io
import json
import os
import pickle
import re
from pathlib import Path

import pytest

from anomalyalgebra.paper.report import code_version, reproduce

KEYS = ["eq21", "vX"]


class Planted:
    """Unpickling this runs os.mkdir(marker): what an attacker's cache file would do."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def run(tmp_path, name, cache, keys=KEYS, **kw):
    out = tmp_path / name
    progress = io.StringIO()
    reproduce(out, keys=keys, figure=kw.pop("figure", False), stream=io.StringIO(), progress=progress,
              cache=cache, **kw)
    return (out / "results.json").read_bytes(), progress.getvalue()


def test_a_planted_pickle_is_never_loaded(tmp_path):
    cache = tmp_path / "cache"
    where = cache / code_version()
    where.mkdir(parents=True)
    marker = tmp_path / "pwned"
    for key in KEYS:
        for suffix in (".pickle", ".json"):
            (where / f"{key}{suffix}").write_bytes(pickle.dumps(Planted(marker)))
    clean, _ = run(tmp_path, "clean", None)
    got, notes = run(tmp_path, "planted", cache)
    assert not marker.exists()
    assert got == clean
    assert re.search(r"note: cache file .*eq21\.json ignored: not UTF-8", notes), notes
    # the entries were replaced by JSON data
    doc = json.loads((where / "eq21.json").read_text())
    assert doc["schema"] == 1 and doc["kind"] == "record" and doc["value"]["$record"].endswith("PaperRecord")


@pytest.mark.parametrize("content, why", [
    ({"schema": 1, "kind": "record", "value": {"$record": "os.system", "fields": {"command": "touch x"}}},
     "not one of"),
    ({"schema": 1, "kind": "record", "value": {"$sympy": {"op": "__import__", "args": []}}}, "unknown operator"),
    ({"schema": 99, "kind": "record", "value": None}, "schema 99"),
    ({"schema": 1, "kind": "figure", "value": None}, "expected 'record'"),
    ({"pickle": "gASV"}, "not an anomalyalgebra cache file"),
    ("{not json", "not JSON"),
])
def test_foreign_or_corrupt_entries_are_ignored_with_a_note(tmp_path, content, why):
    cache = tmp_path / "cache"
    where = cache / code_version()
    where.mkdir(parents=True)
    text = content if isinstance(content, str) else json.dumps(content)
    (where / "eq21.json").write_text(text)
    clean, _ = run(tmp_path, "clean", None)
    got, notes = run(tmp_path, "foreign", cache)
    assert got == clean
    assert "eq21.json ignored" in notes and why in notes, notes


def test_a_fifo_in_the_cache_is_not_opened(tmp_path):
    cache = tmp_path / "cache"
    where = cache / code_version()
    where.mkdir(parents=True)
    os.mkfifo(where / "eq21.json")
    got, notes = run(tmp_path, "fifo", cache, keys=["eq21"])      # would block on open()
    assert "not a regular file" in notes
    assert json.loads(got)["eq21"]["agrees"] is True


def test_a_record_of_another_key_is_not_served(tmp_path):
    cache = tmp_path / "cache"
    clean, _ = run(tmp_path, "fill", cache)
    where = cache / code_version()
    (where / "eq21.json").write_bytes((where / "vX.json").read_bytes())
    got, notes = run(tmp_path, "swapped", cache)
    assert got == clean and "holds the record 'vX'" in notes


def test_warm_cache_gives_byte_identical_results(tmp_path):
    keys = ["eq21", "eq43", "eq46", "table2_zgamma", "eq52"]     # floats, lists, matrices, dicts
    cold, _ = run(tmp_path, "cold", tmp_path / "cache", keys=keys)
    warm, notes = run(tmp_path, "warm", tmp_path / "cache", keys=keys)
    assert warm == cold and "note:" not in notes
    none, _ = run(tmp_path, "none", None, keys=keys)
    assert none == cold
    stored = sorted(p.name for p in (tmp_path / "cache" / code_version()).iterdir())
    assert stored == sorted(f"{k}.json" for k in keys)


def test_figures_are_drawn_from_cached_numbers_not_copied(tmp_path):
    pytest.importorskip("matplotlib", reason="matplotlib missing: pip install anomalyalgebra[plot]")
    cache = tmp_path / "cache"
    where = cache / code_version()
    where.mkdir(parents=True)
    for ext in ("png", "pdf"):            # planted files: the old cache copied these into the report
        (where / f"fig1.{ext}").write_bytes(b"<script>planted</script>")
    run(tmp_path, "first", cache, keys=["eq21"], figure=True)
    assert (tmp_path / "first" / "fig1.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "first" / "fig1.pdf").read_bytes().startswith(b"%PDF")
    doc = json.loads((where / "fig1.json").read_text())
    assert doc["kind"] == "figure" and doc["value"]["$record"].endswith("Fig1Data")
    _, notes = run(tmp_path, "second", cache, keys=["eq21"], figure=True)
    assert (tmp_path / "second" / "fig1.png").read_bytes().startswith(b"\x89PNG")


def test_no_pickle_in_the_package():
    import anomalyalgebra

    root = Path(anomalyalgebra.__file__).resolve().parent
    assert (root / "paper").is_dir() and (root / "export").is_dir()
    offenders = []
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in (r"^\s*(import|from)\s+(c?pickle|marshal|shelve|dill|cloudpickle)\b",
                        r"\b(pickle|marshal|shelve)\.(loads?|dumps?|Unpickler)\b"):
            if re.search(pattern, text, re.M):
                offenders.append(f"{path.relative_to(root)}: {pattern}")
    assert offenders == []
