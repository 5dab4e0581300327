"""A read-only SPARQL 1.1 Protocol endpoint over one graph, on the standard library's HTTP server.

``make_server(query_fn, host, port)`` serves ``/sparql`` (queries by GET, by POST as a form or
as an ``application/sparql-query`` body) and a page at ``/``. ``query_fn(text)`` answers a query
with a :class:`~kg.sparql.results.QueryResult`, raising :class:`~kg.errors.QueryError` for a bad query
(an update or ``SERVICE`` among them) and :class:`TimeoutError` or a ``QueryError`` saying the
query "did not finish within" its time for one that ran out of time. Queries run one at a time:
rdflib's SPARQL parser keeps state between calls, and a deadline forks a child process, which
is only safe while no other thread is inside the engine.

>>> from rdflib import Graph
>>> from kg.sparql.query import run_query
>>> server = make_server(lambda text: run_query(Graph(), text), "127.0.0.1", 0)
>>> server.url.startswith("http://127.0.0.1:") and server.url.endswith("/sparql")
True
>>> server.server_close()
"""

from __future__ import annotations

import ipaddress
import re
import socket
import sys
import threading
from collections.abc import Callable, Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import TCPServer
from urllib.parse import parse_qs, urlsplit

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from kg.errors import QueryError
from kg.serve.formats import choose_media_type, offered, serialize
from kg.serve.page import content_security_policy, render_page
from kg.sparql.results import QueryResult

__all__ = ["QueryFn", "SparqlServer", "is_loopback", "make_server"]

QueryFn = Callable[[str], QueryResult]

