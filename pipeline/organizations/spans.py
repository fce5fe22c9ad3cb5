"""Where an organization's name starts and ends: candidate spans cleaned, split, joined and found.

The model's ORG spans and the ruler's gazetteer spans are candidates; these
functions trim them (names.trim), split what holds two bodies (`DND/CAF`,
`Tufts University’s Fletcher School`, a dateline's dashes), extend what the
model cut short (`... Centre` + ` of Excellence for Energy Security`, `12th` +
` Marine Regiment`, `University of Texas` + ` at Austin`), join a name cut at
`and`, and find names the model left untagged. Pure functions over text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.countries import countries_in, country_of, place_table
from pipeline.index import Intervals
from pipeline.organizations import acronyms
from pipeline.organizations.cues import corporate_suffix
from pipeline.organizations.gazetteer import gazetteer_index
from pipeline.organizations.names import (
    campus_extension,
    capitalized_run,
    cut_person_tail,
    extend_name,
    has_org_head,
    head_word,
    load_terms,
    norm,
    trim_name,
)


def is_acronym(s: str) -> bool:
    return acronyms.is_short_form(s) and sum(c.isupper() for c in s) * 2 > len(s)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    entry_id: str | None


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    text: str
    entry_id: str | None = None  # gazetteer id when the ruler or a gazetteer surface matched it
    acronym: str | None = None  # the acronym this mention is, or is the long form of
    context: bool = False  # a context alias: kept only when its entry is named elsewhere
    short_of: str | None = None  # the full name it shortens: "Berklee" of "Berklee College of Music"
    alias: bool = False  # another-language name in brackets: never the record's name

    def shifted(self, offset: int) -> OrgMention:
        return replace(self, start=self.start + offset, end=self.end + offset)


# How far a rule looks around a candidate: more than every rule reads (the longest, a position's
# title before `of`, reads 150 characters), and a bound, so that a text with no line break
# (5 MB on one line) costs the same per candidate as prose.
CONTEXT_CHARS = 256


def line_around(text: str, start: int, end: int) -> tuple[str, str]:
    """Text before and after a span within its line (the cleaned view joins wrapped lines),
    at most `CONTEXT_CHARS` characters each side."""
    floor = max(0, start - CONTEXT_CHARS)
    ls = text.rfind("\n", floor, start)
    ceiling = min(len(text), end + CONTEXT_CHARS)
    le = text.find("\n", end, ceiling)
    return text[ls + 1 if ls != -1 else floor:start], text[end: le if le != -1 else ceiling]


# "Soldiers of the " before a unit's name: people of a body.
_PEOPLE_OF = re.compile(r"([A-Z][a-z]+)[ ]of[ ](?:the[ ])?(?=[A-Z0-9])")
# "NGO " before "Coral Watch"
_CLASS_BEFORE = re.compile(r"(?<!\S)(\S+)[ ](?=[A-Z])")
# "Ottawa, Ontario - National Defence / Canadian Armed Forces": a dateline's spaced dash parts names.
_SPACED_DASH = re.compile(r" [-–—] ")
# "Colombian Ministry of " before a known name: capitalized words ending in a head, then `of (the)`.
_HEAD_OF = re.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]*[ ]){0,3}[A-Z][\w’'-]*)[ ]of[ ](?:the[ ])?$")
# " High Commissioner for Human Rights": the rest of such a name.
_RUN_ON = re.compile(r"(?:[ ](?:(?:of|for|on)[ ](?:the[ ])?)?[A-Z][\w’'-]*)*")
# "Bureau of Population, Refugees": a list inside a name's complement ...
_LIST_STARTED = re.compile(r" (?:of|for|on) [^,]+, [A-Z]")
# ... that the model cut before its last item: ", and Migration".
_LIST_END = re.compile(r",?[ ](?:and|&)[ ][A-Z][\w’'-]*(?![\w’'-]|[ ][A-Z])")
# "the 1 Canadian Air Division", "the 12th Marine Regiment": a unit's number starts its name.
# "12th" + " Marine Littoral Regiment", "443" + " Maritime" + " Helicopter Squadron": a unit's number,
# with the capitalized words the model left between it and the name
# "I Corps", "XVIII Airborne Corps": a Roman numeral numbers a corps.
_UNIT_NUMBER = re.compile(
    r"(?<![\w,.$])(?:\d{1,3}(?:st|nd|rd|th)?|(?P<roman>[IVX]{1,5}))[ ]"
    r"(?:[A-Z][\w’'-]*[ ]){0,3}$")
# "1st MDTF": an ordinal before an acronym numbers a unit of that kind, another body.
ORDINAL_BEFORE = re.compile(r"(?<![\w,.$])\d{1,3}(?:st|nd|rd|th)[ ]$")
# "Lockheed Martin" + " Canada" (a country's name, then no more capitalized words)
_NATIONAL_SUFFIX = re.compile(r"[ ]([A-Z][\w.]*(?:[ ][A-Z][\w.]*)?)(?![\w’'-]|[ ][A-Z])")
# "the Mexican Attorney " before "General's Office": up to three capitalized words.
_TITLE_BEFORE = re.compile(r"(?<![\w.’'-])(?:[A-Z][\w.-]*[ ]){1,3}$")
# "the Spanish " before "Navy": a nationality the model left out of the name.
_NATION_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][\w.]*)[ ]$")
# "General Dynamics Land Systems" + "–Canada": a company's national arm, glued by a dash.
_NATIONAL_ARM = re.compile(r"[-–][A-Z][\w.]*(?: [A-Z][\w.]*)?(?![\w-])")


def clean_candidate(c: Candidate, text: str) -> list[Candidate]:
    """Trimmed; split at `/` between acronyms (`DND/CAF`); cut before a person; extended over `of ...`."""
    start, end = trim_name(c.start, c.end, text)
    if end <= start:
        return []
    end += corporate_suffix(text[end:end + 8])  # "Halvorsen Marine" + " Inc"
    crew = _PEOPLE_OF.match(text, start, end)
    if crew and crew.group(1) in load_terms()["personnel"]:
        start = crew.end()  # "Soldiers of the Harbor Brigade": the people are not the body's name
    kind = _CLASS_BEFORE.match(text, start, end)
    if kind and kind.group(1) in load_terms()["class_noun"]:
        start = kind.end()  # "NGO Coral Watch": the class noun is not the body's name
    span = text[start:end]
    known = re.fullmatch(r"(\S+) Headquarters", span)
    if known and is_acronym(known.group(1)):
        end = start + len(known.group(1))  # "TRADOC Headquarters": the body's seat, named for the body
        span = text[start:end]
    if "/" in span and all(is_acronym(p) for p in span.split("/")):
        out, pos = [], start
        for part in span.split("/"):
            out.append(Candidate(pos, pos + len(part), None))
            pos += len(part) + 1
        return out
    verb = next((m for m in re.finditer(r"\S+", span) if m.group() in load_terms()["headline_verb"]), None)
    if verb and not c.entry_id:
        # "Biden-Harris Administration Announces New Actions": a title-case headline runs on over its verb.
        parts = [Candidate(start, start + verb.start(), None), Candidate(start + verb.end(), end, None)]
        pieces = [p for c2 in parts if c2.end > c2.start for p in clean_candidate(c2, text)]
        return [p for p in pieces if head_word(text[p.start:p.end]) in load_terms()["org_head"]
                or is_acronym(text[p.start:p.end])]
    dash = _SPACED_DASH.search(span)
    if dash:
        # "Ontario - National Defence /": keep only the parts that name a body by themselves.
        parts = [Candidate(start, start + dash.start(), None), Candidate(start + dash.end(), end, None)]
        return [p for c2 in parts for p in clean_candidate(c2, text)
                if has_org_head(text[p.start:p.end]) or is_acronym(text[p.start:p.end])]
    poss = re.search(r"[’']s\s+(?=[A-Z])", span)
    if poss and not c.entry_id:
        # "Tufts University’s Fletcher School of Law and Diplomacy": a body's possessive before another body.
        left, right = span[:poss.start()], span[poss.end():]
        known = is_acronym(left) or norm(left) in gazetteer_index()
        if (has_org_head(left) or known) and has_org_head(right):
            return [*clean_candidate(Candidate(start, start + poss.start(), None), text),
                    *clean_candidate(Candidate(start + poss.end(), end, None), text)]
    # "Mexico’s National Guard": a country's possessive is a determiner, not part of the name.
    owner = re.match(r"(\S+)[’']s\s+(?=[A-Z])", span)
    if owner and country_of(owner.group(1)):
        start += owner.end()
        span = text[start:end]
    end = start + cut_person_tail(span)
    seat = re.search(r" at (?=[A-Z])", text[start:end])
    if seat and not c.entry_id and has_org_head(text[start:start + seat.start()]) \
            and head_word(text[start:start + seat.start()]) not in load_terms()["campus_head"]:
        end = start + seat.start()  # "Maneuver Center of Excellence at Ft. Benning": the body, not its seat
    before, after = line_around(text, start, end)
    adjective = _NATION_BEFORE.search(before)
    if adjective and country_of(adjective.group(1)) and span.split()[0] in load_terms()["org_head"]:
        start -= len(before) - adjective.start(1)  # "the Spanish" + "Navy"
        span = text[start:end]
    if c.entry_id:
        # "Office of the " + "United Nations" + " High Commissioner for Human Rights": a known body as the
        # complement of a longer body's name.
        before, _ = line_around(text, start, end)
        lead = _HEAD_OF.search(before)
        if lead and lead.group(1).split()[-1] in load_terms()["org_head"]:
            run_on = _RUN_ON.match(after)
            return [Candidate(start - len(before) + lead.start(), end + run_on.end(), None)]
        # "Lockheed Martin" + " Canada": a body's national arm is another body.
        arm = _NATIONAL_SUFFIX.match(after)
        place = place_table().get(arm.group(1)) if arm else None
        if place and place.kind == "country" and place.name == arm.group(1):
            return [Candidate(start, end + arm.end(), None)]
        # "Canadian Forces Intelligence Command": a known name that starts a longer one is another body;
        # the whole capitalized run must end in the head: not "NSA Exceptional Civilian Service Awards".
        run = capitalized_run(after)
        if run == len(after[:run]) and len(after[:run].split()) == 1 and has_org_head(text[start:end]) \
                and after[run:].startswith(" of "):
            # "Department of State" + " Bureau of Oceans ...": the known body owns the bureau, another body
            bureau = end + 1
            tail = bureau + run - 1
            tail += extend_name(text[bureau:tail], text[tail:])
            return [Candidate(start, end, c.entry_id), Candidate(bureau, tail, None)]
        if run and after[:run].split()[-1] in load_terms()["org_head"]:
            # "NATO Centre" + " of Excellence for Energy Security"
            run += extend_name(text[start:end + run], after[run:])
            return [Candidate(start, end + run, None)]
        return [Candidate(start, end, c.entry_id)]
    end += extend_name(text[start:end], after)
    end += _shared_head(text[start:end], after)
    start -= _left_conjunct(text[start:end], line_around(text, start, end)[0])
    before, _ = line_around(text, start, end)
    title = _TITLE_BEFORE.search(before)
    if title and re.match(r"[\w-]+[’']s ", span):
        start -= len(before) - title.start()  # "Mexican Attorney " + "General's Office"
        before = before[:title.start()]
    number = _UNIT_NUMBER.search(before)
    unit_heads = load_terms()["unit_head"]
    words = text[start:end].split()
    # any word: "10th" + " Mountain Division Public Affairs", "1st" + " Armored Brigade Combat Team"
    ordinal = ORDINAL_BEFORE.search(before)
    if number and any(w in unit_heads for w in words) and (
            not number.group("roman") or "Corps" in words):
        start -= len(before) - number.start()  # "12th" + " Marine Littoral Regiment", "I" + " Corps"
    elif ordinal and (is_acronym(words[0]) or has_org_head(text[start:end])):
        # "1st" + " MDTF", "7th" + " Army Training Command", "7th" + " ATC Public Affairs Office"
        start -= len(before) - ordinal.start()
    if _LIST_STARTED.search(text, start, end):
        listed = _LIST_END.match(after)  # "Bureau of Population, Refugees" + ", and Migration"
        end += listed.end() if listed else 0
    end += _coordinated_complement(text[start:end], text[end:])
    _, after = line_around(text, start, end)
    end += campus_extension(text[start:end], after)
    arm = _NATIONAL_ARM.match(after)
    if arm:
        end += next((len(f) for f in (arm.group(), arm.group().split(" ")[0]) if country_of(f[1:])), 0)
    return [Candidate(start, end, c.entry_id)]


# " and Navy Operations Center": a second conjunct that carries the head both share.
_AND_HEADED = re.compile(r"[ ](?:and|&)[ ]((?:[A-Z][\w’'-]*[ ]){0,4}[A-Z][\w’'-]*)(?![\w’'-]|[ ][A-Z])")
# "Rapid Capabilities and " before "Critical Technologies Office": a first conjunct without a head.
_HEADLESS_BEFORE = re.compile(r"(?<![\w’'.-])((?:[A-Z][\w-]*[ ]){0,2}[A-Z][\w-]*)[ ](?:and|&)[ ]$")


def _shared_head(name: str, after: str) -> int:
    """How far `Joint Regional Air` runs on over ` and Navy Operations Center`: the head is shared.

    A name of two words or more with no head of its own, followed by `and` and
    capitalized words that end in a head (a body's, or a document's, which the
    filters then reject: `Stormont House and Fresh Start Agreements`).
    """
    m = _AND_HEADED.match(after)
    terms = load_terms()
    if not m or len(name.split()) < 2 or has_org_head(name) or countries_in(name) or any(
            name.split()[-1] in terms[k] for k in ("document", "event", "abstract")):
        return 0  # not "National Defense Strategy" + " and Defense Buildup Program"
    last = m.group(1).split()[-1]
    heads = ("org_head", "document", "event", "place_head")
    return m.end() if any(last in terms[k] for k in heads) else 0


def _left_conjunct(name: str, before: str) -> int:
    """How far `Critical Technologies Office` starts earlier over `Rapid Capabilities and `.

    The first conjunct has no head, names no country, place, position or known
    body; the name after `and` has a head both share.
    """
    m = _HEADLESS_BEFORE.search(before)
    if not m or len(name.split()) < 2 or not has_org_head(name) or countries_in(name.split()[0]):
        return 0
    first, terms = m.group(1), load_terms()
    if (has_org_head(first) or countries_in(first) or norm(first) in gazetteer_index() or is_acronym(first)
            or first in place_table() or any(w in terms["position"] or w in terms["time_word"]
                                             or w in terms["generic"] for w in first.split())):
        return 0
    return len(before) - m.start(1)


# " and Eurasian Affairs": the second half of a complement, capitalized words and small words between
_AND_COMPLEMENT = re.compile(r"[ ]and[ ]((?:[A-Z][\w’'-]*)(?:[ ](?:(?:of|and|the)[ ])*[A-Z][\w’'-]*)*)")


def _coordinated_complement(name: str, after: str) -> int:
    """How far `Bureau of European` runs on over ` and Eurasian Affairs`: a complement cut at `and`.

    Only a name with a head and an `of`/`for` complement whose last word is no
    body's head (`European` is left hanging); the second half must name no
    body of its own (no head, no country, not known).
    """
    m = _AND_COMPLEMENT.match(after)
    if not m or not re.search(r" (?:of|for) ", name) or not has_org_head(name):
        return 0
    second = m.group(1)
    if second.split()[0] in ("The", "A", "An"):
        return 0  # "Ministry of Defence" + " and The Rt Hon ...": a capitalized article starts another phrase
    if (name.split()[-1] in load_terms()["org_head"] or has_org_head(second) or countries_in(second)
            or norm(second) in gazetteer_index() or is_acronym(second.split()[0])):
        return 0
    return m.end()


def joined(cands: list[Candidate], text: str) -> list[Candidate]:
    """`Senate Committee on Homeland Security` + ` and ` + `Governmental Affairs`: one name cut in two.

    The model cuts a body's name at `and` when the name's complement is a
    coordination; the second part names no body of its own (no head, no
    acronym, no country, not in the gazetteer).
    """
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, c.end)):
        prev = out[-1] if out else None
        first, second = (text[prev.start:prev.end], text[c.start:c.end]) if prev else ("", "")
        if (prev and prev.entry_id is None and c.entry_id is None and text[prev.end:c.start] == " and "
                and re.search(r" (?:of|on|for) ", first) and has_org_head(first)
                and not has_org_head(second) and not is_acronym(second)
                and not countries_in(second) and norm(second) not in gazetteer_index()):
            out[-1] = Candidate(prev.start, c.end, None)
        else:
            out.append(c)
    return out


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# "System of Cooperation Among the American Air Forces": capitalized words and the small words between.
_NAME_WORD = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'-]*|of|the|and|for|on|among|de|la|del|des|y)\s+$")


def named_start(text: str, start: int, floor: int, initial: str) -> int:
    """Where a name that ends in an entity starts, for an acronym in another language's order.

    `... members of the System of Cooperation Among the American Air Forces
    (SICOFAA)`: the model tags `American Air Forces`; the name runs left over
    capitalized and small words to the nearest word with the acronym's
    first letter (`System`), within the definition's window.
    """
    if text[start:start + 1] == initial:
        return start
    pos = start
    while pos > floor:
        m = _NAME_WORD.search(text, max(floor, pos - 40), pos)
        if not m:
            break
        pos = m.start()
        if text[pos:pos + 1] == initial:
            return pos
    return start


# "Heroico Colegio Militar", "Canadian Coast Guard": capitalized words and the small words inside names.
# A period inside a word only: "U.S. Air Force", but not "Security. She".
_CAPITALIZED_RUN = re.compile(
    r"(?<![\w’'.-])[A-Z][\w’'-]*"
    r"(?:[ ](?:(?:of|for|on|the|and|de|del|la|y|&)[ ])*[A-Z](?:[\w’'-]|\.(?=\w))*)+")


def untagged_names(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names the model left untagged that still read as bodies: a capitalized run with an organization head.

    `the Heroico Colegio Militar in Mexico City`: the small model tags no
    entity there; the run's head word (`Colegio`) says it names a body. Runs
    that touch an entity are the model's to judge; the usual filters
    (positions, events, documents) still apply downstream.
    """
    out = []
    runs = []
    tagged = Intervals(taken)
    for m in _CAPITALIZED_RUN.finditer(text):
        # "Atlantic Council’s Scowcroft Center ...": a possessive ends one name and starts the next.
        pos = m.start()
        for p in re.finditer(r"[’']s ", m.group()):
            runs.append((pos, m.start() + p.start()))
            pos = m.start() + p.end()
        runs.append((pos, m.end()))
    for span in _split_bodies(text, runs):
        name = text[span[0]:span[1]]
        if tagged.overlaps_any(span) or " " not in name or not has_org_head(name):
            continue
        out.append(span)
    return out


def _split_bodies(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`Canadian Ranger Patrol Group and the Royal Canadian Air Force`: two bodies, each half with a head.

    `Office of Management and Budget` stays whole: `Budget` names no body.
    """
    out = []
    for start, end in runs:
        name = text[start:end]
        cut = re.search(r" (?:and|&) (?:the )?", name)
        if cut and has_org_head(name[:cut.start()]) and has_org_head(name[cut.end():]):
            out += [(start, start + cut.start()), (start + cut.end(), end)]
        else:
            out.append((start, end))
    return out
