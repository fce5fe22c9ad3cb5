"""Where an event took place: a place its clause puts it `in`, `at`, `off`, a visited place, the
city a meeting is named after, the host country of `hosted by Canada`.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.countries import place_table
from pipeline.events.arguments import location_in, place_country, place_end
from pipeline.events.hits import Hit, nominal
from pipeline.events.rules import word_classes
from pipeline.events.sites import base_of_destination
from pipeline.index import Ents
from pipeline.nlp import Chunk
from pipeline.surface import without_the


def _location_preps(trigger: Token) -> frozenset[str]:
    preps = word_classes()["location_prepositions"]
    if trigger.lemma_ in word_classes()["destination_verbs"] | word_classes()["deploy_nouns"]:
        preps = preps | word_classes()["destination_prepositions"]  # "posted to Mexico", "welcomed ... to"
    return frozenset(preps)


def event_place(h: Hit, chunk: Chunk, scope: set[int], window, ordinal,
           host: Token | None) -> tuple[str, str | None, range] | None:
    """Where it took place: a place the trigger's clause puts it `in`, `at`, `off`."""
    doc, ents = chunk.doc, chunk.ents
    trig, pat = h.trigger, h.pattern
    place_tok = h.nodes.get("place")
    if place_tok is not None and pat.type == "VISIT":
        return _entity_location(place_tok, ents)
    site = h.nodes.get("site")
    if site is not None and pat.type == "VISIT" and _bare_place_name(site):
        return _entity_location(site, ents)  # "visited Cartagena" (tagged PERSON by the model)
    anchors = {trig.i} | ({h.theme.i} if h.theme is not None else set())
    if host is not None:
        anchors.add(host.i)  # "met in Rome on the margins of the G20 Summit": held in Rome too
        scope = scope | {t.i for c in host.children if c.dep_ == "prep" for t in c.subtree}
    if pat.kind in ("copular", "nominal") and trig.head is not trig:
        anchors.add(trig.head.i)
    skip = frozenset(n.i for name, n in h.nodes.items() if name == "in")  # "participated in X"
    found = location_in(scope, doc, ents, _location_preps(trig), anchors, skip)
    if found is None and pat.kind == "nominal" and ordinal:
        wspan = doc.char_span(window[0], window[1], alignment_mode="expand")
        if wspan is not None:
            found = location_in({t.i for t in wspan}, doc, ents, _location_preps(trig))
    if found is None and trig.lemma_ in word_classes()["destination_verbs"]:
        based = base_of_destination(trig, ents)  # "assigned to the Hawaii-based task force"
        found = _entity_location(based[0].root, ents) if based is not None else None
    return found or _named_for_city(trig if nominal(pat.kind) else h.theme)


def _named_for_city(noun: Token | None) -> tuple[str, str | None, range] | None:
    """`the Madrid Summit`, `the Wales Summit`: a meeting named after the city that hosted it.

    Only a city (a known place that is no country): `the Canada-Mexico Summit` names its parties.
    """
    if noun is None:
        return None
    for c in noun.children:
        # "the November 12 Paris international conference": the parser may make the city an nmod
        place = place_table().get(c.text) if c.dep_ in ("compound", "nmod") and c.i < noun.i else None
        if place is not None and place.kind != "country":
            return c.text, place.country, range(c.i, c.i + 1)
    return None


def _bare_place_name(tok: Token) -> bool:
    """A visited proper name that is no organization or titled person: `Cartagena`, `Halifax`."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("ORG", "NORP"):
        return False
    if tok.ent_type_ in ("GPE", "LOC", "FAC") or place_country(tok.text):
        return True
    return not any(c.dep_ in ("compound", "amod", "poss", "det") for c in tok.children)


def host_country(participants) -> tuple[str, str | None] | None:
    """`hosted by Canada` with no place named: it took place in Canada; not when the hosts are
    of several countries (`Italy and Brazil held talks`: where is not said)."""
    hosts = [p for p in participants if p.role == "host" and p.mention is None and p.country]
    return (hosts[0].name, hosts[0].country) if len({p.country for p in hosts}) == 1 else None


def _entity_location(tok: Token, ents: Ents) -> tuple[str, str | None, range]:
    """The place entity holding `tok`, with a following `, Region` (`Mombasa, Kenya`)."""
    doc = tok.doc
    ent = next(iter(ents.holding(tok.i)), None)
    start, end = (ent.start, ent.end) if ent is not None else (tok.i, tok.i + 1)
    end = place_end(doc, ents, end)
    name = " ".join(doc[start:end].text.split())
    name = without_the(name)
    return name, place_country(name), range(start, end)
