"""The ontology: the files in ``ontology/`` and a closed namespace of their terms."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, DefinedNamespace

from kg.config import ONTOLOGY_NS

ONTOLOGY_IRI = URIRef(ONTOLOGY_NS.rstrip("#"))


class KG(DefinedNamespace):
    """The kg ontology's terms; a misspelt term raises at once (``_fail``)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_NS)

    Entity: URIRef
    Organization: URIRef
    Company: URIRef
    TradeAssociation: URIRef
    GovernmentAgency: URIRef
    NewsOrganization: URIRef
    Person: URIRef
    Place: URIRef
    GeopoliticalEntity: URIRef
    Brand: URIRef
    Document: URIRef
    RelationMention: URIRef
    Extractor: URIRef

    relatedTo: URIRef
    accuses: URIRef
    respondsTo: URIRef
    urges: URIRef
    represents: URIRef
    memberOf: URIRef
    worksFor: URIRef
    leads: URIRef
    partOf: URIRef
    basedIn: URIRef
    locatedIn: URIRef
    livesIn: URIRef
    killed: URIRef
    alliedWith: URIRef
    cooperatesWith: URIRef

    documentId: URIRef
    sentence: URIRef
    sentenceStart: URIRef
    sentenceEnd: URIRef
    subjectStart: URIRef
    subjectEnd: URIRef
    objectStart: URIRef
    objectEnd: URIRef
    confidence: URIRef
    mentionCount: URIRef
    mentionedIn: URIRef
    outDegree: URIRef
    inDegree: URIRef
    degreeRank: URIRef
    contentHash: URIRef
    KnowledgeGraph: URIRef
    ontologyVersion: URIRef
    EntityMerge: URIRef
    canonicalEntity: URIRef
    mergedEntity: URIRef
    mergeRule: URIRef
    surfaceForm: URIRef
    Event: URIRef
    Accusation: URIRef
    Appeal: URIRef
    Response: URIRef
    agent: URIRef
    target: URIRef
    charge: URIRef
    demand: URIRef
    answers: URIRef
    evidence: URIRef


def ontology_dir() -> Path:
    """Where the Turtle files are: inside an installed wheel, or the repository's ``ontology/``."""
    packaged = Path(str(resources.files("kg"))) / "_ontology"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "ontology"


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    graph = Graph()
    graph.parse(ontology_dir() / "kg.ttl", format="turtle")
    return graph


@lru_cache(maxsize=1)
def ontology_version() -> str:
    version = load_ontology().value(ONTOLOGY_IRI, OWL.versionInfo)
    return str(version) if version is not None else "unknown"


def _local(iri: URIRef) -> str:
    return str(iri)[len(ONTOLOGY_NS) :]


@lru_cache(maxsize=1)
def class_names() -> frozenset[str]:
    g = load_ontology()
    return frozenset(
        _local(URIRef(str(s))) for s in g.subjects(RDF.type, OWL.Class) if str(s).startswith(ONTOLOGY_NS)
    )


@lru_cache(maxsize=1)
def entity_class_names() -> frozenset[str]:
    """Classes of entities (those under ``kg:Entity``), without ``Entity`` itself."""
    return frozenset(c for c in class_names() if c != "Entity" and "Entity" in super_classes(c))


@lru_cache(maxsize=1)
def relation_names() -> frozenset[str]:
    """Object properties between entities (those under ``kg:relatedTo``)."""
    g = load_ontology()
    top = KG.relatedTo
    names = set()
    for prop in g.subjects(RDF.type, OWL.ObjectProperty):
        if (prop, RDFS.subPropertyOf * "*", top) in g or prop == top:  # type: ignore[operator]
            names.add(_local(prop))  # type: ignore[arg-type]
    names.discard("relatedTo")
    return frozenset(names)


def _ancestors(name: str, link: URIRef) -> list[str]:
    found = load_ontology().transitive_objects(KG[name], link)
    return [_local(URIRef(str(t))) for t in found if str(t).startswith(ONTOLOGY_NS)]


def super_classes(name: str) -> list[str]:
    """``"Company"`` -> ``["Company", "Organization", "Entity"]``."""
    return _ancestors(name, RDFS.subClassOf)


def super_properties(name: str) -> list[str]:
    """``"leads"`` -> ``["leads", "worksFor", "relatedTo"]``."""
    return _ancestors(name, RDFS.subPropertyOf)
