"""Reading an extraction's output folder and the texts its offsets index: the report's only file reads.

Kept apart from the shaping in `data.py` so that shaping stays a pure function of
records and texts, testable on values built in code. Records are read as plain
dicts, not through the pydantic models, because the report must keep working when
the output gains fields (CONTRACT.md: `text_path`, `earliest`, `status`, ...).
"""

from __future__ import annotations

import codecs
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pipeline.errors import OutputFolderError

RECORD_FILES = ("documents", "organizations", "dates", "events")

TextStatus = Literal["ok", "missing", "changed"]


@dataclass(frozen=True)
class OutputRecords:
    """The rows of one output folder's JSON Lines files, in file order."""

    documents: list[dict]
    organizations: list[dict]
    dates: list[dict]
    events: list[dict]
    rejects: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class SourceText:
    """A document's text as the offsets index it, or why it is not there."""

    status: TextStatus
    text: str | None = None
    path: Path | None = None


def read_jsonl_rows(path: Path) -> list[dict]:
    """Every row of a JSON Lines file; a line that is not a JSON object names the file and line."""
    rows: list[dict] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise OutputFolderError(f"{path} line {number}: not JSON ({exc.msg})") from exc
            if not isinstance(row, dict):
                raise OutputFolderError(f"{path} line {number}: not a JSON object")
            rows.append(row)
    return rows


def check_output_folder(out_dir: Path) -> None:
    """Raise OutputFolderError unless `out_dir` holds an extraction's record files."""
    if not out_dir.exists():
        raise OutputFolderError(f"{out_dir} does not exist (run `make extract` first?)")
    if not out_dir.is_dir():
        raise OutputFolderError(f"{out_dir} is not a folder")
    missing = [f"{name}.jsonl" for name in RECORD_FILES if not (out_dir / f"{name}.jsonl").is_file()]
    if missing:
        raise OutputFolderError(f"{out_dir} is not an output folder: no {', '.join(missing)}")


def read_output(out_dir: Path) -> OutputRecords:
    """The records of an output folder (rejects.jsonl is optional, the others are not)."""
    check_output_folder(out_dir)
    rows = {name: read_jsonl_rows(out_dir / f"{name}.jsonl") for name in RECORD_FILES}
    rejects = out_dir / "rejects.jsonl"
    for number, doc in enumerate(rows["documents"], 1):
        if not isinstance(doc.get("doc_id"), str):
            raise OutputFolderError(f"{out_dir / 'documents.jsonl'} line {number}: no doc_id")
    return OutputRecords(**rows, rejects=read_jsonl_rows(rejects) if rejects.is_file() else [])


def decode_stored(data: bytes) -> str:
    """Bytes to the text the offsets index, by ingest's rule.

    UTF-16 with a BOM is decoded without it; anything else is UTF-8 with a BOM kept
    as a character and newlines untouched (CRLF stays two characters). The rule is
    repeated here, not imported, so the report does not depend on the ingest module's
    place in the package; a drift would show as spans that no longer match the text,
    which `data.py` checks one by one.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8")


def text_candidates(doc: dict, out_dir: Path, sources_dir: Path) -> list[Path]:
    """Where a document's text may be, most specific first.

    `text_path` (CONTRACT.md) names the file the offsets index: a converted text is
    written under the output folder, a plain source is the source itself, so a
    relative `text_path` is tried under OUT, then under the sources folder, then as
    given. Without it the text is the source file under the sources folder.
    """
    text_path = doc.get("text_path")
    if isinstance(text_path, str) and text_path:
        given = Path(text_path)
        if given.is_absolute():
            return [given]
        return [out_dir / given, sources_dir / given, given]
    source = doc.get("source")
    return [sources_dir / source] if isinstance(source, str) and source else []


def read_source_text(doc: dict, out_dir: Path, sources_dir: Path) -> SourceText:
    """A document's text, checked against what the extraction recorded of it.

    A text that is gone is `missing`; one whose length (`chars`) or, for the source
    file itself, whose sha256 differs from the record is `changed`: its offsets would
    highlight the wrong words, so it is not shown at all.
    """
    for path in text_candidates(doc, out_dir, sources_dir):
        if not path.is_file():
            continue
        try:
            data = path.read_bytes()
            text = decode_stored(data)
        except (OSError, UnicodeDecodeError):
            return SourceText("missing", path=path)
        is_source = "text_path" not in doc
        recorded = doc.get("sha256") if is_source else None
        if isinstance(recorded, str) and hashlib.sha256(data).hexdigest() != recorded:
            return SourceText("changed", path=path)
        if isinstance(doc.get("chars"), int) and len(text) != doc["chars"]:
            return SourceText("changed", path=path)
        return SourceText("ok", text=text, path=path)
    return SourceText("missing")


def read_texts(records: OutputRecords, out_dir: Path, sources_dir: Path) -> dict[str, SourceText]:
    """Every document's text by doc_id."""
    return {doc["doc_id"]: read_source_text(doc, out_dir, sources_dir) for doc in records.documents}
