"""The gold format: what an annotator writes, read and validated before anything is scored.

A gold file (`NAME.gold.json`) annotates one document. It is the format of the
shared dev gold (offsets everywhere, as `eval/score.py` reads it), extended so
that a person can annotate with a text editor: wherever an offset pair
`[start, end]` is expected, a string located in the text may stand instead
(`"DND"`, `{"text": "DND", "occurrence": 2}`, `{"text": "DND", "all": true}`).
`locate.py` turns those strings into offsets; the measures only ever see the
resolved `DocGold`.

Validation is strict (`extra="forbid"`, no type coercion) so that a typo such
as `"mention"` for `"mentions"` or `"start": "12"` is an error naming the item,
not an annotation silently scored as empty.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipeline.errors import GoldError
from pipeline.records import DateType, EventType

Section = Literal["organizations", "dates", "events"]
SECTIONS: tuple[Section, ...] = ("organizations", "dates", "events")


class _Strict(BaseModel):
    """Unknown keys and wrong JSON types are errors; `comment` is free text for the annotator."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
    comment: str | None = None


class Ref(_Strict):
    """A place in the text: an offset pair, or a string to look for.

    Written as `[start, end]`, `"text"` (its first occurrence),
    `{"text": ..., "occurrence": n}` (the n-th, 1-based) or
    `{"text": ..., "all": true}` (every occurrence; organization mentions only).
    """

    text: str | None = Field(default=None, min_length=1)
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=1)
    occurrence: int | None = Field(default=None, ge=1)
    all: bool = False

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"text": value}
        if isinstance(value, list):
            if len(value) != 2:
                raise ValueError(f"an offset pair is [start, end], got {value!r}")
            return {"start": value[0], "end": value[1]}
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Ref:
        has_offsets = self.start is not None or self.end is not None
        if has_offsets and (self.start is None or self.end is None):
            raise ValueError("give both start and end")
        if has_offsets and self.end <= self.start:  # type: ignore[operator]
            raise ValueError(f"end {self.end} is not after start {self.start}")
        if not has_offsets and self.text is None:
            raise ValueError('give the text to look for, or [start, end]')
        if has_offsets and (self.occurrence is not None or self.all):
            raise ValueError('"occurrence" and "all" are for strings looked up in the text, not offsets')
        if self.occurrence is not None and self.all:
            raise ValueError('"occurrence" and "all" exclude each other')
        return self

    @property
    def located(self) -> bool:
        """True when the place is a string still to be found in the text."""
        return self.start is None


class GoldOrg(_Strict):
    """One organization: every name it goes by (long form, acronym, short forms) and its mentions."""

    names: list[str] = Field(min_length=1)
    country: str | None = None
    mentions: list[Ref] = Field(default_factory=list)
    optional: bool = False
    # Names the annotator decided are NOT this body ("Army Operating Concept"); a note, not scored.
    exclude: list[str] = Field(default_factory=list)

    @field_validator("names")
    @classmethod
    def _no_blank_name(cls, names: list[str]) -> list[str]:
        if any(not n.strip() for n in names):
            raise ValueError("a name is blank")
        return names


class GoldDate(_Strict):
    """One temporal expression: its extent (offsets, or the text and its occurrence) and TIMEX3 value."""

    text: str = Field(min_length=1)
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=1)
    occurrence: int | None = Field(default=None, ge=1)
    value: str = Field(min_length=1)
    type: DateType | None = None
    optional: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> GoldDate:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both start and end, or neither (the text is then looked up)")
        if self.start is not None and self.occurrence is not None:
            raise ValueError('"occurrence" is for a text looked up, not with start and end')
        return self

    def ref(self) -> Ref:
        """The extent as a Ref, so that dates are located like every other string."""
        if self.start is None:
            return Ref(text=self.text, occurrence=self.occurrence)
        return Ref(text=self.text, start=self.start, end=self.end)


