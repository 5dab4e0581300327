"""Where extraction runs: ``local`` (this machine's processes) or ``dask`` (a Dask cluster).

Every engine takes the stream of documents the driver reads and gives back their extractions in
the input order, so the graph built from them is the same whichever engine made them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.config import DEFAULT_MODEL
from kg.errors import KGError
from kg.records import Document, Extraction, Skipped

ENGINES = ("local", "dask")


class EngineError(KGError):
    """An engine cannot run: no scheduler given or reachable, or the cluster lost the work."""


def extract_with(
    engine: str,
    documents: Iterable[Document],
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    scheduler: str | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[Extraction]:
    """Extract ``documents`` on ``engine``; documents a worker could not extract go to ``skipped``."""
    if engine == "local":
        if scheduler:
            raise EngineError("--scheduler is for --engine dask; the local engine runs on this machine")
        from kg.parallel import extract_parallel

        return extract_parallel(documents, model=model, workers=workers)
    if engine == "dask":
        from kg.engines.dask import extract_dask

        return extract_dask(documents, scheduler, model=model, skipped=skipped)
    raise EngineError(f"no engine {engine!r}; the engines are: {', '.join(ENGINES)}")
