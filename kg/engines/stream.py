"""A build that streams: for corpora too big for an rdflib graph in memory.

Documents flow through extraction in chunks; each extraction's record is appended to
``records.jsonl`` (a temporary file until the end) and its document's triples go straight into
an on-disk Oxigraph store, so no Doc, text or rdflib graph of the whole corpus is ever held.
What stays in memory is what identity resolution across documents needs (kg.graph.build.Corpus):
facts per entity and relation rows with their sentence. ``graph.ttl`` is then written by
Oxigraph, and ``graph.html`` draws the ``PAGE_MAX_NODES`` most mentioned entities.

The triples are the same as :func:`kg.graph.build.build_graph` gives (both go through ``Corpus``), and
the store is laid out as :func:`kg.sparql.stores.write_oxigraph` lays it out. Every file and the
store are made beside their targets and renamed over them together at the end (the store first,
records last: kg.files.replace_together), so an interrupted build leaves the previous outputs
whole; the next build removes what it left (kg.files.build_folders).
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF
from rdflib.term import Node

from kg.config import RESOURCE_NS
from kg.errors import OutputError
from kg.files import build_folders, new_temp, replace_together
from kg.graph.build import Corpus, graph_iri, new_graph
from kg.graph.counts import GraphCounts, count_graph
from kg.graph.identity import EntityFacts
from kg.graph.recordsfile import GRAPH, RECORDS, record_line, records_header
from kg.ontology import KG
from kg.records import Extraction, Skipped
from kg.sparql.stores import check_store_folder, kg_namespaces
from kg.sparql.stores.mark import mark_store
from kg.sparql.stores.oxigraph import StoreTriples, from_oxigraph, to_oxigraph

PAGE = "graph.html"
PAGE_MAX_NODES = 5000  # graph.html of a streamed build: the most mentioned entities
_BATCH = 200_000  # quads per bulk load
_IRI_CACHE = 100_000


@dataclass
class StreamResult:
    documents: int = 0  # documents read from the inputs
    extracted: int = 0
    counts: GraphCounts = field(default_factory=GraphCounts)  # what the store holds
    triples: int = 0
    graphs: int = 0  # document graphs in the store
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def entities(self) -> int:
        return self.counts.entities

    @property
    def relations(self) -> int:
        return self.counts.relations

    def summary(self) -> str:
        text = f"{self.counts.describe()}, {self.seconds:.1f} s"
        return text + (f" ({len(self.skipped)} skipped)" if self.skipped else "")


class _Graph:
    """One graph of the sink: ``add`` queues the quad, and its triple in the default graph."""

    def __init__(self, sink: OxigraphSink, name: ox.NamedNode | None) -> None:
        self.sink, self.name = sink, name

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        s, p, o = (self.sink.term(t) for t in triple)
        if self.name is not None:
            self.sink.queue.append(ox.Quad(s, p, o, self.name))
        self.sink.queue.append(ox.Quad(s, p, o))
        if len(self.sink.queue) >= _BATCH:
            self.sink.flush()


class OxigraphSink:
    """A :class:`kg.graph.build.QuadSink` bulk-loading into a pyoxigraph store: the default graph
    gets every triple, and each document's named graph what was read from it."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.queue: list[ox.Quad] = []
        self._iris: dict[Node, Any] = {}

    @property
    def default_graph(self) -> _Graph:
        return _Graph(self, None)

    def graph(self, identifier: URIRef) -> _Graph:
        return _Graph(self, self.term(identifier))

    def term(self, node: Node) -> Any:
        if isinstance(node, URIRef):  # IRIs repeat (entities, predicates): convert each once
            found = self._iris.get(node)
            if found is None:
                if len(self._iris) >= _IRI_CACHE:  # bounded: most IRIs are one document's
                    self._iris.clear()
                found = self._iris[node] = ox.NamedNode(str(node))
            return found
        return to_oxigraph(node)  # type: ignore[arg-type]

    def flush(self) -> None:
        if self.queue:
            self.store.bulk_extend(self.queue)
            self.queue = []


