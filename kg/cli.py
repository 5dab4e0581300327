"""The ``kg`` command: parse flags, call the library, write files, map errors to exit codes."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg import __version__
from kg.config import DEFAULT_MODEL
from kg.engines import ENGINES
from kg.errors import InputError, KGError, QueryError
from kg.output import atomic_write, ensure_dir

F = TypeVar("F", bound=Callable[..., Any])

read_store_option = click.option(
    "--store",
    "store_spec",
    default=None,
    metavar="STORE",
    help="rdflib (default), oxigraph (GRAPH loaded into Oxigraph in memory: fast for big graphs) "
    "or oxigraph:DIR (the on-disk store kg build --store made; then leave GRAPH out).",
)
model_option = click.option(
    "--model",
    default=DEFAULT_MODEL,
    show_default=True,
    help="Installed spaCy pipeline (package name or path) to use.",
)


def _fail(message: str, code: int) -> None:
    click.echo(f"kg: error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """KGError -> one line and exit 2; anything else -> one line and exit 1 (KG_DEBUG=1 re-raises)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KGError as exc:
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as exc:
            if os.environ.get("KG_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (set KG_DEBUG=1 for a traceback)", 1)

    return wrapper  # type: ignore[return-value]


def _check_inputs(inputs: tuple[str, ...]) -> None:
    for path in inputs:
        if not Path(path).exists():
            raise InputError(f"no such file or folder: {path!r}")


def _warn_skipped(skipped: list[Any]) -> None:
    for item in skipped:
        click.echo(f"kg: warning: skipped {item}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build an RDF knowledge graph of who does what to whom from news articles."""


@cli.command()
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
) -> None:
    """Extract every article in INPUTS and write OUT/graph.ttl and OUT/graph.html.

    Example: kg build examples/ --out outputs/ --store oxigraph:outputs/store
    """
    from kg.api import build as build_graph
    from kg.extract import load_pipeline
    from kg.graph.recordsfile import load_records
    from kg.sparql.stores import check_store_folder, parse_store, write_oxigraph

    _check_inputs(inputs)
    if engine == "dask" and not scheduler:
        raise InputError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    out = Path(out_dir)
    spec = parse_store(store_spec)
    store_dir = spec.path or (out / "oxigraph" if spec.kind == "oxigraph" else None)
    if store_dir is not None:
        if store_dir.resolve() == out.resolve():
            raise InputError(f"--store {spec}: the store needs a folder of its own, not OUT itself")
        check_store_folder(store_dir)
    previous = load_records(out) if update else None
    ensure_dir(out)
    load_pipeline(model)
    from kg.progress import build_progress

    if store_dir is not None and not (update or with_inference):
        # Into a store, a corpus streams: no rdflib graph of it is built (kg.engines.stream).
        from kg.engines import stream_paths

        with build_progress(list(inputs)) as progress:
            title = "kg: " + ", ".join(inputs)
            streamed = stream_paths(
                engine, list(inputs), out, store_dir, title, model, workers, scheduler, progress
            )
        _warn_skipped(streamed.skipped)
        if streamed.documents == 0:
            raise InputError("no document could be read from the inputs")
        click.echo(streamed.summary())
        counts = f"{streamed.triples} triples, {streamed.graphs} document graphs"
        click.echo(f"oxigraph store {store_dir}: {counts}")
        return
    with build_progress(list(inputs)) as progress:
        result = build_graph(
            list(inputs),
            model,
            previous=previous,
            workers=workers,
            progress=progress,
            engine=engine,
            scheduler=scheduler,
        )
    _warn_skipped(result.skipped)
    if result.documents == 0:
        raise InputError("no document could be read from the inputs")
    if with_inference:
        from kg.graph.infer import infer as run_inference

        result.graph = run_inference(result.graph)
    _write_outputs(out, result, title="kg: " + ", ".join(inputs))
    click.echo(result.summary(update=update))
    if store_dir is not None:
        triples, graphs = write_oxigraph(result.graph, store_dir)
        click.echo(f"oxigraph store {store_dir}: {triples} triples, {graphs} document graphs")


@cli.command()
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
    result = remove_docs(load_records(out), list(doc_ids))
    _write_outputs(out, result, title=f"kg: {out_dir}")
    click.echo(result.summary(update=True))


def _write_outputs(out: Path, result: Any, title: str) -> None:
    from kg.engines.stream import PAGE_MAX_NODES
    from kg.graph.build import to_turtle
    from kg.graph.recordsfile import RECORDS, dump_records
    from kg.page.render import render_html

    # Every text is made before any file is replaced, so a failure leaves the old set whole;
    # the records go first, since the graph can always be rebuilt from them.
    records = dump_records(result.records.values())
    turtle = to_turtle(result.graph)
    page = render_html(result.graph, title=title, max_nodes=PAGE_MAX_NODES)
    atomic_write(out / RECORDS, records)
    atomic_write(out / "graph.ttl", turtle)
    atomic_write(out / "graph.html", page)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "output", default=None, help="Write JSON Lines here instead of stdout.")
