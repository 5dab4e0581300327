"""Commands import only what they use: ``kg --help``, ``kg query`` and ``kg validate`` never load
spaCy (only build, extract and eval do), pyvis, networkx or Dask. Read from ``python -X
importtime``, which lists every module a command imported; how long they take is measured by
``bench/startup.py``, not here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HEAVY = {
    "spacy",
    "thinc",
    "pyvis",
    "networkx",
    "dask",
    "distributed",
    "pandas",
    "IPython",
    "trafilatura",
    "lxml",
}
TURTLE = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/kg-news/resource/org/norwind> a kg:Company ; rdfs:label "Norwind Freight" .
"""


def imported(*args: str) -> set[str]:
    """The top-level packages ``kg ARGS`` imports."""
    return {name.split(".")[0] for name in imported_modules(*args)}


def imported_modules(*args: str) -> set[str]:
    """Every module ``kg ARGS`` imports, by its full name."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kg", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    # validate exits 1 for a graph that does not conform, extract 2 for a missing input
    assert run.returncode in (0, 1, 2) and "Traceback" not in run.stderr, run.stderr[-2000:]
    lines = run.stderr.splitlines()
    return {line.split("|")[-1].strip() for line in lines if line.startswith("import time:")}


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "graph.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    return path


def test_help_imports_no_library_but_click() -> None:
    modules = imported("--help")
    assert not modules & (HEAVY | {"rdflib", "pyshacl", "pyoxigraph"})


def test_query_imports_oxigraph_and_not_rdflib(graph_file: Path) -> None:
    # Oxigraph answers, as rdflib would (kg.sparql.quick): rdflib and its SPARQL parser stay out
    modules = imported("query", str(graph_file), "SELECT ?s WHERE { ?s a kg:Company }")
    assert "pyoxigraph" in modules
    assert not modules & (HEAVY | {"rdflib", "pyparsing", "pyshacl", "numpy"})


def test_query_imports_rdflib_when_rdflib_answers(graph_file: Path) -> None:
    modules = imported("query", str(graph_file), "SELECT ?s WHERE { ?s a kg:Company }", "--store", "rdflib")
    assert "rdflib" in modules
    assert not modules & (HEAVY | {"pyshacl", "pyoxigraph", "numpy"})


def test_a_command_imports_its_own_module_only(graph_file: Path) -> None:
    modules = imported_modules("query", str(graph_file), "SELECT ?s WHERE { ?s a kg:Company }")
    assert "kg.cli.common" in modules  # what every command module imports
    assert not modules & {"kg.cli.build", "kg.cli.serve", "kg.cli.exchange", "kg.cli.evaluate", "kg.cli.page"}


def test_validate_imports_pyshacl_and_nothing_heavy(graph_file: Path) -> None:
    modules = imported("validate", str(graph_file))
    assert "pyshacl" in modules
    assert not modules & HEAVY


def test_the_probe_sees_spacy_where_it_is_used(graph_file: Path) -> None:
    # so that the tests above would notice spaCy coming back: extract does import it
    assert "spacy" in imported("extract", str(graph_file.parent / "missing.txt"))
