"""One event per occurrence: merging what the patterns found more than once.

A text tells an occurrence again (a bullet, then a paragraph about it), refers
back to it by a definite noun (`the Summit`, `This assistance`), or adds to it
in the next sentence (`This was the first time a Mexican Navy ship ...`). These
functions fold such mentions into one event whose evidence lists every span.
"""

from __future__ import annotations

import bisect
import heapq
from dataclasses import replace
from typing import TYPE_CHECKING

from pipeline.countries import place_table
from pipeline.events.candidates import EventCandidate, ParticipantRef

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _keys(c: EventCandidate) -> tuple[set[str], set[str]]:
    names = {p.name.lower() for p in c.participants}
    countries = {p.country for p in c.participants if p.country}
    return names, countries


def _compatible(a: EventCandidate, b: EventCandidate) -> bool:
    """No participant conflict: one side unknown, or they share a name or country."""
    na, ca = _keys(a)
    nb, cb = _keys(b)
    return not (ca and cb) or bool(na & nb or ca & cb)


_GIVERS = ("provider", "host")


def _other_giver(a: EventCandidate, b: EventCandidate) -> bool:
    """Do both name who gave or hosted, and no one in common? `The DoD donated a vessel. The State
    Department donated equipment to SENAN`: another giver is another gift, however close."""
    ga = {_party(p) for p in a.participants if p.role in _GIVERS}
    gb = {_party(p) for p in b.participants if p.role in _GIVERS}
    return bool(ga and gb) and not ga & gb


def _same_occurrence(a: EventCandidate, b: EventCandidate) -> bool:
    """Same type, same date value, a shared party: a bullet and then a paragraph about it.

    A bare year shared only through a country (`the USCG transferred a cutter in 2018`, `since
    2018 the U.S. government has provided an aircraft`) is too coarse to tell one occurrence:
    then a party's name must be shared too.
    """
    if a.type != b.type or not (a.date and b.date) or a.date.value != b.date.value:
        return False
    if _other_giver(a, b):
        return False
    (na, ca), (nb, cb) = _keys(a), _keys(b)
    if len(a.date.value) <= 4 and a.date.value.isdigit():
        return bool(na & nb)
    return bool(na & nb or ca & cb)


def _same_first(a: EventCandidate, b: EventCandidate) -> bool:
    """`when it was first deployed in April 2024 ... its first overseas deployment to the
    Philippines`: two mentions of the first occurrence of one type are one, unless their dates,
    places or parties tell them apart."""
    if a.type != b.type or a.ordinal != 1 or b.ordinal != 1:
        return False
    if a.date and b.date and a.date.value != b.date.value:
        return False
    if a.location and b.location and a.location[1] != b.location[1]:
        return False
    return _compatible(a, b) and not _other_giver(a, b)


def _absorb(into: EventCandidate, other: EventCandidate) -> EventCandidate:
    """`into` with `other`'s evidence and whatever arguments `into` lacked."""
    evidence = tuple(dict.fromkeys(into.evidence + other.evidence))
    return replace(_absorb_arguments(into, other), evidence=evidence)


def _absorb_arguments(into: EventCandidate, other: EventCandidate) -> EventCandidate:
    """`into` with whatever arguments `into` lacked, its evidence as it was."""
    names = {_party(p) for p in into.participants}
    extra = tuple(p for p in other.participants if _party(p) not in names)
    return replace(
        into,
        participants=into.participants + extra,
        date=into.date or other.date,
        location=into.location or other.location,
        ordinal=into.ordinal if into.ordinal is not None else other.ordinal,
        name=into.name or other.name,
        confidence=max(into.confidence, other.confidence),
    )


def _party(p: ParticipantRef) -> tuple[str, str | None]:
    """Who a participant is: a country by its code however the text called it (`U.S.`,
    `United States`), a body by its name and country."""
    return ("", p.country) if p.mention is None and p.country else (p.name.lower(), p.country)


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


def _another_ordinal(prev: EventCandidate, c: EventCandidate) -> bool:
    """`activated the first battery in January. A second battery has been activated`: a mention
    counted apart from the one before it is another occurrence, not more about it."""
    return c.ordinal is not None and c.ordinal != prev.ordinal


def _situated_by(c: EventCandidate, cands: list[EventCandidate]) -> bool:
    """Does `c`'s sentence also name the earlier event by a definite noun, so that `c` is a
    second occurrence placed against it, not a retelling: `On the margins of the meeting, he
    met with his Latvian counterpart`."""
    return any(o.anaphoric and o.type == c.type and o.sentence == c.sentence and o.trigger != c.trigger
               for o in cands)


def _objects_folded(cands: list[EventCandidate], doc: Doc) -> list[EventCandidate]:
    """`hosted a workshop`: the workshop is the hosting, one event. A candidate whose trigger is
    the direct object of another candidate's trigger of its type folds into that one."""
    at = {}
    for c in cands:
        span = doc.char_span(*c.trigger, alignment_mode="expand")
        if span is not None:
            at[span.root.i] = c
    out = list(cands)
    for i, c in at.items():
        tok = doc[i]
        verb = at.get(tok.head.i) if tok.dep_ == "dobj" and tok.head.i != i else None
        if verb is not None and verb.type == c.type and verb in out and c in out:
            out[out.index(verb)] = _absorb(verb, c)
            out.remove(c)
    return out


