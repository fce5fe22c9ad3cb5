"""A user's own rules: bodies they know, names that are not bodies, extra trigger words.

A folder (`extract --rules DIR`, default `rules/` at the project root when it
exists) may hold three JSON Lines files, each row validated by its model in
rows.py:

    organizations.jsonl      {"name": ..., "acronym": ..., "aliases": [...], "country": "CAN"}
    not_organizations.jsonl  {"text": "Joint Warfighting Assessment"}
    event_triggers.jsonl     {"type": "MEET", "word": "huddle", "pos": "VERB"}

A user's organization becomes a gazetteer entry ahead of the packaged ones
(linked, given its country, matched by the ruler); a trigger word joins the
open trigger lexicon (`data/event_triggers.jsonl`), so it goes through the same
factuality and argument rules as the packaged trigger words. A bad line is a
PatternError `FILE:LINE: reason`, raised before any document is read.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from pipeline.errors import PatternError
from pipeline.rules import Rules, validation_reason
from pipeline.rules.rows import (
    EventTriggerRow,
    GazetteerRow,
    UserNonOrganization,
    UserOrganization,
    UserTrigger,
)

FILES = ("organizations.jsonl", "not_organizations.jsonl", "event_triggers.jsonl")
M = TypeVar("M", bound=BaseModel)


def _rows(path: Path, model: type[M]) -> list[tuple[int, M]]:
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternError(f"{path}: cannot read: {exc}") from exc
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                out.append((n, model.model_validate_json(line)))
            except ValidationError as exc:
                raise PatternError(f"{path}:{n}: {validation_reason(exc, whole='line')}") from exc
    return out


def normalized(name: str) -> str:
    """How a user's `not_organizations` name is compared: case, spaces and a leading `the` aside."""
    s = " ".join(name.replace("’", "'").split()).lower()
    return re.sub(r"^the\s+", "", s)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "org"


def _entry(path: Path, n: int, org: UserOrganization) -> GazetteerRow:
    return GazetteerRow(
        id=f"user-{_slug(org.name)}", example=f"{path.name}:{n}", name=org.name,
        acronyms=(org.acronym,) if org.acronym else (), aliases=org.aliases, country=org.country,
    )


def _trigger(path: Path, n: int, trigger: UserTrigger) -> EventTriggerRow:
    return EventTriggerRow(
        id=f"user-{trigger.type.lower()}-{_slug(trigger.word)}", example=f"{path.name}:{n}",
        type=trigger.type, lemma=trigger.word, pos=trigger.pos, source=str(path),
    )


def fingerprint(folder: Path) -> str:
    """A hash of the rule files' bytes: part of every cache key, so a changed rule re-extracts."""
    h = hashlib.sha256()
    for name in FILES:
        path = folder / name
        h.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b"-") + b"\0")
    return h.hexdigest()


def with_user_rules(rules: Rules, folder: Path) -> Rules:
    """`rules` plus the user's rules of `folder` (a missing folder is an error, a missing file is not)."""
    if not folder.is_dir():
        raise PatternError(f"{folder}: rules folder not found")
    orgs = _rows(folder / "organizations.jsonl", UserOrganization)
    names = _rows(folder / "not_organizations.jsonl", UserNonOrganization)
    triggers = _rows(folder / "event_triggers.jsonl", UserTrigger)
    org_file, trigger_file = folder / "organizations.jsonl", folder / "event_triggers.jsonl"
    return replace(
        rules,
        gazetteer=tuple(_entry(org_file, n, o) for n, o in orgs) + rules.gazetteer,
        event_triggers=rules.event_triggers + tuple(_trigger(trigger_file, n, t) for n, t in triggers),
        not_organizations=rules.not_organizations | {normalized(r.text) for _, r in names},
        fingerprint=fingerprint(folder),
        _derived={},
    )
