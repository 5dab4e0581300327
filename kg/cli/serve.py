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
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Stop a query after SECONDS (it then runs in a child process) and answer 503.",
)
@read_store_option
@handle_errors
def serve(
    graph: str | None,
    host: str,
    port: int,
    allow_remote: bool,
    timeout: float | None,
    store_spec: str | None,
) -> None:
    """Answer read-only SPARQL queries over GRAPH over HTTP (SPARQL 1.1 Protocol), with a page at /.

    Queries go to /sparql by GET or POST; answers in JSON, XML, CSV, TSV or Turtle by Accept.
    Example: kg serve outputs/graph.ttl --port 8000
    """
    from kg.serve.server import is_loopback, make_server
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

    def answer(text: str) -> QueryResult:
        return engine.query(text, timeout=timeout)

    try:
        server = make_server(answer, host, port, title=f"kg: {graph or store_spec}")
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
