"""Which reader a source needs, and the text it gives: formats as analysts save them.

A source is read by what its bytes are, then by its suffix: a PDF saved as
`.txt` is a PDF, and a page saved from a browser as `.txt` (it starts with
`<!DOCTYPE html>`) is a web page, whose markup would otherwise become
organizations (`DOCTYPE`) and its title `<!DOCTYPE html>`. What no reader
here reads (an image, an RTF or legacy Word file, an archive, any other
suffix) is a SourceError whose reason says what the file is and what to do,
so it is rejected by name, never skipped.

| format | reader | text | title | date |
| --- | --- | --- | --- | --- |
| txt, md | text.py | the file's text | front matter, first line | front matter, dateline |
| html | html.py (trafilatura, htmldate) | the main text | the page's | its markup, dateline |
| pdf | pdf.py (pdfminer.six) | the text in reading order | `/Title`, first line | dateline |
| docx | docx.py (python-docx) | paragraphs and tables | core `title`, first line | dateline, core `created` |

Offsets index the text a reader gives. For a UTF-8 text or Markdown file
that is the file itself (`verbatim`); for anything converted (another
encoding, another format) the runner writes the text beside the output.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date

from pipeline.errors import SourceError
from pipeline.ingest.text import UTF8, decode_text

FORMATS = ("txt", "md", "html", "pdf", "docx")
_SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".docx": "docx",
}
_READS = "it reads .txt, .md, .html, .pdf and .docx"
_IMAGE = "an image ({}), not a text: it would need OCR first"
# What the first bytes say a file is, when it is nothing a reader here reads.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", _IMAGE.format("PNG")),
    (b"\xff\xd8\xff", _IMAGE.format("JPEG")),
    (b"GIF87a", _IMAGE.format("GIF")),
    (b"GIF89a", _IMAGE.format("GIF")),
    (b"II*\x00", _IMAGE.format("TIFF")),
    (b"MM\x00*", _IMAGE.format("TIFF")),
    (b"{\\rtf", "an RTF document, which is not read: save it as .docx or .txt"),
    (b"\xd0\xcf\x11\xe0", "a Word 97-2003 (.doc) or other legacy Office file, which is not read: "
                         "save it as .docx"),
    (b"\x1f\x8b", "an archive (gzip): unpack it into the sources folder"),
    (b"7z\xbc\xaf\x27\x1c", "an archive (7-Zip): unpack it into the sources folder"),
    (b"Rar!\x1a\x07", "an archive (RAR): unpack it into the sources folder"),
    (b"\xfd7zXZ\x00", "an archive (xz): unpack it into the sources folder"),
)
# Suffixes of what no reader reads, whose bytes may not say so.
_UNREAD_SUFFIXES = {
    **{s: _IMAGE.format(s[1:].upper()) for s in (".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff", ".bmp",
                                                   ".webp", ".heic", ".svg")},
    ".rtf": "an RTF document, which is not read: save it as .docx or .txt",
    ".doc": "a Word 97-2003 document, which is not read: save it as .docx",
    ".odt": "an OpenDocument text, which is not read: save it as .docx",
    **{s: f"an archive ({s[1:]}): unpack it into the sources folder"
       for s in (".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar")},
}
_HTML_STARTS = ("<!doctype html", "<html")


@dataclass(frozen=True)
class Converted:
    """The text a reader gave for one file, and what the file's format states about it."""

    text: str
    format: str  # one of FORMATS
    encoding: str | None  # of the bytes, for text and HTML; None for PDF and .docx
    verbatim: bool  # `text` is the file's own text in UTF-8: offsets index the file itself
    title: str | None = None
    published: date | None = None  # stated by the markup (a page's publication date)
    created: date | None = None  # a weaker date, after the dateline and the sidecar (a .docx's creation)


def _zip_kind(data: bytes) -> str:
    """`docx`, or the reason a ZIP file is not read."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        return f"a broken ZIP file ({exc})"
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        return "an Excel or PowerPoint file, which is not read: save it as .docx or .pdf"
    if "mimetype" in names:
        return "an OpenDocument file, which is not read: save it as .docx"
    return "an archive (ZIP): unpack it into the sources folder"


def detect(data: bytes, suffix: str) -> str:
    """The format to read `data` as (one of FORMATS), or a SourceError's reason for what it is.

    Returns either a format or a reason; `read` tells them apart by FORMATS.
    """
    head = data[:1024]
    # "%PDF-" opens a PDF; some writers put a few bytes before it (the format allows 1024)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"%PDF-") or (
        suffix.lower() == ".pdf" and b"%PDF-" in head
    ):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        return "an image (WebP), not a text: it would need OCR first"
    for magic, reason in _MAGIC:
        if data.startswith(magic):
            return reason
    suffix = suffix.lower()
    if suffix in _SUFFIXES:
        wanted = _SUFFIXES[suffix]
        if wanted == "pdf":
            return "not a PDF (no %PDF- header): a damaged or misnamed file"
        if wanted == "docx":
            return "not a .docx (not a ZIP file): a damaged or misnamed file"
        return wanted
    if suffix in _UNREAD_SUFFIXES:
        return _UNREAD_SUFFIXES[suffix]
    kind = f"'{suffix}' files" if suffix else "files without a suffix"
    return f"unsupported format: {kind} are not read ({_READS})"


def _looks_like_html(text: str) -> bool:
    return text[:512].lstrip("\ufeff \t\r\n").lower().startswith(_HTML_STARTS)


def read(data: bytes, suffix: str, name: str) -> Converted:
    """The text of one file, by its format; SourceError (naming `name`) for what cannot be read."""
    if not data.strip():
        raise SourceError(name, "empty file" if not data else "whitespace only")
    fmt = detect(data, suffix)
    if fmt not in FORMATS:
        raise SourceError(name, fmt)
    if fmt == "pdf":
        from pipeline.ingest.pdf import read_pdf

        report = read_pdf(data, name)
        return Converted(report.text, "pdf", None, False, title=report.title)
    if fmt == "docx":
        from pipeline.ingest.docx import read_docx

        word = read_docx(data, name)
        return Converted(word.text, "docx", None, False, title=word.title, created=word.created)
    decoded = decode_text(data, name)
    if fmt == "html" or _looks_like_html(decoded.text):
        from pipeline.ingest.html import read_html

        page = read_html(decoded.text, name)
        return Converted(page.text, "html", decoded.encoding, False, title=page.title,
                         published=page.published)
    return Converted(decoded.text, fmt, decoded.encoding, decoded.encoding == UTF8)
