"""Dates: temporal expressions found in a Doc, normalized to TIMEX3 and anchored on the DCT.

Detection is the grammar's rules (grammar.py) over the Doc's text plus the
model's DATE/TIME entities for what the rules do not cover; normalization is
normalize.py. This module holds the decisions that need the sentence around an
expression: its extent among overlapping candidates (the longest that
normalizes wins), the signal before it (`since 2004`: extent `2004`, signal
`since`; links.py), the tense of the verb that governs it (which way a bare `June` or
`Tuesday` goes from the DCT), and the rejection of numbers that count or name
things (`1500 troops`, `Resolution 1325`, `in his 70s`). What links one
expression to another (anaphors, ranges) is links.py.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from pipeline.dates.extents import widen
from pipeline.dates.grammar import anchors, extent, fragments, rules, timex_lexicon
from pipeline.dates.links import (
    RANGE_WORDS,
    Timex,
    join_ranges,
    resolve_anaphors,
    signal_before,
    split_day_spans,
)
from pipeline.dates.normalize import Norm, normalize_as, parse_calendar
from pipeline.nlp import Chunk
from pipeline.rules import Rules, per_rules

# Model entities that make a number a count, an amount or a name, never a year.
_NOT_TIME_LABELS = frozenset({"MONEY", "QUANTITY", "PERCENT", "PRODUCT", "LAW", "ORG", "FAC",
                              "WORK_OF_ART", "ORDINAL"})
# A bare four-digit year ("2006"): the shape that may be a count or part of a name instead.
_BARE_YEAR = re.compile(r"(?:1[1-9]|20|21)\d\d")
# "the fall of Saigon", "the winter of discontent": what follows makes the season word an event
# (not "the summer of that year")
_EVENT_OF = re.compile(r"(?<!\s)\s+of\s+(?!(?:that|this|the\s+(?:same|following|next|previous))\b|\d)")
# Characters scanned on each side of an anchor word (see _windows).
_MARGIN = 48


@per_rules
def _future_heads(_: Rules) -> frozenset[str]:
    return frozenset(timex_lexicon().forms("future_head"))


def trim_entity(start: int, end: int, text: str) -> tuple[int, int]:
    """A model entity without its governing preposition and trailing space or line: `in May 2011`."""
    line_end = text.find("\n", start, end)
    if line_end != -1:
        end = line_end
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:"):
        end -= 1
    m = re.match(rf"(?:{fragments()['SIGNAL']})\s+", text[start:end], re.I)
    return (start + m.end(), end) if m else (start, end)


def _noun_tense(tok: Token) -> str | None:
    """`the upcoming Summit`, `the planned visit`, `the recent talks`: the time a noun's modifier gives it."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound") and child.i < tok.i:
            found = timex_lexicon().value("tense_modifier", child.lower_)
            if found:
                return found
    return None


def tense_of(span: Span) -> str:
    """Tense of the verb that governs an expression: past, future, present or '' (no verb).

    A noun on the way up that says when it happens decides first: `discussed
    the upcoming Summit on July 11` is a future July.
    """
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN"):
            said = _noun_tense(tok)
            if said:
                return said
    if tok.pos_ not in ("VERB", "AUX"):
        return ""
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(timex_lexicon().value("future_aux", a.lower_) for a in auxes):
        return "future"
    # "is scheduled for Wednesday", "is going to open in June"
    if tok.lemma_ in _future_heads() or (tok.dep_ == "xcomp" and tok.head.lemma_ in _future_heads()):
        return "future"
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    return "present"


