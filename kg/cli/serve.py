"""``kg serve``: a read-only SPARQL endpoint and query page over a graph file or a store."""

from __future__ import annotations

import signal
from typing import Any

import click

from kg.cli.common import handle_errors, read_store_option
from kg.errors import InputError


@click.command()
@click.argument("graph", required=False)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on; 0 picks a free one (the URL is printed).",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a --host other machines can reach (0.0.0.0, a LAN address): anyone there can read the graph.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="Stop a query still running after SECONDS and answer 503; 0: no deadline.",
)
@click.option(
    "--workers",
    type=click.IntRange(0, 64),
    default=4,
    show_default=True,
    help="Query worker processes (slow queries do not hold up others); 0: one query at a time.",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=0),
    default=100_000,
    show_default=True,
    metavar="N",
    help="Answer 503 instead of an answer of over N rows (or triples); 0: no bound.",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=0),
    default=1024,
    show_default=True,
    metavar="MB",
    help="Stop a query whose worker grows by over MB MiB and answer 503; 0: no bound.",
)
@read_store_option
@handle_errors
def serve(
    graph: str | None,
    host: str,
    port: int,
    allow_remote: bool,
    timeout: float,
    workers: int,
    max_rows: int,
    max_memory: int,
    store_spec: str | None,
) -> None:
    """Answer read-only SPARQL queries over GRAPH over HTTP (SPARQL 1.1 Protocol), with a page at /.

    Queries go to /sparql by GET or POST; answers in JSON, XML, CSV, TSV or Turtle by Accept.
    Each query runs in one of --workers processes forked once the graph is loaded, within a
    deadline (--timeout, 30 s by default), a memory bound and a row bound (503 when over); a
    query whose client hangs up is stopped.

    Example: kg serve outputs/graph.ttl --port 8000 --timeout 10
    """
    from kg.serve.server import Limits, is_loopback, make_server
    from kg.sparql.results import QueryResult
    from kg.sparql.stores import open_store, parse_store

    if not is_loopback(host):
        if not allow_remote:
            raise InputError(
                f"--host {host} can be reached from other machines, which could then read the graph; "
                "add --allow-remote to mean it, or leave --host at 127.0.0.1"
            )
        click.echo(f"kg: warning: listening on {host}: anyone who can reach it can read the graph", err=True)
    if graph is None:
        if store_spec is None or parse_store(store_spec).path is None:
            raise InputError("GRAPH is required (or --store oxigraph:DIR for a store on disk)")
        graph = ""
    engine = open_store(graph, store_spec)

    deadline = timeout or None
    limits = Limits(deadline, workers, max_rows or None, max_memory or None)

    def answer(text: str) -> QueryResult:
        # in a worker the pool keeps the deadline; without workers a deadline forks per query
        return engine.query(text, timeout=None if workers else deadline)

    try:
        server = make_server(answer, host, port, title=f"kg: {graph or store_spec}", limits=limits)
    except OSError as exc:
        engine.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    click.echo(f"kg serve: {server.url} (page at {server.url.removesuffix('/sparql')}/); Ctrl-C stops")

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # a service manager's stop is a Ctrl-C too
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("kg serve: stopped", err=True)
    finally:
        server.server_close()
        engine.close()