ENDPOINT = "/sparql"
MAX_BODY = 1 << 20  # bytes; a query longer than a mebibyte is not a query anyone typed
_DIGITS = re.compile(r"[0-9]+")  # a Content-Length in ASCII digits only
_TIMED_OUT = "did not finish within"  # how kg.sparql.query says a query ran out of time
_READ_ONLY = "read-only: SPARQL updates are not accepted here"


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) reaches only this machine."""
    name = host.strip("[]")
    if name.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(name, None, type=socket.SOCK_STREAM)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)


class _Refused(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class SparqlServer(ThreadingHTTPServer):
    """The endpoint: one graph, queried one request at a time; ``url`` is where it listens."""

    daemon_threads = True  # a client that keeps its connection open must not hold up shutdown

    def __init__(
        self,
        address: tuple[str, int],
        query_fn: QueryFn,
        named_queries: Mapping[str, tuple[str, str]],
        title: str,
        check_host: bool,
    ) -> None:
        self.address_family = socket.getaddrinfo(address[0], address[1], type=socket.SOCK_STREAM)[0][0]
        self.query_fn = query_fn
        self.named_queries = dict(named_queries)
        self.title = title
        self.check_host = check_host
        self._lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host's name up in DNS, which can take seconds
        TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    @property
    def url(self) -> str:
        host = self.server_name
        return f"http://{f'[{host}]' if ':' in host else host}:{self.server_port}{ENDPOINT}"

    def answer(self, text: str) -> QueryResult:
        with self._lock:
            return self.query_fn(text)


def make_server(
    query_fn: QueryFn,
    host: str = "127.0.0.1",
    port: int = 0,
    named_queries: Mapping[str, tuple[str, str]] | None = None,
    title: str = "kg SPARQL endpoint",
) -> SparqlServer:
    """A server bound to ``host``:``port`` (0: a free port), ready to ``serve_forever()``.

    ``named_queries`` (name -> (description, text)) are listed on the page; by default kg's own.
    On a loopback host, requests must name a loopback host too (``Host:``), so a web page whose
    domain was made to point at 127.0.0.1 (DNS rebinding) cannot read the graph.
    """
    if named_queries is None:
        from kg.sparql.query import list_named_queries, named_query

        named_queries = {name: (desc, named_query(name)) for name, desc in list_named_queries().items()}
    return SparqlServer((host, port), query_fn, named_queries, title, check_host=is_loopback(host))


def _loopback_literal(host: str) -> bool:
    """Whether a ``Host:`` header names this machine: localhost or a loopback address, never
    looked up in DNS (the name a rebinding attack uses does resolve to 127.0.0.1)."""
    name = host.strip()
    if name.startswith("["):
        name = name[1 : name.find("]")] if "]" in name else ""
    elif name.count(":") == 1:
        name = name.split(":")[0]
    if name.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _is_update(text: str) -> bool:
    try:
        parseQuery(text)
    except ParseException:
        try:
            parseUpdate(text)
        except (ParseException, RecursionError):
            return False
        return True
    except RecursionError:  # nested too deeply to be parsed: a malformed query, not an update
        return False
    return False


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    timeout = 60  # seconds a client may take to send its request
    server_version = "kg-serve"

    def do_GET(self) -> None:
        self._handle(self._get)

    def do_POST(self) -> None:
        self._handle(self._post)

    def _handle(self, method: Callable[[], None]) -> None:
        try:
            self._check_host()
            method()
        except _Refused as exc:
            self._send(exc.status, f"kg serve: {exc}\n".encode(), "text/plain; charset=utf-8")
        except Exception as exc:  # a fault of kg's, not the client's: say so, keep serving
            self.log_error("internal error: %s: %s", type(exc).__name__, exc)
            message = f"kg serve: internal error: {type(exc).__name__}: {exc}\n"
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, message.encode(), "text/plain; charset=utf-8")

    def _check_host(self) -> None:
        host = self.headers.get("Host")
        if self.server.check_host and host is not None and not _loopback_literal(host):
            raise _Refused(HTTPStatus.FORBIDDEN, f"Host {host!r} is not this machine (loopback only)")

    def _get(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/" and not url.query:
            page = render_page(self.server.title, ENDPOINT, self.server.named_queries)
            self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8", page=True)
        elif url.path in ("/", ENDPOINT):
            self._query(_parse_params(url.query))
        else:
            raise _Refused(HTTPStatus.NOT_FOUND, f"no such path {url.path!r}; the endpoint is {ENDPOINT}")

    def _post(self) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/", ENDPOINT):
            raise _Refused(HTTPStatus.NOT_FOUND, f"no such path {url.path!r}; the endpoint is {ENDPOINT}")
        media, _, rest = self.headers.get("Content-Type", "").partition(";")
        media = media.strip().lower()
        if media == "application/sparql-update":
            raise _Refused(HTTPStatus.FORBIDDEN, _READ_ONLY)
        if media not in ("application/x-www-form-urlencoded", "application/sparql-query"):
            raise _Refused(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"cannot read a {media or 'body without a Content-Type'}; POST "
                "application/x-www-form-urlencoded (query=...) or application/sparql-query",
            )
        body = _decode(self._body(), _charset(rest))
        params = _parse_params(url.query)
        if media == "application/sparql-query":
            if "query" in params:
                raise _Refused(HTTPStatus.BAD_REQUEST, "a query in the body and another in the URL")
            params["query"] = [body]
        else:
            for name, values in _parse_params(body).items():
                params.setdefault(name, []).extend(values)
        self._query(params)

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
        if not _DIGITS.fullmatch(length.strip()):  # not str.isdigit: "²" is a digit to Python, not to int()
            raise _Refused(
                HTTPStatus.BAD_REQUEST, f"Content-Length {length.strip()!r} is not a number of bytes"
            )
        if int(length) > MAX_BODY:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body is over {MAX_BODY} bytes")
        return self.rfile.read(int(length))

    def _query(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            raise _Refused(HTTPStatus.FORBIDDEN, _READ_ONLY)
        for name in ("default-graph-uri", "named-graph-uri"):
            if name in params:
                raise _Refused(
                    HTTPStatus.BAD_REQUEST,
                    f"{name} is not supported: kg serve answers over the one graph it loaded",
                )
        queries = params.get("query", [])
        if len(queries) != 1:
            raise _Refused(
                HTTPStatus.BAD_REQUEST,
                f"expected one query= parameter, got {len(queries)}; the page at / has a query box",
            )
        text = queries[0]
        try:
            result = self.server.answer(text)
        except TimeoutError as exc:
            raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE, f"query stopped: {exc}") from None
        except QueryError as exc:
            if _TIMED_OUT in str(exc):
                raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE, str(exc)) from None
            status = HTTPStatus.FORBIDDEN if _is_update(text) else HTTPStatus.BAD_REQUEST
            raise _Refused(status, str(exc)) from None
        formats = params.get("format", []) + params.get("output", [])
        media = choose_media_type(result.kind, self.headers.get("Accept"), formats)
        if media is None:
            asked = f"format={formats[0]}" if formats else f"Accept: {self.headers.get('Accept')}"
            raise _Refused(
                HTTPStatus.NOT_ACCEPTABLE,
                f"a {result.kind} answer is not available as {asked}; "
                f"available: {', '.join(offered(result.kind))}",
            )
        charset = "; charset=utf-8" if media.startswith("text/") else ""
        self._send(HTTPStatus.OK, serialize(result, media), media + charset)

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, page: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        if page:
            self.send_header("Content-Security-Policy", content_security_policy())
        else:
            self.send_header("Vary", "Accept")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write(f"kg serve: {self.address_string()} {format % args}\n")


def _charset(params: str) -> str:
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip('"') or "utf-8"
    return "utf-8"


def _decode(body: bytes, charset: str) -> str:
    try:
        return body.decode(charset)
    except LookupError:
        raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unknown charset {charset!r}") from None
    except UnicodeDecodeError as exc:
        raise _Refused(HTTPStatus.BAD_REQUEST, f"the body is not {charset}: {exc.reason}") from None


def _parse_params(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=100)
    except (UnicodeDecodeError, ValueError) as exc:
        raise _Refused(HTTPStatus.BAD_REQUEST, f"cannot read the parameters: {exc}") from None
