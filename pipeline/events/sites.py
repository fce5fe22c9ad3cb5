"""Where a place stands to an event beyond a plain `in`/`at`: a site noun, a base, a departure.

`to another location on the island of Luzon`, `along the coast of Ghana`: a
place under `on` or `along` a site noun (island, coast, border) is where it took
place. `assigned to the Hawaii-based task force`, `to the task force based in
Europe`: a posting goes where the unit it joins is based. `moved launchers from
an airfield in X to Y`: the place left (`from ...`) is not where the event took place.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.countries import place_table
from pipeline.events.rules import word_classes

_PLACE_LABELS = ("GPE", "LOC", "FAC")


def on_site(prep: Token, place: Token) -> bool:
    """`on the island of Luzon`, `along the coast of Ghana`: `on` or `along` (`site_prepositions`)
    a site noun that the place names."""
    if prep.lower_ not in word_classes()["site_prepositions"]:
        return False
    sites = word_classes()["site_nouns"]
    cur = place
    for _ in range(6):
        if cur.lemma_.lower() in sites or cur.lower_ in sites:
            return True
        if cur.head is cur or cur.head.i == prep.i:
            return False
        cur = cur.head
    return False


def departed_from(prep: Token, anchors: set[int]) -> bool:
    """Does `prep` hang below a `from` phrase of an anchor (`from Laoag airfield in the Philippines`)?"""
    cur = prep.head
    for _ in range(20):
        if cur.i in anchors or cur.head is cur:
            return False
        if cur.dep_ == "prep" and cur.lower_ == "from" and cur.head.i in anchors:
            return True
        cur = cur.head
    return False


def base_of_destination(trig: Token, ents: tuple[Span, ...]) -> tuple[Span, Token] | None:
    """(place entity, the unit's token) where the unit a trigger posts to is based: `assigned to
    the Hawaii-based 3rd Task Force`, `fielded to the task force based in Europe`."""
    basing = word_classes()["basing_participles"]
    # the parser may hang `to ...` on the object: "fielded [a battery to the task force]"
    holders = [trig, *(c for c in trig.children if c.dep_ in ("dobj", "nsubjpass"))]
    for prep in (c for h in holders for c in h.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("to", "into", "with"):
            continue
        for unit in prep.children:
            if unit.dep_ != "pobj":
                continue
            for based in unit.children:
                if based.lower_ not in basing or based.dep_ not in ("amod", "acl"):
                    continue
                # the model may tag the town ORG (`the Halifax-based task group`): the table knows it
                places = [t for t in based.subtree if t.i != based.i and t.pos_ == "PROPN"
                          and (t.ent_type_ in _PLACE_LABELS or t.text in place_table())]
                if places:
                    t = places[0]
                    ent = next((e for e in ents if e.start <= t.i < e.end), None)
                    return (ent if ent is not None else t.doc[t.i:t.i + 1]), unit
    return None


def remote(trig: Token, theme: Token | None) -> bool:
    """`held a virtual meeting`, `met by videoconference`, `spoke by telephone`: held at no one
    place, so no host's country is where it took place (`remote_words`)."""
    words = word_classes()["remote_words"]
    near = [*trig.children, *(theme.children if theme is not None else ())]
    return any(t.lower_ in words for c in near for t in (c, *c.children))
