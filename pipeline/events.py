"""Events: typed, dated, located occurrences with participants, traceable to the text.

This first version defines the interface the extraction stage relies on; the
trigger rules arrive with the events work (issue 5). Offsets are offsets into
the text the Doc was built from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.dates import Timex
from pipeline.organizations import OrgMention


@dataclass(frozen=True)
class ParticipantRef:
    """A participant: an organization mention (resolved to its org_id later) or a country."""

    name: str
    role: str
    mention: tuple[int, int] | None = None  # span of an organization mention
    country: str | None = None


@dataclass(frozen=True)
class EventCandidate:
    type: str
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    rule: str
    confidence: float
    plover: str | None = None
    date: Timex | None = None
    location: tuple[str, str | None] | None = None  # (name, ISO alpha-3 country)
    participants: tuple[ParticipantRef, ...] = ()
    ordinal: int | None = None
    evidence: tuple[tuple[int, int], ...] = field(default_factory=tuple)


def find_events(doc: Doc, orgs: list[OrgMention], dates: list[Timex]) -> list[EventCandidate]:
    """Events asserted in the Doc. No rules yet: the events issue adds them."""
    return []
