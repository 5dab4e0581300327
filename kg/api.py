"""The library behind each command: plain functions that return values and never write files."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.config import DEFAULT_HTML_READER, DEFAULT_MODEL, RESOURCE_NS
from kg.engines import extract_with
from kg.errors import InputError
from kg.graph.build import build_graph, content_hash
from kg.graph.counts import GraphCounts, count_graph
from kg.io import iter_documents
from kg.records import Document, Extraction, Skipped


@dataclass
class BuildResult:
    graph: Graph
    records: dict[str, Extraction] = field(default_factory=dict)  # by document id
    documents: int = 0  # documents read from the inputs
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def counts(self) -> GraphCounts:
        """Documents, entities, relations and statements in the graph (kg.graph.counts)."""
        return count_graph(self.graph)

    @property
    def entities(self) -> int:
        return self.counts.entities

    @property
    def relations(self) -> int:
        """Distinct relations (entity-property-entity triples); ``statements`` counts the
        sentences' mentions of them."""
        return self.counts.relations

    @property
    def statements(self) -> int:
        return self.counts.statements

    def summary(self, update: bool = False) -> str:
        """``"5 documents, 63 entities, 52 relations (from 53 statements), 0.4 s"``: the graph's
        counts, worded as the page's header words them."""
        text = f"{self.counts.describe()}, {self.seconds:.1f} s"
        if update:
            text += (
                f" (update: {self.added} new, {self.replaced} changed, {self.unchanged} unchanged, "
                f"{self.removed} removed)"
            )
        if self.skipped:
            text += f" ({len(self.skipped)} skipped)"
        return text


def extract_paths(
    inputs: Sequence[str | Path],
    model: str = DEFAULT_MODEL,
    skipped: list[Skipped] | None = None,
    html_reader: str = DEFAULT_HTML_READER,
) -> Iterator[Extraction]:
    """Read every input and extract each document, streaming; unreadable inputs, and documents
    whose extraction fails, go to ``skipped``. ``html_reader``: see :func:`build`."""
    from kg.engines.local import extract_parallel

    sink: list[Skipped] = [] if skipped is None else skipped
    documents = iter_documents(inputs, sink, html_reader)
    yield from extract_parallel(documents, model=model, workers=1, skipped=sink)


def build(
    inputs: Sequence[str | Path],
    model: str = DEFAULT_MODEL,
    base_iri: str = RESOURCE_NS,
    previous: Mapping[str, Extraction] | None = None,
    workers: int = 1,
    progress: Callable[[Extraction], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    html_reader: str = DEFAULT_HTML_READER,
) -> BuildResult:
    """Extract every document of the inputs and build one graph.

    ``html_reader`` finds an HTML page's article: ``trafilatura`` (default) or ``builtin``
    (:data:`kg.io.HTML_READERS`).

    ``engine`` is where extraction runs (``kg.engines.ENGINES``): ``local`` with ``workers``
    processes, or ``dask`` on the cluster whose scheduler is at ``scheduler``.

    With ``previous`` (the records of an earlier build), a document whose id and content hash are
    already there is not extracted again, a changed one replaces its earlier record, and the
    graph is rebuilt from all records: the same as building everything at once.
    """
    started = time.perf_counter()
    result = BuildResult(graph=Graph(), records=dict(previous or {}))
    known = {doc_id: content_hash(ex.document.text) for doc_id, ex in result.records.items()}

    def fresh() -> Iterator[Document]:
        for doc in iter_documents(inputs, result.skipped, html_reader):
            result.documents += 1
            if known.get(doc.id) == content_hash(doc.text):
                result.unchanged += 1
                continue
            yield doc

    stream = extract_with(engine, fresh(), model, workers, scheduler, result.skipped)
    for ex in stream:
        if progress is not None:
            progress(ex)
        if ex.document.id in result.records:
            result.replaced += 1
        else:
            result.added += 1
        result.records[ex.document.id] = ex
    result.graph = build_graph(result.records.values(), base_iri)
    result.seconds = time.perf_counter() - started
    return result


def remove(
    previous: Mapping[str, Extraction], doc_ids: Sequence[str], base_iri: str = RESOURCE_NS
) -> BuildResult:
    """Withdraw documents: their relations, and every entity no other document supports."""
    started = time.perf_counter()
    missing = [d for d in doc_ids if d not in previous]
    if missing:
        sample = ", ".join(sorted(previous)[:5]) + (", …" if len(previous) > 5 else "")
        raise InputError(f"no document {missing[0]!r} in the graph; its documents include: {sample}")
    records = {k: v for k, v in previous.items() if k not in set(doc_ids)}
    result = BuildResult(graph=build_graph(records.values(), base_iri), records=records)
    result.removed = len(doc_ids)
    result.seconds = time.perf_counter() - started
    return result
