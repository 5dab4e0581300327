"""Scoring extraction records against document-level gold, story by story.

The README's "How a score is computed" defines the measure; in short:

- a predicted entity (every mention sharing one IRI) matches a gold entity when one of its
  *name* mentions equals one of the gold aliases after ``docgold.normalise`` (titles also tried
  removed); references ("the company", "he") count through their IRI;
- relations are compared as (head entity, family, tail entity); a gold relation may list two
  acceptable heads or tails; ``memberOf(a, b)`` is read as ``represents(b, a)``; an alliance
  matches either way round;
- uncertain gold is neither required nor held against a prediction;
- the headline is event F1, over accuses + respondsTo + urges.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.evaluate.docgold import (
    EVENTS,
    FAMILIES,
    FAMILY_ORDER,
    INVERTED,
    GoldEntity,
    GoldStory,
    name_forms,
    read_document_gold,
)
from kg.ontology import super_classes, super_properties
from kg.records import Document

_SPACE = re.compile(r"\s+")

# --- scoring ----------------------------------------------------------------------------------


@dataclass
class Counts:
    """Precision counts predictions, recall counts gold items, so they are kept apart."""

    pred_right: int = 0
    pred_wrong: int = 0
    gold_found: int = 0
    gold_missed: int = 0

    def add(self, other: Counts) -> None:
        self.pred_right += other.pred_right
        self.pred_wrong += other.pred_wrong
        self.gold_found += other.gold_found
        self.gold_missed += other.gold_missed

    @property
    def precision(self) -> float:
        n = self.pred_right + self.pred_wrong
        return self.pred_right / n if n else 0.0

    @property
    def recall(self) -> float:
        n = self.gold_found + self.gold_missed
        return self.gold_found / n if n else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted": self.pred_right + self.pred_wrong,
            "right": self.pred_right,
            "gold": self.gold_found + self.gold_missed,
            "found": self.gold_found,
        }


@dataclass(frozen=True)
class Detail:
    """One error, with where to read it: a missed gold relation (its evidence), a wrong
    prediction (its sentence and rule), or an entity missed, wrongly found, mistyped or split."""

    story: str
    kind: str  # "missed", "wrong", "missed entity", "false entity", "wrong class", "split"
    what: str  # "Head family Tail", or the entity's name and classes
    sentence: str = ""
    rule: str = ""

    def line(self) -> str:
        how = f" [{self.rule}]" if self.rule else ""
        fields = (self.story, self.kind, f"{self.what}{how}", self.sentence)
        return "\t".join(_SPACE.sub(" ", f).strip() for f in fields)


@dataclass
class EntityCounts:
    gold: int = 0  # certain gold entities
    found: int = 0  # of those, matched by some predicted entity
    predicted: int = 0  # predicted entities with a name mention (uncertain-only matches left out)
    right: int = 0  # of those, matching a gold entity
    typed: int = 0  # of those, with an accepted class
    split: int = 0  # gold entities matched by two or more predicted IRIs

    def add(self, other: EntityCounts) -> None:
        for name in ("gold", "found", "predicted", "right", "typed", "split"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, float | int]:
        return {
            "recall": round(self.found / self.gold, 4) if self.gold else 0.0,
            "precision": round(self.right / self.predicted, 4) if self.predicted else 0.0,
            "type_accuracy": round(self.typed / self.right, 4) if self.right else 0.0,
            "split": self.split,
            "gold": self.gold,
            "found": self.found,
            "predicted": self.predicted,
            "right": self.right,
        }


@dataclass
class DocumentReport:
    stories: int = 0
    entities: EntityCounts = field(default_factory=EntityCounts)
    families: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FAMILY_ORDER})
    details: list[Detail] = field(default_factory=list)

    def combined(self, families: Iterable[str]) -> Counts:
        total = Counts()
        for f in families:
            total.add(self.families[f])
        return total

    @property
    def events(self) -> Counts:
        return self.combined(EVENTS)

    def as_dict(self, details: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "stories": self.stories,
            "events": self.events.as_dict(),
            "relations": self.combined(FAMILY_ORDER).as_dict(),
            "families": {f: c.as_dict() for f, c in self.families.items()},
            "entities": self.entities.as_dict(),
        }
        if details:
            out["details"] = [d.__dict__ for d in self.details]
        return out

    def table(self, details: bool = False) -> str:
        e = self.entities.as_dict()
        lines = [
            f"{self.stories} stories",
            f"entities   recall {e['recall']:.3f}  precision {e['precision']:.3f}  "
            f"type accuracy {e['type_accuracy']:.3f}  split {e['split']}  "
            f"(gold {e['gold']}, predicted {e['predicted']})",
            f"{'relations':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}",
        ]
        rows = [("EVENTS", self.events), ("ALL", self.combined(FAMILY_ORDER))]
        rows += [(f, self.families[f]) for f in FAMILY_ORDER]
        for name, c in rows:
            d = c.as_dict()
            lines.append(
                f"  {name:<12}{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}"
                f"{d['gold']:>7}{d['predicted']:>7}"
            )
        if details and self.details:
            lines.append("")
            lines.append("story\tkind\twhat [rule]\tsentence")
            lines += [d.line() for d in self.details]
        return "\n".join(lines) + "\n"


def _family(prop: str) -> tuple[str, bool] | None:
    """(family, read backwards) of a predicted property, through its super-properties."""
    for p in super_properties(prop) or [prop]:
        if p in FAMILIES:
            return FAMILIES[p], p in INVERTED
    return None


def _accepts(gold: GoldEntity, predicted_class: str) -> bool:
    ancestors = set(super_classes(predicted_class)) or {predicted_class}
    return bool(ancestors & {gold.type, *gold.also})


def score_story(
    story: GoldStory, record: Mapping[str, Any], text: str
) -> tuple[EntityCounts, dict[str, Counts], list[Detail]]:
    """Score one story's extraction record (the ``kg extract`` shape) against its gold."""
    mentions: Sequence[Mapping[str, Any]] = record.get("entities", [])
    by_iri: dict[str, list[Mapping[str, Any]]] = {}
    for m in mentions:
        by_iri.setdefault(str(m["iri"]), []).append(m)
    # Which gold entities each predicted IRI matches, through its name mentions.
    matches: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for iri, ms in by_iri.items():
        names = [m for m in ms if m.get("kind", "name") == "name"]
        forms = set().union(*(name_forms(str(m["text"])) for m in names)) if names else set()
        matches[iri] = {g.name for g in story.entities.values() if g.forms & forms}
        labels[iri] = str(names[0]["text"]) if names else str(ms[0]["text"])

    ents = EntityCounts()
    details: list[Detail] = []
    certain = {n for n, g in story.entities.items() if not g.uncertain}
    ents.gold = len(certain)
    matched_by: Counter[str] = Counter()
    for iri, ms in by_iri.items():
        names = [m for m in ms if m.get("kind", "name") == "name"]
        if not names:
            continue
        hit = matches[iri]
        for n in hit:
            matched_by[n] += 1
        if hit and not hit & certain:
            continue  # matches only uncertain gold: neither right nor wrong
        ents.predicted += 1
        cls = Counter(str(m["type"]) for m in names).most_common(1)[0][0]
        if not hit:
            details.append(
                Detail(story.id, "false entity", f"{labels[iri]} ({cls})", _around(names[0], text))
            )
            continue
        ents.right += 1
        if any(_accepts(story.entities[n], cls) for n in hit):
            ents.typed += 1
        else:
            gold_classes = "/".join(
                sorted({c for n in hit for c in (story.entities[n].type, *story.entities[n].also)})
            )
            details.append(
                Detail(
                    story.id,
                    "wrong class",
                    f"{labels[iri]} ({cls}, gold {gold_classes})",
                    _around(names[0], text),
                )
            )
    ents.found = sum(1 for n in certain if matched_by[n])
    ents.split = sum(1 for n in certain if matched_by[n] > 1)
    for n in sorted(certain):
        if not matched_by[n]:
            details.append(Detail(story.id, "missed entity", f"{n} ({story.entities[n].type})"))
        elif matched_by[n] > 1:
            shown = sorted(labels[iri] for iri, got in matches.items() if n in got)
            details.append(Detail(story.id, "split", f"{n}: " + " | ".join(shown)))

    # Predicted relations, deduplicated by (IRI, family, IRI).
    predicted: dict[tuple[str, str, str], Mapping[str, Any]] = {}
    for rel in record.get("relations", []):
        read = _family(str(rel["type"]))
        if read is None:
            continue
        head, tail = str(mentions[int(rel["head"])]["iri"]), str(mentions[int(rel["tail"])]["iri"])
        if read[1]:
            head, tail = tail, head
        key = (head, read[0], tail)
        if key not in predicted or float(rel.get("confidence", 0)) > float(
            predicted[key].get("confidence", 0)
        ):
            predicted[key] = rel

    families = {f: Counts() for f in FAMILY_ORDER}
    found: set[int] = set()
    for (head, family, tail), rel in sorted(predicted.items()):
        pairs = {(h, t) for h in matches.get(head, ()) for t in matches.get(tail, ())}
        hits = [i for i, g in enumerate(story.relations) if g.family == family and g.pairs() & pairs]
        sure = [i for i in hits if not story.relations[i].uncertain]
        found.update(sure)
        if sure:
            families[family].pred_right += 1
        elif not hits:
            families[family].pred_wrong += 1
            what = f"{labels[head]} {family} {labels[tail]}"
            details.append(
                Detail(story.id, "wrong", what, _sentence(rel, mentions, text), str(rel.get("rule", "")))
            )
    for i, g in enumerate(story.relations):
        if g.uncertain:
            continue
        if i in found:
            families[g.family].gold_found += 1
        else:
            families[g.family].gold_missed += 1
            what = f"{'/'.join(g.heads)} {g.family} {'/'.join(g.tails)}"
            details.append(Detail(story.id, "missed", what, g.evidence))
    return ents, families, details


