"""Where the events are: trigger tokens, from the hand-written patterns and from the open lexicon.

Two routes find triggers. The patterns (`data/event_patterns.jsonl`) state a
phrasing each, with its theme and roles. The lexicon (`data/event_triggers.jsonl`,
derived from CAMEO's verb dictionary by scripts/derive_lexicons.py) gives every
verb and nominalization of an event type; the general route takes such a word
wherever it stands (a main verb, a participle after its noun `the Council,
created in 1999`, a nominal `at the Symposium in Norfolk`) and leaves dates,
places, participants and factuality to the same code as the patterns. A word
the patterns already matched keeps its pattern: the patterns know its theme.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from pipeline.events.rules import EventPattern, load_patterns, tree_patterns, word_classes
from pipeline.events.scope import same_line
from pipeline.events.tree_match import tree_matches
from pipeline.rules import Rules, per_rules

GENERAL_CONFIDENCE = 0.6  # below every pattern: a word without a phrasing behind it


@dataclass
class Hit:
    trigger: Token
    pattern: EventPattern
    theme: Token | None
    nodes: dict[str, Token]


@dataclass(frozen=True)
class TriggerWord:
    """One row of the open lexicon: a lemma of a type, as a verb or a noun."""

    id: str
    type: str
    lemma: str
    pos: str
    subject_role: str | None
    needs_object: bool


@per_rules
def load_trigger_words(rules: Rules) -> dict[tuple[str, str], TriggerWord]:
    """(lemma, VERB|NOUN) -> its row of the open lexicon (`data/event_triggers.jsonl`, a user's words too)."""
    return {
        (row.lemma, row.pos): TriggerWord(row.id, row.type, row.lemma, row.pos, row.subject_role,
                                          row.needs_object)
        for row in rules.event_triggers  # a user's row comes last: it wins over a packaged one
    }


@cache
def _general_pattern(word: TriggerWord) -> EventPattern:
    """The pattern a lexicon word stands for: its type, its kind, the role of its subject."""
    roles = {"nsubj": word.subject_role} if word.subject_role else {}
    if word.type in ("AID", "TRAIN"):
        roles = {**roles, "prep:to": "recipient", "prep:for": "recipient", "dative": "recipient"}
    kind = "verbal" if word.pos == "VERB" else "nominal"
    return EventPattern(word.id, word.type, kind, GENERAL_CONFIDENCE, "", roles, (), [])


def _forbidden(tok: Token, forbid: tuple[str, ...]) -> bool:
    withs = word_classes()["with_prepositions"]
    for rule in forbid:
        if rule == "prep:with":
            if any(c.dep_ == "prep" and c.lower_ in withs for c in tok.children):
                return True
        elif any(c.dep_ == rule for c in tok.children):
            return True
    return False


def pattern_hits(doc: Doc) -> dict[int, list[Hit]]:
    """Structurally valid pattern matches by trigger token, best first (anaphors last)."""
    patterns = {p.id: p for p in load_patterns()}
    by_token: dict[int, list[Hit]] = {}
    for key, nodes in tree_matches(doc, tree_patterns()):
        pat = patterns[key]
        trig = nodes["trigger"]
        while "head" in nodes and trig.dep_ == "compound" and trig.head is not trig:
            trig = trig.head  # "Exercise TRIDENT JUNCTURE 18": the name's last word
        if pat.forbid and _forbidden(trig, pat.forbid):
            continue
        by_token.setdefault(trig.i, []).append(Hit(trig, pat, nodes.get("theme"), nodes))
    for hs in by_token.values():
        hs.sort(key=lambda h: (h.pattern.kind == "anaphor", -h.pattern.confidence, h.pattern.id))
    return by_token


def concrete(obj: Token) -> bool:
    """A given thing, not an abstraction: materiel (`radars`), priced (`$5 million in engines`) or
    counted things (`two aircraft`, `200 transponders`); not `a 10-point proposal`."""
    provided = word_classes()["provided_nouns"]
    if obj.lemma_.lower() in provided or obj.lower_ in provided:
        return True
    left = [t for t in obj.subtree if t.i <= obj.i]
    if obj.pos_ == "PROPN" and any(t.dep_ == "compound" and t.lower_ in provided for t in left):
        return True  # named vessels: "former USCG Cutters Long Island and Roanoke Island"
    if any(t.ent_type_ == "MONEY" or t.text == "$" for t in left):
        return True
    return obj.tag_ == "NNS" and any(t.like_num or t.ent_type_ == "CARDINAL" for t in left)


def _names_a_body(obj: Token) -> bool:
    """What an ESTABLISH verb creates: a body, program or forum (`a Council`, `the Initiative`),
    not `launched strikes`."""
    return obj.pos_ == "PROPN" or obj.lemma_.lower() in word_classes()["establishable_nouns"]


def describes(tok: Token) -> Token | None:
    """The noun a participle or relative clause describes (`the Council, created in 1999`), or None.

    Not across a line break: the parser hangs a bullet's verb on the heading
    above it (`Colombia:` / `- The U.S. Navy installed antennas ...`), and that
    verb is the bullet's main verb, not a description of the heading.
    """
    if tok.dep_ == "advcl" or (tok.dep_ == "conj" and tok.head.tag_ == "VBD"):
        return _postposed_of(tok)  # a past participle is no coordinated past tense
    if tok.dep_ not in ("acl", "relcl") or tok.head is tok or not same_line(tok, tok.head):
        return None
    return tok.head


def _postposed_of(tok: Token) -> Token | None:
    """`co-chaired the final session of the Strategic Dialogue, initiated on June 11, 2020`: a
    subjectless past participle right after `NOUN,` describes that noun, though the parser may
    hang it on the clause's verb, or coordinate it with that verb."""
    doc = tok.doc
    if tok.tag_ != "VBN" or tok.i < 2 or doc[tok.i - 1].text != "," or tok.head.i > tok.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "aux", "auxpass") for c in tok.children):
        return None
    noun = doc[tok.i - 2]
    return noun if noun.pos_ in ("NOUN", "PROPN") and same_line(noun, tok) else None


