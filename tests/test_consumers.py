"""What downstream consumers rely on: the published schemas and the README's DuckDB query."""

from __future__ import annotations

import json
import re

import duckdb
import jsonschema
import pytest
from conftest import ROOT

from pipeline.output import read_jsonl, write_schemas

PUBLISHED = ROOT / "output" / "schema"


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict]:
    """The schemas consumers read: the committed output/schema/ files."""
    return {p.name.removesuffix(".schema.json"): json.loads(p.read_text(encoding="utf-8"))
            for p in PUBLISHED.glob("*.schema.json")}


def test_published_schemas_are_those_of_the_records(tmp_path):
    """A change to records.py must show in output/schema/: run `make schema` and commit."""
    fresh = {p.name: p.read_bytes() for p in write_schemas(tmp_path)}
    published = {p.name: p.read_bytes() for p in PUBLISHED.glob("*.schema.json")}
    assert fresh == published


@pytest.mark.parametrize("name", ["documents", "organizations", "dates", "events", "rejects"])
def test_every_line_validates_against_the_published_schema(extracted, schemas, name):
    out, _ = extracted
    validator = jsonschema.Draft202012Validator(schemas[name])
    for row in read_jsonl(out / f"{name}.jsonl"):
        errors = sorted(validator.iter_errors(row), key=str)
        assert not errors, f"{name}: {errors[0].message} in {row}"


def test_schema_rejects_a_malformed_row(schemas):
    bad = {"doc_id": "x", "date_id": "t1", "start": 0, "end": 4, "text": "2006",
           "type": "YEAR", "value": "2006", "granularity": "year", "mod": None, "anchor": "text"}
    assert list(jsonschema.Draft202012Validator(schemas["dates"]).iter_errors(bad))


def _readme_sql() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```sql\n(.*?)```", readme, re.S)
    assert match, "README.md shows consumers a DuckDB query in a ```sql block"
    return match.group(1)


def test_readme_duckdb_query_runs_on_the_output(extracted):
    out, _ = extracted
    sql = _readme_sql().replace("output/", f"{out.as_posix()}/")
    rows = duckdb.sql(sql).fetchall()
    assert rows, "the README query returns rows"
    names = {r[0] for r in rows}
    assert "Department of National Defence" in names


def test_readme_timeline_query_orders_events_by_their_first_day(extracted):
    out, _ = extracted
    blocks = re.findall(r"```sql\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    (sql,) = [b for b in blocks if "earliest" in b]
    rows = duckdb.sql(sql.replace("output/", f"{out.as_posix()}/")).fetchall()
    assert len(rows) >= 10
    firsts = [str(r[4]) for r in rows]
    assert firsts == sorted(firsts) and all(str(r[4]) <= str(r[5]) for r in rows)
    first = ("canada-mexico-defence-relationship", "ESTABLISH", "established", "May 2011")
    assert first in {r[:4] for r in rows}
