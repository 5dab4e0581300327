"""Inference on request: materialize what the ontology implies about extracted relations.

A focused rule set rather than a general OWL reasoner (see ``bench/inference.py`` for owlrl
against it): from the ontology it reads ``owl:inverseOf``, ``rdfs:subPropertyOf`` and
``owl:SymmetricProperty`` among the relations (not the top property ``kg:relatedTo``), and adds
each implied triple with a provenance record of its own, derived from the record it follows from,
so that every triple in the graph still leads to a sentence.
"""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS

from kg.config import RESOURCE_NS
from kg.graph.degree import recount
from kg.ontology import KG, load_ontology, relation_names

COPIED = (KG.sentence, KG.sentenceStart, KG.sentenceEnd, KG.confidence)


def rules() -> list[tuple[str, URIRef, URIRef, bool]]:
    """(rule id, from property, to property, swap subject and object), from the ontology."""
    onto = load_ontology()
    props = {KG[name] for name in relation_names()}
    out: list[tuple[str, URIRef, URIRef, bool]] = []
    for p in sorted(props):
        for q in onto.objects(p, OWL.inverseOf):
            if q in props:
                out.append(("inference:inverse-of", p, URIRef(str(q)), True))
        for sup in onto.transitive_objects(p, RDFS.subPropertyOf):
            if sup != p and sup in props:
                out.append(("inference:sub-property-of", p, URIRef(str(sup)), False))
        if (p, RDF.type, OWL.SymmetricProperty) in onto:
            out.append(("inference:symmetric", p, p, True))
    return out


def infer(graph: Graph, base_iri: str = RESOURCE_NS) -> Graph:
    """A copy of ``graph`` with the implied triples and their provenance added (to a fixpoint:
    an inferred ``alliedWith`` is also a ``cooperatesWith``, both ways)."""
    out = Graph(bind_namespaces="core")
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns)
    for triple in graph:
        out.add(triple)
    by_property: dict[URIRef, list[tuple[str, URIRef, URIRef, bool]]] = {}
    for rule, src, dst, swap in rules():
        by_property.setdefault(src, []).append((rule, src, dst, swap))
    # (root record, s, p, o): what each extracted record implies, each once
    todo: list[tuple[URIRef, URIRef, URIRef, URIRef]] = []
    for node in sorted(graph.subjects(RDF.type, KG.RelationMention), key=str):
        if any((d, RDF.type, KG.RelationMention) in graph for d in graph.objects(node, PROV.wasDerivedFrom)):
            continue  # inferred earlier: its root is already here, so running twice adds nothing
        s, p, o = (graph.value(node, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if isinstance(s, URIRef) and isinstance(p, URIRef) and isinstance(o, URIRef):
            todo.append((URIRef(str(node)), s, p, o))
    seen = set(todo)
    while todo:
        root, s, p, o = todo.pop(0)
        for rule, _, dst, swap in by_property.get(p, []):
            new = (root, o, dst, s) if swap else (root, s, dst, o)
            if new in seen or new[1] == new[3]:
                continue
            seen.add(new)
            todo.append(new)
            _add_inferred(out, graph, rule, *new, base_iri=base_iri)
    recount(out)  # the added relations change degrees and ranks
    return out


def _add_inferred(
    out: Graph, graph: Graph, rule: str, root: URIRef, s: URIRef, p: URIRef, o: URIRef, base_iri: str
) -> None:
    out.add((s, p, o))
    digest = hashlib.sha1(f"{root}\x00{s}\x00{p}\x00{o}".encode()).hexdigest()[:16]
    node = URIRef(f"{base_iri}rel/{digest}")
    extractor = URIRef(f"{base_iri}extractor/{rule.replace(':', '-')}")
    out.add((node, RDF.type, KG.RelationMention))
    out.add((node, RDF.subject, s))
    out.add((node, RDF.predicate, p))
    out.add((node, RDF.object, o))
    for prop in COPIED:  # the evidence is the sentence the original relation was read from
        value = graph.value(root, prop)
        if value is not None:
            out.add((node, prop, value))
    out.add((node, PROV.wasDerivedFrom, root))
    for doc in graph.objects(root, PROV.wasDerivedFrom):
        out.add((node, PROV.wasDerivedFrom, doc))
    out.add((node, PROV.wasGeneratedBy, extractor))
    out.add((extractor, RDF.type, KG.Extractor))
    out.add((extractor, RDFS.label, Literal(rule)))
