"""graph.ttl is rdflib's Turtle, written faster: the text must be exactly what rdflib writes."""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.api import build
from kg.graph.turtle import to_turtle

EX = Namespace("http://example.org/org/")
OTHER = "http://elsewhere.example/vocab#"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_examples_graph_is_written_as_rdflib_writes_it() -> None:
    g = build([str(EXAMPLES)]).graph
    assert to_turtle(g) == g.serialize(format="turtle")


def test_terms_without_prefix_languages_and_blank_nodes_match_rdflib() -> None:
    g = Graph()
    g.bind("ex", EX)
    a, b = EX["norwind"], URIRef(OTHER + "Kestrel")
    g.add((a, RDF.type, URIRef(OTHER + "Company")))
    g.add((a, RDFS.label, Literal("Norwind", lang="en")))
    g.add((a, RDFS.label, Literal("Norwind", lang="EN")))
    g.add((a, RDFS.label, Literal("Norwind")))
    g.add((a, URIRef(OTHER + "founded"), Literal("1999", datatype=XSD.gYear)))
    g.add((a, URIRef(OTHER + "rival"), b))
    node = BNode("x1")
    g.add((b, URIRef(OTHER + "address"), node))
    g.add((node, RDFS.label, Literal('Quay "7"\nNorth')))
    assert to_turtle(g) == g.serialize(format="turtle")
