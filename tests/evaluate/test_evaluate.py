"""kg eval: scoring against SpERT JSON gold, label maps, and bad gold files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError
from kg.evaluate import Score, conventional_spans, evaluate, load_map

GOLD = [
    {
        "tokens": "Jane Roe , the chairman of Brenfield Holdings Inc. , lives in Denver .".split(),
        "entities": [
            {"type": "Peop", "start": 0, "end": 2},
            {"type": "Org", "start": 6, "end": 9},
            {"type": "Loc", "start": 12, "end": 13},
        ],
        "relations": [{"type": "Work_For", "head": 0, "tail": 1}, {"type": "Live_In", "head": 0, "tail": 2}],
    }
]


def write(tmp_path: Path, data: object, name: str = "gold.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_scores_a_sentence_through_the_extractor(tmp_path: Path) -> None:
    report = evaluate(write(tmp_path, GOLD)).as_dict()
    ents, rels = report["entities"], report["relations"]
    assert ents["ALL"]["tp"] + ents["ALL"]["fn"] == 3
    assert ents["Peop"]["tp"] == 1  # "Jane Roe" found with its exact span
    assert rels["ALL"]["tp"] + rels["ALL"]["fn"] == 2
    assert rels["Work_For"]["tp"] == 1  # leads maps to Work_For through worksFor


def test_sub_properties_and_sub_classes_map_through_their_ancestors() -> None:
    lm = load_map("conll04")
    assert lm.relation("leads") == "Work_For"
    assert lm.entity("TradeAssociation") == "Org"
    assert lm.entity("Brand") is None
    assert lm.relation("accuses") is None


def test_precision_recall_f1() -> None:
    s = Score()
    s.add({1, 2, 3, 4}, {1, 2, 5})
    assert s.as_dict() == {"precision": 0.6667, "recall": 0.5, "f1": 0.5714, "tp": 2, "fp": 1, "fn": 2}


def test_cli_json_output(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(write(tmp_path, GOLD)), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"records", "entities", "relations"} and data["records"] == 1


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ("not json at all", "not SpERT JSON"),
        ({"tokens": []}, "not SpERT JSON"),
        (
            [{"tokens": ["a"], "entities": [{"type": "Peop", "start": 0, "end": 5}], "relations": []}],
            "record 0: entity span 0-5 is outside",
        ),
        (
            [{"tokens": ["a"], "entities": [{"type": "Weapon", "start": 0, "end": 1}], "relations": []}],
            "record 0: entity label 'Weapon' has no mapping",
        ),
        ([{"tokens": ["a"], "entities": []}], "record 0: not a SpERT record"),
    ],
)
def test_bad_gold_is_one_line_exit_2(tmp_path: Path, data: object, needle: str) -> None:
    result = CliRunner().invoke(cli, ["eval", str(write(tmp_path, data))])
    assert result.exit_code == 2
    assert needle in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_unknown_map_lists_the_built_in_ones(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", str(write(tmp_path, GOLD)), "--map", "nope"])
    assert result.exit_code == 2 and "conll04" in result.stderr


def test_flat_convention_drops_predictions_nested_in_another() -> None:
    lm = load_map("conll04")
    text = "The Veltrani Clockmakers Federation met ."
    spans = [(4, 35), (4, 12)]  # the federation, and a nested place inside its name
    assert conventional_spans(lm, text, spans, ["Org", "Loc"]) == [(4, 35), None]
    assert conventional_spans(replace(lm, flat=False), text, spans, ["Org", "Loc"]) == spans


@pytest.mark.parametrize(
    ("text", "span", "label", "expected"),
    [
        ("He met President Marlow Quist .", (17, 29), "Peop", (7, 29)),  # a listed title widens
        ("He met Mrs. Quist .", (12, 17), "Peop", (7, 17)),
        ("He met Judge Quist .", (13, 18), "Peop", (13, 18)),  # job titles are not in the gold spans
        ("He met president Quist .", (17, 22), "Peop", (17, 22)),  # a title is capitalized
        ("Visit President Quist Street .", (16, 28), "Loc", (16, 28)),  # persons only
    ],
)
def test_person_title_convention(
    text: str, span: tuple[int, int], label: str, expected: tuple[int, int]
) -> None:
    assert conventional_spans(load_map("conll04"), text, [span], [label]) == [expected]


def test_unknown_convention_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, {"entities": {}, "relations": {}, "conventions": {"join": True}}, "map.json")
    with pytest.raises(InputError, match="unknown conventions"):
        load_map(str(path))


def test_joined_places_convention_restates_a_birthplace_as_one_span() -> None:
    lm = load_map("conll04")
    text = "Ana Quist was born in Marlow , Ohio , in 1890 ."
    marlow, ohio = (22, 28), (31, 35)
    assert conventional_spans(lm, text, [marlow, ohio], ["Loc", "Loc"]) == [(22, 35), (22, 35)]
    # elsewhere the gold splits "Town , State": so do the predictions
    other = "The plant in Marlow , Ohio , closed in 1990 ."
    assert conventional_spans(lm, other, [(13, 19), (22, 26)], ["Loc", "Loc"]) == [(13, 19), (22, 26)]
    assert conventional_spans(
        replace(lm, joined_places=frozenset()), text, [marlow, ohio], ["Loc", "Loc"]
    ) == [
        marlow,
        ohio,
    ]


def test_joined_birthplace_is_scored_as_the_gold_writes_it(tmp_path: Path) -> None:
    gold = [
        {
            "tokens": "In 1847 , inventor Ana Quist was born in Marlow , Ohio .".split(),
            "entities": [{"type": "Peop", "start": 4, "end": 6}, {"type": "Loc", "start": 9, "end": 12}],
            "relations": [{"type": "Live_In", "head": 0, "tail": 1}],
        }
    ]
    report = evaluate(write(tmp_path, gold)).as_dict()
    assert report["entities"]["Loc"]["tp"] == 1 and report["entities"]["Loc"]["fp"] == 0, report
    # "Marlow locatedIn Ohio" joins the span to itself: neither right nor wrong, not scored
    assert report["relations"].get("Located_In", {"fp": 0})["fp"] == 0, report
    assert report["relations"]["Live_In"]["tp"] == 1, report
