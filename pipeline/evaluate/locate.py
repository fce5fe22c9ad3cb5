"""Strings of a gold file turned into offsets in its document's text; given offsets checked against it.

Annotating with offsets needs a tool; annotating with strings needs only an
editor. A string is found the way an editor's "find, whole words" finds it,
so `"DND"` never lands inside `"DNDX"`, and two leniencies make a passage
copied from a rendered page match its source: any run of whitespace matches
any run (hard-wrapped lines, non-breaking spaces), and straight quotes match
curly ones. `occurrence` counts these matches from 1, left to right.

Every problem is collected with the item it belongs to, so one run reports
all the bad items of a file instead of the first.
"""

from __future__ import annotations

import json
import re

from pipeline.errors import GoldError
from pipeline.evaluate.gold import (
    DateGold,
    DocGold,
    EventGold,
    GoldEvent,
    GoldFile,
    GoldOrg,
    OrgGold,
    Ref,
    Span,
)

_QUOTES = {"'": "['\u2018\u2019]", '"': '["\u201c\u201d]'}


class _Miss(Exception):
    """One item that cannot be placed in the text; caught per item and reported with its path."""


def _q(text: str) -> str:
    """A string quoted as in the gold file, so the message shows what the annotator wrote."""
    return json.dumps(text, ensure_ascii=False)


def _pattern(needle: str) -> re.Pattern[str] | None:
    """The regex that finds `needle` as whole words, whitespace- and quote-lenient; None if blank."""
    words = needle.split()
    if not words:
        return None
    body = r"\s+".join("".join(_QUOTES.get(ch, re.escape(ch)) for ch in word) for word in words)
    # "DND" is not in "DNDX"; "U.S." (ends with a dot) may be followed by anything
    head = r"(?<!\w)" if re.match(r"\w", words[0]) else ""
    tail = r"(?!\w)" if re.search(r"\w$", words[-1]) else ""
    return re.compile(head + body + tail)


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) where `needle` occurs in `text`, left to right, not overlapping."""
    pattern = _pattern(needle)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def place(ref: Ref, text: str | None, why_no_text: str) -> list[Span]:
    """The spans a Ref stands for: its offsets (checked when the text is known) or the string's matches."""
    if not ref.located:
        start, end = ref.start, ref.end
        assert start is not None and end is not None
        if text is None:
            return [Span(start, end, ref.text or "")]
        if end > len(text):
            raise _Miss(f"[{start}, {end}] runs past the end of the text ({len(text)} characters)")
        found = text[start:end]
        if ref.text is not None and found != ref.text:
            raise _Miss(f"{_q(ref.text)} is not the text at [{start}, {end}], which is {_q(found)}")
        return [Span(start, end, found)]
    assert ref.text is not None
    if text is None:
        raise _Miss(f"cannot look up {_q(ref.text)}: {why_no_text}")
    hits = find_all(text, ref.text)
    if not hits:
        raise _Miss(f"{_q(ref.text)} not found in the text")
    if ref.all:
        return [Span(s, e, text[s:e]) for s, e in hits]
    n = ref.occurrence or 1
    if n > len(hits):
        times = "once" if len(hits) == 1 else f"{len(hits)} times"
        raise _Miss(f"{_q(ref.text)} occurs {times} in the text, not {n}")
    start, end = hits[n - 1]
    return [Span(start, end, text[start:end])]


def _org(org: GoldOrg, where: str, text: str | None, why: str, problems: list[str]) -> OrgGold:
    mentions: list[Span] = []
    for i, ref in enumerate(org.mentions):
        try:
            mentions.extend(place(ref, text, why))
        except _Miss as miss:
            problems.append(f"{where}.mentions[{i}]: {miss}")
    return OrgGold(names=tuple(org.names), mentions=tuple(mentions), optional=org.optional)


def _evidence(event: GoldEvent, where: str, text: str | None, why: str) -> tuple[Span, ...]:
    """The evidence passages; without any, the trigger itself (its `occurrence`-th match)."""
    if not event.evidence:
        assert event.trigger is not None
        try:
            return tuple(place(Ref(text=event.trigger, occurrence=event.occurrence), text, why))
        except _Miss as miss:
            raise _Miss(f"{where}.trigger: {miss}") from None
    spans = []
    for i, ref in enumerate(event.evidence):
        if event.evidence_text is not None and not ref.located:
            # the shared gold's form: offsets in "evidence", their text in "evidence_text"
            ref = ref.model_copy(update={"text": event.evidence_text[i]})
        try:
            spans.extend(place(ref, text, why))
        except _Miss as miss:
            raise _Miss(f"{where}.evidence[{i}]: {miss}") from None
    known = [s.text for s in spans if s.text]  # unknown when only offsets were given and the text is unread
    if event.trigger is not None and known and not any(find_all(t, event.trigger) for t in known):
        raise _Miss(f"{where}.trigger: {_q(event.trigger)} is not in its evidence")
    return tuple(spans)


def _event(event: GoldEvent, where: str, text: str | None, why: str, problems: list[str]) -> EventGold:
    try:
        evidence = _evidence(event, where, text, why)
    except _Miss as miss:
        problems.append(str(miss))
        evidence = ()
    return EventGold(
        type=event.type, date=event.date, evidence=evidence, participants=tuple(event.participants),
        location=event.location, optional=event.optional,
    )


def resolve(gold: GoldFile, path: str, doc_id: str | None, text: str | None, why_no_text: str) -> DocGold:
    """The gold file with every item placed in the text; GoldError lists every item that could not be.

    `text` is the document's text as its offsets index it, or None when it could
    not be read (`why_no_text` says why): offsets are then taken on trust and
    strings cannot be looked up.
    """
    problems: list[str] = []
    orgs = tuple(
        _org(org, f"organizations[{i}]", text, why_no_text, problems)
        for i, org in enumerate(gold.organizations)
    )
    dates = []
    for i, date in enumerate(gold.dates):
        try:
            (span,) = place(date.ref(), text, why_no_text)
            dates.append(DateGold(span=span, value=date.value, optional=date.optional))
        except _Miss as miss:
            problems.append(f"dates[{i}]: {miss}")
    events = tuple(
        _event(event, f"events[{i}]", text, why_no_text, problems) for i, event in enumerate(gold.events)
    )
    if problems:
        raise GoldError([f"{path}: {p}" for p in problems])
    return DocGold(
        path=path, doc_id=doc_id, scope=gold.sections(), organizations=orgs, dates=tuple(dates),
        events=events,
    )
