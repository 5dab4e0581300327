"""Graph -> pyvis ``Network`` -> one self-contained HTML page that works offline.

pyvis's own templates link Bootstrap from a CDN in every mode and interpolate the heading
unescaped, so the page comes from ``kg/templates/graph.html.j2`` instead: vis-network's JS and
CSS are read from the installed pyvis package and inlined, and the graph travels as one inert
JSON block. Every label, alias and sentence comes from untrusted articles: the template escapes
text, the JSON escapes ``<``, ``>`` and ``&``, and tooltips stay plain text that the page's script
puts into the DOM with ``textContent``.

>>> from rdflib import Graph
>>> render_html(Graph()).startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from kg import render_style as style
from kg.ontology import KG

MAX_SENTENCES = 5  # per edge tooltip; a relation seen in many articles would flood it
MAX_DOCUMENTS = 10  # per node tooltip
MAX_SENTENCE_CHARS = 300

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}

Edge = tuple[str, str, str]  # subject IRI, relation local name, object IRI


def build_network(graph: Graph) -> Network:
    """One node per entity and one directed edge per relation triple, in a stable order."""
    classes = _entity_classes(graph)
    edges = sorted(_relation_triples(graph))
    for s, _, o in edges:
        classes.setdefault(s, style.UNTYPED)
        classes.setdefault(o, style.UNTYPED)
    degree: dict[str, int] = defaultdict(int)
    for s, _, o in edges:
        degree[s] += 1
        degree[o] += 1
    doc_ids = _DocumentIds(graph)
    labels = {iri: _label(graph, URIRef(iri)) for iri in classes}

    net = Network(directed=True, height="750px", width="100%", cdn_resources="in_line")
    # add_node/add_edge search the lists they fill (quadratic); append what they would have.
    for iri in sorted(classes):
        node = _node(graph, iri, labels[iri], classes[iri], degree[iri], doc_ids)
        net.nodes.append(node)
        net.node_ids.append(iri)
        net.node_map[iri] = node
    provenance = _provenance(graph, doc_ids)
    smooth = _edge_curves(edges)
    for index, (s, rel, o) in enumerate(edges):
        net.edges.append(_edge(index, s, rel, o, labels, provenance.get((s, rel, o), []), smooth[index]))
    net.options = style.vis_options(len(classes))
    return net


def render_html(graph: Graph, title: str = "kg graph") -> str:
    """The complete HTML page for ``graph``: no remote resources, nothing random, safe to open."""
    net = build_network(graph)
    node_legend, edge_legend = style.legend(
        {node["group"] for node in net.nodes}, {edge["relation"] for edge in net.edges}
    )
    empty = not net.nodes
    vis_js, vis_css = ("", "") if empty else _vis_assets()
    data = {"nodes": net.nodes, "edges": net.edges, "options": net.options}
    return (
        _template_env()
        .get_template("graph.html.j2")
        .render(
            title=title,
            empty=empty,
            n_entities=len(net.nodes),
            n_relations=len(net.edges),
            n_documents=sum(1 for _ in graph.subjects(RDF.type, KG.Document)),
            node_legend=node_legend,
            edge_legend=edge_legend,
            data_json=Markup(script_json(data)),
            vis_js=Markup(vis_js),
            vis_css=Markup(vis_css),
        )
    )


def script_json(value: Any) -> str:
    """JSON that can sit inside ``<script>`` without ending it early (``</script>``, ``<!--``)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


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


def _provenance(graph: Graph, doc_ids: _DocumentIds) -> dict[Edge, list[tuple[str, str, str]]]:
    """(subject, relation, object) -> sorted (document id, sentence, confidence) records."""
    records: dict[Edge, list[tuple[str, str, str]]] = defaultdict(list)
    prefix = str(KG)
    for mention in graph.subjects(RDF.type, KG.RelationMention):
        s, p, o = (graph.value(mention, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        if s is None or o is None or not str(p).startswith(prefix):
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
    return {
        "id": iri,
        "label": label,
        "group": cls,  # colour and shape come from the group (options["groups"])
        "size": round(10 + 5 * math.sqrt(degree), 2),
        "title": "\n".join(lines),
    }


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
        "arrows": "to",
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
        step = min(0.2, 0.9 / max(1, *map(abs, offsets)))
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


# ---------------------------------------------------------------- template and vis-network assets


@lru_cache(maxsize=1)
def _template_env() -> Environment:
    loader = FileSystemLoader(Path(__file__).resolve().parent / "templates")
    return Environment(
        loader=loader, autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and CSS from the newest ``lib/vis-*`` folder pyvis ships."""
    lib = Path(str(resources.files("pyvis"))) / "lib"
    folders = [d for d in lib.glob("vis-*") if (d / "vis-network.min.js").is_file()]
    if not folders:
        raise FileNotFoundError(f"no vis-network in {lib}; reinstall pyvis (pip install 'pyvis==0.3.2')")
    newest = max(folders, key=lambda d: tuple(int(n) for n in re.findall(r"\d+", d.name)))
    js = (newest / "vis-network.min.js").read_text(encoding="utf-8")
    css = (newest / "vis-network.css").read_text(encoding="utf-8")
    # the source maps are not shipped; a browser's developer tools would only fail to load them
    js = re.sub(r"//# sourceMappingURL=\S*", "", js)
    css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css)
    # "<script" / "</script" / "<!--" appear only inside string literals, where \x3c means "<"
    js = re.sub(r"<(?=/?script|!--)", r"\\x3c", js, flags=re.IGNORECASE)
    if re.search(r"</style", css, flags=re.IGNORECASE):
        raise ValueError(f"{newest / 'vis-network.css'} contains </style> and cannot be inlined")
    return js, css
