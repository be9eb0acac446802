"""Stage versions that mean something: bumping one re-runs that stage (and the stages that read its
records) on stored documents, and only those; ``stage_runs`` says which version made what."""

from __future__ import annotations

from collections import Counter

import pytest

from rashomon import pipeline
from rashomon.crosscheck.passes import PASSES
from rashomon.extract import all_stages, todo
from rashomon.extract.components import COMPONENTS
from rashomon.options import Options
from rashomon.store import Store
from tests.fictional import write_corpus


@pytest.fixture()
def analyzed(tmp_path):
    store = Store(tmp_path / "v.duckdb")
    pipeline.ingest(store, [write_corpus(tmp_path / "corpus", 6)], Options())
    pipeline.analyze(store, Options(batch_size=4))
    return store


@pytest.fixture()
def runs(monkeypatch) -> Counter:
    """How many documents each component ran on from now on."""
    counts: Counter = Counter()
    for component in COMPONENTS.values():

        def counted(doc, run=component.run, name=component.stage_name):
            counts[name] += 1
            return run(doc)

        monkeypatch.setattr(component, "run", counted)
    return counts


def _stage_runs(store: Store) -> set[tuple[str, str]]:
    return set(store.query("SELECT doc, stage FROM stage_runs WHERE doc <> ''")[1])


def _claims(store: Store, kinds: set[str]) -> list:
    return [c for c in store.claims() if c.kind in kinds]


def test_a_second_analyze_extracts_nothing(analyzed, runs):
    report = pipeline.analyze(analyzed, Options())
    assert report.extracted == 0 and not runs
    docs = analyzed.doc_ids("seq")
    assert _stage_runs(analyzed) == {(d, s) for d in docs for s in all_stages()}
    corpus = {s for d, s in analyzed.query("SELECT doc, stage FROM stage_runs WHERE doc = ''")[1]}
    assert corpus == {f"corpus:{p.stage}" for p in PASSES}


def test_bumping_quotes_reruns_only_quotes(analyzed, runs, monkeypatch):
    docs = analyzed.doc_ids("seq")
    others = _claims(analyzed, {"quantity", "time", "event"})
    mentions = list(analyzed.mentions())
    old = COMPONENTS["rashomon_quotes"].stage
    monkeypatch.setattr(COMPONENTS["rashomon_quotes"], "stage", "quotes@99")
    assert analyzed.pending_count(todo) == len(docs)
    report = pipeline.analyze(analyzed, Options(batch_size=4))
    assert report.extracted == len(docs) and report.failed == 0
    assert runs == Counter({"quotes": len(docs)})
    stages = _stage_runs(analyzed)
    assert {(d, "quotes@99") for d in docs} <= stages and not any(s == old for _, s in stages)
    assert len(stages) == len(docs) * len(COMPONENTS)
    assert _claims(analyzed, {"quantity", "time", "event"}) == others and list(analyzed.mentions()) == mentions
    assert _claims(analyzed, {"quote"})  # re-extracted, not dropped
    assert analyzed.pending_count(todo) == 0


def test_bumping_time_reruns_time_and_the_stages_that_read_it(analyzed, runs, monkeypatch):
    docs = analyzed.doc_ids("seq")
    quotes = _claims(analyzed, {"quote"})
    before = all_stages()
    monkeypatch.setattr(COMPONENTS["rashomon_time"], "stage", "time@99")
    readers = tuple(COMPONENTS[f"rashomon_{n}"].stage for n in ("quantities", "events"))
    assert todo(before) == ("time@99", *readers)
    pipeline.analyze(analyzed, Options())
    assert runs == Counter({"time": len(docs), "quantities": len(docs), "events": len(docs)})
    assert _claims(analyzed, {"quote"}) == quotes


def test_a_store_from_before_versions_reextracts_only_the_stages_bumped_since(analyzed, runs):
    """A schema-2 store recorded one 'extract@1' row per document; it meant version 1 of every stage."""
    docs = analyzed.doc_ids("seq")
    path = analyzed.path
    with analyzed.connect(write=True) as con:
        con.execute("DELETE FROM stage_runs")
        con.execute("INSERT INTO stage_runs SELECT id, 'extract@1' FROM documents")
        con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    store = Store(path)  # migrates
    version_1 = {"time@1", "entities@1", "quantities@1", "quotes@1", "events@1"}  # what 'extract@1' meant
    bumped = {s.split("@")[0] for s in all_stages() if s not in version_1}
    assert {"quotes", "casualties"} <= bumped  # quotes is at version 2; casualties is a stage added since
    rerun = {s.split("@")[0] for s in todo(version_1)}  # the bumped ones and the stages that read them
    assert bumped <= rerun
    pipeline.analyze(store, Options())
    assert set(runs) == rerun and all(n == len(docs) for n in runs.values())
    assert _stage_runs(store) == {(d, s) for d in docs for s in all_stages()}
