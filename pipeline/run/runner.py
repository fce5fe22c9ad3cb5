"""Extraction: chains ingest, NLP, the three stages (document.py), records (assemble.py) and output.

Called by the CLI and by the tests. Documents stream through `nlp.pipe` in
sorted order, a few at a time (schedule.py decides which need the model and
where it runs), and their records are written as soon as each is complete, so
memory stays flat however many sources there are. The stages and spaCy are
imported only on the path that needs the model: a run served from the cache
never loads them.

A document whose extraction raises is rejected with the stage and the reason,
and every other document is still extracted: one bad input loses nothing else.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.ingest import CleanText, Source, clean, discover, id_clashes
from pipeline.nlp import Chunk, iter_chunks, model_version
from pipeline.output import TEXT_KEY, open_outputs, open_texts, record_line, remove_stale_temporaries
from pipeline.records import RejectRecord
from pipeline.rules import rules_for, use_rules
from pipeline.run import cluster, schedule
from pipeline.run.cache import Lines, ResultCache, run_fingerprint
from pipeline.run.lock import output_lock
from pipeline.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from pipeline.run.assemble import DocResult


OUTPUT_NAMES = ("documents", "organizations", "dates", "events", "rejects")


@dataclass
class Summary:
    documents: int = 0
    organizations: int = 0
    dates: int = 0
    events: int = 0
    rejects: list[RejectRecord] = field(default_factory=list)
    seconds: float = 0.0
    cached: int = 0  # documents whose lines came from the cache
    undated: int = 0  # documents without a date: their relative expressions stay unresolved (XXXX-XX)
    model_loaded: bool = False  # whether this run loaded the model at all


def _failure(source: Source, stage: str, exc: Exception) -> RejectRecord:
    reason = schedule.one_line(f"{type(exc).__name__}: {exc}")
    return RejectRecord(source=source.source, sha256=source.sha256, stage=stage, reason=reason)


def _pieces(views: list[CleanText | None], limit: int) -> Iterator[tuple[str, tuple[int, int]]]:
    for i, view in enumerate(views):
        if view is not None:
            for offset, piece in list(iter_chunks(view.text, limit)) or [(0, "")]:
                yield piece, (i, offset)


def _budgeted(pieces: Iterator[tuple[str, tuple[int, int]]], settings: Settings) -> Iterator[list]:
    """Pieces in groups of at most `batch_size` texts and `max_batch_chars` characters.

    The model's memory grows with the text it holds at once: sixteen 100,000
    character pieces of one 5 MB file took 1.4 GB; a budget keeps it flat.
    """
    group: list = []
    chars = 0
    for item in pieces:
        if group and (len(group) == settings.batch_size or chars + len(item[0]) > settings.max_batch_chars):
            yield group
            group, chars = [], 0
        group.append(item)
        chars += len(item[0])
    if group:
        yield group


class _ModelError(Exception):
    """The model failed on some text of a batch (not an extractor on one document)."""


def _parsed(nlp: Language, views: list[CleanText | None], settings: Settings) -> Iterator[tuple[int, Chunk]]:
    """(document index, chunk) of every piece of every view, in order, parsed in budgeted groups."""
    limit = min(settings.max_chunk_chars, nlp.max_length)
    for group in _budgeted(_pieces(views, limit), settings):
        try:
            for doc, (i, offset) in nlp.pipe(group, as_tuples=True, batch_size=len(group)):
                yield i, Chunk.of(doc, offset)
        except Exception as exc:
            raise _ModelError(exc) from exc


def _process_batch(
    sources: list[Source], nlp: Language, settings: Settings
) -> list[DocResult | RejectRecord]:
    """Records (or the rejection) of each source, in order, under the run's rules."""
    with use_rules(rules_for(settings.rules_dir)):
        return _extract_batch(sources, nlp, settings)


def _extract_batch(
    sources: list[Source], nlp: Language, settings: Settings
) -> list[DocResult | RejectRecord]:
    """Records (or the rejection) of each source, in order; one failing document spares the others."""
    from pipeline.run.assemble import build_records  # the model's path: imports spaCy and the stages
    from pipeline.run.document import find_all

    results: list[DocResult | RejectRecord | None] = [None] * len(sources)
    views: list[CleanText | None] = []
    for i, source in enumerate(sources):
        try:
            views.append(clean(source))
        except Exception as exc:  # any failure rejects this document only
            results[i] = _failure(source, "clean", exc)
            views.append(None)
    try:
        for i, pieces in groupby(_parsed(nlp, views, settings), key=itemgetter(0)):
            source, view = sources[i], views[i]
            try:
                found = find_all((chunk for _, chunk in pieces), view.text, source.published)
            except _ModelError:
                raise
            except Exception as exc:
                results[i] = _failure(source, "extract", exc)
                continue
            try:
                results[i] = build_records(source, view, found)
            except Exception as exc:
                results[i] = _failure(source, "records", exc)
    except _ModelError as exc:
        if len(sources) == 1:
            return [results[0] or _failure(sources[0], "nlp", exc.__cause__ or exc)]
        return [r for source in sources for r in _extract_batch([source], nlp, settings)]
    return results


def process(
    sources: Iterable[Source], nlp: Language, settings: Settings
) -> Iterator[DocResult | RejectRecord]:
    """Run the NLP and extractors over sources, yielding each document's records (or rejection) in order."""
    batch: list[Source] = []
    for source in sources:
        batch.append(source)
        if len(batch) == settings.docs_per_task:
            yield from _process_batch(batch, nlp, settings)
            batch = []
    if batch:
        yield from _process_batch(batch, nlp, settings)


