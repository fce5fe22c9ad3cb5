"""One pydantic row model per rule data file: what a valid entry of each list is.

Every packaged row names itself (`id`) and shows a real use (`example`); an
unknown key is an error (`extra="forbid"`), so a typo in a data file fails at
load time instead of silently doing nothing. The user's own rule files (see
`pipeline/rules/user.py`) are validated by the user row models at the end.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.records import EventType, Role

ISO3 = r"^[A-Z]{3}$"  # ISO 3166-1 alpha-3
Words = tuple[str, ...]

TERM_KINDS = ("org_head", "office_head", "event", "event_prefix", "document", "award", "position", "abstract",
              "generic", "place", "appositive", "preposition", "connector", "portfolio", "state_head",
              "time_word", "vessel_prefix", "campus_head", "unit_head", "equipment", "headline_verb",
              "place_head", "class_noun", "head_first", "service_noun", "corporate_suffix", "personnel")
PATTERN_KINDS = ("verbal", "nominal", "nominal-theme", "copular", "anaphor")


class Row(BaseModel):
    """A packaged rule entry: its id and a real example of the text it is for."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    example: str = Field(min_length=1)
    example_from: Literal["sources", "constructed"] | None = None


class CountryRow(Row):
    """`countries.jsonl`: a country (or, with iso3 null, a region such as `North American`)."""

    iso3: str | None = Field(pattern=ISO3)  # required: null for a region
    name: str
    aliases: Words = ()
    adjectives: Words = ()
    demonyms: Words = ()


class PlaceRow(Row):
    """`places.jsonl`: a town, province, base or sea in a country."""

    name: str
    country: str = Field(pattern=ISO3)
    aliases: Words = ()


class GazetteerRow(Row):
    """`gazetteer.jsonl`: a known body with its acronyms, aliases and country."""

    name: str
    acronyms: Words = ()
    aliases: Words = ()
    country: str | None = Field(default=None, pattern=ISO3)
    context_aliases: Words = ()  # "Alliance": NATO only where NATO is named


class InternationalRow(GazetteerRow):
    """`international.jsonl`: an IGO or NGO derived from PETRARCH2's Phoenix actors (country null)."""

    source: str  # "Phoenix.International.actors.txt [IGOWAFWAS]": the file and CAMEO code it came from


class OrgTermRow(Row):
    """`org_terms.jsonl`: a word list of one kind (organization heads, positions, ...)."""

    kind: Literal[TERM_KINDS]  # type: ignore[valid-type]
    words: Words = Field(min_length=1)


class TimexWordRow(Row):
    """`timex_words.jsonl`: the forms of one temporal word and its TIMEX3 value."""

    kind: str
    forms: Words = Field(min_length=1)
    value: str
    ambiguous: bool = False
    part: str | None = None


class EventTypeRow(Row):
    """`event_types.json`: one of the nine event types, with its PLOVER and ACE counterparts."""

    id: EventType
    definition: str
    plover: str
    ace: str | None  # null: ACE 2005 has no such type (training)


class EventTypes(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    types: tuple[EventTypeRow, ...]


class WordClassRow(Row):
    """`event_lexicon.json`: a word class that patterns name as `"@id"`."""

    words: Words = Field(min_length=1)


class OrdinalRow(Row):
    """`ordinals.jsonl`: an ordinal word and its number (`the seventh round` is the 7th)."""

    word: str = Field(min_length=1)
    value: int = Field(ge=1)


class EventPatternRow(Row):
    """`event_patterns.jsonl`: a DependencyMatcher pattern with a `trigger` node."""

    type: EventType
    kind: Literal[PATTERN_KINDS] = "verbal"  # type: ignore[valid-type]
    confidence: float = Field(ge=0.0, le=1.0)
    roles: dict[str, Role] = Field(default_factory=dict)
    forbid: Words = ()
    pattern: list[dict] = Field(min_length=1)
    example2: str | None = None


class EventTriggerRow(Row):
    """`event_triggers.jsonl`: a word of the open trigger lexicon (derived from CAMEO, or constructed)."""

    type: EventType
    lemma: str = Field(min_length=1)
    pos: Literal["VERB", "NOUN"]
    cameo: str | None = None
    cameo_block: str | None = None
    subject_role: Role | None = None
    needs_object: bool = False  # states the event only with a concrete object: "received two aircraft"
    source: str


class TitleRow(Row):
    """`titles.jsonl`: a title, rank, position, honorific or staff acronym: never an organization."""

    kind: Literal["position", "rank", "honorific", "staff_acronym"]
    name: str = Field(min_length=1)
    abbreviations: Words = ()
    source: str


class UserRow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UserOrganization(UserRow):
    """`rules/organizations.jsonl`: a body the user knows, linked and given its country."""

    name: str = Field(min_length=1)
    acronym: str | None = None
    aliases: Words = ()
    country: str | None = Field(default=None, pattern=ISO3)


class UserNonOrganization(UserRow):
    """`rules/not_organizations.jsonl`: a name never to report as an organization."""

    text: str = Field(min_length=1)


class UserTrigger(UserRow):
    """`rules/event_triggers.jsonl`: an extra trigger word (lemma) of an event type."""

    type: EventType
    word: str = Field(min_length=1, pattern=r"^\S+$")
    pos: Literal["VERB", "NOUN"] = "VERB"
