"""`pipeline evaluate`: hand-counted figures on crafted outputs, JSON, bad gold, the reference's figures.

Nothing here reads ../shared: the annotated sample lives in tests/data/eval/
(see its README.md for where each file came from).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_ERROR, app
from pipeline.evaluate import evaluate
from pipeline.evaluate.measures import MEASURES, Counts
from pipeline.evaluate.report import to_json

SAMPLE = Path(__file__).resolve().parent / "data" / "eval"
runner = CliRunner()

TEXT = (
    "Ottawa, May 3, 2011 - The Department of National Defence (DND) hosted talks with the\n"
    "Mexican Secretariat of the Navy (SEMAR) in Ottawa. DND signed an arrangement with SEMAR\n"
    "in May 2011. The Canadian Armed Forces joined the exercise in 2012.\n"
)


def span(needle: str, n: int = 1) -> dict:
    """The n-th occurrence of needle in TEXT as an output span."""
    start = -1
    for _ in range(n):
        start = TEXT.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def org(name: str, acronym: str | None, *mentions: dict) -> dict:
    return {"doc_id": "release", "name": name, "acronym": acronym, "mentions": list(mentions)}


def date(needle: str, value: str, n: int = 1) -> dict:
    return {"doc_id": "release", **span(needle, n), "value": value}


def event(type_: str, trigger: str, value: str | None = None, participants=(), location=None) -> dict:
    return {"doc_id": "release", "type": type_, "trigger": span(trigger),
            "date": {"value": value, "date_id": None} if value else None,
            "location": {"name": location} if location else None,
            "participants": [{"role": "participant", **p} for p in participants]}


DND = org("Department of National Defence", "DND",
          span("Department of National Defence"), span("DND"), span("DND", 2))
# The gold of TEXT, written as an annotator would: strings, not offsets.
GOLD = {
    "file": "release.txt",
    "organizations": [
        {"names": ["Department of National Defence", "DND"],
         "mentions": ["Department of National Defence", {"text": "DND", "all": True}]},
        {"names": ["Mexican Secretariat of the Navy", "SEMAR"],
         "mentions": ["Mexican Secretariat of the Navy", {"text": "SEMAR", "occurrence": 1},
                      {"text": "SEMAR", "occurrence": 2}]},
        {"names": ["Canadian Armed Forces"], "mentions": ["Canadian Armed Forces"], "optional": True},
    ],
    "dates": [
        {"text": "May 3, 2011", "value": "2011-05-03"},
        {"text": "May 2011", "value": "2011-05"},
        {"text": "2012", "value": "2012", "optional": True},
    ],
    "events": [
        {"type": "MEET", "date": "2011-05-03", "trigger": "hosted",
         "evidence": "The Department of National Defence (DND) hosted talks with the Mexican Secretariat",
         "participants": ["Canada", "SEMAR", "Mexico"], "location": "Ottawa"},
        {"type": "AGREE", "date": "2011-05", "evidence": "DND signed an arrangement with SEMAR in May 2011"},
        {"type": "EXERCISE", "trigger": "joined", "optional": True},
    ],
}


def make_output(
    tmp_path: Path, orgs=(), dates=(), events=(), gold: dict | None = None
) -> tuple[Path, Path, Path]:
    """An output folder, its sources folder and a gold folder for TEXT: (out, gold_dir, sources)."""
    base = Path(tempfile.mkdtemp(dir=tmp_path))  # a new one each call: a test may build several
    sources, out, gold_dir = base / "src", base / "out", base / "gold"
    for folder in (sources, out, gold_dir):
        folder.mkdir()
    (sources / "release.txt").write_text(TEXT, encoding="utf-8")
    doc = {"doc_id": "release", "source": "release.txt",
           "sha256": hashlib.sha256(TEXT.encode()).hexdigest()}
    for name, rows in (("documents", [doc]), ("organizations", orgs), ("dates", dates), ("events", events)):
        (out / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (gold_dir / "release.gold.json").write_text(json.dumps(gold or GOLD), encoding="utf-8")
    return out, gold_dir, sources


def counts(tmp_path: Path, **output) -> dict[str, tuple[int, int, int]]:
    report = evaluate(*make_output(tmp_path, **output))
    return {m: (c.tp, c.fp, c.fn) for m, c in report.counts.items()}


SEMAR = org("Mexican Secretariat of the Navy", "SEMAR",
            span("Mexican Secretariat of the Navy"), span("SEMAR"), span("SEMAR", 2))


def test_one_record_per_organization_is_right(tmp_path):
    got = counts(tmp_path, orgs=[DND, SEMAR])
    assert got["org"] == (2, 0, 0) and got["mention"] == (6, 0, 0)


def test_an_acronym_not_linked_to_its_long_form_is_a_false_positive(tmp_path):
    long_form = org("Department of National Defence", None, span("Department of National Defence"))
    acronym = org("DND", None, span("DND"), span("DND", 2))
    got = counts(tmp_path, orgs=[long_form, acronym, SEMAR])
    assert got["org"] == (2, 1, 0)  # the second record of DND is a duplicate
    assert got["mention"] == (6, 0, 0)  # every span is still right


def test_optional_organizations_count_neither_way(tmp_path):
    caf = org("Canadian Armed Forces", None, span("Canadian Armed Forces"))
    assert counts(tmp_path, orgs=[DND, SEMAR, caf])["org"] == (2, 0, 0)
    assert counts(tmp_path, orgs=[DND])["org"] == (1, 0, 1)  # SEMAR missed, CAF not


def test_missed_and_made_up_organizations_and_mentions(tmp_path):
    ottawa = org("Ottawa", None, span("Ottawa"))
    got = counts(tmp_path, orgs=[DND, ottawa])
    assert got["org"] == (1, 1, 1)  # Ottawa made up, SEMAR missed
    assert got["mention"] == (3, 1, 3)


def test_dates_relaxed_strict_and_value(tmp_path):
    dates = [
        date("May 3, 2011", "2011-05-03"),
        date("in May 2011", "2011-05"),  # the governing preposition in the extent: strict misses
        date("2012", "2012"),  # matches an optional gold date: no false positive
        date("exercise", "XXXX"),  # made up
    ]
    got = counts(tmp_path, dates=dates)
    assert got["date_relaxed"] == (2, 1, 0)
    assert got["date_strict"] == (1, 2, 1)
    assert got["date_value"] == (2, 1, 0)


def test_a_wrong_date_value_is_a_false_positive_and_a_miss(tmp_path):
    got = counts(tmp_path, dates=[date("May 3, 2011", "2011-05-03"), date("May 2011", "2011")])
    assert got["date_value"] == (1, 1, 1) and got["date_strict"] == (2, 0, 0)


def test_events_type_trigger_and_date(tmp_path):
    events = [
        event("MEET", "hosted", "2011-05-03"),
        event("AGREE", "signed", "2011"),  # right event, wrong date
        event("EXERCISE", "joined"),  # matches an optional gold event
        event("VISIT", "talks"),  # no VISIT there
    ]
    got = counts(tmp_path, events=events)
    assert got["event"] == (2, 1, 0)
    assert got["event_full"] == (1, 2, 1)


def test_an_event_with_the_wrong_type_misses(tmp_path):
    got = counts(tmp_path, events=[event("MEET", "hosted", "2011-05-03"), event("MEET", "signed", "2011-05")])
    assert got["event"] == (1, 1, 1)
    assert got["event_full"] == (1, 1, 1)


def test_event_arguments_recall(tmp_path):
    participants = [{"name": "Department of National Defence", "country": "CAN"},
                    {"name": "Mexican Secretariat of the Navy", "acronym": "SEMAR"}]
    meet = event("MEET", "hosted", "2011-05-03", participants, location="Ottawa, Ontario")
    # Canada is found through "CAN", SEMAR by its acronym, Ottawa inside "Ottawa, Ontario"; Mexico is not
    assert counts(tmp_path, events=[meet])["event_args"] == (3, 0, 1)


def test_report_json_has_a_figure_per_measure_and_details(tmp_path):
    out, gold, sources = make_output(tmp_path, orgs=[DND, SEMAR], events=[event("MEET", "hosted")])
    result = runner.invoke(app, ["evaluate", str(out), str(gold), "--sources", str(sources), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(MEASURES) <= set(data) and set(data["details"]) == set(MEASURES)
    assert data["org"] == 1.0
    assert data["details"]["org"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert data["details"]["event"] == {"p": 1.0, "r": 0.5, "f1": 0.667, "tp": 1, "fp": 0, "fn": 1}
    # event_args is a recall: the figure is R, and P and F1 are not measured
    assert data["event_args"] == 0.0 and data["details"]["event_args"]["p"] is None
    assert (data["documents"], data["documents_missing"]) == (1, 0)


def test_verbose_lists_misses_and_false_alarms_with_text_and_document(tmp_path):
    ottawa = org("Ottawa", None, span("Ottawa"))
    out, gold, sources = make_output(tmp_path, orgs=[DND, ottawa], dates=[date("May 2011", "2011")])
    result = runner.invoke(app, ["evaluate", str(out), str(gold), "--sources", str(sources), "--verbose"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "release" in lines
    for expected in ('org          false alarm  "Ottawa"',
                     'org          miss         "Mexican Secretariat of the Navy"',
                     f'mention      miss         "SEMAR" [{span("SEMAR")["start"]}, {span("SEMAR")["end"]}]',
                     'date_value   wrong value  "May 2011"',
                     'date         miss         "May 3, 2011"'):
        assert any(line.strip().startswith(expected) for line in lines), expected


def test_bad_gold_exits_2_naming_file_and_item(tmp_path):
    gold = {**GOLD, "organizations": [{"names": ["DND"], "mentions": ["DND", "DNDX"]}]}
    out, gold_dir, sources = make_output(tmp_path, gold=gold)
    (gold_dir / "broken.gold.json").write_text('{"file": "x.txt",', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(out), str(gold_dir), "--sources", str(sources)])
    assert result.exit_code == EXIT_ERROR
    assert f'{gold_dir / "release.gold.json"}: organizations[0].mentions[1]: "DNDX" not found in the text' \
        in result.stderr
    assert f"{gold_dir / 'broken.gold.json'}: line 1 column 18: not JSON" in result.stderr


def test_strings_cannot_be_placed_without_the_sources(tmp_path):
    out, gold_dir, _ = make_output(tmp_path)
    result = runner.invoke(app, ["evaluate", str(out), str(gold_dir), "--sources", str(tmp_path / "nowhere")])
    assert result.exit_code == EXIT_ERROR
    assert 'organizations[0].mentions[0]: cannot look up "Department of National Defence"' in result.stderr
    assert "give the sources folder with --sources" in result.stderr


def test_text_path_names_the_text_the_offsets_index(tmp_path):
    out, gold_dir, _ = make_output(tmp_path, orgs=[DND])
    (out / "texts").mkdir()
    (out / "texts" / "release.txt").write_text(TEXT, encoding="utf-8")
    doc = json.loads((out / "documents.jsonl").read_text())
    (out / "documents.jsonl").write_text(json.dumps({**doc, "text_path": "texts/release.txt"}) + "\n")
    report = evaluate(out, gold_dir, tmp_path / "nowhere")
    assert report.counts["org"] == Counts(1, 0, 1)


def test_a_document_not_in_the_output_counts_as_misses(tmp_path):
    out, gold_dir, sources = make_output(tmp_path, orgs=[DND])
    gold = {**GOLD, "file": "other.txt"}
    (sources / "other.txt").write_text(TEXT, encoding="utf-8")
    (gold_dir / "release.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate(out, gold_dir, sources)
    assert report.counts["org"] == Counts(0, 0, 2) and report.counts["event"] == Counts(0, 0, 2)
    assert len(report.missing) == 1 and "no document other.txt" in report.missing[0]


def test_a_source_changed_since_annotation_is_not_matched(tmp_path):
    out, gold_dir, sources = make_output(tmp_path, orgs=[DND])
    gold = {**GOLD, "sha256": "0" * 64, "organizations": [{"names": ["DND"], "mentions": [[59, 62]]}],
            "dates": [], "events": []}
    (gold_dir / "release.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate(out, gold_dir, sources)
    assert report.counts["org"] == Counts(0, 0, 1)
    assert "release.txt has changed since it was annotated" in report.missing[0]


def test_evaluate_has_help():
    result = runner.invoke(app, ["evaluate", "--help"])
    assert result.exit_code == 0 and "--verbose" in result.output and "--sources" in result.output


# --- the shipped sample: three documents of the shared dev set with their gold ---------------------

# Figures of the reference scorer on the sample, from
#   python3 ../shared/eval/score.py tests/data/eval/output tests/data/eval/gold --json
# and the tp/fp/fn of its table, run when the sample was added, on the output committed with it.
REFERENCE = {"org": 0.579, "mention": 0.692, "date_relaxed": 0.952, "date_strict": 0.952, "date_value": 0.762,
             "event": 0.4, "event_full": 0.4, "event_args": 0.667, "documents": 3, "documents_missing": 0}
REFERENCE_COUNTS = {
    "org": (11, 10, 6), "mention": (18, 10, 6), "date_relaxed": (10, 0, 1), "date_strict": (10, 0, 1),
    "date_value": (8, 2, 3), "event": (1, 1, 2), "event_full": (1, 1, 2), "event_args": (2, 0, 1),
}


@pytest.mark.parametrize("gold", ["gold", "gold-text"])
def test_sample_figures_agree_with_the_reference_scorer(gold):
    """gold/ is the shared gold (offsets); gold-text/ the same annotation as strings: same figures."""
    report = evaluate(SAMPLE / "output", SAMPLE / gold, SAMPLE / "corpus")
    assert {m: (c.tp, c.fp, c.fn) for m, c in report.counts.items()} == REFERENCE_COUNTS
    data = to_json(report)
    assert {k: data[k] for k in REFERENCE} == REFERENCE


def test_sample_gold_offsets_and_strings_give_the_same_findings():
    by_offsets = evaluate(SAMPLE / "output", SAMPLE / "gold", SAMPLE / "corpus")
    by_strings = evaluate(SAMPLE / "output", SAMPLE / "gold-text", SAMPLE / "corpus")
    assert by_offsets.findings == by_strings.findings
