"""Events: typed, dated, located occurrences with participants, traceable to the text.

Triggers are found by spaCy `DependencyMatcher` patterns over lemmas and the
dependency parse (`data/event_patterns.jsonl`, word classes in
`data/event_lexicon.json`, the nine types with their PLOVER and ACE mapping in
`data/event_types.json`). A match becomes an event only when the text asserts
it (GUIDELINES.md, Events): negated, hypothetical, conditional, habitual and
aimed-at triggers are dropped; announced ones (`will meet ... today`) need a
stated time; a nominal trigger (`the NATO Summit in 2022`) needs an anchor of
its own (a date, an ordinal, or a participant and a place). Arguments come from
arguments.py. `merge_events` (merge.py) then keeps one event per occurrence.
Offsets are offsets into the text the Doc was built from.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.countries import place_table
from pipeline.dates.links import Timex
from pipeline.events.arguments import (
    country_of,
    dominating,
    location_in,
    mention_spans,
    ordinal_of,
    participants_in,
    role_key,
    scope_of,
)
from pipeline.events.candidates import EventCandidate, ParticipantRef
from pipeline.events.lookup import ByKey, ChunkIndex, Ents, OrgSpans, Windows
from pipeline.events.merge import elaborations
from pipeline.events.rules import (
    EventPattern,
    is_aim,
    is_aim_word,
    is_cancelled,
    is_habitual,
    is_irrealis,
    is_unasserted,
    lexicon,
    load_patterns,
    ordinals,
    plover_of,
    tree_patterns,
)
from pipeline.events.tree_match import tree_matches
from pipeline.nlp import Chunk
from pipeline.organizations.spans import OrgMention

_UNDATING = ("DURATION", "SET")


# --- finding --------------------------------------------------------------------------


@dataclass
class _Hit:
    trigger: Token
    pattern: EventPattern
    theme: Token | None
    nodes: dict[str, Token]


def _forbidden(tok: Token, forbid: tuple[str, ...]) -> bool:
    withs = lexicon()["with_prepositions"]
    for rule in forbid:
        if rule == "prep:with":
            if any(c.dep_ == "prep" and c.lower_ in withs for c in tok.children):
                return True
        elif any(c.dep_ == rule for c in tok.children):
            return True
    return False


def _hits(doc: Doc) -> dict[int, list[_Hit]]:
    """Structurally valid pattern matches by trigger token, best first (anaphors last)."""
    patterns = {p.id: p for p in load_patterns()}
    by_token: dict[int, list[_Hit]] = {}
    for key, nodes in tree_matches(doc, tree_patterns()):
        pat = patterns[key]
        trig = nodes["trigger"]
        while "head" in nodes and trig.dep_ == "compound" and trig.head is not trig:
            trig = trig.head  # "Exercise TRIDENT JUNCTURE 18": the name's last word
        if pat.forbid and _forbidden(trig, pat.forbid):
            continue
        by_token.setdefault(trig.i, []).append(_Hit(trig, pat, nodes.get("theme"), nodes))
    for hs in by_token.values():
        hs.sort(key=lambda h: (h.pattern.kind == "anaphor", -h.pattern.confidence, h.pattern.id))
    return dict(sorted(by_token.items()))


def _nominal(kind: str) -> bool:
    return kind in ("nominal", "nominal-theme", "anaphor")


def _absorbed(tok: Token, etype: str, hits: list[_Hit]) -> bool:
    """A nominal trigger inside the theme of another trigger of its type is that event: `hosted the
    meeting`; not `the memorandum concluded ... at the Madrid [Summit]`, a meeting of its own."""
    for other in hits:
        if (_nominal(other.pattern.kind) or other.theme is None or other.trigger.i == tok.i
                or other.pattern.type != etype):
            continue
        # "took part in Exercise TRIDENT JUNCTURE": the theme is `Exercise`, the name its head
        for node in (other.theme, other.nodes.get("name")):
            if node is not None and node.left_edge.i <= tok.i <= node.right_edge.i:
                return True
    return False


def find_events(chunk: Chunk, orgs: list[OrgMention], dates: list[Timex]) -> list[EventCandidate]:
    """Events asserted in a chunk, each with its rule, confidence and arguments (chunk offsets)."""
    doc = chunk.doc
    if not len(doc):  # an empty piece (a text of markup only) has no sentences to read
        return []
    by_token = _hits(doc)
    primary = [hs[0] for hs in by_token.values()]
    by_token = {i: hs for i, hs in by_token.items()
                if not (all(_nominal(h.pattern.kind) for h in hs)
                        and _absorbed(doc[i], hs[0].pattern.type, primary))}
    primary = [hs[0] for hs in by_token.values()]
    triggers = set(by_token)
    timex_root = _timex_roots(doc, dates)
    # A copular trigger's dates hang from its copula: "of which Peru has been a member since 2012"
    copula_of = {doc[i].head.i: i for i, hs in by_token.items()
                 if hs[0].pattern.kind == "copular" and doc[i].dep_ == "attr"
                 and doc[i].head.i not in by_token}
    attached: dict[int, list[Timex]] = {}
    owners = triggers | set(copula_of)
    for tx, root in timex_root:
        owner = dominating(root, owners)
        if owner is not None:
            attached.setdefault(copula_of.get(owner, owner), []).append(tx)
    owned = {id(tx) for txs in attached.values() for tx in txs}
    index = ChunkIndex(Windows.of_doc(doc, chunk.text), Ents(chunk.ents),
                       OrgSpans(mention_spans(doc, orgs)), ByKey(timex_root, lambda pair: pair[0].start))
    out = []
    for hs in by_token.values():
        for h in hs:
            cand = _candidate(h, chunk, index, attached, owned, triggers)
            if cand is not None:
                out.append(cand)
                break
    return elaborations(out, doc, chunk.text)


def _timex_roots(doc: Doc, dates: list[Timex]) -> list[tuple[Timex, Token]]:
    out = []
    for tx in dates:
        if tx.type in _UNDATING:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((tx, span.root))
    return out


def _nearest(tok: Token, options: list[Timex]) -> Timex | None:
    return min(options, key=lambda tx: abs(tx.start - tok.idx), default=None)


def _date_of(h: _Hit, window, attached, owned, timex_root, ordinal) -> Timex | None:
    """The Timex attached to the trigger in the parse, else the nearest free one in its window.

    A reduced relative (`Talks - established in 2006`, `the Pledge adopted ... in
    2014`) only takes a date of its own; a nominal trigger with an ordinal (`the
    Ninth Summit`) or a theme (`the formation of a ... Committee`) may share the
    clause's date.
    """
    trig, kind = h.trigger, h.pattern.kind
    # a parse glued across a line break (a blog's date line and its headline) dates nothing
    mine = [tx for tx in attached.get(trig.i, []) if window[0] <= tx.start < window[1]]
    if h.theme is not None and h.theme.i != trig.i:
        # "Exercise MAPLE RESOLVE 2023 took place ... from May 1": a year in the name is no date
        name = range(h.theme.left_edge.idx, h.theme.right_edge.idx + len(h.theme.right_edge))
        mine = [tx for tx in mine if tx.start not in name] or mine
    own = _nearest(trig, mine)
    if own is not None:
        return own
    near = timex_root.between(*window)  # (Timex, root) pairs starting in the window
    in_window = [tx for tx, _ in near]
    if kind == "verbal" and trig.dep_ == "conj" and trig.head.pos_ == "VERB":
        # "travelled to Colombia and met with the Commander": the first verb's date
        shared = [tx for tx in attached.get(trig.head.i, []) if window[0] <= tx.start < window[1]]
        if shared and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
            return _nearest(trig, shared)
    free = [tx for tx in in_window if id(tx) not in owned]
    if kind == "nominal-theme" or (kind == "nominal" and ordinal):
        return _nearest(trig, free) or _nearest(trig, in_window)
    if kind == "copular" or (kind == "verbal" and trig.dep_ not in ("acl", "relcl")):
        # "visited Cartagena during Operation CARIBBE in the fall of 2018": the date the
        # named operation in the verb's own clause holds dates the visit too
        inner = [tx for tx, root in near
                 if trig.left_edge.i <= root.i <= trig.right_edge.i and _held_by_noun(root, trig)]
        return _nearest(trig, free) or _nearest(trig, inner)
    if kind == "verbal" and _full_relative(trig):
        # "travelled to Mexico City in October 2014, where he met with ...": the clause's date
        return _nearest(trig, in_window)
    return None


def _full_relative(trig: Token) -> bool:
    """A relative clause with a subject of its own (`where he met with`), not a reduced one
    that describes its noun (`Talks, held between the Foreign and Defence Ministries`)."""
    return trig.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children)


def _held_by_noun(root: Token, trig: Token) -> bool:
    """Does the date hang from a noun (not another verb) below `trig`?"""
    cur = root.head
    for _ in range(20):
        if cur.i == trig.i:
            return True
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return False
        cur = cur.head
    return False


def _asserted(h: _Hit, date: Timex | None) -> bool:
    """Factuality (GUIDELINES.md): no negated, hypothetical, habitual or undated announced events."""
    trig, kind = h.trigger, h.pattern.kind
    if kind == "copular":
        return not is_unasserted(trig)
    if _nominal(kind):
        # "these regular talks", "periodic meetings since 2010": a series, not an occurrence
        series = lexicon()["habitual_adjectives"]
        if any(c.dep_ == "amod" and c.lower_ in series for c in trig.children) or is_cancelled(trig):
            return False
        # "Canada hopes to begin talks with Chile in 2025": the talks are aimed at too
        owner = trig.head if trig.dep_ in ("dobj", "nsubjpass", "pobj") and trig.head is not trig else None
        return owner is None or not (is_aim_word(owner, "hope_verbs") or is_aim(owner, "hope_verbs"))
    if trig.dep_ in ("acl", "relcl") and date is None and not _full_relative(trig):
        return False  # "Talks, held between the Foreign and Defence Ministries": a description
    return not (is_unasserted(trig) or is_aim(trig, "hope_verbs") or (is_irrealis(trig) and date is None)
                or (is_habitual(trig) and date is None))


def _candidate(h: _Hit, chunk: Chunk, index: ChunkIndex, attached, owned,
               triggers: set[int]) -> EventCandidate | None:
    doc = chunk.doc
    trig, pat = h.trigger, h.pattern
    kind = pat.kind
    window = index.windows.of(trig.idx, len(trig))
    wspan = doc.char_span(window[0], window[1], alignment_mode="expand")
    window_ids = {t.i for t in wspan} if wspan is not None else {trig.i}
    noun = h.theme if h.theme is not None and not _nominal(kind) else trig
    ordinal = ordinal_of(noun, ordinals()) if noun.pos_ in ("NOUN", "PROPN") else None
    span = (trig.idx, trig.idx + len(trig))
    if trig.dep_ == "compound" and _nominal(kind):
        return None  # "Key Summit Outcomes"
    if kind == "anaphor":
        dets = [c for c in trig.children if c.dep_ in ("det", "poss")]
        named = any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in trig.children)
        if attached.get(trig.i) or ordinal or named or not dets or \
                dets[0].lower_ not in lexicon()["anaphoric_determiners"]:
            return None  # "the NATO Summit" names its own summit; "the Summit" refers back
        # "The assistance will take the form of direct transfers ... from the Department of Defense"
        parts: tuple[ParticipantRef, ...] = ()
        if trig.dep_ in ("nsubj", "nsubjpass"):
            scope = {t.i for t in trig.head.subtree} & window_ids
            parts = participants_in(doc, scope, index.orgs, triggers, lambda t: "participant")
        return EventCandidate(pat.type, span, window, pat.id, pat.confidence, plover_of()[pat.type],
                              participants=parts, evidence=(window,), anaphoric=True)
    date = _date_of(h, window, attached, owned, index.timexes, ordinal)
    if not _asserted(h, date):
        return None
    scope, inherited = scope_of(trig, h.theme, kind, window_ids, triggers)
    if kind == "verbal":
        glued = _glued_subjects(trig, window_ids)
        scope, inherited = scope | glued, inherited | glued
    anchor = trig.head if kind == "copular" and trig.head is not trig else trig

    def role_of(tok: Token) -> str:
        if tok.i in inherited:
            return pat.roles.get("nsubj", "participant")
        return _role(tok, anchor, trig, pat)

    place = _place(h, chunk.doc, index.ents, scope, window, ordinal)
    participants = participants_in(doc, scope, index.orgs, triggers, role_of, place[2] if place else range(0))
    location = place[:2] if place else _host_country(participants)
    if kind == "nominal" and not (date or ordinal or (participants and location)):
        return None  # "these regular talks are an effective way": no anchor, not an occurrence
    return EventCandidate(
        type=pat.type, trigger=span, sentence=window, rule=pat.id,
        confidence=pat.confidence, plover=plover_of()[pat.type], date=date, location=location,
        participants=participants, ordinal=ordinal, evidence=(window,),
    )


def _glued_subjects(trig: Token, window_ids: set[int]) -> set[int]:
    """Subjects the parser hung on the line above: in `...cooperation\n\nThe Royal Canadian
    Navy (RCN) and the Colombian Navy held staff talks`, `Navy (RCN)` is parsed as an
    apposition of the headline's last word. When the trigger itself hangs outside its line,
    the noun phrases cut off the same way before it are its coordinated subjects."""
    if trig.head.i in window_ids or trig.head is trig:
        return set()
    out: set[int] = set()
    for i in sorted(window_ids):
        tok = trig.doc[i]
        if i >= trig.i:
            break
        if tok.head.i not in window_ids and tok.pos_ in ("PROPN", "NOUN"):
            out |= {t.i for t in tok.subtree} & window_ids
    return out


def _location_preps(trigger: Token) -> frozenset[str]:
    preps = lexicon()["location_prepositions"]
    if trigger.lemma_ in lexicon()["destination_verbs"]:
        preps = preps | lexicon()["destination_prepositions"]  # "posted to Mexico", "welcomed ... to"
    return frozenset(preps)


def _place(h: _Hit, doc: Doc, ents: Ents, scope: set[int], window,
           ordinal) -> tuple[str, str | None, range] | None:
    """Where it took place: a place the trigger's clause puts it `in`, `at`, `off`."""
    trig, pat = h.trigger, h.pattern
    place_tok = h.nodes.get("place")
    if place_tok is not None and pat.type == "VISIT":
        return _entity_location(place_tok, ents)
    site = h.nodes.get("site")
    if site is not None and pat.type == "VISIT" and _bare_place_name(site):
        return _entity_location(site, ents)  # "visited Cartagena" (tagged PERSON by the model)
    anchors = {trig.i} | ({h.theme.i} if h.theme is not None else set())
    if pat.kind in ("copular", "nominal") and trig.head is not trig:
        anchors.add(trig.head.i)
    skip = frozenset(n.i for name, n in h.nodes.items() if name == "in")  # "participated in X"
    found = location_in(scope, doc, ents, _location_preps(trig), anchors, skip)
    if found is None and pat.kind == "nominal" and ordinal:
        wspan = doc.char_span(window[0], window[1], alignment_mode="expand")
        if wspan is not None:
            found = location_in({t.i for t in wspan}, doc, ents, _location_preps(trig))
    return found or _named_for_city(trig if _nominal(pat.kind) else h.theme)


