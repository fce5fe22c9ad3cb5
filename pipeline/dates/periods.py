"""Named days and periods: holidays, a week of a month, `the same period last year`, `the entire year`.

Holidays on a fixed date (`Christmas Day`, `Remembrance Day`) are a month and
day from the word list, placed in a year like any `June 14` (HeidelTime's
news rule: back in a past-tense sentence, forward in a future-tense one). `The
last week of March` is the ISO week holding most of that stretch of the month.
`The same period last year` names the period the text just spoke of, a year
back (`sales rose in February compared to the same period last year` is
February of last year), so its value is a marker that links.py resolves on
the last calendar expression before it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.dates.calendar import (
    UNRESOLVED,
    Norm,
    Tense,
    iso_week,
    lx,
    mod_of,
    num,
    relative_unit,
    year_for,
)
from pipeline.dates.grammar import fragments

# "the same period last year": the value links.py fills in from the period last mentioned
SAME_PERIOD = "SAMEPERIOD-"
# "twelve days later": the value narrative.py fills in from the date last named
SHIFT = "SHIFT"
# a marker's suffix: keep only the year of the period named ("the entire year")
_YEAR_ONLY = "Y"
# a marker's suffix: keep only the year and month of the period named ("later that month")
_MONTH_ONLY = "M"
# a marker's suffix: with no period named before, a past reference ("by that time")
_ELSE_PAST = "R"


def holiday(text: str, dct: date | None, tense: Tense) -> Norm | None:
    mod, rest = mod_of(text)
    year_m = re.search(r"\d{4}$", rest)
    name = re.sub(r",?\s+\d{4}$", "", rest)
    listed = lx("holiday", name)
    if listed is None:
        return None
    if "/" in listed:  # "05/MO/-1": the last Monday of May
        return _weekday_holiday(listed, int(year_m.group(0)) if year_m else None, mod, dct, tense)
    month, day = (int(p) for p in listed.split("-"))
    if year_m:
        return Norm("DATE", f"{year_m.group(0)}-{listed}", "day", mod, "text")
    if dct is None:
        return Norm("DATE", f"XXXX-{listed}", "day", mod, None)
    return Norm("DATE", f"{year_for(dct, month, day, tense):04d}-{listed}", "day", mod, "document")


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th weekday (0 Monday) of a month; n = -1 is the last."""
    if n < 0:
        last = _month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _weekday_holiday(listed: str, year: int | None, mod: str | None, dct: date | None,
                     tense: Tense) -> Norm | None:
    """`Memorial Day`, `Labor Day`: a holiday on the n-th weekday of its month."""
    month_s, weekday_s, n_s = listed.split("/")
    month, weekday, n = int(month_s), _WEEKDAYS.index(weekday_s), int(n_s)
    if year is None and dct is None:
        return None
    anchor = "text" if year is not None else "document"
    if year is None:
        # placed like a month and day: the one of the DCT's year, moved by the tense
        this_year = nth_weekday(dct.year, month, weekday, n)
        year = year_for(dct, month, this_year.day, tense)
    return Norm("DATE", nth_weekday(year, month, weekday, n).isoformat(), "day", mod, anchor)


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def week_of(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`the last week of March`, `the first week of 2021`, `the week of March 6`: an ISO week (`2009-W13`)."""
    frags = fragments()
    of_day = re.search(rf"\bweek\s+of\s+({frags['MONTH']})\s+(\d{{1,2}})(?!\d)", text)
    if of_day:
        return _week_of_day(text, int(lx("month", of_day.group(1)) or 0), int(of_day.group(2)), dct, tense)
    n = int(lx("ordinal", re.search(rf"\b({frags['ORD']})\s+week", text, re.I).group(1)) or 0)
    month_m = re.search(rf"\bof\s+({frags['MONTH']})", text)
    year_m = re.search(r"\d{4}", text)
    month = int(lx("month", month_m.group(1)) or 0) if month_m else 0
    if year_m:
        year = int(year_m.group(0))
    elif dct is not None and month:
        year = year_for(dct, month, None, tense)
    else:
        return None
    first, last = (date(year, month, 1), _month_end(year, month)) if month else (
        date(year, 1, 1), date(year, 12, 31))
    # the day in the middle of the week meant: the 4th for the first week, last-3 for the last
    middle = last - timedelta(days=3) if n < 0 else first + timedelta(days=7 * (n - 1) + 3)
    if middle > last:
        return None
    anchor = "text" if year_m else "document"
    return Norm("DATE", iso_week(middle), "week", None, anchor)


def period_end(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`by year-end`: the end of the DCT's year (or month)."""
    if dct is None:
        value, gran = UNRESOLVED["year" if re.search(r"year", text, re.I) else "month"]
        return Norm("DATE", value, gran, "END", None)
    if re.search(r"year", text, re.I):
        return Norm("DATE", f"{dct.year:04d}", "year", "END", "document")
    return Norm("DATE", f"{dct.year:04d}-{dct.month:02d}", "month", "END", "document")


def whole_year(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`the entire year` after `the fourth quarter of 2005`: the year of the period just named."""
    return Norm("DATE", f"{SAME_PERIOD}0{_YEAR_ONLY}", "year", None, "document")


def year_before(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`the year previous`, `two years earlier`, `three years later`: counted from the period just named."""
    listed = lx("year_before", text)
    if listed is not None:
        return Norm("DATE", f"{SAME_PERIOD}{listed}{_YEAR_ONLY}", "year", None, "document")
    text = re.sub(rf"^(?:{fragments()['DURMOD']})\s+", "", text, flags=re.I)  # "just 14 years later"
    m = re.match(rf"(.+?)[\s-]+years?\s+({fragments()['YEARSHIFT']})$", text, re.I)
    n = num(m.group(1)) if m else None
    if n is None or n != int(n):
        return None
    back = int(n) * int(lx("year_shift", m.group(2)) or 0)
    return Norm("DATE", f"{SAME_PERIOD}{back}{_YEAR_ONLY}", "year", None, "document")


def _week_of_day(text: str, month: int, day: int, dct: date | None, tense: Tense) -> Norm | None:
    """`the week of March 6`: the ISO week holding that day."""
    year_m = re.search(r"\d{4}", text)
    if year_m is None and dct is None:
        return None
    year = int(year_m.group(0)) if year_m else year_for(dct, month, day, tense)
    try:
        week = iso_week(date(year, month, day))
    except ValueError:
        return None
    return Norm("DATE", week, "week", None, "text" if year_m else "document")


def same_period(text: str, dct: date | None, tense: Tense) -> Norm | None:
    back = lx("year_back", re.sub(rf"^the\s+same\s+(?:{fragments()['SAMENOUN']})\s+", "", text,
                                  flags=re.I))
    if back is None:
        return None
    return Norm("DATE", f"{SAME_PERIOD}{back}", "year", None, "document")


def that_year(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`That same year`, `later that year`, `late in the year`: the year of the date mentioned last
    (no year back), with the mod its first word gives (`late`: END)."""
    return Norm("DATE", f"{SAME_PERIOD}0{_YEAR_ONLY}", "year", mod_of(text)[0], "text")


def that_month(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`later that month`, `the same month`: the month of the date mentioned last (none if it named
    no month), with the mod its first word gives."""
    return Norm("DATE", f"{SAME_PERIOD}0{_MONTH_ONLY}", "month", mod_of(text)[0], "text")


def period_anaphor(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`by that time`, `at that date`: the date mentioned last, as it was given; with none, the past."""
    return Norm("DATE", f"{SAME_PERIOD}0{_ELSE_PAST}", "year", None, "text")


def streak(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`a third straight day`, `fourth week in a row`, `its best week since`: the DCT's own day or week
    (the latest of a run, or the one compared with the past)."""
    unit = lx("streak_unit", re.search(rf"({fragments()['STREAKUNIT']})$", text, re.I).group(1))
    if dct is None:
        value, gran = UNRESOLVED[unit]
        return Norm("DATE", value, gran, None, None)
    found = (dct.isoformat(), "day") if unit == "day" else relative_unit(dct, unit, 0)
    return Norm("DATE", found[0], found[1], None, "document") if found else None


def shift_years(value: str, years: int) -> str | None:
    """A calendar value `years` earlier: `2009-02` -> `2008-02`; None for a non-calendar value."""
    m = re.match(r"(\d{4})(.*)$", value)
    if m is None:
        return None
    rest = "-02-28" if m.group(2) == "-02-29" else m.group(2)
    return f"{int(m.group(1)) - years:04d}{rest}"


def resolve_same_period(value: str, antecedent: str | None, dct: date | None) -> tuple[str, str] | None:
    """(value, granularity) of a `the same period last year` marker.

    The period last mentioned a year back; with none, the DCT's year before.
    """
    spec = value[len(SAME_PERIOD):]
    years = int(spec.rstrip(_YEAR_ONLY + _MONTH_ONLY + _ELSE_PAST))
    if antecedent is None and spec.endswith(_ELSE_PAST):
        return "PAST_REF", "ref"
    if spec.endswith(_MONTH_ONLY):  # only a date that named its month has one
        named = re.match(r"\d{4}-[01]\d", antecedent or "")
        return (named.group(0), "month") if named else None
    if antecedent is not None:
        shifted = shift_years(antecedent, years)
        if shifted is not None and spec.endswith(_YEAR_ONLY):
            return shifted[:4], "year"
        if shifted is not None:
            return shifted, _granularity(shifted)
    if dct is None:
        return None
    return f"{dct.year - years:04d}", "year"


def _granularity(value: str) -> str:
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    kinds = {"Q": "quarter", "H": "half", "W": "week"}
    m = re.match(r"\d{4}-([QHW])", value)
    return kinds[m.group(1)] if m else "season"


def unit_shift(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`twelve days later`, `four months earlier`: a marker (`SHIFT+12D`) the document pass resolves
    on the date just named (narrative.py), at the granularity of its unit."""
    text = re.sub(rf"^(?:{fragments()['DURMOD']})\s+", "", text, flags=re.I)
    m = re.match(rf"(.+?)[\s-]+(day|week|month|decade)s?\s+({fragments()['YEARSHIFT']})$", text, re.I)
    n = num(m.group(1)) if m else None
    if m is None or n is None or n != int(n):
        return None
    sign = -int(lx("year_shift", m.group(3)) or 0)
    unit = m.group(2).lower()
    count, letter = (int(n) * 10, "Y") if unit == "decade" else (int(n), unit[0].upper())
    gran = {"D": "day", "W": "week", "M": "month", "Y": "year"}[letter]
    return Norm("DATE", f"{SHIFT}{sign * count:+d}{letter}", gran, None, "document")


def vague_shift(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`a few days later`, `weeks earlier`: some time after (FUTURE_REF) or before (PAST_REF) the date
    just named; with no count, no calendar value can be reached."""
    m = re.search(rf"({fragments()['YEARSHIFT']})$", text, re.I)
    sign = -int(lx("year_shift", m.group(1)) or 0) if m else 0
    if sign == 0:
        return None
    return Norm("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", "ref", None, "text")


def bc(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """Years BC as TIMEX3 writes them: `490 BC` BC0490, `April 480 BC` BC0480-04, `the 5th century BC`
    BC04, `the 470s BC` BC047."""
    mod, rest = mod_of(re.sub(r"^the\s+", "", text, flags=re.I))
    rest = re.sub(rf"\s*(?:{fragments()['ERABC']})$", "", re.sub(r"^the\s+", "", rest, flags=re.I))
    ordinal = rf"(?:(\d{{1,2}})(?:st|nd|rd|th)|({fragments()['CENTORD']}))"
    century = re.match(rf"{ordinal}[\s-]+century$", rest, re.I)
    if century:
        n = int(century.group(1) or lx("century_ordinal", century.group(2)) or 0)
        return Norm("DATE", f"BC{n - 1:02d}", "century", mod, "text") if n else None
    decade = re.fullmatch(r"(\d{1,3})0s", rest)
    if decade:
        return Norm("DATE", f"BC{int(decade.group(1)):03d}", "decade", mod, "text")
    year = re.search(r"(\d{1,4})$", rest)
    if year is None or int(year.group(1)) == 0:
        return None
    value = f"BC{int(year.group(1)):04d}"
    words = rest[:year.start()]
    season = next((lx("season", w) for w in words.split() if lx("season", w)), None)
    month_m = re.search(fragments()["MONTH"], words)
    if season:
        return Norm("DATE", f"{value}-{season}", "season", mod, "text")
    if month_m is None:
        return Norm("DATE", value, "year", mod, "text")
    month = lx("month", month_m.group(0))
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", words)
    if day:
        return Norm("DATE", f"{value}-{month}-{int(day.group(1)):02d}", "day", mod, "text")
    return Norm("DATE", f"{value}-{month}", "month", mod, "text")
