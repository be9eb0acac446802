"""The cross-source judgement against the hand-made ECB+ facts (``rashomon eval crosscheck --data
../shared/data/ecbplus-facts``: the whole gold corpus, scored by the gold's own score.py)."""

from __future__ import annotations

import pytest

from rashomon.evaluate.crosscheck import evaluate, summary
from rashomon.options import Options

from ..conftest import DATA, need

# Reached on all six topics (72 facts, 11 traps): 28 facts right, 40 linked, every trap kept apart.
FLOORS = {"right": 26, "linked": 37, "traps_kept_apart": 11}


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
