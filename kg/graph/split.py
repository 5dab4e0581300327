"""A graph cut into one named graph per document, as the quad formats, the on-disk store and
``kg push`` hold it.

A ``graph.ttl`` holds the union of the corpus. Its named graphs are recovered from provenance:
a document's graph holds its node, its relation records and the relations they assert; the
default graph holds the entities, merges and extractors.
"""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF

from kg.graph.build import new_dataset
from kg.ontology import KG


def split_by_document(graph: Graph) -> Dataset:
    """``graph`` as a Dataset: a named graph per document (its IRI), the rest in the default graph."""
    ds = new_dataset()
    placed: set[tuple[object, object, object]] = set()
    for doc in sorted(graph.subjects(RDF.type, KG.Document), key=str):
        named = ds.graph(URIRef(str(doc)))
        for triple in graph.triples((doc, None, None)):
            named.add(triple)
            placed.add(triple)
    for node in sorted(graph.subjects(RDF.type, KG.RelationMention), key=str):
        for doc in graph.objects(node, PROV.wasDerivedFrom):
            named = ds.graph(URIRef(str(doc)))
            for triple in graph.triples((node, None, None)):
                named.add(triple)
                placed.add(triple)
            statement = (
                graph.value(node, RDF.subject),
                graph.value(node, RDF.predicate),
                graph.value(node, RDF.object),
            )
            if all(t is not None for t in statement) and statement in graph:
                named.add(statement)  # type: ignore[arg-type]
                placed.add(statement)
    for triple in graph:
        if triple not in placed:
            ds.default_graph.add(triple)
    return ds
