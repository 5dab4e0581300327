"""kg's modules import one another one way: no circles, and down the stages of the data flow.

Every ``import`` statement counts: at module level, inside a function (a lazy import is still a
dependency, only a later one) and under ``if TYPE_CHECKING``. Not counted is the package Python
runs before one of its modules (``kg.page`` before ``kg.page.render``): that is not a statement
in the code, and a package ``__init__`` that imports its own modules (``kg.serve`` offering
``make_server``) is the package's front door. It becomes a circle only when one of those modules
imports the package back, and that import is a statement, so it is counted.
"""

from __future__ import annotations

import ast
from collections import deque
from functools import lru_cache
from pathlib import Path

import kg

ROOT = Path(kg.__file__).resolve().parent

# The stages of the README's diagram, and those each may import: files -> io -> extract ->
# graph -> sparql / exchange -> page -> serve; engines drive io, extract and graph (and write the
# page); evaluate and train score and fit extract; api and cli sit on top. "base" is the shared
# vocabulary at the top of kg/ (config, errors, files, records, iri, ontology, dates).
MAY_IMPORT: dict[str, set[str]] = {
    "base": set(),
    "io": {"base"},
    "extract": {"base", "io"},
    "graph": {"base"},
    "sparql": {"base", "graph"},
    "exchange": {"base", "graph"},
    "page": {"base", "graph", "sparql"},
    "serve": {"base", "sparql", "page"},
    "engines": {"base", "io", "extract", "graph", "sparql", "page"},
    "evaluate": {"base", "io", "extract"},
    "train": {"base", "io", "extract", "evaluate"},
    "api": {"base", "io", "extract", "graph", "sparql", "page", "engines"},
    "cli": {
        "base",
        "io",
        "extract",
        "graph",
        "sparql",
        "exchange",
        "page",
        "serve",
        "engines",
        "evaluate",
        "api",
    },
    "__main__": {"cli"},
    # kept for one release: the old path re-exports the new one
    "analytics": {"exchange"},
    "results": {"sparql"},
}
BASE = {"kg", "kg.config", "kg.errors", "kg.files", "kg.records", "kg.iri", "kg.ontology", "kg.dates"}
# kg.show is kg.api.show, imported by the package's __getattr__ when first used (PEP 562), so
# after kg itself is imported: neither a circle nor an import against the flow at import time
LAZY = {("kg", "kg.api")}


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _stage(module: str) -> str:
    return "base" if module in BASE else module.split(".")[1]


@lru_cache(maxsize=1)
def import_graph() -> dict[str, frozenset[str]]:
    """Each module of kg -> the modules of kg it imports (a ``from`` import of a module's name
    counts as that module, ``from kg.page import style`` as ``kg.page.style``)."""
    paths = {_name(p): p for p in sorted(ROOT.rglob("*.py"))}
    graph: dict[str, frozenset[str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                target = node.module or ""
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join([*base, node.module] if node.module else base)
                for alias in node.names:
                    sub = f"{target}.{alias.name}"
                    found.add(sub if sub in paths else target)
        graph[name] = frozenset(m for m in found if m in paths and m != name and (name, m) not in LAZY)
    return graph


def _circle_through(start: str, graph: dict[str, frozenset[str]]) -> tuple[str, ...] | None:
    """The shortest chain of imports from ``start`` back to it, or None."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        module = queue.popleft()
        for imported in sorted(graph[module]):
            if imported == start:
                chain = [module]
                while chain[-1] != start:
                    chain.append(came_from[chain[-1]])
                return (start, *reversed(chain[:-1]), start)
            if imported not in came_from:
                came_from[imported] = module
                queue.append(imported)
    return None


def test_the_walk_finds_the_modules_and_their_imports() -> None:
    graph = import_graph()
    assert "kg.page.render" in graph and "kg.sparql.stores.oxigraph" in graph
    assert "kg.page.layout" in graph["kg.page.render"]  # from kg.page import layout
    assert "kg.sparql.query" in graph["kg.sparql.stores.oxigraph"]
    assert "kg.extract" in graph["kg.cli.extract"]  # a function-level import counts


def test_a_circle_is_found_and_shown_as_its_chain_of_imports() -> None:
    graph = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}
    assert _circle_through("a", graph) == ("a", "b", "c", "a")
    assert _circle_through("d", graph) is None


def test_no_module_imports_itself_back_through_others() -> None:
    graph = import_graph()
    circles = {frozenset(c): c for m in graph if (c := _circle_through(m, graph))}
    assert not circles, "import circles:\n" + "\n".join(" -> ".join(c) for c in sorted(circles.values()))


def test_imports_run_down_the_stages() -> None:
    graph = import_graph()
    assert {_stage(m) for m in graph} <= set(MAY_IMPORT), "a new package needs its place in MAY_IMPORT"
    allowed = {stage: ", ".join(sorted(names)) for stage, names in MAY_IMPORT.items()}
    upstream = sorted(
        f"{module} imports {imported} ({_stage(module)} may import {allowed[_stage(module)]})"
        for module, imported_all in graph.items()
        for imported in imported_all
        if _stage(imported) != _stage(module) and _stage(imported) not in MAY_IMPORT[_stage(module)]
    )
    assert not upstream, "imports against the flow:\n" + "\n".join(upstream)
