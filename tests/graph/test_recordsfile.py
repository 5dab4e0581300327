"""records.jsonl lines: what a build writes beside its graph and ``--update`` reads back."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from kg.graph.recordsfile import GRAPH, RECORDS, dump_records, load_records, record_line
from kg.records import Document, Entity, Extraction, Mention, Relation

TEXT = "Norwind accused Ana Quist. She denied it."
NORWIND = "http://example.org/kg/resource/Organization/norwind"
QUIST = "http://example.org/kg/resource/Person/ana_quist"


def _extraction() -> Extraction:
    return Extraction(
        Document("d1", TEXT, title="Norwind", date=None, url="https://example.org/a", source="a.txt"),
        (
            Mention(0, 7, "Norwind", "Organization", NORWIND),
            Mention(16, 25, "Ana Quist", "Person", QUIST),
            Mention(27, 30, "She", "Person", QUIST, kind="reference"),
        ),
        (
            Entity(NORWIND, "Norwind", "Organization"),
            Entity(QUIST, "Ana Quist", "Person", ("Quist",), (("Quist", "surname"),)),
        ),
        (Relation(0, 1, "accuses", 0.9, "rule:accuse-verb", 0, 26, detail=None, date="2026-01-02"),),
    )


def test_a_record_line_holds_every_field_of_the_extraction() -> None:
    ex = _extraction()
    line = json.loads(record_line(ex))
    assert line["document"] == asdict(ex.document)
    assert line["mentions"] == [asdict(m) for m in ex.mentions]
    assert line["entities"][1]["alias_rules"] == [["Quist", "surname"]]
    assert line["relations"][0]["date"] == "2026-01-02" and line["relations"][0]["detail"] is None


def test_records_read_back_are_the_extractions_written(tmp_path: Path) -> None:
    ex = _extraction()
    graph = "<x> a <http://example.org/kg/ontology#KnowledgeGraph> .\n"
    (tmp_path / GRAPH).write_text(graph, encoding="utf-8")
    (tmp_path / RECORDS).write_text(dump_records([ex]), encoding="utf-8")
    assert load_records(tmp_path) == {"d1": ex}
