"""Reading a graph file without the network and without XML entity expansion.

rdflib's parsers fetch what a file points to: a JSON-LD ``@context`` URL is downloaded (a graph
file could make ``kg query`` request any address the machine can reach), and its RDF/XML and
TriX parsers expand the entities a DOCTYPE declares (a 1 KB "billion laughs" file takes minutes).
:func:`no_network` refuses every URL opened and every socket connected while it is active (an
audit hook, as rdflib's security notes suggest, scoped to the calling thread);
:func:`refuse_xml_entities` refuses an XML file that declares any ``<!ENTITY``, before parsing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any
from xml.parsers import expat

from kg.errors import GraphError

__all__ = ["XML_FORMATS", "no_network", "refuse_xml_entities"]

XML_FORMATS = frozenset({"xml", "trix"})  # rdflib's names of the XML syntaxes

_OFFLINE: ContextVar[bool] = ContextVar("kg_offline", default=False)
_hook_installed = False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _OFFLINE.get():
        return
    if event == "urllib.Request":
        raise GraphError(f"refused to fetch {args[0]}: kg reads graphs without the network")
    if event == "socket.connect":
        raise GraphError(f"refused to connect to {args[1]}: kg reads graphs without the network")


@contextmanager
def no_network() -> Iterator[None]:
    """While active, opening a URL or connecting a socket in this thread raises :class:`GraphError`.

    >>> import urllib.request
    >>> with no_network():
    ...     urllib.request.urlopen("http://x.invalid/ctx.jsonld")
    Traceback (most recent call last):
    kg.errors.GraphError: refused to fetch http://x.invalid/ctx.jsonld: kg reads graphs without the network
    """
    global _hook_installed
    if not _hook_installed:  # audit hooks cannot be removed: one, switched by a context variable
        sys.addaudithook(_audit)
        _hook_installed = True
    token = _OFFLINE.set(True)
    try:
        yield
    finally:
        _OFFLINE.reset(token)


class _Prolog(Exception):
    """The first element began: every entity a file declares is declared before it."""


def _refuse_entity(name: str, *_: object) -> None:
    raise GraphError(f"XML entity declaration <!ENTITY {name} ...> refused: kg does not expand XML entities")


def _first_element(*_: object) -> None:
    raise _Prolog


def refuse_xml_entities(path: str | Path) -> None:
    """Raise :class:`GraphError` if the XML file at ``path`` declares an entity.

    Only the prolog is read (up to the first element), so the check costs nothing on a large
    file; a file that is no XML passes, for the RDF parser to name its fault. Entities are refused
    outright rather than bounded: rdflib (quadratic text joins) and Oxigraph (unbounded expansion,
    an abort on a 737-byte file) both choke on nested ones. A file that abbreviates namespaces
    with entities (as some OWL editors write) is refused too: convert it to Turtle first.
    """
    parser = expat.ParserCreate()
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.StartElementHandler = _first_element
    with open(path, "rb") as handle:
        try:
            parser.ParseFile(handle)
        except (_Prolog, expat.ExpatError):
            return
