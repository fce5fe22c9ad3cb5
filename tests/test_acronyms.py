"""Acronym definitions (Schwartz & Hearst 2003 with extensions) and uses, on sentences from sources/.

Sentences are given as the cleaned view has them: hard line wraps joined by a space.
"""

from __future__ import annotations

import pytest

from pipeline.organizations.acronyms import best_long_form, find_uses, is_short_form, text_definitions


def _defined(text: str) -> dict[str, tuple[str, bool]]:
    return {text[d.short[0]:d.short[1]]: (text[d.long[0]:d.long[1]], d.matched)
            for d in text_definitions(text)}


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        # plain "Long Form (ACR)"
        ("is a priority for the Department of National Defence (DND) and Canadian Armed Forces (CAF).",
         "DND", "Department of National Defence"),
        ("is a priority for the Department of National Defence (DND) and Canadian Armed Forces (CAF).",
         "CAF", "Canadian Armed Forces"),
        # glued bracket
        ("Mexico has been a member of the Military Training and Cooperation Program(MTCP) since 2004.",
         "MTCP", "Military Training and Cooperation Program"),
        # possessive between long form and bracket
        ("Moultrie retired as the National Security Agency’s (NSA) Director of Operations.",
         "NSA", "National Security Agency"),
        ("was a member of Central Intelligence Agency’s (CIA) Senior Intelligence Service (SIS)",
         "CIA", "Central Intelligence Agency"),
        # the first letter is a capital: "Office", not "of"
        ("Moultrie also served in the Office of the Director of National Intelligence (ODNI), was",
         "ODNI", "Office of the Director of National Intelligence"),
        # an initialism with periods inside the window
        ("providing expanded jurisdiction to the Committee on Foreign Investment in the U.S. (CFIUS).",
         "CFIUS", "Committee on Foreign Investment in the U.S."),
        # trailing comma after the bracket
        ("He is the President and CEO of Oceanus Security Strategies (OSS), LLC.",
         "OSS", "Oceanus Security Strategies"),
        # letters inside hyphenated words
        ("The United States-Mexico-Canada Agreement (USMCA) will support mutually beneficial trade",
         "USMCA", "United States-Mexico-Canada Agreement"),
        ("North American Maritime Security Initiative (NAMSI) - a trilateral mechanism for the United States",
         "NAMSI", "North American Maritime Security Initiative"),
        # the reverse order with a dash, as the issue quotes it
        ("NAMSI - North American Maritime Security Initiative, a trilateral mechanism",
         "NAMSI", "North American Maritime Security Initiative"),
    ],
)
def test_long_form_of_each_definition(text, short, long):
    assert _defined(text)[short] == (long, True)


@pytest.mark.parametrize(
    ("text", "short"),
    [
        # SEcretaría de la DEfensa NAcional: letters in Spanish word order
        ("DND/CAF’s growing cooperation with the Mexican Secretariat of National Defence (SEDENA) and",
         "SEDENA"),
        ("with the Mexican Secretariat of National Defence (SEDENA) and the Mexican Secretariat of the "
         "Navy (SEMAR) includes", "SEMAR"),
    ],
)
def test_other_language_acronyms_are_unmatched_candidates(text, short):
    long, matched = _defined(text)[short]
    assert not matched
    assert long.endswith("Secretariat of National Defence" if short == "SEDENA" else "of the Navy")


@pytest.mark.parametrize(
    "text",
    [
        "Michael J. McCord for Under Secretary of Defense (Comptroller), and Michael Brown",
        "two officials from SEMAR participated in the Maple Flag 45 (Serial 1)’s International Observers",
        "NATO is led, staffed, and resourced at levels necessary (including through NATO common funding)",
    ],
)
def test_brackets_that_define_nothing(text):
    assert text_definitions(text) == []


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("DND", "a priority for the Department of National Defence", len("a priority for the ")),
        ("DIU", "Director of the Defense Innovation Unit", len("Director of the ")),
        ("SEDENA", "the Mexican Secretariat of National Defence", None),
    ],
)
def test_best_long_form(short, long, expected):
    assert best_long_form(short, long) == expected


@pytest.mark.parametrize(
    ("s", "expected"),
    [("DND", True), ("SEDENA", True), ("DoD", True), ("G7", True), ("HMMWVs", True),
     ("Comptroller", False), ("Serial 1", False), ("A", False), ("ok", False)],
)
def test_is_short_form(s, expected):
    assert is_short_form(s) is expected


@pytest.mark.parametrize(
    ("text", "acronym", "expected"),
    [
        ("DND/CAF’s growing cooperation with the Mexican", "DND", ["DND"]),
        ("DND/CAF’s growing cooperation with the Mexican", "CAF", ["CAF"]),
        ("To date, 175 Mexican students have received MTCP-sponsored training.", "MTCP", ["MTCP"]),
        ("and three NSA Exceptional Civilian Service Awards", "NSA", ["NSA"]),
        ("In addition to the SEDENA and SEMAR attachés at the Mexican Embassy", "SEMAR", ["SEMAR"]),
        # not inside a longer word
        ("the NSAs and DNDX codes", "NSA", []),
    ],
)
def test_find_uses(text, acronym, expected):
    assert [text[s:e] for s, e in find_uses(text, acronym)] == expected
