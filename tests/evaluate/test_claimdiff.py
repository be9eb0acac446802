"""ClaimDiff evaluator: label reading on a hand-written fixture, and pinned numbers on the real data."""
from __future__ import annotations

import json

import pytest

from rashomon.evaluate import claimdiff
from rashomon.options import Options
from tests.conftest import DATA, need


def _write(tmp_path, rows_weak, rows_strong):
    for name, rows in zip(claimdiff.FILES, (rows_weak, rows_strong)):
        (tmp_path / name).write_text(json.dumps({"data": rows, "ver": "test"}), "utf-8")


def _row(pid, a, b, rel):
    return {"topic": "t", "date": "2025-05-04", "pair_id": pid, "claim_a": a, "claim_b": b, "article_a": "x",
            "article_b": "y", "relation": rel, "rationale": []}


def test_labels_and_reversed_pairs(tmp_path):
    a = "9 people were killed in the strike on the market on Saturday."
    b = "12 people were killed in the strike on the market on Saturday."
    c = "The mayor visited a school."
    _write(tmp_path,
           [_row("p1", a, b, 1), _row("p1_rev", b, a, 1), _row("p2", a, a, 0), _row("p3", a, c, 0)],
           [_row("p1", a, b, 0), _row("p1_rev", b, a, 0), _row("p2", a, a, 1), _row("p3", a, c, 0)])
    labels = {p["pair_id"]: p["label"] for p in claimdiff.load_pairs(tmp_path)}
    assert labels == {"p1": "weaken", "p2": "strengthen", "p3": "unrelated"}


def test_missing_files_say_where(tmp_path):
    from rashomon.errors import UsageError
    with pytest.raises(UsageError, match="claimdiff"):
        claimdiff.load_pairs(tmp_path)


def test_lexical_reference():
    assert claimdiff.lexical_linked("Protesters marched through Louisville on Friday night.",
                                    "Protesters marched through Louisville on Friday.")
    assert not claimdiff.lexical_linked("Protesters marched.", "The senator voted against the bill.")


def test_floors_on_real_data():
    """Floors = reached − 0.02 on the first 400 pairs (full set: `rashomon eval claimdiff`).
    The structural linker speaks only to numeric claims (coverage is tiny on this prose-heavy
    set), so what is pinned is that it never links unrelated pairs."""
    result = claimdiff.evaluate(need(DATA / "claimdiff"), Options(), limit=400)
    assert result["pairs"] == 400
    assert result["structural"]["false_links"] == 0
    assert result["lexical"]["precision"] >= 0.98
    assert result["base_rate"] == pytest.approx(0.8, abs=0.05)
