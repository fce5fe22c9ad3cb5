"""Extents TimeML keeps whole: a part of a named day, a month of `that year`, `the` before a day.

Sentences composed for these tests. Each row: (text, DCT, expected (text, type, value) in order).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import find_in_text

DCT = date(2021, 3, 15)
OPENING = "The fort was built in 1850, rebuilt in 1870 and 1890, and armed in 1900. "

EXTENTS = [
    ("The convoy left on the night of April 18, 1775.", DCT,
     [("the night of April 18, 1775", "TIME", "1775-04-18TNI")]),
    ("The talks resumed on the morning of 3 June 1999.", DCT,
     [("the morning of 3 June 1999", "TIME", "1999-06-03TMO")]),
    ("The attack came early in the morning of 29 April 1975.", DCT,
     [("early in the morning of 29 April 1975", "TIME", "1975-04-29TMO")]),
    ("The division crossed on the 19th of October 1950.", DCT,
     [("the 19th of October 1950", "DATE", "1950-10-19")]),
    ("The division crossed on the 12 October 1950.", DCT,
     [("the 12 October 1950", "DATE", "1950-10-12")]),
    # a month of the year the story has reached
    (OPENING + "The garrison mutinied in 1911. In August of that year the fort was abandoned.", DCT,
     [("1850", "DATE", "1850"), ("1870", "DATE", "1870"), ("1890", "DATE", "1890"), ("1900", "DATE", "1900"),
      ("1911", "DATE", "1911"), ("August of that year", "DATE", "1911-08")]),
    # not a part of a day: a night named after something else
    ("The night of the long knives is remembered in June.", DCT, [("June", "DATE", "2021-06")]),
]


@pytest.mark.parametrize("text, dct, expected", EXTENTS)
def test_extents(nlp, text, dct, expected):
    assert [(t.text, t.type, t.value) for t in find_in_text(nlp, text, dct).dates] == expected
