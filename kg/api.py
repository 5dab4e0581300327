"""The library behind each command: plain functions that return values and never write files."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.config import DEFAULT_MODEL, RESOURCE_NS
from kg.extract import extract
from kg.graph import build_graph
from kg.io import iter_documents
from kg.records import Extraction, Skipped


@dataclass
class BuildResult:
    graph: Graph
    documents: int = 0
    entities: int = 0
    relations: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{self.documents} documents, {self.entities} entities, "
            f"{self.relations} relations, {self.seconds:.1f} s"
        )
        if self.skipped:
            text += f" ({len(self.skipped)} skipped)"
        return text


def extract_paths(
    inputs: Sequence[str | Path], model: str = DEFAULT_MODEL, skipped: list[Skipped] | None = None
) -> Iterator[Extraction]:
    """Read every input and extract each document, streaming; unreadable inputs go to ``skipped``."""
    sink: list[Skipped] = [] if skipped is None else skipped
    yield from extract(iter_documents(inputs, sink), model=model)


def build(
    inputs: Sequence[str | Path], model: str = DEFAULT_MODEL, base_iri: str = RESOURCE_NS
) -> BuildResult:
    """Extract every document of the inputs and build one graph."""
    started = time.perf_counter()
    skipped: list[Skipped] = []
    counts = {"documents": 0, "relations": 0}
    entities: set[str] = set()

    def counted() -> Iterator[Extraction]:
        for ex in extract_paths(inputs, model, skipped):
            counts["documents"] += 1
            counts["relations"] += len(ex.relations)
            entities.update(e.iri for e in ex.entities)
            yield ex

    graph = build_graph(counted(), base_iri)
    return BuildResult(
        graph=graph,
        documents=counts["documents"],
        entities=len(entities),
        relations=counts["relations"],
        seconds=time.perf_counter() - started,
        skipped=skipped,
    )
