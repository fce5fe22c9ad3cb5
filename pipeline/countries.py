"""Countries: names, aliases, adjectives and demonyms to ISO 3166-1 alpha-3.

Organizations take their country from their name (`Mexican Secretariat of the
Navy`, `Foreign and Defence Ministries of Canada`, `U.S. Air Force`); events
name a participant's country from a nationality adjective (`Mexican
students`). Both use this one table, `data/countries.jsonl`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules import Rules, per_rules
from pipeline.surface import fold, without_the


@per_rules
def _surfaces(rules: Rules) -> dict[str, str | None]:
    """Every surface form (as written) to its ISO alpha-3 code, or None for a region.

    Regions are listed so that `Inter-American` or `North American` are read
    whole and never as `American`.
    """
    out: dict[str, str | None] = {}
    for row in rules.countries:  # iso3 is null for a region: "North American" names no country
        for form in (row.name, *row.aliases, *row.adjectives, *row.demonyms):
            out.setdefault(form, row.iso3)
    return out


@per_rules
def _finder(rules: Rules) -> re.Pattern[str]:
    # Longest forms first so that "United States of America" wins over "United States".
    forms = sorted(_surfaces(), key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    # "U.S.-Canada", "of Canada", "Mexican": whole words; a period may end a form ("U.S.").
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")


@per_rules
def _aliases(rules: Rules) -> frozenset[str]:
    """The other names of countries (`French Republic`, `Britain`, `U.S.`), not their adjectives."""
    return frozenset(form for row in rules.countries if row.iso3 for form in row.aliases)


_ABBREVIATION = re.compile(r"^[A-Z][A-Z.]*$")


def called(surface: str, name: str) -> tuple[str, str | None]:
    """(name, acronym) a country goes by where the text says `surface` for the country `name`.

    The text's own other name is kept (`the French Republic`, `Britain`); an abbreviation is
    the country's acronym beside its name (`U.S.`, `UK`); an adjective names the country
    (`Mexican` -> Mexico).
    """
    if surface == name or surface not in _aliases():
        return name, None
    if _ABBREVIATION.match(surface):
        return name, surface
    return surface, None


def country_of(text: str) -> str | None:
    """The ISO alpha-3 code of a country name, alias, adjective or demonym, else None.

    `country_of("Mexican") == "MEX"`, `country_of("the United States") == "USA"`.
    """
    s = without_the(fold(text))
    s = re.sub(r"[’']s$", "", s)
    return _surfaces().get(s)  # case-sensitive: "US" is a country, "us" is not


def is_nationality(word: str) -> bool:
    """Is the word a country's or a region's name or adjective (`Mexican`, `European`)?

    Unlike `country_of`, a region counts: `European Allies` names no body.
    """
    return word in _surfaces()


def countries_in(text: str) -> list[tuple[int, int, str]]:
    """Every country expression inside a longer text: (start, end, iso3), in order."""
    found = ((m.start(), m.end(), _surfaces()[m.group()]) for m in _finder().finditer(text))
    return [(s, e, iso) for s, e, iso in found if iso]


def country_in_name(name: str) -> str | None:
    """The one country a name implies (`Mexican Embassy`, `... of Canada`); None for none or several.

    `U.S.-Canada Supply Chain Working Group` names two countries: a joint body, no country.
    """
    found = {iso for _, _, iso in countries_in(" ".join(name.split()))}
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class Place:
    """A country, a region, or a place inside a country (`Cold Lake` is in CAN).

    `name` is the canonical name a participant or location is called by.
    """

    id: str
    kind: str  # "country", "region" or "place"
    name: str
    country: str | None


@per_rules
def place_table(rules: Rules) -> dict[str, Place]:
    """Surface form (exact case) -> Place, over countries, regions and places.

    Countries and regions come from `countries.jsonl`, towns, capitals, bases and
    provinces from `places.jsonl`; one table so that events find `Mexican`,
    `North American` and `Cold Lake` with one lookup.
    """
    table: dict[str, Place] = {}
    for c in rules.countries:
        country = Place(c.id, "country" if c.iso3 else "region", c.name, c.iso3)
        for form in (c.name, *c.aliases, *c.adjectives, *c.demonyms):
            table.setdefault(form, country)
    for p in rules.places:
        place = Place(p.id, "place", p.name, p.country)
        for form in (p.name, *p.aliases):
            table.setdefault(form, place)
    return table
