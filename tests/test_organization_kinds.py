"""What is not an organization, by kind (organizations/kinds.py): titles and people, staff
jargon, named exercises, places by prefix, country pairs, headlines and datelines. Composed
sentences and names, not copied from the source documents."""

from __future__ import annotations

import pytest

from pipeline.organizations.kinds import kind_reason, load_titles
from pipeline.organizations.mentions import mentions_in_text
from pipeline.organizations.names import trim_name
from pipeline.rules import packaged_rules


@pytest.mark.parametrize("name, before, after", [
    ("LTC", "", ""), ("MG", "led by ", " and staff"), ("the Chief of Staff", "", ""),
    ("Supply Sergeant", "the unit's ", ""), ("Honourable Jane Doe", "the ", " spoke"),
    ("Spokesperson Ned Price", "", ""), ("Toine Beukering", "Brig. Gen. ", ","),
    ("Ahmed Khan", "the Chief Minister, ", " attended"),
    ("TOC", "reported to the ", ""), ("S3", "the battalion ", ""), ("BN", "", ""),
    ("NORTHERN STAR", "during Exercise ", ""), ("Iron Falcon 2023", "in ", ""),
    ("Camp Lejeune", "at ", ""), ("Fort Bliss", "at ", ""),
    ("U.S.-Brazil", "the ", " partnership"), ("“", "", ""),
    ("Report R-1234", "", ""), ("P.L. 114-17", "", ""),
    ("OTTAWA", "", ", March 3, 2021 /CNW/ - The minister"),
    ("ICE", "", " HOCKEY TEAM VISITS NAVAL BASE"),
])
def test_not_a_body(name, before, after):
    assert kind_reason(name, before, after) is not None


@pytest.mark.parametrize("name, before, after", [
    ("Royal Netherlands Army", "from the ", "'s"), ("Joint Staff", "the ", ""),
    ("Immigration and Customs Enforcement", "", " agents said"), ("ICE", "officers of ", " said"),
    ("NATO", "Canada and ", " allies"), ("1st Armored Division", "the ", ""),
    ("Department of State", "the ", ""), ("ROYAL CANADIAN NAVY", "", ""),
])
def test_bodies_stay(name, before, after):
    assert kind_reason(name, before, after) is None


def test_titles_have_ids_and_examples():
    assert all(row.id and row.example and row.name for row in packaged_rules().titles)
    assert "LTC" in load_titles().positions and "TOC" in load_titles().staff


def test_dotted_acronym_keeps_its_period():
    text = "delegates of the U.N. met"
    s = text.index("the U.N.")
    assert text[slice(*trim_name(s, s + len("the U.N."), text))] == "U.N."


def test_headline_acronym_is_no_mention():
    text = "ICE HOCKEY TEAM VISITS NAVAL BASE\nOfficers of ICE said the visit went well."
    second = text.index("ICE", 5)
    found = mentions_in_text(text, [(0, 3, None), (second, second + 3, None)])
    assert [(m.start, m.text) for m in found] == [(second, "ICE")]