def _object_of(tok: Token) -> Token | None:
    described = describes(tok)
    if described is not None:
        return described  # "the two aircraft received in May"
    return next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)


def general_hits(doc: Doc, taken: set[int]) -> dict[int, list[Hit]]:
    """Lexicon triggers on tokens no pattern took.

    A verb must be a verb of the clause (not `the meeting` read as a verb nor an
    auxiliary); one the lexicon marks `needs_object` (`provide`, `receive`)
    must have a concrete object; a noun must head its phrase (not `Workshop
    Series`). Whether the text asserts it is decided later, as for the patterns.
    """
    words = load_trigger_words()
    out: dict[int, list[Hit]] = {}
    for tok in doc:
        if tok.i in taken or tok.pos_ not in ("VERB", "NOUN", "PROPN"):
            continue
        pos = "VERB" if tok.pos_ == "VERB" else "NOUN"
        lemma = tok.lemma_.lower()
        if tok.tag_ == "NNPS" and lemma.endswith("s"):
            lemma = lemma[:-1]  # a capitalized plural keeps its -s as lemma: "Key Leader Engagements"
        # the lemmatizer drops a doubled final consonant: "installing" -> "instal"
        word = words.get((lemma, pos)) or words.get((lemma + lemma[-1:], pos))
        if word is None:
            continue
        if pos == "VERB":
            if tok.dep_ in ("amod", "compound", "aux", "auxpass"):
                continue
            obj = _object_of(tok)
            if word.needs_object and (obj is None or not concrete(obj)):
                continue
            if word.type == "ESTABLISH" and (obj is None or not _names_a_body(obj)):
                continue
            # "hosted a visit", "conducted a workshop": the object noun's type is the event's
            inner = words.get((obj.lemma_.lower(), "NOUN")) if obj is not None and obj.i > tok.i else None
            if inner is not None and inner.type != word.type:
                word = TriggerWord(word.id, inner.type, word.lemma, "VERB", word.subject_role, False)
        elif tok.dep_ == "compound":
            continue
        out[tok.i] = [Hit(tok, _general_pattern(word), None, {"trigger": tok})]
    return out


def is_general(pattern: EventPattern) -> bool:
    """Was the hit found by the lexicon route (a word, no phrasing)?"""
    return not pattern.pattern


def nominal(kind: str) -> bool:
    return kind in ("nominal", "nominal-theme", "anaphor")


def absorbed(tok: Token, etype: str, hits: list[Hit]) -> bool:
    """A nominal trigger inside the theme of another trigger of its type is that event: `hosted the
    meeting`; not `the memorandum concluded ... at the Madrid [Summit]`, a meeting of its own."""
    for other in hits:
        if (nominal(other.pattern.kind) or other.theme is None or other.trigger.i == tok.i
                or other.pattern.type != etype):
            continue
        # "took part in Exercise TRIDENT JUNCTURE": the theme is `Exercise`, the name its head
        for node in (other.theme, other.nodes.get("name")):
            if node is not None and node.left_edge.i <= tok.i <= node.right_edge.i:
                return True
    return False


def all_hits(doc: Doc) -> dict[int, list[Hit]]:
    """Pattern hits, then lexicon hits on the other tokens; by token, in text order."""
    by_token = pattern_hits(doc)
    taken = set(by_token)
    # a theme of a pattern is not a trigger of its own: "hosted the [meeting]" is one event
    taken |= {h.theme.i for hs in by_token.values() for h in hs if h.theme is not None}
    by_token.update(general_hits(doc, taken))
    return dict(sorted(by_token.items()))
