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
