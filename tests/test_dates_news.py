"""News phrasings of time: runs of days, a time inside a period, `that time`, recurring parts of
the calendar, seasons that date a noun, ranges of counts.

Sentences composed for these tests. Each row: (text, DCT, expected (text, type, value) in order).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import find_in_text

DCT = date(2013, 3, 14)  # a Thursday, ISO week 11

NEWS = [
    # the latest of a run, or the period a superlative compares: the DCT's own day or week
    ("Copper prices slid for a third straight session.", DCT,
     [("a third straight session", "DATE", "2013-03-14")]),
    ("Retail stocks gained for the fifth week in a row.", DCT,
     [("the fifth week", "DATE", "2013-W11")]),
    ("The euro had its worst week since January.", DCT,
     [("week", "DATE", "2013-W11"), ("January", "DATE", "2013-01")]),
    # an ordinal day of something is no run
    ("The first day of the hearing was quiet.", DCT, []),
    # a time inside a period: the period, with the mod of the word that places it
    ("The bond market steadied late in the day.", DCT,
     [("late in the day", "DATE", "2013-03-14")]),
    ("Talks stalled early in the month.", DCT, [("early in the month", "DATE", "2013-03")]),
    ("The port reopened early in 1921, after the strike.", DCT, [("early in 1921", "DATE", "1921")]),
    ("The mill opened in 1888. Late in the year it burned down.", DCT,
     [("1888", "DATE", "1888"), ("Late in the year", "DATE", "1888")]),
    # "by that time": the date named just before; with none, the past
    ("Bids are due by April 2. Offers not made by that time will lapse.", DCT,
     [("April 2", "DATE", "2013-04-02"), ("that time", "DATE", "2013-04-02")]),
    ("At that time the airline flew only two routes.", DCT, [("that time", "DATE", "PAST_REF")]),
    # a named part of the calendar that recurs
    ("The ferry sails every evening and each Sunday.", DCT,
     [("every evening", "SET", "XXXX-XX-XXTEV"), ("each Sunday", "SET", "XXXX-WXX-7")]),
    ("The fair returns each autumn.", DCT, [("each autumn", "SET", "XXXX-FA")]),
    # one unit a clause describes is no duration; a degree of `recent` picks a thing
    ("It was a week nobody at the bank will forget.", DCT, []),
    ("Her latest album outsold her most recent tour.", DCT, []),
    ("The talks took a week.", DCT, [("a week", "DURATION", "P1W")]),
    # an adverb in a relative clause says what a thing is; in the main clause it dates the event
    ("The bank sold the stake that the state currently holds.", DCT, []),
    ("The bank currently holds the stake.", DCT, [("currently", "DATE", "PRESENT_REF")]),
    # a season that dates the noun after it, or joined to a season
    ("The rebels prepared their winter offensive in the hills.", DCT,
     [("winter", "DATE", "2013-WI")]),
    ("The garrison will hold out through the spring and summer.", DCT,
     [("the spring", "DATE", "2013-SP"), ("summer", "DATE", "2013-SU")]),
    ("Prices took a fall in the spring.", DCT, [("the spring", "DATE", "2013-SP")]),
    ("The town marked its 1955 winter festival.", DCT, [("1955 winter", "DATE", "1955-WI")]),
    # a year after a determiner dates the things after it; a bare count counts them
    ("Voters remember the 2004 riots and the 1998 floods.", DCT,
     [("2004", "DATE", "2004"), ("1998", "DATE", "1998")]),
    ("The port took in 1800 refugees.", DCT, []),
    # a part of the day that dates a noun: that part of the day last mentioned
    ("Zinc fell on Tuesday. It slipped again in evening trading.", DCT,
     [("Tuesday", "DATE", "2013-03-12"), ("evening", "TIME", "2013-03-12TEV")]),
    # a range's first day with its determiner takes the second's month
    ("The vote moved from the 12th to the 18th of May 1999.", DCT,
     [("the 12th", "DATE", "1999-05-12"), ("the 18th of May 1999", "DATE", "1999-05-18")]),
    ("The rebels struck on the 4 and 5 June 1921.", DCT,
     [("the 4", "DATE", "1921-06-04"), ("5 June 1921", "DATE", "1921-06-05")]),
    # `that evening`: a part of the day just named
    ("The minister reached Kyiv on Tuesday and met the president that evening.", DCT,
     [("Tuesday", "DATE", "2013-03-12"), ("that evening", "TIME", "2013-03-12TEV")]),
    # `future` before a noun is a time to come; inside a name or as a noun of its own, none
    ("The treaty aims to prevent future conflicts in the region.", DCT,
     [("future", "DATE", "FUTURE_REF")]),
    ("The Future Capabilities Office opened in Ottawa.", DCT, []),
    ("The cadets face a bright future.", DCT, []),
    # a range of counts: the first count has the second's unit
    ("The audit will take between 30 and 45 days.", DCT,
     [("30", "DURATION", "P30D"), ("45 days", "DURATION", "P45D")]),
]


@pytest.mark.parametrize("text, dct, expected", NEWS)
def test_news_phrasings(nlp, text, dct, expected):
    assert [(t.text, t.type, t.value) for t in find_in_text(nlp, text, dct).dates] == expected
