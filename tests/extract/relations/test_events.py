"""Accusations, appeals and responses as event nodes; their charge, demand and date."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from kg.dates import parse_date
from kg.graph.build import build_graph
from kg.iri import entity_iri
from kg.ontology import KG
from kg.records import Document, Entity, Extraction, Mention, Relation

ACME = entity_iri("Company", "Acme Corp")
BOLT = entity_iri("Company", "Bolt Ltd")


def report(doc_id: str, date: str | None, rel_date: str | None = None) -> Extraction:
    text = "Acme Corp accused Bolt Ltd of dumping. Bolt Ltd denied it."
    ents = (Entity(ACME, "Acme Corp", "Company"), Entity(BOLT, "Bolt Ltd", "Company"))
    mentions = (
        Mention(0, 9, "Acme Corp", "Company", ACME),
        Mention(18, 26, "Bolt Ltd", "Company", BOLT),
        Mention(39, 47, "Bolt Ltd", "Company", BOLT),
    )
    relations = (
        Relation(0, 1, "accuses", 0.9, "rule:accuse-verb", 0, 38, detail="dumping", date=rel_date),
        Relation(2, 0, "respondsTo", 0.6, "rule:respond-fallback", 39, 58),
    )
    return Extraction(Document(doc_id, text, date=date), mentions, ents, relations)


def test_one_accusation_reported_by_two_articles_is_one_event_with_two_sources() -> None:
    g = build_graph([report("a", "2025-03-04"), report("b", "March 6, 2025")])
    [event] = list(g.subjects(RDF.type, KG.Accusation))
    assert g.value(event, KG.agent) == URIRef(ACME) and g.value(event, KG.target) == URIRef(BOLT)
    assert len(set(g.objects(event, PROV.wasDerivedFrom))) == 2
    assert len(set(g.objects(event, KG.evidence))) == 2
    assert g.value(event, KG.charge) == Literal("dumping")
    assert g.value(event, DCTERMS.date) == Literal("2025-03-04", datatype=XSD.date)  # the earliest


def test_a_response_answers_the_accusation_against_its_agent() -> None:
    g = build_graph([report("a", None)])
    [response] = list(g.subjects(RDF.type, KG.Response))
    [accusation] = list(g.subjects(RDF.type, KG.Accusation))
    assert g.value(response, KG.answers) == accusation
    assert g.value(response, KG.agent) == URIRef(BOLT)


def test_a_date_in_the_sentence_wins_over_the_document_date() -> None:
    g = build_graph([report("a", "2025-03-04", rel_date="2011-01")])
    [event] = list(g.subjects(RDF.type, KG.Accusation))
    assert g.value(event, DCTERMS.date) == Literal("2011-01", datatype=XSD.gYearMonth)


def test_direct_triples_stay_for_simple_queries() -> None:
    g = build_graph([report("a", None)])
    assert (URIRef(ACME), KG.accuses, URIRef(BOLT)) in g


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("March 4, 2025", "2025-03-04"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        ("as early as March 2011", "2011-03"),
        ("4th March 2025", "2025-03-04"),
        ("2025-06-06", "2025-06-06"),
        ("on Tuesday", None),
        ("February 30, 2024", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("sentence", "kind", "tail", "detail", "date"),
    [
        (
            "The Harbor Guild accused Tessaly Foods of hiding test results.",
            "accuses",
            "Tessaly Foods",
            "hiding test results",
            None,
        ),
        (
            "On March 4, 2025, the Fishers Council urged the Coastal Ministry to close the bay to trawlers.",
            "urges",
            "Coastal Ministry",
            "close the bay to trawlers",
            "2025-03-04",
        ),
        (
            "The union called on the Office of Mine Safety to inspect every pit.",
            "urges",
            "Office of Mine Safety",
            "inspect every pit",
            None,
        ),
        (
            "Orrin Freight sued Talvik Mining over unpaid fees in January 2011.",
            "accuses",
            "Talvik Mining",
            "unpaid fees",
            "2011-01",
        ),
    ],
)
def test_charge_demand_and_date_from_the_sentence(
    nlp,
    sentence: str,
    kind: str,
    tail: str,
    detail: str,
    date: str | None,  # type: ignore[no-untyped-def]
) -> None:
    from kg.extract.details import event_details

    doc = nlp(sentence)
    start = sentence.index(tail)
    span = doc.char_span(start, start + len(tail))
    assert event_details(doc, kind, next(iter(doc.sents)), span) == (detail, date)


def test_extraction_records_carry_the_charge(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("The Harbor Guild accused Tessaly Foods Inc. of hiding test results.")
    [accusation] = [r for r in ex.relations if r.type == "accuses"]
    assert accusation.detail == "hiding test results"
    assert ex.record()["relations"][0]["detail"] == "hiding test results"
    sentence = ex.document.text[accusation.sentence_start : accusation.sentence_end]
    assert sentence == sentence.strip() and sentence.endswith("results.")
