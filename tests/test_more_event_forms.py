"""More forms of accusing and urging in news writing, end to end through kg extract: each form a
user would expect to see as a triple, and a sentence of the same shape that states no such event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Extraction
from tests.conftest import triples

# (text, (head, relation, tail)) that the graph must hold.
FOUND = [
    # the small model reads "sued Y alleging ..." as a clause "Y alleging"
    ("In May, Ana Quist sued Norwind Inc alleging fraud.", ("Ana Quist", "accuses", "Norwind Inc")),
    (
        "Last September, Kestrel Data and the Tanner Union sued Norwind Inc alleging Norwind's product "
        "infringed on a patent.",
        ("Tanner Union", "accuses", "Norwind Inc"),
    ),
    (
        "On Thursday, the Tanner Union challenged Mr Orr-Marlow to stand down as an MEP so voters "
        "can get a genuine candidate.",
        ("Tanner Union", "urges", "Orr-Marlow"),
    ),
]
# (text, (head, relation, tail)) that the graph must not hold.
NOT_FOUND = [
    (
        "Analysts said Kestrel Data may sue Norwind Corp alleging its product infringed on a patent.",
        ("Kestrel Data", "accuses", "Norwind Corp"),
    ),
    (
        "Last September, Kestrel Data sued Norwind Inc alleging Norwind's product infringed on a patent.",
        ("Norwind Inc", "accuses", "Kestrel Data"),
    ),
    ("Kestrel Data never challenged Ben Marlow to stand down.", ("Kestrel Data", "urges", "Ben Marlow")),
]


@pytest.mark.parametrize(("text", "triple"), FOUND, ids=[t[:50] for t, _ in FOUND])
def test_found(extract_text: Callable[[str], Extraction], text: str, triple: tuple[str, str, str]) -> None:
    found = triples(extract_text(text))
    assert triple in found, found


@pytest.mark.parametrize(("text", "triple"), NOT_FOUND, ids=[t[:50] for t, _ in NOT_FOUND])
def test_not_found(
    extract_text: Callable[[str], Extraction], text: str, triple: tuple[str, str, str]
) -> None:
    found = triples(extract_text(text))
    assert triple not in found, found
