"""A read-only SPARQL 1.1 Protocol endpoint over one graph, on the standard library's HTTP server.

``make_server(query_fn, host, port)`` serves ``/sparql`` (queries by GET, by POST as a form or
as an ``application/sparql-query`` body) and a page at ``/``. ``query_fn(text)`` answers a query
with a :class:`~kg.sparql.results.QueryResult`, raising :class:`~kg.errors.QueryError` for a bad query
(an update or ``SERVICE`` among them).

Queries run in a pool of worker processes forked once the graph is loaded (:mod:`kg.serve.pool`),
within the :class:`~kg.serve.answer.Limits` given: a deadline (30 s by default), a memory bound and
a row bound, each answered 503 with one line when exceeded; a query whose client hangs up is
stopped. With ``Limits(workers=0)`` (or where the pool is not supported) queries run one at a
time in the server's process, and only a deadline ``query_fn`` enforces itself applies.

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

from kg.serve.answer import Limits, Reply, Request, answer, plain
from kg.serve.page import content_security_policy, render_page
from kg.serve.pool import ClientGone, PoolStopped, WorkerPool, pool_supported
from kg.sparql.results import QueryResult

__all__ = ["Limits", "QueryFn", "SparqlServer", "is_loopback", "make_server"]

QueryFn = Callable[[str], QueryResult]

ENDPOINT = "/sparql"
MAX_BODY = 1 << 20  # bytes; a query longer than a mebibyte is not a query anyone typed
_DIGITS = re.compile(r"[0-9]+")  # a Content-Length in ASCII digits only
_READ_ONLY = "read-only: SPARQL updates are not accepted here"
# answered once before workers are forked: a query, a malformed one and an update walk each
# parser rdflib has, whose grammar is streamlined on first use (~40 ms per fresh worker)
_WARM_UP = tuple(Request(text, None, ()) for text in ("ASK {}", "ASK {", "INSERT DATA {}"))


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
    """The endpoint: one graph, queried in worker processes; ``url`` is where it listens."""

    daemon_threads = True  # a client that keeps its connection open must not hold up shutdown
    request_queue_size = 128  # the listen backlog: the stdlib's 5 overflows at a few dozen clients

    def __init__(
        self,
        address: tuple[str, int],
        query_fn: QueryFn,
        named_queries: Mapping[str, tuple[str, str]],
        title: str,
        check_host: bool,
        limits: Limits | None = None,
    ) -> None:
        self.address_family = socket.getaddrinfo(address[0], address[1], type=socket.SOCK_STREAM)[0][0]
        self.query_fn = query_fn
        self.named_queries = dict(named_queries)
        self.title = title
        self.check_host = check_host
        self.limits = limits or Limits()
        self._lock = threading.Lock()
        self.pool: WorkerPool | None = None
        super().__init__(address, _Handler)
        if self.limits.workers > 0 and pool_supported():
            memory = None if self.limits.max_memory is None else self.limits.max_memory << 20
            try:
                self.pool = WorkerPool(
                    self._answer_here, self.limits.workers, memory, [self.socket], _WARM_UP
                )
            except BaseException:
                super().server_close()
                raise

    def server_close(self) -> None:
        super().server_close()
        if self.pool is not None:
            self.pool.close()

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host's name up in DNS, which can take seconds
        TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), int(self.server_address[1])

    @property
    def url(self) -> str:
        host = self.server_name
        return f"http://{f'[{host}]' if ':' in host else host}:{self.server_port}{ENDPOINT}"

    def _answer_here(self, request: Request) -> Reply:
        return answer(self.query_fn, request, self.limits.max_rows)

    def reply(self, request: Request, client: socket.socket | None = None) -> Reply:
        """The answer to a query request, within this server's limits; ``client``, the connection
        it came on, is watched for a hang-up (then :class:`~kg.serve.pool.ClientGone` is raised)."""
        bound = self.limits.max_memory
        over_memory = (
            f"query stopped: it went over this endpoint's memory bound of {bound} MiB per query"
            " (or crashed its worker process)"
        )
        if self.pool is None:
            with self._lock:
                try:
                    return self._answer_here(request)
                except MemoryError:
                    return plain(HTTPStatus.SERVICE_UNAVAILABLE, "query stopped: out of memory")
        try:
            return self.pool.call(request, self.limits.timeout, client)  # type: ignore[no-any-return]
        except ClientGone:
            raise
        except PoolStopped as exc:
            return plain(HTTPStatus.SERVICE_UNAVAILABLE, f"query stopped: {exc}")
        except MemoryError:
            return plain(HTTPStatus.SERVICE_UNAVAILABLE, over_memory)


def make_server(
    query_fn: QueryFn,
    host: str = "127.0.0.1",
    port: int = 0,
    named_queries: Mapping[str, tuple[str, str]] | None = None,
    title: str = "kg SPARQL endpoint",
    limits: Limits | None = None,
) -> SparqlServer:
    """A server bound to ``host``:``port`` (0: a free port), ready to ``serve_forever()``.

    Its query workers are forked here, from the calling thread (they share the graph
    ``query_fn`` reads, copy-on-write): call it once the graph is loaded, and from a thread that
    lives as long as the server (workers are killed when it ends). ``limits`` default to
    :class:`Limits` ``()``: a 30 s deadline, 4 workers, 100,000 rows, 1 GiB per query.

    ``named_queries`` (name -> (description, text)) are listed on the page; by default kg's own.
    On a loopback host, requests must name a loopback host too (``Host:``), so a web page whose
    domain was made to point at 127.0.0.1 (DNS rebinding) cannot read the graph.
    """
    if named_queries is None:
        from kg.sparql.query import list_named_queries, named_query

        named_queries = {name: (desc, named_query(name)) for name, desc in list_named_queries().items()}
    return SparqlServer((host, port), query_fn, named_queries, title, is_loopback(host), limits)


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
        except ClientGone:
            self.close_connection = True
            self.log_message("query stopped: the client closed its connection")
        except TimeoutError:
            late = f"kg serve: the request was not sent within {self.timeout} s\n".encode()
            self._send(HTTPStatus.REQUEST_TIMEOUT, late, "text/plain; charset=utf-8")
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
        if len(self.headers.get_all("Content-Length") or ()) > 1:  # which one the body follows is unknown
            raise _Refused(HTTPStatus.BAD_REQUEST, "more than one Content-Length")
        length = self.headers.get("Content-Length")
        if length is None:
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length")
        if not _DIGITS.fullmatch(length.strip()):  # not str.isdigit: "²" is a digit to Python, not to int()
            raise _Refused(
                HTTPStatus.BAD_REQUEST, f"Content-Length {length.strip()!r} is not a number of bytes"
            )
        if int(length) > MAX_BODY:
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body is over {MAX_BODY} bytes")
        body = self.rfile.read(int(length))
        if len(body) < int(length):
            raise _Refused(
                HTTPStatus.BAD_REQUEST, f"the body ended after {len(body)} of its {int(length)} bytes"
            )
        return body

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
        formats = tuple(params.get("format", []) + params.get("output", []))
        request = Request(queries[0], self.headers.get("Accept"), formats)
        reply = self.server.reply(request, self.connection)
        self._send(HTTPStatus(reply.status), reply.body, reply.content_type)

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
    except UnicodeDecodeError as exc:
        raise _Refused(HTTPStatus.BAD_REQUEST, f"the body is not {charset}: {exc.reason}") from None
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unknown charset {charset!r}") from None


def _parse_params(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=100)
    except (UnicodeDecodeError, ValueError) as exc:
        raise _Refused(HTTPStatus.BAD_REQUEST, f"cannot read the parameters: {exc}") from None
