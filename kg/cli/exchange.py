"""``kg export`` and ``kg push``: a graph file in other syntaxes, or sent to a Graph Store Protocol server."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.common import handle_errors
from kg.files import atomic_write


@click.command(name="export")
@click.argument("graph")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf"]),
    default="ttl",
    show_default=True,
    help="nq and trig keep one named graph per document; graphml and gexf hold the entities and "
    "their relations only (for Gephi, Neo4j, networkx).",
)
@click.option("-o", "--output", "output", default=None, help="Write here instead of stdout.")
@handle_errors
def export_(graph: str, fmt: str, output: str | None) -> None:
    """Write GRAPH in another RDF format, or its entity graph as GraphML or GEXF.

    Example: kg export outputs/graph.ttl --format gexf -o outputs/graph.gexf
    """
    from kg.exchange.export import export
    from kg.sparql.query import load_graph

    text = export(load_graph(graph), fmt)
    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write(Path(output), text)


@click.command()
@click.argument("graph")
@click.argument("url")
@click.option("--merge", is_flag=True, help="POST each graph (add to what the server holds) instead of PUT.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Give up on a request the server has not answered after SECONDS.",
)
@handle_errors
def push(graph: str, url: str, merge: bool, timeout: float) -> None:
    """Send GRAPH to a graph store (SPARQL 1.1 Graph Store HTTP Protocol), a named graph per document.

    Each document's graph is PUT to URL?graph=IRI and the rest to URL?default.
    Example: kg push outputs/graph.ttl http://localhost:7878/store
    """
    from kg.exchange.push import PushError, check_url
    from kg.exchange.push import push as push_graph
    from kg.sparql.query import load_graph

    check_url(url)
    try:
        report = push_graph(load_graph(graph), url, merge=merge, timeout=timeout)
    except PushError as exc:
        for line in exc.report.lines():
            click.echo(f"kg: {line}", err=True)
        raise
    click.echo(f"pushed {len(report.sent)} graphs, {report.triples} triples, to {url}")
