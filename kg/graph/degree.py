"""How connected each entity is, written at build time so that ``most-connected`` reads twenty
ranks instead of grouping every relation of the graph (a cost that grows with the graph).

For every entity with a label, a class and at least one relation:

- ``kg:outDegree`` / ``kg:inDegree``: the distinct relation triples (kg's relation properties)
  with the entity as subject / as object; a triple from an entity to itself counts in both, as
  ``most-connected`` always counted it;
- ``kg:degreeRank``, for the ``RANKED`` (20) most connected of each class: its place within its
  class (1 = most connected) in the order ``most-connected`` gives, ``ORDER BY DESC(?degree)
  ?name``, ties of both broken by IRI.

The overall top 20 are among the top 20 of their classes (an entity with 20 of its class above it
has at least 20 above it overall), so ``most-connected`` reads every ``kg:degreeRank`` triple, a
number that does not grow with the graph, bound to a class or not. Only the top of each class is
ranked because a rank of every entity is no faster to find: Oxigraph's in-memory store finds
``?e kg:degreeRank 1`` through the triples whose object is the integer 1, mention counts and
degrees included, which grow with the graph.

The ranks are a statistic of the whole graph: whatever changes the relations (``kg build``,
``--update``, ``kg remove``, ``kg infer``) computes them again with this module.

>>> names = {"a": ("Company", "Acme"), "b": ("Company", "Bolt"), "c": ("Person", "Cy")}
>>> degrees([("a", "accuses", "b"), ("c", "leads", "a")], names)["a"]
Degree(outgoing=1, incoming=1, rank=1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from typing import Any, NamedTuple, TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.graph.counts import Triples
from kg.ontology import KG, relation_names

STATISTICS = (KG.outDegree, KG.inDegree, KG.degreeRank)
RANKED = 20  # the ranks written per class: as many as most-connected shows
T = TypeVar("T", bound=Hashable)


class Degree(NamedTuple):
    outgoing: int
    incoming: int
    rank: int  # within the entity's class, from 1


def degrees(relations: Iterable[tuple[T, Any, T]], names: Mapping[T, tuple[Any, str]]) -> dict[T, Degree]:
    """Each entity's degrees and rank from the relation triples (counted once each) and each
    entity's (class, label); a relation end without them is counted for the other end only."""
    out: Counter[T] = Counter()
    into: Counter[T] = Counter()
    for s, _, o in set(relations):
        out[s] += 1
        into[o] += 1
    ranked = [e for e in names if out[e] + into[e] > 0]
    ranked.sort(key=lambda e: (-(out[e] + into[e]), names[e][1], str(e)))
    result: dict[T, Degree] = {}
    places: Counter[Any] = Counter()
    for entity in ranked:
        places[names[entity][0]] += 1
        result[entity] = Degree(out[entity], into[entity], places[names[entity][0]])
    return result


def degree_triples(
    relations: Iterable[tuple[T, Any, T]], names: Mapping[T, tuple[Any, str]]
) -> list[tuple[Any, URIRef, Literal]]:
    """The statistic's triples, in the order of the entities' IRIs."""
    found = degrees(relations, names)
    return [
        (entity, prop, Literal(value))
        for entity in sorted(found, key=str)
        for prop, value in zip(STATISTICS, found[entity], strict=True)
        if prop != KG.degreeRank or value <= RANKED
    ]


def graph_degree_triples(graph: Triples) -> list[tuple[Any, URIRef, Literal]]:
    """:func:`degree_triples` of a graph (rdflib's, or a store through ``StoreTriples``)."""
    relations = [t for name in relation_names() for t in graph.triples((None, KG[name], None))]
    names: dict[Any, tuple[Any, str]] = {}
    for entity in {e for s, _, o in relations for e in (s, o)}:
        classes = sorted(str(c) for _, _, c in graph.triples((entity, RDF.type, None)))
        labels = sorted(str(n) for _, _, n in graph.triples((entity, RDFS.label, None)))
        if classes and labels:  # kg's shapes: exactly one of each
            names[entity] = (classes[0], labels[0])
    return degree_triples(relations, names)


def recount(graph: Graph) -> None:
    """Replace ``graph``'s statistic (an rdflib ``Graph``) with one computed from its relations."""
    for prop in STATISTICS:
        graph.remove((None, prop, None))
    for triple in graph_degree_triples(graph):
        graph.add(triple)
