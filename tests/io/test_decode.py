"""Encodings: a byte-order mark decides, UTF-8 is read as it is, anything else is read in the
encoding charset-normalizer detects, with a warning naming it; binary files are skipped."""

from __future__ import annotations

import codecs
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import DecodingWarning
from kg.io import read_inputs
from kg.io.decode import Decoded, Undecodable, decode

TEXT = "Zoë Brant, who runs the Café Orléans, sued Harlow Foods for £4,000 on Monday.\r\nThe firm said no."
BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def read_quietly(path: Path) -> tuple[list[str], list[str]]:
    """(the texts read, the warnings given) for one file."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = read_inputs([path])
    return [d.text for d in result.documents], [str(w.message) for w in caught]


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_byte_order_mark_decides_and_no_warning_is_given(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    path = tmp_path / "windows.txt"
    path.write_bytes(bom + TEXT.encode(codec))
    texts, given = read_quietly(path)
    assert texts == [TEXT]  # the mark is dropped, "\r\n" kept: offsets count every character
    assert given == []


def test_a_utf16_html_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(f"<html><body><p>{TEXT}</p></body></html>".encode("utf-16"))
    assert read_quietly(path) == ([" ".join(TEXT.split("\r\n"))], [])


def test_a_latin1_file_is_read_with_a_warning_naming_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(TEXT.encode("latin-1"))
    with pytest.warns(DecodingWarning) as given:
        [doc] = read_inputs([path]).documents
    assert doc.text == TEXT
    # windows-1252 reads every Latin-1 letter the same, and the "curly quotes" Latin-1 lacks
    assert [str(w.message) for w in given] == [
        f"{path}: not UTF-8; read as cp1252 (the encoding charset-normalizer detected)"
    ]


def test_a_cyrillic_file_is_read_in_its_own_code_page(tmp_path: Path) -> None:
    text = "Москва заявила, что Газпром подписал контракт с Роснефтью в понедельник."
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    texts, given = read_quietly(path)
    assert texts == [text]
    assert given == [f"{path}: not UTF-8; read as cp1251 (the encoding charset-normalizer detected)"]


def test_a_declared_charset_is_honoured_without_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    path.write_bytes(f'<meta charset="iso-8859-15"><p>{TEXT}</p>'.replace("£", "€").encode("iso-8859-15"))
    texts, given = read_quietly(path)
    assert "€4,000" in texts[0] and given == []


def test_a_binary_file_is_skipped_and_named(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(BINARY)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no decoding warning for what is not read
        result = read_inputs([path])
    assert result.documents == []
    [skipped] = result.skipped
    assert skipped.source == str(path)
    assert (
        skipped.reason
        == "not text: not valid UTF-8 (byte 0x89 at offset 0) and no encoding fits (binary data?)"
    )


def test_a_file_cut_short_after_a_utf16_mark_is_skipped_saying_so() -> None:
    result = decode(codecs.BOM_UTF16_LE + "Orlen".encode("utf-16-le") + b"\x00\xd8")
    assert result == Undecodable("not valid UTF-16 LE despite its byte-order mark (byte 0x00 at offset 12)")


def test_decode_says_which_encoding_and_whether_it_was_detected() -> None:
    assert decode(TEXT.encode("utf-8")) == Decoded(TEXT, "utf-8", detected=False)
    assert decode(TEXT.encode("utf-16-be"), html=False).detected  # no mark: charset-normalizer's guess


def test_the_command_line_prints_one_warning_line_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(TEXT.encode("latin-1"))
    (tmp_path / "photo.txt").write_bytes(BINARY)
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "-o", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 0, result.stderr
    detected = "not UTF-8; read as cp1252 (the encoding charset-normalizer detected)"
    assert result.stderr.splitlines() == [
        f"kg: warning: {tmp_path / 'latin.txt'}: {detected}",
        f"kg: warning: skipped {tmp_path / 'photo.txt'}: not text: not valid UTF-8 (byte 0x89 at offset 0) "
        "and no encoding fits (binary data?)",
    ]
