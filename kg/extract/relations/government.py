"""leads and worksFor in government: ministers, secretaries and heads of government.

News names a member of a government by the office before the name, with the portfolio and often
the country: "Finance Minister Ana Quist", "Kestrian Trade Minister Ben Orr", "Secretary of
State Ana Quist", "Prime Minister Ben Orr", "President Orr". The office says whom the person works
for, though the sentence names no body:

- the ministry of the portfolio, where the story names it ("Finance Minister Ana Quist" heads
  "the Finance Ministry", "Foreign Secretary Ben Orr" the "Foreign Office", "Trade and Industry
  Minister" the "Ministry of International Trade and Industry");
- the government, where the story names one ("the Kestrian government", "the Orr
  administration"): a minister or secretary works for it, a president, prime minister, premier
  or chancellor leads it. Of several governments, the one of the country the title names; a
  government named after its leader ("the Orr administration") is led by him.

Not read: a former or shadow office ("former Finance Minister", "Shadow Home Secretary": no
post in the government), an office with an organization named in it ("Norwind chairman": the
rules of ``roles``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from kg.extract import kinds
from kg.extract.offices import PORTFOLIO_WORDS
from kg.extract.relations.context import PLACE, Candidate, Context

HEAD_OFFICES = frozenset({"president", "premier", "chancellor"})
MEMBER_OFFICES = frozenset({"minister", "secretary", "undersecretary", "under-secretary"})
NOT_IN_OFFICE = frozenset({"former", "ex", "ex-", "shadow", "opposition", "then", "late", "would-be"})
SUBORDINATE = frozenset({"deputy", "vice", "assistant", "junior", "under"})
GOVERNMENT_WORDS = frozenset({"government", "administration"})
MINISTRY_WORDS = frozenset({"ministry", "department", "office", "treasury"})
TITLE_GLUE = frozenset({"and", "of", "for", "&"})
TITLE_WORDS = TITLE_GLUE | HEAD_OFFICES | MEMBER_OFFICES | PORTFOLIO_WORDS | NOT_IN_OFFICE | SUBORDINATE
MAX_TITLE = 6  # words of a title before a name: "Deputy Trade and Industry Minister"


@dataclass(frozen=True)
class Office:
    """An office held by the person named after it."""

    kind: str  # "leads" or "worksFor" for the government
    country: str | None  # the country the title names, canonical ("United States")
    portfolio: frozenset[str]  # "finance", "trade", "industry"
    subordinate: bool


def _country(text: str) -> str | None:
    """The canonical name of the country a word names, else the word itself if in title case."""
    return kinds.country_of(text) or (text if text[:1].isupper() else None)


def _title_word(tok: Token) -> bool:
    """A word of an office's title: capitalized ("Trade", "U.S."), or a lower-case modifier of
    the office ("economics minister"), or glue ("Secretary of State")."""
    if tok.lower_ in TITLE_WORDS:
        return True
    if tok.text[:1].isupper():
        return tok.is_alpha or tok.text.rstrip(".").replace(".", "").isalpha()
    return tok.is_alpha and tok.dep_ in ("compound", "amod")


def _title_words(ctx: Context, person: int, sent: Span) -> list[Token] | None:
    """The words of an office right before a person's name: "U.S. Agriculture Secretary [X]",
    "Secretary of State [X]", "economics minister [X]"; None when an organization's name opens
    them ("Norwind vice minister [X]": an office of that organization)."""
    words: list[Token] = []
    i = ctx.mentions[person].start - 1
    while i >= sent.start and len(words) < MAX_TITLE:
        tok = ctx.doc[i]
        m = ctx.mention_at(tok)
        if m is not None and ctx.type_of(m) == "Person":
            break  # the previous item of a list: "Ana Quist and Commerce Secretary [X]"
        if m is not None and ctx.type_of(m) not in PLACE:
            return None
        if not _title_word(tok):
            break
        words.insert(0, tok)
        i -= 1
    while words and words[0].lower_ in TITLE_GLUE:
        words.pop(0)
    return words


def office_of(ctx: Context, person: int, sent: Span) -> Office | None:
    """The government office the words before a person's name state, if any."""
    words = _title_words(ctx, person, sent)
    if words is None:
        return None
    lower = [t.lower_ for t in words]
    if not lower or any(w in NOT_IN_OFFICE or w.startswith("ex-") for w in lower):
        return None
    if lower[-2:] == ["prime", "minister"] or lower[-1] in HEAD_OFFICES:
        kind = "leads"
        office_at = len(lower) - (2 if lower[-2:] == ["prime", "minister"] else 1)
    elif any(w in MEMBER_OFFICES for w in lower):
        kind = "worksFor"
        office_at = max(k for k, w in enumerate(lower) if w in MEMBER_OFFICES)
    else:
        return None
    country = None
    for tok in words:
        m = ctx.mention_at(tok, PLACE)
        if m is not None:
            country = _country(ctx.doc[ctx.mentions[m].start : ctx.mentions[m].end].text)
        elif tok.lower_ in kinds.DEMONYMS:
            country = kinds.DEMONYMS[tok.lower_]
    portfolio = [w for w in lower[:office_at] if w in PORTFOLIO_WORDS and w != "prime"]
    # "Secretary of State", "Minister for Trade": the portfolio after the office
    portfolio += [w for w in lower[office_at + 1 :] if w not in TITLE_GLUE]
    if lower[office_at + 1 : office_at + 2] == ["of"] and lower[office_at + 2 :] == ["state"]:
        portfolio = ["state"]
    subordinate = any(w in SUBORDINATE for w in lower)
    return Office(kind, country, frozenset(portfolio), subordinate)


