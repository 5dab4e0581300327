"""Records used inside ``kg/extract``: candidate mentions, and mentions and relations between the
mention and relation stages."""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass
class Candidate:
    """A candidate mention of a name (or a reference) found by one of the patterns of
    ``mentions.find_candidates``."""

    start: int  # token offsets into the Doc, end exclusive
    end: int
    source: str  # "kind", "caps", "body", "party", "ner", "cue", "missed", "acronym", "repeat", "nested"
    ner: str = ""  # spaCy label when it came from (or overlaps) a named entity
    place: str | None = None  # canonical country name for demonyms and country variants
    acronym_of: Candidate | None = None  # the name this acronym was defined for, in parentheses
    nested: bool = False
    extra: dict[str, float] = field(default_factory=dict)  # votes of the pattern that found it
