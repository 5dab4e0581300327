"""Importance and positions for the HTML page, computed once in Python so the browser need not.

In headless Chromium, vis-network's physics settles 500 nodes in about 20 s and 5,000 in
minutes, while 5,000 nodes with positions given draw in about 4 s. So every node gets a seeded
position here and the page draws them as they are. Its physics pass, where it ran on small
graphs, pulled the best-linked entities into one heap in the middle; here each component is
laid out by force direction and then spread until no two nodes' boxes (the node and its label
under it) overlap, the components are packed to the view's proportions, and the entities in no
relation are set in a grid under them, for the page to hide until asked.

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
ASPECT = 1.4  # width / height of the drawing area beside the legend in a laptop's window
SPREAD_MAX = 250  # components up to this many nodes are spread until their boxes stop overlapping
GRID_STEP = 60.0  # pixels between entities in no relation, in their grid
EXACT_REPULSION_MAX = 1000  # past this many nodes in a component, repulsion is sampled
REPULSION_SAMPLE = 256
CHUNK = 2048  # rows of the pairwise arrays held at once, to bound memory on big components

Position = tuple[float, float]
Size = tuple[float, float]  # width and height of what is drawn for a node: its shape and label


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


def layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    seed: int = SEED,
    sizes: dict[str, Size] | None = None,
) -> dict[str, Position]:
    """A position per node, in pixels: each component by force direction, spread so that no two
    ``sizes`` boxes overlap, packed in rows centred on (0, 0); the nodes in no edge in a grid below.

    The same nodes and edges give the same positions, whatever their order.
    """
    parts = components(nodes, [(s, o) for s, o in edges if s != o])
    by_component = {node: k for k, part in enumerate(parts) for node in part}
    part_edges: list[list[tuple[str, str]]] = [[] for _ in parts]
    for s, o in sorted(set(edges)):
        part_edges[by_component[s]].append((s, o))
    boxes = [
        _component_layout(part, links, seed, sizes or {})
        for part, links in zip(parts, part_edges, strict=True)
        if len(part) > 1
    ]
    placed = _pack(boxes)
    lonely = sorted(part[0] for part in parts if len(part) == 1)
    return placed | _grid(lonely, placed)


def _component_layout(
    part: list[str], links: list[tuple[str, str]], seed: int, sizes: dict[str, Size]
) -> tuple[dict[str, Position], float, float]:
    n = len(part)
    index = {node: i for i, node in enumerate(part)}
    pairs = np.array([(index[s], index[o]) for s, o in links if s != o], dtype=np.int64).reshape(-1, 2)
    pos = _fruchterman_reingold(n, pairs, seed)
    pos *= EDGE_LENGTH * math.sqrt(n)
    if n <= SPREAD_MAX:
        size = np.array([sizes.get(node, (30.0, 30.0)) for node in part], dtype=float)
        pos = _spread(pos, size)
    pos -= pos.min(axis=0)
    width, height = (float(v) for v in pos.max(axis=0))
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for node, i in index.items()}, width, height


def _spread(pos: np.ndarray, size: np.ndarray, iterations: int = 50) -> np.ndarray:
    """Push apart the nodes whose boxes overlap, each pair along the axis where they overlap least,
    keeping the force layout's shape otherwise."""
    pos = pos.copy()
    half = size / 2 + 4.0  # a little air around each box
    n = len(pos)
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        need = half[:, None, :] + half[None, :, :]
        overlap = need - np.abs(delta)
        hit = (overlap > 0).all(axis=-1) & upper
        if not hit.any():
            break
        i, j = np.nonzero(hit)
        ov = overlap[i, j]
        axis = np.argmin(ov / np.maximum(need[i, j], 1e-9), axis=1)  # the cheaper way out
        d = delta[i, j, axis]
        sign = np.where(d > 0, 1.0, np.where(d < 0, -1.0, np.where(i % 2 == 0, 1.0, -1.0)))
        step = ov[np.arange(len(i)), axis] * 0.5 * sign
        # np.add.at is slow on tens of thousands of pairs; bincount sums per (node, axis) at once
        push = np.bincount(i * 2 + axis, step, minlength=2 * n) - np.bincount(
            j * 2 + axis, step, minlength=2 * n
        )
        pos += push.reshape(n, 2) * 0.6
    return pos


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
    """Components in rows, biggest first, centred on (0, 0): shelf packing to the view's shape."""
    margin = EDGE_LENGTH * 0.6
    area = sum((w + margin) * (h + margin) for _, w, h in boxes)
    row_width = max([math.sqrt(area * ASPECT)] + [w + margin for _, w, _ in boxes[:1]])
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


def _grid(lonely: list[str], placed: dict[str, Position]) -> dict[str, Position]:
    """The nodes in no edge, in rows as wide as the packed components, under them."""
    if not lonely:
        return {}
    if placed:
        xs = [p[0] for p in placed.values()]
        left, width, top = min(xs), max(xs) - min(xs), max(p[1] for p in placed.values()) + 2 * GRID_STEP
    else:
        width = GRID_STEP * math.sqrt(len(lonely) * ASPECT)
        left, top = -width / 2, -GRID_STEP * len(lonely) / max(1.0, width / GRID_STEP) / 2
    columns = max(1, int(width // (GRID_STEP * 2)) + 1)
    return {
        node: (round(left + (k % columns) * GRID_STEP * 2, 1), round(top + (k // columns) * GRID_STEP, 1))
        for k, node in enumerate(lonely)
    }


def top_nodes(rank: dict[str, float], limit: int) -> list[str]:
    """The ``limit`` most important nodes, ties broken by id."""
    return sorted(sorted(rank, key=lambda node: (-rank[node], node))[:limit])
