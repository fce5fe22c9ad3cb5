"""Links between the expressions of one document: anaphors, repeated periods and ranges.

Pure functions over the expressions found (in text order) and the text. A
clock time or `the day` is on the day mentioned last (or named right after);
`the same period last year` repeats the period mentioned last, a year back;
the two ends of a range (`from March to May 2021`, `from June 10 to 12`) share
what only one of them gives. TimeML annotates each end of a range on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from pipeline.dates.calendar import UNRESOLVED
from pipeline.dates.grammar import fragments
from pipeline.dates.normalize import ANAPHOR, SAME_PERIOD, normalize_as, resolve_anaphor
from pipeline.dates.periods import resolve_same_period
from pipeline.rules import Rules, per_rules


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression of a document: its extent, TIMEX3 type, value and mod, and signal."""

    start: int
    end: int
    text: str
    type: str
    value: str
    granularity: str
    mod: str | None
    anchor: str | None  # "text", "document", "narrative" (on the time the story has reached), or None:
    # it needed a DCT and there is none (see Norm)
    signal: str | None = None  # the preposition that governs it: "since" in "since 2004"
    # the grammar rule that read it and the tense around it: what a document-level pass needs to
    # resolve it again on another reference time (`In May` after `In April 1940`)
    rule: str = ""
    tense: str = ""
    # (start, end) of the expression a narrative value was resolved on
    anchor_span: tuple[int, int] | None = None
    # (start, end) of the range's other end, on the expression that opens it (`1915` of `1915-17`)
    range_end: tuple[int, int] | None = None
    # how it stands to a story's time (clauses.py): "back" (`since 513 BC`, `had invaded in 1943`),
    # "ahead" (`would follow on 16 October`), "aside" (a relative clause's, in brackets), "quoted" (in a
    # quotation), or None: it tells it
    view: str | None = None

    def shifted(self, offset: int) -> Timex:
        def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
            return (span[0] + offset, span[1] + offset) if span else None
        return replace(self, start=self.start + offset, end=self.end + offset,
                       anchor_span=move(self.anchor_span), range_end=move(self.range_end))


# How far back (characters) `the same period last year` looks for the period it repeats.
_SAME_PERIOD_REACH = 300


@per_rules
def _signal_re(_: Rules) -> re.Pattern:
    return re.compile(rf"\b({fragments()['SIGNAL']})\s+$", re.I)


def signal_before(text: str, start: int) -> str | None:
    """The signal word right before an expression: `since` in `since 2004`."""
    m = _signal_re().search(text, max(0, start - 16), start)
    return m.group(1).lower() if m else None


def _calendar_value(t: Timex) -> bool:
    """A DATE on the calendar (`2009-02`, `2009-Q3`), not a reference, a marker or an unknown year."""
    return t.type == "DATE" and t.value[:4].isdigit() and "X" not in t.value


def unresolved_anaphor(value: str) -> str:
    """`ANAPHOR+1` -> `XXXX-XX-XX`, `ANAPHORT18:00Z` -> `XXXX-XX-XXT18:00Z`: some day, its clock kept."""
    m = re.match(rf"{ANAPHOR}(?:[+-]\d+)?(.*)$", value)
    return UNRESOLVED["day"][0] + (m.group(1) if m else "")


def _day_after(found: list[Timex], k: int, text: str) -> date | None:
    """`10 a.m. EST on Thursday`: the day named right after a clock time, in the same phrase."""
    if k + 1 >= len(found):
        return None
    nxt = found[k + 1]
    between = text[found[k].end:nxt.start]
    if nxt.type == "DATE" and nxt.granularity == "day" and re.fullmatch(r",?\s+on\s+|,?\s+", between):
        return date.fromisoformat(nxt.value) if _calendar_value(nxt) else None
    return None


