"""Gold files: strings placed in the text, and bad gold named by file and item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import GoldError
from pipeline.evaluate.gold import Span, parse_gold
from pipeline.evaluate.locate import find_all, resolve

# A release in the style of the corpus, hard-wrapped like a .txt source.
TEXT = (
    "Ottawa, May 3, 2011 - The Department of National Defence (DND) hosted talks with the\n"
    "Mexican Secretariat of the Navy (SEMAR) in Ottawa. DND signed an arrangement with SEMAR\n"
    "in May 2011. DNDX is a test code, not DND’s.\n"
)


def _at(needle: str, n: int = 1) -> tuple[int, int]:
    """Offsets of the n-th plain occurrence of needle in TEXT, computed independently of find_all."""
    start = -1
    for _ in range(n):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def _resolve(gold: dict, text: str | None = TEXT):
    gold = {"file": "release.txt", **gold}
    return resolve(parse_gold(json.dumps(gold).encode(), "x.gold.json"), "x.gold.json", "release", text,
                   "sources/release.txt does not exist")


@pytest.mark.parametrize(
    "needle, expected",
    [
        ("DND", [_at("DND", 1), _at("DND", 2), _at("DND", 4)]),  # not inside "DNDX"; "DND’s" counts
        ("Mexican Secretariat of the Navy", [_at("Mexican Secretariat of the Navy")]),
        # the line break after "the" matches the space an annotator types
        ("talks with the Mexican", [(_at("talks with the")[0], _at("Mexican")[1])]),
        ("DND's", [_at("DND’s")]),  # a straight quote matches the curly one
        ("U.S.", []),
        ("   ", []),
    ],
)
def test_find_all_finds_whole_words_leniently(needle, expected):
    assert find_all(TEXT, needle) == expected


def test_strings_are_placed_with_occurrence_and_all():
    gold = _resolve({
        "organizations": [
            {"names": ["Department of National Defence", "DND"],
             "mentions": ["Department of National Defence", {"text": "DND", "occurrence": 2}]},
            {"names": ["SEMAR"], "mentions": [{"text": "SEMAR", "all": True}]},
        ],
        "dates": [{"text": "May 2011", "value": "2011-05"}, {"text": "May 3, 2011", "value": "2011-05-03"}],
        "events": [{"type": "AGREE", "date": "2011-05", "trigger": "signed",
                    "evidence": "DND signed an arrangement with SEMAR in May 2011"}],
    })
    dnd, semar = gold.organizations
    assert [m[:2] for m in dnd.mentions] == [_at("Department of National Defence"), _at("DND", 2)]
    assert [m[:2] for m in semar.mentions] == [_at("SEMAR", 1), _at("SEMAR", 2)]
    assert [d.span for d in gold.dates] == [
        Span(*_at("May 2011"), "May 2011"), Span(*_at("May 3, 2011"), "May 3, 2011")]
    (event,) = gold.events
    start = _at("DND signed")[0]
    assert event.evidence == (Span(start, _at("May 2011")[1], TEXT[start:_at("May 2011")[1]]),)


def test_a_trigger_without_evidence_is_the_evidence():
    gold = _resolve({"events": [{"type": "MEET", "trigger": "hosted"},
                                {"type": "AGREE", "trigger": "DND", "occurrence": 2}]})
    assert [e.evidence[0][:2] for e in gold.events] == [_at("hosted"), _at("DND", 2)]


def test_offsets_are_checked_against_the_text_when_it_is_known():
    ok = {"dates": [{"text": "May 2011", "start": _at("May 2011")[0], "end": _at("May 2011")[1],
                     "value": "2011-05"}]}
    assert _resolve(ok).dates[0].span.text == "May 2011"
    assert _resolve(ok, text=None).dates[0].span.text == "May 2011"  # unread text: taken on trust


def test_scope_defaults_to_the_sections_the_file_has():
    assert _resolve({"dates": []}).scope == {"dates"}
    assert _resolve({"scope": ["events"], "dates": []}).scope == {"events"}


@pytest.mark.parametrize(
    "gold, problem",
    [
        ({"organizations": [{"names": ["DND"], "mentions": ["DND", "DNDY"]}]},
         'organizations[0].mentions[1]: "DNDY" not found in the text'),
        ({"organizations": [{"names": ["DND"], "mentions": [{"text": "SEMAR", "occurrence": 3}]}]},
         'organizations[0].mentions[0]: "SEMAR" occurs 2 times in the text, not 3'),
        ({"dates": [{"text": "May 2011", "start": 0, "end": 8, "value": "2011-05"}]},
         'dates[0]: "May 2011" is not the text at [0, 8], which is "Ottawa, "'),
        ({"organizations": [{"names": ["DND"], "mentions": [[0, 9999]]}]},
         "organizations[0].mentions[0]: [0, 9999] runs past the end of the text"),
        ({"events": [{"type": "AGREE", "trigger": "hosted", "evidence": "DND signed an arrangement"}]},
         'events[0].trigger: "hosted" is not in its evidence'),
        ({"events": [{"type": "AGREE", "evidence": ["DND signed", "signed a treaty"]}]},
         'events[0].evidence[1]: "signed a treaty" not found in the text'),
    ],
)
def test_a_string_or_offset_that_does_not_fit_the_text_is_named(gold, problem):
    with pytest.raises(GoldError) as exc:
        _resolve(gold)
    assert any(p.startswith(f"x.gold.json: {problem}") for p in exc.value.problems), exc.value.problems


def test_every_bad_item_is_reported_at_once():
    with pytest.raises(GoldError) as exc:
        _resolve({
            "organizations": [{"names": ["A"], "mentions": ["NOPE1"]},
                              {"names": ["B"], "mentions": ["NOPE2"]}],
            "dates": [{"text": "NOPE3", "value": "2011"}],
        })
    assert [p.split(":")[1].strip() for p in exc.value.problems] == [
        "organizations[0].mentions[0]", "organizations[1].mentions[0]", "dates[0]"]


def test_strings_need_the_text():
    message = r'mentions\[0\]: cannot look up "DND": sources/release.txt does not exist'
    with pytest.raises(GoldError, match=message):
        _resolve({"organizations": [{"names": ["DND"], "mentions": ["DND"]}]}, text=None)


@pytest.mark.parametrize(
    "raw, problem",
    [
        (b'{"file": "a.txt", "dates": [}', "line 1 column 29: not JSON"),
        (b"[]", "a gold file holds one JSON object"),
        (b'{"dates": []}', 'name the document: "sha256", "doc_id" or "file"'),
        (b'{"file": "a.txt", "organisations": []}', "organisations: unknown key (a typo?)"),
        (b'{"file": "a.txt", "dates": [{"text": "May"}]}', "dates[0].value: required, missing"),
        (b'{"file": "a.txt", "dates": [{"text": "May", "value": 2011}]}',
         "dates[0].value: Input should be a valid string, got 2011"),
        (b'{"file": "a.txt", "dates": [{"text": "May", "value": "2011", "start": 3}]}',
         "dates[0]: give both start and end"),
        (b'{"file": "a.txt", "organizations": [{"names": ["A"], "mentions": [[1, "4"]]}]}',
         'organizations[0].mentions[0].end: Input should be a valid integer, got "4"'),
        (b'{"file": "a.txt", "organizations": [{"names": ["A"], "mentions": [[4, 1]]}]}',
         "organizations[0].mentions[0]: end 1 is not after start 4"),
        (b'{"file": "a.txt", "organizations": [{"names": ["A"], "mentions": [{"text": "A", "all": true, '
         b'"occurrence": 2}]}]}', 'organizations[0].mentions[0]: "occurrence" and "all" exclude each other'),
        (b'{"file": "a.txt", "organizations": [{"names": [], "mentions": []}]}',
         "organizations[0].names: List should have at least 1 item"),
        (b'{"file": "a.txt", "events": [{"type": "MEETING", "trigger": "met"}]}',
         "events[0].type: Input should be 'ESTABLISH', 'MEET'"),
        (b'{"file": "a.txt", "events": [{"type": "MEET"}]}',
         'events[0]: give "evidence" (the passage that states the event) or "trigger"'),
        (b'{"file": "a.txt", "events": [{"type": "MEET", "evidence": [[1, 5]], "evidence_text": []}]}',
         'events[0]: "evidence_text" has 0 passages, "evidence" 1'),
    ],
)
def test_malformed_gold_is_named_by_item(raw, problem):
    with pytest.raises(GoldError) as exc:
        parse_gold(raw, "gold/a.gold.json")
    assert any(p.startswith(f"gold/a.gold.json: {problem}") for p in exc.value.problems), exc.value.problems


def test_the_readme_example_is_valid_gold_for_its_document():
    """The example of README's "Measure and correct" section, placed in the sample's copy of its document."""
    root = Path(__file__).resolve().parent.parent
    section = (root / "README.md").read_text(encoding="utf-8").split("## Measure and correct")[1]
    example = section.split("```json\n")[1].split("```")[0]
    gold = parse_gold(example.encode(), "README.md")
    text = (root / "tests/data/eval/corpus" / str(gold.file)).read_text(encoding="utf-8")
    resolved = resolve(gold, "README.md", None, text, "")
    assert [d.span.start for d in resolved.dates][2] == text.index("2024", text.index("2024") + 1)
