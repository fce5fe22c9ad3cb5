"""Organizations from the derived international table (data/international.jsonl, PETRARCH2 Phoenix actors)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from pipeline.organizations.gazetteer import gazetteer_index
from pipeline.organizations.names import norm
from pipeline.rules import packaged_rules
from tests.conftest import find_in_text


def test_derived_rows_are_international_bodies_without_common_words():
    rows = packaged_rules().international
    assert len(rows) > 500
    for row in rows:
        assert row.country is None, row.id
        assert len(row.name.split()) > 1, row.id  # a single word is too often a common noun
        for acronym in row.acronyms:
            assert re.fullmatch(r"[A-Z]{3,8}", acronym), row.id  # no two-letter acronyms


def test_hand_written_gazetteer_wins_a_surface_both_have():
    hand = {row.id for row in packaged_rules().gazetteer}
    assert gazetteer_index()[norm("IAEA")].id in hand


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        # a body the hand-written gazetteer does not know, its acronym linked without the text defining it
        ("The ministers briefed the Economic Community of West African States on Monday. "
         "ECOWAS leaders welcomed the offer.", "Economic Community of West African States", "ECOWAS"),
        ("Delegates of the Southern African Development Community met in Gaborone. "
         "SADC said talks would resume.",
         "Southern African Development Community", "SADC"),
    ],
)
def test_known_international_body_links_its_acronym(nlp, text, name, acronym):
    orgs = find_in_text(nlp, text, date(2023, 5, 1)).organizations
    record = next(o for o in orgs if o.name == name)
    assert record.acronym == acronym and record.country is None
    assert {m.text for m in record.mentions} >= {name, acronym}
    assert record.from_gazetteer

