"""The endpoint run in a thread of the test process, shared by the serve tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from kg.serve.server import SparqlServer

TIMEOUT = 30  # seconds any one request may take


@contextmanager
def serving(server: SparqlServer) -> Iterator[SparqlServer]:
    """``server`` answering on a daemon thread until the block ends, then shut down and closed."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)
