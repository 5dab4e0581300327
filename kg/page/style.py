"""How the HTML page draws things: colours and shapes per class, colours per relation family.

Kept apart from ``render.py`` so the look can change without touching the graph walking.
Colours are from the Tableau 10 palette, chosen to stay apart for common colour blindness.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NodeStyle:
    label: str
    color: str
    shape: str
    symbol: str  # how the legend draws the shape


@dataclass(frozen=True)
class EdgeFamily:
    name: str
    color: str


# Most specific first: when an entity carries several of our classes, the first one wins.
# The organizations share a shape and differ by colour, so they read as one kind at a glance;
# so do the places: a country, state or city that acts is a deeper shade of the places' yellow.
NODE_STYLES: dict[str, NodeStyle] = {
    "Company": NodeStyle("Company", "#4e79a7", "dot", "●"),
    "TradeAssociation": NodeStyle("Trade association", "#59a14f", "dot", "●"),
    "GovernmentAgency": NodeStyle("Government agency", "#b07aa1", "dot", "●"),
    "NewsOrganization": NodeStyle("News organization", "#9c755f", "dot", "●"),
    "Organization": NodeStyle("Organization", "#76b7b2", "dot", "●"),
    "Person": NodeStyle("Person", "#f28e2b", "diamond", "◆"),
    "GeopoliticalEntity": NodeStyle("Country, state or city", "#b6992d", "square", "■"),
    "Place": NodeStyle("Place", "#edc948", "square", "■"),
    "Brand": NodeStyle("Brand", "#ff9da7", "triangle", "▲"),
}

# For an IRI that takes part in a relation but carries none of the classes above.
UNTYPED = "Entity"
UNTYPED_STYLE = NodeStyle("Entity (untyped)", "#bab0ac", "hexagon", "⬢")

FAMILIES: dict[str, EdgeFamily] = {
    f.name: f
    for f in (
        EdgeFamily("conflict", "#d62728"),
        EdgeFamily("appeal", "#ff7f0e"),
        EdgeFamily("response", "#9467bd"),
        EdgeFamily("affiliation", "#1f77b4"),
        EdgeFamily("place", "#2ca02c"),
        EdgeFamily("cooperation", "#17becf"),
        EdgeFamily("other", "#555555"),
    )
}

# Every relation property of the ontology, by local name (a test checks it against kg.ttl).
RELATION_FAMILY: dict[str, str] = {
    "accuses": "conflict",
    "urges": "appeal",
    "respondsTo": "response",
    "leads": "affiliation",
    "worksFor": "affiliation",
    "represents": "affiliation",
    "memberOf": "affiliation",
    "partOf": "affiliation",
    "basedIn": "place",
    "locatedIn": "place",
    "livesIn": "place",
    "alliedWith": "cooperation",
    "cooperatesWith": "cooperation",
    "killed": "other",
}


def node_style(class_name: str) -> NodeStyle:
    return NODE_STYLES.get(class_name, UNTYPED_STYLE)


def all_node_styles() -> dict[str, NodeStyle]:
    return {**NODE_STYLES, UNTYPED: UNTYPED_STYLE}


def edge_family(relation: str) -> EdgeFamily:
    return FAMILIES[RELATION_FAMILY.get(relation, "other")]


def relation_label(relation: str) -> str:
    """``"respondsTo"`` -> ``"responds to"``."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", relation).lower()


def legend(
    classes: set[str], relations: set[str]
) -> tuple[list[tuple[str, NodeStyle]], list[tuple[EdgeFamily, list[tuple[str, str]]]]]:
    """The legend rows for the classes and relations present, in a fixed order: each class with
    its style, each relation family with its (relation, readable name) pairs.

    >>> legend({"Person"}, {"leads", "worksFor"})[1][0][1]
    [('leads', 'leads'), ('worksFor', 'works for')]
    """
    nodes = [(name, style) for name, style in all_node_styles().items() if name in classes]
    edges = []
    for family in FAMILIES.values():
        members = [(r, relation_label(r)) for r in sorted(relations) if edge_family(r) == family]
        if members:
            edges.append((family, members))
    return nodes, edges


NODE_SIZE = (10.0, 40.0)  # radius in pixels of the least and the most important entity
LABEL_PX = (11.0, 16.0)  # on-screen font size of their labels, whatever the zoom (graph.js)
EDGE_LABEL_PX = 11.0


def footprint(label: str, value: float) -> tuple[float, float]:
    """Width and height, in pixels at zoom 1, of a node of importance ``value`` (0-100) and its
    label under it, for the layout to keep apart. The label is counted above the node as well as
    below, so that the box can stay centred on the node."""
    radius = NODE_SIZE[0] + (NODE_SIZE[1] - NODE_SIZE[0]) * value / 100
    px = LABEL_PX[0] + (LABEL_PX[1] - LABEL_PX[0]) * value / 100
    return max(2 * radius, 0.56 * px * len(label)), 2 * (radius + 1.3 * px)


def vis_options(n_nodes: int) -> dict[str, Any]:
    """vis-network options. Nodes come with positions and are drawn as they are (physics off);
    labels are sized and thinned out by the page's script, for the zoom it is at."""
    big = n_nodes > 500
    return {
        "autoResize": True,
        "groups": {
            "useDefaultGroups": False,
            **{name: {"color": s.color, "shape": s.shape} for name, s in all_node_styles().items()},
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 0, "face": "sans-serif", "strokeWidth": 3},
            # size by importance (each node's "value"); graph.js gives each label its font size
            "scaling": {
                "min": NODE_SIZE[0],
                "max": NODE_SIZE[1],
                "label": {"enabled": False, "drawThreshold": 5, "maxVisible": 1000},
            },
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {"size": 0, "align": "middle", "color": "#333333", "strokeWidth": 3},
            "scaling": {"label": {"enabled": False, "drawThreshold": 5, "maxVisible": 1000}},
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.5},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
        },
        # positions are given; the seed fixes whatever vis-network still draws at random
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {"enabled": False, "stabilization": {"enabled": False}},
    }
