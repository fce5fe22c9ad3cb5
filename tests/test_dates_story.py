"""A story's time: which expressions move it and where the undated ones land (narrative.py).

Sentences composed for these tests, run through the whole document pass. A history needs
a few explicit years long before the DCT to be read as one, hence the opening sentence.
Each row: (text, DCT, expected (text, value) of the expressions after the opening).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import find_in_text

DCT = date(2021, 3, 15)
OPENING = "The fort was built in 1850, rebuilt in 1870 and 1890, and armed in 1900. "

STORIES = [
    # a season stands for its middle month: half a year after the summer of 1917, January is 1918's
    (OPENING + "The regiment trained through the summer of 1917. In January it sailed for France.",
     DCT, [("the summer of 1917", "1917-SU"), ("January", "1918-01")]),
    # a season the story placed moves it on too: after the winter that follows November 1916, March 1917
    (OPENING + "The garrison surrendered in November 1916. The winter was harsh. "
     "In March the prisoners were freed.",
     DCT, [("November 1916", "1916-11"), ("The winter", "1917-WI"), ("March", "1917-03")]),
    # counted back from the story's year, not forward
    (OPENING + "The siege was lifted in August 1903. The garrison was as weak as it had been "
     "three years earlier.", DCT, [("August 1903", "1903-08"), ("three years earlier", "1900")]),
    (OPENING + "The new guns came in May 1905, a gift from the city; the old ones had been sold "
     "the previous year.", DCT, [("May 1905", "1905-05"), ("the previous year", "1904")]),
]


@pytest.mark.parametrize("text, dct, expected", STORIES)
def test_story_values(nlp, text, dct, expected):
    found = [t for t in find_in_text(nlp, text, dct).dates if t.start >= len(OPENING)]
    assert [(t.text, t.value) for t in found] == expected
