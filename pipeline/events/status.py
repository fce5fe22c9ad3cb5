"""An event's status (happened, ongoing, planned) and its name (the named exercise, operation,
agreement or body it is about), read off the trigger's clause.

Status follows the tense and modality the factuality tests already read: an
event that survived them with `will`, `plan to`, `is scheduled to` is announced
for its stated time (`will be hosted by Canada in 2025`): planned; a
progressive present (`is installing a radar`) is ongoing; the rest happened.
A name is a proper-noun phrase in the event's theme or the trigger's own
phrase (`Exercise NORTHERN STAR 2023`, `the Treaty of Amity and Commerce`).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.rules import is_aim, is_irrealis

Status = str  # "happened" | "ongoing" | "planned"
_SCHEDULE = ("schedule", "set", "plan", "due", "expect")
_NAME_GLUE = frozenset({"of", "the", "and", "for", "on", "de", "del", "la", "-", "–", "&", "'s", "’s"})
_NAME_START_SKIP = frozenset({"DET", "PRON", "PUNCT", "ADP", "CCONJ"})


def status_of(trigger: Token, nominal: bool) -> Status:
    """`planned`, `ongoing` or `happened` for the clause that states the event."""
    verb = trigger
    governed = trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr") and trigger.head is not trigger
    if nominal and governed:
        verb = trigger.head if trigger.dep_ != "pobj" else trigger.head.head
    if is_irrealis(verb) or is_aim(verb) or any(
            c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children):
        return "planned"
    head = verb.head if verb.dep_ == "xcomp" and verb.head is not verb else None
    if head is not None and head.lemma_ in _SCHEDULE:
        return "planned"  # "is scheduled to visit", "plans to field"
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    if verb.tag_ == "VBG" and any(a in ("is", "are", "am") for a in auxes):
        return "ongoing"  # "The State Department is installing a radar"
    return "happened"


def _is_name_token(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.like_num or tok.lower_ in _NAME_GLUE


_NAME_LABELS = ("ORG", "EVENT", "LAW", "FAC", "PRODUCT", "WORK_OF_ART")


def _entity_name(tok: Token) -> str | None:
    """The named entity holding `tok`, without a leading `the`, when it is a name of a thing."""
    if tok.ent_type_ not in _NAME_LABELS:
        return None
    # the entity's tokens around `tok` (IOB tags), not a scan of every entity of the Doc
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    ent = doc[start:end]
    toks = [t for t in ent if not (t.i == ent.start and t.pos_ == "DET")]
    return " ".join(tok.doc[toks[0].i:toks[-1].i + 1].text.split()) if toks else None


def name_of(nodes: list[Token]) -> str | None:
    """The longest proper-noun phrase headed by one of `nodes`, else None."""
    best: str | None = None
    for node in nodes:
        ent = _entity_name(node)
        if ent is not None and (best is None or len(ent) > len(best)):
            best = ent  # "Exercise SOUTHERN CROSS 2022" even where the parse reads CROSS as a verb
        if node.pos_ not in ("PROPN", "NOUN", "NUM"):
            continue
        left = [t for t in node.subtree if t.i <= node.i]
        start = next((i for i, t in enumerate(left) if t.pos_ not in _NAME_START_SKIP
                      and _is_name_token(t)), None)
        if start is None:
            continue
        toks = left[start:]
        # "the Treaty of Amity and Commerce": a capitalized `of` phrase belongs to the name
        for child in node.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "on", "for"):
                tail = list(child.subtree)
                if all(_is_name_token(t) for t in tail) and any(t.pos_ == "PROPN" for t in tail):
                    toks += tail
                break
        if not toks or not all(_is_name_token(t) for t in toks) or not any(t.pos_ == "PROPN" for t in toks):
            continue
        text = node.doc[toks[0].i:toks[-1].i + 1].text
        if best is None or len(text) > len(best):
            best = text
    return " ".join(best.split()) if best else None
