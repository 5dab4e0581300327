"""Query results as text: the W3C SPARQL 1.1 result formats and a table for people.

``csv``, ``tsv`` and ``json`` are the W3C SPARQL 1.1 Query Results formats; ``table`` is for
people at a terminal. A CONSTRUCT or DESCRIBE result is a graph: ``table`` and ``turtle`` give
Turtle, ``nt`` gives sorted N-Triples, and ``csv``/``tsv``/``json`` raise :class:`QueryError`.

The rows hold rdflib terms; ``kg query``'s Oxigraph path (:mod:`kg.sparql.stores.quick`) leaves
pyoxigraph's terms in them, and both are written alike (:func:`term_parts`), so that printing an
answer never imports rdflib (a fifth of a second of ``kg query``'s start).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.errors import QueryError

if TYPE_CHECKING:
    import pandas
    from rdflib import Graph
    from rdflib.term import Node

FORMATS = ("table", "csv", "tsv", "json", "turtle", "nt")
MIN_COLUMN = 6  # a table fitted to a narrow terminal cuts no column below this many characters

_DISPLAY_LOCAL = re.compile(r"[\w\-.~%/]+")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def term_parts(term: Any) -> tuple[str, str, str | None, str | None]:
    """``(kind, text, language, datatype)`` of an rdflib or a pyoxigraph term: kind is ``"uri"``,
    ``"bnode"`` or ``"literal"``; datatype is None for a plain literal (rdflib's ``Literal("x")``,
    and a pyoxigraph literal of ``xsd:string``, as :func:`kg.sparql.stores.oxigraph.from_oxigraph`
    reads it) and for a language-tagged one.

    >>> import pyoxigraph as ox
    >>> term_parts(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    ('literal', '3', None, 'http://www.w3.org/2001/XMLSchema#integer')
    """
    if isinstance(term, str):  # rdflib's terms are strings; one exists, so rdflib is loaded
        from rdflib import BNode, Literal

        if isinstance(term, Literal):
            datatype = None if term.datatype is None else str(term.datatype)
            return "literal", str(term), term.language or None, datatype
        return ("bnode" if isinstance(term, BNode) else "uri"), str(term), None, None
    import pyoxigraph as ox  # loaded already: the term is one of its own

    if isinstance(term, ox.NamedNode):
        return "uri", term.value, None, None
    if isinstance(term, ox.BlankNode):
        return "bnode", term.value, None, None
    if isinstance(term, ox.Literal):
        if term.language:
            return "literal", term.value, term.language, None
        datatype = term.datatype.value
        return "literal", term.value, None, None if datatype in (XSD_STRING, _LANG_STRING) else datatype
    raise QueryError(f"the answer holds a term kg cannot show: {term!r}")


@dataclass(frozen=True, eq=False)
class QueryResult:
    """A query's answer as plain data: rows for SELECT, a boolean for ASK, a graph otherwise."""

    kind: str  # "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"
    vars: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: Graph | None = None
    namespaces: tuple[tuple[str, str], ...] = ()

    def to_dataframe(self) -> pandas.DataFrame:
        """The rows as a pandas ``DataFrame`` (one column per variable; IRIs and text as ``str``,
        numbers and dates as Python values, an unbound variable missing: ``isna()``); a
        CONSTRUCT's triples in ``subject``, ``predicate``, ``object``. Needs the ``pandas``
        extra: without pandas, raises :class:`kg.errors.DependencyError`; an ASK raises
        :class:`QueryError`."""
        from kg.sparql.frame import to_dataframe

        if self.kind == "ASK":
            raise QueryError("an ASK result is one boolean, not a table: read QueryResult.boolean")
        if self.graph is not None:
            triples = sorted(self.graph, key=lambda triple: tuple(str(term) for term in triple))
            return to_dataframe(("subject", "predicate", "object"), triples)
        return to_dataframe(self.vars, self.rows)


def _nt(term: Node | None) -> str:
    """A term in N-Triples syntax (the TSV results encoding); '' when unbound."""
    if term is None:
        return ""
    kind, text, language, datatype = term_parts(term)
    if kind == "bnode":
        return f"_:{text}"
    if kind == "literal":
        for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
            text = text.replace(raw, escaped)
        if language:
            return f'"{text}"@{language}'
        if datatype is not None and datatype != XSD_STRING:
            return f'"{text}"^^<{datatype}>'
        return f'"{text}"'
    return f"<{text}>"


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else _csv_cell(*term_parts(t)[:2]) for t in row])
    return buffer.getvalue()


def _csv_cell(kind: str, text: str) -> str:
    return f"_:{text}" if kind == "bnode" else text


def _tsv(result: QueryResult) -> str:
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    lines += ["\t".join(_nt(term) for term in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    kind, text, language, datatype = term_parts(term)
    if kind != "literal":
        return {"type": kind, "value": text}
    out = {"type": "literal", "value": text}
    if language:
        out["xml:lang"] = language
    elif datatype is not None:
        out["datatype"] = datatype
    return out


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
    kind, text, _, _ = term_parts(term)
    if kind == "uri":
        for prefix, ns in namespaces:
            local = text[len(ns) :]
            if text.startswith(ns) and _DISPLAY_LOCAL.fullmatch(local):
                return f"{prefix}:{local}"
        return f"<{text}>"
    if kind == "bnode":
        return f"_:{text}"
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` terminal columns, ending in "…" if anything was cut."""
    if _width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        char_width = _width(char)
        if used + char_width > width - 1:
            break
        kept.append(char)
        used += char_width
    return "".join(kept) + "…"


def _fit(widths: list[int], columns: int) -> list[int]:
    """Column widths whose table, with its " | " separators, fits ``columns``: the widest
    columns give way first (all cut to one cap, the largest that fits), none below
    :data:`MIN_COLUMN` (a table of many columns may then still be wider than the terminal)."""
    room = columns - 3 * (len(widths) - 1)
    if sum(widths) <= room:
        return widths
    cap = max(widths)
    while cap > MIN_COLUMN and sum(min(w, cap) for w in widths) > room:
        cap -= 1
    return [min(w, cap) for w in widths]


def _table(result: QueryResult, columns: int | None = None) -> str:
    # the longest namespace wins, so kg:Company rather than a shorter prefix's "…#Company"
    namespaces = sorted(result.namespaces, key=lambda pair: (-len(pair[1]), pair[0]))
    cells = [[_display(term, namespaces) for term in row] for row in result.rows]
    widths = [max([_width(v)] + [_width(row[i]) for row in cells]) for i, v in enumerate(result.vars)]
    full = widths
    if columns is not None and widths:
        widths = _fit(widths, columns)

    def line(values: list[str]) -> str:
        values = [_cut(v, w) for v, w in zip(values, widths, strict=True)]
        return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    count = len(result.rows)
    lines = [line(list(result.vars)), "-+-".join("-" * w for w in widths)] if result.vars else []
    lines += [line(row) for row in cells]
    cut = "; long cells cut to fit, --wide shows them whole" if widths != full else ""
    lines.append(f"({count} row{'' if count == 1 else 's'}{cut})")
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str, columns: int | None = None) -> str:
    """The result as text in ``fmt``: one of :data:`FORMATS`. Every line ends with a line end.

    With ``columns``, a ``table`` fits that many terminal columns: the widest columns are cut,
    their long cells ending in "…"; the other formats are never cut.
    """
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
    return _table(result, columns)
