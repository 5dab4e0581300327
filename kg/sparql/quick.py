"""``kg query GRAPH`` without ``--store``: Oxigraph answers when it answers as rdflib would.

rdflib's SPARQL parser takes a third of a second to import and a tenth to parse a query, more
than a small graph takes to load and query; Oxigraph (pyoxigraph, a core dependency) does both
in milliseconds. So a graph file is loaded into Oxigraph in memory and the query goes to it
directly when nothing could make its output differ from rdflib's (``kg query --store rdflib``,
what ``kg query`` always did); otherwise rdflib loads the file and answers, with the messages
and answers it always gave. Oxigraph answers when:

- the file is Turtle (``.ttl``) or N-Triples (``.nt``) and each literal in it is written as both
  libraries write it back: strings, language tags in lower case, and canonical integers,
  decimals, booleans and dates (Oxigraph stores ``"1.0"^^xsd:decimal`` as ``1``, rdflib keeps
  ``1.0``); its prefixes clash with none of those rdflib binds;
- the query passes :func:`kg.sparql.screen.oxigraph_may_answer` (no SERVICE, FROM or escapes;
  each ``--bind`` name a variable of the query), and no ``--timeout`` is set;
- it is a SELECT or an ASK, Oxigraph parses and evaluates it without error (an update, a
  malformed query or a bound variable it cannot take goes to rdflib, for rdflib's message), no
  answer holds a decimal or floating-point number (their arithmetic differs in the last digits),
  and the rows come in one order whichever engine answers: at most one row, or an ``ORDER BY``
  of variables (:func:`kg.sparql.screen.order_keys`) that has every selected one as a key or
  under which no two rows that differ tie (keys the query does not select are added to its
  SELECT clause to see them, unless that could change the rows: DISTINCT, GROUP BY), and no
  two neighbouring rows are ranked by comparing terms of two kinds (an IRI and a literal, or
  two datatypes: each engine ranks those its own way). Left unseen: a key a DISTINCT or GROUP
  BY query does not select, when every selected variable is a key too (entity-profile's
  ``?order``); the neighbours' kinds are then checked on the keys it selects.

Rows then hold pyoxigraph's terms, which :mod:`kg.sparql.results` writes as rdflib's.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pyoxigraph as ox

from kg.sparql.results import XSD_STRING, QueryResult
from kg.sparql.screen import (
    declared_prefixes,
    groups_rows,
    order_keys,
    oxigraph_may_answer,
    with_projected,
    with_values,
)
from kg.sparql.text import CORE_PREFIXES, PREFIXES, value_term

if TYPE_CHECKING:
    from kg.sparql.stores import QueryEngine

__all__ = ["QuickEngine", "load_exact"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES}
# lexical forms Oxigraph stores and rdflib parses back unchanged (tests/sparql/test_quick.py)
_KEPT = {
    f"{_XSD}integer": re.compile(r"0|-?[1-9]\d{0,17}", re.ASCII),
    f"{_XSD}decimal": re.compile(r"-?(?:0|[1-9]\d{0,17})\.\d{0,17}[1-9]|0|-?[1-9]\d{0,17}", re.ASCII),
    f"{_XSD}boolean": re.compile(r"true|false"),
    f"{_XSD}date": re.compile(r"[1-9]\d{3}-\d\d-\d\d", re.ASCII),
}
_UPPER_LANGUAGE = re.compile(rb"[\"']@[A-Za-z0-9-]*[A-Z]")
_INEXACT = {f"{_XSD}decimal", f"{_XSD}double", f"{_XSD}float"}
_NOT_PROJECTED = re.compile(r"variable \?(\w+) in its SELECT projection")


def _kept(literal: Any) -> bool:
    if literal.language:
        return True  # its case was checked in the file's bytes: Oxigraph's parser lowers it
    datatype = literal.datatype.value
    if datatype == XSD_STRING:
        return True
    pattern = _KEPT.get(datatype)
    if pattern is None or not pattern.fullmatch(literal.value):
        return False
    if datatype.endswith("date"):
        try:
            datetime.date.fromisoformat(literal.value)
        except ValueError:
            return False
    return True


def load_exact(path: Path) -> tuple[Any, dict[str, str]] | None:
    """An in-memory store of the graph file and its prefixes as rdflib would bind them (with
    kg's), or None if Oxigraph would not read it exactly as rdflib does (see the module)."""
    fmt = _FORMATS.get(path.suffix)
    if fmt is None or not path.is_file():
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if _UPPER_LANGUAGE.search(data):
        return None
    parser = ox.parse(data, format=fmt, base_iri=path.resolve().as_uri())
    quads = []
    try:
        for quad in parser:
            term = quad.object
            if isinstance(term, ox.Literal) and not _kept(term):
                return None
            quads.append(quad)
    except (SyntaxError, ValueError):
        return None  # rdflib says what is wrong, as it always did
    prefixes = dict(parser.prefixes)
    core_namespaces = {ns: prefix for prefix, ns in CORE_PREFIXES.items()}
    for prefix, ns in prefixes.items():
        if CORE_PREFIXES.get(prefix, ns) != ns or core_namespaces.get(ns, prefix) != prefix:
            return None  # rdflib would rename one of the two
    if len(set(prefixes.values())) < len(prefixes):
        return None
    store = ox.Store()
    store.bulk_extend(quads)
    return store, CORE_PREFIXES | prefixes | PREFIXES


class QuickEngine:
    """The engine of ``kg query GRAPH``: Oxigraph where it answers as rdflib would, else rdflib."""

    def __init__(self, graph: str | Path) -> None:
        self.graph = str(graph)
        self._loaded: tuple[Any, dict[str, str]] | bool | None = False  # False: not tried yet
        self._rdflib: QueryEngine | None = None
        self.answered_by = ""  # "oxigraph" or "rdflib", for tests and the benchmark

    def query(
        self, text: str, bindings: Mapping[str, str] | None = None, timeout: float | None = None
    ) -> QueryResult:
        bindings = bindings or {}
        if timeout is None and oxigraph_may_answer(text, bindings):
            if self._loaded is False:
                self._loaded = load_exact(Path(self.graph))
            if isinstance(self._loaded, tuple):
                result = _answer(*self._loaded, text, bindings)
                if result is not None:
                    self.answered_by = "oxigraph"
                    return result
        if self._rdflib is None:
            from kg.sparql.stores import open_store

            self._rdflib = open_store(self.graph, "rdflib")
        self.answered_by = "rdflib"
        return self._rdflib.query(text, bindings=bindings, timeout=timeout)

    def close(self) -> None:
        self._loaded = False
        if self._rdflib is not None:
            self._rdflib.close()


def _answer(
    store: Any, namespaces: dict[str, str], query: str, bindings: Mapping[str, str]
) -> QueryResult | None:
    """Oxigraph's answer, or None where rdflib must answer (see the module)."""
    scope = namespaces | declared_prefixes(query)
    ns_pairs = tuple(sorted(namespaces.items()))
    try:
        substitutions = {ox.Variable(k): _term(*value_term(v, scope)) for k, v in bindings.items()}
        found = _solutions(store, namespaces, query, substitutions, [])
        if found is None:
            return None
        result, added = found
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ASK", boolean=bool(result), namespaces=ns_pairs)
        if not isinstance(result, ox.QuerySolutions):
            return None  # CONSTRUCT or DESCRIBE: rdflib builds and writes the graph
        names = [v.value for v in result.variables if v.value not in added]
        solutions = list(result)
        keys = order_keys(query)
        if len(solutions) > 1:
            # print Oxigraph's rows only if no two that differ tie and no two are ranked by
            # comparing terms of two kinds (keys the query does not select are shown to see them)
            if keys is None:
                return None
            shown = set(names) | set(added)
            hidden = [key for key in keys if key not in shown]
            if hidden and groups_rows(query):
                if not set(names) <= set(keys):
                    return None
                hidden = []  # every column a key: ties print alike; the hidden keys stay unseen
            if hidden:
                found = _solutions(store, namespaces, query, substitutions, added + hidden)
                if found is None or not isinstance(found[0], ox.QuerySolutions):
                    return None
                solutions = list(found[0])
            present = [key for key in keys if key in shown or key in hidden]
            if _differing_ties(solutions, names, present):
                return None
        rows = tuple(tuple(solution[name] for name in names) for solution in solutions)
    except (SyntaxError, ValueError, OSError, RuntimeError):
        return None
    for row in rows:
        for term in row:
            if isinstance(term, ox.Literal) and term.datatype.value in _INEXACT:
                return None
    # pyoxigraph's terms where rdflib's are declared: kg.sparql.results writes both alike
    return QueryResult("SELECT", vars=tuple(names), rows=cast(Any, rows), namespaces=ns_pairs)


def _solutions(
    store: Any, namespaces: dict[str, str], query: str, substitutions: dict[Any, Any], shown: list[str]
) -> tuple[Any, list[str]] | None:
    """Oxigraph's result of ``query`` with the variables ``shown`` added to its SELECT clause, and
    any bound variable it does not select (pyoxigraph substitutes only selected ones); None if
    Oxigraph refuses it."""
    added = list(shown)
    while True:
        text = with_projected(query, sorted(added)) if added else query
        if text is None:
            return None
        # the bound values written in the query too, so that Oxigraph's plan starts from them
        hinted = with_values(text, {v.value: str(t) for v, t in substitutions.items()})
        try:
            try:
                result = _query(store, namespaces, hinted or text, substitutions)
            except SyntaxError:
                if hinted is None:
                    raise
                result = _query(store, namespaces, text, substitutions)
        except RuntimeError as exc:
            missing = _NOT_PROJECTED.search(str(exc))
            if missing is None or missing.group(1) in added:
                return None
            added.append(missing.group(1))
            continue
        return result, added


def _query(store: Any, namespaces: dict[str, str], text: str, substitutions: dict[Any, Any]) -> Any:
    return store.query(
        text,
        prefixes=namespaces,
        substitutions=substitutions or None,
        default_graph=ox.DefaultGraph(),
        named_graphs=[],
    )


def _differing_ties(solutions: list[Any], names: list[str], keys: list[str]) -> bool:
    """Whether two neighbouring rows tie on the keys but print differently, or are ranked by
    comparing terms of two kinds (an IRI and a literal, literals of two datatypes or languages:
    rdflib and Oxigraph rank those their own ways). Where every neighbour is ranked by a
    comparison both make alike, both sort the rows into this order."""
    previous: tuple[Any, Any] | None = None
    for solution in solutions:
        current = tuple(solution[key] for key in keys), tuple(solution[name] for name in names)
        if previous is not None:
            if current[0] == previous[0]:
                if current[1] != previous[1]:
                    return True
            else:
                a, b = next((a, b) for a, b in zip(previous[0], current[0], strict=True) if a != b)
                if a is not None and b is not None and _kind(a) != _kind(b):
                    return True
        previous = current
    return False


def _kind(term: Any) -> Any:
    if isinstance(term, ox.Literal):
        return term.datatype.value, term.language
    return type(term)


def _term(kind: str, text: str) -> Any:
    return ox.NamedNode(text) if kind == "iri" else ox.Literal(text)
