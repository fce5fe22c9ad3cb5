"""The event fields `status`, `name` and `event_key` on composed sentences."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

from pipeline.records import Participant
from pipeline.run.assemble import event_key

DCT = date(2024, 6, 14)


def the_event(nlp, text: str, trigger: str):
    events = find_in_text(nlp, text, DCT).events
    hits = [e for e in events if text[e.trigger[0]:e.trigger[1]] == trigger]
    assert hits, f"no event triggered by {trigger!r}: {events}"
    return hits[0]


@pytest.mark.parametrize("text, trigger, status", [
    ("The Ministry of Defence donated 300 radios to the Moldovan Army in March 2023.", "donated", "happened"),
    ("The next Defence Policy Dialogue will be hosted by Canada in 2025.", "hosted", "planned"),
    ("The Danish Navy is installing two radars for the Ghana Navy this year.", "installing", "ongoing"),
])
def test_status(nlp, text, trigger, status):
    assert the_event(nlp, text, trigger).status == status


@pytest.mark.parametrize("text, trigger, name", [
    ("The Chilean Navy participated in Exercise SOUTHERN CROSS 2022 in May 2022.", "CROSS",
     "Exercise SOUTHERN CROSS 2022"),
    ("Norway and Chile signed the Treaty of Friendship and Navigation in 1905.", "signed",
     "Treaty of Friendship and Navigation"),
    ("The Ministry of Defence donated 300 radios to the Moldovan Army in March 2023.", "donated", None),
])
def test_name(nlp, text, trigger, name):
    assert the_event(nlp, text, trigger).name == name


def test_event_key_ignores_how_a_party_is_named():
    by_country = [Participant(name="Canada", country="CAN", role="host")]
    by_body = [Participant(name="Royal Canadian Navy", org_id="can-rcn", country="CAN", role="host")]
    assert event_key("MEET", "2023-05", "MEX", by_country) == event_key("MEET", "2023-05", "MEX", by_body)
    assert event_key("MEET", "2023-05", "MEX", by_country) != event_key("MEET", "2023-06", "MEX", by_country)
    nato = [Participant(name="NATO", org_id="nato", role="participant")]
    assert event_key("MEET", "2023", None, nato) != event_key("MEET", "2023", None, [])
