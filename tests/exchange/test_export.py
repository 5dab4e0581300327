"""kg export: every RDF format read back by an independent parser (pyoxigraph), and the entity
graph in GraphML and GEXF read back by networkx with names as labels."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.namespace import RDF, RDFS

from kg.cli import cli
from kg.errors import KGError
from kg.exchange.export import FORMATS, export
from kg.ontology import KG, entity_class_names, relation_names
from kg.sparql.query import load_graph
from tests.conftest import EXAMPLES

OX_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "nq": "nquads", "trig": "trig"}


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> tuple[Graph, Path]:
    from kg.api import build
    from kg.graph.build import to_turtle

    path = tmp_path_factory.mktemp("examples") / "graph.ttl"
    path.write_text(to_turtle(build([str(EXAMPLES)]).graph), encoding="utf-8")
    return load_graph(path), path


@pytest.mark.parametrize("fmt", sorted(OX_FORMATS))
def test_rdf_exports_parse_with_pyoxigraph_to_the_same_counts(examples: tuple[Graph, Path], fmt: str) -> None:
    graph, _ = examples
    text = export(graph, fmt)
    quads = list(ox.parse(text.encode("utf-8"), format=OX_FORMATS[fmt]))
    if fmt in ("nq", "trig"):
        ours = Dataset()
        ours.parse(data=text, format=RDFLIB_FORMATS[fmt])
        assert len(quads) == len(list(ours.quads((None, None, None, None))))
        assert {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}  # per document
    else:
        assert len(quads) == len(Graph().parse(data=text, format=RDFLIB_FORMATS[fmt]))
    # nothing lost or doubled: the distinct triples are the graph's
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(graph)


def _entity_counts(graph: Graph) -> tuple[int, int]:
    classes = {KG._NS[c] for c in entity_class_names()}
    entities = {s for c in classes for s in graph.subjects(RDF.type, c)}
    relations = {
        (s, p, o)
        for p in (KG._NS[r] for r in relation_names())
        for s, o in graph.subject_objects(p)
        if s in entities and o in entities
    }
    return len(entities), len(relations)


def _read(text: str, fmt: str) -> nx.MultiDiGraph:
    stream = io.BytesIO(text.encode("utf-8"))
    return nx.read_graphml(stream, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(stream)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports_read_back_with_names_as_labels(examples: tuple[Graph, Path], fmt: str) -> None:
    graph, _ = examples
    read = _read(export(graph, fmt), fmt)
    entities, relations = _entity_counts(graph)
    assert (read.number_of_nodes(), read.number_of_edges()) == (entities, relations)
    names = {str(s): str(o) for s, o in graph.subject_objects(RDFS.label)}
    for node, data in read.nodes(data=True):
        assert data["label"] == names[node] and not data["label"].startswith("http")
    corvane = read.nodes["https://w3id.org/kg-news/resource/org/corvane-pharmaceutical-holdings"]
    assert corvane["class"] == "Company" and corvane["aliases"] == "Corvane" and int(corvane["mentions"]) > 1
    relations_seen = {data["relation"] for _, _, data in read.edges(data=True)}
    assert relations_seen <= set(relation_names()) and "accuses" in relations_seen
    for _, _, data in read.edges(data=True):
        assert 0 < float(data["confidence"]) <= 1 and int(data["sentences"]) >= 1


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports_leave_events_documents_and_provenance_out(
    examples: tuple[Graph, Path], fmt: str
) -> None:
    graph, _ = examples
    nodes = set(_read(export(graph, fmt), fmt).nodes)
    for kind in (KG.Document, KG.RelationMention, KG.Accusation, KG.Appeal, KG.Response, KG.Extractor):
        left_out = {str(s) for s in graph.subjects(RDF.type, kind)}
        assert left_out and not left_out & nodes


def test_gexf_is_the_same_file_on_another_day(examples: tuple[Graph, Path], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    first = export(examples[0], "gexf")
    monkeypatch.setattr(time, "strftime", lambda fmt, *a: "2031-01-01")
    assert export(examples[0], "gexf") == first
    assert "lastmodifieddate" not in first


def test_graphml_edge_ids_are_unique(examples: tuple[Graph, Path]) -> None:
    graph, _ = examples
    text = export(graph, "graphml")
    ids = [line.split('id="')[1].split('"')[0] for line in text.splitlines() if "<edge " in line]
    assert len(ids) == len(set(ids)) == _entity_counts(graph)[1]


def test_unknown_format_lists_the_valid_ones(examples: tuple[Graph, Path]) -> None:
    with pytest.raises(KGError) as info:
        export(examples[0], "dot")
    assert all(fmt in str(info.value) for fmt in FORMATS)


@pytest.mark.parametrize("fmt", ["gexf", "trig"])
def test_cli_export_writes_the_file(examples: tuple[Graph, Path], tmp_path: Path, fmt: str) -> None:
    _, path = examples
    out = tmp_path / f"graph.{fmt}"
    result = CliRunner().invoke(cli, ["export", str(path), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    if fmt == "gexf":
        assert nx.read_gexf(out).number_of_nodes() == _entity_counts(examples[0])[0]
    else:
        assert len(list(ox.parse(path=str(out), format=ox.RdfFormat.TRIG))) == len(examples[0])


def test_cli_export_of_a_missing_graph_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "none.ttl"), "--format", "graphml"])
    assert result.exit_code == 2 and "none.ttl" in result.stderr
