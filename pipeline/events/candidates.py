"""What the events stage finds: candidates and their participants, in text offsets.

Frozen values that move themselves by a chunk's offset (`shifted`), so a chunk's
findings become the document's without being rebuilt field by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from pipeline.dates.links import Timex

Offsets = tuple[int, int]


def _moved(span: Offsets, offset: int) -> Offsets:
    return span[0] + offset, span[1] + offset


@dataclass(frozen=True, slots=True)
class ParticipantRef:
    """A participant: an organization mention (resolved to its org_id later) or a country."""

    name: str
    role: str
    mention: Offsets | None = None  # span of an organization mention
    country: str | None = None
    acronym: str | None = None  # a country's abbreviation as the text writes it (`U.S.`)

    def shifted(self, offset: int) -> ParticipantRef:
        return replace(self, mention=_moved(self.mention, offset)) if self.mention else self


@dataclass(frozen=True, slots=True)
class EventCandidate:
    type: str
    trigger: Offsets
    sentence: Offsets
    rule: str
    confidence: float
    plover: str | None = None
    date: Timex | None = None
    location: tuple[str, str | None] | None = None  # (name, ISO alpha-3 country)
    participants: tuple[ParticipantRef, ...] = ()
    ordinal: int | None = None
    evidence: tuple[Offsets, ...] = field(default_factory=tuple)
    anaphoric: bool = False  # `the Summit`, `This assistance`: evidence of an earlier event
    status: str = "happened"  # happened, ongoing, planned (announced for a stated time)
    name: str | None = None  # `Exercise NORTHERN STAR 2023`: the named thing the event is about
    frame: Offsets | None = None  # `deployed ... during a training exercise`: the verb whose time it spans
    told_again: bool = False  # `Chile attended the meeting`: a verb of a definite theme tells one told before

    def shifted(self, offset: int) -> EventCandidate:
        return replace(
            self,
            trigger=_moved(self.trigger, offset),
            sentence=_moved(self.sentence, offset),
            evidence=tuple(_moved(e, offset) for e in self.evidence),
            date=self.date.shifted(offset) if self.date else None,
            participants=tuple(p.shifted(offset) for p in self.participants),
            frame=_moved(self.frame, offset) if self.frame else None,
        )
