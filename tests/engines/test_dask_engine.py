"""--engine dask on a real cluster on loopback: a scheduler and two worker processes.

The graph equals the one-machine build byte for byte; a worker killed mid-run loses nothing
(its shard runs again on the other); an unreadable document is skipped and reported; bad usage
is one line and exit 2.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.config import DEFAULT_MODEL
from kg.engines.dask import extract_dask, extract_shard
from kg.errors import EngineError
from kg.graph.build import build_graph, to_turtle
from kg.io import read_inputs
from kg.records import Document, Skipped
from tests.conftest import EXAMPLES

pytest.importorskip("distributed")
DASK = str(Path(sys.executable).with_name("dask"))
START_TIMEOUT = 30.0


class Cluster:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.address = ""

    def _start(self, name: str, *args: str) -> subprocess.Popen[bytes]:
        log = (self.folder / f"{name}.log").open("wb")
        proc = subprocess.Popen([DASK, *args], stdout=log, stderr=subprocess.STDOUT, cwd=self.folder)
        self.processes[name] = proc
        return proc

    def start(self, workers: int = 2) -> None:
        info = self.folder / "scheduler.json"
        self._start(
            "scheduler", "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
            "--scheduler-file", str(info),
        )  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT
        while not info.exists() or not info.read_text().strip():
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.1)
        self.address = json.loads(info.read_text())["address"]
        for i in range(workers):
            self._start(
                f"w{i}", "worker", self.address, "--name", f"w{i}", "--nthreads", "1", "--no-nanny",
                "--host", "127.0.0.1", "--no-dashboard",
            )  # fmt: skip
        from distributed import Client

        with Client(self.address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(workers, timeout=START_TIMEOUT)

    def kill(self, name: str) -> None:
        os.kill(self.processes[name].pid, signal.SIGKILL)
        self.processes[name].wait(timeout=10)

    def stop(self) -> None:
        for proc in reversed(list(self.processes.values())):
            if proc.poll() is None:
                proc.terminate()
        for proc in self.processes.values():
            try:
                proc.wait(timeout=3)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    c = Cluster(tmp_path_factory.mktemp("dask"))
    try:
        c.start()
        yield c
    finally:
        c.stop()


def _corpus(folder: Path, n: int = 40) -> Path:
    folder.mkdir()
    people = ["Maren Tolliver", "Oskar Brandt", "Lena Whitcombe", "Tomas Reyna", "Ida Halvorsen"]
    firms = ["Corvane Holdings", "Renquil Mining", "Barrow Freight", "Ostry Bank"]
    for i in range(n):
        p, f, g = people[i % 5], firms[i % 4], firms[(i + 1) % 4]
        text = (
            f"{f} sued {g} in Halden on Monday, article {i}.\n\n"
            f"{p}, the chief executive of {f}, accused {g} of fraud. {p} said the case would go on."
        )
        (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_build_on_the_cluster_is_the_one_machine_graph(cluster: Cluster, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert CliRunner().invoke(cli, ["build", str(EXAMPLES), "--out", str(a)]).exit_code == 0
    args = ["build", str(EXAMPLES), "--out", str(b), "--engine", "dask", "--scheduler", cluster.address]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    for name in ("graph.ttl", "records.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_streaming_into_a_store_from_the_cluster_is_the_local_build(cluster: Cluster, tmp_path: Path) -> None:
    from kg.engines import build_paths_streaming, stream_paths

    a, b = tmp_path / "a", tmp_path / "b"
    local = build_paths_streaming([EXAMPLES], a, a / "store", "kg", DEFAULT_MODEL)
    dask = stream_paths("dask", [EXAMPLES], b, b / "store", "kg", scheduler=cluster.address)
    assert (dask.documents, dask.triples, dask.graphs) == (local.documents, local.triples, local.graphs)
    for name in ("graph.ttl", "records.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


def test_a_killed_worker_loses_nothing_and_duplicates_nothing(cluster: Cluster, tmp_path: Path) -> None:
    from distributed import Client

    from kg.extract import extract

    docs = read_inputs([_corpus(tmp_path / "corpus")]).documents
    killed = None
    got = []
    with Client(cluster.address, timeout=START_TIMEOUT) as client:
        names = {addr: w["name"] for addr, w in client.scheduler_info()["workers"].items()}
        for ex in extract_dask(docs, cluster.address, shard_size=2, in_flight=6):
            got.append(ex)
            busy = [names[addr] for addr, keys in client.processing().items() if keys]
            if killed is None and busy:  # a worker holds a shard: kill it mid-run
                killed = busy[0]
                cluster.kill(killed)
    assert killed is not None, "no worker ever held a shard to lose"
    one = list(extract(docs))
    assert [e.document.id for e in got] == [d.id for d in docs]
    assert got == one
    assert to_turtle(build_graph(got)) == to_turtle(build_graph(one))


def test_an_unreadable_document_is_skipped_and_the_rest_finishes(cluster: Cluster, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", n=6)
    (corpus / "a002.txt").write_bytes(b"\x00\x01\xff\xfe binary \x00 bytes \xc3\x28")
    out = tmp_path / "out"
    args = ["build", str(corpus), "--out", str(out), "--engine", "dask", "--scheduler", cluster.address]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    assert "skipped" in result.stderr and "a002.txt" in result.stderr
    lines = (out / "records.jsonl").read_text().splitlines()[1:]  # after the header
    ids = [json.loads(line)["document"]["id"] for line in lines]
    assert ids == [f"a{i:03d}.txt" for i in range(6) if i != 2]


def test_a_document_that_breaks_extraction_is_skipped_on_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.extract

    real = kg.extract.extract

    def fragile(docs, model=DEFAULT_MODEL):  # type: ignore[no-untyped-def]
        for doc in docs:
            if "boom" in doc.text:
                raise RuntimeError("boom")
            yield from real([doc], model=model)

    monkeypatch.setattr(kg.extract, "extract", fragile)
    shard = [Document("a", "Ostry Bank sued Renquil Mining."), Document("b", "boom", source="b.txt")]
    out = extract_shard(shard, DEFAULT_MODEL)
    assert [type(x).__name__ for x in out] == ["Extraction", "Skipped"]
    assert isinstance(out[1], Skipped) and out[1].source == "b.txt" and "boom" in out[1].reason


def test_dask_without_a_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--out", str(tmp_path), "--engine", "dask"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "--scheduler" in result.stderr


def test_an_unreachable_scheduler_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.engines.dask.CONNECT_TIMEOUT", 1.0)
    args = ["build", str(EXAMPLES), "--out", str(tmp_path), "--engine", "dask", "--scheduler",
            "tcp://127.0.0.1:9"]  # fmt: skip
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "cannot reach the Dask scheduler" in result.stderr


def test_an_unknown_engine_lists_the_engines(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--out", str(tmp_path), "--engine", "spark"])
    assert result.exit_code == 2
    assert "local" in result.stderr and "dask" in result.stderr


def test_the_library_raises_engine_error_without_a_scheduler() -> None:
    with pytest.raises(EngineError, match="--scheduler"):
        next(extract_dask([Document("a", "text")], None))
