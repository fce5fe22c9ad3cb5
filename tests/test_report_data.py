"""Shaping records and texts into the page's model: offsets for JavaScript, checked spans, nodes, texts."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json

import pytest
from conftest import COMMITTED_OUTPUT, SOURCES

from pipeline.errors import OutputFolderError
from pipeline.report.data import ReportSettings, build_model, utf16_converter
from pipeline.report.inputs import OutputRecords, SourceText, read_output, read_source_text, read_texts


def blob(doc: dict) -> dict:
    """What the page inflates when it opens a document."""
    return json.loads(gzip.decompress(base64.b64decode(doc["z"])).decode("utf-8"))


def doc_row(doc_id: str, text: str, **extra) -> dict:
    return {"doc_id": doc_id, "source": f"{doc_id}.txt", "title": doc_id, "published": "2020-01-01",
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "chars": len(text), **extra}


def org_row(doc_id: str, org_id: str, name: str, start: int, country: str | None = None) -> dict:
    return {"doc_id": doc_id, "org_id": org_id, "name": name, "acronym": None, "country": country,
            "mentions": [{"start": start, "end": start + len(name), "text": name}]}


def event_row(doc_id: str, event_id: str, trigger: tuple[int, str], participants: list[dict],
              value: str | None = "2020-05", **extra) -> dict:
    start, word = trigger
    return {"doc_id": doc_id, "event_id": event_id, "type": "MEET",
            "trigger": {"start": start, "end": start + len(word), "text": word},
            "sentence": {"start": 0, "end": start + len(word)}, "evidence": [],
            "date": {"value": value, "date_id": "t1"} if value else None, "location": None,
            "participants": participants, **extra}


TEXT = "😀 NATO met Canada in May 2020."


@pytest.fixture
def small() -> OutputRecords:
    return OutputRecords(
        documents=[doc_row("a", TEXT)],
        organizations=[org_row("a", "nato", "NATO", 2)],
        dates=[{"doc_id": "a", "date_id": "t1", "start": 21, "end": 29, "text": "May 2020",
                "value": "2020-05"}],
        events=[event_row("a", "e1", (7, "met"), [
            {"name": "NATO", "org_id": "nato", "country": None, "role": "participant"},
            {"name": "Canada", "org_id": None, "country": "CAN", "role": "participant"},
        ])],
    )


def test_astral_characters_count_twice_in_javascript():
    to16 = utf16_converter(TEXT)
    assert TEXT[2:6] == "NATO"
    assert TEXT.encode("utf-16-le")[2 * to16(2):2 * to16(6)].decode("utf-16-le") == "NATO"
    assert utf16_converter("plain")(3) == 3


def test_model_carries_spans_in_utf16_units(small):
    model = build_model(small, {"a": SourceText("ok", TEXT)})
    doc = blob(model["docs"][0])
    assert doc["text"] == TEXT
    assert doc["orgs"][0]["m"] == [[3, 7]]
    assert doc["dates"][0]["s"] == [22, 30]
    assert doc["events"]["0"][0] == [8, 11]


def test_event_knows_its_interval_rows_and_countries(small):
    model = build_model(small, {"a": SourceText("ok", TEXT)})
    event = model["events"][0]
    assert (event["a"], event["b"]) == ("2020-05-01", "2020-05-31")
    labels = [model["nodes"][n]["label"] for n in event["r"]]
    assert sorted(labels) == ["Canada", "NATO"]
    assert event["cs"] == ["CAN"]
    assert event["sent"] == "😀 NATO met"


def test_earliest_latest_from_dates_jsonl_are_used(small):
    dates = [{**small.dates[0], "earliest": "2020-05-04", "latest": "2020-05-08"}]
    model = build_model(OutputRecords(small.documents, small.organizations, dates, small.events),
                        {"a": SourceText("ok", TEXT)})
    assert (model["events"][0]["a"], model["events"][0]["b"]) == ("2020-05-04", "2020-05-08")


def test_undated_events_are_counted_not_placed(small):
    events = [event_row("a", "e1", (7, "met"), [], value="PRESENT_REF")]
    model = build_model(OutputRecords(small.documents, small.organizations, small.dates, events),
                        {"a": SourceText("ok", TEXT)})
    assert model["events"][0]["a"] is None
    assert model["counts"]["dated"] == 0 and model["counts"]["events"] == 1


def test_a_span_that_does_not_slice_its_text_is_dropped(small):
    orgs = [{**small.organizations[0], "mentions": [{"start": 3, "end": 7, "text": "NATO"}]}]  # one off
    model = build_model(OutputRecords(small.documents, orgs, small.dates, small.events),
                        {"a": SourceText("ok", TEXT)})
    assert blob(model["docs"][0])["orgs"][0]["m"] == []
    assert model["counts"]["spansDropped"] == 1


def test_a_missing_text_still_lists_the_records(small):
    model = build_model(small, {"a": SourceText("missing")})
    doc = blob(model["docs"][0])
    assert doc["text"] is None and doc["orgs"][0]["name"] == "NATO"
    assert model["docs"][0]["status"] == "missing" and model["counts"]["textMissing"] == 1


def test_nodes_are_org_ids_and_country_codes():
    records = read_output(COMMITTED_OUTPUT)
    model = build_model(records, {})
    ids = {node["id"]: node for node in model["nodes"]}
    assert ids["CAN"]["kind"] == "country" and ids["CAN"]["label"] == "Canada"
    assert ids["department-of-national-defence"]["label"] == "Department of National Defence (DND)"
    assert ids["department-of-national-defence"]["country"] == "CAN"


def test_committed_output_model():
    records = read_output(COMMITTED_OUTPUT)
    model = build_model(records, read_texts(records, COMMITTED_OUTPUT, SOURCES))
    assert model["counts"]["documents"] == len(records.documents) == 8
    assert model["counts"]["events"] == len(records.events)
    assert model["counts"]["spansDropped"] == 0 and model["counts"]["textMissing"] == 0
    # an event with a TIMEX3 value that is a day, a month, a year: all placed; PRESENT_REF is not
    assert model["counts"]["dated"] == sum(
        1 for e in records.events if e["date"] and e["date"]["value"] != "PRESENT_REF")
    # the network: Canada and Mexico share events, so both have a place
    placed = {n["id"] for n in model["nodes"] if n["x"] is not None}
    assert {"CAN", "MEX", "USA"} <= placed


def test_model_is_the_same_every_time():
    records = read_output(COMMITTED_OUTPUT)
    texts = read_texts(records, COMMITTED_OUTPUT, SOURCES)
    assert build_model(records, texts) == build_model(records, texts)


def test_network_is_capped_to_the_most_connected():
    records = read_output(COMMITTED_OUTPUT)
    model = build_model(records, {}, ReportSettings(max_nodes=3))
    placed = [n["id"] for n in model["nodes"] if n["x"] is not None]
    assert len(placed) == 3 and {"MEX", "USA"} <= set(placed)
    assert model["counts"]["laidOut"] == 3 and model["counts"]["linked"] > 3


def test_text_path_is_read_when_present(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    doc = doc_row("a", TEXT, text_path="texts/a.txt", sha256="0" * 64)
    found = read_source_text(doc, tmp_path, tmp_path / "no-sources")
    assert found.status == "ok" and found.text == TEXT


def test_source_changed_since_extraction_is_not_shown(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT + " More.", encoding="utf-8")
    assert read_source_text(doc_row("a", TEXT), tmp_path, tmp_path).status == "changed"
    assert read_source_text(doc_row("b", TEXT), tmp_path, tmp_path).status == "missing"


def test_crlf_and_utf16_texts_keep_the_offsets_of_ingest(tmp_path):
    crlf = "NATO\r\nmet\r\n"
    (tmp_path / "a.txt").write_bytes(crlf.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(TEXT.encode("utf-16"))
    assert read_source_text(doc_row("a", crlf), tmp_path, tmp_path).text == crlf
    b = doc_row("b", TEXT, sha256=hashlib.sha256(TEXT.encode("utf-16")).hexdigest())
    assert read_source_text(b, tmp_path, tmp_path).text == TEXT


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "is not an output folder"),
        ({"documents.jsonl": "{not json}\n", "organizations.jsonl": "", "dates.jsonl": "",
          "events.jsonl": ""},
         "documents.jsonl line 1: not JSON"),
    ],
)
def test_not_an_output_folder(tmp_path, files, message):
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(OutputFolderError, match=message):
        read_output(tmp_path)
