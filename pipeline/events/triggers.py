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

from spacy.tokens import Doc, Token

from pipeline.dates.links import Timex
from pipeline.events.anaphora import antecedent, definite_theme
from pipeline.events.arguments import adverb_ordinal, dominating, ordinal_of, role_key
from pipeline.events.candidates import EventCandidate, ParticipantRef
from pipeline.events.factuality import asserted, full_relative, performing_verb, reporting_verb, verb_subject
from pipeline.events.frames import dated_by_announcement, framing_verb, invitees
from pipeline.events.framing import congratulated, convening_bodies, margin_host, part_host, possessive_timex
from pipeline.events.hits import Hit, absorbed, all_hits, describes, is_general, nominal
from pipeline.events.lookup import OrgSpans, TimexRoots, Windows
from pipeline.events.merge import dated_by_stay, elaborations
from pipeline.events.parties import mention_spans, participants_in
from pipeline.events.pieces import glued_subjects, verbless_tail
from pipeline.events.places import event_place, host_country
from pipeline.events.rules import EventPattern, ordinals, plover_of, word_classes
from pipeline.events.scope import scope_of
from pipeline.events.sites import remote
from pipeline.events.status import name_of, status_of
from pipeline.nlp import Chunk
from pipeline.organizations.spans import OrgMention

_UNDATING = ("DURATION", "SET")
_TOO_COARSE = ("century", "millennium")
_UNPLACED = ("PAST_REF",)  # anchors an occurrence in the past, dates none
# the subject of a giving or teaching is its provider: "The State Department facilitated the donation"
_GIVER_ROLE = {"AID": "provider", "TRAIN": "provider"}


# --- finding --------------------------------------------------------------------------


