"""SpERT JSON records (tokens, entities, relations) parsed by kg's spaCy pipeline, with the gold
entities as mentions on spaCy's tokens: the common input of training and oracle scoring."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from kg.config import DEFAULT_MODEL
from kg.errors import InputError
from kg.extract.pipeline import load_pipeline
from kg.extract.types import MentionSpan
from kg.io.clean import prepare_document
from kg.records import Document

# CoNLL04 labels -> ontology classes and properties
ENTITY_CLASSES = {"Peop": "Person", "Org": "Organization", "Loc": "Place"}
RELATION_PROPERTIES = {
    "Work_For": "worksFor",
    "Kill": "killed",
    "OrgBased_In": "basedIn",
    "Live_In": "livesIn",
    "Located_In": "locatedIn",
}


@dataclass(frozen=True)
class Annotated:
    """One parsed record: its mentions (gold entities on spaCy tokens, text order) and gold
    relations as (head mention, tail mention, property)."""

    doc: Doc
    mentions: list[MentionSpan]
    relations: frozenset[tuple[int, int, str]]
    lost: int  # gold relations whose entities could not be placed on spaCy's tokens
    missed: tuple[str, ...] = ()  # properties of the gold relations kg's mentions cannot hold


def read_records(path: str | Path) -> list[dict[str, Any]]:
    p = Path(path)
    try:
        records = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{p}: cannot read SpERT JSON ({exc})") from None
    if not isinstance(records, list):
        raise InputError(f"{p}: not SpERT JSON (expected a list of records)")
    return records


def _annotate(doc: Doc, rec: dict[str, Any]) -> Annotated:
    tokens = [str(t) for t in rec["tokens"]]
    starts, pos = [], 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    placed: dict[int, tuple[int, int, str]] = {}
    for n, ent in enumerate(rec["entities"]):
        cls = ENTITY_CLASSES.get(str(ent["type"]))
        s, e = int(ent["start"]), int(ent["end"])
        span = doc.char_span(starts[s], starts[e - 1] + len(tokens[e - 1]), alignment_mode="expand")
        if cls is not None and span is not None and len(span):
            placed[n] = (span.start, span.end, cls)
    order = sorted(placed, key=lambda n: (placed[n][0], -placed[n][1], n))
    index = {n: k for k, n in enumerate(order)}
    mentions = [MentionSpan(*placed[n], key=k) for k, n in enumerate(order)]
    relations, lost = set(), 0
    for rel in rec["relations"]:
        prop = RELATION_PROPERTIES.get(str(rel["type"]))
        h, t = int(rel["head"]), int(rel["tail"])
        if prop is None:
            continue
        if h in index and t in index:
            relations.add((index[h], index[t], prop))
        else:
            lost += 1
    return Annotated(doc, mentions, frozenset(relations), lost)


def parse(records: list[dict[str, Any]], model: str = DEFAULT_MODEL) -> Iterator[Annotated]:
    """Parse each record's text (tokens joined by single spaces) as ``kg extract`` would."""
    nlp = load_pipeline(model)
    texts = (
        (prepare_document(Document(id=str(i), text=" ".join(map(str, r["tokens"])))), r)
        for i, r in enumerate(records)
    )
    for doc, rec in nlp.pipe(texts, as_tuples=True, batch_size=64):
        try:
            yield _annotate(doc, rec)
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise InputError(f"not a SpERT record ({type(exc).__name__}: {exc})") from None


def with_predicted_mentions(ann: Annotated) -> Annotated:
    """The same record with kg's own mentions (as ``kg extract`` finds them) in place of the gold
    ones; a gold relation carries over where both its mentions were found with the same tokens."""
    from kg.extract.extractor import extract_doc

    doc = ann.doc
    ex = extract_doc(doc, Document(id="0", text=doc.text))
    keys: dict[str, int] = {}
    mentions = []
    for m in ex.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span):
            mentions.append(MentionSpan(span.start, span.end, m.type, keys.setdefault(m.iri, len(keys))))
    by_span = {(m.start, m.end): k for k, m in enumerate(mentions)}
    relations, missed = set(), []
    for h, t, prop in sorted(ann.relations):
        gh, gt = ann.mentions[h], ann.mentions[t]
        ph, pt = by_span.get((gh.start, gh.end)), by_span.get((gt.start, gt.end))
        if ph is not None and pt is not None:
            relations.add((ph, pt, prop))
        else:
            missed.append(prop)
    return Annotated(doc, mentions, frozenset(relations), 0, tuple(missed))
