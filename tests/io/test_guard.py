"""No input stops reading: FIFOs, devices, links out of the folder, files too big, bad lines and
a reader that crashes are each skipped and named, and the rest is read."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

import kg.io.readers
from kg.errors import MetadataWarning
from kg.io import count_documents, iter_documents
from kg.io.guard import bounded_lines, clean_url
from kg.io.readers import MAX_DOCUMENT_CHARS, MAX_FILE_BYTES
from kg.records import Document, Skipped

GOOD = "Talbot Ferries hired Mira Osei in Dunmore on Monday."


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """A reader that opens a FIFO waits forever: fail the test instead."""

    def hung(*_: object) -> None:
        raise TimeoutError("reading the inputs hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def read(folder: Path, follow_symlinks: bool = False) -> tuple[list[Document], dict[str, str]]:
    skipped: list[Skipped] = []
    docs = list(iter_documents([folder], skipped, follow_symlinks=follow_symlinks))
    where = {f"{Path(s.source).name}{'' if s.line is None else f':{s.line}'}": s.reason for s in skipped}
    return docs, where


def test_a_fifo_is_named_and_never_opened(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    docs, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["good.txt"]
    assert "FIFO" in skipped["pipe.txt"] and "FIFO" in skipped["pipe.jsonl"]
    assert count_documents([tmp_path]) == 3  # the progress bar's count does not hang either


def test_links_out_of_the_folder_are_skipped_unless_followed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "passwd.txt").symlink_to("/etc/passwd")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    docs, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["good.txt"]
    assert "out of the input folder (to /etc/passwd)" in skipped["passwd.txt"]
    assert "--follow-symlinks" in skipped["passwd.txt"]
    assert "out of the input folder (to /dev/zero)" in skipped["zero.txt"]
    docs, skipped = read(tmp_path, follow_symlinks=True)
    assert [d.id for d in docs] == ["good.txt", "passwd.txt"]  # asked for
    assert "character device, not a regular file" in skipped["zero.txt"]  # still never read


def test_links_inside_the_folder_are_read_and_a_chain_out_of_it_is_not(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "same.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "out.txt").symlink_to("/etc/passwd")
    (tmp_path / "via.txt").symlink_to(tmp_path / "out.txt")  # in the folder, leading out of it
    docs, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["a.txt", "same.txt"]
    assert set(skipped) == {"out.txt", "via.txt"}


def test_a_file_too_big_is_skipped_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with (tmp_path / "big.txt").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk, no time
    real, decoded = kg.io.readers.decode, []

    def spy(raw: bytes, **kw: bool) -> object:
        decoded.append(len(raw))
        return real(raw, **kw)

    monkeypatch.setattr(kg.io.readers, "decode", spy)
    docs, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["good.txt"] and decoded == [len(GOOD)]  # big.txt never read
    assert f"{MAX_FILE_BYTES + 1:,} bytes, over the limit of {MAX_FILE_BYTES:,}" in skipped["big.txt"]


def test_a_text_over_the_character_limit_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text("word " * (MAX_DOCUMENT_CHARS // 5 + 1), encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    docs, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["good.txt"]
    assert f"over the limit of {MAX_DOCUMENT_CHARS:,}" in skipped["long.txt"]


def jsonl(folder: Path, *lines: str) -> Path:
    path = folder / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(doc_id: str, **extra: str) -> str:
    return json.dumps({"id": doc_id, "text": GOOD, **extra})


def test_a_line_of_deeply_nested_brackets_is_skipped(tmp_path: Path) -> None:
    jsonl(tmp_path, line("a"), "[" * 1000 + "]" * 1000, '{"x": ' * 5000 + "1" + "}" * 5000, line("b"))
    docs, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["a", "b"]
    assert set(skipped) == {"wire.jsonl:2", "wire.jsonl:3"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://x/ y", "http://x/%20y"),
        ('http://x/"<>{}|^`\\', "http://x/%22%3C%3E%7B%7D%7C%5E%60%5C"),
        ("http://x/a%20b?q=1#f", "http://x/a%20b?q=1#f"),  # already encoded: kept
        ("http://x/100%", "http://x/100%25"),
        ("https://x/caf\u00e9 bar", "https://x/caf\u00e9%20bar"),
        ("http://x/\n", "http://x/"),
    ],
)
def test_a_url_is_percent_encoded_into_an_iri(url: str, expected: str) -> None:
    assert clean_url(url) == expected
    ox.NamedNode(expected)  # Oxigraph (the store) accepts it
    g = Graph()
    g.add((URIRef("http://d"), URIRef("http://p"), URIRef(expected)))
    assert URIRef(expected) in set(Graph().parse(data=g.serialize(format="nt"), format="nt").objects())


def test_a_url_that_cannot_be_an_iri_is_dropped_with_a_warning(tmp_path: Path) -> None:
    jsonl(
        tmp_path,
        line("a", url="http://[::1/x"),
        line("b", url="http://x:port/"),
        line("c", url="http://x/ y"),
    )
    with pytest.warns(MetadataWarning) as caught:
        docs, skipped = read(tmp_path)
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2 and "wire.jsonl:1: url 'http://[::1/x' cannot be an IRI" in messages[0]
    assert "wire.jsonl:2: url 'http://x:port/'" in messages[1]
    assert [(d.id, d.url) for d in docs] == [("a", None), ("b", None), ("c", "http://x/%20y")]
    assert skipped == {}


def test_a_reader_that_crashes_skips_its_file_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def deep(*_: object) -> object:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(kg.io.readers, "extract_article", deep)
    (tmp_path / "a.html").write_text("<p>" + GOOD + "</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    docs, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["b.txt"]
    assert "RecursionError" in skipped["a.html"]


def test_a_crash_on_one_jsonl_line_skips_only_that_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = kg.io.readers._optional

    def fragile(record: dict[str, object], key: str) -> str | None:
        if record["id"] == "bad":
            raise ValueError("odd metadata")
        return real(record, key)

    monkeypatch.setattr(kg.io.readers, "_optional", fragile)
    jsonl(tmp_path, line("a"), line("bad"), line("b"))
    docs, skipped = read(tmp_path)
    assert [d.id for d in docs] == ["a", "b"]
    assert "ValueError: odd metadata" in skipped["wire.jsonl:2"]


def test_a_keyboard_interrupt_is_not_swallowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.io.readers, "extract_article", interrupted)
    (tmp_path / "a.html").write_text("<p>" + GOOD + "</p>", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        read(tmp_path)


def test_a_line_too_long_is_passed_over_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "lines"
    path.write_bytes(b"short\n" + b"x" * 100 + b"\n" + b"y" * 100 + b"\nlast")
    with path.open("rb") as handle:
        assert list(bounded_lines(handle, 10)) == [(1, b"short\n"), (2, None), (3, None), (4, b"last")]


def test_a_link_to_a_folder_outside_is_named_and_not_walked_into(tmp_path: Path) -> None:
    outside, folder = tmp_path / "outside", tmp_path / "in"
    outside.mkdir()
    folder.mkdir()
    (outside / "secret.txt").write_text(GOOD, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "elsewhere").symlink_to(outside)
    (folder / "loop").symlink_to(folder)  # inside: not walked into either, and no cycle
    docs, skipped = read(folder)
    assert [d.id for d in docs] == ["good.txt"]
    assert set(skipped) == {"elsewhere"} and "out of the input folder" in skipped["elsewhere"]
    docs, skipped = read(folder, follow_symlinks=True)
    assert [d.id for d in docs] == ["good.txt"] and "not walked into" in skipped["elsewhere"]
