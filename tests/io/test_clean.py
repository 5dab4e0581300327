"""Text preparation: boilerplate masking, Markdown blanking and line joining, all length-preserving."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.io import blank_markdown, heading_line, mask_boilerplate, prepare_document, prepare_text, read_inputs
from kg.records import Document
from tests.conftest import EXAMPLES, SHARED

SEED = SHARED / "seed" / "000_1eba221686f5f42a.txt"
BBC = SHARED / "news" / "bbc"
REUTERS = SHARED / "news" / "reuters21578.jsonl"
needs_corpus = pytest.mark.skipif(not SHARED.exists(), reason="shared corpus not present")


def lost(original: str, prepared: str) -> str:
    """The visible characters of ``original`` that ``prepared`` blanked, in order."""
    return "".join(o for o, p in zip(original, prepared, strict=True) if o != p and not o.isspace())


# ----------------------------------------------------------------------------- invariants


@given(st.text(), st.booleans())
def test_prepared_text_has_the_same_length_and_only_blanks(text: str, markdown: bool) -> None:
    prepared = prepare_text(text, markdown=markdown)
    assert len(prepared) == len(text)
    assert all(p == t or p in " \n" for p, t in zip(prepared, text, strict=True))


@pytest.mark.parametrize("text", ["- >", "- >\n* |\n• #", "|\n|\n|", "\r\r\n\r", "> - # *"])
def test_lines_of_bare_markup_are_handled(text: str) -> None:
    for markdown in (False, True):
        assert len(prepare_text(text, markdown=markdown)) == len(text)


# ----------------------------------------------------------------------------- boilerplate


@needs_corpus
def test_seed_article_footer_is_masked_and_body_kept() -> None:
    text = SEED.read_text(encoding="utf-8")
    prepared = prepare_text(text)
    footer = text.index("- Related reading")
    assert prepared[footer:].strip() == ""
    assert lost(text[:footer], prepared[:footer]) == ""
    # Short body lines that belong to split sentences survive.
    for fragment in ("\nAAFA\n", "\nAli\n", "Buying the world"):
        start = text.index(fragment)
        assert prepared[start : start + len(fragment)].strip() == fragment.strip()


@needs_corpus
@pytest.mark.parametrize("topic", ["business", "politics", "sport", "tech"])
def test_bbc_articles_lose_no_words(topic: str) -> None:
    for path in sorted((BBC / topic).glob("*.txt")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # sport/199.txt, the corpus's one bad file
        assert not any(c.isalnum() for c in lost(text, mask_boilerplate(text))), path


@needs_corpus
def test_reuters_stories_lose_no_words() -> None:
    with REUTERS.open(encoding="utf-8") as lines:
        for line in islice(lines, 3000):
            text = json.loads(line)["text"]
            assert not any(c.isalnum() for c in lost(text, mask_boilerplate(text))), text[:80]


def test_example_article_footer_is_masked() -> None:
    [doc] = read_inputs([EXAMPLES / "corvane_renquil_lawsuit.txt"]).documents
    prepared = prepare_document(doc)
    footer = doc.text.index("- Related reading")
    assert prepared[footer:].strip() == ""
    assert lost(doc.text[:footer], prepared[:footer]) == ""


BODY = (
    "Harlow Foods said on Monday it would close two plants.\n"
    "The company blamed rising grain prices for the decision.\n"
)


@pytest.mark.parametrize(
    "footer",
    [
        # a header, then sentence-case headlines: every line after the header is a link
        "\nRelated articles\nGrain prices hit a record\nWhy bakers are worried\n",
        # Section | Headline pipes and separators, without a header
        "\n|\nMarkets | Grain Futures Climb Again\n|\nFarming | Rain Returns To The Plains\n",
        # a run of Title-Cased teasers
        "\nFive Stocks To Watch This Week\nThe Best Bread In Town\nHow To Save On Flour\n",
        "\n© 2025 Valley Press Ltd. All rights reserved.\n",
        "\n* Read more\n* Bakers Count The Cost\n",
    ],
)
def test_trailing_boilerplate_shapes_are_masked(footer: str) -> None:
    prepared = mask_boilerplate(BODY + footer)
    assert prepared[: len(BODY)] == BODY
    assert prepared[len(BODY) :].strip() == ""
    assert prepared.count("\n") == (BODY + footer).count("\n")


def test_leading_navigation_is_masked() -> None:
    nav = "Home | News | Business\nMarkets\nCompanies\nSkip To Content\n\n"
    prepared = mask_boilerplate(nav + BODY)
    assert prepared[: len(nav)].strip() == ""
    assert prepared[len(nav) :] == BODY


def test_inline_read_more_box_is_masked_but_a_lone_short_line_is_not() -> None:
    box = "Read more:\n- Flour Mills Merge\n- Bakers Strike In Leeds\n"
    text = BODY + "Orbis\n" + BODY + box + BODY
    prepared = mask_boilerplate(text)
    assert "Orbis" in prepared
    assert "Flour" not in prepared and "Read more" not in prepared
    assert prepared.count("Harlow Foods") == 3


@pytest.mark.parametrize(
    "ending",
    [
        # the article's own list: bullets in sentence case, no header
        "The plan covers:\n- two new bakeries in the north\n- a training scheme\n- higher pay\n",
        # a results table
        "Results:\n1 Harlow Foods (UK)\n2 Brisk Bakeries (France)\n3 Tamsin Mills (Spain)\n",
        # an enumeration of names in list form
        "Line-up: Adams, Brook, Cole.\nSubs: Dean, Ellis, Fenn.\nReferee: Grant, Hale, Ives.\n",
        # a short headline-like sentence that ends the story
        "Shares Rose 3 Percent.\n",
    ],
)
def test_content_in_list_form_is_not_masked(ending: str) -> None:
    assert mask_boilerplate(BODY + ending) == BODY + ending


def test_hard_wrapped_prose_full_of_names_is_not_masked() -> None:
    text = (
        "The loan was arranged by a group of banks including Alder\n"
        "Bank Nederland NV, Banque Ferrand De Lyon and Orsett Trust\n"
        "Company of New York, Harbour Savings Bank and Mersey\n"
        "Mutual Group Ltd.\n"
    )
    assert mask_boilerplate(text) == text


# ----------------------------------------------------------------------------- markdown


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("# Dock strike ends", "  Dock strike ends"),
        ("### Heading ###", "    Heading    "),
        ("**Brask Lines** and *Orlen* and _Tamsin_", "  Brask Lines   and  Orlen  and  Tamsin "),
        (
            "See [the ruling](https://x.org/r/1) now.",
            "See  the ruling" + " " * len("](https://x.org/r/1)") + " now.",
        ),
        ("![chart](img.png) Sales rose.", "                  Sales rose."),
        ("- first item", "  first item"),
        ("1. first item", "   first item"),
        ("> quoted words", "  quoted words"),
        ("Use `ledger_pay` here", "Use  ledger_pay  here"),
        ("snake_case_name and 5 * 3 stay", "snake_case_name and 5 * 3 stay"),
        ("---", "   "),
        ("```python\nprint('hidden')\n```", "         \n               \n   "),
    ],
)
def test_markdown_syntax_is_blanked(source: str, expected: str) -> None:
    assert blank_markdown(source) == expected


def test_markdown_document_is_prepared_in_markdown_mode() -> None:
    text = "# Port deal\n\n**Brask Lines** signed a deal with\nthe [port](https://x.org).\n"
    prepared = prepare_document(Document("d", text, source="news/d.md"))
    link = " " * len("](https://x.org)")
    assert prepared == f"  Port deal\n\n  Brask Lines   signed a deal with the  port{link}.\n"
    assert prepare_document(Document("d", text, source="news/d.txt")).startswith("# Port deal")


def test_markdown_heading_and_list_items_are_not_joined_to_the_next_line() -> None:
    text = "## Background\nThe firm was founded in 1990\n- item one\n- item two\n"
    assert prepare_text(text, markdown=True).split("\n") == [
        "   Background",
        "The firm was founded in 1990",
        "  item one",
        "  item two",
        "",
    ]


# ----------------------------------------------------------------------------- line joining


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name split across a line break becomes one name
        (
            "Rick Lowe, head of the American Apparel\nand Footwear Association, spoke.",
            "Rick Lowe, head of the American Apparel and Footwear Association, spoke.",
        ),
        # sentence ends and paragraph breaks stay
        ("It fell.\nThen it rose.", "It fell.\nThen it rose."),
        ('He said: "No."\nShe agreed.', 'He said: "No."\nShe agreed.'),
        ("First part\n\nSecond part", "First part\n\nSecond part"),
        # Windows line endings: the CR becomes a space either way
        ("Brask Lines said it\r\nwould appeal.\r\n", "Brask Lines said it  would appeal. \n"),
        # an indented line starts a paragraph (wire copy), a bullet starts a list item
        (
            "Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000",
            "Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000",
        ),
        ("They want\n- more pay\n- less work", "They want\n- more pay\n- less work"),
    ],
)
def test_line_breaks_inside_sentences_become_spaces(text: str, expected: str) -> None:
    assert prepare_text(text) == expected


def test_a_headline_first_line_is_not_joined_to_the_body() -> None:
    text = "Ad sales boost Harlow profit\nQuarterly profits at Harlow Media jumped 76%.\n"
    assert prepare_text(text) == text


def test_a_hard_wrapped_first_line_is_joined() -> None:
    text = (
        "Showers continued throughout the week in\n"
        "the Bahia cocoa zone, alleviating the drought since early\n"
        "January, Tamsin Smith said in its weekly review.\n"
    )
    assert prepare_text(text).count("\n") == 1


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Ad sales boost profit\n\nBody.", "Ad sales boost profit"),
        ("\n\nCan The Deal Survive?\nBody text here.", "Can The Deal Survive?"),
        ("A full sentence ends here.\nBody.", None),
        ("Harlow sued Brask on Monday. The court\nagreed.", None),
        ("Lotus Software said it\nwill extend its offer.", None),
        ("", None),
    ],
)
def test_heading_line(text: str, heading: str | None) -> None:
    assert heading_line(text) == heading


def test_examples_keep_their_prose_when_prepared() -> None:
    for doc in read_inputs([Path(EXAMPLES)]).documents:
        prepared = prepare_document(doc)
        assert len(prepared) == len(doc.text)
        assert "the head of" in prepared or "chairman" in prepared or "CEO" in prepared, doc.id