def _counts_something(doc: Doc, span: Span, year: int, dct: date | None, signal: str | None) -> bool:
    """`1500 troops`, `$2030`, `Resolution 1325`, `UNSCR 1325`: a 4-digit number that is not a year."""
    tok = span[0]
    if tok.ent_type_ in _NOT_TIME_LABELS:
        return True
    if tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i == tok.i + 1:
        # "the 2008 elections", "its 1990 results": a year after a determiner dates the things
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if (tok.ent_type_ == "DATE" and prev is not None
                and (prev.lower_ == "the" or prev.tag_ in ("PRP$", "POS"))):
            return False
        return timex_lexicon().value("unit", tok.head.text) is None
    # far from any year the text could mean, and no "in"/"since" before it: a number
    # (the token may hold more than the year: "2014–2020" is one token)
    far = abs(year - (dct.year if dct else 2000)) > 150
    # ... unless the model reads it as a date: "the war of 1812", "1789 was a year of revolution"
    named = tok.i > 0 and (doc[tok.i - 1].pos_ == "PROPN" or doc[tok.i - 1].is_upper)  # "UNSCR 1325"
    if tok.i > 0 and timex_lexicon().value("number_designator", doc[tok.i - 1].text) is not None:
        return True  # "H.R. 2012": a bill's or an item's number
    if far and signal is None and (named or tok.ent_type_ != "DATE" or year > (dct.year if dct else 2000)):
        return True
    # "Russel 2000 Index", "Resolution 1325" are names; "Developers Conference 2010" is an edition
    if not (tok.i > 0 and doc[tok.i - 1].is_title and _after_name(doc, span)):
        return False
    following = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    continues = following is not None and following.is_title and following.pos_ == "PROPN"
    return continues or far


def _named_day(doc: Doc, span: Span) -> bool:
    """`Black Monday`, `Super Tuesday`: a title-case word that modifies the weekday names a day."""
    tok = span[0]
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return bool(prev is not None and prev.head.i == span.root.i and prev.dep_ in ("compound", "amod")
                and _after_name(doc, span))


def _inside_place_name(doc: Doc, span: Span) -> bool:
    """`Christmas Island`, `Canada Day Parade Committee`: a holiday's name inside a longer name."""
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.ent_iob_ == "I" and nxt.ent_type_ in ("GPE", "LOC", "FAC", "ORG")


def _after_name(doc: Doc, span: Span) -> bool:
    """`Resolution 1325`, `Russel 2000`, `iLife '11`, `Black Monday`: part of a name, not a date."""
    i = span[0].i - 1
    while i >= 0 and doc[i].is_punct and doc[i].text in "'’":
        i -= 1
    if i < 0:
        return False
    prev = doc[i]
    if prev.is_sent_start or not (prev.is_title or prev.pos_ == "PROPN") or not prev.is_alpha:
        return False
    lex = timex_lexicon()
    return all(lex.value(kind, prev.text) is None
               for kind in ("month", "season", "weekday", "signal", "relative", "date_mod", "fiscal"))


def _describes_state(span: Span) -> bool:
    """`the formerly state-owned company`, `the aluminium previously used`, `a design currently
    under development`, `X, formerly an Apple executive`, `the stake it currently holds`: an adverb
    inside a noun phrase (or its relative clause) describes what a thing was or is, not when a
    clause's event happens (`McCord previously served`)."""
    tok = span[0]
    if len(span) != 1 or tok.dep_ != "advmod" or timex_lexicon().value("state_ref", tok.text) is None:
        return False
    head = tok.head
    # "the stake that the government currently owns": a relative clause says what the thing is
    return head.dep_ in ("amod", "acl", "appos", "relcl") or head.pos_ in ("NOUN", "PROPN", "ADP")


def _lacks_the(full: str, start: int, text: str) -> bool:
    """`under the current circumstances` is now; `its five current models`, `the nation's current
    fleet` name which things, not a time: the adjective is a date only right after `the`."""
    if timex_lexicon().value("ref_after_the", text) is None:
        return False
    return re.search(r"\bthe\s+$", full[max(0, start - 8):start], re.IGNORECASE) is None


def _not_attributive(span: Span) -> bool:
    """`future wars`, `in future`: the adjective dates what it qualifies; `the Future Forces Office` (a
    name) and `a bright future` (a noun, its own `the future` row aside) are no time."""
    tok = span[-1]
    if timex_lexicon().value("ref_attributive", tok.text) is None:
        return False
    if not tok.is_lower and not tok.is_sent_start:
        return True  # "the Future" inside a name, whatever its row
    after_in = tok.i > 0 and tok.doc[tok.i - 1].lower_ == "in"
    return len(span) == 1 and not (tok.dep_ == "amod" or tok.pos_ == "ADJ" or after_in)


