"""Dependency-tree helpers: finding the arguments of a predicate, robust to the small model's parses."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from kg.extract.doctable import kids_of
from kg.extract.relations.context import Arg, Context

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
SUBJECTS = frozenset({"nsubj", "csubj"})
# A member list under a head noun: "groups including A, B and C", "firms such as A and B".
LIST_INTRODUCERS = frozenset({"include", "including", "like", "notably", "among"})

LIST_GLUE = frozenset({",", "and", "or", "(", ")", "the", "a", "an", "as", "well", "&"})

MEMBER_FACTOR = 0.9  # an argument reached through "including A, B" rather than directly


def children(token: Token, deps: Iterable[str], lemmas: Iterable[str] | None = None) -> list[Token]:
    """Children of ``token`` with one of ``deps`` (and one of ``lemmas``, lower-cased, if given)."""
    dep_set = frozenset(deps)
    lemma_set = None if lemmas is None else frozenset(lemmas)
    return [
        c
        for c in kids_of(token)
        if c.dep_ in dep_set and (lemma_set is None or c.lemma_.lower() in lemma_set)
    ]


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` attached to ``token``: "to Y", "against Y"."""
    wanted = frozenset(preps)
    found: list[Token] = []
    for prep in kids_of(token):
        if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ in wanted:
            found.extend(c for c in kids_of(prep) if c.dep_ in ("pobj", "pcomp"))
    return found


def conjuncts(token: Token) -> list[Token]:
    """``token`` and every nominal conjunct coordinated with it: "A, B and C"."""
    found = [token]
    stack = [token]
    while stack:
        for c in stack.pop().children:
            if c.dep_ == "conj" and c.pos_ in NOMINAL and c not in found:
                found.append(c)
                stack.append(c)
    return found


def list_members(token: Token) -> list[Token]:
    """The members listed under a head noun: "17 groups including A, B and C"."""
    found: list[Token] = []
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        is_such_as = prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        if prep.lemma_.lower() in LIST_INTRODUCERS or prep.lower_ in LIST_INTRODUCERS or is_such_as:
            for obj in prep.children:
                if obj.dep_ in ("pobj", "dobj"):
                    found.extend(conjuncts(obj))
    return found


def _surface_list(ctx: Context, introducer: Token) -> list[int]:
    """Mentions enumerated after "including": read left to right through commas, "and", brackets
    and articles, so that a list the parser broke into pieces is still read whole."""
    found: list[int] = []
    sent_end = introducer.sent.end
    i = introducer.i + 1
    while i < sent_end:
        token = ctx.doc[i]
        m = ctx.mention_at(token)
        if m is not None:
            if m not in found:
                found.append(m)
            i = max(i + 1, ctx.mentions[m].end)
        elif token.lower_ in LIST_GLUE:
            i += 1
        else:
            break
    return found


def arguments(ctx: Context, token: Token, types: Iterable[str] | None = None) -> list[Arg]:
    """The mentions an argument token stands for: itself, its conjuncts, appositions and list members."""
    found: dict[int, float] = {}

    def add(m: int | None, factor: float) -> None:
        if m is not None and found.get(m, 0.0) < factor:
            found[m] = factor

    for t in conjuncts(token):
        m = ctx.mention_at(t, types)
        add(m, 1.0)
        for appos in children(t, ("appos",)):  # "A, B and C" parsed as A with the apposition "B and C"
            if m is not None and children(appos, ("conj",)) and ctx.mention_at(appos, types) is not None:
                for c in conjuncts(appos):
                    add(ctx.mention_at(c, types), 1.0)
        if m is None:
            for appos in children(t, ("appos",)):
                add(ctx.mention_at(appos, types), 1.0)
            if t.dep_ == "appos":  # "X, the man who ...", "X, a Denver-based retailer"
                add(ctx.mention_at(t.head, types), 1.0)
        for member in list_members(t):
            add(ctx.mention_at(member, types), MEMBER_FACTOR)
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ in LIST_INTRODUCERS:
                for m in _surface_list(ctx, prep):
                    if types is None or ctx.mentions[m].type in frozenset(types):
                        add(m, MEMBER_FACTOR)
    return sorted(found.items())


def verbal(token: Token) -> bool:
    """A verb, or a present-tense verb the tagger took for a plural noun at the root of a sentence:
    "X cooperates with Y" parsed as the noun "cooperates" with compound "X"."""
    if token.pos_ == "VERB":
        return True
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "ROOT"
        and token.tag_ == "NNS"
        and any(c.dep_ == "compound" and c.i < token.i for c in token.children)
    )


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in kids_of(verb))


def _antecedent(pronoun: Token, verb: Token) -> Token:
    """The noun a relative pronoun stands for: "ORG, which represents ..." → ORG."""
    if pronoun.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return pronoun


def _next_to_verb(subject: Token, verb: Token) -> Token:
    """In "According to A, B did X" the small model may make A the subject and hang B on it as an
    unlabelled dependent; the noun phrase after the comma, right before the verb, is the subject."""
    for d in subject.children:
        between = subject.doc[subject.i : d.i]
        if (
            d.dep_ == "dep"
            and d.pos_ in ("PROPN", "NOUN")
            and subject.i < d.i < verb.i
            and any(t.text == "," for t in between)
        ):
            return d
    return subject


