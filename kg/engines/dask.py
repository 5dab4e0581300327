"""Extraction on a Dask distributed cluster: the driver reads and shards, workers extract.

The driver streams documents from the inputs (reading, and skipping unreadable files, stays
here), cuts them into shards and submits each shard as one task. A worker runs kg's whole
extraction on it with the spaCy pipeline it loaded once (``load_pipeline`` is cached per
process) and sends back the records. Results are taken as they complete, held until every
earlier shard is in, and yielded in input order, so the graph equals a one-machine build. At
most ``in_flight`` shards are submitted or held at once, so the driver's memory stays bounded
however big the corpus. A shard whose worker dies is run again on another worker by the
scheduler; a document that makes extraction raise comes back as a ``Skipped`` record.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from kg.config import DEFAULT_MODEL
from kg.engines.local import chunks, set_aside
from kg.errors import EngineError
from kg.records import Document, Extraction, Skipped

SHARD_SIZE = 64
CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler


def extract_shard(shard: list[Document], model: str) -> list[Extraction | Skipped]:
    """Run on a worker: the extractions of a shard, or a ``Skipped`` for a document that fails."""
    from kg.engines.local import extract_chunk
    from kg.extract import load_pipeline

    load_pipeline(model)  # cached: once per worker process
    return extract_chunk(shard, model, where=" on a Dask worker")


def connect(scheduler: str | None, timeout: float | None = None):  # type: ignore[no-untyped-def]
    """A ``distributed.Client`` on ``scheduler``; ``EngineError`` if none is given or reachable."""
    if not scheduler:
        raise EngineError(
            "--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786); "
            "start one with: dask scheduler"
        )
    try:
        from distributed import Client
    except ImportError:
        raise EngineError("--engine dask needs Dask: pip install 'kg[dask]'") from None
    try:
        return Client(scheduler, timeout=timeout or CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        first = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {first}") from None


def extract_dask(
    documents: Iterable[Document],
    scheduler: str | None,
    model: str = DEFAULT_MODEL,
    shard_size: int = SHARD_SIZE,
    in_flight: int | None = None,
    skipped: list[Skipped] | None = None,
) -> Iterator[Extraction]:
    """Like ``kg.extract.extract``, on the cluster at ``scheduler``; streams, in input order.

    ``in_flight`` bounds the shards submitted but not yet yielded (default: two per worker
    thread, at least four)."""
    from distributed import KilledWorker, as_completed
    from distributed.client import FutureCancelledError

    sink: list[Skipped] = [] if skipped is None else skipped
    client = connect(scheduler)
    try:
        threads = sum(client.nthreads().values())
        window = in_flight or max(4, 2 * threads)
        run = uuid.uuid4().hex[:8]  # task keys unique to this build
        shards = enumerate(chunks(documents, shard_size))
        pending: dict[str, int] = {}  # task key -> shard number
        held: dict[int, list[Extraction | Skipped]] = {}  # done, waiting for an earlier shard
        following = 0

        def fill() -> list[Any]:
            futures: list[Any] = []
            while len(pending) + len(held) + len(futures) < window:
                item = next(shards, None)
                if item is None:
                    break
                number, shard = item
                futures.append(client.submit(extract_shard, shard, model, key=f"kg-shard-{run}-{number}"))
                pending[futures[-1].key] = number
            return futures

        done = as_completed(fill(), loop=client.loop)
        for future in done:
            try:
                held[pending.pop(future.key)] = future.result()
            except (KilledWorker, FutureCancelledError, OSError) as exc:
                raise EngineError(f"the Dask cluster lost a shard: {exc}") from None
            future.release()
            while following in held:
                yield from set_aside(held.pop(following), sink)
                following += 1
            for new in fill():
                done.add(new)
    finally:
        client.close()