def resolve_anaphors(found: list[Timex], dct: date | None, text: str) -> list[Timex]:
    """`the day`, and a clock time with no day, are on the day mentioned last, else the DCT.

    News tells `Tuesday ... at 18:00 UTC`; a press release `at 10 a.m. on
    Thursday` names the day right after the time. `The same period last
    year` is the calendar expression mentioned last, a year back. With neither
    a day nor a DCT nothing is invented: the day is `XXXX-XX-XX` (a time keeps
    its clock: `XXXX-XX-XXT18:00Z`), with no anchor.
    """
    out: list[Timex] = []
    last_day, from_text = dct, False
    last_period: Timex | None = None
    for k, t in enumerate(found):
        if t.value.startswith(ANAPHOR):
            day = _day_after(found, k, text) if t.type == "TIME" else None
            value = resolve_anaphor(t.value, day or last_day)
            if value is None and dct is None:
                t = replace(t, value=unresolved_anaphor(t.value), anchor=None)
            elif value is None:
                continue
            else:
                t = replace(t, value=value, anchor="text" if (from_text and not day) else "document")
        elif t.value.startswith(SAME_PERIOD):
            # "That same year", "later that month" refer to the year or month last named, however far
            # back; "by that time" to a date of the sentences just before
            that_period = t.value.startswith(SAME_PERIOD + "0") and t.value.endswith(("Y", "M"))
            reach = t.start if that_period else _SAME_PERIOD_REACH
            near = last_period if last_period and t.start - last_period.end < reach else None
            resolved = resolve_same_period(t.value, near.value if near else None, dct)
            if resolved is None and dct is None:  # "the same period last year": of some year
                t = replace(t, value=UNRESOLVED["year"][0], granularity="year", anchor=None)
            elif resolved is None:
                continue
            else:
                t = replace(t, value=resolved[0], granularity=resolved[1])
                if near is not None and t.rule == "period_anaphor":  # "by that time": that date again
                    t = replace(t, anchor=near.anchor, anchor_span=(near.start, near.end))
                elif near is not None:  # "two years later" after "1990": on the text, not the DCT
                    t = replace(t, anchor="narrative", anchor_span=(near.start, near.end))
        if _calendar_value(t):
            last_period = t
        if t.granularity == "day" and _calendar_value(t):
            last_day, from_text = date.fromisoformat(t.value), t.anchor == "text"
        out.append(t)
    return out


# The words between the two ends of a range (besides a dash): "from June 10 to 12", "between 2010 and 2014"
RANGE_WORDS = "to|until|till|through|and"
# "from June 10 to 12", "from March to May 2021", "between 2010 and 2014": the word between the ends
# no start inside a run of spaces, so even a search is linear on long blank runs
_RANGE_LINK = re.compile(rf"(?<!\s)\s*(?:{RANGE_WORDS}|[-–])\s*", re.I)
# the second end as a bare day of the month: "to 12", not "to 12 percent" or "to 12:00"; with the
# year that closes the range: "to 12, 2023"
_RANGE_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\b(?![:.,]?\d|\s*(?:%|[A-Za-z]))"
                        r"(?:,?\s+((?:1[1-9]|20)\d\d)\b)?")


def _range_end_day(t: Timex, text: str) -> Timex | None:
    """`from June 10 to 12`: the bare day that ends a range is a date in the first end's month."""
    link = _RANGE_LINK.match(text, t.end)
    if link is None or t.signal not in ("from", "between") or t.granularity != "day":
        return None
    day = _RANGE_DAY.match(text, link.end())
    if day is None or not _calendar_value(t) or t.type != "DATE":
        return None
    first = date.fromisoformat(t.value)
    try:
        # "from May 1 to 12, 2023": the year closes the second end and dates both
        end = first.replace(day=int(day.group(1)), year=int(day.group(2) or first.year))
    except ValueError:
        return None
    if end <= first or end.year != first.year and t.anchor == "text":
        return None
    anchor = "text" if day.group(2) else t.anchor
    return Timex(day.start(1), day.end(), text[day.start():day.end()], "DATE", end.isoformat(), "day",
                 None, anchor, signal_before(text, day.start()))


