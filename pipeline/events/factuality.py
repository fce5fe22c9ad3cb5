"""Factuality: does the text assert the occurrence a trigger names (GUIDELINES.md, Events)?

Kept apart from triggers.py, which finds triggers and their arguments: these
checks only read the parse around a trigger (negation, modality, habit, aim,
a description rather than a report) and say yes or no, so they grow on their
own as new phrasings of unasserted events turn up.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.dates.links import Timex
from pipeline.events.arguments import places_in
from pipeline.events.hits import Hit, concrete, describes, nominal
from pipeline.events.rules import (
    is_aim,
    is_aim_word,
    is_cancelled,
    is_habitual,
    is_irrealis,
    is_unasserted,
    word_classes,
)
from pipeline.events.scope import same_line


def full_relative(trig: Token) -> bool:
    """A relative clause with a subject of its own (`where he met with`), not a reduced one
    that describes its noun (`Talks, held between the Foreign and Defence Ministries`)."""
    return trig.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children)


def asserted(h: Hit, date: Timex | None) -> bool:
    """Factuality (GUIDELINES.md): no negated, hypothetical, habitual or undated announced events."""
    trig, kind = h.trigger, h.pattern.kind
    if kind == "copular":
        return not is_unasserted(trig)
    if nominal(kind):
        # "these regular talks", "periodic meetings since 2010": a series, not an occurrence
        series = word_classes()["habitual_adjectives"]
        if any(c.dep_ == "amod" and c.lower_ in series for c in trig.children) or is_cancelled(trig):
            return False
        # "Canada hopes to begin talks with Chile in 2025": the talks are aimed at too
        owner = trig.head if trig.dep_ in ("dobj", "nsubjpass", "pobj") and trig.head is not trig else None
        if owner is not None and (is_aim_word(owner, "hope_verbs") or is_aim(owner, "hope_verbs")):
            return False
        # "Congress may consider whether to modify ... assistance to regional partners": what a
        # negated or hypothetical verb is about did not happen either
        verb = governing_verb(trig)
        return verb is None or not (is_unasserted(verb) or under_modal(verb))
    if is_instruction(trig):
        return False
    if describes(trig) is not None and date is None and not full_relative(trig) and not given_thing(h):
        return False  # "Talks, held between the Foreign and Defence Ministries": a description
    return not (is_unasserted(trig) or is_aim(trig, "hope_verbs")
                or ((is_irrealis(trig) or under_future(trig)) and date is None)
                or (is_habitual(trig) and date is None and not standing_support(h) and not leaders_meet(h)))


# the clauses a verb's future or modal reaches down to: `will be able to ensure prisoners
# receive`, `will strengthen ..., while providing`
_GOVERNED = ("ccomp", "xcomp", "acomp", "advcl")


def under_future(trig: Token) -> bool:
    """Said of what will (or could) happen: the trigger hangs in a complement or a participle of a
    verb with a future or modal auxiliary (`They will be able to ensure that cadets receive
    training`; `The plan will expand patrols, while providing equipment to the coast guard`).
    A finite past clause asserts itself (`will sign the accord they negotiated`)."""
    lex = word_classes()
    # a bare verb or a gerund (`while providing`); a participle describes its subject instead
    # (`Convened by Canada, the meeting will examine ...`)
    if trig.tag_ not in ("VB", "VBG") or (trig.dep_ == "advcl" and trig.tag_ != "VBG"):
        return False
    cur = trig
    for _ in range(5):
        if cur.dep_ not in _GOVERNED or cur.head is cur or cur.tag_ in ("VBD", "VBZ", "VBP", "VBN"):
            return False
        cur = cur.head
        if any(c.dep_ == "aux" and (c.lower_ in lex["future_auxiliaries"]
                                     or c.lower_ in lex["hypothetical_modals"])
               for c in cur.children):
            return True
    return False


def given_thing(h: Hit) -> bool:
    """`$650 million in funding provided by the Act`, `two aircraft donated by Spain`: a participle
    of giving said of a sum or of materiel states that it was given."""
    noun = h.trigger.head
    return h.pattern.type == "AID" and h.trigger.tag_ == "VBN" and concrete(noun)


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun phrase belongs to, through prepositions and coordinated nouns."""
    cur = tok
    for _ in range(12):
        if cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def under_modal(verb: Token) -> bool:
    """A verb in what a hypothetical verb governs: `Congress may consider whether to modify
    approaches to ... assistance` (climbing clauses and coordinated verbs)."""
    modals = word_classes()["hypothetical_modals"]
    cur = verb
    for _ in range(6):
        if any(c.dep_ == "aux" and c.lower_ in modals for c in cur.children):
            return True
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head is cur:
            return False
        cur = cur.head
    return False


