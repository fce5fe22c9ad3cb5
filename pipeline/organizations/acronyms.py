"""Acronym definitions and uses: which short form the text defines for which long form.

Implements Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text" (PSB 2003): a candidate is a
parenthesis next to a window of at most min(|A| + 5, 2|A|) words; the long form
is found by matching the short form's characters right to left, the first one
at the start of a word. The same algorithm serves scispaCy's `abbreviation.py`.

Extensions these defence and diplomatic texts need:

- glued brackets: `Program(MTCP)` has no space before the parenthesis;
- possessives between the long form and the bracket:
  `National Security Agency’s (NSA)`;
- abbreviations with periods inside the window: `Committee on Foreign
  Investment in the U.S. (CFIUS)`: a period ends the window only after a word
  that is not an initialism;
- proper names: when the short form starts with a capital, so must the long
  form (`Office of the Director of National Intelligence (ODNI)` starts at
  `Office`, not at the `of` before it);
- the reverse order with a dash: `NAMSI - North American Maritime Security
  Initiative` (short form, dash, long form), matched left to right;
- acronyms whose letters follow another language's word order
  (`Mexican Secretariat of National Defence (SEDENA)`, from Secretaría de la
  Defensa Nacional) fail the letter match; `text_definitions` returns those
  candidates too, so that mentions.py can accept them when a named
  entity ends right before the bracket (the text's own definition); there a
  nationality adjective right before a long form also joins it (`Colombian
  Ministry of National Defence (MDN)`);
- uses: an acronym is found wherever it stands as a word, also glued to `/`
  or `-`: `DND/CAF` is two uses, `MTCP-sponsored` one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# "(DND)", "Program(MTCP)", "U.S.\n(CFIUS)": a bracket holding one short token.
_PAREN = re.compile(r"\(([^()\n]{1,60})\)")
# "NAMSI - North American ...": a short form, then a spaced dash.
_DASH = re.compile(r"(?<![\w.])([A-Z][A-Za-z0-9&]{1,9})[ \t]+[-–—][ \t]+(?=[A-Z])")
# Characters that end the window of words before a bracket.
_STOPS = "()[];:!?\n–—\"“”"
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){2,}$|^(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Adm)\.$")
_POSSESSIVE = re.compile(r"[’']s?\s*$")
_WORD = re.compile(r"[^\s()\[\];:,.!?]+")


@dataclass(frozen=True)
class Definition:
    """A short form and the long form the text defines it with (offsets into the text).

    `matched` is False when the letters did not match (a candidate for the
    text's-own-definition rule); `long` is then the whole window.
    """

    short: tuple[int, int]
    long: tuple[int, int]
    matched: bool
    order: str  # "long-short" ("X (ACR)") or "short-long" ("ACR - X", "ACR (X)")


def is_short_form(s: str) -> bool:
    """One token of 2-10 characters, starting with a capital, two capitals or more: `DoD`, `SEDENA`."""
    if not 2 <= len(s) <= 10 or not s[0].isupper() or " " in s:
        return False
    if not all(c.isalnum() or c in "&-." for c in s):
        return False
    return sum(c.isupper() or c.isdigit() for c in s) >= 2  # "DoD", "G7"


def best_long_form(short: str, long: str) -> int | None:
    """Schwartz & Hearst's findBestLongForm: where in `long` the long form starts, or None.

    Characters of `short` are matched right to left in `long`; the first
    character of `short` must start a word, and (an extension for proper names)
    be a capital when the short form's is: `Office of the Director of National
    Intelligence (ODNI)` starts at `Office`, not at `of`.
    """
    s = len(short) - 1
    i = len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (
            long[i].lower() != c
            or (s == 0 and i > 0 and long[i - 1].isalnum())
            or (s == 0 and short[0].isupper() and not long[i].isupper())
        ):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    return long.rfind(" ", 0, i + 1) + 1


def _window_start(text: str, end: int, max_words: int) -> int:
    """Start of the window of at most `max_words` words before `end`, within one sentence."""
    pos = end
    words = 0
    while words < max_words:
        j = pos
        while j > 0 and text[j - 1] == " ":
            j -= 1
        k = j
        while k > 0 and text[k - 1] not in " " + _STOPS:
            k -= 1
        word = text[k:j]
        if not word or (word.endswith(".") and not _INITIALISM.match(word) and words > 0):
            break
        if word.endswith(",") and words == 0:
            break
        pos = k
        words += 1
        if k == 0 or text[k - 1] in _STOPS:
            break
    return pos


def _long_before(text: str, open_paren: int, short: str) -> tuple[int, int] | None:
    """The window of words before `(`, without a trailing possessive: `Agency’s (NSA)`."""
    end = open_paren
    while end > 0 and text[end - 1] == " ":
        end -= 1
    m = _POSSESSIVE.search(text, max(0, end - 3), end)
    if m and m.end() == end and m.start() > 0 and text[m.start() - 1].isalpha():
        end = m.start()
    n = len(short)
    start = _window_start(text, end, min(n + 5, 2 * n))
    return (start, end) if end > start else None


def _forward_long(text: str, start: int, short: str) -> tuple[int, int] | None:
    """`ACR - Long Form`: the shortest run of words after the dash that the letters match.

    The match must start at the first word and the short form's last letter
    must start the last word, so that the long form stops neither early nor late.
    """
    n = len(short)
    pos = start
    for _ in range(min(n + 5, 2 * n)):
        m = _WORD.match(text, pos)
        if not m:
            return None
        if m.group()[0].lower() == short[-1].lower() and best_long_form(short, text[start:m.end()]) == 0:
            return start, m.end()
        if m.end() >= len(text) or text[m.end()] != " ":
            return None
        pos = m.end() + 1
    return None


def text_definitions(text: str) -> list[Definition]:
    """Every acronym definition candidate of the text, matched or not, in text order."""
    out: list[Definition] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        if is_short_form(inner):
            short = (m.start(1) + m.group(1).index(inner), m.start(1) + m.group(1).index(inner) + len(inner))
            window = _long_before(text, m.start(), inner)
            if not window:
                continue
            at = best_long_form(inner, text[window[0]:window[1]])
            if at is not None and window[0] + at < window[1]:
                out.append(Definition(short, (window[0] + at, window[1]), True, "long-short"))
            else:
                out.append(Definition(short, window, False, "long-short"))
            continue
        # "NSA (National Security Agency)": the short form before the bracket.
        before = re.search(r"([A-Z][A-Za-z0-9&]{1,9})\s*$", text[max(0, m.start() - 12):m.start()])
        if before and is_short_form(before.group(1)) and len(inner.split()) > 1:
            at = best_long_form(before.group(1), inner)
            if at == 0:
                s = m.start() - len(text[max(0, m.start() - 12):m.start()]) + before.start(1)
                out.append(Definition((s, s + len(before.group(1))), (m.start(1), m.end(1)), True,
                                      "short-long"))
    for m in _DASH.finditer(text):
        if not is_short_form(m.group(1)):
            continue
        long = _forward_long(text, m.end(), m.group(1))
        if long:
            out.append(Definition((m.start(1), m.end(1)), long, True, "short-long"))
    out.sort(key=lambda d: d.short)
    return out


@cache
def _use_pattern(acronym: str) -> re.Pattern[str]:
    # "DND/CAF", "MTCP-sponsored", "NATO’s": the acronym as a word of its own.
    return re.compile(rf"(?<![\w&]){re.escape(acronym)}(?![\w&])")


def find_uses(text: str, acronym: str) -> list[tuple[int, int]]:
    """Every place the acronym stands as a word (case-sensitive)."""
    return [(m.start(), m.end()) for m in _use_pattern(acronym).finditer(text)]
