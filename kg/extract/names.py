"""Forms of one name as news writes them, compared word by word (plain strings, no spaCy).

- the words of a name leave out what does not tell it apart: a possessive ("Lloyd's of
  Marlow" -> "lloyd of marlow"), a legal form at the end ("Norwind Corp", "Norwind and Co")
  and a generational suffix ("Ana Quist Jr");
- its letters also leave out hyphens and spaces ("Quist-Roe" and "Quist Roe");
- the base of an organization's name also leaves out a generic last word ("Norwind
  International", "Norwind Group" -> "norwind");
- initials read an acronym inside the name as its letters ("UK Marine Party" -> "UKMP");
- "Ministry of Trade" is also written "Trade Ministry".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract import kinds

# Words that end an organization's name without telling it apart from its short form.
LEGAL_FORMS = kinds.LEGAL_SUFFIXES | frozenset(
    """corporation company incorporated limited plc. inc. corp. co. ltd. llc. sa. nv. ag.""".split()
)
GENERIC_LAST_WORDS = LEGAL_FORMS | frozenset("""international group holdings holding""".split())
PERSON_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr."})
# Kind words that head a name written either way: "Ministry of Trade" / "Trade Ministry".
INVERTIBLE_HEADS = frozenset(
    """ministry department office bureau commission council committee agency""".split()
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def words_of(key: str) -> tuple[str, ...]:
    """The telling words of a normalized name: "eli quist and co" -> ("eli", "quist")."""
    words = [_POSSESSIVE.sub("", w) for w in key.split()]
    words = [w for w in words if w]
    while len(words) > 1 and (words[-1] in LEGAL_FORMS or words[-1] in PERSON_SUFFIXES):
        words.pop()
        if len(words) > 1 and words[-1] in {"and", "&"}:
            words.pop()
    while words and words[-1] == ",":
        words.pop()
    return tuple(words)


def base_of(words: Sequence[str]) -> tuple[str, ...]:
    """An organization's name without a generic last word: ("norwind", "group") -> ("norwind",)."""
    out = list(words)
    while len(out) > 1 and out[-1] in GENERIC_LAST_WORDS:
        out.pop()
    return tuple(out)


def compact(words: Sequence[str]) -> str:
    """The letters of a name, so that "Quist-Roe" and "QuistRoe" compare equal."""
    return "".join(c for w in words for c in w if c.isalnum())


def inverted(words: Sequence[str]) -> tuple[str, ...] | None:
    """ "Ministry of Trade" -> "Trade Ministry"; None for a name not of that shape."""
    if len(words) >= 3 and words[0] in INVERTIBLE_HEADS and words[1] in {"of", "for"}:
        return (*words[2:], words[0])
    return None


def initials(words: Sequence[str], with_function_words: bool, spell_acronyms: bool = False) -> set[str]:
    """The initials of a name's words, with and without a legal form at the end ("Dale Lufkin
    Inc" -> "DLI", "DL"); with ``spell_acronyms`` a short word in capitals gives all its letters
    ("UK Marine Party" -> "UKMP")."""
    forms = {_initials(words, with_function_words, spell_acronyms)}
    words = list(words)
    while len(words) > 1 and words[-1].casefold() in LEGAL_FORMS:
        words.pop()
    forms.add(_initials(words, with_function_words, spell_acronyms))
    return forms


def _initials(words: Sequence[str], with_function_words: bool, spell_acronyms: bool) -> str:
    skip = set() if with_function_words else kinds.NAME_FUNCTION_WORDS
    out = []
    for w in words:
        if not w or w.casefold() in skip or not w[0].isalnum():
            continue
        letters = [c for c in w if c.isalpha()]
        if spell_acronyms and 2 <= len(letters) <= 3 and w.isupper():
            out.append("".join(letters))
        else:
            out.append(w[0])
    return "".join(out).upper()
