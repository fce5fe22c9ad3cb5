"""Sorted indexes that answer a scan's question in O(log n), with the scan's answer, in its order.

A chunk holds hundreds of candidates, entities, dates and mentions, and a
dense text one of each on every line: a rule that tests each candidate
against all the others (or each trigger against all the chunk's entities)
makes a chunk cost the square of its length. These are built once and
replace such scans without changing what they return.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Intervals:
    """Spans to test others against: `overlaps_any(span)` is `any(overlaps(span, t) for t in spans)`.

    Among the spans that start before `span` ends, one overlaps it iff the
    furthest end among them lies after `span`'s start.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps_any(self, span: tuple[int, int]) -> bool:
        k = bisect_left(self._starts, span[1])
        return k > 0 and self._reach[k - 1] > span[0]


class ByKey(Generic[T]):
    """Items with an integer key: `between(lo, hi)` lists those with lo <= key < hi, in the items' order."""

    def __init__(self, items: Sequence[T], key: Callable[[T], int]) -> None:
        self.items = list(items)
        self._order = sorted(range(len(self.items)), key=lambda k: key(self.items[k]))
        self._keys = [key(self.items[k]) for k in self._order]

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def between(self, lo: int, hi: int) -> list[T]:
        found = self._order[bisect_left(self._keys, lo):bisect_left(self._keys, hi)]
        return [self.items[k] for k in sorted(found)]

    def within(self, lo: int, hi: int) -> list[T]:
        """Those with lo <= key <= hi, in the items' order."""
        found = self._order[bisect_left(self._keys, lo):bisect_right(self._keys, hi)]
        return [self.items[k] for k in sorted(found)]


class Ents(tuple):
    """A Doc's entities (spaCy keeps them sorted and apart), a tuple that also finds them by position.

    `rooted_in`, `starting_at` and `holding` answer what a scan of all the
    entities per trigger answered; the positions are read once, when first asked.
    """

    _starts: list[int]
    _roots: list[int]

    def _index(self) -> None:
        if not hasattr(self, "_starts"):
            self._starts = [e.start for e in self]
            self._roots = [e.root.i for e in self]  # increasing: each root lies inside its entity

    def rooted_in(self, tokens: set[int]) -> list:
        """The entities whose root token is in `tokens`, in order."""
        if not tokens:
            return []
        self._index()
        lo, hi = bisect_left(self._roots, min(tokens)), bisect_right(self._roots, max(tokens))
        return [self[k] for k in range(lo, hi) if self._roots[k] in tokens]

    def starting_at(self, i: int) -> list:
        """The entities that start at token `i` (one at most), in order."""
        self._index()
        k = bisect_left(self._starts, i)
        return [self[k]] if k < len(self) and self._starts[k] == i else []

    def holding(self, i: int) -> list:
        """The entities that hold token `i` (one at most), in order."""
        self._index()
        k = bisect_right(self._starts, i) - 1
        return [self[k]] if k >= 0 and i < self[k].end else []
