"""Organizations, spans.py: a body named with its seat (`X at Fort Y`) is the body alone."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import find_in_text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Soldiers trained with the Maneuver Center of Excellence at Fort Benning last spring.",
         "Maneuver Center of Excellence"),
        ("She briefed the Signal School at Camp Humphreys on the exercise.", "Signal School"),
    ],
)
def test_a_body_at_its_seat_is_the_body(nlp, text, name):
    """`X at Fort Y`: the place is where the body sits, not part of its name."""
    names = {o.name for o in find_in_text(nlp, text, date(2023, 5, 1)).organizations}
    assert name in names and not any(" at " in n for n in names)
