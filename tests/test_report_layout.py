"""The network layout: deterministic, inside the unit square, linked nodes closer than unlinked ones."""

from __future__ import annotations

import math
from collections import Counter

from pipeline.report.layout import cooccurrence_edges, layout_network, most_connected, spring_layout


def test_edges_count_shared_groups():
    edges = cooccurrence_edges([[0, 1, 2], [1, 0], [2, 2], [3]])
    assert edges == Counter({(0, 1): 2, (0, 2): 1, (1, 2): 1})


def test_most_connected_breaks_ties_by_id():
    edges = Counter({(0, 1): 5, (2, 3): 1})
    assert most_connected(edges, ["a", "b", "c", "d"], 3) == [0, 1, 2]


def test_layout_is_deterministic_and_normalized():
    edges = {(0, 1): 3, (1, 2): 1, (3, 4): 1}
    first = spring_layout(5, edges)
    assert first == spring_layout(5, edges)
    assert all(0.0 <= x <= 1.0 and 0.0 <= y <= 1.0 for x, y in first)


def test_linked_nodes_end_up_closer_than_unlinked_ones():
    # two triangles joined by nothing: on average nodes sit closer within a triangle than across
    edges = {(0, 1): 1, (1, 2): 1, (0, 2): 1, (3, 4): 1, (4, 5): 1, (3, 5): 1}
    pos = spring_layout(6, edges)
    within = sum(math.dist(pos[i], pos[j]) for i, j in edges) / len(edges)
    across = sum(math.dist(pos[i], pos[j]) for i in range(3) for j in range(3, 6)) / 9
    assert within < across


def test_small_graphs():
    assert spring_layout(0, {}) == []
    assert spring_layout(1, {}) == [(0.5, 0.5)]
    assert layout_network(Counter(), ["a"], 10) == {}
