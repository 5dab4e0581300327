"""Importance and positions for the HTML page, computed once in Python so the browser need not.

In headless Chromium, vis-network's physics settles 500 nodes in about 20 s and 5,000 in
minutes, while 5,000 nodes with positions given draw in about 4 s. So every node gets a seeded
position here; the page runs a short physics pass only on small graphs.

Importance is PageRank over the relations taken as undirected links (being accused matters as
much as accusing), by plain power iteration: ``nx.pagerank`` would need scipy, which kg does
not otherwise depend on.

>>> rank = pagerank(["a", "b", "c"], [("a", "b"), ("a", "c")])
>>> max(rank, key=rank.__getitem__)
'a'
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

SEED = 7
EDGE_LENGTH = 110.0  # pixels between linked nodes, about vis-network's spring length
EXACT_REPULSION_MAX = 1000  # past this many nodes in a component, repulsion is sampled
REPULSION_SAMPLE = 256
CHUNK = 2048  # rows of the pairwise arrays held at once, to bound memory on big components

Position = tuple[float, float]


def pagerank(
    nodes: Sequence[str], edges: Sequence[tuple[str, str]], damping: float = 0.85, tol: float = 1e-10
) -> dict[str, float]:
    """PageRank of each node, edges read in both directions; sums to 1 (empty for no nodes)."""
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for s, o in edges:
        if s != o:
            neighbours[index[s]].append(index[o])
            neighbours[index[o]].append(index[s])
    rank = [1.0 / n] * n
    for _ in range(200):
        dangling = sum(rank[i] for i in range(n) if not neighbours[i])
        base = (1.0 - damping) / n + damping * dangling / n
        new = [base] * n
        for i, links in enumerate(neighbours):
            if links:
                share = damping * rank[i] / len(links)
                for j in links:
                    new[j] += share
        change = sum(abs(a - b) for a, b in zip(new, rank, strict=True))
        rank = new
        if change < n * tol:
            break
    return {node: rank[i] for i, node in enumerate(nodes)}


def components(nodes: Sequence[str], edges: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Connected components, biggest first, each sorted; ties broken by their first node."""
    parent = {node: node for node in nodes}

    def root(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for s, o in edges:
        a, b = root(s), root(o)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for node in sorted(nodes):
        groups[root(node)].append(node)
    return sorted(groups.values(), key=lambda group: (-len(group), group[0]))


def layout(nodes: Sequence[str], edges: Sequence[tuple[str, str]], seed: int = SEED) -> dict[str, Position]:
    """A position per node, in pixels: each component by force direction, then packed in rows.

    The same nodes and edges give the same positions, whatever their order.
    """
    boxes: list[tuple[dict[str, Position], float, float]] = []
    by_component: dict[str, int] = {}
    parts = components(nodes, edges)
    for k, part in enumerate(parts):
        for node in part:
            by_component[node] = k
    part_edges: list[list[tuple[str, str]]] = [[] for _ in parts]
    for s, o in sorted(set(edges)):
        part_edges[by_component[s]].append((s, o))
    for part, links in zip(parts, part_edges, strict=True):
        boxes.append(_component_layout(part, links, seed))
    return _pack(boxes)


def _component_layout(
    part: list[str], links: list[tuple[str, str]], seed: int
) -> tuple[dict[str, Position], float, float]:
    n = len(part)
    if n == 1:
        return {part[0]: (0.0, 0.0)}, 0.0, 0.0
    index = {node: i for i, node in enumerate(part)}
    pairs = np.array([(index[s], index[o]) for s, o in links if s != o], dtype=np.int64).reshape(-1, 2)
    pos = _fruchterman_reingold(n, pairs, seed)
    pos -= pos.min(axis=0)
    k = 1.0 / math.sqrt(n)
    pos *= EDGE_LENGTH / k
    width, height = (float(v) for v in pos.max(axis=0))
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for node, i in index.items()}, width, height


def _fruchterman_reingold(n: int, pairs: np.ndarray, seed: int, iterations: int = 60) -> np.ndarray:
    """Fruchterman–Reingold in the unit square; repulsion from a seeded sample on big components."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    exact = n <= EXACT_REPULSION_MAX
    for _ in range(iterations):
        others = pos if exact else pos[rng.choice(n, REPULSION_SAMPLE, replace=False)]
        weight = 1.0 if exact else n / REPULSION_SAMPLE
        disp = np.empty_like(pos)
        for start in range(0, n, CHUNK):
            delta = pos[start : start + CHUNK, None, :] - others[None, :, :]
            dist2 = np.maximum((delta**2).sum(axis=-1), 1e-6)
            disp[start : start + CHUNK] = (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * weight
        if len(pairs):
            delta = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            pull = delta * (np.sqrt((delta**2).sum(axis=1)) / k)[:, None]
            np.add.at(disp, pairs[:, 0], -pull)
            np.add.at(disp, pairs[:, 1], pull)
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos


def _pack(boxes: list[tuple[dict[str, Position], float, float]]) -> dict[str, Position]:
    """Components in rows, biggest first, centred on (0, 0): shelf packing."""
    margin = EDGE_LENGTH
    area = sum((w + margin) * (h + margin) for _, w, h in boxes)
    row_width = max([math.sqrt(area) * 1.2] + [w + margin for _, w, _ in boxes[:1]])
    placed: dict[str, Position] = {}
    x = y = row_height = 0.0
    for positions, width, height in boxes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + margin, 0.0
        for node, (px, py) in positions.items():
            placed[node] = (x + px, y + py)
        x += width + margin
        row_height = max(row_height, height)
    if not placed:
        return {}
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {node: (round(px - cx, 1), round(py - cy, 1)) for node, (px, py) in sorted(placed.items())}


def top_nodes(rank: dict[str, float], limit: int) -> list[str]:
    """The ``limit`` most important nodes, ties broken by id."""
    return sorted(sorted(rank, key=lambda node: (-rank[node], node))[:limit])
