"""Entity evaluation on ECB+ (a fixed subset: the first 3 topics; the command runs all)."""
from __future__ import annotations

import pytest

from rashomon.evaluate.entities import bcubed, evaluate
from rashomon.options import Options

from ..conftest import DATA, need

# Reached on topics 1-3: B-cubed F1 0.833, named recall 0.887, precision 0.420 (each minus ~0.02).
FLOORS = {"bcubed_f1": 0.81, "named_recall": 0.86, "precision": 0.40}


@pytest.mark.parametrize("pred, gold, f1", [
    ([1, 1, 2, 2], ["a", "a", "b", "b"], 1.0),
    ([1, 1, 1, 1], ["a", "a", "b", "b"], 0.6667),
    ([1, 2, 3, 4], ["a", "a", "b", "b"], 0.6667),
])
def test_bcubed(pred, gold, f1):
    assert bcubed(pred, gold)["f1"] == pytest.approx(f1, abs=1e-4)


@pytest.mark.slow
def test_ecbplus_entities_floor():
    result = evaluate(need(DATA / "ecbplus"), Options(), limit=3)
    assert result["bcubed"]["f1"] >= FLOORS["bcubed_f1"]
    assert result["bcubed"]["f1"] > result["baseline"]["bcubed"]["f1"]
    assert result["named_mention_recall"] >= FLOORS["named_recall"]
    assert result["mentions"]["precision"] >= FLOORS["precision"]
