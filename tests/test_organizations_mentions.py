"""Organizations, mentions.py and spans.py: the mentions a chunk gives, with their spans.

Sentences are given as the cleaned view has them (hard line wraps joined by a space).
"""

from __future__ import annotations

import pytest

from pipeline import organizations
from pipeline.countries import country_in_name
from pipeline.nlp import Chunk
from pipeline.organizations.mentions import mentions_in_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The continued deepening of bilateral defence ties with Mexico is a priority for the Department of "
         "National Defence (DND) and Canadian Armed Forces (CAF).",
         ["Department of National Defence", "DND", "Canadian Armed Forces", "CAF"]),
        ("DND/CAF’s growing cooperation with the Mexican Secretariat of National Defence (SEDENA) and the "
         "Mexican Secretariat of the Navy (SEMAR) includes the following initiatives:",
         ["DND", "CAF", "Mexican Secretariat of National Defence", "SEDENA",
          "Mexican Secretariat of the Navy", "SEMAR"]),
        ("SEMAR also participated in the Rim of the Pacific Exercise off the coast of Hawaii in August 2012.",
         ["SEMAR"]),
        ("Directorate of Military Training and Cooperation\n\n \n\nMexico has been a member of the Military "
         "Training and Cooperation Program(MTCP) since 2004. To date, 175 Mexican students have received "
         "MTCP-sponsored training.",
         ["Directorate of Military Training and Cooperation", "Military Training and Cooperation Program",
          "MTCP", "MTCP"]),
        ("Moultrie retired as the National Security Agency’s (NSA) Director of Operations.",
         ["National Security Agency", "NSA"]),
        ("The United States-Mexico-Canada Agreement (USMCA) will support mutually beneficial trade and will "
         "be the backbone of our regional economic recovery.  USMCA is also expected to prioritize the "
         "rights of workers.", []),
        ("Prior to Brown’s government service, he was the CEO of two public Silicon Valley technology "
         "leaders—Symantec, the largest cybersecurity firm at that time and Quantum, the largest global "
         "supplier of tape drives.", ["Symantec", "Quantum"]),
        ("The Mexican high-level delegation included Foreign Secretary Marcelo Ebrard, Secretary of Security "
         "Rosa Icela Rodríguez, and Chief Officer for North America at the Foreign Ministry Roberto Velasco.",
         ["Foreign Ministry"]),
        ("NATO is the most powerful and successful Alliance in history.", ["NATO", "Alliance"]),
        # a known name that starts a longer body's name; awards are not bodies, their owners are
        ("Moultrie’s numerous awards include the Presidential Rank Award, two Department of the Navy "
         "Distinguished Civilian Service Awards, the National Intelligence Distinguished Service Medal, the "
         "CIA National Clandestine Service’s Donovan Award, the National Reconnaissance Office’s Gold Medal, "
         "and three NSA Exceptional Civilian Service Awards.",
         ["Department of the Navy", "CIA National Clandestine Service", "National Reconnaissance Office",
          "NSA"]),
        ("Leaders will recommit to NATO’s Open Door Policy, which provides a path to membership for any "
         "European country.", ["NATO"]),
        # probe sentences of the genre (not from sources/): ships, datelines, surnames, adjectives
        ("HMCS Ville de Québec visited Cartagena during Operation CARIBBE in the fall of 2018.", []),
        ("The hospital ship USNS Comfort will deploy to the region again next year.", []),
        ("January 9, 2023 - Ottawa, Ontario - National Defence / Canadian Armed Forces",
         ["National Defence", "Canadian Armed Forces"]),
        ("Halifax, Nova Scotia - National Defence\n\nToday, Canada's Minister of National Defence met with "
         "her Norwegian counterpart.", ["National Defence"]),
        ("Thomas Reyes retired from the U.S. Army in 2019 after 30 years of service. Reyes was a staff "
         "member of the Senate Foreign Relations Committee and a senior advisor at the Office of "
         "Management and Budget (OMB).",
         ["U.S. Army", "Senate Foreign Relations Committee", "Office of Management and Budget", "OMB"]),
        ("The Department of National Defence (DND) has engaged with Indigenous partners throughout the "
         "process.", ["Department of National Defence", "DND"]),
        # a known body that starts a longer name, extended over its complement
        ("The Department of National Defence and Global Affairs Canada jointly fund the NATO Centre of "
         "Excellence for Energy Security and the NATO Strategic Communications Centre of Excellence in Riga.",
         ["Department of National Defence", "Global Affairs Canada",
          "NATO Centre of Excellence for Energy Security",
          "NATO Strategic Communications Centre of Excellence"]),
        # a university's campus; a name the model leaves untagged but whose head names a body
        ("He is a graduate of the University of Texas at Austin and the National War College.",
         ["University of Texas at Austin", "National War College"]),
        ("Royal Military College of Canada cadets visited the Heroico Colegio Militar in Mexico City.",
         ["Royal Military College of Canada", "Heroico Colegio Militar"]),
        ("Both air forces are members of the System of Cooperation Among the American Air Forces (SICOFAA).",
         ["System of Cooperation Among the American Air Forces", "SICOFAA"]),
        # an acronym in another language with no letter in common (Forsvarets forskningsinstitutt)
        ("Defence Research and Development Canada and the Norwegian Defence Research Establishment (FFI) "
         "signed a research arrangement. FFI will host the first workshop.",
         ["Defence Research and Development Canada", "Norwegian Defence Research Establishment", "FFI",
          "FFI"]),
        # a year is no count; a name cut before its complement's country; units keep their number
        ("Since 2015, CAF members have trained more than 36,000 members of the Ukrainian Armed Forces and "
         "the National Guard of Ukraine.", ["CAF", "Ukrainian Armed Forces", "National Guard of Ukraine"]),
        ("The leaders welcomed the decision to reorganize the 12th Marine Regiment into the 12th Marine "
         "Littoral Regiment by 2025.", ["12th Marine Regiment", "12th Marine Littoral Regiment"]),
        ("Its Canadian component, the 1 Canadian Air Division, is based in Winnipeg.",
         ["1 Canadian Air Division"]),
        # the model tags only the end of a numbered unit's name (as a person, here)
        ("A CH-148 Cyclone helicopter from 406 Maritime Operational Training Squadron flew with the ship.",
         ["406 Maritime Operational Training Squadron"]),
        # a committee whose complement ends in an abstract word; equipment is no body
        ("The House of Commons Standing Committee on National Defence has held hearings on the subject.",
         ["House of Commons Standing Committee on National Defence"]),
        ("In addition, Canada has purchased a National Advanced Surface-to-Air Missile System (NASAMS) from "
         "the United States for Ukraine, through the Canadian Commercial Corporation (CCC).",
         ["Canadian Commercial Corporation", "CCC"]),
        # a nationality the model left out; ships; a place after a head modifies the body
        ("Ships and aircraft from the United States Navy, the French Navy, the Royal Navy, the Spanish Navy "
         "and the German Navy joined HMCS Halifax, HMCS Ville de Québec and HMCS Fredericton.",
         ["United States Navy", "French Navy", "Royal Navy", "Spanish Navy", "German Navy"]),
        ("\"Multinational exercises like CUTLASS FURY strengthen our interoperability with NATO Allies,\" "
         "said the Commander of Maritime Forces Atlantic (MARLANT). Canadian Fleet Atlantic and the Naval "
         "Reserve also contributed personnel.",
         ["NATO", "Maritime Forces Atlantic", "MARLANT", "Canadian Fleet Atlantic", "Naval Reserve"]),
        # a known company's national arm is another body; a corporate suffix keeps its period
        ("Lockheed Martin Canada will integrate the combat system, and MDA Ltd. will supply radar "
         "components. Thales Canada and L3Harris Technologies Canada will provide in-service support.",
         ["Lockheed Martin Canada", "MDA Ltd.", "Thales Canada", "L3Harris Technologies Canada"]),
        ("Today, the Government of Canada announced that Irving Shipbuilding Inc. has been awarded a "
         "contract.",
         ["Government of Canada", "Irving Shipbuilding Inc."]),
        # the department's applied title after a lowercase preposition is the department
        ("The contract was awarded by Public Services and Procurement Canada (PSPC) on behalf of National "
         "Defence, following a review by the Treasury Board.",
         ["Public Services and Procurement Canada", "PSPC", "National Defence", "Treasury Board"]),
        # a name never starts at a title's possessive
        ("The Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF) and the Mexican Attorney General's "
         "Office (FGR) will share firearms tracing data.",
         ["Bureau of Alcohol, Tobacco, Firearms and Explosives", "ATF", "Mexican Attorney General's Office",
          "FGR"]),
        # a town before its province; a nationality tagged alone inside a unit's name; a patrol is a body
        ("Inuvik, Northwest Territories - National Defence / Canadian Armed Forces",
         ["National Defence", "Canadian Armed Forces"]),
        ("Members of 1st Canadian Ranger Patrol Group and the Royal Canadian Air Force's 440 Transport "
         "Squadron will support patrols.",
         ["1st Canadian Ranger Patrol Group", "Royal Canadian Air Force", "440 Transport Squadron"]),
        ("Miguel Torres is a former Chief of the U.S. Border Patrol and served as a special agent with "
         "Immigration and Customs Enforcement.",
         ["U.S. Border Patrol", "Immigration and Customs Enforcement"]),
        # a title-case headline runs on over its verb
        ("FACT SHEET: Biden-Harris Administration Announces New Actions to Strengthen Cybersecurity",
         ["Biden-Harris Administration"]),
        ("Minister Anand Announces Defence Team Support for Canadian Forces Health Services",
         ["Canadian Forces Health Services"]),
        # a possessive between two bodies ends the first
        ("Rachel Okafor is a senior fellow at the Atlantic Council’s Scowcroft Center for Strategy and "
         "Security. She holds an M.A. from Tufts University’s Fletcher School of Law and Diplomacy.",
         ["Atlantic Council", "Scowcroft Center for Strategy and Security", "Tufts University",
          "Fletcher School of Law and Diplomacy"]),
    ],
)
def test_find_mentions(nlp, text, expected):
    assert [m.text for m in organizations.find(Chunk.of(nlp(text)))] == expected


