"""The entity graph as networkx: entities as nodes, relations between them as edges.

Only entities are nodes: events, documents, provenance records, merges and extractors are not,
and what the provenance says about a relation becomes attributes of its edge. Node ids are the
entities' IRIs; node attributes are plain data:

- ``label``: the canonical name (``rdfs:label``), the IRI when there is none;
- ``class``: the local name of the most specific ontology class (``Company``);
- ``aliases``: the other names (``skos:altLabel``), a sorted list;
- ``mentions``: ``kg:mentionCount`` (0 when absent).

One edge per relation triple, keyed by the relation's local name, with ``relation`` (that
name), ``confidence`` (the highest of its provenance records, when it has any) and
``sentences`` (how many sentences state it).

>>> from rdflib import Graph
>>> g = Graph().parse(data='''
...     @prefix kg: <https://w3id.org/kg-news/ontology#> .
...     @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
...     <http://e/acme> a kg:Company ; rdfs:label "Acme" ; kg:basedIn <http://e/oslo> .
...     <http://e/oslo> a kg:Place ; rdfs:label "Oslo" .''', format="turtle")
>>> nxg = to_networkx(g)
>>> nxg.nodes["http://e/acme"]["label"], list(nxg.edges(keys=True))
('Acme', [('http://e/acme', 'http://e/oslo', 'basedIn')])
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal, InvalidOperation

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from kg.config import ONTOLOGY_NS
from kg.ontology import KG, entity_class_names, relation_names, super_classes

__all__ = ["to_networkx"]


def _number(term: Node | None) -> Decimal | None:
    if not isinstance(term, Literal):
        return None
    try:
        return Decimal(str(term))
    except InvalidOperation:
        return None


def _entity_classes(graph: Graph, node: Node) -> list[str]:
    known = entity_class_names() | {"Entity"}
    names = {
        str(c)[len(ONTOLOGY_NS) :] for c in graph.objects(node, RDF.type) if str(c).startswith(ONTOLOGY_NS)
    }
    return sorted(names & known)


def _most_specific(classes: list[str]) -> str:
    # the deepest class under kg:Entity; by name when two are equally deep
    return min(classes, key=lambda c: (-len(super_classes(c)), c))


def _provenance(graph: Graph) -> dict[tuple[Node, Node, Node], tuple[Decimal | None, set[str]]]:
    """(subject, property, object) -> (highest confidence, sentences) over its relation records."""
    confidences: dict[tuple[Node, Node, Node], list[Decimal]] = defaultdict(list)
    sentences: dict[tuple[Node, Node, Node], set[str]] = defaultdict(set)
    for record in graph.subjects(RDF.type, KG.RelationMention):
        s, p, o = (graph.value(record, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        if s is None or p is None or o is None:
            continue
        key = (s, p, o)
        confidence = _number(graph.value(record, KG.confidence))
        confidences[key] += [] if confidence is None else [confidence]
        sentences[key].update(str(sentence) for sentence in graph.objects(record, KG.sentence))
    return {key: (max(confidences[key], default=None), sentences[key]) for key in confidences}


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entities of a kg graph and the relations between them, as a ``networkx.MultiDiGraph``.

    Nodes and edges are added in sorted order, so the same graph gives the same result.
    """
    out = nx.MultiDiGraph()
    entities: dict[Node, str] = {}
    for node in sorted(set(graph.subjects(RDF.type, None)), key=str):
        if isinstance(node, URIRef):
            classes = _entity_classes(graph, node)
            if classes:
                entities[node] = _most_specific(classes)
    for node, cls in entities.items():
        label = graph.value(node, RDFS.label)
        out.add_node(
            str(node),
            label=str(label) if label is not None else str(node),
            **{"class": cls},
            aliases=sorted({str(alias) for alias in graph.objects(node, SKOS.altLabel)}),
            mentions=int(_number(graph.value(node, KG.mentionCount)) or 0),
        )
    provenance = _provenance(graph)
    for name in sorted(relation_names()):
        prop = KG._NS[name]
        for s, o in sorted(graph.subject_objects(prop), key=lambda pair: (str(pair[0]), str(pair[1]))):
            if s not in entities or o not in entities:
                continue
            confidence, sentences = provenance.get((s, prop, o), (None, set()))
            attributes: dict[str, object] = {"relation": name, "sentences": len(sentences)}
            if confidence is not None:
                attributes["confidence"] = float(confidence)
            out.add_edge(str(s), str(o), key=name, **attributes)
    return out
