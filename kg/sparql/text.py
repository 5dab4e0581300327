"""What ``kg query`` needs before any RDF library: kg's prefixes, the query text (a file, a named
query or the text itself), ``--bind`` pairs and how a bound value reads (an IRI or a literal).

Nothing here imports rdflib or pyoxigraph, so that a command can read its query and its
arguments before choosing which engine loads the graph. :mod:`kg.sparql.query` re-exports these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from kg.config import ONTOLOGY_NS
from kg.errors import QueryError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "CORE_PREFIXES",
    "PREFIXES",
    "list_named_queries",
    "named_query",
    "parse_bindings",
    "resolve_query",
    "value_term",
]

# rdflib's namespaces, spelt out so that reading them costs no import (a test checks they agree)
PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}
# what rdflib's Graph(bind_namespaces="core") binds before a file adds its own prefixes
CORE_PREFIXES: dict[str, str] = {
    "owl": PREFIXES["owl"],
    "rdf": PREFIXES["rdf"],
    "rdfs": PREFIXES["rdfs"],
    "xsd": PREFIXES["xsd"],
    "xml": "http://www.w3.org/XML/1998/namespace",
}
_DESCRIPTION = re.compile(r"^#\s*description:\s*(.*?)\s*$", re.MULTILINE)
_NAME = re.compile(r"[A-Za-z][\w-]*")  # a named query's name, never valid SPARQL on its own
_VARIABLE = re.compile(r"[A-Za-z_0-9]\w*")
_IRI_REF = re.compile(r"<([^<>\"{}|^`\\\s]*)>")
_ABSOLUTE_IRI = re.compile(r"(?:https?://|urn:)[^<>\"{}|^`\\\s]+")
_PREFIXED_NAME = re.compile(r"([A-Za-z][\w.-]*):([^\s<>\"{}|^`\\]*)")


def one_line(exc: BaseException) -> str:
    why = getattr(exc, "_why", None)  # rdflib's Turtle BadSyntax keeps the reason apart
    if why is not None:
        return f"line {getattr(exc, 'lines', 0) + 1}: {why}"
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__


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

    A missing or unreadable ``.rq`` file, or a single word that is no named query, raises
    :class:`QueryError` (the latter listing the named queries).
    """
    path = _existing_file(query)
    if path is not None:
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read query file {path}: {one_line(exc)}") from None
    name = query.strip()
    if "\n" not in name and name.endswith(".rq"):
        raise QueryError(f"no such query file: {name}")
    if name in list_named_queries() or _NAME.fullmatch(name):
        return named_query(name)  # an unknown name raises, listing the valid ones
    return query


def parse_bindings(pairs: Iterable[str]) -> dict[str, str]:
    """``["name=Corvane", "?kind=kg:Company"]`` -> ``{"name": "Corvane", "kind": "kg:Company"}``.

    A leading ``?`` or ``$`` on the name is dropped; a pair without ``=``, a name that is no
    SPARQL variable name, or a name given twice raises :class:`QueryError`.
    """
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _VARIABLE.fullmatch(name):
            raise QueryError(f"--bind {pair!r}: expected VAR=VALUE, e.g. --bind name=Corvane")
        if name in out:
            raise QueryError(f"--bind: ?{name} is bound twice")
        out[name] = value
    return out


def value_term(value: str, namespaces: Mapping[str, str] = PREFIXES) -> tuple[str, str]:
    """What a bound value stands for, as ``("iri", IRI)`` or ``("literal", text)``; see
    :func:`kg.sparql.query.bind_value`, which makes the rdflib term of it.

    >>> value_term("kg:Company")
    ('iri', 'https://w3id.org/kg-news/ontology#Company')
    >>> value_term('"urn:x"')
    ('literal', 'urn:x')
    """
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return "literal", value[1:-1]
    match = _IRI_REF.fullmatch(value)
    if match:
        return "iri", match.group(1)
    if _ABSOLUTE_IRI.fullmatch(value):
        return "iri", value
    match = _PREFIXED_NAME.fullmatch(value)
    if match and match.group(1) in namespaces:
        return "iri", namespaces[match.group(1)] + match.group(2)
    return "literal", value


def _queries_dir() -> Traversable:
    return resources.files("kg.sparql") / "named"


def list_named_queries() -> dict[str, str]:
    """Named query -> its ``# description:`` line, for every ``kg/sparql/named/*.rq``, sorted by name."""
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
