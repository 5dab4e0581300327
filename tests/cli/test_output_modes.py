"""Every file a command writes can be read by whoever the umask lets read it: a web server serving
graph.html, a colleague in the group. With umask 022 they are 0644, with 077 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

TEXT = "Brenfield Holdings sued Corvane Ltd on Monday. Corvane Ltd is based in Marlow.\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(params=[(0o022, 0o644), (0o077, 0o600)], ids=["umask022", "umask077"])
def expected(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[int]:
    """The mode files must have, with the process's umask set for the test."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(TEXT, encoding="utf-8")
    old = os.umask(request.param[0])
    try:
        yield request.param[1]
    finally:
        os.umask(old)


def test_build_outputs_have_the_umask_mode(expected: int, tmp_path: Path) -> None:
    run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    for name in ("graph.ttl", "graph.html", "records.jsonl"):
        assert mode(tmp_path / "out" / name) == expected, name
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("flags", [[], ["--infer"]], ids=["streamed", "in-memory"])
def test_a_store_and_its_files_have_the_umask_mode(expected: int, tmp_path: Path, flags: list[str]) -> None:
    out, store = tmp_path / "out", tmp_path / "store"
    run("build", str(tmp_path / "in"), "--out", str(out), "--store", f"oxigraph:{store}", *flags)
    assert mode(store) == expected | (expected & 0o444) >> 2  # a folder: x wherever r
    for path in [*out.iterdir(), *store.iterdir()]:
        assert mode(path) == expected, path.name


def test_every_command_output_has_the_umask_mode(expected: int, tmp_path: Path) -> None:
    run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    graph = str(tmp_path / "out" / "graph.ttl")
    written = {
        "records.jsonl": ["extract", str(tmp_path / "in"), "-o"],
        "graph.gexf": ["export", graph, "--format", "gexf", "-o"],
        "page.html": ["render", graph, "-o"],
        "inferred.ttl": ["infer", graph, "-o"],
    }
    for name, args in written.items():
        run(*args, str(tmp_path / name))
        assert mode(tmp_path / name) == expected, name
    run("infer", graph)  # beside the graph: graph.inferred.ttl
    assert mode(tmp_path / "out" / "graph.inferred.ttl") == expected
