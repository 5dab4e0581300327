"""Where extraction runs: ``local`` (this machine's processes) or ``dask`` (a Dask cluster).

Every engine takes the stream of documents the driver reads and gives back their extractions in
the input order, so the graph built from them is the same whichever engine made them.

This module drives them (``extract_with``, ``stream_paths``); ``local`` (a process pool),
``dask`` (shards on a cluster) and ``stream`` (the streaming build into Oxigraph) never import
it back. ``EngineError`` lives in :mod:`kg.errors` and is importable from here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg.config import DEFAULT_HTML_READER, DEFAULT_MODEL
from kg.errors import EngineError as EngineError  # also importable from here

if TYPE_CHECKING:  # annotations only: kg --help and kg query import this module for ENGINES
    from kg.engines.stream import StreamResult
    from kg.records import Document, Extraction, Skipped

ENGINES = ("local", "dask")


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
        from kg.engines.local import extract_parallel

        return extract_parallel(documents, model=model, workers=workers, skipped=skipped)
    if engine == "dask":
        from kg.engines.dask import extract_dask

        return extract_dask(documents, scheduler, model=model, skipped=skipped)
    raise EngineError(f"no engine {engine!r}; the engines are: {', '.join(ENGINES)}")


def stream_paths(
    engine: str,
    inputs: Sequence[str | Path],
    out: Path,
    store_dir: Path,
    title: str,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    scheduler: str | None = None,
    progress: Callable[[Extraction], None] | None = None,
    html_reader: str = DEFAULT_HTML_READER,
    follow_symlinks: bool = False,
) -> StreamResult:
    """Read the inputs here, extract them on ``engine`` and stream the records into ``out`` and
    the quads into the Oxigraph store in ``store_dir`` (see :func:`kg.engines.stream.stream_build`)."""
    from kg.engines.stream import stream_build
    from kg.io import iter_documents

    skipped: list[Skipped] = []
    count = 0

    def documents() -> Iterator[Document]:
        nonlocal count
        for doc in iter_documents(inputs, skipped, html_reader, follow_symlinks):
            count += 1
            yield doc

    extractions = extract_with(engine, documents(), model, workers, scheduler, skipped)
    result = stream_build(extractions, out, store_dir, title, progress=progress)
    result.documents, result.skipped = count, skipped
    return result


def build_paths_streaming(
    inputs: Sequence[str | Path],
    out: Path,
    store_dir: Path,
    title: str,
    model: str,
    workers: int = 1,
    progress: Callable[[Extraction], None] | None = None,
) -> StreamResult:
    """Read, extract (here, with ``workers`` processes) and stream the inputs into ``out`` and
    ``store_dir``: :func:`kg.engines.stream_paths` on the local engine."""
    return stream_paths("local", inputs, out, store_dir, title, model, workers, progress=progress)
