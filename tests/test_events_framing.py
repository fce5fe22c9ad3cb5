"""Events framed by their clause, on composed sentences: what a future verb reaches down to, a
noun dated by the clause it stands in (`during an exercise`) or not (`announced in a statement`),
where a posting goes (a unit's base, a site noun, not the place left), parties inside one
hyphen-joined token and invited to a meeting, sales notified to a legislature, and a statute's
year that is part of its name.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

from pipeline.events import EventCandidate
from pipeline.ingest.metadata import parse_dateline

DCT = date(2024, 6, 14)


def events_of(nlp, text: str) -> list[EventCandidate]:
    return find_in_text(nlp, text, DCT).events


def triggered(nlp, text: str, trigger: str) -> list[EventCandidate]:
    return [e for e in events_of(nlp, text) if text[e.trigger[0]:e.trigger[1]] == trigger]


def the_event(nlp, text: str, trigger: str) -> EventCandidate:
    hits = triggered(nlp, text, trigger)
    assert hits, f"no event triggered by {trigger!r}: {events_of(nlp, text)}"
    return hits[0]


@pytest.mark.parametrize(("text", "trigger"), [
    # a complement of a future verb's clause: what will be made possible, not what happened
    ("Cadets will be given new freedoms and they will be able to ensure recruits receive better education.",
     "receive"),
    # a gerund alongside a future verb shares its future
    ("The grant will expand the coast guard's capacity, while providing new radars to the navy.",
     "providing"),
])
def test_a_trigger_under_a_future_verb_is_not_asserted(nlp, text, trigger):
    assert not triggered(nlp, text, trigger)


def test_a_date_of_the_announcement_does_not_date_the_talks(nlp):
    text = "Both ministers welcomed the talks announced in their March 3 joint statement."
    assert not [e for e in events_of(nlp, text) if e.type == "MEET" and e.date is not None]


def test_an_exercise_during_a_dated_deployment_shares_its_date(nlp):
    ev = the_event(nlp, "The frigate was deployed to Norway in March 2023 during a NATO exercise.",
                   "exercise")
    assert ev.type == "EXERCISE"
    assert ev.date is not None and ev.date.value == "2023-03"


@pytest.mark.parametrize(("text", "trigger", "place"), [
    ("Two frigates were assigned to the Halifax-based task group in June 2022.", "assigned", "Halifax"),
    ("In 2021 the Army fielded a second battery to the task force based in Italy.", "fielded", "Italy"),
    # the place left is not where it went; `on the island of` a site noun is
    ("In May 2024, the brigade moved its rocket launchers from a base in Estonia to a new position on the "
     "island of Mindanao.", "moved", "Mindanao"),
    ("Canada has committed additional assets in Latvia to support the NATO battlegroup.", "committed",
     "Latvia"),
])
def test_where_a_deployment_goes(nlp, text, trigger, place):
    ev = the_event(nlp, text, trigger)
    assert ev.type == "DEPLOY"
    assert ev.location is not None and ev.location[0] == place


def test_a_meeting_takes_its_invitees_as_participants(nlp):
    ev = the_event(nlp,
                   "Canada welcomed the invitation of Chile to the Defence Ministerial in Lima in May 2024.",
                   "Ministerial")
    assert ev.type == "MEET"
    assert "Chile" in {p.name for p in ev.participants}


def test_a_city_before_a_conference_names_its_place(nlp):
    ev = the_event(nlp, "They recalled the June 3 Lisbon international conference on maritime security.",
                   "conference")
    assert ev.location is not None and ev.location[0] == "Lisbon"


def test_the_parts_of_a_hyphen_joined_name_are_parties(nlp):
    text = ("The European Union (EU) and Canada agreed on new steps. The leaders met at the U.S.-EU Summit "
            "in Brussels in May 2023.")
    ev = the_event(nlp, text, "Summit")
    assert {"United States", "EU"} <= {p.name for p in ev.participants}


def test_a_sale_notified_to_congress_is_aid(nlp):
    text = ("On May 2 the State Department notified Congress of a possible Foreign Military Sale "
            "of patrol boats to Ecuador.")
    ev = the_event(nlp, text, "notified")
    assert ev.type == "AID"
    assert ev.date is not None and ev.date.value == "2024-05-02"
    assert "Ecuador" in {p.name for p in ev.participants}


def test_a_statutes_year_is_no_date_of_what_it_funds(nlp):
    text = "The package includes $40 million in funding provided to Latvia by the Baltic Security Act, 2024."
    ev = the_event(nlp, text, "provided")
    assert ev.type == "AID" and ev.date is None


def test_a_byline_with_its_date_dates_the_document():
    assert parse_dateline("By: Jane Doe, Navy.mil, March 3, 2021") == date(2021, 3, 3)
    assert parse_dateline("By the way, we met on March 3, 2021 with the minister") is None


def test_a_second_one_in_the_next_sentence_is_another_occurrence(nlp):
    text = "The Army activated its first air defence battery in March 2023. A second battery has been " \
           "activated at Fort Bliss, Texas."
    found = [e for e in events_of(nlp, text) if e.type == "ESTABLISH"]
    assert len(found) == 2
    assert found[1].location is not None and found[1].location[0] == "Fort Bliss, Texas"
