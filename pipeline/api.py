"""One text in, its records out: the pipeline as a function, for notebooks and other programs.

`extract_text` runs the production path a source file takes (ingest's
`Source` and cleaned view, the model's Docs in `iter_chunks` pieces, every
stage through `find_all`, records through `build_records`), so a text gives
the same records here as in a file under `sources/`. The model is loaded on
the first call and kept for the process (loading it takes seconds; a call on
a paragraph, milliseconds). This module imports spaCy only inside that first
call, and `import pipeline` does not import this module at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pipeline.records import DateRecord, DocumentRecord, EventRecord, OrganizationRecord
from pipeline.settings import Settings

# The model of this process, by model name (loaded once; see `_model`).
_MODELS: dict[str, Any] = {}


@dataclass(frozen=True)
class Extraction:
    """The records of one text: the same pydantic models as the lines of the output files."""

    document: DocumentRecord
    organizations: list[OrganizationRecord]
    dates: list[DateRecord]
    events: list[EventRecord]


def _model(settings: Settings) -> Any:
    """The spaCy pipeline with the gazetteer, built on first use and reused by every later call."""
    if settings.model not in _MODELS:
        from pipeline.run.schedule import load_model

        _MODELS[settings.model] = load_model(settings)
    return _MODELS[settings.model]


def _day(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)  # ValueError names a malformed date


def extract_text(
    text: str, *, published: date | str | None = None, title: str | None = None,
    doc_id: str = "text", settings: Settings | None = None,
) -> Extraction:
    """The organizations, dates and events of one text.

    `published` (a date or `YYYY-MM-DD`) is the document date that `last year`
    is resolved against; without it, a dateline or front matter in the text
    gives it, as for a file, and else relative expressions stay unresolved
    (`XXXX`). Offsets index `text` itself.
    """
    from pipeline.ingest import clean, text_source
    from pipeline.nlp import Chunk, iter_chunks
    from pipeline.run.assemble import build_records
    from pipeline.run.document import find_all

    settings = settings or Settings()
    source = text_source(text, doc_id, published=_day(published), title=title)
    view = clean(source)
    nlp = _model(settings)
    limit = min(settings.max_chunk_chars, nlp.max_length)
    chunks = (Chunk.of(nlp(piece), offset) for offset, piece in iter_chunks(view.text, limit))
    found = find_all(chunks, view.text, source.published)
    result = build_records(source, view, found)
    return Extraction(result.document, result.organizations, result.dates, result.events)
