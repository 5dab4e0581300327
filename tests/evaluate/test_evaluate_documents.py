"""kg eval on document-level gold: name matching, uncertain items, families, alternatives, bad gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError
from kg.evaluate import gold_kind
from kg.evaluate.docgold import name_forms, normalise, parse_story
from kg.evaluate.documents import score_records

TEXT = (
    "Norwind Corp accused Kestrel Data Inc of dumping. Mr Ana Quist, Kestrel's chairman, denied it. "
    "The Tanner Union urged the Trade Office to act."
)


def story(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "entities": [
            {"name": "Norwind", "type": "Company", "aliases": ["Norwind Corp"]},
            {"name": "Kestrel Data", "type": "Company", "aliases": ["Kestrel Data Inc", "Kestrel"]},
            {"name": "Ana Quist", "type": "Person", "aliases": ["Quist"]},
            {"name": "Tanner Union", "type": "TradeAssociation", "aliases": ["Tanner Union"]},
            {"name": "Trade Office", "type": "Organization", "aliases": ["Trade Office"]},
        ],
        "relations": [
            {
                "head": ["Norwind"],
                "type": "accuses",
                "tail": ["Kestrel Data"],
                "evidence": "Norwind Corp accused",
            },
            {
                "head": ["Ana Quist", "Kestrel Data"],
                "type": "respondsTo",
                "tail": ["Norwind"],
                "evidence": "denied",
            },
            {"head": ["Tanner Union"], "type": "urges", "tail": ["Trade Office"], "evidence": "urged"},
            {"head": ["Ana Quist"], "type": "leads", "tail": ["Kestrel Data"], "evidence": "chairman"},
        ],
    }
    data.update(overrides)
    return data


def mention(text: str, iri: str, type_: str = "Company", kind: str = "name") -> dict[str, Any]:
    start = TEXT.find(text)
    return {"start": start, "end": start + len(text), "text": text, "type": type_, "iri": iri, "kind": kind}


MENTIONS = [
    mention("Norwind Corp", "org:norwind"),
    mention("Kestrel Data Inc", "org:kestrel"),
    mention("Mr Ana Quist", "person:quist", "Person"),
    mention("Kestrel", "org:kestrel"),
    mention("Tanner Union", "org:tanner", "TradeAssociation"),
    mention("Trade Office", "org:office", "GovernmentAgency"),
]


def score(
    gold: dict[str, Any], relations: list[dict[str, Any]], mentions: list[dict[str, Any]] | None = None
):
    stories = {"s1": parse_story("s1", gold)}
    record = {"id": "s1", "entities": mentions or MENTIONS, "relations": relations}
    return score_records(stories, [record], {"s1": TEXT})


def rel(head: int, type_: str, tail: int, **extra: Any) -> dict[str, Any]:
    return {"head": head, "tail": tail, "type": type_, "confidence": 0.8, **extra}


def test_names_match_after_normalising() -> None:
    assert normalise("  The  Reuters' ") == "reuters"
    assert normalise("(Kestrel's)") == "kestrel"
    assert "ana quist" in name_forms("Mr. Ana Quist")
    assert "blair" in name_forms("Prime Minister Blair")


def test_everything_right() -> None:
    report = score(
        story(), [rel(0, "accuses", 1), rel(2, "respondsTo", 0), rel(4, "urges", 5), rel(2, "leads", 1)]
    )
    d = report.as_dict()
    assert d["events"]["f1"] == 1.0 and d["relations"]["f1"] == 1.0
    assert d["entities"] == {
        "recall": 1.0,
        "precision": 1.0,
        "type_accuracy": 1.0,  # GovernmentAgency is an Organization: accepted where gold says Organization
        "split": 0,
        "gold": 5,
        "found": 5,
        "predicted": 5,
        "right": 5,
    }


def test_a_listed_alternative_head_matches_and_the_gold_counts_once() -> None:
    # Both the person and the company answering are acceptable heads: two right predictions,
    # one gold relation found.
    report = score(story(), [rel(2, "respondsTo", 0), rel(1, "respondsTo", 0)])
    fam = report.families["respondsTo"]
    assert (fam.pred_right, fam.pred_wrong, fam.gold_found, fam.gold_missed) == (2, 0, 1, 0)


def test_wrong_direction_and_missing_relations_count_against() -> None:
    report = score(story(), [rel(1, "accuses", 0)])
    acc = report.families["accuses"]
    assert (acc.pred_right, acc.pred_wrong, acc.gold_found, acc.gold_missed) == (0, 1, 0, 1)
    kinds = sorted((d.kind, d.what) for d in report.details)
    assert ("wrong", "Kestrel Data Inc accuses Norwind Corp") in kinds
    assert ("missed", "Tanner Union urges Trade Office") in kinds
    wrong = next(d for d in report.details if d.kind == "wrong")
    assert (
        wrong.what == "Kestrel Data Inc accuses Norwind Corp" and "accused Kestrel Data Inc" in wrong.sentence
    )


def test_uncertain_gold_is_neither_required_nor_held_against() -> None:
    gold = story()
    gold["relations"][2]["uncertain"] = True  # the urging
    report = score(gold, [rel(4, "urges", 5)])
    urg = report.families["urges"]
    assert (urg.pred_right, urg.pred_wrong, urg.gold_found, urg.gold_missed) == (0, 0, 0, 0)
    gold["entities"][4]["uncertain"] = True  # the Trade Office
    ents = score(gold, []).entities
    assert ents.gold == 4 and ents.predicted == 5 - 1  # its prediction is left out of precision


def test_families_member_of_reads_as_represents_and_alliances_either_way() -> None:
    gold = story(
        relations=[
            {"head": ["Norwind"], "type": "memberOf", "tail": ["Tanner Union"]},
            {"head": ["Norwind"], "type": "alliedWith", "tail": ["Kestrel Data"]},
        ]
    )
    report = score(gold, [rel(4, "represents", 0), rel(1, "cooperatesWith", 0)])
    assert report.families["represents"].gold_found == 1
    assert report.families["alliance"].gold_found == 1
    assert report.combined(["represents", "alliance"]).precision == 1.0


def test_references_count_through_their_iri_and_duplicates_are_scored_once() -> None:
    mentions = [*MENTIONS, mention("it", "org:norwind", kind="reference")]
    mentions[-1]["start"], mentions[-1]["end"] = TEXT.find("it."), TEXT.find("it.") + 2
    report = score(story(), [rel(2, "respondsTo", 6), rel(2, "respondsTo", 0)], mentions)
    fam = report.families["respondsTo"]
    assert (fam.pred_right, fam.pred_wrong, fam.gold_found) == (1, 0, 1)
    # A reference is not a name: an entity known only by references matches nothing.
    only_ref = [*MENTIONS[:5], mention("Trade Office", "org:office", "GovernmentAgency", kind="reference")]
    assert score(story(), [], only_ref).entities.found == 4


def test_split_entities_and_types() -> None:
    mentions = [*MENTIONS[:3], mention("Kestrel", "org:kestrel-2", "Person"), *MENTIONS[4:]]
    ents = score(story(), [], mentions).entities
    assert ents.split == 1  # Kestrel Data under two IRIs
    assert ents.right == 6 and ents.typed == 5  # "Kestrel" typed Person is counted wrong


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"entities": [{"name": "A", "type": "Firm", "aliases": []}], "relations": []}, "class 'Firm'"),
        ({"entities": [], "relations": [{"head": ["A"], "type": "accuses", "tail": ["B"]}]}, "names 'A'"),
        ({"entities": [], "relations": [{"head": [], "type": "owns", "tail": []}]}, "relation type 'owns'"),
        ({"relations": []}, "malformed"),
    ],
)
def test_bad_gold_names_the_story(tmp_path: Path, bad: dict[str, Any], message: str) -> None:
    gold = tmp_path / "x.gold.json"
    gold.write_text(json.dumps({"documents": {"good": story(), "story-7": bad}}), encoding="utf-8")
    (tmp_path / "x.jsonl").write_text(json.dumps({"id": "good", "text": TEXT}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold)])
    assert result.exit_code == 2
    assert "story 'story-7'" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_gold_kind_by_shape(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("[]", encoding="utf-8")
    (tmp_path / "b.json").write_text('{"documents": {}}', encoding="utf-8")
    (tmp_path / "c.json").write_text('{"stories": {}}', encoding="utf-8")
    assert gold_kind(tmp_path / "a.json") == "spert"
    assert gold_kind(tmp_path / "b.json") == "documents"
    with pytest.raises(InputError, match="not SpERT JSON"):
        gold_kind(tmp_path / "c.json")


def test_cli_extracts_the_stories_and_reports(tmp_path: Path) -> None:
    text = "The Rye Growers Union sued Fallow Mills Inc on Monday over unpaid bills."
    gold = {
        "entities": [
            {"name": "Rye Growers Union", "type": "TradeAssociation", "aliases": ["Rye Growers Union"]},
            {"name": "Fallow Mills", "type": "Company", "aliases": ["Fallow Mills Inc"]},
        ],
        "relations": [{"head": ["Rye Growers Union"], "type": "accuses", "tail": ["Fallow Mills"]}],
    }
    (tmp_path / "g.gold.json").write_text(json.dumps({"documents": {"d1": gold}}), encoding="utf-8")
    stories = tmp_path / "stories.jsonl"
    stories.write_text(json.dumps({"id": "d1", "text": text}) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(tmp_path / "g.gold.json"), "--input", str(stories), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["events"]["f1"] == 1.0 and data["entities"]["recall"] == 1.0
    # The same through saved kg extract records.
    records = tmp_path / "rec.jsonl"
    assert runner.invoke(cli, ["extract", str(stories), "-o", str(records)]).exit_code == 0
    again = runner.invoke(
        cli,
        ["eval", str(tmp_path / "g.gold.json"), "--input", str(stories), "--records", str(records), "--json"],
    )
    assert json.loads(again.stdout)["events"] == data["events"]
    # No stories given and none beside the gold: a one-line error.
    (tmp_path / "h.gold.json").write_text(json.dumps({"documents": {"d1": gold}}), encoding="utf-8")
    missing = runner.invoke(cli, ["eval", str(tmp_path / "h.gold.json")])
    assert missing.exit_code == 2 and "--input" in missing.stderr
    # A gold story that is not among the stories is an error, not a silent zero.
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "d2", "text": text}) + "\n", encoding="utf-8")
    absent = runner.invoke(cli, ["eval", str(tmp_path / "g.gold.json"), "--input", str(other)])
    assert absent.exit_code == 2 and "story 'd1'" in absent.stderr


def test_details_list_missed_relations_with_their_story(tmp_path: Path) -> None:
    gold = {
        "entities": [
            {"name": "Rye Growers Union", "type": "TradeAssociation", "aliases": ["Rye Growers Union"]},
            {"name": "Fallow Mills", "type": "Company", "aliases": ["Fallow Mills"]},
        ],
        "relations": [
            {
                "head": ["Fallow Mills"],
                "type": "urges",
                "tail": ["Rye Growers Union"],
                "evidence": "Fallow Mills pressed the union",
            }
        ],
    }
    (tmp_path / "g.gold.json").write_text(json.dumps({"documents": {"d1": gold}}), encoding="utf-8")
    (tmp_path / "g.jsonl").write_text(
        json.dumps({"id": "d1", "text": "The Rye Growers Union met Fallow Mills."}) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "g.gold.json"), "--details"])
    assert result.exit_code == 0, result.stderr
    assert "d1\tmissed\tFallow Mills urges Rye Growers Union\tFallow Mills pressed the union" in result.stdout
