"""TIMEX3 normalization of one expression: (text, DCT, tense) -> type, value, granularity, mod.

Expressions come from the sources under sources/, from Wikinews texts of the
MEANTIME corpus (CC BY 4.0) and from the TimeML guidelines' examples; the DCT
is the one of the document they come from.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates.calendar import duration_value, weekday_date, year_for
from pipeline.dates.grammar import alt, rules, timex_lexicon
from pipeline.dates.normalize import normalize

D = date

# (text, dct, tense, type, value, granularity, mod)
ABSOLUTE = [
    ("May 2011", None, "", "DATE", "2011-05", "month", None),
    ("December 2013", D(2014, 4, 26), "past", "DATE", "2013-12", "month", None),
    ("2006", D(2014, 4, 26), "", "DATE", "2006", "year", None),
    ("FY 2008", D(2021, 3, 1), "", "DATE", "2008", "year", None),
    ("FY2020", None, "", "DATE", "2020", "year", None),
    ("mid-2013", None, "", "DATE", "2013", "year", "MID"),
    ("early 2009", D(2011, 1, 17), "", "DATE", "2009", "year", "START"),
    ("late 2006", D(2007, 9, 8), "", "DATE", "2006", "year", "END"),
    ("Saturday, April 26, 2014", None, "", "DATE", "2014-04-26", "day", None),
    ("April 24, 2014", D(2014, 4, 26), "past", "DATE", "2014-04-24", "day", None),
    ("January 9-10, 2023", D(2023, 4, 14), "", "DATE", "2023-01-09", "day", None),
    # a month or a day dated by the DCT's year, with or without `of`
    ("June last year", D(2024, 3, 13), "past", "DATE", "2023-06", "month", None),
    ("1 December last year", D(2024, 3, 13), "past", "DATE", "2023-12-01", "day", None),
    ("March of next year", D(2024, 3, 13), "", "DATE", "2025-03", "month", None),
    ("11 December 2009", None, "", "DATE", "2009-12-11", "day", None),
    ("March 12 2009", None, "", "DATE", "2009-03-12", "day", None),
    ("7/8/07", D(2007, 7, 9), "", "DATE", "2007-07-08", "day", None),
    # an ISO date is one day, not a month and a span of days ("2021-03" and "-03")
    ("2021-03-03", None, "", "DATE", "2021-03-03", "day", None),
    ("2014-04-24", D(2014, 4, 26), "past", "DATE", "2014-04-24", "day", None),
    ("the 20th century", None, "", "DATE", "19", "century", None),
    ("the 21st century", None, "", "DATE", "20", "century", None),
    ("the twentieth century", None, "", "DATE", "19", "century", None),
    ("the 1990s", None, "", "DATE", "199", "decade", None),
    ("the 2010s", None, "", "DATE", "201", "decade", None),
    ("the 70s", D(2007, 2, 9), "", "DATE", "197", "decade", None),
    ("the 1990's", None, "", "DATE", "199", "decade", None),
    ("the late 1980s", None, "", "DATE", "198", "decade", "END"),
    ("'82", D(2008, 10, 27), "", "DATE", "1982", "year", None),
    ("the first quarter of 2009", None, "", "DATE", "2009-Q1", "quarter", None),
    ("the final quarter of 2009", None, "", "DATE", "2009-Q4", "quarter", None),
    ("Q3 2013", None, "", "DATE", "2013-Q3", "quarter", None),
    ("the second half of 2012", None, "", "DATE", "2012-H2", "half", None),
    ("the summer of 2012", None, "", "DATE", "2012-SU", "season", None),
]

RELATIVE = [
    ("today", D(2022, 3, 16), "past", "DATE", "2022-03-16", "day", None),
    ("Today", D(2021, 4, 2), "past", "DATE", "2021-04-02", "day", None),
    ("yesterday", D(2021, 1, 23), "past", "DATE", "2021-01-22", "day", None),
    ("earlier today", D(2008, 9, 17), "past", "DATE", "2008-09-17", "day", None),
    ("last year", D(2021, 4, 2), "past", "DATE", "2020", "year", None),
    ("last year", D(2021, 1, 23), "past", "DATE", "2020", "year", None),
    ("next year", D(2008, 12, 12), "future", "DATE", "2009", "year", None),
    ("the previous year", D(2009, 2, 3), "past", "DATE", "2008", "year", None),
    ("next week", D(2021, 1, 23), "future", "DATE", "2021-W04", "week", None),
    ("last week", D(2008, 9, 4), "past", "DATE", "2008-W35", "week", None),
    ("this month", D(2021, 6, 13), "present", "DATE", "2021-06", "month", None),
    ("last month", D(2009, 2, 3), "past", "DATE", "2009-01", "month", None),
    ("this weekend", D(2010, 1, 25), "future", "DATE", "2010-W04-WE", "week", None),
    ("this summer", D(2023, 4, 14), "future", "DATE", "2023-SU", "season", None),
    ("the end of last year", D(2009, 2, 18), "past", "DATE", "2008", "year", "END"),
    ("the beginning of the year", D(2008, 4, 9), "past", "DATE", "2008", "year", "START"),
    ("later this year", D(2006, 10, 5), "future", "DATE", "2006", "year", None),
    ("the third quarter of this year", D(2009, 10, 16), "past", "DATE", "2009-Q3", "quarter", None),
    ("the first quarter of last year", D(2009, 5, 7), "past", "DATE", "2008-Q1", "quarter", None),
    ("the fourth quarter", D(2007, 3, 13), "past", "DATE", "2006-Q4", "quarter", None),
    ("the last quarter", D(2007, 1, 18), "past", "DATE", "2006-Q4", "quarter", None),
    ("the first quarter", D(2009, 5, 7), "future", "DATE", "2010-Q1", "quarter", None),
    ("the first quarter", D(2009, 5, 7), "past", "DATE", "2009-Q1", "quarter", None),
    ("two years ago", D(2008, 5, 24), "past", "DATE", "2006", "year", None),
    ("a week ago", D(2011, 3, 18), "past", "DATE", "2011-03-11", "day", None),
    ("this morning", D(2008, 1, 9), "past", "TIME", "2008-01-09TMO", "time", None),
    ("last night", D(2013, 2, 14), "past", "TIME", "2013-02-13TNI", "time", None),
    ("earlier this month", D(2013, 2, 14), "past", "DATE", "2013-02", "month", None),
    ("late last year", D(2013, 2, 14), "past", "DATE", "2012", "year", "END"),
    ("the end of the month", D(2013, 2, 14), "future", "DATE", "2013-02", "month", "END"),
    ("Sept. 30", D(2013, 2, 14), "past", "DATE", "2012-09-30", "day", None),
    ("mid-October", D(2013, 2, 14), "past", "DATE", "2012-10", "month", "MID"),
    ("early next year", D(2013, 2, 14), "future", "DATE", "2014", "year", "START"),
    # holidays on a fixed date are placed like a month and day
    ("Christmas Day", D(2022, 10, 12), "past", "DATE", "2021-12-25", "day", None),
    ("Christmas", D(2022, 10, 12), "future", "DATE", "2022-12-25", "day", None),
    ("Remembrance Day 2021", D(2022, 10, 12), "", "DATE", "2021-11-11", "day", None),
    ("New Year's Eve", D(2022, 10, 12), "future", "DATE", "2022-12-31", "day", None),
    ("Memorial Day", D(2022, 10, 12), "past", "DATE", "2022-05-30", "day", None),
    ("Memorial Day 2023", None, "", "DATE", "2023-05-29", "day", None),
    ("Labour Day", D(2022, 10, 12), "future", "DATE", "2023-09-04", "day", None),
    # a week of a month: the ISO week holding most of it
    ("the last week of March", D(2009, 4, 1), "past", "DATE", "2009-W13", "week", None),
    ("the first week of June 2021", None, "", "DATE", "2021-W22", "week", None),
    ("the first week of 2021", None, "", "DATE", "2021-W01", "week", None),
    # alone (no period mentioned before it), the same period last year is last year
    ("the same period last year", D(2010, 3, 3), "past", "DATE", "2009", "year", None),
    ("the weekend", D(2008, 10, 13), "past", "DATE", "2008-W41-WE", "week", None),
    ("the weekend", D(2008, 10, 13), "future", "DATE", "2008-W42-WE", "week", None),
    ("this past weekend", D(2022, 10, 12), "past", "DATE", "2022-W40-WE", "week", None),
    ("fiscal year 2024-25", None, "", "DATE", "2024", "year", None),
    ("FY2019/20", None, "", "DATE", "2019", "year", None),
    ("3–4 May 2021", None, "", "DATE", "2021-05-03", "day", None),
    ("June 10-12", D(2022, 10, 12), "past", "DATE", "2022-06-10", "day", None),
    # alone, an anaphoric day is the DCT's: in a document it is the day last mentioned
    ("the next day", D(2013, 2, 14), "past", "DATE", "2013-02-15", "day", None),
    ("the previous day", D(2013, 2, 14), "past", "DATE", "2013-02-13", "day", None),
    ("18:00 UTC", D(2013, 2, 14), "past", "TIME", "2013-02-14T18:00Z", "time", None),
    ("16:00 UTC today", D(2009, 6, 1), "future", "TIME", "2009-06-01T16:00Z", "time", None),
    # A month or weekday without a year: the DCT's year, moved by the tense (HeidelTime).
    ("June 14", D(2021, 6, 13), "future", "DATE", "2021-06-14", "day", None),
    ("June 14", D(2021, 6, 13), "", "DATE", "2021-06-14", "day", None),
    ("June", D(2023, 4, 14), "future", "DATE", "2023-06", "month", None),
    ("November", D(2009, 3, 13), "past", "DATE", "2008-11", "month", None),
    ("January", D(2009, 2, 3), "past", "DATE", "2009-01", "month", None),
    ("11 December", D(2010, 1, 25), "past", "DATE", "2009-12-11", "day", None),
    ("October 25", D(2007, 10, 15), "future", "DATE", "2007-10-25", "day", None),
    ("early June", D(2009, 5, 14), "future", "DATE", "2009-06", "month", "START"),
    ("last September", D(2009, 10, 12), "past", "DATE", "2009-09", "month", None),
    ("October of next year", D(2009, 5, 15), "future", "DATE", "2010-10", "month", None),
    ("Tuesday", D(2009, 12, 16), "past", "DATE", "2009-12-15", "day", None),
    ("Thursday", D(2008, 9, 4), "past", "DATE", "2008-09-04", "day", None),
    ("Friday", D(2008, 9, 18), "future", "DATE", "2008-09-19", "day", None),
    ("Sunday", D(2008, 10, 13), "", "DATE", "2008-10-12", "day", None),
    ("Friday morning", D(2010, 7, 17), "past", "TIME", "2010-07-16TMO", "time", None),
    ("Thursday night", D(2006, 1, 27), "past", "TIME", "2006-01-26TNI", "time", None),
]

DURATIONS = [
    ("nearly 20 years", "DURATION", "P20Y", "duration", "LESS_THAN"),
    ("seven consecutive years", "DURATION", "P7Y", "duration", None),
    ("over two decades", "DURATION", "P20Y", "duration", "MORE_THAN"),
    ("the past week", "DURATION", "P1W", "duration", None),
    ("the past decade", "DURATION", "P10Y", "duration", None),
    ("the last few years", "DURATION", "PXY", "duration", None),
    ("the next four years", "DURATION", "P4Y", "duration", None),
    ("the past five trading days", "DURATION", "P5D", "duration", None),
    ("several years", "DURATION", "PXY", "duration", None),
    ("33 years", "DURATION", "P33Y", "duration", None),
    ("six months", "DURATION", "P6M", "duration", None),
    ("27-year", "DURATION", "P27Y", "duration", None),
    ("twelve-year", "DURATION", "P12Y", "duration", None),
    ("four-week", "DURATION", "P4W", "duration", None),
    ("12-hour", "DURATION", "PT12H", "duration", None),
    ("thirty minutes", "DURATION", "PT30M", "duration", None),
    ("almost two and a half years", "DURATION", "P2.5Y", "duration", "LESS_THAN"),
    ("two consecutive quarters", "DURATION", "P2Q", "duration", None),
    ("90 days", "DURATION", "P90D", "duration", None),
    ("weekly", "SET", "P1W", "set", None),
    ("every day", "SET", "P1D", "set", None),
    ("annual", "SET", "P1Y", "set", None),
    ("now", "DATE", "PRESENT_REF", "ref", None),
    ("currently", "DATE", "PRESENT_REF", "ref", None),
    ("To date", "DATE", "PRESENT_REF", "ref", None),
    ("the time being", "DATE", "PRESENT_REF", "ref", None),
    ("recently", "DATE", "PAST_REF", "ref", None),
    ("the future", "DATE", "FUTURE_REF", "ref", None),
    ("the near term", "DATE", "FUTURE_REF", "ref", None),
    ("the coming months", "DURATION", "PXM", "duration", None),
    ("every two years", "SET", "P2Y", "set", None),
    ("every other week", "SET", "P2W", "set", None),
    ("twice a year", "SET", "P1Y", "set", None),
    ("three times a week", "SET", "P1W", "set", None),
    ("the foreseeable future", "DATE", "FUTURE_REF", "ref", None),
]


@pytest.mark.parametrize("text,dct,tense,typ,value,gran,mod", ABSOLUTE + RELATIVE)
def test_normalize_dates(text, dct, tense, typ, value, gran, mod):
    norm = normalize(text, dct, tense)
    assert norm is not None, text
    assert (norm.type, norm.value, norm.granularity, norm.mod) == (typ, value, gran, mod)


@pytest.mark.parametrize("text,typ,value,gran,mod", DURATIONS)
def test_normalize_durations_sets_and_references(text, typ, value, gran, mod):
    norm = normalize(text, date(2021, 6, 13))
    assert norm is not None, text
    assert (norm.type, norm.value, norm.granularity, norm.mod) == (typ, value, gran, mod)


@pytest.mark.parametrize("text", [e[0] for e in ABSOLUTE if e[1] is None])
def test_text_alone_gives_absolute_values(text):
    assert normalize(text, None).anchor == "text"


@pytest.mark.parametrize("text", ["today", "last year", "next week", "June 14", "Tuesday", "two years ago"])
def test_relative_values_are_anchored_on_the_document(text):
    assert normalize(text, date(2021, 6, 13)).anchor == "document"


@pytest.mark.parametrize(
    "text,expected",
    [
        # No DCT: the unknown parts stay unknown (TIMEX3's X), never invented, and nothing is anchored.
        ("June 14", "XXXX-06-14"),
        ("June", "XXXX-06"),
        ("Tuesday", "XXXX-WXX-2"),
        ("today", "XXXX-XX-XX"),
        ("yesterday", "XXXX-XX-XX"),
        ("last month", "XXXX-XX"),
        ("last year", "XXXX"),
        ("next week", "XXXX-WXX"),
        ("two years ago", "XXXX"),
        ("three months ago", "XXXX-XX"),
        ("this summer", "XXXX-SU"),
    ],
)
def test_without_a_document_date_nothing_is_invented(text, expected):
    norm = normalize(text, None)
    assert (norm.value, norm.anchor) == (expected, None)


@pytest.mark.parametrize(
    "text",
    ["Maple Flag 45", "Serial 1", "COVID-19", "$2 billion", "2,000 miles", "175 students", "G7",
     "$3.2 billion", "30 Allied nations", "a 10-year-old"],
)
def test_numbers_that_count_or_name_things_are_not_dates(text):
    assert normalize(text, date(2021, 6, 13)) is None


def test_february_29_outside_a_leap_year_is_not_invented():
    assert normalize("February 29", date(2021, 3, 1), "past") is None
    assert normalize("February 29", date(2008, 7, 2), "past").value == "2008-02-29"


@pytest.mark.parametrize(
    "n,unit,expected",
    [(5, "Y", "P5Y"), (3, "M", "P3M"), (1, "W", "P1W"), (None, "Y", "PXY"), (2, "DE", "P20Y"),
     (30, "MIN", "PT30M"), (12, "H", "PT12H"), (2.5, "Y", "P2.5Y"), (None, "DE", "PXY"), (None, "CE", "PXY")],
)
def test_duration_value(n, unit, expected):
    assert duration_value(n, unit) == expected


def test_word_lists_are_data_with_ids_and_examples():
    lex = timex_lexicon()
    assert lex.value("month", "Sept.") == "09"
    assert lex.value("season", "fall") == "FA"
    assert all(e.id and e.example for e in lex.entries)
    assert len(rules()) == len({r.name for r in rules()})


def test_regexes_are_linear_on_adversarial_input():
    # Long runs of what the shapes repeat (spaces, digits, number words) must not blow up;
    # a catastrophic pattern would not finish on these in any reasonable time.
    hostile = ["1" * 5000, " " * 5000 + "x", "two " * 2000 + "and", "-" * 5000, "a " * 3000,
               "the same " * 2000, "2022/23-" * 1000, "Q2 " * 2000, "from 1 to " * 1000,
               "New Year's " * 1000, "the week of " * 1000]
    for text in hostile:
        for rule in rules():
            for _ in rule.regex.finditer(text):
                pass


@pytest.mark.parametrize(
    "dct,month,day,tense,strict,expected",
    [
        (D(2009, 3, 13), 11, None, "past", 0, 2008),    # "since November", said in March
        (D(2023, 4, 14), 6, None, "future", 0, 2023),   # "a summit in June"
        (D(2009, 5, 15), 3, None, "future", 0, 2010),   # "will open in March"
        (D(2021, 6, 13), 6, 14, "", 0, 2021),           # "on June 14", no verb tense
        (D(2009, 10, 12), 9, None, "", -1, 2009),       # "last September"
        (D(2009, 9, 12), 9, None, "", -1, 2008),        # "last September", said in September
        (D(2009, 9, 12), 9, None, "", 1, 2010),         # "next September"
    ],
)
def test_year_for_a_month_without_one(dct, month, day, tense, strict, expected):
    assert year_for(dct, month, day, tense, strict) == expected


@pytest.mark.parametrize(
    "dct,weekday,tense,strict,expected",
    [
        (D(2008, 9, 4), 3, "past", 0, D(2008, 9, 4)),      # Thursday said on a Thursday
        (D(2008, 9, 18), 4, "future", 0, D(2008, 9, 19)),  # "will ... on Friday"
        (D(2006, 5, 29), 1, "past", 0, D(2006, 5, 23)),    # "on Tuesday", said on a Monday
        (D(2008, 10, 13), 6, "", 0, D(2008, 10, 12)),      # nearest Sunday
        (D(2008, 10, 13), 0, "", -1, D(2008, 10, 6)),      # "last Monday" said on a Monday
        (D(2008, 10, 13), 0, "", 1, D(2008, 10, 20)),      # "next Monday"
    ],
)
def test_weekday_date(dct, weekday, tense, strict, expected):
    assert weekday_date(dct, weekday, tense, strict) == expected


_WORDS = sorted(
    {f for e in timex_lexicon().entries for f in e.forms} | {"2013", "14", "'82", "1990s", "16:08", "-", ","}
)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6),
    dct=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))),
    tense=st.sampled_from(["", "past", "present", "future"]),
)
def test_normalize_never_raises_and_values_are_well_formed(words, dct, tense):
    norm = normalize(" ".join(words), dct, tense)
    if norm is not None:
        assert norm.type in ("DATE", "TIME", "DURATION", "SET")
        assert norm.value and not norm.value.startswith("ANAPHOR")
        assert norm.mod is None or norm.mod.isupper()


def _flat_alternation(forms: list[str], case_sensitive: bool) -> str:
    """The plain way to write `alt`: every form escaped, longest first."""
    parts = sorted({re.escape(f).replace(r"\ ", r"\s+") for f in forms}, key=len, reverse=True)
    return f"(?-i:{'|'.join(parts)})" if case_sensitive else f"(?:{'|'.join(parts)})"


_FORM = st.text(alphabet="abAB.-' ", min_size=1, max_size=6).filter(lambda f: "  " not in f)


@given(
    forms=st.lists(_FORM, min_size=1, max_size=8),
    text=st.text(alphabet="abAB.-' \n", max_size=14),
    after=st.sampled_from(["", r"\b", "b", r"\s", "$", r"(?!\w)"]),
    case_sensitive=st.booleans(),
)
@settings(max_examples=400, deadline=None)
def test_alt_matches_what_a_flat_longest_first_alternation_matches(forms, text, after, case_sensitive):
    # alt() is a trie for speed; where it stands in a rule, what follows it decides by backtracking
    flags = 0 if case_sensitive else re.I
    for start in range(len(text) + 1):
        want = re.compile(_flat_alternation(forms, case_sensitive) + after, flags).match(text, start)
        got = re.compile(alt(forms, case_sensitive) + after, flags).match(text, start)
        assert (want.span() if want else None) == (got.span() if got else None), (forms, text, start)
