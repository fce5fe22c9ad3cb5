"""Calendar values on a timeline: the year of a value, and the first and last day it covers.

A TIMEX3 value names a period (`2004`, `2011-05`, `2013-W09`, `1941-SU`,
`194` the 1940s, `BC0490`); a timeline sorts by its first day and knows it
ends on its last. Python's `date` stops at year 1, so days are ISO 8601
strings in astronomical year numbering (1 BC is year 0, 490 BC is `-0489`),
the expanded form ISO 8601 allows for years before 1; they sort as dates
only within one era, so a consumer that mixes eras orders by `earliest`'s
year first. Durations, references (`PRESENT_REF`), sets and values with an
unknown part (`XXXX-06`) cover no known days: None.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

# "BC0490", "BC0480-08", "BC04" (a century), "BC047" (the 470s BC), "1941-12-07", "194", "20"
_VALUE = re.compile(r"(BC)?(\d{2,4})(-.+)?$")
# the months a season covers: winter runs into the next year
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def split_year(value: str) -> tuple[int, str] | None:
    """(astronomical year, rest) of a year-led value: `BC0480-08` -> (-479, "-08"); else None."""
    m = re.fullmatch(r"(BC)?(\d{4})(-.*)?", value)
    if m is None:
        return None
    year = int(m.group(2))
    return (1 - year if m.group(1) else year), m.group(3) or ""


def join_year(year: int, rest: str = "") -> str:
    """A value from an astronomical year: (-479, "-08") -> `BC0480-08`."""
    return (f"BC{1 - year:04d}" if year <= 0 else f"{year:04d}") + rest


def iso_day(year: int, month: int, day: int) -> str:
    """An ISO 8601 day, expanded (`-0489-01-01`) before year 1."""
    return f"{year:05d}-{month:02d}-{day:02d}" if year < 0 else f"{year:04d}-{month:02d}-{day:02d}"


def _last_day(year: int, month: int) -> int:
    # the Gregorian leap rule holds for proleptic years too; monthrange needs year >= 1
    return monthrange(year % 400 + 400, month)[1]


def _months(year: int, first: int, last: int) -> tuple[str, str]:
    """Months first..last of a year (last may run into the next year: winter)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return iso_day(year, first, 1), iso_day(end_year, end_month, _last_day(end_year, end_month))


def _span_years(first: int, last: int) -> tuple[str, str]:
    return iso_day(first, 1, 1), iso_day(last, 12, 31)


def day_range(value: str) -> tuple[str, str] | None:
    """(earliest, latest) ISO days a calendar value covers, or None when it covers no known days."""
    if "X" in value or value.startswith("P") or value.endswith("_REF"):
        return None
    head = re.match(r"(BC)?(\d+)(.*)$", value)
    if head is None:
        return None
    bc, digits, rest = head.group(1), head.group(2), head.group(3)
    if len(digits) in (2, 3) and not rest:
        size = 100 if len(digits) == 2 else 10
        n = int(digits) * size
        if bc:  # by prefix, like "19" for 1900-1999: "BC04" is 499-400 BC, "BC047" 479-470 BC
            return _span_years(1 - (n + size - 1), 1 - max(n, 1))
        return _span_years(max(n, 1) if size == 100 else n, n + size - 1)
    if len(digits) != 4:
        return None
    year = 1 - int(digits) if bc else int(digits)
    return _within_year(year, rest.split("T")[0])


def _within_year(year: int, rest: str) -> tuple[str, str] | None:
    """The days of a year's part: `-05`, `-05-14`, `-W09`, `-W09-WE`, `-Q2`, `-H1`, `-SU`."""
    if rest == "":
        return _span_years(year, year)
    m = re.fullmatch(r"-(\d\d)(?:-(\d\d))?", rest)
    if m:
        month = int(m.group(1))
        if not 1 <= month <= 12:
            return None
        if m.group(2):
            day = iso_day(year, month, int(m.group(2)))
            return day, day
        return _months(year, month, month)
    m = re.fullmatch(r"-([QH])([1-4])", rest)
    if m:
        size = 3 if m.group(1) == "Q" else 6
        k = int(m.group(2))
        return _months(year, (k - 1) * size + 1, k * size)
    if rest[1:] in _SEASONS:
        return _months(year, *_SEASONS[rest[1:]])
    m = re.fullmatch(r"-W(\d\d)(-WE)?", rest)
    if m and year >= 1:
        try:
            monday = date.fromisocalendar(year, int(m.group(1)), 1)
        except ValueError:
            return None
        first = monday + timedelta(days=5 if m.group(2) else 0)
        return first.isoformat(), (monday + timedelta(days=6)).isoformat()
    return None
