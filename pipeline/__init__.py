"""Turn defence and diplomatic source texts into organization, date and event records.

`extract_text(text)` gives the records of one text (see api.py); the command
line (`python -m pipeline extract`) those of a folder. Importing the package
imports nothing else: spaCy and the model load on the first extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import date

    from pipeline.api import Extraction

__version__ = "0.1.0"
__all__ = ["extract_text"]


def extract_text(text: str, *, published: date | str | None = None, title: str | None = None) -> Extraction:
    """The organizations, dates and events of one text (`.organizations`, `.dates`, `.events`, `.document`).

    `published` is the document date (a date or `YYYY-MM-DD`) that relative
    expressions (`last year`) resolve against. The model is loaded on the
    first call and reused by the next ones.
    """
    from pipeline.api import extract_text as extract

    return extract(text, published=published, title=title)
