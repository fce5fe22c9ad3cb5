"""Organizations, names.py: where a name ends and what is not an organization, on sentences from sources/."""

from __future__ import annotations

import pytest

from pipeline.organizations.names import cut_person_tail, extend_name, load_terms, non_org_reason, trim_name


@pytest.mark.parametrize(
    ("text", "raw", "expected"),
    [
        ("is a priority for the Department of National Defence (DND) and Canadian",
         "the Department of National Defence (DND", "Department of National Defence"),
        ("Directorate of Military Training and Cooperation\n\n \n\nMexico has been a member",
         "Directorate of Military Training and Cooperation\n\n \n\nMexico",
         "Directorate of Military Training and Cooperation"),
        ("Moultrie retired as the National Security Agency’s (NSA) Director of Operations.",
         "the National Security Agency’s", "National Security Agency"),
        ("Chief of Staff to the National Security and Intelligence Advisor Ramzi Nashef.",
         "the National Security and", "National Security"),
        ("Allied leaders will issue a Strengthened Resilience Commitment to outline future priorities",
         "a Strengthened Resilience Commitment", "Strengthened Resilience Commitment"),
        ("  • Canada-Mexico Political-Military Talks - established in 2006, these regular engagements",
         "• Canada-Mexico Political-Military Talks", "Canada-Mexico Political-Military Talks"),
    ],
)
def test_trim(text, raw, expected):
    start = text.index(raw)
    s, e = trim_name(start, start + len(raw), text)
    assert text[s:e] == expected


