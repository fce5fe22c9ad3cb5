"""Scheduling: which documents need the model, and which process runs it.

Each discovered path becomes an `Item`: a rejection (it could not be read),
cached lines (nothing changed since a run that stored them), or a source for
the model. Sources go to the model `docs_per_task` at a time, either here
(`InProcess`, which loads the model only when the first source needs it) or in
worker processes (`WorkerPool`, each loading the model once). Results come
back in path order whatever finishes first, and at most a few tasks are in
flight, so memory stays flat however many sources there are.

Results do not depend on how documents are grouped into tasks: spaCy's
inference treats each text of a batch independently, which the tests check by
comparing byte for byte a run with workers, a run without and an incremental one.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import posixpath
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from pipeline.errors import SourceError, WorkerError
from pipeline.ingest import Source, load_source, read_bytes, sidecar_bytes
from pipeline.nlp import build_nlp
from pipeline.output import converted_text_path, record_line
from pipeline.records import RejectRecord
from pipeline.rules import rules_for, use_rules
from pipeline.run.cache import Lines, ResultCache, document_key
from pipeline.settings import Settings

Task = Callable[[list[Source]], list[Lines]]


class Pending(Protocol):
    """A submitted task: `concurrent.futures.Future` or cluster.py's task."""

    def result(self) -> list[Lines]: ...


class Runner(Protocol):
    """Where tasks run: `InProcess`, `WorkerPool` or `cluster.DaskCluster`."""

    window: int  # tasks kept in flight beyond the one being written
    model_loaded: bool

    def submit(self, sources: list[Source]) -> Pending: ...

    def close(self) -> None: ...


@dataclass
class Item:
    """One discovered path on its way to the output."""

    path: str  # under the sources folder
    key: str | None = None  # cache key, once the bytes were read
    lines: Lines | None = None  # known without the model: a rejection or a cache hit
    source: Source | None = None  # needs the model


