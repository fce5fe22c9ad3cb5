"""Equipment, shared heads and lists of portfolios, on sentences composed for these tests: a weapon
system the document calls a system or launcher elsewhere (`Harrier launchers`), its plural, a
count of vehicles, an acronym of a lowercase long form (`unmanned surface vessels (USVs)`), a
plural title; names cut at `and` whose head both halves share.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

DCT = date(2024, 5, 1)


def names(nlp, text: str) -> set[str]:
    return {o.name for o in find_in_text(nlp, text, DCT).organizations}


@pytest.mark.parametrize(("text", "not_a_body"), [
    ("The Navy moved its Kestrel launchers north in March. Officials said the Kestrels would stay "
     "there, and Kestrel crews trained with the Coast Guard.", "Kestrel"),
    ("A second Kestrel battery was activated, and Kestrel will deploy next year.", "Kestrel"),
    ("The brigade arrived with a platoon of Wolverines borrowed from the Canadian Army.", "Wolverines"),
    ("The fleet added unmanned surface vessels (USVs) last year, and more USVs will follow.", "USVs"),
    ("The senators asked the Regional Commanders to brief them on the plan.", "Regional Commanders"),
    ("Ali Raza, the Federal Minister for Energy, Water Resources and Provincial Coordination, spoke.",
     "Provincial Coordination"),
])
def test_not_a_body(nlp, text, not_a_body):
    assert not any(not_a_body in n for n in names(nlp, text))


@pytest.mark.parametrize(("text", "name"), [
    ("Funding went to the Air Force's Advanced Concepts and Emerging Systems Office in Ohio.",
     "Advanced Concepts and Emerging Systems Office"),
    ("Panama's ministry created a Joint Coastal Air and Sea Operations Center in Colón.",
     "Joint Coastal Air and Sea Operations Center"),
    ("Officials of the Department of State Bureau of Consular Affairs met the delegation.",
     "Bureau of Consular Affairs"),
    ("The House and Senate passed the bill in May.", "Senate"),
])
def test_name_found(nlp, text, name):
    assert name in names(nlp, text)


@pytest.mark.parametrize(("text", "name"), [
    ("Units taking part include III Corps Headquarters and a brigade from Poland.", "III Corps Headquarters"),
    ("The Army formed a Joint Task Force (JTF) in 2020; the 4th JTF later fired rockets.", "4th JTF"),
    ("The delegation toured NAVSEA Headquarters in Washington.", "NAVSEA"),
])
def test_numbered_units_and_seats(nlp, text, name):
    assert name in names(nlp, text)


def test_vessel_by_prefix_is_no_body(nlp):
    found = names(nlp, "The Coast Guard deployed the Cutter Harriet Lane alongside LAE Punta Brava.")
    assert not any("Harriet" in n or "Brava" in n for n in found)
