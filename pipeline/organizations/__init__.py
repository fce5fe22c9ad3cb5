"""Organizations stage: mentions in each chunk, then one record per body of the document.

    mentions.py  candidates from the gazetteer ruler, the model and the text, to mentions
    spans.py     where a name starts and ends; `OrgMention`, the found item
    names.py     what is not an organization; trimming a name
    acronyms.py  long forms and their short forms (Schwartz & Hearst 2003, extended)
    units.py     a unit named by its chain of command (`D Battery, 5th Battalion, ...`)
    equipment.py weapon systems the model takes for bodies (`Typhon launchers`)
    cues.py      names a cue word marks as bodies (`NGO Coral Watch`, `Fundación X`, `X Inc`)
    gazetteer.py known bodies with ids, acronyms and countries (`data/gazetteer.jsonl`)
    linking.py   mentions grouped into records (`OrgEntity`) with ids and countries

`find` reads one chunk; `link` groups a whole document's mentions. Both work
in the offsets of the document's cleaned text.
"""

from __future__ import annotations

from pipeline.nlp import Chunk
from pipeline.organizations.gazetteer import gazetteer_patterns
from pipeline.organizations.linking import OrgEntity, group
from pipeline.organizations.mentions import find_mentions
from pipeline.organizations.spans import OrgMention
from pipeline.rules import active_rules
from pipeline.rules.user import normalized

__all__ = ["OrgEntity", "OrgMention", "by_mention", "find", "gazetteer_patterns", "link"]


def find(chunk: Chunk) -> list[OrgMention]:
    """The organization mentions of one chunk, in document offsets (less the user's non-organizations)."""
    never = active_rules().not_organizations
    found = find_mentions(chunk)
    return [m.shifted(chunk.offset) for m in found if not never or normalized(m.text) not in never]


def link(mentions: list[OrgMention], text: str) -> list[OrgEntity]:
    """One record per organization of a document: `DND` and its long form are one, with id and country."""
    return group(mentions, text)


def by_mention(entities: list[OrgEntity]) -> dict[tuple[int, int], OrgEntity]:
    """The record each mention span belongs to."""
    return {(m.start, m.end): ent for ent in entities for m in ent.mentions}
