"""Extraction: chains ingest, NLP, the three extractors, records and output.

Called by the CLI and by the tests. Documents stream through `nlp.pipe` in
sorted order and their records are written as soon as each is complete, so
memory stays flat however many sources there are. Extractors work in the
offsets of the cleaned view; this module maps every span back to the stored text.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from spacy.language import Language

from pipeline import dates as dates_mod
from pipeline import events as events_mod
from pipeline import organizations as orgs_mod
from pipeline.errors import SourceError
from pipeline.ingest import CleanText, Source, clean, discover, load_source
from pipeline.nlp import build_nlp, iter_chunks
from pipeline.output import open_outputs
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

OUTPUT_NAMES = ("documents", "organizations", "dates", "events", "rejects")


@dataclass
class DocResult:
    """Every record of one document, ready to write."""

    document: DocumentRecord
    organizations: list[OrganizationRecord]
    dates: list[DateRecord]
    events: list[EventRecord]


@dataclass
class Summary:
    documents: int = 0
    organizations: int = 0
    dates: int = 0
    events: int = 0
    rejects: list[RejectRecord] = field(default_factory=list)
    seconds: float = 0.0


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
    orgs = orgs_mod.find_mentions(doc)
    timexes = dates_mod.find_dates(doc, dct)
    events = events_mod.find_events(doc, orgs, timexes)
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


def _load_all(paths: Iterable[Path], root: Path, summary: Summary,
              default_published: date | None) -> Iterator[Source]:
    for path in paths:
        try:
            yield load_source(path, root, default_published)
        except SourceError as exc:
            summary.rejects.append(_reject(path, root, exc))


def _reject(path: Path, root: Path, exc: SourceError) -> RejectRecord:
    try:
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        sha = None
    return RejectRecord(source=path.relative_to(root).as_posix(), sha256=sha, stage=exc.stage,
                        reason=exc.reason)


def process(sources: Iterable[Source], nlp: Language, settings: Settings) -> Iterator[DocResult]:
    """Run the NLP and extractors over sources, yielding each document's records in order."""

    def chunks() -> Iterator[tuple[str, tuple[int, Source, CleanText, int, bool]]]:
        for n, source in enumerate(sources):
            view = clean(source)
            pieces = list(iter_chunks(view.text, settings.max_chunk_chars)) or [(0, "")]
            for k, (offset, piece) in enumerate(pieces):
                yield piece, (n, source, view, offset, k == len(pieces) - 1)

    found = _Found()
    for doc, (_, source, view, offset, last) in nlp.pipe(
        chunks(), as_tuples=True, batch_size=settings.batch_size
    ):
        _find_in_chunk(doc, offset, source.published, found)
        if last:
            yield build_records(source, view, found)
            found = _Found()


def extract(
    sources_dir: Path,
    out_dir: Path,
    settings: Settings | None = None,
    *,
    nlp: Language | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
    default_published: date | None = None,
) -> Summary:
    """Extract every source under `sources_dir` into the JSON Lines files under `out_dir`."""
    started = time.perf_counter()
    settings = settings or Settings()
    summary = Summary()
    paths = discover(sources_dir)
    nlp = nlp or build_nlp(settings)
    with open_outputs(out_dir, OUTPUT_NAMES) as out:
        results = process(_load_all(paths, sources_dir, summary, default_published), nlp, settings)
        if progress:
            results = progress(results)
        for result in results:
            out["documents"].write(result.document)
            for rec in result.organizations:
                out["organizations"].write(rec)
            for rec in result.dates:
                out["dates"].write(rec)
            for rec in result.events:
                out["events"].write(rec)
            summary.documents += 1
            summary.organizations += len(result.organizations)
            summary.dates += len(result.dates)
            summary.events += len(result.events)
        for rej in summary.rejects:
            out["rejects"].write(rej)
    summary.seconds = time.perf_counter() - started
    return summary
