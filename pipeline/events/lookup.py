"""Per-chunk indexes, so that each trigger reads only what is near it.

Every trigger looks for its sentence window, its dates and its participants.
Scanning all of a chunk's windows, dates and organization mentions for each
trigger made a chunk cost the square of its length: a dense one-line text (a
meeting with two bodies and a date in every sentence) cost twice prose's time
per character in a 20,000 character chunk. These indexes are built once a chunk
and answer each question in O(log n) plus what they return, in the order the
scans returned it, so the results are the same.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from copy import copy
from itertools import accumulate

from spacy.tokens import Span, Token

from pipeline.dates.links import Timex
from pipeline.index import ByKey
from pipeline.organizations.spans import OrgMention


class Windows:
    """A chunk's sentence windows (sorted, apart): the one holding a token."""

    def __init__(self, windows: list[tuple[int, int]]) -> None:
        self.windows = windows
        self._starts = [s for s, _ in windows]

    def of(self, tok: Token) -> tuple[int, int]:
        """The window holding the token's first character, else the token itself."""
        k = bisect_right(self._starts, tok.idx) - 1
        if k >= 0 and tok.idx < self.windows[k][1]:
            return self.windows[k]
        return tok.idx, tok.idx + len(tok)


class OrgSpans:
    """Organization mentions with their token spans, by root token and by last word."""

    def __init__(self, pairs: list[tuple[OrgMention, Span]]) -> None:
        self.pairs = pairs
        self._by_root = ByKey(range(len(pairs)), lambda k: pairs[k][1].root.i)
        # last word -> (ends sorted, the latest list position among the mentions ending by each)
        groups: dict[str, list[tuple[int, int]]] = {}
        for k, (_, span) in enumerate(pairs):
            groups.setdefault(span[-1].lower_, []).append((span.end, k))
        self._last: dict[str, tuple[list[int], list[int]]] = {}
        for word, entries in groups.items():
            entries.sort()
            self._last[word] = ([e for e, _ in entries], list(accumulate((k for _, k in entries), max)))

    def __iter__(self) -> Iterator[tuple[OrgMention, Span]]:
        return iter(self.pairs)

    def rooted_in(self, tokens: set[int]) -> list[tuple[OrgMention, Span]]:
        """The mentions whose span's root is in `tokens`, in order."""
        if not tokens:
            return []
        found = self._by_root.between(min(tokens), max(tokens) + 1)
        return [self.pairs[k] for k in found if self.pairs[k][1].root.i in tokens]

    def latest_ending_by(self, word: str, i: int) -> tuple[OrgMention, Span] | None:
        """The last mention (in order) whose span ends by token `i` with the word `word` (lower case)."""
        ends, latest = self._last.get(word, ([], []))
        k = bisect_right(ends, i)
        return self.pairs[latest[k - 1]] if k else None


class TimexRoots:
    """A chunk's dates with their root tokens, in order; by start character and by root token.

    `without(roots)` is the same index with the dates rooted at those tokens left out
    (a verb's reported clause), answered by filtering what a query returns.
    """

    def __init__(self, pairs: list[tuple[Timex, Token]]) -> None:
        self.pairs = pairs
        self._by_start = ByKey(pairs, lambda p: p[0].start)
        self._by_root = ByKey(pairs, lambda p: p[1].i)
        self._root = {id(tx): root for tx, root in pairs}
        self._left_out: frozenset[int] = frozenset()

    def without(self, roots: set[int]) -> TimexRoots:
        """The dates whose root token is not in `roots` (sharing this index)."""
        if not roots:
            return self
        view = copy(self)
        view._left_out = self._left_out | frozenset(roots)
        return view

    def _kept(self, pairs: list[tuple[Timex, Token]]) -> list[tuple[Timex, Token]]:
        return [p for p in pairs if p[1].i not in self._left_out] if self._left_out else pairs

    def __iter__(self) -> Iterator[tuple[Timex, Token]]:
        return iter(self._kept(self.pairs))

    def root_of(self, tx: Timex) -> Token | None:
        """The root token of a date of the chunk (also of one left out), else None."""
        return self._root.get(id(tx))

    def starting_in(self, window: tuple[int, int]) -> list[tuple[Timex, Token]]:
        """Those whose date starts in the window: window[0] <= start < window[1]."""
        return self._kept(self._by_start.between(window[0], window[1]))

    def rooted_between(self, lo: int, hi: int) -> list[tuple[Timex, Token]]:
        """Those whose root token is lo <= i < hi."""
        return self._kept(self._by_root.between(lo, hi))
