"""The local worker pool stores exactly what the in-process path stores, in input order."""
from __future__ import annotations

import pytest
from tests.fictional import write_corpus

from rashomon import parallel, pipeline
from rashomon.options import Options
from rashomon.parallel import extract_batch, extract_batches
from rashomon.store import Store
from rashomon.store.export import build


def _ingested(tmp_path, name: str) -> Store:
    store = Store(tmp_path / f"{name}.duckdb")
    pipeline.ingest(store, [write_corpus(tmp_path / "corpus", 12)], Options())
    return store


def _facts(store: Store) -> dict:
    data = build(store)
    return {k: data[k] for k in ("entities", "claims", "findings", "stories", "timeline", "framing")}


def test_extract_batches_keeps_input_order_in_process(nlp, tmp_path):
    store = _ingested(tmp_path, "order")
    batches = list(store.iter_pending("extract@1", 5))
    out = list(extract_batches(batches, Options(workers=1)))
    assert [b for b, _ in out] == batches
    assert [[x.doc for x in xs] for _, xs in out] == [[d.id for d in b] for b in batches]


def test_extract_batch_evidence_offsets_point_into_cleaned_text(nlp, tmp_path):
    store = _ingested(tmp_path, "offsets")
    docs = next(store.iter_pending("extract@1", 4))
    for doc, x in zip(docs, extract_batch(docs, Options())):
        assert x.doc == doc.id
        for item in (*x.mentions, *x.claims):
            assert doc.text[item.start:item.end] == item.text


@pytest.mark.slow
def test_two_workers_store_the_same_results_as_one(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "TASKS_PER_WORKER", 1)  # every batch in a fresh worker process
    one, two = _ingested(tmp_path, "one"), _ingested(tmp_path, "two")
    pipeline.analyze(one, Options(workers=1, batch_size=3))
    report = pipeline.analyze(two, Options(workers=2, batch_size=3))
    assert report.extracted == one.count("documents") == 12
    assert one.count("mentions") > 0
    assert _facts(two) == _facts(one)
    assert two.pending_count("extract@1") == 0
