"""Scoring extraction against gold data in the SpERT JSON format (``kg eval``).

Gold records: ``{"tokens": [...], "entities": [{"type", "start", "end"}], "relations":
[{"type", "head", "tail"}]}``, token spans with exclusive ends; the text is the tokens joined by
single spaces. Predictions come from the same code path as ``kg extract``. A label map turns
ontology classes and properties into gold labels; sub-classes and sub-properties map through
their ancestors (``leads`` -> ``worksFor`` -> ``Work_For``).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from kg.config import DEFAULT_MODEL
from kg.errors import InputError
from kg.ontology import super_classes, super_properties
from kg.records import Document

BUILTIN_MAPS = ("conll04",)
CONVENTIONS = frozenset({"flat", "person_titles", "joined_places"})
JOIN_WINDOW = 6  # words before a place that may hold a word of ``joined_places``


@dataclass(frozen=True)
class LabelMap:
    entities: dict[str, str]
    relations: dict[str, str]
    ignore_entities: frozenset[str] = frozenset()
    ignore_relations: frozenset[str] = frozenset()
    # Annotation conventions of the gold data, applied to predictions before scoring
    flat: bool = False  # the gold has no nested entities: drop predictions inside another
    person_titles: frozenset[str] = frozenset()  # title words the gold includes in person spans
    person_label: str = ""  # the gold label that person_titles applies to
    # words after which the gold writes "Town, State" as one place ("born in Marlow, Kestria")
    joined_places: frozenset[str] = frozenset()
    place_label: str = ""

    def entity(self, cls: str) -> str | None:
        return next((self.entities[c] for c in super_classes(cls) if c in self.entities), None)

    def relation(self, prop: str) -> str | None:
        return next((self.relations[p] for p in super_properties(prop) if p in self.relations), None)


def load_map(name_or_path: str) -> LabelMap:
    """A built-in map by name, or a JSON file ``{"entities": {...}, "relations": {...}, "ignore": ...}``."""
    if name_or_path in BUILTIN_MAPS:
        text = (resources.files("kg.evaluate") / "maps" / f"{name_or_path}.json").read_text(encoding="utf-8")
    else:
        path = Path(name_or_path)
        if not path.is_file():
            raise InputError(
                f"no label map {name_or_path!r}: give a JSON file or one of {', '.join(BUILTIN_MAPS)}"
            )
        text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
        ignore = data.get("ignore", {})
        conventions = data.get("conventions", {})
        unknown = set(conventions) - CONVENTIONS
        if unknown:
            raise ValueError(f"unknown conventions {sorted(unknown)} (known: {sorted(CONVENTIONS)})")
        return LabelMap(
            dict(data["entities"]),
            dict(data["relations"]),
            frozenset(ignore.get("entities", [])),
            frozenset(ignore.get("relations", [])),
            flat=bool(conventions.get("flat", False)),
            person_titles=frozenset(str(t) for t in conventions.get("person_titles", [])),
            person_label=str(data["entities"].get("Person", "")),
            joined_places=frozenset(str(w).lower() for w in conventions.get("joined_places", [])),
            place_label=str(data["entities"].get("Place", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"label map {name_or_path!r} is not valid: {exc}") from None


@dataclass
class Gold:
    document: Document
    entities: set[tuple[int, int, str]]
    relations: set[tuple[tuple[int, int], tuple[int, int], str]]
    token_starts: list[int] = field(default_factory=list)

    def align(self, start: int, end: int) -> tuple[int, int]:
        """A predicted character span widened to the gold tokens it touches: scoring is by token,
        as in SpERT, so "Bangkok" predicted inside the gold token "Bangkok." counts."""
        text, starts = self.document.text, self.token_starts
        first = max((i for i, s in enumerate(starts) if s <= start), default=0)
        last = max((i for i, s in enumerate(starts) if s < end), default=first)
        tok_end = text.find(" ", starts[last])
        return starts[first], len(text) if tok_end < 0 else tok_end


def read_gold(path: str | Path, label_map: LabelMap) -> list[Gold]:
    """Read and check a SpERT JSON file; errors name the record."""
    p = Path(path)
    try:
        records = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"no such gold file: {str(p)!r}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: not SpERT JSON ({exc})") from None
    if not isinstance(records, list):
        raise InputError(f"{p}: not SpERT JSON (expected a list of records)")
    known_e = set(label_map.entities.values()) | label_map.ignore_entities
    known_r = set(label_map.relations.values()) | label_map.ignore_relations
    return [_gold(p, i, rec, known_e, known_r, label_map) for i, rec in enumerate(records)]


def _gold(p: Path, i: int, rec: Any, known_e: set[str], known_r: set[str], lm: LabelMap) -> Gold:
    where = f"{p}: record {i}"
    try:
        tokens = [str(t) for t in rec["tokens"]]
        starts, pos = [], 0
        for tok in tokens:
            starts.append(pos)
            pos += len(tok) + 1
        spans = []
        entities = set()
        for ent in rec["entities"]:
            s, e, label = int(ent["start"]), int(ent["end"]), str(ent["type"])
            if not 0 <= s < e <= len(tokens):
                raise InputError(f"{where}: entity span {s}-{e} is outside its {len(tokens)} tokens")
            if label not in known_e:
                raise InputError(
                    f"{where}: entity label {label!r} has no mapping (mapped: {sorted(known_e)})"
                )
            span = (starts[s], starts[e - 1] + len(tokens[e - 1]))
            spans.append(span)
            if label not in lm.ignore_entities:
                entities.add((*span, label))
        relations = set()
        for rel in rec["relations"]:
            label = str(rel["type"])
            if label not in known_r:
                raise InputError(
                    f"{where}: relation label {label!r} has no mapping (mapped: {sorted(known_r)})"
                )
            if label not in lm.ignore_relations:
                relations.add((spans[int(rel["head"])], spans[int(rel["tail"])], label))
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise InputError(f"{where}: not a SpERT record ({type(exc).__name__}: {exc})") from None
    doc = Document(id=str(rec.get("orig_id", i)), text=" ".join(tokens), source=f"{p}#{i}")
    return Gold(doc, entities, relations, starts)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], pred: set[Any]) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Report:
    entities: dict[str, Score] = field(default_factory=dict)
    relations: dict[str, Score] = field(default_factory=dict)
    records: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "entities": {k: v.as_dict() for k, v in sorted(self.entities.items())},
            "relations": {k: v.as_dict() for k, v in sorted(self.relations.items())},
        }

    def table(self) -> str:
        lines = [f"{self.records} records", f"{'':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}"]
        for title, scores in (("entities", self.entities), ("relations", self.relations)):
            lines.append(title)
            for name in ["ALL", *sorted(k for k in scores if k != "ALL")]:
                d = scores[name].as_dict()
                gold, pred = scores[name].tp + scores[name].fn, scores[name].tp + scores[name].fp
                lines.append(
                    f"  {name:<12}{d['precision']:>8.3f}{d['recall']:>8.3f}{d['f1']:>8.3f}{gold:>7}{pred:>7}"
                )
        return "\n".join(lines) + "\n"


def _score(scores: dict[str, Score], gold: set[Any], pred: set[Any], labels: set[str]) -> None:
    scores.setdefault("ALL", Score()).add(gold, pred)
    for label in labels:
        scores.setdefault(label, Score()).add(
            {g for g in gold if g[-1] == label}, {p for p in pred if p[-1] == label}
        )


def conventional_spans(
    lm: LabelMap, text: str, spans: list[tuple[int, int]], labels: list[str | None]
) -> list[tuple[int, int] | None]:
    """Predicted character spans restated in the gold data's conventions; None drops a span.

    ``flat``: a span inside another scored span is dropped ("Swiss" inside "Swiss Clock
    Industry Federation" is a nested Place for the graph, but flat gold has only the outer name).
    ``person_titles``: a person span widens over a title word right before it ("President" +
    "Marlow Quist"), when the gold includes that title in person names.
    ``joined_places``: a place, a comma and a place after one of these words ("born in Marlow,
    Kestria") become one span, both mentions restated as it; a relation between the two then
    joins a span to itself and is not scored (``evaluate`` drops it).
    """
    out: list[tuple[int, int] | None] = list(spans)
    if lm.flat:
        scored = [s for s, label in zip(spans, labels, strict=True) if label is not None]
        for i, (start, end) in enumerate(spans):
            if any(s <= start and end <= e and (s, e) != (start, end) for s, e in scored):
                out[i] = None
    if lm.person_titles:
        for i, (span, label) in enumerate(zip(out, labels, strict=True)):
            if span is None or label != lm.person_label:
                continue
            before = text[: span[0]].rstrip()
            word = before.rsplit(maxsplit=1)[-1] if before else ""
            if word and word in lm.person_titles and span[0] - len(before) <= 1:
                out[i] = (len(before) - len(word), span[1])
    if lm.joined_places:
        _join_places(lm, text, out, labels)
    return out


def _join_places(
    lm: LabelMap, text: str, out: list[tuple[int, int] | None], labels: list[str | None]
) -> None:
    places = sorted(
        (span, i)
        for i, (span, label) in enumerate(zip(out, labels, strict=True))
        if span is not None and label == lm.place_label
    )
    for (first, i), (second, _) in itertools.pairwise(places):
        if out[i] != first or text[first[1] : second[0]].strip() != ",":
            continue
        before = text[: first[0]].split()[-JOIN_WINDOW:]
        if any(w.lower().strip(",.;:") in lm.joined_places for w in before):
            for k, span in enumerate(out):
                if span in (first, second):
                    out[k] = (first[0], second[1])


def evaluate(gold_path: str | Path, label_map: str = "conll04", model: str = DEFAULT_MODEL) -> Report:
    """Strict P/R/F1 of entities (span and type) and relations (both spans and type)."""
    from kg.extract import extract

    lm = load_map(label_map)
    golds = read_gold(gold_path, lm)
    report = Report(records=len(golds))
    e_labels = set(lm.entities.values())
    r_labels = set(lm.relations.values())
    for gold, ex in zip(golds, extract((g.document for g in golds), model=model), strict=True):
        spans = conventional_spans(
            lm,
            gold.document.text,
            [(m.start, m.end) for m in ex.mentions],
            [lm.entity(m.type) for m in ex.mentions],
        )
        # The gold annotates names only: references ("the company", "it") are neither right nor
        # wrong there, so they and the relations through them are left out of the score.
        names = [m.kind == "name" for m in ex.mentions]
        pred_e, pred_r = set(), set()
        for span, m, is_name in zip(spans, ex.mentions, names, strict=True):
            label = lm.entity(m.type)
            if label is not None and span is not None and is_name:
                pred_e.add((*gold.align(*span), label))
        for r in ex.relations:
            label = lm.relation(r.type)
            h, t = spans[r.head], spans[r.tail]
            named = names[r.head] and names[r.tail]
            if label is not None and h is not None and t is not None and h != t and named:
                pred_r.add((gold.align(*h), gold.align(*t), label))
        _score(report.entities, gold.entities, pred_e, e_labels)
        _score(report.relations, gold.relations, pred_r, r_labels)
    return report
