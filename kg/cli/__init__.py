"""The ``kg`` command: parse flags, call the library, write files, map errors to exit codes.

One module per group of commands (``build`` also has ``remove``; ``graph`` has ``validate`` and
``infer``; ``exchange`` has ``export`` and ``push``); each is a thin wrapper around the library,
and ``common`` holds what they share. A command's module is imported only when that command runs
(or when ``kg --help`` lists them all), so ``kg query`` does not pay for ``kg build``'s imports.
"""

from __future__ import annotations

import importlib

import click

from kg import __version__

# command name -> (module under kg.cli, attribute)
COMMANDS: dict[str, tuple[str, str]] = {
    "build": ("build", "build"),
    "remove": ("build", "remove"),
    "extract": ("extract", "extract"),
    "query": ("query", "query"),
    "eval": ("evaluate", "eval_"),
    "validate": ("graph", "validate"),
    "export": ("exchange", "export_"),
    "infer": ("graph", "infer"),
    "render": ("page", "render"),
    "serve": ("serve", "serve"),
    "push": ("exchange", "push"),
}


class LazyGroup(click.Group):
    """A group whose commands are imported when asked for (click's documented lazy-loading)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = COMMANDS.get(cmd_name)
        if found is None:
            return None
        module = importlib.import_module(f"kg.cli.{found[0]}")
        command: click.Command = getattr(module, found[1])
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build an RDF knowledge graph of who does what to whom from news articles."""


def main() -> None:
    cli(prog_name="kg")
