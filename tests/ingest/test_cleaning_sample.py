"""The hand-checked sample of cleaning on GVA held-out articles (``scripts/cleaning_sample.py``): the
removed lines judged *story* stay at or under the floor, and no removed line goes unjudged (a rule that
starts removing new lines must have them read and judged first)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from ..conftest import DATA, ROOT, need

SCRIPT = ROOT / "scripts" / "cleaning_sample.py"
LABELS = ROOT / "tests" / "data" / "cleaning-gva-heldout.json"


def _script():
    spec = importlib.util.spec_from_file_location("cleaning_sample", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_judgements_hold_digests_not_text():
    labels = json.loads(LABELS.read_text())
    for doc in labels["docs"].values():
        assert all(len(d) == 12 and int(d, 16) >= 0 for d in [*doc["removed"], *doc["missed"]])
        assert set(doc["removed"].values()) <= {"furniture", "story"}


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_cleaning_precision_on_the_hand_checked_sample(seed):
    data = need(DATA / "gva" / "dev" / "documents.jsonl")
    result = _script().score(data, json.loads(LABELS.read_text()), 60, seed)
    assert result["unjudged"] == 0, "judge the newly removed lines: scripts/cleaning_sample.py --show"
    assert result["precision"] >= 0.98
    assert result["recall"] >= 0.80
