"""The three seed articles (../shared/corpus/seeds): each cleaned, with the kinds of removal recorded."""

from __future__ import annotations

from rashomon.ingest import iter_inputs, prepare
from rashomon.options import Options

from ..conftest import SEEDS, need


def test_seed_boilerplate_is_removed_and_recorded():
    need(SEEDS)
    docs = [prepare(raw, Options()) for raw in iter_inputs([SEEDS], Options())]
    assert len(docs) == 3 and all(d.language == "en" for d in docs)
    rules = [sorted({r.rule for r in d.removed}) for d in docs]
    assert "link_list" in rules[0]  # the trailing "Must Read" header
    assert {"dateline", "pull_quote", "author_bio"} <= set(rules[1])
    assert "caption" in rules[2]
    for d in docs:
        for r in d.removed:
            assert d.raw_text[r.start : r.end] == r.text and r.text.strip() not in d.text
    assert docs[1].published_how == "text" and docs[1].published
    assert docs[0].title and docs[2].title and docs[1].title is None
