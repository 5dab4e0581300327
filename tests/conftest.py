from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg.config import DEFAULT_MODEL
from kg.records import Document, Extraction

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from kg.extract import load_pipeline

    return load_pipeline(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def extract_text(nlp) -> Callable[[str], Extraction]:  # type: ignore[no-untyped-def]
    """Run the real extractor over one text, as ``kg extract`` would."""
    from kg.extract import extract

    def run(text: str, doc_id: str = "t.txt") -> Extraction:
        return next(extract([Document(doc_id, text, source=doc_id)]))

    return run


def triples(ex: Extraction) -> set[tuple[str, str, str]]:
    """(head text, relation, tail text) of an extraction, for readable assertions."""
    labels = {e.iri: e.label for e in ex.entities}
    return {(labels[ex.mentions[r.head].iri], r.type, labels[ex.mentions[r.tail].iri]) for r in ex.relations}


def entity_types(ex: Extraction) -> dict[str, str]:
    return {e.label: e.type for e in ex.entities}


def as_place(cls: str | None) -> str | None:
    """A state is a place to a test asking whether a name is a place: ``GeopoliticalEntity`` reads
    as ``Place`` (a measure that asks for a class accepts its sub-classes)."""
    return "Place" if cls == "GeopoliticalEntity" else cls
