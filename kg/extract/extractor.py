"""Orchestration of extraction: Documents in, Extractions (plain records) out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from kg.config import DEFAULT_MODEL, RESOURCE_NS
from kg.extract.aliases import cluster_mentions
from kg.extract.coref import REFERENCE_SOURCES
from kg.extract.details import TRIGGERS as EVENT_KINDS
from kg.extract.details import event_details
from kg.extract.doctable import release, table
from kg.extract.gpe import mark_states
from kg.extract.mentions import find_candidates
from kg.extract.pipeline import load_pipeline
from kg.extract.relations import find_relations
from kg.extract.relations.eventmodel import DEFAULT_EVENT_MODEL
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


@dataclass
class DocMentions:
    """The mention stage of one document: its entities and mentions, in text order."""

    entities: dict[str, Entity]
    spans: list[tuple[int, int, int, str, str, str]]  # token start, end, cluster, type, iri, kind
    mention_spans: list[MentionSpan]


def find_mentions(doc: Doc, base_iri: str = RESOURCE_NS) -> DocMentions:
    """Entities of a parsed document and every mention of them (names and references)."""
    clusters = cluster_mentions(doc, find_candidates(doc))
    mark_states(doc, clusters)
    entities: dict[str, Entity] = {}
    spans: list[tuple[int, int, int, str, str, str]] = []
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
    mention_spans = [MentionSpan(s, e, t, k, kind) for s, e, k, t, _, kind in spans]
    return DocMentions(entities, spans, mention_spans)


def extract_doc(
    doc: Doc,
    document: Document,
    base_iri: str = RESOURCE_NS,
    event_model: str | None = DEFAULT_EVENT_MODEL,
) -> Extraction:
    """Mentions, entities and relations of one parsed document (``event_model`` None: the event
    relations from rules only)."""
    try:
        return _extract_doc(doc, document, base_iri, event_model)
    finally:
        release(doc)


def _extract_doc(doc: Doc, document: Document, base_iri: str, event_model: str | None) -> Extraction:
    tab = table(doc)
    found = find_mentions(doc, base_iri)
    entities, spans, mention_spans = found.entities, found.spans, found.mention_spans
    # A reference is an argument like any mention, but where its entity is also named in the same
    # sentence the relation is anchored on the name: the better provenance.
    named_at: dict[tuple[int, int], list[int]] = {}
    for i, (s, _, k, _, _, kind) in enumerate(spans):
        if kind == "name":
            named_at.setdefault((k, tab.sent_start[s]), []).append(i)

    def anchor(i: int) -> int:
        s, _, k, _, _, kind = spans[i]
        names = named_at.get((k, tab.sent_start[s])) if kind != "name" else None
        return min(names, key=lambda j: abs(spans[j][0] - s)) if names else i

    mentions = []
    for s, e, _, _t, iri, kind in spans:
        span = doc[s:e]
        start, end = span.start_char, span.end_char
        mentions.append(Mention(start, end, document.text[start:end], entities[iri].type, iri, kind))
    relations = []
    text = tab.text
    for hit in find_relations(doc, mention_spans, event_model=event_model):
        h = replace(hit, head=anchor(hit.head), tail=anchor(hit.tail))
        start, end = h.sent_start, h.sent_end
        while end > start and text[end - 1].isspace():  # no trailing blank or masked markup
            end -= 1
        detail, date = None, None
        if h.type in EVENT_KINDS:
            tail = mention_spans[h.tail]
            detail, date = event_details(doc, h.type, tab.sent(tail.start), doc[tail.start : tail.end])
        relations.append(Relation(h.head, h.tail, h.type, h.confidence, h.rule, start, end, detail, date))
    return Extraction(
        document, tuple(mentions), tuple(sorted(entities.values(), key=lambda e: e.iri)), tuple(relations)
    )
