"""`--workers N`: documents spread over processes, results written in order, the same bytes as one process."""

from __future__ import annotations

import os
from concurrent.futures import Future

import pytest
from conftest import EXPECTED, OUTPUT_FILES, SOURCES, copy_corpus

from pipeline.errors import WorkerError
from pipeline.ingest import Source
from pipeline.run import runner as extract_mod
from pipeline.run import schedule
from pipeline.run.cache import ResultCache
from pipeline.run.runner import extract
from pipeline.settings import Settings


def test_workers_write_the_same_bytes_as_one_process(tmp_path):
    # one document a task, so that both workers take part
    settings = Settings(workers=2, docs_per_task=1)
    src, out = copy_corpus(tmp_path)
    summary = extract(src, out, settings)
    assert summary.documents == 8 and summary.model_loaded
    for name in OUTPUT_FILES:
        assert (out / f"{name}.jsonl").read_bytes() == (EXPECTED / f"{name}.jsonl").read_bytes()


def _die(sources: list[Source]) -> list:
    os._exit(1)  # a worker killed mid-task (out of memory, kill -9)


def test_a_worker_that_dies_stops_the_run_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(extract_mod, "run_task_in_worker", _die)
    with pytest.raises(WorkerError, match="worker process died"):
        extract(SOURCES, tmp_path, Settings(workers=2))
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == []


def test_a_pipeline_object_cannot_be_shared_with_workers(tmp_path, nlp):
    with pytest.raises(ValueError, match="workers"):
        extract(SOURCES, tmp_path, Settings(workers=2), nlp=nlp)


def _source(name: str) -> Source:
    return Source(name, name, "0" * 64, "text", None, None, 0)


class _OutOfOrder:
    """A runner whose tasks finish newest first, as a fast worker can overtake a slow one."""

    window = 3

    def __init__(self) -> None:
        self.futures: list[tuple[Future, list[Source]]] = []

    def submit(self, sources: list[Source]) -> Future:
        self.futures.append((Future(), sources))
        if len(self.futures) > self.window:
            for future, batch in reversed(self.futures):
                if not future.done():
                    future.set_result([{"documents": [s.source]} for s in batch])
        return self.futures[-1][0]


def test_results_are_written_in_source_order_whatever_finishes_first(tmp_path):
    items = []
    for n in range(23):
        name = f"doc{n:02d}"
        if n % 5 == 1:  # known without the model: cached or rejected
            items.append(schedule.Item(name, lines={"documents": [f"{name} (known)"]}))
        else:
            items.append(schedule.Item(name, key=f"{n:064x}", source=_source(name)))
    runner = _OutOfOrder()
    cache = ResultCache(tmp_path)
    settings = Settings(docs_per_task=2)
    written = [lines["documents"][0] for _, lines in schedule.resolve(iter(items), runner, settings, cache)]
    assert [w.split()[0] for w in written] == [i.path for i in items]
    assert len(runner.futures) == 9  # 18 sources, two a task
    assert cache.used == {i.key for i in items if i.source}  # new results went to the cache


def test_worker_task_runs_in_a_fresh_process_with_its_own_model(tmp_path):
    """The worker's task function reads the model its process loaded at start (not the parent's)."""
    assert schedule._WORKER == {}  # nothing is loaded in this process by the pool
    pool = schedule.WorkerPool(Settings(workers=1), _pid_of_task)
    try:
        pids = {pool.submit([_source("a")]).result()[0] for _ in range(3)}
    finally:
        pool.close()
    assert len(pids) == 1 and os.getpid() not in pids


def _pid_of_task(sources: list[Source]) -> list[int]:
    nlp, settings = schedule.worker_model()
    assert "ner" in nlp.pipe_names and settings.workers == 1
    return [os.getpid()]


def test_workers_run_the_math_libraries_on_one_thread_and_this_process_keeps_its_environment(monkeypatch):
    """Two workers with numpy's thread per core each would oversubscribe the cores; a user's choice stands."""
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.delenv("MKL_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    pool = schedule.WorkerPool(Settings(workers=1), _threads_of_task)
    try:
        seen = pool.submit([_source("a")]).result()[0]
    finally:
        pool.close()
    assert seen == {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "3", "MKL_NUM_THREADS": "1"}
    assert "OPENBLAS_NUM_THREADS" not in os.environ and os.environ["OMP_NUM_THREADS"] == "3"


def _threads_of_task(sources: list[Source]) -> list[dict[str, str | None]]:
    return [{name: os.environ.get(name) for name in schedule._WORKER_THREADS}]
