"""The ``kg`` command: parse flags, call the library, write files, map errors to exit codes.

One module per group of commands (``build`` also has ``remove``; ``graph`` has ``validate`` and
``infer``; ``exchange`` has ``export`` and ``push``); each is a thin wrapper around the library,
and ``common`` holds what they share.
"""

from __future__ import annotations

import click

from kg import __version__
from kg.cli import build, evaluate, exchange, extract, graph, page, query, serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build an RDF knowledge graph of who does what to whom from news articles."""


cli.add_command(build.build)
cli.add_command(build.remove)
cli.add_command(extract.extract)
cli.add_command(query.query)
cli.add_command(evaluate.eval_)
cli.add_command(graph.validate)
cli.add_command(exchange.export_)
cli.add_command(graph.infer)
cli.add_command(page.render)
cli.add_command(serve.serve)
cli.add_command(exchange.push)


def main() -> None:
    cli(prog_name="kg")
