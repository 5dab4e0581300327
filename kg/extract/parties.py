"""Political parties named by their members, or by a word in title case before "party".

The small model labels a party's members NORP, like a nationality ("the Veltrists said"), and
kg drops nationality adjectives. Patterns of English that tell a party from a people:

- the members' name, a plural noun of political belief, heads its phrase: "the Veltrists said",
  "Free Veltracrats and Greens alike", "a vote for the Progressives"; a people's or a faith's
  name is left out ("Kestrians", "the Kestrese", "Serbs");
- before a politician or supporters the party's name is a proper-noun modifier: "Veltrist leader
  Ana Quist", "the Veltrist MP for Marlow", "local Free Veltrist supporters"; before "MP" any
  proper noun does: "Ana Quist, Veltra MP for Marlow";
- a word in title case before "party" (in lower case): "the Veltra party", and "the Veltra and
  Quist parties" (two parties).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract import kinds
from kg.extract.doctable import table

# Politicians and followers whose party's name comes before them.
PARTY_PEOPLE = frozenset(
    """leader leaders mp mps mep meps peer peers candidate candidates councillor councillors
    backbencher backbenchers spokesman spokeswoman supporters activists voters defector
    defectors member members chairman""".split()
)
# Any proper noun before these is a party's name ("Veltra MP"); they name elected members only.
MEMBER_NOUNS = frozenset({"mp", "mps", "mep", "meps"})
# Endings of the names of peoples, formed from their places' names.
PEOPLE_ENDINGS = ("an", "ans", "ese", "ish", "i", "is", "ch", "ai")
# Plural nouns of political belief, as parties' members call themselves: "-crats", "-ives",
# "-ists", "-als", "-ies" ("Veltracrats", "Progressives", "Quistists", "Liberals"); the
# names of peoples and faiths in the plural end otherwise ("Kestrians", "Serbs", "Jews").
MEMBERS_ENDINGS = ("ats", "ives", "ists", "als", "ies")
# Adjectives of political belief: "Progressive", "Federal", "Socialist", "Veltracratic".
BELIEF_ADJECTIVE_ENDINGS = ("ive", "al", "ist", "ic")
PROPER = frozenset({"NNP", "NNPS"})
HEADS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss", "ROOT", "attr"})


def a_people(span: Span) -> bool:
    """A nationality's name ("Kestrian", "the Kestrese"), formed from its place's."""
    last = span[-1].lower_
    return last in kinds.DEMONYMS or last.rstrip("s") in kinds.DEMONYMS or last.endswith(PEOPLE_ENDINGS)


def _proper(span: Span) -> bool:
    return all(t.tag_ in PROPER and t.text[:1].isupper() for t in span)


def _before_people(tok: Token, nouns: frozenset[str]) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in nouns


def _name_start(doc: Doc, start: int) -> int:
    """Back over the words in title case of a party's name: "Free [Veltrists]", "the Social [Veltrist] MP"."""
    while (
        start > 0
        and doc[start - 1].is_title
        and doc[start - 1].is_alpha
        and doc[start - 1].lower_ not in kinds.STRIP_LEADING
        and not doc[start - 1].is_sent_start
        and doc[start - 1].ent_type_ not in {"GPE", "LOC", "PERSON"}
    ):
        start -= 1
    return start


def _members(doc: Doc) -> list[tuple[int, int]]:
    out = []
    for whole in doc.ents:
        if whole.label_ not in ("NORP", "ORG"):
            continue  # (none of these is kept below: saves reading the words)
        start = whole.start
        while start < whole.end and doc[start].lower_ in kinds.STRIP_LEADING:
            start += 1  # the model may take the article in: "[the Veltrists]"
        ent = doc[start : whole.end]
        if not len(ent) or a_people(ent) or not ent[-1].is_title:
            continue
        # the model may call a party an organization, one word only ("Quist Securities" is a firm)
        if not (whole.label_ == "NORP" or (whole.label_ == "ORG" and len(ent) == 1)):
            continue
        last = ent[-1]
        # a party acts as its members, in the plural ("the Veltrists said"); one member is a
        # person ("Ana Quist, the Marlow Veltrist"), unless a politician follows ("Veltrist MP",
        # "the Progressive leader")
        members = _proper(ent) and last.lower_.endswith(MEMBERS_ENDINGS) and whole.root.dep_ in HEADS
        modifier = whole.label_ == "NORP" and _before_people(last, PARTY_PEOPLE)
        if modifier and not _proper(ent):
            modifier = last.lower_.endswith(BELIEF_ADJECTIVE_ENDINGS)
        if members or modifier:
            out.append((_name_start(doc, ent.start), ent.end))
    return out


def _before_member_nouns(doc: Doc) -> list[tuple[int, int]]:
    """ "Ana Quist, Veltra MP for Marlow", "angry Veltra MPs"; but "the Marlow MP" is the member
    for a constituency, and so is "Mid-Marlow MP"."""
    out = []
    tab = table(doc)
    for i, lower in enumerate(tab.lower):
        if lower not in MEMBER_NOUNS or i < 2:
            continue
        tok = tab.tokens[i]
        word, before = doc[tok.i - 1], doc[tok.i - 2]
        if (
            word.tag_ in PROPER
            and word.is_title
            and word.is_alpha
            and word.ent_type_ not in {"GPE", "LOC", "PERSON"}
            and before.lower_ != "the"
            and before.text != "-"
            and not before.is_title
            and not a_people(doc[word.i : tok.i])
        ):
            out.append((word.i, tok.i))
    return out


def _before_party(doc: Doc) -> list[tuple[int, int]]:
    """ "the Veltra party" -> "Veltra party"; "the Veltra and Quist parties" -> "Veltra", "Quist"."""
    out = []
    tab = table(doc)
    for i, lower in enumerate(tab.lower):
        if lower not in {"party", "parties"}:
            continue
        tok = tab.tokens[i]
        if not tok.is_lower or tok.i == 0:
            continue
        prev = doc[tok.i - 1]
        if (
            not (prev.is_title and prev.is_alpha)
            or prev.lower_ in kinds.DEMONYMS
            or prev.ent_type_ in {"GPE", "LOC"}
        ):
            continue
        start = _name_start(doc, prev.i)
        if tok.lower_ == "party":
            out.append((start, tok.i + 1))
            continue
        out.append((start, prev.i + 1))
        i = start - 1
        while i >= 1 and doc[i].lower_ in {"and", ","} and doc[i - 1].is_title and doc[i - 1].is_alpha:
            out.append((i - 1, i))
            i -= 2
    return out


def constituency_spans(doc: Doc) -> list[tuple[int, int]]:
    """ "Veltra MP for Marlow East", "the MP for Dover and North Quist": the place a member sits
    for, in title case after "for"."""
    out = []
    lower = table(doc).lower
    for i in range(len(doc) - 2):
        if lower[i] not in MEMBER_NOUNS or lower[i + 1] != "for":
            continue
        tok = doc[i]
        end = start = tok.i + 2
        while end < len(doc) and (
            (doc[end].is_title and doc[end].is_alpha)
            or (doc[end].lower_ == "and" and end + 1 < len(doc) and doc[end + 1].is_title and end > start)
        ):
            end += 1
        if end > start:
            out.append((start, end))
    return out


def party_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token spans (end exclusive) of parties named by their members or before "party"."""
    return sorted(set(_before_party(doc) + _members(doc) + _before_member_nouns(doc)))
