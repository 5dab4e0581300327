"""Several worker processes give the same records as one, in the same order; the bar stays quiet."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import cli
from kg.io import count_documents, read_inputs
from kg.parallel import extract_parallel
from kg.progress import build_progress
from tests.conftest import EXAMPLES


def test_two_workers_give_the_same_extractions_in_order() -> None:
    docs = read_inputs([EXAMPLES]).documents * 3  # more chunks than workers
    one = list(extract_parallel(docs, workers=1))
    two = list(extract_parallel(docs, workers=2, chunk_size=2))
    assert [e.document.id for e in two] == [d.id for d in docs]
    assert two == one


def test_build_with_workers_writes_the_same_graph(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert CliRunner().invoke(cli, ["build", str(EXAMPLES), "--out", str(a)]).exit_code == 0
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--out", str(b), "--workers", "2"])
    assert result.exit_code == 0, result.stderr
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()


def test_workers_must_be_positive(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--out", str(tmp_path), "--workers", "0"])
    assert result.exit_code == 2


def test_count_documents_counts_json_lines(tmp_path: Path) -> None:
    assert count_documents([EXAMPLES]) == 5  # four files, one of them two JSON lines


def test_no_progress_bar_in_pipes_or_ci() -> None:
    with build_progress([EXAMPLES]) as progress:  # pytest's stderr is not a terminal
        assert progress is None


def test_progress_bar_on_a_terminal_shows_documents_words_and_relations(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import kg.progress

    monkeypatch.setattr(kg.progress, "wanted", lambda: True)
    docs = read_inputs([EXAMPLES]).documents
    with build_progress([EXAMPLES]) as progress:
        assert progress is not None
        for ex in extract_parallel(docs, workers=1):
            progress(ex)
    err = capsys.readouterr().err
    assert "5/5" in err and "words/s" in err and "relations" in err
