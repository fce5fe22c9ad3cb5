"""Dates: temporal expressions found in a Doc, normalized to TIMEX3 and anchored on the DCT.

Detection is the grammar's rules (timex_grammar) over the Doc's text plus the
model's DATE/TIME entities for what the rules do not cover; normalization is
timex.py. This module holds the decisions that need the sentence around an
expression: its extent among overlapping candidates (the longest that
normalizes wins), the signal before it (`since 2004`: extent `2004`, signal
`since`), the tense of the verb that governs it (which way a bare `June` or
`Tuesday` goes from the DCT), and the rejection of numbers that count or name
things (`1500 troops`, `Resolution 1325`, `in his 70s`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from pipeline.timex import ANAPHOR, SAME_PERIOD, Norm, normalize_as, parse_calendar, resolve_anaphor
from pipeline.timex_grammar import anchors, extent, fragments, lexicon, rules
from pipeline.timex_periods import resolve_same_period


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
    signal: str | None = None  # the preposition that governs it: "since" in "since 2004"


# Model entities that make a number a count, an amount or a name, never a year.
_NOT_TIME_LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT", "PRODUCT", "LAW", "ORG", "FAC",
                              "WORK_OF_ART", "ORDINAL"})
# A bare four-digit year ("2006"): the shape that may be a count or part of a name instead.
_BARE_YEAR = re.compile(r"(?:1[1-9]|20|21)\d\d")
# Characters scanned on each side of an anchor word (see _windows).
_MARGIN = 48
# How far back (characters) `the same period last year` looks for the period it repeats.
_SAME_PERIOD_REACH = 300


@cache
def _signal_re() -> re.Pattern:
    return re.compile(rf"\b({fragments()['SIGNAL']})\s+$", re.I)


@cache
def _future_heads() -> frozenset[str]:
    return frozenset(lexicon().forms("future_head"))


def signal_before(text: str, start: int) -> str | None:
    """The signal word right before an expression: `since` in `since 2004`."""
    m = _signal_re().search(text, max(0, start - 16), start)
    return m.group(1).lower() if m else None


def trim(start: int, end: int, text: str) -> tuple[int, int]:
    """A model entity without its governing preposition and trailing space or line: `in May 2011`."""
    line_end = text.find("\n", start, end)
    if line_end != -1:
        end = line_end
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    m = re.match(rf"(?:{fragments()['SIGNAL']})\s+", text[start:end], re.I)
    return (start + m.end(), end) if m else (start, end)


def _noun_tense(tok: Token) -> str | None:
    """`the upcoming Summit`, `the planned visit`, `the recent talks`: the time a noun's modifier gives it."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound") and child.i < tok.i:
            found = lexicon().value("tense_modifier", child.lower_)
            if found:
                return found
    return None


def tense_of(span: Span) -> str:
    """Tense of the verb that governs an expression: past, future, present or '' (no verb).

    A noun on the way up that says when it happens decides first: `discussed
    the upcoming Summit on July 11` is a future July.
    """
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN"):
            said = _noun_tense(tok)
            if said:
                return said
    if tok.pos_ not in ("VERB", "AUX"):
        return ""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(lexicon().value("future_aux", a.lower_) for a in auxes):
        return "future"
    # "is scheduled for Wednesday", "is going to open in June"
    if tok.lemma_ in _future_heads() or (tok.dep_ == "xcomp" and tok.head.lemma_ in _future_heads()):
        return "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    return "present"


def _counts_something(doc: Doc, span: Span, year: int, dct: date | None, signal: str | None) -> bool:
    """`1500 troops`, `$2030`, `Resolution 1325`, `UNSCR 1325`: a 4-digit number that is not a year."""
    tok = span[0]
    if tok.ent_type_ in _NOT_TIME_LABELS:
        return True
    if tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i == tok.i + 1:
        return lexicon().value("unit", tok.head.text) is None
    # far from any year the text could mean, and no "in"/"since" before it: a number
    # (the token may hold more than the year: "2014–2020" is one token)
    far = abs(year - (dct.year if dct else 2000)) > 150
    if far and signal is None:
        return True
    # "Russel 2000 Index", "Resolution 1325" are names; "Developers Conference 2010" is an edition
    if not (tok.i > 0 and doc[tok.i - 1].is_title and _after_name(doc, span)):
        return False
    following = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    continues = following is not None and following.is_title and following.pos_ == "PROPN"
    return continues or far


