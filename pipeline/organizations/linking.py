"""Organizations, linked: mentions grouped into one record per body, with its id and country.

`DND` and `Department of National Defence` are one record, `DND/CAF` two, and
a record's id is the same in every document (a slug of its gazetteer name, or
of its fullest name). The country comes from the gazetteer, the name, a
possessive owner (`Mexico's National Guard`) or, for a state body, the
sentence. Pure functions over mentions and text; mentions.py finds the
mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.countries import countries_in, country_in_name, country_of
from pipeline.index import Intervals
from pipeline.organizations import acronyms
from pipeline.organizations.gazetteer import GazetteerEntry, gazetteer_index, load_gazetteer
from pipeline.organizations.names import has_org_head, load_terms, norm, words_of
from pipeline.organizations.spans import OrgMention, is_acronym
from pipeline.rules import Rules, per_rules
from pipeline.surface import without_the


@dataclass
class OrgEntity:
    name: str
    acronym: str | None
    country: str | None
    org_id: str
    mentions: list[OrgMention] = field(default_factory=list)
    from_gazetteer: bool = False


def slug(name: str) -> str:
    """A stable id from a name: lower case ASCII words joined by hyphens."""
    s = name.lower().replace("’", "").replace("'", "").replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "org"


def _strip_country(name: str) -> str:
    """`Mexican Secretariat of National Defence` -> `Secretariat of National Defence`; `... of Canada` too."""
    s = norm(name)
    found = countries_in(s)
    if found and found[0][0] == 0:
        s = s[found[0][1]:].strip(" -")
    found = countries_in(s)
    if found and found[-1][1] == len(s):
        s = re.sub(r"\s+of(?:\s+the)?\s*$", "", s[: found[-1][0]])
    return s


def group(mentions: list[OrgMention], text: str | None = None) -> list[OrgEntity]:
    """One entity per organization of a document.

    Mentions join by gazetteer entry, by acronym (`DND` and `Department of
    National Defence (DND)`), by shortened form (`Secretariat of National
    Defence` after `Mexican Secretariat of National Defence`), else by name.
    With the document `text`, acronyms defined in one chunk are also found in
    the others, and a state body without a country in its name takes the
    first country the sentence names (`The Mexican ... delegation ... at the
    Foreign Ministry`).
    """
    gaz = {e.id: e for e in load_gazetteer()}
    mentions = _with_text_uses(mentions, text) if text is not None else list(mentions)
    long_of: dict[str, str] = {}
    for m in mentions:
        if m.acronym and m.text != m.acronym:
            long_of.setdefault(m.acronym, norm(m.text))
    named_entries = {m.entry_id for m in mentions if m.entry_id and not m.context}
    # "the Marines' new launcher" tagged by the model where `Marine Corps` is named: the same body
    by_context = {alias: e.id for e in gaz.values() for alias in e.context_aliases if e.id in named_entries}

    def key(m: OrgMention) -> str | None:
        if m.context:
            return f"gaz:{m.entry_id}" if m.entry_id in named_entries else None
        if m.entry_id:
            return f"gaz:{m.entry_id}"
        if m.text in by_context:
            return f"gaz:{by_context[m.text]}"
        if m.acronym and m.acronym in long_of:
            return f"name:{long_of[m.acronym]}"
        return f"name:{m.short_of or norm(m.text)}"

    groups: dict[str, list[OrgMention]] = {}
    for m in mentions:
        k = key(m)
        if k:
            groups.setdefault(k, []).append(m)
    _merge_shortened(groups)
    entities = [_entity(k, ms, gaz, text) for k, ms in groups.items()]
    return sorted(entities, key=lambda e: min(m.start for m in e.mentions))


def _with_text_uses(mentions: list[OrgMention], text: str) -> list[OrgMention]:
    have = {(m.start, m.end) for m in mentions}
    found = Intervals(have)  # a long document holds thousands of mentions: no scan of all per use
    out = list(mentions)
    known = {m.acronym: m.entry_id for m in mentions if m.acronym}
    for short, entry_id in known.items():
        for s, e in acronyms.find_uses(text, short):
            if (s, e) not in have and not found.overlaps_any((s, e)):
                out.append(OrgMention(s, e, short, entry_id, short))
    return out


def _merge_shortened(groups: dict[str, list[OrgMention]]) -> None:
    """Fold a `name:` group into the one other group whose name it shortens.

    Shortened: the name without its country (`Secretariat of National Defence`
    of `Mexican Secretariat of National Defence`) or its legal form (`Halvorsen Marine` of
    `Halvorsen Marine Inc`), its headquarters
    (`1st Armored Division` of `1st Armored Division Headquarter`), or the name's last words
    when they still end in an organization head (`National Clandestine
    Service` of `CIA National Clandestine Service`).
    """
    names = {k: {_strip_country(m.text) for m in ms if not m.context} | {norm(m.text) for m in ms}
             | {_without_legal_form(m.text) for m in ms} for k, ms in groups.items()}
    for k in [k for k in groups if k.startswith("name:")]:
        short = k[5:]
        tail = len(short.split()) > 1 and has_org_head(short)
        # "1st Armored Division Headquarter" and "1st Armored Division": a body's headquarters is the body
        seat = {short + " Headquarters", short + " Headquarter", short + " HQ"}
        targets = [t for t in groups if t != k and t in groups and (short in names[t] or tail and any(
            n.endswith(" " + short) for n in names[t]) or bool(seat & names[t]))
                   and len(max((norm(m.text) for m in groups[t]), key=len)) > len(short)]
        if len(targets) == 1:
            groups[targets[0]].extend(groups.pop(k))


def _without_legal_form(name: str) -> str:
    """`Halvorsen Marine Inc` -> `Halvorsen Marine`: a company is named with or without its legal form."""
    words = norm(name).split()
    if len(words) > 1 and words[-1].rstrip(".") in load_terms()["corporate_suffix"]:
        return " ".join(words[:-1])
    return norm(name)


def _entity(k: str, ms: list[OrgMention], gaz: dict[str, GazetteerEntry], text: str | None) -> OrgEntity:
    entry = gaz.get(k[4:]) if k.startswith("gaz:") else None
    full = [" ".join(m.text.split()) for m in ms if not m.context and not m.alias and not is_acronym(m.text)]
    acr = next((m.acronym for m in ms if m.acronym), None) or next(
        (m.text for m in ms if is_acronym(m.text)), None)
    # The fullest name, spelled out: "NATO Alliance" only when the text and the gazetteer have no other.
    spelled = [n for n in full if not (acr and acr in n.split())]
    name = max(spelled, key=len) if spelled else (
        entry.name if entry else (max(full, key=len) if full else acr or ms[0].text))
    country = entry.country if entry else country_in_name(name)
    if country is None and entry is None and text is not None:
        first = min(m.start for m in ms)
        country = _owner_country(text[max(0, first - 60):first])
        if country is None and _is_state_body(name):
            country = _sentence_country(text, first)
        # "Ukraine's Ministry of Defence": the gazetteer's Ministry of Defence of Ukraine, same id everywhere
        entry = _national_index().get((country, norm(name))) if country else None
    return OrgEntity(
        name=without_the(name),
        acronym=acr,
        country=country,
        org_id=slug(entry.name if entry else name),
        mentions=sorted(ms, key=lambda m: (m.start, m.end)),
        from_gazetteer=entry is not None,
    )


def _owner_country(before: str) -> str | None:
    """The country of a possessive owner right before a name.

    `Mexico’s National Guard` (a country), `the Department of Justice's
    National Security Division` (a known body: its country).
    """
    owner = re.search(r"((?:\S+ ){0,5}\S+)[’']s\s+$", before)
    if not owner:
        return None
    words = owner.group(1).split()
    if country_of(words[-1]):
        return country_of(words[-1])
    index = gazetteer_index()
    for k in range(len(words)):
        entry = index.get(norm(" ".join(words[k:])))
        if entry:
            return entry.country
    return None


@per_rules
def _national_index(rules: Rules) -> dict[tuple[str, str], GazetteerEntry]:
    """(country, name without its country) -> entry: `Ministry of Defence` of UKR is `ukr-mod`."""
    index: dict[tuple[str, str], GazetteerEntry] = {}
    for entry in load_gazetteer():
        if entry.country:
            for form in (entry.name, *entry.aliases):
                index.setdefault((entry.country, _strip_country(form)), entry)
    return index


def _is_state_body(name: str) -> bool:
    return any(w in load_terms()["state_head"] for w in words_of(name))


def _sentence_country(text: str, at: int) -> str | None:
    """The first country the sentence around `at` names (`The Mexican high-level delegation ...`)."""
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    found = countries_in(text[start:at])
    return found[0][2] if found else None
