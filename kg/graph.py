"""Extractions (plain records) -> an rdflib Graph under the kg ontology, with provenance."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlparse

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.config import RESOURCE_NS
from kg.iri import document_iri, relation_iri
from kg.ontology import KG
from kg.records import Extraction, Relation


@dataclass
class _EntityFacts:
    labels: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    forms: set[str] = field(default_factory=set)
    mentions: int = 0
    documents: set[str] = field(default_factory=set)


def new_graph(base_iri: str = RESOURCE_NS) -> Graph:
    g = Graph(bind_namespaces="core")
    g.bind("kg", KG._NS)
    g.bind("kgr", Namespace(base_iri))
    # One prefix per kind of resource, so Turtle and query tables show "org:acme" not a full IRI.
    for prefix in ("org", "person", "place", "brand", "doc", "rel", "extractor"):
        g.bind(prefix, Namespace(f"{base_iri}{prefix}/"))
    for prefix, ns in (("rdfs", RDFS), ("skos", SKOS), ("prov", PROV), ("dcterms", DCTERMS), ("xsd", XSD)):
        g.bind(prefix, ns)
    return g


def build_graph(extractions: Iterable[Extraction], base_iri: str = RESOURCE_NS) -> Graph:
    """The graph of a corpus: one node per entity IRI, a direct triple and a provenance record
    per relation, a node per document. Deterministic: the same extractions give the same graph."""
    g = new_graph(base_iri)
    facts: dict[str, _EntityFacts] = defaultdict(_EntityFacts)
    for ex in extractions:
        doc = ex.document
        doc_iri = URIRef(document_iri(doc.id, base_iri))
        _add_document(g, doc_iri, ex)
        per_entity = Counter(m.iri for m in ex.mentions)
        for ent in ex.entities:
            f = facts[ent.iri]
            f.labels[ent.label] += 1
            f.types[ent.type] += per_entity[ent.iri] or 1
            f.forms.update(ent.aliases)
            f.forms.add(ent.label)
            f.mentions += per_entity[ent.iri]
            f.documents.add(str(doc_iri))
        for rel in ex.relations:
            _add_relation(g, doc_iri, ex, rel, base_iri)
    for iri, f in facts.items():
        _add_entity(g, URIRef(iri), f)
    return g


def _add_document(g: Graph, doc_iri: URIRef, ex: Extraction) -> None:
    doc = ex.document
    g.add((doc_iri, RDF.type, KG.Document))
    g.add((doc_iri, KG.documentId, Literal(doc.id)))
    if doc.title:
        g.add((doc_iri, DCTERMS.title, Literal(doc.title)))
    if doc.date:
        g.add((doc_iri, DCTERMS.date, Literal(doc.date)))
    if doc.url and urlparse(doc.url).scheme in {"http", "https"}:
        g.add((doc_iri, DCTERMS.source, URIRef(doc.url)))


def _add_entity(g: Graph, iri: URIRef, f: _EntityFacts) -> None:
    # The most frequent label and class across documents; ties broken by sort order.
    label = min(f.labels, key=lambda s: (-f.labels[s], s))
    cls = min(f.types, key=lambda s: (-f.types[s], s))
    g.add((iri, RDF.type, KG[cls]))
    g.add((iri, RDFS.label, Literal(label)))
    for form in sorted(f.forms - {label}):
        g.add((iri, SKOS.altLabel, Literal(form)))
    g.add((iri, KG.mentionCount, Literal(f.mentions)))
    for doc in sorted(f.documents):
        g.add((iri, KG.mentionedIn, URIRef(doc)))


def _add_relation(g: Graph, doc_iri: URIRef, ex: Extraction, rel: Relation, base_iri: str) -> None:
    head, tail = ex.mentions[rel.head], ex.mentions[rel.tail]
    s, o, p = URIRef(head.iri), URIRef(tail.iri), KG[rel.type]
    g.add((s, p, o))
    key = f"{rel.type}|{head.start}|{head.end}|{tail.start}|{tail.end}"
    node = URIRef(relation_iri(ex.document.id, key, base_iri))
    extractor = URIRef(f"{base_iri}extractor/{rel.rule.replace(':', '-')}")
    g.add((node, RDF.type, KG.RelationMention))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, KG.sentence, Literal(ex.document.text[rel.sentence_start : rel.sentence_end])))
    g.add((node, KG.sentenceStart, Literal(rel.sentence_start)))
    g.add((node, KG.sentenceEnd, Literal(rel.sentence_end)))
    g.add((node, KG.subjectStart, Literal(head.start)))
    g.add((node, KG.subjectEnd, Literal(head.end)))
    g.add((node, KG.objectStart, Literal(tail.start)))
    g.add((node, KG.objectEnd, Literal(tail.end)))
    g.add((node, KG.confidence, Literal(Decimal(str(round(rel.confidence, 4))), datatype=XSD.decimal)))
    g.add((node, PROV.wasDerivedFrom, doc_iri))
    g.add((node, PROV.wasGeneratedBy, extractor))
    g.add((extractor, RDF.type, KG.Extractor))
    g.add((extractor, RDFS.label, Literal(rel.rule)))


def to_turtle(g: Graph) -> str:
    return g.serialize(format="turtle")
