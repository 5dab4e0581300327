"""Forms of one name as news writes them, compared word by word (plain strings, no spaCy).

- the words of a name leave out what does not tell it apart: a possessive ("Lloyd's of
  Marlow" -> "lloyd of marlow"), a legal form at the end ("Norwind Corp", "Norwind and Co")
  and a generational suffix ("Ana Quist Jr");
- its letters also leave out hyphens and spaces ("Quist-Roe" and "Quist Roe");
- the base of an organization's name also leaves out a generic last word ("Norwind
  International", "Norwind Group" -> "norwind");
- initials read an acronym inside the name as its letters ("UK Marine Party" -> "UKMP");
- "Ministry of Trade" is also written "Trade Ministry";
- a person's name is written with or without middle initials ("Ana T. Quist", "Ana Quist");
- a compass word is cut to its initial in headlines ("S Kestria" for "South Kestria"), and a
  body's name is written with one function word or another ("Institute for Tidal Studies",
  "Institute of Tidal Studies");
- an acronym may spell the start of each word, not only its initial ("NORMEX" for "North
  Marlow Exchange"), and may leave out a country before the name ("DOT" for "U.S. Department
  of Trade", "USDT" for "U.S. Trade Department").
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
# Generational numbers end a personal name of two names at least ("Ana Quist III"); after one
# word they are a model number ("Kelvar II").
NUMBERED = frozenset({"ii", "iii", "iv"})
# Kind words that head a name written either way: "Ministry of Trade" / "Trade Ministry".
INVERTIBLE_HEADS = frozenset(
    """ministry department office bureau commission council committee agency""".split()
)
# Words for a country before a body's name, which its acronym may leave out.
COUNTRY_WORDS = frozenset(kinds.COUNTRY_VARIANTS) | frozenset(kinds.DEMONYMS)
_MIDDLE_INITIAL = re.compile(r"^[a-z]\.?$")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def words_of(key: str) -> tuple[str, ...]:
    """The telling words of a normalized name: "eli quist and co" -> ("eli", "quist")."""
    words = [_POSSESSIVE.sub("", w) for w in key.split()]
    words = [w for w in words if w]
    while len(words) > 1 and (
        words[-1] in LEGAL_FORMS or words[-1] in PERSON_SUFFIXES or (words[-1] in NUMBERED and len(words) > 2)
    ):
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


def abbreviated(words: Sequence[str]) -> tuple[str, ...] | None:
    """A name with its compass words cut to their initial, as headlines write them: ("south",
    "korea") -> ("s", "korea"), and ("s.", "korea") -> ("s", "korea"); None if it has none."""
    out = [w[0] if w in kinds.DIRECTIONS else w.rstrip(".") if len(w.rstrip(".")) == 1 else w for w in words]
    return tuple(out) if len(out) > 1 and tuple(out) != tuple(words) else None


def content_words(words: Sequence[str]) -> tuple[str, ...] | None:
    """A name without its function words: "Institute for Tidal Studies" and "Institute of
    Tidal Studies" are written alike; None when it has none or keeps fewer than two words."""
    out = tuple(w for w in words if w not in kinds.NAME_FUNCTION_WORDS)
    return out if len(out) >= 2 and len(out) < len(words) else None


def inverted(words: Sequence[str]) -> tuple[str, ...] | None:
    """ "Ministry of Trade" -> "Trade Ministry", keeping a country before it: "U.S. Department of
    Trade" -> "U.S. Trade Department"; None for a name not of that shape."""
    lead = 1 if len(words) >= 4 and words[0] in COUNTRY_WORDS else 0
    head, rest = words[lead:], words[:lead]
    if len(head) >= 3 and head[0] in INVERTIBLE_HEADS and head[1] in {"of", "for"}:
        return (*rest, *head[2:], head[0])
    return None


def without_middle_initials(words: Sequence[str]) -> tuple[str, ...] | None:
    """A person's name without the initials between first name and surname: ("ana", "t.",
    "quist") -> ("ana", "quist"); None for a name without them."""
    if len(words) < 3:
        return None
    middle = [w for w in words[1:-1] if not _MIDDLE_INITIAL.match(w)]
    return (words[0], *middle, words[-1]) if len(middle) < len(words) - 2 else None


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


def _letters(word: str) -> str:
    return "".join(c for c in word if c.isalpha()).casefold()


def _spells(letters: str, words: Sequence[str]) -> bool:
    """``letters`` are the start of each word in turn, in one letter or more; a function word
    ("of", "and") may give nothing."""
    if not words:
        return not letters
    word = _letters(words[0])
    if words[0].casefold() in kinds.NAME_FUNCTION_WORDS and _spells(letters, words[1:]):
        return True
    return any(
        word[:k] == letters[:k] and _spells(letters[k:], words[1:])
        for k in range(1, min(len(word), len(letters)) + 1)
    )


def of_form(words: Sequence[str]) -> tuple[str, ...] | None:
    """ "Trade Ministry" -> "Ministry of Trade", keeping a country before it: "U.S. Trade
    Department" -> "U.S. Department of Trade"; None for a name not of that shape."""
    lead = 1 if len(words) > 2 and words[0].casefold() in COUNTRY_WORDS else 0
    rest = list(words[lead:])
    if len(rest) < 2 or rest[-1].casefold() not in INVERTIBLE_HEADS:
        return None
    return (*words[:lead], rest[-1], "of", *rest[:-1])


def acronym_spells(acronym: str, words: Sequence[str]) -> bool:
    """The acronym spells the name, its words clipped ("NORMEX": "North Marlow Exchange"), with
    or without a country before it and a legal form after it, in either order of a body's name
    ("USDT", "DOT": "U.S. Trade Department")."""
    letters = _letters(acronym)
    forms = [tuple(words)]
    inverted_form = of_form(words)
    if inverted_form is not None:
        forms.append(inverted_form)
    for form in list(forms):
        if len(form) > 2 and form[0].casefold() in COUNTRY_WORDS:
            forms.append(form[1:])
        while len(form) > 1 and form[-1].casefold() in LEGAL_FORMS:
            form = form[:-1]
            forms.append(form)
    content = [f for f in forms if sum(w.casefold() not in kinds.NAME_FUNCTION_WORDS for w in f) >= 2]
    return bool(letters) and any(_spells(letters, f) for f in content)
