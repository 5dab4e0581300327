"""Article text from HTML pages in the shapes of real news sites: the article is kept, the menu,
cookie banner, share bar, related links, comments, sidebar and footer are not, and what the
graph says comes from the article alone."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.io import HTML_READERS, extract_article, prepare_text, read_inputs
from kg.records import Extraction
from tests.conftest import triples
from tests.io.pages import COMMENTS, SHAPES, news_page

HEADLINE = "Ardent Mill to close Fallow Creek plant"
ARTICLE = (
    "The Ardent Mill Company said on Tuesday it would close its flour plant in Fallow Creek by June.",
    "Ines Varga, the chief executive of Ardent Mill, said the plant had lost money for five years.",
    "The Fallow Creek Workers Union accused Ardent Mill of breaking its promise to keep the plant open.",
    "Local officials hope a buyer can be found before the lease on the site runs out in the summer.",
)
# Names that appear only in the page's furniture: none may reach the text the tagger reads.
FURNITURE_NAMES = ("Brian Keller", "Norvale Foods", "Harlow Growers", "Cardew", "Kestrel Mining", "Tessaly")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("shape", SHAPES)
def test_the_default_reader_keeps_the_article_and_nothing_else(shape: str) -> None:
    page = news_page(shape, HEADLINE, ARTICLE)
    article = extract_article(page.html)
    # What the tagger reads: kg's own cleaning blanks the menu trafilatura keeps in a layout table.
    seen = squash(prepare_text(article.text))
    assert seen.startswith(HEADLINE)
    assert all(sentence in seen for sentence in ARTICLE)
    assert [piece for piece in page.furniture if piece in seen] == []


@pytest.mark.parametrize("shape", [s for s in SHAPES if s not in ("hashed", "comments_section")])
def test_the_builtin_reader_drops_comments_and_furniture_marked_by_class_names(shape: str) -> None:
    page = news_page(shape, HEADLINE, ARTICLE)
    kept = squash(prepare_text(extract_article(page.html, reader="builtin").text))
    assert all(sentence in kept for sentence in ARTICLE)
    assert [text for _, text in COMMENTS if text in kept] == []


def test_builtin_reader_keeps_the_headline_in_an_articles_own_header() -> None:
    page = (
        "<header>The Daily Meridian</header>"
        "<article><header><h1>Mill shuts</h1></header><p>It shut.</p></article>"
    )
    assert extract_article(page, reader="builtin").text == "Mill shuts\n\nIt shut."


def test_builtin_reader_keeps_a_page_whose_body_class_names_a_sidebar() -> None:
    page = (
        '<body class="single has-sidebar"><div class="page with-comments"><p>The mill shut.</p></div></body>'
    )
    assert extract_article(page, reader="builtin").text == "The mill shut."


def test_builtin_reader_survives_furniture_items_left_unclosed() -> None:
    page = (
        '<ul><li class="menu-item">Home<li class="menu-item">News</ul><p class=byline>By Ann<p>The mill shut.'
    )
    assert extract_article(page, reader="builtin").text.endswith("The mill shut.")


@pytest.mark.parametrize("title", [f"{HEADLINE} | The Daily Meridian", f"The Daily Meridian - {HEADLINE}"])
def test_a_logo_in_an_h1_does_not_head_the_text_but_the_headline_does(title: str) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE)
    logo = f"<html><head><title>{title}</title></head><body><div id='logo'><h1>The Daily Meridian</h1></div>"
    assert extract_article(f"{logo}<div class='story'><h2>{HEADLINE}</h2>{paragraphs}</div>").text.startswith(
        f"{HEADLINE}\n\n{ARTICLE[0]}"
    )
    assert extract_article(f"{logo}<div class='story'>{paragraphs}</div>").text.startswith(ARTICLE[0])


def test_a_page_too_short_for_trafilatura_is_read_by_the_builtin_reader() -> None:
    page = "<nav>Home</nav><p>Story a.txt.</p>"
    assert extract_article(page).text == extract_article(page, reader="builtin").text == "Story a.txt."


def test_an_unknown_reader_names_the_valid_ones() -> None:
    with pytest.raises(InputError, match="unknown HTML reader 'soup'; choose one of: trafilatura, builtin"):
        extract_article("<p>x</p>", reader="soup")
    assert HTML_READERS == ("trafilatura", "builtin")


@pytest.mark.parametrize("shape", ["div_classes", "wordpress", "disqus", "comments_section"])
def test_no_relation_comes_from_the_comments_and_offsets_index_the_text_kept(
    tmp_path: Path, shape: str, extract_text: Callable[[str], Extraction]
) -> None:
    path = tmp_path / f"{shape}.html"
    path.write_text(news_page(shape, HEADLINE, ARTICLE).html, encoding="utf-8")
    [doc] = read_inputs([path]).documents
    ex = extract_text(doc.text)
    assert ex.relations, "the article's own relations are found"
    for head, _, tail in triples(ex):
        assert not any(name in head or name in tail for name in FURNITURE_NAMES), (head, tail)
    assert all(doc.text[m.start : m.end] == m.text for m in ex.mentions)
    assert ("Fallow Creek Workers Union", "accuses", "Ardent Mill Company") in triples(ex)