@model_option
@handle_errors
def extract(inputs: tuple[str, ...], output: str | None, model: str) -> None:
    """Write one JSON object per document: its entity mentions and relations.

    Example: kg extract examples/ -o outputs/extractions.jsonl
    """
    from kg.api import extract_paths
    from kg.extract import load_pipeline

    _check_inputs(inputs)
    load_pipeline(model)
    skipped: list[Any] = []
    count = 0

    def lines() -> Iterator[str]:
        nonlocal count
        for ex in extract_paths(list(inputs), model, skipped):
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
    _warn_skipped(skipped)
    if count == 0:
        raise InputError("no document could be read from the inputs")


@cli.command()
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
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and what they answer.")
@read_store_option
@handle_errors
def query(
    graph: str | None,
    query: str | None,
    fmt: str,
    binds: tuple[str, ...],
    timeout: float | None,
    list_queries: bool,
    store_spec: str | None,
) -> None:
    """Run a SPARQL SELECT, ASK or CONSTRUCT over GRAPH; QUERY is the text, a .rq file or a named query.

    GRAPH is a graph file, or oxigraph:DIR for a store made by kg build --store oxigraph:DIR.
    Example: kg query outputs/graph.ttl entity-profile --bind name=Corvane
    """
    from kg.sparql.query import format_result, list_named_queries, parse_bindings, resolve_query
    from kg.sparql.stores import open_store, parse_store

    if list_queries:
        named = list_named_queries()
        width = max((len(name) for name in named), default=0)
        for name, description in named.items():
            click.echo(f"{name:<{width}}  {description}")
        return
    if store_spec is not None and parse_store(store_spec).path is not None and query is None:
        graph, query = "", graph  # kg query --store oxigraph:DIR QUERY
    if graph is None or query is None:
        raise QueryError("GRAPH and QUERY are required (or --list for the named queries)")
    bindings = parse_bindings(binds)
    text = resolve_query(query)
    engine = open_store(graph, store_spec)
    try:
        out = format_result(engine.query(text, bindings=bindings, timeout=timeout), fmt)
    finally:
        engine.close()
    sys.stdout.write(out if out.endswith("\n") else out + "\n")


@cli.command(name="eval")
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
        _check_inputs(sources)
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


@cli.command()
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


@cli.command(name="export")
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


@cli.command()
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


@cli.command()
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


@cli.command()
@click.argument("graph", required=False)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on; 0 picks a free one (the URL is printed).",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a --host other machines can reach (0.0.0.0, a LAN address): anyone there can read the graph.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Stop a query after SECONDS (it then runs in a child process) and answer 503.",
)
@read_store_option
@handle_errors
def serve(
    graph: str | None,
    host: str,
    port: int,
    allow_remote: bool,
    timeout: float | None,
    store_spec: str | None,
) -> None:
    """Answer read-only SPARQL queries over GRAPH over HTTP (SPARQL 1.1 Protocol), with a page at /.

    Queries go to /sparql by GET or POST; answers in JSON, XML, CSV, TSV or Turtle by Accept.
    Example: kg serve outputs/graph.ttl --port 8000
    """
    from kg.serve.server import is_loopback, make_server
    from kg.sparql.results import QueryResult
    from kg.sparql.stores import open_store, parse_store

    if not is_loopback(host):
        if not allow_remote:
            raise InputError(
                f"--host {host} can be reached from other machines, which could then read the graph; "
                "add --allow-remote to mean it, or leave --host at 127.0.0.1"
            )
        click.echo(f"kg: warning: listening on {host}: anyone who can reach it can read the graph", err=True)
    if graph is None:
        if store_spec is None or parse_store(store_spec).path is None:
            raise InputError("GRAPH is required (or --store oxigraph:DIR for a store on disk)")
        graph = ""
    engine = open_store(graph, store_spec)

    def answer(text: str) -> QueryResult:
        return engine.query(text, timeout=timeout)

    try:
        server = make_server(answer, host, port, title=f"kg: {graph or store_spec}")
    except OSError as exc:
        engine.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    click.echo(f"kg serve: {server.url} (page at {server.url.removesuffix('/sparql')}/); Ctrl-C stops")

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # a service manager's stop is a Ctrl-C too
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("kg serve: stopped", err=True)
    finally:
        server.server_close()
        engine.close()


@cli.command()
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


def main() -> None:
    cli(prog_name="kg")