# Prepositions whose gerund shares the subject of the verb they hang on: "X sacked Y after
# accusing him", "X hit back by accusing Y" (not "in": "X joined Y in charging ..." is read apart).
# Nouns of a phase of an act: "in the process of suing", "on the verge of suing" (X is the one
# acting), "in the midst of".
PHASE_NOUNS = frozenset({"process", "verge", "brink", "midst", "point"})
ADJUNCT_PREPS = frozenset({"after", "before", "by", "while", "without", "since", "upon", "despite"})


def _phase_verb(of: Token) -> Token | None:
    """The verb above "in the process of", "on the verge of": its subject does what follows."""
    noun = of.head
    prep = noun.head
    if noun.lemma_.lower() in PHASE_NOUNS and noun.dep_ == "pobj" and prep.lower_ in ("in", "on"):
        return prep.head if prep.head.pos_ in ("VERB", "AUX") else None
    return None


def climb(verb: Token) -> tuple[list[Token], list[Token]]:
    """The agent of ``verb`` and the verbs climbed to find it, for verbs without their own subject.

    "X joined hands ... and sent a letter urging Z" gives X for "urging" (via "sent" and "joined");
    "for X to sue Z" gives X; "groups denouncing Z" gives "groups"; a passive verb its "by" agent.
    """
    v = verb
    chain = [verb]
    for _ in range(8):
        if is_passive(v):
            return prep_objects(v, ("by",)), chain
        subjects = children(v, SUBJECTS)
        if subjects:
            return [_next_to_verb(_antecedent(s, v), v) for s in subjects], chain
        # The small model sometimes hangs the subject on the verb as a compound: "[Jane Doe] heads X".
        left_compounds = [c for c in v.lefts if c.dep_ == "compound"]
        if left_compounds and verbal(v):
            return left_compounds[-1:], chain
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            for_subject = prep_objects(v, ("for",))
            if v.head.lower_ == "for" and v.head.pos_ == "ADP":  # parsed as "[for [X to sue Z]]"
                for_subject = children(v.head, ("pobj",))
            if for_subject and for_subject[0].i < v.i:
                return for_subject, chain
        head = v.head
        if head is v:
            break
        if v.dep_ == "xcomp":
            objects = children(head, ("dobj",))
            if objects:  # object control: "X urged Y to sue Z" → Y sues
                return objects, chain
        elif v.dep_ == "acl":
            agent = [c for p in v.children if p.dep_ == "agent" for c in p.children if c.dep_ == "pobj"]
            if agent:  # "the attack, blamed by X on Y": a passive participle's agent
                return agent, chain
            if head.pos_ in ("PROPN", "PRON") or head.dep_ in SUBJECTS | {"nsubjpass"}:
                return [head], chain  # "two motions were passed ..., asking him to": the motions
            if head.dep_ == "pobj" and head.head.lower_ == "of":
                return [head], chain  # "in the face of trade groups denouncing Z"
            verb_above = governing_verb(head)  # "a letter urging Z": the letter's sender urges
            if verb_above is None:
                break
            head = verb_above
        elif v.dep_ not in ("conj", "advcl", "xcomp", "pcomp"):
            break
        if v.dep_ == "pcomp" and head.lower_ in ADJUNCT_PREPS and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "X sacked Y after accusing him": the verb the preposition hangs on
        elif v.dep_ == "pcomp" and head.lower_ == "of":
            head = _phase_verb(head) or head  # "X was in the process of suing Y": X sues
        v = head
        chain.append(v)
    return [], chain


def subject_tokens(verb: Token) -> list[Token]:
    """The agent of ``verb`` (see :func:`climb`)."""
    return climb(verb)[0]


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a noun: "sent [a letter]", "wrote in [a letter]"."""
    t = token
    while t.head is not t and t.dep_ in ("dobj", "pobj", "prep", "appos", "conj", "attr", "npadvmod"):
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def object_tokens(verb: Token) -> list[Token]:
    """The direct object of ``verb`` (the subject, if the verb is passive)."""
    if is_passive(verb):
        return children(verb, ("nsubjpass",))
    return children(verb, ("dobj",))


def clause_object(verb: Token) -> list[Token]:
    """The object the small model read as the subject of a clause right after ``verb``: "sued
    [Norwind] alleging ...", "challenged [Ben Orr] to stand down" parsed as a clause "Norwind
    alleging", "Ben Orr to stand down". Only for a verb without an object of its own, and only a
    participle or to-infinitive clause whose subject starts right after the verb."""
    if children(verb, ("dobj",)) or is_passive(verb):
        return []
    found: list[Token] = []
    for clause in children(verb, ("ccomp", "xcomp", "advcl")):
        if clause.i < verb.i or not (
            clause.tag_ == "VBG" or any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
        ):
            continue
        found += [s for s in children(clause, ("nsubj",)) if s.left_edge.i == verb.i + 1 and s.pos_ != "PRON"]
    return found


def misattached_conjunct(verb: Token) -> Token:
    """The verb whose subject ``verb`` shares: "X spelled out the steps Y was taking and appealed
    for ..." — the small model conjoins "appealed" to the relative clause "Y was taking", but a
    finite verb of another form than that clause's, and of the main verb's form, goes with the
    main verb (X appealed)."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "relcl" or verb.tag_ == head.tag_ or children(verb, SUBJECTS):
        return verb
    main = governing_verb(head.head)
    return main if main is not None and main.tag_ == verb.tag_ else verb