def leaders_meet(h: Hit) -> bool:
    """`President X of the United States and Prime Minister Y of Japan meet at a historic moment`:
    a joint statement opens in the present of the meeting it comes from. Only a main-clause
    `meet` of two coordinated parties with no adverb of time or frequency (`meet every year`)."""
    trig = h.trigger
    if h.pattern.type != "MEET" or trig.lemma_ != "meet" or trig.tag_ != "VBP":
        return False
    before = list(trig.doc[trig.sent.start:trig.i])
    if any(t.pos_ in ("VERB", "AUX") for t in before) or not any(c.dep_ == "nsubj" for c in trig.children):
        return False  # the parser may hang it anywhere; it must be the sentence's first verb
    parties = {place.country for _, _, place in places_in(before) if place.kind == "country"}
    timed = any(c.dep_ in ("advmod", "npadvmod", "aux", "neg") for c in trig.children)
    return len(parties) >= 2 and not timed


def standing_support(h: Hit) -> bool:
    """`The State Department funds several Coast Guard initiatives`: a fact sheet's present tense
    of giving states support that is going on, not a habit (`we regularly meet`). Giving only,
    and training supported (`supports the Navy with Mobile Training Teams`): `as Russia's forces
    train their focus on the Donbas` is no training."""
    trig, often = h.trigger, word_classes()["habitual_adverbs"]
    giving = h.pattern.type == "AID" or (
        h.pattern.type == "TRAIN" and (trig.lemma_ in word_classes()["train_support_verbs"]
                                       or trig.lemma_ in word_classes()["train_provide_verbs"]))
    return (giving and trig.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ == "advmod" and c.lower_ in often for c in trig.children))


def performing_verb(trig: Token) -> Token | None:
    """The light verb a nominal trigger is the object of (`will hold a workshop`, `conducted
    Key Leader Engagements`), whose subject does the event, or None."""
    verb = trig.head
    if trig.dep_ != "dobj" or verb is trig or verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() not in word_classes()["performing_verbs"]:
        return None  # "established Staff Talks", "condemned the deployment": about it, not doing it
    return verb


def verb_subject(verb: Token) -> Token | None:
    """A verb's subject, or the one it shares with the verb it is coordinated with: `The USCG
    provides training ... and conducted Key Leader Engagements`."""
    for v in (verb, verb.head if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") else None):
        subj = next((c for c in v.children if c.dep_ == "nsubj" and same_line(c, v)), None) \
            if v is not None else None  # not a heading glued above: `Costa Rica:` / `- The State ...`
        if subj is not None:
            return subj
    return None


def reporting_verb(trig: Token) -> Token | None:
    """The past-tense light verb whose subject did the event a nominal trigger names, or None.

    `The State Department facilitated the donation of 200 transponders`, `the USCG conducted
    Key Leader Engagements with the Colombian Navy`: a finite past verb with a subject reports
    that the occurrence took place, as a date would anchor it. Not `will hold a workshop`,
    `plans to fund a seminar`, `did not attend the summit`, `we regularly hold workshops`.
    """
    verb = performing_verb(trig)
    if verb is None:
        return None
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))
    if not past or verb_subject(verb) is None:
        return None
    if is_unasserted(verb) or is_irrealis(verb) or is_habitual(verb):
        return None
    return verb


def is_instruction(trig: Token) -> bool:
    """`For further information, visit https://...`: an imperative tells the reader what to do,
    and a web address is no place anyone travels to; neither reports an occurrence."""
    if any(c.like_url or "@" in c.text for c in trig.children if c.dep_ in ("dobj", "pobj")):
        return True
    return (trig.dep_ == "ROOT" and trig.tag_ == "VB"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in trig.children))
