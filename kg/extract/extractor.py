"""Orchestration of extraction: Documents in, Extractions (plain records) out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc

from kg.config import DEFAULT_MODEL, RESOURCE_NS
from kg.extract.aliases import cluster_mentions
from kg.extract.coref import REFERENCE_SOURCES
from kg.extract.details import TRIGGERS as EVENT_KINDS
from kg.extract.details import event_details
from kg.extract.gpe import mark_states
from kg.extract.mentions import find_candidates
from kg.extract.pipeline import load_pipeline
from kg.extract.relations import find_relations
from kg.extract.types import MentionSpan
from kg.io.clean import prepare_document
from kg.iri import entity_iri
from kg.records import Document, Entity, Extraction, Mention, Relation


def extract(
    documents: Iterable[Document],
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    base_iri: str = RESOURCE_NS,
) -> Iterator[Extraction]:
    """Extract entities and relations from each document, streaming, in input order."""
    nlp = load_pipeline(model)

    def texts() -> Iterator[tuple[str, Document]]:
        for document in documents:
            yield prepare_document(document), document

    for doc, document in nlp.pipe(texts(), batch_size=batch_size, as_tuples=True):
        yield extract_doc(doc, document, base_iri)


def extract_doc(doc: Doc, document: Document, base_iri: str = RESOURCE_NS) -> Extraction:
    """Mentions, entities and relations of one parsed document."""
    clusters = cluster_mentions(doc, find_candidates(doc))
    mark_states(doc, clusters)
    entities: dict[str, Entity] = {}
    spans: list[tuple[int, int, int, str, str, str]] = []  # token start, end, cluster, type, iri, kind
    for key, cl in enumerate(clusters):
        iri = entity_iri(cl.type, cl.label, base_iri)
        if iri not in entities:
            entities[iri] = Entity(iri, cl.label, cl.type, cl.aliases, cl.alias_rules)
        else:  # two clusters with one name and kind: one entity
            old = entities[iri]
            aliases = tuple(sorted(set(old.aliases) | set(cl.aliases)))
            rules = tuple(sorted(set(old.alias_rules) | set(cl.alias_rules)))
            entities[iri] = Entity(iri, old.label, old.type, aliases, rules)
        for c in cl.members:
            kind = "reference" if c.source in REFERENCE_SOURCES else "name"
            spans.append((c.start, c.end, key, cl.type, iri, kind))
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))
    mention_spans = [MentionSpan(s, e, t, k) for s, e, k, t, _, _ in spans]
    # A reference anchors relations only where its entity is not named in the same sentence:
    # there the name is the better anchor.
    named_in = {(k, doc[s].sent.start) for s, _, k, _, _, kind in spans if kind == "name"}
    usable = [
        i
        for i, (s, _, k, _, _, kind) in enumerate(spans)
        if kind == "name" or (k, doc[s].sent.start) not in named_in
    ]
    mentions = []
    for s, e, _, _t, iri, kind in spans:
        span = doc[s:e]
        start, end = span.start_char, span.end_char
        mentions.append(Mention(start, end, document.text[start:end], entities[iri].type, iri, kind))
    relations = []
    for hit in find_relations(doc, [mention_spans[i] for i in usable]):
        h = replace(hit, head=usable[hit.head], tail=usable[hit.tail])
        start, end = h.sent_start, h.sent_end
        while end > start and doc.text[end - 1].isspace():  # no trailing blank or masked markup
            end -= 1
        detail, date = None, None
        if h.type in EVENT_KINDS:
            tail = mention_spans[h.tail]
            detail, date = event_details(doc, h.type, doc[tail.start].sent, doc[tail.start : tail.end])
        relations.append(Relation(h.head, h.tail, h.type, h.confidence, h.rule, start, end, detail, date))
    return Extraction(
        document, tuple(mentions), tuple(sorted(entities.values(), key=lambda e: e.iri)), tuple(relations)
    )
