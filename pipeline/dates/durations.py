"""TIMEX3 durations, sets and references: `nearly 20 years`, `weekly`, `two years ago`, `now`.

The count and unit come from the word lists (`P20Y` for two decades, `PXY`
for `several years`); `N units ago` is the DCT moved back by them, at the
unit's granularity; a rate after an amount (`$15 a year`) is a SET.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.dates.calendar import UNRESOLVED, Norm, Tense, duration_value, iso_date, lx, num, shift_month
from pipeline.dates.grammar import fragments


def ago(text: str, dct: date | None, tense: Tense) -> Norm | None:
    m = re.match(rf"(?:({fragments()['DURMOD']})\s+)?(.+?)[\s-]+(?:{fragments()['DURADJ']}\s+)?"
                 rf"({fragments()['UNIT']})\s+ago$", text, re.I)
    mod = (lx("duration_mod", m.group(1)) or None) if m.group(1) else None  # "just": no mod
    mod = {"LESS_THAN": "AFTER", "MORE_THAN": "BEFORE"}.get(mod or "", mod)
    n = num(m.group(2))
    unit = lx("unit", m.group(3))
    if n is None:
        return Norm("DATE", "PAST_REF", "ref", None, "text")
    if n != int(n):
        return None
    if dct is None:  # "two years ago" in a document without a date: some year
        value, gran = UNRESOLVED["day" if unit in ("D", "W") else "month" if unit == "M" else "year"]
        return Norm("DATE", value, gran, mod, None) if unit in ("D", "W", "M", "Y", "DE", "CE") else None
    n = int(n)
    if unit in ("D", "W"):
        back = timedelta(days=n * (7 if unit == "W" else 1))
        return Norm("DATE", iso_date(dct - back), "day", mod, "document")
    if unit == "M":
        y, mo = shift_month(dct, -n)
        return Norm("DATE", f"{y:04d}-{mo:02d}", "month", mod, "document")
    if unit in ("Y", "DE", "CE"):
        years = n * {"Y": 1, "DE": 10, "CE": 100}[unit]
        return Norm("DATE", f"{dct.year - years:04d}", "year", mod, "document")
    return None


def duration(text: str, dct: date | None, tense: Tense) -> Norm | None:
    frags = fragments()
    # "a year and a half": the half comes after the unit
    after = re.search(r"\s+and\s+a\s+half$", text, re.I)
    if after:
        norm = duration(text[:after.start()], dct, tense)
        n = re.match(r"P(\d+)([YMWD])$", norm.value) if norm else None
        if n is None:
            return None
        return Norm("DURATION", f"P{int(n.group(1))}.5{n.group(2)}", "duration", norm.mod, "text")
    m = re.match(rf"(?:({frags['DURMOD']})\s+)?(?:({frags['SPANDET']})\s+)?(?:an?\s+(?=\d|{frags['NUM']}))?"
                 rf"(.*?)[\s-]*(?:{frags['DURADJ']}\s+)?({frags['UNIT']})$", text, re.I)
    if m is None:
        return None
    mod = (lx("duration_mod", m.group(1)) or None) if m.group(1) else None  # "just": no mod
    count = m.group(3).strip()
    unit = lx("unit", m.group(4))
    if unit == "WE":
        return None
    if not count:
        # "a year" is one; "some months" (the approximating "some" before a plural) is some number
        n: float | None = None if m.group(4).lower().endswith("s") else 1.0
    elif lx("vague", count) is not None or count.lower() == "recent":
        n = None
    else:
        n = num(count)
        if n is None:
            return None
    return Norm("DURATION", duration_value(n, unit), "duration", mod, "text")


def span(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`the past week` is a duration; `the last week` with no count is a date (`last week`)."""
    frags = fragments()
    m = re.match(rf"(?:{frags['DURMOD']}\s+)?({frags['SPANDET']})\s+(.*)$", text, re.I)
    det, rest = m.group(1), m.group(2)
    counted = re.match(rf"(?:{frags['NUM']}|{frags['VAGUE']})\s", rest + " ", re.I)
    kind = lx("span_det", det)  # "duration": always; "plural": also uncounted plurals
    if counted or kind == "duration":
        return duration(text, dct, tense)
    unit = lx("unit", rest.split()[-1])
    if kind == "plural" and rest.lower().endswith("s") and unit not in (None, "WE"):
        # "the coming weeks", "the last months": an unknown number of units (not "the final days of")
        return Norm("DURATION", duration_value(None, unit), "duration", None, "text")
    return None


def rate(text: str, dct: date | None, tense: Tense) -> Norm | None:
    unit = lx("unit", text.split()[-1])
    return Norm("SET", duration_value(1, unit), "set", None, "text") if unit != "WE" else None


def bare_units(text: str, dct: date | None, tense: Tense) -> Norm | None:
    unit = lx("unit", text.split("-")[0].split()[-1])  # "years", "decades-long", "the years"
    return Norm("DURATION", duration_value(None, unit), "duration", None, "text")


def set_(text: str, dct: date | None, tense: Tense) -> Norm | None:
    listed = lx("set", text)
    if listed:
        return Norm("SET", listed, "set", None, "text")
    # "twice a year": P1Y (how often within it is no part of the value)
    freq = re.match(rf"(?:{fragments()['FREQ']})\s+\S+\s+({fragments()['UNIT']})$", text, re.I)
    if freq:
        unit = lx("unit", freq.group(1))
        return Norm("SET", duration_value(1, unit), "set", None, "text") if unit != "WE" else None
    named = _every_named(text)
    if named:
        return Norm("SET", named, "set", None, "text")
    # "every two years": P2Y; "every other week": P2W
    m = re.match(rf"every\s+(other\s+|.+?\s+)?({fragments()['UNIT']})$", text, re.I)
    count = (m.group(1) or "").strip()
    n = 2.0 if count.lower() == "other" else (num(count) if count else 1.0)
    unit = lx("unit", m.group(2))
    if n is None or unit == "WE":
        return None
    return Norm("SET", duration_value(n, unit), "set", None, "text")


def _every_named(text: str) -> str | None:
    """`every morning` XXXX-XX-XXTMO, `each Monday` XXXX-WXX-1, `every June` XXXX-06, `each summer`
    XXXX-SU: a named part of the calendar that recurs."""
    word = text.split()[-1]
    for kind, pattern in (("day_part", "XXXX-XX-XXT{}"), ("month", "XXXX-{}"), ("season", "XXXX-{}")):
        value = lx(kind, word)
        if value is not None:
            return pattern.format(value)
    weekday = lx("weekday", word)
    return f"XXXX-WXX-{int(weekday) + 1}" if weekday is not None else None


def ref(text: str, dct: date | None, tense: Tense) -> Norm | None:
    return Norm("DATE", lx("ref", text) or "PRESENT_REF", "ref", None, "text")


def ref_today(text: str, dct: date | None, tense: Tense) -> Norm | None:
    return Norm("DATE", "PRESENT_REF", "ref", None, "text")
