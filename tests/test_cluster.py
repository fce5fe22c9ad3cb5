"""`extract --scheduler`: a real Dask scheduler and workers on 127.0.0.1 write what one process writes."""

from __future__ import annotations

import json
import os

import pytest
from conftest import EXPECTED, OUTPUT_FILES, SOURCES, copy_corpus
from distributed import LocalCluster
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import ClusterError
from pipeline.ingest import Source
from pipeline.run import cluster
from pipeline.run import runner as runner_mod
from pipeline.run.cache import Lines
from pipeline.run.runner import extract
from pipeline.settings import Settings

# The planted document: its text holds this marker, and the test's task function kills its worker on it.
KILLER_MARKER = "KILL-THE-WORKER-c5b1d0"


@pytest.fixture(scope="module")
def local_cluster():
    """A scheduler (in this process) and two worker processes, each with one thread."""
    with LocalCluster(processes=True, n_workers=2, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None) as c:
        yield c


def test_a_dask_cluster_writes_the_same_bytes_as_one_process(tmp_path, local_cluster):
    # one document a task, so that both workers take part
    settings = Settings(scheduler=local_cluster.scheduler_address, docs_per_task=1)
    src, out = copy_corpus(tmp_path)
    summary = extract(src, out, settings)
    assert summary.documents == 8 and summary.model_loaded and not summary.rejects
    for name in OUTPUT_FILES:
        assert (out / f"{name}.jsonl").read_bytes() == (EXPECTED / f"{name}.jsonl").read_bytes()
    # a re-run is served from this process's cache: nothing goes to the cluster
    again = extract(src, out, settings)
    assert again.cached == 8 and not again.model_loaded


def _killing_task(sources: list[Source], settings: Settings, fingerprint: str) -> list[Lines]:
    """The production task, except that a source holding the marker kills the worker running it.

    A test-only task function, passed where the production one is: no code
    path of the package can kill a worker, whatever a user writes. Dask sends
    the function by module and name, and the spawned workers import this
    module (they inherit the test process's `sys.path`).
    """
    if any(KILLER_MARKER in s.text for s in sources):
        os._exit(1)  # as a segfault or the OOM killer would end it
    return runner_mod.run_task_on_cluster(sources, settings, fingerprint)


def test_a_document_that_kills_its_workers_is_rejected_and_the_others_extracted(
        tmp_path, monkeypatch, local_cluster):
    sources, out = copy_corpus(tmp_path)
    # sorted second: it shares its first task with three innocent documents
    (sources / "canada-planted.txt").write_text(f"The Canadian Armed Forces met. {KILLER_MARKER}\n",
                                                encoding="utf-8")
    monkeypatch.setattr(runner_mod, "run_task_on_cluster", _killing_task)
    # KilledWorker on the first death instead of the fourth (the scheduler runs in this process): a death in
    # the first task and one when the planted document runs alone, instead of eight
    monkeypatch.setattr(local_cluster.scheduler, "allowed_failures", 0)
    summary = extract(sources, out, Settings(scheduler=local_cluster.scheduler_address))
    assert summary.documents == 8
    rejects = [json.loads(x) for x in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["source"], r["stage"], r["reason"]) for r in rejects] == [
        ("canada-planted.txt", "nlp", cluster.KILLED_REASON)]
    for name in ("documents", "organizations", "dates", "events"):
        assert (out / f"{name}.jsonl").read_bytes() == (EXPECTED / f"{name}.jsonl").read_bytes()


def test_a_worker_with_another_version_of_the_package_refuses_to_run():
    with pytest.raises(ClusterError, match="another version"):
        cluster.model_and_lock(Settings(), "0" * 64)


def test_an_unreachable_scheduler_stops_the_run_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"):
        extract(SOURCES, tmp_path, Settings(scheduler="tcp://127.0.0.1:9"))
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".")] == []


def test_the_cli_takes_workers_or_a_scheduler_not_both(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(SOURCES), "--out", str(tmp_path), "--workers", "2",
                                      "--scheduler", "tcp://127.0.0.1:9", "--no-progress"])
    assert result.exit_code == 2 and "--scheduler" in result.output
