"""Event arguments: the date, location and ordinal of a trigger (participants: parties.py).

Pure helpers over the dependency parse, used by triggers.py once a trigger is
found. Countries, nationality adjectives and places come from the tables of
pipeline/countries.py (`data/countries.jsonl`, `data/places.jsonl`) so that `Mexican
students` names MEX and `hosted by Canada` names CAN whether or not the model
tagged a GPE. Roles follow the
dependency path from a participant up to its trigger (`nsubj` of `hosted` is
the host, `to Ukraine` after `assistance` is the recipient).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from pipeline.countries import Place, place_table
from pipeline.events.sites import departed_from, on_site
from pipeline.index import Ents
from pipeline.surface import fold, without_the

_MAX_WORDS = 6
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_ORDINAL_DIGITS = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")


def _places() -> dict[str, Place]:
    return place_table()


def _known_place(ent: Span) -> bool:
    """A place in the table that the model may tag ORG: `the White House`, `the Pentagon`; a
    region named by a noun (`the Sahel`, tagged PRODUCT), not an adjective (`European`)."""
    place = _places().get(without_the(fold(ent.text)))
    return place is not None and (place.kind == "place" or (place.kind == "region" and ent.label_ != "NORP"))


def place_country(text: str) -> str | None:
    """ISO alpha-3 of the first country or place named in `text` (`Mexican Navy` -> MEX).

    In `Town, Region` the region decides: `Kingston, Ontario` is in Canada, whichever
    Kingston the table knows.
    """
    town, comma, region = text.rpartition(",")
    if comma and town.strip() and region.strip():
        found = place_country(region)
        if found:
            return found
    words = re.findall(r"[\w.'’-]+", text)
    for i in range(len(words)):
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            place = _places().get(" ".join(words[i:i + n]).rstrip("."))
            place = place or _places().get(" ".join(words[i:i + n]))
            if place:
                return place.country
    return None


def places_in(tokens: list[Token]) -> list[tuple[int, int, Place]]:
    """(first token i, last token i + 1, Place) for each country or place named by the tokens.

    Longest match first, case-sensitive: `United States`, `U.S.`, `Canadian`.
    The tokens must be consecutive in the Doc.
    """
    table = _places()
    texts = [t.text_with_ws for t in tokens]
    out = []
    k = 0
    while k < len(tokens):
        hit = None
        first = tokens[k].text
        # a name starts with a capital (after any whitespace token): nothing else can start one
        longest = min(_MAX_WORDS, len(tokens) - k) if first[:1].isupper() or first.isspace() else 0
        for n in range(longest, 0, -1):
            if any(tokens[k + j].i != tokens[k].i + j for j in range(n)):
                continue
            surface = "".join(texts[k:k + n]).strip()
            if surface in table and surface[:1].isupper():
                hit = (tokens[k].i, tokens[k + n - 1].i + 1, table[surface])
                break
        if hit:
            out.append(hit)
            k += hit[1] - hit[0]
        else:
            k += 1
    return out


# --- ordinals -------------------------------------------------------------------------


def ordinal_of(noun: Token, ordinals: dict[str, int]) -> int | None:
    """`the seventh round` -> 7, `the inaugural meeting` -> 1, `the 2nd meeting` -> 2."""
    for child in noun.children:
        if child.dep_ not in ("amod", "nummod", "compound", "advmod"):
            continue
        word = child.lower_
        if word in ordinals:
            return ordinals[word]
        m = _ORDINAL_DIGITS.match(word)
        if m:
            return int(m.group(1))
    return None


def adverb_ordinal(verb: Token, ordinals: dict[str, int]) -> int | None:
    """`was first deployed in April 2024` -> 1: an ordinal adverb right before the verb counts
    the occurrence; not a sentence's opening `First, ...`."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.dep_ != "advmod" or before.head.i != verb.i:
        return None
    return ordinals.get(before.lower_)


# --- locations ------------------------------------------------------------------------


