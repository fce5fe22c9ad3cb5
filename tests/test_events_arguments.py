"""Event arguments on composed sentences: what a country participant is called (the text's own
name for it, an abbreviation beside the name).
"""

from __future__ import annotations

from datetime import date

from conftest import find_in_text

from pipeline.countries import called
from pipeline.events import EventCandidate

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
