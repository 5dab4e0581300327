"""``kg extract``: the extraction records of input files, as JSON Lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from kg.cli.common import (
    check_inputs,
    follow_symlinks_option,
    handle_errors,
    html_reader_option,
    model_option,
    warn_skipped,
)
from kg.errors import InputError
from kg.files import atomic_write


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "output", default=None, help="Write JSON Lines here instead of stdout.")
@model_option
@html_reader_option
@follow_symlinks_option
@handle_errors
def extract(
    inputs: tuple[str, ...], output: str | None, model: str, html_reader: str, follow_symlinks: bool
) -> None:
    """Write one JSON object per document: its entity mentions and relations.

    Example: kg extract examples/ -o outputs/extractions.jsonl
    """
    from kg.api import extract_paths
    from kg.extract import load_pipeline

    check_inputs(inputs)
    load_pipeline(model)
    skipped: list[Any] = []
    count = 0

    def lines() -> Iterator[str]:
        nonlocal count
        for ex in extract_paths(list(inputs), model, skipped, html_reader, follow_symlinks):
            count += 1
            yield json.dumps(ex.record(), ensure_ascii=False) + "\n"

    if output is None:
        for line in lines():
            sys.stdout.write(line)
        sys.stdout.flush()
    else:
        text = "".join(lines())
        if count:
            atomic_write(Path(output), text)
    warn_skipped(skipped)
    if count == 0:
        raise InputError("no document could be read from the inputs")
