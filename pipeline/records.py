"""Every record the pipeline writes, as pydantic models: the published contract.

The field names and meanings follow CONTRACT.md; `model_json_schema()` of these
models is what `make schema` writes to `output/schema/`. Records carry offsets into
the text that the document's `text_path` names, never spaCy objects.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"

DateType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "day", "time",
    "duration", "set", "ref", "unknown",
]
Mod = Literal[
    "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE",
    "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
]
EventType = Literal[
    "ESTABLISH", "MEET", "VISIT", "AGREE", "EXERCISE", "DEPLOY", "JOIN", "TRAIN", "AID",
]
Role = Literal["host", "participant", "member", "provider", "recipient"]
Status = Literal["happened", "ongoing", "planned"]
SourceFormat = Literal["txt", "md", "html", "pdf", "docx"]
ISO3 = str
# an ISO 8601 calendar day, expanded with a sign before year 1 ("-0489-01-01")
_ISO_DAY = r"^-?\d{4,}-\d\d-\d\d$"


class Record(BaseModel):
    """Base of every record: unknown fields are an error, the schema version travels along."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_version: Literal["1.0"] = SCHEMA_VERSION


class Span(BaseModel):
    """A slice of the source text: `text == source[start:end]`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end <= self.start or self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}-{self.end} does not fit text {self.text!r}")
        return self


class DocumentRecord(Record):
    kind: Literal["document"] = "document"
    doc_id: str
    source: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str | None
    published: str | None = Field(description="Document creation time, ISO date, or null")
    chars: int = Field(ge=0)
    format: SourceFormat = Field(description="How the source was read: txt, md, html, pdf or docx")
    encoding: str | None = Field(
        description="The encoding the source's bytes were read in (utf-8, utf-16, windows-1252); "
        "null for PDF and .docx, and for a text given as a string"
    )
    text_path: str | None = Field(
        description="The UTF-8 file whose text every offset indexes, relative to the folder holding "
        "this file: the source itself for a UTF-8 .txt or .md, else the text the pipeline wrote under "
        "texts/; null for a text given as a string"
    )


class OrganizationRecord(Record):
    kind: Literal["organization"] = "organization"
    doc_id: str
    org_id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    acronym: str | None
    country: ISO3 | None = Field(pattern=r"^[A-Z]{3}$")
    mentions: list[Span] = Field(min_length=1)
    source: Literal["gazetteer", "model", "acronym"] = "model"


class DateRecord(Record):
    kind: Literal["date"] = "date"
    doc_id: str
    date_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    type: DateType
    value: str
    granularity: Granularity
    mod: Mod | None = None
    anchor: Literal["text", "document", "narrative"] | None = Field(
        description="'text' when the expression gives its value itself, 'document' when resolved "
        "against the document date, 'narrative' when resolved on the time the story had reached "
        "(the expression `anchor_date_id` names); null when it needed a document date and the "
        "document has none (the value then keeps X for what is unknown: 'XXXX-XX' for 'last month')"
    )
    anchor_date_id: str | None = Field(
        default=None, description="the date_id of the expression a narrative value is anchored on"
    )
    signal: str | None = Field(
        default=None, description="the preposition that governs it: 'since' in 'since 2004'"
    )
    earliest: str | None = Field(
        default=None, pattern=_ISO_DAY,
        description="first calendar day the value covers (ISO 8601; astronomical years before "
        "year 1: 490 BC is -0489); null for durations, references, sets and unresolved values",
    )
    latest: str | None = Field(
        default=None, pattern=_ISO_DAY, description="last calendar day the value covers, like earliest"
    )
    range_end: str | None = Field(
        default=None, description="the date_id of the range's other end, when this expression "
        "opens a range (`1915` of `1915-17`, `May 1` of `from May 1 to 12`)",
    )


class EventDate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: str
    date_id: str | None
    end_value: str | None = Field(
        default=None, description="the value of the range's other end, when a range dates the event"
    )
    end_date_id: str | None = Field(default=None, description="the date_id of that other end")


class Location(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    country: ISO3 | None = None


class Participant(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    acronym: str | None = None
    org_id: str | None = None
    country: ISO3 | None = None
    role: Role


class SentenceSpan(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EventRecord(Record):
    kind: Literal["event"] = "event"
    doc_id: str
    event_id: str
    type: EventType
    plover: str | None = None
    trigger: Span
    sentence: SentenceSpan
    evidence: list[Span] = Field(default_factory=list)
    date: EventDate | None = None
    location: Location | None = None
    participants: list[Participant] = Field(default_factory=list)
    ordinal: int | None = None
    rule: str
    confidence: float = Field(ge=0.0, le=1.0)
    status: Status = Field(description="happened, ongoing, or planned (announced for a stated time)")
    name: str | None = Field(
        default=None, description="the named exercise, operation, agreement or body the event is about")
    event_key: str = Field(
        pattern=r"^[0-9a-f]{16}$",
        description="the same for the same occurrence told by different documents: a hash of type, date "
                    "value, place country and the sorted participant countries and org_ids",
    )


class RejectRecord(Record):
    kind: Literal["reject"] = "reject"
    source: str
    sha256: str | None
    stage: str
    reason: str


OUTPUT_MODELS: dict[str, type[Record]] = {
    "documents": DocumentRecord,
    "organizations": OrganizationRecord,
    "dates": DateRecord,
    "events": EventRecord,
}
