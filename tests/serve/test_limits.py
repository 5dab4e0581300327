"""kg serve under faults: a slow query, a deadline, a client that hangs up, a query over its memory
or row bound, many clients at once. Each server runs its queries in worker processes."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.serve.pool import WorkerPool
from kg.serve.server import Limits, SparqlServer, make_server
from kg.sparql.query import run_query
from kg.sparql.results import QueryResult
from kg.sparql.stores import open_store
from tests.serve.serving import TIMEOUT, serving

CHEAP = "SELECT ?s WHERE { ?s rdfs:label 'thing 7' }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 300^3 rows: minutes
# a string doubled 30 times over: 8 GiB if nothing stopped it
HUGE = (
    "SELECT (STRLEN(?x30) AS ?n) WHERE { BIND('aaaaaaaa' AS ?x0) "
    + " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(30))
    + " }"
)


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    for i in range(300):
        g.add((URIRef(f"urn:thing:{i}"), RDFS.label, Literal(f"thing {i}")))
    return g


@contextmanager
def running(
    graph: Graph, store: str = "rdflib", tmp: Path | None = None, **limits: Any
) -> Iterator[SparqlServer]:
    query_fn: Callable[[str], QueryResult] = lambda text: run_query(graph, text)  # noqa: E731
    if store == "oxigraph":  # the graph loaded into an in-memory Oxigraph store
        assert tmp is not None
        graph.serialize(tmp / "graph.nt", format="nt", encoding="utf-8")
        query_fn = open_store(tmp / "graph.nt", "oxigraph").query
    with serving(make_server(query_fn, "127.0.0.1", 0, limits=Limits(**limits))) as server:
        yield server


def ask(server: SparqlServer, query: str) -> tuple[int, str, float]:
    """(status, body, seconds) of one GET."""
    url = server.url + "?" + urllib.parse.urlencode({"query": query})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read().decode()
    return status, body, time.monotonic() - start


def pool(server: SparqlServer) -> WorkerPool:
    assert server.pool is not None
    return server.pool


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def ended_within(pid: int, seconds: float) -> bool:
    start = time.monotonic()
    while alive(pid):
        if time.monotonic() - start > seconds:
            return False
        time.sleep(0.02)
    return True


def rss(pid: int) -> int:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_cheap_queries_are_answered_at_once_while_slow_ones_run(graph: Graph) -> None:
    with running(graph, workers=2, timeout=20) as server, ThreadPoolExecutor(3) as slow_clients:
        slow = [slow_clients.submit(ask, server, SLOW) for _ in range(3)]
        time.sleep(2.5)  # all three are demoted (one runs at a time), beside the pool's two
        times = []
        for _ in range(10):
            status, body, seconds = ask(server, CHEAP)
            assert status == 200 and "urn:thing:7" in body
            times.append(seconds)
        assert not any(future.done() for future in slow)
        assert max(times) < 1.0, times
        server.server_close()  # the slow ones end with the server (503), not after minutes
        assert all(future.result(TIMEOUT)[0] == 503 for future in slow)


def test_a_query_past_the_deadline_is_503_and_its_worker_is_replaced(graph: Graph) -> None:
    with running(graph, workers=1, timeout=1.0) as server:
        before = pool(server).worker_pids()
        status, body, seconds = ask(server, SLOW)
        assert status == 503 and body == "kg serve: query stopped: it did not finish within 1 s\n"
        assert seconds < 3
        (old,) = before
        assert ended_within(old, 1.0)
        assert ask(server, CHEAP)[0] == 200


def test_cheap_queries_under_a_deadline_fork_nothing(graph: Graph) -> None:
    with running(graph, workers=2, timeout=5.0) as server:
        before = pool(server).worker_pids()
        for _ in range(20):
            assert ask(server, CHEAP)[0] == 200
        assert pool(server).worker_pids() == before


def test_a_query_whose_client_hangs_up_is_stopped_within_a_second(graph: Graph) -> None:
    with running(graph, workers=1, timeout=60) as server:
        (worker,) = pool(server).worker_pids()
        with socket.create_connection(("127.0.0.1", server.server_port), timeout=TIMEOUT) as sock:
            path = "/sparql?" + urllib.parse.urlencode({"query": SLOW})
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            time.sleep(0.8)
            assert alive(worker)
        assert ended_within(worker, 1.0)  # from the hang-up
        assert ask(server, CHEAP)[0] == 200


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_a_query_over_its_memory_bound_is_503_and_the_server_stays_small(
    graph: Graph, store: str, tmp_path: Path
) -> None:
    """rdflib raises MemoryError; Oxigraph aborts its worker process: both are a 503."""
    with running(graph, workers=1, timeout=20, max_memory=200, store=store, tmp=tmp_path) as server:
        assert ask(server, CHEAP)[0] == 200
        idle = rss(os.getpid())
        status, body, seconds = ask(server, HUGE)
        assert status == 503
        assert body.startswith("kg serve: query stopped: it went over this endpoint's memory bound of 200")
        assert seconds < 20
        assert rss(os.getpid()) < 2 * idle
        assert ask(server, CHEAP)[0] == 200  # a new worker took its place


def test_an_answer_over_the_row_bound_is_503_and_a_limit_makes_it_fit(graph: Graph) -> None:
    with running(graph, workers=1, max_rows=50) as server:
        status, body, _ = ask(server, "SELECT ?s WHERE { ?s ?p ?o }")
        assert status == 503
        assert "its answer has 300 rows, over this endpoint's bound of 50" in body
        assert len(body.strip().splitlines()) == 1
        status, body, _ = ask(server, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 50")
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 50
        status, body, _ = ask(server, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        assert status == 503 and "300 triples" in body


def test_sixty_four_clients_connecting_at_once_are_all_let_in_and_answered(graph: Graph) -> None:
    """Connecting takes no user-space work (the kernel queues the connection), so it is quick
    however loaded the machine, unless the listen queue overflows: the client then resends its
    SYN after 1 s (the tails of 1-15 s the stdlib's backlog of 5 gave)."""
    request = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    with running(graph, workers=2) as server:
        barrier = threading.Barrier(64)

        def one(_: int) -> tuple[float, bytes]:
            barrier.wait(TIMEOUT)
            start = time.monotonic()
            with socket.create_connection(("127.0.0.1", server.server_port), timeout=TIMEOUT) as sock:
                connected = time.monotonic() - start
                sock.sendall(request)
                reply = b""
                while chunk := sock.recv(65536):
                    reply += chunk
            return connected, reply

        with ThreadPoolExecutor(64) as clients:
            answers = list(clients.map(one, range(64)))
        assert all(reply.startswith(b"HTTP/1.0 200") for _, reply in answers)
        assert max(connected for connected, _ in answers) < 0.9


def test_a_body_shorter_than_its_content_length_is_400(graph: Graph) -> None:
    with running(graph, workers=1) as server:
        with socket.create_connection(("127.0.0.1", server.server_port), timeout=TIMEOUT) as sock:
            sock.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                b"Content-Length: 100\r\n\r\nASK {}"
            )
            sock.shutdown(socket.SHUT_WR)
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
        assert reply.startswith(b"HTTP/1.0 400")
        assert reply.endswith(b"kg serve: the body ended after 6 of its 100 bytes\n")


def test_kg_serve_has_a_30_second_deadline_by_default_and_0_lifts_it() -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "0: no deadline" in text and "[default: 30.0" in text
