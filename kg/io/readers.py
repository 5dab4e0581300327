"""Read articles from files and folders into :class:`~kg.records.Document` records.

Bad paths raise :class:`~kg.errors.InputError` before anything is read; a bad file or line is
recorded as :class:`~kg.records.Skipped` and reading goes on: no file, line or link in a folder
stops a build (:mod:`kg.io.guard` says what is checked before a file is opened).
"""

from __future__ import annotations

import json
import os
import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import DecodingWarning, InputError, MetadataWarning
from kg.io.clean import heading_line
from kg.io.decode import Undecodable, decode
from kg.io.guard import bounded_lines, clean_url, link_problem, open_regular, read_regular
from kg.io.html import DEFAULT_HTML_READER, check_html_reader, extract_article
from kg.records import Document, ReadResult, Skipped

__all__ = ["MAX_DOCUMENT_CHARS", "MAX_FILE_BYTES", "SUPPORTED_EXTENSIONS", "iter_documents", "read_inputs"]

SUPPORTED_EXTENSIONS = (".htm", ".html", ".jsonl", ".md", ".txt")
_SUPPORTED_LIST = ", ".join(SUPPORTED_EXTENSIONS)
# spaCy refuses a text longer than nlp.max_length (1,000,000 characters) and its parser needs
# about 1 GB per 100,000 characters; a longer "article" is a dump or a mistake, so it is skipped.
MAX_DOCUMENT_CHARS = 1_000_000
# The same limit in bytes, checked before a file is read: no encoding takes more than 4 bytes a
# character. Markup and JSON escapes ("\\u00e9" is 6 bytes for one character) take more, so an
# HTML page or a JSON Lines line may be 16 times as long.
MAX_FILE_BYTES = 4 * MAX_DOCUMENT_CHARS + 4
MAX_MARKUP_BYTES = 16 * MAX_DOCUMENT_CHARS
_NOT_ARTICLES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING"})
_MD_TITLE = re.compile(r"^ {0,3}# +(.+?)(?: +#+)? *$", re.MULTILINE)
_MD_SETEXT_TITLE = re.compile(r"\A\s*([^\n]+)\n=+ *$", re.MULTILINE)


@dataclass(frozen=True)
class _Source:
    path: Path
    id: str  # the document id of a one-article file
    folder: Path | None = None  # the input folder it was found in; None for a file given by name


def read_inputs(
    paths: Sequence[str | Path], html_reader: str = DEFAULT_HTML_READER, follow_symlinks: bool = False
) -> ReadResult:
    """Read every article under ``paths`` (files and folders, in a deterministic order);
    ``html_reader`` is how an HTML page's article is found (:data:`kg.io.html.HTML_READERS`);
    ``follow_symlinks`` reads links in a folder whose target is outside it too.

    >>> result = read_inputs(["examples/"])  # doctest: +SKIP
    >>> [d.id for d in result.documents][:2]  # doctest: +SKIP
    ['corvane_renquil_lawsuit.txt', 'gulf_dredging_letter.md']
    """
    result = ReadResult()
    result.documents.extend(iter_documents(paths, result.skipped, html_reader, follow_symlinks))
    return result


def iter_documents(
    paths: Sequence[str | Path],
    skipped: list[Skipped],
    html_reader: str = DEFAULT_HTML_READER,
    follow_symlinks: bool = False,
) -> Iterator[Document]:
    """Stream the articles under ``paths``, appending what cannot be read to ``skipped``.

    The paths are checked at once (a missing path, an unsupported file or a folder without
    articles raises :class:`InputError`); files are then read one at a time, and JSON Lines
    files line by line, so a large corpus is never held in memory. Anything in a folder that is
    not a regular file, a symbolic link out of the folder (unless ``follow_symlinks``), a file
    over :data:`MAX_FILE_BYTES` and a document whose reading fails in any way are skipped.
    """
    if not paths:
        raise InputError(f"no input given; give files or folders of {_SUPPORTED_LIST} files")
    check_html_reader(html_reader)
    sources = [source for path in paths for source in _sources(Path(path))]
    return _documents(sources, skipped, html_reader, follow_symlinks)


