"""Oxigraph stores: the same answers as rdflib for every named query, the same refusals, and
kg build / kg query with --store."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import GraphError, InputError, QueryError
from kg.graph.split import split_by_document
from kg.sparql.query import list_named_queries, load_graph, named_query
from kg.sparql.results import QueryResult
from kg.sparql.stores import QueryEngine, is_oxigraph_store, open_store, parse_store, write_oxigraph
from tests.conftest import EXAMPLES

Built = tuple[Path, Path]  # graph.ttl, on-disk store
ENGINES = ("rdflib", "oxigraph", "oxigraph:DIR")
# the --bind examples the .rq files and the README give
BOUND = [
    ("entity-profile", {"name": "Corvane"}),  # ?name is not selected: pyoxigraph needs it added
    ("entity-profile", {"name": "Corvane Pharmaceutical Holdings"}),  # by rdfs:label, not an alias
    ("most-connected", {"class": "kg:Company"}),
    ("who-accuses-whom", {"accuser": "Wyoming Wind Workers Union"}),
    ("appeals", {"target": "Gulf Coast Port Commission"}),
    ("timeline", {"event": "Appeal"}),
    ("responses-to-accusations", {"responder": "Corvane Pharmaceutical Holdings"}),
    ("responses-to-accusations", {"responder": "Jonah Pelletier"}),  # for the accused, same article
    ("coalitions", {"first": "American Coastal Freight Association"}),
]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("built")
    code, stdout, stderr = run("build", str(EXAMPLES), "--out", str(out), "--store", f"oxigraph:{out}/store")
    assert code == 0, stderr
    assert re.search(r"oxigraph store .*store: \d+ triples, 5 document graphs", stdout)
    return out / "graph.ttl", out / "store"


@pytest.fixture(scope="module")
def engines(built: Built) -> dict[str, QueryEngine]:
    ttl, store = built
    out = {
        "rdflib": open_store(ttl),
        "oxigraph": open_store(ttl, "oxigraph"),
        "oxigraph:DIR": open_store(f"oxigraph:{store}"),
    }
    yield out  # type: ignore[misc]
    for engine in out.values():
        engine.close()


def encoded(result: QueryResult) -> list[tuple[str, ...]]:
    return [tuple("" if t is None else t.n3() for t in row) for row in result.rows]


def assert_same(
    query: str, bindings: dict[str, str], engines: dict[str, QueryEngine]
) -> list[tuple[str, ...]]:
    results = {name: engine.query(query, bindings) for name, engine in engines.items()}
    expected = encoded(results["rdflib"])
    ordered = re.search(r"(?i)\bORDER\s+BY\b", query) is not None
    for name in sorted(set(results) - {"rdflib"}):
        assert results[name].vars == results["rdflib"].vars, name
        rows = encoded(results[name])
        if ordered:
            assert rows == expected, name
        else:
            assert sorted(rows) == sorted(expected), name
    return expected


@pytest.mark.parametrize("name", sorted(list_named_queries()))
def test_every_named_query_gives_the_same_rows_on_both_stores(
    name: str, engines: dict[str, QueryEngine]
) -> None:
    rows = assert_same(named_query(name), {}, engines)
    assert rows, f"{name} answers nothing on the examples: the comparison would prove nothing"


@pytest.mark.parametrize(("name", "bindings"), BOUND, ids=[name for name, _ in BOUND])
def test_bound_named_queries_give_the_same_rows(
    name: str, bindings: dict[str, str], engines: dict[str, QueryEngine]
) -> None:
    unbound = engines["rdflib"].query(named_query(name)).rows
    rows = assert_same(named_query(name), bindings, engines)
    assert 0 < len(rows) < len(unbound), "the binding must narrow the answer"


# Oxigraph is also given a bound value as a VALUES clause at the start of the WHERE clause
# (kg.sparql.screen.with_values): wherever the query uses the variable, the rows stay rdflib's
CORVANE = "Corvane Pharmaceutical Holdings"
WHEREVER_BOUND = [
    "SELECT ?who ?name WHERE { ?who rdfs:label ?name } ORDER BY ?who",
    "SELECT ?who ?name WHERE { { ?who rdfs:label ?name } UNION { ?who skos:altLabel ?name } } ORDER BY ?who",
    "SELECT ?who ?name WHERE { ?who a kg:Company OPTIONAL { ?who rdfs:label ?name } } ORDER BY ?who",
    "SELECT ?who WHERE { { SELECT ?who ?name WHERE { ?who rdfs:label ?name } } } ORDER BY ?who",
    "SELECT ?who WHERE { ?who rdfs:label ?label FILTER(?label = ?name) } ORDER BY ?who",
    'SELECT ?who ?name WHERE { VALUES ?name { "Corvane" "Norwind" } ?who skos:altLabel ?name } ORDER BY ?who',
]


@pytest.mark.parametrize("query", WHEREVER_BOUND)
def test_a_bound_value_gives_rdflibs_rows_wherever_the_query_uses_it(
    query: str, engines: dict[str, QueryEngine]
) -> None:
    assert_same(query, {"name": CORVANE}, engines)
    for engine in engines.values():
        assert engine.query("ASK { ?who rdfs:label ?name }", {"name": CORVANE}).boolean
        for nobody in ("Nobody At All", 'Nobody" } ?who ?p ?name . # \\ \n'):
            assert not engine.query("ASK { ?who rdfs:label ?name }", {"name": nobody}).boolean


def test_a_bound_variable_the_query_does_not_select_narrows_and_is_not_shown(
    engines: dict[str, QueryEngine],
) -> None:
    result = engines["oxigraph"].query(named_query("entity-profile"), {"name": "Corvane"})
    assert result.vars == ("entity", "fact", "value", "sentence")
    assert {str(row[0]) for row in result.rows} == {
        "https://w3id.org/kg-news/resource/org/corvane-pharmaceutical-holdings"
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "SPARQL updates are not allowed (INSERT DATA)"),
        ("DELETE WHERE { ?s ?p ?o }", "SPARQL updates are not allowed"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "no such graph"),
        ("SELECT ?s WHERE { ?s ?p ", "malformed SPARQL query"),
        ("SELECT ?s WHERE { ?s nope:x ?o }", "malformed SPARQL query"),
        ("   ", "empty SPARQL query"),
    ],
)
def test_refusals_are_the_same_on_both_stores(
    query: str, message: str, engines: dict[str, QueryEngine]
) -> None:
    errors = []
    for engine in engines.values():
        with pytest.raises(QueryError, match=re.escape(message)) as info:
            engine.query(query)
        errors.append(str(info.value))
    assert len(set(errors)) == 1, errors


def test_a_variable_the_query_lacks_is_refused_listing_its_variables(engines: dict[str, QueryEngine]) -> None:
    with pytest.raises(QueryError, match=r"no variable \?nope; its variables: \?o, \?p, \?s"):
        engines["oxigraph:DIR"].query("SELECT ?s WHERE { ?s ?p ?o }", {"nope": "x"})


@pytest.mark.parametrize("which", ["oxigraph", "oxigraph:DIR"])
def test_ask_and_construct(which: str, engines: dict[str, QueryEngine]) -> None:
    engine = engines[which]
    assert engine.query("ASK { ?c a kg:Company }").boolean is True
    assert engine.query("ASK { ?c a kg:Nothing }").boolean is False
    construct = "CONSTRUCT { ?c a kg:Company } WHERE { ?c a kg:Company }"
    graph = engine.query(construct).graph
    expected = engines["rdflib"].query(construct).graph
    assert graph is not None and expected is not None
    assert set(graph) == set(expected) and len(graph) > 0


@pytest.mark.parametrize("which", ["oxigraph", "oxigraph:DIR"])
def test_a_query_past_its_timeout_is_stopped(which: str, engines: dict[str, QueryEngine]) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with pytest.raises(QueryError, match=r"did not finish within 0.5 s"):
        engines[which].query(slow, timeout=0.5)
    assert engines[which].query("ASK { ?s ?p ?o }", timeout=30).boolean is True


def test_the_on_disk_store_keeps_a_named_graph_per_document(
    built: Built, engines: dict[str, QueryEngine]
) -> None:
    ttl, _ = built
    ds = split_by_document(load_graph(ttl))
    expected = {str(g.identifier): len(g) for g in ds.graphs() if g.identifier != ds.default_graph.identifier}
    result = engines["oxigraph:DIR"].query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )
    assert {str(g): int(n) for g, n in result.rows} == expected  # type: ignore[arg-type]
    assert len(expected) == 5
    total = engines["oxigraph:DIR"].query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    assert int(total) == len(load_graph(ttl))  # type: ignore[arg-type]


def test_writing_a_store_again_replaces_it(built: Built, tmp_path: Path) -> None:
    ttl, _ = built
    graph = load_graph(ttl)
    first = write_oxigraph(graph, tmp_path / "s")
    assert write_oxigraph(graph, tmp_path / "s") == first
    engine = open_store(f"oxigraph:{tmp_path / 's'}")
    count = engine.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    engine.close()
    assert int(count) == len(graph)  # type: ignore[arg-type]
    assert [p.name for p in tmp_path.iterdir()] == ["s"]  # no staging folder left behind


@pytest.mark.parametrize("spec", ["sqlite", "oxigraph:", "rdflib:x", ""])
def test_a_bad_store_spec_lists_the_valid_ones(spec: str) -> None:
    with pytest.raises(InputError, match=r"valid: rdflib, oxigraph, oxigraph:DIR"):
        parse_store(spec)


def test_open_store_errors(tmp_path: Path, built: Built) -> None:
    ttl, store = built
    with pytest.raises(GraphError, match="no such graph file"):
        open_store(tmp_path / "missing.ttl", "oxigraph")
    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(GraphError, match=r"cannot read .*bad.ttl as turtle"):
        open_store(tmp_path / "bad.ttl", "oxigraph")
    with pytest.raises(GraphError, match="no oxigraph store in"):
        open_store(f"oxigraph:{tmp_path}")
    with pytest.raises(InputError, match="give one"):
        open_store(ttl, f"oxigraph:{store}")


def test_cli_query_gives_the_same_table_on_every_store(built: Built) -> None:
    ttl, store = built
    outputs = [
        run("query", str(ttl), "timeline"),
        run("query", str(ttl), "timeline", "--store", "oxigraph"),
        run("query", f"oxigraph:{store}", "timeline"),
        run("query", "--store", f"oxigraph:{store}", "timeline"),
    ]
    assert all(code == 0 for code, _, _ in outputs), outputs
    assert len({stdout for _, stdout, _ in outputs}) == 1
    assert "(11 rows)" in outputs[0][1]


def test_cli_bad_store_is_exit_2_with_the_valid_ones(built: Built) -> None:
    ttl, _ = built
    code, _, stderr = run("query", str(ttl), "timeline", "--store", "neo4j")
    assert code == 2
    assert stderr.strip() == "kg: error: unknown store 'neo4j'; valid: rdflib, oxigraph, oxigraph:DIR"


def test_cli_build_refuses_a_folder_that_is_not_a_store_and_leaves_it(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    code, _, stderr = run(
        "build", str(EXAMPLES), "--out", str(tmp_path / "out"), "--store", f"oxigraph:{folder}"
    )
    assert code == 2 and "holds something other than an oxigraph store" in stderr
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]
    assert not (tmp_path / "out" / "graph.ttl").exists()  # refused before any work


def test_the_built_store_is_recognised(built: Built) -> None:
    _, store = built
    assert is_oxigraph_store(store)
    assert not is_oxigraph_store(store.parent)


def test_a_quad_file_in_memory_answers_as_rdflib_and_keeps_its_graphs(
    built: Built, tmp_path: Path, engines: dict[str, QueryEngine]
) -> None:
    ttl, _ = built
    nq = tmp_path / "graph.nq"
    nq.write_text(split_by_document(load_graph(ttl)).serialize(format="nquads"), encoding="utf-8")
    from_quads = {"rdflib": open_store(nq), "oxigraph": open_store(nq, "oxigraph")}
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert from_quads["oxigraph"].query(count).rows == engines["rdflib"].query(count).rows
    assert_same(named_query("most-connected"), {}, from_quads)
    graphs = from_quads["oxigraph"].query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert len(graphs) == 5
