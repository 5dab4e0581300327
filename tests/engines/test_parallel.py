"""Several worker processes give the same records as one, in the same order; the bar stays quiet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.cli.progress import build_progress
from kg.engines.local import extract_parallel
from kg.io import count_documents, read_inputs
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


def test_progress_bar_on_a_terminal_shows_documents_words_and_statements(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import kg.cli.progress

    monkeypatch.setattr(kg.cli.progress, "wanted", lambda: True)
    docs = read_inputs([EXAMPLES]).documents
    with build_progress([EXAMPLES]) as progress:
        assert progress is not None
        for ex in extract_parallel(docs, workers=1):
            progress(ex)
    err = capsys.readouterr().err
    assert "5/5" in err and "words/s" in err and "statements" in err


def _fragile(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Make extraction raise on any document that says "boom", as a bug would on an odd input."""
    import kg.extract

    real = kg.extract.extract

    def fragile(docs, model=None, **kw):  # type: ignore[no-untyped-def]
        docs = list(docs)
        if any("boom" in d.text for d in docs):
            raise RuntimeError("boom")
        yield from real(docs, **({"model": model} if model else {}), **kw)

    monkeypatch.setattr(kg.extract, "extract", fragile)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_document_that_breaks_extraction_is_skipped_and_the_build_goes_on(
    tmp_path: Path,
    monkeypatch,
    workers: str,  # type: ignore[no-untyped-def]
) -> None:
    _fragile(monkeypatch)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Ostry Bank sued Renquil Mining on Monday.", encoding="utf-8")
    (src / "b.txt").write_text("boom", encoding="utf-8")
    (src / "c.txt").write_text("Renquil Mining denied the claim.", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(out), "--workers", workers])
    assert result.exit_code == 0, result.stderr
    assert "skipped" in result.stderr and "b.txt" in result.stderr and "boom" in result.stderr
    records = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    assert [json.loads(line)["document"]["id"] for line in records] == ["a.txt", "c.txt"]


def test_kg_extract_skips_a_document_that_breaks_extraction(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _fragile(monkeypatch)
    (tmp_path / "a.txt").write_text("Ostry Bank sued Renquil Mining.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("boom", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a.txt"]
    assert "b.txt" in result.stderr
