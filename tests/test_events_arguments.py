"""Event arguments on composed sentences: what a country participant is called (the text's
own name for it, an abbreviation beside the name), who a `they` subject stands for, the end of
a sentence the parser cut off after a bracket, the first occurrence told twice, the parties a
new body is welcomed as a forum for, the place of a framing event told later, a meeting of
people given by title and body, a place along a site noun, no place invented for a virtual
meeting or for hosts of several countries, a place name the model cut after its `of`, parties
of the next sentence that attend `the meeting` told before.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text
from spacy.tokens import Doc

from pipeline.countries import called
from pipeline.events import EventCandidate
from pipeline.events.pieces import verbless_tail

DCT = date(2024, 6, 14)


def the_event(nlp, text: str, trigger: str) -> EventCandidate:
    found = find_in_text(nlp, text, DCT).events
    hits = [e for e in found if text[e.trigger[0]:e.trigger[1]] == trigger]
    assert hits, f"no event triggered by {trigger!r}: {found}"
    return hits[0]


def test_a_country_keeps_the_other_name_the_text_gives_it():
    assert called("French Republic", "France") == ("French Republic", None)
    assert called("U.S.", "United States") == ("United States", "U.S.")
    assert called("Mexican", "Mexico") == ("Mexico", None)
    assert called("Canada", "Canada") == ("Canada", None)


def test_a_participant_country_is_called_as_the_text_calls_it(nlp):
    ev = the_event(nlp, "Yesterday the President of the Republic of Korea met the Prime Minister of "
                        "the UK in Geneva.", "met")
    by_country = {p.country: p for p in ev.participants if p.mention is None}
    assert by_country["KOR"].name == "Republic of Korea"
    assert by_country["GBR"].name == "United Kingdom" and by_country["GBR"].acronym == "UK"


def test_an_adjective_names_the_country_once(nlp):
    ev = the_event(nlp, "In May 2023 the U.S. deployed American instructors to Ghana.", "deployed")
    usa = [p for p in ev.participants if p.country == "USA" and p.mention is None]
    assert len(usa) == 1


def test_they_in_a_relative_clause_stands_for_the_plural_body_before_it(nlp):
    text = "The grant will help Commonwealth members replace the helicopters they have donated to Peru."
    ev = the_event(nlp, text, "donated")
    roles = {p.name: p.role for p in ev.participants}
    assert roles.get("Commonwealth") == "provider"
    assert roles.get("Peru") == "recipient"


def test_they_opening_a_sentence_stands_for_the_subjects_of_the_one_before(nlp):
    text = ("The Argentine and Uruguayan coast guards met in Montevideo in March 2023. "
            "They signed a memorandum on search and rescue.")
    ev = the_event(nlp, text, "signed")
    assert {p.country for p in ev.participants} >= {"ARG", "URY"}


def test_they_after_and_stands_for_the_subject_of_its_own_sentence(nlp):
    text = "The Canadian and Chilean navies met in Valparaiso in May 2022 and they signed a memorandum."
    ev = the_event(nlp, text, "signed")
    assert {p.country for p in ev.participants} == {"CAN", "CHL"}


def test_they_never_stands_for_an_amount(nlp):
    text = ("Officers from the Ghana Armed Forces trained local militias. The militias numbered in the "
            "tens of thousands and they conducted patrols along the border in 2019.")
    ev = the_event(nlp, text, "conducted")
    assert "Ghana Armed Forces" not in {p.name for p in ev.participants}


def test_they_with_no_plural_party_before_it_names_no_one(nlp):
    text = "In 2022 they donated two patrol boats to Ghana."
    ev = the_event(nlp, text, "donated")
    assert {p.country for p in ev.participants} == {"GHA"}


def test_a_verbless_piece_cut_off_after_a_bracket_stays_in_the_clause(nlp):
    # the parse the model gives such a sentence at times: the bracket ends the clause and the
    # rest (`75th Brigade in May 2022`) becomes a root of its own, with no verb
    words = ["The", "Army", "activated", "a", "battery", "as", "part", "of", "Sill", "(", "FS", ")",
             "75th", "Brigade", "in", "May", "2022", "."]
    heads = [1, 2, 2, 4, 2, 2, 5, 6, 7, 10, 8, 10, 13, 13, 13, 14, 15, 13]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "pobj", "punct", "appos", "punct",
            "amod", "ROOT", "prep", "pobj", "nummod", "punct"]
    pos = ["DET", "PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT",
           "ADJ", "PROPN", "ADP", "PROPN", "NUM", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    everything = {t.i for t in doc}
    assert verbless_tail(doc[2], everything) == set(range(12, 18))
    # a piece with a verb of its own is a clause of its own
    doc[15].pos_ = "VERB"
    assert verbless_tail(doc[2], everything) == set()


def test_the_first_deployment_told_twice_is_one_event_with_the_place_of_either(nlp):
    text = ("The radar drew protests from Beijing when it was first deployed in March 2023 during a naval "
            "drill. Officials praised its first overseas deployment to Japan.")
    deployments = [e for e in find_in_text(nlp, text, DCT).events if e.type == "DEPLOY"]
    assert len(deployments) == 1
    ev = deployments[0]
    assert ev.ordinal == 1 and ev.date is not None and ev.date.value == "2023-03"
    assert ev.location is not None and ev.location[1] == "JPN"


def test_two_first_deployments_to_other_places_stay_two(nlp):
    text = ("The unit was first deployed to Kenya in 2019. "
            "In 2021 the Army praised its first deployment to Peru.")
    deployments = [e for e in find_in_text(nlp, text, DCT).events if e.type == "DEPLOY"]
    assert sorted(e.location[1] for e in deployments) == ["KEN", "PER"]


def test_the_parties_a_new_body_is_welcomed_as_a_forum_for_take_part_in_its_creation(nlp):
    text = ("The ministers welcomed the creation of the Arctic Security Council "
            "as a forum for Norway and Finland.")
    ev = the_event(nlp, text, "creation")
    assert ev.type == "ESTABLISH"
    assert {"NOR", "FIN"} <= {p.country for p in ev.participants}


def test_an_exercise_during_a_deployment_takes_the_place_the_deployment_is_given_later(nlp):
    text = ("The radar drew protests from Beijing when it was first deployed in March 2023 during a naval "
            "drill. Officials praised its first overseas deployment to Japan.")
    drill = the_event(nlp, text, "drill")
    assert drill.type == "EXERCISE" and drill.location is not None and drill.location[1] == "JPN"


def test_people_given_by_title_and_body_meet_as_their_bodies(nlp):
    text = ("Vice-Admiral Angus Topshee, Commander of the Royal Canadian Navy, met Admiral Jose Ojeda of "
            "the Mexican Navy in Ottawa on May 3, 2023.")
    ev = the_event(nlp, text, "met")
    assert ev.type == "MEET" and ev.date is not None and ev.date.value == "2023-05-03"
    assert {"Royal Canadian Navy", "Mexican Navy"} <= {p.name for p in ev.participants}
    assert ev.location is not None and ev.location[0] == "Ottawa"


def test_a_place_along_a_site_noun_is_where_it_took_place(nlp):
    text = "The two navies conducted a joint patrol along the coast of Ghana in March 2022."
    ev = the_event(nlp, text, "conducted")
    assert ev.location is not None and ev.location[1] == "GHA"
    assert "GHA" not in {p.country for p in ev.participants}


@pytest.mark.parametrize(("text", "trigger"), [
    ("On June 2, 2021, Canada hosted a virtual meeting of the coalition.", "hosted"),
    ("The meeting was hosted by Canada by videoconference in June 2021.", "hosted"),
    # hosts of two countries: where is not said
    ("On June 2, 2021, the foreign ministers of Italy and Brazil held talks.", "held"),
])
def test_no_place_is_invented_from_the_hosts(nlp, text, trigger):
    ev = the_event(nlp, text, trigger)
    assert ev.type == "MEET" and ev.location is None


def test_a_single_host_country_is_where_it_took_place(nlp):
    ev = the_event(nlp, "On June 2, 2021, Canada hosted a meeting of the coalition.", "hosted")
    assert ev.location is not None and ev.location[1] == "CAN"


def test_a_place_name_cut_after_its_of_is_whole(nlp):
    text = ("The Japan Maritime Self-Defense Force and the Indian Navy conducted a joint exercise "
            "in the Bay of Bengal in June 2022.")
    ev = the_event(nlp, text, "conducted")
    assert ev.location is not None and ev.location[0] == "Bay of Bengal"


def test_parties_attending_the_meeting_told_before_join_it(nlp):
    text = ("On May 3, 2023, the Royal Canadian Navy hosted a meeting in Halifax. "
            "Delegations from Chile and Peru attended the meeting.")
    meetings = [e for e in find_in_text(nlp, text, DCT).events if e.type == "MEET"]
    assert len(meetings) == 1
    roles = {p.country: p.role for p in meetings[0].participants if p.mention is None}
    assert roles == {"CAN": "host", "CHL": "participant", "PER": "participant"}


def test_parties_attending_a_named_summit_do_not_join_the_meeting_before(nlp):
    text = ("On May 3, 2023, the Royal Canadian Navy hosted a meeting in Halifax. "
            "Delegations from Chile and Peru attended the NATO Summit.")
    meetings = [e for e in find_in_text(nlp, text, DCT).events if e.type == "MEET"]
    assert len(meetings) == 2
