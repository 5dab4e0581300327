"""Input: read articles (txt, md, html, jsonl) into Documents, and prepare their text for NLP."""

from __future__ import annotations

from kg.io.clean import heading_line, mask_boilerplate, prepare_document, prepare_text
from kg.io.html import DEFAULT_HTML_READER, HTML_READERS, HtmlArticle, extract_article, html_to_text
from kg.io.markdown import blank_markdown
from kg.io.readers import SUPPORTED_EXTENSIONS, count_documents, iter_documents, read_inputs

__all__ = [
    "DEFAULT_HTML_READER",
    "HTML_READERS",
    "SUPPORTED_EXTENSIONS",
    "HtmlArticle",
    "blank_markdown",
    "count_documents",
    "extract_article",
    "heading_line",
    "html_to_text",
    "iter_documents",
    "mask_boilerplate",
    "prepare_document",
    "prepare_text",
    "read_inputs",
]
