"""Which build a store on disk belongs to, so a store and the files beside it that do not match
are told apart.

``kg build --store oxigraph:DIR`` writes ``DIR/kg-build.json``: the SHA-256 of the ``graph.ttl``
built with the store, and where that build's ``records.jsonl`` is (relative to ``DIR``), whose
header names the same digest (kg.graph.recordsfile). The build renames the store into place
first and ``records.jsonl`` last, so the two name the same graph exactly when the store and
the three files come from one build. They do not if a build was killed in the few milliseconds
of its renames (the store is then the newer), or if the folder was rebuilt or updated since
without ``--store`` (the store is then the older); ``kg query`` and ``kg serve`` warn of both.
A store without a mark (made by :func:`kg.sparql.stores.write_oxigraph` alone, or by an older
kg) is not checked.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from kg.files import atomic_write

MARK = "kg-build.json"


def mark_store(folder: Path, store_dir: Path, records: Path, graph: str) -> None:
    """Write the mark into ``folder`` (the store's staging folder, to become ``store_dir``)."""
    where = os.path.relpath(records.resolve(), store_dir.resolve())
    atomic_write(folder / MARK, json.dumps({"graph": graph, "records": where}) + "\n")


def store_mismatch(store_dir: Path) -> str | None:
    """Why the store in ``store_dir`` does not match the files its build wrote, or None."""
    try:
        mark = json.loads((store_dir / MARK).read_text(encoding="utf-8"))
        records = Path(os.path.normpath(store_dir.resolve() / mark["records"]))
        graph = mark["graph"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        with records.open(encoding="utf-8") as handle:
            header = json.loads(handle.readline())
    except (OSError, ValueError):
        return None  # the build's files are gone or moved: nothing to compare with
    if isinstance(header, dict) and header.get("graph") == graph:
        return None
    return (
        f"the store {str(store_dir)!r} and the files in {str(records.parent)!r} come from different "
        "builds (one was stopped while switching them, or the folder was rebuilt without --store); "
        f"kg build with --store oxigraph:{store_dir} makes them one again"
    )
