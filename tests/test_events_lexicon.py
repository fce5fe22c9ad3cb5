"""The general event route: trigger words from the open lexicon (`data/event_triggers.jsonl`),
found as main verbs, participles and nominals, with the same factuality tests as the patterns.
Sentences composed for these tests, not taken from any source document.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

from pipeline.events.hits import load_trigger_words
from pipeline.rules import packaged_rules

DCT = date(2024, 6, 14)


def triggered(nlp, text: str) -> dict[str, str]:
    return {text[e.trigger[0]:e.trigger[1]]: e.type for e in find_in_text(nlp, text, DCT).events}


def test_every_lexicon_row_has_id_example_and_source():
    assert all(row.id and row.example and row.source for row in packaged_rules().event_triggers)
    assert ("donate", "VERB") in load_trigger_words()


@pytest.mark.parametrize("text, trigger, etype", [
    ("The Ministry of Defence donated 300 radios to the Moldovan Army in March 2023.", "donated", "AID"),
    ("The Kenyan Air Force received two transport aircraft from the Italian Air Force in 2021.",
     "received", "AID"),
    ("The Danish Navy purchased $4 million in spare engines for the Ghana Navy in 2022.", "purchased", "AID"),
    ("In 2019 the Army activated a new signal brigade at Fort Hood.", "activated", "ESTABLISH"),
    ("The Regional Council, created in 2011 by the Andean Community, advises ministers.", "created",
     "ESTABLISH"),
    ("The Chilean Navy and the Peruvian Navy jointly patrolled the border waters in May 2020.",
     "patrolled", "EXERCISE"),
    ("The Embassy hosted a visit by the Polish Land Forces in April 2022.", "hosted", "VISIT"),
    ("Officers of the Uruguayan Army spoke at the Logistics Symposium in Norfolk.", "Symposium", "MEET"),
])
def test_general_route_finds(nlp, text, trigger, etype):
    assert triggered(nlp, text).get(trigger) == etype


@pytest.mark.parametrize("text, trigger", [
    ("The Ministry of Defence did not donate 300 radios to the Moldovan Army.", "donate"),
    ("The Ministry of Defence could donate radios to the Moldovan Army next year.", "donate"),
    ("The Israeli Air Force launched strikes on Iran in June 2025.", "launched"),  # no body created
    ("The Treasury provided a framework for the Colombian Navy in 2020.", "provided"),  # nothing given
    ("The Armed Forces of Malta received a proposal from the Italian Navy in 2020.", "received"),
    ("The Minister instructed the Department of Defence to report by May 2024.", "instructed"),
])
def test_general_route_keeps_precision(nlp, text, trigger):
    assert trigger not in triggered(nlp, text)
