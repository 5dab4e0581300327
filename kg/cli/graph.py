"""``kg validate`` and ``kg infer``: a graph file checked against the shapes, or completed by the ontology."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.common import handle_errors
from kg.errors import InputError
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
@click.option(
    "-o",
    "--output",
    "output",
    default=None,
    help="Write here (default: beside GRAPH, its name with .inferred.ttl, e.g. graph.inferred.ttl).",
)
@click.option("--in-place", is_flag=True, help="Replace GRAPH itself.")
@handle_errors
def infer(graph: str, output: str | None, in_place: bool) -> None:
    """Add what the ontology implies (inverse, sub-property and symmetric relations) to GRAPH.

    Each implied triple gets a provenance record derived from the one it follows from. GRAPH is
    left as it is unless --in-place is given.
    Example: kg infer outputs/graph.ttl (writes outputs/graph.inferred.ttl)
    """
    from kg.graph.build import to_turtle
    from kg.graph.infer import infer as run_inference
    from kg.sparql.query import load_graph

    if in_place and output is not None:
        raise InputError("give -o FILE or --in-place, not both")
    source = Path(graph)
    target = source if in_place else Path(output) if output else inferred_path(source)
    before = load_graph(graph)
    after = run_inference(before)
    atomic_write(target, to_turtle(after))
    click.echo(f"wrote {target}: {len(after) - len(before)} triples added, {len(after)} in all")
    if target.resolve() == source.resolve():
        stale = stale_note(source)
        if stale:
            click.echo(f"kg: note: {stale}", err=True)


def inferred_path(graph: Path) -> Path:
    """Where ``kg infer GRAPH`` writes by default: ``graph.ttl`` -> ``graph.inferred.ttl``."""
    return graph.with_name(f"{graph.stem}.inferred.ttl")


def stale_note(graph: Path) -> str:
    """What in GRAPH's folder no longer describes it once GRAPH is replaced, and how to redo it:
    its page (``kg render``) and, for a build's graph.ttl, the records ``kg build --update``
    rebuilds it from (they hold no inferred triple)."""
    from kg.graph.recordsfile import GRAPH, RECORDS

    parts = []
    page = graph.with_suffix(".html")
    if page.is_file():
        parts.append(f"{page} no longer shows {graph.name} (kg render {graph} draws it again)")
    records = graph.with_name(RECORDS)
    if graph.name == GRAPH and records.is_file():
        parts.append(
            f"{records} has no inferred triples (a later kg build --update {graph.parent} "
            "drops them unless given --infer)"
        )
    return "; ".join(parts)
