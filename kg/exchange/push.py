"""Send a graph to a graph store over the SPARQL 1.1 Graph Store HTTP Protocol.

The graph is cut as ``kg export --format nq`` cuts it (:func:`kg.graph.split.split_by_document`): a
named graph per document and the default graph for the rest. Each goes in its own request, the
portable path every Graph Store Protocol server takes: ``PUT URL?default`` for the default graph,
then ``PUT URL?graph=IRI`` for each document, in IRI order, as N-Triples. ``PUT`` replaces what
the server held under that name, so pushing twice leaves the same store; ``merge=True`` sends
``POST`` instead, which adds to it. Standard library only (urllib).

A request the server refuses (an HTTP status of 400 or more), one that cannot reach it or one
that gets no answer in time stops the push: :class:`PushError` carries a :class:`PushReport`
saying which graphs were stored and which were not.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from rdflib import Graph

from kg.errors import InputError, KGError

NTRIPLES = "application/n-triples"
DEFAULT = "default graph"
_MESSAGE_CHARS = 200


@dataclass
class PushReport:
    url: str
    sent: list[tuple[str, int]] = field(default_factory=list)  # (graph, triples), in order
    failed: str | None = None  # the graph whose request failed
    reason: str = ""
    not_sent: list[str] = field(default_factory=list)  # the failed one and every one after it

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.sent)

    def lines(self) -> list[str]:
        """What was stored and what was not, one line each, for a person."""
        out = [f"sent ({len(self.sent)}): {', '.join(name for name, _ in self.sent) or 'none'}"]
        if self.not_sent:
            out.append(f"not sent ({len(self.not_sent)}): {', '.join(self.not_sent)}")
        return out


class PushError(KGError):
    """The server refused a graph or could not be reached; ``report`` says what was stored."""

    exit_code = 1

    def __init__(self, message: str, report: PushReport) -> None:
        super().__init__(message)
        self.report = report


def check_url(url: str) -> str:
    """``url`` if it is an http(s) URL with a host, else InputError."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"not a graph store URL: {url!r} (expected http://HOST[:PORT]/PATH)")
    return url


def target(url: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of ``graph`` (None: the default graph) at endpoint ``url``."""
    joiner = "&" if urlsplit(url).query else "?"
    return f"{url}{joiner}default" if graph is None else f"{url}{joiner}graph={quote(graph, safe='')}"


def graph_bodies(graph: Graph) -> list[tuple[str | None, bytes, int]]:
    """(named graph IRI or None for the default graph, N-Triples, triples) for each request."""
    from kg.graph.split import split_by_document

    ds = split_by_document(graph)
    default = ds.default_graph.identifier
    named = sorted((g for g in ds.graphs() if g.identifier != default), key=lambda g: str(g.identifier))
    out: list[tuple[str | None, bytes, int]] = []
    for g in [ds.default_graph, *named]:
        if len(g):
            iri = None if g is ds.default_graph else str(g.identifier)
            out.append((iri, g.serialize(format="nt", encoding="utf-8"), len(g)))
    return out


def _reason(exc: BaseException) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        try:
            body = exc.read().decode("utf-8", errors="replace")
        except OSError:
            body = ""
        message = " ".join(body.split())[:_MESSAGE_CHARS]
        return f"HTTP {exc.code} {exc.reason}" + (f": {message}" if message else "")
    if isinstance(exc, urllib.error.URLError):
        return f"cannot reach the server: {exc.reason}"
    if isinstance(exc, TimeoutError):
        return "no answer in time (the server may or may not have stored it)"
    return f"{type(exc).__name__}: {exc}"


def push(graph: Graph, url: str, merge: bool = False, timeout: float = 60.0) -> PushReport:
    """Send ``graph`` to the Graph Store Protocol endpoint ``url``, one request per graph.

    Returns the report of a complete push; raises :class:`PushError` (with the report) at the
    first graph the server does not store, and InputError for a URL that is not http(s).
    """
    check_url(url)
    report = PushReport(url)
    bodies = graph_bodies(graph)
    method = "POST" if merge else "PUT"
    for index, (iri, body, count) in enumerate(bodies):
        name = iri or DEFAULT
        request = urllib.request.Request(
            target(url, iri), data=body, method=method, headers={"Content-Type": NTRIPLES}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except (OSError, ValueError) as exc:  # HTTPError and URLError are OSErrors
            report.failed, report.reason = name, _reason(exc)
            report.not_sent = [i or DEFAULT for i, _, _ in bodies[index:]]
            raise PushError(f"push to {url} stopped at {name}: {report.reason}", report) from None
        report.sent.append((name, count))
    return report
