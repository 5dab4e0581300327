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


def vis_options(n_nodes: int, physics: bool = True) -> dict[str, Any]:
    """vis-network options. Nodes come with positions; ``physics`` relaxes them a little on small
    graphs, and the page switches it off once stable. Big graphs draw as laid out."""
    big = n_nodes > 500
    return {
        "autoResize": True,
        "groups": {
            "useDefaultGroups": False,
            **{name: {"color": s.color, "shape": s.shape} for name, s in all_node_styles().items()},
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "face": "sans-serif"},
            # size and label by importance (each node's "value"); labels too small to read are skipped
            "scaling": {
                "min": 10,
                "max": 40,
                "label": {"enabled": True, "min": 14, "max": 22, "drawThreshold": 5, "maxVisible": 30},
            },
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "font": {"size": 12, "align": "middle", "color": "#333333", "strokeWidth": 3},
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
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 110, "avoidOverlap": 0.2},
            "stabilization": {"enabled": physics, "iterations": 300, "updateInterval": 25, "fit": True},
            "minVelocity": 0.75,
        },
    }
