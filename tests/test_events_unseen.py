"""Events on sentences of the genre that are NOT in sources/ (news releases, readouts, fact sheets,
blog copies), so that the rules are checked on phrasings they were not written for: named
exercises and operations, calls, visits and arrivals, donations and deliveries, accessions,
co-chaired and convened meetings; and the generic, habitual, aimed-at, negated and hypothetical
sentences of the same documents that must stay non-events.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import find_in_text

from pipeline.events import EventCandidate


def events_of(nlp, text: str, dct: date) -> list[EventCandidate]:
    return find_in_text(nlp, text, dct).events


def the_event(nlp, text: str, dct: date, trigger: str) -> EventCandidate:
    events = events_of(nlp, text, dct)
    hits = [e for e in events if text[e.trigger[0]:e.trigger[1]] == trigger]
    assert hits, f"no event triggered by {trigger!r}: {events}"
    return hits[0]


# (sentence, DCT, trigger, type, date value, location or None, participants that must be there)
UNSEEN = [
    ("The Chief of the Naval Staff welcomed a delegation from the Kenya Navy to Halifax in May 2022.",
     date(2022, 6, 1), "welcomed", "VISIT", "2022-05", "Halifax", {"Kenya Navy"}),
    # a body created in a relative clause, or stood up; air policing conducted; a posting to a
    # headquarters; a delivery as a noun
    ("The Baltic Defence College, which was established in Tartu in 1999, trains officers.",
     date(2020, 1, 1), "established", "ESTABLISH", "1999", None, {"Baltic Defence College"}),
    ("The multinational brigade officially stood up in Riga on June 3, 2019.", date(2020, 1, 1), "stood",
     "ESTABLISH", "2019-06-03", "Riga", set()),
    ("Four CF-188 Hornets conducted NATO Air Policing from Šiauliai Air Base in 2022.", date(2023, 1, 1),
     "conducted", "EXERCISE", "2022", None, set()),
    ("A Chilean liaison officer has been assigned to CJOC headquarters in Ottawa since 2020.",
     date(2023, 1, 1), "assigned", "DEPLOY", "2020", "Ottawa", {"Chile"}),
    ("The minister welcomed the delivery last month of two CH-147 helicopters to the Royal Canadian Air "
     "Force.", date(2023, 5, 10), "delivery", "AID", "2023-04", None, {"Royal Canadian Air Force"}),
    # leaders gathering; a dialogue a relative clause says will be hosted; part of a delivery
    ("Next month, Allied leaders will gather in Washington for the NATO Summit.", date(2024, 6, 14),
     "gather", "MEET", "2024-07", "Washington", set()),
    ("Canada welcomed the fourth Defence Policy Dialogue, which Chile will host in Santiago in early May.",
     date(2025, 1, 10), "host", "MEET", "2025-05", "Santiago", {"Chile"}),
    ("Last week, the first of 20 armoured vehicles were delivered to the Latvian Army.", date(2024, 6, 14),
     "delivered", "AID", "2024-W23", None, {"Latvian Army"}),
    ("The ministers agreed that the working group would meet twice a year.", date(2024, 6, 14), "agreed",
     "AGREE", None, None, set()),
    # the region after a town decides its country: this Kingston is in Ontario, not Jamaica
    ("Two Colombian officers completed a staff course in Kingston, Ontario, in May 2019.", date(2019, 6, 1),
     "completed", "TRAIN", "2019-05", "Kingston, Ontario", {"Colombia"}),
    # a meeting named after its host city took place there
    ("Prime Minister Trudeau attended the Vilnius Summit in July 2023.", date(2023, 9, 1), "attended",
     "MEET", "2023-07", "Vilnius", set()),
    # a summit inside an agreement's clause is a meeting of its own
    ("Latvia has implemented the memorandum concluded with Estonia at the Riga Summit of June 2022.",
     date(2023, 9, 1), "Summit", "MEET", "2022-06", None, set()),
    ("Sweden's accession to NATO in March 2024 completed the enlargement.", date(2024, 5, 1),
     "accession", "JOIN", "2024-03", None, {"NATO", "Sweden"}),
    ("Canada and Chile have begun talks on a defence cooperation arrangement.", date(2024, 5, 1),
     "begun", "MEET", None, None, {"Canada", "Chile"}),
    # materiel in a relative clause without `which`
    ("The course covers the radars Canada donated to Ukraine in 2023.", date(2024, 5, 1), "donated",
     "AID", "2023", None, {"Ukraine"}),
    ("Since 2019, Canada has contributed troops to the NATO battlegroup in Latvia.", date(2024, 5, 1),
     "contributed", "DEPLOY", "2019", "Latvia", {"Canada"}),
    ("Canadian submariners have been embedded in Royal Navy crews since 2022.", date(2024, 5, 1),
     "embedded", "DEPLOY", "2022", None, {"Royal Navy"}),
    ("Colombian officers joined a six-week staff course in Kingston last fall.", date(2024, 5, 1),
     "joined", "TRAIN", "2023-FA", None, {"Colombia"}),
    # meetings with people named by their title, and calls with a ship's crew
    ("On 12 May, I met Minister Reznikov and the Ukrainian Chief of Defence in Kyiv.", date(2023, 6, 1),
     "met", "MEET", "2023-05-12", None, {"Ukraine"}),
    ("During the visit, she met the Chief of the Defence Staff of the Colombian Military Forces.",
     date(2019, 3, 5), "met", "MEET", None, None, {"Colombian Military Forces"}),
    ("The Commander of the Royal Canadian Air Force spoke with the crews by video link on June 2, 2022.",
     date(2022, 6, 10), "spoke", "MEET", "2022-06-02", None, {"Royal Canadian Air Force"}),
    # postings: embedded with, assigned to a named body, accredited to a country
    ("Two Royal Canadian Navy officers have been embedded with the Royal Australian Navy since 2019.",
     date(2023, 1, 1), "embedded", "DEPLOY", "2019", None, {"Royal Australian Navy"}),
    ("Twelve CAF members are assigned to NATO Allied Maritime Command in Northwood.", date(2023, 1, 1),
     "assigned", "DEPLOY", None, None, set()),
    ("A Canadian Defence Attaché was first accredited to Colombia in 2001.", date(2019, 3, 5),
     "accredited", "DEPLOY", "2001", None, {"Colombia"}),
    # membership in an apposition, or dated by `since` without `of`
    ("Estonia, a member of NATO since 2004, hosts a multinational battlegroup.", date(2023, 1, 1),
     "member", "JOIN", "2004", None, {"NATO"}),
    ("Colombia joined the Cooperation Program, of which Peru has been a member since 2012.",
     date(2023, 1, 1), "member", "JOIN", "2012", None, set()),
    # courses attended in a coordination, a graduation
    ("Since 2016, more than 40 Colombian officers have attended MTCP language and staff courses.",
     date(2023, 1, 1), "attended", "TRAIN", "2016", None, {"Colombia"}),
    ("Last June, the first two Korean cadets graduated from the Royal Military College of Canada.",
     date(2023, 3, 1), "graduated", "TRAIN", "2022-06", None, {"Royal Military College of Canada"}),
    # creation: announced for a stated time, decided, an office opened, a bullet, a possessive noun
    ("The new battalion will be formally established in 2026.", date(2024, 1, 1), "established",
     "ESTABLISH", "2026", None, set()),
    ("The Ministers agreed to establish a Defence Science and Technology Dialogue.", date(2024, 1, 1),
     "establish", "ESTABLISH", None, None, set()),
    ("Canada opened a Defence Attaché office in Bogota in March 2020.", date(2021, 1, 1), "opened",
     "ESTABLISH", "2020-03", "Bogota", {"Canada"}),
    ("Canada-Colombia Defence Consultations - set up in 2012, these consultations review cooperation.",
     date(2021, 1, 1), "set", "ESTABLISH", "2012", None, set()),
    ("The squadron has grown steadily since its establishment in May 2015.", date(2021, 1, 1),
     "establishment", "ESTABLISH", "2015-05", None, set()),
    # a contract signed; support provided with data
    ("The order follows the contract signed in March 2022 between Lockheed Martin and the Polish "
     "Armament Agency.", date(2023, 1, 1), "signed", "AGREE", "2022-03", None,
     {"Lockheed Martin", "Polish Armament Agency"}),
    ("Canada provided the Colombian Navy with satellite imagery in the summer of 2021.", date(2022, 1, 1),
     "provided", "AID", "2021-SU", None, {"Colombian Navy"}),
    ("The Japan Ground Self-Defense Force took part in Exercise Orient Shield with the U.S. Army in "
     "Hokkaido last month.", date(2019, 9, 12), "took", "EXERCISE", "2019-08", "Hokkaido",
     {"Japan Ground Self-Defense Force", "U.S. Army"}),
    ("More than 2,000 Canadian Armed Forces personnel took part in NATO's Exercise TRIDENT JUNCTURE 18 "
     "in Norway from October 25 to November 7, 2018.", date(2018, 11, 8), "took", "EXERCISE", "2018-10-25",
     "Norway", set()),
    ("Canada will also participate in Exercise BALIKATAN in the Philippines in April 2024.",
     date(2024, 1, 23), "participate", "EXERCISE", "2024-04", "Philippines", {"Canada"}),
    ("HMCS Ville de Québec visited Cartagena during Operation CARIBBE in the fall of 2018.",
     date(2019, 3, 5), "visited", "VISIT", "2018-FA", "Cartagena", set()),
    ("HMCS Ville de Québec visited Cartagena during Operation CARIBBE in the fall of 2018.",
     date(2019, 3, 5), "CARIBBE", "EXERCISE", "2018-FA", None, set()),
    ("The Royal Canadian Navy (RCN) and the Colombian Navy held staff talks in Bogota on February 20, 2019.",
     date(2019, 3, 5), "held", "MEET", "2019-02-20", "Bogota", {"Royal Canadian Navy", "Colombian Navy"}),
    # a headline the parser glues to the paragraph below it
    ("Canada and Colombia deepen defence cooperation\n\nThe Royal Canadian Navy (RCN) and the Colombian "
     "Navy held staff talks in Bogota on February 20, 2019.",
     date(2019, 3, 5), "held", "MEET", "2019-02-20", "Bogota", {"Royal Canadian Navy", "Colombian Navy"}),
    ("Secretary of Defense Lloyd J. Austin III spoke by phone today with Philippine Secretary of "
     "National Defense Delfin Lorenzana.", date(2021, 2, 18), "spoke", "MEET", "2021-02-18", None,
     {"Philippines"}),
    ("Minister Anand spoke with Ukrainian Minister of Defence Oleksii Reznikov yesterday.",
     date(2023, 2, 24), "spoke", "MEET", "2023-02-23", None, {"Ukraine"}),
    ("Secretary Austin also held a call with Australian Minister for Defence Linda Reynolds on "
     "February 16, 2021.", date(2021, 2, 18), "held", "MEET", "2021-02-16", None, {"Australia"}),
    ("During the visit, the ship's company hosted a delegation from the Kenya Navy on board.",
     date(2017, 9, 18), "hosted", "MEET", None, None, {"Kenya Navy"}),
    ("The United States and the Republic of Korea co-chaired the inaugural meeting of the Supply Chain "
     "and Commercial Dialogue in Seoul in December 2022.", date(2023, 4, 26), "chaired", "MEET",
     "2022-12", "Seoul", {"United States"}),
    ("The two navies convened the third Canada-Mexico Navy-to-Navy Talks in Veracruz in November 2013.",
     date(2014, 11, 7), "convened", "MEET", "2013-11", "Veracruz", set()),
    ("Last week, the Chief of the Defence Staff, General Jonathan Vance, travelled to Colombia and met "
     "with the Commander of the Colombian Armed Forces.", date(2019, 3, 5), "met", "MEET", "2019-W09",
     None, {"Colombian Armed Forces"}),
    ("In October 2014, the Commander of the Royal Canadian Navy, Vice-Admiral Mark Norman, travelled to "
     "Mexico City, where he met with the Mexican Secretary of the Navy, Admiral Vidal Francisco Soberón "
     "Sanz.", date(2014, 11, 7), "met", "MEET", "2014-10", None, set()),
    ("Minister Anand will travel to Vilnius, Lithuania, on July 11, 2023, for the NATO Summit.",
     date(2023, 7, 10), "travel", "VISIT", "2023-07-11", "Vilnius, Lithuania", set()),
    ("President Joseph R. Biden, Jr. welcomed President Yoon Suk Yeol of the Republic of Korea to the "
     "White House on April 26, 2023, for a State Visit.", date(2023, 4, 26), "welcomed", "VISIT",
     "2023-04-26", "White House", {"Republic of Korea"}),  # as the text calls it
    ("HMCS Charlottetown arrived in Mombasa, Kenya, on September 10, 2017, for a four-day port visit.",
     date(2017, 9, 18), "arrived", "VISIT", "2017-09-10", "Mombasa, Kenya", set()),
    ("Canadian officials toured the Philippine Coast Guard headquarters on January 22, 2024.",
     date(2024, 1, 23), "toured", "VISIT", "2024-01-22", None, {"Canada"}),
    ("Today, the Minister of National Defence, Anita Anand, visited Canadian Armed Forces members "
     "deployed to Latvia under Operation REASSURANCE.", date(2023, 7, 10), "visited", "VISIT",
     "2023-07-10", None, set()),
    ("Today, Canada's Ambassador to the Philippines, David Hartman, and the Philippine Secretary of "
     "National Defense, Gilberto Teodoro, signed a Memorandum of Understanding (MOU) on Defence "
     "Cooperation in Manila.", date(2024, 1, 23), "signed", "AGREE", "2024-01-23", "Manila", set()),
    ("The two ministers signed a joint roadmap to scale up the NATO battle group in Latvia to a brigade.",
     date(2023, 7, 10), "signed", "AGREE", None, None, set()),
    ("In June 2019, President Trump and President Andrzej Duda issued a Joint Declaration on Defense "
     "Cooperation.", date(2020, 8, 15), "issued", "AGREE", "2019-06", None, set()),
    ("Canada also donated 10 drone detection systems to the Latvian National Armed Forces in March 2023.",
     date(2023, 7, 10), "donated", "AID", "2023-03", None, {"Canada"}),
    ("Canada delivered the first four Leopard 2 tanks to Poland on February 6, 2023, for onward "
     "transfer to Ukraine.", date(2023, 2, 24), "delivered", "AID", "2023-02-06", None, {"Canada"}),
    ("In June 2023, Canada deployed an additional 120 personnel to Latvia.",
     date(2023, 7, 10), "deployed", "DEPLOY", "2023-06", "Latvia", {"Canada"}),
    # deployed on a named operation is still a deployment, not the operation
    ("In June 2023, Canada deployed 200 troops on Operation REASSURANCE.",
     date(2023, 7, 10), "deployed", "DEPLOY", "2023-06", None, {"Canada"}),
    ("Canada sent a CP-140 Aurora surveillance aircraft to the region in February 2023.",
     date(2023, 1, 14), "sent", "DEPLOY", "2023-02", None, {"Canada"}),
    ("On January 18, 2023, Minister Anand travelled to Kyiv, where she met with President Volodymyr "
     "Zelenskyy.", date(2023, 1, 30), "travelled", "VISIT", "2023-01-18", "Kyiv", set()),
    ("On January 18, 2023, Minister Anand travelled to Kyiv, where she met with President Volodymyr "
     "Zelenskyy.", date(2023, 1, 30), "met", "MEET", "2023-01-18", None, set()),
    ("In 2022, Canada provided Ukraine with four M777 howitzers and more than 10,000 artillery rounds.",
     date(2023, 1, 30), "provided", "AID", "2022", None, {"Canada", "Ukraine"}),
    ("The Royal Canadian Navy has contributed to Operation CARIBBE since November 2006.",
     date(2021, 4, 20), "contributed", "EXERCISE", "2006-11", None, {"Royal Canadian Navy"}),
    ("Today, Finland formally joined the North Atlantic Treaty Organization (NATO), becoming the 31st "
     "member of the Alliance.", date(2023, 4, 4), "joined", "JOIN", "2023-04-04", None, {"Finland"}),
    ("Mexico acceded to the Arms Trade Treaty in 2013.",
     date(2014, 11, 7), "acceded", "JOIN", "2013", None, {"Mexico"}),
    ("The two leaders also launched the Indo-Pacific Economic Framework for Prosperity (IPEF) with 11 "
     "other countries today.", date(2022, 5, 23), "launched", "ESTABLISH", "2022-05-23", None, set()),
    # blind batch 4: passive and active `assign ... to` a unit or post, `became ... member`,
    # a relative clause that signs the agreement it hangs from
    ("HMCS Ottawa was assigned to Standing NATO Maritime Group 2 in January 2023.",
     date(2023, 6, 30), "assigned", "DEPLOY", "2023-01", None, set()),
    ("Canada has also assigned a Defence Attaché to the Embassy in Tokyo since 1990.",
     date(2023, 10, 13), "assigned", "DEPLOY", "1990", None, {"Canada"}),
    ("Sweden became NATO's 32nd member on March 7, 2024, when it deposited its instrument of accession "
     "with the United States Department of State in Washington.",
     date(2024, 3, 8), "member", "JOIN", "2024-03-07", None, {"Sweden"}),
    ("The ministers welcomed the conclusion of negotiations on an Equipment and Technology Transfer "
     "Agreement, which was signed by the two governments in July 2023.",
     date(2023, 10, 13), "signed", "AGREE", "2023-07", None, set()),
    # the subject of a relative clause is its antecedent
    ("Finland, which joined the Alliance in April 2023, welcomed the decision.",
     date(2024, 3, 8), "joined", "JOIN", "2023-04", None, {"Finland"}),
    # a named exercise that `took place`; the year in its name does not date it
    ("Exercise MAPLE RESOLVE 2023 took place in Wainwright, Alberta, from May 1 to 25, 2023.",
     date(2023, 6, 30), "took", "EXERCISE", "2023-05-01", "Wainwright, Alberta", set()),
]


@pytest.mark.parametrize(("text", "dct", "trigger", "etype", "value", "place", "parts"), UNSEEN)
def test_unseen_event(nlp, text, dct, trigger, etype, value, place, parts):
    ev = the_event(nlp, text, dct, trigger)
    assert ev.type == etype
    assert (ev.date.value if ev.date else None) == value
    if place is not None:
        assert ev.location is not None and ev.location[0] == place
    names = {p.name for p in ev.participants}
    assert parts <= names, names


# A sentence that tells one occurrence twice, or names one organization twice, gives it once.
ONCE = [
    ("Today, Finland formally joined the North Atlantic Treaty Organization (NATO), becoming the 31st "
     "member of the Alliance.", date(2023, 4, 4), "JOIN"),
    ("More than 2,000 Canadian Armed Forces personnel took part in NATO's Exercise TRIDENT JUNCTURE 18 "
     "in Norway from October 25 to November 7, 2018.", date(2018, 11, 8), "EXERCISE"),
]


@pytest.mark.parametrize(("text", "dct", "etype"), ONCE)
def test_one_event_per_occurrence(nlp, text, dct, etype):
    assert [e.type for e in events_of(nlp, text, dct)].count(etype) == 1


# A meeting placed against an earlier one (`on the margins of the meeting`) is a second occurrence.
TWICE = [
    ("On June 15, 2023, Minister Blair participated in the NATO Defence Ministers' Meeting in Brussels. "
     "On the margins of the meeting, he met with his Latvian counterpart, Ināra Mūrniece.",
     date(2023, 7, 13), "MEET"),
]


@pytest.mark.parametrize(("text", "dct", "etype"), TWICE)
def test_a_meeting_on_the_margins_is_its_own_event(nlp, text, dct, etype):
    assert [e.type for e in events_of(nlp, text, dct)].count(etype) == 2


def test_an_organization_and_its_acronym_are_one_participant(nlp):
    text = ("The Royal Canadian Navy (RCN) and the Colombian Navy held staff talks in Bogota on "
            "February 20, 2019.")
    names = [p.name for p in the_event(nlp, text, date(2019, 3, 5), "held").participants]
    assert not ({"RCN", "Royal Canadian Navy"} <= set(names)), names


# Generic, habitual, repeated, aimed-at, negated and hypothetical: no event of that type.
NOT_EVENTS = [
    # called off; a thing welcomed is no visitor
    ("The ministers discussed the cancellation of Exercise COLD RESPONSE 2020.", "EXERCISE"),
    ("Norway postponed the talks with Sweden until 2021.", "MEET"),
    ("The Secretaries welcomed the delivery of a C-130H transport aircraft to the Philippine Air Force.",
     "VISIT"),
    ("The Defence Policy Dialogue is a forum for senior officials.", "MEET"),
    # hoped for, however dated (`hopes` is lemmatized `hop`)
    ("The leaders expressed the hope that the negotiations will be concluded later this year.", "MEET"),
    ("Canada hopes to begin talks with Chile in 2025.", "MEET"),
    ("The new frigates will meet the needs of the Navy for decades.", "MEET"),
    ("The Minister will meet the Chief of the Defence Staff.", "MEET"),
    ("The Ministers hope to establish a joint brigade.", "ESTABLISH"),
    ("Approximately 1,000 members of the Canadian Armed Forces (CAF) took part.", "JOIN"),
    ("Officers who graduate from the college may apply for the course.", "TRAIN"),
    ("Canadian warships regularly visit ports in the region.", "VISIT"),
    ("The Department of Defense regularly consults with its Philippine counterparts on maritime "
     "security.", "MEET"),
    ("Canada does not plan to deploy combat troops to Ukraine.", "DEPLOY"),
    ("The two countries would benefit from a Status of Visiting Forces Agreement, which has not been "
     "signed.", "AGREE"),
    ("He has spoken with President Macron many times.", "MEET"),
    ("Canada has commanded Combined Task Force 150 several times since 2001.", "DEPLOY"),
    ("Canada will establish a new training centre in Dakar if funding is approved.", "ESTABLISH"),
    ("NATO conducts large-scale exercises every few years to test its readiness.", "EXERCISE"),
    ("Canada could host the next iteration of the exercise.", "EXERCISE"),
    ("Canada aims to donate 20 vehicles to Ukraine.", "AID"),
    ("The Minister did not visit Kabul.", "VISIT"),
    ("The Minister may visit Ottawa next year.", "VISIT"),
    ("Visitors can tour the museum.", "VISIT"),
    ("Officials delivered remarks to the press in Ottawa.", "AID"),
    ("The President welcomed the announcement by Japan.", "MEET"),
    ("We look forward to hosting the delegation from Kenya.", "MEET"),
    ("Operation UNIFIER is Canada's military training and capacity building mission in Ukraine.", "EXERCISE"),
    # `future` dates the noun it qualifies as any still to come: no occurrence
    ("The new network will help us bring more allied partners into future exercises.", "EXERCISE"),
]


@pytest.mark.parametrize(("text", "etype"), NOT_EVENTS)
def test_unseen_non_event(nlp, text, etype):
    assert etype not in {e.type for e in events_of(nlp, text, date(2023, 7, 10))}


def test_a_town_takes_the_country_of_the_region_after_it(nlp):
    text = "Two Colombian officers completed a staff course in Kingston, Ontario, in May 2019."
    assert the_event(nlp, text, date(2019, 6, 1), "completed").location == ("Kingston, Ontario", "CAN")
