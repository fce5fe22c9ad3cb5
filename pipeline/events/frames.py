"""Nominal events framed by a clause: what the clause around a noun says about its time.

`was first deployed in April 2024 during a training exercise`: the exercise went
on when the deployment did, so it takes the clause's date and place.
`the consultations announced in their September 22 statement`: the date is the
announcement's, not the consultations'.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from pipeline.events.candidates import EventCandidate
from pipeline.events.rules import word_classes


def framing_verb(trig: Token) -> Token | None:
    """The verb whose time a nominal trigger spans: `deployed ... during a training exercise`."""
    prep = trig.head
    if trig.dep_ != "pobj" or prep.lower_ not in word_classes()["framing_prepositions"]:
        return None
    verb = prep.head
    if prep.dep_ != "prep" or verb.pos_ != "VERB" or verb.i > trig.i:
        return None
    return verb


def dated_by_announcement(root: Token, trig: Token) -> bool:
    """Does the date reach the trigger through a verb of announcing (`the talks announced in
    their May 3 statement`)? Then it dates the announcement, not the occurrence."""
    announcing = word_classes()["announcing_verbs"]
    cur = root
    for _ in range(12):
        if cur.i == trig.i or cur.head is cur:
            return False
        if (cur.pos_ == "VERB" and cur.lemma_.lower() in announcing and cur.dep_ == "acl"
                and cur.head.i == trig.i):
            return True
        cur = cur.head
    return False


def invitees(trig: Token) -> set[int]:
    """Token ids of the parties invited to a meeting: `the invitation of the EU to the Summit`,
    `invited Chile to the Ministerial` (the parser may hang `to ...` on the verb holding
    `the invitation`)."""
    inviting = word_classes()["invitation_words"]
    prep = trig.head
    if trig.dep_ != "pobj" or prep.lower_ != "to" or prep.dep_ not in ("prep", "dative"):
        return set()
    holder = prep.head
    if holder.lemma_.lower() not in inviting:
        holder = next((c for c in holder.children if c.dep_ == "dobj" and c.lemma_.lower() in inviting), None)
    if holder is None:
        return set()
    out: set[int] = set()
    for c in holder.children:
        if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "of"):
            out |= {t.i for t in c.subtree}
    return out


def placed_by_frame(events: list[EventCandidate]) -> list[EventCandidate]:
    """An event with no place of its own takes the place of the event that frames it, once the
    document has told it: `was first deployed in April 2024 during a training exercise ... its
    first overseas deployment to the Philippines` puts the exercise in the Philippines too."""
    place_at = {e.trigger: e.location for e in events if e.location}
    return [replace(e, location=place_at[e.frame]) if e.location is None and e.frame in place_at else e
            for e in events]
