"""Story grouping evaluation on ECB+ (a fixed subset: the first 3 topics; the command runs all)."""

from __future__ import annotations

import pytest

from rashomon.evaluate.stories import adjusted_rand, evaluate
from rashomon.options import Options

from ..conftest import DATA, need

# Reached on topics 1-3: B-cubed F1 0.598, ARI 0.469 (minus ~0.02); topics 1-12: 0.86 / 0.83.
FLOORS = {"bcubed_f1": 0.57, "ari": 0.44}


@pytest.mark.parametrize(
    "pred, gold, ari",
    [
        ([1, 1, 2, 2], ["a", "a", "b", "b"], 1.0),
        ([2, 2, 1, 1], ["a", "a", "b", "b"], 1.0),
        ([1, 1, 2, 2, 3, 3], ["a", "a", "a", "b", "b", "b"], 0.2424),
    ],
)
def test_adjusted_rand(pred, gold, ari):
    assert adjusted_rand(pred, gold) == pytest.approx(ari, abs=1e-4)


@pytest.mark.slow
def test_ecbplus_stories_floor():
    result = evaluate(need(DATA / "ecbplus"), Options(), limit=3)
    assert result["topic"]["bcubed"]["f1"] >= FLOORS["bcubed_f1"]
    assert result["topic"]["ari"] >= FLOORS["ari"]
