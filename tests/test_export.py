"""Exports read back with DuckDB: one table per record kind, child tables for lists, strings stay strings."""

from __future__ import annotations

import json

import duckdb
import pytest
from conftest import COMMITTED_OUTPUT

from pipeline.errors import OutputFolderError
from pipeline.export import export_output, flatten_kind
from pipeline.report.inputs import read_jsonl_rows

TABLES = ["documents", "organizations", "organization_mentions", "dates", "events", "event_evidence",
          "event_participants", "rejects"]


def rows(name: str) -> list[dict]:
    return read_jsonl_rows(COMMITTED_OUTPUT / f"{name}.jsonl")


@pytest.fixture(scope="module", params=["parquet", "csv"])
def exported(request, tmp_path_factory):
    dest = tmp_path_factory.mktemp(request.param)
    return request.param, dest, export_output(COMMITTED_OUTPUT, request.param, dest)


def read(fmt: str, path) -> duckdb.DuckDBPyRelation:
    if fmt == "csv":  # CSV carries no types: read every column as text, as the exporter wrote it
        return duckdb.sql(f"SELECT * FROM read_csv('{path}', all_varchar = true)")
    return duckdb.sql(f"SELECT * FROM '{path}'")


def test_one_file_per_table_with_every_row(exported):
    fmt, dest, written = exported
    assert sorted(p.name for p in written) == sorted(f"{t}.{fmt}" for t in TABLES)
    expected = {
        "documents": len(rows("documents")), "organizations": len(rows("organizations")),
        "dates": len(rows("dates")), "events": len(rows("events")), "rejects": len(rows("rejects")),
        "organization_mentions": sum(len(o["mentions"]) for o in rows("organizations")),
        "event_participants": sum(len(e["participants"]) for e in rows("events")),
        "event_evidence": sum(len(e["evidence"]) for e in rows("events")),
    }
    for table, count in expected.items():
        assert read(fmt, dest / f"{table}.{fmt}").count("*").fetchall()[0][0] == count, table
        assert written[dest / f"{table}.{fmt}"] == count


def test_schema_version_stays_a_string(exported):
    fmt, dest, _ = exported
    for table in TABLES:
        relation = read(fmt, dest / f"{table}.{fmt}")
        assert relation.types[relation.columns.index("schema_version")] == "VARCHAR", table
    if fmt == "csv":
        assert '"1.0"' in (dest / "events.csv").read_text(encoding="utf-8").splitlines()[1]
    else:
        versions = read(fmt, dest / "events.parquet").filter("schema_version = '1.0'")
        assert versions.count("*").fetchall()[0][0] == len(rows("events"))


def test_nested_fields_are_flattened_into_columns(exported):
    fmt, dest, _ = exported
    events = read(fmt, dest / f"events.{fmt}")
    first = rows("events")[1]
    row = events.filter(f"doc_id = '{first['doc_id']}' AND event_id = '{first['event_id']}'").fetchall()[0]
    got = dict(zip(events.columns, row, strict=True))
    assert got["trigger_text"] == first["trigger"]["text"] == "established"
    assert str(got["trigger_start"]) == str(first["trigger"]["start"])
    assert got["date_value"] == "2011-05" and got["date_date_id"] == "t4"
    assert got["location_name"] is None and "participants" not in got


def test_participants_are_a_child_table_keyed_by_event(exported):
    fmt, dest, _ = exported
    participants = read(fmt, dest / f"event_participants.{fmt}")
    got = participants.filter("doc_id = 'canada-mexico-defence-relationship' AND event_id = 'e7'") \
        .order("position").select("name, country, role").fetchall()
    expected = next(e for e in rows("events") if e["event_id"] == "e7" and e["doc_id"].startswith("canada"))
    assert got == [(p["name"], p["country"], p["role"]) for p in expected["participants"]]


def test_mentions_are_a_child_table_keyed_by_organization(exported):
    fmt, dest, _ = exported
    mentions = read(fmt, dest / f"organization_mentions.{fmt}")
    got = mentions.filter("org_id = 'department-of-national-defence' "
                          "AND doc_id = 'canada-mexico-defence-relationship'").order("position")
    texts = [r[0] for r in got.select("text").fetchall()]
    assert texts == ["Department of National Defence", "DND", "DND", "DND"]


def test_fields_the_output_gains_flatten_too():
    """CONTRACT.md's future fields: `range_end` is a date_id (a string, though it ends in "end")."""
    dates = [{"schema_version": "1.0", "doc_id": "a", "date_id": "t1", "start": 0, "end": 4, "text": "1915",
              "value": "1915", "earliest": "1915-01-01", "latest": "1915-12-31", "range_end": "t2"}]
    table = flatten_kind("dates", dates)[0]
    assert table.columns["range_end"] == "VARCHAR" and table.columns["earliest"] == "VARCHAR"
    events = [{"schema_version": "1.0", "doc_id": "a", "event_id": "e1", "participants": [], "date": None,
               "status": "happened", "event_key": "k1", "tags": ["x", "y"]}]
    parent, *children = flatten_kind("events", events)
    assert parent.rows[0]["status"] == "happened" and parent.rows[0]["tags"] == json.dumps(["x", "y"])
    assert "date_value" in parent.columns and "participants" not in parent.columns
    assert [c.name for c in children] == ["event_evidence", "event_participants"]


def test_not_an_output_folder(tmp_path):
    with pytest.raises(OutputFolderError, match="not an output folder"):
        export_output(tmp_path, "csv")
