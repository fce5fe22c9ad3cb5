"""Parties named inside one token: `the U.S.-EU Summit`, `a Canada-Chile dialogue`.

The tokenizer keeps `U.S.-EU` whole, so neither the country table nor an
organization mention's span sees its parts. Each part that is a country, or the
text of an organization mention of the chunk (`EU`, named before), is a party.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.countries import place_table
from pipeline.events.candidates import ParticipantRef

_JOIN = re.compile(r"[-–/]")


def joined_parties(doc: Doc, scope: set[int], spans: list[tuple], role_of) -> list[ParticipantRef]:
    """Countries and known organizations named by the parts of a hyphen-joined token in `scope`."""
    known = {m.text: m for m, _ in spans}
    table = place_table()
    out = []
    for i in sorted(scope):
        tok = doc[i]
        if not _JOIN.search(tok.text) or not tok.text[:1].isupper():
            continue
        at = tok.idx
        for part in _JOIN.split(tok.text):
            start = tok.text.index(part, at - tok.idx) + tok.idx if part else at
            at = start + len(part)
            place = table.get(part)
            if place is not None and place.kind == "country":
                out.append(ParticipantRef(place.name, role_of(tok), None, place.country))
            elif part in known and part[:1].isupper():
                m = known[part]
                out.append(ParticipantRef(m.text, role_of(tok), (start, start + len(part)), None))
    return out
