"""Event arguments: the date, location, participants and ordinal of a trigger.

Pure helpers over the dependency parse, used by events.py once a trigger is
found. Countries and nationality adjectives come from a small packaged table
(`data/countries.jsonl`) so that `Mexican students` names MEX and `hosted by
Canada` names CAN whether or not the model tagged a GPE. Roles follow the
dependency path from a participant up to its trigger (`nsubj` of `hosted` is
the host, `to Ukraine` after `assistance` is the recipient).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from pipeline.errors import PatternError

COUNTRIES_FILE = "countries.jsonl"
_MAX_WORDS = 6
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_ORDINAL_DIGITS = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")


@dataclass(frozen=True)
class Place:
    """A country or a place inside one: `Mexico` (MEX), `Cold Lake` (CAN)."""

    id: str
    kind: str  # "country" or "place"
    name: str  # canonical name: what a participant or location is called
    country: str | None


@cache
def _places() -> dict[str, Place]:
    """Surface form (exact case) -> Place, for names, aliases and adjectives."""
    text = resources.files("pipeline.data").joinpath(COUNTRIES_FILE).read_text(encoding="utf-8")
    table: dict[str, Place] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            kind = row["kind"]
            country = row["id"] if kind == "country" else row["country"]
            place = Place(row["id"], kind, row["name"], country)
            for surface in (row["name"], *row.get("aliases", []), *row.get("adjectives", [])):
                table.setdefault(surface, place)
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise PatternError(f"{COUNTRIES_FILE}:{n}: {exc}") from exc
    return table


def country_of(text: str) -> str | None:
    """ISO alpha-3 of the first country or place named in `text` (`Mexican Navy` -> MEX)."""
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
    out = []
    k = 0
    while k < len(tokens):
        hit = None
        for n in range(min(_MAX_WORDS, len(tokens) - k), 0, -1):
            span = tokens[k:k + n]
            if any(t.i != span[0].i + j for j, t in enumerate(span)):
                continue
            surface = "".join(t.text_with_ws for t in span).strip()
            if surface in table and surface[:1].isupper():
                hit = (span[0].i, span[-1].i + 1, table[surface])
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


def location_in(tokens: set[int], doc: Doc, preps: frozenset[str],
                exclude: set[int]) -> tuple[str, str | None, int] | None:
    """(name, country, token i) of the first place in `tokens` governed by a location preposition.

    A place entity followed by `, Region` keeps it: `Cold Lake, Alberta`.
    """
    ents = [e for e in doc.ents if e.label_ in _PLACE_LABELS and e.root.i in tokens
            and e.root.i not in exclude]
    for ent in sorted(ents, key=lambda e: e.start):
        prep = governing_preposition(ent.root)
        if prep is None or prep.lower_ not in preps:
            continue
        end = ent.end
        nxt = doc[end:end + 1]
        if len(nxt) and nxt[0].text == "," and end + 1 < len(doc):
            follow = [e for e in doc.ents if e.start == end + 1 and e.label_ == "GPE"]
            if follow:
                end = follow[0].end
        span = doc[ent.start:end]
        name = re.sub(r"^(?:the|The)\s+", "", " ".join(span.text.split()))
        return name, country_of(name), ent.root.i
    return None


# --- dates ----------------------------------------------------------------------------


def dominating(tok: Token, targets: set[int], limit: Span) -> int | None:
    """The nearest token among `targets` on the head path from `tok` (itself included)."""
    cur = tok
    for _ in range(40):
        if cur.i in targets:
            return cur.i
        if cur.head is cur or not (limit.start <= cur.head.i < limit.end):
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
