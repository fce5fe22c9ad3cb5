"""Events: typed, dated, located occurrences with participants, traceable to the text.

Triggers are found by spaCy `DependencyMatcher` patterns over lemmas and the
dependency parse (`data/event_patterns.jsonl`, word classes in
`data/event_lexicon.json`, the nine types with their PLOVER and ACE mapping in
`data/event_types.json`). A match becomes an event only when the text asserts
it (GUIDELINES.md, Events): negated, hypothetical, conditional, habitual and
aimed-at triggers are dropped; announced ones (`will meet ... today`) need a
stated time; a nominal trigger (`the NATO Summit in 2022`) needs an anchor of
its own (a date, an ordinal, or a participant and a place). Arguments come from
event_args.py. `merge_events` then keeps one event per occurrence.
Offsets are offsets into the text the Doc was built from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from pipeline.dates import Timex
from pipeline.errors import PatternError
from pipeline.event_args import country_of, dominating, location_in, ordinal_of, places_in, role_key
from pipeline.organizations import OrgMention

TYPES_FILE = "event_types.json"
PATTERNS_FILE = "event_patterns.jsonl"
LEXICON_FILE = "event_lexicon.json"
KINDS = ("verbal", "nominal", "nominal-theme", "copular", "anaphor")
_UNDATING = ("DURATION", "SET")


@dataclass(frozen=True)
class ParticipantRef:
    """A participant: an organization mention (resolved to its org_id later) or a country."""

    name: str
    role: str
    mention: tuple[int, int] | None = None  # span of an organization mention
    country: str | None = None


@dataclass(frozen=True)
class EventCandidate:
    type: str
    trigger: tuple[int, int]
    sentence: tuple[int, int]
    rule: str
    confidence: float
    plover: str | None = None
    date: Timex | None = None
    location: tuple[str, str | None] | None = None  # (name, ISO alpha-3 country)
    participants: tuple[ParticipantRef, ...] = ()
    ordinal: int | None = None
    evidence: tuple[tuple[int, int], ...] = field(default_factory=tuple)
    anaphoric: bool = False  # `the Summit`, `This assistance`: evidence of an earlier event


@dataclass(frozen=True)
class EventPattern:
    id: str
    type: str
    kind: str
    confidence: float
    example: str
    roles: dict
    forbid: tuple[str, ...]
    pattern: list


# --- data -----------------------------------------------------------------------------


def _read(name: str) -> str:
    return resources.files("pipeline.data").joinpath(name).read_text(encoding="utf-8")


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """Word classes by id; every word also in lower and capitalized case (`Summit`, `summit`)."""
    try:
        data = json.loads(_read(LEXICON_FILE))
    except json.JSONDecodeError as exc:
        raise PatternError(f"{LEXICON_FILE}: {exc}") from exc
    out = {}
    for key, entry in data.items():
        if "words" in entry:
            words = set(entry["words"])
            out[key] = frozenset(words | {w.capitalize() for w in words} | {w.lower() for w in words})
    return out


@cache
def ordinals() -> dict[str, int]:
    return dict(json.loads(_read(LEXICON_FILE))["ordinals"]["values"])


@cache
def plover_of() -> dict[str, str]:
    """Event type -> PLOVER category, from the taxonomy file."""
    try:
        return {t["id"]: t["plover"] for t in json.loads(_read(TYPES_FILE))["types"]}
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise PatternError(f"{TYPES_FILE}: {exc}") from exc


def _resolve(obj, where: str):
    """Replace `"@class"` references in a pattern by the word list of that lexicon class."""
    if isinstance(obj, str) and obj.startswith("@"):
        words = lexicon().get(obj[1:])
        if words is None:
            raise PatternError(f"{where}: unknown word class {obj}")
        return sorted(words)
    if isinstance(obj, dict):
        return {k: _resolve(v, where) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_resolve(v, where) for v in obj]
    return obj


@cache
def load_patterns() -> tuple[EventPattern, ...]:
    """The packaged trigger patterns; a malformed line is a PatternError naming the line."""
    types = plover_of()
    out = []
    for n, line in enumerate(_read(PATTERNS_FILE).splitlines(), 1):
        if not line.strip():
            continue
        where = f"{PATTERNS_FILE}:{n}"
        try:
            row = json.loads(line)
            pat = EventPattern(
                id=row["id"], type=row["type"], kind=row.get("kind", "verbal"),
                confidence=float(row["confidence"]), example=row["example"],
                roles=dict(row.get("roles", {})), forbid=tuple(row.get("forbid", [])),
                pattern=_resolve(row["pattern"], where),
            )
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise PatternError(f"{where}: {exc}") from exc
        if pat.type not in types or pat.kind not in KINDS:
            raise PatternError(f"{where}: unknown type {pat.type!r} or kind {pat.kind!r}")
        if not any(node.get("RIGHT_ID") == "trigger" for node in pat.pattern):
            raise PatternError(f"{where}: pattern has no 'trigger' node")
        out.append(pat)
    return tuple(out)


_MATCHERS: dict[int, tuple[Vocab, DependencyMatcher]] = {}


def matcher_for(vocab: Vocab) -> DependencyMatcher:
    """One DependencyMatcher per vocabulary, built once."""
    hit = _MATCHERS.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        matcher = DependencyMatcher(vocab)
        for pat in load_patterns():
            try:
                matcher.add(pat.id, [pat.pattern])
            except ValueError as exc:
                raise PatternError(f"{PATTERNS_FILE}: {pat.id}: {exc}") from exc
        hit = (vocab, matcher)
        _MATCHERS[id(vocab)] = hit
    return hit[1]


# --- factuality -----------------------------------------------------------------------


def _clause_children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_irrealis(trigger: Token) -> bool:
    """Announced or aimed at, not (yet) asserted: `will agree`, `to provide`, `aim to formalize`."""
    if any(c.lower_ in ("will", "shall", "'ll") or c.tag_ == "TO" for c in _clause_children(trigger, ("aux",))):
        return True
    cur = trigger
    while cur.dep_ in ("xcomp", "pcomp", "conj") and cur.head is not cur:
        cur = cur.head
        if cur.lemma_ in lexicon()["aim_verbs"]:
            return True
    return False


def is_unasserted(trigger: Token) -> bool:
    """Negated, hypothetical or conditional: `did not meet`, `could host`, `if they sign`."""
    lex = lexicon()
    heads = [trigger]
    if trigger.dep_ in ("attr", "pobj", "oprd") and trigger.head is not trigger:
        heads.append(trigger.head)  # copula of `a member of`
    for tok in heads:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lex["hypothetical_modals"]):
                return True
    cur = trigger
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in lex["conditional_markers"] for c in cur.children):
            return True
        if cur.head is cur:
            break
        cur = cur.head
    return False


def is_habitual(trigger: Token) -> bool:
    """A present-tense or `regularly` statement of what usually happens: `we regularly meet`."""
    if any(c.dep_ == "advmod" and c.lower_ in lexicon()["habitual_adverbs"] for c in trigger.children):
        return True
    return trigger.tag_ in ("VBZ", "VBP") and not _clause_children(trigger, ("aux", "auxpass"))


# --- finding --------------------------------------------------------------------------


@dataclass
class _Hit:
    trigger: Token
    pattern: EventPattern
    theme: Token | None
    nodes: dict[str, Token]


def _windows(doc: Doc) -> list[tuple[int, int]]:
    """Sentence pieces cut at line breaks: a bullet or heading is never glued to the next line."""
    out = []
    for sent in doc.sents:
        start = sent.start_char
        for piece in doc.text[sent.start_char:sent.end_char].split("\n"):
            s, e = start, start + len(piece)
            start = e + 1
            while s < e and doc.text[s].isspace():
                s += 1
            while e > s and doc.text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
    return out


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
    for match_id, token_ids in matcher_for(doc.vocab)(doc):
        pat = patterns[doc.vocab.strings[match_id]]
        names = [node["RIGHT_ID"] for node in pat.pattern]
        nodes = {name: doc[i] for name, i in zip(names, token_ids)}
        trig = nodes["trigger"]
        if pat.forbid and _forbidden(trig, pat.forbid):
            continue
        by_token.setdefault(trig.i, []).append(_Hit(trig, pat, nodes.get("theme"), nodes))
    for hs in by_token.values():
        hs.sort(key=lambda h: (h.pattern.kind == "anaphor", -h.pattern.confidence, h.pattern.id))
    return dict(sorted(by_token.items()))


def _nominal(kind: str) -> bool:
    return kind in ("nominal", "nominal-theme", "anaphor")


def _absorbed(tok: Token, hits: list[_Hit]) -> bool:
    """A nominal trigger inside the theme of another trigger is that event: `hosted the meeting`."""
    for other in hits:
        if _nominal(other.pattern.kind) or other.theme is None or other.trigger.i == tok.i:
            continue
        if other.theme.left_edge.i <= tok.i <= other.theme.right_edge.i:
            return True
    return False


def find_events(doc: Doc, orgs: list[OrgMention], dates: list[Timex]) -> list[EventCandidate]:
    """Events asserted in the Doc, each with its rule, confidence and arguments."""
    by_token = _hits(doc)
    primary = [hs[0] for hs in by_token.values()]
    by_token = {i: hs for i, hs in by_token.items()
                if not (all(_nominal(h.pattern.kind) for h in hs) and _absorbed(doc[i], primary))}
    primary = [hs[0] for hs in by_token.values()]
    windows = _windows(doc)
    timex_root = _timex_roots(doc, dates)
    attached: dict[int, list[Timex]] = {}
    for tx, root in timex_root:
        owner = dominating(root, set(by_token), root.sent)
        if owner is not None:
            attached.setdefault(owner, []).append(tx)
    owned = {id(tx) for txs in attached.values() for tx in txs}
    out = []
    for hs in by_token.values():
        for h in hs:
            cand = _candidate(h, doc, orgs, windows, attached, owned, timex_root, primary)
            if cand is not None:
                out.append(cand)
                break
    return _elaborations(out, doc.text)


def _timex_roots(doc: Doc, dates: list[Timex]) -> list[tuple[Timex, Token]]:
    out = []
    for tx in dates:
        if tx.type in _UNDATING:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((tx, span.root))
    return out


def _window_of(tok: Token, windows: list[tuple[int, int]]) -> tuple[int, int]:
    for s, e in windows:
        if s <= tok.idx < e:
            return s, e
    return tok.sent.start_char, tok.sent.end_char


def _nearest(tok: Token, options: list[Timex]) -> Timex | None:
    return min(options, key=lambda tx: abs(tx.start - tok.idx), default=None)


def _candidate(h: _Hit, doc: Doc, orgs: list[OrgMention], windows, attached, owned,
               timex_root, hits: list[_Hit]) -> EventCandidate | None:
    trig, pat = h.trigger, h.pattern
    kind = pat.kind
    window = _window_of(trig, windows)
    in_window = [tx for tx, _ in timex_root if window[0] <= tx.start < window[1]]
    own = attached.get(trig.i, [])
    noun = h.theme if h.theme is not None and not _nominal(kind) else trig
    ordinal = ordinal_of(noun, ordinals()) if noun.pos_ in ("NOUN", "PROPN") else None
    if kind == "anaphor":
        dets = [c for c in trig.children if c.dep_ in ("det", "poss")]
        if own or ordinal or trig.dep_ == "compound" or not dets or \
                dets[0].lower_ not in lexicon()["anaphoric_determiners"]:
            return None
        return EventCandidate(pat.type, (trig.idx, trig.idx + len(trig)), window, pat.id,
                              pat.confidence, plover_of()[pat.type], evidence=(window,), anaphoric=True)
    if trig.dep_ == "compound" and _nominal(kind):
        return None  # "Key Summit Outcomes"
    date = _nearest(trig, own)
    if date is None and kind in ("nominal-theme", "copular") or (date is None and ordinal and kind == "nominal"):
        date = _nearest(trig, [tx for tx in in_window if id(tx) not in owned]) or \
            (_nearest(trig, in_window) if kind != "copular" else None)
    elif date is None and kind == "verbal" and trig.dep_ not in ("acl", "relcl", "advcl"):
        date = _nearest(trig, [tx for tx in in_window if id(tx) not in owned])
    verb = trig if not _nominal(kind) and kind != "copular" else None
    if verb is not None:
        if is_unasserted(verb) or (is_irrealis(verb) and date is None) or \
                (is_habitual(verb) and date is None):
            return None
    elif kind == "copular" and is_unasserted(trig):
        return None
    participants = _participants(h, doc, orgs, hits)
    scope = _scope(h, hits)
    loc_preps = lexicon()["location_prepositions"]
    if pat.type in ("DEPLOY", "VISIT"):
        loc_preps = loc_preps | lexicon()["destination_prepositions"]
    place_tok = h.nodes.get("place")
    if place_tok is not None and pat.type == "VISIT":
        location = _entity_location(place_tok)
    else:
        location = location_in(scope, doc, frozenset(loc_preps), set())
        location = location[:2] if location else None
    if location is None and kind == "nominal" and ordinal:
        location = _window_location(doc, window, loc_preps)
    if location is None:
        hosts = [p for p in participants if p.role == "host" and p.mention is None and p.country]
        if hosts:
            location = (hosts[0].name, hosts[0].country)  # "hosted by Canada": held in Canada
    if kind == "nominal" and not (date or ordinal or (participants and location)):
        return None  # "these regular talks are an effective way": no anchor, not an occurrence
    return EventCandidate(
        type=pat.type, trigger=(trig.idx, trig.idx + len(trig)), sentence=window, rule=pat.id,
        confidence=pat.confidence, plover=plover_of()[pat.type], date=date, location=location,
        participants=participants, ordinal=ordinal, evidence=(window,),
    )


def _entity_location(tok: Token) -> tuple[str, str | None]:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    name = ent.text if ent is not None else tok.text
    name = name[4:] if name.startswith(("the ", "The ")) else name
    return name, country_of(name)


def _window_location(doc: Doc, window: tuple[int, int], preps) -> tuple[str, str | None] | None:
    span = doc.char_span(window[0], window[1], alignment_mode="expand")
    if span is None:
        return None
    found = location_in({t.i for t in span}, doc, frozenset(preps), set())
    return found[:2] if found else None


def _scope(h: _Hit, hits: list[_Hit]) -> set[int]:
    """Token ids an argument may come from: the trigger's subtree (and its theme's, for `Talks -
    established`), without the subtrees of other triggers nested in it."""
    trig = h.trigger
    ids = {t.i for t in trig.subtree}
    if h.theme is not None and h.theme.i not in ids:
        ids |= {t.i for t in h.theme.subtree}
    if h.pattern.kind == "copular" and trig.head is not trig:
        for c in trig.head.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                ids |= {t.i for t in c.subtree}
    for other in hits:
        o = other.trigger
        if o.i != trig.i and o.i in ids and o.pos_ == "VERB" and trig.i not in {t.i for t in o.subtree}:
            ids -= {t.i for t in o.subtree}
    return ids


def _participants(h: _Hit, doc: Doc, orgs: list[OrgMention], hits: list[_Hit]) -> tuple[ParticipantRef, ...]:
    """Organizations and countries in the trigger's scope, with roles from their dependency path."""
    scope = _scope(h, hits)
    trig = h.trigger
    anchor = trig.head if h.pattern.kind == "copular" and trig.head is not trig else trig
    out: list[ParticipantRef] = []
    seen: set[str] = set()
    covered: set[int] = set()
    for m in orgs:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.i not in scope:
            continue
        covered |= {t.i for t in span}
        role = _role(span.root, anchor, trig, h.pattern)
        key = m.text.lower()
        if key not in seen:
            seen.add(key)
            out.append(ParticipantRef(m.text, role, (m.start, m.end), country_of(m.text)))
    tokens = [doc[i] for i in sorted(scope) if i not in covered]
    runs: list[list[Token]] = []
    for t in tokens:
        if runs and runs[-1][-1].i == t.i - 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    for run in runs:
        for start, _end, place in places_in(run):
            if place.kind != "country" or place.name.lower() in seen:
                continue
            tok = doc[start]
            if tok.ent_type_ in ("GPE", "LOC", "FAC") and _is_location(tok, h.pattern.type):
                continue
            seen.add(place.name.lower())
            out.append(ParticipantRef(place.name, _role(tok, anchor, trig, h.pattern), None, place.country))
    return tuple(out)


