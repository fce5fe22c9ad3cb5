"""Narrative time: expressions without their own year anchored on the time the story has reached.

News is told from its date: `in May`, `next year` are placed from the DCT
(HeidelTime's news rule, normalize.py). A history tells a story through time:
after `In April 1940 Germany invaded Norway`, `In May` is 1940-05 and `the
following year` 1941, whatever the date the page was written (HeidelTime's
narrative mode does the same with the last date mentioned). Which of the two a
document is, is decided on the whole document (`is_narrative`): a narrative
names most of its explicit years far from its own date. In a narrative every
underspecified expression is resolved again, in document order, on the
reference time: the last calendar date the story reached (with its year, or
resolved itself). A date that looks away from the story (`since 513 BC`, `had
invaded in 1943`, `would fall on 16 October`, a relative clause's) is resolved
on it but does not move it (clauses.py). This runs once per document after all its chunks are read,
so the story's time carries across the chunks of a long text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from pipeline.dates.calendar import iso_week
from pipeline.dates.extents import OF_THAT_YEAR
from pipeline.dates.links import Timex
from pipeline.dates.normalize import ANAPHOR, normalize_as, resolve_anaphor
from pipeline.dates.periods import SAME_PERIOD, SHIFT
from pipeline.dates.timeline import join_year, split_year

# News names the DCT's year and the one before; a year further back is history
_HISTORY_YEARS = 1
# A narrative names this many explicit years, most of them history (news about the past names a
# few: `the first annual loss since 1992`)
_MIN_YEARS = 5
_HISTORY_SHARE = 0.6
# Rules whose value, without a year of its own, the DCT and the tense chose
_PLACED = frozenset({"month", "month_day", "season", "holiday", "quarter"})
# Rules counted from the DCT (`the following year`): the same count from the reference time
_COUNTED = frozenset({"relative"})
# Rules counted from the period named last (`that year`, `two years later`)
_FROM_LAST = frozenset({"that_year", "year_before", "whole_year"})
# Rules that name or count from where the story is, without moving it (`that year`, `later that month`)
_RESTATED = _FROM_LAST | {"that_month", "period_end"}
# Rules for the day last named (`the next day`, `the same day`, `at noon`)
_DAY_ANAPHORS = frozenset({"day_anaphor", "day_shift", "relative", "time", "clock_word", "day_part"})
# Rules whose ISO week the DCT placed (`the last week of August`, `the following week`)
_WEEKS = frozenset({"week_of", "relative"})
_ISO_WEEK = re.compile(r"(\d{4})-W(\d\d)")
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
# `the following year`, `the end of the year` count from the story; `last year`, `next month` stay
# deictic, on the DCT, even in a history
_ANAPHORIC = re.compile(r"\bthe\s", re.I)


def is_narrative(found: list[Timex], dct: date | None) -> bool:
    """A story told through time: most explicit years lie long before the document date."""
    years = [y[0] for t in found if t.anchor == "text" and t.type == "DATE" and (y := split_year(t.value))]
    if len(years) < _MIN_YEARS:
        return False
    if dct is None:
        return True
    history = sum(1 for y in years if dct.year - y > _HISTORY_YEARS)
    return history / len(years) >= _HISTORY_SHARE


def _month_of(rest: str) -> int | None:
    """The month a value's part stands for: `-05-14` -> 5, `-SU` -> 7, `-Q3` -> 8."""
    m = re.match(r"-(\d\d)", rest)
    if m:
        return int(m.group(1))
    m = re.match(r"-Q([1-4])", rest)
    if m:
        return int(m.group(1)) * 3 - 1
    return _SEASON_MONTH.get(rest[1:3])


def _nearest_year(ref_year: int, ref_month: int | None, month: int, view: str | None = None) -> int:
    """The year that puts `month` nearest the reference month; a tie goes forward (stories move on).

    After `October 1941`, `January` is 1942-01; after `April 1940`, `September` is 1940-09.
    A future seen from the story looks ahead: `would fall on 16 October` after `21 January 1793` is 1793's;
    a flashback looks back: `had been pushed back beyond its position before the summer offensive`
    after `early February 1943` is 1942's summer.
    """
    if ref_month is None:
        return ref_year
    here = ref_year * 12 + ref_month
    years = [y for y in (ref_year - 1, ref_year, ref_year + 1)
             if (view != "ahead" or y * 12 + month >= here) and (view != "back" or y * 12 + month <= here)]
    return min(years, key=lambda y: (abs(y * 12 + month - here), -y))


