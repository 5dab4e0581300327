"""Plain records that flow between the stages: Document -> Mention/Entity/Relation -> Extraction.

No spaCy or rdflib objects appear here, so every stage after extraction and every test can
build these by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is exactly the text offsets refer to."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None  # the file it came from, for messages


@dataclass(frozen=True)
class Entity:
    """One real-world thing within a document (or, after merging, a corpus)."""

    iri: str
    label: str  # canonical name
    type: str  # local name of the most specific ontology class
    aliases: tuple[str, ...] = ()  # other surface forms seen, sorted
    alias_rules: tuple[tuple[str, str], ...] = ()  # (alias, rule that joined it to this entity)


@dataclass(frozen=True)
class Mention:
    """A span of the document text that names an entity."""

    start: int
    end: int
    text: str
    type: str
    iri: str
    kind: str = "name"  # "name", or "reference" for "the company", "it", "he"


@dataclass(frozen=True)
class Relation:
    """A relation read from one sentence; ``head``/``tail`` index into the mentions."""

    head: int
    tail: int
    type: str  # local name of an ontology property
    confidence: float
    rule: str  # what produced it, e.g. "rule:accuse-verb"
    sentence_start: int
    sentence_end: int
    detail: str | None = None  # the charge or demand in the article's words
    date: str | None = None  # ISO 8601 date stated in the sentence, if any


@dataclass(frozen=True)
class Extraction:
    """Everything found in one document."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()

    def record(self) -> dict[str, object]:
        """The JSON Lines record of ``kg extract`` (see CONTRACT.md)."""
        return {
            "id": self.document.id,
            "entities": [
                {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "iri": m.iri, "kind": m.kind}
                for m in self.mentions
            ],
            "relations": [
                {
                    "head": r.head,
                    "tail": r.tail,
                    "type": r.type,
                    "confidence": round(r.confidence, 4),
                    "rule": r.rule,
                    "sentence": [r.sentence_start, r.sentence_end],
                    **({"detail": r.detail} if r.detail else {}),
                    **({"date": r.date} if r.date else {}),
                }
                for r in self.relations
            ],
        }


@dataclass
class Skipped:
    """An input that could not be read; the build goes on and counts it."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"


@dataclass
class ReadResult:
    """Documents read from the inputs, and what was skipped."""

    documents: list[Document] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
