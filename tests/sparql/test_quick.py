"""``kg query GRAPH`` without --store: Oxigraph answers where it answers as rdflib would, and the
output of every named query, format and refusal is the same as rdflib's (``--store rdflib``,
what kg query always ran)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef, namespace

from kg.cli import cli
from kg.ontology import KG
from kg.sparql.quick import _KEPT, QuickEngine
from kg.sparql.screen import oxigraph_may_answer
from kg.sparql.stores import open_store
from kg.sparql.text import CORE_PREFIXES, PREFIXES, list_named_queries, named_query
from tests.conftest import EXAMPLES
from tests.sparql.test_stores import BOUND, CORVANE, WHEREVER_BOUND

FORMATS = ["table", "csv", "tsv", "json"]
TURTLE = """@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <https://w3id.org/kg-news/resource/org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
org:norwind a kg:Company ; rdfs:label "Norwind Freight" ; kg:mentionCount 3 ;
    kg:founded "1998-04-02"^^xsd:date ; kg:accuses org:halden .
org:halden a kg:Company ; rdfs:label "Halden Mills"@en ; kg:mentionCount 1 .
"""
SELECT = "SELECT ?name ?n WHERE { ?e rdfs:label ?name ; kg:mentionCount ?n } ORDER BY ?name"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["query", *args])
    return result.exit_code, result.stdout, result.stderr


def assert_same_as_rdflib(graph: Path, *args: str) -> None:
    assert run(str(graph), *args) == run(str(graph), *args, "--store", "rdflib")


def answered_by(graph: Path, query: str, bindings: dict[str, str] | None = None) -> str:
    engine = QuickEngine(graph)
    try:
        engine.query(query, bindings)
    except Exception:  # a refusal: rdflib raised it
        pass
    finally:
        engine.close()
    return engine.answered_by


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("examples")
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return out / "graph.ttl"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(list_named_queries()))
def test_every_named_query_prints_what_rdflib_prints(examples: Path, name: str, fmt: str) -> None:
    assert_same_as_rdflib(examples, name, "--format", fmt)
    assert answered_by(examples, named_query(name)) == "oxigraph"


@pytest.mark.parametrize(("name", "bindings"), BOUND, ids=[name for name, _ in BOUND])
def test_bound_named_queries_print_what_rdflib_prints(
    examples: Path, name: str, bindings: dict[str, str]
) -> None:
    binds = [f"--bind={k}={v}" for k, v in bindings.items()]
    code, out, _ = run(str(examples), name, *binds)
    assert code == 0 and "(0 rows)" not in out
    assert_same_as_rdflib(examples, name, *binds, "--format", "tsv")
    assert answered_by(examples, named_query(name), bindings) == "oxigraph"


@pytest.mark.parametrize("query", WHEREVER_BOUND)
def test_a_bound_value_prints_as_rdflib_wherever_the_query_uses_it(examples: Path, query: str) -> None:
    assert_same_as_rdflib(examples, query, "--bind", f"name={CORVANE}", "--format", "tsv")
    assert answered_by(examples, query, {"name": CORVANE}) == "oxigraph"


def test_the_graph_files_prefixes_are_those_rdflib_binds(examples: Path) -> None:
    # the table writes IRIs with them: the same prefixes as rdflib's, no more and no fewer
    query = "SELECT ?e ?c WHERE { ?e a ?c } ORDER BY ?e ?c"
    quick, rdflib = QuickEngine(examples), open_store(examples, "rdflib")
    assert quick.query(query).namespaces == rdflib.query(query).namespaces
    assert quick.answered_by == "oxigraph"
    core = dict(Graph(bind_namespaces="core").namespaces())
    assert core == {k: URIRef(v) for k, v in CORE_PREFIXES.items()}
    spelt = {
        name: getattr(namespace, name.upper())
        for name in ("rdf", "rdfs", "skos", "prov", "dcterms", "xsd", "owl")
    }
    assert {"kg": str(KG)} | {k: str(v) for k, v in spelt.items()} == PREFIXES


REFUSED = [
    "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p true SERVICE <http://e/sparql> { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ?p trueSERVICE <http://e/sparql> { ?a ?b ?c } }",  # Oxigraph reads it glued
    "SELECT * WHERE { ?s ?p ?o \\u0053ERVICE <http://e/sparql> { ?a ?b ?c } }",
    "ASK { ?s ?p ?o FILTER EXISTS { SERVICE <http://e/sparql> { ?s ?p ?o } } }",
    "SELECT * FROM <http://example.org/remote> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/remote> WHERE { ?s ?p ?o }",
    "ASKFROM<http://example.org/remote>{ ?s ?p ?o }",
    "SELECT ?s WHERE { ?s ?p ",
    "SELECT ?s WHERE { ?s nope:p ?o }",
    "   ",
    "SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?x ORDER BY ?s",
]


@pytest.mark.parametrize("query", REFUSED)
def test_refusals_and_malformed_queries_say_what_rdflib_says(small: Path, query: str) -> None:
    code, out, err = run(str(small), query)
    assert (code, out, err) == run(str(small), query, "--store", "rdflib")
    if "SERVICE" in query.upper() or "\\u" in query or "FROM" in query.upper():
        assert answered_by(small, query) == "rdflib"


def test_a_bound_variable_the_query_lacks_is_named_as_rdflib_names_it(small: Path) -> None:
    code, _, err = run(str(small), SELECT, "--bind", "who=Halden")
    assert code == 2 and "no variable ?who; its variables: ?e, ?n, ?name" in err
    assert_same_as_rdflib(small, SELECT, "--bind", "who=Halden")


@pytest.mark.parametrize("fmt", FORMATS)
def test_strings_language_tags_numbers_and_dates_print_as_rdflib_prints_them(small: Path, fmt: str) -> None:
    query = "SELECT ?e ?p ?o WHERE { ?e ?p ?o } ORDER BY ?e ?p ?o"
    assert_same_as_rdflib(small, query, "--format", fmt)
    assert_same_as_rdflib(small, "ASK { ?e kg:founded ?d }", "--format", fmt)
    assert answered_by(small, query) == "oxigraph"


@pytest.mark.parametrize(
    "literal",
    [
        '"1.0"^^xsd:decimal',
        "1.50",
        '"01"^^xsd:integer',
        '"x"@EN-gb',
        "1.5e0",
        '"2024-01-01T00:00:00Z"^^xsd:dateTime',
    ],
)
def test_a_file_whose_literals_oxigraph_would_rewrite_is_answered_by_rdflib(
    tmp_path: Path, literal: str
) -> None:
    path = tmp_path / "odd.ttl"
    path.write_text(TURTLE + f"org:norwind kg:value {literal} .\n", encoding="utf-8")
    query = "SELECT ?v (STR(?v) AS ?text) WHERE { ?e kg:value ?v }"
    assert answered_by(path, query) == "rdflib"
    assert_same_as_rdflib(path, query, "--format", "tsv")


def test_computed_fractions_are_left_to_rdflib(small: Path) -> None:
    query = "SELECT (AVG(?n) AS ?mean) (1.0 / 3 AS ?third) WHERE { ?e kg:mentionCount ?n }"
    assert answered_by(small, query) == "rdflib"
    assert_same_as_rdflib(small, query, "--format", "csv")


def test_construct_and_other_syntaxes_are_answered_by_rdflib(small: Path, tmp_path: Path) -> None:
    construct = "CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e rdfs:label ?n }"
    assert answered_by(small, construct) == "rdflib"
    assert_same_as_rdflib(small, construct, "--format", "nt")
    nquads = tmp_path / "graph.nq"
    nquads.write_text('<urn:a> <urn:p> "x" <urn:g> .\n', encoding="utf-8")
    assert answered_by(nquads, "SELECT * WHERE { ?s ?p ?o }") == "rdflib"


def test_a_missing_or_broken_file_is_reported_as_rdflib_reports_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<urn:a> <urn:p> .\n", encoding="utf-8")
    for path in (tmp_path / "missing.ttl", broken, tmp_path):
        code, _, err = run(str(path), "SELECT * WHERE { ?s ?p ?o }")
        assert code == 2 and err.startswith("kg: error:")
        assert_same_as_rdflib(path, "SELECT * WHERE { ?s ?p ?o }")


def test_a_timeout_runs_as_before(small: Path) -> None:
    assert_same_as_rdflib(small, SELECT, "--timeout", "30")


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("SELECT ?s WHERE { ?s prov:wasDerivedFrom ?d } # read from the file", True),
        ('SELECT ?s WHERE { ?s rdfs:label "from here" }', True),
        ("SELECT ?from WHERE { ?from ?p ?o }", True),  # a variable, not a keyword
        ("SELECT ?s WHERE { ?s from:p ?o }", False),  # a prefix: left to rdflib, harmless
        ("SELECT * FROM <urn:g> WHERE { ?s ?p ?o }", False),
        ("SELECT * WHERE { ?s ?p 'a service' }", False),
        ("ASK { ?s ?p ?o } # SERVICE", False),
    ],
)
def test_the_screen(query: str, answer: bool) -> None:
    assert oxigraph_may_answer(query) is answer


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_lexical_forms_let_through_are_kept_by_both_libraries(data: st.DataObject) -> None:
    datatype = data.draw(st.sampled_from(sorted(_KEPT)))
    lexical = data.draw(st.from_regex(_KEPT[datatype], fullmatch=True))
    if datatype.endswith("date"):
        import datetime

        try:
            datetime.date.fromisoformat(lexical)
        except ValueError:
            return  # refused by the check, so never let through
    assert str(Literal(lexical, datatype=URIRef(datatype))) == lexical
    store = ox.Store()
    node = ox.NamedNode("urn:a")
    store.add(ox.Quad(node, node, ox.Literal(lexical, datatype=ox.NamedNode(datatype))))
    assert next(iter(store)).object.value == lexical


def test_kg_query_does_not_import_rdflib_for_a_named_query(examples: Path) -> None:
    from tests.cli.test_startup import imported

    assert not imported("query", str(examples), "timeline") & {"rdflib", "pyparsing"}
    assert re.search(r"\bOxigraph\b", (Path(__file__).parents[2] / "README.md").read_text())


TIES = (
    TURTLE
    + """org:norwind kg:demand "cut tariffs", "open the port" .