def _line_windows(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Sentence pieces cut at line breaks: a bullet or heading is never glued to the next line."""
    out = []
    # Sentence starts straight from the parse: `doc.sents` rechecks the whole Doc per sentence.
    starts = [0, *(int(i) for i in (doc.to_array("SENT_START") == 1).nonzero()[0]
                   if i > 0 and _ends_sentence(doc[i - 1]))]
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
    windows = Windows(_line_windows(doc, chunk.text))
    timex_root = TimexRoots(_timex_roots(doc, dates))
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
    org_spans = OrgSpans(mention_spans(doc, orgs))
    # a noun in a name (`the Maneuver Center of Excellence`) is no trigger: the body is a party
    triggers = {i for i, hs in by_token.items()
                if not (doc[i].dep_ == "compound" and all(nominal(h.pattern.kind) for h in hs))}
    out = []
    for hs in by_token.values():
        for h in hs:
            cand = _candidate(h, chunk, org_spans, windows, attached, owned, timex_root, triggers)
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


def _root_index(timex_root: TimexRoots, tx: Timex) -> int | None:
    root = timex_root.root_of(tx)
    return root.i if root is not None else None


def _nearest(tok: Token, options: list[Timex]) -> Timex | None:
    return min(options, key=lambda tx: abs(tx.start - tok.idx), default=None)


def _qualifies(trig: Token, tx: Timex) -> bool:
    """`future exercises`: the date is an adjective on the trigger noun itself."""
    return any(c.dep_ == "amod" and c.idx == tx.start for c in trig.children)


def _date_of(h: Hit, window, attached, owned, timex_root, ordinal, host: Token | None) -> Timex | None:
    """The Timex attached to the trigger in the parse, else the nearest free one in its window.

    A reduced relative (`Talks - established in 2006`, `the Pledge adopted ... in
    2014`) only takes a date of its own; a nominal trigger with an ordinal (`the
    Ninth Summit`) or a theme (`the formation of a ... Committee`) may share the
    clause's date.
    """
    trig, kind = h.trigger, h.pattern.kind
    if kind == "verbal":
        # "decided ... that there will be no U.S. forces with a combat role in Iraq by December 31,
        # 2021": a date in what was decided or said dates that, not the deciding
        said = {t.i for c in trig.children if c.dep_ == "ccomp" for t in c.subtree}
        # nor does a year naming a thing in another verb's clause ("provides training ... and
        # conducted Key Leader Engagements to discuss the USCG's 2021 Strategic Outlook")
        said |= {t.i for c in trig.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 for t in c.subtree if _names_a_noun(t)}
        own = [tx for tx in attached.get(trig.i, []) if _root_index(timex_root, tx) not in said]
        timex_root = timex_root.without(said)
        attached = {**attached, trig.i: own}
    # a parse glued across a line break (a blog's date line and its headline) dates nothing
    mine = [tx for tx in attached.get(trig.i, []) if window[0] <= tx.start < window[1]]
    if h.theme is not None and h.theme.i != trig.i:
        # "Exercise MAPLE RESOLVE 2023 took place ... from May 1": a year in the name is no date
        name = range(h.theme.left_edge.idx, h.theme.right_edge.idx + len(h.theme.right_edge))
        mine = [tx for tx in mine if tx.start not in name] or mine
    if nominal(kind):
        mine = [tx for tx in mine if _root_index(timex_root, tx) is None
                or not dated_by_announcement(timex_root.root_of(tx), trig)]
    own = _nearest(trig, mine)
    if own is not None:
        return own
    if host is not None:
        held = [tx for tx in attached.get(host.i, []) if window[0] <= tx.start < window[1]]
        # a host that is no trigger itself (`embarked ... as part of a joint patrol`) owns no date:
        # the free ones in its clause are its
        held = held or [tx for tx, root in timex_root.starting_in(window) if id(tx) not in owned
                        and dominating(root, {host.i}) is not None]
        return _nearest(trig, held)
    if nominal(kind) and (poss := possessive_timex(trig, timex_root)) is not None:
        return poss
    in_window = [tx for tx, _ in timex_root.starting_in(window)]
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
        pp = [tx for tx, root in timex_root.starting_in(window) if id(tx) not in owned
              and root.head.dep_ == "prep" and root.head.head.i == trig.head.i]
        return _nearest(trig, pp)
    if kind == "copular" or (kind == "verbal" and describes(trig) is None):
        # "visited Cartagena during Operation CARIBBE in the fall of 2018": the date the
        # named operation in the verb's own clause holds dates the visit too
        inner = [tx for tx, root in timex_root.starting_in(window)
                 if trig.left_edge.i <= root.i <= trig.right_edge.i and _held_by_noun(root, trig)]
        return _nearest(trig, free) or _nearest(trig, inner)
    if kind == "verbal" and full_relative(trig):
        # "travelled to Mexico City in October 2014, where he met with ...": the clause's date
        return _nearest(trig, in_window)
    return None


def _names_a_noun(root: Token) -> bool:
    """A date that modifies the noun after it: `the 2021 Strategic Outlook`, `the 2008 Agreement`."""
    head = root.head
    return (root.dep_ in ("compound", "nummod", "amod", "nmod") and head.i > root.i
            and head.pos_ in ("NOUN", "PROPN") and root.like_num)


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


def _candidate(h: Hit, chunk: Chunk, org_spans: OrgSpans, windows: Windows, attached, owned,
               timex_root: TimexRoots, triggers: set[int]) -> EventCandidate | None:
    doc = chunk.doc
    trig, pat = h.trigger, h.pattern
    kind = pat.kind
    window = windows.of(trig)
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
    host = _framing_host(trig, kind, triggers)
    date = _date_of(h, window, attached, owned, timex_root, ordinal, host)
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
    performer = performing_verb(trig) if kind in ("nominal", "nominal-theme") else None
    doer = verb_subject(performer) if performer is not None else None
    if doer is not None:
        # "The State Department facilitated the donation of ...", "will hold a workshop": the
        # light verb's subject does it
        subj = {t.i for t in doer.subtree} & window_ids
        scope, inherited = scope | subj, inherited | subj
    frame = part_host(trig) if host is not None else None
    frame = frame if frame is not None and frame.i == host.i else None
    if frame is not None:
        # "Ecuadorian observers embarked the USCG Cutter Mohawk as part of a joint patrol"
        shared = {t.i for t in frame.subtree} & window_ids
        scope, inherited = scope | shared, inherited | (shared - {t.i for t in trig.subtree})
    party = congratulated(trig) if nominal(kind) else None
    if party is not None:
        praised = {t.i for t in party.subtree} & window_ids
        scope, inherited = scope | praised, inherited | praised
    if reporter is not None:
        date = date or _nearest(trig, [tx for tx, root in timex_root.starting_in(window)
                                       if id(tx) not in owned
                                       and reporter.left_edge.i <= root.i <= reporter.right_edge.i])
    place = event_place(h, chunk, scope, window, ordinal, host)
    participants = participants_in(doc, scope, org_spans, triggers, role_of, place[2] if place else range(0),
                                   listed_places=kind == "verbal")
    if nominal(kind) and pat.type == "MEET":
        participants += convening_bodies(trig, participants)
    location = place[:2] if place else None if remote(trig, h.theme) else host_country(participants)
    if date is not None and date.value == "FUTURE_REF" and _qualifies(trig, date):
        date = None  # "future exercises": any still to come, no occurrence
    if kind == "nominal" and reporter is None and not (date or ordinal or (participants and location)
                                  or (is_general(pat) and location)):
        return None  # "these regular talks are an effective way": no anchor, not an occurrence
    if is_general(pat) and kind == "verbal" and not participants:
        return None  # a lexicon verb with no party named in its clause states no relation
    if date is not None and date.value in _UNPLACED:
        date = None  # "recent talks", "previously agreed": it took place, at no stated time
    named = [n for key, n in h.nodes.items() if key != "trigger"] + [trig]
    named += [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
    described = describes(trig)
    if described is not None:
        named.append(described)  # "the Council, created in 1999"
    framer = framing_verb(trig) if nominal(kind) else None  # "deployed ... during an exercise"
    return EventCandidate(
        type=pat.type, trigger=span, sentence=window, rule=pat.id, frame=_span_of(framer),
        told_again=kind == "verbal" and definite_theme(h.theme),
        confidence=pat.confidence, plover=plover_of()[pat.type], date=date, location=location,
        participants=participants, ordinal=ordinal, evidence=(window,),
        status=status_of(trig, nominal(kind)), name=name_of(named),
    )


def _framing_host(trig: Token, kind: str, triggers: set[int]) -> Token | None:
    """The verb a nominal trigger is framed by: `met on the margins of the G20 Summit`; `embarked
    the cutter as part of a joint patrol` unless that verb states an event of its own (`conduct a
    live fire exercise as part of Exercise Talisman Sabre`: a part, not the whole)."""
    if not nominal(kind):
        return None
    part = part_host(trig)
    own = part if part is not None and part.i not in triggers else None
    return margin_host(trig) or framing_verb(trig) or own


def _span_of(tok: Token | None) -> tuple[int, int] | None:
    return (tok.idx, tok.idx + len(tok)) if tok is not None else None


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
