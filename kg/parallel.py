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
from kg.records import Document, Extraction

_MODEL = DEFAULT_MODEL


def _init(model: str) -> None:
    global _MODEL
    _MODEL = model
    from kg.extract import load_pipeline

    load_pipeline(model)  # once per worker, before the first chunk


def _run(chunk: list[Document]) -> list[Extraction]:
    from kg.extract import extract

    return list(extract(chunk, model=_MODEL))


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_parallel(
    documents: Iterable[Document], model: str = DEFAULT_MODEL, workers: int = 2, chunk_size: int = 32
) -> Iterator[Extraction]:
    """Like ``kg.extract.extract`` with ``workers`` processes; streams, in input order.

    At most about ``2 * workers`` chunks are in flight, so memory stays bounded however many
    documents come in."""
    if workers <= 1:
        from kg.extract import extract

        yield from extract(documents, model=model)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(workers, initializer=_init, initargs=(model,)) as pool:
        chunks = _chunks(documents, chunk_size)
        pending = [pool.apply_async(_run, (c,)) for c in islice(chunks, 2 * workers)]
        while pending:
            done = pending.pop(0).get()
            nxt = next(chunks, None)
            if nxt is not None:
                pending.append(pool.apply_async(_run, (nxt,)))
            yield from done
