"""Round-4 event phrasings from composed sentences: a return of personnel as a deployment, a
welcome on a state visit as a visit, a negated plan and a reader's instruction as no events."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

DCT = date(2022, 6, 1)


def _events(nlp, text: str):
    return [(e, text[e.trigger[0]:e.trigger[1]]) for e in find_in_text(nlp, text, DCT).events]


def test_personnel_returning_is_a_deployment(nlp):
    found = _events(nlp, "Canadian diplomats will be returning to Kyiv next month.")
    assert [(e.type, trig) for e, trig in found] == [("DEPLOY", "returning")]
    event = found[0][0]
    assert event.location is not None and event.location[0] == "Kyiv"
    assert event.date is not None and event.date.value == "2022-07"
    assert [p.name for p in event.participants] == ["Canada"]


def test_welcome_on_a_state_visit_is_a_visit(nlp):
    text = "The King looks forward to welcoming the President of Chile on a State Visit in March."
    found = _events(nlp, text)
    assert [(e.type, trig) for e, trig in found] == [("VISIT", "welcoming")]
    assert [p.name for p in found[0][0].participants] == ["Chile"]


@pytest.mark.parametrize("text", [
    "The Navy did not plan to conduct a live fire exercise during the autumn.",
    "For further details on the accords, visit https://www.example.gov/accords/index.html.",
    "Visit the museum to learn more about the alliance.",
])
def test_not_an_occurrence(nlp, text):
    assert _events(nlp, text) == []


def test_meeting_on_a_visit_takes_visitors_and_host_country(nlp):
    text = ("The Foreign Minister of Canada visited Accra, Ghana yesterday to show support. "
            "While in Accra, the Minister met with President Akufo-Addo and senior officials.")
    meets = [e for e, _ in _events(nlp, text) if e.type == "MEET"]
    assert len(meets) == 1
    assert {p.country for p in meets[0].participants} >= {"CAN", "GHA"}


def test_summit_on_whose_margins_leaders_met_is_its_own_meeting(nlp):
    text = "Yesterday the two Prime Ministers met in Lima on the sidelines of the APEC Summit."
    found = sorted(((trig, e) for e, trig in _events(nlp, text) if e.type == "MEET"), key=lambda x: x[0])
    assert [trig for trig, _ in found] == ["Summit", "met"]
    summit = found[0][1]
    assert summit.date is not None and summit.date.value == "2022-05-31"
    assert summit.location is not None and summit.location[0] == "Lima"
    assert "APEC" in [p.name for p in summit.participants]


def test_possessive_date_dates_its_summit(nlp):
    text = "Following last month's Ocean Governance Summit in Oslo, new rules will be drafted."
    found = [(e, trig) for e, trig in _events(nlp, text) if e.type == "MEET"]
    assert [trig for _, trig in found] == ["Summit"]
    assert found[0][0].date is not None and found[0][0].date.value == "2022-05"


def test_fronted_participle_names_its_noun_phrase(nlp):
    text = ("Signed in early 2020, the Coastal Fisheries Partnership initiative from the Ministry of "
            "Fisheries supports small ports.")
    found = [(e, trig) for e, trig in _events(nlp, text) if e.type == "AGREE"]
    assert [trig for _, trig in found] == ["Signed"]
    assert "Ministry of Fisheries" in [p.name for p in found[0][0].participants]


def test_activated_battery_is_established(nlp):
    found = _events(nlp, "In March 2022, a second missile battery was activated at Fort Sill.")
    assert [(e.type, trig) for e, trig in found] == [("ESTABLISH", "activated")]
    assert found[0][0].date is not None and found[0][0].date.value == "2022-03"


def test_joint_base_by_its_acronym_is_a_place(nlp):
    found = _events(nlp, "In March 2022, a second missile battery was activated at JBLM, Washington.")
    assert [e.type for e, _ in found] == ["ESTABLISH"]
    assert found[0][0].location is not None and found[0][0].location[0].startswith("JBLM")


@pytest.mark.parametrize(("text", "meets"), [
    ("Prime Minister Lee of Singapore and President Boric of Chile meet at a decisive moment "
     "for their partnership.", 1),
    ("Canadian and Chilean officers meet often.", 0),
    ("The two ministers meet regularly.", 0),
])
def test_joint_statement_opening_present_meet(nlp, text, meets):
    assert len([e for e, _ in _events(nlp, text) if e.type == "MEET"]) == meets


def test_century_does_not_date_an_occurrence(nlp):
    text = ("The two ministers welcome the launch of the Ocean Data Council as a forum for "
            "writing the rules for the 21st century economy.")
    found = [e for e, _ in _events(nlp, text) if e.type == "ESTABLISH"]
    assert len(found) == 1 and found[0].date is None
