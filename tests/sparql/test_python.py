"""Queries from Python as from the command line: ``kg.api.query`` returns the result ``kg query``
prints, and ``.to_dataframe()`` turns it into pandas; a table fits the terminal."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kg.api import BuildResult, query
from kg.cli import cli
from kg.errors import DependencyError, InputError, QueryError
from kg.sparql.results import format_result

R = "https://w3id.org/kg-news/resource/"
LONG = "pressing crews to finish every installation on the northern ridge before the first snow " * 3
TURTLE = f"""
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<{R}org/norwind> a kg:Company ; rdfs:label "Norwind Freight" ; kg:mentionCount 7 .
<{R}org/kestrel> a kg:TradeAssociation ; rdfs:label "Kestrel Hauliers Guild" ; kg:mentionCount 3 .
<{R}org/marlow> a kg:GovernmentAgency ; rdfs:label "Marlow Transport Office" .
<{R}org/kestrel> kg:accuses <{R}org/norwind> ; kg:urges <{R}org/marlow> .
<{R}event/1> a kg:Accusation ; kg:agent <{R}org/kestrel> ; kg:target <{R}org/norwind> ;
    kg:charge "{LONG.strip()}" ; dcterms:date "2025-06-06"^^xsd:date .
"""


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return path


def entities_query() -> str:
    return (
        "SELECT ?who ?count WHERE { ?x rdfs:label ?who . OPTIONAL { ?x kg:mentionCount ?count } } "
        "ORDER BY ?who"
    )


def test_query_returns_what_kg_query_prints(graph_file: Path) -> None:
    result = query(graph_file, entities_query())
    printed = CliRunner().invoke(cli, ["query", str(graph_file), entities_query()]).output
    assert format_result(result, "table") == printed
    assert result.vars == ("who", "count")
    assert [str(row[0]) for row in result.rows] == [
        "Kestrel Hauliers Guild",
        "Marlow Transport Office",
        "Norwind Freight",
    ]


def test_query_takes_a_graph_a_build_result_a_named_query_and_bindings(graph_file: Path) -> None:
    graph = Graph().parse(graph_file)
    bound = query(graph, entities_query(), bind={"who": "Norwind Freight"})
    assert [row[1] for row in bound.rows] == [Literal(7)]
    same = query(BuildResult(graph=graph), entities_query(), bind={"who": Literal("Norwind Freight")})
    assert same.rows == bound.rows
    profile = query(graph_file, "entity-profile", bind={"name": "Kestrel Hauliers Guild"})
    assert profile.rows and all(row[0] == URIRef(R + "org/kestrel") for row in profile.rows)
    with pytest.raises(QueryError, match="no variable"):
        query(graph, entities_query(), bind={"nobody": "x"})
    with pytest.raises(QueryError, match="no named query"):
        query(graph, "no-such-query")
    with pytest.raises(InputError, match="graph file"):
        query(graph, entities_query(), store="oxigraph")


def test_the_same_answer_from_oxigraph(graph_file: Path) -> None:
    assert (
        query(graph_file, entities_query(), store="oxigraph").rows == query(graph_file, entities_query()).rows
    )


def test_to_dataframe_has_the_variables_as_columns_and_python_values(graph_file: Path) -> None:
    pytest.importorskip("pandas", reason="PANDAS TESTS SKIPPED: pip install -e '.[dev]'")
    frame = query(graph_file, entities_query()).to_dataframe()
    assert list(frame.columns) == ["who", "count"]
    assert frame["who"].tolist() == ["Kestrel Hauliers Guild", "Marlow Transport Office", "Norwind Freight"]
    counts = frame.set_index("who")["count"]
    assert counts["Norwind Freight"] == 7 and counts["Kestrel Hauliers Guild"] == 3
    assert counts.isna()["Marlow Transport Office"]  # unbound
    assert frame["count"].sum() == 10  # numbers a DataFrame computes with

    events = query(graph_file, "SELECT ?event ?date WHERE { ?event a kg:Accusation ; dcterms:date ?date }")
    row = events.to_dataframe().iloc[0]
    assert row["event"] == R + "event/1" and row["date"] == datetime.date(2025, 6, 6)


def test_to_dataframe_of_a_construct_and_of_an_ask(graph_file: Path) -> None:
    pytest.importorskip("pandas", reason="PANDAS TESTS SKIPPED: pip install -e '.[dev]'")
    triples = query(graph_file, "CONSTRUCT { ?a kg:accuses ?b } WHERE { ?a kg:accuses ?b }").to_dataframe()
    assert list(triples.columns) == ["subject", "predicate", "object"]
    assert triples.values.tolist() == [
        [R + "org/kestrel", "https://w3id.org/kg-news/ontology#accuses", R + "org/norwind"]
    ]
    with pytest.raises(QueryError, match="boolean"):
        query(graph_file, "ASK { ?a kg:accuses ?b }").to_dataframe()


def test_to_dataframe_without_pandas_says_what_to_install(
    graph_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(DependencyError, match=r"pip install 'kg\[pandas\]'"):
        query(graph_file, entities_query()).to_dataframe()


# ---------------------------------------------------------------- the table at a terminal

CHARGES = "SELECT ?who ?charge WHERE { ?e kg:agent/rdfs:label ?who ; kg:charge ?charge }"


def run_table(graph_file: Path, *args: str, columns: str | None = None) -> str:
    env = {"COLUMNS": columns} if columns else {}
    result = CliRunner().invoke(cli, ["query", str(graph_file), CHARGES, *args], env=env)
    assert result.exit_code == 0, result.output
    return result.output


def test_a_table_fits_the_terminal_and_cuts_long_cells(graph_file: Path) -> None:
    out = run_table(graph_file, columns="60")
    lines = out.splitlines()
    assert all(len(line) <= 60 for line in lines[:-1]), out
    assert lines[0].startswith("who ") and "charge" in lines[0]
    assert lines[2].startswith("Kestrel Hauliers Guild | pressing crews") and lines[2].endswith("…")
    assert lines[-1] == "(1 row; long cells cut to fit, --wide shows them whole)"


def test_wide_and_a_pipe_print_every_cell_whole(graph_file: Path) -> None:
    whole = run_table(graph_file, "--wide", columns="60")
    assert LONG.strip() in whole and whole.splitlines()[-1] == "(1 row)"
    assert run_table(graph_file) == whole  # no COLUMNS and not a terminal: nothing to fit


def test_a_narrow_terminal_cuts_the_widest_columns_first_and_none_below_six(graph_file: Path) -> None:
    header, rule, row = run_table(graph_file, columns="20").splitlines()[:3]
    assert row == "Kestrel… | pressin…" and len(header) <= 20
    rule = run_table(graph_file, columns="5").splitlines()[1]
    assert rule == "------" + "-+-" + "------"  # wider than 5 columns: a cell keeps six
