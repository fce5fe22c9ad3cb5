"""The whole extraction of the tests' corpus, against the expected output and the contract."""

from __future__ import annotations

import json

from conftest import EXPECTED, OUTPUT_FILES, SOURCES

from pipeline.ingest import discover
from pipeline.output import read_jsonl


def test_every_source_becomes_a_document(extracted):
    out, summary = extracted
    docs = read_jsonl(out / "documents.jsonl")
    expected = [p.relative_to(SOURCES).with_suffix("").as_posix() for p in discover(SOURCES)]
    assert [d["doc_id"] for d in docs] == expected
    assert summary.rejects == []


def test_extraction_of_the_test_corpus_is_the_expected_output(extracted):
    """The golden test: every change in behaviour shows up as a diff of tests/data/expected/.

    After a deliberate change, `make expected` regenerates it: review the diff and commit it.
    """
    out, _ = extracted
    for name in OUTPUT_FILES:
        fresh = (out / f"{name}.jsonl").read_bytes()
        expected = (EXPECTED / f"{name}.jsonl").read_bytes()
        assert fresh == expected, f"tests/data/expected/{name}.jsonl differs: `make expected`, review, commit"


def test_offsets_slice_the_text_that_text_path_names(extracted):
    out, _ = extracted
    docs = read_jsonl(out / "documents.jsonl")
    assert {d["text_path"] for d in docs} == {f"../sources/{d['source']}" for d in docs}
    # bytes decoded as UTF-8: reading in text mode would turn "\r\n" into "\n" and shift offsets
    texts = {d["doc_id"]: (out / d["text_path"]).read_bytes().decode("utf-8") for d in docs}
    for row in read_jsonl(out / "dates.jsonl"):
        assert texts[row["doc_id"]][row["start"]:row["end"]] == row["text"]
    for row in read_jsonl(out / "organizations.jsonl"):
        for m in row["mentions"]:
            assert texts[row["doc_id"]][m["start"]:m["end"]] == m["text"]
    for row in read_jsonl(out / "events.jsonl"):
        t = row["trigger"]
        assert texts[row["doc_id"]][t["start"]:t["end"]] == t["text"]


def test_first_source_metadata(extracted):
    out, _ = extracted
    doc = next(d for d in read_jsonl(out / "documents.jsonl")
               if d["doc_id"] == "canada-mexico-defence-relationship")
    assert doc["published"] == "2014-04-26"
    assert doc["title"] == "The Canada-Mexico Defence Relationship"
    assert len(doc["sha256"]) == 64


def test_dates_are_never_padded(extracted):
    """`May 2011` is `2011-05` and `2006` is `2006`: a value never claims more than the text says."""
    out, _ = extracted
    rows = {(r["doc_id"], r["text"]): r for r in read_jsonl(out / "dates.jsonl")}
    doc = "canada-mexico-defence-relationship"
    assert rows[(doc, "May 2011")]["value"] == "2011-05"
    assert rows[(doc, "2006")]["value"] == "2006"
    assert rows[(doc, "April 24, 2014")]["value"] == "2014-04-24"


def test_output_is_sorted_by_document_then_offset(extracted):
    out, _ = extracted
    docs = [d["doc_id"] for d in read_jsonl(out / "documents.jsonl")]
    order = {d: i for i, d in enumerate(docs)}
    rows = read_jsonl(out / "dates.jsonl")
    keys = [(order[r["doc_id"]], r["start"]) for r in rows]
    assert keys == sorted(keys)
    for line in (out / "dates.jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)


def test_every_use_of_an_acronym_is_a_mention_at_its_own_offsets(extracted):
    """Offsets checked against positions found independently (a regex over the stored file),
    not against the text the pipeline sliced: every `DND`, `CAF`, `SEDENA` and `SEMAR` of the
    first source is a mention of its record, exactly where the file has it."""
    import re

    out, _ = extracted
    text = (SOURCES / "canada-mexico-defence-relationship.txt").read_text(encoding="utf-8")
    records = {r["acronym"]: r for r in read_jsonl(out / "organizations.jsonl")
               if r["doc_id"] == "canada-mexico-defence-relationship" and r["acronym"]}
    for acronym in ("DND", "CAF", "SEDENA", "SEMAR"):
        found = {(m.start(), m.end()) for m in re.finditer(rf"\b{acronym}\b", text)}
        mentions = {(m["start"], m["end"]) for m in records[acronym]["mentions"] if m["text"] == acronym}
        assert found and mentions == found, acronym
