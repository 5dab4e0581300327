"""One meaning per number: documents, entities, relations (distinct triples) and statements (the
sentences' mentions of them), counted by one function for the summary, the page and the API."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.graph.build import build_graph
from kg.graph.counts import GraphCounts, count_graph
from kg.graph.infer import infer
from kg.iri import entity_iri
from kg.records import Document, Entity, Extraction, Mention, Relation
from kg.sparql.stores.oxigraph import StoreTriples

TEXT = "Acme Corp accused Bolt Ltd of dumping. Acme Corp again accused Bolt Ltd. Jane Roe leads Acme Corp."


def extraction(doc_id: str = "d.txt") -> Extraction:
    """The same accusation stated in two sentences, and one leader: 2 relations, 3 statements."""
    acme = Entity(entity_iri("Company", "Acme Corp"), "Acme Corp", "Company")
    bolt = Entity(entity_iri("Company", "Bolt Ltd"), "Bolt Ltd", "Company")
    roe = Entity(entity_iri("Person", "Jane Roe"), "Jane Roe", "Person")
    spans = [(0, 9, acme), (18, 26, bolt), (39, 48, acme), (63, 71, bolt), (73, 81, roe), (88, 97, acme)]
    mentions = tuple(Mention(s, e, TEXT[s:e], ent.type, ent.iri) for s, e, ent in spans)
    relations = (
        Relation(0, 1, "accuses", 0.9, "rule:accuse", 0, 38),
        Relation(2, 3, "accuses", 0.9, "rule:accuse", 39, 72),
        Relation(4, 5, "leads", 0.9, "rule:leads-verb", 73, len(TEXT)),
    )
    return Extraction(Document(doc_id, TEXT), mentions, (acme, bolt, roe), relations)


def test_a_relation_stated_twice_is_one_relation_from_two_statements() -> None:
    counts = count_graph(build_graph([extraction()]))
    assert counts == GraphCounts(documents=1, entities=3, relations=2, statements=3)
    assert counts.describe() == "1 document, 3 entities, 2 relations (from 3 statements)"


def test_two_documents_stating_the_same_relations() -> None:
    counts = count_graph(build_graph([extraction("a.txt"), extraction("b.txt")]))
    assert counts.describe() == "2 documents, 3 entities, 2 relations (from 6 statements)"


def test_inferred_relations_count_and_their_records_are_not_statements() -> None:
    counts = count_graph(infer(build_graph([extraction()])))
    assert counts.relations == 3 and counts.statements == 3  # + Jane Roe worksFor Acme Corp


def test_large_numbers_are_grouped() -> None:
    text = GraphCounts(12_000, 34_567, 1, 1).describe()
    assert text == "12,000 documents, 34,567 entities, 1 relation (from 1 statement)"


def test_a_store_is_counted_as_its_graph_is() -> None:
    graph = infer(build_graph([extraction("a.txt"), extraction("b.txt")]))
    store = ox.Store()
    store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    assert count_graph(StoreTriples(store)) == count_graph(graph)


@pytest.mark.parametrize("n", [0, 1, 2])
def test_plurals(n: int) -> None:
    word = "statement" if n == 1 else "statements"
    assert GraphCounts(statements=n).describe().endswith(f"(from {n} {word})")
