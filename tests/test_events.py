"""Events: real sentences from sources/ with the event each must give, and the ones it must not."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import SOURCES, find_in_text

from pipeline.dates import Timex
from pipeline.errors import PatternError
from pipeline.events import EventCandidate
from pipeline.events.arguments import place_country
from pipeline.events.candidates import ParticipantRef
from pipeline.events.merge import merge_events
from pipeline.events.rules import _resolve, dependency_matcher, load_patterns, plover_of
from pipeline.events.tree_match import compile_pattern, tree_matches
from pipeline.ingest import clean, discover, load_source
from pipeline.rules import packaged_rules

DCT = date(2014, 4, 26)
P = "participant"
TYPES = {"ESTABLISH", "MEET", "VISIT", "AGREE", "EXERCISE", "DEPLOY", "JOIN", "TRAIN", "AID"}


def events_of(nlp, text: str, dct: date = DCT) -> list[EventCandidate]:
    return find_in_text(nlp, text, dct).events


def by_trigger(nlp, text: str, trigger: str, dct: date = DCT) -> EventCandidate:
    events = events_of(nlp, text, dct)
    hits = [e for e in events if text[e.trigger[0]:e.trigger[1]] == trigger]
    assert hits, f"no event triggered by {trigger!r}: {events}"
    return hits[0]


# (sentence, DCT, trigger, type, date value, location, {participant: role}, ordinal)
POSITIVE = [
    ("The inaugural trilateral defence meeting was hosted by Canada in March 2012.",
     DCT, "hosted", "MEET", "2012-03", "Canada", {"Canada": "host"}, 1),
    ("Mexico hosted the second meeting on April 24, 2014.",
     DCT, "hosted", "MEET", "2014-04-24", "Mexico", {"Mexico": "host"}, 2),
    ("The seventh round of talks was held in December 2013 in Mexico, and included productive "
     "discussions on regional security, military training, and military justice.",
     DCT, "held", "MEET", "2013-12", "Mexico", {}, 7),
    ("The third iteration of these staff talks was held in Canada in May 2013.",
     DCT, "held", "MEET", "2013-05", "Canada", {}, 3),
    ("Defence relations between Canada and Mexico have continued to grow since a Canadian Defence "
     "Attaché was first posted to Mexico in 1991.",
     DCT, "posted", "DEPLOY", "1991", "Mexico", {}, 1),  # "first posted": the first posting
    ("In June 2012, two officials from SEMAR participated in the Maple Flag 45 (Serial 1)’s "
     "International Observers Program in Cold Lake, Alberta.",
     DCT, "participated", "EXERCISE", "2012-06", "Cold Lake, Alberta", {"SEMAR": "participant"}, None),
    ("SEMAR also participated in the Rim of the Pacific Exercise off the coast of Hawaii in August 2012.",
     DCT, "participated", "EXERCISE", "2012-08", "Hawaii", {"SEMAR": "participant"}, None),
    ("Mexico has been a member of the Military Training and Cooperation Program(MTCP) since 2004.",
     DCT, "member", "JOIN", "2004", None, {"Mexico": "member"}, None),
    ("Canada and Mexico established Canada-Mexico Staff Talks in May 2011 as an effective and "
     "enduring way to maintain a strong relationship between the armed forces of both countries.",
     DCT, "established", "ESTABLISH", "2011-05", None, {"Canada": P, "Mexico": P}, None),
    ("Today, President Biden will meet with Mexican President Andrés Manuel López Obrador to usher "
     "in a new phase of the U.S. – Mexico bilateral relationship emphasizing the following:",
     date(2021, 3, 1), "meet", "MEET", "2021-03-01", None, {"Mexico": P, "United States": P}, None),
    ("At least 30 countries have provided security assistance to Ukraine since the Russian invasion began.",
     date(2022, 3, 16), "provided", "AID", None, None, {"Ukraine": "participant"}, None),
    ("In 2022, the Department of State authorized third-party transfers of defensive equipment from "
     "more than 14 countries, a number that continues to grow as Allies and Partners increase "
     "support to Ukraine.",
     date(2022, 3, 16), "authorized", "AID", "2022", None, {"Department of State": "provider"}, None),
    ("The new Strategic Concept will be prepared for adoption at the NATO Summit in 2022.",
     date(2021, 6, 13), "Summit", "MEET", "2022", None, {"NATO": "participant"}, None),
    ("NATO also continues to monitor the Russian deployments in and around Ukraine.",
     date(2021, 6, 13), "deployments", "DEPLOY", None, "Ukraine", {"Russia": "participant"}, None),
    ("Non-U.S. defense spending has risen for seven consecutive years since the Wales Defense "
     "Investment Pledge adopted during the Obama-Biden Administration in 2014.",
     date(2021, 6, 13), "adopted", "AGREE", "2014", None, {}, None),
    ("On April 13, 2023, U.S. Homeland Security Advisor Dr. Elizabeth Sherwood-Randall convened the "
     "first meeting of this committee with Mexican Secretary of Security Rosa Icela Rodríguez and "
     "Canadian National Security and Intelligence Advisor Jody Thomas at the White House.",
     date(2023, 4, 14), "convened", "MEET", "2023-04-13", "White House",
     {"Mexico": "participant", "Canada": "participant"}, 1),
    ("President Joseph R. Biden, Jr. met today with Prime Minister Justin Trudeau of Canada in Los "
     "Angeles on the margins of the Ninth Summit of the Americas to review regional cooperation.",
     date(2022, 6, 9), "met", "MEET", "2022-06-09", "Los Angeles", {"Canada": "participant"}, None),
    ("President Joseph R. Biden, Jr. met today with Prime Minister Justin Trudeau of Canada in Los "
     "Angeles on the margins of the Ninth Summit of the Americas to review regional cooperation.",
     date(2022, 6, 9), "Summit", "MEET", "2022-06-09", "Los Angeles", {}, 9),
]


@pytest.mark.parametrize(("text", "dct", "trigger", "etype", "value", "place", "parts", "ordinal"), POSITIVE)
def test_event_type_date_place_participants(nlp, text, dct, trigger, etype, value, place, parts, ordinal):
    ev = by_trigger(nlp, text, trigger, dct)
    assert ev.type == etype
    assert (ev.date.value if ev.date else None) == value
    assert (ev.location[0] if ev.location else None) == place
    roles = {p.name: p.role for p in ev.participants}
    for name, role in parts.items():
        assert roles.get(name) == role, roles
    assert ev.ordinal == ordinal
    assert ev.rule and 0 < ev.confidence <= 1 and ev.plover == plover_of()[etype]


def test_training_received_by_nationality_adjective(nlp):
    ev = by_trigger(nlp, "To date, 175 Mexican students have received MTCP-sponsored training.", "received")
    assert ev.type == "TRAIN"
    assert {"Mexico": "recipient"}.items() <= {p.name: p.role for p in ev.participants}.items()
    assert ev.date is None or ev.date.value == "PRESENT_REF"


# (sentence, DCT, event types that must not appear)
NEGATIVE = [
    # generic and aims
    ("Canada-Mexico Military-Military Staff Talks - established in May 2011, these regular talks are "
     "an effective way to maintain a strong relationship between Canadian and Mexican armed forces.",
     DCT, {"MEET"}),
    ("Trilateral Meeting of North American Defence Ministers – These meetings aim to formalize and "
     "strengthen the necessary defence cooperation between Canada, Mexico, and the United States.",
     DCT, TYPES),
    ("These Political-Military Talks, held between the Foreign and Defence Ministries of Canada and "
     "Mexico, were established in 2006 to further develop defence and foreign policy cooperation.",
     DCT, {"MEET"}),
    ("We regularly cooperate to stem the flow of people, illegal narcotics, arms, and other contraband.",
     date(2021, 3, 1), TYPES),
    # a trigger word in another sense
    ("Allies will commit to implementation of new military concepts and strategies that strengthen "
     "NATO’s deterrence and defense posture to meet threats from Russia and elsewhere.",
     date(2021, 6, 13), {"MEET"}),
    ("NATO faced down the Communist bloc in the Cold War and today provides security for approximately "
     "one billion people in Europe and North America.", date(2021, 6, 13), {"AID"}),
    ("Allies will also commit to ensuring NATO is led, staffed, and resourced at levels necessary to "
     "deliver on the decisions taken at the Summit.", date(2021, 6, 13), {"MEET"}),
    ("The President and Prime Minister underscored their commitment to continue holding Russia "
     "accountable for its brutal actions in Ukraine.", date(2022, 6, 9), {"MEET"}),
    ("Moultrie was a key principal on the Secretary of the Navy’s Cybersecurity Readiness Review and "
     "subsequently led the creation of the Department’s digital roadmap.", date(2021, 4, 2), {"ESTABLISH"}),
    # negated, hypothetical, conditional, undated announcement
    ("Mexico did not host the second meeting on April 24, 2014.", DCT, {"MEET"}),
    ("Mexico could host the second meeting on April 24, 2014.", DCT, {"MEET"}),
    ("If Mexico hosts the second meeting on April 24, 2014, the talks will continue.", DCT, {"MEET"}),
    ("Allies will launch a Defense Innovation Accelerator to facilitate their technological cooperation.",
     date(2021, 6, 13), {"ESTABLISH"}),
]


@pytest.mark.parametrize(("text", "dct", "forbidden"), NEGATIVE)
def test_not_an_event(nlp, text, dct, forbidden):
    found = [(e.type, text[e.trigger[0]:e.trigger[1]]) for e in events_of(nlp, text, dct)]
    assert not [f for f in found if f[0] in forbidden], found


# --- one event per occurrence ---------------------------------------------------------


def _cand(start: int, value: str | None, names: tuple[str, ...], etype: str = "ESTABLISH",
          anaphoric: bool = False) -> EventCandidate:
    tx = Timex(start + 20, start + 24, value, "DATE", value, "year", None, "text") if value else None
    parts = tuple(ParticipantRef(n, "participant", None, place_country(n)) for n in names)
    return EventCandidate(etype, (start, start + 11), (start, start + 60), "r", 0.9, date=tx,
                          participants=parts, evidence=((start, start + 60),), anaphoric=anaphoric)


@pytest.mark.parametrize(("candidates", "expected_evidence"), [
    # "Talks - established in 2006" (bullet) and "were established in 2006" (paragraph): one event
    ([_cand(0, "2006", ("Canada", "Mexico")), _cand(500, "2006", ("Canada", "Mexico"))], [2]),
    # same year, no shared participant: two occurrences
    ([_cand(0, "2006", ("Canada",)), _cand(500, "2006", ("Jordan",))], [1, 1]),
    # different dates: two occurrences
    ([_cand(0, "2006", ("Canada",)), _cand(500, "2011", ("Canada",))], [1, 1]),
    # "the Summit" after the summit: evidence of it; with nothing before it: dropped
    ([_cand(0, "2021", ("NATO",), "MEET"), _cand(300, None, (), "MEET", anaphoric=True)], [2]),
    ([_cand(0, None, (), "MEET", anaphoric=True), _cand(300, "2021", ("NATO",), "MEET")], [1]),
])
def test_merge_events_keeps_one_event_per_occurrence(candidates, expected_evidence):
    merged = merge_events(candidates)
    assert [len(e.evidence) for e in merged] == expected_evidence
    assert not any(e.anaphoric for e in merged)


def test_bullet_and_paragraph_are_one_event_in_the_output(extracted):
    out, _ = extracted
    rows = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    first = [r for r in rows if r["doc_id"] == "canada-mexico-defence-relationship"]
    established = [r for r in first if r["type"] == "ESTABLISH" and r["date"]["value"] == "2006"]
    assert len(established) == 1
    assert len(established[0]["evidence"]) == 2
    assert {p["name"] for p in established[0]["participants"]} >= {"Canada", "Mexico"}
    assert all(r["rule"] and r["plover"] for r in rows)


# --- data and matching ----------------------------------------------------------------


def test_taxonomy_has_the_nine_types_with_their_mappings():
    types = packaged_rules().event_types
    assert {t.id for t in types} == TYPES
    assert plover_of()["MEET"] == "CONSULT" and plover_of()["AID"] == "AID"


def test_every_pattern_has_an_id_type_and_example():
    patterns = load_patterns()
    assert len({p.id for p in patterns}) == len(patterns)
    assert {p.type for p in patterns} == TYPES
    assert all(p.example and 0 < p.confidence <= 1 for p in patterns)


def test_unknown_word_class_is_a_pattern_error():
    with pytest.raises(PatternError):
        _resolve({"LEMMA": {"IN": "@no_such_class"}}, "test")


def test_pattern_without_anchor_lemma_is_a_pattern_error():
    with pytest.raises(PatternError):
        compile_pattern("bad", [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"POS": "VERB"}}])


def test_tree_match_agrees_with_spacy_dependency_matcher(nlp):
    """The fast evaluator finds the same (pattern, anchor) pairs as spaCy on every source."""
    from pipeline.events.rules import tree_patterns

    matcher = dependency_matcher(nlp.vocab)
    anchor_of = {p.id: p.pattern[0]["RIGHT_ID"] for p in load_patterns()}
    for path in discover(SOURCES):
        doc = nlp(clean(load_source(path, SOURCES)).text)
        spacy_hits = {(nlp.vocab.strings[k], ids[0]) for k, ids in matcher(doc)}
        ours = {(key, nodes[anchor_of[key]].i) for key, nodes in tree_matches(doc, tree_patterns())}
        assert ours == spacy_hits, path.name


@pytest.mark.parametrize(("text", "iso"), [
    ("Mexican Navy", "MEX"),
    ("U.S. Homeland Security Advisor", "USA"),
    ("Cold Lake, Alberta", "CAN"),
    ("Jordanian Deputy Prime Minister", "JOR"),
    ("North American Leaders’ Summit", None),
    ("Trilateral Fentanyl Committee", None),
])
def test_country_of_names_and_adjectives(text, iso):
    assert place_country(text) == iso
