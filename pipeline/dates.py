"""Dates: temporal expressions found by the model, normalized to TIMEX3 values.

The value is truncated to the granularity dateparser reports for the text
(`period`), so `May 2011` is `2011-05`, never a padded day. Relative
expressions resolve against the document creation time (DCT); with no DCT
they keep their type and get no invented value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Doc


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    granularity: str
    mod: str | None
    anchor: str  # "text" or "document"


_LEADING_SIGNAL = re.compile(r"^(?:in|on|at|since|by|from|until|during|for|of)\s+", re.I)
_YEAR = re.compile(r"^(\d{4})$")
_RELATIVE = re.compile(r"\b(?:today|yesterday|tomorrow|last|next|this|ago|now)\b", re.I)
# "2,000 miles": a digit, then only commas, before the unit (the same matches as
# `\d[\d,]*`, without re-scanning a long run of digits from each of its digits).
_NOT_DATE = re.compile(r"^\d{1,3}$|\d,*\s*(?:miles|km|students|percent|%)", re.I)


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True},
    )


@lru_cache(maxsize=4096)
def normalize(text: str, dct: date | None) -> tuple[str, str, str, str] | None:
    """(type, value, granularity, anchor) for a date expression, or None when it is not one."""
    clean = " ".join(text.split())
    if _YEAR.match(clean):
        return "DATE", clean, "year", "text"
    relative = bool(_RELATIVE.search(clean))
    if relative and dct is None:
        return None
    settings = {"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)} if dct else {}
    parser = _parser()
    if settings:
        parser = DateDataParser(
            languages=["en"],
            settings={"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, **settings},
        )
    data = parser.get_date_data(clean)
    if data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    anchor = "document" if relative else "text"
    if period == "year":
        return "DATE", f"{d.year:04d}", "year", anchor
    if period == "month":
        return "DATE", f"{d.year:04d}-{d.month:02d}", "month", anchor
    if period == "week":
        iso = d.isocalendar()
        return "DATE", f"{iso[0]:04d}-W{iso[1]:02d}", "week", anchor
    if period == "time":
        return "TIME", d.strftime("%Y-%m-%dT%H:%M"), "time", anchor
    return "DATE", d.strftime("%Y-%m-%d"), "day", anchor


def trim(start: int, end: int, text: str) -> tuple[int, int]:
    """Drop trailing space and a governing preposition: `in May 2011` is `May 2011`."""
    while end > start and text[end - 1].isspace():
        end -= 1
    m = _LEADING_SIGNAL.match(text[start:end])
    return (start + m.end(), end) if m else (start, end)


def find_dates(doc: Doc, dct: date | None) -> list[Timex]:
    """DATE and TIME entities of the Doc that normalize to a value."""
    out = []
    doc_text = doc.text  # built from the tokens on every access: once, not once per entity
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = trim(ent.start_char, ent.end_char, doc_text)
        text = doc_text[start:end]
        if _NOT_DATE.search(text):
            continue
        norm = normalize(text, dct)
        if norm is None:
            continue
        typ, value, granularity, anchor = norm
        out.append(Timex(start, end, text, typ, value, granularity, None, anchor))
    return out
