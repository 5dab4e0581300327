"""kg validate: graphs kg builds conform; hand-edited graphs that break the shapes do not."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.cli import cli
from kg.graph.build import build_graph, to_turtle
from kg.graph.validate import validate_graph
from kg.iri import entity_iri
from kg.ontology import KG
from kg.records import Document, Entity, Extraction, Mention, Relation
from tests.graph.test_graph import sample

ACME = URIRef(entity_iri("Company", "Acme Corp"))
BOLT = URIRef(entity_iri("Company", "Bolt Ltd"))


def test_a_built_graph_conforms() -> None:
    assert validate_graph(build_graph([sample(), sample("b.txt")])).conforms


def test_the_examples_graph_conforms(tmp_path: Path) -> None:
    from kg.api import build
    from tests.conftest import EXAMPLES

    result = validate_graph(build([EXAMPLES]).graph)
    assert result.conforms, result.report


def _broken(edit: str):  # type: ignore[no-untyped-def]
    g = build_graph([sample()])
    if edit == "two labels":
        g.add((ACME, RDFS.label, Literal("Acme")))
    elif edit == "no class":
        g.remove((BOLT, RDF.type, None))
        g.add((BOLT, RDF.type, KG.Entity))
    elif edit == "relation without provenance":
        g.add((BOLT, KG.urges, ACME))
    elif edit == "range violated":
        g.add((ACME, KG.basedIn, BOLT))  # a company is not a place
    elif edit == "confidence out of range":
        for node in g.subjects(RDF.type, KG.RelationMention):
            g.set((node, KG.confidence, Literal(1.5)))
    return g


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ("two labels", "exactly one non-empty rdfs:label"),
        ("no class", "exactly one class"),
        ("relation without provenance", "has no kg:RelationMention"),
        ("range violated", "must be a Place"),
        ("confidence out of range", "MaxInclusive"),
    ],
)
def test_hand_edits_that_break_the_shapes_are_reported(edit: str, message: str) -> None:
    result = validate_graph(_broken(edit))
    assert not result.conforms
    assert result.violations >= 1
    assert message in result.report


def test_cli_exit_codes_and_report(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.ttl", tmp_path / "bad.ttl"
    good.write_text(to_turtle(build_graph([sample()])), encoding="utf-8")
    bad.write_text(to_turtle(_broken("relation without provenance")), encoding="utf-8")
    ok = CliRunner().invoke(cli, ["validate", str(good)])
    assert ok.exit_code == 0 and "conforms" in ok.stdout
    ko = CliRunner().invoke(cli, ["validate", str(bad)])
    assert ko.exit_code == 1
    assert "has no kg:RelationMention" in ko.stdout
    assert "does not conform" in ko.stderr
    missing = CliRunner().invoke(cli, ["validate", str(tmp_path / "none.ttl")])
    assert missing.exit_code == 2


def _states(acts: tuple[str, str, str, str]) -> Graph:
    """ "Norland urged Kestria to act.": two entities of the given classes and one relation."""
    head_class, relation, tail_class, _ = acts
    text = "Norland urged Kestria to act."
    norland = Entity(entity_iri(head_class, "Norland"), "Norland", head_class)
    kestria = Entity(entity_iri(tail_class, "Kestria"), "Kestria", tail_class)
    mentions = (
        Mention(0, 7, "Norland", head_class, norland.iri),
        Mention(14, 21, "Kestria", tail_class, kestria.iri),
    )
    rel = Relation(0, 1, relation, 0.8, "rule:urge-verb", 0, len(text))
    return build_graph([Extraction(Document("s.txt", text), mentions, (norland, kestria), (rel,))])


@pytest.mark.parametrize(
    "acts",
    [
        ("GeopoliticalEntity", "urges", "GeopoliticalEntity", ""),
        ("GeopoliticalEntity", "accuses", "Company", ""),
        ("Company", "accuses", "GeopoliticalEntity", ""),
        ("GeopoliticalEntity", "respondsTo", "Person", ""),
        ("GeopoliticalEntity", "alliedWith", "GeopoliticalEntity", ""),
        ("GeopoliticalEntity", "cooperatesWith", "Company", ""),
        ("GeopoliticalEntity", "memberOf", "GovernmentAgency", ""),
        ("Company", "basedIn", "GeopoliticalEntity", ""),
        ("GeopoliticalEntity", "locatedIn", "Place", ""),
        ("Person", "livesIn", "GeopoliticalEntity", ""),
        ("Place", "accuses", "Company", "must be a GeopoliticalEntity"),  # a region does not act
        ("Company", "urges", "Place", "must be a GeopoliticalEntity"),
        ("Place", "memberOf", "GovernmentAgency", "must be a GeopoliticalEntity"),
        ("Person", "worksFor", "GeopoliticalEntity", "must be an Organization"),
        ("GeopoliticalEntity", "basedIn", "Place", "must be an Organization"),
    ],
)
def test_states_act_and_regions_do_not(acts: tuple[str, str, str, str]) -> None:
    result = validate_graph(_states(acts))
    message = acts[3]
    assert result.conforms == (not message), result.report
    assert message in result.report
