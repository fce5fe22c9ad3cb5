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

from spacy.tokens import Doc, Span, Token

from pipeline.countries import place_table
from pipeline.dates.links import Timex
from pipeline.events.anaphora import antecedent, definite_theme
from pipeline.events.arguments import (
    adverb_ordinal,
    dominating,
    location_in,
    margin_host,
    ordinal_of,
    place_country,
    place_end,
    possessive_timex,
    role_key,
    scope_of,
)
from pipeline.events.candidates import EventCandidate, ParticipantRef
from pipeline.events.factuality import asserted, full_relative, reporting_verb
from pipeline.events.frames import dated_by_announcement, framing_verb, invitees
from pipeline.events.hits import Hit, absorbed, all_hits, describes, is_general, nominal
from pipeline.events.merge import dated_by_stay, elaborations
from pipeline.events.parties import convening_bodies, mention_spans, participants_in
from pipeline.events.pieces import glued_subjects, verbless_tail
from pipeline.events.rules import EventPattern, ordinals, plover_of, word_classes
from pipeline.events.sites import base_of_destination, remote
from pipeline.events.status import name_of, status_of
from pipeline.nlp import Chunk
from pipeline.organizations.spans import OrgMention
from pipeline.surface import without_the

_UNDATING = ("DURATION", "SET")
_TOO_COARSE = ("century", "millennium")
# the subject of a giving or teaching is its provider: "The State Department facilitated the donation"
_GIVER_ROLE = {"AID": "provider", "TRAIN": "provider"}


# --- finding --------------------------------------------------------------------------


