"""A trained relation classifier over candidate mention pairs, scored with plain dict look-ups.

The model (``kg/models/<name>.json``, written by ``python -m kg.train.relations``) holds one
logistic regression per relation. The coarse classes of a pair fix the only relation it can hold
(Person→Organization: worksFor, Person→Person: killed, Organization→Place: basedIn, Person→Place:
livesIn, Place→Place: locatedIn), so each relation is a yes/no question with its own weights and
threshold. No learning library is needed at run time. Guards of English (``guards``) keep it
from pairs a sentence does not relate: a seat or an employer joined to its holder by a clause.

Example:
    >>> model = load_model()
    >>> model.rule
    'model:relations-conll04@1.5.0'
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

from spacy.tokens import Span, Token

from kg.errors import ModelError
from kg.extract.relations.context import Candidate, Context
from kg.extract.relations.features import COARSE, candidate_pairs, pair_features
from kg.extract.relations.guards import climb_to_meeting, unstated

DEFAULT_MODEL = "relations-conll04"
FORMAT = "kg-relation-model/1"


@dataclass(frozen=True)
class Linear:
    """A logistic regression for one relation between two coarse classes."""

    relation: str
    head: str
    tail: str
    bias: float
    threshold: float
    weights: Mapping[str, float]

    def probability(self, features: Iterable[str]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in frozenset(features))
        if z < -30.0:  # exp overflow guard
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class RelationModel:
    name: str
    version: str
    by_pair: Mapping[tuple[str, str], Linear]
    meta: Mapping[str, Any]

    @property
    def rule(self) -> str:
        """The extractor id every relation it produces carries."""
        return f"model:{self.name}@{self.version}"

    @property
    def relations(self) -> frozenset[str]:
        return frozenset(lin.relation for lin in self.by_pair.values())


def model_from_dict(data: Mapping[str, Any], where: str = "model") -> RelationModel:
    """Check and build a model from its JSON form; errors say what is wrong and where."""
    if data.get("format") != FORMAT:
        raise ModelError(
            f"{where}: not a kg relation model (format {data.get('format')!r}, expected {FORMAT!r})"
        )
    try:
        by_pair = {}
        for relation, spec in sorted(data["relations"].items()):
            lin = Linear(
                relation,
                str(spec["head"]),
                str(spec["tail"]),
                float(spec["bias"]),
                float(spec["threshold"]),
                {str(k): float(v) for k, v in spec["weights"].items()},
            )
            if (lin.head, lin.tail) in by_pair:
                raise ModelError(f"{where}: two relations for the pair {lin.head}->{lin.tail}")
            by_pair[(lin.head, lin.tail)] = lin
        meta = {k: v for k, v in data.items() if k != "relations"}
        return RelationModel(str(data["name"]), str(data["version"]), by_pair, meta)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"{where}: malformed relation model ({type(exc).__name__}: {exc})") from None


def shipped_models() -> list[str]:
    folder = resources.files("kg") / "models"
    return sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json"))


@lru_cache(maxsize=4)
def load_model(name_or_path: str = DEFAULT_MODEL) -> RelationModel:
    """A shipped model by name (``kg/models/<name>.json``) or a model file by path; loaded once."""
    path = Path(name_or_path)
    if path.suffix == ".json" and path.is_file():
        text = path.read_text(encoding="utf-8")
    else:
        resource = resources.files("kg") / "models" / f"{name_or_path}.json"
        if not resource.is_file():
            raise ModelError(
                f"no relation model {name_or_path!r}; shipped models: {', '.join(shipped_models()) or 'none'}"
            )
        text = resource.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ModelError(f"relation model {name_or_path!r} is not JSON ({exc})") from None
    return model_from_dict(data, f"relation model {name_or_path!r}")


# Verbs and nouns of going and meeting: a person or company there on a visit does not live or sit
# there. CoNLL04's loose Live_In taught the model otherwise ("met X in Boston", "visited France").
RESIDENCE = frozenset({"livesIn", "basedIn"})
MOVEMENT = frozenset(
    """visit travel tour meet arrive fly go come head return land stop trip journey
    meeting talk summit conference""".split()
)


def _is_name(ctx: Context, m: int) -> bool:
    """A mention written as a name: the model learnt from names, never from "he" or "the company"."""
    span = ctx.doc[ctx.mentions[m].start : ctx.mentions[m].end]
    return any(t.text[:1].isupper() and t.pos_ not in ("PRON", "DET") for t in span)


def _moved_to(ctx: Context, place: int, resident: int) -> bool:
    """Whether a verb or noun of going or meeting governs the place below the resident's clause."""
    mp, rp = ctx.mentions[place], ctx.mentions[resident]
    token = ctx.table.span_root(mp.start, mp.end)
    root = ctx.table.span_root(rp.start, rp.end)
    # the walk up from the place ends at the first head above the resident's root
    chains = climb_to_meeting(token, root)
    meeting = None if chains is None else chains[0][-1]
    stop = meeting
    if meeting is not None and meeting.i in (token.i, root.i):
        stop = meeting.head  # above the resident's root, or the place's own head
    for anc in token.ancestors:
        if anc.lemma_.lower() in MOVEMENT:
            return True
        if stop is not None and anc.i == stop.i:
            break
    return False


