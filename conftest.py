"""Marks of the developer loop: ``python3 -m pytest -m "not slow"`` (CI runs everything).

A test is ``slow`` when it carries ``@pytest.mark.slow`` itself or when an entry of
``tests/slow_tests.txt`` names it (one node id a line, ``#`` comments): the entry is its node
id (``file::test[param]``: that case only), its function (``file::test``: every
case), or its file.  A doctest entry names one doctest, not the doctests named after it.
Doctests are listed there one by one, like any other test: the fast ones stay in the loop.
The list is measured with ``--durations=0``; see "Developing" in docs/getting_started.rst.
"""

from pathlib import Path

import pytest

_LIST = Path(__file__).parent / "tests" / "slow_tests.txt"


def _entries():
    if not _LIST.exists():
        return ()
    lines = (line.split("#", 1)[0].strip() for line in _LIST.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


def _listed(nodeid, entries):
    head = nodeid.split("[", 1)[0]
    return nodeid in entries or head in entries or any(head.startswith(e + "::") for e in entries)


def pytest_collection_modifyitems(config, items):
    entries = frozenset(_entries())
    if not entries:
        return
    for item in items:
        if _listed(item.nodeid, entries):
            item.add_marker(pytest.mark.slow)
