"""The library behind each command: plain functions that return values and never write files.

In a notebook: ``build`` returns a :class:`BuildResult` that draws itself (the interactive page,
inline), :func:`show` draws any graph or the part a query picks, and :func:`query` returns the
:class:`~kg.sparql.results.QueryResult` ``kg query`` prints, with ``.to_dataframe()``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph
from rdflib.term import Identifier

from kg.config import DEFAULT_HTML_READER, DEFAULT_MODEL, RESOURCE_NS
from kg.engines import extract_with
from kg.errors import InputError
from kg.graph.build import build_graph, content_hash
from kg.graph.counts import GraphCounts, count_graph
from kg.io import iter_documents
from kg.records import Document, Extraction, Skipped

if TYPE_CHECKING:
    from kg.page.notebook import PageView
    from kg.sparql.results import QueryResult


REPR_MAX_NODES = 1000  # a build shown in a notebook; kg.show(result) draws every entity


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

    def _repr_html_(self) -> str:
        """In a notebook, the summary and the page of the graph (see :func:`show`), of its
        :data:`REPR_MAX_NODES` most important entities at most: a notebook keeps what it shows."""
        from html import escape

        return f"<p>{escape(self.summary())}</p>" + show(self.graph, max_nodes=REPR_MAX_NODES)._repr_html_()


def extract_paths(
    inputs: Sequence[str | Path],
    model: str = DEFAULT_MODEL,
    skipped: list[Skipped] | None = None,
    html_reader: str = DEFAULT_HTML_READER,
    follow_symlinks: bool = False,
) -> Iterator[Extraction]:
    """Read every input and extract each document, streaming; unreadable inputs, and documents
    whose extraction fails, go to ``skipped``. ``html_reader``, ``follow_symlinks``: see
    :func:`build`."""
    from kg.engines.local import extract_parallel

    sink: list[Skipped] = [] if skipped is None else skipped
    documents = iter_documents(inputs, sink, html_reader, follow_symlinks)
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
    follow_symlinks: bool = False,
) -> BuildResult:
    """Extract every document of the inputs and build one graph.

    ``html_reader`` finds an HTML page's article: ``trafilatura`` (default) or ``builtin``
    (:data:`kg.io.HTML_READERS`).

    Nothing in an input folder stops the build: what is not a regular file (a FIFO, a device), a
    file too big to be an article, a malformed line and a document whose reading or extraction
    fails are skipped and named in ``skipped``; so is a symbolic link whose target is outside
    its folder, unless ``follow_symlinks``.

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
        for doc in iter_documents(inputs, result.skipped, html_reader, follow_symlinks):
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


GraphLike = Graph | BuildResult | str | Path  # a graph, a build's result, or a graph file


def _graph(graph: GraphLike) -> Graph:
    if isinstance(graph, BuildResult):
        return graph.graph
    if isinstance(graph, Graph):
        return graph
    from kg.sparql.query import load_graph

    return load_graph(graph)


def query(
    graph: GraphLike,
    query: str,
    bind: Mapping[str, str | Identifier] | None = None,
    timeout: float | None = None,
    store: str | None = None,
) -> QueryResult:
    """Run a SPARQL query as ``kg query`` does and return its :class:`~kg.sparql.results.QueryResult`.

    ``graph`` is an rdflib graph, a :class:`BuildResult` or a graph file (``store`` as in
    ``kg query --store``: ``oxigraph``, or ``oxigraph:DIR`` with ``graph`` ``""``). ``query`` is
    the query text, a ``.rq`` file or the name of a shipped query (``kg query --list``). ``bind``
    gives variables values before the query runs, as ``--bind`` does: a string is read the same
    way (``"kg:Company"`` an IRI, ``"Corvane"`` a literal), an rdflib term is used as it is.
    ``result.to_dataframe()`` gives a pandas DataFrame (the ``pandas`` extra).

    >>> rows = query("outputs/graph.ttl", "entity-profile", bind={"name": "Corvane"})  # doctest: +SKIP
    """
    from kg.sparql.query import resolve_query, run_query

    text = resolve_query(query)
    if isinstance(graph, (Graph, BuildResult)):
        if store is not None:
            raise InputError(f"store={store!r} is for a graph file; this graph is already in memory")
        return run_query(_graph(graph), text, bindings=bind, timeout=timeout)
    from kg.sparql.stores import open_store

    engine = open_store(graph, store)
    try:
        return engine.query(text, bindings=bind, timeout=timeout)
    finally:
        engine.close()


def show(
    graph: GraphLike,
    query: str | None = None,
    max_nodes: int | None = None,
    title: str = "kg graph",
    height: int = 600,
) -> PageView:
    """The interactive page of ``graph`` (or of what ``query``, a SELECT or CONSTRUCT, picks from
    it: text, ``.rq`` file or named query), as an object a notebook draws inline: Jupyter and VS
    Code call its ``_repr_html_``, a sandboxed iframe holding the page ``kg render`` writes, with
    its search, legend and filters; ``.html`` is the page itself. ``max_nodes`` keeps the most
    important entities. Raises :class:`kg.errors.KGError` for a graph file that cannot be read,
    a bad query, or a query that picks nothing to draw."""
    from kg.page.notebook import page_view
    from kg.sparql.query import resolve_query, run_query

    if max_nodes is not None and max_nodes < 1:
        raise InputError(f"max_nodes must be at least 1, not {max_nodes}")
    g = _graph(graph)
    result = run_query(g, resolve_query(query)) if query is not None else None
    return page_view(g, result, max_nodes=max_nodes, title=title, height=height)