def _named_day(doc: Doc, span: Span) -> bool:
    """`Black Monday`, `Super Tuesday`: a title-case word that modifies the weekday names a day."""
    tok = span[0]
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return bool(prev is not None and prev.head.i == span.root.i and prev.dep_ in ("compound", "amod")
                and _after_name(doc, span))


def _after_name(doc: Doc, span: Span) -> bool:
    """`Resolution 1325`, `Russel 2000`, `iLife '11`, `Black Monday`: part of a name, not a date."""
    i = span[0].i - 1
    while i >= 0 and doc[i].is_punct and doc[i].text in "'’":
        i -= 1
    if i < 0:
        return False
    prev = doc[i]
    if prev.is_sent_start or not (prev.is_title or prev.pos_ == "PROPN") or not prev.is_alpha:
        return False
    lex = lexicon()
    return all(lex.value(kind, prev.text) is None
               for kind in ("month", "season", "weekday", "signal", "relative", "date_mod", "fiscal"))


def _needs_signal(rule: str, text: str) -> bool:
    """A bare `May`, `March` or `fall` is a date only after a signal or a modifier."""
    if rule == "month":
        return lexicon().is_ambiguous("month", text)
    if rule == "season":
        return len(text.split()) == 1
    return False


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per anchor kind, the stretches of text around its anchor words, within their line.

    A shape only matches where one of its anchor words is (a unit in a
    duration, a digit in a year), so scanning these windows finds what a scan
    of the whole text finds, at a fraction of the cost. The margin is wider
    than any modifier before or after an anchor ("the beginning of the").
    """
    regex, kinds_of = anchors()
    out: dict[str, list[tuple[int, int]]] = {}
    for m in regex.finditer(text):
        word = m.group(0)
        if word[0].isdigit():
            # a year has four digits ("2006") or two after an apostrophe or a letter ("'82", "FY22")
            before = text[m.start() - 1:m.start()]
            year = len(word) == 4 or (len(word) == 2 and (before in ("'", "’") or before.isalpha()))
            kinds: tuple[str, ...] | frozenset[str] = ("number", "year_number") if year else ("number",)
        else:
            kinds = kinds_of.get(word.lower().replace("’", "'"), ())
        lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - _MARGIN)
        line_end = text.find("\n", m.end())
        hi = min(len(text) if line_end == -1 else line_end, m.end() + _MARGIN)
        for kind in kinds:
            spans = out.setdefault(kind, [])
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
            else:
                spans.append((lo, hi))
    return out


def _candidates(text: str) -> list[tuple[int, int, int]]:
    """Every rule match as (start, end, rule index), longest first, earlier rule first on ties."""
    windows = _windows(text)
    found = set()
    for i, rule in enumerate(rules()):
        spans = sorted({w for kind in rule.anchored_on for w in windows.get(kind, ())})
        for lo, hi in spans:
            for m in rule.regex.finditer(text, lo, hi):
                s, e = extent(m)
                if e > s:
                    found.add((s, e, i))
    return sorted(found, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))


def _accept(doc: Doc, full: str, rule: str, s: int, e: int, dct: date | None) -> Norm | None:
    """The normalized expression at s:e, or None when the context says it is not one."""
    text = full[s:e]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    signal = signal_before(full, s)
    if rule == "year" and _BARE_YEAR.fullmatch(text) and _counts_something(doc, span, int(text), dct, signal):
        return None
    if rule == "year" and text[:1] in "'’" and _after_name(doc, span):
        return None
    if rule == "weekday" and _named_day(doc, span):
        return None
    if rule == "decade" and span[0].i > 0 and doc[span[0].i - 1].tag_ == "PRP$":
        return None  # "in his 70s": an age
    if _needs_signal(rule, text) and not _licenses_bare(doc, span, full, s):
        return None
    # "since November": the signal itself says the time is past
    tense = "past" if signal and lexicon().value("past_signal", signal) else tense_of(span)
    return normalize_as(rule, text, dct, tense)


def _licenses_bare(doc: Doc, span: Span, text: str, start: int) -> bool:
    """`in March`, `during the fall`, `their Autumn meetings`: what makes a bare month or season a date.

    A licensing word (data) or a possessive right before it; not `to fall` (a verb), `a fall in
    sales` (a noun) or `the fall of Rome` (an event).
    """
    if re.match(r"\s+of\b", text[span.end_char:span.end_char + 4]):
        return False
    m = re.search(r"(\w+)\s+$", text[max(0, start - 16):start])
    if m and lexicon().value("bare_date_signal", m.group(1)) is not None:
        return True
    return span[0].i > 0 and doc[span[0].i - 1].tag_ in ("PRP$", "POS")


def _model_candidates(
    doc: Doc, full: str, dct: date | None, taken: bytearray
) -> list[tuple[int, int, Norm]]:
    """Model DATE/TIME entities the rules left alone, when dateparser reads a calendar date in them."""
    out = []
    month = re.compile(fragments()["MONTH"])
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = trim(ent.start_char, ent.end_char, full)
        if e <= s or taken.find(1, s, e) != -1:
            continue
        text = full[s:e]
        shape = next((r.name for r in rules() if r.regex.fullmatch(text)), None)
        norm = _accept(doc, full, shape, s, e, dct) if shape else None
        if shape is None and (month.search(text) and re.search(r"\b\d{4}\b", text)):
            parsed = parse_calendar(" ".join(text.split()), dct)
            if parsed is not None and parsed[1] in ("day", "month", "year"):
                d, period = parsed
                value = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(
                    period, d.isoformat())
                norm = Norm("DATE", value, period, None, "text")
        if norm is not None:
            out.append((s, e, norm))
    return out


def _calendar_value(t: Timex) -> bool:
    """A DATE on the calendar (`2009-02`, `2009-Q3`), not a reference, a marker or an unknown year."""
    return t.type == "DATE" and t.value[:4].isdigit() and "X" not in t.value


def _day_after(found: list[Timex], k: int, text: str) -> date | None:
    """`10 a.m. EST on Thursday`: the day named right after a clock time, in the same phrase."""
    if k + 1 >= len(found):
        return None
    nxt = found[k + 1]
    between = text[found[k].end:nxt.start]
    if nxt.type == "DATE" and nxt.granularity == "day" and re.fullmatch(r",?\s+on\s+|,?\s+", between):
        return date.fromisoformat(nxt.value) if _calendar_value(nxt) else None
    return None


def _resolve_anaphors(found: list[Timex], dct: date | None, text: str) -> list[Timex]:
    """`the day`, and a clock time with no day, are on the day mentioned last, else the DCT.

    News tells `Tuesday ... at 18:00 UTC`; a press release `at 10 a.m. on
    Thursday` names the day right after the time. `The same period last
    year` is the calendar expression mentioned last, a year back. With neither
    a day nor a DCT the expression is dropped rather than given an invented date.
    """
    out: list[Timex] = []
    last_day, from_text = dct, False
    last_period: Timex | None = None
    for k, t in enumerate(found):
        if t.value.startswith(ANAPHOR):
            day = _day_after(found, k, text) if t.type == "TIME" else None
            value = resolve_anaphor(t.value, day or last_day)
            if value is None:
                continue
            t = replace(t, value=value, anchor="text" if (from_text and not day) else "document")
        elif t.value.startswith(SAME_PERIOD):
            near = last_period if last_period and t.start - last_period.end < _SAME_PERIOD_REACH else None
            resolved = resolve_same_period(t.value, near.value if near else None, dct)
            if resolved is None:
                continue
            t = replace(t, value=resolved[0], granularity=resolved[1])
        if _calendar_value(t):
            last_period = t
        if t.granularity == "day" and t.type == "DATE" and "X" not in t.value:
            last_day, from_text = date.fromisoformat(t.value), t.anchor == "text"
        out.append(t)
    return out


# "from June 10 to 12", "from March to May 2021", "between 2010 and 2014": the word between the ends
_RANGE_LINK = re.compile(r"\s*(?:to|until|till|through|and|[-–])\s*", re.I)
# the second end as a bare day of the month: "to 12", not "to 12 percent" or "to 12:00"
_RANGE_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\b(?![:.,]?\d|\s*(?:%|[A-Za-z]))")


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
        end = first.replace(day=int(day.group(1)))
    except ValueError:
        return None
    if end <= first:
        return None
    return Timex(day.start(1), day.end(), text[day.start():day.end()], "DATE", end.isoformat(), "day",
                 None, t.anchor, signal_before(text, day.start()))


_RANGE_START_DAY = re.compile(
    r"\b(?:from|between)\s+(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|until|till|through|and|[-–])\s*$", re.I)


def _range_start_day(t: Timex, text: str) -> Timex | None:
    """`from 1 to 3 November 2022`: the bare day that opens a range is a date in the second end's month."""
    if t.granularity != "day" or t.type != "DATE" or not _calendar_value(t) or not t.text[:1].isdigit():
        return None
    m = _RANGE_START_DAY.search(text, max(0, t.start - 24), t.start)
    if m is None:
        return None
    last = date.fromisoformat(t.value)
    try:
        first = last.replace(day=int(m.group(1)))
    except ValueError:
        return None
    if first >= last:
        return None
    s, e = m.span(1)
    return Timex(s, e, text[s:e], "DATE", first.isoformat(), "day", None, t.anchor, signal_before(text, s))