def _line_windows(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Sentence pieces cut at line breaks: a bullet or heading is never glued to the next line."""
    out = []
    # Sentence starts straight from the parse: `doc.sents` rechecks the whole Doc per sentence.
    starts = [0, *(int(i) for i in (doc.to_array("SENT_START") == 1).nonzero()[0] if i > 0 and _ends_sentence(doc[i - 1]))]
    bounds = [doc[i].idx for i in starts] + [len(text)]
    for sent_start, sent_end in zip(bounds, bounds[1:], strict=False):
        start = sent_start
        for piece in text[sent_start:sent_end].split("\n"):
            s, e = start, start + len(piece)
            start = e + 1
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
    return out


def _ends_sentence(tok: Token) -> bool:
    """May a sentence end after `tok`? Not where the parser cut a clause in two: `... as part of
    the base's (JBL's) | 1st Task Force in January 2024.` (no stop, no line break, and the next
    word starts with no capital)."""
    nxt = tok.nbor(1)
    stop = tok.text[-1:] in ".!?:;\"”’" or "\n" in tok.whitespace_ or tok.is_space or nxt.is_space
    return stop or not (nxt.text[:1].islower() or nxt.text[:1].isdigit())


def find_events(chunk: Chunk, orgs: list[OrgMention], dates: list[Timex]) -> list[EventCandidate]:
    """Events asserted in a chunk, each with its rule, confidence and arguments (chunk offsets)."""
    doc = chunk.doc
    if not len(doc):  # an empty piece (a text of markup only) has no sentences to read
        return []
    by_token = all_hits(doc)
    primary = [hs[0] for hs in by_token.values()]
    by_token = {i: hs for i, hs in by_token.items()
                if not (all(nominal(h.pattern.kind) for h in hs)
                        and absorbed(doc[i], hs[0].pattern.type, primary))}
    primary = [hs[0] for hs in by_token.values()]
    windows = _line_windows(doc, chunk.text)
    timex_root = _timex_roots(doc, dates)
    # A copular trigger's dates hang from its copula: "of which Peru has been a member since 2012"
    copula_of = {doc[i].head.i: i for i, hs in by_token.items()
                 if hs[0].pattern.kind == "copular" and doc[i].dep_ == "attr"
                 and doc[i].head.i not in by_token}
    attached: dict[int, list[Timex]] = {}
    for tx, root in timex_root:
        owner = dominating(root, set(by_token) | set(copula_of))
        if owner is not None:
            attached.setdefault(copula_of.get(owner, owner), []).append(tx)
    owned = {id(tx) for txs in attached.values() for tx in txs}
    org_spans = mention_spans(doc, orgs)
    out = []
    for hs in by_token.values():
        for h in hs:
            cand = _candidate(h, chunk, org_spans, windows, attached, owned, timex_root, set(by_token))
            if cand is not None:
                out.append(cand)
                break
    return elaborations(dated_by_stay(out, chunk.text), doc, chunk.text)


def _timex_roots(doc: Doc, dates: list[Timex]) -> list[tuple[Timex, Token]]:
    # "from May 1 to 12, 2023": the range's closing end dates nothing by itself; the event takes
    # the opening end, whose record carries the other (`range_end`)
    closing = {tx.range_end for tx in dates if tx.range_end}
    out = []
    for tx in dates:
        if tx.type in _UNDATING or tx.granularity in _TOO_COARSE or (tx.start, tx.end) in closing:
            continue  # "for the 21st century economy": no occurrence is dated by its century
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None and len(span) and not _year_of_a_name(span.root):
            out.append((tx, span.root))
    return out


def _year_of_a_name(root: Token) -> bool:
    """`the Ukraine Supplemental Appropriations Act, 2022`: a year set after a name by a comma is
    part of the name (a statute's title), not the date of an occurrence; not `Tuesday, May 3`."""
    head = root.head
    return (root.dep_ in ("appos", "npadvmod") and head.pos_ == "PROPN" and head.ent_type_ != "DATE"
            and root.like_num and 0 < head.i < root.i and root.doc[root.i - 1].text == ",")


def _window_of(tok: Token, windows: list[tuple[int, int]]) -> tuple[int, int]:
    for s, e in windows:
        if s <= tok.idx < e:
            return s, e
    return tok.idx, tok.idx + len(tok)


def _nearest(tok: Token, options: list[Timex]) -> Timex | None:
    return min(options, key=lambda tx: abs(tx.start - tok.idx), default=None)


def _date_of(h: Hit, window, attached, owned, timex_root, ordinal) -> Timex | None:
    """The Timex attached to the trigger in the parse, else the nearest free one in its window.

    A reduced relative (`Talks - established in 2006`, `the Pledge adopted ... in
    2014`) only takes a date of its own; a nominal trigger with an ordinal (`the
    Ninth Summit`) or a theme (`the formation of a ... Committee`) may share the
    clause's date.
    """
    trig, kind = h.trigger, h.pattern.kind
    # a parse glued across a line break (a blog's date line and its headline) dates nothing
    mine = [tx for tx in attached.get(trig.i, []) if window[0] <= tx.start < window[1]]
    if nominal(kind):
        roots = {id(tx): root for tx, root in timex_root}
        mine = [tx for tx in mine if id(tx) not in roots or not dated_by_announcement(roots[id(tx)], trig)]
    if h.theme is not None and h.theme.i != trig.i:
        # "Exercise MAPLE RESOLVE 2023 took place ... from May 1": a year in the name is no date
        name = range(h.theme.left_edge.idx, h.theme.right_edge.idx + len(h.theme.right_edge))
        mine = [tx for tx in mine if tx.start not in name] or mine
    own = _nearest(trig, mine)
    if own is not None:
        return own
    host = (margin_host(trig) or framing_verb(trig)) if nominal(kind) else None
    if host is not None:
        return _nearest(trig, [tx for tx in attached.get(host.i, []) if window[0] <= tx.start < window[1]])
    if nominal(kind) and (poss := possessive_timex(trig, timex_root)) is not None:
        return poss
    in_window = [tx for tx, _ in timex_root if window[0] <= tx.start < window[1]]
    if kind == "verbal" and trig.dep_ == "conj" and trig.head.pos_ == "VERB":
        # "travelled to Colombia and met with the Commander": the first verb's date
        shared = [tx for tx in attached.get(trig.head.i, []) if window[0] <= tx.start < window[1]]
        if shared and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
            return _nearest(trig, shared)
    free = [tx for tx in in_window if id(tx) not in owned]
    if kind == "nominal-theme" or (kind == "nominal" and ordinal):
        return _nearest(trig, free) or _nearest(trig, in_window)
    if kind == "nominal" and trig.dep_ == "dobj" and trig.head.tag_ in ("VBZ", "VBP", "VB"):
        # PP attachment: "welcomes Saudi Arabia's signing of the Accords on July 14": the parser
        # hangs the date on a present-tense verb of the statement itself; it dates the signing
        # or on a verb of what is to come ("will hold a workshop in April"); not a past verb
        # ("In September, China condemned the deployment": that dates the condemning)
        pp = [tx for tx, root in timex_root if id(tx) not in owned and window[0] <= tx.start < window[1]
              and root.head.dep_ == "prep" and root.head.head.i == trig.head.i]
        return _nearest(trig, pp)
    if kind == "copular" or (kind == "verbal" and describes(trig) is None):
        # "visited Cartagena during Operation CARIBBE in the fall of 2018": the date the
        # named operation in the verb's own clause holds dates the visit too
        inner = [tx for tx, root in timex_root if window[0] <= tx.start < window[1]
                 and trig.left_edge.i <= root.i <= trig.right_edge.i and _held_by_noun(root, trig)]
        return _nearest(trig, free) or _nearest(trig, inner)
    if kind == "verbal" and full_relative(trig):
        # "travelled to Mexico City in October 2014, where he met with ...": the clause's date
        return _nearest(trig, in_window)
    return None


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


def _candidate(h: Hit, chunk: Chunk, org_spans: list[tuple[OrgMention, Span]], windows, attached, owned,
               timex_root, triggers: set[int]) -> EventCandidate | None:
    doc = chunk.doc
    trig, pat = h.trigger, h.pattern
    kind = pat.kind
    window = _window_of(trig, windows)
    wspan = doc.char_span(window[0], window[1], alignment_mode="expand")
    window_ids = {t.i for t in wspan} if wspan is not None else {trig.i}
    noun = h.theme if h.theme is not None and not nominal(kind) else trig
    ordinal = ordinal_of(noun, ordinals()) if noun.pos_ in ("NOUN", "PROPN") else \
        adverb_ordinal(trig, ordinals()) if kind == "verbal" else None
    span = (trig.idx, trig.idx + len(trig))
    if trig.dep_ == "compound" and nominal(kind):
        return None  # "Key Summit Outcomes"
    if kind == "anaphor":
        dets = [c for c in trig.children if c.dep_ in ("det", "poss")]
        named = any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in trig.children)
        if attached.get(trig.i) or ordinal or named or not dets or \
                dets[0].lower_ not in word_classes()["anaphoric_determiners"]:
            return None  # "the NATO Summit" names its own summit; "the Summit" refers back
        # "The assistance will take the form of direct transfers ... from the Department of Defense"
        parts: tuple[ParticipantRef, ...] = ()
        if trig.dep_ in ("nsubj", "nsubjpass"):
            scope = {t.i for t in trig.head.subtree} & window_ids
            parts = participants_in(doc, scope, org_spans, triggers, lambda t: "participant")
        return EventCandidate(pat.type, span, window, pat.id, pat.confidence, plover_of()[pat.type],
                              participants=parts, evidence=(window,), anaphoric=True)
    date = _date_of(h, window, attached, owned, timex_root, ordinal)
    if not asserted(h, date):
        return None
    scope, inherited = scope_of(trig, h.theme, kind, window_ids, triggers)
    if nominal(kind) and pat.type == "MEET":
        scope |= invitees(trig) & window_ids  # "the invitation of the EU to the Summit"
    if kind == "verbal":
        glued = glued_subjects(trig, window_ids) | antecedent(trig)  # "they donated": who they are
        scope, inherited = scope | glued | verbless_tail(trig, window_ids), inherited | glued
    anchor = trig.head if kind == "copular" and trig.head is not trig else trig

    def role_of(tok: Token) -> str:
        if tok.i in inherited:
            return pat.roles.get("nsubj") or _GIVER_ROLE.get(pat.type, "participant")
        return _role(tok, anchor, trig, pat)

    reporter = reporting_verb(trig) if kind == "nominal" else None
    if reporter is not None:
        # "The State Department facilitated the donation of ...": the reporter's subject did it
        subj = {t.i for c in reporter.children if c.dep_ == "nsubj" for t in c.subtree} & window_ids
        scope, inherited = scope | subj, inherited | subj
        date = date or _nearest(trig, [tx for tx, root in timex_root if id(tx) not in owned
                                       and window[0] <= tx.start < window[1]
                                       and reporter.left_edge.i <= root.i <= reporter.right_edge.i])
    place = _place(h, chunk, scope, window, ordinal)
    participants = participants_in(doc, scope, org_spans, triggers, role_of, place[2] if place else range(0))
    if nominal(kind) and pat.type == "MEET":
        participants += convening_bodies(trig, participants)
    location = place[:2] if place else None if remote(trig, h.theme) else _host_country(participants)
    if kind == "nominal" and reporter is None and not (date or ordinal or (participants and location)
                                  or (is_general(pat) and location)):
        return None  # "these regular talks are an effective way": no anchor, not an occurrence
    if is_general(pat) and kind == "verbal" and not participants:
        return None  # a lexicon verb with no party named in its clause states no relation
    named = [n for key, n in h.nodes.items() if key != "trigger"] + [trig]
    named += [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
    if describes(trig) is not None:
        named.append(trig.head)  # "the Council, created in 1999"
    frame = framing_verb(trig) if nominal(kind) else None
    return EventCandidate(
        type=pat.type, trigger=span, sentence=window, rule=pat.id, frame=_span_of(frame),
        told_again=kind == "verbal" and definite_theme(h.theme),
        confidence=pat.confidence, plover=plover_of()[pat.type], date=date, location=location,
        participants=participants, ordinal=ordinal, evidence=(window,),
        status=status_of(trig, nominal(kind)), name=name_of(named),
    )


def _span_of(tok: Token | None) -> tuple[int, int] | None:
    return (tok.idx, tok.idx + len(tok)) if tok is not None else None


def _location_preps(trigger: Token) -> frozenset[str]:
    preps = word_classes()["location_prepositions"]
    if trigger.lemma_ in word_classes()["destination_verbs"] or trigger.lemma_ in word_classes()["deploy_nouns"]:
        preps = preps | word_classes()["destination_prepositions"]  # "posted to Mexico", "welcomed ... to"
    return frozenset(preps)


def _place(h: Hit, chunk: Chunk, scope: set[int], window, ordinal) -> tuple[str, str | None, range] | None:
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
    host = (margin_host(trig) or framing_verb(trig)) if nominal(pat.kind) else None
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


def _host_country(participants) -> tuple[str, str | None] | None:
    """`hosted by Canada` with no place named: it took place in Canada; not when the hosts are
    of several countries (`Italy and Brazil held talks`: where is not said)."""
    hosts = [p for p in participants if p.role == "host" and p.mention is None and p.country]
    return (hosts[0].name, hosts[0].country) if len({p.country for p in hosts}) == 1 else None


def _entity_location(tok: Token, ents: tuple[Span, ...]) -> tuple[str, str | None, range]:
    """The place entity holding `tok`, with a following `, Region` (`Mombasa, Kenya`)."""
    doc = tok.doc
    ent = next((e for e in ents if e.start <= tok.i < e.end), None)
    start, end = (ent.start, ent.end) if ent is not None else (tok.i, tok.i + 1)
    end = place_end(doc, ents, end)
    name = " ".join(doc[start:end].text.split())
    name = without_the(name)
    return name, place_country(name), range(start, end)


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