def one_line(text: str, limit: int = 300) -> str:
    """A reason as one line: a multi-line message (YAML, pydantic) folded, long ones cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def reject_lines(source: str, sha256: str | None, stage: str, reason: str) -> Lines:
    record = RejectRecord(source=source, sha256=sha256, stage=stage, reason=one_line(reason))
    return {"rejects": [record_line(record)]}


def text_path(source: Source, text_root: str) -> str:
    """The file whose text `source`'s offsets index, relative to the output folder.

    `text_root` is the sources folder relative to the output folder (`../sources`).
    """
    if source.converted:
        return converted_text_path(source.source)
    return posixpath.join(text_root, source.source)


def plan(
    path: Path, root: Path, settings: Settings, cache: ResultCache, run: str,
    default_published: date | None, text_root: str = "", same_id_as: str | None = None,
) -> Item:
    """Read one path and decide: rejected, served from the cache, or for the model.

    `same_id_as` names an earlier source with the same document id: this one is rejected.
    """
    rel = path.relative_to(root).as_posix()
    data = None
    try:
        data = read_bytes(path, rel, settings.max_source_bytes)
        if same_id_as is not None:
            raise SourceError(rel, f"same document id as {same_id_as}: rename one of them")
        sha = hashlib.sha256(data).hexdigest()
        key = document_key(run, rel, sha, sidecar_bytes(path), default_published, text_root)
        cached = cache.get(key)
        if cached is not None:
            return Item(rel, key, lines=cached)
        source = load_source(path, root, default_published, data=data)
        return Item(rel, key, source=replace(source, text_path=text_path(source, text_root)))
    except SourceError as exc:
        sha = hashlib.sha256(data).hexdigest() if data is not None else None
        return Item(rel, lines=reject_lines(rel, sha, exc.stage, exc.reason))
    except Exception as exc:  # an ingest bug on one odd file must not stop the others
        sha = hashlib.sha256(data).hexdigest() if data is not None else None
        return Item(rel, lines=reject_lines(rel, sha, "ingest", f"{type(exc).__name__}: {exc}"))


def load_model(settings: Settings) -> Any:
    """The spaCy pipeline with the organization gazetteer's ruler (imports spaCy: the model's path only).

    The ruler holds the gazetteer of the run's rules, the user's bodies included.
    """
    from pipeline.organizations.gazetteer import gazetteer_patterns

    with use_rules(rules_for(settings.rules_dir)):
        return build_nlp(settings, gazetteer_patterns())


class InProcess:
    """Runs tasks in this process, loading the model on the first task that needs it."""

    window = 0  # a task is done when submitted

    def __init__(self, settings: Settings, task: Callable[..., list[Lines]], nlp: Any = None) -> None:
        self.settings = settings
        self._task = task
        self._nlp = nlp
        self.model_loaded = False

    def submit(self, sources: list[Source]) -> Future:
        if self._nlp is None:
            self._nlp = load_model(self.settings)
            self.model_loaded = True
        future: Future = Future()
        future.set_result(self._task(sources, self._nlp, self.settings))
        return future

    def close(self) -> None:
        pass


# The model of a worker process, loaded once by `_init_worker`.
_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings) -> None:
    _WORKER["settings"] = settings
    _WORKER["nlp"] = load_model(settings)


def worker_model() -> tuple[Any, Settings]:
    """The model and settings of this worker process (for the task function)."""
    return _WORKER["nlp"], _WORKER["settings"]


# Math libraries' own thread pools, one thread each in a worker (as Dask's nanny does): numpy's
# OpenBLAS starts a thread per core in every process, so two workers ran four busy-waiting threads
# on two cores; their tasks took 20.1 s of CPU on 100 bench documents against 16.1 s in one process,
# and 16.4 s with one thread each (one noisy machine: see `make bench`). A variable the user set is kept.
_WORKER_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def _one_math_thread() -> Iterator[None]:
    """The environment a spawned worker inherits, for the time it takes to start it."""
    added = [name for name in _WORKER_THREADS if name not in os.environ]
    for name in added:
        os.environ[name] = "1"
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


class WorkerPool:
    """Runs tasks in `settings.workers` processes, started on the first task that needs them.

    Workers are spawned (fresh interpreters, not forks of this process, which
    may hold threads and locks), and each loads the model once, with one thread
    for the math libraries (the workers are the parallelism). `task` must be
    a module-level function: it is sent by name.
    """

    def __init__(self, settings: Settings, task: Task) -> None:
        self.settings = settings
        self._task = task
        self._pool: ProcessPoolExecutor | None = None
        self.window = 2 * settings.workers
        self.model_loaded = False

    def submit(self, sources: list[Source]) -> Future:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.settings.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker, initargs=(self.settings,),
            )
            self.model_loaded = True
        with _one_math_thread():  # a submit spawns a worker while fewer than `workers` are running
            return self._pool.submit(self._task, sources)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _finish(batch: list[Item], future: Pending | None, cache: ResultCache) -> Iterator[tuple[Item, Lines]]:
    try:
        results = iter(future.result() if future else ())
    except BrokenProcessPool as exc:
        raise WorkerError(f"a worker process died before returning its documents: {exc}") from exc
    for item in batch:
        if item.source is None:
            yield item, item.lines or {}
            continue
        lines = next(results)
        if item.key:
            cache.put(item.key, lines)
        yield item, lines


def resolve(
    items: Iterable[Item], runner: Runner, settings: Settings, cache: ResultCache
) -> Iterator[tuple[Item, Lines]]:
    """Every item with its output lines, in the order of `items`; new results go to the cache."""
    in_flight: deque[tuple[list[Item], Pending | None]] = deque()
    batch: list[Item] = []
    pending: list[Source] = []
    for item in items:
        batch.append(item)
        if item.source is not None:
            pending.append(item.source)
        if len(pending) == settings.docs_per_task or len(batch) >= 16 * settings.docs_per_task:
            in_flight.append((batch, runner.submit(pending) if pending else None))
            batch, pending = [], []
            while len(in_flight) > runner.window:
                yield from _finish(*in_flight.popleft(), cache)
    if batch:
        in_flight.append((batch, runner.submit(pending) if pending else None))
    while in_flight:
        yield from _finish(*in_flight.popleft(), cache)
