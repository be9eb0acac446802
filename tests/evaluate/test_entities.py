"""Entity evaluation on ECB+ (a fixed subset: the first 3 topics; the command runs all)."""

from __future__ import annotations

import pytest

from rashomon.evaluate.ecbplus import EcbDocument, GoldMention
from rashomon.evaluate.entities import bcubed, evaluate, score
from rashomon.options import Options
from rashomon.records import Entity, Mention

from ..conftest import DATA, need

# Reached on topics 1-3: B-cubed F1 0.880 (linked gold; 0.871 with unlinked gold as singletons), named
# recall 0.887, mention precision 0.421 (each minus ~0.02).
FLOORS = {"bcubed_f1": 0.86, "bcubed_all_gold_f1": 0.85, "named_recall": 0.86, "precision": 0.40}


@pytest.mark.parametrize(
    "pred, gold, f1",
    [
        ([1, 1, 2, 2], ["a", "a", "b", "b"], 1.0),
        ([1, 1, 1, 1], ["a", "a", "b", "b"], 0.6667),
        ([1, 2, 3, 4], ["a", "a", "b", "b"], 0.6667),
    ],
)
def test_bcubed(pred, gold, f1):
    assert bcubed(pred, gold)["f1"] == pytest.approx(f1, abs=1e-4)


@pytest.mark.slow
def test_ecbplus_entities_floor():
    result = evaluate(need(DATA / "ecbplus"), Options(), limit=3)
    assert result["bcubed"]["f1"] >= FLOORS["bcubed_f1"]
    assert result["bcubed_all_gold"]["f1"] >= FLOORS["bcubed_all_gold_f1"]
    assert result["bcubed"]["f1"] > result["baseline"]["bcubed"]["f1"]
    assert result["named_mention_recall"] >= FLOORS["named_recall"]
    assert result["mentions"]["precision"] >= FLOORS["precision"]


def test_score_keeps_unlinked_gold_out_and_scores_within_topics():
    text = "Kel Varo met Kel Varo."
    docs = [
        EcbDocument(
            f"{t}_1ecb",
            t,
            t,
            text,
            None,
            (
                GoldMention(f"{t}_1ecb:1", f"{t}_1ecb", 0, 7, "HUMAN_PART_PER", f"HUM{t}"),
                GoldMention(f"{t}_1ecb:2", f"{t}_1ecb", 12, 19, "HUMAN_PART_PER", f"{t}_1ecb:2"),
            ),
        )
        for t in ("1", "2")
    ]
    found = [Mention(d.id, s, s + 7, "Kel Varo", "PERSON") for d in docs for s in (0, 12)]
    one = [Entity("e1", "Kel Varo", "PERSON", ("Kel Varo",), tuple(found))]
    result = score(docs, found, one)
    assert result["bcubed"]["f1"] == 1.0  # unlinked gold left out; topics 1 and 2 never compared
    assert result["bcubed_all_gold"]["precision"] == 0.5  # the unlinked mention counts as its own singleton
