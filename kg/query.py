"""SPARQL over a graph file: load it, run a read-only query, write the result in a chosen format.

``csv``, ``tsv`` and ``json`` are the W3C SPARQL 1.1 Query Results formats; ``table`` is for
people at a terminal. A CONSTRUCT or DESCRIBE result is a graph: ``table`` and ``turtle`` give
Turtle, ``nt`` gives sorted N-Triples, and ``csv``/``tsv``/``json`` raise :class:`QueryError`.

>>> from rdflib import Graph
>>> g = Graph().parse(data="<http://e/a> <http://www.w3.org/2000/01/rdf-schema#label> 'A' .")
>>> print(format_result(run_query(g, "SELECT ?l WHERE { ?s rdfs:label ?l }"), "table"), end="")
l
-
A
(1 row)
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyparsing import ParseException
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, NamespaceManager
from rdflib.plugins.sparql.algebra import translateQuery, traverse
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node
from rdflib.util import guess_format

from kg.config import ONTOLOGY_NS
from kg.errors import GraphError, QueryError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY_NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "xsd": str(XSD),
    "owl": str(OWL),
}
FORMATS = ("table", "csv", "tsv", "json", "turtle", "nt")

_QUAD_PARSERS = {"nquads", "trig", "trix"}
_DESCRIPTION = re.compile(r"^#\s*description:\s*(.*?)\s*$", re.MULTILINE)
_DISPLAY_LOCAL = re.compile(r"[\w\-.~%/]+")


@dataclass(frozen=True, eq=False)
class QueryResult:
    """A query's answer as plain data: rows for SELECT, a boolean for ASK, a graph otherwise."""

    kind: str  # "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"
    vars: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None
    namespaces: tuple[tuple[str, str], ...] = ()


def _one_line(exc: BaseException) -> str:
    why = getattr(exc, "_why", None)  # rdflib's Turtle BadSyntax keeps the reason apart
    if why is not None:
        return f"line {getattr(exc, 'lines', 0) + 1}: {why}"
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


def load_graph(path: str | Path) -> Graph:
    """Parse an RDF file, choosing the parser by extension (Turtle by default).

    Quad formats (``.nq``, ``.trig``, ``.trix``) load into a dataset whose default graph is the
    union of its graphs. Raises :class:`GraphError` if the file is missing or not RDF.
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
        graph.parse(path, format=parser)
    except Exception as exc:  # each rdflib parser raises its own kinds of error
        raise GraphError(f"cannot read {path} as {parser}: {_one_line(exc)}") from None
    return graph


def _existing_file(query: str) -> Path | None:
    if "\n" in query:
        return None
    path = Path(query.strip())
    try:
        return path if path.is_file() else None
    except OSError:  # e.g. a name too long for the file system: it is query text
        return None


def resolve_query(query: str) -> str:
    """The query text: read from ``query`` if it names a file, or the named query of that name
    (see :func:`list_named_queries`), else ``query`` itself.

    A missing or unreadable ``.rq`` file raises :class:`QueryError`.
    """
    path = _existing_file(query)
    if path is not None:
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read query file {path}: {_one_line(exc)}") from None
    name = query.strip()
    if "\n" not in name and name.endswith(".rq"):
        raise QueryError(f"no such query file: {name}")
    if name in list_named_queries():
        return named_query(name)
    return query


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


def run_query(graph: Graph, query: str) -> QueryResult:
    """Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query over ``graph``.

    The prefixes in :data:`PREFIXES` and those the graph file declares are pre-bound; the
    query's own ``PREFIX`` lines win. Raises :class:`QueryError` for a malformed query, an
    update, ``SERVICE``, ``FROM`` a graph not in the file, or an error while evaluating.
    """
    if not query.strip():
        raise QueryError("empty SPARQL query")
    try:
        parsed = parseQuery(query)
    except ParseException as exc:
        _refuse_update(query)
        raise QueryError(f"malformed SPARQL query: {' '.join(str(exc).split())}") from None
    namespaces = {prefix: str(ns) for prefix, ns in graph.namespaces()} | PREFIXES
    try:
        prepared = translateQuery(parsed, initNs=namespaces)
    except Exception as exc:  # rdflib raises a bare Exception for an undeclared prefix
        raise QueryError(f"malformed SPARQL query: {_one_line(exc)}") from None
    _check_algebra(prepared.algebra, graph)
    ns_pairs = tuple(sorted(namespaces.items()))
    try:
        result = graph.query(prepared)
        if result.type == "ASK":
            return QueryResult("ASK", boolean=bool(result.askAnswer), namespaces=ns_pairs)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            out = Graph(bind_namespaces="core")
            for triple in result.graph if result.graph is not None else ():
                out.add(triple)
            for prefix, ns in ns_pairs:
                out.bind(prefix, ns, override=True, replace=True)
            return QueryResult(result.type, graph=out, namespaces=ns_pairs)
        variables = list(result.vars or ())
        rows = tuple(tuple(row.get(v) for v in variables) for row in result.bindings)
    except Exception as exc:  # evaluation errors come from anywhere inside rdflib's engine
        raise QueryError(f"query failed: {_one_line(exc)}") from None
    return QueryResult("SELECT", vars=tuple(str(v) for v in variables), rows=rows, namespaces=ns_pairs)


def _nt(term: Node | None) -> str:
    """A term in N-Triples syntax (the TSV results encoding); '' when unbound."""
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = str(term)
        for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
            text = text.replace(raw, escaped)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None and term.datatype != XSD.string:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return f"<{term}>"


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return buffer.getvalue()


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(_nt(term) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "uri", "value": str(term)}


def _json(result: QueryResult) -> str:
    if result.kind == "ASK":
        document: dict[str, Any] = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [
            {var: _json_term(term) for var, term in zip(result.vars, row, strict=True) if term is not None}
            for row in result.rows
        ]
        document = {"head": {"vars": list(result.vars)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _width(text: str) -> int:
    """Terminal columns: CJK wide characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text
    )


