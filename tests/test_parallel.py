"""The local worker pool stores exactly what the in-process path stores, in input order."""

from __future__ import annotations

import pytest

from rashomon import parallel, pipeline
from rashomon.extract import all_stages, quotes, todo
from rashomon.nlp import pipeline as pipeline_of
from rashomon.options import Options
from rashomon.parallel import extract_batch, extract_batches
from rashomon.store import Store
from rashomon.store.export import build
from tests.fictional import write_corpus


def _ingested(tmp_path, name: str) -> Store:
    store = Store(tmp_path / f"{name}.duckdb")
    pipeline.ingest(store, [write_corpus(tmp_path / "corpus", 12)], Options())
    return store


def _facts(store: Store) -> dict:
    data = build(store)
    return {k: data[k] for k in ("entities", "claims", "findings", "stories", "timeline", "framing")}


def test_extract_batches_keeps_input_order_in_process(nlp, tmp_path):
    store = _ingested(tmp_path, "order")
    batches = list(store.iter_pending(todo, 5))
    out = list(extract_batches(batches, Options(workers=1)))
    assert [b for b, _ in out] == [b for _, b in batches]
    assert [[x.doc for x in xs] for _, xs in out] == [[d.id for d in b] for _, b in batches]


def test_extract_batch_evidence_offsets_point_into_cleaned_text(nlp, tmp_path):
    store = _ingested(tmp_path, "offsets")
    _, docs = next(store.iter_pending(todo, 4))
    for doc, x in zip(docs, extract_batch(docs, Options())):
        assert x.doc == doc.id
        for item in (*x.mentions, *x.claims):
            assert doc.text[item.start : item.end] == item.text


@pytest.mark.slow
def test_two_workers_store_the_same_results_as_one(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "TASKS_PER_WORKER", 1)  # every batch in a fresh worker process
    one, two = _ingested(tmp_path, "one"), _ingested(tmp_path, "two")
    pipeline.analyze(one, Options(workers=1, batch_size=3))
    report = pipeline.analyze(two, Options(workers=2, batch_size=3))
    assert report.extracted == one.count("documents") == 12
    assert one.count("mentions") > 0
    assert _facts(two) == _facts(one)
    assert two.pending_count(todo) == 0


def _fail_on(monkeypatch, doc_id: str) -> None:
    """Make the quote extractor raise on one document."""
    extract = quotes.extract

    def flaky(sdoc, document, **kw):
        if document.id == doc_id:
            raise IndexError("list index out of range")
        return extract(sdoc, document, **kw)

    monkeypatch.setattr(quotes, "extract", flaky)


def test_a_document_an_extractor_fails_on_is_recorded_and_the_others_are_kept(nlp, tmp_path, monkeypatch):
    store = _ingested(tmp_path, "flaky")
    _, docs = next(store.iter_pending(todo, 4))
    good = extract_batch(docs, Options())
    _fail_on(monkeypatch, docs[1].id)
    out = extract_batch(docs, Options())
    assert [x.doc for x in out] == [d.id for d in docs]
    assert out[1].error.startswith("IndexError: list index out of range (at test_parallel.py:")
    assert not out[1].claims and not out[1].mentions
    assert [out[0], *out[2:]] == [good[0], *good[2:]]


def test_when_the_batched_model_pass_fails_only_the_bad_document_fails(tmp_path, monkeypatch):
    store = _ingested(tmp_path, "pipe")
    _, docs = next(store.iter_pending(todo, 4))
    good = extract_batch(docs, Options())
    longest = max(range(len(docs)), key=lambda i: len(docs[i].text))
    # a text over the model's max_length makes spaCy refuse the whole batch (its error E088)
    monkeypatch.setattr(pipeline_of(Options().model), "max_length", len(docs[longest].text) - 1)
    out = extract_batch(docs, Options())
    assert out[longest].error.startswith("ValueError: [E088]")
    assert [x for i, x in enumerate(out) if i != longest] == [x for i, x in enumerate(good) if i != longest]


def test_analyze_goes_on_past_a_failing_document_and_retries_it_next_time(nlp, tmp_path, monkeypatch):
    store = _ingested(tmp_path, "retry")
    bad = store.documents()[5]
    _fail_on(monkeypatch, bad.id)
    report = pipeline.analyze(store, Options(batch_size=4))
    assert (report.extracted, report.failed) == (11, 1)
    [error] = store.extraction_errors()
    assert (error.doc, error.source, error.stage, error.code) == (bad.id, bad.source, ",".join(all_stages()), "E402")
    assert "IndexError" in error.reason
    assert store.pending_count(todo) == 1 and store.count("findings") > 0
    assert not any(c.doc == bad.id for c in store.claims())

    monkeypatch.undo()
    report = pipeline.analyze(store, Options(batch_size=4))
    assert (report.extracted, report.failed) == (1, 0)
    assert store.extraction_errors() == [] and store.pending_count(todo) == 0
    assert any(c.doc == bad.id for c in store.claims())


def test_a_dead_corpus_stage_worker_is_reported_with_a_hint_about_partitions():
    """A partition worker killed (e.g. by the kernel's OOM killer) ends the stage with WorkerCrashed
    naming the corpus stage, and a hint about partitions rather than about documents."""
    import os

    from rashomon.parallel import WorkerCrashed, process_mapper

    with process_mapper(2) as mapper, pytest.raises(WorkerCrashed) as err:
        list(mapper(os._exit, [(3,), (3,)]))
    assert "corpus-stage worker" in str(err.value) and "partition" in err.value.hint
