"""What a graph holds, counted one way for every place that reports it.

The build's summary, the page's header, ``kg.api``'s results and the README all say "5 documents,
63 entities, 52 relations (from 52 statements)" from :func:`count_graph`:

- a *relation* is one distinct ``subject property object`` triple between entities: what the page
  draws as an edge and what SPARQL matches;
- a *statement* is one relation read from one sentence (a ``kg:RelationMention`` that was
  extracted, not inferred): the same relation stated in three sentences is one relation from three
  statements, and a relation ``kg infer`` adds comes from the statements it follows from;
- an *entity* is an IRI typed with an entity class of the ontology, or an end of a relation.

>>> from rdflib import Graph
>>> count_graph(Graph()).describe()
'0 documents, 0 entities, 0 relations (from 0 statements)'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from rdflib import URIRef
from rdflib.namespace import PROV, RDF

from kg.ontology import KG, entity_class_names, relation_names

Triple = tuple[Any, Any, Any]


class Triples(Protocol):
    """What counting reads: rdflib's ``Graph.triples``, or an adapter over another store
    (``kg.sparql.stores.oxigraph.StoreTriples``) that takes and gives rdflib terms."""

    def triples(self, pattern: Triple) -> Iterable[Triple]: ...


@dataclass(frozen=True)
class GraphCounts:
    documents: int = 0
    entities: int = 0
    relations: int = 0  # distinct entity-property-entity triples
    statements: int = 0  # extracted relation mentions: one relation read from one sentence

    def describe(self) -> str:
        """``"5 documents, 63 entities, 52 relations (from 53 statements)"``."""
        return (
            f"{_n(self.documents, 'document')}, {_n(self.entities, 'entity', 'entities')}, "
            f"{_n(self.relations, 'relation')} (from {_n(self.statements, 'statement')})"
        )


def count_graph(graph: Triples) -> GraphCounts:
    """Documents, entities, relations and statements in ``graph``."""

    def typed(cls: URIRef) -> set[Any]:
        return {s for s, _, _ in graph.triples((None, RDF.type, cls))}

    entities: set[Any] = set()
    for name in entity_class_names():
        entities |= typed(KG[name])
    relations: set[Triple] = set()
    for name in relation_names():
        for s, p, o in graph.triples((None, KG[name], None)):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                relations.add((s, p, o))
                entities.update((s, o))
    mentions = typed(KG.RelationMention)
    # An inferred record is derived from the record it follows from (kg.graph.infer).
    inferred = {s for s, _, o in graph.triples((None, PROV.wasDerivedFrom, None)) if o in mentions}
    return GraphCounts(len(typed(KG.Document)), len(entities), len(relations), len(mentions - inferred))


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else many or one + 's'}"
