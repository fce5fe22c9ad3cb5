"""Rule data: every packaged file validated by its row model, bad rows named by file and line,
and a user's rules folder adding a body, removing a name and adding a trigger word."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import find_in_text
from typer.testing import CliRunner

from pipeline.cli import EXIT_ERROR, app
from pipeline.errors import PatternError
from pipeline.rules import PACKAGE_DATA, load_rules, packaged_rules, use_rules
from pipeline.rules.user import fingerprint

FILES = ("countries.jsonl", "places.jsonl", "gazetteer.jsonl", "org_terms.jsonl", "timex_words.jsonl",
         "event_patterns.jsonl")


def test_packaged_rules_load_with_an_id_and_example_on_every_row():
    rules = packaged_rules()
    for rows in (rules.countries, rules.places, rules.gazetteer, rules.org_terms, rules.timex_words,
                 rules.event_types, rules.word_classes, rules.ordinals, rules.event_patterns):
        assert rows and all(r.id and r.example for r in rows)
    assert {r.word: r.value for r in rules.ordinals}["seventh"] == 7


def _data_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(PACKAGE_DATA, folder, ignore=shutil.ignore_patterns("*.md"))
    return folder


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("org_terms.jsonl", '{"id": "x", "kind": "no-such-kind", "words": ["Exercise"], "example": "e"}',
         "org_terms.jsonl:2: kind"),
        ("org_terms.jsonl", '{"id": "x", "kind": "event", "words": ["Exercise"]}',
         "org_terms.jsonl:2: example"),
        ("gazetteer.jsonl", '{"id": "x", "name": "X", "country": "Canada", "example": "X"}',
         "gazetteer.jsonl:2: country"),
        ("gazetteer.jsonl", '{"id": "x", "name": "X", "acronym": "Y", "example": "X"}',
         "gazetteer.jsonl:2: acronym: Extra inputs"),
        ("timex_words.jsonl", '{"id": "x", "kind": "month", "forms": [], "value": "", "example": "e"}',
         "timex_words.jsonl:2: forms"),
        ("event_patterns.jsonl", '{"id": "x", "type": "PARADE", "confidence": 0.5, "example": "e", '
         '"pattern": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": "march"}}]}',
         "event_patterns.jsonl:2: type"),
        ("countries.jsonl", "not json", "countries.jsonl:2"),
    ],
)
def test_a_bad_row_is_a_pattern_error_naming_file_and_line(tmp_path, name, line, message):
    folder = _data_copy(tmp_path)
    path = folder / name
    first = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(f"{first}\n{line}\n", encoding="utf-8")
    with pytest.raises(PatternError, match=message):
        load_rules(folder)


def test_a_duplicate_id_is_a_pattern_error(tmp_path):
    folder = _data_copy(tmp_path)
    path = folder / "places.jsonl"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(f"{first}\n{first}\n", encoding="utf-8")
    with pytest.raises(PatternError, match="duplicate ids place-alberta"):
        load_rules(folder)


def test_every_record_event_type_needs_its_taxonomy_entry(tmp_path):
    folder = _data_copy(tmp_path)
    path = folder / "event_types.json"
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if '"id": "TRAIN"' not in ln]
    path.write_text("\n".join(lines).replace("},\n  ]", "}\n  ]"), encoding="utf-8")
    with pytest.raises(PatternError, match="TRAIN"):
        load_rules(folder)


# --- a user's rules ----------------------------------------------------------------------

TEXT = ("The NLTG and the Royal Canadian Navy huddled in Halifax in May 2022. "
        "The Arctic Sentinel Programme was reviewed the same month.")


def _user_rules(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.jsonl").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def user_folder(tmp_path) -> Path:
    return _user_rules(
        tmp_path,
        organizations='{"name": "Nordic Littoral Training Group", "acronym": "NLTG", "country": "NOR"}\n',
        not_organizations='{"text": "the Arctic Sentinel Programme"}\n',
        event_triggers='{"type": "MEET", "word": "huddle", "pos": "VERB"}\n',
    )


def test_user_rules_add_a_body_remove_a_name_and_add_a_trigger(nlp, user_folder):
    before = find_in_text(nlp, TEXT)
    names = {e.name for e in before.organizations}
    assert "Arctic Sentinel Programme" in names  # what the user corrects
    assert [(e.name, e.country) for e in before.organizations if e.acronym == "NLTG"] == [("NLTG", None)]
    assert not any(TEXT[e.trigger[0]:e.trigger[1]] == "huddled" for e in before.events)

    with use_rules(load_rules(user=user_folder)):
        after = find_in_text(nlp, TEXT)
    (nltg,) = [e for e in after.organizations if e.acronym == "NLTG"]
    assert (nltg.name, nltg.country) == ("Nordic Littoral Training Group", "NOR")
    assert {TEXT[m.start:m.end] for m in nltg.mentions} == {"NLTG"}
    assert "Arctic Sentinel Programme" not in {e.name for e in after.organizations}
    (huddle,) = [e for e in after.events if TEXT[e.trigger[0]:e.trigger[1]] == "huddled"]
    assert huddle.type == "MEET" and huddle.date.value == "2022-05"
    assert {p.name for p in huddle.participants} >= {"NLTG", "Royal Canadian Navy"}
    assert huddle.location == ("Halifax", "CAN")


def test_user_rules_are_in_the_fingerprint(tmp_path, user_folder):
    before = fingerprint(user_folder)
    (user_folder / "not_organizations.jsonl").write_text('{"text": "Budget"}\n', encoding="utf-8")
    assert fingerprint(user_folder) != before


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("organizations", '{"name": "X Group", "country": "Norway"}', "organizations.jsonl:2: country"),
        ("not_organizations", '{"name": "Budget"}', "not_organizations.jsonl:2: text: Field required"),
        ("event_triggers", '{"type": "PARADE", "word": "march"}', "event_triggers.jsonl:2: type"),
        ("event_triggers", "{", "event_triggers.jsonl:2"),
    ],
)
def test_a_malformed_user_rules_file_exits_2_naming_file_and_line(tmp_path, name, line, message):
    good = {"organizations": '{"name": "Y Group"}', "not_organizations": '{"text": "Y"}',
            "event_triggers": '{"type": "MEET", "word": "gather"}'}[name]
    folder = _user_rules(tmp_path, **{name: f"{good}\n{line}\n"})
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(src), "--out", str(tmp_path / "out"), "--rules",
                                      str(folder), "--no-progress"])
    assert result.exit_code == EXIT_ERROR, result.output
    assert message in result.output and str(folder) in result.output
    assert not (tmp_path / "out").exists()  # stopped before any work
