"""What an accusation charges, what an appeal demands, and when: read off the trigger's clause.

"X accused Y of hiding safety data" -> charge "hiding safety data"; "X urged Y to speed up
dredging" -> demand "speed up dredging"; a calendar date in the trigger's clause (or, failing
that, the sentence) -> the event's date.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.dates import parse_date
from kg.extract.relations.verbs import ACCUSE_NOUNS, ACCUSE_VERBS, RESPOND_VERBS, URGE_VERBS

TRIGGERS = {
    "accuses": ACCUSE_VERBS | ACCUSE_NOUNS | {"allege", "charge"},
    "urges": URGE_VERBS | {"call", "appeal", "demand", "ask", "urge"},
    "respondsTo": RESPOND_VERBS | {"deny", "dismiss", "reject", "hit", "counter"},
}
CHARGE_PREPS = frozenset({"of", "over", "for", "about"})
MAX_WORDS = 25


def _trigger(span: Span, tail: Span, kind: str) -> Token | None:
    lemmas = TRIGGERS.get(kind, frozenset())
    tok: Token = tail.root
    while True:
        if tok.lemma_.lower() in lemmas and tok.i not in range(tail.start, tail.end):
            return tok
        if tok.head.i == tok.i or not (span.start <= tok.head.i < span.end):
            break
        tok = tok.head
    return next((t for t in span if t.lemma_.lower() in lemmas), None)


def _text(tokens: list[Token]) -> str | None:
    if not tokens:
        return None
    words = tokens[:MAX_WORDS]
    text = words[0].doc[words[0].i : words[-1].i + 1].text.strip(" ,;:.\"'")
    return text or None


def _charge(trigger: Token, tail: Span) -> str | None:
    # "accused Y of X": the parser hangs "of X" on the verb or on Y
    for child in [*trigger.children, *tail.root.children]:
        if child.dep_ == "prep" and child.lower_ in CHARGE_PREPS:
            obj = [t for t in child.children if t.dep_ in {"pobj", "pcomp"}]
            if obj:
                return _text(sorted(obj[0].subtree, key=lambda t: t.i))
    return None


def _demand(trigger: Token) -> str | None:
    for child in trigger.children:
        if child.dep_ in {"xcomp", "ccomp"}:
            tokens = sorted(child.subtree, key=lambda t: t.i)
            if tokens and tokens[0].lower_ == "to":
                tokens = tokens[1:]
            return _text(tokens)
    return None


def _date(doc: Doc, trigger: Token | None, sentence: Span) -> str | None:
    ents = [e for e in doc.ents if e.label_ == "DATE" and sentence.start <= e.start < sentence.end]
    if trigger is not None:
        clause = {t.i for t in trigger.subtree}
        near = [e for e in ents if e.root.i in clause]
        ents = near or ents
    for ent in ents:
        value = parse_date(ent.text)
        if value:
            return value
    return None


def event_details(doc: Doc, kind: str, sentence: Span, tail: Span) -> tuple[str | None, str | None]:
    """(charge or demand, ISO date) for a relation of ``kind`` whose object is ``tail``."""
    if kind not in TRIGGERS:
        return None, None
    trigger = _trigger(sentence, tail, kind)
    detail = None
    if trigger is not None and kind == "accuses":
        detail = _charge(trigger, tail)
    elif trigger is not None and kind == "urges":
        detail = _demand(trigger)
    return detail, _date(doc, trigger, sentence)
