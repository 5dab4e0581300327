"""Shorter forms of a longer name in the same story: acronyms by initials, first or last words,
clipped words. Read by ``aliases.py``; rules of English naming, never names.
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import kinds, names
from kg.extract.grouping import NameTable, conflict, surface, written_words
from kg.extract.mentions import Candidate, is_acronym

# Head words of a body of an organization: "the Norwind Commission" is not "Norwind".
BODY_HEADS = kinds.GOVERNMENT_WORDS | kinds.TRADE_ASSOCIATION_WORDS | {"board", "committee"}
# Nouns of a company's part: "a subsidiary of Norwind Group" names Norwind Group as the parent.
UNIT_NOUNS = frozenset({"subsidiary", "unit", "division", "arm", "affiliate", "offshoot"})
# Bodies named after the person who leads them: "the Quist administration", "the Quist
# government", "Quist's cabinet". "Quist" alone is the person.
LEADER_BODIES = frozenset({"administration", "government", "cabinet", "presidency", "camp"})


def _initials(words: list[str]) -> set[str]:
    if len(words) < 2:
        return set()
    return {form for f in (False, True) for s in (False, True) for form in names.initials(words, f, s)}


def acronyms_by_initials(t: NameTable) -> None:
    """An acronym not defined in parentheses names the one longer name whose initials it is:
    "DLJ" for "Dale Lufkin and Jenks Inc", "UKMP" for "UK Marine Party"; or that it spells in
    clipped words ("NORMEX" for "North Marlow Exchange"), maybe without the country before it
    ("DOT" for "U.S. Department of Trade"). An acronym that opens a longer name is that name's
    short form ("QRT" in "QRT Holdings Corp"), not the initials of another ("Quinn R. Tate")."""
    doc, cands, keys = t.doc, t.cands, t.keys
    full = t.full()
    written = _Written(t)
    # "the EC Commission" is a body of the EC: it leaves "EC" to its initials
    openers = {t.words[j][0] for j in full if len(t.words[j]) > 1 and t.words[j][-1] not in BODY_HEADS}
    defined = {keys[j] for j, c in enumerate(cands) if c.acronym_of is not None}  # in parentheses
    for i, c in enumerate(cands):
        if c.place is not None or c.acronym_of is not None:
            continue
        form = surface(doc, c)
        if not is_acronym(form):
            continue
        text = form.replace(".", "")
        if keys[i] in defined:
            continue
        if keys[i] in openers:
            continue
        fits = {
            t.uf.find(j)
            for j in full
            if (text.upper() in written.initials(j) or names.acronym_spells(text, written.words(j)))
            and keys[i] not in keys[j].split()  # "the EC Commission" is not what EC stands for
        }
        if len(fits) == 1:
            t.join(fits.pop(), i, "rule:acronym-initials")
    _acronyms_written_as_words(t, full, written)


class _Written:
    """The written words of each name and their initials, read once per name however many
    acronyms of the story are compared with it."""

    def __init__(self, t: NameTable) -> None:
        self.t = t
        self._words: dict[int, list[str]] = {}
        self._initials: dict[int, set[str]] = {}

    def words(self, j: int) -> list[str]:
        if j not in self._words:
            self._words[j] = written_words(self.t.doc, self.t.cands[j])
        return self._words[j]

    def initials(self, j: int) -> set[str]:
        if j not in self._initials:
            self._initials[j] = _initials(self.words(j))
        return self._initials[j]


def _acronyms_written_as_words(t: NameTable, full: list[int], written: _Written) -> None:
    """An acronym said as a word is often written as one ("Nemo" for the "North European
    Maritime Organisation", "Ukmp" for the "UK Marine Party"): a word in title case that is the
    initials of one name of three words or more in the story names it."""
    doc, cands = t.doc, t.cands
    by_initials: dict[str, list[int]] | None = None  # initials -> the names of 3+ words with them
    for i, c in enumerate(cands):
        word = surface(doc, c)
        if (
            c.place is not None
            or not (word.isalpha() and word.istitle() and 3 <= len(word) <= 8)
            or c.ner not in {"", "ORG", "PERSON"}  # the model reads many such words as a person's name
            or t.strong[i] in {"Person", "Place"}
        ):
            continue
        if by_initials is None:
            by_initials = {}
            for j in full:
                if len(written.words(j)) >= 3:
                    for form in written.initials(j):
                        by_initials.setdefault(form, []).append(j)
        fits = {t.uf.find(j) for j in by_initials.get(word.upper(), ())}
        if len(fits) == 1 and t.uf.find(i) not in fits:
            t.join(fits.pop(), i, "rule:acronym-as-word")


def _clips(short: str, long: tuple[str, ...]) -> bool:
    """``short`` is the first word of ``long`` clipped, after a country's name: "fed" for
    ("u.s.", "federal", "reserve")."""
    if len(long) > 2 and long[0] in names.COUNTRY_WORDS:
        long = long[1:]
    return (
        len(short) >= 3 and len(long[0]) > len(short) + 1 and long[0].isalpha() and long[0].startswith(short)
    )


def _named_as_parent(doc: Doc, c: Candidate) -> bool:
    """The name follows "a subsidiary of", "a unit of" ("a unit of the Norwind Group")."""
    i = c.start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space or doc[i].lower_ == "the"):
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in UNIT_NOUNS


def _ends_inverted(
    short: tuple[str, ...], long: tuple[str, ...], a: tuple[str, ...], b: tuple[str, ...]
) -> bool:
    """A body's name ends another written the other way round: "Department of Trade" and "Trade
    Department" end "U.S. Trade Department" and "U.S. Department of Trade". ``a`` and ``b`` are
    ``short`` and ``long`` inverted (``names.inverted``), or themselves."""
    return len(b) > len(a) and b[-len(a) :] == a and (a, b) != (short, long)


def _numeral(word: str) -> bool:
    """A model's number: "400", "II", "3000X"."""
    return any(ch.isdigit() for ch in word) or (len(word) <= 4 and set(word) <= set("ivx"))


def short_forms(t: NameTable) -> None:
    """A shorter form of one longer name in the story is that name: its first words ("Acme" for
    "Acme Holdings", "WMC" for "WMC Minerals") or its last ("Roe" for "Jane Roe"); a surname
    prefers a person's name it ends; among names of one company, the one that is the short form
    and a generic word ("Norwind" is "Norwind Group", not "Norwind Energy"), or the one the story
    names as the parent ("Norwind" for "Norwind Beck Corp", after "Norwind Chemicals, a
    subsidiary of Norwind Beck Corp"). A clipped single
    word ("Sino" for "Sinopec") is a short form when only one longer word fits, and failing that
    a body's name clipped to its first word ("the Fed" for "the U.S. Federal Grain Board"). A person's name
    never joins a body named after the person: "Quist" is not "the Quist administration", and
    "President Quist" not "the Quist Commission". A product named by its maker and a number
    ("the Norwind 400", "Norwind II") is not the maker."""
    doc, cands, keys, words, strong, uf = t.doc, t.cands, t.keys, t.words, t.strong, t.uf
    full = t.full()
    key_lengths = [len(k.split()) for k in keys]
    bound = {keys[j] for j, c in enumerate(cands) if c.acronym_of is not None or c.place or j in t.why}
    # A mention decides from its name and its group alone, and only a join changes the state:
    # a repeat of a name already decided on, in its group, with no join since, decides alike
    # (no join). Skipping it keeps a story repeating a name linear, not quadratic.
    joins = 0
    decided: dict[tuple[object, ...], int] = {}
    # Each name's group and each name read the other way round, found once (and the groups
    # again after a join), not once for every pair of names compared.
    inverted = [names.inverted(w) or w for w in words]
    roots: list[int] = []
    groups: dict[int, list[int]] = {}
    roots_at = -1
    for i, c in enumerate(cands):
        short = words[i]
        if not short or c.place is not None or keys[i] in bound or key_lengths[i] > len(short):
            continue  # a name with its legal form ("Norwind Corp") is written in full
        if roots_at != joins:
            roots = [uf.find(j) for j in range(len(cands))]
            groups = {}
            for j, root in enumerate(roots):
                groups.setdefault(root, []).append(j)
            roots_at = joins
        form = surface(doc, c)
        state = (short, keys[i], form, c.ner, strong[i], roots[i])
        if decided.get(state) == joins:
            continue
        decided[state] = joins
        group = groups[roots[i]]
        if any(key_lengths[j] > len(short) for j in group):
            continue  # "Norwind" is "Norwind Corp", named in full, not another longer name
        acronym = is_acronym(form)
        ends: set[int] = set()
        starts: set[int] = set()
        bases: set[int] = set()
        clipped: set[int] = set()
        clipped_names: set[int] = set()  # first words of names of several words
        led: set[int] = set()  # bodies named after a leader: "the Quist administration"
        # "Mr Quist" or "President Quist" anywhere makes every "Quist" a person
        person = any(strong[j] == "Person" or t.titled[j] for j in group)
        for j in full:
            long = words[j]
            if long == short or conflict(strong[i], strong[j]):
                continue
            if long[:-1] == short and long[-1] in LEADER_BODIES:
                led.add(roots[j])
            if _ends_inverted(short, long, inverted[i], inverted[j]):
                ends.add(roots[j])
            if len(long) > len(short):
                if acronym and long[-1] in BODY_HEADS:
                    continue  # "the EC Commission" is a body of the EC, not the EC
                if (
                    long[:-1] == short
                    and _numeral(long[-1])
                    and "Person" not in (strong[j], cands[j].ner.title())
                ):
                    continue  # "the Norwind 400" is a product of Norwind's (but "Pope Quist II" is Quist)
                if long[-len(short) :] == short:
                    ends.add(roots[j])
                elif len(short) == 1 and any(
                    names.compact(long[-k:]) == names.compact(short) for k in range(2, len(long))
                ):
                    ends.add(roots[j])  # "Kilroy-Silk" for "Ana Kilroy Silk"
                elif long[: len(short)] == short and not (person and long[-1] in BODY_HEADS):
                    starts.add(roots[j])  # "President Quist" is not "the Quist Commission"
                if names.base_of(long) == short:
                    bases.add(roots[j])
            elif (
                len(short) == 1 == len(long)
                and not acronym
                and len(short[0]) >= 3
                and len(long[0]) > len(short[0]) + 1
                and long[0].startswith(short[0])
            ):
                clipped.add(roots[j])
            # "the Fed": a body's name clipped to its first word (a person's would be a nickname)
            if (
                len(short) == 1 < len(long)
                and not acronym
                and strong[j] == "Organization"
                and not person
                and c.ner in {"", "ORG"}  # "Haiti" is no clipped "Haitian Parliament"
                and strong[i] in {None, "Organization"}
                and _clips(short[0], long)
            ):
                clipped_names.add(roots[j])
        if person or c.ner == "PERSON" or ends:
            starts -= led  # "Quist" is the person ("Labour" alone may be "the Labour government")
        fits = ends | starts
        if (strong[i] == "Person" or c.ner == "PERSON") and ends:
            fits = ends  # a person is named short by the surname
        if len(fits) > 1 and len(fits & bases) == 1:
            fits &= bases
        # "Norwind" is the group that "Norwind Energy" is a subsidiary of
        parents = {roots[j] for j in full if roots[j] in fits and _named_as_parent(doc, cands[j])}
        if len(fits) > 1 and len(parents) == 1:
            fits = parents
        if len(fits) == 1:
            t.join(fits.pop(), i, "rule:short-form")
            joins += 1
        elif not fits and len(clipped or clipped_names) == 1:
            t.join((clipped or clipped_names).pop(), i, "rule:clipped-word")
            joins += 1
