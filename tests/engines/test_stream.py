"""The streaming build (kg.engines.stream): the same graph as the in-memory one, files written atomically,
and documents that cannot be parsed skipped and reported while the rest is built."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.api import extract_paths
from kg.cli import cli
from kg.engines.stream import stream_build
from kg.errors import DecodingWarning
from kg.graph.build import build_graph
from kg.graph.recordsfile import load_records
from kg.io import iter_documents
from kg.io.readers import MAX_FILE_BYTES
from kg.records import Extraction, Skipped
from kg.sparql.query import list_named_queries, named_query
from kg.sparql.stores import RdflibEngine, open_store, write_oxigraph
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    return list(extract_paths([EXAMPLES]))


@pytest.fixture(scope="module")
def streamed(extractions: list[Extraction], tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("streamed")
    result = stream_build(iter(extractions), where / "out", where / "store", "kg: examples")
    assert (result.extracted, result.graphs) == (len(extractions), len(extractions))
    return where


def quads(store: Path) -> set[str]:
    handle = ox.Store.read_only(str(store))
    try:
        return {str(q) for q in handle}
    finally:
        del handle


def test_streamed_graph_is_isomorphic_to_the_in_memory_one(
    extractions: list[Extraction], streamed: Path
) -> None:
    assert isomorphic(Graph().parse(streamed / "out" / "graph.ttl"), build_graph(extractions))


def test_streamed_store_holds_the_quads_write_oxigraph_writes(
    extractions: list[Extraction], streamed: Path, tmp_path: Path
) -> None:
    write_oxigraph(build_graph(extractions), tmp_path / "store")
    assert quads(streamed / "store") == quads(tmp_path / "store")


@pytest.mark.parametrize("name", sorted(list_named_queries()))
def test_streamed_store_answers_named_queries_like_rdflib(
    name: str, extractions: list[Extraction], streamed: Path
) -> None:
    expected = RdflibEngine(build_graph(extractions)).query(named_query(name))
    engine = open_store(f"oxigraph:{streamed / 'store'}")
    try:
        got = engine.query(named_query(name))
    finally:
        engine.close()
    assert got.vars == expected.vars
    assert sorted(map(str, got.rows)) == sorted(map(str, expected.rows))


def test_streamed_records_load_as_the_extractions(extractions: list[Extraction], streamed: Path) -> None:
    assert load_records(streamed / "out") == {ex.document.id: ex for ex in extractions}


def test_an_interrupted_stream_leaves_the_earlier_outputs_whole(
    extractions: list[Extraction], tmp_path: Path
) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    stream_build(iter(extractions[:2]), out, store, "first")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    stored = quads(store)

    def failing() -> Iterator[Extraction]:
        yield from extractions
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        stream_build(failing(), out, store, "second")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary file left
    assert quads(store) == stored
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "store"]


def bad_inputs(folder: Path) -> None:
    huge = "word " * (50 * 2**20 // 5)  # a 50 MB single line
    (folder / "huge.txt").write_text(huge, encoding="utf-8")
    good = json.dumps({"id": "fine", "text": "Acme Corp sued Globex Inc. in Ohio on Monday."})
    (folder / "wire.jsonl").write_text(json.dumps({"id": "huge", "text": huge}) + "\n" + good + "\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "nuls.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (folder / "latin1.txt").write_bytes("Caf\xe9 owners sued the city.".encode("latin-1"))


def test_oversize_and_binary_documents_are_skipped_and_named(tmp_path: Path) -> None:
    bad_inputs(tmp_path)
    skipped: list[Skipped] = []
    with pytest.warns(DecodingWarning, match="latin1.txt: not UTF-8; read as cp1252"):
        docs = list(iter_documents([tmp_path], skipped))
    assert [d.id for d in docs] == ["latin1.txt", "fine"]  # Latin-1 is read, with a warning
    reasons = {Path(s.source).name: s.reason for s in skipped}
    assert f"over the limit of {MAX_FILE_BYTES:,} bytes" in reasons["huge.txt"]  # never read
    assert "a line over the limit" in reasons["wire.jsonl"]
    assert "not valid UTF-8" in reasons["binary.txt"] and "latin1.txt" not in reasons
    assert "binary data" in reasons["nuls.txt"]


@pytest.mark.parametrize("store", [None, "oxigraph"])
def test_build_skips_bad_documents_and_builds_the_rest(tmp_path: Path, store: str | None) -> None:
    bad_inputs(tmp_path / "in" if (tmp_path / "in").mkdir() is None else tmp_path)
    out = tmp_path / "out"
    args = ["build", str(tmp_path / "in"), str(EXAMPLES), "--out", str(out)]
    args += ["--store", f"oxigraph:{tmp_path / 'store'}"] if store else []
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "skipped" in result.stdout and "(4 skipped)" in result.stdout
    assert result.stderr.count("kg: warning: skipped") == 4
    assert "huge.txt" in result.stderr and "wire.jsonl:1" in result.stderr
    assert "latin1.txt: not UTF-8; read as cp1252" in result.stderr
    assert len(load_records(out)) == 7  # the five examples, the good line and the Latin-1 file


def test_a_streamed_build_can_be_updated(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    examples = sorted(p for p in EXAMPLES.iterdir() if p.name != "README.md")
    for i, path in enumerate(examples):
        (first if i % 2 == 0 else second).joinpath(path.name).write_bytes(path.read_bytes())
    out, store = tmp_path / "out", f"oxigraph:{tmp_path / 'store'}"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(first), "--out", str(out), "--store", store]).exit_code == 0
    result = runner.invoke(cli, ["build", str(second), "--out", str(out), "--store", store, "--update"])
    assert result.exit_code == 0, result.stderr
    both = list(extract_paths([first, second]))
    assert result.stdout.startswith(f"{len(both)} documents, ")  # what the graph holds now
    assert isomorphic(Graph().parse(out / "graph.ttl"), build_graph(both))
