"""``kg build`` and ``kg extract`` over a folder of every input fault: exit 0, each fault named on
stderr, the rest built, nothing from outside the folder in the outputs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from kg.cli import cli
from kg.io.readers import MAX_FILE_BYTES


def faults(folder: Path) -> Path:
    folder.mkdir()
    (folder / "good.txt").write_text("Talbot Ferries hired Mira Osei in Dunmore.", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "zero.txt").symlink_to("/dev/zero")
    with (folder / "big.txt").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    lines = [
        json.dumps({"id": "spaced", "text": "Orrin Bank fined Calder Mills.", "url": 'http://x/ y"<>{}'}),
        "[" * 1000 + "]" * 1000,
        json.dumps({"id": "ipv6", "text": "Renquil Group bought Velda Foods.", "url": "http://[::1/x"}),
    ]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


NAMED = ("pipe.txt", "passwd.txt", "zero.txt", "big.txt", "wire.jsonl:2")


@pytest.mark.parametrize("store", [False, True])
def test_build_skips_and_names_each_fault_and_builds_the_rest(tmp_path: Path, store: bool) -> None:
    src, out = faults(tmp_path / "in"), tmp_path / "out"
    args = ["build", str(src), "--out", str(out)] + (
        ["--store", f"oxigraph:{tmp_path / 'db'}"] if store else []
    )
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("3 documents") and "(5 skipped)" in result.stdout
    skips = [line for line in result.stderr.splitlines() if line.startswith("kg: warning: skipped")]
    assert len(skips) == 5 and all(any(name in s for s in skips) for name in NAMED)
    assert "url 'http://[::1/x' cannot be an IRI" in result.stderr
    records = (out / "records.jsonl").read_text(encoding="utf-8")
    assert "root:" not in records
    ids = [json.loads(line)["document"]["id"] for line in records.splitlines()[1:]]
    assert sorted(ids) == ["good.txt", "ipv6", "spaced"]
    sources = set(Graph().parse(out / "graph.ttl").objects(None, DCTERMS.source))
    assert sources == {URIRef("http://x/%20y%22%3C%3E%7B%7D")}


def test_extract_follows_links_out_of_the_folder_only_when_asked(tmp_path: Path) -> None:
    src = faults(tmp_path / "in")
    runner = CliRunner()
    plain = runner.invoke(cli, ["extract", str(src)], catch_exceptions=False)
    assert plain.exit_code == 0, plain.stderr
    assert "passwd.txt" not in plain.stdout and "give --follow-symlinks" in plain.stderr
    followed = runner.invoke(cli, ["extract", str(src), "--follow-symlinks"], catch_exceptions=False)
    assert followed.exit_code == 0, followed.stderr
    assert [json.loads(line)["id"] for line in followed.stdout.splitlines()] == [
        "good.txt",
        "passwd.txt",
        "spaced",
        "ipv6",
    ]
    assert "zero.txt: a character device, not a regular file" in followed.stderr


def test_a_crash_in_extraction_is_a_named_skip_in_a_streamed_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.extract

    real = kg.extract.extract

    def fragile(docs, model=None, **kw):  # type: ignore[no-untyped-def]
        docs = list(docs)
        if any("boom" in d.text for d in docs):
            raise RecursionError("maximum recursion depth exceeded")
        yield from real(docs, **({"model": model} if model else {}), **kw)

    monkeypatch.setattr(kg.extract, "extract", fragile)
    src, out = faults(tmp_path / "in"), tmp_path / "out"
    (src / "odd.txt").write_text("boom", encoding="utf-8")
    args = ["build", str(src), "--out", str(out), "--store", f"oxigraph:{tmp_path / 'db'}"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "(6 skipped)" in result.stdout
    assert "odd.txt: extraction failed: RecursionError" in result.stderr
    records = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    assert [json.loads(line)["document"]["id"] for line in records] == ["good.txt", "spaced", "ipv6"]
