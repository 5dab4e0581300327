"""kg serve: a real SPARQL client and plain HTTP against the endpoint over the examples' graph.

Every server listens on a free loopback port in a thread (or a child process, for the command)
and is stopped at the end; every request has a timeout.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import select
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, TURTLE, XML, SPARQLWrapper

from kg.serve.server import SparqlServer, is_loopback, make_server
from kg.sparql.query import list_named_queries, load_graph, named_query, run_query
from kg.sparql.results import QueryResult
from tests.conftest import EXAMPLES
from tests.serve.serving import TIMEOUT, serving

XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
# who did what when: IRIs, plain literals, typed literals (xsd:date) and unbound dates
AGENTS = """SELECT ?agent ?name ?date WHERE {
  ?event kg:agent ?agent . ?agent rdfs:label ?name .
  OPTIONAL { ?event dcterms:date ?date } } ORDER BY ?name ?date"""
# a literal with everything each format must escape: markup, quotes, separators, line ends, a tag
AWKWARD = r"""SELECT ?text ?tagged ?n WHERE {
  VALUES (?text ?tagged ?n) { ("a<b & \"c\", d\te\nf é 中" "Zürich"@de 42) } }"""
ROW = tuple[Node | None, ...]


@pytest.fixture(scope="module")
def graph_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kg.api import build
    from kg.graph.build import to_turtle

    path = tmp_path_factory.mktemp("serve") / "graph.ttl"
    path.write_text(to_turtle(build([str(EXAMPLES)]).graph), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph(graph_path: Path) -> Graph:
    return load_graph(graph_path)


@contextmanager
def running(query_fn: Callable[[str], QueryResult]) -> Iterator[SparqlServer]:
    with serving(make_server(query_fn, "127.0.0.1", 0)) as server:
        yield server


@pytest.fixture(scope="module")
def server(graph: Graph) -> Iterator[SparqlServer]:
    with running(lambda text: run_query(graph, text)) as started:
        yield started


def request(
    server: SparqlServer,
    query: str | None = None,
    *,
    method: str = "GET",
    accept: str | None = None,
    body: bytes | None = None,
    content_type: str | None = None,
    params: dict[str, str] | None = None,
    path: str = "/sparql",
    headers: dict[str, str] | None = None,
) -> tuple[int, str, str]:
    """(status, Content-Type, body) of one request; HTTP errors are answers too."""
    fields = dict(params or {})
    if query is not None and method == "GET":
        fields["query"] = query
    if query is not None and method == "POST" and body is None:
        body = urllib.parse.urlencode({"query": query}).encode()
        content_type = content_type or "application/x-www-form-urlencoded"
    base = server.url.removesuffix("/sparql")
    url = base + path + ("?" + urllib.parse.urlencode(fields) if fields else "")
    req = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    if accept is not None:
        req.add_header("Accept", accept)
    if content_type is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
            return response.status, response.headers["Content-Type"], response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode("utf-8")


# ------------------------------------------------------------- reading each format back to terms


def _term_json(term: dict[str, str]) -> Node:
    if term["type"] == "uri":
        return URIRef(term["value"])
    if term["type"] == "bnode":
        return BNode(term["value"])
    return Literal(term["value"], lang=term.get("xml:lang"), datatype=term.get("datatype"))


def rows_json(text: str) -> tuple[tuple[str, ...], list[ROW]]:
    data = json.loads(text)
    names = tuple(data["head"]["vars"])
    bindings = data["results"]["bindings"]
    return names, [tuple(_term_json(b[v]) if v in b else None for v in names) for b in bindings]


def rows_xml(text: str) -> tuple[tuple[str, ...], list[ROW]]:
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(text)
    names = tuple(v.get("name", "") for v in root.iterfind("r:head/r:variable", ns))
    rows: list[ROW] = []
    for result in root.iterfind("r:results/r:result", ns):
        found: dict[str, Node] = {}
        for binding in result.iterfind("r:binding", ns):
            element = binding[0]
            kind, value = element.tag.split("}")[1], element.text or ""
            lang = element.get("{http://www.w3.org/XML/1998/namespace}lang")
            found[binding.get("name", "")] = (
                URIRef(value)
                if kind == "uri"
                else BNode(value)
                if kind == "bnode"
                else Literal(value, lang=lang, datatype=element.get("datatype"))
            )
        rows.append(tuple(found.get(v) for v in names))
    return names, rows


def rows_tsv(text: str) -> tuple[tuple[str, ...], list[ROW]]:
    head, *lines = text.rstrip("\n").split("\n")

    def term(cell: str) -> Node | None:
        if not cell:
            return None
        return next(iter(Graph().parse(data=f"<urn:s> <urn:p> {cell} .", format="nt").objects()))

    return tuple(v.lstrip("?") for v in head.split("\t")), [
        tuple(term(c) for c in line.split("\t")) for line in lines
    ]


def rows_csv(text: str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    head, *rows = list(csv.reader(io.StringIO(text, newline="")))
    return tuple(head), [tuple(r) for r in rows]


def expected(graph: Graph, query: str) -> tuple[tuple[str, ...], list[ROW]]:
    result = run_query(graph, query)
    return result.vars, list(result.rows)


def _plain(rows: list[ROW]) -> list[tuple[str, ...]]:
    return [tuple("" if t is None else str(t) for t in row) for row in rows]


# ------------------------------------------------------------------- a real client: SPARQLWrapper


def _client(server: SparqlServer, query: str, fmt: str) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url)
    client.setTimeout(TIMEOUT)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_select_as_json_gives_kg_querys_rows(server: SparqlServer, graph: Graph) -> None:
    answer = _client(server, AGENTS, JSON).queryAndConvert()
    names, rows = rows_json(json.dumps(answer))
    assert (names, rows) == expected(graph, AGENTS)
    dates = [row[2] for row in rows]
    assert None in dates and any(isinstance(d, Literal) and d.datatype == XSD_DATE for d in dates)


def test_sparqlwrapper_select_as_xml_by_post_gives_kg_querys_rows(server: SparqlServer, graph: Graph) -> None:
    client = _client(server, AGENTS, XML)
    client.setMethod(POST)
    document = client.queryAndConvert()  # xml.dom.minidom: the client parsed it as XML
    assert rows_xml(document.toxml()) == expected(graph, AGENTS)


def test_sparqlwrapper_ask(server: SparqlServer) -> None:
    yes = "ASK { ?event a kg:Accusation }"
    no = "ASK { ?event a kg:NoSuchClass }"
    assert _client(server, yes, JSON).queryAndConvert() == {"head": {}, "boolean": True}
    assert _client(server, no, JSON).queryAndConvert()["boolean"] is False


def test_sparqlwrapper_construct_as_turtle_by_direct_post(server: SparqlServer, graph: Graph) -> None:
    query = "CONSTRUCT { ?a kg:accuses ?b . ?a rdfs:label ?n } WHERE { ?a kg:accuses ?b ; rdfs:label ?n }"
    client = _client(server, query, TURTLE)
    client.setMethod(POST)
    client.setRequestMethod(POSTDIRECTLY)
    turtle = client.queryAndConvert()
    got = Graph().parse(data=turtle, format="turtle")
    want = run_query(graph, query).graph
    assert want is not None and len(want) > 0
    assert isomorphic(got, want)


# ---------------------------------------------------------------------------------- plain HTTP


@pytest.mark.parametrize(
    ("accept", "media", "read"),
    [
        (None, "application/sparql-results+json", rows_json),
        ("application/sparql-results+json", "application/sparql-results+json", rows_json),
        ("application/sparql-results+xml", "application/sparql-results+xml", rows_xml),
        ("text/tab-separated-values", "text/tab-separated-values", rows_tsv),
        ("text/*;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml", rows_xml),
        ("text/csv;q=0.2, text/tab-separated-values;q=0.8, */*;q=0.1", "text/tab-separated-values", rows_tsv),
    ],
)
@pytest.mark.parametrize("query", [AGENTS, AWKWARD])
def test_accept_chooses_the_format_and_the_rows_read_back_are_kg_querys(
    server: SparqlServer, graph: Graph, query: str, accept: str | None, media: str, read: Any
) -> None:
    status, content_type, body = request(server, query, accept=accept)
    assert status == 200, body
    assert content_type.split(";")[0] == media
    assert read(body) == expected(graph, query)


def test_csv_holds_the_values_of_kg_querys_rows(server: SparqlServer, graph: Graph) -> None:
    for query in (AGENTS, AWKWARD):
        status, content_type, body = request(server, query, method="POST", accept="text/csv")
        assert (status, content_type) == (200, "text/csv; charset=utf-8")
        names, rows = expected(graph, query)
        assert rows_csv(body) == (names, _plain(rows))


def test_get_form_post_and_direct_post_give_the_same_answer(server: SparqlServer) -> None:
    by_get = request(server, AGENTS)
    by_form = request(server, AGENTS, method="POST")
    direct = request(
        server,
        method="POST",
        body=AGENTS.encode("utf-8"),
        content_type="application/sparql-query",
    )
    assert by_get[0] == 200 and json.loads(by_get[2])["results"]["bindings"]
    assert by_get == by_form == direct


def test_format_parameter_overrides_accept(server: SparqlServer) -> None:
    status, content_type, body = request(server, AGENTS, accept="text/csv", params={"format": "xml"})
    assert (status, content_type) == (200, "application/sparql-results+xml")
    assert ET.fromstring(body).tag.endswith("sparql")


def test_construct_as_ntriples_by_accept(server: SparqlServer, graph: Graph) -> None:
    query = "CONSTRUCT { ?a kg:accuses ?b } WHERE { ?a kg:accuses ?b }"
    status, content_type, body = request(server, query, accept="application/n-triples")
    assert (status, content_type) == (200, "application/n-triples")
    want = run_query(graph, query).graph
    assert want is not None and isomorphic(Graph().parse(data=body, format="nt"), want)


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        (AGENTS, "image/png"),
        (AGENTS, "text/turtle"),  # a SELECT is not a graph
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/sparql-results+json"),
        (AGENTS, "application/sparql-results+json;q=0, text/html"),
    ],
)
def test_nothing_acceptable_is_406_listing_what_is(server: SparqlServer, query: str, accept: str) -> None:
    status, content_type, body = request(server, query, accept=accept)
    assert status == 406
    assert content_type.startswith("text/plain")
    assert "available:" in body


@pytest.mark.parametrize(
    ("how", "status"),
    [
        (
            {
                "method": "POST",
                "body": b"update=INSERT+DATA+%7B+%3Curn%3Aa%3E+%3Curn%3Ab%3E+%3Curn%3Ac%3E+%7D",
                "content_type": "application/x-www-form-urlencoded",
            },
            403,
        ),
        ({"params": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}}, 403),
        (
            {
                "method": "POST",
                "body": b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                "content_type": "application/sparql-update",
            },
            403,
        ),
        ({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "method": "POST"}, 403),
        ({"query": "DELETE WHERE { ?s ?p ?o }"}, 403),
    ],
)
def test_updates_are_refused_and_the_graph_is_unchanged(
    server: SparqlServer, graph: Graph, how: dict[str, Any], status: int
) -> None:
    before = len(graph)
    code, _, body = request(server, **how)
    assert code == status
    assert "update" in body.lower()
    assert len(graph) == before
    assert json.loads(request(server, "ASK { <urn:a> <urn:b> <urn:c> }")[2])["boolean"] is False


def test_malformed_query_is_400_with_the_parsers_message(server: SparqlServer) -> None:
    status, content_type, body = request(server, "SELECT ?s WHERE { ?s ?p }")
    assert status == 400 and content_type.startswith("text/plain")
    assert "malformed SPARQL query" in body and "col" in body


def test_service_is_refused(server: SparqlServer) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, _, body = request(server, query)
    assert status == 400 and "SERVICE" in body


@pytest.mark.parametrize("name", ["default-graph-uri", "named-graph-uri"])
def test_dataset_parameters_are_refused_with_a_reason(server: SparqlServer, name: str) -> None:
    status, _, body = request(server, "ASK {}", params={name: "urn:g"})
    assert status == 400 and "not supported" in body


def test_requests_without_one_query_are_400(server: SparqlServer) -> None:
    assert request(server)[0] == 400
    status, _, body = request(
        server, method="POST", body=b"a=b", content_type="application/x-www-form-urlencoded"
    )
    assert status == 400 and "query=" in body


def test_other_post_bodies_are_415(server: SparqlServer) -> None:
    assert request(server, method="POST", body=b"{}", content_type="application/json")[0] == 415


def test_a_host_header_naming_another_machine_is_refused(server: SparqlServer) -> None:
    """A page on evil.example whose name was re-pointed at 127.0.0.1 cannot read the graph."""
    status, _, body = request(server, "ASK {}", headers={"Host": "evil.example"})
    assert status == 403 and "loopback" in body
    assert request(server, "ASK {}", headers={"Host": "localhost:1234"})[0] == 200


def test_concurrent_queries_all_get_the_whole_answer(server: SparqlServer, graph: Graph) -> None:
    queries = [AGENTS, AWKWARD, named_query("timeline"), named_query("most-connected")] * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(
            pool.map(lambda q: request(server, q, accept="application/sparql-results+json"), queries)
        )
    for query, (status, _, body) in zip(queries, answers, strict=True):
        assert status == 200
        assert rows_json(body) == expected(graph, query)


def test_a_query_past_the_timeout_is_503_and_the_server_goes_on(graph: Graph) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with running(lambda text: run_query(graph, text, timeout=1.0)) as server:
        status, _, body = request(server, slow)
        assert status == 503 and "did not finish within 1 s" in body
        assert json.loads(request(server, "ASK { ?s ?p ?o }")[2])["boolean"] is True


# ---------------------------------------------------------------------------------- the page


def test_page_lists_the_named_queries_and_loads_nothing_from_elsewhere(server: SparqlServer) -> None:
    status, content_type, page = request(server, path="/")
    assert (status, content_type) == (200, "text/html; charset=utf-8")
    for name, description in list_named_queries().items():
        assert f">{name}</button>" in page
        assert description.replace("'", "&#39;").replace('"', "&#34;") in page
    # the query texts sit in attributes, escaped: one of them has <https://...> in its PREFIX lines
    assert "PREFIX kg:      &lt;https://w3id.org/kg-news/ontology#&gt;" in page
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(", page)


def test_page_scripts_are_those_its_policy_allows(server: SparqlServer) -> None:
    import base64
    import hashlib

    base = server.url.removesuffix("/sparql")
    with urllib.request.urlopen(base + "/", timeout=TIMEOUT) as response:
        policy = response.headers["Content-Security-Policy"]
        page = response.read().decode("utf-8")
    assert "default-src 'none'" in policy
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy


# ------------------------------------------------------------------------------ the command


def test_is_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")


def test_serve_refuses_a_public_host_without_allow_remote(graph_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["serve", str(graph_path), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--allow-remote" in result.output


@pytest.mark.parametrize("store", [[], ["--store", "oxigraph"]], ids=["rdflib", "oxigraph"])
def test_kg_serve_prints_its_url_answers_and_stops_on_ctrl_c(
    graph_path: Path, graph: Graph, store: list[str]
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(graph_path), "--port", "0", *store],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONUNBUFFERED": "1"},
        # as at a terminal: a shell running a job in the background would have it ignore Ctrl-C
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert process.stdout is not None
        assert select.select([process.stdout], [], [], TIMEOUT)[0], "kg serve printed nothing"
        line = process.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/sparql", line)
        assert url, line
        full = url.group() + "?" + urllib.parse.urlencode({"query": AGENTS})
        with urllib.request.urlopen(full, timeout=TIMEOUT) as response:
            assert rows_json(response.read().decode()) == expected(graph, AGENTS)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(TIMEOUT)
    assert process.returncode == 0
    assert "stopped" in err and "Traceback" not in err


def test_an_oxigraph_store_serves_the_same_select_answers(graph_path: Path, graph: Graph) -> None:
    from kg.sparql.stores import open_store

    engine = open_store(graph_path, "oxigraph")
    queries = [AGENTS, AWKWARD, *(named_query(name) for name in list_named_queries())]
    try:
        with running(lambda text: engine.query(text)) as server:
            for query in queries:
                for accept, read in (
                    ("application/sparql-results+json", rows_json),
                    ("text/tab-separated-values", rows_tsv),
                ):
                    status, _, body = request(server, query, accept=accept)
                    assert status == 200, body
                    names, rows = read(body)
                    want_names, want_rows = expected(graph, query)
                    assert names == want_names
                    assert sorted(rows, key=repr) == sorted(want_rows, key=repr), query
    finally:
        engine.close()
