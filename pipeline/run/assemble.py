"""Records from what the stages found: offsets mapped back to the stored text, then validated.

The stages work in the cleaned view of a text; every span is mapped back
through `CleanText.to_source` so that `text[start:end]` of the stored text is
the mention. Ids are given here (`t1`, `e1` in text order), and each event
participant that is an organization mention takes its record's name, id and
country.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pipeline.dates.timeline import day_range
from pipeline.ingest import CleanText, Source
from pipeline.organizations import by_mention
from pipeline.output import TEXT_KEY, record_line
from pipeline.records import (
    DateRecord,
    DocumentRecord,
    EventDate,
    EventRecord,
    Location,
    OrganizationRecord,
    Participant,
    SentenceSpan,
    Span,
)
from pipeline.run.cache import Lines
from pipeline.run.document import Found


@dataclass
class DocResult:
    """Every record of one document, ready to write: validated, and kept as its JSON line.

    A dense 5 MB text has hundreds of thousands of mentions and dates: held as
    pydantic records they took more memory than the model. Each record is
    validated, written as its line and let go; `organizations`, `dates` and
    `events` read the records back from the lines for a caller that wants them.
    """

    document: DocumentRecord
    record_lines: dict[str, list[str]]  # "organizations", "dates", "events": one line a record
    text: str | None = None  # a converted source's text, which the runner writes to `text_path`

    @property
    def organizations(self) -> list[OrganizationRecord]:
        return [OrganizationRecord.model_validate_json(line) for line in self.record_lines["organizations"]]

    @property
    def dates(self) -> list[DateRecord]:
        return [DateRecord.model_validate_json(line) for line in self.record_lines["dates"]]

    @property
    def events(self) -> list[EventRecord]:
        return [EventRecord.model_validate_json(line) for line in self.record_lines["events"]]

    def lines(self) -> Lines:
        """The JSON Lines of every record, by output file, and a converted text under TEXT_KEY.

        The text travels with the lines (from a worker, into the cache) so that a
        run served from the cache writes it again.
        """
        lines = {"documents": [record_line(self.document)],
                 **{kind: list(found) for kind, found in self.record_lines.items()}}
        if self.text is not None:
            lines[TEXT_KEY] = [self.text]
        return lines


def event_key(etype: str, date: str | None, place_country: str | None,
              participants: list[Participant]) -> str:
    """One key for one occurrence across documents, so a consumer can GROUP BY it.

    Documents name the same parties differently (`Canada`, `Royal Canadian Navy`), so
    a party counts by its country; a body of no country (NATO, the UN) by its org_id.
    """
    parties = sorted({p.country for p in participants if p.country}
                     | {p.org_id for p in participants if p.org_id and not p.country})
    raw = "|".join([etype, date or "", place_country or "", ",".join(parties)])
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def document_record(source: Source) -> DocumentRecord:
    return DocumentRecord(
        doc_id=source.doc_id,
        source=source.source,
        sha256=source.sha256,
        title=source.title,
        published=source.published.isoformat() if source.published else None,
        chars=len(source.text),
        format=source.format,
        encoding=source.encoding,
        text_path=source.text_path,
    )


def build_records(source: Source, view: CleanText, found: Found) -> DocResult:
    """Map what was found back to the stored text and validate it into records."""
    text = source.text
    doc_id = source.doc_id

    def span(start: int, end: int) -> Span:
        s, e = view.to_source(start, end)
        return Span(start=s, end=e, text=text[s:e])

    record_of = found.record_of if found.record_of is not None else by_mention(found.organizations)
    organizations = []  # (where the record sorts, its line)
    for ent in found.organizations:
        unique = {(s.start, s.end): s for s in (span(m.start, m.end) for m in ent.mentions)}
        record = OrganizationRecord(
            doc_id=doc_id, org_id=ent.org_id, name=ent.name, acronym=ent.acronym, country=ent.country,
            mentions=[unique[k] for k in sorted(unique)],
            source="gazetteer" if ent.from_gazetteer else "model",
        )
        organizations.append(((record.mentions[0].start, record.org_id), record_line(record)))
    organizations.sort(key=lambda r: r[0])

    ordered = sorted(found.dates, key=lambda t: (t.start, t.end))
    date_id_of = {(t.start, t.end): f"t{i}" for i, t in enumerate(ordered, 1)}
    timex_at = {(t.start, t.end): t for t in ordered}
    date_records = []
    for t in ordered:
        s = span(t.start, t.end)
        days = day_range(t.value) if t.type in ("DATE", "TIME") else None
        date_records.append(record_line(DateRecord(
            doc_id=doc_id, date_id=date_id_of[(t.start, t.end)], start=s.start, end=s.end, text=s.text,
            type=t.type, value=t.value, granularity=t.granularity, mod=t.mod, anchor=t.anchor,
            anchor_date_id=date_id_of.get(t.anchor_span) if t.anchor_span else None, signal=t.signal,
            earliest=days[0] if days else None, latest=days[1] if days else None,
            range_end=date_id_of.get(t.range_end) if t.range_end else None,
        )))

    def event_date(start: int, end: int, value: str) -> EventDate:
        """The event's date as the dates stage finally resolved it, with the range's other end."""
        t = timex_at.get((start, end))
        last = timex_at.get(t.range_end) if t and t.range_end else None
        return EventDate(value=t.value if t else value, date_id=date_id_of.get((start, end)),
                         end_value=last.value if last else None,
                         end_date_id=date_id_of.get(t.range_end) if last and t and t.range_end else None)

    event_records = []
    for i, ev in enumerate(sorted(found.events, key=lambda e: e.trigger), 1):
        participants = []
        for p in ev.participants:
            ent = record_of.get(p.mention) if p.mention else None
            participants.append(Participant(
                name=ent.name if ent else p.name,
                acronym=ent.acronym if ent else p.acronym,
                org_id=ent.org_id if ent else None,
                country=ent.country if ent else p.country,
                role=p.role,
            ))
        sent = view.to_source(*ev.sentence)
        event_records.append(record_line(EventRecord(
            doc_id=doc_id, event_id=f"e{i}", type=ev.type, plover=ev.plover, trigger=span(*ev.trigger),
            sentence=SentenceSpan(start=sent[0], end=sent[1]),
            evidence=[span(*e) for e in ev.evidence],
            date=event_date(ev.date.start, ev.date.end, ev.date.value) if ev.date else None,
            location=Location(name=ev.location[0], country=ev.location[1]) if ev.location else None,
            participants=participants, ordinal=ev.ordinal, rule=ev.rule, confidence=ev.confidence,
            status=ev.status, name=ev.name,
            event_key=event_key(ev.type, ev.date.value if ev.date else None,
                                ev.location[1] if ev.location else None, participants),
        )))
    lines = {"organizations": [line for _, line in organizations], "dates": date_records,
             "events": event_records}
    return DocResult(document_record(source), lines, text=source.text if source.converted else None)
