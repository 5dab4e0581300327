"""``kg build`` and ``kg remove``: a graph, its page and its records from input files, and documents
taken out of a graph again."""

from __future__ import annotations

import shutil
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
from kg.cli.output import ensure_dir
from kg.engines import ENGINES
from kg.errors import InputError, OutputError
from kg.files import build_folders, new_temp, replace_together

OUTPUTS = ("records.jsonl", "graph.ttl", "graph.html")  # what a build writes in OUT


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out", "out_dir", default="outputs", show_default=True, help="Folder for graph.ttl and graph.html."
)
@model_option
@click.option(
    "--update",
    is_flag=True,
    help="Add to the graph already in OUT: unchanged documents are kept, changed ones replaced.",
)
@click.option("--infer", "with_inference", is_flag=True, help="Also add the triples the ontology implies.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that parse and extract in parallel (at most the number of cores helps).",
)
@click.option(
    "--store",
    "store_spec",
    default="rdflib",
    show_default=True,
    metavar="STORE",
    help="Also load the graph into an on-disk Oxigraph store for big graphs: oxigraph:DIR "
    "(oxigraph alone: OUT/oxigraph); query it with kg query oxigraph:DIR QUERY.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="local",
    show_default=True,
    help="Where extraction runs: local (--workers processes here) or dask (a Dask cluster).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="The Dask scheduler for --engine dask, e.g. tcp://127.0.0.1:8786.",
)
@html_reader_option
@follow_symlinks_option
@handle_errors
def build(
    inputs: tuple[str, ...],
    out_dir: str,
    model: str,
    update: bool,
    with_inference: bool,
    workers: int,
    store_spec: str,
    engine: str,
    scheduler: str | None,
    html_reader: str,
    follow_symlinks: bool,
) -> None:
    """Extract every article in INPUTS and write OUT/graph.ttl and OUT/graph.html.

    Example: kg build examples/ --out outputs/ --store oxigraph:outputs/store
    """
    from kg.graph.recordsfile import load_records
    from kg.sparql.stores import check_store_folder, parse_store

    check_inputs(inputs)
    if engine == "dask" and not scheduler:
        raise InputError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    out = Path(out_dir)
    spec = parse_store(store_spec)
    store_dir = spec.path or (out / "oxigraph" if spec.kind == "oxigraph" else None)
    if store_dir is not None:
        if store_dir.resolve() == out.resolve():
            raise InputError(f"--store {spec}: the store needs a folder of its own, not OUT itself")
        check_store_folder(store_dir)
    if update and not out.is_dir():
        load_records(out)  # names what is missing
    ensure_dir(out)
    with build_folders(out, OUTPUTS, store_dir) as removed:
        _note_removed(removed)
        previous = load_records(out) if update else None
        run = (model, previous, with_inference, workers, engine, scheduler, html_reader, follow_symlinks)
        _build(out, store_dir, inputs, *run)


def _build(
    out: Path,
    store_dir: Path | None,
    inputs: tuple[str, ...],
    model: str,
    previous: Any,
    with_inference: bool,
    workers: int,
    engine: str,
    scheduler: str | None,
    html_reader: str,
    follow_symlinks: bool,
) -> None:
    from kg.api import build as build_graph
    from kg.extract import load_pipeline

    update = previous is not None
    load_pipeline(model)
    from kg.cli.progress import build_progress

    if store_dir is not None and not (update or with_inference):
        # Into a store, a corpus streams: no rdflib graph of it is built (kg.engines.stream).
        from kg.engines import stream_paths

        with build_progress(list(inputs), follow_symlinks) as progress:
            title = "kg: " + ", ".join(inputs)
            streamed = stream_paths(
                engine,
                list(inputs),
                out,
                store_dir,
                title,
                model,
                workers,
                scheduler,
                progress,
                html_reader,
                follow_symlinks,
            )
        warn_skipped(streamed.skipped)
        if streamed.documents == 0:
            raise InputError("no document could be read from the inputs")
        if streamed.extracted == 0:  # the previous outputs were left as they were
            raise InputError("no document could be extracted (each is named above)")
        click.echo(streamed.summary())
        stored = f"{streamed.triples} triples, {streamed.graphs} document graphs"
        click.echo(f"oxigraph store {store_dir}: {stored}")
        return
    with build_progress(list(inputs), follow_symlinks) as progress:
        result = build_graph(
            list(inputs),
            model,
            previous=previous,
            workers=workers,
            progress=progress,
            engine=engine,
            scheduler=scheduler,
            html_reader=html_reader,
            follow_symlinks=follow_symlinks,
        )
    warn_skipped(result.skipped)
    if result.documents == 0:
        raise InputError("no document could be read from the inputs")
    if with_inference:
        from kg.graph.infer import infer as run_inference

        result.graph = run_inference(result.graph)
    counts = _write_outputs(out, result, title="kg: " + ", ".join(inputs), store_dir=store_dir)
    click.echo(result.summary(update=update))
    if store_dir is not None and counts is not None:
        click.echo(f"oxigraph store {store_dir}: {counts[0]} triples, {counts[1]} document graphs")


