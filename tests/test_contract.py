"""The output contract (CONTRACT.md) as consumers read it, written here independently of the
pydantic records: every field a consumer relies on is present with its JSON type, so a record
model that drops or retypes a field fails here even though its own schema would accept it."""

from __future__ import annotations

import re

import pytest

from pipeline.output import read_jsonl

STR, INT, LIST, DICT, NONE = str, int, list, dict, type(None)
ISO_DATE = re.compile(r"^-?\d{4,}-\d{2}-\d{2}$")

# file -> field -> JSON types it may have (CONTRACT.md)
CONTRACT: dict[str, dict[str, tuple[type, ...]]] = {
    "documents": {
        "doc_id": (STR,), "source": (STR,), "sha256": (STR,), "title": (STR, NONE), "published": (STR, NONE),
        "format": (STR,), "encoding": (STR,), "text_path": (STR,),
    },
    "organizations": {
        "doc_id": (STR,), "org_id": (STR,), "name": (STR,), "acronym": (STR, NONE), "country": (STR, NONE),
        "mentions": (LIST,),
    },
    "dates": {
        "doc_id": (STR,), "date_id": (STR,), "start": (INT,), "end": (INT,), "text": (STR,), "type": (STR,),
        "value": (STR,), "granularity": (STR,), "mod": (STR, NONE), "earliest": (STR, NONE),
        "latest": (STR, NONE), "range_end": (STR, NONE),
    },
    "events": {
        "doc_id": (STR,), "event_id": (STR,), "type": (STR,), "trigger": (DICT,), "sentence": (DICT,),
        "date": (DICT, NONE), "location": (DICT, NONE), "participants": (LIST,), "status": (STR,),
        "name": (STR, NONE), "event_key": (STR,),
    },
}
EVENT_TYPES = {"ESTABLISH", "MEET", "VISIT", "AGREE", "EXERCISE", "DEPLOY", "JOIN", "TRAIN", "AID"}
ROLES = {"host", "participant", "member", "provider", "recipient"}


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_every_row_has_the_contract_fields_with_their_types(extracted, name):
    out, _ = extracted
    rows = read_jsonl(out / f"{name}.jsonl")
    assert rows
    for row in rows:
        for field, types in CONTRACT[name].items():
            assert field in row, f"{name}: no {field} in {row}"
            value = row[field]
            assert isinstance(value, types) and not isinstance(value, bool), (name, field, value)


def test_nested_fields_and_values_follow_the_contract(extracted):
    out, _ = extracted
    for row in read_jsonl(out / "organizations.jsonl"):
        assert row["mentions"] and all(set(m) >= {"start", "end", "text"} for m in row["mentions"])
        assert row["country"] is None or re.fullmatch(r"[A-Z]{3}", row["country"])
    for row in read_jsonl(out / "dates.jsonl"):
        assert row["type"] in {"DATE", "TIME", "DURATION", "SET"}
        for end in ("earliest", "latest"):
            assert row[end] is None or ISO_DATE.match(row[end]), row
    for row in read_jsonl(out / "events.jsonl"):
        assert row["type"] in EVENT_TYPES and row["status"] in {"happened", "ongoing", "planned"}
        assert set(row["trigger"]) >= {"start", "end", "text"} and set(row["sentence"]) >= {"start", "end"}
        assert row["date"] is None or set(row["date"]) >= {"value", "date_id"}
        assert row["location"] is None or set(row["location"]) >= {"name", "country"}
        for p in row["participants"]:
            assert set(p) >= {"name", "org_id", "country", "role"} and p["role"] in ROLES
