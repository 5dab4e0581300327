"""HTML -> article text: trafilatura finds the article's body (default), the built-in reader
(the standard library's ``html.parser``) turns markup into text and reads the title, date and URL.

>>> page = "<title>Deal</title><nav>Home</nav><article><h1>Deal</h1><p>A &amp; B agreed.</p></article>"
>>> extract_article(page, reader="builtin")
HtmlArticle(text='Deal\\n\\nA & B agreed.', title='Deal', date=None, url=None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from kg.config import DEFAULT_HTML_READER, HTML_READERS
from kg.errors import InputError
from kg.io.trafilatura_body import article_body

__all__ = [
    "DEFAULT_HTML_READER",
    "HTML_READERS",
    "HtmlArticle",
    "check_html_reader",
    "extract_article",
    "html_to_text",
]

# Page furniture and non-text content: never part of the article.
_DROPPED = frozenset(
    {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "svg", "head"}
)
# Furniture marked by name rather than element: a class name or id holding one of these words
# (between "-" or "_"), as in <div class="cookie-banner"> or <ol class="comment-list">. A
# modifier class ("has-sidebar", "no-comments") describes the page, not the element.
_FURNITURE_NAME = re.compile(
    r"(?:^|[_-])(?:nav|navbar|navigation|menu|breadcrumbs?|cookies?|consent|onetrust|share|sharing"
    r"|sharedaddy|social|related|recommended|comments?|disqus|sidebar|widget|footer|colophon|newsletter"
    r"|signup|subscribe|promo|advert|ads|popular|trending|tags|byline)(?:$|[_-])"
)
_MODIFIER = re.compile(r"(?:has|with|no|is|show|hide)-")
# Never dropped by name: the page's frame, whatever its classes say, and the elements whose end
# tag HTML lets a page leave out (an unclosed <li class="menu-item"> would drop all that follows).
_NOT_BY_NAME = frozenset(
    {"html", "body", "main", "article", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead",
     "tfoot", "colgroup", "caption", "option", "optgroup", "rt", "rp"}
)  # fmt: skip
_FURNITURE_ROLES = frozenset(
    {"navigation", "complementary", "contentinfo", "banner", "dialog", "alertdialog"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# Elements that end a paragraph: a blank line, so the line joiner keeps them apart.
_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote", "main", "pre", "ul", "ol",
     "table", "figure", "figcaption", "dl", "address", "hr"}
)  # fmt: skip
# Elements that end a line.
_LINES = frozenset({"div", "li", "br", "tr", "dt", "dd", "caption", "td", "th"})
_DATE_META = ("article:published_time", "datepublished", "date", "dc.date", "pubdate")
_URL_META = ("og:url",)
_TITLE_PARTS = re.compile(r"\s+[|\-–—:·•»]\s+")


@dataclass(frozen=True)
class HtmlArticle:
    """The article text of a page, and what its markup says about it."""

    text: str
    title: str | None
    date: str | None = None
    url: str | None = None


def html_to_text(markup: str, reader: str = DEFAULT_HTML_READER) -> str:
    """The article text of ``markup``: see :func:`extract_article`."""
    return extract_article(markup, reader).text


def check_html_reader(reader: str) -> str:
    if reader not in HTML_READERS:
        raise InputError(f"unknown HTML reader {reader!r}; choose one of: {', '.join(HTML_READERS)}")
    return reader


def extract_article(markup: str, reader: str = DEFAULT_HTML_READER) -> HtmlArticle:
    """Read the article out of a page.

    ``reader="trafilatura"`` (default) keeps the body trafilatura finds, headed by the page's
    first ``<h1>`` when trafilatura left the headline out; it falls back to the built-in reader
    when trafilatura finds no text (a page of a sentence or two) or is not installed.

    ``reader="builtin"`` keeps the text of ``<main>`` or, failing that, the longest ``<article>``,
    else the whole ``<body>``; navigation, headers, footers, asides, forms and scripts are dropped.

    Either way block elements give line breaks (paragraphs a blank line) and runs of spaces
    collapse; the text returned is the document's text, which every character offset indexes.
    """
    parser = _parse(markup)
    title = _one_line(parser.title) or _one_line(parser.first_h1) or None
    text = ""
    if check_html_reader(reader) == "trafilatura":
        body = article_body(markup)
        text = _parse(body).body.text() if body else ""
        headline = _one_line(parser.first_h1)
        if text and _is_headline(headline, parser) and headline not in text.split("\n"):
            text = f"{headline}\n\n{text}"
    if not text:
        candidates = [parser.main.text(), *sorted((a.text() for a in parser.articles), key=len, reverse=True)]
        text = next((c for c in candidates if c), parser.body.text())
    return HtmlArticle(text=text, title=title, date=parser.date, url=parser.url)


def _is_headline(h1: str, parser: _ArticleParser) -> bool:
    """Whether the page's first ``<h1>`` is the story's headline rather than the site's logo: it
    is the ``og:title``, or the longest part of the ``<title>`` ("Headline | Site"), or the page
    has neither to tell."""
    if not h1:
        return False
    titles = [t for t in (_one_line(parser.og_title or ""), _one_line(parser.title)) if t]
    for title in titles:
        longest = max(_TITLE_PARTS.split(title), key=len)
        if h1.casefold() in (title.casefold(), longest.casefold()):
            return True
    return not titles


def _parse(markup: str) -> _ArticleParser:
    parser = _ArticleParser()
    parser.feed(markup)
    parser.close()
    return parser


class _Text:
    """Text being collected; a line or paragraph break waits for the next words, so runs of
    closing and opening tags give one break, not a stack of blank lines."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0  # newlines owed before the next words: 0, 1 or 2

    def add(self, words: str) -> None:
        if not words.strip():
            if self.parts and not self.pending:
                self.parts.append(" ")
            return
        if self.parts and self.pending:
            self.parts.append("\n" * self.pending)
        self.pending = 0
        self.parts.append(words)

    def text(self) -> str:
        lines = (re.sub(r" {2,}", " ", line).strip() for line in "".join(self.parts).split("\n"))
        return "\n".join(lines).strip()


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.body = _Text()
        self.main = _Text()
        self.articles: list[_Text] = []
        self.title = ""
        self.first_h1 = ""
        self.date: str | None = None
        self.url: str | None = None
        self.og_title: str | None = None
        self._dropped: list[str] = []  # open dropped elements, innermost last
        self._in_title = False
        self._in_h1 = False
        self._h1_done = False
        self._main_depth = 0
        self._article_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag == "link" and (dict(attrs).get("rel") or "").lower() == "canonical":
            self.url = self.url or dict(attrs).get("href")
        elif tag == "title":
            self._in_title = True
        if tag in _VOID:
            self._block(tag)
            return
        # An <article>'s own <header> holds its headline, not the site's banner.
        own_header = tag == "header" and (self._article_depth or self._main_depth)
        if (
            (tag in _DROPPED and not own_header)
            or self._dropped
            or (tag not in _NOT_BY_NAME and _furniture(attrs))
        ):
            # Inside a dropped element every element is stacked, so its end tag finds its own.
            self._dropped.append(tag)
            return
        if tag == "h1" and not self._h1_done and not self._dropped:
            self._in_h1 = True
        if tag == "main":
            self._main_depth += 1
        elif tag == "article":
            if self._article_depth == 0:
                self.articles.append(_Text())
            self._article_depth += 1
        self._block(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._dropped:
            # Close up to the matching element, so an unclosed <p> or <li> inside cannot keep it
            # open, and a stray end tag (not on the stack) cannot swallow the page.
            while self._dropped.pop() != tag:
                pass
            return
        if self._dropped:
            return
        if tag == "h1" and self._in_h1:
            self._in_h1, self._h1_done = False, True
        self._block(tag)
        if tag == "main" and self._main_depth:
            self._main_depth -= 1
        elif tag == "article" and self._article_depth:
            self._article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._dropped:
            return
        if self._in_h1:
            self.first_h1 += data
        # Newlines inside the markup's text are just spaces; only tags make line breaks.
        self._emit(re.sub(r"\s+", " ", data))

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = (attrs.get("content") or "").strip() or None
        if key in _DATE_META:
            self.date = self.date or content
        elif key in _URL_META:
            self.url = self.url or content
        elif key == "og:title":
            self.og_title = self.og_title or content

    def _block(self, tag: str) -> None:
        if self._dropped:
            return
        level = 2 if tag in _PARAGRAPHS else 1 if tag in _LINES else 0
        for target in self._targets():
            target.pending = max(target.pending, level)

    def _emit(self, words: str) -> None:
        for target in self._targets():
            target.add(words)

    def _targets(self) -> list[_Text]:
        targets = [self.body]
        if self._main_depth:
            targets.append(self.main)
        if self._article_depth:
            targets.append(self.articles[-1])
        return targets


def _furniture(attrs: list[tuple[str, str | None]]) -> bool:
    for key, value in attrs:
        if not value:
            continue
        if key == "role" and value.lower() in _FURNITURE_ROLES:
            return True
        if key in ("class", "id") and any(
            _FURNITURE_NAME.search(name) and not _MODIFIER.match(name) for name in value.lower().split()
        ):
            return True
    return False


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
