"""kg.exchange.network: the entity graph as networkx, built from a small hand-made graph."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, Namespace
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kg.exchange.network import to_networkx
from kg.ontology import KG

R = Namespace("https://w3id.org/kg-news/resource/")
ACME, GLOBEX, BOB, OSLO, DOC, EVENT = (
    R["org/acme"],
    R["org/globex"],
    R["person/bob"],
    R["place/oslo"],
    R["doc/d1"],
    R["event/1"],
)


def _record(g: Graph, name: str, s: object, p: object, o: object, confidence: str, sentence: str) -> None:
    node = R[f"rel/{name}"]
    for pred, obj in [
        (RDF.type, KG.RelationMention), (RDF.subject, s), (RDF.predicate, p), (RDF.object, o),
        (KG.confidence, Literal(Decimal(confidence), datatype=XSD.decimal)), (KG.sentence, Literal(sentence)),
        (PROV.wasDerivedFrom, DOC),
    ]:  # fmt: skip
        g.add((node, pred, obj))  # type: ignore[arg-type]


def _graph() -> Graph:
    g = Graph()
    for node, cls, label in [
        (ACME, KG.Company, "Acme Corp"),
        (GLOBEX, KG.Company, "Globex"),
        (BOB, KG.Person, "Bob"),
    ]:
        g.add((node, RDF.type, cls))
        g.add((node, RDFS.label, Literal(label)))
    g.add((OSLO, RDF.type, KG.Place))  # no label: the IRI stands in
    g.add((GLOBEX, RDF.type, KG.Organization))  # two classes: the most specific wins
    for alias in ("Acme", "ACME"):
        g.add((ACME, SKOS.altLabel, Literal(alias)))
    g.add((ACME, KG.mentionCount, Literal(3)))
    g.add((ACME, KG.accuses, GLOBEX))
    g.add((ACME, KG.cooperatesWith, GLOBEX))  # a second relation between the same pair
    g.add((BOB, KG.worksFor, ACME))
    _record(g, "1", ACME, KG.accuses, GLOBEX, "0.6", "Acme sued Globex.")
    _record(g, "2", ACME, KG.accuses, GLOBEX, "0.9", "Acme accused Globex of dumping.")
    _record(g, "3", ACME, KG.accuses, GLOBEX, "0.7", "Acme sued Globex.")  # the same sentence again
    g.add((DOC, RDF.type, KG.Document))
    g.add((EVENT, RDF.type, KG.Accusation))
    g.add((EVENT, KG.agent, ACME))
    g.add((EVENT, KG.target, GLOBEX))
    return g


def test_nodes_are_the_entities_with_plain_attributes() -> None:
    nxg = to_networkx(_graph())
    assert sorted(nxg.nodes) == sorted(
        str(n) for n in (ACME, GLOBEX, BOB, OSLO)
    )  # no document, event, record
    assert nxg.nodes[str(ACME)] == {
        "label": "Acme Corp",
        "class": "Company",
        "aliases": ["ACME", "Acme"],
        "mentions": 3,
    }
    assert nxg.nodes[str(GLOBEX)]["class"] == "Company"
    assert nxg.nodes[str(OSLO)]["label"] == str(OSLO)


def test_edges_carry_relation_best_confidence_and_sentence_count() -> None:
    nxg = to_networkx(_graph())
    assert sorted(nxg.edges(keys=True)) == sorted(
        [
            (str(ACME), str(GLOBEX), "accuses"),
            (str(ACME), str(GLOBEX), "cooperatesWith"),
            (str(BOB), str(ACME), "worksFor"),
        ]
    )
    assert nxg.edges[str(ACME), str(GLOBEX), "accuses"] == {
        "relation": "accuses",
        "confidence": 0.9,
        "sentences": 2,
    }
    assert nxg.edges[str(BOB), str(ACME), "worksFor"] == {"relation": "worksFor", "sentences": 0}  # no record


def test_same_graph_same_networkx() -> None:
    first, second = to_networkx(_graph()), to_networkx(_graph())
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))
