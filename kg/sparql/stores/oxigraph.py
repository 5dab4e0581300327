"""SPARQL over a pyoxigraph store, with the same checks, bindings and results as kg.sparql.query.

rdflib parses every query first, so a malformed query, an update, ``SERVICE`` or ``FROM`` a
graph the store does not hold is refused with the same message on both engines; Oxigraph then
evaluates it. Bindings go through pyoxigraph's ``substitutions`` (RDF-dev SEP-0007), never into
the query text. pyoxigraph accepts a substitution only for a variable the query selects, so a
bound variable the query does not select (``?name`` in ``entity-profile``) is added to the
``SELECT`` clause (its name only, which rdflib has just found in the query) and its column is
dropped from the answer: bound to one value, it changes neither ``DISTINCT`` nor the order.
The bound values are also written into the query as a ``VALUES`` clause
(:func:`kg.sparql.screen.with_values`), so that Oxigraph's plan starts from them.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Identifier, Node
from rdflib.util import guess_format

from kg.config import RESOURCE_NS
from kg.errors import GraphError, QueryError, StoreWarning
from kg.sparql.guard import XML_FORMATS, refuse_xml_entities
from kg.sparql.query import (
    PREFIXES,
    _check_algebra,
    _declared_prefixes,
    bind_value,
    check_bindings,
    parse_checked,
)
from kg.sparql.results import QueryResult
from kg.sparql.screen import with_projected, with_values
from kg.sparql.stores.mark import store_mismatch
from kg.sparql.text import one_line as _one_line
from kg.sparql.timeout import call_with_timeout

_LANG_STRING = str(RDF.langString)
_OX_FORMATS = {
    "turtle": "TURTLE",
    "nt": "N_TRIPLES",
    "nquads": "N_QUADS",
    "trig": "TRIG",
    "json-ld": "JSON_LD",
    "xml": "RDF_XML",
    "n3": "N3",
}


def to_oxigraph(term: Identifier) -> Any:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), datatype=datatype)
    raise QueryError(f"cannot bind {term!r}: not an IRI, blank node or literal")


def from_oxigraph(term: Any) -> Node | None:
    """A pyoxigraph term as the rdflib term kg.sparql.query would give (a plain literal for xsd:string)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (str(XSD.string), _LANG_STRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"the answer holds a term kg cannot show: {term!r}")


