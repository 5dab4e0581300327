"""Output files get the mode any tool's output gets (0666 less the umask) and are still written
by temp file and rename."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.files import atomic_write, new_temp


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
