"""Graph files kg reads: nothing fetched from the network, no XML entity expanded, deep queries refused.

Each file that used to hang or fetch is run through ``python -m kg`` in a child process with a
timeout, so a regression fails the test in seconds instead of hanging the suite (or, for
Oxigraph's unbounded expansion, aborting it).
"""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import GraphError
from kg.sparql.query import load_graph

TIMEOUT = 30  # seconds; each refusal takes about one
EVERYTHING = "SELECT * WHERE { ?s ?p ?o }"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = json.dumps({"@context": {"name": "http://e.example/name"}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def context_server() -> Iterator[tuple[str, list[str]]]:
    """A loopback server for JSON-LD contexts: (its context URL, the paths requested of it)."""
    hits: ClassVar[list[str]] = []
    handler = type("Recorder", (_Recorder,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/context.jsonld", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)


def kg(*args: str) -> tuple[int, str]:
    """(exit code, stderr) of ``python -m kg ARGS`` in a child process."""
    done = subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=TIMEOUT
    )
    return done.returncode, done.stderr


def billion_laughs(levels: int = 7) -> str:
    """Under 1 KB of RDF/XML whose one literal would expand to 63 * 16**levels characters."""
    entities = ['<!ENTITY l0 "' + "ha" * 31 + 'a">']
    entities += [f'<!ENTITY l{i} "{f"&l{i - 1};" * 16}">' for i in range(1, levels + 1)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "\n]>\n"
        f'<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:ex="http://e.example/">\n'
        f'<rdf:Description rdf:about="http://e.example/a"><ex:p>&l{levels};</ex:p></rdf:Description>\n'
        "</rdf:RDF>\n"
    )


@pytest.mark.parametrize("store", [[], ["--store", "oxigraph"]], ids=["rdflib", "oxigraph"])
@pytest.mark.parametrize("where", ["top", "nested"])
def test_a_remote_jsonld_context_is_refused_and_never_fetched(
    context_server: tuple[str, list[str]], tmp_path: Path, store: list[str], where: str
) -> None:
    url, hits = context_server
    doc: dict[str, object] = {"@context": url, "@id": "http://e.example/a", "name": "A"}
    if where == "nested":
        doc = {"@id": "http://e.example/b", "http://e.example/knows": doc}
    path = tmp_path / "remote.jsonld"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, stderr = kg("query", *store, str(path), EVERYTHING)
    assert code == 2 and len(stderr.strip().splitlines()) == 1
    assert stderr.startswith(f"kg: error: cannot read {path} as json-ld: ")
    assert f"refused to fetch {url}" in stderr or "remote contexts" in stderr  # kg's words, or Oxigraph's
    assert hits == []


def test_an_inline_jsonld_context_still_loads_and_the_network_is_usable_after(
    context_server: tuple[str, list[str]], tmp_path: Path
) -> None:
    path = tmp_path / "inline.jsonld"
    doc = {"@context": {"name": "http://e.example/name"}, "@id": "http://e.example/a", "name": "A"}
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert len(load_graph(path)) == 1
    url, hits = context_server
    with urllib.request.urlopen(url, timeout=TIMEOUT) as reply:  # e.g. kg push after loading
        assert reply.status == 200
    assert hits == ["/context.jsonld"]


@pytest.mark.parametrize("store", [[], ["--store", "oxigraph"]], ids=["rdflib", "oxigraph"])
def test_a_billion_laughs_rdfxml_fails_fast_naming_the_entity(tmp_path: Path, store: list[str]) -> None:
    path = tmp_path / "laughs.rdf"
    path.write_text(billion_laughs(), encoding="utf-8")
    assert path.stat().st_size < 1024
    code, stderr = kg("query", *store, str(path), EVERYTHING)
    assert code == 2
    assert stderr.strip() == (
        f"kg: error: cannot read {path} as xml: XML entity declaration <!ENTITY l0 ...> refused: "
        "kg does not expand XML entities"
    )


def test_entities_in_trix_are_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "laughs.trix"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE TriX [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
        '<TriX xmlns="http://www.w3.org/2004/03/trix/trix-1/"><graph><triple>'
        "<uri>http://e.example/a</uri><uri>http://e.example/p</uri><plainLiteral>&b;</plainLiteral>"
        "</triple></graph></TriX>\n",
        encoding="utf-8",
    )
    with pytest.raises(GraphError, match=r"as trix: XML entity declaration <!ENTITY a \.\.\.> refused"):
        load_graph(path)


def test_rdfxml_without_entity_declarations_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "plain.rdf"
    path.write_text(
        f'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="{RDF_NS}" xmlns:ex="http://e.example/">'
        '<rdf:Description rdf:about="http://e.example/a"><ex:p>x &amp; y &#233;</ex:p></rdf:Description>'
        "</rdf:RDF>\n",
        encoding="utf-8",
    )
    assert {str(o) for o in load_graph(path).objects()} == {"x & y é"}


def test_kg_query_of_deeply_nested_parentheses_exits_2_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_text("<urn:a> <urn:b> 'c' .\n", encoding="utf-8")
    query = "SELECT * WHERE { FILTER(" + "(" * 1000 + "1" + ")" * 1000 + ") }"
    result = CliRunner().invoke(cli, ["query", str(path), query], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "kg: error: malformed SPARQL query: nested too deeply for rdflib's SPARQL parser "
        "(it takes some 20 levels of parentheses)"
    ]
