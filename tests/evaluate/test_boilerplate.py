"""Boilerplate eval on article-extraction: pinned floors (reached - 0.02) and ours >= trafilatura.

Floors were measured on the first 60 pages (sorted names) to keep CI short:
rashomon F1 0.9577 (P 0.9553, R 0.9687), trafilatura F1 0.9434. The full 181 pages
(``rashomon eval boilerplate --data ../shared/data/article-extraction``) give 0.9563 vs 0.9445.
"""

from __future__ import annotations

from rashomon.evaluate.boilerplate import evaluate, score, shingles
from rashomon.options import Options

from ..conftest import DATA, need

SUBSET = 60


def test_score_counts_shingles_as_a_multiset():
    assert shingles("A b c a b c") == {("a", "b", "c"): 2, ("b", "c", "a"): 1, ("c", "a", "b"): 1}
    assert score("one two three", "one two three")["f1"] == 1.0
    half = score("one two three four", "one two three five six")
    assert half["precision"] == 0.5 and half["recall"] == 1 / 3
    assert score("", "gold text here")["f1"] == 0.0


def test_floor_and_not_worse_than_trafilatura():
    data = need(DATA / "article-extraction")
    result = evaluate(data, Options(), limit=SUBSET)
    assert result["documents"] == SUBSET
    assert result["rashomon"]["f1"] >= 0.9377
    assert result["rashomon"]["precision"] >= 0.9353 and result["rashomon"]["recall"] >= 0.9487
    assert result["rashomon"]["f1"] >= result["trafilatura"]["f1"]
