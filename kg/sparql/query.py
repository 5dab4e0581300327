"""SPARQL over a graph file: load it, run a read-only query, with bindings and a deadline.

Queries are read-only: updates, ``SERVICE`` and ``FROM`` a graph the file does not hold are
refused. Named queries ship in ``kg/sparql/named/*.rq``; values are bound through rdflib's
``initBindings`` (see :func:`bind_value` for how a value becomes an IRI or a literal), never
pasted into the query text. The result formats are in :mod:`kg.sparql.results`.

>>> from rdflib import Graph
>>> g = Graph().parse(data="<http://e/a> <http://www.w3.org/2000/01/rdf-schema#label> 'A' .")
>>> print(format_result(run_query(g, "SELECT ?l WHERE { ?s rdfs:label ?l }"), "table"), end="")
l
-
A
(1 row)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyparsing import ParseException
from rdflib import Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import NamespaceManager
from rdflib.plugins.sparql.algebra import translateQuery, traverse
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Identifier
from rdflib.util import guess_format

from kg.errors import GraphError, QueryError
from kg.sparql.guard import XML_FORMATS, no_network, refuse_xml_entities
from kg.sparql.results import FORMATS, QueryResult, format_result
from kg.sparql.text import (
    PREFIXES,
    list_named_queries,
    named_query,
    parse_bindings,
    resolve_query,
    value_term,
)
from kg.sparql.text import one_line as _one_line
from kg.sparql.timeout import call_with_timeout

__all__ = [
    "FORMATS",
    "PREFIXES",
    "QueryResult",
    "bind_value",
    "format_result",
    "list_named_queries",
    "load_graph",
    "named_query",
    "parse_bindings",
    "resolve_query",
    "run_query",
]

PARSED_KEPT = 64  # parsed queries a process keeps: kg serve's workers are asked the same ones again
# characters; a longer query is parsed each time. A kept parse takes ~300 bytes per character
# (a 2,700-character named query 640 KB), so the kept ones take at most ~80 MB
_KEPT_LENGTH = 4096
MAX_NESTING = 20  # parentheses rdflib's parser takes within Python's recursion limit (23 measured)
_QUAD_PARSERS = {"nquads", "trig", "trix"}


def load_graph(path: str | Path) -> Graph:
    """Parse an RDF file, choosing the parser by extension (Turtle by default).

    Quad formats (``.nq``, ``.trig``, ``.trix``) load into a dataset whose default graph is the
    union of its graphs. Raises :class:`GraphError` if the file is missing or not RDF, if parsing
    would reach the network (a JSON-LD ``@context`` URL), or if an XML file declares entities.
    """
    path = Path(path)
    if path.is_dir():
        raise GraphError(f"{path} is a directory, not a graph file")
    if not path.is_file():
        raise GraphError(f"no such graph file: {path}")
    parser = guess_format(str(path)) or "turtle"
    # "core" bindings only: rdflib's defaults claim prefixes such as org: that kg graphs use
    graph = Dataset(default_union=True) if parser in _QUAD_PARSERS else Graph(bind_namespaces="core")
    if isinstance(graph, Dataset):
        graph.namespace_manager = NamespaceManager(graph, bind_namespaces="core")
    try:
        if parser in XML_FORMATS:
            refuse_xml_entities(path)
        with no_network():
            graph.parse(path, format=parser)
    except GraphError as exc:
        raise GraphError(f"cannot read {path} as {parser}: {exc}") from None
    except Exception as exc:  # each rdflib parser raises its own kinds of error
        raise GraphError(f"cannot read {path} as {parser}: {_one_line(exc)}") from None
    return graph


def _refuse_update(query: str) -> None:
    try:
        request = parseUpdate(query).request
    except ParseException:
        return
    names = {"Modify": "DELETE/INSERT"}
    ops = ", ".join(names.get(op.name, re.sub(r"(?<!^)(?=[A-Z])", " ", op.name).upper()) for op in request)
    raise QueryError(f"SPARQL updates are not allowed ({ops}); kg query only reads the graph")


def _check_algebra(algebra: CompValue, graph: Graph) -> None:
    found: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, CompValue):
            found.add(node.name)

    traverse(algebra, visitPre=visit)
    if "ServiceGraphPattern" in found:
        raise QueryError("SERVICE is not allowed: kg query never contacts other SPARQL endpoints")
    # rdflib would fetch a FROM graph it does not hold from the web, and ignores FROM on a plain graph
    for clause in algebra.datasetClause or ():
        iri = clause.default or clause.named
        if not (isinstance(graph, Dataset) and len(graph.get_context(iri)) > 0):
            raise QueryError(f"FROM <{iri}>: no such graph in the file, and kg query never fetches one")


def bind_value(value: str, namespaces: Mapping[str, str] = PREFIXES) -> Identifier:
    """The RDF term a bound value stands for.

    - ``<...>``, or a value starting ``http://``, ``https://`` or ``urn:``: that IRI;
    - ``prefix:local`` with a prefix in ``namespaces`` (kg's prefixes, the graph's and the
      query's own): the IRI it abbreviates, e.g. ``kg:Company``, ``org:acme``;
    - ``"..."`` in double quotes: a literal of what is inside (for a text that looks like an IRI);
    - anything else: a plain literal (``xsd:string``), which is how kg writes names, aliases,
      charges and demands.

    >>> bind_value("kg:Company")
    rdflib.term.URIRef('https://w3id.org/kg-news/ontology#Company')
    >>> bind_value("Corvane")
    rdflib.term.Literal('Corvane')
    """
    kind, text = value_term(value, namespaces)
    return URIRef(text) if kind == "iri" else Literal(text)


def _variables(algebra: CompValue) -> list[str]:
    found: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, Variable) and not node.startswith("_"):  # "__agg_1__" is rdflib's own
            found.add(str(node))

    traverse(algebra, visitPre=visit)
    return sorted(found)


def _declared_prefixes(parsed: Any) -> dict[str, str]:
    return {
        str(decl.prefix or ""): str(decl.iri)
        for decl in parsed[0]
        if getattr(decl, "name", "") == "PrefixDecl"
    }


def run_query(
    graph: Graph,
    query: str,
    bindings: Mapping[str, str | Identifier] | None = None,
    timeout: float | None = None,
) -> QueryResult:
    """Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query over ``graph``.

    The prefixes in :data:`PREFIXES` and those the graph file declares are pre-bound; the
    query's own ``PREFIX`` lines win. ``bindings`` give variables a value before the query runs
    (rdflib's ``initBindings``); a string value is read by :func:`bind_value`. With ``timeout``
    (seconds) the query runs in a child process that is stopped when time is up.

    Raises :class:`QueryError` for a malformed query, an update, ``SERVICE``, ``FROM`` a graph
    not in the file, a binding of a variable the query does not have, an error while
    evaluating, or a query still running after ``timeout`` seconds.
    """
    if timeout is None:
        return _run(graph, query, bindings)
    try:
        return call_with_timeout(_run, (graph, query, bindings), timeout)
    except TimeoutError:
        raise QueryError(f"query stopped: it did not finish within {timeout:g} s") from None


def parse_checked(query: str, namespaces: Mapping[str, str]) -> tuple[Any, Any]:
    """Parse and translate a query, or raise QueryError with the parser's message and position
    (an update is named as such; a query nested deeper than the parser's stack allows is named
    so). Returns rdflib's parse tree and translated query."""
    if not query.strip():
        raise QueryError("empty SPARQL query")
    try:
        if len(query) > _KEPT_LENGTH:
            return _parse(query, namespaces)
        # in their order, not sorted: which prefix a namespace keeps depends on the binding order
        return _parse_kept(query, tuple(namespaces.items()))
    except RecursionError:  # rdflib's grammar recurses ~40 frames per parenthesis
        raise QueryError(
            f"malformed SPARQL query: nested too deeply for rdflib's SPARQL parser (it takes some "
            f"{MAX_NESTING} levels of parentheses)"
        ) from None


@lru_cache(maxsize=PARSED_KEPT)
def _parse_kept(query: str, namespaces: tuple[tuple[str, str], ...]) -> tuple[Any, Any]:
    """:func:`_parse`, kept (rdflib's parse is ~75 % of a cheap query's time; a translated query
    is not changed by evaluating it, as ``prepareQuery``'s reuse relies on). Errors are not kept."""
    return _parse(query, dict(namespaces))


def _parse(query: str, namespaces: Mapping[str, str]) -> tuple[Any, Any]:
    try:
        parsed = parseQuery(query)
    except ParseException as exc:
        _refuse_update(query)
        raise QueryError(f"malformed SPARQL query: {' '.join(str(exc).split())}") from None
    try:
        prepared = translateQuery(parsed, initNs=dict(namespaces))
    except Exception as exc:  # rdflib raises a bare Exception for an undeclared prefix
        raise QueryError(f"malformed SPARQL query: {_one_line(exc)}") from None
    return parsed, prepared


def check_bindings(bindings: Mapping[str, object], algebra: Any) -> None:
    """Every bound name must be a variable of the query."""
    variables = _variables(algebra)
    unknown = sorted(set(bindings) - set(variables))
    if unknown:
        listed = ", ".join(f"?{v}" for v in variables) or "(none)"
        raise QueryError(f"the query has no variable ?{unknown[0]}; its variables: {listed}")


def _run(graph: Graph, query: str, bindings: Mapping[str, str | Identifier] | None) -> QueryResult:
    namespaces = {prefix: str(ns) for prefix, ns in graph.namespaces()} | PREFIXES
    parsed, prepared = parse_checked(query, namespaces)
    _check_algebra(prepared.algebra, graph)
    init: dict[str, Identifier] = {}
    if bindings:
        check_bindings(bindings, prepared.algebra)
        scope = namespaces | _declared_prefixes(parsed)
        init = {k: v if isinstance(v, Identifier) else bind_value(v, scope) for k, v in bindings.items()}
    ns_pairs = tuple(sorted(namespaces.items()))
    try:
        result = graph.query(prepared, initBindings=init)
        if result.type == "ASK":
            return QueryResult("ASK", boolean=bool(result.askAnswer), namespaces=ns_pairs)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            out = Graph(bind_namespaces="core")
            for triple in result.graph if result.graph is not None else ():
                out.add(triple)
            for prefix, ns in ns_pairs:
                out.bind(prefix, ns, override=True, replace=True)
            return QueryResult(result.type, graph=out, namespaces=ns_pairs)
        selected = list(result.vars or ())
        rows = tuple(tuple(row.get(v) for v in selected) for row in result.bindings)
    except Exception as exc:  # evaluation errors come from anywhere inside rdflib's engine
        raise QueryError(f"query failed: {_one_line(exc)}") from None
    return QueryResult("SELECT", vars=tuple(str(v) for v in selected), rows=rows, namespaces=ns_pairs)
