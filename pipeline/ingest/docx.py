"""Word documents (.docx): the body's paragraphs and tables in order, the title and the creation date.

python-docx reads the body in document order (`iter_inner_content`):
each non-empty paragraph becomes a paragraph of the text, separated from the
next by a blank line, and each table row a line of its cells joined by ` | `.
Page headers and footers are left out, like a web page's: they repeat on
every page and are not the document's content.

The title is the core properties' `title` (File > Properties), else
metadata.py takes the first line. The date: a dateline in the text comes
first, then a sidecar, and only then the core properties' `created`, which is
when the document was first written (usually the day it was drafted, before
it was published); `modified` is not used, since re-saving a file (an
analyst adding a note) changes it. python-docx's own template carries the
stamp 2013-12-23T23:15:00Z, which is no document's date and is ignored.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime

from pipeline.errors import SourceError

# The `created` of python-docx's default template: a document made from it says nothing by it.
_TEMPLATE_STAMP = datetime(2013, 12, 23, 23, 15, tzinfo=UTC)


@dataclass(frozen=True)
class WordDocument:
    """What a .docx gives: its text, title and creation day."""

    text: str
    title: str | None
    created: date | None


def _blocks(document) -> list[str]:
    """The body's paragraphs and table rows, in order, as text."""
    from docx.table import Table

    blocks = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                # a merged cell repeats in each column it spans: keep it once
                unique = [c for k, c in enumerate(cells) if c and (k == 0 or c != cells[k - 1])]
                if unique:
                    blocks.append(" | ".join(unique))
        elif item.text.strip():
            blocks.append(item.text.strip())
    return blocks


def _created(value: datetime | None) -> date | None:
    if value is None:
        return None
    stamp = value if value.tzinfo else value.replace(tzinfo=UTC)
    return None if stamp == _TEMPLATE_STAMP else value.date()


def read_docx(data: bytes, name: str) -> WordDocument:
    """The text, title and creation day of a .docx; SourceError when it is broken or has no text."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document)
        core = document.core_properties
        title = " ".join((core.title or "").split()) or None
        created = _created(core.created)
    except Exception as exc:  # a parser of untrusted bytes: any failure is this file's
        raise SourceError(name, f"unreadable .docx: {type(exc).__name__}: {exc}") from exc
    if not blocks:
        raise SourceError(name, "no text in the .docx")
    return WordDocument("\n\n".join(blocks) + "\n", title, created)
