"""An event dated by a range takes the range's opening end, whose record carries the other end."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text


@pytest.mark.parametrize(
    ("text", "trigger", "first", "last"),
    [
        ("The Royal Canadian Navy and the Mexican Navy held staff talks in Halifax "
         "from May 1 to 12, 2023.",
         "held", "2023-05-01", "2023-05-12"),
        ("Delegations met in Ottawa on March 5-9, 2022 to review the plan.",
         "met", "2022-03-05", "2022-03-09"),
    ],
)
def test_an_event_dated_by_a_range_takes_its_opening_end(nlp, text, trigger, first, last):
    found = find_in_text(nlp, text, date(2024, 1, 15))
    (event,) = [e for e in found.events if text[e.trigger[0]:e.trigger[1]] == trigger]
    opening = next(t for t in found.dates if (t.start, t.end) == (event.date.start, event.date.end))
    assert event.date.value == first
    closing = next(t for t in found.dates if (t.start, t.end) == opening.range_end)
    assert closing.value == last
