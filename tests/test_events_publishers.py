"""Events in the phrasings of fact sheets and joint statements from publishers the sources do not
have (bulleted fact sheets under a region heading, statements with postposed participles): the
rules are written for the construction, and these sentences were composed for the tests.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

from pipeline.events import EventCandidate

DCT = date(2024, 3, 1)


def events_of(nlp, text: str, dct: date = DCT) -> list[EventCandidate]:
    return find_in_text(nlp, text, dct).events


def by_trigger(nlp, text: str, trigger: str, dct: date = DCT) -> EventCandidate | None:
    return next((e for e in events_of(nlp, text, dct) if text[e.trigger[0]:e.trigger[1]] == trigger), None)


def names(ev: EventCandidate) -> set[str]:
    return {p.name for p in ev.participants}


PACIFIC = (
    "Pacific:\n\n- The Royal New Zealand Navy supports the Fiji Navy with spare parts and conducted Key "
    "Leader Engagements with Tongan Navy leadership to discuss a patrol plan.\n- In June 2024, the "
    "Australian Department of Defence will hold a joint workshop in Port Moresby on port security.\n\n"
    "Fiji:\n\n- The Australian Department of Defence facilitated the donation of two patrol boats and "
    "awarded three grants to Fijian research institutes.\n"
)

# (text, trigger, type, date value, participants that must be there)
FOUND = [
    # a fronted participle in a bullet under a heading the parser glues it to
    ("Regional:\n\n- Ratified in early 2019, the Coastal Patrol Partnership between the Kenya Navy and the "
     "Royal Navy will help both navies share surveillance data.",
     "Ratified", "AGREE", "2019", {"Kenya Navy", "Royal Navy"}),
    # a participle after `NOUN,` that the parser hangs on the clause's verb
    ("Kenya and Tanzania opened the third session of the Coastal Security Dialogue, launched on May 4, "
     "2018, in accordance with their 2016 defence cooperation agreement.",
     "launched", "ESTABLISH", "2018-05-04", {"Kenya", "Tanzania"}),
    # the subject of a light verb does the nominal event: shared by a coordinated verb, or of a
    # verb of what is to come; a heading the parser glues on as a second subject is none
    (PACIFIC, "Engagements", "MEET", None, {"Royal New Zealand Navy", "Tongan Navy"}),
    (PACIFIC, "workshop", "MEET", "2024-06", {"Australian Department of Defence"}),
    (PACIFIC, "donation", "AID", None, {"Australian Department of Defence"}),
    (PACIFIC, "awarded", "AID", None, {"Australian Department of Defence", "Fiji"}),
    # `recent` says a contribution or talks took place, but dates neither
    ("Latvia welcomed recent Canadian financial contributions to the NATO Comprehensive Assistance "
     "Package for Ukraine.", "contributions", "AID", None, {"Canada", "Ukraine"}),
    ("The ministers reviewed the outcome of recent staff talks between the two navies.", "talks", "MEET",
     None, set()),
    # each of several countries an event took place in is a party to it
    ("The Royal Navy deployed the patrol ship HMS Trent in Ghana, Nigeria, and Cameroon last spring to "
     "deter piracy.", "deployed", "DEPLOY", "2023-SP", {"Royal Navy", "Ghana", "Nigeria", "Cameroon"}),
    ("The Department of Agriculture awarded a $3 million grant in May 2023 for a World Food Programme "
     "project in Kenya and Uganda.", "awarded", "AID", "2023-05", {"Kenya", "Uganda"}),
    # a fact sheet's present tense of training supported by a named party
    ("The U.S. Coast Guard supports the Ghana Navy with Mobile Training Teams.", "supports", "TRAIN",
     None, {"U.S. Coast Guard", "Ghana Navy"}),
    ("Two Royal Navy advisors support the Kenya Navy seamanship curriculum and specialty training at the "
     "Kenya Naval Academy in Mombasa.", "support", "TRAIN", None, {"Royal Navy", "Kenya Navy"}),
    # people given are posted, not donated
    ("The Coast Guard supports Ghanaian maritime law enforcement operations by embarking shipriders and "
     "providing Coast Guard law enforcement detachments to serve aboard Ghanaian patrol boats.",
     "providing", "DEPLOY", None, {"Coast Guard", "Ghana"}),
    ("Canada contributed 200 troops to the UN mission in Mali in 2018.", "contributed", "DEPLOY", "2018",
     {"Canada"}),
    # what is done `as part of` a joint patrol is the patrol's: its date, its parties
    ("In May 2022, Kenyan observers embarked the British frigate HMS Trent as part of a joint patrol off "
     "Mombasa to deter piracy.", "patrol", "EXERCISE", "2022-05", {"Kenya", "United Kingdom"}),
    # parties deciding together agree on a course of action; the date of what they decided is not
    # the date of the deciding
    ("The two delegations decided that the border will reopen by March 1, 2025.", "decided", "AGREE", None,
     set()),
    ("Kenya and Tanzania decided to open a joint border post at Namanga.", "decided", "AGREE", None,
     {"Kenya", "Tanzania"}),
    # forces stated to be in a country are deployed there
    ("All NATO troops are in Kosovo at the invitation of its government.", "are", "DEPLOY", None, {"NATO"}),
    # a named agreement called new was concluded; a term on a body is membership, and the one
    # congratulated on it is the member
    ("The two navies will share tide data through our new bilateral Hydrography Cooperation Arrangement.",
     "Arrangement", "AGREE", None, set()),
    ("The minister congratulated Kenya on the start of its two-year term on the UN Security Council and on "
     "its presidency for the month of January.", "term", "JOIN", "2024-01", {"Kenya"}),
    # a pair of countries the tokenizer keeps as one word names both
    ("The U.S.-Japan talks were held in Tokyo in May 2019.", "held", "MEET", "2019-05",
     {"United States", "Japan"}),
    ("Earlier U.S.-Cuba diplomatic engagements in March 2015 stalled over property claims.", "engagements",
     "MEET", "2015-03", {"United States", "Cuba"}),
    # an event word inside a body's name makes no event of it: the body is a party
    ("In May 2023, the Kenyan officers visited several installations, including the Pentagon and the "
     "Maneuver Center of Excellence at Fort Moore.", "visited", "VISIT", "2023-05",
     {"Pentagon", "Maneuver Center of Excellence"}),
    ("The cadets toured the Summit Training Academy in Lagos in 2020.", "toured", "VISIT", "2020",
     {"Summit Training Academy"}),
    # a fact sheet's present tense of training given is ongoing; a year naming a plan in another
    # verb's clause dates neither, an adverbial date in it dates both
    ("The Coast Guard provides boarding officer training to Ghana using program funds and conducted Key "
     "Leader Engagements with Ghanaian Navy leadership to discuss the Coast Guard 2021 Maritime Strategy.",
     "provides", "TRAIN", None, {"Coast Guard", "Ghana"}),
    ("The 3rd Brigade deployed an artillery battery to Latvia and conducted a live fire on July 15, 2025.",
     "deployed", "DEPLOY", "2025-07-15", {"3rd Brigade"}),
]


def test_a_part_that_is_an_event_leaves_the_whole_alone(nlp):
    text = "The Army planned to conduct a live fire exercise in July as part of Exercise Southern Cross 24."
    assert [text[e.trigger[0]:e.trigger[1]] for e in events_of(nlp, text)] == ["conduct"]


def test_joint_patrols_planned_without_a_time_are_no_event(nlp):
    assert not events_of(nlp, "The two navies plan joint patrols.")


def test_materiel_given_stays_aid(nlp):
    ev = by_trigger(nlp, "The ministry provided two helicopters to Ukraine in May.", "provided")
    assert ev is not None and ev.type == "AID"


@pytest.mark.parametrize("text", [
    "The ministry supports the Ghana Navy with spare parts.",
    "We support training for peacekeepers.",
])
def test_support_without_training_or_party_is_no_training(nlp, text):
    assert not [e for e in events_of(nlp, text) if e.type == "TRAIN"]


def test_a_contribution_to_an_abstraction_is_no_event(nlp):
    assert not events_of(nlp, "The ministry thanked Canada for its contribution to regional stability.")


@pytest.mark.parametrize(("text", "trigger", "etype", "value", "parties"), FOUND)
def test_found(nlp, text, trigger, etype, value, parties):
    ev = by_trigger(nlp, text, trigger)
    assert ev is not None, events_of(nlp, text)
    assert ev.type == etype
    assert (ev.date.value if ev.date else None) == value
    assert parties <= names(ev)


def test_postposed_participle_takes_its_date_from_the_meeting(nlp):
    text = ("Kenya and Tanzania opened the third session of the Coastal Security Dialogue, launched on "
            "May 4, 2018, in accordance with their 2016 defence cooperation agreement.")
    opened = by_trigger(nlp, text, "opened")
    assert opened is not None and opened.date is None


@pytest.mark.parametrize("text", [
    # what a hypothetical verb governs did not happen, however deep in its clause
    "Parliament may consider whether to expand or reduce training programs, deployments to the region, "
    "or assistance to Baltic partners.",
    # a condition is no agreement
    "The minister said the pause in strikes was subject to Russia agreeing to a full exchange of prisoners.",
    # one party's decision is no agreement; an undecided one is nothing
    "The minister decided that the frigate will sail in May.",
    "The leaders have not decided whether to extend the mission.",
    # a subject with `no` negates its clause; a position is no place
    "No Canadian troops are in Ukraine.",
    "No agreement was signed in Geneva in 2020.",
    "Russian forces are in position near the border.",
    "The ministers hope to conclude a new Defence Cooperation Agreement next year.",
    "The term of the agreement is five years.",
])
def test_hypothetical_and_conditional_are_no_events(nlp, text):
    assert not events_of(nlp, text)


def test_a_confirmed_donation_stays_an_event(nlp):
    text = "The minister confirmed the donation of 20 trucks to the Latvian Army last week."
    assert by_trigger(nlp, text, "donation") is not None