def _join_ranges(found: list[Timex], text: str) -> list[Timex]:
    """The two ends of a range share what only the second gives (TimeML annotates each end).

    `from March to May 2021`: March is March 2021, not the DCT's; `from June
    10 to 12` has a second end `12`, June 12; `from 1 to 3 November` a first end `1`.
    """
    out = list(found)
    for k, t in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        link = _RANGE_LINK.fullmatch(text, t.end, nxt.start) if nxt else None
        if (nxt is not None and link is not None and t.signal in ("from", "between")
                and t.anchor == "document" and nxt.anchor == "text" and _calendar_value(t)
                and _calendar_value(nxt) and t.granularity in ("month", "day")
                and nxt.granularity in ("month", "day")):
            # "from November to March 2021": the first end is in the year before
            year = int(nxt.value[:4]) - (t.value[5:] > nxt.value[5:])
            out[k] = replace(t, value=f"{year:04d}{t.value[4:]}", anchor="text")
        start = _range_start_day(t, text)
        if start is not None and (k == 0 or found[k - 1].end <= start.start):
            out.append(start)
        if nxt is None or nxt.start > t.end:
            end = _range_end_day(t, text)
            if end is not None and (nxt is None or end.end <= nxt.start):
                out.append(end)
    return sorted(out, key=lambda t: t.start)


def find_dates(doc: Doc, dct: date | None) -> list[Timex]:
    """Temporal expressions of the Doc with TIMEX3 type, value, granularity, mod and signal."""
    text = doc.text
    chosen: list[tuple[int, int, Norm]] = []
    taken = bytearray(len(text))  # 1 under every expression chosen so far
    names = [r.name for r in rules()]
    for s, e, i in _candidates(text):
        if taken.find(1, s, e) != -1:
            continue
        norm = _accept(doc, text, names[i], s, e, dct)
        if norm is not None:
            chosen.append((s, e, norm))
            taken[s:e] = b"\x01" * (e - s)
    chosen.extend(_model_candidates(doc, text, dct, taken))
    chosen.sort(key=lambda c: c[0])
    found = [
        Timex(s, e, text[s:e], n.type, n.value, n.granularity, n.mod, n.anchor, signal_before(text, s))
        for s, e, n in chosen
    ]
    return _join_ranges(_resolve_anaphors(found, dct, text), text)
