"""A trained classifier for the event relations (accuses, respondsTo, urges) where rules stop.

The rules read the forms of English they were written for; news states events in many more
("said the plan was unrealistic", "called Y's policy an example of protectionism"). This model
scores every ordered pair of mentions in a sentence that could hold an event (an agent and a
party) with one logistic regression per event relation over sparse features: the pair features
the CoNLL04 classifier uses (``features.pair_features``), the event words on the dependency path
between the two and in the sentence (kinds of word, from ``verbs``), what the rules said about
the pair, whether each end is a name or a reference, and words of negative judgement in a
reported clause. Proper names become ``<name>``: the model learns English, not entities.

Trained by ``python -m kg.train.events`` on news-events train with thresholds chosen by
cross-validation on train. The rules decide first: the model adds an event only for a pair to
which no rule gave that relation in the sentence. Every hit says ``model:<name>@<version>``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Span

from kg.errors import ModelError
from kg.extract.relations.context import AGENTS, PARTIES, Candidate, Context
from kg.extract.relations.features import candidate_pairs, pair_features
from kg.extract.relations.guards import path_between
from kg.extract.relations.verbs import (
    ACCUSE_CLAUSAL,
    ACCUSE_NOUNS,
    ACCUSE_PHRASAL,
    ACCUSE_VERBS,
    NEGATIVE_JUDGEMENT,
    RESPOND_NOUNS,
    RESPOND_VERBS,
    RESPOND_WEAK,
    SAY_VERBS,
    URGE_CLAUSAL,
    URGE_CONTROL,
    URGE_NOUNS,
    URGE_PHRASAL,
    URGE_VERBS,
)

DEFAULT_EVENT_MODEL = "events-news"
FORMAT = "kg-event-model/1"
EVENTS = ("accuses", "respondsTo", "urges")

# Kinds of event word, each a feature where it appears: on the path between the two mentions,
# governing the tail's clause, or anywhere in the sentence.
LEXICON: dict[str, frozenset[str]] = {
    "accuse": ACCUSE_VERBS | ACCUSE_CLAUSAL | frozenset(ACCUSE_PHRASAL) | ACCUSE_NOUNS,
    "urge": URGE_VERBS | URGE_CONTROL | frozenset(URGE_PHRASAL) | URGE_CLAUSAL | URGE_NOUNS,
    "respond": RESPOND_VERBS | RESPOND_WEAK | RESPOND_NOUNS,
    "say": SAY_VERBS,
    "judge": NEGATIVE_JUDGEMENT,
}
# Coarse classes of the two ends: a state acting is told apart from other places.
COARSE = {
    "Person": "PER",
    "Organization": "ORG",
    "Company": "ORG",
    "TradeAssociation": "ORG",
    "GovernmentAgency": "GOV",
    "NewsOrganization": "ORG",
    "GeopoliticalEntity": "GPE",
    "Place": "LOC",
    "Brand": "BRAND",
}


# The pair features of the CoNLL04 classifier that name particular words (the words between and
# around the two, the lexical path) are left out: 112 stories are too few to learn word by word,
# and cross-validation on train scored every event relation better without them.
SPARSE = (
    "path=", "pathl=", "bw=", "bl=", "bseq=", "bfirst=", "blast=", "before=", "after=",
    "hw=", "tw=", "hword=", "tword=", "hprev=", "hnext=", "tprev=", "tnext=",
)  # fmt: skip


@dataclass(frozen=True)
class EventPair:
    head: int  # mention indices into the Context
    tail: int
    features: list[str]


def _kinds(lemma: str) -> list[str]:
    return [kind for kind, words in LEXICON.items() if lemma in words]


def _is_nested(ctx: Context, m: int) -> bool:
    mention = ctx.mentions[m]
    outer = ctx.mention_at(ctx.doc[mention.start])
    return (
        outer is not None
        and outer != m
        and ctx.mentions[outer].end - ctx.mentions[outer].start > (mention.end - mention.start)
    )


def event_pairs(ctx: Context, sent: Span, rule_hits: Iterable[Candidate]) -> list[EventPair]:
    """Every ordered pair of mentions of two entities in ``sent`` that an event could join, with
    its features; ``rule_hits`` are the rules' relations of the sentence."""
    indices = [
        m
        for m in ctx.starting_in(sent.start, sent.end)
        if ctx.mentions[m].end <= sent.end and not _is_nested(ctx, m) and ctx.type_of(m) in COARSE
    ]
    by_pair: dict[tuple[int, int], list[str]] = {}
    for hit in rule_hits:
        pair = (ctx.key(hit.head), ctx.key(hit.tail))
        by_pair.setdefault(pair, []).append(hit.type)
    sentence_kinds = sorted({k for t in sent for k in _kinds(t.lemma_.lower())})
    quoted = any(t.text in {'"', "“", "”"} for t in sent)
    found = []
    agents, parties = AGENTS | {"GeopoliticalEntity"}, PARTIES | {"GeopoliticalEntity"}
    args = [(ctx.mentions[m].start, ctx.mentions[m].end, COARSE[ctx.type_of(m)]) for m in indices]
    for i, j, between in candidate_pairs(args, [ctx.key(m) for m in indices]):
        h, t = indices[i], indices[j]
        if ctx.type_of(h) not in agents or ctx.type_of(t) not in parties:
            continue
        hm, tm = ctx.mentions[h], ctx.mentions[t]
        feats = pair_features(
            ctx.doc,
            (hm.start, hm.end, COARSE[ctx.type_of(h)]),
            (tm.start, tm.end, COARSE[ctx.type_of(t)]),
            between,
        )
        feats = [f for f in feats if not f.startswith(SPARSE)]
        feats += _event_features(ctx, h, t, by_pair, sentence_kinds, quoted)
        found.append(EventPair(h, t, feats))
    return found


