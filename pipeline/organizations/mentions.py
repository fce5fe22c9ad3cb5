"""Organizations: mention spans from the gazetteer ruler, the model and acronyms, one record each.

Downstream users join on organizations, so `DND` and `Department of National
Defence` must be one record, `DND/CAF` two, and every record's id the same in
every document. Candidates come from the gazetteer's entity_ruler
(gazetteer.py, `data/gazetteer.jsonl`), the model, and capitalized names the
model left untagged; spans.py sets where each name starts and ends,
names.py drops what is not a body; acronyms.py links long and short forms;
linking.py groups the mentions into records with ids and countries.

Pure functions over text first (candidates to mentions), then the one
function that reads a spaCy Doc.
Offsets are offsets into the text the Doc was built from; run/assemble.py maps them
back to the stored text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.countries import countries_in, country_of, place_table
from pipeline.index import ByKey, Intervals
from pipeline.nlp import Chunk
from pipeline.organizations import acronyms
from pipeline.organizations.cues import companies, cued_names
from pipeline.organizations.equipment import equipment_names, is_equipment
from pipeline.organizations.gazetteer import gazetteer_index, load_gazetteer
from pipeline.organizations.kinds import kind_reason, names_a_place_or_event
from pipeline.organizations.names import (
    has_org_head,
    head_word,
    load_terms,
    names_a_document,
    names_a_treaty,
    non_org_reason,
    norm,
)
from pipeline.organizations.spans import (
    ORDINAL_BEFORE,
    Candidate,
    OrgMention,
    clean_candidate,
    is_acronym,
    joined,
    line_around,
    named_start,
    untagged_names,
)
from pipeline.organizations.units import unit_chains


def _definitions(text: str, cands: list[Candidate]) -> tuple[dict[str, tuple[int, int]],
                                                               dict[str, tuple[int, int]]]:
    """Acronyms the text defines for organizations (acronym -> long form), and those it defines for others.

    A definition is an organization's when its long form is not a
    non-organization by the rules and the model, the ruler or the long form's
    head word says it names a body. The text's own definition
    (`Mexican Secretariat of National Defence (SEDENA)`) stands for letters in
    another language's order: an entity that ends right at the bracket.
    """
    terms = load_terms()
    orgs: dict[str, tuple[int, int]] = {}
    others: dict[str, tuple[int, int]] = {}
    # each definition reads the candidates ending near its bracket, not all of them
    by_end = ByKey(cands, lambda c: c.end)
    tagged_spans = Intervals((c.start, c.end) for c in cands)
    exact = {(c.start, c.end) for c in cands}
    for d in acronyms.text_definitions(text):
        short = text[d.short[0]:d.short[1]]
        long = d.long
        if not d.matched and _common_long_form(text[d.long[0]:d.long[1]], short):
            others.setdefault(short, d.long)  # "uncrewed aerial vehicles (UAVs)": a thing, not a body
            continue
        if not d.matched and names_a_document(text, d.short[0], short):
            others.setdefault(short, d.long)  # "Strategic Framework Agreement ... of Iraq (SFA)": a treaty
            continue
        if not d.matched:
            ending = [c for c in by_end.within(long[1] - 3, long[1]) if c.start >= long[0]]
            if not ending:
                continue
            long = (named_start(text, ending[0].start, d.long[0], short[0]), ending[0].end)
            initials = {w[0] for w in text[long[0]:long[1]].split() if w[:1].isupper()}
            # "Norwegian Defence Research Establishment (FFI)": no letter in common, but a body's name
            # right before a bracket that no known body claims is the text's own definition.
            if short[0] not in initials and (not has_org_head(text[long[0]:long[1]])
                                             or norm(short) in gazetteer_index()):
                continue
        else:
            # "Mexican Secretariat ... (SEDENA)": a longer entity ending at the long form keeps its modifiers.
            for c in by_end.within(long[1] - 3, long[1] + 3):
                if c.start < long[0] and long[0] < c.end:
                    long = (c.start, long[1])
        # "Colombian Ministry of National Defence (MDN)": a nationality adjective belongs to the name.
        adjective = re.search(r"([A-Z][\w.-]*)\s+$", text[max(0, long[0] - 30):long[0]])
        if adjective and country_of(adjective.group(1)) and not text[long[0]:long[1]].startswith(
                adjective.group(1)):
            long = (long[0] - len(adjective.group(0)), long[1])
        before, after = line_around(text, *long)
        long_text = text[long[0]:long[1]]
        # "Maritime Forces Atlantic (MARLANT)": a place after a head is the body's modifier
        if non_org_reason(long_text, before, "") or kind_reason(long_text, before, "") or (
                head_word(long_text) in terms["place"] and not has_org_head(long_text)):
            others.setdefault(short, long)
            continue
        tagged = tagged_spans.overlaps_any(long) or d.short in exact
        if tagged or has_org_head(long_text):
            orgs.setdefault(short, long)
    return orgs, others


def _common_long_form(window: str, short: str) -> bool:
    """Do the window's last lowercase words spell the short form: `uncrewed aerial vehicles (UAVs)`?

    Schwartz & Hearst's proper-name extension rejects a lowercase long form for
    a capitalized short form; such a definition names a common thing.
    """
    letters = short[:-1] if short.endswith("s") and short[:-1].isupper() else short
    # "illegal, unreported, and unregulated (IUU)": a listed conjunction spells no letter
    words = [w for w in re.findall(r"[\w’'-]+", window) if w not in ("and", "or")][-len(letters):]
    return (len(letters) >= 2 and len(words) == len(letters) and all(w[:1].islower() for w in words)
            and "".join(w[0] for w in words) == letters.lower())


def _bracket_aliases(text: str, mentions: list[OrgMention]) -> list[OrgMention]:
    """`Mexican Air Force (Fuerza Aérea Mexicana)`: a name in brackets after a body's name is that body.

    Only a name of two words or more, each capitalized or a small word
    (`de`, `la`), that is not an acronym (those are definitions) or a place.
    """
    out = []
    for m in mentions:
        if m.acronym or m.alias:
            continue
        b = _BRACKET_NAME.match(text, m.end)
        if not b or country_of(b.group(1)) or is_acronym(b.group(1)):
            continue
        out.append(OrgMention(b.start(1), b.end(1), b.group(1), m.entry_id, None,
                              short_of=m.short_of or norm(m.text), alias=True))
    return out


_BRACKET_NAME = re.compile(
    r"[ ]?\(((?:[A-ZÀ-Ý][\w’'-]*)"
    r"(?:[ ](?:(?:de|del|la|las|los|el|y|des|du|et|of|the)[ ])*[A-ZÀ-Ý][\w’'-]*)+)\)")


# "Ottawa, Ontario - " [National Defence] " / Canadian Armed Forces": a field of a dateline.
_FIELD_BEFORE = re.compile(r"(?:^|[ ][-–—]|/)[ ]?$")
_FIELD_AFTER = re.compile(r"[ ]?(?:/|$)")


def _context_mentions(text: str, taken: list[tuple[int, int]]) -> list[OrgMention]:
    """`the Alliance`, `successful Alliance`: a context alias standing alone, not inside another name.

    A context alias counts only where its body is named elsewhere in the
    document, unless it stands as a field of its own: the dateline of a
    Canadian defence release (`Ottawa, Ontario - National Defence / Canadian
    Armed Forces`) names the department by its applied title.
    """
    out = []
    taken_spans = Intervals(taken)
    for entry in load_gazetteer():
        for alias in entry.context_aliases:
            for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", text):
                prev = re.search(r"(\S+)\s+$", text[max(0, m.start() - 30):m.start()])
                if prev and prev.group(1)[:1].isupper() and prev.group(1) not in ("The", "Our", "This"):
                    continue  # "Global Alliance": another name
                gov = re.search(r"(\S+)\s+(\S+)\s+$", text[max(0, m.start() - 40):m.start()])
                if gov and gov.group(2) in load_terms()["preposition"] and gov.group(1)[:1].isupper():
                    continue  # "Minister of National Defence", but not "on behalf of National Defence"
                if re.match(r"(?:[ \t]+|\n(?![ \t]*\n))(?:(?:of|for)\s+)?[A-Z]", text[m.end():m.end() + 20]):
                    continue  # "Alliance for Progress", "National Defence Headquarters"
                if taken_spans.overlaps_any((m.start(), m.end())):
                    continue
                before, after = line_around(text, m.start(), m.end())
                field = bool(_FIELD_BEFORE.search(before) and _FIELD_AFTER.match(after))
                out.append(OrgMention(m.start(), m.end(), m.group(), entry.id, None, not field))
    return out


def mentions_in_text(text: str, ents: list[tuple[int, int, str | None]]) -> list[OrgMention]:
    """Organization mentions of a text, given entity spans (start, end, gazetteer id or None).

    The entity spans come from the ruler and the model; everything else here
    reads the text alone, so it can be tested without a model.
    """
    cands = joined([c for s, e, i in ents for c in clean_candidate(Candidate(s, e, i), text)], text)
    defined, not_orgs = _definitions(text, cands)
    index = gazetteer_index()
    kept: list[OrgMention] = []
    for short, (ls, le) in defined.items():
        kept.append(OrgMention(ls, le, text[ls:le], _entry_id(text[ls:le], short), short))
    long_spans = Intervals((m.start, m.end) for m in kept)
    # "National Advanced Surface-to-Air Missile System (NASAMS)": the model's piece of a non-body's long form
    other_spans = Intervals(not_orgs.values())
    equipment = equipment_names(text)
    for c in cands:
        span = text[c.start:c.end]
        if span in not_orgs or span in defined:
            continue  # acronym uses are added below
        if long_spans.overlaps_any((c.start, c.end)):
            continue  # the defined long form replaces what the model cut
        if c.entry_id is None and other_spans.overlaps_any((c.start, c.end)):
            continue
        before, after = line_around(text, c.start, c.end)
        if names_a_treaty(after):
            continue  # "the [United Nations] Framework Convention on Climate Change": the treaty's name
        reason = non_org_reason(span, before, after)
        if reason == "generic words" and norm(span) in index:
            reason = None  # "State Department": common words, but a name the gazetteer knows
        if reason or kind_reason(span, before, after):
            continue
        if len(span.split()) == 2 and span.split()[0] in not_orgs:
            continue  # "MRC Unit" where the text defines "Mid-Range Capability (MRC)": a kind of unit
        entry = c.entry_id or (index[norm(span)].id if norm(span) in index else None)
        if entry is None and is_equipment(span, before, equipment):
            continue  # "Typhons" where the text has "the Typhon launchers"
        if entry is None and norm(span) in place_table() and not has_org_head(span):
            continue  # "Halifax, Nova Scotia - National Defence": a town, not a body
        if entry is None and names_a_place_or_event(span, before, after):
            continue  # "from Laoag airfield", "the port of Tema", "the Lumbas series"
        kept.append(OrgMention(c.start, c.end, span, entry, span if is_acronym(span) else None))
    for short, long in defined.items():
        for s, e in acronyms.find_uses(text, short):
            ordinal = ORDINAL_BEFORE.search(text, max(0, s - 8), s)
            if ordinal:  # "the 4th JTF": a numbered unit of that kind, another body
                kept.append(OrgMention(ordinal.start(), e, text[ordinal.start():e]))
                continue
            kept.append(OrgMention(s, e, short, _entry_id(text[long[0]:long[1]], short), short))
    # "D Battery, 5th Battalion, 3rd Field Artillery Regiment": one body; its pieces go in _dedupe
    kept += [OrgMention(s, e, text[s:e]) for s, e in unit_chains(text)]
    kept = _dedupe(kept + _repeats(text, kept))
    kept = _dedupe(kept + _bracket_aliases(text, kept))
    kept += _context_mentions(text, [(m.start, m.end) for m in kept])
    return sorted(kept, key=lambda m: (m.start, m.end))


def _repeats(text: str, mentions: list[OrgMention]) -> list[OrgMention]:
    """Every other place a found name of two words or more stands in the text (one sense per discourse).

    The model tags a name in one sentence and misses it in the next; the text
    is the same name, so it is the same mention.
    """
    out = []
    seen: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if len(words) < 2 or m.text in seen:
            continue
        seen.add(m.text)
        pattern = r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])"
        for hit in re.finditer(pattern, text):
            out.append(OrgMention(hit.start(), hit.end(), hit.group(), m.entry_id, m.acronym,
                                  short_of=m.short_of))
    return out


def _entry_id(long_text: str, short: str) -> str | None:
    """The gazetteer entry a defined pair names: by its long form only.

    The text's own definition beats an acronym lookup: `CSIS` is the Canadian
    Security Intelligence Service only where the text does not define it as
    the Center for Strategic and International Studies.
    """
    entry = gazetteer_index().get(norm(long_text))
    return entry.id if entry else None


def _dedupe(mentions: list[OrgMention]) -> list[OrgMention]:
    """One mention a span; a span inside a longer one goes (`CIA` in `CIA National Clandestine Service`)."""
    by_span: dict[tuple[int, int], OrgMention] = {}
    for m in mentions:
        prev = by_span.get((m.start, m.end))
        if prev is None or (m.acronym and not prev.acronym) or (m.entry_id and not prev.entry_id) or (
                m.alias and not (prev.acronym or prev.entry_id)):  # "(Fuerza Aérea Mexicana)": the alias
            by_span[(m.start, m.end)] = m
    out = []
    reach = -1  # the furthest end of a span that starts at or before this one
    for s in sorted(by_span, key=lambda s: (s[0], -s[1])):
        if s[1] <= reach:
            continue
        reach = s[1]
        out.append(by_span[s])
    return out


# ---------------------------------------------------------------- spaCy glue


# Labels the model gives some bodies: a name with an organization head is one whatever its label.
_OTHER_LABELS = frozenset({"FAC", "GPE", "LOC", "PERSON", "NORP"})


def find_mentions(chunk: Chunk) -> list[OrgMention]:
    """Organization mentions of a chunk: its ORG entities (ruler and model) and what the text adds."""
    terms = load_terms()
    doc, text = chunk.doc, chunk.text
    surnames = {ent[-1].text for ent in chunk.ents if ent.label_ == "PERSON" and len(ent) > 1}
    people = {ent.text for ent in chunk.ents if ent.label_ == "PERSON" and len(ent) > 1}
    ents = []
    for ent in chunk.ents:
        if ent.label_ == "ORG":
            if len(ent) == 1 and not ent.ent_id_ and _lone_word_is_no_body(ent[0], surnames):
                continue
            if not ent.ent_id_ and ent.text in people and not has_org_head(ent.text):
                continue  # "Ahsan Iqbal the Federal Minister": a name the model also tagged as a person
            ents.append((ent.start_char, ent.end_char, ent.ent_id_ or None))
        elif ent.label_ in _OTHER_LABELS and len(ent) > 1 and head_word(ent.text) in terms["org_head"]:
            ents.append((ent.start_char, ent.end_char, None))  # FAC "the Stennis Center for Public Service"
        elif (ent.label_ in ("NORP", "PERSON", "GPE", "PRODUCT") and not country_of(ent.text)
              and _appositive_org(text, ent.end_char)):
            ents.append((ent.start_char, ent.end_char, None))  # "Symantec, the largest ... firm"
    # a nationality the model tagged alone is part of a name it missed: "1st [Canadian] Ranger Patrol Group"
    taken = [(ent.start_char, ent.end_char) for ent in chunk.ents if ent.label_ != "NORP"]
    ents += [(s, e, None) for s, e in untagged_names(text, taken)]
    ents += [(s, e, None) for s, e in cued_names(text)]  # "NGO Coral Watch", "Fundación Arrecife"
    # "Halvorsen Marine Inc said": a company the model left untagged (not "Rival [Embraer SA]")
    taken_spans = Intervals(taken)
    ents += [(s, e, None) for s, e in companies(text) if not taken_spans.overlaps_any((s, e))]
    mentions = mentions_in_text(text, ents)
    return sorted(mentions + _short_names(doc, text, mentions), key=lambda m: (m.start, m.end))


def _lone_word_is_no_body(tok, surnames: set[str]) -> bool:
    """A one-word ORG that is a person's surname (`Reyes was a staff member` after `Thomas Reyes`)
    or an adjective before a common noun (`Indigenous partners`)."""
    if tok.text in surnames:
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "ADJ" and nxt is not None and nxt.text[:1].islower()


def _short_names(doc: Doc, text: str, mentions: list[OrgMention]) -> list[OrgMention]:
    """`at Berklee` after `Berklee College of Music`: a body's distinctive first word, standing alone.

    Only a first word that no rule list knows (not `National`, `Defense`,
    `Canadian`), used as a proper noun in mid-sentence, not next to another
    capitalized word.
    """
    terms = load_terms()
    common = frozenset().union(*terms.values())
    firsts: dict[str, str] = {}
    for m in mentions:
        words = m.text.split()
        if (m.entry_id is None and not m.acronym and len(words) > 1 and has_org_head(m.text)
                and words[0].isalpha() and words[0].istitle() and len(words[0]) > 3
                and words[0] not in common and country_of(words[0]) is None and not countries_in(words[0])):
            firsts.setdefault(words[0], norm(m.text))
    if not firsts:
        return []
    taken = Intervals((m.start, m.end) for m in mentions)
    out = []
    for word, full in firsts.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            span = doc.char_span(hit.start(), hit.end())
            if span is None or len(span) != 1 or taken.overlaps_any((hit.start(), hit.end())):
                continue
            tok = span[0]
            if tok.pos_ != "PROPN" or tok.is_sent_start:
                continue
            neighbours = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
            if not any(t.text[:1].isupper() for t in neighbours):
                out.append(OrgMention(hit.start(), hit.end(), word, short_of=full))
    return out


_APPOSITIVE = re.compile(r",\s+(?:the|a|an)\s+((?:[\w.’'-]+\s+){0,3}[a-z][\w-]*)")


def _appositive_org(text: str, end: int) -> bool:
    """Is the entity followed by an appositive that calls it a firm, company, agency ...?"""
    m = _APPOSITIVE.match(text, end)
    return bool(m) and any(w in load_terms()["appositive"] for w in m.group(1).split())