def elaborations(cands: list[EventCandidate], doc: Doc, text: str) -> list[EventCandidate]:
    """Merge an undated mention into the same-type event of the sentence just before it, in the
    same paragraph: `SEMAR also participated in ... in August 2012. This was the first time a
    Mexican Navy ship participated in an exercise ...`. A verb of a bare definite noun tells the
    event before and brings its parties to it: `Canada hosted a meeting in May. Delegations
    from Chile and Peru attended the meeting`."""
    out: list[EventCandidate] = []
    for c in sorted(_objects_folded(cands, doc), key=lambda c: c.trigger):
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
                and (_compatible(prev, c) or c.told_again) and not _other_giver(prev, c)
                and not _situated_by(c, cands) and not _another_ordinal(prev, c)):
            out[out.index(prev)] = _absorb(prev, c)
            continue
        out.append(c)
    return out


def _same_place(a: EventCandidate, b: EventCandidate) -> bool:
    """`Kyiv` and `Kyiv, Ukraine`: one names the other's place."""
    if not (a.location and b.location):
        return False
    x, y = a.location[0].lower(), b.location[0].lower()
    return x.startswith(y) or y.startswith(x)


def dated_by_stay(cands: list[EventCandidate], text: str) -> list[EventCandidate]:
    """An undated event in the sentence after a dated one at the same place happened on that stay:
    `The ministers visited Accra yesterday. While in Accra, they met with the President`.
    The paragraph may break between them (a readout's paragraphs follow the trip)."""
    out = list(cands)
    ordered = sorted(range(len(out)), key=lambda i: out[i].trigger)
    for k, i in enumerate(ordered):
        c = out[i]
        if c.anaphoric or c.location is None or (c.date is not None and c.participants):
            continue
        prev = next((out[j] for j in reversed(ordered[:k]) if out[j].sentence != c.sentence), None)
        if (prev is None or not _same_place(prev, c)
                or text[prev.sentence[1]:c.sentence[0]].strip(" \n.")):
            continue
        if c.date is None and prev.date is not None:
            c = replace(c, date=prev.date)
        if not c.participants and prev.type == "VISIT":
            c = replace(c, participants=_visitors_and_hosts(prev, c))
        out[i] = c
    return out


def _visitors_and_hosts(visit: EventCandidate, c: EventCandidate) -> tuple[ParticipantRef, ...]:
    """`They visited Kyiv. While in Kyiv, they met with the President`: the visitors meet, and
    a meeting held on a visit abroad has the visited country on its other side."""
    found = list(visit.participants)
    # `While in Accra` after `visited Accra, Ghana`: the visit's place may say the country
    iso = (c.location[1] if c.location else None) or (visit.location[1] if visit.location else None)
    if iso and all(p.country != iso for p in found):
        country = next((p for p in place_table().values() if p.kind == "country" and p.country == iso), None)
        if country is not None:
            found.append(ParticipantRef(name=country.name, role="participant", country=iso))
    return tuple(found)


def merge_events(candidates: list[EventCandidate]) -> list[EventCandidate]:
    """One event per occurrence in a document.

    A definite mention (`the Summit`, `This assistance`) is evidence of the latest
    earlier event of its type, and is dropped when there is none; two mentions of
    the same type with the same date value and a shared participant (a bullet and
    then a paragraph about it) are one event with both evidence spans.
    """
    out: list[EventCandidate] = []
    # A long document tells thousands of events: each candidate reads only the events it may join
    # (the latest of its type; those of its type and date value, and its type's first occurrences,
    # in order), and an event's evidence grows in place, not rebuilt at every merge.
    evidence: list[dict[tuple[int, int], None]] = []
    latest_of: dict[str, int] = {}
    dated: dict[tuple[str, str], list[int]] = {}
    firsts: dict[str, list[int]] = {}
    absorbed: set[int] = set()

    def absorb(i: int, c: EventCandidate) -> None:
        before = out[i]
        out[i] = _absorb_arguments(before, c)
        evidence[i].update(dict.fromkeys(c.evidence))
        absorbed.add(i)
        if before.date is None and out[i].date is not None:  # a date it took from `c`
            bisect.insort(dated.setdefault((out[i].type, out[i].date.value), []), i)
        if before.ordinal is None and out[i].ordinal == 1:  # an ordinal it took from `c`
            bisect.insort(firsts.setdefault(out[i].type, []), i)

    def joined(c: EventCandidate) -> int | None:
        same = dated.get((c.type, c.date.value), []) if c.date else []
        first = firsts.get(c.type, []) if c.ordinal == 1 else []
        # both lists are sorted: read them merged, in order, only as far as the first match
        return next((i for i in heapq.merge(same, first)
                     if _same_occurrence(out[i], c) or _same_first(out[i], c)), None)

    for c in sorted(candidates, key=lambda c: c.trigger):
        if c.anaphoric:
            prev = latest_of.get(c.type)
            if prev is not None:
                absorb(prev, c)
            continue
        same = joined(c)
        if same is not None:
            absorb(same, c)
        else:
            latest_of[c.type] = len(out)
            if c.date is not None:
                dated.setdefault((c.type, c.date.value), []).append(len(out))
            if c.ordinal == 1:
                firsts.setdefault(c.type, []).append(len(out))
            out.append(c)
            evidence.append(dict.fromkeys(c.evidence))
    return [replace(e, evidence=tuple(evidence[i])) if i in absorbed else e for i, e in enumerate(out)]