def _display(term: Node | None, namespaces: list[tuple[str, str]]) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in namespaces:
            local = term[len(ns) :]
            if term.startswith(ns) and _DISPLAY_LOCAL.fullmatch(local):
                return f"{prefix}:{local}"
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def _table(result: QueryResult) -> str:
    # the longest namespace wins, so kg:Company rather than a shorter prefix's "…#Company"
    namespaces = sorted(result.namespaces, key=lambda pair: (-len(pair[1]), pair[0]))
    cells = [[_display(term, namespaces) for term in row] for row in result.rows]
    widths = [max([_width(v)] + [_width(row[i]) for row in cells]) for i, v in enumerate(result.vars)]

    def line(values: list[str]) -> str:
        return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    count = len(result.rows)
    lines = [line(list(result.vars)), "-+-".join("-" * w for w in widths)] if result.vars else []
    lines += [line(row) for row in cells]
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str) -> str:
    """The result as text in ``fmt``: one of :data:`FORMATS`. Every line ends with a line end."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if result.graph is not None:
        if fmt == "nt":
            triples = result.graph.serialize(format="nt").splitlines()
            return "".join(f"{t}\n" for t in sorted(t for t in triples if t.strip()))
        if fmt in ("table", "turtle"):
            return result.graph.serialize(format="turtle")
        raise QueryError(f"a {result.kind} result is a graph; choose one of: table, turtle, nt")
    if fmt in ("turtle", "nt"):
        raise QueryError(f"a {result.kind} result is not a graph; choose one of: table, csv, tsv, json")
    if fmt == "json":
        return _json(result)
    if result.kind == "ASK":
        return "true\n" if result.boolean else "false\n"
    if fmt == "csv":
        return _csv(result)
    if fmt == "tsv":
        return _tsv(result)
    return _table(result)


def _queries_dir() -> Traversable:
    return resources.files("kg") / "queries"


def list_named_queries() -> dict[str, str]:
    """Named query -> its ``# description:`` line, for every ``kg/queries/*.rq``, sorted by name."""
    out: dict[str, str] = {}
    for entry in sorted(_queries_dir().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq") and entry.is_file():
            match = _DESCRIPTION.search(entry.read_text(encoding="utf-8"))
            out[entry.name[: -len(".rq")]] = match.group(1) if match else ""
    return out


def named_query(name: str) -> str:
    """The text of the named query ``name``; an unknown name raises :class:`QueryError`."""
    names = list_named_queries()
    if name not in names:
        raise QueryError(f"no named query {name!r}; available: {', '.join(names) or '(none)'}")
    return (_queries_dir() / f"{name}.rq").read_text(encoding="utf-8")
