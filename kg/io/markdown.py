"""Blank Markdown syntax with spaces, keeping the length, so the tagger reads prose and offsets
into the raw ``.md`` text stay valid.

>>> blank_markdown("## The **Coastal Shippers Council** [said](https://example.org) so.")
'   The   Coastal Shippers Council    said                       so.'
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["blank_markdown", "markdown_block_end", "markdown_block_start"]

_FENCE = re.compile(r"\s{0,3}(```|~~~)")
_ATX_HEADING = re.compile(r"(\s{0,3})(#{1,6})(?=\s|$)")
_CLOSING_HASHES = re.compile(r"\s#+\s*$")
_SETEXT_OR_RULE = re.compile(r"\s{0,3}(?:=+|-+|(?:[-*_]\s*){3,})\s*")
_BLOCKQUOTE = re.compile(r"(\s{0,3}>)+")
_LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d{1,3}[.)])(?=\s)")
_LINK_DEFINITION = re.compile(r"\s{0,3}\[[^\]]+\]:\s*\S+.*")
_TABLE_DELIMITER = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
# [text](url) and [text][ref]: keep the link text, blank the brackets and the target.
_LINK = re.compile(r"\[([^\]]+)\](\([^)]*\)|\[[^\]]*\])")
_AUTOLINK_OR_TAG = re.compile(r"<(?:https?://[^>\s]+|/?[A-Za-z][^>]*)>")
_STRONG = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")
# Single * or _ only as emphasis: not inside words (snake_case) nor around spaces (5 * 3).
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
_CODE_SPAN = re.compile(r"`+")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~])")


def blank_markdown(text: str) -> str:
    """``text`` with Markdown syntax characters replaced by spaces; ``len`` is unchanged.

    Fenced code blocks are blanked whole: code is not prose, and its identifiers would be read
    as names.
    """
    out: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(_spaces(line))
        elif in_fence or _whole_line_syntax(line):
            out.append(_spaces(line))
        else:
            out.append(_blank_inline(_blank_line_start(line)))
    return "\n".join(out)


def markdown_block_start(line: str) -> bool:
    """Whether ``line`` opens a new Markdown block, so the line before must not run into it."""
    return bool(
        _ATX_HEADING.match(line)
        or _BLOCKQUOTE.match(line)
        or _LIST_ITEM.match(line)
        or _FENCE.match(line)
        or line.lstrip().startswith("|")
    )


def markdown_block_end(line: str) -> bool:
    """Whether ``line`` closes its block: a heading or table row never runs into the next line."""
    return bool(_ATX_HEADING.match(line) or line.lstrip().startswith("|") or _FENCE.match(line))


def _whole_line_syntax(line: str) -> bool:
    # Rules, setext underlines, link definitions and table delimiter rows hold no prose at all.
    return bool(
        _LINK_DEFINITION.fullmatch(line)
        or _SETEXT_OR_RULE.fullmatch(line)
        or (_TABLE_DELIMITER.fullmatch(line) and "|" in line)
    )


def _blank_line_start(line: str) -> str:
    heading = _ATX_HEADING.match(line)
    if heading:
        line = _blank_span(line, heading.start(2), heading.end(2))
        closing = _CLOSING_HASHES.search(line)
        if closing:
            line = _blank_span(line, closing.start(), closing.end())
        return line
    quote = _BLOCKQUOTE.match(line)
    if quote:
        line = line[: quote.end()].replace(">", " ") + line[quote.end() :]
    item = _LIST_ITEM.match(line)
    if item:
        line = _blank_span(line, item.start(), item.end())
    if line.lstrip().startswith("|"):
        line = line.replace("|", " ")
    return line


def _blank_inline(line: str) -> str:
    line = _ESCAPE.sub(" ", line)
    line = _IMAGE.sub(_spaces_of_match, line)
    line = _LINK.sub(_keep_group(1), line)
    line = _AUTOLINK_OR_TAG.sub(_spaces_of_match, line)
    line = _STRONG.sub(_keep_group(2), line)
    line = _EMPHASIS.sub(_keep_group(2), line)
    return _CODE_SPAN.sub(_spaces_of_match, line)


def _keep_group(group: int) -> Callable[[re.Match[str]], str]:
    """A substitution that keeps one group and blanks the rest of the match."""

    def replace(match: re.Match[str]) -> str:
        start, end = match.start(group) - match.start(), match.end(group) - match.start()
        whole = match.group(0)
        return _spaces(whole[:start]) + whole[start:end] + _spaces(whole[end:])

    return replace


def _spaces_of_match(match: re.Match[str]) -> str:
    return _spaces(match.group(0))


def _blank_span(line: str, start: int, end: int) -> str:
    return line[:start] + " " * (end - start) + line[end:]


def _spaces(text: str) -> str:
    return " " * len(text)
