"""The build's summary and the page of the same graph give the same numbers in the same words:
documents, entities, relations (distinct) and the statements they were read from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.conftest import EXAMPLES, SHARED

# Made up; the accusation is stated twice, so there are more statements than relations.
STORY = (
    "Brenfield Holdings accused Corvane Ltd of hiding losses on Monday. Brenfield Holdings also "
    "accused Corvane Ltd of misleading investors, a spokesman said.\n\n"
    "Corvane Ltd is based in Marlow. Anna Petrosyan, the chief executive of Corvane Ltd, rejected "
    "the claims.\nCorvane Ltd is a member of the Marlow Chamber of Commerce.\n"
)
COUNTS = re.compile(
    r"^(?P<text>[\d,]+ documents?, [\d,]+ entit(?:y|ies), ([\d,]+) relations? "
    r"\(from ([\d,]+) statements?\)), [\d.]+ s"
)


def build(*args: str) -> tuple[str, int, int]:
    """``kg build``'s counts as printed: the words, the relations, the statements."""
    result = CliRunner().invoke(cli, ["build", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    found = COUNTS.match(result.stdout)
    assert found, result.stdout
    return found["text"], int(found[2].replace(",", "")), int(found[3].replace(",", ""))


def page_says(path: Path, text: str) -> bool:
    return text in " ".join(path.read_text(encoding="utf-8").split())


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(STORY, encoding="utf-8")
    return tmp_path / "in"


def test_the_summary_and_the_page_give_the_same_numbers(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    text, relations, statements = build(str(story), "--out", str(out))
    assert text.startswith("1 document, ") and statements > relations
    assert page_says(out / "graph.html", text)
    result = CliRunner().invoke(cli, ["render", str(out / "graph.ttl"), "-o", str(tmp_path / "p.html")])
    assert result.exit_code == 0 and page_says(tmp_path / "p.html", text)


def test_a_streamed_build_and_an_inferred_one_agree_with_their_pages(story: Path, tmp_path: Path) -> None:
    plain, relations, statements = build(str(story), "--out", str(tmp_path / "a"))
    streamed, _, _ = build(str(story), "--out", str(tmp_path / "b"), "--store", "oxigraph")
    assert streamed == plain and page_says(tmp_path / "b" / "graph.html", streamed)
    inferred, more, same = build(str(story), "--out", str(tmp_path / "c"), "--infer")
    assert more > relations and same == statements  # inference adds relations, states nothing new
    assert page_says(tmp_path / "c" / "graph.html", inferred)


@pytest.mark.parametrize("source", ["examples", "seed"])
def test_on_the_examples_and_the_seed_article(source: str, tmp_path: Path) -> None:
    folder = EXAMPLES if source == "examples" else SHARED / "seed"
    if not folder.exists():
        pytest.skip("shared seed article not present")
    text, relations, statements = build(str(folder), "--out", str(tmp_path))
    assert page_says(tmp_path / "graph.html", text)
    assert statements >= relations > 0
