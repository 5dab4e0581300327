"""Inference and validation on a real corpus graph: focused rules vs owlrl, and pySHACL's time.

Usage: python bench/graph_ops.py [FOLDER]   (default ../shared/data/news/bbc/business/)
Builds the graph once, then times (best of 2): kg's focused inference, owlrl's OWL 2 RL closure
of the same graph with the ontology, and `kg validate`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rdflib import Graph

from kg.api import build
from kg.graph.infer import infer
from kg.graph.validate import validate_graph
from kg.ontology import load_ontology

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc" / "business"


def best(fn, rounds: int = 2) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, value = [], None
    for _ in range(rounds):
        t0 = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t0)
    return min(times), value


def owlrl_closure(graph: Graph) -> Graph:
    import owlrl

    g = Graph()
    for triple in graph:
        g.add(triple)
    for triple in load_ontology():
        g.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    return g


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT)
    result = build([folder])
    g = result.graph
    print(f"corpus: {folder}  documents: {result.documents}  triples: {len(g)}")
    t_focused, inferred = best(lambda: infer(g))
    t_owlrl, closed = best(lambda: owlrl_closure(g), rounds=1)
    t_valid, report = best(lambda: validate_graph(g))
    t_valid_inf, report_inf = best(lambda: validate_graph(inferred), rounds=1)  # type: ignore[arg-type]
    print(f"{'':34}{'seconds':>9}{'triples':>10}")
    print(f"{'focused inference (kg infer)':34}{t_focused:>9.2f}{len(inferred):>10}")  # type: ignore[arg-type]
    print(f"{'owlrl OWL 2 RL closure':34}{t_owlrl:>9.2f}{len(closed):>10}")  # type: ignore[arg-type]
    print(f"{'validate (pySHACL)':34}{t_valid:>9.2f}   {report.summary()}")  # type: ignore[attr-defined]
    print(f"{'validate inferred graph':34}{t_valid_inf:>9.2f}   {report_inf.summary()}")  # type: ignore[attr-defined]
    print(f"owlrl / focused: {t_owlrl / t_focused:.0f}x")


if __name__ == "__main__":
    main()
