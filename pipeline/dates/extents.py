"""Extents the grammar reads in pieces: a date with the words around it that TimeML keeps in one TIMEX3.

The grammar reads `April 18, 1775` and `that year` on their own; TimeML (and the WikiWars and
TempEval-3 annotations) take in the phrase that qualifies them:

    the night of April 18, 1775   a part of that day: a TIME, 1775-04-18TNI
    August of that year           a month of the year just named: 1940-08, one expression
    the 20 September              a day-first date keeps its determiner (as `the 19th of October`)
    early in 1914                 the period with the word that places a time in it (mod START)

Run on a chunk after its expressions are found, before the document pass: a month of `that year`
is then resolved again on the story's year (narrative.py, rule `of_that_year`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.dates.grammar import fragments, timex_lexicon
from pipeline.dates.links import Timex
from pipeline.dates.timeline import join_year, split_year

# the rule of a month or day of the year named before it ("August of that year")
OF_THAT_YEAR = "of_that_year"


def _daypart_re() -> re.Pattern:
    # "the night of", "the early morning hours of", "early in the morning of", "the morning of"
    return re.compile(rf"\b(?:(?:the\s+)?early\s+(?:in\s+)?)?(?:the\s+)?(?:early\s+)?"
                      rf"({fragments()['DAYPART']})(?:\s+hours)?\s+of\s+$", re.I)


def _in_period_re() -> re.Pattern:
    # "early in 1914", "late in the spring" (not "later in 2025": a signal before the year, no mod)
    return re.compile(rf"\b({fragments()['INMOD']})\s+in\s+$", re.I)


# the periods a date can be early or late in (not a day: `early in the day` is the grammar's)
_IN_GRANULARITIES = frozenset({"year", "season", "month", "quarter", "half", "decade", "century"})
_OF = re.compile(r"(?<!\s)\s+of\s+", re.I)  # no start inside a run of spaces: linear
_THE = re.compile(r"\bthe\s+$", re.I)


def _part_of_day(t: Timex, text: str) -> Timex | None:
    """`the night of April 18, 1775`: the part of a named day (TIMEX3 TNI, TMO, TAF, TEV)."""
    if t.granularity != "day" or t.type != "DATE" or not re.fullmatch(r"B?C?\d{4}-\d\d-\d\d", t.value):
        return None
    m = _daypart_re().search(text, max(0, t.start - 40), t.start)
    if m is None:
        return None
    part = timex_lexicon().value("day_part", m.group(1).lower())
    return replace(t, start=m.start(), text=text[m.start():t.end], type="TIME",
                   value=f"{t.value}T{part}", granularity="time")


def _early_in(t: Timex, text: str) -> Timex | None:
    """`early in 1914`, `Early in spring`: the period with the word that places the time inside it."""
    if t.type != "DATE" or t.granularity not in _IN_GRANULARITIES:
        return None
    m = _in_period_re().search(text, max(0, t.start - 16), t.start)
    placed = timex_lexicon().value("date_mod", m.group(1)) if m else None
    if m is None or not placed:
        return None
    mod = t.mod or placed
    return replace(t, start=m.start(), text=text[m.start():t.end], mod=mod)


def _of_year(t: Timex, year: Timex, text: str) -> Timex | None:
    """`August of that year`, `July 25 of the same year`: the month or day in the year named before."""
    if t.type != "DATE" or t.granularity not in ("month", "day") or year.rule != "that_year":
        return None
    if _OF.fullmatch(text, t.end, year.start) is None or not year.text.lower().startswith(("that", "the")):
        return None
    own, of = split_year(t.value), split_year(year.value)
    if own is None or of is None or of[1]:
        return None
    return replace(year, start=t.start, text=text[t.start:year.end], value=join_year(of[0], own[1]),
                   granularity=t.granularity, rule=OF_THAT_YEAR, mod=t.mod)


def widen(found: list[Timex], text: str) -> list[Timex]:
    """The chunk's expressions with the qualifying words TimeML includes (see the module's docstring)."""
    out: list[Timex] = []
    skip = False
    for k, t in enumerate(found):
        if skip:
            skip = False
            continue
        nxt = found[k + 1] if k + 1 < len(found) else None
        joined = _of_year(t, nxt, text) if nxt is not None else None
        if joined is not None:
            out.append(joined)
            skip = True
            continue
        before = out[-1].end if out else 0
        part = _part_of_day(t, text) or _early_in(t, text)
        if part is not None and part.start >= before:
            t = part
        elif t.text[:1].isdigit() and t.granularity == "day" and (m := _THE.search(text, max(0, t.start - 4),
                                                                                    t.start)):
            if m.start() >= before and re.match(r"\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]", t.text):
                t = replace(t, start=m.start(), text=text[m.start():t.end])
        out.append(t)
    return out