def test_a_name_found_once_is_found_wherever_it_stands():
    """One sense per discourse: the model's one tag of a name covers the name's other occurrences."""
    text = ("Directorate of Military Training and Cooperation\n\n \n\nMexico has been a member since 2004. "
            "The Directorate of Military Training and Cooperation and Canadian Joint Operations Command are "
            "examining innovative ways to expand baseline cooperation with Mexico.")
    name = "Directorate of Military Training and Cooperation"
    mentions = mentions_in_text(text, [(0, len(name), None)])
    assert [(m.start, m.text) for m in mentions] == [(0, name), (text.index(name, 1), name)]


def test_a_name_cut_at_and_is_joined():
    """The model cuts `... on Homeland Security` from `Governmental Affairs`, which names no body."""
    text = "she was counsel to the Senate Committee on Homeland Security and Governmental Affairs."
    first = text.index("Senate")
    second = text.index("Governmental")
    mentions = mentions_in_text(text, [(first, text.index(" and"), None), (second, len(text) - 1, None)])
    assert [m.text for m in mentions] == ["Senate Committee on Homeland Security and Governmental Affairs"]


def test_a_known_body_inside_a_longer_name_gives_way_to_it():
    """The ruler tags `United Nations`; `Office of the ... High Commissioner for Human Rights` is the body."""
    text = ("Both sides discussed the work of the Office of the United Nations High Commissioner for Human "
            "Rights.")
    start = text.index("United")
    mentions = mentions_in_text(text, [(start, start + len("United Nations"), "un")])
    assert [m.text for m in mentions] == ["Office of the United Nations High Commissioner for Human Rights"]


def test_a_list_inside_a_name_keeps_its_last_item():
    text = ("The United States will provide $10 million through the Bureau of Population, Refugees, and "
            "Migration to support Venezuelan migrants in Colombia.")
    start = text.index("Bureau")
    mentions = mentions_in_text(text, [(start, text.index(", and"), None)])
    assert [m.text for m in mentions] == ["Bureau of Population, Refugees, and Migration"]


def test_two_bodies_joined_by_and_stay_two():
    text = "The Department of National Defence and Canadian Armed Forces deploy up to 1,000 personnel."
    a, b = "Department of National Defence", "Canadian Armed Forces"
    spans = [(text.index(a), text.index(a) + len(a), None), (text.index(b), text.index(b) + len(b), None)]
    assert [m.text for m in mentions_in_text(text, spans)] == [a, b]


def test_a_company_national_arm_is_part_of_its_name():
    text = "Pratt & Whitney will supply the engines, and General Dynamics Land Systems–Canada, based in"
    start = text.index("General")
    mentions = mentions_in_text(text, [(start, start + len("General Dynamics Land Systems"), None)])
    assert [m.text for m in mentions] == ["General Dynamics Land Systems–Canada"]
    assert country_in_name(mentions[0].text) == "CAN"
