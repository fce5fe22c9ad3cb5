"""Ingest's readers: which reader a file needs, and what each gives (text, title, date, encoding).

Every file is made here (sample_files.py): a web page saved by a browser, a
PDF report, a Word readout, a Windows-1252 note, an image.
"""

from __future__ import annotations

import random
import re
import zipfile
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest
import sample_files as files

from pipeline.errors import SourceError
from pipeline.ingest import discover, load_source
from pipeline.ingest.formats import detect, read
from pipeline.ingest.html import read_html
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.text import decode_text

# --- which reader -------------------------------------------------------------------------


def _zip(names: list[str]) -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "suffix", "expected"),
    [
        (b"Plain text.", ".txt", "txt"),
        (b"# Heading", ".md", "md"),
        (b"<html><body><p>x</p></body></html>", ".htm", "html"),
        # the bytes decide over the suffix: a PDF saved as .txt is a PDF
        (b"%PDF-1.7\n...", ".txt", "pdf"),
        (_zip(["word/document.xml", "[Content_Types].xml"]), ".bin", "docx"),
    ],
)
def test_format_is_read_from_the_bytes_then_the_suffix(data, suffix, expected):
    assert detect(data, suffix) == expected


@pytest.mark.parametrize(
    ("data", "suffix", "phrase"),
    [
        (files.PNG, ".png", "an image (PNG)"),
        (files.PNG, ".txt", "an image (PNG)"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", ".jpg", "an image (JPEG)"),
        (b"{\\rtf1\\ansi Canada and Mexico}", ".rtf", "RTF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc", "Word 97-2003"),
        (_zip(["readme.txt"]), ".zip", "an archive (ZIP)"),
        (_zip(["xl/workbook.xml"]), ".xlsx", "Excel or PowerPoint"),
        (b"\x1f\x8b\x08\x00", ".gz", "an archive (gzip)"),
        (b"Plain text.", ".pdf", "not a PDF"),
        (b"Plain text.", ".docx", "not a .docx"),
        (b"name,year\nNATO,1949\n", ".csv", "unsupported format: '.csv' files"),
        (b"Plain text.", "", "files without a suffix"),
    ],
)
def test_what_is_not_read_is_named_with_a_reason(data, suffix, phrase):
    with pytest.raises(SourceError, match=re.escape(phrase)) as caught:
        read(data, suffix, f"photo{suffix}")
    assert caught.value.path == f"photo{suffix}" and "\n" not in caught.value.reason


def test_every_file_is_discovered_but_hidden_ones_and_sidecars(tmp_path):
    for name in ("a.txt", "page.html", "report.pdf", "scan.png", "notes.rtf", "sub/deeper/b.md",
                 "a.txt.meta.yaml", ".DS_Store", ".git/config", "sub/.swap.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a.txt", "notes.rtf", "page.html", "report.pdf", "scan.png", "sub/deeper/b.md"]


# --- plain text in legacy encodings --------------------------------------------------------


def test_windows_1252_text_is_read_and_its_encoding_recorded():
    decoded = decode_text(files.notes_cp1252(), "notes.txt")
    assert (decoded.text, decoded.encoding) == (files.NOTES_TEXT, "windows-1252")
    assert "Montréal" in decoded.text and "“Staff Talks”" in decoded.text and "Canada’s" in decoded.text


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Montréal".encode(), "utf-8"),
        ("Montréal".encode("utf-16"), "utf-16"),
        # Latin-1 text is Windows-1252 text: they differ only in control codes text never uses
        ("Le ministre a rencontré à Québec son homologue.".encode("latin-1"), "windows-1252"),
    ],
)
def test_encodings(data, encoding):
    assert decode_text(data, "x.txt").encoding == encoding


def _garbage(seed: int, size: int) -> bytes:
    """Random bytes every one of which Windows-1252 can decode: only their chaos gives them away."""
    defined = [b for b in range(1, 256) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)]
    return bytes(random.Random(seed).choices(defined, k=size))


@pytest.mark.parametrize(
    "data", [_garbage(1, 400), _garbage(2, 4000), "日本と米国の共同声明".encode("shift_jis")]
)
def test_bytes_that_are_no_readable_text_are_still_rejected(data):
    with pytest.raises(SourceError, match="invalid UTF-8: .* not Windows-1252 text either"):
        decode_text(data, "x.txt")


# --- web pages -----------------------------------------------------------------------------


def test_page_keeps_the_article_and_drops_what_a_browser_saves_around_it():
    page = read_html(files.PAGE_HTML, "page.html")
    assert page.title == files.PAGE_TITLE
    assert page.text.startswith("Canada and Mexico hold defence talks\n\nMarch 3, 2021 - Ottawa, Ontario")
    assert "the Department of National Defence (DND) and SEDENA established Staff Talks" in page.text
    for word in files.BOILERPLATE:
        assert word not in page.text, word


