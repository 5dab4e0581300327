"""References back to named entities: "the company", "the union", "the chancellor", "it", "he".

A reference joins the entity it most plausibly refers to, so that a relation stated about
"the association" or "it" lands on that entity's IRI. Rules (a small centering model):
- the reference must fit the entity's class ("the federation" a trade association, "it" an
  organization or a country that acts, "he"/"she" a person);
- a role noun stands for the person the story named with it: "the chancellor" after
  "Chancellor Ana Quist" or "Ana Quist, the chancellor,"; "the boss" after "chief executive
  Ana Quist"; a role nobody was named with refers to nobody ("the spokesman said");
- "the company" in apposition to a name is that name ("Norwind, the company that ...");
  otherwise a description refers to the latest entity whose name it heads ("the federation"
  for "the Grain Federation"), or failing that to the latest fitting subject or entity; "the
  government", "the court", "the board" only to a name they head - or "the board" to the body
  whose board the story named ("the Norwind board", "Norwind's board", "the board of Norwind");
- a pronoun looks back two sentences; it prefers the latest subject in its own sentence, then
  the latest subject of a main clause before it, then any subject, then the latest mention; an
  entity referred to by an earlier pronoun counts as mentioned there, so a chain of "he"s
  keeps to one person;
- a pronoun outside quotation marks never refers to a name inside them ('"Quist is wrong,"
  he said': he is not Quist);
- a pronoun that is the object of a verb is not that verb's subject ("Quist praised him"), nor is
  the owner of what a verb of answering takes ("Quist reacted to his warning");
- pleonastic "it" ("it is understood that ...", "it is a bad idea") refers to nothing, nor
  does "it" to a body that is no subject or possessor within reach - unless "it" is the object
  of a verb whose object is a party ("quit the Marlow Party and accused it of ...": one
  accuses, sues or urges a body, not a thing); nor do "they", "them" and
  "their": news uses them for people and things far more often than for one named body.
References are marked as such in the output and never name an entity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extract import descriptions, kinds, reference_words
from kg.extract.antecedents import Antecedent, Seen
from kg.extract.doctable import DocTable, table
from kg.extract.evidence import Votes
from kg.extract.mentions import Candidate

ORGANIZATIONS = reference_words.ORGANIZATIONS
PRONOUNS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("it", "its"), (*ORGANIZATIONS, "Place")),
    **dict.fromkeys(("he", "him", "his", "she", "her"), ("Person",)),
}
DEFINITE_NOUNS = {**kinds.DEFINITE_NOUNS, **reference_words.MORE_DEFINITE_NOUNS}
REFERENCE_SOURCES = frozenset({"definite", "pronoun", "role"})
WINDOW = 2  # sentences back
# ... and at most this many tokens: two sentences of news are far shorter, but a "sentence" of
# thousands of tokens (one line with no full stop) would otherwise be searched whole for every
# pronoun (no output of news-events, BBC 150 or the seed stories changes with this bound)
REACH = 400
# Verbs of answering: what they take is another's ("X rebutted his claims": not X's own).
ANSWERING = frozenset(
    {"react", "respond", "reply", "retort", "rebut", "refute", "reject", "deny", "dismiss", "counter"}
)
# Verbs whose object is a party, never a thing or an event: "it" as their object may be a body
# that was only named as an object itself ("left the party and accused it of ...").
PARTY_OBJECT_VERBS = frozenset({"accuse", "sue", "urge", "implore", "exhort", "ask", "order", "warn"})
# A body's own organs: "the board" unowned is the board of the organization the story named
# with one ("the Norwind board", "Norwind's board", "the board of Norwind").
OWNED_BODIES = frozenset({"board"})
_QUOTES = {'"', "“", "”", "``", "''"}


@dataclass
class Cluster:
    """One entity of a document: the mentions aliases.py joins, which references then resolve to.
    Defined here, below aliases.py (which imports this module), so the two do not import each other."""

    members: list[Candidate] = field(default_factory=list)
    votes: Votes = field(default_factory=lambda: defaultdict(float))
    type: str = "Company"
    label: str = ""
    aliases: tuple[str, ...] = ()
    alias_rules: tuple[tuple[str, str], ...] = ()  # (alias, the rule that joined it)


def _is_subject(tok: Token) -> bool:
    return tok.dep_ in {"nsubj", "nsubjpass"}


def _is_main_subject(tok: Token) -> bool:
    head = tok.head
    return _is_subject(tok) and (head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT"))


def _pleonastic(tok: Token) -> bool:
    if tok.lower_ != "it":
        return False
    head = tok.head
    # "it is understood that", "it was reported that", "it is likely to", "it is a bad idea",
    # "it might be days before ..."
    return tok.dep_ in {"expl", "nsubjpass"} or (
        head.lemma_ == "be" and any(c.dep_ in {"acomp", "ccomp", "xcomp", "attr"} for c in head.children)
    )


def _clause_subjects(tok: Token) -> set[int]:
    """Subjects of the verb a pronoun is the object of: "X asked them" - them is not X; and of a
    verb of answering whose object the pronoun owns: "X reacted to his warning", "X rejected her
    offer" - one answers another's words, not one's own."""
    if tok.dep_ == "poss" and tok.head.dep_ in {"dobj", "pobj"}:
        owned = tok.head
        verb = owned.head.head if owned.dep_ == "pobj" else owned.head
        if verb.lemma_.lower() not in ANSWERING:
            return set()
        tok = owned
    if tok.dep_ not in {"dobj", "dative", "pobj"}:
        return set()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    # "X criticized both sides and asked them": a conjoined verb shares its subject, and so does a
    # participle: "X sacked Y after accusing him", "X left, blaming him"
    while not any(_is_subject(c) for c in verb.children) and (
        verb.dep_ in {"conj", "xcomp"} or (verb.dep_ in {"advcl", "pcomp"} and verb.tag_ == "VBG")
    ):
        verb = verb.head
        if verb.pos_ == "ADP":  # "after [accusing him]": the verb the preposition hangs on
            verb = verb.head
    return {t.i for c in verb.children if _is_subject(c) for t in c.subtree}


