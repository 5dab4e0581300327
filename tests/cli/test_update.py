"""Incremental builds, removal, and named graphs: a graph you can update without rebuilding."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from kg.cli import cli
from kg.graph.degree import STATISTICS, graph_degree_triples
from tests.conftest import EXAMPLES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def split_examples(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for i, path in enumerate(sorted(p for p in EXAMPLES.iterdir() if p.name != "README.md")):
        shutil.copy(path, (first if i % 2 == 0 else second) / path.name)
    return first, second


@pytest.fixture(scope="module")
def one_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("one")
    first, second = split_examples(folder)
    out = folder / "out"
    code, _, err = run("build", str(first), str(second), "--out", str(out))
    assert code == 0, err
    return out


def test_two_batches_with_update_equal_one_build(one_build: Path, tmp_path: Path) -> None:
    first, second = split_examples(tmp_path)
    out = tmp_path / "out"
    assert run("build", str(first), "--out", str(out))[0] == 0
    code, stdout, err = run("build", str(second), "--out", str(out), "--update")
    assert code == 0, err
    assert "new" in stdout
    one = Graph().parse(one_build / "graph.ttl")
    two = Graph().parse(out / "graph.ttl")
    assert isomorphic(one, two)
    assert (out / "graph.ttl").read_bytes() == (one_build / "graph.ttl").read_bytes()


def test_the_same_document_again_changes_nothing(one_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(one_build, out)
    first, _ = split_examples(tmp_path)
    before = (out / "graph.ttl").read_bytes()
    code, stdout, _ = run("build", str(first), "--out", str(out), "--update")
    assert code == 0 and "0 new, 0 changed" in stdout
    assert (out / "graph.ttl").read_bytes() == before


def test_a_changed_document_replaces_its_assertions(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    article = src / "a.txt"
    article.write_text("Brenfield Holdings Inc. sued Corvale Shipping Ltd. on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", str(src), "--out", str(out))[0] == 0
    article.write_text("Talvik Mining Corp. sued Orrin Freight Ltd. on Monday.\n", encoding="utf-8")
    code, stdout, _ = run("build", str(src), "--out", str(out), "--update")
    assert code == 0 and "1 changed" in stdout
    labels = {str(o) for o in Graph().parse(out / "graph.ttl").objects(None, RDFS.label)}
    assert "Talvik Mining Corp." in labels and "Brenfield Holdings Inc." not in labels


def test_remove_withdraws_a_document_and_entities_only_it_supported(one_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(one_build, out)
    g = Graph().parse(out / "graph.ttl")
    assert (None, RDFS.label, Literal("Corvane Pharmaceutical Holdings")) in g
    code, stdout, err = run("remove", str(out), "corvane_renquil_lawsuit.txt")
    assert code == 0, err
    assert "1 removed" in stdout
    g = Graph().parse(out / "graph.ttl")
    assert (None, RDFS.label, Literal("Corvane Pharmaceutical Holdings")) not in g
    assert (None, RDFS.label, Literal("Gulf Coast Port Commission")) in g  # other documents stay
    # degrees and ranks are counted again over what is left
    written = {t for prop in STATISTICS for t in g.triples((None, prop, None))}
    assert written == set(graph_degree_triples(g))


def test_remove_an_unknown_document_is_exit_2(one_build: Path) -> None:
    code, _, err = run("remove", str(one_build), "no-such-doc")
    assert code == 2 and "no-such-doc" in err


@pytest.mark.parametrize("content", ["not a graph at all", "@prefix ex: <http://e/> . ex:a ex:b ex:c ."])
def test_update_against_a_foreign_graph_is_refused_and_untouched(tmp_path: Path, content: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text(content)
    code, _, err = run("build", str(EXAMPLES), "--out", str(out), "--update")
    assert code == 2 and "not a graph built by kg" in err
    assert (out / "graph.ttl").read_text() == content


def test_update_against_another_ontology_version_is_refused(one_build: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(one_build, out)
    records = out / "records.jsonl"
    text = records.read_text(encoding="utf-8")
    older = text.replace('"ontology_version": "', '"ontology_version": "0.0.', 1)
    records.write_text(older, encoding="utf-8")
    before = (out / "graph.ttl").read_bytes()
    code, _, err = run("build", str(EXAMPLES), "--out", str(out), "--update")
    assert code == 2 and "ontology version" in err
    assert (out / "graph.ttl").read_bytes() == before


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_quad_exports_keep_one_named_graph_per_document(one_build: Path, fmt: str) -> None:
    code, stdout, _ = run("export", str(one_build / "graph.ttl"), "--format", fmt)
    assert code == 0
    ds = Dataset()
    ds.parse(data=stdout, format="trig" if fmt == "trig" else "nquads")
    names = {str(g.identifier) for g in ds.graphs() if len(g) and "/doc/" in str(g.identifier)}
    assert len(names) == 5  # four files, one of them JSON Lines with two articles
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, Graph().parse(one_build / "graph.ttl"))


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_triple_exports_round_trip(one_build: Path, fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"g.{fmt}"
    assert run("export", str(one_build / "graph.ttl"), "--format", fmt, "-o", str(target))[0] == 0
    parsed = Graph().parse(target, format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt])
    assert isomorphic(parsed, Graph().parse(one_build / "graph.ttl"))
