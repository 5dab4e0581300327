"""Writing a graph in other RDF formats; quad formats keep one named graph per document.

A ``graph.ttl`` holds the union of the corpus. Its named graphs are recovered from provenance:
a document's graph holds its node, its relation records and the relations they assert; the
default graph holds the entities, merges and extractors.
"""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF

from kg.errors import KGError
from kg.graph import new_dataset
from kg.ontology import KG

FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
QUAD_FORMATS = {"nq", "trig"}


def split_by_document(graph: Graph) -> Dataset:
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


def export(graph: Graph, fmt: str) -> str:
    """The graph as text in ``fmt`` (ttl, nt, nq, trig, jsonld)."""
    if fmt not in FORMATS:
        raise KGError(f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
    if fmt in QUAD_FORMATS:
        return split_by_document(graph).serialize(format=FORMATS[fmt])
    if fmt == "nt":
        return "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))
    return graph.serialize(format=FORMATS[fmt])
