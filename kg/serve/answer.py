"""A query request's answer as HTTP: status, media type and body, made where the query runs.

:func:`answer` runs in a query worker process (see :mod:`kg.serve.pool`): parsing, evaluating,
the row bound, content negotiation and serialising all happen there, so the server's own process
never holds a large result and never parses SPARQL (rdflib's parser is slow, and pure Python:
in the server's process it would hold the GIL every request needs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from kg.errors import QueryError
from kg.serve.formats import choose_media_type, offered, serialize
from kg.sparql.results import QueryResult

__all__ = ["Limits", "Reply", "Request", "answer", "plain"]

QueryFn = Callable[[str], QueryResult]

_TIMED_OUT = "did not finish within"  # how kg.sparql.query says a query ran out of time


@dataclass(frozen=True)
class Limits:
    """What one query may take. ``timeout`` (seconds, None: no deadline) and ``max_memory``
    (MiB over the worker's size, None: no bound) are enforced by the worker pool; ``workers`` is
    the pool's size (0: no pool, queries run one at a time in the server's process, and only a
    deadline ``query_fn`` enforces itself applies); ``max_rows`` bounds the rows (or triples)
    of an answer."""

    timeout: float | None = 30.0
    workers: int = 4
    max_rows: int | None = 100_000
    max_memory: int | None = 1024


@dataclass(frozen=True)
class Request:
    text: str
    accept: str | None
    formats: tuple[str, ...]


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str


def plain(status: int, message: str) -> Reply:
    """A one-line text answer (every refusal, every error)."""
    return Reply(status, f"kg serve: {message}\n".encode(), "text/plain; charset=utf-8")


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


def _ran_out_of_memory(exc: BaseException) -> bool:
    """Whether a MemoryError is behind ``exc``: kg.sparql.query wraps evaluation errors in a
    QueryError ``from None``, which hides the cause from tracebacks but keeps ``__context__``."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, MemoryError):
            return True
        seen = seen.__context__
    return False


def _size(result: QueryResult) -> int:
    return len(result.graph) if result.graph is not None else len(result.rows)


def answer(query_fn: QueryFn, request: Request, max_rows: int | None = None) -> Reply:
    """The reply to one query. Raises MemoryError when the query ran out of memory (the worker
    that ran it is then replaced), every other failure is a reply."""
    try:
        result = query_fn(request.text)
    except TimeoutError as exc:
        return plain(HTTPStatus.SERVICE_UNAVAILABLE, f"query stopped: {exc}")
    except QueryError as exc:
        if _ran_out_of_memory(exc):
            raise MemoryError from None
        if _TIMED_OUT in str(exc):
            return plain(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        status = HTTPStatus.FORBIDDEN if _is_update(request.text) else HTTPStatus.BAD_REQUEST
        return plain(status, str(exc))
    size = _size(result)
    if max_rows is not None and size > max_rows:
        unit = "triples" if result.graph is not None else "rows"
        return plain(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"query stopped: its answer has {size} {unit}, over this endpoint's bound of {max_rows} "
            "(add a LIMIT, or start kg serve with a larger --max-rows)",
        )
    media = choose_media_type(result.kind, request.accept, request.formats)
    if media is None:
        asked = f"format={request.formats[0]}" if request.formats else f"Accept: {request.accept}"
        return plain(
            HTTPStatus.NOT_ACCEPTABLE,
            f"a {result.kind} answer is not available as {asked}; "
            f"available: {', '.join(offered(result.kind))}",
        )
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    try:
        body = serialize(result, media)
    except MemoryError:
        raise
    except Exception as exc:  # e.g. a CONSTRUCT that made an IRI no RDF syntax can hold
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return plain(HTTPStatus.BAD_REQUEST, f"the answer cannot be written as {media}: {first}")
    return Reply(HTTPStatus.OK, body, media + charset)
