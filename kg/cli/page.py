"""``kg render``: the interactive page of a graph file, or of what a query picks from it."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.common import handle_errors
from kg.errors import InputError
from kg.files import atomic_write


@click.command()
@click.argument("graph")
@click.option(
    "-o",
    "--output",
    "output",
    default=None,
    help="HTML file to write; required with --query (default: GRAPH with .html for its extension).",
)
@click.option("--query", "query_text", default=None, help="Draw only what this SELECT or CONSTRUCT returns.")
@click.option(
    "--max-nodes",
    type=int,
    default=None,
    help="Keep only the N most important entities (PageRank) and the relations among them.",
)
@click.option("--title", default=None, help="Heading of the page (default: the graph file's name).")
@handle_errors
def render(
    graph: str, output: str | None, query_text: str | None, max_nodes: int | None, title: str | None
) -> None:
    """Write GRAPH, or the part of it a SPARQL query returns, as an interactive HTML page.

    The page works offline: search, filters by class and relation, a node's neighbourhood.
    Example: kg render outputs/graph.ttl --query "SELECT ?a ?b WHERE { ?a kg:accuses ?b }" -o accusations.html
    """
    from kg.page.render import render_html
    from kg.page.subgraph import query_subgraph
    from kg.sparql.query import load_graph, resolve_query, run_query

    if max_nodes is not None and max_nodes < 1:
        raise InputError(f"--max-nodes must be at least 1, not {max_nodes}")
    if query_text is not None and output is None:
        raise InputError("--query needs -o FILE, so that the page of the whole graph is not replaced")
    text = resolve_query(query_text) if query_text is not None else None
    g = load_graph(graph)
    if text is not None:
        g = query_subgraph(g, run_query(g, text))
    target = Path(output) if output else Path(graph).with_suffix(".html")
    html = render_html(g, title=title or f"kg: {Path(graph).name}", max_nodes=max_nodes)
    atomic_write(target, html)
    click.echo(f"wrote {target}")
