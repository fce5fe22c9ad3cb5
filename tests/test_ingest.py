"""Ingest: decoding, front matter, the date line, and the cleaned view's map back to the text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.errors import SourceError
from pipeline.ingest import clean, load_source
from pipeline.ingest.metadata import header_metadata, parse_date_line, parse_dateline
from pipeline.ingest.reading import decode


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Saturday, April 26, 2014", date(2014, 4, 26)),
        ("April 26, 2014", date(2014, 4, 26)),
        ("26 April 2014", date(2014, 4, 26)),
        ("2021-03-01", date(2021, 3, 1)),
        ("The Canada-Mexico Defence Relationship", None),
        ("February 30, 2014", None),
    ],
)
def test_parse_date_line(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Saturday, April 26, 2014", date(2014, 4, 26)),
        ("March 3, 2021 - Ottawa, Ontario - National Defence / Canadian Armed Forces", date(2021, 3, 3)),
        ("March 3, 2021 – Ottawa, Ontario – National Defence / Canadian Armed Forces", date(2021, 3, 3)),
        ("Posted on March 3, 2021 by admin", date(2021, 3, 3)),
        ("Published: 2021-03-03T10:00:00", date(2021, 3, 3)),
        ("Date: 3 March 2021", date(2021, 3, 3)),
        ("OTTAWA, ON, March 3, 2021 /CNW/ - Today the Minister of National Defence", date(2021, 3, 3)),
        ("WASHINGTON, March 3, 2021 — The Secretary of Defense met", date(2021, 3, 3)),
        # a sentence that starts with a date is no dateline; nor is a month without its day
        ("On March 3, 2021, the Minister met her counterpart.", None),
        ("March 3, 2021 was the day the talks began.", None),
        ("Posted in March 2021", None),
        ("Ottawa, March 3, 2021 - the Minister", None),
    ],
)
def test_parse_dateline(line, expected):
    assert parse_dateline(line) == expected


def test_header_takes_a_release_dateline_under_the_title():
    text = ("Canada and Chile sign a defence cooperation arrangement\n\n"
            "March 3, 2021 - Ottawa, Ontario - National Defence / Canadian Armed Forces\n\n"
            "Today, the Minister signed an arrangement.")
    title = "Canada and Chile sign a defence cooperation arrangement"
    assert header_metadata(text, 0) == (date(2021, 3, 3), title)


def test_header_ignores_dates_after_the_first_paragraph_of_prose():
    text = "A title\n\n" + "The talks continued for years. " * 12 + "\n\nMarch 3, 2021 - Ottawa\n"
    assert header_metadata(text, 0) == (None, "A title")


def test_header_gives_date_and_title_of_a_blog_copy():
    text = "Saturday, April 26, 2014\n\nThe Canada-Mexico Defence Relationship\n\nMexico is a partner."
    assert header_metadata(text, 0) == (date(2014, 4, 26), "The Canada-Mexico Defence Relationship")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "whitespace only"),
        # neither UTF-8 nor readable Windows-1252: bytes of a compressed stream
        (bytes(range(128, 256)) * 3, "invalid UTF-8"),
        (b"PK\x03\x04\x00\x00binary", "binary file"),
    ],
)
def test_undecodable_input_is_a_source_error(data, reason):
    with pytest.raises(SourceError, match=reason):
        decode(data, "x.txt")


def test_utf16_with_bom_is_decoded():
    assert decode("Mexico hosted".encode("utf-16"), "x.txt") == "Mexico hosted"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_front_matter_gives_date_and_title(tmp_path):
    path = _write(tmp_path, "a.md", b"---\ndate: '2021-03-01'\ntitle: \"FACT SHEET\"\n---\nToday, he met.\n")
    src = load_source(path, tmp_path)
    assert (src.doc_id, src.published, src.title) == ("a", date(2021, 3, 1), "FACT SHEET")
    assert src.text.startswith("---")  # stored text is kept verbatim


def test_broken_front_matter_is_a_source_error(tmp_path):
    path = _write(tmp_path, "b.md", b"---\ndate: [2021\ntitle: x\n---\nText.\n")
    with pytest.raises(SourceError, match="front matter"):
        load_source(path, tmp_path)


@pytest.mark.parametrize(
    ("stored", "name", "slice_"),
    [
        # a name broken by a hard line wrap is one name in the cleaned view
        ("The bill was read by members of the House and by the National Security\nCouncil staff.",
         "National Security Council", "National Security\nCouncil"),
        # markup is not content
        ("**Pandemic Response:** It is in the national security interest",
         "Pandemic Response:", "Pandemic Response:"),
        ("in the\n21<sup>st</sup> century and after that, many people think",
         "21st century", "21<sup>st</sup> century"),
        # CRLF endings and non-breaking spaces
        ("Bilateral\u00a0Cooperation between the two countries is growing\r\nfast",
         "Bilateral Cooperation", "Bilateral\u00a0Cooperation"),
    ],
)
def test_clean_view_maps_back_to_the_stored_text(tmp_path, stored, name, slice_):
    path = _write(tmp_path, "c.txt", stored.encode("utf-8"))
    src = load_source(path, tmp_path)
    view = clean(src)
    i = view.text.index(name)
    start, end = view.to_source(i, i + len(name))
    assert src.text[start:end] == slice_
    assert len(view.offsets) == len(view.text)
