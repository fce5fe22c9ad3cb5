"""Events stage: typed, dated, located occurrences with participants, traceable to the text.

    triggers.py    pattern matches to asserted events with their arguments
    factuality.py  is the occurrence asserted: negation, modality, habit, aim, description
    rules.py       the patterns, word classes and types (`data/event_*.json*`); factuality tests
    tree_match.py  runs DependencyMatcher-format patterns over the parse
    arguments.py   date, place and ordinal of a trigger
    scope.py       which words an argument may come from (never across a line break)
    parties.py     participants: organizations and countries in the scope, with roles
    anaphora.py    who a `they` subject stands for; a definite noun told again
    pieces.py      parts of a clause the parser cut off
    framing.py     events framed by another: a possessive date, a summit's margins, `as part of`
    frames.py      nominal events framed by a clause: its time, and its place once told
    places.py      where an event took place
    sites.py       places beyond a plain `in`: site nouns, bases, places left, remote meetings
    merge.py       one event per occurrence
    candidates.py  `EventCandidate` and `ParticipantRef`, the found items

`find` reads one chunk with the organizations and dates found in it; `finish`
gives each organization participant its record's country and keeps one event
per occurrence. Both work in the offsets of the document's cleaned text.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.dates import Timex
from pipeline.events.candidates import EventCandidate, ParticipantRef
from pipeline.events.frames import placed_by_frame
from pipeline.events.merge import merge_events
from pipeline.events.triggers import find_events
from pipeline.nlp import Chunk
from pipeline.organizations import OrgEntity, OrgMention, by_mention

__all__ = ["EventCandidate", "ParticipantRef", "find", "finish"]


def find(chunk: Chunk, mentions: list[OrgMention], dates: list[Timex]) -> list[EventCandidate]:
    """The events of one chunk, given the chunk's own organization mentions and dates (document offsets)."""
    back = -chunk.offset
    found = find_events(chunk, [m.shifted(back) for m in mentions], [t.shifted(back) for t in dates])
    return [e.shifted(chunk.offset) for e in found]


def finish(candidates: list[EventCandidate], entities: list[OrgEntity],
           record_of: dict[tuple[int, int], OrgEntity] | None = None) -> list[EventCandidate]:
    """One event per occurrence of a document.

    An organization participant first takes its record's country, so that merging
    can tell `SEMAR` and `Mexican Navy` apart from another country's body.
    """
    if record_of is None:
        record_of = by_mention(entities)

    def with_country(p: ParticipantRef) -> ParticipantRef:
        ent = record_of.get(p.mention) if p.mention else None
        return replace(p, country=ent.country or p.country) if ent else p

    return placed_by_frame(merge_events([
        replace(ev, participants=tuple(with_country(p) for p in ev.participants)) for ev in candidates
    ]))
