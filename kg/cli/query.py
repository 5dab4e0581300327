"""``kg query``: SPARQL over a graph file or a store, answers in the W3C formats or a table."""

from __future__ import annotations

import sys

import click

from kg.cli.common import handle_errors, read_store_option
from kg.errors import QueryError


@click.command()
@click.argument("graph", required=False)
@click.argument("query", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "turtle", "nt"]),
    default="table",
    show_default=True,
    help="table for people; csv, tsv, json are the W3C SPARQL 1.1 result formats; "
    "turtle and nt for CONSTRUCT.",
)
@click.option(
    "--bind",
    "binds",
    multiple=True,
    metavar="VAR=VALUE",
    help="Give ?VAR a value before the query runs (repeatable). <iri>, http(s)://, urn: and "
    "prefix:name (kg:Company, org:acme) are IRIs; anything else is a plain literal.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Stop the query after SECONDS (it then runs in a child process) and exit 2.",
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and what they answer.")
@read_store_option
@handle_errors
def query(
    graph: str | None,
    query: str | None,
    fmt: str,
    binds: tuple[str, ...],
    timeout: float | None,
    list_queries: bool,
    store_spec: str | None,
) -> None:
    """Run a SPARQL SELECT, ASK or CONSTRUCT over GRAPH; QUERY is the text, a .rq file or a named query.

    GRAPH is a graph file, or oxigraph:DIR for a store made by kg build --store oxigraph:DIR.
    Example: kg query outputs/graph.ttl entity-profile --bind name=Corvane
    """
    from kg.sparql.query import format_result, list_named_queries, parse_bindings, resolve_query
    from kg.sparql.stores import open_store, parse_store

    if list_queries:
        named = list_named_queries()
        width = max((len(name) for name in named), default=0)
        for name, description in named.items():
            click.echo(f"{name:<{width}}  {description}")
        return
    if store_spec is not None and parse_store(store_spec).path is not None and query is None:
        graph, query = "", graph  # kg query --store oxigraph:DIR QUERY
    if graph is None or query is None:
        raise QueryError("GRAPH and QUERY are required (or --list for the named queries)")
    bindings = parse_bindings(binds)
    text = resolve_query(query)
    engine = open_store(graph, store_spec)
    try:
        out = format_result(engine.query(text, bindings=bindings, timeout=timeout), fmt)
    finally:
        engine.close()
    sys.stdout.write(out if out.endswith("\n") else out + "\n")
