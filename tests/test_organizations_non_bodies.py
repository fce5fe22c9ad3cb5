"""Organizations: acronyms and names that stand for treaties, common things or countries, not bodies.

Sentences composed for these tests, in the style of State Department releases.
"""

from __future__ import annotations

from conftest import find_in_text

from pipeline.organizations.names import non_org_reason


def _names(nlp, text: str) -> list[str]:
    return [m.text for e in find_in_text(nlp, text).organizations for m in e.mentions]


def test_lowercase_listed_long_form_is_no_body(nlp):
    text = ("The Coast Guard works with Ecuador and Peru against illegal, unreported, and unregulated (IUU) "
            "fishing. NOAA and its partners counter IUU fishing in the region.")
    names = _names(nlp, text)
    assert "IUU" not in names
    assert "NOAA" in names


def test_acronym_of_a_long_treaty_name_is_no_body(nlp):
    text = ("The ministers reviewed the Strategic Partnership Accord for a Relationship of Trust and Trade "
            "between the Republic of Chile and the Republic of Peru (SPA). Both reaffirmed the SPA.")
    assert "SPA" not in _names(nlp, text)


def test_body_named_inside_a_treaty_name_is_no_mention(nlp):
    text = "Both sides will uphold the United Nations Convention on the Law of the Sea in the region."
    assert "United Nations" not in _names(nlp, text)


def test_body_before_its_own_organ_is_kept(nlp):
    text = "The delegations met with the United Nations Development Programme in Baghdad."
    assert any("United Nations" in n for n in _names(nlp, text))


def test_governments_of_two_countries_are_the_countries(nlp):
    text = "This statement was released by the Governments of the Republic of Chile and the Republic of Peru."
    assert not any(n.startswith("Governments") for n in _names(nlp, text))


def test_name_before_a_lowercase_place_noun_is_a_place(nlp):
    text = ("Last spring, the Army moved its launchers from Basco airfield in the Philippines "
            "to another location.")
    names = _names(nlp, text)
    assert "Basco" not in names
    assert "Army" in names


def test_name_the_model_also_tags_as_a_person_is_no_body(nlp):
    text = ("The High Commissioner welcomed the Chief Guest, Ahsan Iqbal at the Lahore reception. "
            "In Lahore, Ahsan Iqbal the Federal Minister for Planning, Development, Special Initiatives "
            "spoke.")
    assert not any("Iqbal" in n for n in _names(nlp, text))


def test_diplomatic_mission_is_a_body(nlp):
    text = ("The signing included Martina Strong, Chargé d’Affaires for the United States Mission to "
            "Saudi Arabia, and a senior official.")
    assert "United States Mission to Saudi Arabia" in _names(nlp, text)


def test_abstract_heads_are_not_bodies():
    # the model tags briefing topics ("briefs on Strategic Seapower, Doctrine Development") as ORG
    for name in ("Strategic Seapower", "Doctrine Development", "Human Dimension"):
        assert non_org_reason(name) == "abstract"
    for name in ("Asian Development Bank", "Department of Housing and Urban Development",
                 "Defence Research and Development Canada"):
        assert non_org_reason(name) is None


def test_nationality_and_plural_common_noun_is_no_body(nlp):
    text = ("The United States supports European Allies’ and Partners’ growing investments in the "
            "capabilities of the European Union.")
    names = _names(nlp, text)
    assert "European Allies" not in names
    assert "European Union" in names


def test_name_cut_before_a_capitalized_place_head_is_no_body():
    from pipeline.organizations.mentions import mentions_in_text

    text = "They announced support for the Western Caribbean Marine Corridor this week."
    start = text.index("Western")
    found = mentions_in_text(text, [(start, text.index(" Corridor"), None)])
    assert found == []
