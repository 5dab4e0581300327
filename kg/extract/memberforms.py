"""Bodies named by their members: one party or chamber, however a story writes it.

Patterns of English naming, read from the words of the names:
- a party is named by its members in the plural and by the adjective of one member: "the
  Veltrist Party", "the Veltrists" and "Veltrist" (in "Veltrist leader Ana Quist") are one party,
  and so are "the Progressive Party" and "the Progressives", or "the Federal Party" and
  "the Federals"; "the Democratic Party" is also "the Democrats"; an old nickname in the
  dictionary is the party's name ("Tory" and "the Tories" for a party named Conservative);
- a party's name clipped word by word is the same party: "the Free Vels" and "Free Vel" for
  "the Free Veltrists";
- a chamber named "House of X" after its members is "the X": "the Peers" for "the House of
  Peers".
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.grouping import NameTable, conflict

PARTY_WORDS = frozenset({"party", "parties"})
MIN_CLIPPED = 3  # "Lib" for "Liberal"; a shorter clipping is an initial
CHAMBER_HEADS = frozenset({"house", "chamber"})
# Old nicknames of parties, words of English in every dictionary, not derivable from the name:
# "Tory" is a Conservative (in Britain and Canada).
PARTY_NICKNAMES = {"tory": "conservative"}


def singular(word: str) -> str:
    """A plural noun of members in the singular: "veltrists" -> "veltrist", "progressives" ->
    "progressive", "tories" -> "tory"; a word not in the plural is kept."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def party_stem(words: Sequence[str]) -> tuple[str, ...] | None:
    """The words naming one member of a party, from any of its names: ("veltrist", "party"),
    ("veltrists",) and ("veltrist",) -> ("veltrist",); ("democratic", "party") -> ("democrat",).
    None for a name with nothing left once "party" is dropped."""
    out = list(words)
    if out and out[-1] in PARTY_WORDS:
        out.pop()
        if out and out[-1].endswith("ratic"):
            out[-1] = out[-1][:-2]  # "Democratic Party": its members are Democrats
    if not out:
        return None
    out[-1] = singular(out[-1])
    if len(out) == 1:
        out[0] = PARTY_NICKNAMES.get(out[0], out[0])
    return tuple(out)


def clipped(short: Sequence[str], long: Sequence[str]) -> bool:
    """Each word of ``short`` is the start of the same word of ``long`` and at least one is cut:
    ("free", "dem") for ("free", "democrat")."""
    return (
        len(short) == len(long) >= 2
        and short != long
        and all(
            b.startswith(a) and (a == b or len(a) >= MIN_CLIPPED) for a, b in zip(short, long, strict=True)
        )
    )


def chamber_members(words: Sequence[str]) -> str | None:
    """The members a chamber is named after: ("house", "of", "peers") -> "peers"."""
    if len(words) == 3 and words[0] in CHAMBER_HEADS and words[1] == "of" and words[2].endswith("s"):
        return words[2]
    return None


def _party_like(t: NameTable, i: int) -> bool:
    """Found as a party ("the Veltrists", "Veltrist MP"), or a name ending in "party"."""
    c = t.cands[i]
    return c.source == "party" or c.ner == "NORP" or (bool(t.words[i]) and t.words[i][-1] in PARTY_WORDS)


def join_member_forms(t: NameTable) -> None:
    """Join the names of one party or chamber written by its members (see the module's rules).
    Both names of a party in full or in the plural must be found as a party's; a clipped name
    needs only the longer one to be."""
    stems: dict[int, tuple[str, ...]] = {}
    for i, c in enumerate(t.cands):
        if c.place is None and t.strong[i] not in {"Person", "Place"}:
            stem = party_stem(t.words[i])
            if stem is not None:
                stems[i] = stem
    party = {i for i in stems if _party_like(t, i)}
    first: dict[tuple[str, ...], int] = {}
    for i in sorted(party):
        j = first.setdefault(stems[i], i)
        if j != i and t.uf.find(j) != t.uf.find(i) and not conflict(t.strong[i], t.strong[j]):
            t.join(j, i, "rule:party-members")
    for i, stem in stems.items():
        fits = {
            t.uf.find(j) for j in party if clipped(stem, stems[j]) and not conflict(t.strong[i], t.strong[j])
        }
        if len(fits) == 1 and t.uf.find(i) not in fits:
            t.join(fits.pop(), i, "rule:clipped-party-name")
    chambers: dict[str, set[int]] = {}
    for j, words in enumerate(t.words):
        members = chamber_members(words)
        if members is not None:
            chambers.setdefault(members, set()).add(t.uf.find(j))
    for i, words in enumerate(t.words):
        fits = chambers.get(words[0], set()) if len(words) == 1 and i in stems else set()
        if len(fits) == 1 and t.uf.find(i) not in fits:
            t.join(fits.pop(), i, "rule:chamber-members")
