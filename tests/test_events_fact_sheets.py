"""Fact-sheet phrasings of support, composed for these tests (not from sources/ or the dev set):
a bullet under a country heading (the parser hangs its verb on the heading), present-tense
support that is going on (`funds`, `donates`), materiel the open lexicon must know (antennas,
cutters, transponders), and a known body named in common words (`State Department`).
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

DCT = date(2022, 4, 1)

# (text, trigger, type, a participant that must be there)
SUPPORT = [
    # "Peru:" then a bullet: the verb is the bullet's main verb, not a description of "Peru"
    ("Peru:\n\n- The U.S. Navy installed radar antennas along the Peruvian coast.",
     "installed", "AID", "U.S. Navy"),
    ("The Spanish Navy transferred two decommissioned cutters to the Philippine Coast Guard.",
     "transferred", "AID", "Philippine Coast Guard"),
    ("The State Department donated 150 transponders to the Honduran Navy in 2019.",
     "donated", "AID", "State Department"),
    # a fact sheet's present tense of giving: support going on, not a habit
    ("The Ministry of Defence funds a regional NGO, Reef Guardians, to train park rangers in Belize.",
     "funds", "AID", "Ministry of Defence"),
]


@pytest.mark.parametrize(("text", "trigger", "etype", "participant"), SUPPORT)
def test_support_in_fact_sheets(nlp, text, trigger, etype, participant):
    found = find_in_text(nlp, text, DCT)
    hits = [e for e in found.events if text[e.trigger[0]:e.trigger[1]] == trigger]
    assert hits, f"no event on {trigger!r}: {found.events}"
    assert hits[0].type == etype
    assert participant in {p.name for p in hits[0].participants}


# present tense that is no support given: a figure of speech, a habit
NOT_SUPPORT = [
    ("The rebels train their focus on the northern provinces.", "train"),
    ("The two navies regularly exchange liaison officers.", "exchange"),
    ("The ministry routinely provides updates to the press.", "provides"),
]


@pytest.mark.parametrize(("text", "trigger"), NOT_SUPPORT)
def test_present_tense_that_is_no_event(nlp, text, trigger):
    found = find_in_text(nlp, text, DCT)
    assert not [e for e in found.events if text[e.trigger[0]:e.trigger[1]] == trigger]


def test_state_department_is_the_department_of_state(nlp):
    text = "The USCG and the State Department support the Colombian Navy with training teams."
    names = {o.name for o in find_in_text(nlp, text, DCT).organizations}
    assert "State Department" in names