@click.command()
@click.argument("out_dir", metavar="DIR")
@click.argument("doc_ids", nargs=-1, required=True, metavar="DOC_ID...")
@handle_errors
def remove(out_dir: str, doc_ids: tuple[str, ...]) -> None:
    """Withdraw documents from the graph in DIR, and every entity only they supported.

    Example: kg remove outputs/ wire_roundup.jsonl#2
    """
    from kg.api import remove as remove_docs
    from kg.graph.recordsfile import load_records

    out = Path(out_dir)
    if not out.is_dir():
        load_records(out)  # names what is missing
    with build_folders(out, OUTPUTS) as removed:
        _note_removed(removed)
        result = remove_docs(load_records(out), list(doc_ids))
        _write_outputs(out, result, title=f"kg: {out_dir}")
    click.echo(result.summary(update=True))


def _note_removed(removed: list[Path]) -> None:
    if removed:
        names = ", ".join(p.name for p in removed)
        click.echo(f"kg: removed what an interrupted build left: {names}", err=True)


def _write_outputs(
    out: Path, result: Any, title: str, store_dir: Path | None = None
) -> tuple[int, int] | None:
    """Write the three files (and the store in ``store_dir``) and switch them in together:
    (triples, document graphs) of the store, if one was written."""
    from kg.engines.stream import PAGE_MAX_NODES
    from kg.graph.build import to_turtle
    from kg.graph.recordsfile import GRAPH, PAGE, RECORDS, dump_records, graph_digest
    from kg.page.render import render_html
    from kg.sparql.stores import stage_oxigraph
    from kg.sparql.stores.mark import mark_store

    # Everything is made before anything is replaced, so a failure leaves the old set whole;
    # then the store goes first and records.jsonl last, naming the graph.ttl and store it was
    # built with (kg.sparql.stores.mark).
    turtle = to_turtle(result.graph).encode("utf-8")
    digest = graph_digest(turtle)
    texts = {
        GRAPH: turtle,
        PAGE: render_html(result.graph, title=title, max_nodes=PAGE_MAX_NODES).encode("utf-8"),
        RECORDS: dump_records(result.records.values(), digest).encode("utf-8"),
    }
    moves: list[tuple[Path, Path]] = []
    counts = None
    try:
        if store_dir is not None:
            staging, counts = stage_oxigraph(result.graph, store_dir)
            moves.append((staging, store_dir))
            mark_store(staging, store_dir, out / RECORDS, digest)
        for name, data in texts.items():
            moves.append((new_temp(out / name), out / name))
            moves[-1][0].write_bytes(data)
        replace_together(moves)
    except OSError as exc:
        raise OutputError(f"cannot write the build in {str(out)!r}: {exc.strerror or exc}") from None
    finally:
        for tmp, _ in moves:
            shutil.rmtree(tmp, ignore_errors=True) if tmp.is_dir() else tmp.unlink(missing_ok=True)
    return counts