def _placed(t: Timex, ref_year: int, ref_month: int | None) -> str | None:
    """`In May` (2009-05 from the DCT) after `April 1940`: 1940-05."""
    own = split_year(t.value)
    if own is None:
        return None
    month = _month_of(own[1])
    if month is None:
        return None
    if own[1] == "-02-29":
        return None
    return join_year(_nearest_year(ref_year, ref_month, month, t.view), own[1])


def _named_day(ref: Timex) -> date | None:
    """The calendar day a date names (`June 10, 1940`, `1940-06-10T14:00`), if it names one (AD)."""
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", ref.value[:10])
    return date(*(int(g) for g in day.groups())) if day is not None and ref.value[:1] != "B" else None


def _story_day(ref: Timex) -> date | None:
    """The calendar day the story has reached (`June 10, 1940`; a week's Monday), if it names one (AD)."""
    week = _ISO_WEEK.fullmatch(ref.value)
    return date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1) if week else _named_day(ref)


def _in_story_week(t: Timex, ref: Timex, ref_year: int, ref_month: int | None) -> str | None:
    """`the last week of August`, `the following week` (ISO weeks the DCT placed) in the story's time:
    counted from the story's day, else from the middle of the month it reached (`week_of`), else a week
    of its year (`1918-WXX`)."""
    if ref_year < 1:  # before Christ: no ISO calendar
        return None
    at = _story_day(ref)
    if at is None and t.rule == "week_of":
        at = date(ref_year, ref_month or 7, 15)
    if at is None:
        return join_year(ref_year, "-WXX")
    norm = normalize_as(t.rule, t.text, at, t.tense)
    return norm.value if norm is not None and _ISO_WEEK.fullmatch(norm.value) else None


