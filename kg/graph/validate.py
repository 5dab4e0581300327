"""Checking a graph against the ontology's SHACL shapes (``ontology/shapes.ttl``) with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph

from kg.errors import KGError
from kg.ontology import load_ontology, ontology_dir


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    shapes = Graph()
    shapes.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return shapes


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    violations: int
    report: str  # pySHACL's readable report

    def summary(self) -> str:
        if self.conforms:
            return "conforms: the graph satisfies every shape in ontology/shapes.ttl"
        return f"does not conform: {self.violations} violation(s)"


def validate_graph(graph: Graph) -> ValidationResult:
    """Validate ``graph`` (its union, if it is a Dataset) with the ontology as ontology graph."""
    from pyshacl import validate
    from rdflib.namespace import SH

    data = Graph()
    for triple in graph.triples((None, None, None)):
        data.add(triple)
    conforms, results, text = validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    if not isinstance(results, Graph):  # pySHACL could not use the shapes at all
        raise KGError(f"cannot validate: {str(text).splitlines()[-1]}")
    violations = len(set(results.subjects(predicate=SH.resultSeverity)))
    return ValidationResult(bool(conforms), violations, str(text))
