"""TIMEX3 values as the calendar days they cover: what the timeline draws, never a made-up day."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.report.intervals import event_interval, timex_interval


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2004", "2004-01-01", "2004-12-31"),
        ("2011-05", "2011-05-01", "2011-05-31"),
        ("2012-02", "2012-02-01", "2012-02-29"),
        ("2014-04-24", "2014-04-24", "2014-04-24"),
        ("2014-04-24T20:00", "2014-04-24", "2014-04-24"),
        ("2013-W09", "2013-02-25", "2013-03-03"),
        ("2013-W09-WE", "2013-03-02", "2013-03-03"),
        ("2013-Q1", "2013-01-01", "2013-03-31"),
        ("2013-Q4", "2013-10-01", "2013-12-31"),
        ("2013-H2", "2013-07-01", "2013-12-31"),
        ("2023-SU", "2023-06-01", "2023-08-31"),
        ("2013-WI", "2013-12-01", "2014-02-28"),
        ("201", "2010-01-01", "2019-12-31"),
        ("20", "2000-01-01", "2099-12-31"),
    ],
)
def test_value_covers_its_days(value, first, last):
    assert timex_interval(value) == (date.fromisoformat(first), date.fromisoformat(last))


@pytest.mark.parametrize(
    "value",
    [None, "", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "PXY", "P5Y", "XXXX-05", "BC0490", "BC04",
     "2013-02-30", "2013-13", "2013-W60", "0000", "2013-Q5", "not a date"],
)
def test_values_without_a_place_on_the_calendar(value):
    assert timex_interval(value) is None


def test_earliest_and_latest_win_when_the_date_record_has_them():
    record = {"value": "2013", "earliest": "2013-03-01", "latest": "2013-05-31"}
    assert event_interval("2013", record) == (date(2013, 3, 1), date(2013, 5, 31))


def test_null_earliest_means_no_calendar_days():
    record = {"value": "PXY", "earliest": None, "latest": None}
    assert event_interval("2013", record) is None


def test_without_the_fields_the_value_decides():
    assert event_interval("2011-05", {"value": "2011-05"}) == (date(2011, 5, 1), date(2011, 5, 31))
    assert event_interval("2011-05", None) == (date(2011, 5, 1), date(2011, 5, 31))
