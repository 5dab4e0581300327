"""Graph -> pyvis ``Network`` -> one self-contained HTML page that works offline.

pyvis's own templates link Bootstrap from a CDN in every mode and interpolate the heading
unescaped, so the page comes from ``kg/page/templates/graph.html.j2`` instead: vis-network's JS and
CSS are read from the installed pyvis package and inlined, and the graph travels as one inert
JSON block. Every label, alias and sentence comes from untrusted articles: the template escapes
text, the JSON escapes ``<``, ``>`` and ``&``, and tooltips stay plain text that the page's script
puts into the DOM with ``textContent``; a Content-Security-Policy lets only the page's own
scripts (by hash) run and nothing be fetched. Sizes (PageRank) and positions come from
``kg.page.layout``, so every graph draws at once, as laid out, with physics off. Entities in no
relation are marked ``linked: false``: the page keeps them aside until its legend shows them.

>>> from rdflib import Graph
>>> render_html(Graph()).startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from pyvis.network import Network
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from kg.graph.counts import GraphCounts, count_graph
from kg.ontology import KG
from kg.page import html as page
from kg.page import layout, style
from kg.page.html import script_json

__all__ = ["Drawing", "build_network", "drawing", "render_html", "script_json"]

MAX_SENTENCES = 5  # per edge tooltip; a relation seen in many articles would flood it
MAX_DOCUMENTS = 10  # per node tooltip
MAX_SENTENCE_CHARS = 300

Edge = tuple[str, str, str]  # subject IRI, relation local name, object IRI


DEFAULT_MAX_NODES: int | None = None  # draw everything unless asked otherwise


@dataclass
class Drawing:
    """What the page draws: vis-network nodes and edges, and what was left out to fit."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    options: dict[str, Any]
    total_nodes: int
    total_edges: int

    @property
    def omitted_nodes(self) -> int:
        return self.total_nodes - len(self.nodes)

    @property
    def omitted_edges(self) -> int:
        return self.total_edges - len(self.edges)


def drawing(graph: Graph, max_nodes: int | None = DEFAULT_MAX_NODES) -> Drawing:
    """One node per entity and one directed edge per relation triple, in a stable order.

    Nodes are sized by PageRank and placed by a seeded layout. With ``max_nodes``, only the
    most important entities are kept, with the relations among them.
    """
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1, not {max_nodes}")
    classes = _entity_classes(graph)
    all_edges = sorted(_relation_triples(graph))
    for s, _, o in all_edges:
        classes.setdefault(s, style.UNTYPED)
        classes.setdefault(o, style.UNTYPED)
    ids = sorted(classes)
    rank = layout.pagerank(ids, [(s, o) for s, _, o in all_edges])
    if max_nodes is not None and len(ids) > max_nodes:
        ids = layout.top_nodes(rank, max_nodes)
    kept = set(ids)
    edges = [(s, rel, o) for s, rel, o in all_edges if s in kept and o in kept]
    degree: dict[str, int] = defaultdict(int)
    for s, _, o in edges:
        degree[s] += 1
        degree[o] += 1
    doc_ids = _DocumentIds(graph)
    labels = {iri: _label(graph, URIRef(iri)) for iri in ids}
    top = max(rank.values(), default=1.0)
    value = {iri: round(100 * rank[iri] / top, 2) for iri in ids}
    sizes = {iri: style.footprint(labels[iri], value[iri]) for iri in ids}
    positions = layout.layout(ids, [(s, o) for s, _, o in edges], sizes=sizes)
    nodes = [
        _node(graph, iri, labels[iri], classes[iri], degree[iri], doc_ids)
        | {"value": value[iri], "x": positions[iri][0], "y": positions[iri][1], "linked": degree[iri] > 0}
        for iri in ids
    ]
    provenance = _provenance(graph, doc_ids, kept)
    smooth = _edge_curves(edges)
    drawn = [
        _edge(index, s, rel, o, labels, provenance.get((s, rel, o), []), smooth[index])
        for index, (s, rel, o) in enumerate(edges)
    ]
    options = style.vis_options(len(nodes))
    return Drawing(nodes, drawn, options, len(classes), len(all_edges))


