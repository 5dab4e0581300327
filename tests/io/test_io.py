"""Readers: every input format, every kind of bad input, ids, order, and offsets kept intact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import DecodingWarning, InputError
from kg.io import SUPPORTED_EXTENSIONS, extract_article, iter_documents, prepare_document, read_inputs
from kg.records import Skipped
from tests.conftest import EXAMPLES, SHARED


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def jsonl(path: Path, *lines: object) -> Path:
    return write(path, "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))


# ----------------------------------------------------------------------------- formats


def test_txt_text_is_the_decoded_file_exactly(tmp_path: Path) -> None:
    text = "Quarry firm fined\r\n\r\nThe  Tarn Valley Stone Co. was fined.\n\tIndented line.\n"
    result = read_inputs([write(tmp_path / "a.txt", text)])
    [doc] = result.documents
    assert doc.text == text  # newlines and spacing untouched: offsets count them
    assert doc.id == "a.txt"
    assert doc.title == "Quarry firm fined"
    assert doc.source == str(tmp_path / "a.txt")


def test_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfOrlen Mills sued Baxby Farms.")
    [doc] = read_inputs([path]).documents
    assert doc.text == "Orlen Mills sued Baxby Farms."


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Can The Deal Survive?", "Can The Deal Survive?"),
        ("Grain exporters face new tariff", "Grain exporters face new tariff"),
        ("The board of Hedley Foods met on Monday and approved the sale.", None),
        (" ".join(["word"] * 25), None),
    ],
)
def test_txt_title_is_a_short_first_line(tmp_path: Path, first_line: str, title: str | None) -> None:
    path = write(tmp_path / "t.txt", f"{first_line}\n\nThe body of the story follows here.\n")
    assert read_inputs([path]).documents[0].title == title


def test_md_title_is_the_first_level_one_heading(tmp_path: Path) -> None:
    path = write(tmp_path / "m.md", "Intro line.\n\n## Not this\n\n# Dockers strike at Port Adley #\n\nText.")
    [doc] = read_inputs([path]).documents
    assert doc.title == "Dockers strike at Port Adley"
    assert doc.text.startswith("Intro line.")


def test_html_keeps_the_article_and_drops_page_furniture(tmp_path: Path) -> None:
    page = """<html><head><title>Mill closes | Valley News</title>
    <meta property="article:published_time" content="2025-01-02"><style>p {color: red}</style></head>
    <body><nav><a>Home</a> <a>Business</a></nav><header>Valley News</header>
    <main><h1>Mill closes</h1><p>Hartwell&nbsp;Paper   said it
    would close its mill.</p><p>Workers &amp; unions <b>protested</b>.<br>More later.</p>
    <aside>Most read: Other story</aside><form>Subscribe</form></main>
    <footer>&copy; Valley News</footer><script>var x = "Hidden";</script></body></html>"""
    [doc] = read_inputs([write(tmp_path / "p.html", page)]).documents
    assert doc.text.split("\n") == [
        "Mill closes",
        "",
        "Hartwell Paper said it would close its mill.",
        "",
        "Workers & unions protested.",
        "More later.",
    ]
    assert doc.title == "Mill closes | Valley News"
    assert doc.date == "2025-01-02"


def test_builtin_reader_prefers_the_longest_article_and_falls_back_to_h1_for_the_title() -> None:
    page = (
        "<body><p>Cookie notice.</p><article><p>Teaser.</p></article>"
        "<article><h1>Port deal signed</h1><p>Brask Lines signed a deal with the port.</p></article></body>"
    )
    article = extract_article(page, reader="builtin")
    assert article.text == "Port deal signed\n\nBrask Lines signed a deal with the port."
    assert article.title == "Port deal signed"


def test_html_without_article_or_main_uses_the_body() -> None:
    assert extract_article("<div>Line one</div><div>Line two</div>").text == "Line one\nLine two"


def test_html_in_a_declared_legacy_encoding_is_read(tmp_path: Path) -> None:
    page = '<meta charset="windows-1252"><p>Caf\xe9 owner sued the landlord.</p>'.encode("cp1252")
    [doc] = read_inputs([write(tmp_path / "legacy.htm", page)]).documents
    assert doc.text == "Café owner sued the landlord."


def test_jsonl_one_article_per_line(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "wire.jsonl",
        {
            "id": "w-1",
            "text": "Line one.\nLine two.",
            "title": "One",
            "date": "2025-03-01",
            "url": "https://x.org/1",
        },
        "",
        {"id": 7, "text": "Numeric ids are accepted.", "extra": True},
    )
    result = read_inputs([path])
    assert result.skipped == []
    first, second = result.documents
    assert (first.id, first.text, first.title, first.date, first.url) == (
        "w-1",
        "Line one.\nLine two.",
        "One",
        "2025-03-01",
        "https://x.org/1",
    )
    assert (second.id, second.title) == ("7", None)
    assert first.source == second.source == str(path)


def test_examples_folder_reads_every_article() -> None:
    result = read_inputs([EXAMPLES])
    assert result.skipped == []
    assert [d.id for d in result.documents] == [
        "corvane_renquil_lawsuit.txt",
        "gulf_dredging_letter.md",
        "prairie_wheat_alliance.html",
        "quillstone-ledgerpay",
        "calloway-crane-verdict",
    ]
    assert all(d.title for d in result.documents)
    html = result.documents[2]
    assert "Markets" not in html.text and "analytics" not in html.text  # nav and script dropped


# ----------------------------------------------------------------------------- folders and ids


def test_folders_are_read_recursively_in_sorted_order_with_relative_posix_ids(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    # Created out of order: the order read must not depend on the file system's.
    names = [
        "b/z.md",
        "a.txt",
        "b/a/y.html",
        "c.txt",
        "notes.pdf",
        "b/.hidden.txt",
        ".cache/x.txt",
        "README.md",
    ]
    for name in names:
        write(corpus / name, f"<p>Story {name}.</p>" if name.endswith("html") else f"Story {name}.")
    jsonl(corpus / "b" / "feed.jsonl", {"id": "feed-1", "text": "From a feed."})
    result = read_inputs([corpus])
    assert [d.id for d in result.documents] == ["a.txt", "b/a/y.html", "feed-1", "b/z.md", "c.txt"]
    assert result.documents[1].source == str(corpus / "b" / "a" / "y.html")
    assert read_inputs([corpus]).documents == result.documents


def test_files_and_folders_mix_and_a_file_given_directly_is_named_by_its_file_name(tmp_path: Path) -> None:
    write(tmp_path / "folder" / "sub" / "one.txt", "One.")
    two = write(tmp_path / "elsewhere" / "deep" / "two.txt", "Two.")
    result = read_inputs([str(two), tmp_path / "folder"])
    assert [d.id for d in result.documents] == ["two.txt", "sub/one.txt"]


def test_extensions_are_matched_case_insensitively(tmp_path: Path) -> None:
    write(tmp_path / "d" / "UPPER.TXT", "Shouty file name.")
    assert [d.id for d in read_inputs([tmp_path / "d"]).documents] == ["UPPER.TXT"]


# ----------------------------------------------------------------------------- bad paths raise


def test_missing_path_is_an_input_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match=r"nope\.txt: no such file or folder"):
        read_inputs([missing])


def test_folder_without_articles_names_it_and_lists_the_extensions(tmp_path: Path) -> None:
    write(tmp_path / "empty" / "data.csv", "a,b\n")
    with pytest.raises(InputError) as error:
        read_inputs([tmp_path / "empty"])
    assert "empty" in str(error.value)
    assert all(ext in str(error.value) for ext in SUPPORTED_EXTENSIONS)


def test_unsupported_file_given_explicitly_names_it_and_lists_the_extensions(tmp_path: Path) -> None:
    path = write(tmp_path / "report.pdf", b"%PDF-1.4")
    with pytest.raises(InputError) as error:
        read_inputs([path])
    assert "report.pdf" in str(error.value) and "'.pdf'" in str(error.value)
    assert all(ext in str(error.value) for ext in SUPPORTED_EXTENSIONS)


def test_no_paths_at_all_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no input"):
        read_inputs([])


def test_bad_paths_raise_before_anything_is_read(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Fine.")
    skipped: list[Skipped] = []
    with pytest.raises(InputError, match=r"missing\.md"):
        iter_documents([good, tmp_path / "missing.md"], skipped)  # at the call, not on iteration


# ----------------------------------------------------------------------------- bad content is skipped


def test_binary_empty_and_blank_files_are_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "1_binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    write(folder / "2_empty.md", "")
    write(folder / "3_blank.txt", " \n\t\n")
    write(folder / "4_no_text.html", "<nav>Only a menu</nav><script>x()</script>")
    write(folder / "5_good.txt", "Still read.")
    result = read_inputs([folder])
    assert [d.id for d in result.documents] == ["5_good.txt"]
    reasons = {Path(s.source).name: s.reason for s in result.skipped}
    assert reasons["1_binary.txt"].startswith("not text: not valid UTF-8 (byte 0x89 at offset 0)")
    assert reasons["2_empty.md"] == reasons["3_blank.txt"] == "empty file"
    assert reasons["4_no_text.html"] == "no article text in the markup"


@pytest.mark.skipif(not SHARED.exists(), reason="shared corpus not present")
def test_the_bbc_file_that_is_not_utf8_is_read_as_windows_1252_with_a_warning() -> None:
    latin = SHARED / "news" / "bbc" / "sport" / "199.txt"
    with pytest.warns(DecodingWarning, match=r"199\.txt: not UTF-8; read as cp1252"):
        result = read_inputs([latin, SHARED / "news" / "bbc" / "sport" / "198.txt"])
    assert [d.id for d in result.documents] == ["199.txt", "198.txt"]
    assert "a £15.8m signing" in result.documents[0].text
    assert result.skipped == []


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "x", "text": "unterminated', "malformed JSON"),
        ('["a", "list"]', "not a JSON object"),
        ('{"text": "no id"}', "missing 'id'"),
        ('{"id": "x"}', "missing 'text'"),
        ("{}", "missing 'id' and 'text'"),
        ('{"id": "x", "text": 42}', "'text' must be a string"),
        ('{"id": "x", "text": null}', "'text' must be a string"),
        ('{"id": null, "text": "t"}', "'id' must be a non-empty string"),
        ('{"id": "", "text": "t"}', "'id' must be a non-empty string"),
        ('{"id": "x", "text": "  \\n "}', "empty text"),
        ('{"id": "x", "text": "\\ud800"}', "unpaired surrogate"),
    ],
)
def test_bad_jsonl_lines_are_skipped_with_their_line_number(tmp_path: Path, line: str, reason: str) -> None:
    path = jsonl(tmp_path / "f.jsonl", {"id": "ok-1", "text": "Good."}, line, {"id": "ok-2", "text": "Good."})
    result = read_inputs([path])
    assert [d.id for d in result.documents] == ["ok-1", "ok-2"]
    [skip] = result.skipped
    assert (skip.source, skip.line) == (str(path), 2)
    assert reason in skip.reason
    assert str(skip).startswith(f"{path}:2: ")


def test_invalid_utf8_inside_a_jsonl_line_skips_only_that_line(tmp_path: Path) -> None:
    path = write(tmp_path / "f.jsonl", b'{"id": "a", "text": "A."}\n{"id": "b", "text": "B\xff"}\n')
    result = read_inputs([path])
    assert [d.id for d in result.documents] == ["a"]
    assert result.skipped[0].line == 2 and "not valid UTF-8" in result.skipped[0].reason


def test_duplicate_ids_keep_the_first_and_skip_the_rest(tmp_path: Path) -> None:
    feed = jsonl(
        tmp_path / "feed.jsonl",
        {"id": "a", "text": "First."},
        {"id": "a", "text": "Second."},
        {"id": "one.txt", "text": "Clashes with a file id."},
    )
    write(tmp_path / "x" / "one.txt", "From folder x.")
    write(tmp_path / "y" / "one.txt", "From folder y.")
    result = read_inputs([feed, tmp_path / "x", tmp_path / "y"])
    assert [(d.id, d.text) for d in result.documents] == [
        ("a", "First."),
        ("one.txt", "Clashes with a file id."),
    ]
    assert [(Path(s.source).name, s.line) for s in result.skipped] == [
        ("feed.jsonl", 2),
        ("one.txt", None),
        ("one.txt", None),
    ]
    assert all("duplicate document id" in s.reason for s in result.skipped)
    assert f"first read from {feed}:1" in result.skipped[0].reason


def test_iter_documents_streams(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "big.jsonl", {"id": "1", "text": "One."}, "not json", {"id": "2", "text": "Two."})
    skipped: list[Skipped] = []
    stream = iter_documents([path], skipped)
    assert next(stream).id == "1"
    assert skipped == []  # the bad line has not been reached yet
    assert [d.id for d in stream] == ["2"]
    assert [s.line for s in skipped] == [2]


# ----------------------------------------------------------------------------- offsets


# Pieces chosen to hit every rule: bullets, headings, pipes, emphasis, links, quotes, CR/LF.
_PIECES = [*"ab Z.,!?:;\"'|-*_#[]()`>•\n\r\t\u00a0é\u2019", "\r\n", "- ", "# ", "Related reading\n", "](x)"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT, suffix=st.sampled_from([".txt", ".md"]))
def test_file_text_round_trips_and_prepared_text_keeps_every_offset(
    tmp_path: Path, text: str, suffix: str
) -> None:
    body = "Story " + text  # never empty, never a leading byte-order mark
    path = write(tmp_path / f"doc{suffix}", body)
    [doc] = read_inputs([path]).documents
    assert doc.text == body
    prepared = prepare_document(doc)
    assert len(prepared) == len(doc.text)
    # Each character is kept or blanked, never moved: offsets into one are offsets into the other.
    assert all(p == t or p in " \n" for p, t in zip(prepared, doc.text, strict=True))