def stream_build(
    extractions: Iterable[Extraction],
    out: Path,
    store_dir: Path,
    title: str,
    base_iri: str = RESOURCE_NS,
    progress: Callable[[Extraction], None] | None = None,
) -> StreamResult:
    """Write ``out/records.jsonl``, ``out/graph.ttl``, ``out/graph.html`` and the store in
    ``store_dir`` from ``extractions``, holding no more than the corpus pass needs. With no
    extraction at all, nothing is written and the previous outputs stay (``result.extracted``
    is 0)."""
    from kg.page.render import render_html

    started = time.perf_counter()
    check_store_folder(store_dir)
    out.mkdir(parents=True, exist_ok=True)
    result = StreamResult()
    made: list[Path] = []
    try:
        with build_folders(out, (RECORDS, GRAPH, PAGE), store_dir):
            staging = _temp(store_dir, made, folder=True)
            records, turtle, page = (_temp(out / name, made) for name in (RECORDS, GRAPH, PAGE))
            store = ox.Store(str(staging))
            sink = OxigraphSink(store)
            corpus = Corpus(sink, base_iri)
            with records.open("w", encoding="utf-8", newline="") as handle:
                handle.write(records_header() + "\n")
                for ex in extractions:
                    if progress is not None:
                        progress(ex)
                    handle.write(record_line(ex) + "\n")
                    corpus.add(ex)
                    result.extracted += 1
            if result.extracted == 0:  # nothing to replace the previous outputs with
                del store, sink
                return result
            merged = corpus.finish()
            sink.flush()
            store.flush()
            result.counts = count_graph(StoreTriples(store))
            result.triples = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
            result.graphs = sum(1 for _ in store.named_graphs())
            digest = _write_turtle(store, turtle, base_iri)
            shown = min(len(merged), PAGE_MAX_NODES)
            if shown < len(merged):
                title += f" (the {shown:,} most mentioned of {len(merged):,} entities)"
            drawn = page_graph(store, merged, PAGE_MAX_NODES, base_iri)
            html = render_html(drawn, title, PAGE_MAX_NODES, counts=result.counts)
            page.write_text(html, encoding="utf-8")
            with records.open("r+b") as handle:  # the header's digest, now known; same length
                handle.write(records_header(digest).encode("utf-8"))
            del store, sink  # releases the store's lock before the rename
            mark_store(staging, store_dir, out / RECORDS, digest)
            # The store first and records.jsonl last, which names the graph.ttl and store it
            # was built with: see kg.sparql.stores.mark
            order = [
                (staging, store_dir),
                (turtle, out / GRAPH),
                (page, out / PAGE),
                (records, out / RECORDS),
            ]
            replace_together(order)
    except OSError as exc:
        raise OutputError(f"cannot write the build in {str(out)!r}: {exc}") from None
    finally:
        for path in made:
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    result.seconds = time.perf_counter() - started
    return result


def _temp(target: Path, made: list[Path], folder: bool = False) -> Path:
    parent = target.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    path = new_temp(parent / target.name, folder)
    made.append(path)
    return path


def _write_turtle(store: Any, path: Path, base_iri: str) -> str:
    """The default graph as Turtle, the graph's own description first (``--update`` looks for
    it at the top); returns its digest (kg.graph.recordsfile.graph_digest)."""
    prefixes = kg_namespaces()
    head = ox.Store()
    node = to_oxigraph(graph_iri(base_iri))
    head.extend(store.quads_for_pattern(node, None, None, ox.DefaultGraph()))
    with path.open("wb") as handle:
        head.dump(handle, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)
        store.dump(handle, ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def page_graph(store: Any, merged: dict[str, EntityFacts], limit: int, base_iri: str = RESOURCE_NS) -> Graph:
    """What ``graph.html`` needs about the ``limit`` most mentioned entities, as a small rdflib
    graph: their triples, the relation records between them, and their documents' ids."""
    top = sorted(merged, key=lambda iri: (-merged[iri].mentions, iri))[:limit]
    kept = {ox.NamedNode(iri) for iri in top}
    g = new_graph(base_iri)
    default = ox.DefaultGraph()
    docs: set[Any] = set()
    terms: dict[Any, Any] = {}  # the same entities, predicates and offsets recur in every record

    def term(t: Any) -> Any:
        found = terms.get(t)
        if found is None:
            found = terms[t] = from_oxigraph(t)
        return found

    def copy(subject: Any) -> None:
        for q in store.quads_for_pattern(subject, None, None, default):
            g.add((term(q.subject), term(q.predicate), term(q.object)))

    subject_p, object_p = to_oxigraph(RDF.subject), to_oxigraph(RDF.object)
    derived = to_oxigraph(URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))
    for entity in kept:
        copy(entity)
        for q in store.quads_for_pattern(None, subject_p, entity, default):
            record = q.subject
            if any(t.object in kept for t in store.quads_for_pattern(record, object_p, None, default)):
                copy(record)
                docs.update(t.object for t in store.quads_for_pattern(record, derived, None, default))
    for doc in docs:
        for p in (KG.documentId, DCTERMS.title):
            for q in store.quads_for_pattern(doc, to_oxigraph(p), None, default):
                g.add((from_oxigraph(q.subject), p, from_oxigraph(q.object)))  # type: ignore[arg-type]
    return g
