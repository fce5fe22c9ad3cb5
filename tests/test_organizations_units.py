"""Organizations, units.py: a unit named by its chain of command is one body; siblings are no chain."""

from __future__ import annotations

from conftest import find_in_text

from pipeline.organizations.units import unit_chains


def test_chain_smallest_first_is_one_span():
    text = "The Army activated B Company, 2nd Battalion, 75th Ranger Regiment last year."
    assert [text[s:e] for s, e in unit_chains(text)] == ["B Company, 2nd Battalion, 75th Ranger Regiment"]


def test_list_of_sibling_units_is_no_chain():
    text = "Units include 1st Armored Division, 82nd Airborne Division, and 3rd Infantry Division."
    assert unit_chains(text) == []


def test_chain_is_one_record(nlp):
    text = ("Reportedly, the Army activated its first launcher battery—C Battery, 1st Battalion, "
            "17th Field Artillery Regiment—at a base in Washington.")
    names = [e.name for e in find_in_text(nlp, text).organizations]
    assert "C Battery, 1st Battalion, 17th Field Artillery Regiment" in names
