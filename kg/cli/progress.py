"""A progress bar on stderr for long builds: documents, words/s, statements read, ETA.

Statements are relations read from sentences, as the summary counts them; entities and distinct
relations are known only once documents are merged, so the summary gives them at the end.

Shown only when stderr is a terminal and not under CI, so pipes, logs and CI stay quiet.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from kg.records import Extraction


def wanted() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def build_progress(
    inputs: Sequence[str | Path], follow_symlinks: bool = False
) -> Iterator[Callable[[Extraction], None] | None]:
    """A callback to give each extraction to, or None when no bar should be shown."""
    if not wanted():
        yield None
        return
    from tqdm import tqdm

    from kg.io import count_documents

    bar = tqdm(
        total=count_documents(inputs, follow_symlinks), unit="doc", file=sys.stderr, dynamic_ncols=True
    )
    started, words, statements = time.perf_counter(), 0, 0

    def update(ex: Extraction) -> None:
        nonlocal words, statements
        words += len(ex.document.text.split())
        statements += len(ex.relations)
        rate = words / max(time.perf_counter() - started, 1e-9)
        bar.set_postfix_str(f"{rate:,.0f} words/s, {statements:,} statements", refresh=False)
        bar.update(1)

    try:
        yield update
    finally:
        bar.close()
