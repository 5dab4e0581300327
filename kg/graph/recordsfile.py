"""The extraction records of a built graph, kept beside it so that it can be updated.

``DIR/records.jsonl``: a header line, then one line per document (its text, mentions, entities,
relations and content hash), sorted by document id (in input order when a streaming build
wrote it as the documents came). The graph is a pure function of these
records, so adding documents in two batches gives the same graph as one build.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kg import __version__
from kg.errors import InputError
from kg.graph.build import content_hash
from kg.ontology import ontology_version
from kg.records import Document, Entity, Extraction, Mention, Relation

RECORDS = "records.jsonl"
GRAPH = "graph.ttl"
FORMAT = "kg-records/1"


def records_header() -> str:
    header = {"format": FORMAT, "ontology_version": ontology_version(), "kg_version": __version__}
    return json.dumps(header)


def record_line(ex: Extraction) -> str:
    """One document's line of ``records.jsonl`` (without its line break)."""
    return json.dumps(
        {
            "document": asdict(ex.document),
            "hash": content_hash(ex.document.text),
            "mentions": [asdict(m) for m in ex.mentions],
            "entities": [asdict(e) for e in ex.entities],
            "relations": [asdict(r) for r in ex.relations],
        },
        ensure_ascii=False,
    )


def dump_records(extractions: Iterable[Extraction]) -> str:
    lines = [records_header()]
    lines += [record_line(ex) for ex in sorted(extractions, key=lambda e: e.document.id)]
    return "\n".join(lines) + "\n"


def _extraction(data: dict[str, Any]) -> Extraction:
    return Extraction(
        Document(**data["document"]),
        tuple(Mention(**m) for m in data["mentions"]),
        tuple(
            Entity(
                **{
                    **e,
                    "aliases": tuple(e["aliases"]),
                    "alias_rules": tuple(tuple(r) for r in e.get("alias_rules", ())),
                }
            )
            for e in data["entities"]
        ),
        tuple(Relation(**r) for r in data["relations"]),
    )


def load_records(out_dir: Path) -> dict[str, Extraction]:
    """The records of the graph in ``out_dir``; InputError if it is not a kg graph of this ontology."""
    graph, records = out_dir / GRAPH, out_dir / RECORDS
    if not graph.is_file():
        raise InputError(f"--update: no graph to update in {str(out_dir)!r} (missing {GRAPH})")
    head = graph.read_text(encoding="utf-8", errors="replace")[:200_000]
    if "kg:KnowledgeGraph" not in head and "ontology#KnowledgeGraph" not in head:
        raise InputError(f"--update: {str(graph)!r} is not a graph built by kg")
    if not records.is_file():
        raise InputError(
            f"--update: {str(out_dir)!r} has no {RECORDS}; rebuild it with kg build without --update"
        )
    out: dict[str, Extraction] = {}
    with records.open(encoding="utf-8") as handle:
        try:
            header = json.loads(handle.readline())
        except ValueError:
            header = {}
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise InputError(f"--update: {str(records)!r} is not a kg records file")
        if header.get("ontology_version") != ontology_version():
            raise InputError(
                f"--update: {str(out_dir)!r} was built with ontology version "
                f"{header.get('ontology_version')!r}, this kg uses {ontology_version()!r}; rebuild it"
            )
        for number, line in enumerate(handle, start=2):
            try:
                ex = _extraction(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"--update: {records}:{number}: damaged record ({exc})") from None
            out[ex.document.id] = ex
    return out
