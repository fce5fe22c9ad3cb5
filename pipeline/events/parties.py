"""Participants: the organizations and countries an event's scope names, each with its role.

Organization mentions, definite nouns that shorten an earlier one (`this
committee`), countries by name or adjective, and the parties inside one token:
the tokenizer keeps `U.S.-EU` whole, so neither the country table nor an
organization mention's span sees its parts. Each part that is a country, or the
text of an organization mention of the chunk (`EU`, named before), is a party.
A country keeps the name the text gives it (`countries.called`).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline.countries import called, place_table
from pipeline.events.arguments import place_country, places_in
from pipeline.events.candidates import ParticipantRef
from pipeline.events.lookup import OrgSpans

_JOIN = re.compile(r"[-–/]")


def joined_parties(doc: Doc, scope: set[int], spans: OrgSpans, role_of) -> list[ParticipantRef]:
    """Countries and known organizations named by the parts of a hyphen-joined token in `scope`."""
    known: dict[str, object] | None = None  # the chunk's mentions by text, read once a joined token is seen
    table = place_table()
    out = []
    for i in sorted(scope):
        tok = doc[i]
        if not _JOIN.search(tok.text) or not tok.text[:1].isupper():
            continue
        known = known if known is not None else {m.text: m for m, _ in spans}
        at = tok.idx
        for part in _JOIN.split(tok.text):
            start = tok.text.index(part, at - tok.idx) + tok.idx if part else at
            at = start + len(part)
            place = table.get(part)
            if place is not None and place.kind == "country":
                name, acronym = called(part, place.name)
                out.append(ParticipantRef(name, role_of(tok), None, place.country, acronym))
            elif part in known and part[:1].isupper():
                m = known[part]
                out.append(ParticipantRef(m.text, role_of(tok), (start, start + len(part)), None))
    return out


def mention_spans(doc: Doc, orgs: list) -> list[tuple]:
    """(mention, its Span) for each organization mention that covers whole tokens of `doc`."""
    out = []
    for m in orgs:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            out.append((m, span))
    return out


def participants_in(doc: Doc, scope: set[int], spans: OrgSpans, triggers: set[int], role_of,
                    place: range = range(0), listed_places: bool = False) -> tuple[ParticipantRef, ...]:
    """Organizations and countries named in `scope`, each with its role.

    An organization mention that holds a trigger is the event's own name (`the Ninth
    Summit of the Americas`), not a participant. `this committee` names the latest
    earlier organization whose name ends in `Committee`. Countries are found by name
    or adjective, also inside organization names (`Mexican Secretary of Security`). The
    country it took place in is no participant, unless one of several (`listed_places`:
    `deployed the cutter in Colombia, Costa Rica, Ecuador, and Panama`).
    """
    out: list[ParticipantRef] = []
    seen: set[str] = set()

    def add(p: ParticipantRef, key: str | None = None) -> None:
        # "Royal Canadian Navy (RCN) ... the RCN": one organization, one participant
        keys = {p.name.lower(), (key or p.name).lower()}
        if not keys & seen:
            seen.update(keys)
            out.append(p)

    for m, span in spans.rooted_in(scope):
        if span.root.i not in place and not any(t.i in triggers for t in span):
            add(ParticipantRef(m.text, role_of(span.root), (m.start, m.end), place_country(m.text)),
                _org_key(m))
    for i in sorted(scope):
        tok = doc[i]
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if tok.pos_ != "NOUN" or det is None or det.lower_ not in ("this", "the", "that"):
            continue
        earlier = spans.latest_ending_by(tok.lower_, tok.i)
        if earlier is not None:
            m, _ = earlier
            add(ParticipantRef(m.text, role_of(tok), (m.start, m.end), place_country(m.text)), _org_key(m))
    for run in _runs(doc, scope):
        for start, end, found in places_in(run):
            tok = doc[start]
            here = tok.i in place and not (listed_places and _listed(doc[start:end]))
            if found.kind != "country" or here:
                continue  # the place it happened, unless one of several countries it happened in
            name, acronym = called(doc[start:end].text, found.name)
            add(ParticipantRef(name, role_of(tok), None, found.country, acronym), f"country:{found.country}")
    for p in joined_parties(doc, scope, spans, role_of):
        add(p, f"country:{p.country}" if p.mention is None else None)  # "the U.S.-EU Summit"
    return tuple(out)


def _runs(doc: Doc, scope: set[int]) -> list[list[Token]]:
    """The scope's tokens in runs of consecutive ones."""
    runs: list[list[Token]] = []
    for i in sorted(scope):
        if runs and runs[-1][-1].i == i - 1:
            runs[-1].append(doc[i])
        else:
            runs.append([doc[i]])
    return runs


def _listed(span: Span) -> bool:
    """Is the place one of a coordination (`in Colombia, Costa Rica, Ecuador, and Panama`)?"""
    return any(t.dep_ == "conj" or any(c.dep_ == "conj" for c in t.children) for t in span)


def _org_key(m) -> str:
    """What makes two mentions one organization: its acronym (`RCN`), the full name it
    shortens, its gazetteer entry, else its own text."""
    for key in (getattr(m, "acronym", None), getattr(m, "short_of", None), getattr(m, "entry_id", None)):
        if key:
            return key
    return m.text
