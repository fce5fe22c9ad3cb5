"""Organizations, linking.py and gazetteer.py: one record per body, with its acronym, id and country."""

from __future__ import annotations

import re

import pytest

from pipeline import organizations
from pipeline.nlp import Chunk
from pipeline.organizations.gazetteer import load_gazetteer
from pipeline.organizations.linking import group, slug
from pipeline.organizations.spans import OrgMention
from pipeline.rules import packaged_rules


def _records(nlp, text: str) -> dict[str, tuple[str | None, str | None, str, list[str]]]:
    return {e.name: (e.acronym, e.country, e.org_id, [m.text for m in e.mentions])
            for e in organizations.link(organizations.find(Chunk.of(nlp(text))), text)}


def test_acronym_and_long_form_are_one_record(nlp):
    text = ("The continued deepening of bilateral defence ties with Mexico is a priority for the Department "
            "of National Defence (DND) and Canadian Armed Forces (CAF). In addition to these initiatives, "
            "DND/CAF, SEDENA and SEMAR are exploring opportunities to share experiences.")
    records = _records(nlp, text)
    assert records["Department of National Defence"] == (
        "DND", "CAN", "department-of-national-defence", ["Department of National Defence", "DND", "DND"])
    assert records["Canadian Armed Forces"][3] == ["Canadian Armed Forces", "CAF", "CAF"]
    assert len(records) == 4  # DND, CAF, SEDENA, SEMAR


def test_name_is_spelled_out(nlp):
    """`NATO Alliance` is a mention of NATO; the record's name is the spelled-out one."""
    text = ("The United States is fully committed to our NATO Alliance… we’ll keep faith with Article 5. "
            "NATO faced down the Communist bloc in the Cold War.")
    (name, record), = _records(nlp, text).items()
    assert name == "North Atlantic Treaty Organization"
    assert record[0] == "NATO" and record[3] == ["NATO Alliance", "NATO"]


def test_acronym_of_a_body_outside_the_gazetteer_links_its_uses(nlp):
    text = ("Additionally, he led efforts at the Defense Department to create National Security Innovation "
            "Capital (NSIC) aimed at catalyzing private investment. NSIC also works with vendors.")
    records = _records(nlp, text)
    assert records["National Security Innovation Capital"][0] == "NSIC"
    assert records["National Security Innovation Capital"][3] == [
        "National Security Innovation Capital", "NSIC", "NSIC"]


def test_a_name_in_brackets_is_the_same_body_but_never_its_name(nlp):
    text = ("Personnel from the Colombian Aerospace Force (Fuerza Aeroespacial Colombiana) joined members of "
            "the Royal Canadian Air Force at 4 Wing Cold Lake.")
    records = _records(nlp, text)
    assert records["Colombian Aerospace Force"][1] == "COL"
    assert records["Colombian Aerospace Force"][3] == [
        "Colombian Aerospace Force", "Fuerza Aeroespacial Colombiana"]


def test_a_known_body_named_only_by_a_short_name_keeps_that_name_and_its_canonical_id(nlp):
    """`Pentagon` alone: the record's name is the fullest name in the document, its id the canonical one."""
    text = ("Secretary of Defense Mark T. Esper met with Japanese Minister of Defense Taro Kono at the "
            "Pentagon yesterday.")
    assert _records(nlp, text)["Pentagon"] == (
        None, "USA", "united-states-department-of-defense", ["Pentagon"])


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Canada's support is coordinated with Ukraine's Ministry of Defence and with the Ukraine Defense "
         "Contact Group.", "Ministry of Defence", ("UKR", "ministry-of-defence-of-ukraine")),
        ("Japan's Ministry of Defense and the U.S. Department of Defense will deepen cooperation on space.",
         "Ministry of Defense", ("JPN", "japanese-ministry-of-defense")),
    ],
)
def test_a_body_named_without_its_country_takes_the_known_id_of_its_country(nlp, text, name, expected):
    """The name stays the document's; the id is the gazetteer's, so documents join on it."""
    acronym, country, org_id, _ = _records(nlp, text)[name]
    assert (country, org_id) == expected


