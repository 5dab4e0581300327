"""Query results as text: the W3C SPARQL 1.1 result formats and a table for people.

``csv``, ``tsv`` and ``json`` are the W3C SPARQL 1.1 Query Results formats; ``table`` is for
people at a terminal. A CONSTRUCT or DESCRIBE result is a graph: ``table`` and ``turtle`` give
Turtle, ``nt`` gives sorted N-Triples, and ``csv``/``tsv``/``json`` raise :class:`QueryError`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.errors import QueryError

FORMATS = ("table", "csv", "tsv", "json", "turtle", "nt")

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