@pytest.mark.parametrize(
    ("name", "before", "after", "rejected"),
    [
        # events and exercises, agreements and plans, awards
        ("Rim of the Pacific Exercise", "SEMAR also participated in the ", " off the coast of Hawaii", True),
        ("Canada-Mexico Political-Military Talks", "", "", True),
        ("Ninth Summit of the Americas", "in Los Angeles on the margins of the ", " to review", True),
        ("Wales Defense Investment Pledge", "for seven consecutive years since the ", " adopted", True),
        ("Los Angeles Declaration", "Economic Prosperity and the ", " on Migration and Protection.", True),
        ("Migration and Protection", "Prosperity and the Los Angeles Declaration on ", ". Both", True),
        ("U.S.-Canada Opioid Action Plan", "Public Health and Safe Communities, and the ", ".", True),
        ("Presidential Rank Award", "Moultrie’s numerous awards include the ", ", two", True),
        ("Safe Communities", "the U.S.-Mexico Bicentennial Framework for Security, Public Health and ", ",",
         True),
        # positions, and bodies named only inside a position
        ("National Security Advisor", "Today, ", " Jake Sullivan met in Washington", True),
        ("Defense for Intelligence & Security", "Ronald Moultrie for Under Secretary of ", ", Michael", True),
        ("State", "and Assistant Secretary of ", " for the Bureau of International Narcotics", True),
        ("Mexico Ken Salazar", "Advisor Dr. Elizabeth Sherwood-Randall, U.S. Ambassador to ",
         ", U.S. Ambassador to Canada", True),
        ("Canadian National Security", "Mexican Secretary of Security Rosa Icela Rodríguez and ",
         " and Intelligence Advisor Jody Thomas at the White House.", True),
        ("Operations", "Moultrie retired as the National Security Agency’s (NSA) Director of ", ".", True),
        # places, generic words, designators, counted things
        ("United States", "Canadian Ambassador to the ", " Kirsten Hillman", True),
        ("Indo-Pacific", "including the European Union and those in the ", " (Australia, Japan", True),
        ("Allies and Partners", "a number that continues to grow as ", " increase support to Ukraine.", True),
        ("Department", "led the creation of the ", "’s digital roadmap focused on", True),
        ("LLC", "Oceanus Security Strategies (OSS), ", ". Moultrie retired", True),
        ("COVID-19", "to work closely with Mexico to combat the ", " pandemic.", True),
        ("Tactical Unmanned Aerial Systems", "-   100 ", ";", True),
        # organizations
        ("Defense Innovation Unit", "Michael Brown served as the Director of the ", " (DIU) at the", False),
        ("Bureau of International Narcotics and Law Enforcement Affairs",
         "and Assistant Secretary of State for the ", " Todd Robinson.", False),
        ("Aerospace Corporation", "an adjunct research staff member at the Institute for Defense Analyses, "
         "a Trustee of The ", ", and a Fellow", False),
        ("Commission on the National Defense Strategy for the United States", "a member of the ", ".",
         False),
        ("Oceanus Security Strategies", "He is the President and CEO of ", " (OSS), LLC.", False),
        ("Department of State", "In 2022, the ", " authorized third-party transfers", False),
        ("Trilateral Fentanyl Committee", "directed the formation of a senior-level ", " to guide", False),
        ("Canadian Joint Operations Command", "SEDENA also has a liaison officer in the ", ".", False),
        ("President’s Advisory Council", "and previously served on the ", " at Berklee.", False),
        # probe sentences: a portfolio inside a position's title, whatever its list
        ("Air Force for Installations, Environment",
         "Rachel Okafor, Nominee for Assistant Secretary of the ", ", and Energy**", True),
        ("Energy", "Nominee for Assistant Secretary of the Air Force for Installations, Environment, and ",
         "**", True),
        ("Readiness", "David Kim, Nominee for Deputy Under Secretary of Defense for Personnel and ", "**",
         True),
        ("Defense Health Agency", "He served in the Army National Guard and later worked at the ", " (DHA).",
         False),
        ("CAF", "Since 2015, ", " members have trained more than 36,000 members", False),
        # a number before a body's name counts the people after it, not the body
        ("Royal Canadian Navy", "More than 300 ", " (RCN) sailors took part", False),
        ("Tactical Unmanned Aerial Systems", "The Army bought 100 ", " in 2020.", True),
        ("1 Canadian Air Division", "its Canadian component, the ", ", is based in Winnipeg.", False),
        ("National Advanced Surface-to-Air Missile System", "Canada has purchased a ", " (NASAMS)", True),
        # an operation's name tagged without its prefix; bases and regions are places
        ("IMPACT", "more than 300 CAF members deployed on Operation ", " in Iraq", True),
        ("Ramstein Air Base", "two C-17 aircraft landed at ", ", Germany, on Monday", True),
        ("Asia-Pacific region", "stability in the ", ".", True),
        ("Royal Canadian Air Force", "crews of the ", " flew the aircraft to Operation IMPACT", False),
    ],
)
def test_non_org_reason(name, before, after, rejected):
    assert (non_org_reason(name, before, after) is not None) is rejected


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Rim of the Pacific Exercise", "event"),
        ("Foreign Risk Review Modernization Act", "document"),
        ("National Intelligence Distinguished Service Medal", "award"),
        ("Homeland Security Advisor", "position"),
        ("Canada-Mexico Defence Relationship", "abstract"),
        ("Operation CARIBBE", "event"),
        # ships are not bodies, whatever their prefix
        ("HMCS Ville de Québec", "vessel"),
        ("USNS Comfort", "vessel"),
        ("HMCS Harry DeWolf", "vessel"),
        ("Backgrounder", "document"),
        ("Canada-Colombia Defence Cooperation Arrangement", "document"),
        ("Memorandum of Understanding on Defence Cooperation", "document"),
        ("Kadena Air Base", "place_head"),
        # a name never ends in a common noun
        ("Rim of the Pacific exercise", "common noun"),
        ("Cold Weather Operations", "event"),
        ("NATO Air Policing", "event"),
        ("U.S.-Japan Defense Guidelines", "document"),
        ("Andøya Air Station", "place_head"),
        ("NATO enhanced Forward Presence battlegroup", "common noun"),
    ],
)
def test_non_org_reason_names_the_phenomenon(name, reason):
    assert non_org_reason(name) == reason


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("Foreign Ministry Roberto Velasco", "Foreign Ministry"),
        ("Senate Armed Services Committee", "Senate Armed Services Committee"),
        ("Canadian Joint Operations Command", "Canadian Joint Operations Command"),
        ("Berklee College of Music", "Berklee College of Music"),
    ],
)
def test_cut_person_tail(name, kept):
    assert name[:cut_person_tail(name)] == kept


@pytest.mark.parametrize(
    ("name", "after", "extension"),
    [
        ("Commission", " on the National Defense Strategy for the United States. He earned",
         " on the National Defense Strategy for the United States"),
        ("Committee", " on Foreign Investment in the U.S. (CFIUS).", " on Foreign Investment in the U.S."),
        ("Department of State", " authorized third-party transfers", ""),
        ("Senate Armed Services Committee", ", and with the House Budget Committee", ""),
        # `and the` starts another body's name
        ("NATO Centre", " of Excellence for Energy Security and the NATO Strategic Communications Centre",
         " of Excellence for Energy Security"),
    ],
)
def test_extend_name(name, after, extension):
    assert after[:extend_name(name, after)] == extension


def test_terms_have_every_kind():
    assert all(load_terms()[kind] for kind in ("org_head", "event", "document", "award", "position"))
