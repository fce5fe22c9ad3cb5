"""The output folder as the evaluator reads it: only the fields CONTRACT.md promises, read leniently.

The evaluator must score this pipeline's older outputs and any other system
written to the contract, so a row is not validated against `records.py`: a
missing or odd field makes an answer wrong (as in `eval/score.py`), never the
evaluation fail. Only a line that is not JSON, or a folder without
`documents.jsonl`, stops it.

It also finds each gold file's document and the text its offsets index.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import EvaluationError, SourceError
from pipeline.evaluate.gold import GoldFile, Span
from pipeline.ingest.reading import decode


@dataclass(frozen=True)
class Document:
    doc_id: str | None
    source: str | None
    sha256: str | None
    text_path: str | None


@dataclass(frozen=True)
class SysOrg:
    name: str | None
    acronym: str | None
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class SysDate:
    span: Span
    value: str


@dataclass(frozen=True)
class SysEvent:
    type: str | None
    trigger: Span
    date: str | None
    location: str | None
    # every name, acronym, org_id and country of its participants: any of them may name a gold participant
    participant_names: tuple[str, ...]


@dataclass(frozen=True)
class Output:
    folder: Path
    documents: tuple[Document, ...]
    organizations: Mapping[str, tuple[SysOrg, ...]]
    dates: Mapping[str, tuple[SysDate, ...]]
    events: Mapping[str, tuple[SysEvent, ...]]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON Lines file, [] when it does not exist."""
    if not path.exists():
        return []
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{n}: not JSON: {exc.msg}") from exc
            if isinstance(row, dict):
                rows.append(row)
    return rows


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _span(value: Any) -> Span | None:
    """`{start, end, text}` as a Span; None when the offsets are missing or not numbers."""
    if not isinstance(value, dict):
        return None
    start, end = value.get("start"), value.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    return Span(start, end, str(value.get("text") or ""))


def _org(row: dict[str, Any]) -> SysOrg:
    mentions = tuple(s for s in map(_span, row.get("mentions") or []) if s is not None)
    return SysOrg(name=_str(row.get("name")), acronym=_str(row.get("acronym")), mentions=mentions)


def _event(row: dict[str, Any]) -> SysEvent:
    trigger = _span(row.get("trigger")) or Span(-1, -1, "")
    date = row.get("date") or {}
    location = row.get("location") or {}
    names = [
        str(p[key])
        for p in row.get("participants") or []
        if isinstance(p, dict)
        for key in ("name", "acronym", "org_id", "country")
        if p.get(key)
    ]
    return SysEvent(
        type=_str(row.get("type")),
        trigger=trigger,
        date=_str(date.get("value")) if isinstance(date, dict) else None,
        location=_str(location.get("name")) if isinstance(location, dict) else str(location),
        participant_names=tuple(names),
    )


def _by_doc(rows: list[dict[str, Any]], build: Any) -> dict[str, tuple[Any, ...]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        item = build(row)
        if item is not None:
            grouped[str(row.get("doc_id"))].append(item)
    return {doc_id: tuple(items) for doc_id, items in grouped.items()}


def _date(row: dict[str, Any]) -> SysDate | None:
    span = _span(row)
    return None if span is None else SysDate(span=span, value=str(row.get("value")))


def read_output(folder: Path) -> Output:
    """The four files of an output folder, grouped by document, in file order (matching depends on it)."""
    if not (folder / "documents.jsonl").is_file():
        raise EvaluationError(f"{folder}: no documents.jsonl (is it an output folder of `pipeline extract`?)")
    docs = tuple(
        Document(
            doc_id=_str(row.get("doc_id")), source=_str(row.get("source")),
            sha256=_str(row.get("sha256")), text_path=_str(row.get("text_path")),
        )
        for row in read_jsonl(folder / "documents.jsonl")
    )
    return Output(
        folder=folder,
        documents=docs,
        organizations=_by_doc(read_jsonl(folder / "organizations.jsonl"), _org),
        dates=_by_doc(read_jsonl(folder / "dates.jsonl"), _date),
        events=_by_doc(read_jsonl(folder / "events.jsonl"), _event),
    )


def find_document(documents: tuple[Document, ...], gold: GoldFile) -> Document | None:
    """The output document a gold file annotates.

    By sha256 when the gold gives one (as `eval/score.py`): a source edited
    since annotation no longer matches, because its offsets would no longer be
    true. Without sha256, by `doc_id`, else by `file` (the source's path or
    name).
    """
    if gold.sha256 is not None:
        # the last one wins, as in eval/score.py's dict
        return next((d for d in reversed(documents) if d.sha256 == gold.sha256), None)
    by_id = next((d for d in documents if gold.doc_id is not None and d.doc_id == gold.doc_id), None)
    if by_id is not None or gold.file is None:
        return by_id
    stem = Path(gold.file).with_suffix("").as_posix()
    return next((d for d in documents if gold.file in (d.source, Path(d.source or "").name)
                 or d.doc_id == stem), None)


def same_name(documents: tuple[Document, ...], gold: GoldFile) -> Document | None:
    """A document whose source has the gold file's name: says why a sha256 did not match."""
    if gold.file is None:
        return None
    return next((d for d in documents if d.source and Path(d.source).name == Path(gold.file).name), None)


def _candidates(doc: Document | None, gold: GoldFile, out_dir: Path, sources: Path) -> list[Path]:
    """Where the text may be: the output's `text_path`, else the source under SOURCES, else gold's `file`."""
    if doc is not None and doc.text_path:
        path = Path(doc.text_path)
        return [path] if path.is_absolute() else [out_dir / path, sources / path, path]
    name = doc.source if doc is not None and doc.source else gold.file
    if not name:
        return []
    path = Path(name)
    return [path] if path.is_absolute() else [sources / path]


def document_text(
    doc: Document | None, gold: GoldFile, out_dir: Path, sources: Path
) -> tuple[str | None, str]:
    """The text the document's offsets index, or (None, why not).

    A source read from SOURCES must have the sha256 the output (or the gold)
    records: a text edited since extraction would place strings wrongly.
    """
    candidates = _candidates(doc, gold, out_dir, sources)
    path = next((p for p in candidates if p.is_file()), None)
    if path is None:
        if not candidates:
            return None, "the gold file names no source file"
        return None, f"{candidates[-1]} does not exist (give the sources folder with --sources)"
    data = path.read_bytes()
    expected = doc.sha256 if doc is not None else gold.sha256
    from_source = doc is None or not doc.text_path
    if from_source and expected and hashlib.sha256(data).hexdigest() != expected:
        return None, f"{path} has changed since it was extracted (its sha256 differs)"
    try:
        return decode(data, str(path)), ""
    except SourceError as exc:
        return None, str(exc)