def build_network(graph: Graph, max_nodes: int | None = DEFAULT_MAX_NODES) -> Network:
    """The drawing as a pyvis ``Network``, for callers who want pyvis's own API.

    To see the graph in a notebook, use :func:`kg.show`: kg's page (search, legend, filters)
    inline and offline. ``net.show("x.html", notebook=True)`` works too, but draws pyvis's own
    page (no search or legend, Bootstrap fetched from a CDN) in a file the notebook must be able
    to load beside it, which VS Code's notebooks cannot.
    """
    draw = drawing(graph, max_nodes)
    net = Network(directed=True, height="750px", width="100%", cdn_resources="in_line")
    # pyvis loads the template show(notebook=True) renders only when built with notebook=True,
    # which also prints a warning; without it that call fails on a None template
    net.prep_notebook()
    # add_node/add_edge search the lists they fill (quadratic); append what they would have.
    for node in draw.nodes:
        net.nodes.append(node)
        net.node_ids.append(node["id"])
        net.node_map[node["id"]] = node
    net.edges.extend(draw.edges)
    net.options = draw.options
    return net


def render_html(
    graph: Graph,
    title: str = "kg graph",
    max_nodes: int | None = DEFAULT_MAX_NODES,
    counts: GraphCounts | None = None,
) -> str:
    """The complete HTML page for ``graph``: no remote resources, nothing random, safe to open.

    The header states ``counts`` (default: ``graph``'s), in the words of ``kg build``'s summary;
    a build that draws only part of its graph passes the whole graph's counts.
    """
    draw = drawing(graph, max_nodes)
    node_legend, edge_legend = style.legend(
        {node["group"] for node in draw.nodes}, {edge["relation"] for edge in draw.edges}
    )
    empty = not draw.nodes
    vis_js, vis_css = ("", "") if empty else page.vis_assets()
    page_js = "" if empty else page.page_js()
    class_labels = {name: s.label for name, s in style.all_node_styles().items()}
    data = {
        "nodes": draw.nodes,
        "edges": draw.edges,
        "options": draw.options,
        "classLabels": class_labels,
        "labelPx": {"nodes": list(style.LABEL_PX), "edges": style.EDGE_LABEL_PX},
    }
    return (
        page.template_env()
        .get_template("graph.html.j2")
        .render(
            title=title,
            empty=empty,
            n_entities=len(draw.nodes),
            n_relations=len(draw.edges),
            total_entities=draw.total_nodes,
            total_relations=draw.total_edges,
            summary=(counts or count_graph(graph)).describe(),
            n_unlinked=sum(1 for node in draw.nodes if not node["linked"]),
            node_legend=node_legend,
            edge_legend=edge_legend,
            data_json=Markup(page.script_json(data)),
            vis_js=Markup(vis_js),
            vis_css=Markup(vis_css),
            page_js=Markup(page_js),
            csp=Markup(page.content_security_policy([] if empty else [vis_js, page_js])),
        )
    )


# ---------------------------------------------------------------- reading the graph


def _entity_classes(graph: Graph) -> dict[str, str]:
    classes: dict[str, str] = {}
    for name in style.NODE_STYLES:  # most specific first, so the first class seen wins
        for entity in graph.subjects(RDF.type, KG[name]):
            if isinstance(entity, URIRef):
                classes.setdefault(str(entity), name)
    return classes


def _relation_triples(graph: Graph) -> Iterable[Edge]:
    for rel in style.RELATION_FAMILY:
        for s, o in graph.subject_objects(KG[rel]):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                yield str(s), rel, str(o)


def _label(graph: Graph, entity: URIRef) -> str:
    labels = sorted(str(label) for label in graph.objects(entity, RDFS.label))
    if labels:
        return labels[0]
    return re.split(r"[/#]", str(entity).rstrip("/#"))[-1] or str(entity)


class _DocumentIds:
    """A document's ``kg:documentId`` (else its title, else its IRI), looked up once each."""

    def __init__(self, graph: Graph) -> None:
        self._graph = graph
        self._ids: dict[Node, str] = {}

    def __call__(self, doc: Node) -> str:
        if doc not in self._ids:
            value = self._graph.value(doc, KG.documentId) or self._graph.value(doc, DCTERMS.title)
            self._ids[doc] = str(value if value is not None else doc)
        return self._ids[doc]


