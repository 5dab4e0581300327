"""``kg validate`` and ``kg infer``: a graph file checked against the shapes, or completed by the ontology."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.common import handle_errors
from kg.files import atomic_write


@click.command()
@click.argument("graph")
@handle_errors
def validate(graph: str) -> None:
    """Check GRAPH against the ontology's SHACL shapes; exit 1 with a report if it does not conform.

    Example: kg validate outputs/graph.ttl
    """
    from kg.graph.validate import validate_graph
    from kg.sparql.query import load_graph

    result = validate_graph(load_graph(graph))
    if not result.conforms:
        click.echo(result.report, nl=not result.report.endswith("\n"))
        click.echo(f"kg: {graph}: {result.summary()}", err=True)
        sys.exit(1)
    click.echo(f"{graph}: {result.summary()}")


@click.command()
@click.argument("graph")
@click.option("-o", "--output", "output", default=None, help="Write here instead of replacing GRAPH.")
@handle_errors
def infer(graph: str, output: str | None) -> None:
    """Add what the ontology implies (inverse, sub-property and symmetric relations) to GRAPH.

    Each implied triple gets a provenance record derived from the one it follows from.
    Example: kg infer outputs/graph.ttl -o outputs/graph-inferred.ttl
    """
    from kg.graph.build import to_turtle
    from kg.graph.infer import infer as run_inference
    from kg.sparql.query import load_graph

    before = load_graph(graph)
    after = run_inference(before)
    atomic_write(Path(output or graph), to_turtle(after))
    click.echo(f"{len(after) - len(before)} triples added, {len(after)} in all")
