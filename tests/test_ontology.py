"""The ontology's terms as the code reads them: classes under their super-classes, the namespace closed."""

from __future__ import annotations

import pytest
from rdflib.namespace import OWL, RDFS

from kg.evaluate.spert import load_map
from kg.ontology import KG, entity_class_names, load_ontology, super_classes


def test_a_geopolitical_entity_is_a_place() -> None:
    assert super_classes("GeopoliticalEntity") == ["GeopoliticalEntity", "Place", "Entity"]
    assert "GeopoliticalEntity" in entity_class_names()
    onto = load_ontology()
    assert (KG.GeopoliticalEntity, RDFS.subClassOf, KG.Place) in onto
    assert onto.value(KG.GeopoliticalEntity, RDFS.comment) is not None
    assert (KG.Organization, OWL.disjointWith, KG.Place) in onto  # a state is not its government


def test_the_namespace_is_closed() -> None:
    assert str(KG.GeopoliticalEntity).endswith("#GeopoliticalEntity")
    with pytest.raises(AttributeError):
        KG.Geopolitical  # noqa: B018


def test_a_measure_asking_for_a_place_accepts_a_state() -> None:
    assert load_map("conll04").entity("GeopoliticalEntity") == load_map("conll04").entity("Place")
