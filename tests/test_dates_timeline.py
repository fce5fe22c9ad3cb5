"""The first and last calendar day a TIMEX3 value covers (`earliest`, `latest`), for timelines."""

from __future__ import annotations

import pytest

from pipeline.dates.timeline import day_range, join_year, split_year

RANGES = [
    ("2004", ("2004-01-01", "2004-12-31")),
    ("2011-05", ("2011-05-01", "2011-05-31")),
    ("2012-02", ("2012-02-01", "2012-02-29")),
    ("2014-04-24", ("2014-04-24", "2014-04-24")),
    ("2014-04-24T20:00", ("2014-04-24", "2014-04-24")),
    ("2013-W09", ("2013-02-25", "2013-03-03")),
    ("2013-W09-WE", ("2013-03-02", "2013-03-03")),
    ("2013-Q1", ("2013-01-01", "2013-03-31")),
    ("2013-H2", ("2013-07-01", "2013-12-31")),
    ("2013-SP", ("2013-03-01", "2013-05-31")),
    ("2013-SU", ("2013-06-01", "2013-08-31")),
    ("2013-FA", ("2013-09-01", "2013-11-30")),
    ("2013-WI", ("2013-12-01", "2014-02-28")),
    ("201", ("2010-01-01", "2019-12-31")),
    ("19", ("1900-01-01", "1999-12-31")),
    # astronomical years: 490 BC is -0489, 1 BC is 0000
    ("BC0490", ("-0489-01-01", "-0489-12-31")),
    ("BC0001", ("0000-01-01", "0000-12-31")),
    ("BC0480-08", ("-0479-08-01", "-0479-08-31")),
    ("BC04", ("-0498-01-01", "-0399-12-31")),
    ("BC047", ("-0478-01-01", "-0469-12-31")),
    ("P5Y", None), ("PRESENT_REF", None), ("XXXX-06", None), ("1980-XX-XX", None), ("P1W", None),
]


@pytest.mark.parametrize("value,expected", RANGES)
def test_day_range(value, expected):
    assert day_range(value) == expected


@pytest.mark.parametrize("value,year,rest", [("1940-05", 1940, "-05"), ("BC0480-08", -479, "-08"),
                                            ("BC0001", 0, "")])
def test_years_round_trip(value, year, rest):
    assert split_year(value) == (year, rest)
    assert join_year(year, rest) == value
