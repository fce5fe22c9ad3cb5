"""Ranges of days: each end of `6-7 January 1916` is its own expression (GUIDELINES: ranges are two).

Sentences composed for these tests. Each row: (text, DCT, expected (text, value) in text order).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import find_in_text

DCT = date(2021, 3, 15)

DAY_SPANS = [
    # the day first: the bare first day, then the day with the month and year
    ("The talks ran on 6-7 January 1916 in Bern.", DCT,
     [("6", "1916-01-06"), ("7 January 1916", "1916-01-07")]),
    # the month first: the month with the first day, then the day with the year
    ("The offensive of March 5-9, 1918 failed.", DCT,
     [("March 5", "1918-03-05"), ("9, 1918", "1918-03-09")]),
    ("The ministers met on 3–4 May 2021 in London.", DCT,
     [("3", "2021-05-03"), ("4 May 2021", "2021-05-04")]),
    # no year: both ends on the DCT's year
    ("The summit is set for June 10-11.", DCT, [("June 10", "2021-06-10"), ("11", "2021-06-11")]),
    # a range or a pair whose second end alone names the year: the year is both ends'
    ("The siege (12 October - 3 February 1902) starved the town.", DCT,
     [("12 October", "1901-10-12"), ("3 February 1902", "1902-02-03")]),
    ("The dam was closed in April and June 1955 for repairs.", DCT,
     [("April", "1955-04"), ("June 1955", "1955-06")]),
    # not a range of days: a single day, a score
    ("The port reopened on 12 March 2020.", DCT, [("12 March 2020", "2020-03-12")]),
]


@pytest.mark.parametrize("text, dct, expected", DAY_SPANS)
def test_day_spans(nlp, text, dct, expected):
    assert [(t.text, t.value) for t in find_in_text(nlp, text, dct).dates] == expected


def test_the_first_end_links_the_second(nlp):
    text = "The talks ran on 6-7 January 1916 in Bern."
    first, second = find_in_text(nlp, text, DCT).dates
    assert first.range_end == (second.start, second.end)
