"""One entity across documents: merges by normalized name and by acronyms, recorded; near names apart."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.graph.build import build_graph, to_turtle
from kg.graph.identity import identity_key
from kg.iri import entity_iri
from kg.ontology import KG
from kg.records import Document, Entity, Extraction, Mention


def doc(doc_id: str, *names: tuple[str, str, tuple[str, ...]]) -> Extraction:
    """A document mentioning each (label, type, aliases) once."""
    text = " ".join(n for n, _, _ in names)
    entities, mentions, pos = [], [], 0
    for label, type_, aliases in names:
        e = Entity(entity_iri(type_, label), label, type_, aliases)
        entities.append(e)
        mentions.append(Mention(pos, pos + len(label), label, type_, e.iri))
        pos += len(label) + 1
    return Extraction(Document(doc_id, text), tuple(mentions), tuple(entities), ())


def labels(g) -> set[str]:  # type: ignore[no-untyped-def]
    return {str(o) for s, o in g.subject_objects(RDFS.label) if (s, RDF.type, KG.Extractor) not in g}


def test_legal_suffixes_case_and_the_do_not_split_an_entity() -> None:
    assert identity_key("Acme Corp.", "Company") == identity_key("the ACME Inc", "Company")
    assert identity_key("Acme Group", "Company") == identity_key("Acme", "Company")


def test_same_company_with_different_suffixes_is_one_node_with_a_recorded_merge() -> None:
    g = build_graph([doc("a", ("Acme Corp.", "Company", ())), doc("b", ("Acme Inc", "Company", ()))])
    acme = [s for s in g.subjects(RDF.type, KG.Company)]
    assert len(acme) == 1
    merges = list(g.subjects(RDF.type, KG.EntityMerge))
    assert len(merges) == 1
    assert g.value(merges[0], KG.canonicalEntity) == acme[0]
    assert g.value(merges[0], KG.mergeRule) == Literal("rule:normalized-name")
    assert {str(f) for f in g.objects(merges[0], KG.surfaceForm)} & {"Acme Corp.", "Acme Inc"}


def test_similar_names_stay_apart() -> None:
    g = build_graph(
        [
            doc("a", ("Norwind Energy Corp", "Company", ())),
            doc("b", ("Norwind Shipping Ltd", "Company", ())),
            doc("c", ("Jane Roe", "Person", ()), ("Jane Rowe", "Person", ())),
        ]
    )
    assert {"Norwind Energy Corp", "Norwind Shipping Ltd", "Jane Roe", "Jane Rowe"} <= labels(g)
    assert not list(g.subjects(RDF.type, KG.EntityMerge))


def test_person_and_company_with_one_name_stay_apart() -> None:
    g = build_graph([doc("a", ("Jordan", "Person", ())), doc("b", ("Jordan", "Company", ()))])
    assert len(list(g.subjects(RDFS.label, Literal("Jordan")))) == 2


def test_a_place_and_a_state_of_one_name_are_one_state() -> None:
    # "Norland" merely named in two articles, acting (a state) in one: one node, and a state
    docs = [doc(d, ("Norland", "Place", ())) for d in ("a", "b")]
    g = build_graph([*docs, doc("c", ("Norland", "GeopoliticalEntity", ()))])
    nodes = list(g.subjects(RDFS.label, Literal("Norland")))
    assert nodes == [URIRef(entity_iri("Place", "Norland"))]
    assert list(g.objects(nodes[0], RDF.type)) == [KG.GeopoliticalEntity]
    assert entity_iri("GeopoliticalEntity", "Norland") == entity_iri("Place", "Norland")


def test_acronym_defined_in_one_article_resolves_bare_use_in_another() -> None:
    full = ("Coastal Fisheries Alliance", "TradeAssociation", ("CFAL",))
    g = build_graph([doc("a", full), doc("b", ("CFAL", "Company", ()))])
    node = URIRef(entity_iri("TradeAssociation", "Coastal Fisheries Alliance"))
    assert (node, RDF.type, KG.TradeAssociation) in g
    assert int(g.value(node, KG.mentionCount)) == 2  # type: ignore[arg-type]
    assert "CFAL" not in labels(g)
    [merge] = list(g.subjects(RDF.type, KG.EntityMerge))
    assert g.value(merge, KG.mergeRule) == Literal("rule:acronym-elsewhere")


def test_ambiguous_acronym_is_left_alone() -> None:
    g = build_graph(
        [
            doc("a", ("Coastal Fisheries Alliance", "TradeAssociation", ("CFA",))),
            doc("b", ("Chartered Financial Analysts", "TradeAssociation", ("CFA",))),
            doc("c", ("CFA", "Company", ())),
        ]
    )
    assert "CFA" in labels(g)


def test_document_order_does_not_change_the_turtle() -> None:
    docs = [
        doc("a", ("Acme Corp.", "Company", ()), ("Jane Roe", "Person", ())),
        doc("b", ("Acme Inc", "Company", ("ACME",))),
        doc("c", ("Coastal Fisheries Alliance", "TradeAssociation", ("CFAL",))),
        doc("d", ("CFAL", "Company", ())),
    ]
    assert to_turtle(build_graph(docs)) == to_turtle(build_graph(list(reversed(docs))))


def test_names_joined_inside_a_document_are_recorded_with_their_rule(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(
        "The Coastal Fisheries Alliance (CFAL) wrote to Brenfield Holdings Inc. on Monday. "
        "CFAL said Brenfield had ignored two warnings."
    )
    g = build_graph([ex])
    found = {
        (str(g.value(m, KG.surfaceForm)), str(g.value(m, KG.mergeRule)))
        for m in g.subjects(RDF.type, KG.EntityMerge)
    }
    assert ("CFAL", "rule:acronym-in-parentheses") in found
    assert ("Brenfield", "rule:short-form") in found