def _around(mention: Mapping[str, Any], text: str, width: int = 60) -> str:
    start, end = int(mention["start"]), int(mention["end"])
    return _SPACE.sub(" ", text[max(0, start - width) : end + width]).strip()


def _sentence(rel: Mapping[str, Any], mentions: Sequence[Mapping[str, Any]], text: str) -> str:
    span = rel.get("sentence")
    if isinstance(span, list) and len(span) == 2:
        start, end = int(span[0]), int(span[1])
    else:  # a record without sentence offsets: the text from one mention to the other
        ends = [mentions[int(rel["head"])], mentions[int(rel["tail"])]]
        start, end = min(int(m["start"]) for m in ends), max(int(m["end"]) for m in ends)
    return _SPACE.sub(" ", text[start:end]).strip()


def score_records(
    gold: Mapping[str, GoldStory], records: Iterable[Mapping[str, Any]], texts: Mapping[str, str]
) -> DocumentReport:
    """Score extraction records (one per story id) against document-level gold.

    A gold story without a record is an InputError: its score would silently count as zero."""
    report = DocumentReport()
    seen: set[str] = set()
    for record in records:
        story = gold.get(str(record["id"]))
        if story is None:
            continue
        seen.add(story.id)
        try:
            ents, families, details = score_story(story, record, texts.get(story.id, ""))
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise InputError(
                f"the extraction record of story {story.id!r} is malformed ({type(exc).__name__}: {exc})"
            ) from None
        report.stories += 1
        report.entities.add(ents)
        for f, c in families.items():
            report.families[f].add(c)
        report.details.extend(details)
    missing = sorted(set(gold) - seen)
    if missing:
        raise InputError(
            f"story {missing[0]!r} of the gold is not in the input"
            + (f" (nor {len(missing) - 1} more)" if len(missing) > 1 else "")
        )
    return report


