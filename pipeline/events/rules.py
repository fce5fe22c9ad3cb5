"""Event rules: the taxonomy, word classes and trigger patterns, and the factuality tests.

The data files live in the package (`data/event_types.json`: the nine types with
definition, trigger lemmas, PLOVER category and ACE type; `data/event_lexicon.json`:
word classes; `data/event_patterns.jsonl`: spaCy `DependencyMatcher` patterns, each
with an `id`, type, kind, confidence and a real example). A pattern names word
classes as `"@class"`, resolved here, so a trigger word is added in one place.
The factuality tests follow GUIDELINES.md (Events): negated, hypothetical,
conditional, habitual and undated announced or aimed-at occurrences are not events.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import DependencyMatcher
from spacy.tokens import Token
from spacy.vocab import Vocab

from pipeline.errors import PatternError
from pipeline.events.tree_match import TreePattern, compile_pattern
from pipeline.rules import Rules, per_rules

PATTERNS_FILE = "event_patterns.jsonl"


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


@per_rules
def word_classes(rules: Rules) -> dict[str, frozenset[str]]:
    """Word classes by id; every word also in lower and capitalized case (`Summit`, `summit`)."""
    return {
        row.id: frozenset({*row.words, *(w.capitalize() for w in row.words), *(w.lower() for w in row.words)})
        for row in rules.word_classes
    }


@per_rules
def ordinals(rules: Rules) -> dict[str, int]:
    return {row.word: row.value for row in rules.ordinals}


@per_rules
def plover_of(rules: Rules) -> dict[str, str]:
    """Event type -> PLOVER category, from the taxonomy file."""
    return {t.id: t.plover for t in rules.event_types}


def _resolve(obj, where: str):
    """Replace `"@class"` references in a pattern by the word list of that lexicon class."""
    if isinstance(obj, str) and obj.startswith("@"):
        words = word_classes().get(obj[1:])
        if words is None:
            raise PatternError(f"{where}: unknown word class {obj}")
        return sorted(words)
    if isinstance(obj, dict):
        return {k: _resolve(v, where) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_resolve(v, where) for v in obj]
    return obj


def _proper_lemmas(pattern: list[dict]) -> list[dict]:
    """Let a node that accepts proper nouns match its lemmas capitalized too.

    spaCy keeps a proper noun's lemma as written: `Summit` in `the Madrid Summit`,
    `Treaty` in `the Treaty on Defence and Security Cooperation`. A node whose POS
    admits PROPN means those words as well, so its lemma list gains their
    capitalized forms (the pattern stays a valid DependencyMatcher pattern).
    """
    out = []
    for node in pattern:
        attrs = node.get("RIGHT_ATTRS", {})
        pos, lemma = attrs.get("POS"), attrs.get("LEMMA")
        proper = pos == "PROPN" or (isinstance(pos, dict) and "PROPN" in pos.get("IN", ()))
        if isinstance(lemma, str):
            words = [lemma]
        elif isinstance(lemma, dict) and set(lemma) == {"IN"}:
            words = lemma["IN"]
        else:
            words = None
        if proper and words:
            wider = sorted(set(words) | {w[:1].upper() + w[1:] for w in words})
            node = {**node, "RIGHT_ATTRS": {**attrs, "LEMMA": {"IN": wider}}}
        out.append(node)
    return out


@per_rules
def load_patterns(rules: Rules) -> tuple[EventPattern, ...]:
    """The trigger patterns with their word classes resolved; a pattern without a trigger is an error."""
    out = []
    for row in rules.event_patterns:
        where = f"{PATTERNS_FILE}: {row.id}"
        pat = EventPattern(
            id=row.id, type=row.type, kind=row.kind, confidence=row.confidence, example=row.example,
            roles=dict(row.roles), forbid=row.forbid, pattern=_proper_lemmas(_resolve(row.pattern, where)),
        )
        if not any(node.get("RIGHT_ID") == "trigger" for node in pat.pattern):
            raise PatternError(f"{where}: pattern has no 'trigger' node")
        out.append(pat)
    return tuple(out)


def dependency_matcher(vocab: Vocab) -> DependencyMatcher:
    """spaCy's own DependencyMatcher with every pattern: it validates them, and tests compare."""
    matcher = DependencyMatcher(vocab)
    for pat in load_patterns():
        try:
            matcher.add(pat.id, [pat.pattern])
        except ValueError as exc:
            raise PatternError(f"{PATTERNS_FILE}: {pat.id}: {exc}") from exc
    return matcher


