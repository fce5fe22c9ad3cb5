"""The temporal-expression grammar: word lists from data, regexes built from them once.

Every list (month and season words, units, number words, modifiers, signals,
reference words) lives in `data/timex_words.jsonl`; this module only turns it
into lookup tables and one compiled regex per expression shape (`rules()`). Each
rule's named group `x` is the extent (TIMEX3: no governing preposition, with
its modifiers and determiner). The regexes are linear: alternations of
literal words separated by single `\\s+`, never a quantified group over a
class that overlaps its neighbour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.errors import PatternError
from pipeline.rules import Rules, per_rules


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    forms: tuple[str, ...]
    value: str
    example: str
    ambiguous: bool = False


class Lexicon:
    """Entries by kind, and a lowercase form -> value table per kind (built once)."""

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        self.entries = entries
        self._tables: dict[str, dict[str, str]] = {}
        self._ambiguous: set[tuple[str, str]] = set()
        for e in entries:
            for f in e.forms:
                self._tables.setdefault(e.kind, {})[_key(f)] = e.value
                if e.ambiguous:
                    self._ambiguous.add((e.kind, _key(f)))

    def of(self, kind: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)

    def forms(self, kind: str) -> tuple[str, ...]:
        return tuple(f for e in self.of(kind) for f in e.forms)

    def value(self, kind: str, form: str) -> str | None:
        return self._tables.get(kind, {}).get(_key(form))

    def is_ambiguous(self, kind: str, form: str) -> bool:
        return (kind, _key(form)) in self._ambiguous


def _key(form: str) -> str:
    return " ".join(form.lower().replace("’", "'").split())


@per_rules
def timex_lexicon(rules: Rules) -> Lexicon:
    """The word lists of the active rules (`data/timex_words.jsonl`), as lookup tables."""
    return Lexicon(tuple(Entry(r.id, r.kind, r.forms, r.value, r.example, r.ambiguous)
                         for r in rules.timex_words))


def alt(forms: tuple[str, ...] | list[str], case_sensitive: bool = False) -> str:
    """A non-capturing alternation of literal forms, longest first; spaces match any whitespace.

    It is written as a trie (`ye(?:ars?|sterday)`), not as a flat list of words: a
    flat alternation of two hundred words is tried word by word at every position
    of the text, a trie rejects a position on its first character. It matches what
    the flat longest-first alternation matches: where several forms fit, each a
    prefix of the next, the trie's greedy branches try the longest first too.
    Case-insensitive forms are folded to lower case, and the group says `(?i:`.
    """
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for ch in form if case_sensitive else form.lower():
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here
    return f"(?-i:{_trie_regex(trie)})" if case_sensitive else f"(?i:{_trie_regex(trie)})"


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _trie_regex(node[ch]) for ch in sorted(node) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True)
class Rule:
    """One expression shape, scanned only near the anchor words of the kinds it contains."""

    name: str
    regex: re.Pattern
    anchored_on: tuple[str, ...]


@per_rules
def fragments(_: Rules) -> dict[str, str]:
    """Named regex pieces shared by the rules (also used by the normalizer to read parts)."""
    lex = timex_lexicon()
    month = alt(lex.forms("month"), case_sensitive=True)
    weekday = alt(lex.forms("weekday"), case_sensitive=True)
    words = [f for f in lex.forms("number") if f.lower() not in ("a", "an")]
    tens = alt([e.forms[0] for e in lex.of("number") if e.value.isdigit() and int(e.value) >= 20])
    ones = alt([e.forms[0] for e in lex.of("number") if e.value.isdigit() and 0 < int(e.value) < 10])
    num = rf"(?:\d+(?:\.\d+)?|{tens}-{ones}|{alt(words)})(?:\s+and\s+a\s+half)?"
    unit = alt(lex.forms("unit"))
    daynum = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    return {
        "MONTH": month,
        "WEEKDAY": weekday,
        "SEASON": alt(lex.forms("season")),
        "DAYNUM": daynum,
        # a span of days in one month stands as one expression: "January 9-10" (but TimeML splits
        # "from June 10 to 12" into two)
        "DAYS": rf"{daynum}(?:\s*[-–]\s*{daynum})?",
        # a month dated by the DCT's year: "June last year", "1 December of this year"
        "YEARREL": r",?\s+(?:of\s+)?(?:this|last|next)\s+year",
        "YEAR4": r"(?<![\w$£€#.,/])(?-i:(?<![A-Z]-))(?:1[1-9]|20|21)\d\d(?![\w%]|[.,/]\d)",
        "NUM": num,
        "VAGUE": alt(lex.forms("vague")),
        "UNIT": unit,
        "UNITS": alt([f for f in lex.forms("unit") if f.endswith("s")]),
        "DURADJ": alt(lex.forms("duration_adj")),
        "DURMOD": alt(lex.forms("duration_mod")),
        "DATEMOD": alt(lex.forms("date_mod")),
        "RELDET": alt(lex.forms("relative")),
        "SPANDET": alt(lex.forms("span_det")),
        "ORD": alt(lex.forms("ordinal")),
        "CENTORD": alt(lex.forms("century_ordinal")),
        "FISCAL": alt(lex.forms("fiscal"), case_sensitive=False),
        "REF": alt(lex.forms("ref")),
        "DAYWORD": alt(lex.forms("day_word")),
        "DAYPART": alt(lex.forms("day_part")),
        "SET": alt(lex.forms("set")),
        "SIGNAL": alt(lex.forms("signal")),
        "ZONE": alt(lex.forms("time_zone"), case_sensitive=True),
        "DURSIGNAL": alt(lex.forms("duration_signal")),
        "LIMITER": alt(lex.forms("duration_limiter")),
        "RATEWORD": alt(lex.forms("rate_word")),
        "NOTANAPHOR": alt(lex.forms("not_anaphor_after")),
        "DAYSHIFT": alt(lex.forms("day_shift_after")),
        "NOTDURATION": alt(lex.forms("not_duration_after")),
        "HOLIDAY": alt(lex.forms("holiday"), case_sensitive=True),
        "FREQ": alt(lex.forms("frequency")),
        "OCCASION": alt(lex.forms("occasion")),
        "YEARBEFORE": alt(lex.forms("year_before")),
        "YEARSHIFT": alt(lex.forms("year_shift")),
        # "two years before" ends its clause; "two years before the war" counts from an event
        "SHIFTEND": r"(?!\s+than\b)(?:(?<!before)(?<!after)|(?=\s*(?:[,.;:)]|$)))",
        "ERABC": alt(lex.forms("era_bc"), case_sensitive=True),
        "NOTSHIFT": alt(lex.forms("not_year_shift_after")),
        "CLOCKWORD": alt(lex.forms("clock_word")),
        "CLOCKSUFFIX": alt(lex.forms("clock_suffix")),
        "SAMENOUN": alt(lex.forms("same_period")),
        "YEARBACK": alt(lex.forms("year_back")),
        "INMOD": alt(lex.forms("in_period_mod")),
        "STREAKADJ": alt(lex.forms("streak_adj")),
        "STREAKUNIT": alt(lex.forms("streak_unit")),
        "SUPERLATIVE": alt(lex.forms("superlative")),
        "PERIODANAPHOR": alt(lex.forms("period_anaphor")),
        "DAYPARTHEAD": alt(lex.forms("day_part_head")),
    }


# Each shape: (rule name, pattern with {FRAGMENTS}); on equal extents the earlier rule wins.
_SHAPES: tuple[tuple[str, str], ...] = (
    # "Saturday, April 26, 2014", "January 9-10, 2023", "11 December 2009", "3–4 May 2021"
    ("calendar", r"(?P<x>(?:{WEEKDAY},?\s+)?"
                 r"(?:{MONTH}\s+{DAYS},?\s+{YEAR4}"
                 r"|{DAYS}\s+(?:of\s+)?{MONTH},?\s+{YEAR4}))"),
    # "7/8/07", "2014-04-24"
    ("numeric", r"(?<![\d/.-])(?P<x>\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d\d)"
                r"|(?:19|20)\d\d-[01]\d-[0-3]\d)(?![\d/])"),
    # "June 14", "April 2nd", "11 December", "June 10-12" (the year comes from the DCT and the tense)
    ("month_day", r"(?P<x>(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+{DAYS}"
                  r"|(?:the\s+(?=\d{{1,2}}\w*\s+of\s))?{DAYS}\s+(?:of\s+)?{MONTH})(?:{YEARREL})?)"
                  r"(?!\s*,?\s*\d)"),
    # "May 2011", "early December 2013"
    ("month_year", r"(?P<x>(?:{DATEMOD}[\s-]+)?{MONTH},?\s+(?:of\s+)?{YEAR4})"),
    # "June", "early June", "last September"
    # ("August-September 1950": the first month of a range, its year from the second)
    ("month", r"(?P<x>(?:{DATEMOD}[\s-]+)?(?:{RELDET}\s+)?{MONTH}"
              r"(?:{YEARREL})?)(?!\w|-(?!{MONTH}\b))"),
    # "the 20th century", "the twenty-first century"
    ("century", r"(?P<x>(?:the\s+)?(?:{DATEMOD}[\s-]+)?"
                r"(?:\d{{1,2}}(?:st|nd|rd|th)|{CENTORD})[\s-]+century)\b"),
    # "490 BC", "146 B.C.", "April 480 BC", "the spring of 480 BC", "the 5th century BC", "the 470s BC"
    ("bc", r"(?P<x>(?:{DATEMOD}[\s-]+)?(?:(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{CENTORD})[\s-]+century"
           r"|(?:the\s+)?\d{{1,3}}0s"
           r"|(?:(?:the\s+)?{SEASON}\s+(?:of\s+)?|{MONTH}\s+(?:{DAYNUM},?\s+)?|{DAYNUM}\s+{MONTH},?\s+)?"
           r"(?<![\d,.])\d{{1,4}})\s*{ERABC})(?!\w)"),
    # "the 1990s", "the '70s", "mid-1990s", "80s"
    # ("1990's first quarter" is a year's: the apostrophe form needs "the" or a modifier)
    ("decade", r"(?P<x>(?:the\s+)?(?:{DATEMOD}[\s-]+)?"
               r"(?:(?<!\d)(?:1[1-9]|20)\d0|['’]\d0|(?<![\d'’])[1-9]0)s"
               r"|(?:the\s+|{DATEMOD}[\s-]+)(?:{DATEMOD}[\s-]+)?(?:1[1-9]|20)\d0['’]s)\b"),
    # "the first quarter of 2009", "third-quarter", "the second half of the year", "Q1 2013",
    # "1990's first quarter", "Q2", "the end of the third quarter"
    ("quarter", r"(?P<x>(?:{DATEMOD}\s+)?(?:(?:the\s+)?{ORD}[\s-]+(?:fiscal\s+)?(?:quarter|half)"
                r"(?:\s+of\s+(?:{YEAR4}|(?:this|last|next|the)\s+year|the\s+(?:current|previous)\s+year))?"
                r"|(?-i:Q)[1-4](?:\s+{YEAR4})?|{YEAR4}['’]s\s+{ORD}[\s-]+(?:fiscal\s+)?(?:quarter|half)))\b"),
    # "this summer", "the summer of 2012", "Autumn", "the winter of 2022-2023" (the year it starts in)
    # "the 1982 summer offensive": a year before the season dates it too
    ("season", r"(?P<x>(?:{DATEMOD}[\s-]+)?(?:(?:{RELDET}|the)\s+)?"
               r"(?:(?:(?<=\bthe\s)|(?<=\bits\s)|(?<=\btheir\s)|(?<=\ba\s)){YEAR4}\s+)?{SEASON}"
               r"(?:\s+(?:of\s+)?{YEAR4}(?:[-–/](?:(?:19|20)\d\d|\d\d)(?![\d-]))?)?)\b"),
    # "FY 2008", "2006", "mid-2013", "'82", "fiscal year 2024-25", "the 2021-22 Plan", "the 2019-2020
    # fiscal year" (a split year is named by the year it starts in; a bare "1915-17" is a range)
    ("year", r"(?P<x>(?:{DATEMOD}[\s-]+)?(?:{FISCAL}\s*['’]?(?:(?:19|20)\d\d|\d\d)"
             r"(?:[-–/](?:(?:19|20)\d\d|\d\d))?\b"
             r"|(?:the\s+)?{YEAR4}[-–](?:(?:19|20)\d\d|\d\d)\s+(?:fiscal|financial|budget)\s+year\b"
             r"|{YEAR4}[-–]\d\d(?=\s+(?-i:[A-Z])|\s+(?:fiscal|financial|budget|season)\b)"
             r"|(?<![\w$£€#.,/])(?:19|20)\d\d/\d\d(?![\w/%-]|[.,]\d)"
             r"|{YEAR4}|(?<![\w'’])['’]\d\d\b))"),
    # "16:08 UTC", "6:40 p.m.", "0800 UTC", "12:00 UTC Monday", "0900 hours"
    ("time", r"(?<![\d:.])(?P<x>(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\b\.?)?"
             r"|(?:[01]?\d|2[0-3])\s*[ap]\.?m\b\.?"
             r"|(?:[01]\d|2[0-3])[0-5]\d(?=\s*{ZONE})"
             r"|(?<=\bat\s)(?:[01]\d|2[0-3])[0-5]\d\s*{CLOCKSUFFIX}\b)(?:\s*{ZONE}\b)?"
             r"(?:\s+(?:{WEEKDAY}|{DAYWORD}))?)(?![\d:])"),
    # "noon", "midnight": a clock time on the day mentioned (or named right after)
    ("clock_word", r"\b(?P<x>{CLOCKWORD})\b(?![-’'])"),
    # "today's" as a noun modifier: the present, not the DCT's date
    # "in today's world" is the present; "today's meeting" is the day itself (the `dayword` rule)
    ("ref_today", r"\b(?P<x>today)(?=['’]s\b)(?!['’]s\s+{OCCASION}\b)"),
    # "today", "earlier today", "yesterday morning", "this morning", "tonight"
    ("dayword", r"\b(?P<x>(?:(?:earlier|later)\s+)?{DAYWORD}(?:\s+{DAYPART})?|this\s+{DAYPART})\b"),
    # "in morning trading", "the evening session", "that afternoon": that part of the day last mentioned
    ("day_part", r"\b(?P<x>{DAYPART})\s+(?={DAYPARTHEAD}\b)|\b(?P<x2>that\s+{DAYPART})\b(?!['’-])"),
    # "Tuesday", "last Monday", "Friday morning"
    ("weekday", r"(?P<x>(?:{RELDET}\s+)?{WEEKDAY}(?:\s+{DAYPART})?)(?![\w-])"),
    # "Christmas Day", "Remembrance Day 2021", "New Year's Eve"
    ("holiday", r"(?P<x>(?:{DATEMOD}[\s-]+)?{HOLIDAY}(?:,?\s+{YEAR4})?)(?![\w'’-])"),
    # "the last week of March", "the first week of 2021", "the week of March 6"
    ("week_of", r"(?P<x>(?:the\s+)?{ORD}\s+week\s+of\s+(?:{MONTH}(?:,?\s+{YEAR4})?|{YEAR4})"
                r"|the\s+week\s+of\s+{MONTH}\s+{DAYNUM}(?:,?\s+{YEAR4})?)(?![\w-])"),
    # "the same period last year", "the same month a year ago": the period just mentioned, a year back
    ("same_period", r"\b(?P<x>the\s+same\s+{SAMENOUN}\s+{YEARBACK})\b"),
    # "That same year", "later that year", "the same year": the year of the date just mentioned
    # "late in the year": the year named last, at its end
    ("that_year", r"\b(?P<x>(?:(?:later|earlier)\s+(?:in\s+)?)?(?:that(?:\s+same)?|the\s+same)\s+year"
                  r"|{INMOD}\s+in\s+the\s+year(?!\s+(?:of|before|after)\b))\b"),
    # "later that month", "the same month": the month of the date just mentioned
    ("that_month", r"\b(?P<x>(?:(?:later|earlier)\s+(?:in\s+)?)?(?:that(?:\s+same)?|the\s+same)\s+month)\b"
                   r"(?!\s+(?:of|a\s+year|last\s+year)\b)"),
    # "by that time", "at that date": the date named last
    ("period_anaphor", r"\b(?:{SIGNAL})\s+(?P<x>{PERIODANAPHOR})\b(?!\s+(?:of|when|that|which)\b)"),
    # "for a third straight day", "fourth week in a row", "its best week since November": the DCT's own
    # day or week, the latest of a run
    ("streak", r"(?P<x>(?:(?:an?|the)\s+)?{ORD}\s+(?:{STREAKADJ}\s+{STREAKUNIT}"
               r"|{STREAKUNIT}(?=\s+(?:in\s+a\s+row|running)\b)))\b(?![-’'])"
               r"|\b{SUPERLATIVE}\s+(?P<x2>{STREAKUNIT})\b(?=\s+(?:since|in)\b)"),
    # "the year previous", "two years later": years before or after the period just named
    # (not "the year before the war", "two years later than planned": a preposition or a comparison)
    ("year_before", r"\b(?P<x>{YEARBEFORE}(?!\s+{NOTSHIFT}\b)"
                    r"|(?:{DURMOD}\s+)?(?:{NUM}|an?)[\s-]+years?\s+{YEARSHIFT}{SHIFTEND})"
                    r"(?!\w|\s*[-–]|\s+\d)"),
    # "twelve days later", "four months earlier", "a decade earlier": counted from the date just named
    ("unit_shift", r"\b(?P<x>(?:{DURMOD}\s+)?(?:{NUM}|an?)[\s-]+(?:days?|weeks?|months?|decades?)\s+"
                   r"{YEARSHIFT}{SHIFTEND})(?!\w|\s*[-–]|\s+\d)"),
    # "a few days later", "several years earlier", "weeks later": an unknown count of units after or
    # before the date just named, a vague future or past of it (not "a few days later than planned")
    ("vague_shift", r"\b(?P<x>(?:{DURMOD}\s+)?(?:{VAGUE}\s+(?:{DURADJ}\s+)?{UNIT}|{UNITS})\s+"
                    r"{YEARSHIFT}{SHIFTEND})(?!\w|\s*[-–]|\s+\d)"),
    # "by year-end", "at the month end", "at month's end"
    ("period_end", r"\b(?P<x>(?:the\s+)?(?:year|month)(?:[-\s]|['’]s\s+)end)\b(?!-)"),
    # "the entire year", "the full year": the year of the period just named
    ("whole_year", r"\b(?P<x>the\s+(?:entire|whole|full)\s+year)\b(?!\s*[-–]|\s+(?:of|ago|earlier|later)\b)"),
    # "this week", "last year", "the previous year", "the end of the year", "later this year",
    # "the next day" (the day after the one last mentioned)
    # "early in the month": the DCT's month, at its start
    ("relative", r"\b(?P<x>(?:{DATEMOD}\s+|{INMOD}\s+in\s+)?(?:{RELDET}|the)\s+(?:fiscal\s+)?"
                 r"(?:year|month|week|weekend|quarter|decade|century|day))\b"),
    # "two years ago", "a week ago"
    ("ago", r"\b(?P<x>(?:{DURMOD}\s+)?(?:{NUM}|{VAGUE}|an?)[\s-]+(?:{DURADJ}\s+)?{UNIT}\s+ago)\b"),
    # "the past week", "the next four years", "the last few years", "the past five trading days"
    ("span", r"\b(?P<x>{SPANDET}\s+(?:(?:{NUM}|{VAGUE})\s+)?(?:{DURADJ}\s+)?{UNIT})\b(?!-)"),
    # "$15 a year": a rate, a SET
    ("rate", r"(?:\d+\)?\s+|\b{RATEWORD}\s+)(?P<x>an?\s+{UNIT})\b"),
    # "nearly 20 years", "seven consecutive years", "27-year", "almost two and a half years", "a day",
    # "a year and a half" (not "about a quarter" of something: a fraction)
    ("duration", r"(?<![\w.,$£€-])(?:an?\s+)?(?P<x>(?:{DURMOD}\s+)?{NUM}[\s-]+(?:{DURADJ}\s+)?{UNIT}"
                 r"|(?:{DURMOD}\s+)?an?\s+(?:{DURADJ}\s+)?(?!quarter\b){UNIT}(?:\s+and\s+a\s+half)?)"
                 r"\b(?!-old|\s+old\b|[-–]\d)"),
    # "several years", "recent years", "a few weeks"
    ("vague", r"\b(?P<x>(?:{DURMOD}\s+)?(?:{VAGUE}|recent)\s+(?:{DURADJ}\s+)?{UNIT})\b(?!-old|\s+old\b)"),
    # "for years", "in minutes", "decades-long", "over the years"
    ("bare_units", r"(?:\b{DURSIGNAL}\s+(?:{LIMITER}\s+)?)"
                   r"(?P<x>{UNITS})\b(?!\s+{NOTDURATION}\b)"
                   r"|\b(?P<x2>{UNITS}-long)\b"
                   r"|\b(?:over|through|throughout)\s+(?P<x3>the\s+{UNITS})\b(?!\s+(?:of|to|ahead|since|that)\b)"),
    # "weekly", "every day", "annual", "every two years", "every other week", "twice a year"
    ("set", r"\b(?P<x>{SET}|every\s+(?:other\s+|{NUM}\s+)?{UNIT}"
            r"|{FREQ}\s+(?:an?|per|every|each)\s+{UNIT}"
            r"|(?:every|each)\s+(?:{DAYPART}|{WEEKDAY}|{MONTH}|{SEASON}))\b"),
    # "now", "currently", "to date", "recently", "the future", "soon" (not "as soon as")
    ("ref", r"\b(?P<x>{REF})\b(?!(?<=soon)\s+as\b|-)"),
    # "The day before, ...", "left the day after.": the day before or after the one last mentioned (not
    # "the day after the election": a day named by an event)
    ("day_shift", r"\b(?P<x>the\s+day\s+{DAYSHIFT})(?=\s*[,.;:)]|\s*$)"),
    # "the day", "the same day", "that day": the day last mentioned, else the DCT
    # ("late in the day after falling": the day is still the one mentioned, not the day after)
    ("day_anaphor", r"\b(?P<x>(?:{DATEMOD}\s+)?(?:the|that)\s+(?:same\s+)?day)\b(?!\s+{NOTANAPHOR}\b)"
                    r"|\b(?P<x2>{INMOD}\s+in\s+the\s+day)\b(?!\s+of\b)"),
)


# The anchor words each shape contains at least one of: the scan runs only near them.
_ANCHORED_ON: dict[str, tuple[str, ...]] = {
    "calendar": ("month",), "numeric": ("number",), "month_day": ("month",), "month_year": ("month",),
    "month": ("month",), "century": ("unit",), "decade": ("number",), "quarter": ("unit", "number"),
    "season": ("season",), "year": ("year_number", "fiscal"), "time": ("number",), "ref_today": ("day_word",),
    "dayword": ("day_word", "day_part"), "weekday": ("weekday",), "relative": ("unit",),
    "ago": ("unit",), "span": ("unit",), "rate": ("unit",), "duration": ("unit",), "vague": ("unit",),
    "bare_units": ("unit",),
    "set": ("set", "unit", "day_part", "weekday", "month", "season"), "ref": ("ref",),
    "day_anaphor": ("unit",), "day_shift": ("unit",),
    "holiday": ("holiday", "unit"), "week_of": ("unit",), "same_period": ("unit",), "that_year": ("unit",),
    "that_month": ("unit",),
    "whole_year": ("unit",), "year_before": ("unit",), "unit_shift": ("unit",), "vague_shift": ("unit",),
    "bc": ("number",),
    "clock_word": ("clock_word",), "period_end": ("unit",), "streak": ("streak_unit",),
    "period_anaphor": ("period_anaphor",), "day_part": ("day_part",),
}
_ANCHOR_KINDS = ("month", "weekday", "season", "unit", "ref", "set", "day_word", "day_part", "fiscal",
                 "holiday", "clock_word", "streak_unit", "period_anaphor")


@per_rules
def anchors(_: Rules) -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """One regex for every anchor word (the last word of each form) or number, and word -> kinds.

    `the half` of a year is a quarter-shaped anchor too: "the second half of 2012".
    """
    lex = timex_lexicon()
    kinds: dict[str, set[str]] = {"half": {"unit"}}
    for kind in _ANCHOR_KINDS:
        for form in lex.forms(kind):
            # "New Year's" is anchored on "year" (a possessive is no word of its own)
            word = re.sub(r"'s$", "", _key(form).split()[-1].rstrip("."))
            kinds.setdefault(word, set()).add(kind)
    words = alt(tuple(kinds))
    regex = re.compile(rf"\d+|\b{words}\b", re.I)
    return regex, {w: frozenset(k) for w, k in kinds.items()}


@per_rules
def rules(_: Rules) -> tuple[Rule, ...]:
    """One compiled regex per expression shape, built once from the word lists."""
    frags = fragments()
    out = []
    for name, shape in _SHAPES:
        try:
            # Every expression starts at a word boundary or an apostrophe ("'70s"): checking that
            # first keeps the scan from trying the word alternations inside words.
            pattern = r"(?:\b|(?=['’]))" + shape.format(**frags)
            out.append(Rule(name, re.compile(pattern, re.I), _ANCHORED_ON[name]))
        except (re.error, KeyError) as exc:
            raise PatternError(f"timex rule {name}: {exc}") from exc
    return tuple(out)


def extent(match: re.Match) -> tuple[int, int]:
    """The extent group of a rule match (`x`, or `x2`/`x3` for the rule's other alternatives)."""
    for group in ("x", "x2", "x3"):
        if group in match.re.groupindex and match.group(group) is not None:
            return match.span(group)
    return match.span()
