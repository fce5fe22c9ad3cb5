"""Event arguments: the date, location, participants and ordinal of a trigger.

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
from pipeline.dates.links import Timex
from pipeline.events.sites import departed_from, on_site
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


def place_end(doc: Doc, ents: tuple[Span, ...], end: int) -> int:
    """Where a place name that the model ends at token `end` really ends: `the Bay of` +
    `Bengal` (a name cut after its `of`), `Cold Lake` + `, Alberta` (its region)."""
    if end > 0 and doc[end - 1].lower_ == "of":
        rest = next((e for e in ents if e.start == end), None)
        end = rest.end if rest is not None else end
    if end + 1 < len(doc) and doc[end].text == ",":
        follow = next((e for e in ents if e.start == end + 1 and e.label_ == "GPE"), None)
        end = follow.end if follow is not None else end
    return end


def location_in(tokens: set[int], doc: Doc, ents: tuple[Span, ...], preps: frozenset[str],
                anchors: set[int] | None = None,
                skip_preps: frozenset[int] = frozenset()) -> tuple[str, str | None, range] | None:
    """(name, country, token ids) of the first place in `tokens` governed by a location preposition.

    A place entity followed by `, Region` keeps it (`Cold Lake, Alberta`), one cut after its `of` its rest.
    """
    places = [e for e in ents
              if e.root.i in tokens and (e.label_ in _PLACE_LABELS or _known_place(e))]
    for ent in sorted(places, key=lambda e: e.start):
        prep = governing_preposition(ent.root)
        if prep is None or (prep.lower_ not in preps and not on_site(prep, ent.root)) or prep.i in skip_preps:
            continue
        if anchors is not None and (not attached_to(prep, anchors) or departed_from(prep, anchors)):
            continue
        end = place_end(doc, ents, ent.end)
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


# --- scope and participants -----------------------------------------------------------

_SUBJECTS = ("nsubj", "nsubjpass")


def controller_subject(trig: Token) -> Token | None:
    """The subject a subjectless verb shares with the clause it hangs from:
    `NATO played a pivotal role in coordinating ..., airlifting ... supplies` -> NATO."""
    if any(c.dep_ in _SUBJECTS for c in trig.children):
        return None
    cur = trig
    for _ in range(8):
        if cur.dep_ not in ("xcomp", "advcl", "conj", "pcomp", "pobj", "prep", "dobj") or cur.head is cur:
            return None
        cur = cur.head
        subj = next((c for c in cur.children if c.dep_ in _SUBJECTS), None)
        if subj is not None and cur.pos_ in ("VERB", "AUX"):
            return subj
    return None


def fronted_participle_noun(trig: Token) -> set[int]:
    """`Signed in late 2021, the Fisheries Partnership initiative from USAID ...`: a fronted
    participle is said of the noun phrase it precedes, which the parser may make its head."""
    head = trig.head
    if trig.dep_ != "advcl" or trig.tag_ != "VBN" or head.i < trig.i or head.pos_ not in ("NOUN", "PROPN"):
        return set()
    return {t.i for t in head.subtree} - {t.i for t in trig.subtree}


def relative_antecedent(trig: Token) -> set[int]:
    """The noun phrase a relative pronoun subject stands for, without the clause itself:
    `Finland, which joined the Alliance in April 2023` -> Finland."""
    if trig.dep_ != "relcl" or trig.head is trig:
        return set()
    if not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in trig.children):
        return set()
    head = trig.head
    left = [t.i for t in head.lefts if t.dep_ in ("compound", "det", "amod", "nmod")]
    return {head.i, *(i for i in left if trig.doc[i].dep_ != "det")}


def scope_of(trig: Token, theme: Token | None, kind: str, window: set[int],
             triggers: set[int]) -> tuple[set[int], set[int]]:
    """(scope, inherited): token ids an argument may come from, cut to the window.

    The trigger's subtree, its theme's (`Talks - established in 2006`), the
    copula's subject (`Mexico has been a member`), a controlling clause's subject
    (`inherited`); without coordinated clauses and other triggers nested in it.
    """
    ids = {t.i for t in trig.subtree}
    if theme is not None and theme.i not in ids:
        ids |= {t.i for t in theme.subtree}
    if kind == "copular" and trig.head is not trig:
        for c in trig.head.children:
            if c.dep_ in _SUBJECTS:
                ids |= {t.i for t in c.subtree}
    if kind == "nominal" and trig.dep_ == "dobj":
        # PP attachment: "monitor the Russian deployments in and around Ukraine"
        for c in trig.head.children:
            if c.dep_ == "prep":
                ids |= {t.i for t in c.subtree}
    if kind == "nominal-theme" and trig.dep_ == "dobj":
        # what the new body is welcomed as: "the launch of the Council as a forum for the U.S. and the EU"
        for c in trig.head.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                ids |= {t.i for t in c.subtree}
    inherited: set[int] = set()
    subj = controller_subject(trig) if kind not in ("nominal", "nominal-theme", "anaphor") else None
    if subj is not None:
        inherited = {t.i for t in subj.subtree}
        ids |= inherited
    inherited |= relative_antecedent(trig) | fronted_participle_noun(trig)
    ids |= inherited
    for i in sorted(ids):
        tok = trig.doc[i]
        if i == trig.i or i not in ids:
            continue
        nested = i in triggers and tok.pos_ == "VERB" and tok.dep_ not in ("acl", "relcl")
        if (tok.dep_ == "conj" and tok.pos_ == "VERB") or nested:
            sub = {t.i for t in tok.subtree}
            if trig.i not in sub:
                ids -= sub
    return ids & window, inherited & window


# --- events framed by another -----------------------------------------------------------

_MARGIN_NOUNS = frozenset({"margins", "margin", "sidelines", "sideline", "side"})


def possessive_timex(trig: Token, timex_root: list[tuple[Timex, Token]]) -> Timex | None:
    """`last week's Anti-Corruption Summit`, `yesterday's meeting`: a date in the possessive
    dates the noun it owns, however the parser hangs it (often off the clause's preposition)."""
    doc = trig.doc
    for tx, root in timex_root:
        nxt = root.i + 1
        if nxt >= trig.i or doc[nxt].lower_ not in ("'s", "’s"):
            continue
        if all(doc[k].head.i == trig.i for k in range(nxt + 1, trig.i)):
            return tx
    return None


def margin_host(trig: Token) -> Token | None:
    """The verb of `met in Rome on the margins of the G20 Summit`: the summit is an occurrence
    of its own, held where and when the meeting on its margins was."""
    of, margins = trig.head, trig.head.head
    if trig.dep_ != "pobj" or of.lower_ != "of" or margins.lower_ not in _MARGIN_NOUNS:
        return None
    prep = margins.head
    if margins.dep_ != "pobj" or prep.lower_ not in ("on", "at") or prep.head.pos_ != "VERB":
        return None
    return prep.head