def _compares(doc: Doc, span: Span) -> bool:
    """`three days later than originally planned`: a comparison of two times, not a reference; `its
    most recent model`: a degree of the adjective picks which thing, it dates nothing."""
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and timex_lexicon().value("not_ref_before", nxt.text) is not None:
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    return (prev is not None and span[0].pos_ == "ADJ"
            and timex_lexicon().value("not_ref_after", prev.text) is not None)


def _names_one(full: str, text: str, end: int) -> bool:
    """`not a day anybody could be ready for`, `a day when ...`: one unit that a clause describes is a
    day or a year named, no duration."""
    if not re.fullmatch(r"an?\s+\w+", text):
        return False
    m = re.match(r"\s+([\w']+(?:\s+one)?)", full[end:end + 24])
    return m is not None and timex_lexicon().value("not_count_after", m.group(1)) is not None


def _needs_signal(rule: str, text: str) -> bool:
    """A bare `May`, `March` or `fall` is a date only after a signal or a modifier."""
    if rule == "month":
        return timex_lexicon().is_ambiguous("month", text)
    if rule == "season":
        return len(text.split()) == 1
    return False


_WORD_REST = re.compile(r"\w*")


def _anchor_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per anchor kind, the stretches of text around its anchor words, within their line.

    A shape only matches where one of its anchor words is (a unit in a
    duration, a digit in a year), so scanning these windows finds what a scan
    of the whole text finds, at a fraction of the cost. The margin is wider
    than any modifier before or after an anchor ("the beginning of the").
    """
    regex, kinds_of = anchors()
    out: dict[str, list[tuple[int, int]]] = {}
    for m in regex.finditer(text):
        word = m.group(0)
        if word[0].isdigit():
            # a year has four digits ("2006") or two after an apostrophe or a letter ("'82", "FY22")
            before = text[m.start() - 1:m.start()]
            year = len(word) == 4 or (len(word) == 2 and (before in ("'", "’") or before.isalpha()))
            kinds: tuple[str, ...] | frozenset[str] = ("number", "year_number") if year else ("number",)
        else:
            kinds = kinds_of.get(word.lower().replace("’", "'"), ())
        lo = max(text.rfind("\n", 0, m.start()) + 1, m.start() - _MARGIN)
        line_end = text.find("\n", m.end())
        hi = min(len(text) if line_end == -1 else line_end, m.end() + _MARGIN)
        # to the end of the word the margin cut: a pattern's lookahead sees nothing past a window, so
        # "June"'s window ending in "Mar|iana" would match the month "Mar"
        hi = _WORD_REST.match(text, hi).end()
        for kind in kinds:
            spans = out.setdefault(kind, [])
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
            else:
                spans.append((lo, hi))
    return out


def _candidates(text: str) -> list[tuple[int, int, int]]:
    """Every rule match as (start, end, rule index), longest first, earlier rule first on ties."""
    windows = _anchor_windows(text)
    found = set()
    for i, rule in enumerate(rules()):
        spans = sorted({w for kind in rule.anchored_on for w in windows.get(kind, ())})
        for lo, hi in spans:
            for m in rule.regex.finditer(text, lo, hi):
                s, e = extent(m)
                if e > s:
                    found.add((s, e, i))
    return sorted(found, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))


def _accept(doc: Doc, full: str, rule: str, s: int, e: int, dct: date | None) -> tuple[Norm, str] | None:
    """The normalized expression at s:e and the tense around it, or None when the context rejects it."""
    text = full[s:e]
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    signal = signal_before(full, s)
    if rule == "year" and _BARE_YEAR.fullmatch(text) and _counts_something(doc, span, int(text), dct, signal):
        return None
    if rule == "year" and text[:1] in "'’" and _after_name(doc, span):
        return None
    if rule == "weekday" and _named_day(doc, span):
        return None
    if rule == "holiday" and _inside_place_name(doc, span):
        return None
    if rule == "decade" and span[0].i > 0 and doc[span[0].i - 1].tag_ == "PRP$":
        return None  # "in his 70s": an age
    if _needs_signal(rule, text) and not (_licenses_bare(doc, span, full, s)
                                          or rule == "season" and _season_dates(doc, span)):
        return None
    if rule == "season" and _EVENT_OF.match(full, e):
        return None  # "the fall of Saigon": an event, no season
    if rule == "ref" and (_describes_state(span) or _lacks_the(full, s, text) or _compares(doc, span)
                          or _not_attributive(span)):
        return None
    if rule == "duration" and _names_one(full, text, e):
        return None
    if _idiom_object(span):
        return None  # "Mirabeau carried the day": an idiom, no day
    if rule in ("duration", "vague") and _quarters_not_time(full, s, e):
        return None  # "three quarters of the troops", "argued in some quarters": a share, a place
    # "since November": the signal itself says the time is past
    tense = "past" if signal and timex_lexicon().value("past_signal", signal) else tense_of(span)
    norm = normalize_as(rule, text, dct, tense)
    return (norm, tense) if norm is not None else None


def _idiom_object(span: Span) -> bool:
    """`carried the day`, `won the day`, `saved the day`: `the day` as an idiom verb's object (data)."""
    root = span.root
    return (span.text.lower().split() == ["the", "day"] and root.dep_ == "dobj"
            and timex_lexicon().value("idiom_verb", root.head.lemma_) is not None)


