"""The text the NLP stage analyses instead of the raw article: same length, so offsets stay valid.

Every rewrite here only replaces a character by a space (or a lone ``\\r`` by ``\\n``, or the
capital of a function word after "U.S." in old wire copy by its lower case: see ``kg.io.wire``);
nothing is inserted or deleted, so an offset into the prepared text is an offset into the original.

>>> raw = "Lake Shipping sued on Monday. The American Barge\\nAssociation said so.\\n\\n- Related reading\\n"
>>> prepare_text(raw).split("\\n")
['Lake Shipping sued on Monday. The American Barge Association said so.', '', '                 ', '']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from kg.io.markdown import blank_markdown, markdown_block_end, markdown_block_start
from kg.io.wire import mask_wire_copy
from kg.records import Document

__all__ = ["heading_line", "mask_boilerplate", "prepare_document", "prepare_text"]

MARKDOWN_SUFFIXES = (".md", ".markdown")

# A list bullet: "-", "*", "+", "•" and friends, or the "|-" of scraped link lists, then a space.
_BULLET = re.compile(r"\s*(?:\|-|[-*+•·▪►»–—])\s")
_ORDERED_ITEM = re.compile(r"\s*\d{1,3}[.)]\s")
# A line made only of rule characters: "---", "* * *", "|", "====".
_SEPARATOR = re.compile(r"\s*[-=_*~|•·+#/\\.]+(?:\s+[-=_*~|•·+#/\\.]+)*\s*")
# The words that open a block of links on a web page. They are generic page furniture, not
# names, and are only trusted on a short line that is not a sentence (see _kind).
_HEADER = re.compile(
    r"(?:related\b|read (?:more|next|also)\b|more (?:from|on|about|stories|news|in)\b|see also\b"
    r"|further reading\b|recommended\b|you (?:may|might) (?:also )?like\b|most (?:read|popular|viewed)\b"
    r"|trending\b|share (?:this|on|via|article|story)\b|advertisement\b|sponsored\b|follow us\b"
    r"|sign up\b|subscribe\b|newsletter\b|also (?:read|see)\b|top stories\b|latest (?:news|stories)\b"
    r"|tags?:|topics?:)",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(
    r"\s*(?:copyright\s*)?(?:©|\(c\)\s*\d{4})|\s*copyright\s+\d{4}|.*all rights reserved", re.I
)
_MARKERS = re.compile(r"[\s#>*\-•·|]+")
_WORD = re.compile(r"[^\W\d_][\w'’&.-]*")
# Title Case leaves these lowercase ("Five Things to Know About the Row").
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
     "as", "vs", "via", "per", "into", "over", "off", "up"}
)  # fmt: skip
# Two letters suffice: "[a-z]{2,}" finds the same breaks, in time quadratic in a run of letters.
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"'”’]?\s+[A-Z]")
_CLOSERS = "\"'”’»)]*_ \t"
_TERMINAL = ".!?:;…"

BLANK, BODY, HEADLINE, ITEM, TITLE, PIPE, BULLET, SEPARATOR, HEADER, COPYRIGHT = range(10)
# Shapes that alone make a block of page furniture, and shapes that do so after a header.
_SHAPED = frozenset({TITLE, PIPE, BULLET, SEPARATOR, HEADER, COPYRIGHT})
_LISTISH = _SHAPED | {HEADLINE, ITEM}
_STRONG = frozenset({HEADER, COPYRIGHT})


def prepare_text(text: str, *, markdown: bool = False) -> str:
    """``text`` with boilerplate and marks of wire copy blanked, Markdown syntax blanked (if
    ``markdown``) and line breaks inside sentences turned into spaces. Always
    ``len(result) == len(text)``.
    """
    original = _normalize_line_breaks(text)
    prepared = mask_wire_copy(mask_boilerplate(original))
    if markdown:
        prepared = blank_markdown(prepared)
    prepared = _join_wrapped_lines(prepared, original, markdown)
    assert len(prepared) == len(text)  # the invariant every offset downstream relies on
    return prepared


def prepare_document(document: Document) -> str:
    """:func:`prepare_text` of a document, in Markdown mode when it was read from a Markdown file."""
    markdown = document.source is not None and PurePath(document.source).suffix.lower() in MARKDOWN_SUFFIXES
    return prepare_text(document.text, markdown=markdown)


def _normalize_line_breaks(text: str) -> str:
    # "\r\n" -> " \n" and a lone (old Mac) "\r" -> "\n": every later rule sees only "\n".
    return text.replace("\r\n", " \n").replace("\r", "\n")


# ----------------------------------------------------------------------------- boilerplate


def mask_boilerplate(text: str) -> str:
    """Blank (except newlines) the blocks of page furniture found before, after or inside the body.

    Blocks are recognized by shape, never by content: runs of Title-Cased short lines, bullets,
    ``Section | Headline`` pipes, separators, a "Related reading"-like header or a copyright line.
    A block needs three such lines or a header/copyright line, so a lone short line of the body
    (a name split off its sentence by a bad scrape) survives.
    """
    lines = _normalize_line_breaks(text).split("\n")
    masked = [False] * len(lines)
    for start, end in _boilerplate_blocks(lines):
        for i in range(start, end):
            masked[i] = True
    return "\n".join(" " * len(line) if hide else line for line, hide in zip(lines, masked, strict=True))


def _boilerplate_blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    # In hard-wrapped wire copy a line is a slice of a sentence, so its capitals mean nothing.
    wrapped = _hard_wrapped(lines)
    kinds = [_kind(line, titles=not wrapped) for line in lines]
    n = len(kinds)
    blocks: list[tuple[int, int]] = []

    # Leading block: navigation and teasers above the body. A text made only of such lines is
    # a short article in headline style, not a menu.
    end = 0
    while end < n and kinds[end] in _SHAPED | {BLANK}:
        end += 1
    if end < n and _worth_masking(kinds[:end]):
        blocks.append((0, end))

    # Trailing block. After a header ("Related reading") any headline-shaped line is a link,
    # even in sentence case, so the block runs from the first header to the end.
    start = n
    while start > 0 and kinds[start - 1] in _LISTISH | {BLANK}:
        start -= 1
    header = next((i for i in range(start, n) if kinds[i] == HEADER), None)
    if header is not None:
        blocks.append((header, n))
    else:
        start = n
        while start > 0 and kinds[start - 1] in _SHAPED | {BLANK}:
            start -= 1
        # A block begins after a finished sentence: Title-Case-looking lines that continue the
        # sentence above are a wrapped list of names ("... Banque Nationale De Paris and").
        while 0 < start < n and lines[start - 1].strip() and not _ends_sentence(lines[start - 1].strip()):
            start += 1
        if start > 0 and _worth_masking(kinds[start:]):
            blocks.append((start, n))

    # Inside the body only a header followed by at least two list lines is trusted: an inline
    # "Read more" box. Short lines alone are too often part of a badly split sentence.
    i = 0
    while i < n:
        if kinds[i] == HEADER:
            j = i + 1
            while j < n and kinds[j] in _LISTISH | {BLANK}:
                j += 1
            if sum(1 for k in kinds[i + 1 : j] if k != BLANK) >= 2:
                blocks.append((i, j))
            i = j
        else:
            i += 1
    return blocks


def _worth_masking(kinds: Sequence[int]) -> bool:
    shaped = [k for k in kinds if k != BLANK]
    return (
        len(shaped) >= 3
        or any(k in _STRONG for k in shaped)
        or (bool(shaped) and all(k == SEPARATOR for k in shaped))
    )


def _kind(line: str, *, titles: bool = True) -> int:
    stripped = line.strip()
    if not stripped:
        return BLANK
    if _SEPARATOR.fullmatch(stripped):
        return SEPARATOR
    words = _WORD.findall(stripped)
    if len(words) <= 30 and _COPYRIGHT.match(stripped):
        return COPYRIGHT
    # Two or more commas or semicolons make an enumeration (a line-up, a list of winners):
    # content in list form, where a linked headline almost never has them.
    if len(re.findall(r"[,;](?:\s|$)", stripped)) >= 2:
        return BODY
    bare = _MARKERS.sub(" ", stripped).strip()
    # A header is short, capitalized and not a sentence: "Recommended retail prices rose." and a
    # wrapped "recommended the" are body text.
    if len(words) <= 5 and _HEADER.match(bare) and bare[0].isupper() and not bare.endswith("."):
        return HEADER
    has_pipe = bool(re.search(r"\S\s*\|\s*\S", stripped))
    if _BULLET.match(line) and (len(words) <= 25 or has_pipe):
        # A bulleted link reads like a headline; a bulleted sentence may be the article's own list.
        return BULLET if has_pipe or _headline_cased(bare, words) else ITEM
    if has_pipe and all(len(_WORD.findall(part)) <= 25 for part in stripped.split("|")):
        return PIPE
    if titles and len(words) <= 25 and _headline_cased(stripped, words):
        return TITLE
    if len(words) <= 20 and not _ends_sentence(stripped):
        return HEADLINE
    return BODY


def _headline_cased(line: str, words: Sequence[str]) -> bool:
    """Title Case as headlines and menus write it, and not a data row or shouted prose."""
    # Tables, rankings and line-ups ("1 Roger Federer (Switzerland)", "Denver  2.62  2.63",
    # "DMK 1.8216") are content in list form: they start with a number, carry parentheses,
    # aligned columns, several numbers, or a label and a number.
    numbers = len(re.findall(r"\d+(?:[.,]\d+)?", line))
    if (
        not words
        or line[0].isdigit()
        or "(" in line
        or "   " in line
        or numbers >= 2
        or (numbers and len(words) < 3)
    ):
        return False
    # Wire copy in capitals is prose; a continuation line starts in lowercase.
    if line[0].islower() or (len(words) >= 3 and line.upper() == line):
        return False
    # Prose capitalizes a few names per line; headlines and menus capitalize nearly every word.
    # Title Case leaves the small words lowercase, so they do not count.
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitals = sum(1 for w in content if w[0].isupper())
    return capitals >= 0.8 * len(content)


def _ends_sentence(line: str) -> bool:
    # A closing quote or bracket after the full stop still ends the sentence: `eye."`.
    tail = line.rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _TERMINAL


# ----------------------------------------------------------------------------- headings


def heading_line(text: str) -> str | None:
    """The first line of ``text`` when it reads as a headline rather than the start of a
    hard-wrapped paragraph, else ``None``.

    >>> heading_line("Ad sales boost profit\\n\\nQuarterly profits rose.")
    'Ad sales boost profit'
    """
    lines = _normalize_line_breaks(text).split("\n")
    first_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first_index is None:
        return None
    first = lines[first_index].strip()
    # A headline is one phrase: no final full stop and no sentence break inside.
    if len(_WORD.findall(first)) >= 20 or first[-1] in ".,;:" or _SENTENCE_BREAK.search(first):
        return None
    if not _WORD.search(first):
        return None
    following = lines[first_index + 1] if first_index + 1 < len(lines) else ""
    # Wire copy wraps at ~70 columns, so its first line is short and unpunctuated too; it is a
    # heading only when a blank line follows, or the next line does not continue it in lowercase
    # and the text is not wrapped that way.
    if following.strip() and (following.lstrip()[0].islower() or _hard_wrapped(lines)):
        return None
    return first


def _hard_wrapped(lines: Sequence[str]) -> bool:
    """Whether most lines were cut at a fixed width (wire copy, e-mail): no line much longer
    than ~100 characters, and most lines stop mid-sentence at a length near the width. Menus
    and teasers stop unpunctuated too, but short, so they do not count."""
    filled = [line.strip() for line in lines if line.strip()]
    if len(filled) < 3 or sum(1 for line in filled if len(line) > 100) > 0.1 * len(filled):
        return False
    cut = sum(1 for line in filled[:-1] if len(line) >= 35 and not _ends_sentence(line))
    return 2 * cut > len(filled) - 1


# ----------------------------------------------------------------------------- line joining


def _join_wrapped_lines(prepared: str, original: str, markdown: bool) -> str:
    """Turn a ``\\n`` inside a sentence into a space, so "American Apparel\\nand Footwear
    Association" is one name to the tagger. Paragraph breaks (blank lines) stay.
    """
    lines = prepared.split("\n")
    sources = original.split("\n")
    first = next((i for i, line in enumerate(sources) if line.strip()), -1)
    heading = first if heading_line(original) is not None else -1
    out = list(prepared)
    offset = 0
    for i in range(len(lines) - 1):
        offset += len(lines[i])
        before, after = lines[i].strip(), lines[i + 1].strip()
        if (
            before
            and after
            and i != heading
            and (not _ends_sentence(before) or after[:1].islower())  # no sentence opens in lower case
            and not _starts_block(sources[i + 1], markdown)
            and not (markdown and markdown_block_end(sources[i]))
        ):
            out[offset] = " "
        offset += 1
    return "".join(out)


def _starts_block(line: str, markdown: bool) -> bool:
    # A list item starts its own line; an indented line starts a paragraph in wire copy
    # (Reuters indents paragraphs and table rows, and wraps continuation lines at column 0).
    if _BULLET.match(line) or _ORDERED_ITEM.match(line) or line[:1] in (" ", "\t"):
        return True
    return markdown and markdown_block_start(line)