def _listed(ctx: Context, m: int) -> list[Token]:
    """The items of the coordinated list ("A, B and C") the mention is one item of; [] if none.
    The parser sometimes hangs the second item on the first as an apposition ("of A, B, C and
    D": B appos A, C and D conj B); the first item is then one of the list too."""
    root = ctx.table.span_root(ctx.mentions[m].start, ctx.mentions[m].end)
    for item in (root, *[c for c in root.children if c.dep_ == "appos"]):
        items = [item, *item.conjuncts]
        has_cc = any(c.dep_ == "cc" for t in items for c in t.children)
        if len(items) < 2 or not has_cc:
            continue
        first = min(items, key=lambda t: t.i)
        if first.dep_ == "appos" and first.head.i < first.i:
            items.append(first.head)
        if any(t.i == root.i for t in items):
            return sorted(items, key=lambda t: t.i)
    return []


def _peers(ctx: Context, head: int, tail: int) -> bool:
    """Places listed together are peers: in "Italy, Switzerland and Japan" none is inside another."""
    head_root = ctx.table.span_root(ctx.mentions[head].start, ctx.mentions[head].end)
    tail_root = ctx.table.span_root(ctx.mentions[tail].start, ctx.mentions[tail].end)
    return any(t.i == head_root.i for t in _listed(ctx, tail)) or any(
        t.i == tail_root.i for t in _listed(ctx, head)
    )


@dataclass(frozen=True)
class Pair:
    """A candidate pair of one sentence for the model: mention indices, the only relation their
    classes allow, and the pair's features."""

    head: int
    tail: int
    relation: str
    features: list[str]


@dataclass(frozen=True)
class Scored:
    pair: Pair
    p: float
    threshold: float


def sentence_pairs(ctx: Context, sent: Span, relations: Mapping[tuple[str, str], str]) -> list[Pair]:
    """The candidate pairs of the named mentions of one sentence whose classes fit a relation,
    without ``livesIn`` or ``basedIn`` for a place one goes to or meets in, nor a ``worksFor`` or
    ``basedIn`` that the sentence's English does not state (``guards.unstated``)."""
    indices = [m for m in ctx.starting_in(sent.start, sent.end) if ctx.type_of(m) in COARSE]
    indices = [m for m in indices if ctx.mentions[m].end <= sent.end and _is_name(ctx, m)]
    args = [(ctx.mentions[m].start, ctx.mentions[m].end, COARSE[ctx.type_of(m)]) for m in indices]
    keys = [ctx.key(m) for m in indices]
    found: list[Pair] = []
    for i, j, between in candidate_pairs(args, keys):
        relation = relations.get((args[i][2], args[j][2]))
        if relation is None:
            continue
        if relation in RESIDENCE and _moved_to(ctx, indices[j], indices[i]):
            continue
        if relation == "locatedIn" and _peers(ctx, indices[i], indices[j]):
            continue
        if unstated(ctx, indices[i], indices[j], relation):
            continue
        feats = pair_features(ctx.doc, args[i], args[j], between)
        found.append(Pair(indices[i], indices[j], relation, feats))
    return found


def decide(scored: list[Scored]) -> list[Scored]:
    """The pairs of one sentence the model asserts: those above their relation's threshold.

    The one place for decisions across a sentence's pairs. Those tried with ``kg.train.endtoend``
    (one killer per victim, one victim per killer, one direction per pair) moved end-to-end F1
    under cross-validation on train by less than 0.003, so none is applied. Items of one list
    joined by "and"/"or" are never candidates for ``locatedIn`` (``sentence_pairs``)."""
    return [s for s in scored if s.p >= s.threshold]


def classify(ctx: Context, sent: Span, model: RelationModel) -> list[Candidate]:
    """The model's relations between the named mentions of one sentence, above each relation's
    threshold; no ``livesIn`` or ``basedIn`` for a place one goes to or meets in."""
    relations = {pair: lin.relation for pair, lin in model.by_pair.items()}
    by_relation = {lin.relation: lin for lin in model.by_pair.values()}
    scored = [
        Scored(
            pair, by_relation[pair.relation].probability(pair.features), by_relation[pair.relation].threshold
        )
        for pair in sentence_pairs(ctx, sent, relations)
    ]
    return [
        Candidate(s.pair.head, s.pair.tail, s.pair.relation, round(s.p, 3), model.rule)
        for s in decide(scored)
    ]