def _counted(t: Timex, dct: date, ref_year: int, ref_month: int | None) -> str | None:
    """`the following year` (DCT year + 1) after `1940`: 1941; `the previous month` by months."""
    own = split_year(t.value)
    if t.granularity == "year" and own is not None and own[1] == "":
        return join_year(ref_year + own[0] - dct.year)
    m = re.fullmatch(r"(\d{4})-(\d\d)", t.value)
    if t.granularity == "month" and m and ref_month is not None:
        k = ref_year * 12 + ref_month - 1 + int(m.group(1)) * 12 + int(m.group(2)) - dct.year * 12 - dct.month
        return join_year(k // 12, f"-{k % 12 + 1:02d}")
    return None


# Years a decade and a century span, by granularity
_PERIOD_YEARS = {"decade": 10, "century": 100}


def _counted_period(t: Timex, dct: date, ref_year: int) -> str | None:
    """`the following decade` (the DCT's + 1) after `490 BC`: the 480s BC (`BC048`);
    `the previous century`."""
    size = _PERIOD_YEARS.get(t.granularity)
    if size is None or not t.value.isdigit():
        return None
    n = int(t.value) - dct.year // size
    if ref_year >= 1:
        k = ref_year // size + n
        return f"{k:0{4 - len(str(size)) + 1}d}" if k >= 0 else None
    k = (1 - ref_year) // size - n  # before Christ, counted down: 490 BC is in BC049, the next is BC048
    return f"BC{k:0{4 - len(str(size)) + 1}d}" if k >= 0 else None


def _from_last(t: Timex, dct: date | None, ref_year: int) -> str | None:
    """`that year`, `two years later`, `the entire year`: counted in years from the reference."""
    marker = normalize_as(t.rule, t.text, dct, t.tense)
    # `SAMEPERIOD-2Y` is two years back, `SAMEPERIOD--3Y` three years on
    m = re.fullmatch(rf"{SAME_PERIOD}(-?\d+)Y", marker.value) if marker else None
    return join_year(ref_year - int(m.group(1))) if m else None


def _that_month(ref: Timex, ref_year: int) -> str:
    """`later that month`, `at month's end` after `March 1945` (or `March 3, 1945`): 1945-03; after a
    year or a season, some month of the story's year (`1945-XX`)."""
    m = re.match(r"(?:BC)?\d{4}(-[01]\d)", ref.value)
    return join_year(ref_year, m.group(1) if m else "-XX")


def _same_day(t: Timex, dct: date | None, ref: Timex) -> str | None:
    """`the next day`, `the same day` after `June 10, 1940`: on the story's day, not the DCT's."""
    marker = normalize_as(t.rule, t.text, dct, t.tense)
    if marker is None or not marker.value.startswith(ANAPHOR):
        return None
    day = _named_day(ref)
    if day is None:
        # a day the text named before stands (links.py); only the DCT's day is replaced
        return _some_day(marker.value, ref) if t.anchor == "document" else None
    return resolve_anaphor(marker.value, day)


def _some_day(marker: str, ref: Timex) -> str | None:
    """`that night` when the story has reached only `May 1906`: a day of it, unknown (`1906-05-XXTNI`);
    after `the summer of 1943` or `480 BC`, a day of the year (`1943-XX-XX`, `BC0480-XX-XX`)."""
    m = re.fullmatch(r"(BC)?(\d{4})(?:-(\d\d)|-(?:SP|SU|FA|WI|Q[1-4]|H[12]))?", ref.value)
    if m is None:
        return None
    rest = re.match(rf"{ANAPHOR}(?:[+-]\d+)?(.*)$", marker).group(1)
    return f"{m.group(1) or ''}{m.group(2)}-{m.group(3) or 'XX'}-XX{rest}"


def _weekday(t: Timex, dct: date | None, ref: Timex) -> str | None:
    """`on Thursday` after `Tuesday, September 11, 2007`: the Thursday on or after the story's day (a
    story moves on), not the DCT's; before the story has reached a day, a Thursday of an unknown week
    (`XXXX-WXX-4`)."""
    norm = normalize_as(t.rule, t.text, _story_day(ref), "future")
    return norm.value if norm is not None else None


def _reference(t: Timex) -> tuple[int, int | None] | None:
    """(year, month or None) of a calendar date the story can be at."""
    if t.type not in ("DATE", "TIME") or "X" in t.value:
        return None
    own = split_year(t.value)
    if own is None:
        return None
    # a season or quarter stands for its middle month: after `the winter of 1918`, `September` is 1918's
    return own[0], _month_of(own[1])


def anchor_story(found: list[Timex], dct: date | None) -> list[Timex]:
    """Resolve a narrative's underspecified expressions again, in order, on the story's time."""
    out: list[Timex] = []
    ref: Timex | None = None
    for t in found:
        at = _reference(ref) if ref is not None else None
        if at is not None and ref is not None:
            value = None
            if t.rule in _PLACED and t.anchor == "document":
                value = _placed(t, *at)
            elif t.rule in _WEEKS and t.anchor == "document" and _ISO_WEEK.fullmatch(t.value):
                value = (_in_story_week(t, ref, *at)
                         if t.rule == "week_of" or _ANAPHORIC.search(t.text) else None)
            elif t.rule in _COUNTED and t.anchor == "document" and dct is not None:
                value = (_counted(t, dct, *at) or _counted_period(t, dct, at[0])
                         if _ANAPHORIC.search(t.text) else None)
            elif t.rule == "that_month":
                value = _that_month(ref, at[0])
            elif t.rule == "period_end" and t.anchor == "document":
                value = join_year(at[0]) if t.granularity == "year" else _that_month(ref, at[0])
            elif t.rule in _FROM_LAST:
                value = _from_last(t, dct, at[0])
            elif t.rule == "weekday" and t.anchor == "document":
                value = _weekday(t, dct, ref)
            elif t.rule == OF_THAT_YEAR and (own := split_year(t.value)) is not None:
                value = join_year(at[0], own[1])  # "August of that year": of the story's year
            if value is None and t.rule in _DAY_ANAPHORS:
                value = _same_day(t, dct, ref)
            if value is None and t.anchor == "document":
                value = _off_the_dct(t, at[0])
            gran = t.granularity
            if t.rule == "unit_shift":
                marker = normalize_as(t.rule, t.text, dct, t.tense)
                shifted = _shifted(marker.value, ref, dct) if marker else None
                value, gran = shifted if shifted else (None, gran)
            if value is not None:
                t = replace(t, value=value, granularity=gran, anchor="narrative",
                            anchor_span=(ref.start, ref.end))
        out.append(t)
        here = _reference(t)
        # a coarser restatement of where the story is (`that year` after `June 22, 1941`) keeps the finer
        # `the previous year`, `two decades earlier` look back without moving the story there; `the next
        # day` moves it
        looks_back = (t.rule in _RESTATED or (t.rule in _COUNTED and t.granularity != "day")
                      or _shifts_back(t, dct))
        # a flashback, a future seen from the story, a relative clause's date do not move it (clauses.py)
        moves = t.view in (None, "quoted") and (
            t.anchor == "text" or (t.anchor == "narrative" and not looks_back))
        if here is not None and moves and not (
                ref is not None and ref.value.startswith(t.value)):
            ref = t
    return out


def _off_the_dct(t: Timex, ref_year: int) -> str | None:
    """What only the DCT placed, in a story: a quotation's `tonight` is on an unknown day
    (`XXXX-XX-XXTNI`); `'99` is the year ending in 99 nearest the story's (1899 in 1917)."""
    if t.view == "quoted":
        return re.sub(r"\d", "X", t.value) if re.match(r"\d{4}", t.value) else None
    if t.rule == "year" and re.fullmatch(r"['\u2019]\d\d", t.text) and ref_year >= 100:
        two = int(t.text[1:])
        return join_year(min((ref_year // 100 * 100 + two + k for k in (-100, 0, 100)),
                             key=lambda y: abs(y - ref_year)))
    return None


def _shifts_back(t: Timex, dct: date | None) -> bool:
    """`almost two decades earlier`, `four months before`: a look back from the story, not a step on."""
    if t.rule != "unit_shift":
        return False
    marker = normalize_as(t.rule, t.text, dct, t.tense)
    return marker is not None and marker.value.startswith(SHIFT + "-")


def _shifted(marker: str, at: Timex | None, dct: date | None) -> tuple[str, str] | None:
    """(value, granularity) of `twelve days later` (`SHIFT+12D`) counted from the date `at`, else the DCT.

    At the unit's granularity when the date has it (`June 10, 1940` + 12 days = 1940-06-22), else
    the part it gives with the rest unknown (`1980` + three days = 1980-XX-XX).
    """
    m = re.fullmatch(rf"{SHIFT}([+-]\d+)([DWMY])", marker)
    if m is None:
        return None
    n, unit = int(m.group(1)), m.group(2)
    own = split_year(at.value) if at is not None else None
    if own is None:
        if dct is None:
            return None
        own = (dct.year, dct.strftime("-%m-%d"))
    year, rest = own
    parts = re.match(r"-(\d\d)(?:-(\d\d))?", rest)
    month = int(parts.group(1)) if parts else None
    day = int(parts.group(2)) if parts and parts.group(2) else None
    if unit == "Y":
        return join_year(year + n), "year"
    if unit == "M":
        if month is None:
            return join_year(year, "-XX"), "month"
        k = year * 12 + month - 1 + n
        return join_year(k // 12, f"-{k % 12 + 1:02d}"), "month"
    if day is not None and year >= 1 and month is not None:
        d = date(year, month, day) + timedelta(days=n * (7 if unit == "W" else 1))
        return (iso_week(d), "week") if unit == "W" else (d.isoformat(), "day")
    if unit == "W":
        return join_year(year, "-WXX"), "week"
    return join_year(year, f"-{month:02d}-XX" if month else "-XX-XX"), "day"


def resolve_shifts(found: list[Timex], dct: date | None) -> list[Timex]:
    """`twelve days later` on the calendar date named last (in any document), else on the DCT.

    Run on a chunk (so that `find` gives values) and again on the whole document.
    """
    out: list[Timex] = []
    last: Timex | None = None
    for t in found:
        # the marker again from the text: a chunk's pass resolved it before the document's
        marker = normalize_as(t.rule, t.text, dct, t.tense) if t.rule == "unit_shift" else None
        if marker is not None and marker.value.startswith(SHIFT):
            resolved = _shifted(marker.value, last, dct)
            if resolved is None:
                continue
            on = (last.start, last.end) if last is not None else None
            t = replace(t, value=resolved[0], granularity=resolved[1],
                        anchor="narrative" if on else "document", anchor_span=on)
        if _reference(t) is not None:
            last = t
        out.append(t)
    return out