def _named_for_city(noun: Token | None) -> tuple[str, str | None, range] | None:
    """`the Madrid Summit`, `the Wales Summit`: a meeting named after the city that hosted it.

    Only a city (a known place that is no country): `the Canada-Mexico Summit` names its parties.
    """
    if noun is None:
        return None
    for c in noun.children:
        place = place_table().get(c.text) if c.dep_ == "compound" and c.i < noun.i else None
        if place is not None and place.kind != "country":
            return c.text, place.country, range(c.i, c.i + 1)
    return None


def _bare_place_name(tok: Token) -> bool:
    """A visited proper name that is no organization or titled person: `Cartagena`, `Halifax`."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("ORG", "NORP"):
        return False
    if tok.ent_type_ in ("GPE", "LOC", "FAC") or country_of(tok.text):
        return True
    return not any(c.dep_ in ("compound", "amod", "poss", "det") for c in tok.children)


def _host_country(participants) -> tuple[str, str | None] | None:
    """`hosted by Canada` with no place named: it took place in Canada."""
    hosts = [p for p in participants if p.role == "host" and p.mention is None and p.country]
    return (hosts[0].name, hosts[0].country) if hosts else None


def _entity_location(tok: Token, ents: Ents) -> tuple[str, str | None, range]:
    """The place entity holding `tok`, with a following `, Region` (`Mombasa, Kenya`)."""
    doc = tok.doc
    ent = ents.holding(tok.i)
    start, end = (ent.start, ent.end) if ent is not None else (tok.i, tok.i + 1)
    if end + 1 < len(doc) and doc[end].text == ",":
        follow = ents.starting_at(end + 1)
        if follow is not None and follow.label_ == "GPE":
            end = follow.end
    name = " ".join(doc[start:end].text.split())
    name = name[4:] if name.startswith(("the ", "The ")) else name
    return name, country_of(name), range(start, end)


def _role(tok: Token, anchor: Token, trig: Token, pat: EventPattern) -> str:
    key = role_key(tok, anchor)
    if pat.kind == "copular":
        if key in ("nsubj", "nsubjpass"):
            return pat.roles.get("subject", "member")
        key = role_key(tok, trig)
        if key == "prep:of":
            return pat.roles.get("of", "participant")
    if key in pat.roles:
        return pat.roles[key]
    if key in ("prep:to", "prep:for") and pat.type in ("AID", "TRAIN"):
        return "recipient"
    if key == "agent" and "nsubj" in pat.roles:
        return pat.roles["nsubj"]
    return "participant"
