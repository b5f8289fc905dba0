"""Executor invariance of the integer enumeration (issue 7, scale-out)."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

pytest.importorskip("numpy")

from anomalyalgebra.enumeration import (  # noqa: E402
    chiral_singlet_charges,
    enumerate_problem,
    iter_solutions,
    singlet_problem,
    write_solutions,
)


@pytest.fixture(scope="module")
def reference():
    return list(chiral_singlet_charges(9, 9))


def test_process_pool_gives_identical_output(reference):
    with ProcessPoolExecutor(max_workers=2) as pool:
        for batch_size in (1, 7, 1000):
            got = list(chiral_singlet_charges(9, 9, executor=pool, batch_size=batch_size))
            assert got == reference


def test_thread_pool_and_small_window(reference):
    problem = singlet_problem(9, 9)
    with ThreadPoolExecutor(max_workers=2) as pool:
        got = [s for (s,) in iter_solutions(problem, executor=pool, batch_size=3, max_pending=2)]
    assert got == reference


def test_dask_local_cluster(reference):
    distributed = pytest.importorskip(
        "distributed", reason="dask.distributed not installed (pip install 'dask[distributed]')"
    )
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            got = list(chiral_singlet_charges(9, 9, executor=client.get_executor(),
                                              batch_size=5))
    assert got == reference


def test_streamed_file_is_identical(tmp_path, reference):
    path_a, path_b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    problem = singlet_problem(9, 9)
    write_solutions(iter_solutions(problem), path_a)
    with ProcessPoolExecutor(max_workers=2) as pool:
        write_solutions(iter_solutions(problem, executor=pool, batch_size=2), path_b)
    assert path_a.read_bytes() == path_b.read_bytes()
    assert len(path_a.read_text().splitlines()) == len(reference)


def test_progress_line_on_stderr(capsys, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_tqdm(name, *args, **kwargs):
        if name.startswith("tqdm"):
            raise ImportError("no tqdm in this test")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_tqdm)
    got = enumerate_problem(singlet_problem(6, 6), progress=True)
    err = capsys.readouterr().err
    assert "4/4 tasks" in err and "solutions 2" in err
    assert got == enumerate_problem(singlet_problem(6, 6))
