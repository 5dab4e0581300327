"""Where a graph is queried: rdflib (the default) or Oxigraph, in memory or on disk.

rdflib is comfortable up to about 100k triples; past that, Oxigraph (pyoxigraph, a Rust SPARQL
engine) parses Turtle about 14x faster and answers queries 10-100x faster. A store is named by a
spec: ``rdflib``, ``oxigraph`` (the graph file loaded into memory) or ``oxigraph:DIR`` (a store
on disk, made by ``kg build --store oxigraph:DIR`` and opened read-only here).

On disk, the default graph holds the whole graph (what ``graph.ttl`` holds, and what queries
read) and each document also has a named graph of what was read from it (as
:func:`kg.graph.split.split_by_document` cuts it), for ``GRAPH ?doc { ... }`` queries. The default
graph is not the union of the named graphs because Oxigraph's union counts a triple once per
graph that holds it, and a statement read in two articles would then be counted twice.

>>> engine = open_store("examples-graph.ttl", "oxigraph")  # doctest: +SKIP
>>> engine.query("SELECT ?s WHERE { ?s a kg:Company }").rows  # doctest: +SKIP
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rdflib import Graph

from kg.errors import InputError, OutputError
from kg.files import new_temp, replace_together
from kg.sparql.query import load_graph, run_query
from kg.sparql.results import QueryResult

if TYPE_CHECKING:
    from kg.sparql.stores.oxigraph import is_oxigraph_store, kg_namespaces

__all__ = [
    "STORES",
    "QueryEngine",
    "RdflibEngine",
    "StoreSpec",
    "check_store_folder",
    "is_oxigraph_store",
    "kg_namespaces",
    "open_store",
    "parse_store",
    "stage_oxigraph",
    "write_oxigraph",
]

STORES = ("rdflib", "oxigraph", "oxigraph:DIR")


def __getattr__(name: str) -> Any:  # PEP 562: kg query over rdflib never imports pyoxigraph
    if name in ("is_oxigraph_store", "kg_namespaces"):
        from kg.sparql.stores import oxigraph

        return getattr(oxigraph, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class StoreSpec:
    kind: str  # "rdflib" or "oxigraph"
    path: Path | None = None  # the folder of an on-disk oxigraph store

    def __str__(self) -> str:
        return f"{self.kind}:{self.path}" if self.path else self.kind


def parse_store(spec: str) -> StoreSpec:
    """``"rdflib"``, ``"oxigraph"`` or ``"oxigraph:DIR"``; anything else raises InputError."""
    kind, sep, where = spec.strip().partition(":")
    if kind in ("rdflib", "oxigraph") and not sep:
        return StoreSpec(kind)
    if kind == "oxigraph" and where.strip():
        return StoreSpec("oxigraph", Path(where.strip()))
    raise InputError(f"unknown store {spec!r}; valid: {', '.join(STORES)}")


class QueryEngine(Protocol):
    """What ``kg query`` and ``kg serve`` ask of a store."""

    def query(
        self, text: str, bindings: Mapping[str, str] | None = None, timeout: float | None = None
    ) -> QueryResult: ...

    def close(self) -> None: ...


class RdflibEngine:
    """A graph file parsed by rdflib: :func:`kg.sparql.query.run_query` over it."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def query(
        self, text: str, bindings: Mapping[str, str] | None = None, timeout: float | None = None
    ) -> QueryResult:
        return run_query(self.graph, text, bindings=bindings, timeout=timeout)

    def close(self) -> None:
        self.graph = Graph()


def open_store(graph: str | Path, store: str | None = None) -> QueryEngine:
    """A query engine over ``graph``: a graph file, or ``"oxigraph:DIR"`` for a store on disk.

    ``store`` is ``None`` or ``"rdflib"`` (rdflib parses the file), ``"oxigraph"`` (the file is
    loaded into an in-memory Oxigraph store) or ``"oxigraph:DIR"`` (the store in DIR is opened
    read-only; ``graph`` is then that same store, ``DIR`` or ``""``). A bad spec, a missing or
    unreadable file, or a folder that holds no store raises a :class:`kg.errors.KGError`.
    """
    spec = parse_store(store) if store is not None else StoreSpec("rdflib")
    named = str(graph)
    if named.startswith("oxigraph:"):
        in_graph = parse_store(named)
        if spec.path is not None and spec.path != in_graph.path:
            raise InputError(f"GRAPH {named!r} and --store {spec} name two different stores; give one")
        spec = in_graph
    elif spec.path is not None and named and Path(named) != spec.path:
        raise InputError(
            f"GRAPH {named!r} and --store {spec} both name what to query; give one (kg query {spec} QUERY)"
        )
    if spec.kind == "oxigraph":  # pyoxigraph is imported only by those who use it
        from kg.sparql.stores.oxigraph import load_memory, open_disk

        return open_disk(spec.path) if spec.path is not None else load_memory(Path(named))
    return RdflibEngine(load_graph(named))


def check_store_folder(path: Path) -> None:
    """Refuse a folder ``write_oxigraph`` would have to replace but did not make."""
    from kg.sparql.stores.oxigraph import is_oxigraph_store

    if path.is_file() or (path.is_dir() and any(path.iterdir()) and not is_oxigraph_store(path)):
        raise OutputError(
            f"{str(path)!r} holds something other than an oxigraph store; "
            "--store oxigraph:DIR needs a new or empty folder, or a store kg made"
        )


def write_oxigraph(graph: Graph, path: Path) -> tuple[int, int]:
    """Write ``graph`` as an on-disk store in ``path``: (triples, named graphs).

    The default graph gets every triple; each document also gets a named graph of what was
    read from it. The store is made in a new folder beside ``path`` (:func:`stage_oxigraph`)
    and renamed over it, so a reader never sees half a store and an interrupted build leaves
    the previous one whole.
    """
    staging, counts = stage_oxigraph(graph, path)
    try:
        replace_together([(staging, path)])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return counts


def stage_oxigraph(graph: Graph, path: Path) -> tuple[Path, tuple[int, int]]:
    """The store :func:`write_oxigraph` writes, made in a new folder beside ``path`` for the
    caller to rename over it (with the files of its build: kg.files.replace_together), and
    (triples, named graphs). Both are bulk-loaded from N-Triples / N-Quads."""
    import pyoxigraph as ox

    from kg.graph.split import split_by_document

    check_store_folder(path)
    parent = path.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = new_temp(parent / path.name, folder=True)
    except OSError as exc:
        raise OutputError(f"cannot write the oxigraph store {str(path)!r}: {exc.strerror}") from None
    try:
        store = ox.Store(str(staging))
        store.bulk_load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
        quads: list[str] = []
        named = [g for g in split_by_document(graph).graphs() if isinstance(g.identifier, str)]
        for g in named:
            if str(g.identifier).startswith("urn:x-rdflib:"):  # rdflib's name for the default graph
                continue
            tail = f" <{g.identifier}> .\n"
            quads += [
                line[:-2] + tail for line in g.serialize(format="nt").splitlines() if line.endswith(" .")
            ]
        store.bulk_load("".join(quads).encode("utf-8"), ox.RdfFormat.N_QUADS)
        store.flush()
        counts = len(graph), sum(1 for _ in store.named_graphs())
        del store  # releases the store's lock before the rename
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write the oxigraph store {str(path)!r}: {exc}") from None
        raise
    return staging, counts
