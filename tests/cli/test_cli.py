"""The command line end to end: the contract's commands, files, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli
from tests.conftest import EXAMPLES, SHARED

ACCUSES = "SELECT ?a ?b WHERE { ?x kg:accuses ?y . ?x rdfs:label ?a . ?y rdfs:label ?b } ORDER BY ?a ?b"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    code, stdout, stderr = run("build", str(EXAMPLES), "--out", str(out))
    assert code == 0, stderr
    assert "documents" in stdout and "entities" in stdout and "relations" in stdout
    return out


def test_build_writes_turtle_and_an_offline_page(built: Path) -> None:
    g = Graph().parse(built / "graph.ttl", format="turtle")
    assert len(g) > 50
    page = (built / "graph.html").read_text(encoding="utf-8")
    assert "<canvas" in page or "vis.Network" in page
    assert "https://cdn" not in page


def test_two_builds_give_byte_identical_turtle(built: Path, tmp_path: Path) -> None:
    code, _, _ = run("build", str(EXAMPLES), "--out", str(tmp_path))
    assert code == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (built / "graph.ttl").read_bytes()


def test_query_who_accuses_whom_on_the_examples(built: Path) -> None:
    code, stdout, stderr = run("query", str(built / "graph.ttl"), ACCUSES, "--format", "json")
    assert code == 0, stderr
    rows = json.loads(stdout)["results"]["bindings"]
    assert rows, "the examples state accusations; the query must find some"


@pytest.mark.parametrize("store", ["rdflib", "oxigraph", None])
def test_most_connected_on_a_graph_without_degrees_says_why_it_is_empty(
    built: Path, tmp_path: Path, store: str | None
) -> None:
    from kg.graph.degree import STATISTICS

    older = Graph().parse(built / "graph.ttl", format="turtle")
    for prop in STATISTICS:  # as a kg before the statistic wrote it
        older.remove((None, prop, None))
    path = tmp_path / "graph.ttl"
    older.serialize(path, format="turtle")
    flags = ["--store", store] if store else []
    code, stdout, stderr = run("query", str(path), "most-connected", "--format", "csv", *flags)
    assert code == 0 and stdout.strip() == "entity,name,class,degree,outgoing,incoming"
    assert stderr.startswith("kg: warning: ") and "degreeRank" in stderr and "--update" in stderr
    code, _, stderr = run("query", str(built / "graph.ttl"), "most-connected")
    assert code == 0 and stderr == ""


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_formats(built: Path, fmt: str) -> None:
    code, stdout, _ = run("query", str(built / "graph.ttl"), ACCUSES, "--format", fmt)
    assert code == 0 and stdout.strip()


def test_extract_records_follow_the_contract(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    code, _, stderr = run("extract", str(EXAMPLES), "-o", str(out))
    assert code == 0, stderr
    from kg.io import read_inputs

    texts = {d.id: d.text for d in read_inputs([EXAMPLES]).documents}
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["id"] for r in records} == set(texts)
    for rec in records:
        ents = rec["entities"]
        assert [e["start"] for e in ents] == sorted(e["start"] for e in ents)
        for e in ents:
            assert texts[rec["id"]][e["start"] : e["end"]] == e["text"]
            assert set(e) >= {"start", "end", "text", "type", "iri"}
        for r in rec["relations"]:
            assert 0 <= r["head"] < len(ents) and 0 <= r["tail"] < len(ents)
            assert 0.0 <= r["confidence"] <= 1.0


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["build", "no/such/path"], "no/such/path"),
        (["build", "examples/", "--model", "no_such_model_xyz"], "no_such_model_xyz"),
        (["query", "no/such.ttl", "ASK {}"], "no/such.ttl"),
        (["query", "README.md", "ASK {}"], "README.md"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(args: list[str], needle: str) -> None:
    code, _, stderr = run(*args)
    assert code == 2
    assert needle in stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr


def test_folder_without_supported_files_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    code, _, stderr = run("build", str(tmp_path), "--out", str(tmp_path / "o"))
    assert code == 2 and len(stderr.strip().splitlines()) == 1


def test_unwritable_out_is_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, stderr = run("build", str(EXAMPLES), "--out", str(blocker / "sub"))
    assert code == 2 and "file" in stderr


def test_bad_files_are_skipped_with_a_warning_and_counted(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Brenfield Holdings sued Corvane Ltd on Monday.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 8)  # binary
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "feed.jsonl").write_text('{"id": "j1", "text": "Acme Corp grew."}\n{broken\n')
    code, stdout, stderr = run("build", str(tmp_path), "--out", str(tmp_path / "o"))
    assert code == 0, stderr
    assert "bad.txt" in stderr and "empty.txt" in stderr and "feed.jsonl:2" in stderr
    assert "2 documents" in stdout and "3 skipped" in stdout


def test_failed_build_leaves_the_previous_graph_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "graph.ttl").write_text("# previous graph\n")
    import kg.page.render

    def boom(*_a: object, **_k: object) -> str:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(kg.page.render, "render_html", boom)
    code, _, stderr = run("build", str(EXAMPLES), "--out", str(tmp_path))
    assert code == 1 and "disk on fire" in stderr
    assert (tmp_path / "graph.ttl").read_text() == "# previous graph\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_bbc_file_that_is_not_utf8_is_read_with_a_warning_naming_the_encoding(tmp_path: Path) -> None:
    latin = SHARED / "news" / "bbc" / "sport" / "199.txt"
    if not latin.exists():
        pytest.skip("shared BBC corpus not present")
    code, _, stderr = run("extract", str(latin), "-o", str(tmp_path / "x.jsonl"))
    assert code == 0, stderr
    assert (
        stderr
        == f"kg: warning: {latin}: not UTF-8; read as cp1252 (the encoding charset-normalizer detected)\n"
    )


def test_python_dash_m_and_console_script() -> None:
    out = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, check=True)
    for command in ("build", "extract", "query"):
        assert command in out.stdout


def test_examples_state_every_relation_of_the_ontology(built: Path) -> None:
    from kg.ontology import KG, class_names, relation_names

    g = Graph().parse(built / "graph.ttl", format="turtle")
    ns = str(KG._NS)
    used = {str(p)[len(ns) :] for _, p, _ in g if str(p).startswith(ns)}
    assert relation_names() <= used
    # every kg: term the build emitted, as predicate or class, is defined in ontology/
    types = {str(o)[len(ns) :] for o in g.objects(None, None) if str(o).startswith(ns)}
    assert used | types <= relation_names() | class_names() | set(KG.__annotations__)


def test_every_command_is_documented_in_the_readme_with_an_example() -> None:
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    ctx = click.Context(cli)
    names = cli.list_commands(ctx)
    assert {"build", "query", "eval", "serve"} <= set(names)
    for name in names:
        command = cli.get_command(ctx, name)
        assert command is not None, name
        assert f"`kg {name}" in readme, name
        assert "Example:" in (command.help or ""), name
