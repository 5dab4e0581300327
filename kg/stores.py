"""Where a graph is queried: rdflib (the default) or Oxigraph, in memory or on disk.

rdflib is comfortable up to about 100k triples; past that, Oxigraph (pyoxigraph, a Rust SPARQL
engine) parses Turtle about 14x faster and answers queries 10-100x faster. A store is named by a
spec: ``rdflib``, ``oxigraph`` (the graph file loaded into memory) or ``oxigraph:DIR`` (a store
on disk, made by ``kg build --store oxigraph:DIR`` and opened read-only here).

On disk, the default graph holds the whole graph (what ``graph.ttl`` holds, and what queries
read) and each document also has a named graph of what was read from it (as
:func:`kg.export.split_by_document` cuts it), for ``GRAPH ?doc { ... }`` queries. The default
graph is not the union of the named graphs because Oxigraph's union counts a triple once per
graph that holds it, and a statement read in two articles would then be counted twice.

>>> engine = open_store("examples-graph.ttl", "oxigraph")  # doctest: +SKIP
>>> engine.query("SELECT ?s WHERE { ?s a kg:Company }").rows  # doctest: +SKIP
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from rdflib import Graph
from rdflib.util import guess_format

from kg.config import RESOURCE_NS
from kg.errors import GraphError, InputError, OutputError
from kg.query import PREFIXES, load_graph, run_query
from kg.results import QueryResult

if TYPE_CHECKING:
    from kg.stores_oxigraph import OxigraphEngine

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
    "write_oxigraph",
]

STORES = ("rdflib", "oxigraph", "oxigraph:DIR")
_OX_FORMATS = {
    "turtle": "TURTLE",
    "nt": "N_TRIPLES",
    "nquads": "N_QUADS",
    "trig": "TRIG",
    "json-ld": "JSON_LD",
    "xml": "RDF_XML",
    "n3": "N3",
}


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
    """A graph file parsed by rdflib: :func:`kg.query.run_query` over it."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def query(
        self, text: str, bindings: Mapping[str, str] | None = None, timeout: float | None = None
    ) -> QueryResult:
        return run_query(self.graph, text, bindings=bindings, timeout=timeout)

    def close(self) -> None:
        self.graph = Graph()


def kg_namespaces() -> dict[str, str]:
    """kg's prefixes and those ``kg build`` binds in a graph (org:, person:, ...)."""
    from kg.graph.build import PREFIXES as RESOURCE_PREFIXES

    out = {"kgr": RESOURCE_NS} | {p: f"{RESOURCE_NS}{p}/" for p in RESOURCE_PREFIXES}
    return out | PREFIXES


def is_oxigraph_store(path: Path) -> bool:
    """Whether ``path`` is a folder holding an on-disk Oxigraph (RocksDB) store."""
    return (path / "CURRENT").is_file() and (path / "IDENTITY").is_file()


def _with_default(quads: Iterable[Any]) -> Iterator[Any]:
    """Each quad, and its triple in the default graph too: queries read the default graph, which
    is the whole graph (as rdflib reads a quad file), not a union counting a triple per graph."""
    import pyoxigraph as ox

    for quad in quads:
        yield quad
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            yield ox.Quad(quad.subject, quad.predicate, quad.object)


def _load_memory(path: Path) -> OxigraphEngine:
    import pyoxigraph as ox

    from kg.query import _one_line
    from kg.stores_oxigraph import OxigraphEngine

    if path.is_dir():
        raise GraphError(f"{path} is a directory, not a graph file (an on-disk store is oxigraph:{path})")
    if not path.is_file():
        raise GraphError(f"no such graph file: {path}")
    name = guess_format(str(path)) or "turtle"
    fmt = getattr(ox.RdfFormat, _OX_FORMATS.get(name, "TURTLE"))
    store = ox.Store()
    try:
        parser = ox.parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
        store.bulk_extend(_with_default(parser))
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphError(f"cannot read {path} as {name}: {_one_line(exc)}") from None
    # kg's prefixes win over the file's, as in kg.query.run_query
    namespaces = dict(parser.prefixes) | PREFIXES
    return OxigraphEngine(store, namespaces, source=path)


def _open_disk(path: Path) -> OxigraphEngine:
    import pyoxigraph as ox

    from kg.stores_oxigraph import OxigraphEngine

    if not is_oxigraph_store(path):
        raise GraphError(
            f"no oxigraph store in {str(path)!r}; make one with kg build INPUT... --store oxigraph:{path}"
        )
    try:
        store = ox.Store.read_only(str(path))
    except OSError as exc:
        raise GraphError(f"cannot open the oxigraph store in {str(path)!r}: {exc}") from None
    return OxigraphEngine(store, kg_namespaces(), source=path, on_disk=True)


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
    if spec.path is not None:
        return _open_disk(spec.path)
    if spec.kind == "oxigraph":
        return _load_memory(Path(named))
    return RdflibEngine(load_graph(named))


def check_store_folder(path: Path) -> None:
    """Refuse a folder ``write_oxigraph`` would have to replace but did not make."""
    if path.is_file() or (path.is_dir() and any(path.iterdir()) and not is_oxigraph_store(path)):
        raise OutputError(
            f"{str(path)!r} holds something other than an oxigraph store; "
            "--store oxigraph:DIR needs a new or empty folder, or a store kg made"
        )


def write_oxigraph(graph: Graph, path: Path) -> tuple[int, int]:
    """Write ``graph`` as an on-disk store in ``path``: (triples, named graphs).

    The default graph gets every triple; each document also gets a named graph of what was
    read from it. Both are bulk-loaded from N-Triples / N-Quads. The store is made in a new
    folder beside ``path`` and renamed over it, so a reader never sees half a store and an
    interrupted build leaves the previous one whole.
    """
    import pyoxigraph as ox

    from kg.export import split_by_document

    check_store_folder(path)
    parent = path.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot write the oxigraph store {str(path)!r}: {exc.strerror}") from None
    old = staging.with_suffix(".old")
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
        if path.exists():
            os.replace(path, old)
        os.replace(staging, path)
    except OSError as exc:
        raise OutputError(f"cannot write the oxigraph store {str(path)!r}: {exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return counts
