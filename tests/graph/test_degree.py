"""Degrees and ranks written at build time: the same ranking as counting every relation."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.graph.degree import RANKED, STATISTICS, Degree, degree_triples, degrees, graph_degree_triples
from kg.ontology import KG
from kg.sparql.query import named_query, run_query
from tests.conftest import EXAMPLES

# What most-connected was before the statistic: every relation triple grouped per entity.
COUNTING = """
PREFIX kg:   <https://w3id.org/kg-news/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?entity ?name ?class (COUNT(*) AS ?degree) (SUM(?out) AS ?outgoing) (SUM(?in) AS ?incoming)
WHERE {
  VALUES ?relation {
    kg:accuses kg:respondsTo kg:urges kg:represents kg:memberOf kg:worksFor kg:leads kg:partOf
    kg:basedIn kg:locatedIn kg:livesIn kg:killed kg:alliedWith kg:cooperatesWith
  }
  { ?entity ?relation ?other . BIND(1 AS ?out) BIND(0 AS ?in) }
  UNION
  { ?other ?relation ?entity . BIND(0 AS ?out) BIND(1 AS ?in) }
  ?entity rdfs:label ?name ;
          a ?class .
}
GROUP BY ?entity ?name ?class
ORDER BY DESC(?degree) ?name
LIMIT 20
"""
NAMES = {
    "org/a": ("Company", "Norwind"),
    "org/b": ("Company", "Brask"),
    "org/c": ("Company", "Brask"),
    "person/q": ("Person", "Ana Quist"),
}


def test_each_distinct_triple_counts_once_and_a_loop_at_both_ends() -> None:
    found = degrees(
        [("org/a", "accuses", "org/b"), ("org/a", "accuses", "org/b"), ("org/a", "partOf", "org/a")], NAMES
    )
    assert found["org/a"][:2] == (2, 1)
    assert found["org/b"][:2] == (0, 1)


def test_ranks_are_per_class_in_the_querys_order() -> None:
    relations = [
        ("person/q", "leads", "org/c"),
        ("person/q", "worksFor", "org/c"),
        ("person/q", "livesIn", "place/x"),  # an end without a name or class is not ranked
        ("org/b", "accuses", "org/a"),
    ]
    found = degrees(relations, NAMES)
    assert found["person/q"] == Degree(3, 0, 1)
    assert found["org/c"].rank == 1  # degree 2
    assert (found["org/b"].rank, found["org/a"].rank) == (2, 3)  # a tie of degree 1: by name
    twins = degrees([("org/c", "urges", "person/q"), ("org/b", "urges", "person/q")], NAMES)
    assert (twins["org/b"].rank, twins["org/c"].rank) == (1, 2)  # and of name: by IRI
    assert "place/x" not in found
    assert "org/none" not in degrees(relations, NAMES | {"org/none": ("Company", "Idle")})


@pytest.fixture(scope="module")
def examples() -> Graph:
    from kg.api import build

    return build([str(EXAMPLES)]).graph


def test_the_build_writes_what_the_graph_gives(examples: Graph) -> None:
    written = {t for prop in STATISTICS for t in examples.triples((None, prop, None))}
    assert written and written == set(graph_degree_triples(examples))


@pytest.mark.parametrize("cls", [None, "kg:Company", "kg:Person", "kg:GeopoliticalEntity", "kg:Organization"])
def test_most_connected_gives_the_rows_of_counting_every_relation(examples: Graph, cls: str | None) -> None:
    bindings = {"class": cls} if cls else {}
    ranked = run_query(examples, named_query("most-connected"), bindings=bindings)
    counted = run_query(examples, COUNTING, bindings=bindings)
    assert ranked.vars == counted.vars
    assert ranked.rows and ranked.rows == counted.rows


def test_only_the_top_of_each_class_is_ranked() -> None:
    names = {f"org/{i:02}": ("Company", f"Firm {i:02}") for i in range(RANKED + 5)} | NAMES
    relations = [(entity, "urges", "person/q") for entity in names if entity != "person/q"]
    ranks = [int(v) for _, p, v in degree_triples(relations, names) if p == KG.degreeRank]
    assert sorted(ranks) == [1, *range(1, RANKED + 1)]  # Ana Quist first of the Persons
