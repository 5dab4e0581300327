"""``kg query``: SPARQL over a graph file or a store, answers in the W3C formats or a table."""

from __future__ import annotations

import os
import re
import shutil
import sys
from typing import TYPE_CHECKING

import click

from kg.cli.common import handle_errors
from kg.errors import QueryError

if TYPE_CHECKING:
    from kg.sparql.stores import QueryEngine


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
@click.option(
    "--wide",
    is_flag=True,
    help="Print every table cell whole; by default, at a terminal, a table fits its width "
    "(long cells end in …).",
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and what they answer.")
@click.option(
    "--store",
    "store_spec",
    default=None,
    metavar="STORE",
    help="By default Oxigraph answers where its answer is rdflib's, rdflib otherwise. rdflib "
    "(always rdflib), oxigraph (always Oxigraph, in memory) or oxigraph:DIR (the on-disk store kg "
    "build --store oxigraph:DIR made; then leave GRAPH out).",
)
@handle_errors
def query(
    graph: str | None,
    query: str | None,
    fmt: str,
    binds: tuple[str, ...],
    timeout: float | None,
    wide: bool,
    list_queries: bool,
    store_spec: str | None,
) -> None:
    """Run a SPARQL SELECT, ASK or CONSTRUCT over GRAPH; QUERY is the text, a .rq file or a named query.

    GRAPH is a graph file, or oxigraph:DIR for a store made by kg build --store oxigraph:DIR.
    Example: kg query outputs/graph.ttl entity-profile --bind name=Corvane
    """
    # neither rdflib nor its SPARQL parser unless the query needs them (kg.sparql.quick)
    from kg.sparql.results import format_result
    from kg.sparql.text import list_named_queries, parse_bindings, resolve_query

    if list_queries:
        named = list_named_queries()
        width = max((len(name) for name in named), default=0)
        for name, description in named.items():
            click.echo(f"{name:<{width}}  {description}")
        return
    if store_spec is not None and query is None:
        from kg.sparql.stores import parse_store

        if parse_store(store_spec).path is not None:
            graph, query = "", graph  # kg query --store oxigraph:DIR QUERY
    if graph is None or query is None:
        raise QueryError("GRAPH and QUERY are required (or --list for the named queries)")
    bindings = parse_bindings(binds)
    text = resolve_query(query)
    engine = open_engine(graph, store_spec)
    try:
        result = engine.query(text, bindings=bindings, timeout=timeout)
        if result.kind == "SELECT" and not result.rows:
            warn_unwritten(engine, text)
        out = format_result(result, fmt, table_columns(wide))
    finally:
        engine.close()
    sys.stdout.write(out if out.endswith("\n") else out + "\n")


def warn_unwritten(engine: QueryEngine, text: str) -> None:
    """No rows from a query that reads what only newer builds write (``# needs: <IRI>`` in its
    header, as ``most-connected`` reads ``kg:degreeRank``) over a graph without it: say so on
    stderr, so that a graph from an older kg does not look empty."""
    for iri in re.findall(r"^# needs: <([^>]+)>", text, re.MULTILINE):
        if not engine.query(f"ASK {{ ?s <{iri}> ?o }}").boolean:
            click.echo(
                f"kg: warning: the query reads <{iri}>, which this graph lacks (built by an older kg?): "
                "build it again, e.g. kg build INPUT --out OUT --update",
                err=True,
            )


def open_engine(graph: str, store_spec: str | None) -> QueryEngine:
    """``--store`` as given; without it, a graph file goes to :class:`kg.sparql.quick.QuickEngine`
    (Oxigraph where it answers as rdflib would, rdflib otherwise)."""
    if store_spec is None and not graph.startswith("oxigraph:"):
        from kg.sparql.quick import QuickEngine

        return QuickEngine(graph)
    from kg.sparql.stores import open_store

    return open_store(graph, store_spec)


def table_columns(wide: bool) -> int | None:
    """How wide a table may be: the terminal's width at a terminal, or ``COLUMNS`` when set;
    no limit with ``--wide`` or when the output goes to a file or another program."""
    if wide or not (os.environ.get("COLUMNS") or sys.stdout.isatty()):
        return None
    return shutil.get_terminal_size().columns