@dataclass(frozen=True)
class Body:
    """A government or a ministry the story names: its words and the country it is of (the
    canonical name where known, else the words naming it: "Kestrian"); a government named
    after a person of the story ("the Orrin administration") has a leader instead."""

    mention: int
    words: frozenset[str]
    country: str | None
    leader: str | None = None


def _qualifier(ctx: Context, m: int) -> tuple[str | None, str | None]:
    """(country, leader's surname) a body's name states: "the Kestrian government" (Kestrian),
    "the U.S. Agriculture Department" (United States), "the Orrin administration" (Orrin)."""
    ment = ctx.mentions[m]
    for p in ctx.mentions_in(ment.start, ment.end):
        if p != m and ctx.type_of(p) in PLACE:
            return _country(ctx.doc[ctx.mentions[p].start : ctx.mentions[p].end].text), None
    words = [t for t in ctx.doc[ment.start : ment.end - 1] if t.text[:1].isupper() and t.lower_ != "the"]
    if not words:
        return None, None
    surnames = {ctx.doc[p.end - 1].lower_ for p in ctx.mentions if p.type == "Person"}
    known = kinds.country_of(words[0].text)
    if words[-1].lower_ in surnames or (known is None and ctx.doc[ment.end - 1].lower_ == "administration"):
        # "the Orrin administration": an administration takes its president's name
        return None, words[-1].lower_
    return known or words[0].text, None


# The bodies of each story, found once: every sentence asks, and a long story has thousands
def _bodies(ctx: Context) -> tuple[list[Body], list[Body]]:
    """The governments and the ministries the story names, one mention each (its first)."""
    return ctx.memo(_find_bodies)


def _find_bodies(ctx: Context) -> tuple[list[Body], list[Body]]:
    governments: list[Body] = []
    ministries: list[Body] = []
    seen: set[int] = set()
    for m, ment in enumerate(ctx.mentions):
        if ment.type != "GovernmentAgency" or ment.kind != "name" or ctx.key(m) in seen:
            continue
        span = ctx.doc[ment.start : ment.end]
        words = frozenset(t.lower_ for t in span)
        country, leader = _qualifier(ctx, m)
        if span[-1].lower_ in GOVERNMENT_WORDS:
            seen.add(ctx.key(m))
            governments.append(Body(m, words, country, leader))
        elif words & MINISTRY_WORDS:
            seen.add(ctx.key(m))
            ministries.append(Body(m, words, country))
    return governments, ministries


def _government(office: Office, surname: str, governments: list[Body]) -> tuple[Body, str] | None:
    """The government an office belongs to, and the relation: the one named after the person
    ("the Orrin administration", led by Orrin); else the one of the country the title names, or
    the story's only government if it names no country ("U.S. Agriculture Secretary" and "the
    Orrin administration"); a title without a country goes to the story's one government of a
    country ("Trade Minister" and "the Kestrian government", not "the Orrin administration" of
    a story about two countries)."""
    for g in governments:
        if g.leader == surname:
            return g, "leads"
    if office.country is None:
        named = [g for g in governments if g.country is not None]
        return (named[0], office.kind) if len(named) == 1 else None
    fitting = [g for g in governments if g.country == office.country]
    if not fitting and len(governments) == 1 and governments[0].country is None:
        fitting = governments
    return (fitting[0], office.kind) if len(fitting) == 1 else None


def _listed_after(ctx: Context, person: int, before: int | None) -> bool:
    """Whether the person's title follows the earlier office holder ``before`` as the next item
    of one list: "U.S. Secretary of State A, Treasury Secretary B and Commerce Secretary C"."""
    if before is None:
        return False
    i = ctx.mentions[person].start - 1
    while i >= ctx.mentions[before].end and _title_word(ctx.doc[i]) and ctx.doc[i].lower_ != "and":
        i -= 1
    return i >= ctx.mentions[before].end and all(
        ctx.doc[k].lower_ in (",", "and") for k in range(ctx.mentions[before].end, i + 1)
    )


def find_government_roles(ctx: Context, sent: Span) -> list[Candidate]:
    """leads / worksFor of ministers, secretaries and heads of government in one sentence."""
    governments, ministries = _bodies(ctx)
    if not governments and not ministries:
        return []
    found: list[Candidate] = []
    previous: tuple[int, Office] | None = None  # the latest office holder of the sentence
    for p in ctx.starting_in(sent.start, sent.end):
        if ctx.type_of(p) != "Person":
            continue
        office = office_of(ctx, p, sent)
        if office is None:
            continue
        if office.country is None and previous is not None and _listed_after(ctx, p, previous[0]):
            office = replace(office, country=previous[1].country)  # the list's country
        previous = (p, office)
        surname = ctx.doc[ctx.mentions[p].end - 1].lower_
        chosen = _government(office, surname, governments)
        if chosen is not None:
            kind = "worksFor" if office.subordinate else chosen[1]
            found.append(Candidate(p, chosen[0].mention, kind, 0.75, f"rule:{kind}-government"))
        if office.portfolio:
            for body in ministries:
                if office.portfolio <= body.words and (office.country in (None, body.country)):
                    kind = "worksFor" if office.subordinate else "leads"
                    found.append(Candidate(p, body.mention, kind, 0.75, f"rule:{kind}-ministry"))
    return found
