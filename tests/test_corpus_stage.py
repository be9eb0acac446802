"""The bounded-memory corpus stage stores exactly what one whole-corpus pass stores.

``whole_corpus`` walks the corpus passes with the whole corpus as one part
(:data:`rashomon.crosscheck.build.WHOLE`: every mention, claim and document of a pass in memory at
once). The partitioned stage (tiny batches and partitions here, so that every key and story is
spread over several of them) must give the same export, whatever the crosscheck functions do.
"""

from __future__ import annotations

import shutil

import pytest

from rashomon import pipeline
from rashomon.crosscheck import passes, quotes as quotes_x, statements, stories
from rashomon.crosscheck.build import WHOLE, Limits
from rashomon.options import Options
from rashomon.records import Document, Entity, Mention, Story, stable_id
from rashomon.store import Store, scratch as scratch_mod
from rashomon.store.export import build
from rashomon.store.scratch import Scratch
from tests.conftest import EXAMPLES, SEEDS
from tests.fictional import write_corpus


def whole_corpus(store: Store, options: Options) -> None:
    pipeline.corpus(store, options, limits=WHOLE)


def _facts(store: Store) -> dict:
    data = build(store)
    return {k: data[k] for k in ("documents", "entities", "claims", "findings", "stories", "timeline", "framing")}


@pytest.fixture(scope="module")
def analyzed(nlp, tmp_path_factory):
    """The demo corpus, the seed articles when present, and fictional articles, extracted once."""
    folder = tmp_path_factory.mktemp("corpus")
    inputs = [EXAMPLES / "demo", write_corpus(folder / "fictional", 16)]
    if SEEDS.exists():
        inputs.append(SEEDS)
    db = folder / "base.duckdb"
    store = Store(db)
    pipeline.ingest(store, inputs, Options())
    pipeline.analyze(store, Options(batch_size=8))
    return db


# second case: no two documents form a story (every document is alone in its story, and their statements
# are linked in groups of documents), and many statement index items are held by too many statements;
# third case: the partitions run in two worker processes (the local engine's --workers 2); fourth case: quote
# blocking components capped at two quotes and shingles in more than three quotes too common to block on
@pytest.mark.parametrize(
    "alone,workers,capped", [(False, 1, False), (True, 1, False), (False, 2, False), (False, 1, True)]
)
def test_partitioned_corpus_stage_equals_whole_corpus_pass(analyzed, tmp_path, monkeypatch, alone, workers, capped):
    if capped:
        monkeypatch.setattr(quotes_x, "MAX_COMPONENT", 2)
        monkeypatch.setattr(quotes_x, "MAX_POSTINGS", 3)
    if alone:
        monkeypatch.setattr(stories, "THRESHOLD", 1.01)
        monkeypatch.setattr(statements, "MAX_POSTINGS", 6)
    whole, parts = tmp_path / "whole.duckdb", tmp_path / "parts.duckdb"
    shutil.copy(analyzed, whole)
    shutil.copy(analyzed, parts)
    whole_corpus(Store(whole), Options())
    monkeypatch.setattr(scratch_mod, "PAIR_CHUNK", 4)
    report = pipeline.corpus(Store(parts), Options(workers=workers), limits=Limits(documents=3, claims=5))
    expected = _facts(Store(whole))
    assert _facts(Store(parts)) == expected
    assert report.findings == len(expected["findings"]) and report.stories == len(expected["stories"])
    assert expected["findings"] and expected["timeline"] and expected["framing"]
    if alone:
        assert not expected["stories"] or all(len(s["docs"]) == 1 for s in expected["stories"])
        assert any(f["kind"] == "statement" for f in expected["findings"])
    if capped:
        assert any(f["kind"] == "quote" for f in expected["findings"])


def test_readers_see_the_old_corpus_result_until_commit(analyzed, tmp_path):
    db = tmp_path / "s.duckdb"
    shutil.copy(analyzed, db)
    store = Store(db)
    before = _facts(store)
    store.begin_corpus()
    store.stage_stories([Story("s_x", "x", ("d_x",))])
    store.stage_findings([], 0)
    assert _facts(store) == before  # staged, not visible
    store.abort_corpus()
    assert _facts(store) == before
    assert not store.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE '_build%'")[1]


def test_failed_corpus_stage_leaves_the_previous_result(analyzed, tmp_path, monkeypatch):
    db = tmp_path / "f.duckdb"
    shutil.copy(analyzed, db)
    store = Store(db)
    before = _facts(store)

    def boom(*args, **kwargs):
        raise RuntimeError("crash in a partition")

    monkeypatch.setattr(passes.partition, "timeline_entries", boom)
    with pytest.raises(RuntimeError):
        pipeline.corpus(store, Options())
    assert _facts(store) == before


def _docs() -> list[Document]:
    quake = "A strong earthquake struck the coastal town of Velmora, collapsing bridges; rescuers searched {}."
    vote = "Parliament in Dravik approved the tariff bill after a long budget debate about {} taxes."
    texts = [
        quake.format("overnight"),
        quake.format("at dawn"),
        vote.format("import"),
        vote.format("export"),
        quake.format("near the harbour"),
        "Completely unrelated gardening tips about roses.",
        "",
    ]
    return [Document(f"doc{i}", f"doc{i}", t, t, published=f"2024-0{1 + i % 3}-0{i + 1}") for i, t in enumerate(texts)]


@pytest.mark.parametrize("chunk", [2000, 2])
def test_streamed_story_grouping_equals_group(monkeypatch, chunk):
    monkeypatch.setattr(scratch_mod, "PAIR_CHUNK", chunk)  # story pairs found a few documents at a time
    docs = _docs()
    entities = [
        Entity(stable_id("e", "GPE", n), n, "GPE", (n,), tuple(Mention(d, 0, 3, n, "GPE") for d in ds))
        for n, ds in (("Dravik", ["doc2", "doc3", "doc3"]), ("Velmora", ["doc0", "doc1", "doc4"]))
    ]
    position = {e.id: i for i, e in enumerate(entities)}
    ids = sorted(d.id for d in docs)
    by_id = {d.id: d for d in docs}

    def batches():
        for i in range(0, len(ids), 2):
            out = []
            for doc_id in ids[i : i + 2]:
                counts: dict[str, int] = {}
                for e in entities:
                    for m in e.mentions:
                        if m.doc == doc_id:
                            counts[e.id] = counts.get(e.id, 0) + 1
                out.append(
                    (
                        doc_id,
                        by_id[doc_id].text,
                        by_id[doc_id].published,
                        sorted(counts.items(), key=lambda t: position[t[0]]),
                    )
                )
            yield out

    names = {f"e:{e.id}": e.name for e in entities}
    with Scratch() as scratch:
        streamed = list(stories.group_stream(ids, batches, names, scratch))
    expected = stories.group(docs, entities, [])
    assert sorted(streamed, key=lambda s: (-len(s.docs), s.id)) == expected
    assert any(len(s.docs) > 1 for s in expected)