class StoreTriples:
    """A pyoxigraph store's default graph, read as rdflib triples by pattern (what
    :func:`kg.graph.counts.count_graph` reads, so a store is counted as a graph is)."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def triples(self, pattern: tuple[Any, Any, Any]) -> Iterator[tuple[Any, Any, Any]]:
        s, p, o = (None if t is None else to_oxigraph(t) for t in pattern)
        for quad in self.store.quads_for_pattern(s, p, o, ox.DefaultGraph()):
            yield from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object)


class OxigraphEngine:
    """A pyoxigraph store (in memory, or on disk opened read-only) answering kg's queries."""

    def __init__(
        self, store: Any, namespaces: Mapping[str, str], source: Path, on_disk: bool = False
    ) -> None:
        self.store = store
        self.namespaces = dict(namespaces)
        self.source = source
        self.on_disk = on_disk

    def __getstate__(self) -> dict[str, Any]:
        # For a child process started by "spawn": the store is opened or loaded again there.
        return {"source": self.source, "on_disk": self.on_disk}

    def __setstate__(self, state: dict[str, Any]) -> None:
        source = Path(state["source"])
        fresh = open_disk(source, check=False) if state["on_disk"] else load_memory(source)
        self.__dict__.update(fresh.__dict__)

    def __len__(self) -> int:
        return len(self.store)

    def query(
        self, text: str, bindings: Mapping[str, str] | None = None, timeout: float | None = None
    ) -> QueryResult:
        """As :func:`kg.sparql.query.run_query`, evaluated by Oxigraph; ``timeout`` runs it in a child
        process that is stopped when time is up (pyoxigraph cannot be interrupted either)."""
        if timeout is None:
            return self._run(text, bindings)
        try:
            return call_with_timeout(self._run, (text, bindings), timeout)
        except TimeoutError:
            raise QueryError(f"query stopped: it did not finish within {timeout:g} s") from None

    def close(self) -> None:
        self.store = ox.Store()  # drops the handle: an on-disk store's files are released

    def _check(self, algebra: Any) -> None:
        proxy = Dataset()  # the FROM graphs the store holds, for kg.sparql.query's own check
        for clause in algebra.datasetClause or ():
            iri = clause.default or clause.named
            if self.store.contains_named_graph(ox.NamedNode(str(iri))):
                proxy.graph(iri).add((iri, iri, iri))
        _check_algebra(algebra, proxy)

    def _run(self, query: str, bindings: Mapping[str, str] | None) -> QueryResult:
        parsed, prepared = parse_checked(query, self.namespaces)
        algebra = prepared.algebra
        self._check(algebra)
        substitutions: dict[Any, Any] = {}
        added: list[str] = []
        text = query
        if bindings:
            check_bindings(bindings, algebra)
            scope = self.namespaces | _declared_prefixes(parsed)
            substitutions = {ox.Variable(k): to_oxigraph(bind_value(v, scope)) for k, v in bindings.items()}
            if algebra.name == "SelectQuery":
                selected = {str(v) for v in algebra.PV}
                added = sorted(set(bindings) - selected)
                if added:
                    text = with_projected(query, added) or query
        kind = {"AskQuery": "ASK", "DescribeQuery": "DESCRIBE"}.get(algebra.name, "CONSTRUCT")
        return self._evaluate_bound(text, substitutions, added, kind)

    def _evaluate_bound(
        self, text: str, substitutions: dict[Any, Any], added: list[str], kind: str
    ) -> QueryResult:
        """:meth:`_evaluate`, with the bound values also written in the query where that is safe:
        Oxigraph plans before it knows substituted values (``timeline --bind agent=...`` reads
        every event at a million triples, and answers in 1 ms with the value in the text)."""
        hinted = with_values(text, {v.value: str(t) for v, t in substitutions.items()})
        if hinted is not None:
            try:
                return self._evaluate(hinted, substitutions, added, kind)
            except QueryError:
                pass  # Oxigraph refuses the clause where the query binds the variable itself
        return self._evaluate(text, substitutions, added, kind)

    def _evaluate(self, text: str, substitutions: dict[Any, Any], added: list[str], kind: str) -> QueryResult:
        ns_pairs = tuple(sorted(self.namespaces.items()))
        try:
            result = self.store.query(text, prefixes=self.namespaces, substitutions=substitutions or None)
            if isinstance(result, ox.QueryBoolean):
                return QueryResult("ASK", boolean=bool(result), namespaces=ns_pairs)
            if isinstance(result, ox.QueryTriples):
                out = Graph(bind_namespaces="core")
                for t in result:
                    triple = (from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object))
                    out.add(triple)  # type: ignore[arg-type]
                for prefix, ns in ns_pairs:
                    out.bind(prefix, ns, override=True, replace=True)
                return QueryResult(kind, graph=out, namespaces=ns_pairs)
            names = [v.value for v in result.variables if v.value not in added]
            rows = tuple(tuple(from_oxigraph(solution[name]) for name in names) for solution in result)
        except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
            if added and isinstance(exc, SyntaxError):
                listed = ", ".join(f"?{v}" for v in added)
                raise QueryError(
                    f"with an oxigraph store, --bind needs {listed} among the selected variables "
                    "(or grouped by); bind it with --store rdflib"
                ) from None
            raise QueryError(f"query failed: {_one_line(exc)}") from None
        return QueryResult("SELECT", vars=tuple(names), rows=rows, namespaces=ns_pairs)


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
    for quad in quads:
        yield quad
        if not isinstance(quad.graph_name, ox.DefaultGraph):
            yield ox.Quad(quad.subject, quad.predicate, quad.object)


def load_memory(path: Path) -> OxigraphEngine:
    """A graph file loaded into an in-memory store (``--store oxigraph``)."""
    if path.is_dir():
        raise GraphError(f"{path} is a directory, not a graph file (an on-disk store is oxigraph:{path})")
    if not path.is_file():
        raise GraphError(f"no such graph file: {path}")
    name = guess_format(str(path)) or "turtle"
    fmt = getattr(ox.RdfFormat, _OX_FORMATS.get(name, "TURTLE"))
    store = ox.Store()
    try:
        if name in XML_FORMATS:
            refuse_xml_entities(path)  # Oxigraph expands entities without bound
        parser = ox.parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
        store.bulk_extend(_with_default(parser))
    except (SyntaxError, ValueError, OSError, GraphError) as exc:
        raise GraphError(f"cannot read {path} as {name}: {_one_line(exc)}") from None
    # kg's prefixes win over the file's, as in kg.sparql.query.run_query
    namespaces = dict(parser.prefixes) | PREFIXES
    return OxigraphEngine(store, namespaces, source=path)


def open_disk(path: Path, check: bool = True) -> OxigraphEngine:
    """The on-disk store in ``path``, opened read-only (``--store oxigraph:DIR``); with ``check``,
    a StoreWarning if it does not match the files of its build (kg.sparql.stores.mark)."""
    if not is_oxigraph_store(path):
        raise GraphError(
            f"no oxigraph store in {str(path)!r}; make one with kg build INPUT... --store oxigraph:{path}"
        )
    try:
        store = ox.Store.read_only(str(path))
    except OSError as exc:
        raise GraphError(f"cannot open the oxigraph store in {str(path)!r}: {exc}") from None
    mismatch = store_mismatch(path) if check else None
    if mismatch is not None:
        warnings.warn(StoreWarning(mismatch), stacklevel=2)
    return OxigraphEngine(store, kg_namespaces(), source=path, on_disk=True)
