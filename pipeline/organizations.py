"""Organizations: mention spans from the gazetteer ruler and the model, grouped into one record each.

Pure functions first (span trimming, acronym linking, grouping, ids), then the
one function that reads a spaCy Doc. Offsets here are offsets into the text the
Doc was built from; extract.py maps them back to the stored text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from spacy.tokens import Doc

from pipeline.errors import PatternError

GAZETTEER_FILE = "gazetteer.jsonl"


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    text: str
    entry_id: str | None = None  # gazetteer id when the ruler matched it


@dataclass
class OrgEntity:
    name: str
    acronym: str | None
    country: str | None
    org_id: str
    mentions: list[OrgMention] = field(default_factory=list)
    from_gazetteer: bool = False


@cache
def load_gazetteer() -> tuple[GazetteerEntry, ...]:
    """The packaged gazetteer; a malformed line is a PatternError naming the line."""
    text = resources.files("pipeline.data").joinpath(GAZETTEER_FILE).read_text(encoding="utf-8")
    entries = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            entries.append(
                GazetteerEntry(
                    id=row["id"],
                    name=row["name"],
                    acronyms=tuple(row.get("acronyms", [])),
                    aliases=tuple(row.get("aliases", [])),
                    country=row.get("country"),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise PatternError(f"{GAZETTEER_FILE}:{n}: {exc}") from exc
    return tuple(entries)


def gazetteer_patterns() -> list[dict]:
    """entity_ruler patterns: every name, alias and acronym of every entry, with its id."""
    patterns = []
    for entry in load_gazetteer():
        for surface in (entry.name, *entry.aliases, *entry.acronyms):
            patterns.append({"label": "ORG", "pattern": surface, "id": entry.id})
    return patterns


def slug(name: str) -> str:
    """A stable id from a name: lower case ASCII words joined by hyphens."""
    s = name.lower().replace("’", "").replace("'", "").replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "org"


_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_APOSTROPHES = "'’"
_TRAILING_PUNCT = "([{,.;:-"


def trim(start: int, end: int, text: str) -> tuple[int, int]:
    """Shrink a span to the name: no leading article, possessive, brackets or trailing punctuation."""
    span = text[start:end]
    m = _LEADING.match(span)
    if m:
        start += m.end()
    # From the right, one character test at a time (linear even on "'s's's..."):
    # "Canada's" -> "Canada", "DND)," -> "DND)", "(DND" -> "DND" below.
    while start < end:
        last = text[end - 1]
        if last == "s" and end - start >= 2 and text[end - 2] in _APOSTROPHES:
            end -= 2
        elif last in _APOSTROPHES or last in _TRAILING_PUNCT or last.isspace():
            end -= 1
        else:
            break
    while start < end and text[start] in "([{ \n":
        start += 1
    return start, end


def find_mentions(doc: Doc) -> list[OrgMention]:
    """ORG entities of the Doc, trimmed; spans broken by a paragraph break are cut there."""
    out = []
    text = doc.text  # built from the tokens on every access: once, not once per entity
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        start, end = ent.start_char, ent.end_char
        para = text.find("\n\n", start, end)
        if para != -1:
            end = para
        start, end = trim(start, end, text)
        if end > start:
            out.append(OrgMention(start, end, text[start:end], ent.ent_id_ or None))
    return out


def group(mentions: list[OrgMention]) -> list[OrgEntity]:
    """One entity per organization: gazetteer id, else the same normalized surface."""
    gazetteer = {e.id: e for e in load_gazetteer()}
    entities: dict[str, OrgEntity] = {}
    for m in mentions:
        entry = gazetteer.get(m.entry_id) if m.entry_id else None
        key = entry.id if entry else slug(m.text)
        if key not in entities:
            if entry:
                entities[key] = OrgEntity(
                    name=entry.name,
                    acronym=entry.acronyms[0] if entry.acronyms else None,
                    country=entry.country,
                    org_id=slug(entry.name),
                    from_gazetteer=True,
                )
            else:
                entities[key] = OrgEntity(
                    name=" ".join(m.text.split()), acronym=None, country=None, org_id=slug(m.text)
                )
        entities[key].mentions.append(m)
    return list(entities.values())
