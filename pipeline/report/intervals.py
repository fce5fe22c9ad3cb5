"""The calendar days a TIMEX3 value covers, so an event can be drawn on a date axis.

An event's date is a TIMEX3 value truncated to what the text says (`2004`, `2011-05`,
`2013-W09`, `2013-SU`, `201` for the 2010s): never padded with a made-up day. A date
axis needs days, so the value becomes the interval it covers, first and last day
included (`2004` is 2004-01-01..2004-12-31), and the chart draws that interval
rather than inventing a point in it.

dates.jsonl may carry `earliest`/`latest` (CONTRACT.md); when it does, those win
(`event_interval`), since the extractor knows more (mods, ranges) than a value says.
Values with no calendar position (`PRESENT_REF`, durations, `XXXX-05`, years BC) give
None: such events are counted and listed, not plotted.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

Interval = tuple[date, date]

# Meteorological seasons of the northern hemisphere, the one the sources write from:
# "in the summer of 2013" -> 2013-SU -> June to August.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")
_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d{2}")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)")


def _months(year: int, first: int, last: int) -> Interval:
    """Months `first`..`last` of `year`; a last month past 12 runs into the next year (winter)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, monthrange(end_year, end_month)[1])


def _part(year: int, part: str) -> Interval:
    if part[0] == "Q":
        q = int(part[1])
        return _months(year, 3 * q - 2, 3 * q)
    if part[0] == "H":
        h = int(part[1])
        return _months(year, 6 * h - 5, 6 * h)
    return _months(year, *_SEASONS[part])


def _week(year: int, week: int, weekend: bool) -> Interval:
    monday = date.fromisocalendar(year, week, 1)
    if weekend:  # "2013-W09-WE": the Saturday and Sunday of that week
        return monday + timedelta(days=5), monday + timedelta(days=6)
    return monday, monday + timedelta(days=6)


def timex_interval(value: str | None) -> Interval | None:
    """First and last day a TIMEX3 value covers, or None when it has no place on a calendar.

    `2004` -> 2004-01-01..2004-12-31, `2011-05` -> the month, `2014-04-24` (or
    `2014-04-24T20:00`) -> that day, `2013-W09` -> Monday..Sunday, `2013-Q1`,
    `2013-H2`, `2013-SU`, `201` -> 2010..2019, `20` -> 2000..2099.
    """
    if not value:
        return None
    try:
        if m := _DAY.fullmatch(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.fullmatch(value):
            return _months(int(m[1]), int(m[2]), int(m[2]))
        if _YEAR.fullmatch(value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if m := _WEEK.fullmatch(value):
            return _week(int(m[1]), int(m[2]), bool(m[3]))
        if m := _PART.fullmatch(value):
            return _part(int(m[1]), m[2])
        if _DECADE.fullmatch(value):
            return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
        if _CENTURY.fullmatch(value):
            return date(int(value) * 100, 1, 1), date(int(value) * 100 + 99, 12, 31)
    except ValueError:
        # "2013-02-30", "2013-W60", year 0000: not a day the calendar has
        return None
    return None


def _iso_day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_interval(value: str | None, date_record: dict | None) -> Interval | None:
    """An event's interval: the date record's `earliest`/`latest` when it has them, else its value's.

    A record that has the fields but leaves them null says the value has no calendar
    days (a duration, a REF): that is believed, not second-guessed from the value.
    """
    if date_record is not None and "earliest" in date_record and "latest" in date_record:
        first, last = _iso_day(date_record["earliest"]), _iso_day(date_record["latest"])
        if first is None or last is None or last < first:
            return None
        return first, last
    return timex_interval(value)
