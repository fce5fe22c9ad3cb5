"""One document through the three stages: organizations, dates, then events.

Chunks arrive one at a time (a long document is parsed in pieces, and only
one piece's Doc is held at once); each stage reads each chunk, then the
organizations are linked and the events finished for the whole document.
Everything found is in the offsets of the document's cleaned text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from pipeline import dates, events, organizations
from pipeline.nlp import Chunk


@dataclass(frozen=True)
class Found:
    """What the stages found in one document, in cleaned-text offsets."""

    organizations: list[organizations.OrgEntity]
    dates: list[dates.Timex]
    events: list[events.EventCandidate]
    # the record each mention span belongs to, built once for events and records alike
    record_of: dict[tuple[int, int], organizations.OrgEntity] | None = None


def find_all(chunks: Iterable[Chunk], text: str, published: date | None) -> Found:
    """Run every stage over a document's chunks (in order) and finish it."""
    mentions: list[organizations.OrgMention] = []
    timexes: list[dates.Timex] = []
    candidates: list[events.EventCandidate] = []
    for chunk in chunks:
        chunk_mentions = organizations.find(chunk)
        chunk_dates = dates.find(chunk, published)
        candidates += events.find(chunk, chunk_mentions, chunk_dates)
        mentions += chunk_mentions
        timexes += chunk_dates
    entities = organizations.link(mentions, text)
    del mentions  # the entities hold them
    record_of = organizations.by_mention(entities)
    # a story's time carries across chunks: the dates stage ends on the whole document
    return Found(entities, dates.finish(timexes, published), events.finish(candidates, entities, record_of),
                 record_of)
