"""kg push: the examples graph sent to a real Oxigraph server (Graph Store Protocol) and read back
over SPARQL, and servers that refuse, cannot be reached or do not answer."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.exchange.push import DEFAULT, target
from kg.graph.split import split_by_document
from kg.sparql.query import load_graph
from tests.conftest import EXAMPLES

STARTUP = 20.0  # seconds the Oxigraph server gets to answer


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.api import build
    from kg.graph.build import to_turtle

    path = tmp_path_factory.mktemp("push") / "graph.ttl"
    path.write_text(to_turtle(build([str(EXAMPLES)]).graph), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expected(graph_file: Path) -> dict[str, int]:
    """Triples per graph as kg export --format nq cuts it; the default graph under DEFAULT."""
    ds = split_by_document(load_graph(graph_file))
    default = ds.default_graph.identifier
    out = {str(g.identifier): len(g) for g in ds.graphs() if g.identifier != default and len(g)}
    out[DEFAULT] = len(ds.default_graph)
    return out


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(found).is_file():
        pytest.fail("no oxigraph server binary: pip install -e '.[dev]' installs it (PyPI package oxigraph)")
    return found


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real Oxigraph server on a free loopback port; its base URL. Stopped afterwards."""
    port = free_port()
    log = (tmp_path / "oxigraph.log").open("wb")
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"oxigraph did not start: {(tmp_path / 'oxigraph.log').read_text()}"
                    ) from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        log.close()


def sparql(base: str, query: str) -> list[dict[str, str]]:
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        base + "/query", data=data, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        bindings = json.load(response)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


def counts(base: str) -> dict[str, int]:
    rows = sparql(base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    out = {row["g"]: int(row["n"]) for row in rows}
    out[DEFAULT] = int(sparql(base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"])
    return out


def test_push_to_oxigraph_keeps_a_named_graph_per_document(
    oxigraph_server: str, graph_file: Path, expected: dict[str, int]
) -> None:
    code, stdout, stderr = run("push", str(graph_file), oxigraph_server + "/store")
    assert code == 0, stderr
    total = sum(expected.values())
    assert stdout.strip() == f"pushed {len(expected)} graphs, {total} triples, to {oxigraph_server}/store"
    assert counts(oxigraph_server) == expected
    assert len(expected) == 6  # five documents and the default graph


def test_pushing_again_replaces_and_merge_adds(
    oxigraph_server: str, graph_file: Path, expected: dict[str, int]
) -> None:
    store = oxigraph_server + "/store"
    extra = graph_file.parent / "extra.ttl"
    extra.write_text(
        "<https://example.org/x> <https://example.org/p> <https://example.org/y> .\n", encoding="utf-8"
    )
    assert run("push", str(graph_file), store)[0] == 0
    assert run("push", str(extra), store, "--merge")[0] == 0  # POST: added to the default graph
    assert counts(oxigraph_server) == expected | {DEFAULT: expected[DEFAULT] + 1}
    assert run("push", str(graph_file), store)[0] == 0  # PUT: the default graph is ours again
    assert counts(oxigraph_server) == expected


class Refusing(BaseHTTPRequestHandler):
    """Stores the first graph, refuses the second with 403 and a message."""

    seen: ClassVar[list[tuple[str, str, str]]] = []

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        assert body
        self.seen.append((self.command, self.path, self.headers.get("Content-Type", "")))
        if len(self.seen) == 1:
            self.send_response(204)
            self.end_headers()
            return
        message = b"graph is read-only\n"
        self.send_response(403)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(message)))
        self.end_headers()
        self.wfile.write(message)

    do_PUT = _answer
    do_POST = _answer

    def log_message(self, *args: object) -> None:
        pass


class Silent(BaseHTTPRequestHandler):
    def do_PUT(self) -> None:
        time.sleep(3)

    def log_message(self, *args: object) -> None:
        pass


def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/store"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.fixture
def refusing() -> Iterator[str]:
    Refusing.seen = []
    yield from serve(Refusing)


@pytest.fixture
def silent() -> Iterator[str]:
    yield from serve(Silent)


def test_a_refusing_server_stops_the_push_and_the_report_says_what_was_sent(
    refusing: str, graph_file: Path, expected: dict[str, int]
) -> None:
    code, stdout, stderr = run("push", str(graph_file), refusing)
    documents = sorted(k for k in expected if k != DEFAULT)
    assert code == 1 and stdout == ""
    lines = stderr.splitlines()
    assert lines[0] == f"kg: sent (1): {DEFAULT}"
    assert lines[1] == f"kg: not sent (5): {', '.join(documents)}"
    assert lines[2] == (
        f"kg: error: push to {refusing} stopped at {documents[0]}: HTTP 403 Forbidden: graph is read-only"
    )
    assert [method for method, _, _ in Refusing.seen] == ["PUT", "PUT"]  # nothing sent after the refusal
    assert Refusing.seen[0][1] == "/store?default"
    assert Refusing.seen[1][1] == "/store?graph=" + urllib.parse.quote(documents[0], safe="")
    assert {ctype for _, _, ctype in Refusing.seen} == {"application/n-triples"}


def test_an_unreachable_server_sends_nothing(graph_file: Path, expected: dict[str, int]) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    code, _, stderr = run("push", str(graph_file), url)
    assert code == 1
    assert "kg: sent (0): none" in stderr
    assert f"kg: not sent ({len(expected)}): {DEFAULT}, " in stderr
    assert "cannot reach the server" in stderr


def test_a_server_that_does_not_answer_is_given_up_on(silent: str, graph_file: Path) -> None:
    started = time.monotonic()
    code, _, stderr = run("push", str(graph_file), silent, "--timeout", "0.5")
    assert code == 1 and "no answer in time" in stderr
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("url", ["ftp://example.org/store", "localhost:7878/store", "http:///store"])
def test_a_url_that_is_not_http_is_exit_2(graph_file: Path, url: str) -> None:
    code, _, stderr = run("push", str(graph_file), url)
    assert code == 2 and "not a graph store URL" in stderr


def test_targets_follow_the_graph_store_protocol() -> None:
    assert target("http://h/store", None) == "http://h/store?default"
    assert (
        target("http://h/store", "https://x/doc/a b#1")
        == "http://h/store?graph=https%3A%2F%2Fx%2Fdoc%2Fa%20b%231"
    )
    assert target("http://h/rdf?db=1", "urn:g") == "http://h/rdf?db=1&graph=urn%3Ag"
