"""Inference on request: inverse, sub-property and symmetric triples, each with provenance."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import PROV, RDF

from kg.cli import cli
from kg.graph.build import build_graph, to_turtle
from kg.graph.degree import STATISTICS, graph_degree_triples
from kg.graph.infer import infer
from kg.graph.validate import validate_graph
from kg.iri import entity_iri
from kg.ontology import KG
from kg.records import Document, Entity, Extraction, Mention, Relation

TEXT = "Jane Roe leads Acme Corp. Acme Corp allied with Bolt Ltd. The Grain Council represents Bolt Ltd."


def extraction() -> Extraction:
    ents = [
        Entity(entity_iri("Person", "Jane Roe"), "Jane Roe", "Person"),
        Entity(entity_iri("Company", "Acme Corp"), "Acme Corp", "Company"),
        Entity(entity_iri("Company", "Bolt Ltd"), "Bolt Ltd", "Company"),
        Entity(entity_iri("TradeAssociation", "Grain Council"), "Grain Council", "TradeAssociation"),
    ]
    spans = [(0, 8, 0), (15, 24, 1), (26, 35, 1), (48, 56, 2), (62, 75, 3), (87, 95, 2)]
    mentions = tuple(Mention(s, e, TEXT[s:e], ents[k].type, ents[k].iri) for s, e, k in spans)
    relations = (
        Relation(0, 1, "leads", 0.9, "rule:leads-verb", 0, 25),
        Relation(2, 3, "alliedWith", 0.8, "rule:ally", 26, 57),
        Relation(4, 5, "represents", 0.85, "rule:represents", 58, len(TEXT)),
    )
    return Extraction(Document("d.txt", TEXT), mentions, tuple(ents), relations)


ROE, ACME, BOLT = (
    URIRef(entity_iri(t, n))
    for t, n in (("Person", "Jane Roe"), ("Company", "Acme Corp"), ("Company", "Bolt Ltd"))
)
COUNCIL = URIRef(entity_iri("TradeAssociation", "Grain Council"))


def test_leaders_also_work_for_their_organization() -> None:
    g = infer(build_graph([extraction()]))
    assert (ROE, KG.worksFor, ACME) in g
    rows = list(g.query("SELECT ?p ?o WHERE { ?p kg:worksFor ?o }", initNs={"kg": KG._NS}))
    assert (ROE, ACME) in [tuple(r) for r in rows]


def test_inverse_and_symmetric_relations() -> None:
    g = infer(build_graph([extraction()]))
    assert (BOLT, KG.memberOf, COUNCIL) in g
    assert (BOLT, KG.alliedWith, ACME) in g
    assert (ACME, KG.cooperatesWith, BOLT) in g and (BOLT, KG.cooperatesWith, ACME) in g
    assert (ACME, KG.relatedTo, BOLT) not in g  # the top property is not materialized


def test_inferred_relations_count_in_degrees_and_ranks() -> None:
    before = build_graph([extraction()])
    g = infer(before)
    assert g.value(BOLT, KG.outDegree) != before.value(BOLT, KG.outDegree)  # memberOf, alliedWith
    written = {t for prop in STATISTICS for t in g.triples((None, prop, None))}
    assert written == set(graph_degree_triples(g))


def test_every_inferred_triple_leads_to_its_sentence_and_the_graph_still_validates() -> None:
    base = build_graph([extraction()])
    g = infer(base)
    node = next(g.subjects(RDF.predicate, KG.memberOf))
    source = next(s for s in g.objects(node, PROV.wasDerivedFrom) if (s, RDF.type, KG.RelationMention) in g)
    assert g.value(source, RDF.predicate) == KG.represents
    assert "represents" in str(g.value(node, KG.sentence))
    assert validate_graph(g).conforms


def test_inference_is_deterministic_and_idempotent() -> None:
    once = infer(build_graph([extraction()]))
    assert to_turtle(once) == to_turtle(infer(build_graph([extraction()])))
    assert len(infer(once)) == len(once)


def test_cli_infer_and_build_infer(tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_text(to_turtle(build_graph([extraction()])), encoding="utf-8")
    result = CliRunner().invoke(cli, ["infer", str(path), "-o", str(tmp_path / "i.ttl")])
    assert result.exit_code == 0 and "triples added" in result.stdout
    assert (ROE, KG.worksFor, ACME) in Graph().parse(tmp_path / "i.ttl")
    assert (ROE, KG.worksFor, ACME) not in Graph().parse(path)  # -o leaves the input alone


def test_cli_infer_writes_beside_the_graph_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(to_turtle(build_graph([extraction()])), encoding="utf-8")
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["infer", str(path)])
    assert result.exit_code == 0, result.stderr
    beside = tmp_path / "graph.inferred.ttl"
    assert f"wrote {beside}" in result.stdout and not result.stderr
    assert path.read_bytes() == before
    assert (ROE, KG.worksFor, ACME) in Graph().parse(beside)


def test_cli_infer_in_place_says_what_in_the_folder_no_longer_matches(tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text(to_turtle(build_graph([extraction()])), encoding="utf-8")
    (tmp_path / "graph.html").write_text("<!DOCTYPE html>")
    (tmp_path / "records.jsonl").write_text("{}\n")
    result = CliRunner().invoke(cli, ["infer", str(path), "--in-place"])
    assert result.exit_code == 0, result.stderr
    assert (ROE, KG.worksFor, ACME) in Graph().parse(path)
    note = result.stderr.strip()
    assert len(note.splitlines()) == 1 and note.startswith("kg: note:")
    assert "graph.html no longer shows graph.ttl" in note and f"kg render {path}" in note
    assert "records.jsonl has no inferred triples" in note and "--infer" in note
    assert not (tmp_path / "graph.inferred.ttl").exists()


def test_cli_infer_in_place_alone_or_by_its_own_name(tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_text(to_turtle(build_graph([extraction()])), encoding="utf-8")
    result = CliRunner().invoke(cli, ["infer", str(path), "--in-place"])
    assert result.exit_code == 0 and not result.stderr  # nothing beside it to go stale
    (tmp_path / "g.html").write_text("<!DOCTYPE html>")
    result = CliRunner().invoke(cli, ["infer", str(path), "-o", str(path)])  # -o GRAPH is in place too
    assert result.exit_code == 0 and "g.html no longer shows g.ttl" in result.stderr
    assert "records.jsonl" not in result.stderr  # the records describe a build's graph.ttl only


def test_cli_infer_takes_one_destination(tmp_path: Path) -> None:
    path = tmp_path / "g.ttl"
    path.write_text(to_turtle(build_graph([extraction()])), encoding="utf-8")
    result = CliRunner().invoke(cli, ["infer", str(path), "--in-place", "-o", str(tmp_path / "x.ttl")])
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "-o FILE or --in-place" in result.stderr
