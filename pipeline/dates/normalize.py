"""TIMEX3 normalization: one expression's text to type, value, granularity and mod.

Pure functions of (text, document date, tense). The shape of the expression is
found by the grammar's rules (`grammar.rules()`); calendar dates go through
dateparser (one parser per DCT, `languages=["en"]`, the DCT as `RELATIVE_BASE`)
and are truncated to the `period` it reports, never padded. Relative
expressions resolve against the DCT as HeidelTime does: a month or weekday
without a year goes back in a past-tense sentence and forward in a
future-tense one. Without a DCT nothing is invented: TIMEX3's unknown parts are
`X` (`XXXX-06` for `June`, `XXXX-XX` for `last month`) and the anchor is None.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from pipeline.dates.calendar import ANAPHOR, Norm, Tense, iso_date, lx, mod_of, year_for
from pipeline.dates.days import (
    clock_word,
    day_anaphor,
    day_part,
    day_shift,
    dayword,
    relative,
    time_,
    weekday,
)
from pipeline.dates.durations import ago, bare_units, duration, rate, ref, ref_today, set_, span
from pipeline.dates.grammar import fragments, rules
from pipeline.dates.periods import (
    SAME_PERIOD,
    bc,
    holiday,
    period_anaphor,
    period_end,
    resolve_same_period,
    same_period,
    streak,
    that_month,
    that_year,
    unit_shift,
    vague_shift,
    week_of,
    whole_year,
    year_before,
)

__all__ = ["ANAPHOR", "SAME_PERIOD", "Norm", "normalize", "normalize_as", "parse_calendar", "resolve_anaphor"]

# With no DCT, dateparser still needs a base; its year is never written out for relative text.
_NO_DCT_BASE = datetime(2000, 1, 1)
_SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@lru_cache(maxsize=64)
def parser_for(dct: date | None) -> DateDataParser:
    """The one configured dateparser for a document date (cached per DCT)."""
    base = datetime(dct.year, dct.month, dct.day) if dct else _NO_DCT_BASE
    return DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": base, "RETURN_TIME_AS_PERIOD": True,
                  "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY",
                  # only calendar texts reach dateparser: relative ones are resolved here
                  "PARSERS": ["absolute-time"]},
    )


@lru_cache(maxsize=8192)
def parse_calendar(text: str, dct: date | None) -> tuple[date, str] | None:
    """dateparser's date and period (`day`, `month`, `year`, `time`) for a calendar text."""
    data = parser_for(dct).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


# --- one function per rule: (match of the rule on the whole text, dct, tense) -> Norm | None ---

def _first_day(text: str) -> str:
    """A span of days stands for its first day (`January 9-10, 2023`, `3–4 May 2021`, `June 10-12`)."""
    clean = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", re.sub(r"^the\s+", "", text, flags=re.I))
    clean = re.sub(r"\s*[-–]\s*\d{1,2}(?=,?\s+\d{4}|$)", "", clean)
    return re.sub(r"^(\d{1,2})\s*[-–]\s*\d{1,2}(?=\s)", r"\1", clean)


def _calendar(text: str, dct: date | None, tense: Tense) -> Norm | None:
    clean = _first_day(text)
    parsed = parse_calendar(" ".join(clean.split()), dct)
    if parsed is None:
        return None
    d, period = parsed
    value = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(period, iso_date(d))
    return Norm("DATE", value, period if period in ("year", "month") else "day", None, "text")


