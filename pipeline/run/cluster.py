"""`extract --scheduler tcp://HOST:PORT`: the model runs on a Dask cluster, this process writes.

One machine is the ceiling of `--workers`; a Dask cluster (`dask scheduler`
on one machine, `dask worker ADDRESS` on as many as there are, each with this
package installed) is not. Only the documents that need the model travel:
their `Source` (text and metadata) goes to a worker, their output lines come
back, and this process keeps doing everything else exactly as in a
one-process run (reading, the cache, rejections, writing in source order), so
the output is the same bytes.

Each worker process loads the model once, on its first task (`_model`), and
keeps it: a per-process cache in the task's module works however the worker
was started, without a plugin to register.

A worker that dies (killed, out of memory, a crash in native code) loses its
tasks; the scheduler re-runs them elsewhere, up to its `allowed-failures`
(3 by default), then gives up with `KilledWorker`. A task holds a few
documents, so one that kills workers would take its innocent neighbours with
it: on `KilledWorker` the task's documents are retried one by one, each alone
on the cluster, and the one that kills again is rejected with stage `nlp`;
the others are extracted. Nothing is retried forever: a document costs at
most twice `allowed-failures + 1` worker restarts.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from pipeline.errors import ClusterError
from pipeline.ingest import Source
from pipeline.run.cache import Lines, code_fingerprint
from pipeline.settings import Settings

# Why a document that kills workers is rejected: fixed words, so that rejects.jsonl does not depend on
# which worker died (KilledWorker's own message names worker addresses and random task keys).
KILLED_REASON = "KilledWorker: a worker process died every time it ran this document"
# How long to wait for the scheduler to answer before the run stops (exit 2).
CONNECT_SECONDS = 30

ClusterTask = Callable[[list[Source], Settings, str], list[Lines]]

# This worker process's model, loaded by its first task; a lock, because a worker may run threads.
_LOCK = threading.Lock()
_MODEL: dict[Settings, Any] = {}


def model_and_lock(settings: Settings, fingerprint: str) -> tuple[Any, threading.Lock]:
    """The worker's model for `settings` (loaded once) and the lock to hold while using it.

    `fingerprint` is the submitting process's code fingerprint: a worker that
    runs another version of the package (or other rule data) would write other
    records under this version's cache keys, so it refuses instead.
    """
    if fingerprint != code_fingerprint():
        raise ClusterError("a Dask worker runs another version of the pipeline package or its rule data; "
                           "install the same version on every worker")
    with _LOCK:
        if settings not in _MODEL:
            from pipeline.run.schedule import load_model  # the model's path only

            _MODEL.clear()  # one model a process: memory stays flat
            _MODEL[settings] = load_model(settings)
        return _MODEL[settings], _LOCK


class _Task:
    """A submitted task, shaped like a `concurrent.futures.Future` for `schedule.resolve`.

    `result()` waits. On `KilledWorker` the task's documents are run again,
    one at a time and alone on the cluster, and only one that still kills its
    workers there is rejected: the scheduler also counts a death against the
    innocent tasks that were queued on the dying worker, so a task's own
    `KilledWorker` does not prove that its documents are to blame.
    """

    def __init__(self, runner: DaskCluster, sources: list[Source]) -> None:
        self._runner = runner
        self.sources = sources
        self._future: Any = runner.submit_future(sources)
        self._lines: list[Lines] | None = None
        runner.open_tasks.append(self)

    def settle(self) -> None:
        """Wait for the cluster's answer and keep it here (the cluster forgets it)."""
        from distributed import KilledWorker

        if self._future is None:
            return
        try:
            self._lines = self._runner.wait(self._future)
        except KilledWorker:
            self._lines = None
        self._future = None
        self._runner.open_tasks.remove(self)

    def result(self) -> list[Lines]:
        self.settle()
        if self._lines is not None:
            return self._lines
        self._runner.settle_all()  # nothing else of this run is left running beside the retries
        return [self._runner.run_alone(source) for source in self.sources]


class DaskCluster:
    """Runs tasks on the Dask cluster whose scheduler is at `settings.scheduler`.

    `task` must be importable by module and name on the workers (the same
    package installed there); tests pass their own.
    """

    def __init__(self, settings: Settings, task: ClusterTask) -> None:
        if not settings.scheduler:
            raise ValueError("DaskCluster needs settings.scheduler")
        self.settings = settings
        self._task = task
        self._client: Any = None
        self._fingerprint = code_fingerprint()
        self.window = 2
        self.model_loaded = False
        self.open_tasks: list[_Task] = []  # submitted and not yet settled, oldest first

    def _connect(self) -> Any:
        if self._client is None:
            from distributed import Client

            try:
                self._client = Client(self.settings.scheduler, timeout=CONNECT_SECONDS,
                                      set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise ClusterError(f"cannot reach the Dask scheduler at {self.settings.scheduler}: "
                                   f"{type(exc).__name__}: {exc}") from exc
            # Enough tasks in flight to keep every worker thread busy while results are written.
            threads = sum(self._client.nthreads().values())
            self.window = 2 * max(1, threads)
            self.model_loaded = True
        return self._client

    def submit_future(self, sources: list[Source]) -> Any:
        # pure=False: a random key, so that Dask does not hash the texts to name the task
        return self._connect().submit(self._task, sources, self.settings, self._fingerprint, pure=False)

    def submit(self, sources: list[Source]) -> _Task:
        return _Task(self, sources)

    def wait(self, future: Any) -> list[Lines]:
        """A task's lines; KilledWorker goes to the caller, any other failure stops the run."""
        from distributed import KilledWorker

        try:
            return future.result()
        except KilledWorker:
            raise
        except ClusterError:
            raise
        except Exception as exc:  # the documents' own failures are rejections inside the task
            raise ClusterError(f"the Dask cluster failed a task: {type(exc).__name__}: {exc}") from exc

    def settle_all(self) -> None:
        """Wait for every task in flight, keeping each one's answer (lines, or killed)."""
        for task in list(self.open_tasks):
            task.settle()

    def run_alone(self, source: Source) -> Lines:
        """One document as the only task of this run on the cluster; rejected if it kills its workers."""
        from distributed import KilledWorker

        from pipeline.run.schedule import reject_lines

        try:
            return self.wait(self.submit_future([source]))[0]
        except KilledWorker:
            return reject_lines(source.source, source.sha256, "nlp", KILLED_REASON)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
