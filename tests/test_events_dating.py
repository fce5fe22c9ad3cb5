"""Event dates the parse hangs elsewhere: a date PP attached to the statement's own verb
(`welcomes Ghana's signing of the Charter on May 4`), and a meeting on a stay whose date the
sentence before gives (`visited Accra yesterday. While in Accra, they met ...`). Composed sentences.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

DCT = date(2022, 6, 1)


def _date_of(nlp, text: str, trigger: str) -> str | None:
    found = [e for e in find_in_text(nlp, text, DCT).events if text[e.trigger[0]:e.trigger[1]] == trigger]
    assert len(found) == 1, found
    return found[0].date.value if found[0].date else None


@pytest.mark.parametrize(("text", "trigger", "value"), [
    ("Canada welcomes Ghana’s signing of the Maritime Charter on May 4, affirming its support.",
     "signing", "2022-05-04"),
    ("The Ministry will hold a joint workshop in Accra in July 2022 on port security.",
     "workshop", "2022-07"),
    ("The two ministers visited Accra, Ghana yesterday to show support.\n\n"
     "While in Accra, the ministers met with the Ghana Armed Forces.", "met", "2022-05-31"),
])
def test_dated(nlp, text, trigger, value):
    assert _date_of(nlp, text, trigger) == value


def test_past_verb_keeps_its_own_date(nlp):
    text = "In May, China and Russia condemned the deployment of the launchers."
    assert not [e for e in find_in_text(nlp, text, DCT).events if e.type == "DEPLOY"]


def test_other_place_takes_no_date(nlp):
    text = ("The two ministers visited Accra, Ghana yesterday to show support.\n\n"
            "In Lagos, the ministers met with the Nigerian Navy.")
    assert _date_of(nlp, text, "met") is None
