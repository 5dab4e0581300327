"""Extraction over several processes: each worker parses and extracts a chunk of documents.

spaCy's own ``n_process`` parallelizes only the parse, leaving kg's rules and classifier to the
parent process; a pool whose workers run the whole of ``extract`` on a chunk scales with the
cores instead (see ``bench/throughput.py``). Chunks come back in input order, so the output is
the same as with one process.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice

from kg.config import DEFAULT_MODEL
from kg.records import Document, Extraction, Skipped

_MODEL = DEFAULT_MODEL
CHUNK_SIZE = 32


def extract_chunk(chunk: list[Document], model: str, where: str = "") -> list[Extraction | Skipped]:
    """The extractions of a chunk, in order; a document whose extraction raises is a ``Skipped``
    record instead (the chunk is then extracted again one document at a time), so one odd document
    never stops a build of thousands."""
    from kg.extract import extract

    try:
        return list(extract(chunk, model=model))
    except Exception:
        pass
    out: list[Extraction | Skipped] = []
    for doc in chunk:
        try:
            out.extend(extract([doc], model=model))
        except Exception as exc:
            reason = f"extraction failed{where}: {type(exc).__name__}: {exc}"
            out.append(Skipped(doc.source or doc.id, reason[:300]))
    return out


def _init(model: str) -> None:
    global _MODEL
    _MODEL = model
    from kg.extract import load_pipeline

    load_pipeline(model)  # once per worker, before the first chunk


def _run(chunk: list[Document]) -> list[Extraction | Skipped]:
    return extract_chunk(chunk, _MODEL)


def set_aside(results: list[Extraction | Skipped], skipped: list[Skipped]) -> Iterator[Extraction]:
    """The extractions of ``results``; the ``Skipped`` records among them go to ``skipped``."""
    for item in results:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            yield item


def chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of ``size`` documents (the last may be shorter), drawn lazily."""
    it = iter(documents)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_parallel(
    documents: Iterable[Document],
    model: str = DEFAULT_MODEL,
    workers: int = 2,
    chunk_size: int = CHUNK_SIZE,
    skipped: list[Skipped] | None = None,
) -> Iterator[Extraction]:
    """Like ``kg.extract.extract`` with ``workers`` processes; streams, in input order. A document
    whose extraction raises goes to ``skipped`` and the rest goes on (``extract_chunk``).

    At most about ``2 * workers`` chunks are in flight, so memory stays bounded however many
    documents come in."""
    sink: list[Skipped] = [] if skipped is None else skipped
    pieces = chunks(documents, chunk_size)
    if workers <= 1:
        for chunk in pieces:
            yield from set_aside(extract_chunk(chunk, model), sink)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_init, initargs=(model,)) as pool:
        pending = [pool.apply_async(_run, (c,)) for c in islice(pieces, 2 * workers)]
        while pending:
            done = pending.pop(0).get()
            nxt = next(pieces, None)
            if nxt is not None:
                pending.append(pool.apply_async(_run, (nxt,)))
            yield from set_aside(done, sink)