def stories_for(gold_path: str | Path, inputs: Sequence[str]) -> tuple[str, ...]:
    """The stories of a gold file: ``inputs`` when given, else ``X.jsonl`` beside ``X.gold.json``."""
    if inputs:
        return tuple(inputs)
    p = Path(gold_path)
    stem = p.name.removesuffix(".json").removesuffix(".gold")
    beside = p.with_name(stem + ".jsonl")
    if beside.is_file():
        return (str(beside),)
    raise InputError(
        f"{str(p)!r} is document-level gold: give its stories with --input (no {beside.name} beside it)"
    )


def story_texts(inputs: Sequence[str | Path]) -> dict[str, str]:
    """Document id -> text, read as ``kg extract`` reads them."""
    from kg.io import iter_documents

    skipped: list[Any] = []
    return {d.id: d.text for d in iter_documents(inputs, skipped)}


def read_extract_records(path: str | Path) -> list[dict[str, Any]]:
    """The JSON Lines that ``kg extract`` wrote; an error names the bad line."""
    p = Path(path)
    out = []
    try:
        with p.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    if not isinstance(rec, dict) or "id" not in rec:
                        raise ValueError("not an extraction record")
                except ValueError as exc:
                    raise InputError(f"{p}:{number}: not a kg extract record ({exc})") from None
                out.append(rec)
    except FileNotFoundError:
        raise InputError(f"no such records file: {str(p)!r}") from None
    return out


def evaluate_documents(
    gold_path: str | Path, inputs: Sequence[str | Path], model: str | None = None
) -> DocumentReport:
    """Extract the stories in ``inputs`` (as ``kg extract`` does) and score them against the
    document-level gold at ``gold_path``."""
    from kg.config import DEFAULT_MODEL
    from kg.extract import extract
    from kg.io import iter_documents

    gold = read_document_gold(gold_path)
    skipped: list[Any] = []
    documents: list[Document] = [d for d in iter_documents(inputs, skipped) if d.id in gold]
    texts = {d.id: d.text for d in documents}
    records = (ex.record() for ex in extract(documents, model=model or DEFAULT_MODEL))
    return score_records(gold, records, texts)