def count_documents(paths: Sequence[str | Path], follow_symlinks: bool = False) -> int:
    """How many documents the inputs hold, without decoding them (a JSON Lines file is one per
    non-blank line): for a progress bar's total. A file that would be skipped counts one."""
    total = 0
    for source in (s for path in paths for s in _sources(Path(path))):
        handle = None
        if source.path.suffix.lower() == ".jsonl" and not link_problem(
            source.path, source.folder, follow_symlinks
        ):
            handle = open_regular(source.path)
        if handle is None or isinstance(handle, str):
            total += 1
            continue
        with handle:
            total += sum(
                1 for _, line in bounded_lines(handle, MAX_MARKUP_BYTES) if line is None or line.strip()
            )
    return total


def _sources(path: Path) -> list[_Source]:
    if path.is_dir():
        found = [_Source(file, file.relative_to(path).as_posix(), path) for file in _walk(path)]
        if not found:
            raise InputError(f"{path}: no articles in this folder (looked for {_SUPPORTED_LIST} files)")
        return found
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.suffix.lower() not in SUPPORTED_EXTENSIONS:
        kind = f"'{path.suffix}'" if path.suffix else "without an extension"
        raise InputError(f"{path}: unsupported file type {kind}; supported: {_SUPPORTED_LIST}")
    return [_Source(path, path.name)]


def _walk(folder: Path) -> list[Path]:
    # Sorted by path so the same folder always gives the same order (and the same graph).
    # Hidden folders and files (.git, .ipynb_checkpoints) hold copies, not articles; a README
    # or LICENSE describes the folder. Links to folders are not walked into (os.walk's default,
    # and no cycles); one leading out of the folder is listed, to be named as skipped.
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root) / d for d in dirs if link_problem(Path(root) / d, folder, follow_symlinks=False)]
        for name in files:
            if (
                not name.startswith(".")
                and Path(name).suffix.lower() in SUPPORTED_EXTENSIONS
                and Path(name).stem.upper() not in _NOT_ARTICLES
            ):
                found.append(Path(root) / name)
    return sorted(found, key=lambda file: file.relative_to(folder).parts)


def _documents(
    sources: list[_Source], skipped: list[Skipped], html_reader: str, follow_symlinks: bool
) -> Iterator[Document]:
    seen: dict[str, str] = {}  # id -> where it was first read, for the message
    for source in sources:
        for item, line in _read_safely(source, html_reader, follow_symlinks):
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            where = f"{source.path}:{line}" if line is not None else str(source.path)
            if item.id in seen:
                # Two folders given side by side can hold the same relative paths.
                hint = "" if line is not None else "; give their common parent folder instead"
                reason = f"duplicate document id {item.id!r} (first read from {seen[item.id]}){hint}"
                skipped.append(Skipped(str(source.path), reason, line))
                continue
            problem = _unfit(item.text)
            if problem:
                skipped.append(Skipped(str(source.path), f"document {item.id!r} skipped: {problem}", line))
                continue
            seen[item.id] = where
            yield item


def _unfit(text: str) -> str | None:
    """Why a decoded text is no article: too long for the parser, or binary data."""
    if len(text) > MAX_DOCUMENT_CHARS:
        return f"{len(text):,} characters, over the limit of {MAX_DOCUMENT_CHARS:,}"
    if "\x00" in text:
        return "binary data (NUL bytes), not text"
    return None


def _read_safely(
    source: _Source, html_reader: str, follow_symlinks: bool
) -> Iterator[tuple[Document | Skipped, int | None]]:
    """:func:`_read`, with a link out of the folder skipped, and a failure of any kind in reading
    one file (a parser's RecursionError on deep markup, say) a skip rather than the end of the
    build. KeyboardInterrupt still stops it."""
    where = str(source.path)
    problem = link_problem(source.path, source.folder, follow_symlinks)
    if problem:
        yield Skipped(where, problem), None
        return
    try:
        yield from _read(source, html_reader)
    except Exception as error:  # one file must not stop the corpus
        yield Skipped(where, f"cannot read: {type(error).__name__}: {error}"[:300]), None