org:halden kg:demand "raise wages" .
"""
)


@pytest.mark.parametrize(
    ("query", "engine"),
    [
        # rows that tie under ORDER BY and differ come in each engine's own order: rdflib's are printed
        ("SELECT ?name ?demand WHERE { ?e rdfs:label ?name ; kg:demand ?demand } ORDER BY ?name", "rdflib"),
        ("SELECT ?name ?demand WHERE { ?e rdfs:label ?name ; kg:demand ?demand }", "rdflib"),
        ("SELECT ?demand WHERE { ?e kg:demand ?demand } ORDER BY STR(?demand)", "rdflib"),
        ("SELECT (GROUP_CONCAT(?demand) AS ?all) WHERE { ?e kg:demand ?demand }", "rdflib"),
        # a key holding a plain and a language-tagged literal: each engine ranks those its own way
        ("SELECT ?name WHERE { ?e rdfs:label ?name } ORDER BY ?name", "rdflib"),
        ("SELECT ?e ?d WHERE { ?e a kg:Company OPTIONAL { ?e kg:demand ?d } } ORDER BY ?d ?e", "oxigraph"),
        # every column a key, no ties that differ (a hidden key shown to see), or a single row
        ("SELECT ?e ?demand WHERE { ?e kg:demand ?demand } ORDER BY ?e ?demand", "oxigraph"),
        ("SELECT ?e WHERE { ?e kg:demand ?demand } ORDER BY ?e ?demand", "oxigraph"),
        # kinds apart only where an earlier key already ranks the rows
        ("SELECT ?e ?v WHERE { ?e a kg:Company ; ?p ?v } ORDER BY ?e ?p ?v", "oxigraph"),
        ("SELECT ?demand WHERE { org:halden kg:demand ?demand }", "oxigraph"),
    ],
)
def test_rows_that_tie_are_printed_in_rdflibs_order(tmp_path: Path, query: str, engine: str) -> None:
    path = tmp_path / "ties.ttl"
    path.write_text(TIES, encoding="utf-8")
    assert answered_by(path, query) == engine
    for fmt in FORMATS:
        assert_same_as_rdflib(path, query, "--format", fmt)
