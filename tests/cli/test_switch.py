"""The store and the three files of a build switch together: a build stopped at any step leaves
the previous four whole and matching, a store that does not match its files is named when it is
opened, and the next build removes what a killed one left."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import REPO

FILES = ("graph.ttl", "graph.html", "records.jsonl")
FIRST = "Brenfield Holdings Inc. sued Corvale Shipping Ltd. on Monday.\n"
SECOND = "Talvik Mining Corp. sued Orrin Freight Ltd. in Halden on Tuesday.\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def corpus(folder: Path, *texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"story{i}.txt").write_text(text, encoding="utf-8")
    return folder


def state(out: Path, store: Path) -> dict[str, object]:
    """What a user sees: the three files' bytes and the store's quads."""
    handle = ox.Store.read_only(str(store))
    try:
        quads = sorted(str(q) for q in handle)
    finally:
        del handle
    return {name: (out / name).read_bytes() for name in FILES} | {"store": quads}


def store_warning(store: Path) -> str:
    code, stdout, stderr = run("query", f"oxigraph:{store}", "ASK { ?s ?p ?o }")
    assert code == 0 and stdout.strip() == "true"
    return stderr


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    out, store = tmp_path / "out", tmp_path / "store"
    code, _, err = run(
        "build", str(corpus(tmp_path / "in", FIRST)), "--out", str(out), "--store", f"oxigraph:{store}"
    )
    assert code == 0, err
    assert store_warning(store) == ""  # a store and the files it was built with
    return out, store


@pytest.mark.parametrize("flags", [[], ["--update"]], ids=["streamed", "in-memory"])
@pytest.mark.parametrize("step", ["store", *FILES])
def test_a_build_stopped_at_any_step_of_the_switch_leaves_the_previous_four(
    built: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, flags: list[str]
) -> None:
    out, store = built
    before = state(out, store)
    real = os.replace

    def failing(src: str | Path, dst: str | Path) -> None:
        if Path(dst).name == step and Path(src).name.endswith(".tmp"):
            raise OSError(5, "Input/output error", str(src), None, str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    inputs = corpus(tmp_path / "more", SECOND)
    code, _, err = run("build", str(inputs), "--out", str(out), "--store", f"oxigraph:{store}", *flags)
    monkeypatch.setattr(os, "replace", real)
    assert code == 2 and "cannot replace" in err and "Input/output error" in err
    assert state(out, store) == before
    assert store_warning(store) == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)  # nothing left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "more", "out", "store"]


@pytest.mark.parametrize("flags", [[], ["--infer"]], ids=["streamed", "in-memory"])
def test_a_build_with_nothing_to_read_leaves_the_previous_four(
    built: tuple[Path, Path], tmp_path: Path, flags: list[str]
) -> None:
    out, store = built
    before = state(out, store)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "image.txt").write_bytes(b"\x89PNG\x00\x00")
    code, _, err = run(
        "build", str(tmp_path / "bad"), "--out", str(out), "--store", f"oxigraph:{store}", *flags
    )
    assert code == 2 and "image.txt" in err and "no document could be read" in err
    assert state(out, store) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad", "in", "out", "store"]


def test_a_store_that_does_not_match_its_files_is_named(built: tuple[Path, Path], tmp_path: Path) -> None:
    out, store = built
    # a build killed between its renames: the new store is in, its files are not
    other = tmp_path / "other"
    code, _, err = run(
        "build",
        str(corpus(tmp_path / "in2", SECOND)),
        "--out",
        str(other / "out"),
        "--store",
        f"oxigraph:{other / 'store'}",
    )
    assert code == 0, err
    shutil.rmtree(store)
    os.replace(other / "store", store)
    assert "come from different builds" in store_warning(store)
    # the next build makes them one again
    assert run("build", str(tmp_path / "in"), "--out", str(out), "--store", f"oxigraph:{store}")[0] == 0
    assert store_warning(store) == ""


def test_a_store_left_behind_by_a_build_without_store_is_named(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    out, store = built
    assert run("build", str(corpus(tmp_path / "in2", SECOND)), "--out", str(out), "--update")[0] == 0
    warning = store_warning(store)
    assert "come from different builds" in warning and f"--store oxigraph:{store}" in warning


def test_a_build_is_refused_while_another_writes_the_folder(built: tuple[Path, Path]) -> None:
    fcntl = pytest.importorskip("fcntl")
    out, store = built
    before = state(out, store)
    fd = os.open(out, os.O_RDONLY)  # as another kg build holds it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        code, _, err = run("build", str(out.parent / "in"), "--out", str(out))
    finally:
        os.close(fd)
    assert code == 2 and "another kg build is writing in" in err
    assert state(out, store) == before


def test_a_killed_build_leaves_the_previous_four_and_the_next_removes_its_leftovers(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    out, store = built
    before = state(out, store)
    big = corpus(tmp_path / "big", *[SECOND.replace("Monday", f"day {i}") * 20 for i in range(400)])
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    args = [sys.executable, "-m", "kg", "build", str(big), "--out", str(out), "--store", f"oxigraph:{store}"]
    child = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not list(out.glob(".records.jsonl.*.tmp")) or not list(tmp_path.glob(".store.*.tmp")):
        assert child.poll() is None and time.monotonic() < deadline, "the build ended before it was killed"
        time.sleep(0.05)
    time.sleep(0.5)  # a few documents into the store
    child.send_signal(signal.SIGKILL)
    child.wait()
    left = [p.name for p in [*out.iterdir(), *tmp_path.iterdir()] if p.name.endswith(".tmp")]
    assert left  # what the kill left
    assert state(out, store) == before
    assert store_warning(store) == ""
    code, _, err = run("build", str(tmp_path / "in"), "--out", str(out), "--store", f"oxigraph:{store}")
    assert code == 0 and "removed what an interrupted build left" in err
    assert all(name in err for name in left)
    assert not [p for p in [*out.iterdir(), *tmp_path.iterdir()] if p.name.endswith((".tmp", ".old"))]
    assert state(out, store) == before  # the same input: the same four
