"""Per-chunk indexes, so that each trigger reads only what is near it.

Every trigger looks for its sentence window, its dates, its place and its
participants. Scanning all of a chunk's windows, dates, entities and
organization mentions for each trigger made a chunk cost the square of its
length: a dense text (a meeting with two bodies and a date in every sentence)
took more than ten times prose's time per character. These indexes are built
once a chunk and answer each question in O(log n) plus what they return, in
the order the scans returned it, so the results are the same.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Generic, TypeVar

from spacy.tokens import Doc, Span

from pipeline.organizations.spans import OrgMention

T = TypeVar("T")


class ByKey(Generic[T]):
    """Items with an integer key; `between(lo, hi)` lists those with lo <= key < hi, in the items' order."""

    def __init__(self, items: Sequence[T], key: Callable[[T], int]) -> None:
        self.items = list(items)
        self._order = sorted(range(len(self.items)), key=lambda k: key(self.items[k]))
        self._keys = [key(self.items[k]) for k in self._order]

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def between(self, lo: int, hi: int) -> list[T]:
        found = self._order[bisect_left(self._keys, lo):bisect_left(self._keys, hi)]
        return [self.items[k] for k in sorted(found)]


class Windows:
    """A chunk's sentence windows (sorted, not overlapping): the one holding a character."""

    def __init__(self, windows: list[tuple[int, int]]) -> None:
        self.windows = windows
        self._starts = [s for s, _ in windows]

    @classmethod
    def of_doc(cls, doc: Doc, text: str) -> Windows:
        """Sentence pieces cut at line breaks: a bullet or heading is never glued to the next line."""
        out = []
        # Sentence starts straight from the parse: `doc.sents` rechecks the whole Doc per sentence.
        starts = [0, *(int(i) for i in (doc.to_array("SENT_START") == 1).nonzero()[0] if i > 0)]
        bounds = [doc[i].idx for i in starts] + [len(text)]
        for sent_start, sent_end in zip(bounds, bounds[1:], strict=False):
            start = sent_start
            for piece in text[sent_start:sent_end].split("\n"):
                s, e = start, start + len(piece)
                start = e + 1
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    out.append((s, e))
        return cls(out)

    def of(self, idx: int, length: int) -> tuple[int, int]:
        k = bisect_right(self._starts, idx) - 1
        if k >= 0 and idx < self.windows[k][1]:
            return self.windows[k]
        return idx, idx + length


class Ents:
    """A chunk's entities (spaCy keeps them sorted and not overlapping), by position and by root."""

    def __init__(self, ents: tuple[Span, ...]) -> None:
        self.ents = ents
        self._starts = [e.start for e in ents]
        self._roots = [e.root.i for e in ents]  # increasing: each root lies inside its entity

    def rooted_in(self, tokens: set[int]) -> list[Span]:
        """The entities whose root token is in `tokens`, in order."""
        if not tokens:
            return []
        lo, hi = bisect_left(self._roots, min(tokens)), bisect_right(self._roots, max(tokens))
        return [self.ents[k] for k in range(lo, hi) if self._roots[k] in tokens]

    def starting_at(self, i: int) -> Span | None:
        k = bisect_left(self._starts, i)
        return self.ents[k] if k < len(self.ents) and self._starts[k] == i else None

    def holding(self, i: int) -> Span | None:
        k = bisect_right(self._starts, i) - 1
        return self.ents[k] if k >= 0 and i < self.ents[k].end else None


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
        """The last mention (in order) that ends by token `i` with the word `word` (lower case)."""
        ends, latest = self._last.get(word, ([], []))
        k = bisect_right(ends, i)
        return self.pairs[latest[k - 1]] if k else None


@dataclass(frozen=True)
class ChunkIndex:
    """Everything a trigger looks up in its chunk."""

    windows: Windows
    ents: Ents
    orgs: OrgSpans
    timexes: ByKey  # (Timex, its root token) by the Timex's start
