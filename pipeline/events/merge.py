"""One event per occurrence: merging what the patterns found more than once.

A text tells an occurrence again (a bullet, then a paragraph about it), refers
back to it by a definite noun (`the Summit`, `This assistance`), or adds to it
in the next sentence (`This was the first time a Mexican Navy ship ...`). These
functions fold such mentions into one event whose evidence lists every span.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.events.candidates import EventCandidate

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _keys(c: EventCandidate) -> tuple[set[str], set[str]]:
    names = {p.name.lower() for p in c.participants}
    countries = {p.country for p in c.participants if p.country}
    return names, countries


def _overlap(a: EventCandidate, b: EventCandidate) -> bool:
    na, ca = _keys(a)
    nb, cb = _keys(b)
    return bool(na & nb or ca & cb)


def _compatible(a: EventCandidate, b: EventCandidate) -> bool:
    """No participant conflict: one side unknown, or they share a name or country."""
    na, ca = _keys(a)
    nb, cb = _keys(b)
    return not (ca and cb) or bool(na & nb or ca & cb)


def _absorb(into: EventCandidate, other: EventCandidate) -> EventCandidate:
    """`into` with `other`'s evidence and whatever arguments `into` lacked."""
    names = {(p.name.lower(), p.country) for p in into.participants}
    extra = tuple(p for p in other.participants if (p.name.lower(), p.country) not in names)
    return replace(
        into,
        evidence=tuple(dict.fromkeys(into.evidence + other.evidence)),
        participants=into.participants + extra,
        date=into.date or other.date,
        location=into.location or other.location,
        ordinal=into.ordinal if into.ordinal is not None else other.ordinal,
        confidence=max(into.confidence, other.confidence),
    )


def _participle_of(doc: Doc, inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Is `inner` inside a participle or gerund clause of `outer` (`joined NATO, becoming the
    31st member`), not a coordinated verb (`donated tanks to Ukraine and provided ...`)?"""
    a = doc.char_span(*inner, alignment_mode="expand")
    b = doc.char_span(*outer, alignment_mode="expand")
    if a is None or b is None:
        return False
    cur, top = a.root, b.root
    for _ in range(12):
        if cur.head is cur:
            return False
        if cur.head.i == top.i:
            return cur.dep_ in ("advcl", "xcomp") and cur.tag_ in ("VBG", "VBN")
        cur = cur.head
    return False


def _situated_by(c: EventCandidate, cands: list[EventCandidate]) -> bool:
    """Does `c`'s sentence also name the earlier event by a definite noun, so that `c` is a
    second occurrence placed against it, not a retelling: `On the margins of the meeting, he
    met with his Latvian counterpart`."""
    return any(o.anaphoric and o.type == c.type and o.sentence == c.sentence and o.trigger != c.trigger
               for o in cands)


def elaborations(cands: list[EventCandidate], doc: Doc, text: str) -> list[EventCandidate]:
    """Merge an undated mention into the same-type event of the sentence just before it, in the
    same paragraph: `SEMAR also participated in ... in August 2012. This was the first time a
    Mexican Navy ship participated in an exercise ...`."""
    out: list[EventCandidate] = []
    for c in sorted(cands, key=lambda c: c.trigger):
        prev = next((e for e in reversed(out) if e.type == c.type and not e.anaphoric), None)
        if (prev is not None and not c.anaphoric and c.date is None and prev.date is not None
                and prev.evidence and c.sentence == prev.evidence[-1] and _compatible(prev, c)
                and _participle_of(doc, c.trigger, prev.trigger)):
            # "Finland formally joined NATO, becoming the 31st member of the Alliance"
            out[out.index(prev)] = _absorb(prev, c)
            continue
        if (prev is not None and not c.anaphoric and c.date is None and prev.date is not None
                and prev.evidence and c.sentence != prev.evidence[-1]
                and 0 <= c.sentence[0] - prev.evidence[-1][1] <= 3
                and "\n" not in text[prev.evidence[-1][1]:c.sentence[0]]
                and _compatible(prev, c) and not _situated_by(c, cands)):
            out[out.index(prev)] = _absorb(prev, c)
            continue
        out.append(c)
    return out


def merge_events(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """One event per occurrence in a document.

    A definite mention (`the Summit`, `This assistance`) is evidence of the latest
    earlier event of its type, and is dropped when there is none; two mentions of
    the same type with the same date value and a shared participant (a bullet and
    then a paragraph about it) are one event with both evidence spans.

    Events are looked up by type and by (type, date value), not by scanning all
    kept so far: a long document holds thousands, and the scan made it quadratic.
    """
    out: list[EventCandidate] = []
    latest: dict[str, int] = {}  # type -> position of the latest kept event of that type
    dated: dict[tuple[str, str], list[int]] = {}  # (type, date value) -> positions, in order
    # Evidence gathered per kept event, in order and once each (what `_absorb` gives), set at the end:
    # rebuilding one event's evidence tuple at every merge was quadratic in a text that tells one
    # meeting in every sentence.
    evidence: dict[int, dict[tuple[int, int], None]] = {}

    def absorb(i: int, c: EventCandidate) -> None:
        evidence.setdefault(i, dict.fromkeys(out[i].evidence)).update(dict.fromkeys(c.evidence))
        out[i] = _absorb(replace(out[i], evidence=()), replace(c, evidence=()))

    for c in sorted(candidates, key=lambda c: c.trigger):
        if c.anaphoric:
            prev = latest.get(c.type)
            if prev is not None:
                absorb(prev, c)
                _index(out, prev, dated)
            continue
        same = next((i for i in dated.get((c.type, c.date.value), ()) if _overlap(out[i], c)),
                    None) if c.date else None
        if same is not None:
            absorb(same, c)
        else:
            out.append(c)
            latest[c.type] = len(out) - 1
            _index(out, len(out) - 1, dated)
    for i, spans in evidence.items():
        out[i] = replace(out[i], evidence=tuple(spans))
    return out


def _index(out: list[EventCandidate], i: int, dated: dict[tuple[str, str], list[int]]) -> None:
    """File event `i` under its type and date value (once; absorbing can give an undated event a date)."""
    e = out[i]
    if e.date:
        positions = dated.setdefault((e.type, e.date.value), [])
        if i not in positions:
            insort(positions, i)
