"""What ``kg serve`` answers in: media types, ``Accept`` negotiation and the SPARQL XML results.

A SELECT or ASK answer is offered as SPARQL JSON (the default), SPARQL XML, CSV and TSV; a
CONSTRUCT or DESCRIBE answer as Turtle (the default), N-Triples and RDF/XML. The client picks with
the ``Accept`` header (q-values and wildcards, RFC 9110 §12.5.1) or, overriding it, a ``format=``
(or ``output=``) parameter: a short name such as ``json`` or ``turtle``, or a media type.

>>> choose_media_type("SELECT", "text/csv;q=0.5, application/sparql-results+xml")
'application/sparql-results+xml'
>>> choose_media_type("CONSTRUCT", "application/json") is None
True
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from rdflib import BNode, Literal
from rdflib.term import Node

from kg.sparql.results import QueryResult, format_result

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
RDF_XML = "application/rdf+xml"

# Offered media types in order of preference (the first is the default), each with the other
# names clients use for it: SPARQLWrapper, for one, also accepts application/json.
_RESULT_TYPES: dict[str, tuple[str, ...]] = {
    SPARQL_JSON: ("application/json",),
    SPARQL_XML: ("application/xml", "text/xml"),
    CSV: (),
    TSV: (),
}
_GRAPH_TYPES: dict[str, tuple[str, ...]] = {
    TURTLE: ("application/turtle", "application/x-turtle"),
    NTRIPLES: ("text/plain",),  # N-Triples' media type before RDF 1.1
    RDF_XML: (),
}
_FORMAT_NAMES = {
    "json": (SPARQL_JSON, None),
    "xml": (SPARQL_XML, RDF_XML),
    "csv": (CSV, None),
    "tsv": (TSV, None),
    "turtle": (None, TURTLE),
    "ttl": (None, TURTLE),
    "nt": (None, NTRIPLES),
    "ntriples": (None, NTRIPLES),
    "n-triples": (None, NTRIPLES),
    "rdfxml": (None, RDF_XML),
    "rdf+xml": (None, RDF_XML),
}
_SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# characters XML 1.0 cannot carry at all, not even as character references
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _offers(kind: str) -> dict[str, tuple[str, ...]]:
    return _GRAPH_TYPES if kind in ("CONSTRUCT", "DESCRIBE") else _RESULT_TYPES


def offered(kind: str) -> list[str]:
    """The media types an answer of this kind (SELECT, ASK, CONSTRUCT, DESCRIBE) comes in."""
    return list(_offers(kind))


def _parse_accept(header: str) -> list[tuple[str, float]]:
    ranges = []
    for part in header.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if "/" not in media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges


def _quality(media: str, ranges: Sequence[tuple[str, float]]) -> float:
    """The q of the most specific range that matches ``media``: type/subtype, then type/*, then */*."""
    major = media.split("/")[0]
    for pattern in (media, f"{major}/*", "*/*"):
        qs = [q for candidate, q in ranges if candidate == pattern]
        if qs:
            return max(qs)
    return 0.0


def choose_media_type(kind: str, accept: str | None, formats: Sequence[str] = ()) -> str | None:
    """The media type to answer in, or None when the client accepts none of those offered.

    ``formats`` are the values of ``format=``/``output=`` parameters; the first one that names
    a type offered for ``kind`` wins over ``Accept``; if none does, nothing is acceptable.
    """
    offers = _offers(kind)
    graph = offers is _GRAPH_TYPES
    if formats:
        for value in formats:
            name = value.strip().lower()
            if name in _FORMAT_NAMES:
                media = _FORMAT_NAMES[name][1 if graph else 0]
                if media is not None:
                    return media
            for media, aliases in offers.items():
                if name == media or name in aliases:
                    return media
        return None
    if not accept or not accept.strip():
        return next(iter(offers))
    ranges = _parse_accept(accept)
    best, best_q = None, 0.0
    for media, aliases in offers.items():  # strictly greater: a tie goes to the earlier offer
        q = max(_quality(m, ranges) for m in (media, *aliases))
        if q > best_q:
            best, best_q = media, q
    return best


def _xml_term(parent: ET.Element, term: Node) -> None:
    if isinstance(term, BNode):
        ET.SubElement(parent, "bnode").text = str(term)
    elif isinstance(term, Literal):
        element = ET.SubElement(parent, "literal")
        element.text = _NOT_XML.sub("\ufffd", str(term))
        if term.language:
            element.set(_XML_LANG, term.language)
        elif term.datatype is not None:
            element.set("datatype", str(term.datatype))
    else:
        ET.SubElement(parent, "uri").text = _NOT_XML.sub("\ufffd", str(term))


def results_xml(result: QueryResult) -> str:
    """A SELECT or ASK result in the W3C SPARQL Query Results XML Format.

    A character XML 1.0 cannot hold (a control character other than tab, line feed and carriage
    return) is written as U+FFFD.
    """
    root = ET.Element("sparql", xmlns=_SPARQL_RESULTS_NS)
    head = ET.SubElement(root, "head")
    if result.kind == "ASK":
        ET.SubElement(root, "boolean").text = "true" if result.boolean else "false"
    else:
        for var in result.vars:
            ET.SubElement(head, "variable", name=var)
        results = ET.SubElement(root, "results")
        for row in result.rows:
            element = ET.SubElement(results, "result")
            for var, term in zip(result.vars, row, strict=True):
                if term is not None:
                    _xml_term(ET.SubElement(element, "binding", name=var), term)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def serialize(result: QueryResult, media: str) -> bytes:
    """The result in ``media``, one of :func:`offered` for its kind, as UTF-8 bytes."""
    if media == SPARQL_XML:
        text = results_xml(result)
    elif media == RDF_XML and result.graph is not None:
        text = result.graph.serialize(format="xml")
    else:
        names = {SPARQL_JSON: "json", CSV: "csv", TSV: "tsv", TURTLE: "turtle", NTRIPLES: "nt"}
        text = format_result(result, names[media])
    return text.encode("utf-8")
