"""A sources folder as users have it: a web page, a PDF, a Word document, a Windows-1252 note, an image.

Extracted once (with the session model): each format gives its title, date,
organizations and events, nothing comes from the page's boilerplate, the
image is rejected by name, and every offset of every record slices the text
that its document's `text_path` names. Then the converted texts' life: they
come back from the cache, and go when their source goes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sample_files as files
from typer.testing import CliRunner

from pipeline.cli import EXIT_REJECTS, app
from pipeline.output import read_jsonl
from pipeline.run.runner import extract
from pipeline.settings import Settings

PLAIN = "The second trilateral meeting was hosted by Mexico on April 24, 2014.\n"


def _make_folder(src: Path) -> None:
    (src / "reports").mkdir(parents=True)
    (src / "page.html").write_text(files.PAGE_HTML, encoding="utf-8")
    (src / "reports" / "report.pdf").write_bytes(files.report_pdf())
    (src / "readout.docx").write_bytes(files.readout_docx())
    (src / "notes.txt").write_bytes(files.notes_cp1252())
    (src / "scan.png").write_bytes(files.PNG)
    (src / "plain.txt").write_text(PLAIN, encoding="utf-8")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, nlp, settings):
    root = tmp_path_factory.mktemp("mixed")
    _make_folder(root / "sources")
    summary = extract(root / "sources", root / "output", settings, nlp=nlp)
    return root / "sources", root / "output", summary


def _by_doc(out: Path, name: str) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    for row in read_jsonl(out / f"{name}.jsonl"):
        rows.setdefault(row["doc_id"], []).append(row)
    return rows


# doc_id -> (format, encoding, text_path, title, published)
DOCUMENTS = {
    "notes": ("txt", "windows-1252", "texts/notes.txt.txt", files.NOTES_TITLE, "2021-03-03"),
    "page": ("html", "utf-8", "texts/page.html.txt", files.PAGE_TITLE, "2021-03-03"),
    "plain": ("txt", "utf-8", "../sources/plain.txt", PLAIN.strip(), None),
    "readout": ("docx", None, "texts/readout.docx.txt", files.READOUT_TITLE, "2022-06-09"),
    "reports/report": ("pdf", None, "texts/reports/report.pdf.txt", files.REPORT_TITLE, "2014-04-26"),
}


def test_each_format_gives_its_document_record(mixed):
    _, out, summary = mixed
    docs = {d["doc_id"]: d for d in read_jsonl(out / "documents.jsonl")}
    assert {k: (d["format"], d["encoding"], d["text_path"], d["title"], d["published"])
            for k, d in docs.items()} == DOCUMENTS
    assert (summary.documents, summary.undated) == (5, 1)


def test_an_image_is_rejected_by_name(mixed):
    _, out, summary = mixed
    assert [(r.source, r.stage, r.reason) for r in summary.rejects] == [
        ("scan.png", "ingest", "an image (PNG), not a text: it would need OCR first")]
    assert [r["source"] for r in read_jsonl(out / "rejects.jsonl")] == ["scan.png"]


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        # the document date of each format resolves its relative expressions
        ("page", {("March 3, 2021", "2021-03-03"), ("May 2011", "2011-05"), ("Last year", "2020")}),
        ("reports/report",
         {("May 2011", "2011-05"), ("last year", "2013"), ("April 24, 2014", "2014-04-24")}),
        ("readout", {("Yesterday", "2022-06-08"), ("May 2011", "2011-05")}),
        ("notes", {("March 3, 2021", "2021-03-03"), ("Last year", "2020")}),
    ],
)
def test_dates_of_each_format(mixed, doc_id, expected):
    _, out, _ = mixed
    assert {(r["text"], r["value"]) for r in _by_doc(out, "dates")[doc_id]} >= expected


@pytest.mark.parametrize("doc_id", ["page", "reports/report", "readout", "notes"])
def test_organizations_and_events_of_each_format(mixed, doc_id):
    _, out, _ = mixed
    orgs = {r["name"]: r["acronym"] for r in _by_doc(out, "organizations")[doc_id]}
    assert orgs["Department of National Defence"] == "DND"
    assert "SEDENA" in orgs.values()
    events = {(r["type"], r["trigger"]["text"]) for r in _by_doc(out, "events")[doc_id]}
    assert ("ESTABLISH", "established") in events


def test_nothing_comes_from_boilerplate(mixed):
    _, out, _ = mixed
    for name in ("organizations", "dates", "events"):
        written = (out / f"{name}.jsonl").read_text(encoding="utf-8")
        for word in files.BOILERPLATE:
            assert word not in written, (name, word)


def test_every_offset_slices_the_text_that_text_path_names(mixed):
    _, out, _ = mixed
    texts = {d["doc_id"]: (out / d["text_path"]).read_bytes().decode("utf-8")
             for d in read_jsonl(out / "documents.jsonl")}
    assert {len(t) for t in texts.values()} == {d["chars"] for d in read_jsonl(out / "documents.jsonl")}
    checked = set()
    for row in read_jsonl(out / "dates.jsonl"):
        assert texts[row["doc_id"]][row["start"]:row["end"]] == row["text"]
        checked.add(row["doc_id"])
    for row in read_jsonl(out / "organizations.jsonl"):
        for m in row["mentions"]:
            assert texts[row["doc_id"]][m["start"]:m["end"]] == m["text"]
    for row in read_jsonl(out / "events.jsonl"):
        for span in (row["trigger"], *row["evidence"]):
            assert texts[row["doc_id"]][span["start"]:span["end"]] == span["text"]
    assert checked == set(DOCUMENTS)


def test_converted_texts_come_back_from_the_cache_and_go_with_their_source(tmp_path, nlp, settings):
    src, out = tmp_path / "sources", tmp_path / "output"
    _make_folder(src)
    (src / "scan.png").unlink()
    extract(src, out, settings, nlp=nlp)
    first = {p.relative_to(out).as_posix(): p.read_bytes() for p in (out / "texts").rglob("*.txt")}
    assert sorted(first) == sorted(v[2] for v in DOCUMENTS.values() if v[2].startswith("texts/"))
    shutil.rmtree(out / "texts")
    again = extract(src, out, settings, nlp=nlp)
    assert again.cached == 5
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in (out / "texts").rglob("*.txt")} == first
    (src / "reports" / "report.pdf").unlink()
    (src / "page.html").unlink()
    extract(src, out, settings, nlp=nlp)
    assert sorted(p.relative_to(out).as_posix() for p in (out / "texts").rglob("*")) == [
        "texts/notes.txt.txt", "texts/readout.docx.txt"]
    assert list(out.rglob("*.tmp")) == []


def test_cli_extracts_the_folder_and_exits_3_for_the_image(tmp_path, mixed):
    sources, _, _ = mixed
    shutil.copytree(sources, tmp_path / "sources")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "sources"), "--out", str(tmp_path / "out"),
                                      "--no-progress"])
    assert result.exit_code == EXIT_REJECTS
    assert "rejected scan.png: an image (PNG)" in result.output
    assert "5 documents (0 unchanged, from the cache; 1 without a date)" in result.output


def test_an_output_folder_inside_the_sources_is_not_read_as_sources(tmp_path, nlp):
    (tmp_path / "notes.txt").write_bytes(files.notes_cp1252())
    settings = Settings()
    extract(tmp_path, tmp_path / "output", settings, nlp=nlp)
    again = extract(tmp_path, tmp_path / "output", settings, nlp=nlp)
    assert (again.documents, again.rejects) == (1, [])


def test_two_files_with_one_document_id_keep_the_first_and_reject_the_other(tmp_path, nlp):
    src = tmp_path / "sources"
    src.mkdir()
    (src / "readout.docx").write_bytes(files.readout_docx())
    (src / "readout.txt").write_text(PLAIN, encoding="utf-8")
    summary = extract(src, tmp_path / "output", Settings(), nlp=nlp)
    docs = list(read_jsonl(tmp_path / "output" / "documents.jsonl"))
    assert [(d["doc_id"], d["source"]) for d in docs] == [("readout", "readout.docx")]
    assert [(r.source, r.stage) for r in summary.rejects] == [("readout.txt", "ingest")]
    assert "same document id as readout.docx" in summary.rejects[0].reason
