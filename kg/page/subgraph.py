"""The part of a graph a SPARQL query picks out, ready to draw with :func:`kg.page.render.render_html`.

A SELECT picks the entities bound in its rows, and the page shows the relations among them; a
CONSTRUCT gives triples, and the page shows those, with the labels, classes, aliases and
documents of their entities (and the sentences behind their relations) taken from the graph.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from kg.errors import QueryError
from kg.ontology import KG
from kg.page import style
from kg.sparql.query import QueryResult

_ENTITY_FACTS = (RDF.type, RDFS.label, SKOS.altLabel, KG.mentionCount, KG.mentionedIn)
_DOCUMENT_FACTS = (RDF.type, KG.documentId, DCTERMS.title)
_MENTION_FACTS = (
    RDF.type,
    RDF.subject,
    RDF.predicate,
    RDF.object,
    KG.sentence,
    KG.confidence,
    PROV.wasDerivedFrom,
)
RELATIONS = frozenset(KG[name] for name in style.RELATION_FAMILY)
CLASSES = frozenset(KG[name] for name in style.NODE_STYLES)


def query_subgraph(graph: Graph, result: QueryResult) -> Graph:
    """The entities and relations ``result`` (of a query over ``graph``) points at.

    Raises :class:`QueryError` for an ASK or DESCRIBE result, and when nothing is left to draw.
    """
    if result.kind == "SELECT":
        entities: set[Node] = {
            t for row in result.rows for t in row if t is not None and _is_entity(graph, t)
        }
        relations = [
            (s, p, o)
            for s in entities
            for p, o in graph.predicate_objects(s)
            if p in RELATIONS and o in entities
        ]
        base: list[tuple[Node, Node, Node]] = []
        if not entities:
            raise QueryError(
                "the query bound no entity of the graph, so there is nothing to draw "
                "(select the entities, as ?a in { ?a kg:accuses ?b }, not only their labels)"
            )
    elif result.kind == "CONSTRUCT" and result.graph is not None:
        base = list(result.graph)
        relations = [(s, p, o) for s, p, o in base if p in RELATIONS]  # drawn with their sentences
        entities = {t for s, _, o in base for t in (s, o) if _is_entity(graph, t)}
        entities |= {t for s, _, o in relations for t in (s, o) if isinstance(t, URIRef)}
        if not entities:
            raise QueryError("the query constructed no entity or relation of the graph: nothing to draw")
    else:
        raise QueryError(f"kg render draws a CONSTRUCT or SELECT result, not {result.kind}")
    out = Graph(bind_namespaces="core")
    for prefix, ns in result.namespaces:
        out.bind(prefix, ns, override=True, replace=True)
    for triple in base:
        out.add(triple)
    documents: set[Node] = set()
    for entity in entities:
        _copy(graph, out, entity, _ENTITY_FACTS)
        documents.update(graph.objects(entity, KG.mentionedIn))
    for s, p, o in relations:
        out.add((s, p, o))
        for mention in graph.subjects(RDF.subject, s):
            if (mention, RDF.predicate, p) in graph and (mention, RDF.object, o) in graph:
                _copy(graph, out, mention, _MENTION_FACTS)
                documents.update(graph.objects(mention, PROV.wasDerivedFrom))
    for doc in documents:
        _copy(graph, out, doc, _DOCUMENT_FACTS)
    return out


def _is_entity(graph: Graph, term: Node) -> bool:
    return isinstance(term, URIRef) and any(c in CLASSES for c in graph.objects(term, RDF.type))


def _copy(source: Graph, target: Graph, subject: Node, predicates: Iterable[Node]) -> None:
    for p in predicates:
        for o in source.objects(subject, p):
            target.add((subject, p, o))
