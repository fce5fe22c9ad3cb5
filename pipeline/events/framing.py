"""Events framed by another: a date in the possessive, a meeting on the margins of a summit, the
bodies a meeting's name names.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.countries import place_table
from pipeline.dates.links import Timex
from pipeline.events.candidates import ParticipantRef
from pipeline.events.lookup import TimexRoots
from pipeline.events.rules import word_classes

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}$")

# the nouns that frame an event and the prepositions they take: `on the margins of`, `as part of`
_FRAMES = {
    **dict.fromkeys(("margins", "margin", "sidelines", "sideline", "side"), ("on", "at")),
    "part": ("as",),
}


def possessive_timex(trig: Token, timex_root: TimexRoots) -> Timex | None:
    """`last week's Anti-Corruption Summit`, `yesterday's meeting`: a date in the possessive
    dates the noun it owns, however the parser hangs it (often off the clause's preposition)."""
    doc = trig.doc
    # the words between the owner's `'s` and the noun all hang from the noun: its subtree's
    for tx, root in timex_root.rooted_between(trig.left_edge.i - 2, trig.i - 1):
        nxt = root.i + 1
        if nxt >= trig.i or doc[nxt].lower_ not in ("'s", "’s"):
            continue
        if all(doc[k].head.i == trig.i for k in range(nxt + 1, trig.i)):
            return tx
    return None


def margin_host(trig: Token) -> Token | None:
    """The verb of `met in Rome on the margins of the G20 Summit`: the summit is an occurrence
    of its own, held where and when the meeting on its margins was."""
    host = _framing_verb(trig)
    return host if host is not None and trig.head.head.lower_ != "part" else None


def part_host(trig: Token) -> Token | None:
    """The verb whose doing is part of the event (`observers embarked the cutter as part of a
    joint patrol in November 2021`): held where and when it was, with its parties."""
    host = _framing_verb(trig)
    return host if host is not None and trig.head.head.lower_ == "part" else None


def _framing_verb(trig: Token) -> Token | None:
    of, frame = trig.head, trig.head.head
    if trig.dep_ != "pobj" or of.lower_ != "of" or frame.lower_ not in _FRAMES:
        return None
    prep = frame.head
    if frame.dep_ != "pobj" or prep.lower_ not in _FRAMES[frame.lower_] or prep.head.pos_ != "VERB":
        return None
    return prep.head


def congratulated(trig: Token) -> Token | None:
    """`congratulated Japan on the start of its term on the Council`: the one congratulated on an
    event (or thanked for it) is its party."""
    cur = trig
    for _ in range(4):
        if cur.dep_ != "pobj" or cur.head is cur:
            return None
        prep = cur.head
        verb = prep.head
        if prep.lower_ in ("on", "for") and verb.lemma_ in word_classes()["congratulation_verbs"]:
            return next((c for c in verb.children if c.dep_ == "dobj"), None)
        if prep.lower_ != "of":
            return None
        cur = verb  # "the start of its term": climb to "start"
    return None


def convening_bodies(trig: Token, have: tuple[ParticipantRef, ...]) -> tuple[ParticipantRef, ...]:
    """`the G20 Summit`, `the ASEAN Regional Forum meeting`: an acronym in a meeting's own name
    names the body that convenes it, a party to it (countries are found by name already)."""
    names = {p.name for p in have}
    out = []
    for c in trig.children:
        if (c.dep_ == "compound" and _ACRONYM.match(c.text) and c.text not in names
                and c.text not in place_table()):
            out.append(ParticipantRef(c.text, "participant", (c.idx, c.idx + len(c.text)), None))
    return tuple(out)
