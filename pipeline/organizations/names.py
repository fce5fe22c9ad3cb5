"""What is not an organization, and where an organization's name ends: rules over plain text.

The model's ORG spans carry articles, brackets and possessives, run across
paragraphs, cut names short or run on into a person's name, and take
exercises, positions, plans and places for bodies. Each rule here states one
of these phenomena; the word lists the rules use are data
(`data/org_terms.jsonl`, one entry a list with its kind, id and example).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.countries import countries_in, country_of, is_nationality
from pipeline.rules import Rules, per_rules
from pipeline.rules.rows import TERM_KINDS
from pipeline.surface import without_the

# Heads of names that are not bodies: events, documents, ..., and places (`Kadena Air Base`).
NON_ORG_HEADS = ("event", "document", "award", "position", "abstract", "equipment", "place_head")


@per_rules
def load_terms(rules: Rules) -> dict[str, frozenset[str]]:
    """Word lists by kind (`org_head`, `position`, ...), from `data/org_terms.jsonl`."""
    out: dict[str, set[str]] = {k: set() for k in TERM_KINDS}
    for row in rules.org_terms:
        out[row.kind].update(row.words)
    return {k: frozenset(v) for k, v in out.items()}


def norm(name: str) -> str:
    """Comparison form: one space between words, curly apostrophes straight, no leading `the`."""
    s = " ".join(name.replace("’", "'").split())
    return without_the(s)



_LEADING = re.compile(r"(?:(?:the|The|THE|a|A|an|An|our|Our|By|BY)\s+|[(\[{\s,.;:•·▪*-])+")
_TRAILING_CHARS = frozenset(" \t\n([{,.;:…-'’/")  # "Agency’s", "Defence (", "Security and", "Defence /"


# "U.N.", "U.K.": a dotted acronym ends in its period (searched in the span's last 16 characters: linear)
_DOTTED_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")
_CORPORATE_SUFFIXES = (" Inc.", " Ltd.", " Corp.", " Co.", " S.A.", " N.V.")
# "Chelsea 2-1", "Leeds 3-0": a match score the model ran into a club's name (the last 16 characters)
_SCORE_END = re.compile(r"[ ]\d{1,2}-\d{1,2}$")


def trim_name(start: int, end: int, text: str) -> tuple[int, int]:
    """Shrink a span to the name.

    `the Department of National Defence (DND` -> `Department of National Defence`:
    no leading article, nothing from a bracket on, no possessive, no trailing
    `and` or punctuation, nothing past a line or paragraph break.
    """
    span = text[start:end]
    cut = min((i for i in (span.find("\n"), span.find("("), span.find(" ["), span.find("…"), span.find(": "))
               if i > 0), default=len(span))
    end = start + cut
    while start < end:
        m = _LEADING.match(text, start, end)
        if not m or m.end() == start:
            break
        start = m.end()
    score = _SCORE_END.search(text, max(start, end - 16), end)
    if score and score.start() > start and not has_org_head(text[start:score.start()]):
        end = score.start()  # but "Task Force 1-28" is a battalion's task force
    while start < end:  # from the right, one piece at a time: linear
        dotted = _DOTTED_END.search(text, max(start, end - 16), end)
        if dotted or text.endswith(_CORPORATE_SUFFIXES, start, end):
            break  # "Irving Shipbuilding Inc.", "the U.N.": the period belongs to the abbreviation
        if text[end - 1] in _TRAILING_CHARS:
            end -= 1
        elif text.endswith(("’s", "'s"), start, end):
            end -= 2
            end = _owned_unit(text, start, end)
        elif text.endswith((" and", " &", " of", " for", " on", " the"), start, end):
            end = text.rindex(" ", start, end)  # "the National Guard of" [Ukraine]
        else:
            break
    return start, end


# "Battalion" + " of the Army": an of-complement that is itself one body's word (the last 40 characters)
_OF_BODY = re.compile(r"[ ]of[ ](?:the[ ])?[A-Z][\w-]*$")


def _owned_unit(text: str, start: int, end: int) -> int:
    """Where a unit's name ends before a possessor: `the Long-Range Fires Battalion of the Army's five
    task forces` names the battalion of each task force, and the Army owns the task forces."""
    of = _OF_BODY.search(text, max(start, end - 40), end)
    if of and head_word(text[start:of.start()]) in load_terms()["unit_head"] and (
            text[of.start():end].split()[-1] in load_terms()["org_head"]):
        return of.start()
    return end


def words_of(name: str) -> list[str]:
    """The words of a name without possessives: `Air Force’s` -> Air, Force."""
    return [w[:-2] if w.endswith(("’s", "'s")) else w for w in name.split()]


def head_word(name: str) -> str:
    """The head: the last word before the first `of`/`for`/`on`/`in`/`to`, else the last word.

    `Ninth Summit of the Americas` -> `Summit`; `Commission on the National
    Defense Strategy for the United States` -> `Commission`.
    """
    words = words_of(name)
    prepositions = load_terms()["preposition"]
    for i, w in enumerate(words[1:], 1):
        if w in prepositions:
            return words[i - 1]
    return words[-1] if words else ""


def has_org_head(name: str) -> bool:
    heads = load_terms()["org_head"]
    return any(w in heads for w in words_of(name)[1:]) or head_word(name) in heads


# "Secretary of ", "Declaration on ", "Ambassador to the ": a head noun and its preposition,
# also before a list the span ends: "Framework for Security, Public Health, and [Safe Communities]".
_GOVERNOR = re.compile(  # a word starts only after a non-word: one start per run of capitals
    r"(?<![\w’'-])([A-Z][\w’'-]*)\s+(?:of|for|to|on)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'-]*,?\s+(?:and\s+)?)*$"  # one word an iteration: linear
)
# " and Intelligence Advisor Jody": a coordination that continues the name.
_COORDINATED = re.compile(r"^\s*(?:and|&)\s+((?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)")
_DESIGNATOR = re.compile(r"^[A-Za-z]+-\d+[A-Za-z]?$")  # "COVID-19", "AT-4", "Mi-17"
# "100 Tactical Unmanned Aerial Systems"; not "Since 2015, CAF members"
_COUNTED = re.compile(r"(?<![\d,.])(\d(?:[\d,]*\d)?)\s+$")


_PLACE_AFTER = re.compile(r",[ ]([A-Z][\w.]*(?:[ ](?:and[ ])?[A-Z][\w.]*){0,2})(?![\w’'-])")
_TITLE_HEAD = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*)\s+(?:of|for)\s")


@cache
def _longest_first(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _after_portfolio(name: str, portfolios: frozenset[str]) -> list[str] | None:
    """The words of `name` after the longest portfolio it starts with, else None (`Air Force for X`)."""
    for f in _longest_first(portfolios):
        if name == f or name.startswith(f + " "):
            return name[len(f):].split()
    return None


def _is_service(words: list[str]) -> bool:
    """`British army`: a nationality or a country, then a lowercase armed service (a body all the same)."""
    return len(words) > 1 and " ".join(words[1:]) in load_terms()["service_noun"] and (
        is_nationality(words[0]) or bool(country_of(words[0])))


def non_org_reason(name: str, before: str = "", after: str = "") -> str | None:
    """Why a span is not an organization, or None when it may be one.

    `name` is the trimmed span, `before`/`after` the text around it (a line is enough).
    """
    terms = load_terms()
    n = norm(name)
    if not n:
        return "empty"
    words = words_of(n)
    if _DESIGNATOR.match(n):
        return "designator"
    if words[-1][:1].islower() and words[-1] not in terms["connector"] and not _is_service(words):
        return "common noun"  # "Rim of the Pacific exercise", "Indo-Pacific region": no name ends so
    if n in terms["generic"] or n in terms["place"] or country_of(n):
        return "generic, place or country"
    if all(w in terms["generic"] or w in ("and", "&", "the") for w in words):
        return "generic words"  # "Allies and Partners"
    if len(words) > 1 and is_nationality(words[0]) and all(
            w in terms["generic"] and w.endswith("s") for w in words[1:]):
        return "generic words"  # "European Allies", "Canadian Partners": a nationality and a plural
    if words[0] in terms["event_prefix"] and len(words) > 1:
        return "event"  # "Operation CARIBBE", "Exercise MAPLE FLAG"
    if before.split()[-1:] and before.split()[-1] in terms["event_prefix"]:
        return "event"  # "as part of Operation [HORIZON]": the model tagged the name alone
    if words[0] in terms["vessel_prefix"] and len(words) > 1:
        return "vessel"  # "HMCS Ville de Québec", "USNS Comfort": a ship, not a body
    if words[:2] == ["Governments", "of"] and countries_in(n):
        return "countries"  # "the Governments of the United States of America and the Republic of Iraq"
    head = head_word(n)
    for kind in NON_ORG_HEADS:
        if head in terms[kind] or " ".join(words[-2:]) in terms[kind]:
            return kind
        # "Rim of the Pacific Exercise": the kind word ends a name whose first part is no body;
        # but "House of Commons Standing Committee on National Defence" is a committee.
        if kind != "position" and words[-1] in terms[kind] and head not in terms["org_head"] and not (
                kind == "abstract" and has_org_head(n)):
            return kind
    province = _PLACE_AFTER.match(after)
    if len(words) == 1 and not n.isupper() and province and province.group(1) in terms["place"]:
        return "place"  # "Inuvik, Northwest Territories": a town before its province
    counted = _COUNTED.search(before)
    # "100 Tactical Unmanned Aerial Systems" are counted things; in "100 Royal Australian Navy (RAN)
    # personnel" the number counts the people after a body's name
    if counted and not re.fullmatch(r"(?:19|20)\d\d", counted.group(1)) and words[-1] not in terms[
            "unit_head"] and not has_org_head(n):
        return "counted thing"
    gov = _GOVERNOR.search(before[-150:])
    if gov:
        word = gov.group(1)
        if any(word in terms[k] for k in ("event", "document", "award")) and not has_org_head(n):
            return "part of a non-organization name"  # "Declaration on [Migration and Protection]"
        rest = _after_portfolio(n, terms["portfolio"])
        listed = re.search(r"(?:,|\band)\s+$", before)
        if word in terms["position"] and listed and not has_org_head(n):
            return "part of a position"  # "Minister for Trade, Planning and [Regional Coordination]"
        if word in terms["position"] and (
            rest is not None and not any(w in terms["org_head"] for w in rest)
            or not any(w in terms["org_head"] for w in words[1:])
            and countries_in(n)[:1] and countries_in(n)[0][0] == 0
        ):
            # "Secretary of [Defense]", "Ambassador to [Mexico Ken Salazar]",
            # "Assistant Secretary of the [Air Force for Installations, Environment], and Energy"
            return "part of a position"
    if n in terms["portfolio"] and re.search(r"(?:,|\band)\s+$", before):
        clause = re.split(r"[.;:()\n]", before[-150:])[-1]
        if any(m.group(1) in terms["position"] for m in _TITLE_HEAD.finditer(clause)):
            return "part of a position"  # "Under Secretary of Defense for Personnel and [Readiness]"
    halves = n.split(" and ", 1)
    if len(halves) == 2 and all(len(h.split()) > 1 for h in halves) and (
            head_word(halves[0]) in terms["document"] and not has_org_head(halves[0])):
        return "document"  # "National Defense Strategy and Defense Buildup Program": listed with a document
    coord = _COORDINATED.match(after)
    if coord and not has_org_head(n) and any(w in terms["position"] for w in coord.group(1).split()):
        return "part of a position"  # "[National Security] and Intelligence Advisor"
    return None


def cut_person_tail(name: str) -> int:
    """Length of `name` without a person's name run into it: `Foreign Ministry Roberto Velasco` -> 16."""
    terms = load_terms()
    words = name.split(" ")
    for i, w in enumerate(words[:-2]):
        tail = words[i + 1:]
        if w in terms["office_head"] and 2 <= len(tail) <= 3:
            if all(t[:1].isupper() and t[1:].islower() and t not in terms["org_head"]
                   and t not in terms["connector"] and not country_of(t) for t in tail):
                return len(" ".join(words[: i + 1]))
    return len(name)


# "Commission" + " on the National Defense Strategy for the United States"
_CONTINUATION = re.compile(
    r"[ ](?:of|on|for)[ ](?:the[ ])?(?:(?:[A-Z]\.){2,}|[A-Z][\w’'&-]*)"
    # "... Security and the NATO Strategic ...": `and the` starts another body's name
    r"(?:[ ](?:(?:of|for|on|in(?=[ ]the))[ ](?:the[ ])?|(?:and|&)[ ])?(?:(?:[A-Z]\.){2,}|[A-Z][\w’'&-]*))*"
)


def extend_name(name: str, after: str) -> int:
    """How many characters of `after` continue an organization name that ends in its head word."""
    terms = load_terms()
    words = name.split()
    if not words or words[-1] not in terms["org_head"] or " of " in name or " on " in name:
        return 0
    m = _CONTINUATION.match(after)
    if not m:
        return 0
    ext = m.group()
    if any(w.strip(".,") in terms["time_word"] for w in ext.split()):
        return 0
    if ext.endswith(("'s", "’s")):
        if ext[:-2].split()[-1] in terms["org_head"]:
            return 0  # "Battalion" + " of the Army's five task forces": the possessor of what follows
        return len(ext) - 2  # "Department" + " of State" + "'s": the name without its possessive
    return len(ext)


# "University of Texas" + " at Austin": a campus named after `at`, one or two capitalized words.
_CAMPUS = re.compile(r"[ ]at[ ][A-Z][\w’'-]*(?:[ ][A-Z][\w’'-]*)?(?![\w’'-]|[ ][A-Z])")


def campus_extension(name: str, after: str) -> int:
    """How many characters of `after` name a university's campus: `University of Texas` + ` at Austin`."""
    if head_word(name) not in load_terms()["campus_head"]:
        return 0
    m = _CAMPUS.match(after)
    if not m or any(country_of(w) for w in m.group().split()[1:]):
        return 0
    return len(m.group())


_NEXT_WORD = re.compile(r" [A-Z][a-z][\w-]*\b")


def capitalized_run(after: str) -> int:
    """Length of the run of up to four capitalized words `after` starts with; 0 if it runs on.

    A possessive ends the run (`CIA National Clandestine Service’s Donovan Award`).
    """
    pos = 0
    for _ in range(4):
        m = _NEXT_WORD.match(after, pos)
        if not m:
            return pos
        pos = m.end()
        if after[pos:pos + 1] in ("’", "'"):
            return pos
    return 0 if _NEXT_WORD.match(after, pos) else pos


def names_a_document(text: str, bracket: int, short: str) -> bool:
    """Do capitalized words earlier in the sentence spell the short form and end in a document head?

    A treaty's long form is often too long for the definition window
    (`Strategic Framework Agreement for a Relationship of Friendship and
    Cooperation between the United States of America and the Republic of Iraq
    (SFA)`); its first words still spell the acronym, and the acronym then
    names the agreement, not a body.
    """
    sentence = re.split(r"[.;:!?\n]\s", text[max(0, bracket - 300):bracket])[-1]
    words = re.findall(r"[\w’'-]+", sentence)
    n = len(short)
    return any(all(w[:1].isupper() for w in words[i:i + n]) and "".join(w[0] for w in words[i:i + n]) == short
               and words[i + n - 1] in load_terms()["document"] for i in range(len(words) - n + 1))


# Instruments between parties: a body's name right before one of these names the treaty, not the body.
_TREATY_HEADS = frozenset({"Agreement", "Agreements", "Convention", "Treaty", "Accord", "Accords",
                           "Protocol"})
# A run starts only after a non-blank: a search tries one start per run of blanks, so it stays linear.
_CAPITALIZED_RUN = re.compile(r"(?<![ ])(?:[ ]+[A-Z][\w-]*)+")


def names_a_treaty(after: str) -> bool:
    """Do the capitalized words after a name end in a treaty head (`United Nations Fish Stocks Agreement`)?

    Only instruments: `NATO Strategic Concept` or `Army Doctrine` may still
    name the body in their first words.
    """
    run = _CAPITALIZED_RUN.match(after)
    return bool(run) and run.group().split()[-1] in _TREATY_HEADS
