"""``--html-reader``: which reader finds an HTML page's article, chosen on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from kg.cli import cli
from kg.config import HTML_READERS
from tests.io.test_html import ARTICLE, HEADLINE

# A sidebar whose class name ("rail") no rule of the built-in reader knows, holding a sentence
# with a relation in it.
SIDEBAR = "Fenwick Motors accused Osric Bank of hiding losses from its investors."


@pytest.fixture
def page(tmp_path: Path) -> Path:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE)
    path = tmp_path / "story.html"
    path.write_text(
        f"<html><head><title>{HEADLINE}</title></head><body><div class='top'><a href='/'>Home</a></div>"
        f"<div class='story'><h1>{HEADLINE}</h1>{paragraphs}</div>"
        f"<div class='rail'><h3>Elsewhere</h3><p>{SIDEBAR}</p></div></body></html>",
        encoding="utf-8",
    )
    return path


def entities(*args: str) -> set[str]:
    result = CliRunner().invoke(cli, ["extract", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return {e["text"] for e in json.loads(result.stdout)["entities"]}


def test_the_default_reader_leaves_the_sidebar_out_and_builtin_keeps_it(page: Path) -> None:
    assert "Fallow Creek Workers Union" in entities(str(page))
    assert "Fenwick Motors" not in entities(str(page))
    assert "Fenwick Motors" in entities(str(page), "--html-reader", "builtin")


def test_build_takes_the_reader_too(page: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(page), "--out", str(out), "--html-reader", "builtin"])
    assert result.exit_code == 0, result.stderr
    labels = set(Graph().parse(out / "graph.ttl").objects(None, RDFS.label))
    assert Literal("Fenwick Motors") in labels


def test_an_unknown_reader_is_bad_usage_listing_the_readers(page: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(page), "--html-reader", "soup"])
    assert result.exit_code == 2
    assert all(name in result.stderr for name in HTML_READERS)
