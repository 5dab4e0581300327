"""Extractions (plain records) -> RDF under the kg ontology, with provenance.

The corpus is an rdflib ``Dataset``: one named graph per document (its node, the relations read
from it and their provenance records) and a default graph for what the corpus as a whole says
(entities, merges of names across documents, extractors). ``build_graph`` gives the union, which
is what ``graph.ttl`` holds. Deterministic: the same extractions, in any order, give the same
triples, and Turtle written from them is byte-identical.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol
from urllib.parse import urlparse

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, NamespaceManager
from rdflib.term import Node

from kg import __version__
from kg.config import RESOURCE_NS
from kg.dates import parse_date
from kg.graph.degree import degree_triples
from kg.graph.identity import EntityFacts, Merge, resolve
from kg.iri import document_iri, relation_iri
from kg.ontology import KG, ONTOLOGY_IRI, ontology_version
from kg.records import Document, Extraction

PREFIXES = ("org", "person", "place", "brand", "doc", "rel", "extractor", "merge", "event")


@dataclass(frozen=True)
class _RelationRow:
    """A relation with everything its provenance needs, held until identities are resolved."""

    doc_iri: str
    doc_id: str
    head_iri: str
    tail_iri: str
    type: str
    head_span: tuple[int, int]
    tail_span: tuple[int, int]
    sentence: str
    sentence_span: tuple[int, int]
    confidence: float
    rule: str
    detail: str | None = None
    date: str | None = None  # from the sentence, else the document's date


EVENT_CLASSES = {"accuses": KG.Accusation, "urges": KG.Appeal, "respondsTo": KG.Response}
DETAIL_PROPERTIES = {"accuses": KG.charge, "urges": KG.demand}


def bind_prefixes(g: Graph, base_iri: str = RESOURCE_NS) -> None:
    g.bind("kg", KG._NS)
    g.bind("kgr", Namespace(base_iri))
    # One prefix per kind of resource, so Turtle and query tables show "org:acme" not a full IRI.
    for prefix in PREFIXES:
        g.bind(prefix, Namespace(f"{base_iri}{prefix}/"))
    for prefix, ns in (
        ("rdfs", RDFS),
        ("skos", SKOS),
        ("prov", PROV),
        ("dcterms", DCTERMS),
        ("xsd", XSD),
        ("owl", OWL),
    ):
        g.bind(prefix, ns)


def new_dataset(base_iri: str = RESOURCE_NS, default_union: bool = False) -> Dataset:
    ds = Dataset(default_union=default_union)
    ds.namespace_manager = NamespaceManager(ds, bind_namespaces="core")
    bind_prefixes(ds, base_iri)
    return ds


def new_graph(base_iri: str = RESOURCE_NS) -> Graph:
    g = Graph(bind_namespaces="core")
    bind_prefixes(g, base_iri)
    return g


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def graph_iri(base_iri: str = RESOURCE_NS) -> URIRef:
    return URIRef(f"{base_iri}graph")


class TripleSink(Protocol):
    def add(self, triple: tuple[Node, Node, Node]) -> Any: ...


class QuadSink(Protocol):
    """Where the corpus is written: an rdflib ``Dataset``, or a stream into a store."""

    @property
    def default_graph(self) -> Any: ...

    def graph(self, identifier: URIRef) -> Any: ...


class Corpus:
    """The two passes of a build. ``add`` writes a document's own triples at once and keeps only
    what identity resolution needs (entity facts, relation rows holding their sentence, never the
    document text); ``finish`` resolves identities and writes the rest."""

    def __init__(self, out: QuadSink, base_iri: str = RESOURCE_NS) -> None:
        self.out, self.base_iri = out, base_iri
        self.facts: dict[str, EntityFacts] = defaultdict(EntityFacts)
        self.rows: list[_RelationRow] = []
        self.entities = 0  # after ``finish``

    def add(self, ex: Extraction) -> None:
        doc_iri = document_iri(ex.document.id, self.base_iri)
        _add_document(self.out.graph(URIRef(doc_iri)), URIRef(doc_iri), ex.document)
        per_entity = Counter(m.iri for m in ex.mentions)
        for ent in ex.entities:
            f = self.facts[ent.iri]
            f.labels[ent.label] += 1
            f.types[ent.type] += per_entity[ent.iri] or 1
            f.forms.update(ent.aliases)
            f.forms.add(ent.label)
            f.alias_rules.update(ent.alias_rules)
            f.mentions += per_entity[ent.iri]
            f.documents.add(doc_iri)
        text = ex.document.text
        doc_date = parse_date(ex.document.date)
        for rel in ex.relations:
            head, tail = ex.mentions[rel.head], ex.mentions[rel.tail]
            self.rows.append(
                _RelationRow(
                    doc_iri,
                    ex.document.id,
                    head.iri,
                    tail.iri,
                    rel.type,
                    (head.start, head.end),
                    (tail.start, tail.end),
                    text[rel.sentence_start : rel.sentence_end],
                    (rel.sentence_start, rel.sentence_end),
                    rel.confidence,
                    rel.rule,
                    rel.detail,
                    rel.date or doc_date,
                )
            )

    def finish(self) -> dict[str, EntityFacts]:
        """Resolve identities and write entities, merges, relations and events: the merged facts."""
        base_iri, default = self.base_iri, self.out.default_graph
        mapping, merged, merges = resolve(self.facts, base_iri)
        _add_metadata(default, base_iri)
        for iri in sorted(merged):
            _add_entity(default, URIRef(iri), merged[iri])
        for merge in merges:
            _add_merge(default, merge, base_iri)
        for iri in sorted(merged):
            for form, rule in sorted(merged[iri].alias_rules):
                _add_alias_merge(default, URIRef(iri), form, rule, base_iri)
        for row in self.rows:
            _add_relation(self.out.graph(URIRef(row.doc_iri)), default, row, mapping, base_iri)
        _add_events(default, self.rows, mapping, base_iri)
        relations = ((URIRef(mapping[r.head_iri]), r.type, URIRef(mapping[r.tail_iri])) for r in self.rows)
        names = {URIRef(iri): (f.type, f.label) for iri, f in merged.items()}
        for triple in degree_triples(relations, names):
            default.add(triple)
        self.entities = len(merged)
        return merged


def build_dataset(extractions: Iterable[Extraction], base_iri: str = RESOURCE_NS) -> Dataset:
    """The corpus as a Dataset: a named graph per document, entities in the default graph."""
    ds = new_dataset(base_iri, default_union=True)
    corpus = Corpus(ds, base_iri)
    for ex in extractions:
        corpus.add(ex)
    corpus.finish()
    return ds


def build_graph(extractions: Iterable[Extraction], base_iri: str = RESOURCE_NS) -> Graph:
    """The union of the corpus dataset as one graph (what ``graph.ttl`` holds): the corpus
    written straight into one graph: the triples of every named graph of ``build_dataset``."""
    g = new_graph(base_iri)
    corpus = Corpus(_OneGraph(g), base_iri)
    for ex in extractions:
        corpus.add(ex)
    corpus.finish()
    return g


class _OneGraph:
    """A corpus sink whose named graphs and default graph are all one graph (their union)."""

    def __init__(self, g: Graph) -> None:
        self.default_graph = g

    def graph(self, identifier: URIRef) -> Graph:
        return self.default_graph


def _add_metadata(g: TripleSink, base_iri: str) -> None:
    node = graph_iri(base_iri)
    g.add((node, RDF.type, KG.KnowledgeGraph))
    g.add((node, DCTERMS.conformsTo, ONTOLOGY_IRI))
    g.add((node, KG.ontologyVersion, Literal(ontology_version())))
    g.add((node, DCTERMS.creator, Literal(f"kg {__version__}")))


def _add_document(g: TripleSink, doc_iri: URIRef, doc: Document) -> None:
    g.add((doc_iri, RDF.type, KG.Document))
    g.add((doc_iri, KG.documentId, Literal(doc.id)))
    g.add((doc_iri, KG.contentHash, Literal(content_hash(doc.text))))
    if doc.title:
        g.add((doc_iri, DCTERMS.title, Literal(doc.title)))
    if doc.date:
        g.add((doc_iri, DCTERMS.date, Literal(doc.date)))
    if doc.url and urlparse(doc.url).scheme in {"http", "https"}:
        g.add((doc_iri, DCTERMS.source, URIRef(doc.url)))


def _add_entity(g: TripleSink, iri: URIRef, f: EntityFacts) -> None:
    label = f.label
    g.add((iri, RDF.type, KG[f.type]))
    g.add((iri, RDFS.label, Literal(label)))
    for form in sorted(f.forms - {label}):
        g.add((iri, SKOS.altLabel, Literal(form)))
    g.add((iri, KG.mentionCount, Literal(f.mentions)))
    for doc in sorted(f.documents):
        g.add((iri, KG.mentionedIn, URIRef(doc)))


def _add_merge(g: TripleSink, merge: Merge, base_iri: str) -> None:
    digest = hashlib.sha1(f"{merge.canonical}\x00{merge.merged}".encode()).hexdigest()[:16]
    node = URIRef(f"{base_iri}merge/{digest}")
    g.add((node, RDF.type, KG.EntityMerge))
    g.add((node, KG.canonicalEntity, URIRef(merge.canonical)))
    g.add((node, KG.mergedEntity, URIRef(merge.merged)))
    g.add((node, KG.mergeRule, Literal(merge.rule)))
    for form in merge.forms:
        g.add((node, KG.surfaceForm, Literal(form)))


def _add_alias_merge(g: TripleSink, entity: URIRef, form: str, rule: str, base_iri: str) -> None:
    """A name joined to an entity inside a document ("HFS" by its parentheses, "Ali" clipped)."""
    digest = hashlib.sha1(f"{entity}\x00{form}\x00{rule}".encode()).hexdigest()[:16]
    node = URIRef(f"{base_iri}merge/{digest}")
    g.add((node, RDF.type, KG.EntityMerge))
    g.add((node, KG.canonicalEntity, entity))
    g.add((node, KG.surfaceForm, Literal(form)))
    g.add((node, KG.mergeRule, Literal(rule)))


def _add_relation(
    g: TripleSink, default: TripleSink, row: _RelationRow, mapping: dict[str, str], base_iri: str
) -> None:
    s, o, p = URIRef(mapping[row.head_iri]), URIRef(mapping[row.tail_iri]), KG[row.type]
    g.add((s, p, o))
    key = f"{row.type}|{row.head_span[0]}|{row.head_span[1]}|{row.tail_span[0]}|{row.tail_span[1]}"
    node = URIRef(relation_iri(row.doc_id, key, base_iri))
    extractor = URIRef(f"{base_iri}extractor/{row.rule.replace(':', '-').replace('@', '-')}")
    g.add((node, RDF.type, KG.RelationMention))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, KG.sentence, Literal(row.sentence)))
    g.add((node, KG.sentenceStart, Literal(row.sentence_span[0])))
    g.add((node, KG.sentenceEnd, Literal(row.sentence_span[1])))
    g.add((node, KG.subjectStart, Literal(row.head_span[0])))
    g.add((node, KG.subjectEnd, Literal(row.head_span[1])))
    g.add((node, KG.objectStart, Literal(row.tail_span[0])))
    g.add((node, KG.objectEnd, Literal(row.tail_span[1])))
    g.add((node, KG.confidence, Literal(Decimal(str(round(row.confidence, 4))), datatype=XSD.decimal)))
    g.add((node, PROV.wasDerivedFrom, URIRef(row.doc_iri)))
    g.add((node, PROV.wasGeneratedBy, extractor))
    default.add((extractor, RDF.type, KG.Extractor))
    default.add((extractor, RDFS.label, Literal(row.rule)))


def _event_iri(type_: str, s: str, o: str, base_iri: str) -> URIRef:
    return URIRef(f"{base_iri}event/{hashlib.sha1(f'{type_}|{s}|{o}'.encode()).hexdigest()[:16]}")


def _date_literal(value: str) -> Literal:
    kind = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return Literal(value, datatype=kind)


def _add_events(g: TripleSink, rows: list[_RelationRow], mapping: dict[str, str], base_iri: str) -> None:
    """Accusations, appeals and responses as nodes: one per (kind, agent, target) across the
    corpus, with every report of it as evidence and source; a response answers the accusation
    its target made against its agent."""
    events: dict[URIRef, list[_RelationRow]] = defaultdict(list)
    for row in rows:
        if row.type in EVENT_CLASSES:
            s, o = mapping[row.head_iri], mapping[row.tail_iri]
            events[_event_iri(row.type, s, o, base_iri)].append(row)
    for node, reports in events.items():
        first = reports[0]
        s, o = URIRef(mapping[first.head_iri]), URIRef(mapping[first.tail_iri])
        g.add((node, RDF.type, EVENT_CLASSES[first.type]))
        g.add((node, KG.agent, s))
        g.add((node, KG.target, o))
        dates = sorted(r.date for r in reports if r.date)
        if dates:
            g.add((node, DCTERMS.date, _date_literal(dates[0])))
        for r in reports:
            key = f"{r.type}|{r.head_span[0]}|{r.head_span[1]}|{r.tail_span[0]}|{r.tail_span[1]}"
            g.add((node, KG.evidence, URIRef(relation_iri(r.doc_id, key, base_iri))))
            g.add((node, PROV.wasDerivedFrom, URIRef(r.doc_iri)))
            if r.detail and r.type in DETAIL_PROPERTIES:
                g.add((node, DETAIL_PROPERTIES[r.type], Literal(r.detail)))
        if first.type == "respondsTo":
            accusation = _event_iri("accuses", str(o), str(s), base_iri)
            if accusation in events:
                g.add((node, KG.answers, accusation))


def to_turtle(g: Graph) -> str:
    """The graph as Turtle, the text rdflib writes (``kg.graph.turtle``)."""
    from kg.graph.turtle import to_turtle as write

    return write(g)