def _numeric(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`2014-04-24` is that day (no span of days to cut, unlike `January 9-10`); `7/8/07` is read MDY."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        return _calendar(text, dct, tense)
    try:
        return Norm("DATE", iso_date(date.fromisoformat(text)), "day", None, "text")
    except ValueError:
        return None  # "2021-02-30" names no day


def _month_day(text: str, dct: date | None, tense: Tense) -> Norm | None:
    # "1 December last year": the year is relative to the DCT's
    of_year = re.search(r",?\s+(?:of\s+)?(this|last|next)\s+year$", text, re.I)
    clean = _first_day(text[:of_year.start()] if of_year else text)
    parsed = parse_calendar(" ".join(clean.split()), dct)
    if parsed is None:
        return None
    d = parsed[0]
    if dct is None:
        return Norm("DATE", f"XXXX-{d.month:02d}-{d.day:02d}", "day", None, None)
    year = year_for(dct, d.month, d.day, tense)
    if of_year:
        year = dct.year + int(lx("relative", of_year.group(1)) or 0)
    try:
        return Norm("DATE", iso_date(date(year, d.month, d.day)), "day", None, "document")
    except ValueError:  # "February 29" in a year without one
        return None


def _month_year(text: str, dct: date | None, tense: Tense) -> Norm | None:
    mod, rest = mod_of(text)
    m = re.search(r"\d{4}", rest)
    month = lx("month", re.match(r"[A-Za-z.]+", rest).group(0))
    if not m or not month:
        return None
    return Norm("DATE", f"{m.group(0)}-{month}", "month", mod, "text")


def _month(text: str, dct: date | None, tense: Tense) -> Norm | None:
    mod, rest = mod_of(text)
    # "October of next year": the year is relative to the DCT's
    of_year = re.search(r",?\s+(?:of\s+)?(this|last|next)\s+year$", rest, re.I)
    words = rest[:of_year.start()].split() if of_year else rest.split()
    month = lx("month", words[-1])
    det = lx("relative", " ".join(words[:-1])) if len(words) > 1 else None
    if month is None:
        return None
    if dct is None:
        return Norm("DATE", f"XXXX-{month}", "month", mod, None)
    if of_year:
        year = dct.year + int(lx("relative", of_year.group(1)) or 0)
    else:
        year = year_for(dct, int(month), None, tense, int(det) if det else 0)
    return Norm("DATE", f"{year:04d}-{month}", "month", mod, "document")


def _century(text: str, dct: date | None, tense: Tense) -> Norm | None:
    mod, rest = mod_of(re.sub(r"^the\s+", "", text, flags=re.I))
    m = re.match(r"(\d{1,2})(?:st|nd|rd|th)", rest)
    n = m.group(1) if m else lx("century_ordinal", re.split(r"[\s]+century", rest, flags=re.I)[0])
    if not n:
        return None
    return Norm("DATE", f"{int(n) - 1:02d}", "century", mod, "text")


def _decade(text: str, dct: date | None, tense: Tense) -> Norm | None:
    mod, rest = mod_of(re.sub(r"^the\s+", "", text, flags=re.I))
    digits = re.sub(r"\D", "", rest)
    if len(digits) == 4:
        return Norm("DATE", digits[:3], "decade", mod, "text")
    # "the '70s": the century the DCT's two digits do not pass, else the 1900s
    century = 20 if dct and int(digits) <= dct.year % 100 - 10 else 19
    return Norm("DATE", f"{century}{digits[0]}", "decade", mod, "text" if not dct else "document")


def _quarter(text: str, dct: date | None, tense: Tense) -> Norm | None:
    mod, text = mod_of(text)  # "the end of the third quarter", "the end of Q2"
    m = re.match(r"Q([1-4])(?:\s+(\d{4}))?$", text, re.I)
    if m and m.group(2):
        return Norm("DATE", f"{m.group(2)}-Q{m.group(1)}", "quarter", mod, "text")
    words = re.sub(r"^the\s+", "", text, flags=re.I)
    if m:
        n, half = int(m.group(1)), False
    else:
        ordinal = re.search(rf"\b({fragments()['ORD']})\b", words, re.I).group(1)
        n = int(lx("ordinal", ordinal) or 0)
        half = re.search(r"\bhalf\b", words, re.I) is not None
    size, label = (2, "H") if half else (4, "Q")
    gran = "half" if half else "quarter"
    if n > size:
        return None
    year_m = re.search(r"\d{4}", words)
    if year_m:
        k = size if n < 0 else n
        return Norm("DATE", f"{year_m.group(0)}-{label}{k}", gran, mod, "text")
    if dct is None:  # "the third quarter", "the last quarter": of a year the text does not give
        return Norm("DATE", f"XXXX-{label}{'X' if n < 0 else n}", gran, mod, None)
    rel = re.search(r"\b(this|last|next)\s+year", words, re.I)
    current = (dct.month - 1) * size // 12 + 1
    if n < 0 and not rel:  # "the last quarter": the one before the DCT's
        k = dct.year * size + current - 2
        return Norm("DATE", f"{k // size:04d}-{label}{k % size + 1}", gran, mod, "document")
    k = size if n < 0 else n
    year = dct.year + {"last": -1, "next": 1}.get(rel.group(1).lower(), 0) if rel else dct.year
    if not rel and tense == "past" and k > current:
        year -= 1
    elif not rel and tense == "future" and k < current:  # "will ship in the first quarter", said in May
        year += 1
    return Norm("DATE", f"{year:04d}-{label}{k}", gran, mod, "document")


def _season(text: str, dct: date | None, tense: Tense) -> Norm | None:
    mod, rest = mod_of(text)
    words = rest.split()
    season = next((lx("season", w) for w in words if lx("season", w)), None)
    year_m = re.search(r"\d{4}", rest)
    if season is None:
        return None
    if year_m:
        return Norm("DATE", f"{year_m.group(0)}-{season}", "season", mod, "text")
    if dct is None:
        return Norm("DATE", f"XXXX-{season}", "season", mod, None)
    det = lx("relative", words[0]) if len(words) > 1 else None
    year = dct.year
    if det is None and season != "WI":
        # "by the summer", "in the spring": the next one in the future tense, the last in the past
        start = _SEASON_MONTH[season] - 1
        if tense == "future" and start + 2 < dct.month:
            year += 1
        elif tense == "past" and start > dct.month:
            year -= 1
    elif det == "-1":
        year -= 1 if _SEASON_MONTH[season] >= dct.month - 1 else 0
    elif det == "1":
        year += 1 if _SEASON_MONTH[season] <= dct.month + 1 else 0
    return Norm("DATE", f"{year:04d}-{season}", "season", mod, "document")


def _year(text: str, dct: date | None, tense: Tense) -> Norm | None:
    mod, rest = mod_of(text)
    split = re.search(r"(\d{4})[-–/](\d{4}|\d\d)\b", rest)
    # "2021-22", "the 2019-2020 fiscal year": one year split across two, not a range
    if split and int(split.group(2)[-2:]) != (int(split.group(1)) + 1) % 100:
        return None
    m = re.search(r"\d{4}", rest)
    if m:
        return Norm("DATE", m.group(0), "year", mod, "text")
    two = re.search(r"(\d\d)\b", rest)
    if not two:
        return None
    # "'82", "FY08": the century that puts it at most ten years after the DCT
    yy = int(two.group(1))
    century = 20 if yy <= (dct.year % 100 if dct else 30) + 10 else 19
    return Norm("DATE", f"{century}{yy:02d}", "year", mod, "document" if dct else "text")


_HANDLERS = {
    "calendar": _calendar, "numeric": _numeric, "month_day": _month_day, "month_year": _month_year,
    "month": _month, "century": _century, "decade": _decade, "quarter": _quarter, "season": _season,
    "year": _year, "time": time_, "ref_today": ref_today, "dayword": dayword, "weekday": weekday,
    "relative": relative, "ago": ago, "span": span, "rate": rate, "duration": duration,
    "vague": duration, "bare_units": bare_units, "set": set_, "ref": ref,
    "day_anaphor": day_anaphor, "day_shift": day_shift,
    "holiday": holiday, "week_of": week_of, "same_period": same_period,
    "that_year": that_year, "that_month": that_month,
    "whole_year": whole_year, "year_before": year_before, "clock_word": clock_word,
    "period_end": period_end, "unit_shift": unit_shift, "vague_shift": vague_shift, "bc": bc,
    "streak": streak,
    "period_anaphor": period_anaphor, "day_part": day_part,
}


@lru_cache(maxsize=16384)
def normalize_as(rule: str, text: str, dct: date | None, tense: Tense = "") -> Norm | None:
    """Normalize `text`, already known to have the shape of `rule` (cached)."""
    return _HANDLERS[rule](" ".join(text.split()), dct, tense)


@lru_cache(maxsize=4096)
def normalize(text: str, dct: date | None, tense: Tense = "") -> Norm | None:
    """Normalize a whole expression: the first rule whose shape is exactly `text` and that yields a value.

    Alone, without the text around it, `the day` or `18:00 UTC` is on the DCT.
    """
    clean = " ".join(text.split())
    for rule in rules():
        m = rule.regex.fullmatch(clean)
        if m is None:
            continue
        norm = normalize_as(rule.name, clean, dct, tense)
        if norm is not None and norm.value.startswith(SAME_PERIOD):
            found = resolve_same_period(norm.value, None, dct)
            norm = Norm(norm.type, found[0], found[1], None, norm.anchor) if found else None
        if norm is not None and norm.value.startswith(ANAPHOR):
            value = resolve_anaphor(norm.value, dct)
            norm = Norm(norm.type, value, norm.granularity, norm.mod, norm.anchor) if value else None
        if norm is not None:
            return norm
    return None


def resolve_anaphor(value: str, day: date | None) -> str | None:
    """`ANAPHOR+1` -> the day after `day`; `ANAPHORT18:00Z` -> that time on `day`."""
    if day is None:
        return None
    m = re.match(rf"{ANAPHOR}([+-]\d+)?(.*)$", value)
    shift = int(m.group(1)) if m.group(1) else 0
    return iso_date(day + timedelta(days=shift)) + m.group(2)