@per_rules
def tree_patterns(rules: Rules) -> tuple[TreePattern, ...]:
    """The patterns compiled for tree_match (built once; validated by spaCy first)."""
    from spacy.vocab import Vocab as _Vocab

    dependency_matcher(_Vocab())
    return tuple(compile_pattern(p.id, p.pattern) for p in load_patterns())


# --- factuality -----------------------------------------------------------------------


def _clause_children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def is_irrealis(trigger: Token) -> bool:
    """Announced or aimed at, not (yet) asserted: `will agree`, `to provide`, `aim to formalize`."""
    auxes = _clause_children(trigger, ("aux",))
    if any(c.lower_ in word_classes()["future_auxiliaries"] for c in auxes):
        return True
    if any(c.tag_ == "TO" for c in auxes):
        # "The Ministers agreed to establish a new Dialogue": a decision taken, not an aim
        return not (trigger.dep_ == "xcomp" and trigger.head.lemma_ in word_classes()["decision_verbs"])
    return is_aim(trigger)


def is_aim(trigger: Token, kind: str = "aim_verbs") -> bool:
    """Under an aim: `aim to formalize`, `look forward to welcoming`, `plan to hold`.

    With `kind="hope_verbs"`, under a mere hope, which no stated time makes an event:
    `expressed the hope that the negotiations will be concluded later this year`.
    """
    cur = trigger
    # "look forward to welcoming ...": climb the gerund's preposition to the aim verb too;
    # "expressed the hope that the negotiations will be concluded": and a clause to its noun
    while cur.dep_ in ("xcomp", "pcomp", "conj", "prep", "ccomp", "acl") and cur.head is not cur:
        cur = cur.head
        if is_aim_word(cur, kind):
            return True
    return False


def is_aim_word(tok: Token, kind: str = "aim_verbs") -> bool:
    """`aim`, `hope`, `plan`...; by form too, where the lemmatizer slips (`hopes` -> `hop`)."""
    aims = word_classes()[kind]
    form = tok.lower_
    return tok.lemma_ in aims or form in aims or (form.endswith("s") and form[:-1] in aims)


def is_cancelled(trigger: Token) -> bool:
    """Called off: `the cancellation of Exercise COLD RESPONSE 2020`, `postponed the talks`."""
    cancel = word_classes()["cancel_words"]
    cur = trigger
    for _ in range(4):
        if cur.head is cur:
            return False
        if cur.dep_ in ("dobj", "nsubjpass", "pobj") and cur.head.lemma_ in cancel:
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lemma_.lower() in cancel:
            return True
        if cur.dep_ not in ("compound", "pobj", "prep"):
            return False
        cur = cur.head
    return False


def is_unasserted(trigger: Token) -> bool:
    """Negated, hypothetical or conditional: `did not meet`, `could host`, `if they sign`."""
    lex = word_classes()
    if is_cancelled(trigger):
        return True
    heads = [trigger]
    if trigger.dep_ in ("attr", "pobj", "oprd") and trigger.head is not trigger:
        heads.append(trigger.head)  # copula of `a member of`
    cur = trigger
    while cur.dep_ == "xcomp" and cur.head is not cur:
        cur = cur.head  # "did not plan to conduct", "never sought to host": the aim is negated
        heads.append(cur)
    for tok in heads:
        for c in tok.children:
            if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lex["hypothetical_modals"]):
                return True
            if c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no"
                                                          for d in c.children):
                return True  # "No Canadian troops are in Ukraine", "no agreement was signed"
    cur = trigger
    for _ in range(12):
        if any(c.dep_ == "mark" and c.lower_ in lex["conditional_markers"] for c in cur.children):
            return True
        if cur.dep_ == "prep" and cur.head.lower_ in lex["condition_heads"]:
            return True  # "subject to ... Iran agreeing to", "contingent on Congress approving"
        if cur.head is cur:
            break
        cur = cur.head
    return False


def is_habitual(trigger: Token) -> bool:
    """A present-tense or `regularly` statement of what usually happens: `we regularly meet`."""
    if any(c.dep_ == "advmod" and c.lower_ in word_classes()["habitual_adverbs"] for c in trigger.children):
        return True
    # "has spoken with President Macron many times": a repetition, not one occurrence
    many = word_classes()["repetition_quantifiers"]
    if any(c.lower_ in word_classes()["repetition_nouns"] and any(g.lower_ in many for g in c.children)
           for c in trigger.children):
        return True
    return trigger.tag_ in ("VBZ", "VBP") and not _clause_children(trigger, ("aux", "auxpass"))
