"""countries.py: country names, aliases, adjectives and demonyms to ISO alpha-3."""

from __future__ import annotations

import pytest

from pipeline.countries import country_in_name, country_of


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("Mexican", "MEX"), ("Canada", "CAN"), ("U.S.", "USA"), ("the United States", "USA"),
     ("Ukrainians", "UKR"), ("Jordanian", "JOR"), ("North American", None), ("us", None), ("Europe", None)],
)
def test_country_of(text, iso3):
    assert country_of(text) == iso3


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Mexican Secretariat of the Navy", "MEX"),
        ("Foreign and Defence Ministries of Canada", "CAN"),
        ("U.S. Air Force", "USA"),
        ("Canadian Joint Operations Command", "CAN"),
        ("U.S.-Canada Supply Chain Working Group", None),  # two countries: a joint body
        ("North American Maritime Security Initiative", None),
        ("Trilateral Fentanyl Committee", None),
    ],
)
def test_country_in_name(name, iso3):
    assert country_in_name(name) == iso3
