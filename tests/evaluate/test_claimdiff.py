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
    return {
        "topic": "t",
        "date": "2025-05-04",
        "pair_id": pid,
        "claim_a": a,
        "claim_b": b,
        "article_a": "x",
        "article_b": "y",
        "relation": rel,
        "rationale": [],
    }


def test_labels_and_reversed_pairs(tmp_path):
    a = "9 people were killed in the strike on the market on Saturday."
    b = "12 people were killed in the strike on the market on Saturday."
    c = "The mayor visited a school."
    _write(
        tmp_path,
        [_row("p1", a, b, 1), _row("p1_rev", b, a, 1), _row("p2", a, a, 0), _row("p3", a, c, 0)],
        [_row("p1", a, b, 0), _row("p1_rev", b, a, 0), _row("p2", a, a, 1), _row("p3", a, c, 0)],
    )
    labels = {p["pair_id"]: p["label"] for p in claimdiff.load_pairs(tmp_path)}
    assert labels == {"p1": "weaken", "p2": "strengthen", "p3": "unrelated"}


def test_missing_files_say_where(tmp_path):
    from rashomon.errors import UsageError

    with pytest.raises(UsageError, match="claimdiff"):
        claimdiff.load_pairs(tmp_path)


def test_lexical_reference():
    assert claimdiff.lexical_linked(
        "Protesters marched through Louisville on Friday night.", "Protesters marched through Louisville on Friday."
    )
    assert not claimdiff.lexical_linked("Protesters marched.", "The senator voted against the bill.")


def test_floors_on_real_data():
    """Floors = reached − 0.02 on the first 400 pairs (full set: `rashomon eval claimdiff`).
    The structural linker speaks only to numeric claims (coverage is tiny on this prose-heavy
    set), so what is pinned is that it never links unrelated pairs; the statement linker
    must link a good share of related pairs, well above the base rate."""
    result = claimdiff.evaluate(need(DATA / "claimdiff"), Options(), limit=400)
    assert result["pairs"] == 400
    assert result["structural"]["false_links"] == 0
    assert result["lexical"]["precision"] >= 0.98
    assert result["base_rate"] == pytest.approx(0.8, abs=0.05)
    # the prose statement linker (reached on these 400: P 0.939, R 0.426, F1 0.586, 147 linked,
    # agree/conflict said on 2 related pairs, both right: it judges little, by design); its thresholds were
    # chosen on pair ids 0-7, which the first 400 pairs all are; the full run reports the held-out half too
    st = result["statement"]
    assert st["precision"] >= 0.91
    assert st["recall"] >= 0.40
    assert st["f1"] >= 0.56
    assert st["f1"] >= result["lexical"]["f1"] + 0.4
    assert st["precision"] > result["base_rate"] + 0.08  # better than linking everything
    assert st["verdict_pairs"] >= 1 and st["verdict_accuracy"] >= 0.5


def test_statement_system_on_fixture(tmp_path):
    """Two wordings of one fictional statement are linked; unrelated pairs are not (the filler
    pairs give the corpus enough sentences for its IDF weights to mean something)."""
    a = "The Port Aven council approved the new harbour wall after a long night of debate."
    b = "After hours of debate the Port Aven council approved a new harbour wall for the fishing fleet."
    c = "Tourists crowded the pier to watch the sardine boats come home."
    d = "A bakery opened near the square, selling bread baked in an old stone oven."
    filler = [
        "Rain fell over the coastal hills all week.",
        "Ferries kept their winter timetable until March.",
        "Schools closed early for the lantern festival.",
        "The museum repainted its northern wing.",
        "A choir rehearsed in the lighthouse chapel.",
        "Gulls nested on the customs house roof.",
        "The tram line reopened after the flood.",
        "Farmers sold apples from carts by the bridge.",
    ]
    extra = [_row(f"0{i}", filler[i], filler[i + 1], 0) for i in range(0, 8, 2)]
    rows_w = [_row("a1", a, b, 0), _row("b2", c, d, 0), _row("93", a, d, 0)] + extra
    rows_s = [_row("a1", a, b, 1), _row("b2", c, d, 0), _row("93", a, d, 0)] + extra
    _write(tmp_path, rows_w, rows_s)
    result = claimdiff.evaluate(tmp_path, Options())
    st = result["statement"]
    assert (st["linked"], st["precision"], st["recall"], st["false_links"]) == (1, 1.0, 1.0, 0)
    assert st["heldout"]["linked"] == 1 and st["dev"]["linked"] == 0
    assert claimdiff.is_dev({"pair_id": "7f"}) and not claimdiff.is_dev({"pair_id": "a1"})