# "from 1 to 3 November", "from the 13th to the 19th of October", "on the 28 and 29 August"
_RANGE_START_DAY = re.compile(
    r"\b(?:(?:from|between)\s+|(?<=\bon\s)(?=the\s))((?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?)"
    rf"\s*(?:{RANGE_WORDS}|[-–])\s*(?:the\s+)?$", re.I)


def _range_start_day(t: Timex, text: str) -> Timex | None:
    """`from 1 to 3 November 2022`: the bare day that opens a range is a date in the second end's month."""
    if t.granularity != "day" or t.type != "DATE" or not _calendar_value(t) or not t.text[:1].isdigit():
        return None
    m = _RANGE_START_DAY.search(text, max(0, t.start - 24), t.start)
    if m is None:
        return None
    last = date.fromisoformat(t.value)
    try:
        first = last.replace(day=int(m.group(2)))
    except ValueError:
        return None
    if first >= last:
        return None
    s, e = m.span(1)
    # (read by the rule of the end it takes its month from: a story places both alike)
    return Timex(s, e, text[s:e], "DATE", first.isoformat(), "day", None, t.anchor, signal_before(text, s),
                 t.rule, t.tense)


@per_rules
def _count_start_re(_: Rules) -> re.Pattern:
    # "between 60 and 90 days", "from two to three years": a bare count that opens a range (not "twelve
    # to eighteen months", which reads as one stretch)
    return re.compile(rf"\b(?:between|from)\s+({fragments()['NUM']})\s*(?:and|to|[-–])\s*$", re.I)


def _range_start_count(t: Timex, text: str) -> Timex | None:
    """`between 60 and 90 days`: the bare count that opens a range of durations has the second's unit."""
    if t.type != "DURATION" or not re.match(rf"(?:{fragments()['NUM']})[\s-]", t.text, re.I):
        return None
    m = _count_start_re().search(text, max(0, t.start - 32), t.start)
    if m is None or m.group(1).lower() in ("a", "an"):
        return None
    norm = normalize_as("duration", f"{m.group(1)} {t.text.split()[-1]}", None)
    if norm is None or norm.type != "DURATION":
        return None
    s, e = m.span(1)
    return Timex(s, e, text[s:e], "DURATION", norm.value, "duration", None, "text",
                 signal_before(text, s), "duration")


# "499-493 BC", "from 264 to 241 BC": a bare year that opens a range of years before Christ (not
# "2,000 to 490 BC", a count)
_BC_RANGE_START = re.compile(r"(?<![\d,.])(\d{1,4})\s*(?:to|until|till|and|[-–])\s*$", re.I)


def _range_start_bc(t: Timex, text: str) -> Timex | None:
    """`499-493 BC`: the first year of a range whose second carries the era is of that era, and earlier."""
    if t.rule != "bc" or not re.fullmatch(r"BC\d{4}", t.value) or not t.text[:1].isdigit():
        return None
    m = _BC_RANGE_START.search(text, max(0, t.start - 16), t.start)
    if m is None or int(m.group(1)) <= int(t.value[2:]):
        return None  # BC years count down: the range opens with the larger number
    s, e = m.span(1)
    return Timex(s, e, text[s:e], "DATE", f"BC{int(m.group(1)):04d}", "year", None, t.anchor,
                 signal_before(text, s), "bc", t.tense)


# "1915-17", "1939–45", "1939-1945": the second year right after the first, its century implied
_YEAR_RANGE = re.compile(r"[-–](\d\d)(?![\w%-]|[.,/]\d)")  # ("1939-1945": the rules read both years)


def _range_end_year(t: Timex, text: str) -> Timex | None:
    """`1915-17`: the year that closes a range of years (TimeML annotates `1915` and `17`)."""
    m = _YEAR_RANGE.match(text, t.end)
    if m is None or t.rule != "year" or not re.fullmatch(r"\d{4}", t.text):
        return None
    digits = m.group(1)
    year = int(t.text[:2] + digits)
    if year <= int(t.text):
        return None
    s, e = m.span(1)
    return Timex(s, e, digits, "DATE", f"{year:04d}", "year", None, "text", None, "year")


