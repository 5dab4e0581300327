"""The commissioned example article (read from ../shared, never copied): what a user checks first."""

from __future__ import annotations

import pytest

from kg.io import read_inputs
from tests.conftest import SHARED, triples

SEED = SHARED / "seed"


@pytest.fixture(scope="module")
def seed(extract_text):  # type: ignore[no-untyped-def]
    if not SEED.exists():
        pytest.skip("shared seed article not present")
    [doc] = read_inputs([SEED]).documents
    from kg.extract import extract

    return doc, next(extract([doc]))


def test_nothing_from_the_related_reading_footer(seed) -> None:  # type: ignore[no-untyped-def]
    doc, ex = seed
    footer = doc.text.index("Related reading")
    assert ex.mentions
    assert all(m.end <= footer for m in ex.mentions)


def test_each_acronym_is_one_entity_with_its_full_name(seed) -> None:  # type: ignore[no-untyped-def]
    _, ex = seed
    by_alias = {a: e for e in ex.entities for a in e.aliases}
    for acronym in ("AAFA", "MEMA", "HFS", "CFDA", "TGA", "USTR"):
        assert acronym in by_alias, acronym
        assert len(by_alias[acronym].label.split()) >= 3
    assert by_alias["USTR"].type == "GovernmentAgency"
    assert by_alias["AAFA"].type == "TradeAssociation"


def test_the_story_accusation_appeal_response(seed) -> None:  # type: ignore[no-untyped-def]
    _, ex = seed
    found = triples(ex)
    assert {"accuses", "urges", "respondsTo", "leads", "represents"} <= {r for _, r, _ in found}
    # the response comes from the accused
    accused = {t for _, r, t in found if r == "accuses"}
    responders = {h for h, r, _ in found if r == "respondsTo"}
    assert accused & responders
