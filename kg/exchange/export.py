"""Writing a graph in other formats: RDF (quad formats keep one named graph per document) and
the entity graph as GraphML or GEXF for Gephi, Neo4j, yEd and networkx.

The quad formats cut the graph by document as :func:`kg.graph.split.split_by_document` does.

GraphML and GEXF hold the entity graph of :func:`kg.exchange.network.to_networkx` only: entities are
nodes (id = IRI, ``label`` = name, ``class``, ``aliases`` joined with ``"; "``, ``mentions``),
relations are edges (``relation``, ``label`` = the relation too, for Gephi's edge labels,
``confidence``, ``sentences``); events, documents and provenance records are left out.
"""

from __future__ import annotations

from typing import Any

from rdflib import Graph

from kg.errors import KGError
from kg.graph.split import split_by_document

RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
NETWORK_FORMATS = ("graphml", "gexf")
FORMATS = (*RDF_FORMATS, *NETWORK_FORMATS)
QUAD_FORMATS = {"nq", "trig"}
ALIAS_SEPARATOR = "; "


def _writable(nxg: Any) -> Any:
    """A copy GraphML/GEXF writers accept: lists joined, one unique id per edge."""
    import networkx as nx

    out = nx.MultiDiGraph()
    for node, data in nxg.nodes(data=True):
        out.add_node(
            node, **{k: ALIAS_SEPARATOR.join(v) if isinstance(v, list) else v for k, v in data.items()}
        )
    # GraphML and Gephi want edge ids unique in the file; a relation name is only unique per pair
    for i, (u, v, data) in enumerate(nxg.edges(data=True)):
        out.add_edge(u, v, key=f"e{i}", label=data["relation"], **data)
    return out


def _network(graph: Graph, fmt: str) -> str:
    import networkx as nx

    from kg.exchange.network import to_networkx

    nxg = _writable(to_networkx(graph))
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(nxg)) + "\n"
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter()
    meta = writer.xml.find("meta")
    if meta is not None:  # the day of writing: the same graph must give the same file
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(nxg)
    return "\n".join(str(writer).splitlines()) + "\n"  # as nx.generate_gexf, without the date


def export(graph: Graph, fmt: str) -> str:
    """The graph as text in ``fmt``: ttl, nt, nq, trig, jsonld, or graphml / gexf (entities only)."""
    if fmt not in FORMATS:
        raise KGError(f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
    if fmt in NETWORK_FORMATS:
        return _network(graph, fmt)
    if fmt in QUAD_FORMATS:
        return split_by_document(graph).serialize(format=RDF_FORMATS[fmt])
    if fmt == "nt":
        return "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))
    return graph.serialize(format=RDF_FORMATS[fmt])
