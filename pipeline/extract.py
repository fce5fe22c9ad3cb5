"""Extraction: chains ingest, NLP, the three extractors, records and output.

Called by the CLI and by the tests. Documents stream through `nlp.pipe` in
sorted order, a few at a time (schedule.py decides which need the model and
where it runs), and their records are written as soon as each is complete, so
memory stays flat however many sources there are. Extractors work in the
offsets of the cleaned view; this module maps every span back to the stored text.

A document whose extraction raises is rejected with the stage and the reason,
and every other document is still extracted: one bad input loses nothing else.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from pipeline import schedule
from pipeline.cache import Lines, ResultCache, run_fingerprint
from pipeline.ingest import CleanText, Source, clean, discover
from pipeline.lock import output_lock
from pipeline.nlp import forget, iter_chunks, model_version
from pipeline.output import open_outputs, record_line, remove_stale_temporaries
from pipeline.records import (
    DateRecord,
    DocumentRecord,
    EventDate,
    EventRecord,
    Location,
    OrganizationRecord,
    Participant,
    RejectRecord,
    SentenceSpan,
    Span,
)
from pipeline.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language


def _lazy(name: str) -> ModuleType:
    """The module, loaded on first attribute access (importlib's LazyLoader).

    The extractors import spaCy and dateparser; a run served entirely from the
    cache never touches them, so it never pays for importing them.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


dates_mod = _lazy("pipeline.dates")
events_mod = _lazy("pipeline.events")
orgs_mod = _lazy("pipeline.organizations")

OUTPUT_NAMES = ("documents", "organizations", "dates", "events", "rejects")
RECORD_NAMES = OUTPUT_NAMES[:4]


@dataclass
class DocResult:
    """Every record of one document, ready to write."""

    document: DocumentRecord
    organizations: list[OrganizationRecord]
    dates: list[DateRecord]
    events: list[EventRecord]

    def lines(self) -> Lines:
        """The JSON Lines of every record, by output file."""
        return {
            "documents": [record_line(self.document)],
            "organizations": [record_line(r) for r in self.organizations],
            "dates": [record_line(r) for r in self.dates],
            "events": [record_line(r) for r in self.events],
        }


@dataclass
class Summary:
    documents: int = 0
    organizations: int = 0
    dates: int = 0
    events: int = 0
    rejects: list[RejectRecord] = field(default_factory=list)
    seconds: float = 0.0
    cached: int = 0  # documents whose lines came from the cache
    model_loaded: bool = False  # whether this run loaded the model at all


@dataclass
class _Found:
    """What the extractors found in one document, in cleaned-view offsets."""

    orgs: list[orgs_mod.OrgMention] = field(default_factory=list)
    dates: list[dates_mod.Timex] = field(default_factory=list)
    events: list[events_mod.EventCandidate] = field(default_factory=list)


def _shift(obj, offset: int):
    """Move a found item by a chunk's offset (items are frozen dataclasses with start/end)."""
    return replace(obj, start=obj.start + offset, end=obj.end + offset)


def _shift_event(ev: events_mod.EventCandidate, off: int) -> events_mod.EventCandidate:
    def sp(s: tuple[int, int]) -> tuple[int, int]:
        return (s[0] + off, s[1] + off)

    parts = tuple(
        replace(p, mention=sp(p.mention) if p.mention else None) for p in ev.participants
    )
    return replace(
        ev,
        trigger=sp(ev.trigger),
        sentence=sp(ev.sentence),
        evidence=tuple(sp(e) for e in ev.evidence),
        date=_shift(ev.date, off) if ev.date else None,
        participants=parts,
    )


def _find_in_chunk(doc, offset: int, dct: date | None, found: _Found) -> None:
    try:
        orgs = orgs_mod.find_mentions(doc)
        timexes = dates_mod.find_dates(doc, dct)
        events = events_mod.find_events(doc, orgs, timexes)
    finally:
        forget(doc)
    found.orgs.extend(_shift(m, offset) for m in orgs)
    found.dates.extend(_shift(t, offset) for t in timexes)
    found.events.extend(_shift_event(e, offset) for e in events)


def build_records(source: Source, view: CleanText, found: _Found) -> DocResult:
    """Map what was found back to the stored text and validate it into records."""
    text = source.text
    doc_id = source.doc_id

    def span(start: int, end: int) -> Span:
        s, e = view.to_source(start, end)
        return Span(start=s, end=e, text=text[s:e])

    document = DocumentRecord(
        doc_id=doc_id,
        source=source.source,
        sha256=source.sha256,
        title=source.title,
        published=source.published.isoformat() if source.published else None,
        chars=len(text),
    )

    entities = orgs_mod.group(found.orgs, view.text)
    org_of_mention: dict[tuple[int, int], orgs_mod.OrgEntity] = {}
    organizations = []
    for ent in entities:
        for m in ent.mentions:
            org_of_mention[(m.start, m.end)] = ent
        unique = {(s.start, s.end): s for s in (span(m.start, m.end) for m in ent.mentions)}
        mentions = [unique[k] for k in sorted(unique)]
        organizations.append(
            OrganizationRecord(
                doc_id=doc_id,
                org_id=ent.org_id,
                name=ent.name,
                acronym=ent.acronym,
                country=ent.country,
                mentions=mentions,
                source="gazetteer" if ent.from_gazetteer else "model",
            )
        )
    organizations.sort(key=lambda r: (r.mentions[0].start, r.org_id))

    date_records = []
    date_id_of: dict[tuple[int, int], str] = {}
    for i, t in enumerate(sorted(found.dates, key=lambda t: (t.start, t.end)), 1):
        s = span(t.start, t.end)
        date_id = f"t{i}"
        date_id_of[(t.start, t.end)] = date_id
        date_records.append(
            DateRecord(
                doc_id=doc_id, date_id=date_id, start=s.start, end=s.end, text=s.text,
                type=t.type, value=t.value, granularity=t.granularity, mod=t.mod, anchor=t.anchor,
                signal=t.signal,
            )
        )

    # One event per occurrence; an organization participant carries its record's country
    # so that merging can tell `SEMAR` and `Mexican Navy` apart from another country's body.
    events = events_mod.merge_events([
        replace(ev, participants=tuple(
            replace(p, country=org_of_mention[p.mention].country or p.country)
            if p.mention in org_of_mention else p
            for p in ev.participants))
        for ev in found.events
    ])
    event_records = []
    for i, ev in enumerate(sorted(events, key=lambda e: e.trigger), 1):
        participants = []
        for p in ev.participants:
            ent = org_of_mention.get(p.mention) if p.mention else None
            participants.append(
                Participant(
                    name=ent.name if ent else p.name,
                    acronym=ent.acronym if ent else None,
                    org_id=ent.org_id if ent else None,
                    country=(ent.country if ent else p.country),
                    role=p.role,
                )
            )
        sent = view.to_source(*ev.sentence)
        event_records.append(
            EventRecord(
                doc_id=doc_id,
                event_id=f"e{i}",
                type=ev.type,
                plover=ev.plover,
                trigger=span(*ev.trigger),
                sentence=SentenceSpan(start=sent[0], end=sent[1]),
                evidence=[span(*e) for e in ev.evidence],
                date=EventDate(value=ev.date.value, date_id=date_id_of.get((ev.date.start, ev.date.end)))
                if ev.date else None,
                location=Location(name=ev.location[0], country=ev.location[1]) if ev.location else None,
                participants=participants,
                ordinal=ev.ordinal,
                rule=ev.rule,
                confidence=ev.confidence,
            )
        )
    return DocResult(document, organizations, date_records, event_records)


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


def _process_batch(
    sources: list[Source], nlp: Language, settings: Settings
) -> list[DocResult | RejectRecord]:
    """Records (or the rejection) of each source, in order; one failing document spares the others."""
    limit = min(settings.max_chunk_chars, nlp.max_length)
    results: list[DocResult | RejectRecord | None] = [None] * len(sources)
    views: list[CleanText | None] = []
    for i, source in enumerate(sources):
        try:
            views.append(clean(source))
        except Exception as exc:  # any failure rejects this document only
            results[i] = _failure(source, "clean", exc)
            views.append(None)
    found = [_Found() for _ in sources]
    try:
        for group in _budgeted(_pieces(views, limit), settings):
            for doc, (i, offset) in nlp.pipe(group, as_tuples=True, batch_size=len(group)):
                if results[i] is None:
                    try:
                        _find_in_chunk(doc, offset, sources[i].published, found[i])
                    except Exception as exc:
                        results[i] = _failure(sources[i], "extract", exc)
    except Exception as exc:  # the model failed on some text of the batch
        if len(sources) == 1:
            return [results[0] or _failure(sources[0], "nlp", exc)]
        return [r for source in sources for r in _process_batch([source], nlp, settings)]
    for i, source in enumerate(sources):
        if results[i] is None:
            try:
                results[i] = build_records(source, views[i], found[i])
            except Exception as exc:
                results[i] = _failure(source, "records", exc)
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


def _count(lines: Lines, summary: Summary) -> None:
    summary.documents += len(lines.get("documents", ()))
    summary.organizations += len(lines.get("organizations", ()))
    summary.dates += len(lines.get("dates", ()))
    summary.events += len(lines.get("events", ()))
    summary.rejects.extend(RejectRecord.model_validate_json(x) for x in lines.get("rejects", ()))


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

    Holds `out_dir`'s lock for the whole run (waiting for it, or raising
    OutputLockedError when `wait` is false). Documents unchanged since an
    earlier run into `out_dir` come from its cache; the model is loaded only
    when some document needs it. `nlp` (a pipeline built by the caller, e.g. a
    test) serves a one-process run; with `settings.workers > 1` each worker
    loads `settings.model` itself.
    """
    started = time.perf_counter()
    settings = settings or Settings()
    if nlp is not None and settings.workers > 1:
        raise ValueError("worker processes load settings.model themselves: pass nlp only with workers=1")
    summary = Summary()
    paths = discover(sources_dir)
    with output_lock(out_dir, wait=wait, on_wait=on_wait):
        remove_stale_temporaries(out_dir, OUTPUT_NAMES)
        cache = ResultCache(out_dir, enabled=settings.use_cache)
        run = run_fingerprint(settings, model_version(nlp) if nlp is not None else None)
        runner = (
            schedule.WorkerPool(settings, run_task_in_worker)
            if settings.workers > 1
            else schedule.InProcess(settings, run_task, nlp)
        )
        try:
            with open_outputs(out_dir, OUTPUT_NAMES) as out:
                items = (
                    schedule.plan(p, sources_dir, settings, cache, run, default_published) for p in paths
                )
                results: Iterable = schedule.resolve(items, runner, settings, cache)
                if progress:
                    results = progress(results)
                for _, lines in results:
                    for name in OUTPUT_NAMES:
                        for line in lines.get(name, ()):
                            out[name].write_line(line)
                    _count(lines, summary)
        finally:
            runner.close()
        cache.prune()
    summary.cached = cache.hits
    summary.model_loaded = runner.model_loaded
    summary.seconds = time.perf_counter() - started
    return summary
