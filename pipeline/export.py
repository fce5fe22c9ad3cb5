"""Exports of an output folder as flat tables (Parquet or CSV), one file per record kind, via DuckDB.

Spreadsheets and BI tools want flat rows, so nested fields are flattened:
objects become columns named after their path (`trigger` -> `trigger_start`,
`trigger_end`, `trigger_text`; `date` -> `date_value`, `date_date_id`; `location` ->
`location_name`, `location_country`), and lists of objects become child tables keyed
by their parent's key and a 0-based `position` (`events.participants` ->
`event_participants` keyed by doc_id + event_id; `organizations.mentions` ->
`organization_mentions` keyed by doc_id + org_id; `events.evidence` ->
`event_evidence`). Fields the output gains later flatten the same way.

Types are fixed by name for the contract's columns and inferred from the JSON values
otherwise, never from how a string looks: `schema_version` "1.0" and a TIMEX3 value
"2006" stay strings (DuckDB's own JSON reader would have turned dates into DATEs).
In CSV, text columns are quoted, so `"1.0"` still reads as text where quoting
counts; give readers that sniff types the types (`read_csv(..., types=...)`).

DuckDB because the project already uses it (README's queries, the tests), and it
writes both formats from one table definition.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import duckdb

from pipeline.output import replaced_atomically
from pipeline.report.inputs import check_output_folder, read_jsonl_rows

Format = Literal["parquet", "csv"]
FORMATS: tuple[Format, ...] = ("parquet", "csv")

# file -> the fields that identify one of its records (the key its child tables carry)
KINDS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "organizations": ("doc_id", "org_id"),
    "dates": ("doc_id", "date_id"),
    "events": ("doc_id", "event_id"),
    "rejects": ("source",),
}
SINGULAR = {"documents": "document", "organizations": "organization", "dates": "date",
            "events": "event", "rejects": "reject"}
# Columns that exist even when every record leaves them null (or there is no record),
# so a table's shape does not depend on the corpus.
KNOWN_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("schema_version", "kind", "doc_id", "source", "sha256", "title", "published", "chars"),
    "organizations": ("schema_version", "kind", "doc_id", "org_id", "name", "acronym", "country", "source"),
    "dates": ("schema_version", "kind", "doc_id", "date_id", "start", "end", "text", "type", "value",
              "granularity", "mod", "anchor", "signal"),
    "events": ("schema_version", "kind", "doc_id", "event_id", "type", "plover", "trigger_start",
               "trigger_end", "trigger_text", "sentence_start", "sentence_end", "date_value", "date_date_id",
               "location_name", "location_country", "ordinal", "rule", "confidence"),
    "rejects": ("schema_version", "kind", "source", "sha256", "stage", "reason"),
    "organization_mentions": ("schema_version", "doc_id", "org_id", "position", "start", "end", "text"),
    "event_participants": ("schema_version", "doc_id", "event_id", "position", "name", "acronym", "org_id",
                           "country", "role"),
    "event_evidence": ("schema_version", "doc_id", "event_id", "position", "start", "end", "text"),
}
# Nested objects whose columns exist even when every record has null there.
NESTED: dict[str, tuple[str, ...]] = {
    "trigger": ("start", "end", "text"), "sentence": ("start", "end"),
    "date": ("value", "date_id"), "location": ("name", "country"),
}
# Lists of objects that become child tables even when a record's list is empty.
CHILD_FIELDS: dict[str, tuple[str, ...]] = {
    "organizations": ("mentions",), "events": ("participants", "evidence"),
}
# By exact name: `range_end` (a date_id) must not become a number because it ends in "end".
INTEGER_COLUMNS = {"start", "end", "chars", "ordinal", "position", "trigger_start", "trigger_end",
                   "sentence_start", "sentence_end"}
DOUBLE_NAMES = {"confidence"}


@dataclass(frozen=True)
class Table:
    """One export table: its name, its columns in order with their DuckDB types, its rows."""

    name: str
    columns: dict[str, str]
    rows: list[dict]


def _flatten(record: dict, into: dict, prefix: str = "") -> dict:
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            _flatten(value, into, f"{name}_")
        elif value is None and key in NESTED and not prefix:
            for sub in NESTED[key]:
                into[f"{name}_{sub}"] = None
        else:
            into[name] = value
    return into


def _column_type(name: str, values: Iterable[object]) -> str:
    """A column's type: by name for the contract's columns, else the one its JSON values share."""
    if name == "schema_version":
        return "VARCHAR"
    if name in INTEGER_COLUMNS:
        return "BIGINT"
    if name in DOUBLE_NAMES:
        return "DOUBLE"
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "BOOLEAN"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "BIGINT"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "DOUBLE"
    return "VARCHAR"


def _cell(value: object, column_type: str) -> object:
    if value is None or column_type != "VARCHAR" or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)  # a list of names, a number among strings


def make_table(name: str, rows: list[dict]) -> Table:
    """Columns in first-seen order (the contract's first), typed, and rows with every column."""
    order = dict.fromkeys(KNOWN_COLUMNS.get(name, ()))
    for row in rows:
        order.update(dict.fromkeys(row))
    columns = {c: _column_type(c, (row.get(c) for row in rows)) for c in order}
    return Table(name, columns, [{c: _cell(row.get(c), t) for c, t in columns.items()} for row in rows])


def flatten_kind(kind: str, records: list[dict]) -> list[Table]:
    """A record kind as its table and one child table per field that holds a list of objects."""
    key = KINDS[kind]
    parents: list[dict] = []
    children: dict[str, list[dict]] = {}
    for record in records:
        scalar = {}
        for field, value in record.items():
            is_child = field in CHILD_FIELDS.get(kind, ()) and isinstance(value, list)
            if is_child or (isinstance(value, list) and any(isinstance(v, dict) for v in value)):
                child = children.setdefault(f"{SINGULAR[kind]}_{field}", [])
                for position, item in enumerate(value):
                    row = {"schema_version": record.get("schema_version"), **{k: record.get(k) for k in key},
                           "position": position}
                    child.append(_flatten(item if isinstance(item, dict) else {"value": item}, row))
            else:
                scalar[field] = value
        parents.append(_flatten(scalar, {}))
    for field in CHILD_FIELDS.get(kind, ()):
        children.setdefault(f"{SINGULAR[kind]}_{field}", [])
    return [make_table(kind, parents), *(make_table(n, rows) for n, rows in sorted(children.items()))]


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_table(con: duckdb.DuckDBPyConnection, table: Table, dest: Path, fmt: Format, work: Path) -> Path:
    """One table into `dest/NAME.FORMAT`, written under a temporary name and renamed into place."""
    staged = work / f"{table.name}.jsonl"
    with staged.open("w", encoding="utf-8") as fh:
        for row in table.rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    columns = "{" + ", ".join(f"{_literal(c)}: {_literal(t)}" for c, t in table.columns.items()) + "}"
    select = (f"SELECT * FROM read_json({_literal(staged.as_posix())}, format='newline_delimited', "
              f"columns={columns}, maximum_object_size=1073741824)")
    if fmt == "parquet":
        options = "FORMAT parquet, COMPRESSION zstd"
    else:
        text_columns = [_quote(c) for c, t in table.columns.items() if t == "VARCHAR"]
        options = "FORMAT csv, HEADER true"
        if text_columns:
            options += f", FORCE_QUOTE ({', '.join(text_columns)})"
    target = dest / f"{table.name}.{fmt}"
    with replaced_atomically(target) as tmp:
        con.execute(f"COPY ({select}) TO {_literal(str(tmp))} ({options})")
    return target


def export_output(out_dir: Path, fmt: Format = "parquet", dest: Path | None = None) -> dict[Path, int]:
    """Every record file of `out_dir` as flat tables in `dest` (default OUT/export): path -> rows."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    check_output_folder(out_dir)
    dest = Path(dest) if dest is not None else out_dir / "export"
    dest.mkdir(parents=True, exist_ok=True)
    written: dict[Path, int] = {}
    with tempfile.TemporaryDirectory(prefix="export-") as work, duckdb.connect() as con:
        for kind in KINDS:
            path = out_dir / f"{kind}.jsonl"
            records = read_jsonl_rows(path) if path.is_file() else []
            for table in flatten_kind(kind, records):
                written[write_table(con, table, dest, fmt, Path(work))] = len(table.rows)
    return written