def _read(source: _Source, html_reader: str) -> Iterator[tuple[Document | Skipped, int | None]]:
    """Each document or skip of one file, with its line number (JSON Lines) or None."""
    suffix = source.path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(source.path)
        return
    where = str(source.path)
    html = suffix in (".html", ".htm")
    raw = read_regular(source.path, MAX_MARKUP_BYTES if html else MAX_FILE_BYTES)
    if isinstance(raw, str):
        yield Skipped(where, raw), None
        return
    decoded = decode(raw, html=html)
    if isinstance(decoded, Undecodable):
        yield Skipped(where, decoded.reason), None
        return
    if decoded.detected:
        message = f"{where}: not UTF-8; read as {decoded.encoding} (the encoding charset-normalizer detected)"
        warnings.warn(DecodingWarning(message), stacklevel=2)
    text = decoded.text
    if not text.strip():
        yield Skipped(where, "empty file"), None
    elif html:
        article = extract_article(text, html_reader)
        if article.text:
            url = _url(article.url, where)
            yield Document(source.id, article.text, article.title, article.date, url, where), None
        else:
            yield Skipped(where, "no article text in the markup"), None
    elif suffix == ".md":
        yield Document(source.id, text, _markdown_title(text), source=where), None
    else:
        yield Document(source.id, text, heading_line(text), source=where), None


def _markdown_title(text: str) -> str | None:
    match = _MD_TITLE.search(text) or _MD_SETEXT_TITLE.search(text)
    return match.group(1).strip() if match else None


def _read_jsonl(path: Path) -> Iterator[tuple[Document | Skipped, int | None]]:
    where = str(path)
    handle = open_regular(path)
    if isinstance(handle, str):
        yield Skipped(where, handle), None
        return
    with handle:
        for number, raw in bounded_lines(handle, MAX_MARKUP_BYTES):
            if raw is None:
                reason = f"a line over the limit of {MAX_MARKUP_BYTES:,} bytes for one document: not read"
                yield Skipped(where, reason, number), number
                continue
            try:
                item = _parse_line(raw, first=number == 1, source=where, number=number)
            except Exception as error:  # one line must not stop the corpus
                item = f"cannot read: {type(error).__name__}: {error}"[:300]
            if isinstance(item, str):
                yield Skipped(where, item, number), number
            elif item is not None:
                yield item, number


def _parse_line(raw: bytes, *, first: bool, source: str, number: int = 0) -> Document | str | None:
    """A document, the reason a line is skipped, or None for a blank line."""
    try:
        line = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as error:
        return f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at column {error.start + 1})"
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return f"malformed JSON: {error.msg} (column {error.colno})"
    except RecursionError:
        return "malformed JSON: nested too deeply to read"
    if not isinstance(record, dict):
        return f"not a JSON object but a {type(record).__name__}"
    missing = [key for key in ("id", "text") if key not in record]
    if missing:
        return f"missing {' and '.join(repr(k) for k in missing)}"
    doc_id, text = record["id"], record["text"]
    # Numeric ids are common in exported corpora and unambiguous; anything else is a mistake.
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        return f"'id' must be a non-empty string, not {json.dumps(doc_id)}"
    if not isinstance(text, str):
        return f"'text' must be a string, not {type(text).__name__}"
    if not text.strip():
        return "empty text"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "'text' holds an unpaired surrogate escape"
    title, date, url = (_optional(record, key) for key in ("title", "date", "url"))
    return Document(doc_id, text, title, date, _url(url, f"{source}:{number}"), source)


def _optional(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    return value if isinstance(value, str) and value.strip() else None


def _url(value: str | None, where: str) -> str | None:
    """A document's URL fit for an IRI (see :func:`kg.io.guard.clean_url`); one that cannot be
    made so is dropped with a warning, and the document is read without it."""
    if value is None:
        return None
    url = clean_url(value)
    if url is None:
        message = f"{where}: url {value[:200]!r} cannot be an IRI; the document is read without it"
        warnings.warn(MetadataWarning(message), stacklevel=3)
    return url