def test_a_body_owned_by_a_known_body_takes_its_country(nlp):
    text = ("The Department of Justice's National Security Division will expand its capacity to disrupt "
            "ransomware actors.")
    assert _records(nlp, text)["National Security Division"][1] == "USA"


def test_org_id_is_the_same_across_documents(nlp):
    """The long form in one document and only the acronym in another are one organization."""
    a = _records(nlp, "is a priority for the Department of National Defence (DND) and Canadian Armed")
    b = _records(nlp, "In addition to these initiatives, DND/CAF, SEDENA and SEMAR are exploring")
    assert a["Department of National Defence"][2] == b["Department of National Defence"][2]
    assert b["Department of National Defence"][3] == ["DND"]


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        ("He is a Trustee of the Berklee College of Music and previously served on the President’s Advisory "
         "Council at Berklee.", "Berklee College of Music", ["Berklee College of Music", "Berklee"]),
        # a first word that names no body alone is never taken for one
        ("Michael Brown served as the Director of the Defense Innovation Unit (DIU) at the U.S. Department "
         "of Defense since 2018.", "Defense Innovation Unit", ["Defense Innovation Unit", "DIU"]),
    ],
)
def test_distinctive_first_word_is_a_short_name(nlp, text, name, mentions):
    assert _records(nlp, text)[name][3] == mentions


@pytest.mark.parametrize(
    ("texts", "one_record"),
    [
        (["Mexican Secretariat of National Defence", "Secretariat of National Defence"], True),
        (["Foreign and Defence Ministries of Canada", "Foreign and Defence Ministries"], True),
        (["CIA National Clandestine Service", "National Clandestine Service"], True),
        (["Senate Armed Services Committee", "House Budget Committee"], False),
        (["Institute for Defense Analyses", "Defense Innovation Unit"], False),
    ],
)
def test_shortened_forms_join_their_full_name(texts, one_record):
    mentions, pos = [], 0
    for t in texts:
        mentions.append(OrgMention(pos, pos + len(t), t))
        pos += len(t) + 10
    entities = group(mentions)
    assert (len(entities) == 1) is one_record
    if one_record:
        assert entities[0].name == texts[0]


def test_state_body_takes_the_country_of_its_sentence(nlp):
    text = ("The Mexican high-level delegation included Foreign Secretary Marcelo Ebrard, and Chief Officer "
            "for North America at the Foreign Ministry Roberto Velasco.")
    assert _records(nlp, text)["Foreign Ministry"][1] == "MEX"


@pytest.mark.parametrize(
    ("long", "short", "entry"),
    [
        ("Department of National Defence", "DND", "can-dnd"),
        ("Mexican Secretariat of National Defence", "SEDENA", "mex-sedena"),
        ("Committee on Foreign Investment in the U.S.", "CFIUS", "usa-cfius"),
        # the text's own long form wins over a gazetteer body with the same acronym
        ("Center for Strategic and International Studies", "CSIS", "think-csis"),
        ("Oceanus Security Strategies", "OSS", None),
    ],
)
def test_defined_pairs_name_a_gazetteer_body_only_by_its_names(long, short, entry):
    from pipeline.organizations.mentions import _entry_id

    assert _entry_id(long, short) == entry


@pytest.mark.parametrize(("name", "expected"), [
    ("Department of National Defence", "department-of-national-defence"),
    ("President’s Advisory Council", "presidents-advisory-council"),
    ("Defense for Intelligence & Security", "defense-for-intelligence-and-security"),
])
def test_slug(name, expected):
    assert slug(name) == expected


def test_gazetteer_examples_show_the_entry():
    rules = packaged_rules()
    for entry, row in zip(load_gazetteer(), (*rules.gazetteer, *rules.international), strict=True):
        forms = (entry.name, *entry.aliases, *entry.acronyms)
        assert any(f in row.example for f in forms), entry.id
        assert entry.country is None or re.fullmatch(r"[A-Z]{3}", entry.country)
