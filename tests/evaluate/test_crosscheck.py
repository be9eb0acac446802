"""The cross-source judgement against the hand-made ECB+ facts (``rashomon eval crosscheck --data
../shared/data/ecbplus-facts``: the whole gold corpus, scored by the gold's own score.py)."""

from __future__ import annotations

import pytest

from rashomon.evaluate.crosscheck import evaluate, summary
from rashomon.options import Options

from ..conftest import DATA, need

# Reached on all six topics (72 facts, 11 traps) at crosscheck@36: 49 facts right, 55 linked, every trap kept apart.
FLOORS = {"right": 48, "linked": 54, "traps_kept_apart": 11}


def test_summary_counts_outcomes_and_statuses():
    results = [
        {"trap": False, "outcome": "right", "expected": "agree"},
        {"trap": False, "outcome": "wrong_status", "expected": "conflict"},
        {"trap": False, "outcome": "missed", "expected": "conflict"},
        {"trap": True, "outcome": "right", "expected": "scope_difference"},
    ]
    s = summary(results, [{"status": "agree"}, {"status": "agree"}, {"status": "conflict"}])
    assert (s["facts"], s["right"], s["linked"], s["missed"], s["traps_kept_apart"]) == (3, 1, 2, 1, 1)
    assert s["right_by_expected"] == {"agree": "1/1", "conflict": "0/2"}
    assert s["findings"] == {"agree": 2, "conflict": 1}


@pytest.mark.slow
def test_ecbplus_facts_floor():
    result = evaluate(need(DATA / "ecbplus-facts"), Options())
    assert result["right"] >= FLOORS["right"], result
    assert result["linked"] >= FLOORS["linked"], result
    assert result["traps_kept_apart"] >= FLOORS["traps_kept_apart"], result


def test_gva_figures_tied_across_an_incidents_articles():
    from rashomon.evaluate.crosscheck import score_gva

    gold = {
        "i1": {"documents": ["a1", "a2"], "killed": 2, "injured": 0},
        "i2": {"documents": ["b1", "b2"], "killed": 1, "injured": 0},
    }
    export = {
        "claims": [{"id": "c1", "doc": "d1"}, {"id": "c2", "doc": "d2"}],
        "findings": [
            {"kind": "quantity", "key": "kill/people", "status": "agree", "claims": ["c1", "c2"],
             "independent_sources": [{"value": "2"}]},
        ],
    }  # fmt: skip
    out = score_gva(gold, ["i1", "i2"], export, {"d1": ["a1"], "d2": ["a2"]})
    assert out["killed"] == {"incidents": 2, "tied": 0.5, "agree_right": 1.0, "statuses": {"agree": 1}}
    assert out["injured"]["incidents"] == 0