def test_page_date_is_its_publication_not_its_modification():
    # dcterms.issued 2021-03-03; dcterms.modified, article:modified_time and the footer say 2023-06-01
    assert read_html(files.PAGE_HTML, "page.html").published == date(2021, 3, 3)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta property="article:published_time" content="2020-02-02T09:00:00Z">', date(2020, 2, 2)),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-05-04", '
         '"dateModified": "2023-06-01"}</script>', date(2019, 5, 4)),
        # only a modification date: no publication date (the dateline of the text decides)
        ('<meta name="dcterms.modified" content="2023-06-01">', None),
        ('<meta property="og:updated_time" content="2023-06-01T10:00:00Z">', None),
    ],
)
def test_page_date_comes_from_publication_markup_only(head, expected):
    body = "<p>The Minister of National Defence met her counterpart in Ottawa to discuss cooperation.</p>" * 3
    html = f"<html><head>{head}</head><body><article>{body}</article>" \
           "<footer><p>Date modified: 2023-06-01</p></footer></body></html>"
    assert read_html(html, "page.html").published == expected


def test_page_saved_as_txt_is_read_as_a_page():
    found = read(files.PAGE_HTML.encode(), ".txt", "page.txt")
    assert (found.format, found.title) == ("html", files.PAGE_TITLE)
    assert "DOCTYPE" not in found.text and not found.verbatim


def test_page_with_no_main_text_is_rejected():
    with pytest.raises(SourceError, match="no main text"):
        read(b"<html><head><script>var stamp = 'January 5, 2019';</script></head><body></body></html>",
             ".html", "empty.html")


# --- PDF -------------------------------------------------------------------------------------


def test_pdf_text_in_reading_order_with_paragraphs_and_whole_words():
    report = read_pdf(files.report_pdf(), "report.pdf")
    assert report.title == files.REPORT_TITLE
    paragraphs = report.text.split("\n\n")
    assert paragraphs[0] == (
        "Canada-Mexico Defence Cooperation\nApril 26, 2014 - Ottawa, Ontario - National Defence"
    )
    # "estab-" / "lished": joined, the rest of the word moved up; lines stay lines
    assert "SEDENA established\nStaff Talks." in report.text
    # "well-" / "known" is spelled with its hyphen elsewhere: the hyphen stays
    assert report.text.count("well-known") == 2
    assert paragraphs[2].startswith("The second trilateral meeting was hosted by Mexico on April 24, 2014")


def test_pdf_running_headers_and_page_numbers_are_dropped():
    text = read_pdf(files.report_pdf(), "report.pdf").text
    assert "UNCLASSIFIED" not in text and "Page" not in text


@pytest.mark.parametrize("title", [None, "Microsoft Word - draft 3.docx", "untitled", "report.pdf"])
def test_pdf_placeholder_titles_give_way_to_the_first_line(tmp_path, title):
    path = tmp_path / "report.pdf"
    path.write_bytes(files.report_pdf(title=title))
    source = load_source(path, tmp_path)
    assert source.title == "Canada-Mexico Defence Cooperation"
    assert (source.published, source.format, source.encoding) == (date(2014, 4, 26), "pdf", None)


@pytest.mark.parametrize(
    ("data", "phrase"),
    [(files.blank_pdf(), "no text in the PDF"), (b"%PDF-1.4\n1 0 obj\n<<>>\n%%EOF\n", "unreadable PDF")],
)
def test_pdf_without_text_or_broken_is_rejected(data, phrase):
    with pytest.raises(SourceError, match=phrase):
        read(data, ".pdf", "scan.pdf")


# --- Word ------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_without_page_headers(tmp_path):
    path = tmp_path / "readout.docx"
    path.write_bytes(files.readout_docx())
    source = load_source(path, tmp_path)
    assert source.text.split("\n\n") == [
        "Minister meets her Mexican counterpart",
        "Yesterday, the Minister of National Defence hosted the Secretary of National Defence of Mexico "
        "in Ottawa.",
        "The Department of National Defence (DND) and SEDENA established Staff Talks in May 2011.",
        "Exercise | Year",
        "Fuerzas Amigas | 2012\n",
    ]
    assert (source.title, source.format, source.converted) == (files.READOUT_TITLE, "docx", True)


@pytest.mark.parametrize(
    ("created", "dateline", "sidecar", "expected"),
    [
        # no dateline: the day the document was created
        (datetime(2022, 6, 9, 14, 30), None, None, date(2022, 6, 9)),
        # a dateline in the text, then the sidecar, come before it
        (datetime(2022, 6, 9, 14, 30), "June 10, 2022 - Ottawa, Ontario", None, date(2022, 6, 10)),
        (datetime(2022, 6, 9, 14, 30), None, "date: 2022-06-11\n", date(2022, 6, 11)),
        # python-docx's template stamp is no document's date
        (None, None, None, None),
    ],
)
def test_docx_date_precedence(tmp_path, created, dateline, sidecar, expected):
    path = tmp_path / "readout.docx"
    path.write_bytes(files.readout_docx(created=created, dateline=dateline))
    if sidecar:
        Path(f"{path}.meta.yaml").write_text(sidecar, encoding="utf-8")
    assert load_source(path, tmp_path).published == expected


def test_broken_docx_is_rejected():
    with pytest.raises(SourceError, match="unreadable .docx"):
        read(_zip(["word/document.xml"]), ".docx", "broken.docx")
