"""Output files get the mode any tool's output gets (0666 less the umask) and are still written
by temp file and rename."""

from __future__ import annotations

import multiprocessing as mp
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.errors import OutputError
from kg.files import atomic_write, new_temp, remove_leftovers, replace_together, write_lock


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o077, 0o002], ids=["umask022", "umask077", "umask002"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


def test_a_written_file_has_the_umask_mode_like_any_tool_output(umask: int, tmp_path: Path) -> None:
    atomic_write(tmp_path / "graph.ttl", "# a graph\n")
    (tmp_path / "by-open.txt").write_text("x")  # what open() gives, the reference
    assert mode(tmp_path / "graph.ttl") == mode(tmp_path / "by-open.txt") == 0o666 & ~umask
    assert {0o022: 0o644, 0o077: 0o600, 0o002: 0o664}[umask] == mode(tmp_path / "graph.ttl")


def test_a_replaced_file_gets_the_umask_mode_too(umask: int, tmp_path: Path) -> None:
    target = tmp_path / "graph.html"
    target.write_text("old")
    target.chmod(0o600)  # written by an older kg, which left its outputs 0600
    atomic_write(target, b"<!DOCTYPE html>")
    assert target.read_bytes() == b"<!DOCTYPE html>" and mode(target) == 0o666 & ~umask


def test_a_temporary_folder_has_the_umask_mode(umask: int, tmp_path: Path) -> None:
    folder = new_temp(tmp_path / "store", folder=True)
    assert folder.is_dir() and folder.parent == tmp_path and folder.name.startswith(".store.")
    assert mode(folder) == 0o777 & ~umask


def test_text_is_written_as_given(tmp_path: Path) -> None:
    atomic_write(tmp_path / "a.csv", "a,b\r\nç,ü\n")
    assert (tmp_path / "a.csv").read_bytes() == "a,b\r\nç,ü\n".encode()


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("# previous graph\n")

    def full_disk(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        atomic_write(target, "# new graph\n")
    assert target.read_text() == "# previous graph\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_replace_together_undoes_every_rename_when_one_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "CURRENT").write_text("old store")
    for name in ("graph.ttl", "records.jsonl"):
        (tmp_path / name).write_text(f"old {name}")
    staging = new_temp(tmp_path / "store", folder=True)
    (staging / "CURRENT").write_text("new store")
    moves = [(staging, tmp_path / "store")]
    for name in ("graph.ttl", "records.jsonl"):
        moves.append((new_temp(tmp_path / name), tmp_path / name))
        moves[-1][0].write_text(f"new {name}")
    real = os.replace

    def failing(src: str | Path, dst: str | Path) -> None:
        if Path(dst).name == "records.jsonl" and ".tmp" in str(src):
            raise OSError(28, "No space left on device", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError, match=r"records\.jsonl.*No space left"):
        replace_together(moves)
    assert (tmp_path / "store" / "CURRENT").read_text() == "old store"
    assert (tmp_path / "graph.ttl").read_text() == "old graph.ttl"
    assert (tmp_path / "records.jsonl").read_text() == "old records.jsonl"
    monkeypatch.setattr(os, "replace", real)
    replace_together(moves)  # the temporary copies are where they were: the switch can be redone
    assert (tmp_path / "store" / "CURRENT").read_text() == "new store"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "records.jsonl", "store"]


def test_leftovers_are_only_kgs_own_temporary_names(tmp_path: Path) -> None:
    ours = [".graph.ttl.1a2b3c4d.tmp", ".records.jsonl.00ff00ff.tmp", ".graph.html.deadbeef.tmp"]
    for name in ours:
        (tmp_path / name).write_text("half a file")
    (tmp_path / ".oxigraph.0badf00d.tmp").mkdir()  # a store being loaded
    (tmp_path / ".oxigraph.12345678.old").mkdir()  # a store moved aside
    theirs = [
        ".graph.ttl.tmp",
        "notes.tmp",
        ".page.html.1a2b3c4d.tmp",
        ".graph.ttl.XYZXYZXY.tmp",
        "graph.ttl",
    ]
    for name in theirs:
        (tmp_path / name).write_text("someone else's")
    removed = remove_leftovers(tmp_path, ["graph.ttl", "graph.html", "records.jsonl"])
    assert sorted(p.name for p in removed) == sorted(
        [*ours, ".oxigraph.0badf00d.tmp", ".oxigraph.12345678.old"]
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(theirs)


def test_a_store_folder_elsewhere_loses_only_its_own_leftovers(tmp_path: Path) -> None:
    for name in (".store.0badf00d.tmp", ".store.12345678.old", ".other.0badf00d.tmp"):
        (tmp_path / name).mkdir()
    removed = remove_leftovers(tmp_path, folders=["store"])
    assert sorted(p.name for p in removed) == [".store.0badf00d.tmp", ".store.12345678.old"]
    assert [p.name for p in tmp_path.iterdir()] == [".other.0badf00d.tmp"]


def test_a_folder_another_build_writes_in_is_refused(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    fd = os.open(tmp_path, os.O_RDONLY)  # another process's lock: a descriptor of its own
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(OutputError, match="another kg build is writing in"), write_lock(tmp_path):
            pass
    finally:
        os.close(fd)
    with write_lock(tmp_path), write_lock(tmp_path):  # free again, and re-entrant within a process
        pass


def _started_then_sleep(started: Any) -> None:
    started.set()  # after the fork's own hooks, so the worker is what a pool worker is
    time.sleep(30)


def test_a_forked_worker_does_not_keep_the_lock(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    fork = mp.get_context("fork")
    started = fork.Event()
    with write_lock(tmp_path):
        worker = fork.Process(target=_started_then_sleep, args=(started,))
        worker.start()
    try:
        assert started.wait(10)
        fd = os.open(tmp_path, os.O_RDONLY)  # the next build, while the worker lives on
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
    finally:
        worker.kill()
        worker.join()
