"""TIMEX3 values: the normalized result, word look-ups, and calendar arithmetic.

How a month, a weekday or a quarter given without a year is placed relative
to the document date (HeidelTime's rule for news: back in a past-tense
sentence, forward in a future-tense one), ISO weeks, month shifts, and the
duration value format (`P5Y`, `PT30M`, `P20Y` for two decades).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.dates.grammar import fragments, timex_lexicon

Tense = str  # "past", "future", "present" or "" (unknown)
# A value whose day is the one last mentioned in the document: "the day", "18:00 UTC"
ANAPHOR = "ANAPHOR"


@dataclass(frozen=True)
class Norm:
    """One expression normalized: TIMEX3 type and value, its granularity, mod and anchor."""

    type: str
    value: str
    granularity: str
    mod: str | None
    # "text": from the text alone; "document": resolved against the DCT; None: it needed a DCT and
    # there is none, so the value keeps X for what the DCT would have said ("XXXX-XX")
    anchor: str | None


def lx(kind: str, form: str) -> str | None:
    """The value a word list gives a form: `lx("month", "Sept.")` is "09"."""
    return timex_lexicon().value(kind, form)


def mod_of(text: str) -> tuple[str | None, str]:
    """Split a leading date modifier: `early December` -> ("START", "December")."""
    m = re.match(rf"({fragments()['DATEMOD']})[\s-]+", text, re.I)
    if not m:
        return None, text
    return (lx("date_mod", m.group(1)) or None), text[m.end():]


def num(text: str) -> float | None:
    """`20`, `twenty-five`, `a`, `two and a half` as a number; None for `several`."""
    half = 0.5 if re.search(r"\band\s+a\s+half$", text, re.I) else 0.0
    text = re.sub(r"\s+and\s+a\s+half$", "", text, flags=re.I).strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) + half
    if "-" in text:
        parts = [lx("number", p) for p in text.split("-")]
        return sum(float(p) for p in parts) + half if all(parts) else None
    v = lx("number", text)
    return float(v) + half if v is not None else None


def fmt_number(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: `P5Y`, `PT30M`, `P20Y` for two decades, `PXY` when the count is vague.

    Decades and centuries are counted in years, so `decades` is `PXY` like `years`.
    """
    if unit in ("DE", "CE"):
        return f"P{fmt_number(n * (10 if unit == 'DE' else 100))}Y" if n is not None else "PXY"
    count = fmt_number(n) if n is not None else "X"
    if unit in ("H", "MIN"):
        return f"PT{count}{'H' if unit == 'H' else 'M'}"
    return f"P{count}{unit}"


def year_for(dct: date, month: int, day: int | None, tense: Tense, strict: int = 0) -> int:
    """The year of a month (and day) given without one, by tense (HeidelTime's news rule).

    `strict` is -1 for `last June` and +1 for `next June`: never the DCT's own month.
    """
    here, there = (dct.month, dct.day if day else 0), (month, day or 0)
    if strict < 0 or (tense == "past" and strict == 0):
        return dct.year - 1 if there > here or (strict < 0 and there[0] == here[0]) else dct.year
    if strict > 0 or tense == "future":
        return dct.year + 1 if there < here or (strict > 0 and there[0] == here[0]) else dct.year
    return dct.year


def weekday_date(dct: date, wd: int, tense: Tense, strict: int = 0) -> date:
    """The weekday nearest the DCT: back in the past tense, forward in the future tense."""
    back = (dct.weekday() - wd) % 7
    fwd = (wd - dct.weekday()) % 7
    if strict < 0:
        return dct - timedelta(days=back or 7)
    if strict > 0:
        return dct + timedelta(days=fwd or 7)
    if tense == "past":
        return dct - timedelta(days=back)
    if tense == "future":
        return dct + timedelta(days=fwd)
    return dct - timedelta(days=back) if back <= fwd else dct + timedelta(days=fwd)


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def shift_month(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def relative_unit(dct: date, unit: str, off: int) -> tuple[str, str] | None:
    """`last year`, `this week`, `next quarter` as (value, granularity)."""
    if unit == "year":
        return f"{dct.year + off:04d}", "year"
    if unit == "month":
        y, m = shift_month(dct, off)
        return f"{y:04d}-{m:02d}", "month"
    if unit in ("week", "weekend"):
        week = iso_week(dct + timedelta(days=7 * off))
        return (week, "week") if unit == "week" else (f"{week}-WE", "week")
    if unit == "quarter":
        k = dct.year * 4 + (dct.month - 1) // 3 + off
        return f"{k // 4:04d}-Q{k % 4 + 1}", "quarter"
    if unit == "decade":
        return f"{dct.year // 10 + off:03d}", "decade"
    if unit == "century":
        return f"{dct.year // 100 + off:02d}", "century"
    return None


# TIMEX3's value for a unit whose place on the calendar is unknown (no DCT): "last month" is XXXX-XX.
UNRESOLVED = {
    "year": ("XXXX", "year"), "month": ("XXXX-XX", "month"), "week": ("XXXX-WXX", "week"),
    "weekend": ("XXXX-WXX-WE", "week"), "quarter": ("XXXX-QX", "quarter"), "decade": ("XXX", "decade"),
    "century": ("XX", "century"), "day": ("XXXX-XX-XX", "day"),
}


def iso_date(d: date) -> str:
    return d.isoformat()
