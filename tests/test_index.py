"""The sorted indexes answer what the scans they replace answered, in the same order."""

from __future__ import annotations

import random

from pipeline.index import ByKey, Intervals
from pipeline.organizations.spans import overlaps


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        start = rng.randrange(0, 200)
        out.append((start, start + rng.randrange(0, 15)))  # empty spans too
    return out


def test_intervals_overlap_exactly_when_some_span_overlaps():
    rng = random.Random(7)
    for _ in range(200):
        taken = _spans(rng, rng.randrange(0, 12))
        index = Intervals(taken)
        for span in _spans(rng, 20):
            assert index.overlaps_any(span) == any(overlaps(span, t) for t in taken), (span, taken)


def test_by_key_lists_the_items_in_range_in_their_own_order():
    rng = random.Random(11)
    items = [(rng.randrange(0, 50), name) for name in "abcdefghijklmnopqrstuvwxyz"]
    index = ByKey(items, key=lambda item: item[0])
    for lo in range(-2, 52, 3):
        for hi in range(lo, 55, 7):
            assert index.between(lo, hi) == [it for it in items if lo <= it[0] < hi]
            assert index.within(lo, hi) == [it for it in items if lo <= it[0] <= hi]


def test_chunk_entities_are_found_by_root_start_and_token(nlp):
    from pipeline.nlp import Chunk

    text = ("Officers of the Royal Canadian Navy met the Mexican Navy in Halifax, Nova Scotia on "
            "Tuesday, and the Colombian Army hosted them in Bogota a week later.")
    chunk = Chunk.of(nlp(text))
    ents = chunk.ents
    assert isinstance(ents, tuple) and len(ents) >= 4
    every = set(range(len(chunk.doc)))
    for lo in range(0, len(chunk.doc), 4):
        tokens = {i for i in every if lo <= i < lo + 6}
        assert ents.rooted_in(tokens) == [e for e in ents if e.root.i in tokens]
    for i in range(len(chunk.doc)):
        assert ents.starting_at(i) == [e for e in ents if e.start == i]
        assert ents.holding(i) == [e for e in ents if e.start <= i < e.end]
