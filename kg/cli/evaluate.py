"""``kg eval``: scores against gold (SpERT JSON, or document-level gold)."""

from __future__ import annotations

import json

import click

from kg.cli.common import check_inputs, handle_errors, model_option
from kg.errors import InputError


@click.command(name="eval")
@click.argument("gold")
@click.option(
    "--input",
    "inputs",
    multiple=True,
    metavar="STORIES",
    help="Document-level gold: the stories (JSON Lines, files or folders); default: X.jsonl beside "
    "X.gold.json.",
)
@click.option(
    "--records",
    default=None,
    metavar="FILE",
    help="Document-level gold: score these kg extract records instead of extracting again.",
)
@click.option(
    "--map",
    "label_map",
    default="conll04",
    show_default=True,
    help="SpERT gold: label map, a built-in name (conll04) or a JSON file.",
)
@model_option
@click.option("--details", is_flag=True, help="Document-level gold: list every missed and wrong relation.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@handle_errors
def eval_(
    gold: str,
    inputs: tuple[str, ...],
    records: str | None,
    label_map: str,
    model: str,
    details: bool,
    as_json: bool,
) -> None:
    """Score extraction against gold data: sentence-level SpERT JSON (strict spans, as CoNLL04)
    or document-level gold with its stories (entities by name, relations by family, as
    news-events). The format is told by the file's shape.

    Example: kg eval ../shared/data/news-events/dev.gold.json --input ../shared/data/news-events/dev.jsonl

    Example: kg eval ../shared/data/conll04/dev.json --map conll04
    """
    from kg.evaluate import evaluate, gold_kind, load_map, read_gold

    if gold_kind(gold) == "documents":
        from kg.evaluate.docgold import read_document_gold
        from kg.evaluate.documents import (
            evaluate_documents,
            read_extract_records,
            score_records,
            stories_for,
            story_texts,
        )

        golds = read_document_gold(gold)  # check the gold before loading the model
        sources = stories_for(gold, inputs)
        check_inputs(sources)
        if records is not None:
            scores = score_records(golds, read_extract_records(records), story_texts(sources))
        else:
            scores = evaluate_documents(gold, sources, model=model)
        if as_json:
            click.echo(json.dumps(scores.as_dict(details), indent=2))
        else:
            click.echo(scores.table(details), nl=False)
        return
    if inputs or records or details:
        raise InputError(
            f"{gold!r} is SpERT gold: --input, --records and --details apply to document-level gold"
        )
    from kg.extract import load_pipeline

    read_gold(gold, load_map(label_map))  # check the file before loading the model
    load_pipeline(model)
    report = evaluate(gold, label_map=label_map, model=model)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(report.table(), nl=False)