def _provenance(
    graph: Graph, doc_ids: _DocumentIds, kept: set[str]
) -> dict[Edge, list[tuple[str, str, str]]]:
    """(subject, relation, object) -> sorted (document id, sentence, confidence) records."""
    records: dict[Edge, list[tuple[str, str, str]]] = defaultdict(list)
    prefix = str(KG)
    for mention in graph.subjects(RDF.type, KG.RelationMention):
        s, p, o = (graph.value(mention, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        if str(s) not in kept or str(o) not in kept or not str(p).startswith(prefix):
            continue
        doc = graph.value(mention, PROV.wasDerivedFrom)
        confidence = graph.value(mention, KG.confidence)
        records[(str(s), str(p)[len(prefix) :], str(o))].append(
            (
                doc_ids(doc) if doc is not None else "unknown document",
                str(graph.value(mention, KG.sentence) or ""),
                _confidence(confidence),
            )
        )
    return {key: sorted(set(value)) for key, value in records.items()}


def _confidence(value: Node | None) -> str:
    if isinstance(value, Literal):
        try:
            return f"{float(value.toPython()):.2f}"
        except (TypeError, ValueError):
            return ""
    return ""


# ---------------------------------------------------------------- nodes, edges, options


def _node(graph: Graph, iri: str, label: str, cls: str, degree: int, doc_ids: _DocumentIds) -> dict[str, Any]:
    entity = URIRef(iri)
    node_style = style.node_style(cls)
    aliases = sorted({str(a) for a in graph.objects(entity, SKOS.altLabel)} - {label})
    count = graph.value(entity, KG.mentionCount)
    docs = sorted({doc_ids(d) for d in graph.objects(entity, KG.mentionedIn)})
    lines = [label, node_style.label]
    if aliases:
        lines.append("Also: " + ", ".join(aliases))
    if count is not None:
        lines.append(f"Mentions: {count}")
    if docs:
        more = f" and {len(docs) - MAX_DOCUMENTS} more" if len(docs) > MAX_DOCUMENTS else ""
        lines.append("Documents: " + ", ".join(docs[:MAX_DOCUMENTS]) + more)
    lines.append(f"Relations: {degree}")
    node: dict[str, Any] = {
        "id": iri,
        "label": label,
        "group": cls,  # colour and shape come from the group (options["groups"])
        "title": "\n".join(lines),
    }
    if aliases:
        node["aliases"] = aliases  # for the search box
    return node


def _edge(
    index: int,
    s: str,
    rel: str,
    o: str,
    labels: dict[str, str],
    records: list[tuple[str, str, str]],
    smooth: dict[str, Any],
) -> dict[str, Any]:
    name = style.relation_label(rel)
    lines = [f"{labels[s]} {name} {labels[o]}"]
    for doc, sentence, confidence in records[:MAX_SENTENCES]:
        if len(sentence) > MAX_SENTENCE_CHARS:
            sentence = sentence[: MAX_SENTENCE_CHARS - 1] + "…"
        source = f"{doc}, confidence {confidence}" if confidence else doc
        lines.append(f"“{sentence}” ({source})" if sentence else f"({source})")
    if len(records) > MAX_SENTENCES:
        lines.append(f"… and {len(records) - MAX_SENTENCES} more")
    color = style.edge_family(rel).color
    return {
        "id": f"e{index}",
        "from": s,
        "to": o,
        "label": name,
        "title": "\n".join(lines),
        "color": {"color": color, "highlight": color, "hover": color},
        "width": min(1 + len(records), 5),
        "relation": rel,  # not drawn; for whoever filters the network
        **smooth,
    }


def _edge_curves(edges: list[Edge]) -> list[dict[str, Any]]:
    """Fan out the edges between one pair of nodes so that none hides another."""
    pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, (s, _, o) in enumerate(edges):
        pairs[(min(s, o), max(s, o))].append(index)
    curves: list[dict[str, Any]] = [{} for _ in edges]
    for (low, high), indexes in pairs.items():
        # 0, +1, -1, +2, ... for an odd count; +1, -1, +2, ... for an even one
        start = 0 if len(indexes) % 2 else 1
        offsets = [(k + 1) // 2 * (1 if k % 2 else -1) for k in range(start, len(indexes) + start)]
        step = min(0.35, 0.9 / max(1, *map(abs, offsets)))
        for k, (index, offset) in enumerate(zip(indexes, offsets, strict=True)):
            if low == high:
                curves[index] = {"selfReference": {"size": 20 + 10 * k, "angle": round(k * math.pi / 4, 4)}}
            elif offset == 0:
                curves[index] = {"smooth": {"enabled": False}}
            else:
                # the side is fixed for the pair (low -> high); an edge running high -> low mirrors it
                side = offset if edges[index][0] == low else -offset
                kind = "curvedCW" if side > 0 else "curvedCCW"
                curves[index] = {
                    "smooth": {"enabled": True, "type": kind, "roundness": round(step * abs(offset), 3)}
                }
    return curves