# "6-7 January 1916", "March 5-9, 1918", "April 6-7": two days of one month read as one span
_DAY_SPAN = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(\s*[-–]\s*)(\d{1,2})(?:st|nd|rd|th)?(?![\d:.])")


def split_day_spans(found: list[Timex]) -> list[Timex]:
    """`6-7 January 1916` is two expressions, `6` and `7 January 1916` (a range's two ends, as TimeML
    and WikiWars annotate it); `March 5-9, 1918` is `March 5` and `9, 1918`. The grammar reads the
    span whole so that both ends get the month and year that only one of them names.
    """
    out: list[Timex] = []
    for t in found:
        m = _DAY_SPAN.search(t.text) if t.granularity == "day" and t.type == "DATE" else None
        day = re.fullmatch(r"(B?C?\d{4}-\d\d-)(\d\d)", t.value)
        if (m is None or day is None or int(m.group(3)) <= int(m.group(1))
                or int(day.group(2)) != int(m.group(1))):
            out.append(t)
            continue
        first_end = m.end(1)
        # "6-7 January": the first end is the bare day; "March 5-9": the month and the first day
        second = replace(t, start=t.start + m.start(3), text=t.text[m.start(3):],
                         value=f"{day.group(1)}{int(m.group(3)):02d}", signal=None)
        first = replace(t, end=t.start + first_end, text=t.text[:first_end],
                        range_end=(second.start, second.end))
        out.extend((first, second))
    return out


def _shares_year(t: Timex, link: str) -> bool:
    """`from March to May 2021`, `26 June - 4 August 1952`, `in April and June 1955`: one year for both."""
    return t.signal in ("from", "between") or link.strip().lower() in ("-", "–", "and")


def _linked(t: Timex, end: Timex | None) -> Timex:
    return replace(t, range_end=(end.start, end.end)) if end is not None else t


def join_ranges(found: list[Timex], text: str) -> list[Timex]:
    """The two ends of a range share what only the second gives (TimeML annotates each end).

    `from March to May 2021`: March is March 2021, not the DCT's; `from June
    10 to 12` has a second end `12`, June 12; `from 1 to 3 November` a first end `1`.
    """
    out = list(found)
    drop: set[int] = set()  # indices of what a range's end took in ("2023" of "12, 2023")
    for k, t in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        link = _RANGE_LINK.fullmatch(text, t.end, nxt.start) if nxt else None
        if (nxt is not None and link is not None and _shares_year(t, link.group(0))
                and t.anchor == "document" and nxt.anchor == "text" and _calendar_value(t)
                and _calendar_value(nxt) and t.granularity in ("month", "day")
                and nxt.granularity in ("month", "day")):
            # "from November to March 2021": the first end is in the year before
            year = int(nxt.value[:4]) - (t.value[5:] > nxt.value[5:])
            out[k] = replace(t, value=f"{year:04d}{t.value[4:]}", anchor="text")
        if (nxt is not None and link is not None and _calendar_value(t) and _calendar_value(nxt)
                and (t.signal in ("from", "between") or link.group(0).strip() in "-–")):
            out[k] = _linked(out[k], nxt)  # "from 2010 to 2014", "1939-1945": one range
        start = _range_start_day(t, text) or _range_start_count(t, text) or _range_start_bc(t, text)
        if start is not None and (k == 0 or found[k - 1].end <= start.start):
            out.append(_linked(start, t))
        if nxt is None or nxt.start > t.end:
            end = _range_end_day(t, text) or _range_end_year(t, text)
            # "12, 2023" takes in the year the rules read alone
            swallows = end is not None and nxt is not None and end.start <= nxt.start < end.end
            if end is not None and (nxt is None or end.end <= nxt.start or swallows):
                if end.granularity == "day" and end.value[:4] != t.value[:4]:
                    out[k] = replace(out[k], value=end.value[:4] + t.value[4:], anchor="text")
                out[k] = _linked(out[k], end)
                out.append(end)
                if swallows:
                    drop.add(k + 1)
    return sorted((t for i, t in enumerate(out) if i not in drop), key=lambda t: t.start)