def _word_before(text: str, start: int, reach: int) -> str | None:
    """The word right before `start` (and a blank), looked for within `reach` characters."""
    m = re.search(r"(\w+)\s+$", text[max(0, start - reach):start])
    return m.group(1) if m else None


_WORD_BREAK = re.compile(r"([\s-]+)")
# "of the Axis troops", "of its territory": a share of a definite whole ("two quarters of negative
# growth" is a time)
_OF_WHOLE = re.compile(r"(?<!\s)\s+of\s+(?P<det>(?:the|a|an|this|that|these|those|its|their|his|her|our)\s+)?"
                       r"(?P<what>[\w'’-]+)", re.IGNORECASE)


def _quarters_not_time(full: str, start: int, end: int) -> bool:
    """`three quarters of the Axis troops`, `three-quarters of the capital` are shares and `in some
    quarters` a place: `quarters` of a definite whole or a year are a share or a time of that year
    (`three quarters of 2008`), of a bare noun a time (`two quarters of negative growth`)."""
    words = _WORD_BREAK.split(full[start:end])  # words and the breaks between them
    if len(words) < 3 or words[-1].lower() != "quarters":
        return False
    count, dash = words[-3], words[-2]
    of = _OF_WHOLE.match(full, end)
    if of is not None:
        what = of.group("what")
        timely = what[:1].isdigit() or timex_lexicon().value("unit", what) is not None
        return not timely and (of.group("det") is not None or dash == "-")
    counted = count[:1].isdigit() or timex_lexicon().value("number", count) is not None
    before = _word_before(full, start, 12)
    return not counted and before is not None and before.lower() in ("in", "from")


@per_rules
def _opens_month_range(_: Rules) -> re.Pattern:
    return re.compile(rf"[-–]{fragments()['MONTH']}\b")


@per_rules
def _closes_month_range(_: Rules) -> re.Pattern:
    return re.compile(rf"\b{fragments()['MONTH']}(?:\s+(?:{RANGE_WORDS})\s+|[-–])$")


