"""The cleaned view of a source: what the NLP stages read, with a map back to the stored text.

What is not content (front matter, Markdown markup, HTML tags, blog
boilerplate) and what misleads a parser (hard line wraps, non-breaking spaces,
long runs of punctuation that the tokenizer takes quadratic time over)
is removed only from this view; every offset found in it is mapped back, so
records always index the text as stored.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.ingest.metadata import Source

# Lines that blog platforms add around a post: not content.
BOILERPLATE = re.compile(
    r"^[ \t]*(?:No comments:|Post a Comment|Newer Post|Older Post|Home|"
    r"Subscribe to:.*|Posted by .*|Labels?:.*|Share this.*|\d+ comments?:)[ \t]*$",
    re.M,
)
# Markup removed from the cleaned view: HTML tags, emphasis markers, escaped or
# leading heading hashes, backslash escapes, link targets.
_MARKUP = re.compile(
    r"<[A-Za-z/][^<>\n]{0,80}>"        # "<sup>st</sup>"
    r"|\*{1,3}|_{2,3}"                  # "**Pandemic Response:**", "*quote*"
    r"|^[ \t]*\\?#{1,6}[ \t]"           # "\### Heading", "## Heading"
    r"|\\(?=[#*_\[\]()`])"              # "\#", "\*": escapes
    r"|\]\([^()\s]{1,500}\)|(?<!\S)\[",  # "[text](url)" keeps "text"
    re.M,
)
# "  - item", "2) item" at the start of a line; a search tries a run of blanks from its start only.
_LIST_MARKER = re.compile(r"(?<![ \t])[ \t]*(?:[•\-*+]|\d{1,3}[.)])[ \t]")
# A newline with text on both sides: "the National Security\nCouncil staff" (a candidate hard wrap).
# Each try starts after a non-space, so a run of blanks is scanned once: linear.
_WRAP_CANDIDATE = re.compile(r"(?<=\S)[^\S\n]*\n(?=[^\S\n]*\S)")
# "\r\n": the carriage return is left out of the view, so CRLF and LF texts read alike.
_CR_BEFORE_LF = re.compile(r"\r(?=\n)")
# Spaces that mislead the tokenizer, as plain spaces (one for one, so offsets do not move).
_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u202f\ufeff\t\r"})
# A run of punctuation or symbols with no blank: "((((((...", "()()()...", "======...".
# spaCy's tokenizer strips prefixes and suffixes one at a time, copying the rest of the
# string each time, so such a run costs the square of its length: 8,000 "(" took 5.4 s,
# 16,000 took 21 s. Prose has no run of more than 20 (none in sources/ or the dev corpus);
# a longer one keeps its first character and the rest become spaces (same length, so the
# map back holds), and the tokenizer's cost stays linear.
_PUNCT_RUN = re.compile(r"(?:[^\w\s]|_){65,}")



@dataclass(frozen=True)
class CleanText:
    """A cleaned view of a stored text with a map back to it.

    The map is piecewise: cleaned characters from `starts[k]` on are stored
    characters from `sources[k]` on, one for one, until the next piece. A
    piece starts only where something was left out, so a document has a few
    hundred pieces, not one entry per character. `to_source` maps a cleaned
    span back to a stored-text span.
    """

    text: str
    starts: array  # cleaned offset where each piece starts, increasing
    sources: array  # stored offset of each piece's first character

    def index(self, i: int) -> int:
        """Stored-text offset of cleaned character `i`."""
        k = bisect_right(self.starts, i) - 1
        return self.sources[k] + (i - self.starts[k])

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.index(start), self.index(end - 1) + 1

    @property
    def offsets(self) -> array:
        """The stored-text offset of every cleaned character (for tests; O(length))."""
        out = array("q")
        bounds = [*self.starts[1:], len(self.text)]
        for start, end, src in zip(self.starts, bounds, self.sources, strict=True):
            out.extend(range(src, src + end - start))
        return out


def neutralize_runs(text: str) -> str:
    """`text` with every run of more than 64 punctuation characters cut to its first, then spaces."""
    return _PUNCT_RUN.sub(lambda m: m.group()[0] + " " * (m.end() - m.start() - 1), text)


def _is_wrap(text: str, nl: int) -> bool:
    """Is the newline at `nl` a hard wrap inside a paragraph (not a paragraph or list break)?"""
    line_start = text.rfind("\n", 0, nl) + 1
    previous = text[line_start:nl].strip()
    following_end = text.find("\n", nl + 1)
    following = text[nl + 1: following_end if following_end != -1 else len(text)]
    if not previous or not following.strip():
        return False
    if _LIST_MARKER.match(following) or following.lstrip().startswith(("#", "\\#", "|", ">")):
        return False
    # A short line that ends a sentence or stands alone is a heading or a one-line paragraph.
    return len(previous) >= 40 or following.lstrip()[:1].islower()


def _left_out(text: str, start: int) -> list[tuple[int, int]]:
    """Stored-text intervals the view leaves out, sorted and not overlapping."""
    spans = sorted(
        m.span()
        for pattern in (BOILERPLATE, _MARKUP, _CR_BEFORE_LF)
        for m in pattern.finditer(text, start)
        if m.end() > m.start()
    )
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def clean(source: Source) -> CleanText:
    """The cleaned view of a source's text, with its map back to the stored text.

    Work is per removed interval and per candidate line break, never per
    character in Python: a 5 MB file with no line break costs a few regex
    scans and one `translate`.
    """
    text = source.text
    start = source.content_start
    spaced = text.translate(_SPACES)
    # Hard wraps become spaces in place (same length), so the map does not change.
    line_start = text.rfind("\n", 0, start) + 1
    wraps = [
        m.end() - 1 for m in _WRAP_CANDIDATE.finditer(text, line_start)
        if m.end() > start and _is_wrap(text, m.end() - 1)
    ]
    if wraps:
        parts = []
        prev = 0
        for nl in wraps:
            parts.append(spaced[prev:nl])
            parts.append(" ")
            prev = nl + 1
        parts.append(spaced[prev:])
        spaced = "".join(parts)
    pieces: list[str] = []
    starts, sources = array("q"), array("q")
    length = 0
    pos = start
    for a, b in [*_left_out(text, start), (len(text), len(text))]:
        if a > pos:
            pieces.append(spaced[pos:a])
            starts.append(length)
            sources.append(pos)
            length += a - pos
        pos = max(pos, b)
    if not starts:
        starts.append(0)
        sources.append(start)
    return CleanText(neutralize_runs("".join(pieces)), starts, sources)
