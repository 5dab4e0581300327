"""The extraction records of a built graph, kept beside it so that it can be updated.

``DIR/records.jsonl``: a header line, then one line per document (its text, mentions, entities,
relations and content hash), sorted by document id (in input order when a streaming build
wrote it as the documents came). The graph is a pure function of these
records, so adding documents in two batches gives the same graph as one build.

The header names the ``graph.ttl`` the records were written with (its SHA-256, ``"graph"``);
a store ``kg build --store`` made carries the same digest, which is how ``kg query`` and
``kg serve`` tell a store that does not match the files beside it (kg.sparql.stores.mark).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path
from typing import Any

from kg import __version__
from kg.errors import InputError
from kg.graph.build import content_hash
from kg.ontology import ontology_version
from kg.records import Document, Entity, Extraction, Mention, Relation

RECORDS = "records.jsonl"
GRAPH = "graph.ttl"
PAGE = "graph.html"
FORMAT = "kg-records/1"
UNKNOWN_GRAPH = "0" * 64  # the digest's place, filled in once the streaming build knows it


def graph_digest(turtle: bytes) -> str:
    """What the records header and a store's mark name a ``graph.ttl`` by."""
    return hashlib.sha256(turtle).hexdigest()


def records_header(graph: str = UNKNOWN_GRAPH) -> str:
    """The first line of ``records.jsonl``; ``graph`` is :func:`graph_digest` of its graph.ttl
    (the same length whatever the digest, so a streamed file can have it written in later)."""
    header = {
        "format": FORMAT,
        "ontology_version": ontology_version(),
        "kg_version": __version__,
        "graph": graph,
    }
    return json.dumps(header)


def read_header(path: Path) -> dict[str, Any]:
    """The header of the records file ``path``; empty if it cannot be read or is not one."""
    try:
        with path.open(encoding="utf-8") as handle:
            header = json.loads(handle.readline())
    except (OSError, ValueError):
        return {}
    return header if isinstance(header, dict) and header.get("format") == FORMAT else {}


def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_DOCUMENT, _MENTION, _ENTITY, _RELATION = (_fields(c) for c in (Document, Mention, Entity, Relation))


def record_line(ex: Extraction) -> str:
    """One document's line of ``records.jsonl`` (without its line break). The records' fields
    hold strings, numbers and tuples of them, which ``json`` writes as it would their copies by
    ``dataclasses.asdict``; that deep copy took five sixths of the time here."""
    return json.dumps(
        {
            "document": {k: getattr(ex.document, k) for k in _DOCUMENT},
            "hash": content_hash(ex.document.text),
            "mentions": [{k: getattr(m, k) for k in _MENTION} for m in ex.mentions],
            "entities": [{k: getattr(e, k) for k in _ENTITY} for e in ex.entities],
            "relations": [{k: getattr(r, k) for k in _RELATION} for r in ex.relations],
        },
        ensure_ascii=False,
    )


def dump_records(extractions: Iterable[Extraction], graph: str = UNKNOWN_GRAPH) -> str:
    lines = [records_header(graph)]
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
