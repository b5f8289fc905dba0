"""Marks of the developer loop: ``python3 -m pytest -m "not slow"`` (CI runs everything).

A test is ``slow`` when it carries ``@pytest.mark.slow`` itself, when its node id starts
with an entry of ``tests/slow_tests.txt`` (one node-id prefix a line, ``#`` comments;
measured with ``--durations=0``), or when it is a doctest (the Examples of every public
function: they load models and solve, and run under ``--doctest-modules`` in CI).
"""

from pathlib import Path

import pytest

_LIST = Path(__file__).parent / "tests" / "slow_tests.txt"


def _prefixes():
    if not _LIST.exists():
        return ()
    lines = (line.split("#", 1)[0].strip() for line in _LIST.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


def pytest_collection_modifyitems(config, items):
    prefixes = _prefixes()
    for item in items:
        if isinstance(item, pytest.DoctestItem) or item.nodeid.startswith(prefixes):
            item.add_marker(pytest.mark.slow)
