"""Dates stage: temporal expressions normalized to TIMEX3 and anchored on the document date.

    detect.py     which spans of a chunk are temporal expressions (grammar rules and the model)
    grammar.py    the grammar's word lists and rules (`data/timex_words.jsonl`)
    normalize.py  a matched expression to its TIMEX3 type, value, granularity and mod
    days.py       the value of a day or a time of day (`18:00 UTC`, `last Tuesday`, `the day`)
    calendar.py, durations.py, periods.py  the value of each other kind of expression
    extents.py    the words TimeML keeps with a date (`the night of April 18`, `August of that year`)
    links.py      expressions that depend on one another (anaphors, ranges); `Timex`, the found item
    narrative.py  a story's expressions anchored on the time it has reached, not the DCT
    clauses.py    whether an expression tells the story's time or looks away from it (`since 513 BC`)
    timeline.py   the first and last day a value covers (`earliest`, `latest`)

`find` reads one chunk and gives expressions in document offsets; `finish`
then reads the whole document's expressions in order (a story's time carries
across chunks) and resolves a narrative's underspecified ones on the story.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from pipeline.dates.clauses import story_view
from pipeline.dates.detect import find_dates
from pipeline.dates.links import Timex
from pipeline.dates.narrative import anchor_story, is_narrative, resolve_shifts
from pipeline.nlp import Chunk

__all__ = ["Timex", "find", "finish"]


def find(chunk: Chunk, published: date | None) -> list[Timex]:
    """The temporal expressions of one chunk, in document offsets, relative ones resolved on `published`."""
    found = resolve_shifts(find_dates(chunk, published), published)
    return [replace(t, view=story_view(chunk.doc, chunk.text, t.start, t.end, t.signal)).shifted(chunk.offset)
            for t in found]


def finish(found: list[Timex], published: date | None) -> list[Timex]:
    """A document's expressions (all chunks, in order), a narrative's anchored on the story's time."""
    ordered = sorted(found, key=lambda t: (t.start, t.end))
    if is_narrative(ordered, published):
        return anchor_story(ordered, published)
    return resolve_shifts(ordered, published)
