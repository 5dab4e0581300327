"""Records used inside ``kg/extract`` between the mention and relation stages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MentionSpan:
    """A mention as token offsets into a spaCy Doc, with its entity cluster."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    type: str  # local name of the ontology class of its entity
    key: int  # entity cluster within the document: mentions with the same key are one entity
    kind: str = "name"  # "name", or "reference" for "the company", "it", "he"


@dataclass(frozen=True)
class RelationHit:
    """A relation found in a Doc; ``head``/``tail`` index into the mention list given."""

    head: int
    tail: int
    type: str  # local name of an ontology property
    confidence: float
    rule: str  # e.g. "rule:accuse-verb"
    sent_start: int  # character offsets of the sentence
    sent_end: int