def run_task(sources: list[Source], nlp: Language, settings: Settings) -> list[Lines]:
    """One task of the scheduler: the output lines of each source."""
    return [
        {"rejects": [record_line(r)]} if isinstance(r, RejectRecord) else r.lines()
        for r in _process_batch(sources, nlp, settings)
    ]


def run_task_in_worker(sources: list[Source]) -> list[Lines]:
    """`run_task` with the worker process's own model (see schedule.WorkerPool)."""
    nlp, settings = schedule.worker_model()
    return run_task(sources, nlp, settings)


def run_task_on_cluster(sources: list[Source], settings: Settings, fingerprint: str) -> list[Lines]:
    """`run_task` on a Dask worker, with that worker process's own model (see cluster.py)."""
    nlp, lock = cluster.model_and_lock(settings, fingerprint)
    with lock:  # one document batch at a time through a process's model, whatever its threads
        return run_task(sources, nlp, settings)


def _runner(settings: Settings, nlp: Language | None) -> schedule.Runner:
    if settings.scheduler:
        return cluster.DaskCluster(settings, run_task_on_cluster)
    if settings.workers > 1:
        return schedule.WorkerPool(settings, run_task_in_worker)
    return schedule.InProcess(settings, run_task, nlp)


def _count(lines: Lines, summary: Summary) -> None:
    documents = lines.get("documents", ())
    summary.documents += len(documents)
    summary.undated += sum(1 for line in documents if json.loads(line).get("published") is None)
    summary.organizations += len(lines.get("organizations", ()))
    summary.dates += len(lines.get("dates", ()))
    summary.events += len(lines.get("events", ()))
    summary.rejects.extend(RejectRecord.model_validate_json(x) for x in lines.get("rejects", ()))


class _Counted:
    """Results that know how many they will be, so that a progress bar (tqdm) shows a total and an ETA."""

    def __init__(self, results: Iterable, total: int) -> None:
        self._results = results
        self._total = total

    def __len__(self) -> int:
        return self._total

    def __iter__(self) -> Iterator:
        return iter(self._results)


def _text_root(sources_dir: Path, out_dir: Path) -> str:
    """The sources folder as seen from the output folder (`../sources`): text paths are relative to it."""
    return Path(os.path.relpath(sources_dir.absolute(), out_dir.absolute())).as_posix()


def extract(
    sources_dir: Path,
    out_dir: Path,
    settings: Settings | None = None,
    *,
    nlp: Language | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
    default_published: date | None = None,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
) -> Summary:
    """Extract every source under `sources_dir` into the JSON Lines files under `out_dir`.

    Converted sources' texts (web pages, PDFs, Word documents, texts in another
    encoding than UTF-8) are written under `out_dir/texts/`, with the files.

    Holds `out_dir`'s lock for the whole run (waiting for it, or raising
    OutputLockedError when `wait` is false). Documents unchanged since an
    earlier run into `out_dir` come from its cache; the model is loaded only
    when some document needs it. `nlp` (a pipeline built by the caller, e.g. a
    test) serves a one-process run; with `settings.workers > 1` or a
    `settings.scheduler` each worker loads `settings.model` itself.
    """
    started = time.perf_counter()
    settings = settings or Settings()
    rules = rules_for(settings.rules_dir)  # a bad rules file stops the run before any work
    if nlp is not None and (settings.workers > 1 or settings.scheduler):
        raise ValueError("worker processes load settings.model themselves: pass nlp only with workers=1")
    if settings.scheduler and settings.workers > 1:
        raise ValueError("a Dask cluster's workers run the model: pass workers > 1 or a scheduler, not both")
    summary = Summary()
    # an output folder inside the sources folder is not sources (its texts/ would come back as sources)
    paths = [p for p in discover(sources_dir) if not p.absolute().is_relative_to(out_dir.absolute())]
    clashes = id_clashes(paths, sources_dir)
    text_root = _text_root(sources_dir, out_dir)
    with output_lock(out_dir, wait=wait, on_wait=on_wait):
        remove_stale_temporaries(out_dir, OUTPUT_NAMES)
        cache = ResultCache(out_dir, enabled=settings.use_cache)
        run = run_fingerprint(settings, model_version(nlp) if nlp is not None else None, rules.fingerprint)
        runner = _runner(settings, nlp)
        try:
            with open_outputs(out_dir, OUTPUT_NAMES) as out, open_texts(out_dir) as texts:
                items = (
                    schedule.plan(p, sources_dir, settings, cache, run, default_published, text_root,
                                  clashes.get(p))
                    for p in paths
                )
                results: Iterable = _Counted(schedule.resolve(items, runner, settings, cache), len(paths))
                if progress:
                    results = progress(results)
                for item, lines in results:
                    for name in OUTPUT_NAMES:
                        for line in lines.get(name, ()):
                            out[name].write_line(line)
                    for text in lines.get(TEXT_KEY, ()):
                        texts.write(item.path, text)
                    _count(lines, summary)
        finally:
            runner.close()
        cache.prune()
    summary.cached = cache.hits
    summary.model_loaded = runner.model_loaded
    summary.seconds = time.perf_counter() - started
    return summary
