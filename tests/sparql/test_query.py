"""kg.sparql.query: loading graph files, running read-only SPARQL, and the result formats."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyparsing import ParseException
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.query import Result

from kg.cli import cli
from kg.errors import GraphError, QueryError
from kg.ontology import KG
from kg.sparql.query import (
    FORMATS,
    PREFIXES,
    QueryResult,
    bind_value,
    format_result,
    list_named_queries,
    load_graph,
    named_query,
    parse_bindings,
    resolve_query,
    run_query,
)

RES = Namespace("https://w3id.org/kg-news/resource/")
ACME, GLOBEX, INITECH, BOB = RES["org/acme"], RES["org/globex"], RES["org/initech"], RES["person/bob"]
# comma, quotes, tab and newline: everything the CSV and TSV encodings must escape
SENTENCE = 'Acme said, "Globex\tdumps prices".\nGlobex denied it.'


@pytest.fixture
def graph() -> Graph:
    g = Graph()
    g.bind("res", RES)
    for iri, cls, label in [
        (ACME, KG.Company, Literal("Acme Corp")),
        (GLOBEX, KG.Company, Literal("Globex", lang="en")),
        (INITECH, KG.Company, Literal("Initech")),
        (BOB, KG.Person, Literal("Bob Müller")),
    ]:
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, label))
    g.add((ACME, SKOS.altLabel, Literal("Acme")))
    g.add((ACME, KG.accuses, GLOBEX))
    g.add((INITECH, KG.accuses, ACME))  # no provenance record: the sentence stays unbound
    g.add((BOB, KG.worksFor, ACME))
    record = RES["rel/1"]
    g.add((record, RDF.type, KG.RelationMention))
    g.add((record, RDF.subject, ACME))
    g.add((record, RDF.predicate, KG.accuses))
    g.add((record, RDF.object, GLOBEX))
    g.add((record, KG.sentence, Literal(SENTENCE)))
    g.add((record, KG.confidence, Literal("0.83", datatype=XSD.decimal)))
    g.add((record, KG.mentionedIn, BNode("doc1")))
    return g


@pytest.fixture
def graph_file(graph: Graph, tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle")
    return path


SELECT = """
SELECT ?s ?label ?sentence WHERE {
  ?s kg:accuses ?o ; rdfs:label ?label .
  OPTIONAL { ?r rdf:subject ?s ; kg:sentence ?sentence }
} ORDER BY DESC(?label)
"""
# the rows SELECT gives, in its order (DESC, so not the order a sort of the output would give)
EXPECTED = [
    {"s": INITECH, "label": Literal("Initech")},
    {"s": ACME, "label": Literal("Acme Corp"), "sentence": Literal(SENTENCE)},
]


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


# ---------------------------------------------------------------- SELECT in every format


@pytest.mark.parametrize("fmt", ["tsv", "json"])
def test_select_round_trips_exactly_through_the_w3c_parsers(graph: Graph, fmt: str) -> None:
    text = format_result(run_query(graph, SELECT), fmt)
    parsed = Result.parse(io.BytesIO(text.encode("utf-8")), format=fmt)
    assert [str(v) for v in parsed.vars or ()] == ["s", "label", "sentence"]
    assert [{str(k): v for k, v in row.items()} for row in parsed.bindings] == EXPECTED


def test_csv_is_the_w3c_format(graph: Graph) -> None:
    text = format_result(run_query(graph, SELECT), "csv")
    assert text.startswith("s,label,sentence\r\n")
    assert text.count("\r\n") == 3 and text.endswith("\r\n")  # header + 2 rows; the sentence's \n stays
    assert _csv_rows(text) == [
        {"s": str(INITECH), "label": "Initech", "sentence": ""},
        {"s": str(ACME), "label": "Acme Corp", "sentence": SENTENCE},
    ]


def test_csv_writes_blank_nodes_as_labels(graph: Graph) -> None:
    text = format_result(run_query(graph, "SELECT ?d WHERE { ?r kg:mentionedIn ?d }"), "csv")
    assert _csv_rows(text) == [{"d": "_:doc1"}]


def test_tsv_encodes_terms_like_ntriples(graph: Graph) -> None:
    query = """SELECT ?label ?c ?sentence
        WHERE { ?r kg:confidence ?c ; kg:sentence ?sentence ; rdf:object ?o . ?o rdfs:label ?label }"""
    lines = format_result(run_query(graph, query), "tsv").split("\n")
    assert lines[0] == "?label\t?c\t?sentence"
    assert lines[1].split("\t") == [
        '"Globex"@en',
        f'"0.83"^^<{XSD.decimal}>',
        '"Acme said, \\"Globex\\tdumps prices\\".\\nGlobex denied it."',
    ]
    assert lines[2:] == [""]


def test_json_is_the_w3c_format(graph: Graph) -> None:
    query = """SELECT ?s ?label ?c ?d
        WHERE { ?r rdf:object ?s ; kg:confidence ?c ; kg:mentionedIn ?d . ?s rdfs:label ?label }"""
    document = json.loads(format_result(run_query(graph, query), "json"))
    assert document["head"] == {"vars": ["s", "label", "c", "d"]}
    assert document["results"]["bindings"] == [
        {
            "s": {"type": "uri", "value": str(GLOBEX)},
            "label": {"type": "literal", "value": "Globex", "xml:lang": "en"},
            "c": {"type": "literal", "value": "0.83", "datatype": str(XSD.decimal)},
            "d": {"type": "bnode", "value": "doc1"},
        }
    ]


def test_json_leaves_unbound_variables_out_of_a_binding(graph: Graph) -> None:
    bindings = json.loads(format_result(run_query(graph, SELECT), "json"))["results"]["bindings"]
    assert [sorted(b) for b in bindings] == [["label", "s"], ["label", "s", "sentence"]]


def test_table_is_aligned_with_compact_iris_and_a_row_count(graph: Graph) -> None:
    lines = format_result(run_query(graph, SELECT), "table").splitlines()
    assert re.fullmatch(r"s\s+\| label\s+\| sentence", lines[0])
    assert set(lines[1]) == {"-", "+"}
    assert lines[2] == "res:org/initech | Initech   |"  # trailing spaces trimmed, not the separator
    assert lines[3].split(" | ")[:2] == ["res:org/acme   ", "Acme Corp"]
    assert "\\tdumps prices" in lines[3] and lines[3].endswith("\\nGlobex denied it.")  # one line per row
    assert lines[4] == "(2 rows)"
    assert lines[0].index("|") == lines[1].index("+") == lines[2].index("|") == lines[3].index("|")


def test_table_compacts_with_the_default_prefixes(graph: Graph) -> None:
    text = format_result(run_query(graph, "SELECT DISTINCT ?t WHERE { ?s a ?t } ORDER BY ?t"), "table")
    assert text == "t\n------------------\nkg:Company\nkg:Person\nkg:RelationMention\n(3 rows)\n"


def test_table_of_no_rows_says_so(graph: Graph) -> None:
    text = format_result(run_query(graph, "SELECT ?s WHERE { ?s kg:killed ?o }"), "table")
    assert text.splitlines()[-1] == "(0 rows)"


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_output_is_deterministic(graph_file: Path, fmt: str) -> None:
    first, second = load_graph(graph_file), load_graph(graph_file)
    assert format_result(run_query(first, SELECT), fmt) == format_result(run_query(second, SELECT), fmt)


# ---------------------------------------------------------------- ASK, CONSTRUCT, DESCRIBE


@pytest.mark.parametrize(
    ("query", "answer"), [("ASK { ?a kg:accuses ?b }", True), ("ASK { ?a kg:killed ?b }", False)]
)
@pytest.mark.parametrize("fmt", ["table", "csv", "tsv"])
def test_ask_prints_true_or_false(graph: Graph, query: str, answer: bool, fmt: str) -> None:
    assert format_result(run_query(graph, query), fmt) == ("true\n" if answer else "false\n")


def test_ask_in_json_is_the_w3c_boolean(graph: Graph) -> None:
    text = format_result(run_query(graph, "ASK { ?a kg:accuses ?b }"), "json")
    assert json.loads(text) == {"head": {}, "boolean": True}
    assert Result.parse(io.BytesIO(text.encode()), format="json").askAnswer is True


CONSTRUCT = "CONSTRUCT { ?b kg:accusedBy ?a } WHERE { ?a kg:accuses ?b }"


@pytest.mark.parametrize(("fmt", "parser"), [("table", "turtle"), ("turtle", "turtle"), ("nt", "nt")])
def test_construct_gives_the_graph(graph: Graph, fmt: str, parser: str) -> None:
    text = format_result(run_query(graph, CONSTRUCT), fmt)
    expected = Graph()
    expected.add((GLOBEX, KG._NS["accusedBy"], ACME))
    expected.add((ACME, KG._NS["accusedBy"], INITECH))
    assert isomorphic(Graph().parse(data=text, format=parser), expected)


def test_construct_turtle_uses_the_kg_prefix_and_nt_is_sorted(graph: Graph) -> None:
    result = run_query(graph, CONSTRUCT)
    assert "kg:accusedBy" in format_result(result, "turtle")
    lines = format_result(result, "nt").splitlines()
    assert lines == sorted(lines) and len(lines) == 2


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_construct_refuses_result_set_formats_and_names_the_graph_ones(graph: Graph, fmt: str) -> None:
    with pytest.raises(QueryError, match="table, turtle, nt"):
        format_result(run_query(graph, CONSTRUCT), fmt)


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_select_refuses_graph_formats(graph: Graph, fmt: str) -> None:
    with pytest.raises(QueryError, match="table, csv, tsv, json"):
        format_result(run_query(graph, SELECT), fmt)


def test_describe_gives_the_resource_description(graph: Graph) -> None:
    result = run_query(graph, f"DESCRIBE <{BOB}>")
    described = Graph().parse(data=format_result(result, "turtle"), format="turtle")
    assert (BOB, KG.worksFor, ACME) in described and (BOB, RDFS.label, Literal("Bob Müller")) in described


# ---------------------------------------------------------------- prefixes and query sources


def test_prefixes_are_prebound(graph: Graph) -> None:
    query = (
        "SELECT ?alt WHERE { ?s a kg:Company ; skos:altLabel ?alt ; rdfs:label ?l . FILTER(isLiteral(?l)) }"
    )
    assert run_query(graph, query).rows == ((Literal("Acme"),),)


def test_prefixes_from_the_graph_file_are_bound_too(tmp_path: Path) -> None:
    path = tmp_path / "people.ttl"
    path.write_text(
        f"@prefix person: <{RES}person/> .\n@prefix rdfs: <{RDFS}> .\nperson:bob rdfs:label 'Bob' .\n",
        encoding="utf-8",
    )
    graph = load_graph(path)
    assert run_query(graph, "SELECT ?l WHERE { person:bob rdfs:label ?l }").rows == ((Literal("Bob"),),)
    assert (
        format_result(run_query(graph, "SELECT ?s WHERE { ?s ?p ?o }"), "table").splitlines()[2]
        == "person:bob"
    )


def test_a_query_prefix_overrides_a_default_one(graph: Graph) -> None:
    query = "PREFIX kg: <http://example.org/other#> ASK { ?a kg:accuses ?b }"
    assert run_query(graph, query).boolean is False


def test_resolve_query_reads_an_rq_file(graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "accusers.rq"
    path.write_text(
        "# who accuses anyone\nSELECT ?a WHERE { ?a kg:accuses ?b } ORDER BY ?a\n", encoding="utf-8"
    )
    assert [row[0] for row in run_query(graph, resolve_query(str(path))).rows] == [ACME, INITECH]


def test_resolve_query_missing_rq_file(tmp_path: Path) -> None:
    with pytest.raises(QueryError, match="no such query file"):
        resolve_query(str(tmp_path / "nope.rq"))


@pytest.mark.parametrize("text", [SELECT, "ASK { ?s ?p ?o }", "SELECT * WHERE { ?s ?p " + "x" * 5000 + " }"])
def test_resolve_query_passes_query_text_through(text: str) -> None:
    assert resolve_query(text) == text


# ---------------------------------------------------------------- refused and malformed queries


def test_malformed_query_names_the_position_on_one_line(graph: Graph) -> None:
    with pytest.raises(QueryError) as info:
        run_query(graph, "SELECT ?s WHERE {\n  ?s ?p\n}")
    message = str(info.value)
    assert "\n" not in message
    assert re.search(r"line\W+2", message) and re.search(r"col\W+3", message)


def test_undeclared_prefix_is_named(graph: Graph) -> None:
    with pytest.raises(QueryError, match="foo"):
        run_query(graph, "SELECT ?s WHERE { ?s a foo:Bar }")


def test_empty_query_is_refused(graph: Graph) -> None:
    with pytest.raises(QueryError, match="empty"):
        run_query(graph, "  \n")


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "DELETE { ?s ?p ?o } INSERT { ?o ?p ?s } WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <http://e/g>",
        "CREATE GRAPH <http://e/g>",
    ],
)
def test_updates_are_refused_and_change_nothing(graph: Graph, update: str) -> None:
    before = len(graph)
    with pytest.raises(QueryError, match="updates are not allowed"):
        run_query(graph, update)
    assert len(graph) == before


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s a kg:Company OPTIONAL { SERVICE SILENT <http://e/sparql> { ?s ?p ?o } } }",
        "ASK { ?s ?p ?o FILTER EXISTS { SERVICE <http://e/sparql> { ?s ?p ?o } } }",
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://e/sparql> { ?s ?p ?o } } } }",
    ],
)
def test_service_is_refused_wherever_it_hides(graph: Graph, query: str) -> None:
    with pytest.raises(QueryError, match="SERVICE is not allowed"):
        run_query(graph, query)


def test_from_a_graph_not_in_the_file_is_refused(graph: Graph) -> None:
    with pytest.raises(QueryError, match=re.escape("FROM <http://example.org/remote>")):
        run_query(graph, "SELECT * FROM <http://example.org/remote> WHERE { ?s ?p ?o }")


def test_unknown_format_lists_the_choices(graph: Graph) -> None:
    with pytest.raises(QueryError) as info:
        format_result(run_query(graph, SELECT), "yaml")
    assert "yaml" in str(info.value)
    assert all(fmt in str(info.value) for fmt in FORMATS)


def test_format_names_are_case_insensitive(graph: Graph) -> None:
    result = run_query(graph, SELECT)
    assert format_result(result, "CSV") == format_result(result, "csv")


# ---------------------------------------------------------------- load_graph


@pytest.mark.parametrize(
    ("suffix", "serializer"),
    [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld"), (".rdf", "xml"), (".n3", "n3")],
)
def test_load_graph_picks_the_parser_by_extension(
    graph: Graph, tmp_path: Path, suffix: str, serializer: str
) -> None:
    path = tmp_path / f"graph{suffix}"
    graph.serialize(path, format=serializer)
    assert isomorphic(load_graph(path), graph)


@pytest.mark.parametrize(("suffix", "serializer"), [(".trig", "trig"), (".nq", "nquads")])
def test_load_graph_reads_quads_and_queries_their_union(
    graph: Graph, tmp_path: Path, suffix: str, serializer: str
) -> None:
    dataset = Dataset()
    named = dataset.graph(URIRef("http://example.org/g1"))
    for triple in graph:
        named.add(triple)
    path = tmp_path / f"graph{suffix}"
    dataset.serialize(path, format=serializer)
    loaded = load_graph(path)
    assert run_query(loaded, "ASK { ?a kg:accuses ?b }").boolean is True
    from_named = f"SELECT ?b FROM <http://example.org/g1> WHERE {{ <{ACME}> kg:accuses ?b }}"
    assert run_query(loaded, from_named).rows == ((GLOBEX,),)


def test_load_graph_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GraphError, match=r"no such graph file: .*missing\.ttl"):
        load_graph(tmp_path / "missing.ttl")


def test_load_graph_directory(tmp_path: Path) -> None:
    with pytest.raises(GraphError, match="directory"):
        load_graph(tmp_path)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.ttl", "This is an article, not RDF.\n"),
        ("broken.ttl", '@prefix ex: <http://e/> .\nex:a ex:b "unterminated .\n'),
        ("broken.nt", "<http://e/a> <http://e/b> .\n"),
        ("broken.jsonld", '{"@id": '),
        ("broken.rdf", "<rdf:RDF"),
    ],
)
def test_load_graph_not_rdf_is_one_line_naming_the_file(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphError) as info:
        load_graph(path)
    message = str(info.value)
    assert name in message and "\n" not in message
    assert len(message) > len(f"cannot read {path} as x: ")  # the parser's reason is there


def test_load_graph_turtle_error_gives_the_line_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text(
        '@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b "unterminated .\n', encoding="utf-8"
    )
    with pytest.raises(GraphError, match=r"line 3: .*string literal"):
        load_graph(path)


# ---------------------------------------------------------------- named queries


def test_named_queries_have_descriptions() -> None:
    queries = list_named_queries()
    assert "who-accuses-whom" in queries
    assert all(description for description in queries.values())


@pytest.mark.parametrize("name", sorted(list_named_queries()))
def test_every_named_query_runs(graph: Graph, name: str) -> None:
    assert isinstance(run_query(graph, named_query(name)), QueryResult)


def test_unknown_named_query_lists_the_valid_names() -> None:
    with pytest.raises(QueryError, match="who-accuses-whom"):
        named_query("who-sues-whom")


def test_resolve_query_a_single_word_is_a_name_and_an_unknown_one_lists_the_names() -> None:
    assert resolve_query("who-accuses-whom") == named_query("who-accuses-whom")
    with pytest.raises(QueryError) as info:
        resolve_query("who-sues-whom")
    assert all(name in str(info.value) for name in list_named_queries())


@pytest.mark.parametrize("name", sorted(list_named_queries()))
def test_named_queries_are_read_only_queries(graph: Graph, name: str) -> None:
    text = named_query(name)
    parseQuery(text)  # a query, not an update: parseUpdate would refuse it
    with pytest.raises(ParseException):
        parseUpdate(text)
    before = set(graph)
    run_query(graph, text)
    assert set(graph) == before


# ---------------------------------------------------------------- bindings


@pytest.mark.parametrize(
    ("value", "term"),
    [
        ("<http://e/x>", URIRef("http://e/x")),
        ("https://example.org/a?b=c", URIRef("https://example.org/a?b=c")),
        ("urn:isbn:0451450523", URIRef("urn:isbn:0451450523")),
        ("kg:Company", KG.Company),
        ("res:org/acme", ACME),  # a prefix the graph file declares
        ("Acme Corp", Literal("Acme Corp")),
        ("Re: Acme", Literal("Re: Acme")),  # a space: no prefixed name
        ("foo:bar", Literal("foo:bar")),  # no such prefix
        ("2025-06-06", Literal("2025-06-06")),
        ('"kg:Company"', Literal("kg:Company")),  # quotes force a literal
        ("", Literal("")),
    ],
)
def test_bind_value_rule(value: str, term: object) -> None:
    assert bind_value(value, PREFIXES | {"res": str(RES)}) == term
    assert type(bind_value(value, PREFIXES | {"res": str(RES)})) is type(term)


def test_a_literal_binding_selects_by_name(graph: Graph) -> None:
    query = "SELECT ?s WHERE { ?s kg:accuses ?o ; rdfs:label ?name }"
    assert run_query(graph, query, bindings={"name": "Initech"}).rows == ((INITECH,),)


def test_an_iri_binding_selects_by_prefixed_name(graph: Graph) -> None:
    query = "PREFIX res: <https://w3id.org/kg-news/resource/> SELECT ?o WHERE { ?s kg:accuses ?o }"
    assert run_query(graph, query, bindings={"s": "res:org/acme"}).rows == ((GLOBEX,),)
    assert run_query(graph, query, bindings={"s": f"<{INITECH}>"}).rows == ((ACME,),)


def test_bindings_are_never_pasted_into_the_query(graph: Graph) -> None:
    before = set(graph)
    hostile = 'x" } } ; DELETE WHERE { ?s ?p ?o } #'
    result = run_query(graph, "SELECT ?s WHERE { ?s rdfs:label ?name }", bindings={"name": hostile})
    assert result.rows == ()
    assert set(graph) == before


def test_binding_an_unknown_variable_lists_the_query_variables(graph: Graph) -> None:
    with pytest.raises(QueryError) as info:
        run_query(graph, "SELECT ?s WHERE { ?s kg:accuses ?o ; rdfs:label ?name }", bindings={"nmae": "x"})
    assert "?nmae" in str(info.value) and "?name, ?o, ?s" in str(info.value)


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        (["name=Acme"], {"name": "Acme"}),
        (["?name=a=b", "$kind=kg:Company"], {"name": "a=b", "kind": "kg:Company"}),
        (["name="], {"name": ""}),
    ],
)
def test_parse_bindings(pairs: list[str], expected: dict[str, str]) -> None:
    assert parse_bindings(pairs) == expected


@pytest.mark.parametrize(
    ("pairs", "needle"), [(["name"], "VAR=VALUE"), (["a b=c"], "VAR=VALUE"), (["x=1", "x=2"], "twice")]
)
def test_parse_bindings_refuses_malformed_pairs(pairs: list[str], needle: str) -> None:
    with pytest.raises(QueryError, match=needle):
        parse_bindings(pairs)


# ---------------------------------------------------------------- timeout

# a cross product of every triple with every triple with every triple: |G|³ rows to count
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _big_graph() -> Graph:
    g = Graph()
    for i in range(400):  # 400³ = 64 million rows: minutes in rdflib
        g.add((RES[f"e{i}"], RDFS.label, Literal(f"entity {i}")))
    return g


def test_timeout_stops_a_runaway_query_well_before_it_would_finish() -> None:
    g = _big_graph()
    start = time.monotonic()
    with pytest.raises(QueryError, match=r"did not finish within 1 s"):
        run_query(g, CROSS_PRODUCT, timeout=1)
    assert time.monotonic() - start < 10
    assert multiprocessing.active_children() == []  # the worker was stopped, not left running


@pytest.mark.parametrize("query", [SELECT, "ASK { ?a kg:accuses ?b }", CONSTRUCT])
def test_timeout_gives_the_same_answer_as_without(graph: Graph, query: str) -> None:
    with_timeout, without = run_query(graph, query, timeout=30), run_query(graph, query)
    for fmt in ("table", "nt") if without.graph is not None else ("table", "json"):
        assert format_result(with_timeout, fmt) == format_result(without, fmt)


def test_timeout_passes_query_errors_through(graph: Graph) -> None:
    with pytest.raises(QueryError, match=r"line\W+1"):
        run_query(graph, "SELECT ?s WHERE { ?s ?p }", timeout=30)
    with pytest.raises(QueryError, match="no variable"):
        run_query(graph, "SELECT ?s WHERE { ?s ?p ?o }", bindings={"x": "1"}, timeout=30)


# ---------------------------------------------------------------- the command


def _kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cli_list_shows_every_named_query_with_its_description() -> None:
    code, stdout, _ = _kg("query", "--list")
    assert code == 0
    lines = stdout.splitlines()
    assert len(lines) == len(list_named_queries())
    for line, (name, description) in zip(lines, list_named_queries().items(), strict=True):
        assert line.startswith(name + " ") and line.endswith(description)


def test_cli_unknown_named_query_lists_the_names(graph_file: Path) -> None:
    code, _, stderr = _kg("query", str(graph_file), "who-sues-whom")
    assert code == 2
    assert "who-sues-whom" in stderr and "who-accuses-whom" in stderr and "entity-profile" in stderr


def test_cli_bind(graph_file: Path) -> None:
    code, stdout, stderr = _kg(
        "query", str(graph_file), "SELECT ?o WHERE { ?s kg:accuses ?o ; rdfs:label ?name }",
        "--bind", "name=Initech", "--format", "csv",
    )  # fmt: skip
    assert code == 0, stderr
    assert stdout.splitlines() == ["o", str(ACME)]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--bind", "name"], "VAR=VALUE"),
        (["--bind", "nmae=x"], "?name"),
    ],
)
def test_cli_bad_bindings_exit_2(graph_file: Path, args: list[str], needle: str) -> None:
    code, _, stderr = _kg("query", str(graph_file), "SELECT ?s WHERE { ?s rdfs:label ?name }", *args)
    assert code == 2 and needle in stderr and len(stderr.strip().splitlines()) == 1


def test_cli_without_graph_and_query_is_exit_2() -> None:
    code, _, stderr = _kg("query")
    assert code == 2 and "--list" in stderr


def test_cli_timeout_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "big.ttl"
    _big_graph().serialize(path, format="turtle")
    start = time.monotonic()
    code, stdout, stderr = _kg("query", str(path), CROSS_PRODUCT, "--timeout", "1")
    assert code == 2 and stdout == ""
    assert stderr.strip() == "kg: error: query stopped: it did not finish within 1 s"
    assert time.monotonic() - start < 10


def test_a_query_asked_again_answers_as_it_did_the_first_time(graph: Graph) -> None:
    """A process keeps the queries it parsed (kg serve's workers are asked the same ones again):
    a kept one answers as a fresh parse would, whatever it is bound to, and an error is an
    error each time."""
    grouped = "SELECT ?c (COUNT(?l) AS ?n) WHERE { ?c a ?k ; rdfs:label ?l } GROUP BY ?c ORDER BY ?c"
    bound = "SELECT ?s WHERE { ?s rdfs:label ?label } ORDER BY ?s"
    first = run_query(graph, grouped)
    acme = run_query(graph, bound, bindings={"label": "Acme Corp"})
    initech = run_query(graph, bound, bindings={"label": "Initech"})
    assert acme.rows == ((ACME,),) and initech.rows == ((INITECH,),)
    for _ in range(3):
        assert run_query(graph, grouped).rows == first.rows
        assert run_query(graph, bound, bindings={"label": "Acme Corp"}).rows == acme.rows
    graph.add((RES["org/hooli"], RDFS.label, Literal("Hooli")))
    assert len(run_query(graph, "SELECT ?s WHERE { ?s rdfs:label ?label } ORDER BY ?s").rows) == 5
    for _ in range(2):
        with pytest.raises(QueryError, match="malformed SPARQL query"):
            run_query(graph, "SELECT ?s WHERE { ?s rdfs:label }")