def _event_features(
    ctx: Context,
    h: int,
    t: int,
    by_pair: Mapping[tuple[int, int], list[str]],
    sentence_kinds: list[str],
    quoted: bool,
) -> list[str]:
    hm, tm = ctx.mentions[h], ctx.mentions[t]
    h_root, t_root = ctx.table.span_root(hm.start, hm.end), ctx.table.span_root(tm.start, tm.end)
    feats = [f"hk={hm.kind}", f"tk={tm.kind}"]
    feats += [f"rule={r}" for r in by_pair.get((ctx.key(h), ctx.key(t)), ())]
    feats += [f"rulerev={r}" for r in by_pair.get((ctx.key(t), ctx.key(h)), ())]
    feats += [f"skind={k}" for k in sentence_kinds]
    if quoted:
        feats.append("quoted")
    path = (
        path_between(h_root, t_root)
        if ctx.table.sent_index[h_root.i] == ctx.table.sent_index[t_root.i]
        else []
    )
    for tok in path:
        lemma = tok.lemma_.lower()
        for k in _kinds(lemma):
            feats += [f"pkind={k}", f"pkl={k}:{lemma}"]
            if tok.dep_ == "neg" or any(c.dep_ == "neg" for c in tok.children):
                feats.append(f"pkneg={k}")
    # the tail inside a clause reported by the head: "X said Y's plan was unrealistic"
    for anc in t_root.ancestors:
        if anc.lemma_.lower() in SAY_VERBS and any(
            c.i == h_root.i or h_root.is_ancestor(c) for c in anc.children
        ):
            feats.append("t_in_said_clause")
            judged = [w.lemma_.lower() for w in anc.subtree if w.lemma_.lower() in NEGATIVE_JUDGEMENT]
            feats += [f"said_judge={w}" for w in dict.fromkeys(judged)]
            if judged:
                feats.append("said_judge")
            break
    return feats


@dataclass(frozen=True)
class Linear:
    bias: float
    threshold: float
    weights: Mapping[str, float]

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in frozenset(features))
        if z < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class EventModel:
    name: str
    version: str
    relations: Mapping[str, Linear]
    meta: Mapping[str, Any]

    @property
    def rule(self) -> str:
        return f"model:{self.name}@{self.version}"


def event_model_from_dict(data: Mapping[str, Any], where: str = "event model") -> EventModel:
    if data.get("format") != FORMAT:
        raise ModelError(
            f"{where}: not a kg event model (format {data.get('format')!r}, expected {FORMAT!r})"
        )
    try:
        relations = {
            str(rel): Linear(
                float(spec["bias"]),
                float(spec["threshold"]),
                {str(k): float(v) for k, v in spec["weights"].items()},
            )
            for rel, spec in sorted(data["relations"].items())
        }
        unknown = set(relations) - set(EVENTS)
        if unknown:
            raise ValueError(f"relations {sorted(unknown)} are not events ({', '.join(EVENTS)})")
        meta = {k: v for k, v in data.items() if k != "relations"}
        return EventModel(str(data["name"]), str(data["version"]), relations, meta)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"{where}: malformed event model ({type(exc).__name__}: {exc})") from None


@lru_cache(maxsize=4)
def load_event_model(name_or_path: str = DEFAULT_EVENT_MODEL) -> EventModel | None:
    """A shipped event model by name, or a model file by path; None when none is shipped."""
    path = Path(name_or_path)
    if path.suffix == ".json" and path.is_file():
        text = path.read_text(encoding="utf-8")
    else:
        resource = resources.files("kg") / "models" / f"{name_or_path}.json"
        if not resource.is_file():
            return None
        text = resource.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ModelError(f"event model {name_or_path!r} is not JSON ({exc})") from None
    return event_model_from_dict(data, f"event model {name_or_path!r}")


def classify_events(
    ctx: Context,
    sent: Span,
    model: EventModel,
    rule_hits: list[Candidate],
) -> list[Candidate]:
    """The model's events in one sentence, above each relation's threshold, for pairs to which no
    rule gave that relation."""
    decided = {(ctx.key(c.head), ctx.key(c.tail), c.type) for c in rule_hits}
    found = []
    for pair in event_pairs(ctx, sent, rule_hits):
        for rel, lin in model.relations.items():
            if (ctx.key(pair.head), ctx.key(pair.tail), rel) in decided:
                continue
            p = lin.probability(pair.features)
            if p >= lin.threshold:
                found.append(Candidate(pair.head, pair.tail, rel, round(p, 3), model.rule))
    return found