def _is_location(tok: Token, etype: str) -> bool:
    from pipeline.event_args import governing_preposition

    prep = governing_preposition(tok)
    preps = lexicon()["location_prepositions"]
    if etype in ("DEPLOY", "VISIT"):
        preps = preps | lexicon()["destination_prepositions"]
    return prep is not None and prep.lower_ in preps


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


# --- one event per occurrence ---------------------------------------------------------


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


def _elaborations(cands: list[EventCandidate], text: str) -> list[EventCandidate]:
    """Merge an undated mention into the same-type event of the sentence just before it, in the
    same paragraph: `SEMAR also participated in ... in August 2012. This was the first time a
    Mexican Navy ship participated in an exercise ...`."""
    out: list[EventCandidate] = []
    for c in sorted(cands, key=lambda c: c.trigger):
        prev = next((e for e in reversed(out) if e.type == c.type and not e.anaphoric), None)
        if (prev is not None and not c.anaphoric and c.date is None and prev.date is not None
                and prev.evidence and c.sentence != prev.evidence[-1]
                and 0 <= c.sentence[0] - prev.evidence[-1][1] <= 3
                and "\n" not in text[prev.evidence[-1][1]:c.sentence[0]]
                and _compatible(prev, c)):
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
    """
    out: list[EventCandidate] = []
    for c in sorted(candidates, key=lambda c: c.trigger):
        if c.anaphoric:
            prev = next((i for i in range(len(out) - 1, -1, -1) if out[i].type == c.type), None)
            if prev is not None:
                out[prev] = replace(out[prev], evidence=tuple(dict.fromkeys(out[prev].evidence + c.evidence)))
            continue
        same = next((i for i, e in enumerate(out) if e.type == c.type and e.date and c.date
                     and e.date.value == c.date.value and _overlap(e, c)), None)
        if same is not None:
            out[same] = _absorb(out[same], c)
        else:
            out.append(c)
    return out
