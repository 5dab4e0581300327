"""Curated titles that stand before a personal name in news writing: "Mr", "Dr", "Sir",
"Chancellor", "Prime Minister", "Foreign Secretary". Words of English, never names.

Read by ``aliases.py``: "Mr Wrenholm", "Chancellor Wrenholm" and "Wrenholm" are one form of the
name "Tobias Wrenholm".
"""

from __future__ import annotations

from collections.abc import Sequence

# Honorifics: before a name they always mark a person.
HONORIFICS = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. professor rev rev.""".split()
)
# Offices written before a name ("President Quist", "Foreign Secretary Roe"). Words that also
# open names of organizations ("General" in a company's name, "Justice" in a department's)
# are left out.
OFFICES = frozenset(
    """president premier chancellor senator sen sen. rep rep. congressman congresswoman governor
    gov gov. mayor ambassador commissioner judge ayatollah sheikh sheik king queen prince
    princess pope cardinal rabbi chairman chairwoman minister secretary archbishop bishop
    reverend imam""".split()
)
# Words that qualify an office before it: "Prime Minister", "Deputy Prime Minister", "Home
# Secretary", "Vice President", "Shadow Chancellor", "Secretary of State".
QUALIFIERS = frozenset(
    """prime deputy vice vice- acting shadow former foreign home trade finance defence defense
    interior health education environment transport energy justice treasury culture chief
    executive first attorney general state of""".split()
)
TITLE_WORDS = HONORIFICS | OFFICES


def title_length(words: Sequence[str]) -> int:
    """How many leading words of a name are a title before a personal name (0 if none).

    A title is a run of honorifics ("Mr", "Sir"), offices ("Chancellor") and the qualifiers of
    an office ("Prime Minister", "Secretary of State") with at least one honorific or office in
    it: "Prime Minister Sir Ana Quist" -> 3. At least one word must remain after it: in "Ms
    King" the office word is the surname.
    """
    lowered = [w.casefold() for w in words]
    k = 0
    titled = False
    while k < len(lowered) and (lowered[k] in TITLE_WORDS or lowered[k] in QUALIFIERS):
        titled = titled or lowered[k] in TITLE_WORDS
        k += 1
    if k == len(lowered) and k >= 2:
        k -= 1
        titled = any(w in TITLE_WORDS for w in lowered[:k])
    return k if titled and k < len(lowered) else 0
