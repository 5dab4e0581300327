"""Whether a sentence asserts that an act happened, or reports it as someone's claim.

The gold of news events counts what a story states and announced intent ("said it would sue",
"threatened to sue"), not what it denies, doubts or only reports as an allegation:
- negated: "Norwind did not sue Kestrel", "never accused";
- hedged with a modal of possibility: "Kestrel could sue", "may challenge" (but a speaker's own
  "it could sue", said by the speaker, is announced intent);
- conditional: "if Norwind sues Kestrel, ...";
- inside what is alleged, denied or speculated: "allegations (that) he pressured Ben Orr to
  ...", "prosecutors alleged that he directed Ben Orr to ...", "denied that it had asked the bank
  to ...", "speculation that Kestrel will sue";
- asked as a question: "asked whether Norland could ask Kestria to ...";
- ordered or asked of someone: "the court directed Norwind to respond to the petition" (the
  response has not happened; the direction itself is read as an appeal).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.doctable import kids_of

HEDGES = frozenset({"could", "might", "may"})
ANNOUNCING = frozenset({"say", "announce", "warn", "threaten", "tell", "add", "state"})
SELF_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})
CONDITIONS = frozenset({"if", "unless", "whether"})
# Nouns whose content clause reports something not asserted by the story.
REPORT_NOUNS = frozenset(
    {
        "allegation", "accusation", "claim", "charge", "report", "rumour", "rumor", "speculation",
        "suggestion", "fear", "possibility", "prospect", "threat", "risk", "question", "talk",
    }
)  # fmt: skip
# Verbs whose complement clause is denied or doubted, or only alleged by someone: "prosecutors
# alleged that X directed Y to hide ..." reports an allegation, not an act X did.
DENY_VERBS = frozenset(
    {"deny", "dismiss", "reject", "refute", "doubt", "question", "rule", "allege", "claim", "contend"}
)
# Verbs whose clause with "whether"/"if" is a question: "asked whether X could ask Y to ...".
QUESTION_VERBS = frozenset({"ask", "wonder", "question", "query", "consider", "decide", "debate"})
# Verbs whose to-clause is what someone else is asked or ordered to do.
DIRECT_VERBS = frozenset(
    {
        "urge", "ask", "order", "direct", "tell", "instruct", "require", "force", "compel",
        "request", "press", "pressure", "call", "encourage", "invite", "allow", "permit", "warn",
    }
)  # fmt: skip


def _set_off(head: Token, t: Token) -> bool:
    """A clause after a comma is an adjunct ("denied it, rebutting the claims"), not what is
    denied; commas inside the clause itself ("alleged that Ben Orr, 63, directed ...") are not."""
    lo, hi = (head.i + 1, t.left_edge.i) if head.i < t.i else (t.right_edge.i + 1, head.i)
    return any(tok.text in {",", ";", "--", "-"} for tok in head.doc[lo:hi])


def _announced(verb: Token) -> bool:
    """ "Norwind said it could sue Kestrel": a speaker's own possible act, said by the speaker,
    is announced intent; "analysts said Norwind could sue" is not."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.lemma_.lower() in ANNOUNCING
        and any(c.dep_ == "nsubj" and c.lower_ in SELF_PRONOUNS for c in verb.children)
    )


def asserted(verb: Token) -> bool:
    """Whether the clause of ``verb`` states its act as happening, done or announced."""
    kids = kids_of(verb)
    if any(c.dep_ == "neg" for c in kids):
        return False
    if any(c.dep_ == "aux" and c.lower_ in HEDGES for c in kids) and not _announced(verb):
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in kids):
        return False
    t = verb
    for _ in range(4):  # the clauses above, nearest first
        head = t.head
        if head is t:
            break
        if (
            t.dep_ in ("acl", "relcl", "ccomp")
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in REPORT_NOUNS
        ):
            return False
        if t.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in DENY_VERBS and not _set_off(head, t):
            return False
        if t.dep_ == "xcomp" and head.lemma_.lower() in DIRECT_VERBS and t is verb:
            return False
        if (
            t.dep_ == "ccomp"
            and head.lemma_.lower() in QUESTION_VERBS
            and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in t.children)
        ):
            return False
        if t.dep_ not in ("ccomp", "xcomp", "conj", "acl", "relcl"):
            break
        t = head
    return True
