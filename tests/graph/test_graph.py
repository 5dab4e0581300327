"""Records -> graph: the contract's graph, provenance, determinism, Turtle round-trips."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from kg.graph.build import build_graph, to_turtle
from kg.iri import entity_iri
from kg.ontology import KG, class_names, relation_names
from kg.records import Document, Entity, Extraction, Mention, Relation

TEXT = "Acme Corp sued Bolt Ltd. Bolt denied it."


def sample(doc_id: str = "a.txt", text: str = TEXT) -> Extraction:
    acme = Entity(entity_iri("Company", "Acme Corp"), "Acme Corp", "Company")
    bolt = Entity(entity_iri("Company", "Bolt Ltd"), "Bolt Ltd", "Company", ("Bolt",))
    mentions = (
        Mention(0, 9, "Acme Corp", "Company", acme.iri),
        Mention(15, 23, "Bolt Ltd", "Company", bolt.iri),
        Mention(25, 29, "Bolt", "Company", bolt.iri),
    )
    relations = (
        Relation(0, 1, "accuses", 0.9, "rule:accuse-verb", 0, 24),
        Relation(2, 0, "respondsTo", 0.6, "rule:respond-fallback", 25, 40),
    )
    return Extraction(Document(doc_id, text, title="Acme v Bolt"), mentions, (acme, bolt), relations)


def test_direct_triples_labels_and_alt_labels() -> None:
    g = build_graph([sample()])
    acme, bolt = URIRef(entity_iri("Company", "Acme Corp")), URIRef(entity_iri("Company", "Bolt Ltd"))
    assert (acme, KG.accuses, bolt) in g
    assert (bolt, KG.respondsTo, acme) in g
    assert list(g.objects(bolt, RDF.type)) == [KG.Company]
    assert list(g.objects(bolt, RDFS.label)) == [Literal("Bolt Ltd")]
    assert list(g.objects(bolt, SKOS.altLabel)) == [Literal("Bolt")]


def test_every_relation_has_provenance_reaching_its_sentence() -> None:
    g = build_graph([sample()])
    rows = list(
        g.query(
            """SELECT ?sentence ?doc ?rule WHERE {
                 ?r rdf:subject ?s ; rdf:predicate kg:accuses ; rdf:object ?o ;
                    kg:sentence ?sentence ; prov:wasDerivedFrom ?d ; prov:wasGeneratedBy ?x .
                 ?d kg:documentId ?doc . ?x rdfs:label ?rule }""",
            initNs={"kg": KG._NS, "rdf": RDF, "prov": PROV, "rdfs": RDFS},
        )
    )
    assert [(str(a), str(b), str(c)) for a, b, c in rows] == [
        ("Acme Corp sued Bolt Ltd.", "a.txt", "rule:accuse-verb")
    ]


def test_every_emitted_class_and_property_is_in_the_ontology() -> None:
    g = build_graph([sample(), sample("b.txt")])
    ns = str(KG._NS)
    for _s, p, o in g:
        for term in (p, o):
            if isinstance(term, URIRef) and str(term).startswith(ns):
                local = str(term)[len(ns) :]
                assert local in class_names() | relation_names() | set(KG.__annotations__), local


def test_same_entity_from_two_documents_is_one_node() -> None:
    g = build_graph([sample("a.txt"), sample("b.txt")])
    acme = URIRef(entity_iri("Company", "Acme Corp"))
    assert len(list(g.objects(acme, RDFS.label))) == 1
    assert int(g.value(acme, KG.mentionCount)) == 2  # type: ignore[arg-type]
    assert len(list(g.objects(acme, KG.mentionedIn))) == 2


def test_turtle_is_deterministic_and_round_trips() -> None:
    one, two = to_turtle(build_graph([sample()])), to_turtle(build_graph([sample()]))
    assert one == two
    assert isomorphic(Graph().parse(data=one, format="turtle"), build_graph([sample()]))


names = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip()
)


@settings(max_examples=60, deadline=None)
@given(label=names, sentence=st.text(max_size=80))
def test_any_label_and_sentence_survive_a_turtle_round_trip(label: str, sentence: str) -> None:
    text = label + " sued Bolt Ltd. " + sentence
    ent = Entity(entity_iri("Organization", label), label, "Organization")
    bolt = Entity(entity_iri("Company", "Bolt Ltd"), "Bolt Ltd", "Company")
    ex = Extraction(
        Document("d", text),
        (
            Mention(0, len(label), label, "Organization", ent.iri),
            Mention(len(label) + 6, len(label) + 14, "Bolt Ltd", "Company", bolt.iri),
        ),
        (ent, bolt),
        (Relation(0, 1, "accuses", 0.5, "rule:accuse-verb", 0, len(text)),),
    )
    g = build_graph([ex])
    back = Graph().parse(data=to_turtle(g), format="turtle")
    assert isomorphic(back, g)
    assert (URIRef(ent.iri), RDFS.label, Literal(label)) in back