def _licenses_bare(doc: Doc, span: Span, text: str, start: int) -> bool:
    """`in March`, `during the fall`, `their Autumn meetings`: what makes a bare month or season a date.

    A licensing word (data) or a possessive right before it; not `to fall` (a verb), `a fall in
    sales` (a noun) or `the fall of Rome` (an event).
    """
    if re.match(r"\s+of\b", text[span.end_char:span.end_char + 4]):
        return False
    lex = timex_lexicon()
    word = _word_before(text, start, 16)
    if word and lex.value("bare_date_signal", word) is not None:
        return True
    if (_opens_month_range().match(text, span.end_char)
            or _closes_month_range().search(text[max(0, start - 24):start])):
        return True  # "(May-August 1950)", "from October to March": an end of a range of months
    determined = (word is not None and lex.value("bare_date_determiner", word) is not None
                  or span[0].i > 0 and doc[span[0].i - 1].tag_ in ("PRP$", "POS"))
    if not determined:
        return False
    # a month after `the` or a possessive dates the noun after it (`the March elections`, `their May
    # visit`); with no noun after, it is a noun itself: `along the March.`, `Women's March on Versailles`
    nxt = doc[span.end] if span.end < len(doc) else None
    return lex.value("month", span[-1].text) is None or (nxt is not None and nxt.pos_ in ("NOUN", "PROPN"))


def _season_dates(doc: Doc, span: Span) -> bool:
    """`their summer offensive`, `winter quarters`, `spring shows signs of hope`, `the fall and winter`:
    an unambiguous season word that dates the noun after it (data), that is a clause's subject, or
    that is joined to a season before it. Not `fall` (a verb, a drop), not a person (`Summer said`)."""
    tok = span[0]
    if len(span) != 1 or timex_lexicon().is_ambiguous("season", tok.text) or tok.ent_type_ == "PERSON":
        return False
    lex = timex_lexicon()
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and lex.value("season_head", nxt.text) is not None:
        return True
    if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and tok.is_lower:
        return True
    before = doc[tok.i - 2:tok.i] if tok.i >= 2 else None
    return (before is not None and before[1].lower_ in ("and", "or")
            and lex.value("season", before[0].text) is not None)


def _model_candidates(
    chunk: Chunk, dct: date | None, taken: bytearray
) -> list[tuple[int, int, Norm, str, str]]:
    """Model DATE/TIME entities the rules left alone, when dateparser reads a calendar date in them."""
    out = []
    doc, full = chunk.doc, chunk.text
    month = re.compile(fragments()["MONTH"])
    for ent in chunk.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = trim_entity(ent.start_char, ent.end_char, full)
        if e <= s or taken.find(1, s, e) != -1:
            continue
        text = full[s:e]
        shape = next((r.name for r in rules() if r.regex.fullmatch(text)), None)
        accepted = _accept(doc, full, shape, s, e, dct) if shape else None
        if accepted is not None:
            out.append((s, e, accepted[0], shape or "", accepted[1]))
            continue
        norm = None
        if shape is None and (month.search(text) and re.search(r"\b\d{4}\b", text)):
            parsed = parse_calendar(" ".join(text.split()), dct)
            if parsed is not None and parsed[1] in ("day", "month", "year"):
                d, period = parsed
                value = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(
                    period, d.isoformat())
                norm = Norm("DATE", value, period, None, "text")
        if norm is not None:
            out.append((s, e, norm, "", ""))
    return out


def find_dates(chunk: Chunk, dct: date | None) -> list[Timex]:
    """Temporal expressions of a chunk with TIMEX3 type, value, granularity, mod and signal."""
    doc, text = chunk.doc, chunk.text
    chosen: list[tuple[int, int, Norm, str, str]] = []  # (start, end, norm, rule, tense)
    taken = bytearray(len(text))  # 1 under every expression chosen so far
    names = [r.name for r in rules()]
    for s, e, i in _candidates(text):
        if taken.find(1, s, e) != -1:
            continue
        accepted = _accept(doc, text, names[i], s, e, dct)
        if accepted is not None:
            chosen.append((s, e, accepted[0], names[i], accepted[1]))
            taken[s:e] = b"\x01" * (e - s)
    chosen.extend(_model_candidates(chunk, dct, taken))
    chosen.sort(key=lambda c: c[0])
    found = [
        Timex(s, e, text[s:e], n.type, n.value, n.granularity, n.mod, n.anchor, signal_before(text, s),
              rule, tense)
        for s, e, n, rule, tense in chosen
    ]
    return widen(split_day_spans(join_ranges(resolve_anaphors(found, dct, text), text)), text)
