"""PDF reports: their text in reading order, paragraphs kept, words whole, and their title.

A PDF holds glyphs at positions, not paragraphs. pdfminer.six's layout
analysis groups them into lines and the lines into text boxes (paragraphs,
headings) in reading order, columns included; pypdf gives lines only, so
paragraphs would have to be guessed here. Each box becomes a paragraph,
separated from the next by a blank line; its lines keep their breaks (the
cleaned view joins a hard-wrapped paragraph for the parser, as it does for a
text file).

What the layout leaves that is not the text:

- a word hyphenated at a line end (`estab-` / `lished`) is joined
  (`established`), unless the document spells it with a hyphen elsewhere
  (`well-known`); the rest of the word moves up, so lines stay lines;
- page numbers (`Page 3`, `3 of 12`, `- 3 -`) and running headers and footers
  (the same short line on at least half of the pages) are dropped.

The title is the document's `/Title` unless that is a tool's placeholder
(`Microsoft Word - draft.docx`, `untitled`); metadata.py then takes the
first line. The document date is NOT read from `/CreationDate`: printing a
web page to PDF stamps the day it was printed, and `last year` resolved
against that would be silently wrong. The dateline rules read the first lines.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from pipeline.errors import SourceError

# "estab-\nlished", "Canada-\nMexico": a word broken at a line end (ASCII, soft and Unicode hyphens)
_BROKEN_WORD = re.compile(r"(?<=[A-Za-z])([-\u00ad\u2010])\n([A-Za-z]+)[ \t]?")
# The start of the word before the break: "estab" in "... SEDENA estab-"
_WORD_HEAD = re.compile(r"[A-Za-z]{1,40}$")
_HYPHENATED = re.compile(r"\b[A-Za-z]*[a-z]-[a-z]+\b")
# "3", "Page 3", "3 of 12", "3/12", "- 3 -": a page number alone in its box
_PAGE_NUMBER = re.compile(r"(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?|[-–]\s*\d{1,4}\s*[-–]", re.I)
# A running header or footer is short and on at least half of the pages.
_RUNNING_CHARS = 120
# Titles that tools write in place of one: "Microsoft Word - draft.docx", "Untitled", "report.pdf"
_PLACEHOLDER_STARTS = ("microsoft ", "untitled")
_PLACEHOLDER_ENDS = (".doc", ".docx", ".pdf", ".indd", ".txt", ".rtf", ".odt")


@dataclass(frozen=True)
class Report:
    """What a PDF gives: its text and the title its metadata states."""

    text: str
    title: str | None


def _pages(data: bytes, name: str) -> tuple[list[list[str]], dict]:
    """The text boxes of each page in reading order, and the document information dictionary."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        pages = []
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            pages.append([el.get_text() for el in device.get_result() if isinstance(el, LTTextContainer)])
    except PDFPasswordIncorrect as exc:
        raise SourceError(name, "encrypted PDF: it needs a password") from exc
    except PDFEncryptionError as exc:
        raise SourceError(name, f"encrypted PDF: {exc}") from exc
    except Exception as exc:  # a parser of untrusted bytes: any failure is this file's
        raise SourceError(name, f"unreadable PDF: {type(exc).__name__}: {exc}") from exc
    info = document.info[0] if document.info else {}
    return pages, info


def _box_text(box: str) -> str:
    lines = [line.rstrip() for line in box.strip("\n").split("\n")]
    return "\n".join(line for line in lines if line.strip())


def _running(pages: list[list[str]]) -> set[str]:
    """Short boxes repeated on at least half of the pages (two at least): headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_shape(box) for box in page if box and len(box) <= _RUNNING_CHARS})
    return {key for key, n in counts.items() if n >= max(2, len(pages) / 2)}


def _shape(box: str) -> str:
    """A box with its numbers blanked: `Page 3 of 12` and `Page 4 of 12` are one running footer."""
    return re.sub(r"\d+", "#", " ".join(box.split()))


def _join_broken_words(text: str) -> str:
    """Words broken at a line end made whole; the rest of the word moves up, so lines stay lines.

    `estab-\nlished Staff` -> `established\nStaff`; a hyphen stays where it is part of the
    word: before a capital (`Canada-\nMexico`) or when the document spells the word with
    it elsewhere (`well-known`). A soft hyphen never stays.
    """
    hyphenated = {m.group(0).lower() for m in _HYPHENATED.finditer(text)}

    def join(m: re.Match) -> str:
        hyphen, tail = m.group(1), m.group(2)
        head = _WORD_HEAD.search(text, max(0, m.start() - 40), m.start())
        word = f"{head.group(0) if head else ''}-{tail}".lower()
        keep = hyphen != "\u00ad" and (tail[0].isupper() or word in hyphenated)
        line_ends = m.end() == len(text) or text[m.end()] == "\n"  # the word was the whole line
        return (hyphen if keep else "") + tail + ("" if line_ends else "\n")

    return _BROKEN_WORD.sub(join, text)


def _title(info: dict) -> str | None:
    from pdfminer.utils import decode_text

    raw = info.get("Title")
    if isinstance(raw, bytes):
        raw = decode_text(raw)
    if not isinstance(raw, str):
        return None
    title = " ".join(raw.replace("\x00", "").split())
    lowered = title.lower()
    if not title or lowered.startswith(_PLACEHOLDER_STARTS) or lowered.endswith(_PLACEHOLDER_ENDS):
        return None
    return title


def read_pdf(data: bytes, name: str) -> Report:
    """The text and title of a PDF; SourceError when it is broken, encrypted or has no text layer."""
    pages, info = _pages(data, name)
    boxes = [[_box_text(box) for box in page] for page in pages]
    running = _running(boxes)
    kept = [
        box for page in boxes for box in page
        if box and not _PAGE_NUMBER.fullmatch(box.strip()) and _shape(box) not in running
    ]
    if not kept:
        raise SourceError(name, "no text in the PDF (a scanned image? it needs OCR first)")
    return Report(_join_broken_words("\n\n".join(kept)) + "\n", _title(info))
