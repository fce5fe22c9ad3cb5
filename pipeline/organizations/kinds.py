"""What is not an organization, by kind: people by their titles, staff jargon, named exercises,
places by their prefix, country pairs, headline words, datelines.

names.py rejects a span by its head word (`Summit`, `Treaty`, `Base`); the
spans that still pass on publishers the rules were not written from are of a
few kinds, each one rule here: a rank, position or honorific, alone or before
a person's name (`LTC`, `Supply Sergeant`, `Spokesperson Ned Price`, `Brig.
Gen.` before `Toine Beukering`); staff-section acronyms that name no body on
their own (`TOC`, `S3`, `BN`); exercise and operation names (`NORTHERN STAR`,
`Iron Falcon 2023`); places named by a prefix (`Camp Lejeune`, `Fort Bliss`);
country pairs (`U.S.-Brazil`); words of an all-caps headline or a wire
dateline (`ICE HOCKEY`, `OTTAWA, March 3, 2021`). The titles are data
(`data/titles.jsonl`, derived from Phoenix agents by scripts/derive_lexicons.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.countries import country_of, place_table
from pipeline.organizations.names import has_org_head, load_terms, norm
from pipeline.organizations.spans import is_acronym
from pipeline.rules import Rules, per_rules

TITLE_KINDS = ("position", "rank", "honorific", "staff_acronym")
# Names a place by its first word: `Camp Lejeune`, `Fort Bliss`, `CFB Esquimalt`, `Joint Base Lewis-McChord`.
PLACE_PREFIXES = ("Camp", "Fort", "Ft.", "CFB", "Joint Base", "Naval Station", "Naval Air Station",
                  "Air Station", "Mount", "Mt.", "Port of", "Lake", "Cape")
_YEAR_END = re.compile(r"\s(?:19|20)\d\d$")  # "Iron Falcon 2023", "Trident Juncture 2018"
_CAPS_WORD = re.compile(r"^[A-Z][A-Z'’-]{1,}$")
_DATELINE_AFTER = re.compile(r"^,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")
_DESIGNATED = re.compile(r"^(?:[A-Z][\w.]*\s+)*(?:[A-Z]{1,3}-?\d[\w-]*|\d[\d-]*)$")  # "Report R-1234"
# Titles whose `of` complement is a portfolio, not a body: `Minister of Trade and Industry`. Not
# `Director of`, whose complement is often a body (`Director of Civil-Military Programs`).
PORTFOLIO_TITLES = frozenset({"Minister", "Secretary", "Ministers", "Secretaries"})
_OFFICE_OF = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*)[ ](?:of|for)[ ](?:the[ ])?$")  # "Minister of "
# "create a Lifetime " before "ISA": an indefinite article (and one capitalized word) ...
_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:a|an|A|An|each|every|another)[ ](?:[A-Z][\w-]*[ ])?$")
# ... and the noun phrase ends with the acronym: " to help", ".", not " agent" (`an FBI agent`)
_ENDS_NOUN_PHRASE = re.compile(
    r"(?:$|[.,;:)!?]|[ ](?:to|that|which|who|for|and|or|is|was|will|would|can|with|in|of|on|at|by)\b)")
_PUBLIC_LAW = re.compile(r"^P\.\s?L\.\s?\d+-\d+$")  # "P.L. 114-17": a statute


@dataclass(frozen=True)
class Titles:
    """Title forms by kind, each a set of exact surface forms (names and abbreviations)."""

    positions: frozenset[str]  # positions and ranks, full and abbreviated
    honorifics: frozenset[str]
    staff: frozenset[str]
    words: frozenset[str]  # last words of titles: `Sergeant`, `Commander`, `Spokesperson`


@per_rules
def load_titles(rules: Rules) -> Titles:
    """Title forms by kind, from `data/titles.jsonl` (names and abbreviations)."""
    forms: dict[str, set[str]] = {k: set() for k in TITLE_KINDS}
    for row in rules.titles:
        forms[row.kind].update([row.name, *row.abbreviations])
    positions = forms["position"] | forms["rank"] | load_terms()["position"]
    words = {f.split()[-1] for f in positions if f[:1].isupper() and not f.isupper() and "." not in f}
    return Titles(frozenset(positions), frozenset(forms["honorific"]), frozenset(forms["staff_acronym"]),
                  frozenset(words - load_terms()["org_head"]))


@dataclass(frozen=True)
class _Prefixes:
    """The titles and honorifics indexed for the two questions asked of every candidate span."""

    by_start: dict[str, tuple[str, ...]]  # first two characters -> the titles starting so, longest first
    short: tuple[str, ...]  # titles of one character
    capitalized: frozenset[str]  # those that can stand before a name: `Brig. Gen.`, `Spokesperson`
    most_words: int


@per_rules
def _title_prefixes(_: Rules) -> _Prefixes:
    t = load_titles()
    everything = t.positions | t.honorifics
    by_start: dict[str, list[str]] = {}
    for p in sorted(everything, key=len, reverse=True):
        by_start.setdefault(p[:2], []).append(p)
    return _Prefixes({k: tuple(v) for k, v in by_start.items() if len(k) == 2},
                     tuple(p for p in everything if len(p) < 2),
                     frozenset(p for p in everything if p[:1].isupper()),
                     max((p.count(" ") + 1 for p in everything), default=0))


def _title_prefix(name: str) -> str | None:
    """The longest title `name` starts with, as a whole word: `Spokesperson` of `Spokesperson Ned Price`.

    A title that ends with a period may run on (`Lt.` of `Lt.Col.`). Any title of
    two characters or more that `name` starts with shares its first two.
    """
    prefixes = _title_prefixes()
    for p in (*prefixes.by_start.get(name[:2], ()), *prefixes.short):
        if name.startswith(p) and (len(name) == len(p) or name[len(p)] == " " or p.endswith(".")):
            return p
    return None


def _ends_with_title(text: str) -> bool:
    """Does `text` end with a capitalized title, as whole words: `... said Brig. Gen.`, `Spokesperson`?"""
    prefixes = _title_prefixes()
    words = text.split(" ")
    return any(" ".join(words[-k:]) in prefixes.capitalized
               for k in range(1, min(prefixes.most_words, len(words)) + 1))


def _is_title(n: str, after: str, titles: Titles) -> bool:
    """Is `n` a position, rank or honorific, or an abbreviated one cut before its period (`Staff Sgt`)?"""
    if n in titles.positions or n in titles.honorifics:
        return True
    last = n.split()[-1] if n.split() else ""
    return after[:1] == "." and f"{n}." in titles.positions or (
        last in titles.words and not has_org_head(n))


def _person_name(words: list[str]) -> bool:
    """One or two capitalized words (three with a middle initial), none a body's head or a country:
    `Jane Doe`, `Jane Q. Doe`; not `Dynamics Land Systems` after `General`."""
    heads = load_terms()["org_head"] | load_terms()["corporate_suffix"]  # not "Motors Corp" after "General"
    if len(words) == 3 and not re.fullmatch(r"[A-Z]\.", words[1]):
        return False
    return 1 <= len(words) <= 3 and all(
        w[:1].isupper() and w not in heads and not country_of(w) for w in words)


def _headline(before: str, name: str, after: str) -> bool:
    """Is the line an all-caps headline (`ICE HOCKEY TEAM VISITS BASE`)? Three words at least."""
    line = f"{before}{name}{after}"
    if len(line.split()) < 3:
        return False
    letters = "".join(filter(str.isalpha, line))
    return len(letters) >= 8 and sum(map(str.isupper, letters)) >= 0.9 * len(letters)


def kind_reason(name: str, before: str = "", after: str = "") -> str | None:
    """Why a span is, by its kind, not an organization (see the module docstring), or None."""
    n = norm(name)
    if not any(c.isalpha() for c in n) or re.fullmatch(r"\d+(?:st|nd|rd|th)?", n):
        return "punctuation or number"  # a lone quotation mark, "The 7th" cut from its unit's name
    titles = load_titles()
    words = n.split()
    if n in titles.staff:
        return "staff acronym"  # "the TOC", "S3"
    parts = n.split(", ")
    if all(_is_title(part, after if i == len(parts) - 1 else "", titles) for i, part in enumerate(parts)):
        return "position"  # "LTC", "Chief of Staff", "Staff Sgt" (before its period), "Supply Sergeant, Sgt"
    if after[:1] == " " and len(_title_prefix(f"{n}{after}") or "") > len(n) and not (
            len(words) > 1 and has_org_head(n)):  # not "Marine Corps" of "Marine Corps Gunnery Sergeant"
        return "position"  # "Cabinet" of "Cabinet Secretary", "Command" of "Command Sergeant Major"
    last = words[-1]
    if (last in titles.words or last.endswith("s") and last[:-1] in titles.words) and not has_org_head(n):
        return "position"  # "Supply Sergeant", "Combatant Commanders"
    office = _OFFICE_OF.search(before)
    if office and office.group(1) in PORTFOLIO_TITLES and not has_org_head(n) and not n.isupper():
        return "position"  # "Saudi Minister of [Communications and Information Technology]"
    prefix = _title_prefix(n)
    if prefix is not None and _person_name(n[len(prefix):].split()):
        return "person"  # "Spokesperson Ned Price", "Honourable Jane Doe"
    last_before = before.rstrip(" ,")  # "Chief Guest, [Ahsan Iqbal]"
    if before.endswith(" ") and _ends_with_title(last_before) and _person_name(words) and len(words) > 1:
        return "person"  # "Brig. Gen. [Toine Beukering]"
    if _PUBLIC_LAW.match(n) or (len(words) > 1 and _DESIGNATED.match(n) and any(
            w in load_terms()["document"] for w in words[:-1])):
        return "document"  # "P.L. 114-17", "Report R-1234"
    titled = " ".join(w.title() if w.isupper() else w for w in words)
    if _YEAR_END.search(n) and not has_org_head(n):
        return "named event"  # "Iron Falcon 2023"
    if len(words) > 1 and all(_CAPS_WORD.match(w) for w in words) and not has_org_head(titled):
        return "named event or headline"  # "NORTHERN STAR", "ICE HOCKEY"
    if any(n == p or n.startswith(p + " ") for p in PLACE_PREFIXES):
        return "place"  # "Camp Lejeune"
    parts = [p for p in re.split(r"[-–]", n) if p]
    if len(parts) > 1 and all(country_of(p) for p in parts):
        return "country pair"  # "U.S.-Brazil"
    if n.isupper() and (n.title() in place_table() or (not before.strip() and _DATELINE_AFTER.match(after))):
        return "dateline place"  # "OTTAWA, March 3, 2021 /CNW/"
    if is_acronym(n) and _INDEFINITE_BEFORE.search(before[-40:]) and _ENDS_NOUN_PHRASE.match(after):
        return "common noun"  # "a Lifetime ISA to help them save": an acronym with an indefinite article
    if _headline(before, n, after) and not has_org_head(titled):
        return "headline"  # a gazetteer acronym matched in "ICE HOCKEY ..."
    return None


_PLACE_NOUN_AFTER = re.compile(r"[ ]([A-Za-z]+)\b")
_SEAT_BEFORE = re.compile(r"(?:(?<![\w’'.-])[A-Z][\w’'.-]*|\))[ ]in[ ]$")
_PLACE_NOUN_OF = re.compile(r"(?<![\w-])([a-z]+)[ ]of[ ](?:the[ ])?$")


def names_a_place_or_event(span: str, before: str, after: str) -> bool:
    """Is a name without an organization head the name of a place or an event, by the noun next to it?

    A place noun after it makes the name the place's own (`Laoag airfield`, the
    `Tema port`); a capitalized one ends a place's name the model cut short
    (`Eastern Tropical Pacific Marine` + `Corridor`). A lowercase place noun
    before it with `of` names the place (`the port of Tema`, `the city of
    Gao`); one word after a body's name and `in` is the body's seat (`the
    Training Centre in Yaoundé`). An event noun after it makes it the event's name (`the Cobra Gold
    exercise`, `the Lumbas series of activities`). Acronyms are left alone
    (`NATO base`, `NATO summit` are the alliance's).
    """
    if has_org_head(span) or is_acronym(span):
        return False
    terms = load_terms()
    noun = _PLACE_NOUN_AFTER.match(after)
    if noun and (noun.group(1).title() in terms["place_head"] or noun.group(1).islower()
                 and noun.group(1).title() in terms["event"]):
        return True
    governor = _PLACE_NOUN_OF.search(before[-40:])
    if governor and governor.group(1).title() in terms["place_head"]:
        return True
    # "the Interregional Coordination Centre (ICC) in Yaoundé": one word after a body's name and `in`
    return " " not in span and bool(_SEAT_BEFORE.search(before[-60:])) and not after[:2].strip().isupper()
