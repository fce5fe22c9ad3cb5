"""Organizations, the whole stage on the first source: the wrong spans issue 3 listed stay gone.

The modules have their own test files (test_organizations_names, _mentions,
_linking; test_countries).
"""

from __future__ import annotations

import pytest
from conftest import SOURCES

from pipeline.ingest import clean, load_source
from pipeline.output import read_jsonl

FIRST = "canada-mexico-defence-relationship"


# ---------------------------------------------------------------- issue 3 regressions


@pytest.fixture(scope="module")
def first_source_records(extracted):
    out, _ = extracted
    return [r for r in read_jsonl(out / "organizations.jsonl") if r["doc_id"] == FIRST]


@pytest.mark.parametrize(
    "wrong",
    [
        "the Department of National Defence (DND",
        "Directorate of Military Training and Cooperation\n\n \n\nMexico",
        "the Rim of the Pacific Exercise",
        "Rim of the Pacific Exercise",
        "DND/CAF",
    ],
)
def test_issue_wrong_spans_are_gone(first_source_records, wrong):
    texts = {m["text"] for r in first_source_records for m in r["mentions"]}
    assert wrong not in texts


def test_issue_dnd_is_one_record_with_every_mention(first_source_records):
    dnd = [r for r in first_source_records if r["acronym"] == "DND" or r["name"] == "DND"]
    assert len(dnd) == 1
    assert dnd[0]["name"] == "Department of National Defence"
    assert [m["text"] for m in dnd[0]["mentions"]] == ["Department of National Defence", "DND", "DND", "DND"]


def test_issue_mentions_are_clean(first_source_records):
    text = clean(load_source(SOURCES / f"{FIRST}.txt", SOURCES)).text
    assert text  # the cleaned view exists; the stored spans below must hold no markup either
    for r in first_source_records:
        for m in r["mentions"]:
            assert not m["text"].startswith(("the ", "The ")), m
            assert "(" not in m["text"] and ")" not in m["text"], m
            assert "\n\n" not in m["text"] and not m["text"].endswith(("’s", "'s")), m
