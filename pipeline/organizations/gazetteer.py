"""The organization gazetteer: known bodies with their names, acronyms, aliases and country.

Loaded from `data/gazetteer.jsonl` (one entry a line, with an `id` and a real
example) and `data/international.jsonl` (IGOs and NGOs derived from PETRARCH2,
see the data README); nlp.py turns it into entity_ruler patterns so that known bodies get
whole, canonical spans, and mentions.py takes canonical names, ids and
countries from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.organizations.names import norm
from pipeline.rules import Rules, per_rules


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str | None
    context_aliases: tuple[str, ...] = ()  # "Alliance": NATO only where NATO is named


@per_rules
def load_gazetteer(rules: Rules) -> tuple[GazetteerEntry, ...]:
    """The gazetteer of the active rules: a user's bodies, the package's, then the derived IGOs and NGOs.

    The derived ones come last so that a hand-written entry (the authority, with
    its context aliases) wins every surface both have."""
    return tuple(
        GazetteerEntry(id=row.id, name=row.name, acronyms=row.acronyms, aliases=row.aliases,
                       country=row.country, context_aliases=row.context_aliases)
        for row in (*rules.gazetteer, *rules.international)
    )


@per_rules
def gazetteer_index(rules: Rules) -> dict[str, GazetteerEntry]:
    """Normalized name, alias and acronym to entry (first entry wins)."""
    index: dict[str, GazetteerEntry] = {}
    for entry in load_gazetteer():
        for surface in (entry.name, *entry.aliases, *entry.acronyms):
            index.setdefault(norm(surface), entry)
    return index


def gazetteer_patterns() -> list[dict]:
    """entity_ruler patterns: every name, alias and acronym of every entry, with its id."""
    patterns = []
    for entry in load_gazetteer():
        for surface in (entry.name, *entry.aliases, *entry.acronyms):
            patterns.append({"label": "ORG", "pattern": surface, "id": entry.id})
    return patterns