def _party_object(tok: Token) -> bool:
    """ "it" is the direct object of a verb whose object is a party ("accused it of ...")."""
    return tok.lower_ == "it" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in PARTY_OBJECT_VERBS


def _owns_board(root: Token) -> bool:
    """A name is the owner of a board: "the Norwind board", "Norwind's board", "the board of Norwind"."""
    if root.dep_ in {"poss", "compound"}:
        return root.head.lower_ in OWNED_BODIES
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in OWNED_BODIES


def quoted_tokens(doc: Doc) -> list[bool]:
    """Which tokens stand inside quotation marks. A straight quote mark opens a quotation when
    a space stands before it and none after, and closes one when it leans on the word before
    ('"Quist is wrong," he said'); news opens each quoted paragraph anew without closing the
    last. A paragraph break closes a quotation."""
    inside = [False] * len(doc)
    state = False
    tab = table(doc)
    tokens, texts = tab.tokens, tab.texts  # by index: a Token's text is decoded on every access
    for i, text in enumerate(texts):
        if text in _QUOTES:  # (no quote mark is a space)
            before = i == 0 or bool(tokens[i - 1].whitespace_) or tokens[i - 1].is_space
            if text in {"“", "``"} or (text == '"' and before and not tokens[i].whitespace_):
                state = True
            elif text in {"”", "''"} or (text == '"' and not before):
                state = False
            else:
                state = not state
        elif "\n" in text and tokens[i].is_space:
            state = False
        else:
            inside[i] = state
    return inside


def _head_words(tab: DocTable, start: int, end: int) -> set[str]:
    """The kind words that head the name at tokens ``start`` to ``end``: "Northern Grain
    Federation" -> {"federation"}, "Ministry of Trade" -> {"ministry"}."""
    words = [tab.lower[i] for i in range(start, end) if tab.tag[i] != "POS"]
    heads = {words[-1]} if len(words) > 1 else set()
    if "of" in words[1:]:
        heads.add(words[words.index("of", 1) - 1])
    return heads & set(DEFINITE_NOUNS)


def find_pronouns(doc: Doc, taken: set[int]) -> list[Candidate]:
    tab = table(doc)
    return [
        Candidate(i, i + 1, "pronoun")
        for i, lower in enumerate(tab.lower)
        if lower in PRONOUNS and tab.pos[i] == "PRON" and i not in taken and not _pleonastic(tab.tokens[i])
    ]


