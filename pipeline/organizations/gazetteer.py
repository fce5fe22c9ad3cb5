"""The organization gazetteer: known bodies with their names, acronyms, aliases and country.

Loaded from `data/gazetteer.jsonl` (one entry a line, with an `id` and a real
example); nlp.py turns it into entity_ruler patterns so that known bodies get
whole, canonical spans, and mentions.py takes canonical names, ids and
countries from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipeline.errors import PatternError
from pipeline.organizations.names import norm
from pipeline.ruledata import jsonl_rows

GAZETTEER_FILE = "gazetteer.jsonl"


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str | None
    context_aliases: tuple[str, ...] = ()  # "Alliance": NATO only where NATO is named


@cache
def load_gazetteer() -> tuple[GazetteerEntry, ...]:
    """The packaged gazetteer; a malformed line is a PatternError naming the line."""
    entries = []
    for n, row in jsonl_rows(GAZETTEER_FILE):
        try:
            entries.append(GazetteerEntry(
                id=row["id"], name=row["name"], acronyms=tuple(row.get("acronyms", [])),
                aliases=tuple(row.get("aliases", [])), country=row.get("country"),
                context_aliases=tuple(row.get("context_aliases", [])),
            ))
        except (KeyError, TypeError) as exc:
            raise PatternError(f"{GAZETTEER_FILE}:{n}: {exc}") from exc
    return tuple(entries)


@cache
def gazetteer_index() -> dict[str, GazetteerEntry]:
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