class GoldEvent(_Strict):
    """One event: its type, the passages that state it (evidence), its date value and arguments.

    A system event matches when its trigger overlaps one evidence passage. `trigger`
    is the word that states it; when `evidence` is left out the trigger (with
    `occurrence`) is the evidence, else it must lie inside one evidence passage.
    """

    type: EventType
    date: str | None = None
    evidence: list[Ref] = Field(default_factory=list)
    evidence_text: list[str] | None = None
    trigger: str | None = Field(default=None, min_length=1)
    occurrence: int | None = Field(default=None, ge=1)
    participants: list[str] = Field(default_factory=list)
    location: str | None = None
    optional: bool = False

    @field_validator("evidence", mode="before")
    @classmethod
    def _one_passage(cls, value: Any) -> Any:
        # "evidence": "The inaugural meeting was hosted by Canada": one passage needs no list
        return [value] if isinstance(value, str | dict) else value

    @model_validator(mode="after")
    def _consistent(self) -> GoldEvent:
        if not self.evidence and self.trigger is None:
            raise ValueError('give "evidence" (the passage that states the event) or "trigger"')
        if self.evidence_text is not None and len(self.evidence_text) != len(self.evidence):
            raise ValueError(
                f'"evidence_text" has {len(self.evidence_text)} passages, "evidence" {len(self.evidence)}'
            )
        if self.evidence and self.occurrence is not None:
            raise ValueError('"occurrence" counts the trigger when there is no "evidence"; '
                             "give the evidence's occurrence inside it instead")
        if any(ref.all for ref in self.evidence):
            raise ValueError('"all" is for organization mentions; an evidence passage is one place')
        return self


class GoldFile(_Strict):
    """A whole gold file; its document is found by `sha256` (of the bytes), else `doc_id`, else `file`.

    `scope` says which sections were annotated: an unannotated section is not
    scored, so the system is not charged false alarms there. Left out, it is the
    sections the file has.
    """

    file: str | None = Field(default=None, min_length=1)
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    doc_id: str | None = Field(default=None, min_length=1)
    published: str | None = None
    title: str | None = None
    source: str | None = None
    scope: list[Section] | None = None
    organizations: list[GoldOrg] = Field(default_factory=list)
    dates: list[GoldDate] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)

    @model_validator(mode="after")
    def _identified(self) -> GoldFile:
        if self.sha256 is None and self.doc_id is None and self.file is None:
            raise ValueError('name the document: "sha256", "doc_id" or "file"')
        return self

    def sections(self) -> frozenset[Section]:
        """The sections scored for this document."""
        if self.scope is not None:
            return frozenset(self.scope)
        return frozenset(s for s in SECTIONS if s in self.model_fields_set)


# --- gold after locating: plain values, what the measures read ---------------------------------


class Span(NamedTuple):
    """A slice of the document: `text` is the document's text there (or the annotator's, if unread)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class OrgGold:
    names: tuple[str, ...]
    mentions: tuple[Span, ...]
    optional: bool


@dataclass(frozen=True)
class DateGold:
    span: Span
    value: str
    optional: bool


@dataclass(frozen=True)
class EventGold:
    type: str
    date: str | None
    evidence: tuple[Span, ...]
    participants: tuple[str, ...]
    location: str | None
    optional: bool


@dataclass(frozen=True)
class DocGold:
    """One gold file resolved against its document: what the measures compare with the output."""

    path: str
    doc_id: str | None
    scope: frozenset[Section]
    organizations: tuple[OrgGold, ...]
    dates: tuple[DateGold, ...]
    events: tuple[EventGold, ...]


# --- reading -----------------------------------------------------------------------------------


def item_path(loc: tuple[int | str, ...]) -> str:
    """`('organizations', 2, 'mentions', 0)` as an annotator reads it: `organizations[2].mentions[0]`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _problems(exc: ValidationError) -> list[str]:
    """One line per validation error, without pydantic's wording for model-level checks."""
    lines = []
    for err in exc.errors(include_url=False):
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            msg = "required, missing"
        elif err["type"] == "extra_forbidden":
            msg = "unknown key (a typo?)"
        elif err["type"].endswith("_type") or err["type"] == "literal_error":
            msg = f"{msg}, got {json.dumps(err['input'])[:60]}"
        lines.append(f"{item_path(err['loc'])}: {msg}" if err["loc"] else msg)
    return lines


def parse_gold(data: bytes, path: str) -> GoldFile:
    """Bytes of a gold file to a validated GoldFile; every problem is a GoldError line naming the item."""
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise GoldError([f"{path}: not UTF-8 (byte {exc.start})"]) from exc
    except json.JSONDecodeError as exc:
        raise GoldError([f"{path}: line {exc.lineno} column {exc.colno}: not JSON: {exc.msg}"]) from exc
    if not isinstance(raw, dict):
        raise GoldError([f"{path}: a gold file holds one JSON object"])
    try:
        return GoldFile.model_validate(raw)
    except ValidationError as exc:
        raise GoldError([f"{path}: {p}" for p in _problems(exc)]) from exc


def gold_paths(gold_dir: Path) -> list[Path]:
    """Every `*.gold.json` of the folder (not its subfolders), sorted by name, as eval/score.py reads them."""
    if not gold_dir.is_dir():
        raise GoldError([f"{gold_dir}: not a folder"])
    paths = sorted(gold_dir.glob("*.gold.json"))
    if not paths:
        raise GoldError([f"{gold_dir}: no *.gold.json files"])
    return paths
