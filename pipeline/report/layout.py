"""Where the network's nodes go: a small deterministic force-directed layout, computed at build time.

The page must not lay the graph out itself: a browser-side simulation moves while the
analyst reads, differs between loads and costs seconds on a large corpus. This is
Fruchterman & Reingold (1991), "Graph drawing by force-directed placement": nodes
repel as k^2/d, edges pull as w*d^2/k, a temperature that cools linearly bounds each
step, and a weak pull to the centre keeps unconnected parts on screen. Vectorised
with numpy (O(n^2) per step), so it is capped at a few hundred nodes: the most
connected ones, since a hairball of thousands of labels answers no question anyway.

Same input, same output: the start positions come from a fixed seed over nodes in a
fixed order, and the result is rounded so float noise between machines does not show.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations

import numpy as np

Edge = tuple[int, int]


def cooccurrence_edges(groups: Iterable[Sequence[int]]) -> Counter[Edge]:
    """Edge (i, j), i < j, weighted by how many groups (events) hold both nodes."""
    edges: Counter[Edge] = Counter()
    for group in groups:
        for i, j in combinations(sorted(set(group)), 2):
            edges[(i, j)] += 1
    return edges


def most_connected(edges: Counter[Edge], node_ids: Sequence[str], limit: int) -> list[int]:
    """The `limit` nodes with the largest weighted degree (ties by id), in index order."""
    degree: Counter[int] = Counter()
    for (i, j), weight in edges.items():
        degree[i] += weight
        degree[j] += weight
    ranked = sorted(degree, key=lambda n: (-degree[n], node_ids[n]))
    return sorted(ranked[:limit])


def spring_layout(
    count: int, edges: dict[Edge, int], *, iterations: int = 200, seed: int = 15, gravity: float = 3.0
) -> list[tuple[float, float]]:
    """Positions in [0, 1]^2 for nodes 0..count-1 joined by weighted `edges`."""
    if count == 0:
        return []
    if count == 1:
        return [(0.5, 0.5)]
    rng = np.random.default_rng(seed)
    pos = rng.random((count, 2))
    k = np.sqrt(1.0 / count)
    weights = np.zeros((count, count))
    for (i, j), w in edges.items():
        # log-damped: a pair sharing 200 events should sit close, not collapse onto itself
        weights[i, j] = weights[j, i] = 1.0 + np.log(w)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 0.01)
        force = k * k / dist - weights * dist * dist / k
        np.fill_diagonal(force, 0.0)
        move = np.einsum("ij,ijd->id", force / dist, delta)
        move += (0.5 - pos) * gravity  # isolated pairs stay near the centre
        length = np.maximum(np.linalg.norm(move, axis=-1), 1e-9)
        pos += move / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature -= cooling
    span = pos.max(axis=0) - pos.min(axis=0)
    span[span == 0] = 1.0
    pos = (pos - pos.min(axis=0)) / span
    return [(round(float(x), 4), round(float(y), 4)) for x, y in pos]


def layout_network(
    edges: Counter[Edge], node_ids: Sequence[str], limit: int
) -> dict[int, tuple[float, float]]:
    """Positions of the (at most `limit`) most connected nodes of a co-occurrence graph."""
    chosen = most_connected(edges, node_ids, limit)
    local = {node: n for n, node in enumerate(chosen)}
    kept = {(local[i], local[j]): w for (i, j), w in edges.items() if i in local and j in local}
    return dict(zip(chosen, spring_layout(len(chosen), kept), strict=True))