def governing_preposition(tok: Token) -> Token | None:
    """The preposition a place hangs from, climbing `the coast of Hawaii` and `in and around`."""
    cur = tok
    for _ in range(8):
        if cur.dep_ in ("compound", "conj", "appos", "nmod", "amod") and cur.head is not cur:
            cur = cur.head
            continue
        if cur.dep_ == "pobj":
            prep = cur.head
            if prep.lower_ == "of" and prep.head.dep_ in ("pobj", "dobj", "nsubj", "attr"):
                cur = prep.head  # "off the coast of Hawaii": climb to "coast"
                continue
            while prep.dep_ == "conj" and prep.head.dep_ == "prep":
                prep = prep.head  # "in and around Ukraine"
            return prep
        return None
    return None


def attached_to(prep: Token, anchors: set[int]) -> bool:
    """Does `prep` modify one of `anchors` without another verb in between?

    `met ... with Trudeau of Canada in Los Angeles` attaches to `met`; `to usher in a
    new phase of the U.S.` does not (the `in` belongs to `usher`).
    """
    cur = prep.head
    for _ in range(20):
        if cur.i in anchors:
            return True
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return False
        cur = cur.head
    return False


def place_end(doc: Doc, ents: Ents, end: int, region: bool = True) -> int:
    """Where a place name that the model ends at token `end` really ends: `the Bay of` +
    `Bengal` (a name cut after its `of`), `Cold Lake` + `, Alberta` (its region, if `region`)."""
    if end > 0 and doc[end - 1].lower_ == "of":
        rest = next(iter(ents.starting_at(end)), None)
        end = rest.end if rest is not None else end
    if region and end + 1 < len(doc) and doc[end].text == ",":
        follow = next((e for e in ents.starting_at(end + 1) if e.label_ == "GPE"), None)
        end = follow.end if follow is not None else end
    return end


def location_in(tokens: set[int], doc: Doc, ents: Ents, preps: frozenset[str],
                anchors: set[int] | None = None,
                skip_preps: frozenset[int] = frozenset()) -> tuple[str, str | None, range] | None:
    """(name, country, token ids) of the first place in `tokens` governed by a location preposition.

    A place entity followed by `, Region` keeps it (`Cold Lake, Alberta`), one cut after its `of` its rest.
    """
    places = [e for e in ents.rooted_in(tokens) if e.label_ in _PLACE_LABELS or _known_place(e)]
    for ent in sorted(places, key=lambda e: e.start):
        prep = governing_preposition(ent.root)
        if prep is None or (prep.lower_ not in preps and not on_site(prep, ent.root)) or prep.i in skip_preps:
            continue
        if anchors is not None and (not attached_to(prep, anchors) or departed_from(prep, anchors)):
            continue
        end = place_end(doc, ents, ent.end, region=not _is_country(ent.text))
        span = doc[ent.start:end]
        name = without_the(fold(span.text))
        return name, place_country(name), range(ent.start, end)
    return None


# --- dates ----------------------------------------------------------------------------


def dominating(tok: Token, targets: set[int]) -> int | None:
    """The nearest token among `targets` on the head path from `tok` (itself included)."""
    cur = tok
    for _ in range(40):
        if cur.i in targets:
            return cur.i
        if cur.head is cur:
            return None
        cur = cur.head
    return None


# --- participants ---------------------------------------------------------------------


def role_key(tok: Token, trigger: Token) -> str:
    """How `tok` hangs from `trigger`: `nsubj`, `agent`, `dobj`, `prep:to`, ..., or `other`."""
    cur = tok
    path: list[Token] = []
    for _ in range(30):
        if cur.head is cur:
            return "other"
        path.append(cur)
        if cur.head.i == trigger.i:
            break
        cur = cur.head
    else:
        return "other"
    top = path[-1]
    if top.dep_ == "prep":
        return f"prep:{top.lower_}"
    if top.dep_ == "agent":
        return "agent"
    if top.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos", "amod", "compound", "poss"):
        return top.dep_
    return "other"


def _is_country(text: str) -> bool:
    place = _places().get(without_the(fold(text)))
    return place is not None and place.kind == "country"