def resolve_references(doc: Doc, clusters: list[Cluster], refs: list[Candidate], taken: set[int]) -> None:
    """Find pronouns and descriptions beyond ``refs`` and add each reference to the cluster it
    refers to (or drop it if none fits)."""
    found = descriptions.find_descriptions(doc, taken, DEFINITE_NOUNS)
    roles = {c.start: role for c, role in found if role is not None}
    story = _Discourse(doc, clusters)
    refs = sorted([*refs, *find_pronouns(doc, taken), *(c for c, _ in found)], key=lambda r: r.start)
    # references in the narrative first: a quotation's pronouns then know who is speaking
    for ref in [r for r in refs if not story.quoted[r.start]] + [r for r in refs if story.quoted[r.start]]:
        if ref.source == "role":
            best = story.role_antecedent(roles[ref.start], ref.start)
        elif ref.source == "pronoun":
            best = story.pronoun_antecedent(ref)
        else:
            best = story.description_antecedent(ref)
        if best is not None:
            clusters[best].members.append(ref)
            story.mentioned(ref, best)


class _Discourse:
    """What a story has mentioned so far, and how salient each mention is."""

    def __init__(self, doc: Doc, clusters: list[Cluster]) -> None:
        self.doc = doc
        self.table = tab = table(doc)
        self.types = [cl.type for cl in clusters]
        self.sent_of = tab.sent_index
        self.quoted = quoted_tokens(doc)
        # sentences counted without those wholly inside a quotation: a pronoun after a long
        # quotation still reaches the speaker named before it
        self.told = [0] * len(doc)
        count = 0
        for sent in tab.sents:
            count += any(not self.quoted[t.i] and t.is_alpha for t in tab.tokens[sent.start : sent.end])
            for t in range(sent.start, sent.end):
                self.told[t] = count
        named_first: list[Antecedent] = []
        self.named: dict[int, set[descriptions.Role]] = {}  # person cluster -> roles named with
        self.gender: dict[int, str] = {}  # person cluster -> "he" or "she", from titles and pronouns
        self.heads: dict[int, set[str]] = {}  # cluster -> head words of its names ("federation")
        self.boards: list[tuple[int, int]] = []  # (token, cluster): "the Norwind board", "Norwind's board"
        for k, cl in enumerate(clusters):
            for c in cl.members:
                if c.source in REFERENCE_SOURCES or c.nested:
                    continue
                named_first.append(self._antecedent(c.start, c.end, k))
                if cl.type in ORGANIZATIONS and _owns_board(tab.span_root(c.start, c.end)):
                    self.boards.append((c.start, k))
                self.heads.setdefault(k, set()).update(_head_words(tab, c.start, c.end))
                if cl.type == "Person":
                    self.named.setdefault(k, set()).update(descriptions.roles_of(doc[c.start : c.end]))
                    title = doc[c.start - 1 if c.start else 0 : c.start + 1]
                    for tok in title:
                        if tok.lower_.rstrip(".") in reference_words.GENDERED_TITLES:
                            self.gender.setdefault(k, reference_words.GENDERED_TITLES[tok.lower_.rstrip(".")])
        self.seen = Seen(self.heads)  # indexed by the head words, which are all known now
        for a in named_first:
            self.seen.add(a)

    def _antecedent(self, start: int, end: int, k: int) -> Antecedent:
        doc = self.doc
        root = self.table.span_root(start, end)
        if root.dep_ in {"poss", "compound", "appos"} and _is_subject(root.head):
            # "Norwind's chairman said", "Norwind officials said", "the group's flagship,
            # Norwind, said": Norwind is as salient as the subject
            root = root.head
        subject, main = _is_subject(root), _is_main_subject(root)
        acts = subject or (end < len(doc) and doc[end].tag_ == "POS")
        return Antecedent(
            start, end, self.sent_of[start], subject, main, k, self.types[k], self.quoted[start], acts
        )

    def mentioned(self, ref: Candidate, k: int) -> None:
        self.seen.add(self._antecedent(ref.start, ref.end, k))
        word = self.doc[ref.start].lower_
        if ref.source == "pronoun" and word in reference_words.PRONOUN_GENDER:
            self.gender.setdefault(k, reference_words.PRONOUN_GENDER[word])

    def role_antecedent(self, role: descriptions.Role, start: int) -> int | None:
        # the latest mention of a person named with the role; of two at one token, the first
        # recorded
        fits: list[Antecedent] = []
        for k, roles in self.named.items():
            latest = self.seen.latest(self.seen.by_cluster.get(k, []), start)
            if latest is not None and descriptions.role_matches(role, roles):
                fits += [a for a in self.seen.starting_at([latest.start]) if a.cluster == k]
        return max(fits, key=lambda a: (a.start, -a.seq)).cluster if fits else None

    def description_antecedent(self, ref: Candidate) -> int | None:
        tok = self.doc[ref.start]
        # "Norwind, the company that ...": a description in apposition to a name is that name
        linked = {tok.head.i} if tok.dep_ == "appos" else set()
        linked |= {c.i for c in tok.children if c.dep_ == "appos"}
        appos = self.seen.first_covering(linked, lambda a: a.type != "Person")
        if appos is not None:
            return appos.cluster
        # "the federation" is first of all the latest entity whose name is a federation's
        same_word = self.seen.latest(self.seen.by_head.get(tok.lower_, []), ref.start)
        if same_word is not None:
            return same_word.cluster
        if tok.lower_ in OWNED_BODIES:
            # "the board" is the board the story named with its owner: "the Norwind board met
            # ... the board also rejected the offer"
            owners = [k for start, k in self.boards if start < ref.start]
            return owners[-1] if owners else None
        if tok.lower_ in reference_words.HEAD_ONLY_NOUNS:
            return None
        allowed = DEFINITE_NOUNS.get(tok.lower_, ())
        if "Company" in allowed:
            allowed = (*allowed, "Organization")  # an organization of no known kind may be "the company"
        lists = [self.seen.by_type.get(t, []) for t in set(allowed)]
        # the latest subject that fits, in this sentence or the two before; else the latest mention
        first = self.sent_of[ref.start] - WINDOW
        reach = ref.start - REACH
        near = [
            a
            for f in lists
            for a in self.seen.back_while(f, ref.start, lambda a: a.sent >= first and a.start >= reach)
        ]
        subjects = [a for a in near if a.subject]
        chosen = max(subjects, key=Seen.order) if subjects else self.seen.latest_of(lists, ref.start)
        return chosen.cluster if chosen else None

    def _speaks(self, a: Antecedent) -> bool:
        """The antecedent is the speaker of a quotation: the subject of "say" outside quotes."""
        root = self.table.span_root(a.start, a.end)
        return a.subject and not a.quoted and root.head.lemma_ in reference_words.SPEECH_VERBS

    def pronoun_antecedent(self, ref: Candidate) -> int | None:
        tok = self.doc[ref.start]
        allowed = PRONOUNS[tok.lower_]
        gender = reference_words.PRONOUN_GENDER.get(tok.lower_)
        here, quoted = self.sent_of[ref.start], self.quoted[ref.start]
        # "Quist praised him": not Quist, however Quist was named before
        objects_of = _clause_subjects(tok)
        excluded = {a.cluster for a in self.seen.starting_at(objects_of)}
        told, reach = self.told[ref.start] - WINDOW, ref.start - REACH
        window = self.seen.back_while(
            self.seen.in_order,
            ref.start,
            (lambda a: here - WINDOW <= a.sent and a.start >= reach)
            if quoted
            else (lambda a: told <= self.told[a.start] and a.start >= reach),
        )
        fits = [
            a
            for a in window
            if a.type in allowed
            and (a.type != "Place" or a.acts)
            and self.gender.get(a.cluster, gender) == gender
            and a.cluster not in excluded
            and (quoted or not a.quoted)
        ]
        if quoted:
            near = self.seen.in_sentences(here - WINDOW, here, ref.start - REACH, ref.start + REACH)
            speakers = {a.cluster for a in near if self._speaks(a)}
            fits = [a for a in fits if a.cluster not in speakers]
        if not fits:
            return None
        same = [a for a in fits if a.sent == here and a.subject]
        main = [a for a in fits if a.sent < here and a.main]
        subjects = [a for a in fits if a.subject]
        # "it" is as often an event or a thing as a body: only a body that is the subject (or
        # the possessor) of a clause is salient enough for it
        last = fits if gender or _party_object(tok) else [a for a in fits if a.acts]
        if quoted:
            main = []  # a quotation is its own discourse: its latest subject, main or not
        chosen = same or main or subjects or last
        return chosen[-1].cluster if chosen else None
