"""The article body of a page as trafilatura finds it: the main text without the menu, cookie
banner, share bar, related links, reader comments, sidebar and footer, however the site marks them.

trafilatura scores the page's blocks by their text and link density and its own rules for class
names (``menu``, ``cookie``, ``share``, ``related``, ``comment``, ``sidebar`` ...), and compares
its result with readability's and jusText's. It returns simple HTML (headings, paragraphs,
lists, quotes, tables), which :mod:`kg.io.html` turns into text with the same line rules as
the built-in reader, so both readers give text of the same form.
"""

from __future__ import annotations

import logging

__all__ = ["article_body"]


def article_body(markup: str) -> str | None:
    """The page's main text as simple HTML, or ``None`` when trafilatura finds none (or is not
    installed): the caller then falls back to the built-in reader."""
    try:
        # Imported here: about 0.4 s, paid only by commands that read HTML.
        import trafilatura
    except ImportError:
        return None
    # trafilatura logs errors for pages it finds empty ("empty HTML tree"), which Python prints
    # on stderr when no logging is set up; kg reports such a page itself, once. A level the
    # caller set on this logger is left alone.
    logger = logging.getLogger("trafilatura")
    if logger.level == logging.NOTSET:
        logger.setLevel(logging.CRITICAL)
    try:
        text: str | None = trafilatura.extract(
            markup,
            output_format="html",
            include_comments=False,  # reader comments are opinions, not the article's statements
            # Precision: a page whose body is short is not dumped whole (menus and all) as a rescue;
            # a relation read from page furniture costs more than a sentence missed.
            favor_precision=True,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=False,  # title, date and URL come from kg's own parse of the head
            deduplicate=False,  # the same text gives the same document, whatever was read before
        )
    except Exception:  # a third-party parser on any markup: the built-in reader takes over
        return None
    return text
