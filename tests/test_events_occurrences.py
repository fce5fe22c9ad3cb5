"""One event per occurrence, and no fewer: composed fact-sheet sentences where two close
mentions of one type are two occurrences (another giver, another gift in the same year), and
the phrasings that report an occurrence without a verb of the event type (`facilitated the
donation of ...`, `conducted Key Leader Engagements with ...`).
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

DCT = date(2023, 3, 1)


def _events(nlp, text: str, etype: str) -> list[tuple[str, str | None]]:
    found = find_in_text(nlp, text, DCT).events
    return [(text[e.trigger[0]:e.trigger[1]], e.date.value if e.date else None)
            for e in found if e.type == etype]


@pytest.mark.parametrize(("text", "etype", "count"), [
    # another giver in the next sentence: another gift
    ("In 2020, the Ministry of Defence donated two patrol boats to the Ghana Navy. The Foreign Office "
     "donated radios to the Ghana Navy to support its maintenance depot.", "AID", 2),
    # a shared bare year and a shared country are not one occurrence
    ("The Navy transferred two frigates to the Philippine Navy in 2016. Since 2016, the government of "
     "Australia has provided two C-130 aircraft to the Philippine Air Force.", "AID", 2),
])
def test_close_mentions_stay_apart(nlp, text, etype, count):
    assert len(_events(nlp, text, etype)) == count


def _one(nlp, text: str, trigger: str):
    found = [e for e in find_in_text(nlp, text, DCT).events if text[e.trigger[0]:e.trigger[1]] == trigger]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "trigger", "etype", "value", "party"), [
    # a light verb in the past with a subject reports the nominal event, undated or not
    ("The Canadian Embassy organized a seminar with the Peruvian Navy on port security.", "seminar",
     "MEET", None, "Canadian Embassy"),
    ("The Foreign Office facilitated the donation of 40 radios for the Ghana Navy in 2019.", "donation",
     "AID", "2019", "Foreign Office"),
    # a course joined, hours of patrol flown, a named vessel handed over
    ("Four Kenyan officers took part in a maritime law course in Mombasa in March 2022.", "took",
     "TRAIN", "2022-03", "Kenya"),
    ("In 2020, the Royal Air Force flew 900 surveillance patrol hours with Nigerian partners.", "flew",
     "EXERCISE", "2020", "Royal Air Force"),
    ("The Navy transferred former Cutters Sea Lion and Sea Hawk to the Ghana Navy in 2016.", "transferred",
     "AID", "2016", "Ghana Navy"),
])
def test_reported_occurrences(nlp, text, trigger, etype, value, party):
    ev = _one(nlp, text, trigger)
    assert ev.type == etype
    assert (ev.date.value if ev.date else None) == value
    assert party in {p.name for p in ev.participants}


@pytest.mark.parametrize("text", [
    "The Canadian Embassy will organize a seminar with the Peruvian Navy on port security.",
    "The ministers condemned the deployment of the missiles to the region.",
    "The Canadian Embassy did not organize a seminar with the Peruvian Navy.",
])
def test_light_verb_without_report(nlp, text):
    assert find_in_text(nlp, text, DCT).events == []


def test_hosted_workshop_is_one_meeting(nlp):
    text = "The Canadian Embassy hosted a workshop with the Peruvian Navy in Lima on May 3, 2022."
    meets = [e for e in find_in_text(nlp, text, DCT).events if e.type == "MEET"]
    assert len(meets) == 1 and meets[0].date.value == "2022-05-03"
