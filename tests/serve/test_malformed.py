"""kg serve: malformed requests answer 400 with one line, never 500, and the server goes on."""

from __future__ import annotations

import socket
import urllib.parse
from collections.abc import Iterator

import pytest
from rdflib import Graph

from kg.serve.server import SparqlServer, make_server
from kg.sparql.query import run_query
from tests.serve.serving import TIMEOUT, serving

NESTED = "SELECT * WHERE { FILTER(" + "(" * 1000 + "1" + ")" * 1000 + ") }"


@pytest.fixture(scope="module")
def server() -> Iterator[SparqlServer]:
    graph = Graph().parse(data="<urn:a> <urn:b> 'c' .", format="turtle")
    with serving(make_server(lambda text: run_query(graph, text), "127.0.0.1", 0)) as started:
        yield started


def raw(server: SparqlServer, head: str, body: bytes = b"") -> tuple[int, str]:
    """(status, body) of a request sent byte for byte, as no well-behaved client would."""
    with socket.create_connection(("127.0.0.1", server.server_port), timeout=TIMEOUT) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode("latin-1") + b"\r\n" + body)
        sock.shutdown(socket.SHUT_WR)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    status_line, _, rest = reply.decode("utf-8").partition("\r\n")
    return int(status_line.split()[1]), rest.partition("\r\n\r\n")[2]


def post(server: SparqlServer, length: str, body: bytes) -> tuple[int, str]:
    head = (
        "POST /sparql HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/sparql-query\n"
        f"Content-Length: {length}\nConnection: close\n"
    )
    return raw(server, head, body)


@pytest.mark.parametrize("length", ["\u00b2", "\u00b9\u00b2", "1e3", "-1", "0x10"])
def test_a_content_length_that_is_no_ascii_number_is_400_naming_it(server: SparqlServer, length: str) -> None:
    status, body = post(server, length, b"ASK {}")
    assert status == 400
    assert body.strip() == f"kg serve: Content-Length {length!r} is not a number of bytes"


def test_a_well_formed_content_length_still_answers(server: SparqlServer) -> None:
    status, body = post(server, "6", b"ASK {}")
    assert status == 200 and "true" in body


def test_a_query_of_deeply_nested_parentheses_is_400_by_get_and_post(server: SparqlServer) -> None:
    for method in ("GET", "POST"):
        if method == "GET":
            status, body = raw(
                server,
                f"GET /sparql?{urllib.parse.urlencode({'query': NESTED})} HTTP/1.1\nHost: 127.0.0.1\n"
                "Connection: close\n",
            )
        else:
            status, body = post(server, str(len(NESTED)), NESTED.encode())
        assert status == 400, body
        assert len(body.strip().splitlines()) == 1
        assert "nested too deeply" in body
    assert post(server, "6", b"ASK {}")[0] == 200  # and the server goes on


def test_two_content_lengths_are_400(server: SparqlServer) -> None:
    head = (
        "POST /sparql HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/sparql-query\n"
        "Content-Length: 6\nContent-Length: 7\nConnection: close\n"
    )
    assert raw(server, head, b"ASK {}") == (400, "kg serve: more than one Content-Length\n")


def test_a_charset_with_a_nul_in_it_is_415_naming_it(server: SparqlServer) -> None:
    head = (
        "POST /sparql HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/sparql-query; charset=a\x00b\n"
        "Content-Length: 6\nConnection: close\n"
    )
    assert raw(server, head, b"ASK {}") == (415, "kg serve: unknown charset 'a\\x00b'\n")


@pytest.mark.parametrize("fmt", ["turtle", "xml"])
def test_a_construct_of_an_iri_no_syntax_holds_is_400(server: SparqlServer, fmt: str) -> None:
    query = "CONSTRUCT { <urn:s> ?x 1 } WHERE { BIND(IRI('urn:a b') AS ?x) }"
    path = "/sparql?" + urllib.parse.urlencode({"query": query, "format": fmt})
    status, body = raw(server, f"GET {path} HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n")
    assert status == 400 and len(body.strip().splitlines()) == 1
    assert body.startswith("kg serve: the answer cannot be written as ") and "urn:a b" in body
