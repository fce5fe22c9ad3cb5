"""Organizations: headquarters and context aliases join a record; plural heads (`Guards`) name bodies.

Sentences composed for these tests, in the style of Army and CRS reports.
"""

from __future__ import annotations

from conftest import find_in_text


def _records(nlp, text: str) -> list[list[str]]:
    return [[m.text for m in e.mentions] for e in find_in_text(nlp, text).organizations]


def test_headquarters_and_the_unit_are_one_record(nlp):
    text = ("Units taking part include 3rd Infantry Division Headquarters, along with several "
            "3rd Infantry Division brigades, and the 82nd Airborne Division.")
    records = _records(nlp, text)
    joined = [r for r in records if "3rd Infantry Division Headquarters" in r]
    assert joined and "3rd Infantry Division" in joined[0]
    assert not [r for r in records if r == ["3rd Infantry Division"]]


def test_context_alias_the_model_tags_joins_the_named_body(nlp):
    text = ("The Marine Corps fielded a new launcher in 2024. Reportedly, the Army has expressed interest "
            "in the Marines' new uncrewed launcher.")
    records = _records(nlp, text)
    assert not [r for r in records if r == ["Marines"]]
    assert any("Marine Corps" in r and "Marines" in r for r in records)


def test_plural_guards_is_an_organization_head(nlp):
    # the model labels "Scots Guards"-like regiments PERSON; an organization head takes them back
    text = ("The exercise includes a company of Strykers used by the United Kingdom's Irish Guards; "
            "82nd Airborne Division will conduct a joint forcible entry.")
    names = [m for r in _records(nlp, text) for m in r]
    assert "Irish Guards" in names
