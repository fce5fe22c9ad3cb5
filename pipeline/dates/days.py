"""TIMEX3 values of days and times of day: `18:00 UTC`, `noon`, `yesterday morning`, `last Tuesday`,
`this week`, `the weekend`, `the day`.

A weekday or a clock time without a date is placed from the DCT by tense
(calendar.py); a clock time with no day, and `the day`, carry the ANAPHOR
marker that links.py fills in with the day mentioned last. `early in the
month`, `late in the day` are the DCT's month and the day last mentioned,
with the mod of their first word.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pipeline.dates.calendar import (
    ANAPHOR,
    UNRESOLVED,
    Norm,
    Tense,
    iso_date,
    iso_week,
    lx,
    mod_of,
    relative_unit,
    weekday_date,
)
from pipeline.dates.grammar import fragments


def time_(text: str, dct: date | None, tense: Tense) -> Norm | None:
    m = re.match(r"(\d{1,2}):?(\d\d)?\s*(?:([ap])\.?m\b\.?)?", text, re.I)
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3):
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if m.group(3).lower() == "p" else 0)
    zone_m = re.search(rf"({fragments()['ZONE']})\s*(?:\S+\s*)?$", text)
    zone = lx("time_zone", zone_m.group(1)) or "" if zone_m else ""  # "UTC" is "Z"
    day_word = re.search(rf"({fragments()['WEEKDAY']}|{fragments()['DAYWORD']})\s*$", text, re.I)
    if dct is None:
        return Norm("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}{zone}", "time", None, None)
    clock = f"T{hour:02d}:{minute:02d}{zone}"
    if not day_word:  # "at 18:00 UTC": on the day last mentioned (detect.py fills it in)
        return Norm("TIME", ANAPHOR + clock, "time", None, "document")
    wd = lx("weekday", day_word.group(1))
    day = (weekday_date(dct, int(wd), tense) if wd is not None
           else dct + timedelta(days=int(lx("day_word", day_word.group(1)) or 0)))
    return Norm("TIME", iso_date(day) + clock, "time", None, "document")


def clock_word(text: str, dct: date | None, tense: Tense) -> Norm | None:
    # "at noon": on the day last mentioned, or named right after (detect.py fills it in)
    return Norm("TIME", f"{ANAPHOR}T{lx('clock_word', text)}", "time", None, "document")


def _part(text: str) -> str:
    m = re.search(rf"({fragments()['DAYPART']})\s*$", text, re.I)
    return f"T{lx('day_part', m.group(1))}" if m else ""


def day_part(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`morning` of `in morning trading`: that part of the day last mentioned (links.py), else the DCT's."""
    return Norm("TIME", ANAPHOR + _part(text), "time", None, "document")


def dayword(text: str, dct: date | None, tense: Tense) -> Norm | None:
    m = re.search(rf"({fragments()['DAYWORD']})", text, re.I)
    offset = int(lx("day_word", m.group(1))) if m else 0
    # "tonight" is the DCT's night, "last night" yesterday's (its offset is in the data)
    part = _part(text) or ("TNI" if m and m.group(1).lower() == "tonight" else "")
    kind, gran = ("TIME", "time") if part else ("DATE", "day")
    if dct is None:  # "yesterday" in a document without a date: some day
        return Norm(kind, UNRESOLVED["day"][0] + part, gran, None, None)
    return Norm(kind, iso_date(dct + timedelta(days=offset)) + part, gran, None, "document")


def weekday(text: str, dct: date | None, tense: Tense) -> Norm | None:
    m = re.search(rf"({fragments()['WEEKDAY']})", text, re.I)
    wd = int(lx("weekday", m.group(1)))
    det = lx("relative", text[:m.start()].strip()) if m.start() else None
    part = _part(text)
    kind, gran = ("TIME", "time") if part else ("DATE", "day")
    if dct is None:
        return Norm(kind, f"XXXX-WXX-{wd + 1}{part}", gran, None, None)
    day = weekday_date(dct, wd, tense, int(det) if det else 0)
    return Norm(kind, iso_date(day) + part, gran, None, "document")


def relative(text: str, dct: date | None, tense: Tense) -> Norm | None:
    mod, rest = mod_of(text)
    words = re.sub(r"^in\s+", "", rest, flags=re.I).split()  # "early in the month"
    unit = words[-1].lower()
    det = " ".join(w for w in words[:-1] if w.lower() != "fiscal")
    if det.lower() == "the" and unit == "weekend" and dct is not None and mod is None:
        # "during the weekend": the one just past in a past-tense sentence, else the coming one
        return _the_weekend(dct, tense)
    if det.lower() == "the":
        # "the year" stands for the DCT's only under a modifier: "the end of the year"
        if mod is None and not re.match(r"(?:earlier|later)\b", text, re.I):
            return None
        off = 0
    else:
        off_s = lx("relative", det)
        if off_s is None:
            return None
        off = int(off_s)
    if unit == "day":
        # "the next day", "the previous day": from the day last mentioned (detect.py), never
        # "last day" or "this day", which name no day
        shift = lx("day_relative", det)
        if shift is None:
            return None
        return Norm("DATE", f"{ANAPHOR}{int(shift):+d}", "day", mod, "document")
    found = UNRESOLVED.get(unit) if dct is None else relative_unit(dct, unit, off)  # no DCT: XXXX-XX
    return Norm("DATE", found[0], found[1], mod, "document" if dct else None) if found else None


def _the_weekend(dct: date, tense: Tense) -> Norm:
    saturday = dct.weekday() - 5
    day = dct - timedelta(days=saturday % 7) if tense == "past" else dct + timedelta(days=-saturday % 7)
    return Norm("DATE", f"{iso_week(day)}-WE", "week", None, "document")


def day_anaphor(text: str, dct: date | None, tense: Tense) -> Norm | None:
    # The value is the day last mentioned; detect.py fills it in (ANAPHOR marks it).
    mod, _ = mod_of(text)
    return Norm("DATE", ANAPHOR, "day", mod, "document")


def day_shift(text: str, dct: date | None, tense: Tense) -> Norm | None:
    """`the day before`, `the day after` (alone): the day last mentioned, one back or on (detect.py)."""
    shift = lx("day_shift_after", text.split()[-1])
    return Norm("DATE", f"{ANAPHOR}{int(shift):+d}", "day", None, "document") if shift else None
